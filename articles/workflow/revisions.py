"""Revisions: what went live, and edits of live articles held for an editor's approval."""

from django.db import transaction
from django.utils import timezone

from articles import notifications
from articles.content import Content
from articles.models import Article, ContentWarning, Revision
from articles.workflow.errors import WorkflowError
from articles.workflow.images import check_graphic_images
from articles.workflow.permissions import can_edit, require, reviewers_of_revisions
from articles.workflow.record import record
from articles.workflow.warning_decisions import warning_changes


def content_of(article: Article, *, tags=None, warnings=None) -> Content:
    """The editable content of an article (articles/content.py). ``tags`` (names) and ``warnings``
    (slugs), when the caller has just written them, save reading them back."""
    return Content.of(article, tags=tags, warnings=warnings)


def snapshot_live(article: Article, user, *, source: str, content: Content | None = None) -> Revision:
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
        **(content or content_of(article)).for_revision(),
    )


def keep_sent_back(article: Article, user, comment: str) -> Revision:
    """Keep the text an editor just sent back for changes (status "Changes requested", source "sent_back"), so
    that when it returns to review the editor sees what its writer changed since (``sent_back_version``)."""
    now = timezone.now()
    return Revision.objects.create(
        article=article, status=Revision.Status.REJECTED, source="sent_back",
        created_by=user, reviewed_by=user, reviewed_at=now, created_at=now, comment=comment,
        **content_of(article).for_revision(),
    )


def sent_back_version(article: Article) -> Revision | None:
    """The text as an editor last sent it back for changes, or None (never sent back)."""
    return article.revisions.filter(source="sent_back").order_by("-created_at", "-pk").first()


def propose_revision(article: Article, user, content: Content, *, source: str = "edit", source_hash: str = "") -> Revision:
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
            if user is not None and user.is_authenticated:  # the autosaved edit is now proposed
                Revision.objects.autosaved_by(user).filter(article=article).update(status=Revision.Status.SUPERSEDED)
        revision = Revision.objects.create(
            article=article,
            status=Revision.Status.PENDING,
            source=source,
            created_by=user if user and user.is_authenticated else None,
            source_hash=source_hash,
            **content.for_revision(),
        )
        record(article, user, "revision_proposed", article.status, article.status, "", {"revision": revision.pk, "source": source})
        transaction.on_commit(lambda: notifications.revision_proposed(
            revision, reviewers_of_revisions(article)
        ), robust=True)
    return revision


def autosave_revision(article: Article, user, content: Content) -> Revision:
    """Keep ``user``'s unfinished edit of a live article: one autosaved revision per person and article,
    replaced by each autosave. It is never reviewed, never goes live and tells nobody; saving the form
    proposes the edit as a pending revision (propose_revision), which supersedes it."""
    if not can_edit(user, article):
        raise WorkflowError(f"You may not edit “{article.title}”.")
    with transaction.atomic():
        Article.objects.select_for_update().filter(pk=article.pk).first()
        revision = Revision.objects.autosaved_by(user).filter(article=article).select_for_update().first()
        if revision is None:
            revision = Revision(article=article, status=Revision.Status.AUTOSAVED, source="edit", created_by=user)
        for name, value in content.for_revision().items():
            setattr(revision, name, value)
        revision.created_at = timezone.now()
        revision.save()
    return revision


def approve_revision(revision: Revision, user, *, comment: str = "") -> Article:
    """Make a pending revision the live version. Its warnings become the editor's warning decision."""
    require(user, "approve_revision")
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
        before, after = content_of(article), revision.content()
        check_graphic_images(after.title, after.featured_image, after.body, after.warnings)
        after.apply_to(article)
        if revision.source_hash:
            article.source_hash = revision.source_hash
        article.warnings_decided_at, article.warnings_decided_by = timezone.now(), user
        article.last_edited_by = user
        article.save()
        article.tags.set(after.tags, clear=True)
        article.warnings.set(ContentWarning.objects.filter(slug__in=after.warnings))
        article.suggested_warnings.clear()
        revision.status, revision.reviewed_by, revision.reviewed_at = Revision.Status.APPROVED, user, timezone.now()
        revision.comment = comment
        revision.save()
        Revision.objects.pending().filter(article=article, created_at__lt=revision.created_at).update(
            status=Revision.Status.SUPERSEDED
        )
        changes = {"revision": revision.pk, "fields": before.changed_fields(content_of(article))}
        changes.update(warning_changes(set(before.warnings), set(after.warnings)))
        record(article, user, "revision_approved", article.status, article.status, comment, changes)
    return article


def reject_revision(revision: Revision, user, *, comment: str) -> Revision:
    """Send a pending revision back: the live version stays; the revision is kept in the history."""
    require(user, "reject_revision")
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
