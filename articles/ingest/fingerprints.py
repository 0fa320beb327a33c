"""An imported article's fingerprint: a hash of everything an editor can change, kept when the importer
writes it, so that a later import can tell whether anyone has edited the article since."""

from __future__ import annotations

import hashlib
import json

from articles import workflow
from articles.content import Content
from articles.models import Article


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
