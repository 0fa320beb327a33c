"""What importing one file came to: its outcome, the article's state and title, a note, and the reasons it
waits in review."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from django.db import DatabaseError

from articles.models import Article


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    REVISED = "revised"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class ImportResult:
    name: str
    outcome: Outcome
    status: str = ""
    title: str = ""
    message: str = ""
    reasons: tuple[str, ...] = field(default=())


def result_of(article: Article, outcome: Outcome, message: str = "") -> ImportResult:
    return ImportResult(
        name=article.source_name,
        outcome=outcome,
        status=article.status,
        title=article.title,
        message=message,
        reasons=tuple(article.review_reasons),
    )


def failed(name: str, error: DatabaseError) -> ImportResult:
    return ImportResult(name, Outcome.FAILED, message=f"database error: {error}")
