"""The pure page parser: no database needed."""

from datetime import date

import pytest

from articles.importing import (
    BulletList,
    Heading,
    Link,
    Paragraph,
    ParseError,
    Quote,
    Tweet,
    decode_source,
    parse_source,
)
from articles.rendering import render_markdown
from tests.conftest import SEED_000, SEED_004

CHROME = [
    "Disrupting Power Since 2015",
    "MEDIA THAT DISRUPTS",
    "View All Result",
    "Reading Time",
    "SHARES",
    "Share on Facebook",
    "Previous Post",
    "Next Post",
    "Please login to join discussion",
    "Self-Assessment Tax Returns",
    "PO Box 71199",
    "Company registration number",
    "Welcome Back!",
    "Forgotten Password",
    "Retrieve your password",
    "Privacy Policy",
    "Sport & Gaming",
    "Saturday, December 14, 2024",
    "We need your help",
    "chipping in",
    "Comments are closed",
    "Get Involved",
    "Donate to the Rojava Plan",
    "The Canary Support us",
    "Featured image via",
    "WARNING:",
    "Yeszidis fleeing Daesh",
]


def _chrome_cases():
    """(seed, chrome) for each piece of site chrome that really occurs in that seed's raw page: asserting
    the absence of a string the page never had could not fail."""
    for seed in (SEED_000, SEED_004):
        raw = seed.read_text(encoding="utf-8").lower()
        for chrome in CHROME:
            if chrome.lower() in raw:
                yield pytest.param(seed, chrome, id=f"{seed.name[:3]}-{chrome[:30]}")


@pytest.mark.parametrize("seed, chrome", list(_chrome_cases()))
def test_no_site_chrome_in_body(seed, chrome):
    """Menus, banners, counters, share buttons, related lists, forms and footers present on the page are
    left behind."""
    assert chrome.lower() in seed.read_text(encoding="utf-8").lower()  # the page has it ...
    assert chrome.lower() not in body_text(parse(seed)).lower()  # ... and the body does not


def parse(path):
    return parse_source(path.read_bytes(), path.name)


@pytest.fixture(scope="module")
def seed0():
    return parse(SEED_000)


@pytest.fixture(scope="module")
def seed4():
    return parse(SEED_004)


def body_text(parsed):
    return parsed.body_markdown


