"""Parsed pages → saved articles: idempotent, one transaction per file, an editor's work never overwritten.

``import_path`` is the one way raw files become articles; the management command
only finds files and reports what this module returns.
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils.text import slugify

from articles import services
from articles.importing import ParseError, ParsedArticle, parse_source
from articles.lexicon import match_vocabulary
from articles.models import Article, Author, ContentWarning, Topic


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


def find_sources(paths: list[Path]) -> list[Path]:
    """The files to import: each file given, and the *.txt files of each folder given, sorted."""
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        else:
            found.append(path)
    return found


def read_source(path: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes + 1`` bytes, so an oversized file is refused without loading it whole."""
    try:
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ParseError(path.name, "file not found") from None
    except IsADirectoryError:
        raise ParseError(path.name, "is a directory, not a file") from None
    except OSError as error:
        raise ParseError(path.name, f"cannot be read ({error.strerror})") from None


def import_path(path: Path, *, dry_run: bool = False) -> ImportResult:
    """Import one file in its own transaction; a failure saves nothing of it."""
    max_bytes = settings.MASTHEAD_IMPORT_MAX_BYTES
    try:
        parsed = parse_source(read_source(path, max_bytes), path.name, max_bytes=max_bytes)
    except ParseError as error:
        return ImportResult(path.name, Outcome.FAILED, message=error.reason)
    try:
        with transaction.atomic():
            result = save_parsed(parsed)
            if dry_run:
                transaction.set_rollback(True)
    except DatabaseError as error:
        return ImportResult(path.name, Outcome.FAILED, message=f"database error: {error}")
    return result


def save_parsed(parsed: ParsedArticle) -> ImportResult:
    """Create or update the article for ``parsed``; call inside a transaction.

    A live article's text is never touched: a changed source becomes a pending revision
    for an editor to review. A draft or held article is updated unless someone edited it
    since it was imported.
    """
    article = Article.objects.select_for_update().filter(source_name=parsed.source_name).first()
    stated, unmapped = _warnings_for(parsed.warning_note)
    suggested = _suggested_warnings(parsed, exclude=stated)
    if article is not None:
        if article.source_hash == parsed.source_hash or article.revisions.filter(source_hash=parsed.source_hash).exists():
            return _result(article, Outcome.UNCHANGED)
        if article.status == Article.Status.PUBLISHED:
            services.propose_revision(
                article, None, _content(parsed, stated), source="import", source_hash=parsed.source_hash
            )
            return _result(article, Outcome.REVISED, message="the live text is unchanged; a pending revision awaits review")
        if content_fingerprint(article) != article.import_fingerprint:
            return _result(
                article,
                Outcome.SKIPPED,
                message="the source changed but an editor has edited the article since it was imported; "
                "left as the editor saved it",
            )
        outcome = Outcome.UPDATED
    else:
        article = Article(source_name=parsed.source_name, slug=_unique_slug(parsed.title))
        outcome = Outcome.CREATED

    content = _content(parsed, stated)
    for name in ("title", "author", "body", "warning_note", "image_credit"):
        setattr(article, name, content[name])
    article.published_at = _start_of_day(parsed.published_on)
    article.source_hash = parsed.source_hash
    article.save()
    article.tags.set(content["tags"], clear=True)
    article.warnings.set(stated)
    article.suggested_warnings.set(suggested)

    reasons = _review_reasons(parsed, unmapped, suggested if not stated else [])
    if outcome is Outcome.CREATED or _importer_decided_alone(article):
        services.place_import(article, publish=not reasons, reasons=reasons, created=outcome is Outcome.CREATED)
    else:
        article.review_reasons = reasons
        article.save(update_fields=["review_reasons"])
    article.import_fingerprint = content_fingerprint(article)
    Article.objects.filter(pk=article.pk).update(import_fingerprint=article.import_fingerprint)
    return _result(article, outcome)


