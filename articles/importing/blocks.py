"""The body: where it ends, and its blocks (paragraphs, headings, quotations, tweets, lists, links). Pure."""

from __future__ import annotations

import re

from articles.importing import dates
from articles.importing import endings
from articles.importing import lines as kinds
from articles.importing import persons
from articles.importing import phrases
from articles.importing import shape
from articles.importing.elements import BulletList, Heading, Link, Paragraph, Quote, Tweet
from articles.importing.headline import is_headline_like

_URL_LINE = kinds.URL_LINE
_LIST_ITEM = kinds.LIST_ITEM
_APPEAL = kinds.APPEAL
_MONTH = dates.MONTH
_TWEET_ATTRIBUTION = re.compile(
    r"^[—–-]\s*(?P<author>.*?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>" + _MONTH + r"\s+\d{1,2},\s+\d{4})\s*$",
    re.I,
)
_TWEET_MARKERS = re.compile(r"pic\.twitter\.com/|(?<!\w)@\w+|(?<![\w&])#\w+|\bt\.co/", re.I)


# What a page dump glues before a paragraph's first words: a pointer to a video or the pictures in brackets
# ("(Scroll down for video) A large …"), or an image's alt text and its gallery number ("police video2Police …").
_MEDIA_POINTER = re.compile(
    r"^[(\[](?=[^)\]]{0,40}\b(?:video|photos?|pictures?|gallery|watch|listen|audio|scroll)\b)[^)\]\n]{1,40}[)\]]\s+(?=[A-Z“\"])",
    re.I)
_GLUED_ALT_TEXT = re.compile(r"^[a-z][a-z'’ -]{2,60}?[a-z]\d{1,2}(?=[A-Z][a-z])")


def clean_opening(line: str) -> str:
    """A paragraph without a media pointer or an alt text glued before its first words."""
    if line[:1] in "([":
        return _MEDIA_POINTER.sub("", line, count=1)
    if line[:1].islower():
        return _GLUED_ALT_TEXT.sub("", line, count=1)
    return line


def find_end(lines: list[str], start: int) -> int:
    """Index of the first line after ``start`` that closes the article (or the end of the text): a line that
    ends an article (but a sign-up box with the article's running text going on under it), or the first of the
    readers' comments under it."""
    for index in range(start, len(lines)):
        line = lines[index]
        if line and kinds.is_end_of_article(line) and not _link_in_text(lines, index) \
                and not (sign_up_box(lines, index) and _text_goes_on(lines, index + sign_up_box(lines, index))):
            return index
        if line and len(line) <= 30 and _COMMENT_ACTIONS.match(line):
            head = _comment_head(lines, index, start)
            if head is not None:
                return head
    return len(lines)


def _link_in_text(lines: list[str], index: int) -> bool:
    """Whether the line is a link to another story set inside the text ("Read more: …" with the article's running
    text going on under it), rather than the related links that close it."""
    if not endings.is_pointer(lines[index]):
        return False
    after = next((line for line in lines[index + 1:index + 4] if line), "")
    return len(shape.words(after)) >= 14 and shape.is_sentence(after) and not (
        kinds.is_note(after) or kinds.is_end_of_article(after) or kinds.PROMOTION.search(after) or _APPEAL.search(after))


_SIGN_UP = re.compile(r"\b(?:sign(?:ing)? up|subscribe|newsletters?|inbox)\b", re.I)
SIGN_UP_REACH = 3  # lines a sign-up box's own text takes under its label at most ("Get the day's top stories …", "Sign up")


def sign_up_box(lines: list[str], index: int) -> int:
    """How many lines the sign-up box whose label stands at ``index`` takes ("Sign up to our morning briefing
    newsletter" / "Get the day's top stories in your inbox every morning. Sign up"): its label and what under it
    promotes the newsletter or is a button (a few words, no sentence), never a sentence of twelve words or more (the
    article's); 0 when the line is no such label."""
    line = lines[index]
    if not (line and len(line) <= 120 and kinds.is_end_of_article(line) and _SIGN_UP.search(line)):  # (the first test cached)
        return 0
    at, taken = index + 1, 0
    while at < len(lines) and taken < SIGN_UP_REACH:
        other = lines[at]
        sentence = len(shape.words(other)) >= 12 and other.rstrip()[-1:] in ".!?\"”’"  # (the article's own paragraph)
        if other and (sentence or not (kinds.PROMOTION.search(other) or (_SIGN_UP.search(other) and len(shape.words(other)) <= 25)
                                       or (len(shape.words(other)) <= 4 and not shape.is_sentence(other)))):
            break
        taken += bool(other)
        at += 1
    return at - index