class TestSeed000:
    def test_title(self, seed0):
        """The headline is found below the menus and above the byline."""
        assert seed0.title == "When Turkish-backed jihadists link up with Daesh, there’s only one outcome. And it’s begun."

    def test_author(self, seed0):
        """“Tom Coburg by Tom Coburg” gives the author once."""
        assert seed0.author == "Tom Coburg"

    def test_date_is_the_publication_date_not_the_date_banner(self, seed0):
        """The date under the headline is used, not the site's “today” banner or related-article dates."""
        assert seed0.published_on == date(2019, 10, 13)

    def test_sections(self, seed0):
        """“in Analysis, Global” gives the page's sections."""
        assert seed0.sections == ("Analysis", "Global")

    def test_warning_note_kept_as_worded(self, seed0):
        """The stated warning is kept as the source worded it, without its label."""
        assert seed0.warning_note == (
            "this story contains a very graphic video of a mutilated body, that some readers may find distressing."
        )

    def test_warning_removed_from_body(self, seed0):
        """The warning line is not part of the body."""
        assert "graphic video of a mutilated body" not in body_text(seed0)

    def test_image_credit(self, seed0):
        """“Featured image via YouTube” gives the credit."""
        assert seed0.image_credit == "YouTube"

    def test_body_starts_and_ends_with_the_article(self, seed0):
        """The body runs from the first paragraph to the last, nothing around it."""
        assert seed0.blocks[0] == Paragraph(seed0.blocks[0].text)
        assert seed0.blocks[0].text.startswith("It appears that many of the Turkish-backed ground troops")
        assert seed0.blocks[-1] == Paragraph("Erdoğan cannot be allowed to get away with these war crimes.")

    def test_subheadings(self, seed0):
        """Short title-like lines between paragraphs become sub-headings."""
        headings = [block.text for block in seed0.blocks if isinstance(block, Heading)]
        assert headings == [
            "Atrocities",
            "Turkey’s support for Daesh",
            "Arms",
            "Yet more evidence of support",
            "Daesh regrouping?",
            "Early warnings",
            "Grey Wolves",
            "Displaced",
            "Erdogan is a loose cannon",
        ]

    def test_quoted_passages(self, seed0):
        """A passage introduced by a colon is kept as a quotation."""
        quotes = [block for block in seed0.blocks if isinstance(block, Quote)]
        assert [quote.blocks[0].text[:30] for quote in quotes] == [
            "ISIS commanders told us to fea",
            "held a total of 1,000 artiller",
        ]

    def test_embedded_tweets_with_attribution(self, seed0):
        """Embedded tweets are quotations carrying who posted them, their handle and date."""
        tweets = [block for block in seed0.blocks if isinstance(block, Tweet)]
        assert [(t.author, t.handle, t.date_text) for t in tweets] == [
            ("pyd rojava", "PYD_Rojava", "October 13, 2019"),
            ("Endi Zentarmi", "EndiZentarmi", "October 11, 2019"),
            ("#SaveAfrin", "DengiKurdistan", "August 22, 2019"),
            ("Turkey Untold", "TurkeyUntold", "January 30, 2018"),
            ("Rojava Information Center", "RojavaIC", "October 12, 2019"),
        ]
        assert tweets[0].blocks == (
            Paragraph("Turkish bombardment on civilians on the road to serikaniye. pic.twitter.com/XnAa4oT3bR"),
        )

    def test_multi_paragraph_tweet_starts_after_its_introduction(self, seed0):
        """A tweet of several paragraphs reaches back to the paragraph that introduced it."""
        afrin = next(b for b in seed0.blocks if isinstance(b, Tweet) and b.handle == "DengiKurdistan")
        assert [p.text[:20] for p in afrin.blocks] == ["Watch how terrorist ", "Turkeys experiment w"]

    def test_tweet_with_list(self, seed0):
        """Dash-led lines inside a tweet become a list."""
        update = next(b for b in seed0.blocks if isinstance(b, Tweet) and b.handle == "RojavaIC")
        assert update.blocks[0].text.startswith("Today's update on last 24 hours")
        assert isinstance(update.blocks[1], BulletList)
        assert update.blocks[1].items[0] == "190,000 now displaced, 100,000 in Heseke alone"

    def test_bare_links(self, seed0):
        """A URL alone on a line is kept as a link."""
        links = [block.url for block in seed0.blocks if isinstance(block, Link)]
        assert links == [
            "https://twitter.com/dlshadothman/status/1183039968169648128?s=20",
            "https://twitter.com/Mekut_Mallet/status/1182666841992421376?s=20",
            "https://twitter.com/TurkeyUntold/status/959104904815136773?s=19",
        ]

    def test_markdown_renders_structure(self, seed0):
        """The stored Markdown renders headings, quotations, tweet links and bare links."""
        html = render_markdown(seed0.body_markdown)
        assert "<h2>Atrocities</h2>" in html
        assert html.count("<blockquote>") == 7
        assert '<a href="https://twitter.com/RojavaIC"' in html
        assert '<a href="https://pic.twitter.com/XnAa4oT3bR"' in html
        assert '<a href="https://twitter.com/dlshadothman/status/1183039968169648128?s=20"' in html

    def test_hashtags_are_not_headings(self, seed0):
        """“#Turkey” in a tweet stays text; Markdown syntax in the source is escaped."""
        html = render_markdown(seed0.body_markdown)
        assert "#Turkey and its Islamist mercenaries" in html
        assert "<h1>" not in html


