"""Forms of the editors' admin: the article form with its edit-conflict check, and workflow inputs."""

from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from taggit.models import Tag

from articles.admin.images import usable_images
from articles.admin.widgets import BrowserDateTimeWidget
from articles.content import Content
from articles.diffing import diff_content, normalise_newlines
from articles.models import Article, display_name
from articles.rendering import body_images


MISSING_EDIT_TOKEN = (
    "Not saved: this form did not say which version of the article it started from, so it could overwrite "
    "someone else's work. Reload the article, then make your change again."
)


EARLIEST_YEAR = 1900  # publication dates before this are taken for a mistyped year
YEARS_AHEAD = 10  # and so are those further ahead than this
TAGS_HELP = "Separate tags with commas. A tag may have several words: “War crimes, Aleppo” is two tags."


class ArticleForm(forms.ModelForm):
    """The article change form.

    ``edit_version`` carries the version the person started from; every change form must send it.
    If someone saved in between, the save is refused with their name and time, and everything typed
    stays in the form (the form is simply shown again with its data).
    """

    edit_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False,
        error_messages={"required": MISSING_EDIT_TOKEN, "invalid": MISSING_EDIT_TOKEN},
    )
    # On a live article: the newest pending revision the form was opened with (0: none), so that an edit saved from
    # an older page never supersedes, unseen, one someone proposed meanwhile.
    edit_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    record_warning_decision = forms.BooleanField(
        required=False,
        label="Record my content-warning decision",
        help_text="Tick to confirm the warnings chosen above (or “no content warnings apply”) as your decision. "
        "Unchecked suggestions are dismissed. Changing the warnings records a decision too.",
    )

    class Meta:
        model = Article
        fields = "__all__"

    def __init__(self, *args, user=None, is_editor=False, pending_revision=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.is_editor = is_editor
        self.conflict = None
        self.conflict_diff = []  # on an edit conflict: the fields where their version and this form differ
        self.schedule_at = None  # the time typed beside "Save and schedule", once checked
        if self.instance.pk:
            self.fields["edit_version"].initial = self.instance.version
            self.fields["edit_version"].required = True  # no token, no save: a change form always sends it
            if self.instance.status == Article.Status.PUBLISHED:
                newest = _newest_pending(self.instance)
                self.fields["edit_revision"].initial = newest.pk if newest is not None else 0
            self.warnings_before = set(self.instance.warnings.values_list("pk", flat=True))
        else:
            self.warnings_before = set()
        # Initial values are set on bound forms too: changed_data (the history's "Changed …" and the
        # warning-decision check) compares what was posted with what the form showed.
        if pending_revision is not None:
            # A live article is edited from its newest pending revision, so edits build on each other.
            pending = pending_revision.content()
            for name, value in pending.stored().items():
                if name in self.fields:
                    self.initial[name] = value.pk if name == "author" and value is not None else value
            if "tags" in self.fields:
                self.initial["tags"] = [Tag(name=name) for name in pending.tags]
            if "warnings" in self.fields:
                self.initial["warnings"] = list(
                    self.fields["warnings"].queryset.filter(slug__in=pending.warnings).values_list("pk", flat=True)
                )
        if "tags" in self.fields:
            self.fields["tags"].help_text = TAGS_HELP
        if "slug" in self.fields:
            self.fields["slug"].required = False  # made from the headline when left empty (clean_slug)
        if not self.is_editor:
            self.fields.pop("record_warning_decision")
        elif self.instance.pk and not self.instance.warnings_decided and "warnings" in self.fields:
            # The decision starts from the suggestions: an editor accepts them by recording it as it stands.
            suggested = list(self.instance.suggested_warnings.values_list("pk", flat=True))
            if suggested:
                self.initial["warnings"] = sorted({*suggested, *self.warnings_before})

    @cached_property
    def changed_data(self):
        """The fields whose value the person changed: text that differs only in line endings (a browser
        sends \r\n) or in spaces at the ends is unchanged."""
        return [name for name in super().changed_data if not self._same_text(name)]

    def _same_text(self, name):
        field = self.fields[name]
        if not isinstance(field, forms.CharField):
            return False
        posted = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        initial = self.get_initial_for_field(field, name)
        return normalise_newlines(str(posted or "")).strip() == normalise_newlines(str(initial or "")).strip()

    def clean_title(self):
        """A headline is one line: line breaks (pasted into its box, or sent by a crafted POST) become spaces."""
        return " ".join(self.cleaned_data["title"].split())

    def clean_published_at(self):
        """A publication time typed before 1900 or more than ten years ahead is a mistyped year: refused,
        naming the date (a time already stored is left as it is)."""
        value = self.cleaned_data.get("published_at")
        if value is None or "published_at" not in self.changed_data:
            return value
        local = timezone.localtime(value)
        if local.year < EARLIEST_YEAR or local > timezone.localtime() + timedelta(days=365 * YEARS_AHEAD):
            when = "before 1900" if local.year < EARLIEST_YEAR else f"more than {YEARS_AHEAD} years ahead"
            raise forms.ValidationError(
                f"{date_format(local, 'j F Y')} is {when}: check the year (leave the date empty while it is unknown).",
                code="implausible_date")
        return value

    def clean_slug(self):
        """An empty slug is made from the headline, so a form with no headline names only the headline;
        a headline with no Latin letter or digit asks for the slug to be typed. A slug made from the
        headline (typed empty, or filled in by the admin's script) that another article already has gets
        the first free "-2", "-3"… on an article readers cannot see yet, so a headline used before never
        stops a save or an autosave with an error about a field the writer did not touch."""
        slug = self.cleaned_data.get("slug")
        title = self.cleaned_data.get("title")  # cleaned before the slug: it comes first in the form
        made = _slug_of(title) if title else ""
        if slug and slug != made and not self._made_from_the_old_headline(slug):
            return slug  # typed by hand: a clash is the writer's to resolve, and the admin says so
        if not title:
            return slug  # the headline's own "required" says what is missing
        if not made:
            raise forms.ValidationError(
                "Type the article's address: the headline has no Latin letter or digit to make it from "
                "(letters a–z, digits and hyphens, e.g. “aleppo-siege”).", code="required")
        if self.instance.status == Article.Status.PUBLISHED:
            return made  # a public address never moves on its own
        return _free_slug(made, self.instance.pk)

    def _made_from_the_old_headline(self, slug: str) -> bool:
        """Whether ``slug`` is the one the stored headline made (perhaps with its "-2"), on an article that has never
        been live (never published nor scheduled): its address then follows a new headline, so that a draft retitled
        in review is not published under the headline it was sent back for. A slug typed by hand (one the old headline
        would not have made, "budget-2025" under "Budget"), or one readers may have seen, stays."""
        article = self.instance
        if article.pk is None or article.status == Article.Status.PUBLISHED or not article.title:
            return False
        old = _slug_of(article.title)
        if not old or slug not in (old, _free_slug(old, article.pk)):
            return False  # (only the "-2" a clash gave it: "budget-2025" under "Budget" was typed)
        return not article.decisions.filter(action__in=WENT_LIVE).exists()

    def clean(self):
        cleaned = super().clean()
        for name in ("standfirst", "body", "warning_note"):  # a browser sends \r\n; stored text uses \n
            if isinstance(cleaned.get(name), str):
                cleaned[name] = normalise_newlines(cleaned[name])
        self._check_conflict(cleaned)
        self._check_schedule()
        if isinstance(cleaned.get("body"), str):
            self._check_body_images(cleaned["body"])
        if self.is_editor and self.warning_decision_requested():
            warnings = cleaned.get("warnings") or []
            none_apply = cleaned.get("no_warnings_apply")
            if warnings and none_apply:
                self.add_error("no_warnings_apply", "Either choose warnings or tick “no content warnings apply”, not both.")
            elif not warnings and not none_apply:
                self.add_error(
                    "warnings",
                    "An empty list is not a decision: choose the warnings that apply, or tick “no content warnings apply”.",
                )
        return cleaned

    def _check_schedule(self):
        """"Save and schedule" carries its time (``_schedule_at``, in the newsroom's time zone): a missing
        or past time refuses the whole save, with one message, so nothing is saved half-done."""
        if self.data.get("_workflow") not in ("schedule", "reschedule"):
            return
        typed = (self.data.get("_schedule_at") or "").strip()
        try:
            at = timezone.make_aware(datetime.fromisoformat(typed)) if typed else None
        except ValueError:
            at = None
        zone = settings.TIME_ZONE
        if at is None:
            raise forms.ValidationError(f"Not saved: choose the date and time ({zone}) to schedule the article for.",
                                        code="schedule_time")
        if at <= timezone.now():
            when = date_format(timezone.localtime(at), "j M Y, H:i")
            raise forms.ValidationError(f"Not saved: {when} ({zone}) has already passed. Choose a time in the future "
                                        "to schedule the article, or publish it now.", code="schedule_time")
        self.schedule_at = at

    def _check_body_images(self, body):
        """Pictures in the body come only from the library, each on a line of its own, and a writer places
        only pictures she uploaded: anything else is named, and nothing is saved."""
        found = body_images(body)
        problems = found.problems
        if found.placed:
            usable = set(usable_images(self.user).filter(pk__in=found.placed).values_list("pk", flat=True))
            problems += [f"“image:{number}” is not a picture in the library{'' if self.is_editor else ' that you uploaded'}"
                         for number in dict.fromkeys(found.placed) if number not in usable]
        if problems:
            self.add_error("body", [f"Pictures: {problem}." for problem in problems])

    def warning_decision_requested(self):
        """An editor asked to record a decision, or changed the warnings."""
        if not self.is_editor:
            return False
        if self.cleaned_data.get("record_warning_decision"):
            return True
        changed = {"warnings", "no_warnings_apply"} & set(self.changed_data)
        return bool(changed)

    def _check_conflict(self, cleaned):
        if not self.instance.pk:
            return
        started_from = cleaned.get("edit_version")
        current = Article.objects.select_for_update(of=("self",)).select_related("last_edited_by").get(pk=self.instance.pk)
        if started_from is None:
            return  # required on a change form: already refused with MISSING_EDIT_TOKEN
        if started_from == current.version:
            self._check_revision_conflict(cleaned, current)
            return
        who = display_name(current.last_edited_by) if current.last_edited_by else "someone else"
        when = date_format(timezone.localtime(current.updated_at), "j F Y, H:i")
        self.conflict = (who, when)
        self.conflict_diff = conflict_diff(Content.of(current), cleaned)
        # Let the next save go through once the person has looked: it starts from the current version.
        self.data = self.data.copy()
        self.data[self.add_prefix("edit_version")] = current.version
        raise forms.ValidationError(
            f"Not saved: {who} saved this article on {when}, after you opened it. Your text is still in the "
            "form below, under where their version differs from it; merge what you need of theirs, then save "
            "again (saving again replaces their version with this form).",
            code="edit_conflict",
        )

    def _check_revision_conflict(self, cleaned, current):
        """On a live article, an edit refused when someone proposed a pending revision after the form was opened (its
        edit_revision is not the newest pending one): saved, it would supersede theirs unseen."""
        if current.status != Article.Status.PUBLISHED or self.data.get(self.add_prefix("edit_revision")) in (None, ""):
            return
        newest = _newest_pending(current)
        if newest is None or newest.pk == (cleaned.get("edit_revision") or 0):
            return  # (none pending now, the one it was opened with sent back or approved: nothing to supersede)
        who = display_name(newest.created_by) if newest.created_by else "someone"
        when = date_format(timezone.localtime(newest.created_at), "j F Y, H:i")
        self.conflict = (who, when)
        self.conflict_diff = conflict_diff(newest.content(), cleaned)
        self.data = self.data.copy()
        self.data[self.add_prefix("edit_revision")] = newest.pk  # (the next save, once looked at, builds on theirs)
        raise forms.ValidationError(
            f"Not saved: {who} saved an edit of this live article on {when} (a pending revision), after you opened it. "
            "Your text is still in the form below, under where their edit differs from it; merge what you need of "
            "theirs, then save again (saving again replaces their pending edit with this form).",
            code="edit_conflict",
        )


def _newest_pending(article: Article):
    """The newest pending revision of a live article that a person proposed (an import's waits apart), or None."""
    return article.revisions.exclude(source="import").select_related("created_by").newest_pending()


WENT_LIVE = ("publish", "schedule", "reschedule", "imported_and_published")  # decisions after which readers had an address


def _slug_of(title: str) -> str:
    return slugify(title)[: Article._meta.get_field("slug").max_length].strip("-")


def _free_slug(slug: str, own_pk) -> str:
    """``slug``, or with the first free "-2", "-3"… when another article has it."""
    others = Article.objects.exclude(pk=own_pk)
    limit = Article._meta.get_field("slug").max_length
    candidate, number = slug, 2
    while others.filter(slug=candidate).exists():
        candidate = f"{slug[: limit - len(str(number)) - 1].rstrip('-')}-{number}"
        number += 1
    return candidate


def conflict_diff(theirs: Content, cleaned: dict) -> list:
    """The fields where the version saved meanwhile (``theirs``) and what this form holds (``cleaned``)
    differ, as articles.diffing reads them: from theirs to the form's, i.e. what saving again would change.
    Fields the form does not show (or could not read) keep theirs, so they never show as differences."""
    typed = Content.from_form(cleaned, start=theirs)
    return [field for field in diff_content(theirs, typed) if field.changed]


class TransitionForm(forms.Form):
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 6, "class": "vLargeTextField"}), required=False)
    publish_at = forms.SplitDateTimeField(
        required=False,
        label="Publication time",
        widget=BrowserDateTimeWidget("Publication date", "Publication time"),
        help_text="The article becomes visible to readers at this moment.",
    )

    def __init__(self, *args, transition, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        self.fields["comment"].label = transition.comment_label + ("" if transition.needs_comment else " (optional)")
        self.fields["comment"].required = transition.needs_comment
        if not transition.needs_time:
            del self.fields["publish_at"]
        else:
            self.fields["publish_at"].required = True
            self.fields["publish_at"].help_text = (
                f"The article becomes visible to readers at this moment, in the newsroom's time zone ({settings.TIME_ZONE})."
            )
            self.fields["publish_at"].initial = (timezone.localtime() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)

    def clean_publish_at(self):
        value = self.cleaned_data.get("publish_at")
        if value is not None and value <= timezone.now():
            raise forms.ValidationError(
                f"{date_format(timezone.localtime(value), 'j M Y, H:i')} ({settings.TIME_ZONE}) has already passed: "
                "choose a time in the future."
            )
        return value


class RevisionReviewForm(forms.Form):
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Comment")


class MergeTagsForm(forms.Form):
    """Which of the selected tags to keep: each offered with its number of articles (``article_count``, when
    the queryset carries it), the most used chosen to start with."""

    keep = forms.ModelChoiceField(queryset=Tag.objects.none(), label="Keep this tag", empty_label=None,
                                  widget=forms.RadioSelect)

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["keep"]
        field.queryset = tags
        field.label_from_instance = _tag_choice_label
        most_used = max(tags, key=lambda tag: getattr(tag, "article_count", 0), default=None)
        if most_used is not None:
            field.initial = most_used.pk


def _tag_choice_label(tag):
    count = getattr(tag, "article_count", None)
    articles = "" if count is None else f", {count} article{'' if count == 1 else 's'}"
    return f"{tag.name} ({tag.slug}{articles})"


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(min_value=1, max_value=30, initial=3, label="Valid for (days)")
