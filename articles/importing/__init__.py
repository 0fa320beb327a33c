"""Raw text of a published news web page → a parsed article. Pure: no database, no Django models.

The files are text dumps of whole pages: menus, date banners, tickers, the article, captions,
share rows, related lists and footers, one after another. The parser reads each line by what it
*is*, never by where it sits in a particular site's layout, in stages:

1. ``source``: check and decode the bytes (empty, binary, undecodable, too large → ParseError);
2. ``lines``: what each line is — furniture, a byline, a caption or running text; ``dates``: a date
   (dateparser for the forms the patterns do not know); ``persons``: a person's name (nameparser for a
   name alone); ``cautions``: a stated warning; ``shape``: a line's words, sentence or capitals (the
   sites' wording in ``phrases``); ``sitelearning``: the lines a folder's pages repeat, read as blank;
3. ``header``: the headline — every candidate line scored on its features (``headline``) by a scorer
   (``scoring``) with weights fitted on the corpus (``weights``; ``evidence`` holds the three scorers),
   the winner kept with its margin — then a small state machine over
   the lines under it — deck, byline, date, sections, captions, warnings — to where the body starts;
4. where the body opens (``opening``: the next few lines scored the same way), ``blocks``: where it ends and its
   paragraphs, headings, quotations, tweets, lists and links (``elements``); ``notices``: warnings
   stated in plain sentences, scored the same way and taken out of the body; ``markdown``: the blocks'
   Markdown (rendered and sanitised by articles/rendering.py); what the body tells the header last: a
   date when the header gives none (``header.date_elsewhere``: a stored date line, a dated dateline, a print
   edition's closing line, a breadcrumb's day), the writer named where the article ends
   (``header.closing_byline``), a gallery's captions kept as its text.
"""

from __future__ import annotations

import hashlib

from articles.importing import cautions
from articles.importing import dates
from articles.importing import endings
from articles.importing import lines as kinds
from articles.importing import persons
from articles.importing import shape
from articles.importing import weights
from articles.importing.blocks import build_body, find_end, gallery_body
from articles.importing.echoes import echoed
from articles.importing.elements import block_text
from articles.importing.evidence import Model
from articles.importing.headline import forget_lines
from articles.importing.opening import body_candidates, opens_with_dateline
from articles.importing.scoring import Candidate
from articles.importing.header import Header, closing_byline, date_elsewhere, early_warnings, read_header, wire_byline
from articles.importing.markdown import to_markdown
from articles.importing.notices import plain_warnings
from articles.importing.parsed import BulletList, Heading, Link, Paragraph, ParsedArticle, Quote, Tweet
from articles.importing.source import DEFAULT_MAX_BYTES, ParseError, decode_source, read_source
from articles.importing.taglines import page_tags
from articles.importing.decks import deck

__all__ = [
    "DEFAULT_MAX_BYTES", "BulletList", "Heading", "Link", "Paragraph", "ParseError", "ParsedArticle", "Quote",
    "Tweet", "block_text", "clear_caches", "decode_source", "parse_file", "parse_source", "read_source", "to_markdown",
]


def clear_caches() -> None:
    """Forget every line classified so far (benchmarks time a page from cold)."""
    kinds.clear_caches()
    persons.clear_caches()
    shape.clear_caches()
    dates.clear_caches()
    endings.clear_caches()
    cautions.clear_caches()
    forget_lines()


DEFAULT_MODEL = Model.from_weights(weights.HEADLINE, weights.BODY_START, weights.WARNING, weights.CLEAR_MARGIN)


def parse_file(path, *, max_bytes: int = DEFAULT_MAX_BYTES, month_first: bool = False,
               furniture: frozenset = frozenset()) -> ParsedArticle:
    """Read and parse one file (never reading more than ``max_bytes`` + 1 bytes). Raises ParseError."""
    return parse_source(read_source(path, max_bytes), path.name, max_bytes=max_bytes, month_first=month_first,
                        furniture=furniture)