class TestSeed004:
    def test_title_without_media_marker(self, seed4):
        """The headline is the first line, without the “[VIDEOS]” marker for media the dump lacks."""
        assert seed4.title == "US/UK allies attack anti-Daesh forces in Iraq, revealing a pattern of betrayal"

    def test_bare_name_byline(self, seed4):
        """A name alone under the headline is the author; the image caption before it is not."""
        assert seed4.author == "Tom Coburg"

    def test_no_date_is_invented(self, seed4):
        """The page states no date, so none is given."""
        assert seed4.published_on is None

    def test_no_sections_and_no_warning(self, seed4):
        """The page names no sections and states no warning."""
        assert seed4.sections == ()
        assert seed4.warning_note == ""

    def test_image_credit_after_the_call_to_action(self, seed4):
        """The credit is found even after the “Get Involved!” block."""
        assert seed4.image_credit == "Ezidi Press"

    def test_body_bounds(self, seed4):
        """The body starts with the first paragraph and ends before the call to action."""
        assert seed4.blocks[0] == Paragraph("Remember the massacre of Yazidis in Iraq in 2014? Well, they’re under attack again.")
        assert seed4.blocks[-1] == Paragraph("But such treachery can only aid Daesh.")

    def test_subheadings(self, seed4):
        """Sub-headings are found in this layout too."""
        headings = [block.text for block in seed4.blocks if isinstance(block, Heading)]
        assert headings == [
            "Repeating history",
            "Iraqi Kurdish forces left the Yazidis without protection",
            "But Yazidis weren’t alone",
            "KRG collusion with Turkey",
            "Turkey’s proxy",
        ]

    def test_brackets_survive_as_text(self, seed4):
        """“[German]” is text, not Markdown link syntax."""
        assert "imprisoned [German] by" in render_markdown(seed4.body_markdown)

    def test_source_hash(self, seed4):
        """The hash identifies the raw bytes."""
        import hashlib

        assert seed4.source_hash == hashlib.sha256(SEED_004.read_bytes()).hexdigest()


PAGE = """\
• Home
• World
Monday, March 4, 2024
Siege leaves city without water as fighting spreads
By Jane Doe | Staff reporter
Published: 3 March 2024, 10:04 GMT
{warning}
Residents queued for hours at the last working well in the city, aid workers said, as shelling continued for a third day.

What happened

The water plant was hit on Saturday morning.

Share on Facebook
Related articles
Another story entirely about something else with many words
"""


class TestOtherLayouts:
    @pytest.mark.parametrize(
        "line, note",
        [
            ("Trigger warning: descriptions of torture", "descriptions of torture"),
            ("Content warning – sexual violence and death", "sexual violence and death"),
            ("CW: suicide", "suicide"),
            ("TW: graphic images of injuries", "graphic images of injuries"),
            ("WARNING: this article contains graphic images.", "this article contains graphic images."),
        ],
    )
    def test_warning_forms(self, line, note):
        """Every common way of stating a warning is recognised and removed from the body."""
        parsed = parse_source(PAGE.format(warning=line).encode(), "page.txt")
        assert parsed.warning_note == note
        assert note not in parsed.body_markdown

    def test_other_byline_and_date_forms(self):
        """“By Jane Doe | Staff reporter” and “Published: 3 March 2024, 10:04 GMT” are read; the banner is not."""
        parsed = parse_source(PAGE.format(warning="").encode(), "page.txt")
        assert parsed.title == "Siege leaves city without water as fighting spreads"
        assert parsed.author == "Jane Doe"
        assert parsed.published_on == date(2024, 3, 3)
        assert [type(block) for block in parsed.blocks] == [Paragraph, Heading, Paragraph]
        assert "Another story" not in parsed.body_markdown

    def test_warning_inside_body_is_removed(self):
        """A warning stated further down is still taken out of the text."""
        text = PAGE.format(warning="").replace("What happened\n", "What happened\n\nContent warning: death\n")
        parsed = parse_source(text.encode(), "page.txt")
        assert parsed.warning_note == "death"
        assert "Content warning" not in parsed.body_markdown

    def test_month_first_dates(self):
        """“October 13, 2019” is read as well as “13 October 2019”."""
        parsed = parse_source(b"A headline that is long enough\nby Sam Lee\nOctober 13, 2019\n\nA body sentence that goes on for a while.", "x.txt")
        assert parsed.published_on == date(2019, 10, 13)

    def test_impossible_date_is_not_used(self):
        """A date that does not exist is ignored rather than invented."""
        parsed = parse_source(b"A headline that is long enough\nby Sam Lee\n31 February 2019\n\nA body sentence that goes on for a while.", "x.txt")
        assert parsed.published_on is None

    def test_markdown_in_source_is_escaped(self):
        """Source text that looks like Markdown or HTML stays text."""
        parsed = parse_source(
            b"A headline that is long enough\nby Sam Lee\n\n# not a heading, *not emphasis* and <b>no tags</b> at all here.",
            "x.txt",
        )
        html = render_markdown(parsed.body_markdown)
        assert "<h1>" not in html and "<em>" not in html and "<b>" not in html
        assert "# not a heading, *not emphasis* and &lt;b&gt;no tags&lt;/b&gt;" in html


