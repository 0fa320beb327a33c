"""Readable differences between two versions of an article's content. Pure: no database.

Prose is compared as editors read it: paragraph by paragraph, and within a paragraph that changed,
word by word. Line endings never count (a browser sends ``\\r\\n``, the importer ``\\n``).
"""

import difflib
import re
from dataclasses import dataclass

FIELDS = [
    ("title", "Title"),
    ("author", "Author"),
    ("standfirst", "Standfirst"),
    ("body", "Body"),
    ("featured_image", "Featured image"),
    ("image_credit", "Featured-image credit"),
    ("tags", "Tags"),
    ("warnings", "Content warnings"),
    ("no_warnings_apply", "No content warnings apply"),
    ("newsroom_note", "Our warning note"),
    ("warning_note", "The source's warning note"),
]
# Below this share of words in common, a changed paragraph reads better as one removed and one added.
SIMILAR = 0.5
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Piece:
    kind: str  # "same", "added" or "removed"
    text: str


@dataclass(frozen=True)
class Line:
    """One paragraph (or list item): kept, added, removed, or changed within (then see ``pieces``)."""

    kind: str  # "same", "added", "removed" or "changed"
    text: str
    pieces: tuple[Piece, ...] = ()


@dataclass(frozen=True)
class FieldDiff:
    label: str
    changed: bool
    lines: tuple[Line, ...]


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(value) -> list[str]:
    """The units a field is compared in: list items, yes/no, or paragraphs of text."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    text = normalise_newlines(str(value)).strip()
    return [" ".join(part.split("\n")).strip() for part in _PARAGRAPH_BREAK.split(text) if part.strip()]


def diff_words(old: str, new: str) -> tuple[Piece, ...]:
    """Word-level pieces turning ``old`` into ``new``."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(b[j1:j2])))
    return tuple(pieces)


def _changed_pair(old: str, new: str) -> list[Line]:
    ratio = difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio()
    if ratio < SIMILAR:
        return [Line("removed", old), Line("added", new)]
    return [Line("changed", new, diff_words(old, new))]


def diff_field(label, old, new) -> FieldDiff:
    old_units, new_units = paragraphs(old), paragraphs(new)
    lines = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_units, new_units, autojunk=False).get_opcodes():
        if op == "equal":
            lines += [Line("same", text) for text in old_units[i1:i2]]
        elif op == "delete":
            lines += [Line("removed", text) for text in old_units[i1:i2]]
        elif op == "insert":
            lines += [Line("added", text) for text in new_units[j1:j2]]
        else:  # replace: pair paragraphs in order, word-diffing those that are still alike
            olds, news = old_units[i1:i2], new_units[j1:j2]
            for old_text, new_text in zip(olds, news):
                lines += _changed_pair(old_text, new_text)
            lines += [Line("removed", text) for text in olds[len(news):]]
            lines += [Line("added", text) for text in news[len(olds):]]
    return FieldDiff(label, old_units != new_units, tuple(lines))


def diff_content(live, other) -> list[FieldDiff]:
    """Field-by-field differences from the live content to another version (articles.content.Content)."""
    return [diff_field(label, getattr(live, name), getattr(other, name)) for name, label in FIELDS]


def any_changed(diff: list[FieldDiff]) -> bool:
    return any(field.changed for field in diff)