def parse_source(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES, month_first: bool = False,
                 furniture: frozenset = frozenset(), model: Model | None = None) -> ParsedArticle:
    """Parse one raw page dump. Raises ParseError naming ``name`` and the reason.

    ``month_first``: read "03/02/2021" as 2 March (US sites) rather than 3 February, unless the page's other
    dates show its order ("13/02/2021", "3 February 2021"); when nothing does, the date is kept as written in
    ``ambiguous_date`` and the article is held for an editor (ingest/reasons.py).
    ``furniture``: lines known to be the site's own (they repeat across its pages: sitelearning.py), read
    as blank lines.
    ``model``: the scorers (default: the weights fitted on the whole corpus, weights.py).
    """
    model = model or DEFAULT_MODEL
    text = decode_source(data, name, max_bytes=max_bytes)
    lines, header, end, candidates = layout(text, model, month_first=month_first, furniture=furniture)
    if header is None:
        raise ParseError(name, "no title found (no headline-like line in the text)")
    opening = model.body.choose(candidates).winner
    passed_over = []  # a deck, a caption or a pull-quote between the header and the body's first line
    if opening is None or (header.body_lead and opening.index < header.body_start):
        body_lines = ([header.body_lead] if header.body_lead else []) + lines[header.body_start:end]
    else:
        passed_over = lines[header.body_start:opening.index]
        body_lines = lines[opening.index:end]
    lede = _lede_over_credits(lines, header, body_lines)
    if lede is not None:  # the article's first paragraph set above its byline ("TEVALU CITY — …"): the body's
        body_lines = [lines[lede], "", *body_lines]
        passed_over = [line for line in passed_over if line != lines[lede]]
    passed_warnings, passed_over = early_warnings(passed_over)
    later_warnings, body_lines = early_warnings(body_lines)
    header_lines = lines[header.title_at + 1:header.body_start] + passed_over
    worded, body_lines = plain_warnings(header_lines, body_lines, model.warning)
    warnings = _each_once([*header.warnings, *passed_warnings, *later_warnings, *worded])

    image_credit = ""
    for line in lines[header.body_start:]:
        match = kinds.IMAGE_CREDIT.match(line)
        if match:
            image_credit = match.group("credit").strip()
            break

    blocks = _from_the_body(tuple(build_body(body_lines, author=header.author)), header, lines, end)
    # A clear win is not enough alone: something under the headline must bear it out (a byline, a date or
    # running text), or it is a guess.
    borne_out = bool(header.author or header.dated or any(
        isinstance(block, Paragraph) and shape.is_sentence(block.text) for block in blocks[:3]))
    return ParsedArticle(
        source_name=name,
        source_hash=hashlib.sha256(data).hexdigest(),
        title=header.title,
        title_confirmed=header.title_confirmed and borne_out,
        title_rival=header.title_rival,
        title_margin=header.title_margin,
        other_dates=tuple(dict.fromkeys(day for day in header.other_dates if not header.dated or day != header.dated.day)),
        author=header.author,
        published_on=header.dated.day if header.dated else None,
        published_at=header.dated.at if header.dated else None,
        ambiguous_date=header.date_written,
        title_echoed=echoed(header.title, "\n".join(block_text(block) for block in blocks[:12])),
        author_alone=header.author_alone and bool(header.author),
        dated_by_clock=header.dated_by_clock,
        sections=tuple(header.sections),
        tags=page_tags(lines, end),
        standfirst=deck(lines, header.title_at, header.title, header_lines),
        warning_note=" ".join(w.note or w.statement for w in warnings),
        stated_warnings=tuple(w.statement for w in warnings),
        image_credit=image_credit,
        blocks=blocks,
    )


def _lede_over_credits(lines: list[str], header: Header, body_lines: list[str]) -> int | None:
    """Where the article's first paragraph stands when the page sets it between the headline and the byline: the
    first line under the headline (furniture aside) opening with a dateline, as running text, that the body does not
    hold already; None otherwise."""
    for index in range(header.title_at + 1, min(len(lines), header.body_start)):
        line = lines[index]
        if not line or line == lines[header.title_at] or kinds.is_chrome(line):
            continue
        if opens_with_dateline(line) and endings.is_running_text(line) and line not in body_lines:
            return index
        return None
    return None


def _each_once(warnings: list) -> list:
    """The warnings, one stated twice (over the text and again in it, perhaps in other capitals) kept once, first."""
    seen, once = set(), []
    for warning in warnings:
        key = " ".join(warning.statement.split()).casefold()
        if key not in seen:
            seen.add(key)
            once.append(warning)
    return once


