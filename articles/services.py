"""Every change of an article's state, in one place.

One table (TRANSITIONS) says which moves exist, from which states, and who may
make them. Each move runs in a transaction that locks the article's row, checks
the state and the acting user's permission, changes the article and writes a
Decision (the append-only record). The admin and the importer only call these
functions; nothing else writes ``Article.status``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from articles import notifications
from articles.models import Article, ContentWarning, Decision, Revision

Status = Article.Status


class WorkflowError(Exception):
    """A move that is not allowed; nothing was changed. The message says why, for the person who tried."""


@enum.unique  # two members with one value would make the second an alias, and its check dead code
class Role(enum.Enum):
    OWNER = "the article's writer or an editor"
    SUBMITTER = "the writer who submitted it or an editor"
    REVIEWER = "an editor who may review"
    PUBLISHER = "an editor who may publish"


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    role: Role
    needs_comment: bool = False
    comment_label: str = "Comment"
    needs_time: bool = False


TRANSITIONS = {
    t.name: t
    for t in [
        Transition("submit", "Submit for review", frozenset({Status.DRAFT}), Status.IN_REVIEW, Role.OWNER),
        Transition("withdraw", "Withdraw from review", frozenset({Status.IN_REVIEW}), Status.DRAFT, Role.SUBMITTER),
        Transition(
            "request_changes",
            "Request changes",
            frozenset({Status.IN_REVIEW}),
            Status.DRAFT,
            Role.REVIEWER,
            needs_comment=True,
            comment_label="What needs to change",
        ),
        Transition("publish", "Publish now", frozenset({Status.IN_REVIEW}), Status.PUBLISHED, Role.PUBLISHER),
        Transition(
            "schedule", "Schedule", frozenset({Status.IN_REVIEW}), Status.PUBLISHED, Role.PUBLISHER, needs_time=True
        ),
        Transition(
            "unpublish",
            "Unpublish",
            frozenset({Status.PUBLISHED}),
            Status.DRAFT,
            Role.PUBLISHER,
            needs_comment=True,
            comment_label="Reason for unpublishing",
        ),
    ]
}


# --- who may do what ------------------------------------------------------------------------------


def is_editor(user) -> bool:
    return bool(user and user.is_active and (user.is_superuser or user.has_perm("articles.review_article")))


def can_publish(user) -> bool:
    return bool(user and user.is_active and (user.is_superuser or user.has_perm("articles.publish_article")))


def can_view(user, article: Article) -> bool:
    """Editors see every article in admin; writers see their own."""
    if not (user and user.is_active and user.has_perm("articles.view_article")):
        return False
    return is_editor(user) or article.is_owned_by(user)


def can_edit(user, article: Article) -> bool:
    """Editors edit any article (a live one through a pending revision); writers only their own drafts."""
    if not (user and user.is_active and user.has_perm("articles.change_article")):
        return False
    if is_editor(user):
        return True
    return article.status == Status.DRAFT and article.is_owned_by(user)


def _role_allows(role: Role, user, article: Article) -> bool:
    if not (user and user.is_active and user.has_perm("articles.change_article")):
        return False
    if role is Role.OWNER:
        return is_editor(user) or article.is_owned_by(user)
    if role is Role.SUBMITTER:
        return is_editor(user) or (article.submitted_by_id == user.pk or article.is_owned_by(user))
    if role is Role.REVIEWER:
        return is_editor(user)
    return can_publish(user)


def check(name: str, user, article: Article) -> Transition:
    """Return the transition if ``user`` may make it on ``article`` now; raise WorkflowError saying why not."""
    try:
        transition = TRANSITIONS[name]
    except KeyError:
        raise WorkflowError(f"There is no workflow action called “{name}”.") from None
    if article.status not in transition.sources:
        allowed = " or ".join(Status(s).label.lower() for s in sorted(transition.sources))
        raise WorkflowError(
            f"Cannot {transition.label.lower()} “{article.title}”: it is {article.get_status_display().lower()}, "
            f"and this is only possible when it is {allowed}."
        )
    if not _role_allows(transition.role, user, article):
        raise WorkflowError(
            f"You may not {transition.label.lower()} “{article.title}”: only {transition.role.value} may."
        )
    return transition


def allowed_transitions(user, article: Article) -> list[Transition]:
    result = []
    for name in TRANSITIONS:
        try:
            result.append(check(name, user, article))
        except WorkflowError:
            pass
    return result


# --- transitions ------------------------------------------------------------------------------------


def perform(name: str, article: Article, user, *, comment: str = "", at: datetime | None = None) -> Article:
    """Make the move ``name`` on ``article`` as ``user``. Raises WorkflowError and changes nothing if not allowed."""
    comment = (comment or "").strip()
    with transaction.atomic():
        locked = Article.objects.select_for_update(of=("self",)).select_related("author").get(pk=article.pk)
        transition = check(name, user, locked)
        if transition.needs_comment and not comment:
            raise WorkflowError(f"{transition.comment_label} is required to {transition.label.lower()}.")
        previous = locked.status
        now = timezone.now()
        update = ["status", "version", "updated_at"]
        if transition.target == Status.PUBLISHED:
            _check_publishable(locked)
            if name == "schedule":
                if at is None or at <= now:
                    raise WorkflowError("Choose a publication time in the future to schedule an article.")
                locked.published_at = at
            elif locked.published_at is None or locked.published_at > now:
                locked.published_at = now
            update.append("published_at")
        if name == "submit":
            locked.submitted_at, locked.submitted_by = now, user
            update += ["submitted_at", "submitted_by"]
        locked.status = transition.target
        locked.version += 1
        locked.save(update_fields=update)
        changes = {}
        if transition.target == Status.PUBLISHED:
            changes["published_at"] = locked.published_at.isoformat()
            snapshot_live(locked, user, source=name)
        record(locked, user, name, previous, locked.status, comment, changes)
        transaction.on_commit(lambda: notifications.transition_made(locked, name, user, comment), robust=True)
    article.refresh_from_db()
    return article


def perform_many(name: str, articles, user, **kwargs) -> list[Article]:
    """Make one move on several articles: every one is checked first, and if any is refused none changes."""
    articles = list(articles)
    refusals = []
    for article in articles:
        try:
            check(name, user, article)
            if TRANSITIONS[name].target == Status.PUBLISHED:
                _check_publishable(article)
        except WorkflowError as error:
            refusals.append(str(error))
    if refusals:
        raise WorkflowError(" ".join(["Nothing was changed.", *refusals]))
    with transaction.atomic():
        return [perform(name, article, user, **kwargs) for article in articles]


def _check_publishable(article: Article):
    missing = []
    if not article.title.strip():
        missing.append("a title")
    if not article.body.strip():
        missing.append("a body")
    if article.author_id is None:
        missing.append("an author")
    if missing:
        raise WorkflowError(f"“{article.title}” cannot be published without {', '.join(missing)}.")
    if not article.warnings_decided:
        raise WorkflowError(
            f"“{article.title}” cannot be published before an editor decides its content warnings "
            "(choose the warnings that apply, or tick “no content warnings apply”)."
        )


def record(article: Article, user, action: str, from_status="", to_status="", comment="", changes=None) -> Decision:
    """Append one entry to the record of decisions."""
    return Decision.objects.create(
        article=article,
        actor=user if user and user.is_authenticated else None,
        action=action,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
        changes=changes or {},
    )


# --- content warnings -------------------------------------------------------------------------------


def decide_warnings(article: Article, user, warnings, *, no_warnings_apply: bool, comment: str = "") -> Article:
    """Record an editor's warning decision: specific warnings, or “no warnings apply”. Resolves all suggestions."""
    if not is_editor(user):
        raise WorkflowError("Only an editor may decide an article's content warnings.")
    chosen = {w.slug for w in warnings}
    if chosen and no_warnings_apply:
        raise WorkflowError("Either choose warnings or tick “no content warnings apply”, not both.")
    if not chosen and not no_warnings_apply:
        raise WorkflowError(
            "An empty list is not a decision: choose the warnings that apply, or tick “no content warnings apply”."
        )
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        before = set(locked.warnings.values_list("slug", flat=True))
        suggested = set(locked.suggested_warnings.values_list("slug", flat=True))
        locked.warnings.set(ContentWarning.objects.filter(slug__in=chosen))
        locked.suggested_warnings.clear()
        locked.no_warnings_apply = no_warnings_apply
        locked.warnings_decided_at, locked.warnings_decided_by = timezone.now(), user
        locked.version += 1
        locked.save(update_fields=["no_warnings_apply", "warnings_decided_at", "warnings_decided_by", "version", "updated_at"])
        changes = warning_changes(before, chosen, suggested)
        changes["no_warnings_apply"] = no_warnings_apply
        record(locked, user, "warnings_decided", locked.status, locked.status, comment, changes)
    article.refresh_from_db()
    return article


