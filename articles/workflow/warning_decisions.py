"""Content-warning decisions: an editor's choice of the warnings that apply, or that none do."""

from django.db import transaction
from django.utils import timezone

from articles.models import Article, ContentWarning
from articles.workflow.errors import WorkflowError
from articles.workflow.images import check_graphic_images
from articles.workflow.permissions import require
from articles.workflow.record import record


def decide_warnings(article: Article, user, warnings, *, no_warnings_apply: bool, comment: str = "") -> Article:
    """Record an editor's warning decision: specific warnings, or “no warnings apply”. Resolves all suggestions.

    A decision the article already carries (the same warnings, or “none apply” again, no suggestion left to
    resolve, no comment) changes nothing and is not recorded a second time."""
    require(user, "decide_warnings")
    chosen = {w.slug for w in warnings}
    if chosen and no_warnings_apply:
        raise WorkflowError("Either choose warnings or tick “no content warnings apply”, not both.")
    if not chosen and not no_warnings_apply:
        raise WorkflowError(
            "An empty list is not a decision: choose the warnings that apply, or tick “no content warnings apply”."
        )
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.status == Article.Status.PUBLISHED:
            check_graphic_images(locked.title, locked.featured_image, locked.body, chosen)
        before = set(locked.warnings.values_list("slug", flat=True))
        suggested = set(locked.suggested_warnings.values_list("slug", flat=True))
        if (locked.warnings_decided and before == chosen and locked.no_warnings_apply == no_warnings_apply
                and not suggested and not comment.strip()):
            return article  # an unchanged repeat: the record already holds this decision
        locked.warnings.set(ContentWarning.objects.filter(slug__in=chosen))
        locked.suggested_warnings.clear()
        locked.no_warnings_apply = no_warnings_apply
        locked.warnings_decided_at, locked.warnings_decided_by = timezone.now(), user
        locked.save(update_fields=["no_warnings_apply", "warnings_decided_at", "warnings_decided_by", "updated_at"])
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
