"""Newsroom models. The one rule for what readers may see lives in ArticleQuerySet.published()."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles import bodies
from articles.lexicon import parse_terms
from articles.content import Content
from articles.rendering import body_images
from articles.urling import path_to


def display_name(user):
    """How the newsroom names a colleague: her byline, else her full name, else her login."""
    if user is None:
        return "the importer"
    profile = getattr(user, "author_profile", None)
    return (profile.name if profile else "") or user.get_full_name() or user.get_username()


class Author(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text="Used in the author's public URL, /authors/<slug>/. Letters of any script, digits and hyphens.",
    )
    bio = models.TextField(blank=True, help_text="A short biography shown on the author's page. Plain text.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text="The writer's login. Their new articles get this author by default.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return path_to("articles:author-detail", self.slug)


class ContentWarning(models.Model):
    """One entry of the content-warning vocabulary readers can filter by."""

    slug = models.SlugField(max_length=80, unique=True)
    label = models.CharField(max_length=120, unique=True, help_text="Shown to readers, e.g. “Graphic violence”.")
    description = models.TextField(blank=True, help_text="Explains to readers what this warning covers.")
    keywords = models.TextField(
        blank=True,
        help_text="Words or phrases in a source's warning note that map to this warning, one per line or "
        "comma-separated. End a word with * to match any ending (mutilat* matches “mutilated”).",
    )

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label

    @property
    def terms(self):
        return parse_terms(self.keywords)


class Topic(models.Model):
    """A tag the importer applies when any of its signal words occur in an article's title or body."""

    name = models.CharField(max_length=100, unique=True, help_text="The tag to apply, e.g. “Daesh”.")
    signals = models.TextField(
        help_text="Words or phrases that signal this topic, one per line or comma-separated, e.g. "
        "“ISIS, Isil, Islamic State”. The tag name itself always counts. End a word with * to match any ending.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def terms(self):
        return [self.name, *parse_terms(self.signals)]


class TaggedArticleQuerySet(models.QuerySet):
    def visible(self):
        """Links whose article readers may see: ``ArticleQuerySet.published()``'s rule, read from the link's
        own ``visible_from`` (the article's publication time while it is published; migration 0019's
        triggers keep it in step on every write, raw SQL included)."""
        return self.filter(visible_from__lte=timezone.now())


class TaggedArticle(TaggedItemBase):
    """Through model giving tags a real foreign key to Article (cheap joins, counts per tag)."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="tagged_items")
    visible_from = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="The article's publication time while it is published, else empty (kept by the database).",
    )

    objects = TaggedArticleQuerySet.as_manager()

    class Meta:
        indexes = [
            # A tag's visible articles, newest first, whatever the tag's size (migration 0019's triggers).
            models.Index(fields=["tag", "visible_from", "content_object"], name="tagged_visible_idx"),
        ]


def listing_prefetches(warnings=True):
    """What ``for_listing`` prefetches beside the author and featured image it joins: the tags by name
    (read by ``Article.tag_list``), the featured image's renditions (no query when no article has one)
    and, unless ``warnings=False``, the warnings. For ``prefetch_related_objects`` on rows already read."""
    tagged = TaggedArticle.objects.select_related("tag").order_by("tag__name")
    return [Prefetch("tagged_items", queryset=tagged), "featured_image__renditions", *(["warnings"] if warnings else [])]


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles readers may see: published, with a publication time that has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    @staticmethod
    def published_sql(alias, now):
        """``published()``'s rule for hand-written SQL (articles/pagereads.py): a condition on the
        article table under ``alias`` and its parameters, ``now`` already adapted for the database. The
        same two comparisons in the ORM's order (SQLite takes a range from the first bound it reads);
        tests/test_querysets.py holds both spellings to the same rows."""
        return f"{alias}.published_at <= %s AND {alias}.status = %s", [now, Article.Status.PUBLISHED.value]

    def with_corrected_at(self):
        """Each article with ``corrected_at``: when a correction of it last went live or was withdrawn (or None)."""
        latest = (
            Correction.objects.filter(article=OuterRef("pk"))
            .annotate(changed=Coalesce("withdrawn_at", "created_at"))
            .order_by("-changed")
            .values("changed")[:1]
        )
        return self.annotate(corrected_at=Subquery(latest))

    def scheduled(self):
        """Articles published for a time still to come: they go live by themselves at that time."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def tagged(self, tag):
        """These articles carrying ``tag``, newest first, read from the tag's own links: the links'
        ``visible_from`` (the publication time, kept by the database while the article is published)
        passes the same rule as ``published()``, from the tag's index, so a tag on one article from
        2009 costs what one on thirty thousand does."""
        return self.filter(tagged_items__tag=tag, tagged_items__visible_from__lte=timezone.now()).order_by(
            "-tagged_items__visible_from", "-tagged_items__content_object_id"
        )

    def drafts(self):
        """Articles still being written (a draft never concerns readers)."""
        return self.filter(status=Article.Status.DRAFT)

    def in_review(self):
        """Articles submitted (or imported) and waiting for an editor's decision."""
        return self.filter(status=Article.Status.IN_REVIEW)

    def held_imports(self):
        """Articles in review that the importer held, with its reasons still open (``review_reasons``)."""
        return self.in_review().exclude(review_reasons=[])

    def awaiting_review(self):
        """What the review queue lists: articles in review, and published ones with a pending revision
        (annotated ``has_pending``; a revision of an article since unpublished waits for no one: its draft's
        form links it)."""
        pending = Revision.objects.pending().filter(article=models.OuterRef("pk"))
        return self.annotate(has_pending=models.Exists(pending)).filter(
            models.Q(status=Article.Status.IN_REVIEW) | models.Q(has_pending=True, status=Article.Status.PUBLISHED)
        )

    def submitted(self):
        """Articles in review that no open importer's reason holds: submitted by a writer or an editor."""
        return self.in_review().filter(review_reasons=[])

    def owned_by(self, user):
        """The articles ``user`` created or that carry her byline: ``Article.is_owned_by`` as a filter."""
        return self.filter(models.Q(created_by=user) | models.Q(author__user=user))

    def with_last_move(self):
        """Annotate each article with its latest change of state in the record of decisions:
        ``last_move_id`` and ``last_move_action`` (None for an article never moved)."""
        moves = Decision.objects.filter(article=models.OuterRef("pk")).exclude(from_status=models.F("to_status"))
        latest = moves.order_by("-at", "-id")
        return self.annotate(
            last_move_id=models.Subquery(latest.values("pk")[:1]),
            last_move_action=models.Subquery(latest.values("action")[:1]),
        )

    def sent_back(self):
        """Drafts whose latest change of state was an editor's request for changes."""
        return self.drafts().with_last_move().filter(last_move_action="request_changes")

    def with_submit_comment(self):
        """Annotate each article with ``submit_comment``: what its writer wrote on her latest submission."""
        submits = Decision.objects.filter(article=models.OuterRef("pk"), action="submit").order_by("-at", "-id")
        return self.annotate(submit_comment=models.Subquery(submits.values("comment")[:1]))

    def next_publication(self):
        """When the next scheduled article goes live, or None."""
        return self.scheduled().order_by("published_at").values_list("published_at", flat=True).first()

    def for_listing(self, warnings=True):
        """Load what an article card shows, in a fixed number of queries (``tag_list`` reads the
        prefetched through rows: cheaper than taggit's own prefetch). ``warnings=False``: the caller
        reads the warnings itself, with other articles' (prefetch_related_objects)."""
        return self.select_related("author", "featured_image").prefetch_related(*listing_prefetches(warnings))


LOADED_LISTS = ("tag_list", "warning_list", "rendition_list")  # the cached lists readers read (listing.set_loaded)


def forget_loaded(instance) -> None:
    """Forget the lists read with ``instance`` (those of ``LOADED_LISTS`` it has), so they are read again."""
    for name in LOADED_LISTS:
        instance.__dict__.pop(name, None)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the article's public URL. Keep it stable once published.")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, null=True, blank=True, related_name="articles")
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When readers may see the article. Leave empty while unknown; a published article must have one.",
    )
    standfirst = models.TextField(blank=True, help_text="One or two sentences under the headline. Plain text.")
    body = models.TextField(
        blank=True,
        # Django shows help text as HTML (forms and read-only pages alike): the link form is written as entities.
        help_text="Markdown (CommonMark): blank line between paragraphs, ## for a sub-heading, &gt; for a quotation, "
        "&lt;https://…&gt; for a link. HTML is not interpreted.",
    )
    # The body's sanitised HTML and its seal, kept in step with the body on every save (articles/bodies.py).
    body_html = models.TextField(blank=True, editable=False)
    body_html_seal = models.CharField(max_length=64, blank=True, editable=False)
    tags = TaggableManager(through=TaggedArticle, blank=True, help_text="Comma-separated tags.")
    warnings = models.ManyToManyField(
        ContentWarning,
        blank=True,
        related_name="articles",
        verbose_name="content warnings",
        help_text="Shown to readers before the text; readers can filter these out.",
    )
    warning_note = models.TextField(
        "the source's warning note", blank=True,
        help_text="The content warning as the source worded it (the importer fills it in); readers see it "
        "credited to the source.",
    )
    newsroom_note = models.TextField(
        "our warning note", blank=True,
        help_text="A note of the newsroom's own about what the article contains (e.g. “Describes the aftermath "
        "of an air strike.”). Readers see it with the warnings, credited to the newsroom.",
    )
    image_credit = models.CharField("featured-image credit", max_length=200, blank=True)
    featured_image = models.ForeignKey(
        "Image", on_delete=models.PROTECT, null=True, blank=True, related_name="featured_in",
        help_text="Shown above the text (inside the warning, for a warned article), and in lists and link "
        "previews only when the article has no content warning and the picture is not graphic.",
    )
    body_images = models.ManyToManyField(
        "Image", through="BodyImage", blank=True, editable=False, related_name="in_bodies",
        help_text="The library images the body places (kept in step with the body on every save).",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False, db_index=True)
    review_reasons = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Why the importer could not publish this article.",
    )
    source_name = models.CharField(
        max_length=255,
        blank=True,
        editable=False,
        db_index=True,  # the importer looks every file up by it; SQLite cannot use the partial unique index
        help_text="The imported file's name.",
    )
    source_hash = models.CharField(max_length=64, blank=True, editable=False, help_text="SHA-256 of the raw imported text.")
    import_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Hash of the content as the importer last saved it; a difference means someone edited it since.",
    )
    suggested_warnings = models.ManyToManyField(
        ContentWarning,
        blank=True,
        related_name="+",
        verbose_name="suggested content warnings",
        help_text="Warnings the writer proposes, or the lexicon suggests from words in the text. Never shown to "
        "readers; an editor accepts or dismisses each one.",
    )
    no_warnings_apply = models.BooleanField(
        "no content warnings apply",
        default=False,
        help_text="An editor's explicit decision that this article needs no warning. An empty list is not a decision.",
    )
    warnings_decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    warnings_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Goes up on every save; a form saved from an older version is refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
            ("review_article", "Can review articles: request changes, decide warnings, approve revisions"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="published_article_has_date",
                violation_error_message="A published article needs a publication date.",
            ),
            models.UniqueConstraint(
                fields=["source_name"],
                condition=~models.Q(source_name=""),
                name="one_article_per_source",
            ),
            models.CheckConstraint(
                condition=~models.Q(title__contains="\n") & ~models.Q(title__contains="\r"),
                name="title_is_one_line",
                violation_error_message="A headline is one line: it cannot contain line breaks.",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"], name="article_visibility_idx"),
            # An author's page: their visible articles, newest first, read straight from the index.
            models.Index(fields=["author", "status", "published_at"], name="article_author_visible_idx"),
        ]

    def __str__(self):
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded = {name: instance.__dict__.get(name) for name in Article.PLACEMENT_FIELDS}  # as read
        instance._loaded_status = instance._loaded["status"]
        return instance

    # What decides which public lists an article is in, and where: a change to one moves it between pages.
    PLACEMENT_FIELDS = ("status", "published_at", "author_id", "slug")

    def loaded(self, name):
        """The field's value as read from the database (None for a new article or a deferred field)."""
        return getattr(self, "_loaded", {}).get(name)

    @property
    def placement_changed(self):
        """True unless every placement field is known to be as it was read (articles/signals.py)."""
        loaded = getattr(self, "_loaded", None)
        return loaded is None or any(loaded[name] != getattr(self, name) for name in self.PLACEMENT_FIELDS)

    @property
    def concerns_readers(self):
        """True if a change to this article can change what readers see: it is published (live or
        scheduled) now, or was when it was read from the database."""
        return self.Status.PUBLISHED in (self.status, getattr(self, "_loaded_status", None))

    def get_absolute_url(self):
        return path_to("articles:article-detail", self.slug)

    @cached_property
    def tag_list(self):
        """The article's tags by name: set with rows read with the article's (``listing.set_loaded``), else from
        for_listing()'s prefetch when there is one, else one query."""
        if "tagged_items" in getattr(self, "_prefetched_objects_cache", {}):
            return [item.tag for item in self.tagged_items.all()]
        return [item.tag for item in self.tagged_items.select_related("tag").order_by("tag__name")]

    def refresh_from_db(self, *args, **kwargs):
        """Read the row again, and forget the lists read with it before (``tag_list``, ``warning_list``)."""
        super().refresh_from_db(*args, **kwargs)
        forget_loaded(self)

    @cached_property
    def warning_list(self):
        """The article's warnings by label, as its page, lists and link previews show them: set with rows read
        with the article's (``listing.set_loaded``), else ``warnings.all()`` (prefetched or one query)."""
        return list(self.warnings.all())

    # Why the importer held an article; each goes once what it names is fixed (resolve_review_reasons).
    UNSURE_TITLE = "the headline is a guess: nothing around it confirmed which line it is"
    NO_AUTHOR = "no author found"
    NO_DATE = "no publication date found"
    NO_BODY = "no body text found"
    WARNING_REASONS = ("the source's warning note matches no content warning", "suggested content warnings need")

    def resolve_review_reasons(self):
        """Keep only the importer's reasons that still hold: none once published (an editor decided),
        the warning ones once warnings are decided, the others once their field is filled in."""
        if self.status == self.Status.PUBLISHED:
            return []
        fixed = {self.NO_AUTHOR: self.author_id is not None, self.NO_DATE: self.published_at is not None,
                 self.NO_BODY: bool(self.body.strip())}
        return [
            reason for reason in self.review_reasons
            if not fixed.get(reason, False) and not (self.warnings_decided and reason.startswith(self.WARNING_REASONS))
        ]

    def save(self, *args, **kwargs):
        """Every write of the row makes a new edit-conflict token (``version``), whoever writes it and
        whatever fields it names: a form started before any write is then refused, never saved over it.
        The importer's reasons for holding the article are resolved on the same write, and a written body's
        sanitised HTML is kept beside it (articles/bodies.py)."""
        if self.pk is not None:
            self.version += 1
        self.review_reasons = self.resolve_review_reasons()
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.__dict__.update(bodies.kept(self.body))
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version", "updated_at", "review_reasons",
                                       *(("body_html", "body_html_seal") if "body" in update_fields else ())}
        adding = self._state.adding
        super().save(*args, **kwargs)
        if update_fields is None or "body" in update_fields:
            self._keep_body_images(adding)

    def _keep_body_images(self, adding):
        """body_images: the library images the body places (an image in use cannot then be deleted)."""
        numbers = body_images(self.body).placed if "image:" in self.body else ()
        if numbers or not adding:
            self.body_images.set(Image.objects.filter(pk__in=numbers))

    @property
    def warnings_decided(self):
        """An explicit decision exists: specific warnings, or “no warnings apply”."""
        return self.warnings_decided_at is not None

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.published_at is not None and self.published_at > timezone.now()

    def is_owned_by(self, user):
        """The writer who created the article, or whose author it is."""
        if not user.is_authenticated:
            return False
        return self.created_by_id == user.pk or (self.author is not None and self.author.user_id == user.pk)

    @property
    def state_label(self):
        """The state as editors say it: "Draft", "In review", "Published", or "Scheduled for 22 Nov 2026, 09:00"."""
        if self.is_scheduled:
            return f"Scheduled for {date_format(timezone.localtime(self.published_at), 'j M Y, H:i')}"
        return self.get_status_display()

    @property
    def is_live(self):
        return self.status == self.Status.PUBLISHED and self.published_at is not None and self.published_at <= timezone.now()


