"""The record of decisions: append-only, one entry per decision."""

from articles.models import Decision


def record(article, user, action: str, from_status="", to_status="", comment="", changes=None) -> Decision:
    """Append one entry to the record of decisions (``user`` None: the importer)."""
    return Decision.objects.create(
        article=article,
        actor=user if user and user.is_authenticated else None,
        action=action,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
        changes=changes or {},
    )
