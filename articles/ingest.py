"""Parsed pages → saved articles: idempotent, one transaction per file, an editor's work never overwritten.

``Importer.import_path`` is the one way raw files become articles; the management command
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
from django.db.models import Q
from django.utils.text import slugify
from taggit.models import Tag

from articles import workflow
from articles.importing import ParseError, ParsedArticle, parse_source
from articles.lexicon import Vocabulary, fold
from articles.slugs import author_slug
from articles.content import Content
from articles.models import Article, Author, ContentWarning, TaggedArticle, Topic


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


class Importer:
    """Imports files one by one, each in its own transaction, with the vocabularies of one run.

    The content-warning and topic vocabularies are read and compiled once, when the importer is
    made; each page's text is folded once and matched against them.
    """

    def __init__(self):
        warnings = list(ContentWarning.objects.all())
        self.warnings_by_slug = {warning.slug: warning for warning in warnings}
        self.warning_vocabulary = Vocabulary({warning.slug: warning.terms for warning in warnings})
        self.topic_vocabulary = Vocabulary({topic.name: topic.terms for topic in Topic.objects.all()})
        # Authors by slug, remembered for the run once their file commits (an author with articles
        # cannot be deleted, so a remembered one stays valid).
        self.known_authors: dict[str, Author] = {}

    def import_path(self, path: Path, *, dry_run: bool = False) -> ImportResult:
        """Import one file in its own transaction; a failure saves nothing of it."""
        max_bytes = settings.MASTHEAD_IMPORT_MAX_BYTES
        try:
            parsed = parse_source(
                read_source(path, max_bytes), path.name, max_bytes=max_bytes,
                month_first=settings.MASTHEAD_IMPORT_MONTH_FIRST,
            )
        except ParseError as error:
            return ImportResult(path.name, Outcome.FAILED, message=error.reason)
        try:
            with transaction.atomic():
                result = self.save_parsed(parsed)
                if dry_run:
                    transaction.set_rollback(True)
        except DatabaseError as error:
            return ImportResult(path.name, Outcome.FAILED, message=f"database error: {error}")
        return result

    def save_parsed(self, parsed: ParsedArticle) -> ImportResult:
        """Create or update the article for ``parsed``; call inside a transaction.

        A live article's text is never touched: a changed source becomes a pending revision
        for an editor to review. A draft or held article is updated unless someone edited it
        since it was imported.
        """
        article = Article.objects.select_for_update().filter(source_name=parsed.source_name).first()
        stated, unmapped = self._warnings_for(parsed.warning_note)
        suggested = [
            self.warnings_by_slug[slug]
            for slug in self.warning_vocabulary.matches(parsed.folded_text)
            if slug not in {warning.slug for warning in stated}
        ]
        content = self._content(parsed, stated, _tags_for(parsed, self.topic_vocabulary))
        if article is not None:
            if article.source_hash == parsed.source_hash or article.revisions.filter(source_hash=parsed.source_hash).exists():
                return _result(article, Outcome.UNCHANGED)
            if article.status == Article.Status.PUBLISHED:
                workflow.propose_revision(article, None, content, source="import", source_hash=parsed.source_hash)
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

        article.author = content.author
        article.published_at = _published_at(parsed)
        article.source_hash = parsed.source_hash
        if outcome is Outcome.CREATED:
            # A new article's row is written first without its text, its tags and warnings linked (one
            # insert each), and its text written last, by place_import's save: the search index then
            # reads the text once, not again for every tag (migration 0008's triggers).
            article.save()
            content = content.replace(tags=tuple(self._link_tags(article, list(content.tags))))
            _link(Article.warnings.through, article, stated)
            _link(Article.suggested_warnings.through, article, suggested)
            _set_text(article, content)
        else:
            _set_text(article, content)
            article.save()
            article.tags.set(list(content.tags), clear=True)
            content = content.replace(tags=tuple(article.tags.names()))
            article.warnings.set(stated)
            article.suggested_warnings.set(suggested)

        reasons = _review_reasons(parsed, unmapped, suggested if not stated else [])
        def fingerprinted(article):
            article.import_fingerprint = fingerprint(article, content.tags, content.warnings)

        if outcome is Outcome.CREATED or _importer_decided_alone(article):
            workflow.place_import(
                article, publish=not reasons, reasons=reasons, created=outcome is Outcome.CREATED,
                tags=content.tags, warnings=content.warnings, before_save=fingerprinted,
            )
        else:
            article.review_reasons = reasons
            fingerprinted(article)
            article.save(update_fields=["review_reasons", "import_fingerprint"])
        return _result(article, outcome)

    def _content(self, parsed: ParsedArticle, stated: list[ContentWarning], tags: list[str]) -> Content:
        """What the page says, as an article's editable content."""
        return Content(
            title=parsed.title[: Article._meta.get_field("title").max_length],
            author=self._author_for(parsed.author),
            body=parsed.body_markdown,
            image_credit=parsed.image_credit[: Article._meta.get_field("image_credit").max_length],
            warning_note=parsed.warning_note,
            tags=tuple(tags),
            warnings=tuple(w.slug for w in stated),
        )

    def _author_for(self, name: str | None) -> Author | None:
        if not name:
            return None
        slug = author_slug(name)
        author = self.known_authors.get(slug)
        if author is None:
            author, _ = Author.objects.get_or_create(slug=slug, defaults={"name": name})
            transaction.on_commit(lambda: self.known_authors.setdefault(slug, author))
        return author

    def _link_tags(self, article: Article, names: list[str]) -> list[str]:
        """Tag a new article with ``names`` (case-insensitively the same as existing tags): one query to
        find the tags, one insert to link them. Returns the tags' names as stored, sorted."""
        tags = []
        if names:
            matching = Q()
            for name in names:
                matching |= Q(name__iexact=name)
            existing = {tag.name.casefold(): tag for tag in Tag.objects.filter(matching)}
            for name in names:
                tag = existing.get(name.casefold())
                if tag is None:
                    tag = existing[name.casefold()] = Tag.objects.create(name=name)  # taggit makes the slug unique
                tags.append(tag)
            TaggedArticle.objects.bulk_create(TaggedArticle(content_object=article, tag=tag) for tag in tags)
        return sorted((tag.name for tag in tags), key=str.casefold)

    def _warnings_for(self, note: str) -> tuple[list[ContentWarning], bool]:
        """The vocabulary entries a stated warning note maps to, and whether a note mapped to none."""
        if not note:
            return [], False
        slugs = self.warning_vocabulary.matches(fold(note))
        return [self.warnings_by_slug[slug] for slug in slugs], not slugs


