"""Parsed pages → saved articles: idempotent, one transaction per file, an editor's work never overwritten.

``Importer.import_path`` is the one way raw files become articles; the management command
only finds files and reports what this module returns.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from time import monotonic
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils.text import slugify
from taggit.models import Tag

from articles import workflow
from articles.importing import ParseError, ParsedArticle
from articles.importing.ahead import parse_for_import, parsed_in_order
from articles.importing.sitelearning import learn_furniture
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
        # Authors by slug and tags by case-folded name, remembered once their file commits, so that
        # most files need no query for either. An editor may merge, delete or rename a tag during a
        # long run: the memory lasts MEMORY_SECONDS at most, and a file that fails on a tag or author
        # gone since is retried once with the memory cleared (_import_parsed).
        self.known_authors: dict[str, Author] = {}
        self.known_tags: dict[str, Tag] = {}
        self._remembered_since = monotonic()

    MEMORY_SECONDS = 5.0

    def forget(self) -> None:
        """Clear what the run remembers of authors and tags: the next files read them again."""
        self.known_authors.clear()
        self.known_tags.clear()
        self._remembered_since = monotonic()

    def _remember(self, memory: dict, key, value) -> None:
        """Remember ``value`` once the current file's transaction commits (never a rolled-back row)."""
        transaction.on_commit(lambda: memory.setdefault(key, value))

    def import_path(self, path: Path, *, dry_run: bool = False) -> ImportResult:
        """Import one file in its own transaction; a failure saves nothing of it."""
        return self._import_parsed(path, parse_for_import(path, **_parse_options()), dry_run)

    def import_many(self, paths: list[Path], *, dry_run: bool = False) -> Iterator[ImportResult]:
        """Import ``paths`` in order, each file in its own transaction, the files parsed ahead in a second
        process while this one saves (articles/importing/ahead.py); the lines a folder's pages repeat are
        furniture for all of them (articles/importing/sitelearning.py)."""
        furniture = learn_furniture(paths, max_bytes=settings.MASTHEAD_IMPORT_MAX_BYTES)
        for path, parsed in zip(paths, parsed_in_order(paths, furniture=furniture, **_parse_options()), strict=True):
            yield self._import_parsed(path, parsed, dry_run)

    def _import_parsed(self, path: Path, parsed: ParsedArticle | ParseError, dry_run: bool) -> ImportResult:
        if isinstance(parsed, ParseError):
            return ImportResult(path.name, Outcome.FAILED, message=parsed.reason)
        if monotonic() - self._remembered_since > self.MEMORY_SECONDS:
            self.forget()
        try:
            return self._save(parsed, dry_run)
        except IntegrityError as error:
            if not (self.known_authors or self.known_tags):
                return _failed(path.name, error)
            self.forget()  # a remembered tag or author may be gone since: once more, reading them afresh
        try:
            return self._save(parsed, dry_run)
        except IntegrityError as error:
            return _failed(path.name, error)

    def _save(self, parsed: ParsedArticle, dry_run: bool) -> ImportResult:
        """save_parsed in one transaction. A database error is the file's failure, except an integrity
        error, which propagates so that _import_parsed can retry."""
        try:
            with transaction.atomic():
                result = self.save_parsed(parsed)
                if dry_run:
                    transaction.set_rollback(True)
        except IntegrityError:
            raise
        except DatabaseError as error:
            return _failed(parsed.source_name, error)
        return result

    def save_parsed(self, parsed: ParsedArticle) -> ImportResult:
        """Create or update the article for ``parsed``; call inside a transaction.

        A live article's text is never touched: a changed source becomes a pending revision
        for an editor to review. A draft or held article is updated unless someone edited it
        since it was imported.
        """
        existing, slugs_taken = _existing_or_slugs_taken(parsed)
        stated, unmapped = self._warnings_for(parsed.warning_note)
        suggested = [
            self.warnings_by_slug[slug]
            for slug in self.warning_vocabulary.matches(parsed.folded_text, parsed.folded_words)
            if slug not in {warning.slug for warning in stated}
        ]
        tags = self._tags(_tags_for(parsed, self.topic_vocabulary))
        content = self._content(parsed, stated, [tag.name for tag in tags])
        reasons = _review_reasons(parsed, unmapped, suggested if not stated else [])
        if existing is None:
            return self._create(parsed, content, tags, stated, suggested, reasons, _unique_slug(parsed.title, slugs_taken))

        article = Article.objects.select_for_update().get(pk=existing)
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
        article.author = content.author
        article.published_at = _published_at(parsed)
        article.source_hash = parsed.source_hash
        _set_text(article, content)
        article.save()
        article.tags.set(tags, clear=True)
        content = content.replace(tags=tuple(article.tags.names()))
        article.warnings.set(stated)
        article.suggested_warnings.set(suggested)

        def fingerprinted(article):
            article.import_fingerprint = fingerprint(article, content.tags, content.warnings)

        if _importer_decided_alone(article):
            workflow.place_import(
                article, publish=not reasons, reasons=reasons, created=False,
                tags=content.tags, warnings=content.warnings, before_save=fingerprinted,
            )
        else:
            article.review_reasons = reasons
            fingerprinted(article)
            article.save(update_fields=["review_reasons", "import_fingerprint"])
        return _result(article, Outcome.UPDATED)

    def _create(self, parsed, content, tags, stated, suggested, reasons, slug) -> ImportResult:
        """A new article, in as few statements as the search index allows (articles/searchindex.py): the
        row with its final state but no body, its tags and warnings linked, then the body, indexed once
        with everything else; and the importer's decision on record."""
        article = Article(source_name=parsed.source_name, slug=slug, published_at=_published_at(parsed),
                          source_hash=parsed.source_hash)
        content.apply_to(article)
        workflow.decide_import(article, publish=not reasons, reasons=reasons, warnings=content.warnings)
        content = content.replace(no_warnings_apply=article.no_warnings_apply)
        article.import_fingerprint = fingerprint_of(content, article)
        article.body = ""
        article.save()
        _link(TaggedArticle, "content_object", article, "tag", tags)
        _link(Article.warnings.through, "article", article, "contentwarning", stated)
        _link(Article.suggested_warnings.through, "article", article, "contentwarning", suggested)
        # Not save(): the row was made in this transaction, so no edit form can hold its version yet.
        Article.objects.filter(pk=article.pk).update(body=content.body)
        article.body = content.body
        workflow.record_import(article, previous="", reasons=reasons, content=content)
        return _result(article, Outcome.CREATED)

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
            self._remember(self.known_authors, slug, author)
        return author

    def _tags(self, names: list[str]) -> list[Tag]:
        """The tags named ``names`` (case-insensitively the same as existing ones), made if missing: those
        not remembered from earlier files are found in one query."""
        tags = {name.casefold(): self.known_tags.get(name.casefold()) for name in names}
        unknown = [name for name in names if tags[name.casefold()] is None]
        if unknown:
            matching = Q()
            for name in unknown:
                matching |= Q(name__iexact=name)
            tags.update({tag.name.casefold(): tag for tag in Tag.objects.filter(matching)})
            for name in unknown:
                key = name.casefold()
                if tags.get(key) is None:
                    tags[key] = Tag.objects.create(name=name)  # taggit makes the slug unique
                self._remember(self.known_tags, key, tags[key])
        return [tags[name.casefold()] for name in names]

    def _warnings_for(self, note: str) -> tuple[list[ContentWarning], bool]:
        """The vocabulary entries a stated warning note maps to, and whether a note mapped to none."""
        if not note:
            return [], False
        slugs = self.warning_vocabulary.matches(fold(note))
        return [self.warnings_by_slug[slug] for slug in slugs], not slugs


