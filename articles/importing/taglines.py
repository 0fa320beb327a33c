"""The tags a page gives its article where the article ends: a labelled list ("Tags: Environment, River Tam, Swimming",
"Filed under: Courts | Crime", a blog's "Labels: war, memory", "Categories: personal, recovery", "Posted in
Beekeeping"), or a "Tags" label alone over its tags, one a line, up to the page's next furniture. Left out of the body
as furniture (blocks.py), they are the article's own tags. Pure.
"""

from __future__ import annotations

import re

from articles.importing import endings, phrases, shape
from articles.importing import lines as kinds

MAX_TAGS = 12  # more than this is a site's tag cloud, not one article's tags
TAG_WORDS = 5  # words a tag has at most
_LABEL = r"(?:tags?|tagged(?:\s+(?:with|in|as))?|topics?|related\s+topics?|filed\s+under|labels?|keywords?|categor(?:y|ies)|posted\s+in)"
_LABELLED = re.compile(rf"^(?:{_LABEL}\s*:|(?:posted\s+in|filed\s+under)\s)\s*(?P<list>\S.*)$", re.I)  # (a blog's filing line needs no colon)
_LABEL_ALONE = re.compile(rf"^{_LABEL}\s*:?$", re.I)
# The label of a box listing other stories ("Related", "More from …", "Most read"): its tags are not the article's ("Related
# topics:" is the article's own list; a single pointer, "Read next", and "More on this story" over the topics are no box).
_OTHER_STORIES = re.compile(r"^(?:related(?!\s+(?:topics?|tags?)\b)|more\s+(?:from|in|stories|news|articles)|most\s+(?:read|popular|viewed)"
                            r"|recommended|you\s+(?:may|might)\s+also\s+like|trending|latest\s+(?:news|stories))\b", re.I)
_SEPARATOR = re.compile(r"\s*(?:,|\||·|•|;|\s/\s)\s*")
_SHARE_WORD = re.compile(rf"^(?:{phrases.SHARE_WORDS})$", re.I)
_COUNTED = re.compile(r"\(\d+\)$")  # "war (12)": a tag cloud's count of the site's articles


TAG_REACH = 12  # non-blank lines from where the article ends that its tag list may stand in (a site's widgets are further)


def page_tags(lines: list[str], end: int) -> tuple[str, ...]:
    """The tags of the first tag list where the article ends (line ``end``, the line that closes it) or in the
    TAG_REACH lines under it: a labelled list, or a label over one tag a line; () when there is none, or when the list
    is not one article's tags (counts beside them, too many, a sentence among them). Never a line of the body."""
    seen = 0
    for index in range(end, len(lines)):
        line = lines[index]
        if not line:
            continue
        seen += 1
        if seen > TAG_REACH:
            break
        if _OTHER_STORIES.match(line):
            break  # (another story's list: its tags are not this article's)
        if len(line) > 400 or line[:1] not in "TtFfLlKkRrCcPp":
            continue
        labelled = _LABELLED.match(line)
        if labelled:
            items = _SEPARATOR.split(labelled.group("list").strip())
            if ":" not in line[:labelled.start("list")] and (
                    line.rstrip()[-1:] == "." or not all(item.strip()[:1].isupper() for item in items)):
                return ()  # (a filing line without its colon names sections: "Posted in Kabul, …, she learned Dari." is a sentence)
            return _tags(items)
        if _LABEL_ALONE.match(line):
            under = []
            for other in lines[index + 1:index + 1 + MAX_TAGS + 1]:
                if not other or kinds.is_chrome(other) or kinds.is_end_of_article(other) or endings.is_closing_furniture(other):
                    break  # (the tags end where the page's furniture goes on: "Print this page", "Share")
                under.append(other)
            return _tags(under)
    return ()


def _tags(items: list[str]) -> tuple[str, ...]:
    items = [item.strip(" #.") for item in items if item.strip(" #.")]
    if not items or len(items) > MAX_TAGS or not all(map(_is_tag, items)):
        return ()
    return tuple(dict.fromkeys(items))


def _is_tag(item: str) -> bool:
    """A tag: a few words (TAG_WORDS), no sentence, no count beside it, no share button, no address."""
    words = shape.words(item)
    return (0 < len(words) <= TAG_WORDS and len(item) <= 50 and item[-1:] not in "!?:" and not _COUNTED.search(item)
            and not _SHARE_WORD.match(item) and "://" not in item and not item.startswith("www.") and not item.isdigit())