def import_path(path: Path, *, dry_run: bool = False) -> ImportResult:
    """Import one file with a new Importer (for a single file; a run of many uses one Importer)."""
    return Importer().import_path(path, dry_run=dry_run)


def _link(through, article: Article, warnings: list[ContentWarning]) -> None:
    """Link a new article to ``warnings`` through ``through`` in one insert."""
    through.objects.bulk_create(through(article=article, contentwarning=warning) for warning in warnings)


def _set_text(article: Article, content: Content) -> None:
    """The text the page gives; an editor's standfirst and the newsroom's note stay as they are."""
    for name in ("title", "body", "warning_note", "image_credit"):
        setattr(article, name, getattr(content, name))


def _importer_decided_alone(article: Article) -> bool:
    """True while no person has made a decision on the article: the importer may still place it."""
    return not article.decisions.exclude(actor=None).exists()


def fingerprint(article: Article, tags, warnings) -> str:
    """A hash of everything an editor can change about an article's content (workflow.content_of),
    plus its slug and publication time; ``tags`` are names, ``warnings`` slugs."""
    content = {
        **workflow.content_of(article, tags=list(tags), warnings=list(warnings)).as_dict(),
        "author": article.author_id,
        "tags": sorted(tag.casefold() for tag in tags),
        "slug": article.slug,
        "published_at": article.published_at.timestamp() if article.published_at else None,
    }
    if not content.get("newsroom_note"):
        content.pop("newsroom_note", None)  # absent from fingerprints made before the field existed: keep them valid
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def content_fingerprint(article: Article) -> str:
    """The fingerprint of an article as it is stored now."""
    return fingerprint(article, article.tags.names(), article.warnings.values_list("slug", flat=True))


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
    if not parsed.title_confirmed:
        reasons.append(Article.UNSURE_TITLE)
    if not parsed.author:
        reasons.append(Article.NO_AUTHOR)
    if not parsed.published_on:
        reasons.append(Article.NO_DATE)
    if not parsed.blocks:
        reasons.append(Article.NO_BODY)
    if unmapped_note:
        reasons.append(f"the source's warning note matches no content warning: “{parsed.warning_note}”")
    if undecided:
        labels = ", ".join(warning.label for warning in undecided)
        reasons.append(f"suggested content warnings need an editor's decision: {labels}")
    return reasons


def _tags_for(parsed: ParsedArticle, topics: Vocabulary) -> list[str]:
    """The page's own sections, then the topics whose signal words occur in its title or body."""
    tags, seen = [], set()
    for name in [*parsed.sections, *topics.matches(parsed.folded_text)]:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            tags.append(name)
    return tags


def _published_at(parsed: ParsedArticle) -> datetime | None:
    """The page's publication time: with its time (in its zone, or the newsroom's) when it gives one."""
    if parsed.published_at is not None:
        at = parsed.published_at
        return at if at.tzinfo is not None else at.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    return _start_of_day(parsed.published_on)


def _start_of_day(day) -> datetime | None:
    """The page gives a date only: take the start of that day in the newsroom's time zone."""
    if day is None:
        return None
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


SLUG_LENGTH = 80


def _unique_slug(title: str) -> str:
    """A slug from the title, cut at a word boundary to at most SLUG_LENGTH characters, made unique
    (one query for the slugs already taken)."""
    base = slugify(title)
    if len(base) > SLUG_LENGTH:
        base = base[: SLUG_LENGTH + 1].rsplit("-", 1)[0]
    base = base or "article"
    # "base" and "base-…": a range of the slug index ("-" sorts just before "."), not a LIKE that reads every row.
    taken = set(
        Article.objects.filter(Q(slug=base) | Q(slug__gt=f"{base}-", slug__lt=f"{base}.")).values_list("slug", flat=True)
    )
    slug, counter = base, 2
    while slug in taken:
        slug = f"{base}-{counter}"
        counter += 1
    return slug
