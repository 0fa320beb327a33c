"""Slugs for names in any script, never empty: the one way tags and authors get theirs.

``slug_for("Côte d’Ivoire")`` is "côte-divoire" (letters of every script are kept, as taggit
does for tags); a name with no letter or digit at all ("🔥", "…", "?") is spelled by its code
points ("u1f525"), so its URL still exists and still tells the names apart.
"""

import unicodedata

from django.utils.text import slugify

MAX_LENGTH = 100


def slug_for(name: str, max_length: int = MAX_LENGTH) -> str:
    """A non-empty URL slug for ``name``, at most ``max_length`` characters."""
    slug = slugify(name, allow_unicode=True)
    if not any(ch.isalnum() for ch in slug):
        slug = "-".join(f"u{ord(ch):x}" for ch in name if not ch.isspace()) or "untitled"
    return slug[:max_length].strip("-") or "untitled"


def has_letters(slug: str) -> bool:
    """Whether ``slug`` has a letter or digit (one that does not would make an empty-looking URL)."""
    return any(ch.isalnum() for ch in slug or "")


def author_slug(name: str, max_length: int = MAX_LENGTH) -> str:
    """An author's slug: plain ASCII when the name's letters are Latin ("Zoë Smith" → "zoe-smith", as
    bylines have always been), else letters of its own script ("أحمد الكردي" → "أحمد-الكردي")."""
    letters = [ch for ch in unicodedata.normalize("NFKD", name) if ch.isalnum()]
    ascii_slug = slugify(name)
    if letters and all(ch.isascii() for ch in letters) and has_letters(ascii_slug):
        return ascii_slug[:max_length].strip("-")
    return slug_for(name, max_length)
