"""Moves of an article between states: each checked against the one policy, made under a row lock
in one transaction, and written to the record of decisions.

The admin, its bulk actions and the importer only call these functions; nothing else writes
``Article.status``.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from articles import notifications
from articles.models import Article, PreviewLink
from articles.workflow.errors import WarningsUndecided, WorkflowError
from articles.workflow.images import check_graphic_images
from articles.workflow.moves import MOVES, Move, Status
from articles.workflow.permissions import permits, recipients
from articles.workflow.record import record
from articles.workflow.revisions import content_of, keep_sent_back, snapshot_live


def check(name: str, user, article: Article) -> Move:
    """Return the move if ``user`` may make it on ``article`` now; raise WorkflowError saying why not."""
    try:
        move = MOVES[name]
    except KeyError:
        raise WorkflowError(f"There is no workflow action called “{name}”.") from None
    if not move.applies_to(article):
        if article.status in move.sources:
            allowed = {"live": "live", "scheduled": "scheduled"}[move.phase]
        else:
            allowed = " or ".join(Status(s).label.lower() for s in sorted(move.sources))
        raise WorkflowError(
            f"Cannot {move.label.lower()} “{article.title}”: it is {article.state_label[:1].lower()}{article.state_label[1:]}, "
            f"and this is only possible when it is {allowed}."
        )
    if not permits(user, move, article):
        raise WorkflowError(f"You may not {move.label.lower()} “{article.title}”: only {move.who} may.")
    return move


def blocker(move: Move, article: Article) -> str:
    """Why ``move`` cannot be made on ``article`` as it stands (e.g. warnings undecided), or ""."""
    if move.target == Status.PUBLISHED:
        try:
            _check_publishable(article)
        except WorkflowError as error:
            return str(error)
    return ""


def allowed_transitions(user, article: Article) -> list[Move]:
    """The moves ``user`` may make on ``article`` now, in the table's order (the admin's buttons)."""
    return [move for move in MOVES.values() if move.applies_to(article) and permits(user, move, article)]


def perform(name: str, article: Article, user, *, comment: str = "", at: datetime | None = None) -> Article:
    """Make the move ``name`` on ``article`` as ``user``. Raises WorkflowError and changes nothing if not allowed."""
    comment = (comment or "").strip()
    with transaction.atomic():
        locked = Article.objects.select_for_update(of=("self",)).select_related("author").get(pk=article.pk)
        move = check(name, user, locked)
        if move.needs_comment and not comment:
            raise WorkflowError(f"{move.comment_label} is required to {move.label.lower()}.")
        previous = locked.status
        now = timezone.now()
        update = ["status"]
        if move.target == Status.PUBLISHED:
            _check_publishable(locked)
            if move.needs_time:
                if at is None or at <= now:
                    raise WorkflowError("Choose a publication time in the future to schedule an article.")
                locked.published_at = at
            elif locked.published_at is None or locked.published_at > now:
                locked.published_at = now
            update.append("published_at")
        if move.clears_time:
            locked.published_at = None
            update.append("published_at")
        if move.marks_submission:
            locked.submitted_at, locked.submitted_by = now, user
            update += ["submitted_at", "submitted_by"]
        locked.status = move.target
        locked.save(update_fields=update)
        if move.ends_share_links:
            PreviewLink.objects.filter(article=locked, revoked_at__isnull=True).update(revoked_at=now)
        if move.keeps_version:
            keep_sent_back(locked, user, comment)
        changes = {}
        if move.target == Status.PUBLISHED:
            changes["published_at"] = locked.published_at.isoformat()
            if previous != Status.PUBLISHED:  # a new time for the same text is no new version
                snapshot_live(locked, user, source=name)
        record(locked, user, name, previous, locked.status, comment, changes)
        transaction.on_commit(lambda: notifications.transition_made(
            locked, move, user, comment, recipients(name, locked)
        ), robust=True)
    article.refresh_from_db()
    return article


def perform_many(name: str, articles, user, **kwargs) -> list[Article]:
    """Make one move on several articles: every one is checked first, and if any is refused none changes."""
    articles = list(articles)
    refusals = []
    for article in articles:
        try:
            move = check(name, user, article)
        except WorkflowError as error:
            refusals.append(str(error))
        else:
            if reason := blocker(move, article):
                refusals.append(reason)
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
    if article.source_name and article.published_at is None:
        # An imported page's date is the source's: publishing must not make it "now" (no date is invented).
        missing.append("its publication date: the importer found none, so enter the date the source gives under "
                       "“Published at”")
    if missing:
        raise WorkflowError(f"“{article.title}” cannot be published without {', '.join(missing)}.")
    if not article.warnings_decided:
        raise WarningsUndecided(
            f"“{article.title}” cannot be published before an editor decides its content warnings "
            "(choose the warnings that apply, or tick “no content warnings apply”)."
        )
    check_graphic_images(article.title, article.featured_image, article.body, article.warnings.all())


# --- the importer's decisions -----------------------------------------------------------------------


def place_import(
    article: Article, *, publish: bool, reasons: list[str], created: bool, tags=None, warnings=None, content=None,
    before_save=None, after_save=None,
) -> None:
    """Publish an imported article or hold it for review, save it, and record the importer's decision: the
    one path of a new article and of an updated one.

    ``tags`` and ``warnings``: what the importer just wrote, if it knows (else they are read back);
    ``content``: the article's content, when the importer has it whole (a new article, whose row is
    written before its links and text); ``before_save(article)`` runs just before the save (the importer
    sets its fingerprint there), ``after_save(article)`` just after it (a new article's links and text).
    """
    previous = "" if created else article.status
    content = content if content is not None else content_of(article, tags=tags, warnings=warnings)
    decide_import(article, publish=publish, reasons=reasons, warnings=content.warnings)
    content = content.replace(no_warnings_apply=article.no_warnings_apply)
    if before_save is not None:
        before_save(article)
    article.save()
    if after_save is not None:
        after_save(article)
    if previous != article.status or created:
        record_import(article, previous=previous, reasons=reasons, content=content)


def decide_import(article: Article, *, publish: bool, reasons: list[str], warnings) -> None:
    """Set an imported article's state, not saved: published, or held for review with ``reasons``.

    Publishing by the import counts as the warning decision: the source's stated warnings
    (``warnings``, slugs) stand, or the lexicon found nothing to suggest (the caller publishes only then).
    """
    article.review_reasons = reasons
    if publish:
        article.status = Status.PUBLISHED
        article.no_warnings_apply = not warnings
        article.warnings_decided_at, article.warnings_decided_by = timezone.now(), None
    else:
        article.status = Status.IN_REVIEW
        article.submitted_at = article.submitted_at or timezone.now()


def record_import(article: Article, *, previous: str, reasons: list[str], content) -> None:
    """Put the importer's decision on record (``previous``: the state before it, "" for a new article)
    and, for a published article, keep what went live (``content``: its content as saved)."""
    published = article.status == Status.PUBLISHED
    record(
        article,
        None,
        "imported_and_published" if published else "imported_for_review",
        previous,
        article.status,
        "; ".join(reasons),
        {"warnings": list(content.warnings)},
    )
    if published:
        snapshot_live(article, None, source="import", content=content)