class ReviewQueue(Article):
    """The editors' queue: articles in review and live articles with a pending revision."""

    class Meta:
        proxy = True
        verbose_name = "review queue item"
        verbose_name_plural = "review queue"


class Decision(models.Model):
    """An append-only record of one editorial decision: a transition, a warning decision, a revision review."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="decisions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when the importer decided.",
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    comment = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True, help_text="What changed, e.g. warnings added and removed.")

    class Meta:
        ordering = ["-at", "-id"]
        get_latest_by = "at"

    def __str__(self):
        return f"{self.get_action_display()} by {self.actor_name} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def actor_name(self):
        return display_name(self.actor)

    # How the record names each action (a new action reads as its code, underscores made spaces).
    ACTION_LABELS = {
        "submit": "Submitted for review",
        "withdraw": "Withdrawn from review",
        "request_changes": "Changes requested",
        "publish": "Published",
        "schedule": "Scheduled",
        "reschedule": "Rescheduled",
        "cancel_schedule": "Schedule cancelled",
        "unpublish": "Unpublished",
        "imported_and_published": "Imported and published",
        "imported_for_review": "Imported and held for review",
        "revision_proposed": "Revision proposed",
        "revision_approved": "Revision approved",
        "revision_sent_back": "Revision sent back",
        "warnings_decided": "Warnings decided",
    }

    @classmethod
    def label_of(cls, action):
        """The readable name of a stored action code: "imported_and_published" -> "Imported and published"."""
        return cls.ACTION_LABELS.get(action) or action.replace("_", " ").capitalize()

    def get_action_display(self):
        return self.label_of(self.action)

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Decisions are a record: they are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Decisions are a record: they are never deleted.")


class CorrectionQuerySet(models.QuerySet):
    def delete(self):
        raise ValueError("Corrections are never deleted: withdraw one instead, which leaves a dated note.")


class Correction(models.Model):
    """A dated note an editor adds to a live article: a correction, update, clarification or editor's note.

    It goes live at once, without a revision of the body. It is never deleted: withdrawing one keeps
    the row and shows readers when and why it was withdrawn (articles/workflow/corrections.py).
    """

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"
        CLARIFICATION = "clarification", "Clarification"
        EDITORS_NOTE = "editors_note", "Editor’s note"

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="corrections")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(help_text="What readers are told, in Markdown like the body. No pictures.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawal_note = models.TextField(blank=True, help_text="Why it was withdrawn; readers see it with the date.")

    objects = CorrectionQuerySet.as_manager()

    WITHDRAWAL_FIELDS = frozenset({"withdrawn_at", "withdrawn_by", "withdrawal_note"})

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="correction_has_text"),
            models.CheckConstraint(
                condition=models.Q(kind__in=["correction", "update", "clarification", "editors_note"]),
                name="correction_kind_known",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True, withdrawal_note="")
                | (models.Q(withdrawn_at__isnull=False) & ~models.Q(withdrawal_note="")),
                name="correction_withdrawn_with_a_note",
                violation_error_message="A withdrawn correction needs its date and a note saying why.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to “{self.article}” ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def changed_at(self):
        """When readers last saw this note change: its withdrawal, else its publication."""
        return self.withdrawn_at or self.created_at

    @property
    def goes_first(self):
        """A correction stands above the article's text; updates, clarifications and notes follow it."""
        return self.kind == self.Kind.CORRECTION

    def save(self, *args, **kwargs):
        """A new correction is saved whole; after that only its withdrawal is written (``update_fields``)."""
        update_fields = kwargs.get("update_fields")
        if self.pk is not None and (update_fields is None or not set(update_fields) <= self.WITHDRAWAL_FIELDS):
            raise ValueError("A published correction is never rewritten: withdraw it and add a new one.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Corrections are never deleted: withdraw one instead, which leaves a dated note.")


class RevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Revision.Status.PENDING)

    def autosaved_by(self, user):
        """``user``'s unfinished edits of live articles, newest first (one per article at most)."""
        return self.filter(status=Revision.Status.AUTOSAVED, created_by=user).order_by("-created_at", "-pk")

    def newest_pending(self):
        """The pending revision proposed last (an editor's over an older import's), or None."""
        return self.pending().order_by("-created_at", "-pk").first()


class Revision(models.Model):
    """A snapshot of an article's content: a pending edit of a live article, or the history of what was live."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending review"
        APPROVED = "approved", "Approved (went live)"
        REJECTED = "rejected", "Changes requested"
        SUPERSEDED = "superseded", "Superseded"
        AUTOSAVED = "autosaved", "Autosaved (not yet sent for review)"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    source = models.CharField(max_length=20, default="edit", help_text="edit, import, revert or publish.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)
    title = models.CharField(max_length=300)
    author = models.ForeignKey(Author, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True)
    image_credit = models.CharField(max_length=200, blank=True)
    featured_image = models.ForeignKey("Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    warning_note = models.TextField(blank=True)
    newsroom_note = models.TextField(blank=True)
    tags = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True, help_text="Content-warning slugs.")
    no_warnings_apply = models.BooleanField(default=False)
    source_hash = models.CharField(max_length=64, blank=True)

    objects = RevisionQuerySet.as_manager()

    def content(self) -> Content:
        """This revision's content: its columns named in content.STORED (copies of the article's columns of the
        same names), with the tags (names) and warnings (slugs) it keeps as JSON lists."""
        return Content.of(self)

    def __str__(self):
        return f"{self.article} — {self.get_status_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class PreviewLink(models.Model):
    """A signed, expiring, revocable link letting an outside reviewer read one unpublished article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="preview_links")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Preview of {self.article} until {self.expires_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()


class TagRedirect(models.Model):
    """The slug of a tag merged into another; its old URL redirects to the kept tag."""

    old_slug = models.CharField(max_length=100, unique=True)
    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, related_name="redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.tag.slug}"


def _image_name(instance, filename):
    """A generated name: never a path or a name the uploader chose."""
    return f"images/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Image(models.Model):
    """A picture in the library. Its file is re-encoded on upload (articles/images.py): no metadata."""

    file = models.FileField(upload_to=_image_name, editable=False)
    title = models.CharField(max_length=200, help_text="For finding it in the library; readers do not see it.")
    alt_text = models.CharField(
        "alt text", max_length=300, blank=True,
        help_text="What the picture shows, for people who cannot see it. Required unless it is decorative.",
    )
    decorative = models.BooleanField(
        default=False, help_text="Adds nothing a reader who cannot see it would miss; screen readers skip it."
    )
    caption = models.TextField(blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text="The photographer or agency, as published.")
    graphic = models.BooleanField(
        default=False,
        help_text="Shows injury, death or violence. Readers always see it covered until they choose to show it, "
        "and it never appears in lists, link previews or feeds.",
    )
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "picture"  # the desk's word: "Pictures", "Add picture", "The picture … was changed"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(alt_text="") | models.Q(decorative=True), name="image_alt_text_unless_decorative"
            ),
        ]

    def __str__(self):
        return self.title

    def refresh_from_db(self, *args, **kwargs):
        """Read the row again, and forget the renditions read with it before (``rendition_list``)."""
        super().refresh_from_db(*args, **kwargs)
        forget_loaded(self)

    @cached_property
    def rendition_list(self):
        """The picture's renditions by width and format: set with rows read with the picture's
        (``listing.set_loaded``), else ``renditions.all()`` (prefetched or one query)."""
        return list(self.renditions.all())


class BodyImage(models.Model):
    """A library image an article's body places. An image in use cannot be deleted (PROTECT)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    image = models.ForeignKey(Image, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "image"], name="one_link_per_body_image")]


class Rendition(models.Model):
    """One size and format of a library picture, made once when it is uploaded."""

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    format = models.CharField(max_length=8)  # "WEBP", "JPEG" or "PNG"
    file = models.FileField()
    size = models.PositiveIntegerField(default=0, help_text="Bytes (feeds announce it; asking storage would cost a request).")

    class Meta:
        ordering = ["image", "width", "format"]
        constraints = [models.UniqueConstraint(fields=["image", "width", "format"], name="one_rendition_per_size_and_format")]

    @property
    def mime_type(self):
        return {"WEBP": "image/webp", "JPEG": "image/jpeg", "PNG": "image/png"}[self.format]