class TestBadInput:
    @pytest.mark.parametrize(
        "data, reason",
        [
            (b"", "file is empty"),
            (b"  \n\n \t\n", "file is empty"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file is binary, not text (it contains NUL bytes)"),
            (b"Caf\xe9 au lait and more words here", "file is not valid UTF-8 text (undecodable byte at offset 3)"),
            ("\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f".encode() * 3, "file is binary, not text (too many control characters)"),
            (b"\xe2\x80\xa2 Home\n\xe2\x80\xa2 News\nLOGIN\n", "no title found (no headline-like line in the text)"),
        ],
    )
    def test_bad_files_raise_one_clear_error(self, data, reason):
        """Each kind of bad file gets a ParseError naming the file and the reason."""
        with pytest.raises(ParseError) as raised:
            parse_source(data, "bad.txt")
        assert str(raised.value) == f"bad.txt: {reason}"

    def test_too_large(self):
        """A file over the limit is refused before decoding."""
        with pytest.raises(ParseError, match=r"big\.txt: file is 11 bytes, larger than the import limit of 10 bytes"):
            decode_source(b"x" * 11, "big.txt", max_bytes=10)

    def test_byte_order_mark_is_accepted(self):
        """A UTF-8 byte-order mark is not part of the title."""
        parsed = parse_source("\ufeffA headline that is long enough\n\nBody text of the article that goes on.".encode(), "bom.txt")
        assert parsed.title == "A headline that is long enough"


def test_caption_that_looks_like_a_name_is_not_the_author():
    """With an image caption of two capitalised words and a bare byline, the byline (just above the text) wins."""
    text = (
        "Party leader under pressure after weekend of resignations\n\nJo Swinson\nSam Lee\n\n"
        "The resignations began on Friday evening and continued through the weekend, aides said.\n"
    )
    parsed = parse_source(text.encode(), "x.txt")
    assert parsed.author == "Sam Lee"
    assert parsed.blocks[0].text.startswith("The resignations began")


@pytest.mark.parametrize("seed_path", [SEED_000, SEED_004], ids=["000", "004"])
def test_mangled_pages_never_crash(seed_path):
    """Pages with lines dropped, duplicated or shuffled parse or fail with a ParseError, never anything else."""
    import random

    rng = random.Random(20261121)
    lines = seed_path.read_text().splitlines()
    for _ in range(150):
        mangled = list(lines)
        for _ in range(rng.randint(1, 40)):
            i = rng.randrange(len(mangled))
            choice = rng.random()
            if choice < 0.4:
                del mangled[i]
            elif choice < 0.7:
                mangled.insert(i, mangled[rng.randrange(len(mangled))])
            else:
                j = rng.randrange(len(mangled))
                mangled[i], mangled[j] = mangled[j], mangled[i]
            if not mangled:
                break
        try:
            parsed = parse_source("\n".join(mangled).encode(), "mangled.txt")
        except ParseError:
            continue
        assert parsed.title
        render_markdown(parsed.body_markdown)
