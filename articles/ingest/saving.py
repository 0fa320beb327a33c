"""A parsed page → its article, inside the caller's transaction: created, updated, turned into a pending
revision of a live article, or left alone when unchanged or edited by a person since. A new article and
an updated one are placed by the same workflow step (``workflow.place_import``: publish or hold, save,
record the decision)."""

from __future__ import annotations

from datetime import datetime, time
from time import monotonic
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.db import connection, transaction
from django.db.models import F, Q
from taggit.models import Tag

from articles import workflow
from articles.content import Content
from articles.importing import ParsedArticle
from articles.importing.header import as_recorded
from articles.ingest.fingerprints import content_fingerprint, fingerprint, fingerprint_of
from articles.ingest.reasons import review_reasons
from articles.ingest.results import ImportResult, Outcome, result_of
from articles.ingest.rows import existing_or_slugs_taken, unique_slug
from articles.lexicon import Vocabulary, fold
from articles.models import Article, Author, ContentWarning, TaggedArticle, Topic
from articles.slugs import author_slug


class ArticleWriter:
    """Writes parsed pages as articles with the vocabularies of one run.

    The content-warning and topic vocabularies are read and compiled once, when the writer is made; each
    page's text is folded once and matched against them. Authors by slug and tags by case-folded name
    are remembered once their file commits, so that most files need no query for either; an editor may
    merge, delete or rename a tag during a long run, so the memory lasts MEMORY_SECONDS at most (and the
    importer retries a file once with it cleared: articles/ingest/__init__.py).
    """

    MEMORY_SECONDS = 5.0

    def __init__(self):
        warnings = list(ContentWarning.objects.all())
        self.warnings_by_slug = {warning.slug: warning for warning in warnings}
        self.warning_vocabulary = Vocabulary({warning.slug: warning.terms for warning in warnings})
        self.topic_vocabulary = Vocabulary({topic.name: topic.terms for topic in Topic.objects.all()})
        self.known_authors: dict[str, Author] = {}
        self.known_tags: dict[str, Tag] = {}
        self._remembered_since = monotonic()

    def forget(self) -> None:
        """Clear what the run remembers of authors and tags: the next files read them again."""
        self.known_authors.clear()
        self.known_tags.clear()
        self._remembered_since = monotonic()

    def forget_if_stale(self) -> None:
        if monotonic() - self._remembered_since > self.MEMORY_SECONDS:
            self.forget()

    def _remember(self, memory: dict, key, value) -> None:
        """Remember ``value`` once the current file's transaction commits (never a rolled-back row)."""
        transaction.on_commit(lambda: memory.setdefault(key, value))

    def save_parsed(self, parsed: ParsedArticle) -> ImportResult:
        """Create or update the article for ``parsed``; call inside a transaction.

        A live article's text is never touched: a changed source becomes a pending revision for an
        editor to review. A draft or held article is updated unless someone edited it since it was
        imported.
        """
        existing, slugs_taken = existing_or_slugs_taken(parsed)
        stated, unmapped = self._warnings_for(parsed.warning_note)
        suggested = [
            self.warnings_by_slug[slug]
            for slug in self.warning_vocabulary.matches(parsed.folded_text, parsed.folded_words)
            if slug not in {warning.slug for warning in stated}
        ]
        tags = self._tags(tags_for(parsed, self.topic_vocabulary))
        content = self._content(parsed, stated, [tag.name for tag in tags])
        reasons = review_reasons(parsed, unmapped, suggested if not stated else [])
        if existing is None:
            return self._create(parsed, content, tags, stated, suggested, reasons, unique_slug(parsed.title, slugs_taken))
        return self._update(existing, parsed, content, tags, stated, suggested, reasons)

    def _create(self, parsed, content, tags, stated, suggested, reasons, slug) -> ImportResult:
        """A new article, in as few statements as the search index allows (articles/searchindex.py): the
        row with its final state but no body, its tags and warnings linked, then the body, indexed once
        with everything else; and the importer's decision on record."""
        article = Article(source_name=parsed.source_name, slug=slug, published_at=published_at(parsed),
                          source_hash=parsed.source_hash)
        content.apply_to(article)

        def row_without_body(article):
            article.import_fingerprint = fingerprint_of(content.replace(no_warnings_apply=article.no_warnings_apply), article)
            article.body = ""

        def links_then_body(article):
            _link(TaggedArticle, "content_object", article, "tag", tags)
            _link(Article.warnings.through, "article", article, "contentwarning", stated)
            _link(Article.suggested_warnings.through, "article", article, "contentwarning", suggested)
            # Not save() (it would write every column again), but like every write of the row it makes a new
            # edit-conflict token. No sanitised HTML is kept beside the body (articles/bodies.py): rendering it
            # would cost the import a quarter of its rate; pages render the body until keep_rendered_bodies runs.
            Article.objects.filter(pk=article.pk).update(body=content.body, version=F("version") + 1,
                                                         updated_at=timezone.now())
            article.body = content.body
            article.version += 1

        workflow.place_import(article, publish=not reasons, reasons=reasons, created=True, content=content,
                              before_save=row_without_body, after_save=links_then_body)
        return result_of(article, Outcome.CREATED)

    def _update(self, existing, parsed, content, tags, stated, suggested, reasons) -> ImportResult:
        """The article imported from this source before: unchanged, revised (live), skipped (edited by a
        person since) or updated and placed again."""
        article = Article.objects.select_for_update().get(pk=existing)
        if article.source_hash == parsed.source_hash or article.revisions.filter(source_hash=parsed.source_hash).exists():
            return result_of(article, Outcome.UNCHANGED)
        if article.status == Article.Status.PUBLISHED:
            workflow.propose_revision(article, None, content, source="import", source_hash=parsed.source_hash)
            return result_of(article, Outcome.REVISED, message="the live text is unchanged; a pending revision awaits review")
        if content_fingerprint(article) != article.import_fingerprint:
            return result_of(
                article,
                Outcome.SKIPPED,
                message="the source changed but an editor has edited the article since it was imported; "
                "left as the editor saved it",
            )
        article.author = content.author
        article.published_at = published_at(parsed)
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
        else:  # a person has decided on it since: the importer only updates its reasons
            article.review_reasons = reasons
            fingerprinted(article)
            article.save(update_fields=["review_reasons", "import_fingerprint"])
        return result_of(article, Outcome.UPDATED)

    def _content(self, parsed: ParsedArticle, stated: list[ContentWarning], tags: list[str]) -> Content:
        """What the page says, as an article's editable content."""
        return Content(
            title=parsed.title[: Article._meta.get_field("title").max_length],
            author=self._author_for(parsed.author),
            standfirst=parsed.standfirst,
            body=parsed.body_markdown,
            image_credit=parsed.image_credit[: Article._meta.get_field("image_credit").max_length],
            warning_note=parsed.warning_note,
            tags=tuple(tags),
            warnings=tuple(w.slug for w in stated),
        )

    def _author_for(self, name: str | None) -> Author | None:
        """The author the byline names (``name`` as the page writes it), made if new under the name an editor
        records (importing.header.as_recorded: "JOHN KILA" → "John Kila", "A & B" → "A and B")."""
        if not name:
            return None
        name = as_recorded(name)
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
    """The text the page gives (its deck as the standfirst); the newsroom's note stays as it is."""
    for name in ("title", "standfirst", "body", "warning_note", "image_credit"):
        setattr(article, name, getattr(content, name))


def _importer_decided_alone(article: Article) -> bool:
    """True while no person has made a decision on the article: the importer may still place it."""
    return not article.decisions.exclude(actor=None).exists()


def tags_for(parsed: ParsedArticle, topics: Vocabulary) -> list[str]:
    """The page's own sections and tags, then the topics whose signal words occur in its title or body."""
    tags, seen = [], set()
    for name in [*parsed.sections, *parsed.tags, *topics.matches(parsed.folded_text, parsed.folded_words)]:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            tags.append(name)
    return tags


def published_at(parsed: ParsedArticle) -> datetime | None:
    """The page's publication time: with its time (in its zone, or the newsroom's) when it gives one; the
    start of its day in the newsroom's zone when it gives a date only."""
    if parsed.published_at is not None:
        at = parsed.published_at
        return at if at.tzinfo is not None else at.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    if parsed.published_on is None:
        return None
    return datetime.combine(parsed.published_on, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))