TEXT_GOES_ON = 2  # paragraphs of running text under a sign-up box that show the article goes on past it


def _text_goes_on(lines: list[str], index: int) -> bool:
    """Whether the article's running text goes on at ``index`` (under a box set in it): the next TEXT_GOES_ON
    lines are paragraphs of running text (full sentences of twelve words or more, none a teaser cut short, a
    promotion that asks, a note or a line that closes an article), or one such paragraph with the page's end under it (a line
    that closes an article, furniture, or nothing), as a list of other stories or the readers' comments under a page's
    last box are not."""
    following = [line for line in lines[index:index + 2 * TEXT_GOES_ON + 2] if line][:TEXT_GOES_ON]
    paragraphs = 0
    for line in following:
        if not _paragraph_of_text(line):
            break
        paragraphs += 1
    if paragraphs >= TEXT_GOES_ON:
        return True
    if paragraphs == 1:
        after = following[1] if len(following) > 1 else ""
        return not after or kinds.is_end_of_article(after) or kinds.is_chrome(after) or endings.is_closing_furniture(after)
    return False


def _paragraph_of_text(line: str) -> bool:
    return (len(shape.words(line)) >= 12 and shape.is_sentence(line) and line.rstrip()[-1:] in ".!?\"”’"
            and not (kinds.is_teaser(line) or is_promotion_in_text(line) or kinds.is_note(line)
                     or kinds.is_end_of_article(line) or _APPEAL.search(line)))


# A promotion of the outlet's own app, newsletter or channel set in the text, as it asks ("Get the best of arts and
# culture: download the … app", "Want more stories like this? Subscribe …", "Download the … app for alerts"): left out.
_ASKING = re.compile(r"^(?:#+\s*)?(?:get|download|install|sign\s+up|subscribe|follow|join|want\s+more|never\s+miss|don[’']t\s+miss"
                     r"|like\s+this|enjoy(?:ed)?\s+this|stay\s+(?:up\s+to\s+date|informed)|listen\s+to\s+our|watch\s+our)\b", re.I)


def is_promotion_in_text(line: str) -> bool:
    """A promotion set in the text that asks the reader to get, follow or subscribe (_ASKING): 30 words at most."""
    return len(line) <= 300 and bool(_ASKING.match(line)) and bool(kinds.PROMOTION.search(line)) and len(shape.words(line)) <= 30


_COMMENT_ACTIONS = re.compile(phrases.COMMENT_ACTIONS, re.I)
_COMMENT_HEAD = re.compile(phrases.COMMENT_HEAD, re.I)
_SHORT_TIME = re.compile(r"^\d{1,2}\s?(?:s|m|min|h|hr|d|w|mo|y)$")  # "5h", "2d": when a comment was written
COMMENT_LINES = 8  # lines a comment's head stands above its reaction buttons at most


def _comment_head(lines: list[str], index: int, start: int) -> int | None:
    """Where the comment whose reaction buttons ("Reply", "Like") stand at ``index`` begins: the commenter's
    name over when they wrote ("gardener_jim" / "3 days ago", "5h"), both on one line ("Maureen T. · 2 days
    ago"), their name with "wrote:", or their name over the comment with when they wrote under it; None when
    nothing of the kind stands in the COMMENT_LINES above (a lone "Reply" then is furniture, not a comment)."""
    top = max(start, index - COMMENT_LINES)
    for at in range(index - 1, top - 1, -1):
        line = lines[at]
        if not line or len(shape.words(line)) > 8:
            continue
        if _COMMENT_HEAD.match(line):
            return at  # "sam_r wrote:"
        if not (_SHORT_TIME.match(line) or dates.RELATIVE_DATE.search(line) or dates.date_line(line)):
            continue
        before = _COMMENT_SEPARATOR.split(line, maxsplit=1)[0]
        if before != line and before and not dates.RELATIVE_DATE.search(before) and not dates.date_line(before):
            return at  # "Maureen T. · 2 days ago"
        for above in range(at - 1, max(top, at - 3) - 1, -1):  # the name over the time, or over the comment
            name = lines[above]
            if name and _commenter(name):
                return above
            if not name:
                break
    return None