def warning_changes(before: set, after: set, suggested: set = frozenset()) -> dict:
    return {
        "warnings_added": sorted(after - before),
        "warnings_removed": sorted(before - after),
        "suggestions_accepted": sorted(suggested & after),
        "suggestions_dismissed": sorted(suggested - after),
    }


# --- the importer's decisions -----------------------------------------------------------------------


def place_import(
    article: Article, *, publish: bool, reasons: list[str], created: bool, tags=None, warnings=None, before_save=None
) -> None:
    """Publish an imported article or hold it for review, recording the importer's decision.

    Publishing by the import counts as the warning decision: the source's stated warnings stand,
    or the lexicon found nothing to suggest. ``tags`` and ``warnings``: what the importer just
    wrote, if it knows (else they are read back); ``before_save(article)`` runs just before the
    article is saved (the importer sets its fingerprint there).
    """
    content = content_of(article, tags=tags, warnings=warnings)
    previous = "" if created else article.status
    article.review_reasons = reasons
    if publish:
        article.status = Status.PUBLISHED
        article.no_warnings_apply = not content["warnings"]
        article.warnings_decided_at, article.warnings_decided_by = timezone.now(), None
        content["no_warnings_apply"] = article.no_warnings_apply
    else:
        article.status = Status.IN_REVIEW
        article.submitted_at = article.submitted_at or timezone.now()
    if before_save is not None:
        before_save(article)
    article.save()
    if previous != article.status or created:
        record(
            article,
            None,
            "imported_and_published" if publish else "imported_for_review",
            previous,
            article.status,
            "; ".join(reasons),
            {"warnings": content["warnings"]},
        )
    if publish:
        snapshot_live(article, None, source="import", content=content)