def _content(parsed: ParsedArticle, stated: list[ContentWarning]) -> dict:
    """What the page says, in the shape of an article's editable content (see services.content_of)."""
    return {
        "title": parsed.title[: Article._meta.get_field("title").max_length],
        "author": _author_for(parsed.author),
        "standfirst": "",
        "body": parsed.body_markdown,
        "image_credit": parsed.image_credit[: Article._meta.get_field("image_credit").max_length],
        "warning_note": parsed.warning_note,
        "tags": _tags_for(parsed),
        "warnings": sorted(w.slug for w in stated),
        "no_warnings_apply": False,
    }


def _importer_decided_alone(article: Article) -> bool:
    """True while no person has made a decision on the article: the importer may still place it."""
    return not article.decisions.exclude(actor=None).exists()


def content_fingerprint(article: Article) -> str:
    """A hash of everything an editor can change about an article's content (services.content_of),
    plus its slug and publication time."""
    content = {
        **services.content_of(article),
        "author": article.author_id,
        "tags": sorted(tag.casefold() for tag in article.tags.names()),
        "slug": article.slug,
        "published_at": article.published_at.timestamp() if article.published_at else None,
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _result(article: Article, outcome: Outcome, message: str = "") -> ImportResult:
    return ImportResult(
        name=article.source_name,
        outcome=outcome,
        status=article.status,
        title=article.title,
        message=message,
        reasons=tuple(article.review_reasons),
    )


def _review_reasons(parsed: ParsedArticle, unmapped_note: bool, undecided: list) -> list[str]:
    reasons = []
    if not parsed.author:
        reasons.append("no author found")
    if not parsed.published_on:
        reasons.append("no publication date found")
    if not parsed.blocks:
        reasons.append("no body text found")
    if unmapped_note:
        reasons.append(f"the source's warning note matches no content warning: “{parsed.warning_note}”")
    if undecided:
        labels = ", ".join(warning.label for warning in undecided)
        reasons.append(f"suggested content warnings need an editor's decision: {labels}")
    return reasons


def _suggested_warnings(parsed: ParsedArticle, exclude) -> list[ContentWarning]:
    """Warnings the lexicon suggests from words in the title and body, beside those the source stated."""
    vocabulary = {warning.slug: warning.terms for warning in ContentWarning.objects.exclude(pk__in=[w.pk for w in exclude])}
    slugs = match_vocabulary(vocabulary, parsed.plain_text)
    return list(ContentWarning.objects.filter(slug__in=slugs))


def _warnings_for(note: str) -> tuple[list[ContentWarning], bool]:
    """The vocabulary entries a stated warning note maps to, and whether a note mapped to none."""
    if not note:
        return [], False
    vocabulary = {warning.slug: warning.terms for warning in ContentWarning.objects.all()}
    slugs = match_vocabulary(vocabulary, note)
    return list(ContentWarning.objects.filter(slug__in=slugs)), not slugs


def _tags_for(parsed: ParsedArticle) -> list[str]:
    """The page's own sections, then the topics whose signal words occur in its title or body."""
    topics = {topic.name: topic.terms for topic in Topic.objects.all()}
    tags, seen = [], set()
    for name in [*parsed.sections, *match_vocabulary(topics, parsed.plain_text)]:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            tags.append(name)
    return tags


def _author_for(name: str | None) -> Author | None:
    if not name:
        return None
    slug = slugify(name) or "author"
    author, _ = Author.objects.get_or_create(slug=slug, defaults={"name": name})
    return author


def _start_of_day(day) -> datetime | None:
    """The page gives a date only: take the start of that day in the newsroom's time zone."""
    if day is None:
        return None
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


SLUG_LENGTH = 80


def _unique_slug(title: str) -> str:
    """A slug from the title, cut at a word boundary to at most SLUG_LENGTH characters, made unique."""
    base = slugify(title)
    if len(base) > SLUG_LENGTH:
        base = base[: SLUG_LENGTH + 1].rsplit("-", 1)[0]
    base = base or "article"
    slug, counter = base, 2
    while Article.objects.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug
