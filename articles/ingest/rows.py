"""Which row a parsed page goes to: the article already imported from the same source, or a new one with a
slug no other article has. One query per file."""

from __future__ import annotations

from django.db import connection
from django.utils.text import slugify

from articles.importing import ParsedArticle
from articles.models import Article

SLUG_LENGTH = 80

# Plain SQL: asked once for every file, this query cost more to build through the ORM than to run.
_EXISTING_OR_SLUGS_TAKEN = (
    f"SELECT id, source_name, slug FROM {Article._meta.db_table} "
    "WHERE source_name = %s OR slug = %s OR (slug > %s AND slug < %s)"
)


def slug_base(title: str) -> str:
    """A slug from the title, cut at a word boundary to at most SLUG_LENGTH characters."""
    base = slugify(title)
    if len(base) > SLUG_LENGTH:
        base = base[: SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return base or "article"


def existing_or_slugs_taken(parsed: ParsedArticle) -> tuple[int | None, set[str]]:
    """One query: the id of the article already imported from this source, if any, else the slugs that a
    new article's slug must avoid ("base" and "base-…": a range of the slug index, "-" sorting just
    before ".", not a LIKE that reads every row)."""
    base = slug_base(parsed.title)
    with connection.cursor() as cursor:
        cursor.execute(_EXISTING_OR_SLUGS_TAKEN, [parsed.source_name, base, f"{base}-", f"{base}."])
        rows = cursor.fetchall()
    taken = set()
    for pk, source_name, slug in rows:
        if source_name == parsed.source_name:
            return pk, set()
        taken.add(slug)
    return None, taken


def unique_slug(title: str, taken: set[str]) -> str:
    """The title's slug base, numbered past the slugs ``taken``."""
    base = slug_base(title)
    slug, counter = base, 2
    while slug in taken:
        slug = f"{base}-{counter}"
        counter += 1
    return slug