# --- revisions ----------------------------------------------------------------------------------------


def content_of(article: Article, *, tags=None, warnings=None) -> dict:
    """The editable content of an article, as stored in a revision. ``tags`` (names) and ``warnings``
    (slugs), when the caller has just written them, save reading them back."""
    return {
        **{name: getattr(article, name) for name in Revision.CONTENT_FIELDS},
        "tags": sorted(article.tags.names() if tags is None else tags, key=str.casefold),
        "warnings": sorted(article.warnings.values_list("slug", flat=True) if warnings is None else warnings),
    }


def snapshot_live(article: Article, user, *, source: str, content: dict | None = None) -> Revision:
    """Keep what just went live in the history of revisions (``content``: content_of(article), if known)."""
    now = timezone.now()
    return Revision.objects.create(
        article=article,
        status=Revision.Status.APPROVED,
        source=source,
        created_by=user if user and user.is_authenticated else None,
        reviewed_by=user if user and user.is_authenticated else None,
        reviewed_at=now,
        created_at=now,
        **(content or content_of(article)),
    )


def propose_revision(article: Article, user, content: dict, *, source: str = "edit", source_hash: str = "") -> Revision:
    """Save an edit of a live article as a pending revision; readers keep seeing the live version."""
    if source != "import" and not can_edit(user, article):
        raise WorkflowError(f"You may not edit “{article.title}”.")
    with transaction.atomic():
        Article.objects.select_for_update().filter(pk=article.pk).first()
        if source != "import":
            # The editor's form started from the newest pending revision, so it replaces the older ones.
            Revision.objects.pending().filter(article=article).exclude(source="import").update(
                status=Revision.Status.SUPERSEDED
            )
        revision = Revision.objects.create(
            article=article,
            status=Revision.Status.PENDING,
            source=source,
            created_by=user if user and user.is_authenticated else None,
            source_hash=source_hash,
            **content,
        )
        record(article, user, "revision_proposed", article.status, article.status, "", {"revision": revision.pk, "source": source})
        transaction.on_commit(lambda: notifications.revision_proposed(revision), robust=True)
    return revision