def _commenter(line: str) -> bool:
    """What a commenter's name looks like: four words or fewer, no sentence's end, no byline."""
    return len(shape.words(line)) <= 4 and line[-1:] not in ".!?:" and not kinds.byline(line)


_COMMENT_SEPARATOR = re.compile(r"\s+(?:[·•|–—-]\s+)?(?=\d+\s+\w+\s+ago\b|yesterday\b|on\s+\S)", re.I)


def build_body(lines: list[str], *, author: str | None = None) -> list:
    """The body's lines as blocks: captions, boxes set inside the article (an advert, a most-read list), promotions
    set in its text and whatever furniture ends it (the writer's bio among it, ``author`` naming the writer) left out."""
    kept = [
        clean_opening(line) for line in _without_sidebars(lines)
        if not (line and (endings.has_caption_mark(line) and len(shape.words(line)) <= 40 or endings.is_pointer(line)
                          or is_promotion_in_text(line)))
    ]
    return _build_blocks(_split_blocks(_without_tail(kept, author)))


def gallery_body(lines: list[str]) -> list:
    """A gallery's body: its captions, one paragraph each, for a page whose text is only captions (what
    build_body leaves out elsewhere); a counter ("3 / 10") or a credit line alone is left out."""
    return [Paragraph(line) for line in lines
            if line and endings.has_caption_mark(line) and shape.is_sentence(line) and not kinds.is_chrome(line)]


def _without_sidebars(lines: list[str]) -> list[str]:
    """The lines without boxes set inside the article: a label ("Advertisement", "Most read") and the short
    lines under it (headlines, numbered items), up to the next running text; a sponsor's label ("Support comes
    from") and the one line under it; a sign-up box with the article's text going on under it (sign_up_box)."""
    kept, skipping, sponsor, box_until = [], False, False, 0
    for index, line in enumerate(lines):
        if index < box_until:
            continue
        box = sign_up_box(lines, index) if line else 0
        if box and _text_goes_on(lines, index + box):  # a sign-up box set in the text, which goes on under it
            box_until = index + box
            continue
        if line and kinds.SIDEBAR.match(line):
            skipping = True
            continue
        if line and (sponsor or kinds.SPONSOR.match(line)):  # a sponsor's label and the line under it
            sponsor = not sponsor
            continue
        if skipping and line and ((not shape.is_sentence(line) and not _short_sentence(line)) or _listed_headline(line)):
            continue  # (a headline of the box's, a short question among them: "1. FC Köln: Trainer vor dem Aus?")
        if line:
            skipping = False
        kept.append(line)
    return kept


def _short_sentence(line: str) -> bool:
    """A short sentence of running text ("The trial continues on Tuesday."), which a box's headlines are not: four
    words or more, a full stop at the end, a lower-case word among them."""
    return line[-1:] == "." and len(shape.words(line)) >= 4 and any(word[:1].islower() for word in shape.words(line)[1:])


TAG_RUN = 3  # short lines one under another closing the text: a list of tags


def _without_tail(lines: list[str], author: str | None = None) -> list[str]:
    """The lines without the furniture they end with: share rows, menus, promotions, counters, notes about the
    article (a correction's), the writer's bio or sign-off, a date alone (a comment's), and a run of TAG_RUN or
    more short lines (a tag list)."""
    end = _before_closing_credit(lines)
    while end > 0:
        line = lines[end - 1]
        if line and not (kinds.is_chrome(line) or kinds.is_end_of_article(line)
                         or (kinds.is_note(line) and not _VERDICT.match(line)) or _is_signature(lines, end)
                         or kinds.is_sign_off(line) or kinds.is_bio(line, author)
                         or (kinds.PROMOTION.search(line) and len(shape.words(line)) <= 25)
                         or (len(line) <= 60 and dates.date_line(line))
                         or (endings.is_closing_furniture(line) and not _after_list_item(lines, end))
                         or _closing_appeal(line)):
            run = _short_run(lines, end)
            if run >= TAG_RUN:
                end -= run
                continue
            pointed = _pointed_list(lines, end)
            if pointed is not None:
                end = pointed
                continue
            if line and not _article_text(line) and not _sign_off_under_text(lines, end) and not _NUMBERED_ITEM.match(line) \
                    and not _verse(lines, end) and any(_article_text(other) for other in lines[max(0, end - 40):end - 1]):
                end -= 1  # a line that is no running text, past the article's last sentence: the page's, in any language
                continue
            break
        end -= 1
    return lines[:_without_empty_heading(lines, end, len(lines))]


