"""How the article form reads and writes its tags field: tags are separated by commas only.

django-taggit's own reading splits a line with no comma at its spaces, so a writer who types one tag of
two words ("War crimes") would get two tags ("War", "crimes"); and it writes any name with a space in
double quotes. Here a line with no comma is one tag, spaces inside a name are kept as typed (runs of
spaces become one), and only a name holding a comma or a double quote is quoted when written back.
Named in settings as TAGGIT_TAGS_FROM_STRING and TAGGIT_STRING_FROM_TAGS. Pure functions: no database.
"""

from taggit.utils import _parse_tags


def parse_tags(text: str) -> list[str]:
    """The tag names in ``text``, sorted as taggit sorts them: split at commas (a double-quoted part may
    hold a comma); a line without comma or quote is one name."""
    text = " ".join((text or "").split())
    if not text:
        return []
    if "," in text or '"' in text:
        return _parse_tags(text)
    return [text]


def edit_string(tags) -> str:
    """The tags as the form shows them, so that saving the form unchanged keeps the same tags."""
    names = []
    for tag in tags:
        name = tag.name
        names.append(f'"{name}"' if "," in name or '"' in name else name)
    return ", ".join(sorted(names))