def approve_revision(revision: Revision, user, *, comment: str = "") -> Article:
    """Make a pending revision the live version. Its warnings become the editor's warning decision."""
    if not can_publish(user):
        raise WorkflowError("Only an editor may approve a revision.")
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=revision.article_id)
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        if revision.status != Revision.Status.PENDING:
            raise WorkflowError(f"This revision is {revision.get_status_display().lower()}, not pending review.")
        if revision.warnings and revision.no_warnings_apply:
            raise WorkflowError("The revision both lists warnings and says none apply; fix it before approving.")
        if not revision.warnings and not revision.no_warnings_apply:
            raise WorkflowError(
                "The revision has no warning decision: choose warnings or tick “no content warnings apply”."
            )
        before = content_of(article)
        for field in Revision.CONTENT_FIELDS:
            setattr(article, field, getattr(revision, field))
        if revision.source_hash:
            article.source_hash = revision.source_hash
        article.warnings_decided_at, article.warnings_decided_by = timezone.now(), user
        article.last_edited_by = user
        article.version += 1
        article.save()
        article.tags.set(revision.tags, clear=True)
        article.warnings.set(ContentWarning.objects.filter(slug__in=revision.warnings))
        article.suggested_warnings.clear()
        revision.status, revision.reviewed_by, revision.reviewed_at = Revision.Status.APPROVED, user, timezone.now()
        revision.comment = comment
        revision.save()
        Revision.objects.pending().filter(article=article, created_at__lt=revision.created_at).update(
            status=Revision.Status.SUPERSEDED
        )
        changes = {"revision": revision.pk, "fields": [k for k, v in content_of(article).items() if before[k] != v]}
        changes.update(warning_changes(set(before["warnings"]), set(revision.warnings)))
        record(article, user, "revision_approved", article.status, article.status, comment, changes)
    return article


def reject_revision(revision: Revision, user, *, comment: str) -> Revision:
    """Send a pending revision back: the live version stays; the revision is kept in the history."""
    if not is_editor(user):
        raise WorkflowError("Only an editor may review a revision.")
    if not (comment or "").strip():
        raise WorkflowError("Say what needs to change: a comment is required to send a revision back.")
    with transaction.atomic():
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        if revision.status != Revision.Status.PENDING:
            raise WorkflowError(f"This revision is {revision.get_status_display().lower()}, not pending review.")
        revision.status, revision.reviewed_by, revision.reviewed_at = Revision.Status.REJECTED, user, timezone.now()
        revision.comment = comment.strip()
        revision.save()
        article = revision.article
        record(article, user, "revision_sent_back", article.status, article.status, revision.comment, {"revision": revision.pk})
    return revision


def revert_to(revision: Revision, user) -> Revision:
    """Propose an earlier revision's content again, as a new pending revision."""
    return propose_revision(revision.article, user, revision.content(), source="revert")


# --- tags -------------------------------------------------------------------------------------------------


def merge_tags(keep, others, user) -> int:
    """Move every article of ``others`` to ``keep``, delete them, and redirect their URLs to ``keep``.

    Returns how many articles were retagged.
    """
    from taggit.models import Tag

    from articles.models import TaggedArticle, TagRedirect

    if not is_editor(user):
        raise WorkflowError("Only an editor may merge tags.")
    others = [tag for tag in others if tag.pk != keep.pk]
    if not others:
        raise WorkflowError("Choose at least one tag to merge into the kept one.")
    with transaction.atomic():
        keep = Tag.objects.select_for_update().get(pk=keep.pk)
        moved = 0
        tagged_with_keep = set(TaggedArticle.objects.filter(tag=keep).values_list("content_object_id", flat=True))
        for tag in others:
            for item in TaggedArticle.objects.filter(tag=tag):
                if item.content_object_id in tagged_with_keep:
                    item.delete()
                else:
                    item.tag = keep
                    item.save(update_fields=["tag"])
                    tagged_with_keep.add(item.content_object_id)
                    moved += 1
            TagRedirect.objects.filter(tag=tag).update(tag=keep)
            TagRedirect.objects.update_or_create(old_slug=tag.slug, defaults={"tag": keep})
            tag.delete()
        TagRedirect.objects.filter(old_slug=keep.slug).delete()
    return moved