def _verse(lines: list[str], end: int) -> bool:
    """Whether the line before ``end`` closes a stanza (a poem or a song quoted at the article's end): two lines or
    more of its run (the lines one under another, with no blank line between, after the last running text) are
    carried on to the next ("we buried them at dawn," / "under the olive trees," / "no names, no stones"), which a
    page's closing links and labels are not."""
    start = end - 1
    while start > 0 and lines[start - 1] and not _article_text(lines[start - 1]):
        start -= 1
    return sum(line[-1:] in _CARRIED_ON and _verse_line(line) for line in lines[start:end]) >= 2


def _verse_line(line: str) -> bool:
    """A line of verse rather than an address's or a desk's: three words or more, not every one capitalised."""
    words = shape.words(line)
    return len(words) >= 3 and not all(word[:1].isupper() or word[:1].isdigit() for word in words)


_CARRIED_ON = ",;–—"


def _sign_off_under_text(lines: list[str], end: int) -> bool:
    """Whether the line before ``end`` is a writer's few words of farewell right under the text's last sentence
    ("Love you all"): three words or fewer, no digit, slash, bracket or bar (a wire's desk codes, "EPA/KA/LH"; a
    link, "Descargar comunicado (PDF)")."""
    line = lines[end - 1]
    if len(shape.words(line)) > 3 or any(ch.isdigit() or ch in "/()|" for ch in line):
        return False
    before = next((other for other in reversed(lines[max(0, end - 4):end - 1]) if other), "")
    return _article_text(before) and not _LIST_ITEM.match(before)


def _article_text(line: str) -> bool:
    """Whether the line reads as the article's running text rather than the page's furniture: a sentence of three
    words or more that ends as one, a long line cut short (fifteen words or more), or a bulleted list's item (a
    numbered one without a sentence's end may be a list of most-read stories: "1. FC Köln: Trainer vor dem Aus?"); never a
    line naming the page's copyright ("© 2024 …"), nor a list of the story's tags ("Tagi: granica, migranci")."""
    if "©" in line or _LABELLED_LIST.match(line):
        return False
    count = len(shape.words(line))
    return count >= 15 or (bool(_LIST_ITEM.match(line)) and not line[:1].isdigit()) or (count >= 3 and line.rstrip()[-1:] in _ENDS_TEXT)


_ENDS_TEXT = ".!?…\"”’»"
_NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]\s+\S")  # a numbered list's item closing the article ("3. Relay the path")
# A label and its comma-set list, as tag lines run in any language ("Tags: a, b, c", "Теги / Tags: Kharkiv, shelling").
_LABELLED_LIST = re.compile(r"^[^\s:,.]+(?:\s*/\s*[^\s:,.]+)?\s*:\s*[^,.]{1,40}(?:,\s*[^,.]{1,40}){2,}$")


# What a charity's or an outlet's appeal says of its readers' money ("We can only do this because of your support.")
_THANKS_TO_YOU = re.compile(r"\b(?:because of|thanks to|with(?:out)?) (?:your|our (?:supporters|donors|members|readers)[’']?) "
                            r"(?:support|donations?|generosity|gifts?)\b", re.I)


def _closing_appeal(line: str) -> bool:
    """An appeal among the lines that close a text: one that opens by asking ("Donate to our flood appeal", "Help
    us rescue more animals like Bramble"), or that says the work is done thanks to the reader's money."""
    if len(line) > 400:
        return False
    if _is_appeal_sentence(line) and (_APPEAL.search(line) or (line[:8].lower() == "help us " and len(shape.words(line)) <= 12)):
        return True
    cued = "support" in line or "donation" in line or "generosity" in line or "gift" in line
    return cued and _THANKS_TO_YOU.search(line) is not None


def _after_list_item(lines: list[str], end: int) -> bool:
    """Whether the line before ``end`` follows a list's item ("– Flour" under "– Eggs" is the list's, not a sign-off)."""
    before = next((other for other in reversed(lines[max(0, end - 3):end - 1]) if other), "")
    return bool(_LIST_ITEM.match(before))


_VERDICT = re.compile(r"^(?:the\s+|our\s+)?(?:conclusion|verdict|bottom line)\s*:", re.I)  # a fact check's own last words