def _from_the_body(blocks: tuple, header: Header, lines: list[str], end: int) -> tuple:
    """The body's blocks once what the body tells the header is settled: a gallery with no text keeps its
    captions as its body; a page whose header names no writer may name them where the article ends (a letter's
    signature then left out of the body), which sets ``header.author`` — only a wire's credits ("Reporting by …;
    Editing by …") when its byline credits no one ("By Staff Reporter")."""
    if not blocks or _captions_first(lines[header.title_at + 1:end]):
        # a gallery: no text but its pictures' captions (perhaps one cut short), which are then the body
        blocks = tuple(gallery_body(lines[header.title_at + 1:end])) or blocks
    if header.author is None and header.credits_no_one:
        header.author = wire_byline(lines, header.body_start, end)
    elif header.author is None:
        header.author, header.author_alone = closing_byline(lines, header.body_start, end)
        signed = [position for position, block in enumerate(blocks)
                  if header.author and isinstance(block, Paragraph | Heading) and block.text == header.author]
        if signed and signed[-1] >= len(blocks) - 2 and signed[-1] >= 2:  # a letter's closing words and signature
            closing = blocks[signed[-1] - 1]
            valediction = isinstance(closing, Paragraph | Heading) and closing.text.rstrip().endswith(",")
            blocks = blocks[:signed[-1] - 1] if valediction else blocks[:signed[-1]]  # (a signature alone: only it)
    return blocks


GALLERY_CAPTIONS = 3  # captions a page of pictures shows at least


def _captions_first(lines: list[str]) -> bool:
    """Whether the text is a gallery's captions: its first sentence is a caption, GALLERY_CAPTIONS or more follow,
    and at most one line of running text is not one (a caption cut short). A gallery whose intro stands over its
    captions keeps the intro as its body."""
    captions = others = 0
    for line in lines:
        if not line or not shape.is_sentence(line) or kinds.is_chrome(line):
            continue
        if endings.has_caption_mark(line):
            captions += 1
        elif not captions or others:
            return False  # (running text before the first caption, or a second line of it)
        else:
            others += 1
    return captions >= GALLERY_CAPTIONS


def _text_passed_over(lines: list[str], header: Header) -> int | None:
    """When the header reader left no running text for the body (it read the article's only paragraph as a
    standfirst, or the page gives the text above its headline, as some blogs do), the body starts at the first
    running text under the headline, else at the first of the running text over it (furniture, promotions and
    notes passed over; the headline is then unconfirmed, for an editor to look at); sets ``header.body_start``
    and returns where the article then ends (None: no running text anywhere, nothing changed)."""
    under = next((index for index in range(header.title_at + 1, len(lines)) if endings.is_running_text(lines[index])), None)
    if under is not None:
        header.body_start = under
        return find_end(lines, under)
    over = next((index for index in range(header.title_at) if endings.is_running_text(lines[index])
                 and not (kinds.is_chrome(lines[index]) or kinds.PROMOTION.search(lines[index]) or kinds.is_note(lines[index]))), None)
    if over is not None:
        header.body_start = over
        header.title_confirmed = False  # (text over its headline: an editor confirms which line heads it)
        return header.title_at
    return None


def layout(text: str, model: Model, *, month_first: bool = False, furniture: frozenset = frozenset()
           ) -> tuple[list[str], Header | None, int, list[Candidate]]:
    """(the page's cleaned lines, its header, where the article ends, the lines that could open the body)."""
    lines = cautions.labels_joined([part for line in text.splitlines() for part in kinds.unglued(kinds.clean_line(line))])
    if furniture:  # the site's own lines, learnt from its other pages: read as nothing
        lines = ["" if line in furniture else line for line in lines]
    header = read_header(lines, scorer=model.headline, clear_margin=model.clear_margin, month_first=month_first)
    if header is None:
        return lines, None, len(lines), []
    end = find_end(lines, header.body_start)
    if not any(endings.is_running_text(line) for line in lines[header.body_start:end]):
        end = _text_passed_over(lines, header) or end
    reply = "re: " + header.title.casefold()  # a thread's first reply, headed with the title ("Re: <title>")
    end = next((index for index in range(header.body_start, end)
                if lines[index][:3].lower() == "re:" and lines[index].casefold() == reply), end)
    if header.dated is None:
        header.dated = date_elsewhere(lines, header.title_at, header.body_start, end, month_first=month_first)
    candidates = body_candidates(lines, header.title_at, header.body_start, end, lead=header.body_lead,
                                 month_first=month_first)
    return lines, header, end, candidates
