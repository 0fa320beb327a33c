"""Readable differences between two versions of an article's content. Pure: no database."""

import difflib
from dataclasses import dataclass

FIELDS = [
    ("title", "Title"),
    ("author", "Author"),
    ("standfirst", "Standfirst"),
    ("body", "Body"),
    ("image_credit", "Featured-image credit"),
    ("tags", "Tags"),
    ("warnings", "Content warnings"),
    ("no_warnings_apply", "No content warnings apply"),
    ("warning_note", "Warning note"),
]


@dataclass(frozen=True)
class Line:
    kind: str  # "same", "added" or "removed"
    text: str


@dataclass(frozen=True)
class FieldDiff:
    label: str
    changed: bool
    lines: tuple[Line, ...]


def _lines(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    text = str(value)
    # Paragraphs are the unit editors think in.
    return [part.strip() for part in text.split("\n\n") if part.strip()] if "\n\n" in text else [text] if text else []


def diff_field(label, old, new) -> FieldDiff:
    old_lines, new_lines = _lines(old), _lines(new)
    lines = []
    for op in difflib.ndiff(old_lines, new_lines):
        code, text = op[:2], op[2:]
        if code == "  ":
            lines.append(Line("same", text))
        elif code == "- ":
            lines.append(Line("removed", text))
        elif code == "+ ":
            lines.append(Line("added", text))
    return FieldDiff(label, old_lines != new_lines, tuple(lines))


def diff_content(live: dict, other: dict) -> list[FieldDiff]:
    """Field-by-field differences from the live content to another version."""
    return [diff_field(label, live.get(name), other.get(name)) for name, label in FIELDS]