def _is_signature(lines: list[str], end: int) -> bool:
    """Whether the line before ``end`` is the writer's name alone under the text's last sentence (a signature)."""
    line = lines[end - 1]
    if len(shape.words(line)) > 4 or persons.bare_name(line) != line:
        return False
    before = next((other for other in reversed(lines[max(0, end - 4):end - 1]) if other), "")
    return shape.is_sentence(before)


CREDIT_TAIL = 2  # lines that may follow the writer's closing credit: a motto, an epigraph, a note (left out too)


def _before_closing_credit(lines: list[str]) -> int:
    """Where the text ends when the writer's credit closes it ("By Jane Doe, Branch Historian", "Words: Jane
    Doe"), with at most CREDIT_TAIL short lines after it; otherwise the end of the lines."""
    after = 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line:
            continue
        if endings.is_closing_credit(line):
            return index if any(shape.is_sentence(other) for other in lines[max(0, index - 3):index]) else len(lines)
        after += 1
        if after > CREDIT_TAIL or len(shape.words(line)) > 25:
            break
    return len(lines)


def _without_empty_heading(lines: list[str], end: int, was: int) -> int:
    """``end`` before a heading left with nothing under it once the furniture after it is gone ("How you can
    help" over a donation box): only when something was cut (``was``: where the lines ended before)."""
    while was > 0 and not lines[was - 1]:
        was -= 1
    last = end
    while last > 0 and not lines[last - 1]:
        last -= 1
    if last == was:
        return end
    line = lines[last - 1] if last else ""
    if line and len(shape.words(line)) <= 5 and line[-1:] not in _ENDS_SENTENCE + ",–—-" and line[:1].isupper() \
            and not shape.is_sentence(line):
        return last - 1
    return end


def _pointed_list(lines: list[str], end: int) -> int | None:
    """Where a list of other stories' headlines ends the lines begins, with the label over it ("Read More",
    "Related", "Most read"; furniture), or None: headlines without a full stop, blank lines between them allowed."""
    start = end
    while start > 0 and (not lines[start - 1] or _listed_headline(lines[start - 1])):
        start -= 1
    if start == end or start == 0:
        return None
    label = lines[start - 1]
    if kinds.is_chrome(label) or kinds.SIDEBAR.match(label) or kinds.is_end_of_article(label):
        return start - 1
    return None


def _listed_headline(line: str) -> bool:
    """A headline as a list of other stories gives it: headline-like, no sentence ending with a full stop; a short
    question ("1. FC Köln: Trainer vor dem Aus?") is one too."""
    if not is_headline_like(line) or line[-1:] in ".!\"”’":
        return False
    return not shape.is_sentence(line) if line[-1:] != "?" else len(shape.words(line)) <= 10


def _short_run(lines: list[str], end: int) -> int:
    """How many lines before ``end`` are short (three words or fewer, no sentence's end), one under another."""
    count = 0
    while count < end:
        line = lines[end - 1 - count]
        if not line or len(shape.words(line)) > 3 or line[-1:] in ".!?:;,”\"’":
            break
        count += 1
    return count


def _split_blocks(lines: list[str]) -> list[list[str]]:
    """The lines as blocks: split at blank lines, and within a run of lines at each line that is a paragraph of
    its own (``_paragraphs``)."""
    blocks, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.extend(_paragraphs(current))
            current = []
    if current:
        blocks.extend(_paragraphs(current))
    return blocks


_ENDS_SENTENCE = ".!?:;…\"”’)]"


def _paragraphs(run: list[str]) -> list[list[str]]:
    """A run of lines with no blank line between them as its paragraphs. Most text dumps put each paragraph on
    one line, so each line is a block, except a line carried over from the one before (which does not end a
    sentence, this one starting in lower case), every line of a hard-wrapped run (``_is_wrapped``), and a list's
    items, which stay with the lines they follow."""
    if len(run) == 1 or _is_wrapped(run):
        return [run]
    paragraphs = [[run[0]]]
    for line in run[1:]:
        previous = paragraphs[-1][-1]
        carried = previous[-1:] not in _ENDS_SENTENCE and line[:1].islower()
        if carried or _LIST_ITEM.match(line):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