def import_path(path: Path, *, dry_run: bool = False) -> ImportResult:
    """Import one file with a new Importer (for a single file; a run of many uses one Importer)."""
    return Importer().import_path(path, dry_run=dry_run)


def _parse_options() -> dict:
    return {"max_bytes": settings.MASTHEAD_IMPORT_MAX_BYTES, "month_first": settings.MASTHEAD_IMPORT_MONTH_FIRST}


def _failed(name: str, error: DatabaseError) -> ImportResult:
    return ImportResult(name, Outcome.FAILED, message=f"database error: {error}")


def _link(model, owner_field: str, article: Article, target_field: str, targets: list) -> None:
    """Link a new article to ``targets`` through ``model`` in one INSERT. Plain SQL: a link row has no
    signals, defaults or returned ids to care about, and bulk_create cost more to build than to run."""
    if not targets:
        return
    owner, target = (model._meta.get_field(name).column for name in (owner_field, target_field))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {model._meta.db_table} ({owner}, {target}) VALUES {', '.join(['(%s, %s)'] * len(targets))}",
            [value for item in targets for value in (article.pk, item.pk)],
        )


def _set_text(article: Article, content: Content) -> None:
    """The text the page gives; an editor's standfirst and the newsroom's note stay as they are."""
    for name in ("title", "body", "warning_note", "image_credit"):
        setattr(article, name, getattr(content, name))


def _importer_decided_alone(article: Article) -> bool:
    """True while no person has made a decision on the article: the importer may still place it."""
    return not article.decisions.exclude(actor=None).exists()


def fingerprint(article: Article, tags, warnings) -> str:
    """The fingerprint of ``article`` with ``tags`` (names) and ``warnings`` (slugs): fingerprint_of its content."""
    return fingerprint_of(workflow.content_of(article, tags=list(tags), warnings=list(warnings)), article)


def fingerprint_of(content: Content, article: Article) -> str:
    """A hash of everything an editor can change about an article's content, plus its slug and publication
    time (read from ``article``)."""
    data = {
        **content.as_dict(),
        "author": content.author.pk if content.author is not None else None,
        "featured_image": content.featured_image.pk if content.featured_image is not None else None,
        "tags": sorted(tag.casefold() for tag in content.tags),
        "slug": article.slug,
        "published_at": article.published_at.timestamp() if article.published_at else None,
    }
    for later_field in ("newsroom_note", "featured_image"):
        if not data.get(later_field):
            data.pop(later_field, None)  # absent from fingerprints made before the field existed: keep them valid
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


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
        reasons.append(
            f"the headline is uncertain: “{_short(parsed.title)}” or “{_short(parsed.title_rival)}”"
            if parsed.title_rival else Article.UNSURE_TITLE
        )
    if parsed.published_on and parsed.other_dates:
        days = " or ".join(_day(day) for day in (parsed.published_on, *parsed.other_dates))
        reasons.append(f"two dates: {days}" if len(parsed.other_dates) == 1 else f"several dates: {days}")
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


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _day(day) -> str:
    return f"{day.day} {day:%B %Y}"


def _tags_for(parsed: ParsedArticle, topics: Vocabulary) -> list[str]:
    """The page's own sections, then the topics whose signal words occur in its title or body."""
    tags, seen = [], set()
    for name in [*parsed.sections, *topics.matches(parsed.folded_text, parsed.folded_words)]:
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


def _slug_base(title: str) -> str:
    """A slug from the title, cut at a word boundary to at most SLUG_LENGTH characters."""
    base = slugify(title)
    if len(base) > SLUG_LENGTH:
        base = base[: SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return base or "article"


# Plain SQL: asked once for every file, this query cost more to build through the ORM than to run.
_EXISTING_OR_SLUGS_TAKEN = (
    f"SELECT id, source_name, slug FROM {Article._meta.db_table} "
    "WHERE source_name = %s OR slug = %s OR (slug > %s AND slug < %s)"
)


def _existing_or_slugs_taken(parsed: ParsedArticle) -> tuple[int | None, set[str]]:
    """One query: the id of the article already imported from this source, if any, else the slugs that a
    new article's slug must avoid ("base" and "base-…": a range of the slug index, "-" sorting just
    before ".", not a LIKE that reads every row)."""
    base = _slug_base(parsed.title)
    with connection.cursor() as cursor:
        cursor.execute(_EXISTING_OR_SLUGS_TAKEN, [parsed.source_name, base, f"{base}-", f"{base}."])
        rows = cursor.fetchall()
    taken = set()
    for pk, source_name, slug in rows:
        if source_name == parsed.source_name:
            return pk, set()
        taken.add(slug)
    return None, taken


def _unique_slug(title: str, taken: set[str]) -> str:
    """The title's slug base, numbered past the slugs ``taken``."""
    base = _slug_base(title)
    slug, counter = base, 2
    while slug in taken:
        slug = f"{base}-{counter}"
        counter += 1
    return slug