def _is_wrapped(run: list[str]) -> bool:
    """Lines cut at a fixed width (a hard-wrapped dump): every line but the last is 50–100 characters long, within
    20 of the longest, and at least one of them stops where no sentence ends."""
    head = run[:-1]
    widest = max(len(line) for line in head)
    return (
        50 <= widest <= 100
        and all(len(line) >= widest - 20 for line in head)
        and any(line[-1:] not in _ENDS_SENTENCE for line in head)
    )


def _is_heading(block: list[str]) -> bool:
    if len(block) != 1:
        return False
    line = block[0]
    words = line.split()
    return (
        1 <= len(words) <= 10
        and len(line) <= 90
        and line[-1] not in ".,;:…”\"’"
        and (line[0].isupper() or line[0].isdigit())
        and not _URL_LINE.match(line)
    )


def _is_chrome_block(block: list[str]) -> bool:
    """Furniture lines only, or one short appeal ("Please support our journalism…"); the cheap tests first."""
    if all(kinds.is_chrome(line) for line in block):
        return True
    return len(block) == 1 and len(block[0]) < 400 and _is_appeal_sentence(block[0]) and bool(_APPEAL.search(block[0]))


def _is_appeal_sentence(line: str) -> bool:
    return bool(re.match(r"^(?:please\s+)?(?:donate|support|chip|help|can\s+you|become|you\s+can)\b", line, re.I))


def _text_blocks(lines: list[str]) -> list:
    """A block's lines as a paragraph, or, when some lines are "– items", paragraphs and lists in the order
    the lines come (a run of items is one list)."""
    if not any(_LIST_ITEM.match(line) for line in lines):
        return [Paragraph(" ".join(lines))]
    result, run, in_list = [], [], False
    for line in [*lines, None]:
        item = line is not None and bool(_LIST_ITEM.match(line))
        if run and (line is None or item != in_list):
            result.append(BulletList(tuple(_LIST_ITEM.sub("", i) for i in run)) if in_list else Paragraph(" ".join(run)))
            run = []
        if line is not None:
            run.append(line)
            in_list = item
    return result


def _is_intro(block: list[str]) -> bool:
    """A paragraph that introduces a quotation, a tweet or a link: it ends with a colon."""
    text = " ".join(block)
    return text.endswith(":") and not _TWEET_MARKERS.search(text)


def _build_blocks(raw_blocks: list[list[str]]) -> list:
    raw_blocks = [block for block in raw_blocks if not _is_chrome_block(block)]
    tweet_of = _find_tweets(raw_blocks)
    result = []
    index = 0
    while index < len(raw_blocks):
        block = raw_blocks[index]
        if index in tweet_of:
            end, attribution = tweet_of[index]
            parts = [part for raw in raw_blocks[index:end] for part in _text_blocks(raw)]
            result.append(
                Tweet(
                    blocks=tuple(parts),
                    author=attribution.group("author").strip(),
                    handle=attribution.group("handle"),
                    date_text=attribution.group("date"),
                )
            )
            index = end + 1
            continue
        if len(block) == 1 and _URL_LINE.match(block[0]):
            url = block[0] if block[0].lower().startswith("http") else f"https://{block[0]}"
            result.append(Link(url))
        elif _is_heading(block):
            result.append(Heading(block[0]))
        elif index > 0 and _is_intro(raw_blocks[index - 1]) and not _is_intro(block):
            result.append(Quote(tuple(_text_blocks(block))))
        else:
            result.extend(_text_blocks(block))
        index += 1
    return result


def _find_tweets(blocks: list[list[str]]) -> dict[int, tuple[int, re.Match]]:
    """Map the first block of each embedded tweet to (index of its attribution line, the attribution match).

    A tweet is the text just above an attribution line ("— Name (@handle) October 13, 2019").
    It reaches back to just after the paragraph that introduced it (one ending in a colon)
    when that is within a few blocks, and is otherwise the single block above.
    """
    tweets = {}
    for index, block in enumerate(blocks):
        match = _TWEET_ATTRIBUTION.match(" ".join(block)) if len(block) == 1 else None
        if not match or index == 0:
            continue
        start = index - 1
        for back in range(index - 1, max(-1, index - 5), -1):
            candidate = blocks[back]
            if _is_heading(candidate) or _TWEET_ATTRIBUTION.match(candidate[0]) or back in tweets:
                break
            if _is_intro(candidate):
                start = back + 1
                break
        tweets[start] = (index, match)
    return tweets
