"""The importer on pages it has never seen (issue 19): each failure found on unseen sites, on short pages
the project writes itself in the shapes those sites use. Parsing is pure (no database); the last tests
import through the command's path and check that nothing wrong is published and every held page says why."""

from datetime import date

import pytest

from articles.importing import block_text, parse_source
from articles.importing import cautions
from articles.importing import dates
from articles.importing import endings
from articles.importing import lines as kinds
from articles.importing import persons
from articles.importing.header import as_recorded
from articles.importing import weights
from articles.importing.headline import HEADLINE_FEATURES, is_headline_like, title_text
from articles.importing.notices import WARNING_FEATURES
from articles.importing.opening import BODY_FEATURES
from articles.importing import echoes
from articles.importing.evidence import Model
from articles.importing.scoring import Candidate, Choice, Scorer, fit
from articles.importing.sitelearning import repeated_lines
from tests.pages import page

HEADLINE = "Leaders agree on a ceasefire after talks in Geneva"
BODY = (
    "Shelling resumed before dawn on Tuesday, residents of the northern districts said, after a week of calm.\n\n"
    "Aid convoys were turned back at the bridge, and the hospital in the old town said it had run out of fuel.\n"
)
HEADER = f"{HEADLINE}\n\nBy Jane Doe\n\n12 March 2024\n\n"


def parse(text, **options):
    return parse_source(text.encode("utf-8"), "page.txt", **options)


def body(parsed):
    return [block_text(block) for block in parsed.blocks]


# --- headlines ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "above",
    [
        "The Mighty Logo", "Get all your news in one place.", f"{HEADLINE} - Northern Courier\n\nMenu",
        "Home › News › World", "Turn on notifications to get the latest news as it happens",
        "Support us and go ad-free", "• Talks enter a third day\n• Both sides claim progress",
        "Jane Doe\nJane Doe",
    ],
    ids=["logo-line", "app-promotion", "page-title-with-site-name", "breadcrumb", "notification-prompt",
         "ad-free-box", "summary-bullets", "doubled-author-line"],
)
def test_the_headline_is_not_the_line_above_it(above):
    """A logo line, an app promotion or the page's title with the site's name is not the headline."""
    parsed = parse(f"{above}\n\n{HEADER}{BODY}")
    assert parsed.title == HEADLINE
    assert parsed.title_confirmed


def test_a_site_name_suffix_is_left_off_the_headline():
    """“Headline - Site Name” alone gives the headline without the site's name."""
    assert parse(f"{HEADLINE} - Northern Courier\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}").title == HEADLINE


def test_a_ticker_above_the_headline_and_its_byline_is_a_banner():
    """“Breaking: Live updates from the summit” above a headline with its byline and date under it: a banner
    across the page, passed over; the headline under it is the page's."""
    parsed = parse(f"Breaking: Live updates from the summit\n\n{HEADER}{BODY}")
    assert parsed.title == HEADLINE and parsed.title_confirmed


def test_a_ticker_above_a_line_that_is_not_a_headline_is_never_taken_for_sure():
    """“Breaking: Live updates from the summit” over running text and no byline: it may be the page's headline
    (“BREAKING: …” headlines exist), but never for sure."""
    parsed = parse(f"Breaking: Live updates from the summit\n\n{BODY}")
    assert not parsed.title_confirmed


def test_a_headline_ending_in_an_abbreviation_above_the_sites_name_and_a_warning():
    """A headline ending “…, Sask.” with only the site's name and a warning under it is still the headline,
    not the long first paragraph after them."""
    title = "Survivors and elders gather as the search for graves goes on in Prince Albert, Sask."
    first = ("Mary Redcloud says she was a small girl when she was carried out of the burning school on a winter "
             "night, wrapped in a blanket and crying for her brother.")
    parsed = parse(f"{title}\nNBC\nWARNING: This story contains distressing details.\n{first}\n\n{BODY}")
    assert parsed.title == title
    assert body(parsed)[0] == first


def test_the_headline_shown_again_in_full_under_a_page_title_cut_short():
    """“…after talks in Gen - Northern Courier” above the headline in full: the full one is the headline."""
    parsed = parse(f"{HEADLINE[:-3]} - Northern Courier Geneva, CH\n\n{HEADER}{BODY}")
    assert parsed.title == HEADLINE
    assert body(parsed)[0].startswith("Shelling resumed")


def test_an_images_alt_text_repeating_the_headline_is_not_the_headline():
    """“Episode 4: … image” (a picture's alt text) above “Episode 4: …”: the headline has no “image”."""
    title = "Episode 4: Living with grief after a sudden loss, Part II"
    parsed = parse(f"Become a member today!Start reading today - Share your story with the world!\n\nStart for free\n\n"
                   f"{title} image\n\n{title}\n\nE4 · The Kitchen Table Podcast\n\n{BODY}")
    assert parsed.title == title


def test_a_headline_opening_with_a_media_marker_and_ending_with_a_quoted_word():
    """“[VIDEO] … footage of the arrest “staged”” is the headline, clearly, not the long first paragraph
    under it."""
    title = "[VIDEO] City police chief says footage of the arrest was “staged”"
    first = ("City police chief Daniel Mwangi has dismissed a video circulating online that shows officers beating "
             "two men in the market as “staged” and not genuine.")
    parsed = parse(f"{title}\n\n\n{first}\n\nMr Mwangi said the video was meant to discourage his officers.\n\n{BODY}")
    assert (parsed.title, parsed.title_confirmed) == (title, True)
    assert body(parsed)[0] == first


def test_a_pointer_to_another_story_is_not_the_headline():
    """“MORE: …” under the first paragraph links to another story; the headline over the reading time is the
    headline."""
    first = ("A new account of the talks serves as a fresh reminder that much of the ceasefire rests on promises "
             "made in private by men who have broken them before, and that the people of the northern districts, "
             "who have heard such promises for ten years, have little reason to believe this one will hold.")
    parsed = parse(f"• World\n\n{HEADLINE}\n\n2 minute read\n\n{first}\n\nMORE: The long road to a truce in the north\n\n{BODY}")
    assert parsed.title == HEADLINE
    assert body(parsed)[0] == first


def test_a_short_alt_text_under_the_headline_does_not_hide_it():
    """“ceasefire talks” and “ceasefire talks(AP)” (an image's alt text and caption) between the headline and
    its byline: the headline is still the one a byline confirms."""
    page = (f"date 2024-03-12 {HEADLINE}\n\nceasefire talks\nceasefire talks(AP)\nBy (Jane Doe)\n"
            f"Published: Mar. 12, 2024 at 5:53 PM MDT|Updated: 1 hour ago\n"
            f"GENEVA (AP) - Leaders agreed on Tuesday to a ceasefire after three days of talks, officials said.\n\n{BODY}")
    parsed = parse(page)
    assert (parsed.title, parsed.author, parsed.title_confirmed) == (HEADLINE, "Jane Doe", True)


def test_a_pull_quote_under_the_headline_is_not_the_first_paragraph():
    """““…” —Name” under the headline is a pull-quote: the body starts with the running text after it."""
    quote = "“We will not stop until the shelling stops. Not one day.” —Mayor Jane Okafor"
    assert body(parse(f"{HEADLINE}\n\n{quote}\n\n{BODY}"))[0].startswith("Shelling resumed")


def test_a_headline_opening_with_a_tickers_label_is_never_sure():
    """“Just in: …” over the headline, byline and date: whichever wins, the headline is held with its rival."""
    parsed = parse(f"Just in: Minister resigns over housing figures\n{HEADLINE}\nBy Jane Doe\n12 March 2024\n{BODY}")
    assert not (parsed.title.startswith("Just in") and parsed.title_confirmed)
    assert parsed.title == HEADLINE or parsed.title_rival == HEADLINE


def test_a_video_label_above_the_headline_is_never_taken_for_sure():
    """“Watch: …” (a video's promotion) over a section label and the headline: never published as the
    headline; the headline is it, or named as its rival."""
    parsed = parse(f"Watch: Crowds gather as the old pier is pulled down\nLocal news\n{HEADLINE}\nBy Jane Doe\n12 March 2024\n{BODY}")
    assert not (parsed.title.startswith("Watch") and parsed.title_confirmed)
    assert HEADLINE in (parsed.title, parsed.title_rival)


def test_an_appeal_and_a_numbered_summary_around_the_headline():
    """“We need your help” above the headline and a numbered summary under it: the headline is the headline."""
    page = (f"Sign in\nWe need your help\n{HEADLINE}\n1. Council tax rises by 5%\n2. Libraries stay open\n"
            f"By Jane Doe\n12 March 2024\n{BODY}")
    parsed = parse(page)
    assert (parsed.title, parsed.title_confirmed, parsed.author) == (HEADLINE, True, "Jane Doe")


def test_a_list_of_headlines_above_the_article_is_not_its_headline():
    """“Top stories” and three links one under another, then the headline, byline and date."""
    links = "Top stories\nFlooding closes the ring road for a second day\nMinister resigns over housing figures\nSchools reopen after the storm"
    for page in (f"{links}\n\n{HEADER}{BODY}", f"{links}\n{HEADLINE}\nBy Jane Doe\n12 March 2024\n{BODY}"):
        parsed = parse(page)
        assert (parsed.title, parsed.title_confirmed) == (HEADLINE, True)


def test_short_lines_one_under_another_above_the_headline_are_no_list_that_hides_it():
    """A menu, a promotion and a live strip with no blank lines between them and the headline: the headline
    (with its byline under it) is still found."""
    page = (f"News Sport Weather\nOpinion\nGet the app: all your local news in one place\nLIVE: Updates from the summit\n"
            f"{HEADLINE}\nBy Jane Doe\n12 March 2024\n{BODY}")
    parsed = parse(page)
    assert parsed.title == HEADLINE or parsed.title_rival == HEADLINE
    assert parsed.author == "Jane Doe"


def test_a_question_headline_is_the_headline():
    """A headline ending in a question mark is not skipped for the first paragraph."""
    assert parse(f"Why are the river's fish dying?\n\n{HEADER.replace(HEADLINE, '')}{BODY}").title == "Why are the river's fish dying?"


def test_a_question_headline_under_the_sites_name_with_summary_bullets():
    """The site's name, a question headline, its summary bullets and a byline naming two people and the
    outlet: the question is the headline, both people the author; a caption and a “Related:” link are left
    out of the body."""
    title = "Why are so many young people leaving the county?"
    page = (f"The Valley Planet\n{title}\n• Rents have doubled in ten years\n• Two of three bus routes have closed\n"
            "By Jane Doe and John Roe, The Valley Planet\n16.09.24\n"
            "Young people wait for the last bus of the evening in Millbrook. (Getty Images)\n"
            f"{BODY}Related: County budget cut again\n")
    parsed = parse(page)
    assert (parsed.title, parsed.author, parsed.published_on) == (title, "Jane Doe and John Roe", date(2024, 9, 16))
    assert body(parsed)[0].startswith("Shelling resumed")
    assert not any("Related" in text or "Getty" in text for text in body(parsed))


def test_a_headline_in_capitals():
    """“COUNCIL VOTES TO CLOSE THE OLD LIBRARY” is the headline, not the first paragraph under its byline."""
    title = "COUNCIL VOTES TO CLOSE THE OLD LIBRARY"
    parsed = parse(f"Menu\nSearch\n{title}\nPublished time: 29 Jul, 2019\nArticle by: NANCY BARNES\n"
                   "The council voted on Monday night to close the old library on Bridge Street, ending a campaign "
                   "by residents that lasted three years.\nThe building will be sold next spring.\n")
    assert (parsed.title, parsed.author, parsed.published_on) == (title, "NANCY BARNES", date(2019, 7, 29))


def test_a_guess_is_not_confirmed():
    """A line nothing under it bears out (no byline, date or running text) is only a guess."""
    assert not parse("Northern Courier Weekly Edition\nMenu\n\nA short line.\n").title_confirmed


@pytest.mark.parametrize(
    "heading",
    ["Tag Archives: Blog Culture", "Showing posts with label #WSPD. Show all posts", "Category Archives: Essays",
     "Posts tagged ‘memory’", "Archive for the ‘Essays’ Category"],
)
def test_a_blog_archive_heading_is_not_the_headline(heading):
    """The heading of a blog's archive page over the post it shows (a tag's, a label's, a category's) is furniture:
    the post's own headline under it is the headline."""
    parsed = parse(f"{heading}\n{heading}\n\nMonday, 22 May 2017\n\n{HEADLINE}\n\n{BODY}")
    assert parsed.title == HEADLINE


@pytest.mark.parametrize("headline", ["Archive for the Missing Opens in Belfast", "Posts tagged as hate speech removed within a day"])
def test_a_headline_about_archives_or_tags_stays_the_headline(headline):
    assert parse(f"{headline}\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}").title == headline


def test_a_heading_inside_the_text_is_not_the_headline():
    """A short heading set in the article after its first paragraph ("South Carolina"), whose words the text goes on
    saying, loses to the headline over it with its credits and date under it."""
    page = ("Advertisement\n\nState-by-State Look at Cyclone Impact\n\nState-by-State Look at Cyclone Impact\n\n"
            "Compiled from wire reports\nUpdated: September 13, 2018 06:14 PM\n\n"
            "More than a million residents in three states are under a watch as the front moves in. Here is a look at each one:\n\n"
            "Advertisement – Content Continues Below\n\nSouth Carolina\n\n"
            "South Carolina Gov. Ana Ruiz says 12,000 people are in 126 shelters as the first rain bands reach South Carolina.\n\n"
            "Ruiz spoke at a news conference on Thursday afternoon. She said tens of thousands in South Carolina were without power.\n")
    parsed = parse(page)
    assert (parsed.title, parsed.title_confirmed, str(parsed.published_on)) == (
        "State-by-State Look at Cyclone Impact", True, "2018-09-13")


def test_the_outlet_a_writers_bio_names_is_not_the_headline():
    """The site's name at the top ("The Sunday Lantern"), said again where the writer's bio ends the column ("… is a
    columnist for the Sunday Lantern."), is the site's, not the headline."""
    page = ("Skip to content\nThe Sunday Lantern\nOpinion | Columnists | Letters | Cartoons\nOpinion\n\n"
            "Why I finally gave up my car, and what I miss\n\nColumn | Harriet Mbeki-Sloane\nSaturday 1 March 2025\n\n"
            "I sold my car in January, eighteen years after I bought it, and I expected to feel lighter.\n\n"
            "The first thing I missed was not speed but the freedom to decide at four to be at the coast by six.\n\n"
            "Harriet Mbeki-Sloane is a columnist for the Sunday Lantern.\nShare this article Facebook Twitter Email\n")
    parsed = parse(page)
    assert (parsed.title, parsed.title_confirmed) == ("Why I finally gave up my car, and what I miss", True)


@pytest.mark.parametrize(
    "line, title",
    [
        ("Suicide Notes - Learning Through The Stigma", "Suicide Notes - Learning Through The Stigma"),
        ("Council votes to close the library - Kettle Valley News", "Council votes to close the library"),
        ("Ferry strike ends after ten days - Harbourside", "Ferry strike ends after ten days"),
        ("The Last Night Trains - Stories From The Line", "The Last Night Trains"),
    ],
    ids=["subtitle-kept", "outlet-named", "short-name-after-headline", "name-in-copyright"],
)
def test_a_sites_name_after_the_headline_goes_a_subtitle_stays(line, title):
    """After a dash, a site's name is left out (it names an outlet, it is short after a full headline, or the page
    names the site again); a title-case subtitle after a short headline is the headline's."""
    page = f"{line}\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}\n© 2026 Stories From The Line\n"
    assert parse(page).title == title


@pytest.mark.parametrize(
    "line",
    ["Published by the Students of Riverside since 1896", "Serving the Kettle valley since 1921",
     "Business / International News / Lifestyle / National / U.S. News"],
    ids=["motto-published-by", "motto-serving", "trail-with-abbreviation"],
)
def test_a_mastheads_motto_or_a_trail_of_sections_is_not_the_headline(line):
    """A masthead's motto with its founding year, or a trail of sections (an abbreviation's full stops in one of them),
    over the headline is furniture."""
    assert parse(f"{line}\n\n{HEADER}{BODY}").title == HEADLINE


def test_the_bullet_a_dump_leaves_before_the_headline_is_dropped():
    """A stored date line with the headline run into it after a bullet (" date 2018-05-29   • Leaders …")."""
    assert parse(f" date 2018-05-29   • {HEADER}{BODY}").title == HEADLINE


# --- dates --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Published time: 29 Jul, 2019", date(2019, 7, 29)),
        ("Posted at 4:40 PM, Nov 21, 2016", date(2016, 11, 21)),
        ("07th Jan, 2017", date(2017, 1, 7)),
        ("16.09.24", date(2024, 9, 16)),
        ("9 min readMay 11, 2023", date(2023, 5, 11)),
        ("Published: Oct. 19, 2023 at 5:53 PM MDT|Updated: 1 hour ago", date(2023, 10, 19)),
        ("Edition: Thursday 7 November 2024", date(2024, 11, 7)),
    ],
)
def test_date_forms_read_by_the_date_parser(line, expected):
    """Date lines in forms the patterns do not know are read by dateparser, in the newsroom's order."""
    assert dates.date_line(line).day == expected


def test_a_time_on_the_date_line_is_kept():
    """“Posted at 4:40 PM, Nov 21, 2016” keeps its time."""
    assert dates.date_line("Posted at 4:40 PM, Nov 21, 2016").at.hour == 16


@pytest.mark.parametrize("line", ["22 minutes ago", "Updated yesterday", "Episode 48", "2 of 12", "March 2020"])
def test_no_date_from_a_relative_phrase_or_a_number(line):
    """Relative phrases, counters and a month without a day give no date."""
    assert dates.date_line(line) is None


def test_the_sites_current_date_header_is_not_the_publication_date():
    """“Friday, 22nd November 2019” above the menus is the day the page was saved, not the story's date."""
    parsed = parse(f"Friday, 22nd November 2019\n\nMenu\nHome\nNews\nSport\n\n{HEADLINE}\n\nBy Jane Doe\n\n{BODY}")
    assert parsed.published_on is None


def test_a_date_above_the_headline_and_another_day_in_the_first_paragraph_are_both_kept():
    """“Friday, 14 March 2025” just above the headline may be the site's date of today: a first paragraph
    naming “Wednesday, 12 March 2025” leaves both for an editor."""
    parsed = parse(f"Friday, 14 March 2025\n{HEADLINE}\nBy Jane Doe\n"
                   "Leaders agreed on a ceasefire on Wednesday, 12 March 2025, after three days of talks.\n")
    assert (parsed.published_on, parsed.other_dates) == (date(2025, 3, 14), (date(2025, 3, 12),))


def test_two_dates_are_both_kept():
    """A second publication date in the header is kept, so that the article can be held with both."""
    parsed = parse(f"{HEADLINE}\n\nBy Jane Doe\n\n12 March 2024\n\nPosted on 14 March 2024\n\n{BODY}")
    assert (parsed.published_on, parsed.other_dates) == (date(2024, 3, 12), (date(2024, 3, 14),))


# --- banners over the header ------------------------------------------------------------------------------------


@pytest.mark.parametrize("banner, label", [
    ("DONATE — Emergency Flood Appeal", "Latest updates"),  # a charity's appeal over its updates
    ("Air raid alert in Kharkiv oblast — Повітряна тривога", "WAR"),  # an alert in two languages, a section
    ("Log in to get 10 free articles a month", "WEATHER"),  # a paywall's offer
    ("THE HERALD'S WEEKEND EDITION ON SALE NOW", "PROVINCIAL NEWS"),  # the paper's own advert in capitals
    ("Watch Coast News live on channel 404", "Courts"),  # a broadcaster's promotion
])
def test_a_banner_over_a_section_label_and_a_credited_headline_is_no_headline(banner, label):
    """A line over a section's label, under which a headline stands with its date or byline, is a banner: the
    headline is the one its credits stand under, and it is taken for sure."""
    title = "Missile strike on market kills seven and wounds two dozen"
    parsed = parse(f"The Frontline Bulletin\nHome | News | Help\n{banner}\n{label}\n{title}\n25.05.2024 · 18:20\n"
                   f"By Olena Shevchuk\n{BODY}")
    assert (parsed.title, parsed.author, parsed.published_on) == (title, "Olena Shevchuk", date(2024, 5, 25))
    assert parsed.title_confirmed


def test_a_headline_over_its_warning_and_video_label_is_the_headline():
    """A broadcaster's headline, then a viewers' warning and the video's label, then the byline: the video's
    label is no headline, and the banner over the section's name is none either."""
    title = "Teen driver charged after crash that killed two brothers"
    parsed = parse(f"WKTB 6 NEWS\nWEATHER ALERT: Heat advisory in effect until 8 PM\nDownload the WKTB 6 app\n"
                   f"Marion County\n{title}\nWARNING: Some viewers may find the video in this story disturbing.\n"
                   f"Video: Family remembers brothers killed in crash\nBy Dana Whitfield\n"
                   f"Published: Jun. 3, 2024 at 6:12 PM EDT\n{BODY}")
    assert (parsed.title, parsed.author, parsed.published_on) == (title, "Dana Whitfield", date(2024, 6, 3))


def test_a_sites_motto_over_its_menu_is_still_no_headline():
    """A blog's motto, its menu and the day's date over the post's title: the motto is not credited by a date
    standing past a menu."""
    parsed = parse("Notes from Kandy\nSmall stories from the hill country\nHome   About me   Recipes   Travel   Archive\n"
                   "Sunday, October 8, 2023\nThe night the hill came down at Udispattuwa\n" + BODY)
    assert parsed.title == "The night the hill came down at Udispattuwa"


def test_a_sentence_deck_under_a_credited_headline_is_never_published_as_the_headline():
    """A question headline in another language, its deck of two sentences, then the byline and the date: if the
    deck is taken for the headline, the article waits for an editor, who is shown both."""
    title = "¿Por qué suben los precios si el dólar está quieto? Cinco preguntas sobre la inflación de febrero"
    deck = "El INDEC informó una inflación mensual de 13,2%. Qué significa y qué puede pasar en los próximos meses."
    parsed = parse(f"BUENOS AIRES EXPLICA\nEconomía  Política  Sociedad\nECONOMÍA · PREGUNTAS Y RESPUESTAS\n{title}\n"
                   f"{deck}\nPor Martina Ferreyra\n14 de marzo de 2024 · Lectura de 6 minutos\n{BODY}")
    assert parsed.title == title or (not parsed.title_confirmed and parsed.title_rival == title)


@pytest.mark.parametrize("written, recorded", [
    ("By JOHN KILA", "John Kila"),
    ("By MARY O'BRIEN", "Mary O'Brien"),
    ("By JEAN-PAUL MCALLISTER", "Jean-Paul McAllister"),
    ("By Jane Doe", "Jane Doe"),
    ("AFP", "AFP"),
])
def test_a_name_in_capitals_is_recorded_in_ordinary_case(written, recorded):
    """One writer, one author page: "JOHN KILA" on one page and "John Kila" on another are the same person,
    so a name set in capitals is recorded in ordinary case (the parse gives it as written); an agency's name
    stays as written."""
    assert as_recorded(written.removeprefix("By ")) == recorded
    assert parse(f"{HEADLINE}\n\n{written}\n\n12 March 2024\n\n{BODY}").author in (written.removeprefix("By "), None)


# --- bylines ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, author",
    [
        ("ByAndrea Garcia-Vargas", "Andrea Garcia-Vargas"),
        ("by thethreepennyguignol", "thethreepennyguignol"),
        ("Article by: NANCY BARNES", "NANCY BARNES"),
        ("By Jane Doe, Middle East correspondent", "Jane Doe"),
        ("By By Justin Phillips / American Press", "Justin Phillips"),
        ("Aug 25, 2009, 2:50 PM | Article By: Alfred Sowe", "Alfred Sowe"),
    ],
)
def test_byline_forms(line, author):
    """A byline glued to “By”, a user name, a labelled byline in capitals (as written; recorded in ordinary case
    when saved), a name and its job, "By" doubled by a template and the outlet after a slash, a labelled byline after
    the date on its line."""
    assert kinds.byline(line) == author
    assert parse(f"{HEADLINE}\n\n{line}\n\n12 March 2024\n\n{BODY}").author == author


@pytest.mark.parametrize(
    "line, author",
    [
        ("By Elif Şahin and Murat Doğan", "Elif Şahin and Murat Doğan"),
        ("By Özge Çelik", "Özge Çelik"),
        ("By Zoë Ødegård and Łukasz Żak", "Zoë Ødegård and Łukasz Żak"),
        ("Élodie Ávila-Ñúñez", "Élodie Ávila-Ñúñez"),
    ],
)
def test_names_that_begin_with_a_capital_outside_a_to_z(line, author):
    """A name whose words begin with Ş, Ö, Ç, Ł, Ż, É or Á is a name: the byline is the author, not the headline."""
    parsed = parse(f"{HEADLINE}\n\n{line}\n\n12 March 2024\n\n{BODY}")
    assert (parsed.title, parsed.author) == (HEADLINE, author)


def test_the_sites_name_after_a_byline_is_not_an_author():
    """“Jane Doe and John Roe, Highveld Courant” under a page headed “Highveld Courant”: the two are the authors."""
    parsed = parse(f"Highveld Courant\nNews\nSport\n\n{HEADLINE}\n\nJane Doe and John Roe, Highveld Courant\n\n12 March 2024\n\n{BODY}")
    assert parsed.author == "Jane Doe and John Roe"


def test_a_site_crediting_itself_names_no_author():
    """“By HIGHVELD POST” under a page headed “Highveld Post”: the site, not a writer."""
    parsed = parse(f"Highveld Post\nNews\nSport\n\n{HEADLINE}\n\nBy HIGHVELD POST | 12 March 2024\n\n{BODY}")
    assert (parsed.author, parsed.published_on) == (None, date(2024, 3, 12))


def test_the_sites_name_under_the_byline_is_not_the_author():
    """Names, then the site's name on a line of its own (“Capitol Sentinel”, as the page's head shows it)."""
    parsed = parse(f"Capitol Sentinel\nThe Capitol Sentinel\nNews\nSTATEHOUSE\n{HEADLINE}\nJane Doe and John Roe\nCapitol Sentinel\n"
                   f"Published 6:01 a.m. CT March 12, 2024\n\n{BODY}")
    assert (parsed.author, parsed.published_on) == ("Jane Doe and John Roe", date(2024, 3, 12))


def test_a_byline_that_credits_no_one_confirms_the_headline_and_names_no_author():
    """“Written by: Web Desk” under the headline: the headline is sure, and no later name (the site's, set
    alone on a line below the share buttons) becomes the author."""
    parsed = parse(f"Coast Dinam\nNews\nSport\nBreaking: Port reopens\nHome / English / Coast\n{HEADLINE}\n"
                   f"Written by: Web Desk\n12 Mar 2024 | 08:30 IST\nShare\nFacebook\nWhatsApp\nCoast Dinam\n{BODY}")
    assert (parsed.title, parsed.title_confirmed, parsed.author) == (HEADLINE, True, None)


@pytest.mark.parametrize("line", ["Sri Lanka's News Portal", "Kenya’s Favourite Station"])
def test_a_possessive_is_nobodys_name(line):
    """A site's motto in the possessive is not a byline: no author is made of “Sri Lanka's”."""
    assert persons.bare_name(line) is None
    assert parse(f"Pulse\n{line}\n\n{HEADLINE}\n\n12 March 2024\n\n{BODY}").author is None


@pytest.mark.parametrize("line", ["Bahasa Indonesia | English", "සිංහල | தமிழ் | English", "EN | FR"])
def test_a_language_picker_names_nobody(line):
    """A site's language picker over the headline is neither the byline nor the headline."""
    assert kinds.byline(line) is None
    parsed = parse(f"Pulse\n{line}\n\n{HEADLINE}\n\n12 March 2024\n\n{BODY}")
    assert (parsed.title, parsed.author) == (HEADLINE, None)


@pytest.mark.parametrize("line", ["By Kivu Voice Newsroom", "Story by Sahel Press Agency", "By Harbour Times Business Desk"])
def test_a_newsroom_or_an_agency_credited_is_no_author(line):
    """A newsroom's, a desk's or an agency's name in the byline names no one."""
    assert parse(f"{HEADLINE}\n\n{line}\n\n12 March 2024\n\n{BODY}").author is None


def test_a_role_outside_the_newsroom_after_the_name():
    """“By Jane Doe, Branch Historian”: the historian is Jane Doe, not a second author."""
    assert kinds.byline("By Jane Doe, Branch Historian") == "Jane Doe"
    assert kinds.byline("By Dr Jane Doe, Research Communications Officer") == "Dr Jane Doe"


def test_a_byline_with_its_time_and_date_on_the_line():
    """“By Jane Doe 4:43 PM March 12, 2024” names the author and dates the story."""
    parsed = parse(f"{HEADLINE}\n\nBy Jane Doe 4:43 PM March 12, 2024\n\n{BODY}")
    assert (parsed.author, parsed.published_on) == ("Jane Doe", date(2024, 3, 12))


@pytest.mark.parametrize(
    "lines, author, day",
    [
        ("Words: Jane Doe\n12 March 2024", "Jane Doe", date(2024, 3, 12)),
        ("Reporter: Jane Doe | 12/03/2024", "Jane Doe", date(2024, 3, 12)),
        ("Jane Doe · 3 min read · Mar 12, 2024", "Jane Doe", date(2024, 3, 12)),
        ("Updated: 14 March 2024\nFirst published: 12 March 2024\nBy Jane Doe", "Jane Doe", date(2024, 3, 12)),
        ("By Jane Doe\nUpdate Time : Tuesday, 12 March 2024, 9:15 pm", "Jane Doe", date(2024, 3, 12)),
        ("By Jane Doe\nPublished March 12, 2024 at 8:45 pm (Lima time)", "Jane Doe", date(2024, 3, 12)),
        ("By Jane Doe\nUpdated / Tuesday, 12 Mar 2024 13:27", "Jane Doe", date(2024, 3, 12)),
    ],
    ids=["words-label", "reporter-label-and-date", "name-reading-time-date", "update-above-first-publication",
         "update-time-label", "time-and-zone-in-words", "label-and-slash"],
)
def test_labelled_bylines_and_a_first_publication_under_an_update(lines, author, day):
    """“Words:”/“Reporter:” bylines, a name with the reading time and the date, and the first publication
    date rather than an update's above it."""
    parsed = parse(f"{HEADLINE}\n{lines}\n{BODY}")
    assert (parsed.author, parsed.published_on, parsed.other_dates) == (author, day, ())


def test_a_byline_above_the_headline_with_a_user_name_and_the_date():
    """“Posted by: Quillfeather | August 3, 2011” above a blog post's title: its author and its date."""
    parsed = parse(f"Posted by: Quillfeather | August 3, 2011\n\n{HEADLINE}\n\n{BODY}")
    assert (parsed.title, parsed.author, parsed.published_on) == (HEADLINE, "Quillfeather", date(2011, 8, 3))


def test_a_blog_post_under_a_menu_row_and_a_posted_on_line():
    """A blog's menu row (“Home About Contact”) is not the headline; “Posted on March 3, 2022 by
    marigoldwrites” above the title gives its author and date; a “Share this:” box ends the body."""
    page = ("Skip to content\nMarigold Writes\nHome About Contact\n\nPosted on March 3, 2022 by marigoldwrites\n\n"
            f"{HEADLINE}\n\n{BODY}\nShare this:\nTwitter\nFacebook\n")
    parsed = parse(page)
    assert (parsed.title, parsed.author, parsed.published_on) == (HEADLINE, "marigoldwrites", date(2022, 3, 3))
    assert body(parsed)[-1].startswith("Aid convoys were turned back")


def test_a_section_label_above_the_headline_is_no_author():
    assert parse(f"Pictures | Sat Dec 31, 2016 | 2:39am IST\n\n{HEADLINE}\n\n{BODY}").author is None


def test_a_name_in_brackets_and_a_bulleted_date():
    """“By (Jane Doe)” names Jane Doe; “• Published Jan 06, 2023” in a bulleted list of facts dates the story."""
    parsed = parse(f"{HEADLINE}\n\nBy (Jane Doe)\n\n• Published Jan 06, 2023\n• Updated Jun 20\n• 2,547 words\n\n{BODY}")
    assert (parsed.author, parsed.published_on, parsed.other_dates) == ("Jane Doe", date(2023, 1, 6), ())


@pytest.mark.parametrize("line", ["The Setup", "Confronting The Horror", "Expand Image", "OH NO", "On Grief and Its Warnings"])
def test_a_subheading_is_not_an_author(line):
    """A subheading, a headline or a button under the headline is not a person (nameparser)."""
    assert persons.bare_name(line) is None
    assert parse(f"{HEADLINE}\n\n{line}\n\n{BODY}").author is None


def test_a_name_alone_is_still_an_author():
    """A person's name alone under the headline is the byline."""
    assert parse(f"{HEADLINE}\n\nJeff Katz\n\n12 March 2024\n\n{BODY}").author == "Jeff Katz"


# --- warnings -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "This is a brief warning for people who come here for gentle stories: the post below describes a death in detail.",
        "Editor's Note: What follows describes self-harm and may be harmful to some readers.",
        "CN: suicide, self-harm; discussion of abuse. Mentions of alcohol.",
        "The following contains details that some readers may find upsetting.",
    ],
    ids=["plain-sentence", "editors-note", "cn-kept-whole", "the-following-contains"],
)
def test_stated_warnings_kept_whole_and_out_of_the_body(line):
    """A plain-sentence warning, an “Editor's Note” about harm and a “CN:” list are kept as worded, whole,
    and are not the body's first paragraph."""
    parsed = parse(f"{HEADER}{line}\n\n{BODY}")
    assert parsed.stated_warnings == (line,)
    assert body(parsed)[0].startswith("Shelling resumed")


def test_a_reference_mark_before_a_warning_is_not_part_of_it():
    """“※ Viewer discretion is advised. …”: the warning is kept without the mark that sets it apart."""
    parsed = parse(f"{HEADER}※ Viewer discretion is advised. The video contains scenes of physical violence.\n\n{BODY}")
    assert parsed.stated_warnings == ("Viewer discretion is advised. The video contains scenes of physical violence.",)


@pytest.mark.parametrize(
    "warning, shares_the_line",
    [
        ("This post is not for the faint of heart.", True),
        ("This post is not for the faint of heart.", False),
        ("If you are squeamish about blood, you probably shouldn't read this. There is a violent scene.", False),
        ("It goes without saying, but here is a trigger warning. Reading about loss when you are low can be hard, "
         "so think about whether you want to read this post.", False),
    ],
    ids=["faint-of-heart-sharing-the-line", "faint-of-heart", "should-not-read-and-its-companion", "declared-trigger-warning"],
)
def test_plain_sentence_warnings_before_the_body(warning, shares_the_line):
    """A warning in plain sentences — sharing its line with the first sentence, or a short paragraph of its
    own whose other sentence goes with it — is kept as worded and the body starts after it."""
    parsed = parse(f"{HEADER}{warning}{' ' if shares_the_line else chr(10) * 2}{BODY}")
    assert parsed.stated_warnings == (warning,)
    assert body(parsed)[0].startswith("Shelling resumed")


@pytest.mark.parametrize(
    "paragraph, warning, first",
    [
        ("*Some of what follows may be upsetting. Please read with caution.",
         "Some of what follows may be upsetting. Please read with caution.", "Shelling resumed"),
        ("If hospital scenes are hard for you, I would understand if you skip this post.",
         "If hospital scenes are hard for you, I would understand if you skip this post.", "Shelling resumed"),
        ("Apparently this parade of prisoners was meant to show the audience how strong the new militia is. "
         "(Viewer discretion advised)", "Viewer discretion advised", "Apparently this parade"),
    ],
    ids=["read-with-caution", "skip-this-post", "bracketed-aside"],
)
def test_more_plain_warnings_to_the_reader(paragraph, warning, first):
    """“Please read with caution.” and “… skip this post.” speak to the reader as a warning does; a warning in
    brackets after a sentence is the warning alone, and the sentence before it stays the body's."""
    parsed = parse(f"{HEADER}{paragraph}\n\n{BODY}")
    assert parsed.stated_warnings == (warning,)
    assert body(parsed)[0].startswith(first)


@pytest.mark.parametrize(
    "label, words",
    [
        ("CONTENT WARNING:", "This piece describes the aftermath of a massacre in detail."),
        ("Trigger warning:", "sexual violence, a death in custody."),
    ],
)
def test_a_warning_label_alone_on_its_line_is_one_warning_with_the_next(label, words):
    """A label alone on its line (“CONTENT WARNING:”) and the words it introduces on the next are one
    warning, kept as the page shows them, and neither opens the body."""
    parsed = parse(f"{HEADER}{label}\n\n{words}\n\n{BODY}")
    assert parsed.stated_warnings == (f"{label} {words}",)
    assert body(parsed)[0].startswith("Shelling resumed")


def test_a_label_alone_over_a_list_of_points_is_not_run_into_the_first_point():
    """“Content warning:” over a list of points is not run together with the first point."""
    lines = ["Content warning:", "", "- self-harm", "- a death in custody", "", "Shelling resumed."]
    assert cautions.labels_joined(lines) == lines


def test_a_warning_label_with_its_abbreviation_in_brackets():
    """“Trigger Warning (TW): …” is a labelled warning like “Trigger warning: …”."""
    line = "Trigger Warning (TW): Torture, war crimes."
    parsed = parse(f"{HEADER}{line}\n\n{BODY}")
    assert parsed.stated_warnings == (line,)
    assert body(parsed)[0].startswith("Shelling resumed")


def test_a_warning_after_a_players_label_is_the_pages():
    """A warning after a video player's label is the page's; a headline about gruesome details states none."""
    parsed = parse(f"{HEADLINE}\n\nBy Sam Lee\n\n12 March 2024\n\n{BODY}\nVideo: (WARNING! Graphic Content)\n\nThe inquest resumes in May, the coroner said.\n")
    assert parsed.stated_warnings == ("WARNING! Graphic Content",)
    assert not cautions.warning("Gruesome details: what the jury heard on the third day")


@pytest.mark.parametrize(
    "title, tag",
    [("Tanker fire closes the coast road [graphic images]", "graphic images"),
     ("Tanker fire closes the coast road (Graph1c Photos)", "Graph1c Photos"),
     ("Tanker fire closes the coast road (18+)", "18+"),
     ("Tanker fire closes the coast road (link; graphic pics)", "graphic pics"),  # the part of the tag that warns
     ("Graphic Photos : Tanker fire closes the coast road", "Graphic Photos"),  # a kicker that warns
     ("GRAPHIC VIDEO: Tanker fire closes the coast road", "GRAPHIC VIDEO"),
     ("‘A few more scars won’t hurt’ *TRIGGERING IMAGES*", "TRIGGERING IMAGES"),  # a tag in asterisks
     ("Warning Graphic: Tanker fire closes the coast road", "Warning Graphic")],
)
def test_a_warning_tag_closing_the_headline(title, tag):
    """A tag in brackets closing the headline that says the pictures are graphic (digits standing in for
    letters included), or a kicker opening it that says so, is the page's warning; the headline keeps it as
    published."""
    parsed = parse(f"{title}\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}")
    assert (parsed.title, parsed.stated_warnings) == (title, (tag,))


def test_a_bracketed_tag_that_warns_of_nothing_is_no_warning():
    assert parse(f"Tanker fire closes the coast road [VIDEO]\n\nBy Jane Doe\n\n{BODY}").stated_warnings == ()


@pytest.mark.parametrize(
    "line",
    [
        "A tsunami warning was issued for the coast on Tuesday after the quake struck offshore.",
        "The Met Office has issued a yellow weather warning for heavy rain across the region.",
        "Editor's Note: An earlier version of this story gave the wrong date for the talks.",
        "Police issued a warning to residents about callers pretending to be from the bank.",
        "The video shows the man on the ground before the two attackers walk off toward the bridge.",
    ],
)
def test_no_warning_invented(line):
    """Weather, tsunami and police warnings, and an editor's correction, are not warnings to the reader."""
    assert parse(f"{HEADER}{line}\n\n{BODY}").stated_warnings == ()


@pytest.mark.parametrize(
    "headline, warning",
    [("Trigger warning: Suicide", "Trigger warning: Suicide"), ("cw: grief and a funeral", "cw: grief and a funeral"),
     ("GRAPHIC: Video shows men laughing after shooting a shark", "GRAPHIC")],
    ids=["named-warning", "cw-lower-case", "graphic-kicker"],
)
def test_a_headline_that_states_a_warning(headline, warning):
    """A headline that is a named warning (the whole headline, as the corpus's labellers keep it) or opens with
    “GRAPHIC:” states the page's warning; it stays the headline."""
    parsed = parse(f"{headline}\n\n12 March 2024\n\n{BODY}")
    assert (parsed.title, parsed.stated_warnings) == (headline, (warning,))


@pytest.mark.parametrize(
    "headline", ["Warning: heatwave to hit the south this weekend", "Graphic designers strike over pay", "Trigger warnings on campus",
                 "Content Warnings: Compassion, Not Coddling", "Trigger Warning: A Novel"],
)
def test_a_headline_about_warnings_states_none(headline):
    assert parse(f"{headline}\n\n12 March 2024\n\n{BODY}").stated_warnings == ()


def test_a_stressed_warning_label_is_a_warning():
    """“VERY IMPORTANT WARNING:” opens a warning as “WARNING:” does; a stressed label over an ordinary notice does not."""
    stated = ("VERY IMPORTANT WARNING: The photographs at the links provided contain EXTREMELY GRAPHIC images of dead bodies. "
              "DO NOT GO TO THE LINK IF THIS IS LIKELY TO UPSET YOU!")
    assert parse(f"{HEADER}{stated}\n\n{BODY}").stated_warnings == (stated,)
    notice = "Important warning: the ferry timetable changes on Monday for the whole of the winter season."
    assert parse(f"{HEADER}{notice}\n\n{BODY}").stated_warnings == ()


@pytest.mark.parametrize(
    "sentence",
    ["I will warn you the video is graphic - it shows dogs with scars and dogs missing limbs.",
     "And a warning – her report contains distressing images from the start."],
    ids=["first-person", "a-warning-dash"],
)
def test_a_writer_warning_in_their_own_words(sentence):
    """A writer who warns the reader in their own voice states a warning, kept as worded, out of the body."""
    parsed = parse(f"{HEADER}{sentence}\n\n{BODY}")
    assert parsed.stated_warnings == (sentence,)
    assert body(parsed)[0].startswith("Shelling resumed before dawn")


@pytest.mark.parametrize(
    "sentence",
    ["The minister said: “I warn you that prices will rise again next winter,” to laughter from the benches.",
     "Police warned that the road would stay closed until the bridge was inspected on Friday."],
)
def test_a_warning_reported_or_about_other_things_is_none(sentence):
    assert parse(f"{HEADER}{sentence}\n\n{BODY}").stated_warnings == ()


# --- bodies -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "footer",
    [
        "Share this article Facebook Twitter Email",
        "Tags: Ceasefire, Geneva, Diplomacy\n\nShare: WhatsApp | Telegram | Facebook\n\nCopyright 2026 Example Media Group",
        "Facebook Twitter WhatsApp Email",
        "Sign up to our daily newsletter\n\nEnter your email",
        "Leave a comment\n\n3 comments",
        "Reporting by Tom Baines; Editing by Ruth Ellery",
        "Thanks for reading. If this helped, leave a clap or two.\nMore from quietlantern",
        "— Pacific Wire Service",
        "Share this briefing",
        "Hide Ad\nHide Ad",
    ],
    ids=["share-row", "tags-share-copyright", "bare-share-row", "newsletter", "comment-prompt", "wire-credits", "clap-prompt",
         "agency-sign-off", "share-this-briefing", "hide-ad-buttons"],
)
def test_the_body_ends_with_the_article(footer):
    """Share rows, tag lists, copyright lines, newsletter boxes and comment prompts are left out, last lines
    included."""
    assert body(parse(f"{HEADER}{BODY}\n{footer}\n"))[-1].startswith("Aid convoys were turned back")


def test_a_closing_line_after_a_dash_that_reads_as_text_is_kept():
    """A last paragraph opening with a dash is the article's when it reads as words, not a desk's name alone."""
    last = "— and the Pacific Wire Service was there to see the convoy leave"
    assert body(parse(f"{HEADER}{BODY}\n{last}\n"))[-1].endswith("was there to see the convoy leave")


@pytest.mark.parametrize(
    "opening", ["(Scroll down for video) ", "[Watch the video] ", "shelling at dawn video2"], ids=["pointer", "watch", "alt-text"]
)
def test_junk_glued_before_the_first_sentence_is_left_out(opening):
    """A pointer to a video in brackets or an image's alt text and gallery number glued before the first
    words is not part of the paragraph."""
    assert body(parse(f"{HEADER}{opening}{BODY}"))[0].startswith("Shelling resumed before dawn")


def test_the_body_starts_at_a_dateline_after_captions_and_a_ticker():
    """Two captions (one shown twice) and “22 minutes ago” before “GENEVA – …”: the body starts at the
    dateline."""
    caption = "A screengrab shows the convoy turned back at the bridge by soldiers on Tuesday morning."
    page = (f"{HEADLINE}\n\nFootage of Tuesday's events shows the convoy turned back at the bridge by soldiers.\n\n"
            f"{caption}\n{caption}\n22 minutes ago\n\nGENEVA – Leaders agreed on a ceasefire on Tuesday, officials said.\n\n{BODY}")
    assert body(parse(page))[0].startswith("GENEVA – Leaders agreed")


def test_a_spoiler_notice_is_neither_the_body_nor_a_warning():
    parsed = parse(f"{HEADER}*Contains spoilers about the final episode\n\n{BODY}")
    assert body(parsed)[0].startswith("Shelling resumed")
    assert parsed.stated_warnings == ()


def test_list_items_and_paragraphs_keep_their_order():
    """Dash-led lines of a live blog and the lines between them stay in the order they come."""
    parsed = parse(f"{HEADER}– A strike hits a school in the south. Ten people are killed.\n"
                   "The UN chief calls for an end to the fighting\n– Talks are to resume in Cairo on Monday.\n")
    assert [type(block).__name__ for block in parsed.blocks] == ["BulletList", "Paragraph", "BulletList"]
    assert body(parsed)[0].startswith("A strike hits a school")


def test_a_box_inside_the_article_is_left_out():
    """“Advertisement”, “Most read” and its list are left out; the article goes on after them."""
    later = "The talks resume on Friday, officials said, with both delegations expected to attend."
    page = f"{HEADER}{BODY}\nAdvertisement\n\nMost read\n\n1. Ten things we learnt this week\n\n2. A recipe everyone talks about\n\n{later}\n"
    assert body(parse(page))[-1] == later
    assert not any("Ten things" in text or text == "Advertisement" for text in body(parse(page)))


LATER = ("The agency will test the water every week from May and publish each result on its website.\n\n"
         "Campaigners said the decision would put pressure on the water company to cut sewage spills upstream.\n")


@pytest.mark.parametrize(
    "box",
    [
        "Sign up to our morning briefing newsletter\nGet the day's top stories in your inbox every morning. Sign up",
        "Newsletter\nSign up for the Courier's daily email",
        "Subscribe to our newsletter\n\nEnter your email\n\nSubscribe",
    ],
    ids=["label-and-promotion", "label-alone", "with-buttons"],
)
def test_a_sign_up_box_inside_the_article_is_left_out_and_the_text_goes_on(box):
    """A newsletter box set between two paragraphs does not end the article: the paragraphs under it are kept,
    the box is not."""
    texts = body(parse(f"{HEADER}{BODY}\n{box}\n\n{LATER}\nShare this article Facebook Twitter Email\n"))
    assert texts[-1].startswith("Campaigners said the decision")
    assert len(texts) == 4
    assert not any("ign up" in text or "ubscribe" in text or "email" in text for text in texts)


def test_one_paragraph_under_a_sign_up_box_before_the_pages_end_is_kept():
    """A newsletter box with only the article's last paragraph under it, then the page's furniture: the paragraph is
    the article's, the box is not."""
    last = "The prize includes a recording session at a studio, which the choir will use to make an album for the hall."
    texts = body(parse(f"{HEADER}{BODY}\nSign up for the Chronicle Weekend newsletter. Our best reads, every Saturday.\n\n"
                       f"{last}\n\nMore from Arts & Culture\nFollow us on Facebook\n"))
    assert texts[-1] == last and not any("newsletter" in text for text in texts)


@pytest.mark.parametrize(
    "promotion",
    ["Get the best of arts and culture: download the Ridgeway Chronicle app",
     "Want more stories like this? Subscribe to the Weald Observer newsletter for free.",
     "Download the Lowmoor Ledger app for breaking news. Available on iOS and Android."],
)
def test_a_promotion_set_in_the_text_is_left_out(promotion):
    """An outlet's promotion of its app or newsletter between paragraphs is left out; the paragraphs stay."""
    texts = body(parse(f"{HEADER}{BODY}\n{promotion}\n\n{LATER}"))
    assert promotion not in texts and texts[-1].startswith("Campaigners said the decision")


def test_a_sentence_about_an_app_stays_in_the_text():
    line = "Residents can download the council's app to report potholes, the council said on Tuesday."
    assert line in body(parse(f"{HEADER}{BODY}\n{line}\n\n{LATER}"))


@pytest.mark.parametrize(
    "after",
    [
        "Most read\n1. Ten things we learnt this week\n2. A recipe everyone talks about",
        "Talks stall again in Geneva\nThe two delegations left the hotel on Monday without agreeing on a date to...\n"
        "Hospital fuel runs low\nDoctors at the old town hospital said they had two days of diesel left to run the...",
        "Jo Bloggs said...\nI agree with every word of this, it is about time somebody said it out loud.",
        "Flood defences to be raised\n\nThe council will raise the flood wall along the river by a metre next year.",
    ],
    ids=["most-read", "teasers", "comment", "next-story"],
)
def test_a_sign_up_box_closing_the_article_still_ends_it(after):
    """A newsletter box with other stories, the readers' comments or another story's headline under it closes the
    article: none of what follows it is kept."""
    texts = body(parse(f"{HEADER}{BODY}\nSign up to our newsletter\nThe day's top stories in your inbox. Sign up\n\n{after}\n"))
    assert texts[-1].startswith("Aid convoys were turned back")


def test_an_illustrations_credit_under_the_headline_opens_no_body():
    """An illustration's credit ("Graphic by … | … Staff.") under the headline is not the body's first paragraph."""
    page = ("Survivors need support, understanding from their campus\n\nGraphic by Sam Lopez | Mercury Staff.\n\n\n"
            "Editor’s note: This writer’s name has been changed to protect her identity.\n\n"
            "I thought my first year at college was supposed to be the most exciting year of my life, in a new city with new friends.\n\n"
            "My roommate came to my aid that night and called my best friend, and I will never forget how hard they hugged me.\n")
    assert body(parse(page))[0].startswith("I thought my first year at college")


def test_a_caption_with_its_agency_run_into_it_names_no_writer():
    """A caption under the headline with its agency's name run into its last word ("Bridge Convoy AttackGetty") is
    no writer's name standing alone."""
    page = ("This is why you should not share that video of the bridge attack\n\n0 Shares\nBridge Convoy AttackGetty\n\n"
            "Footage of the attack on the convoy at the bridge has been circulating on social media, and if you can avoid it, you should.\n\n"
            "At least forty people are said to have died after a lorry drove into the crowd waiting at the bridge on Tuesday.\n")
    parsed = parse(page)
    assert parsed.author is None
    assert body(parsed)[0].startswith("Footage of the attack")


@pytest.mark.parametrize("line", ["Art by local children now hangs in every ward of the old town hospital, staff said.",
                                  "Marketing executives at Getty Images said the archive would stay open."])
def test_a_sentence_opening_like_a_credit_stays_the_body(line):
    assert body(parse(f"{HEADER}{line}\n\n{BODY}"))[0] == line


def test_a_line_the_page_says_again_below_does_not_open_the_body():
    """A summary line under the headline that the first paragraph goes on to say again ("According to officials,
    fifteen fire crews …") is not where the body starts; the paragraph telling the story is."""
    summary = "According to officials, fifteen fire crews are at the scene and are working to put out the blaze."
    page = (f"Fire breaks out at a market building in the old town\n\n{summary}\n\n"
            "A fire broke out on Sunday at a commercial building near the old town market, officials said, the local "
            "agency reported. According to officials, fifteen fire crews are at the scene and are working to put out the "
            "blaze. No one has been reported hurt so far.\n\nTraders said the fire started on the second floor.\n")
    assert body(parse(page))[0].startswith("A fire broke out on Sunday")


def test_a_first_paragraph_whose_words_come_back_later_still_opens_the_body():
    """A lede whose few words the article uses again later (a name, a place) still opens the body."""
    assert body(parse(f"{HEADER}{BODY}\nShelling resumed in the northern districts, residents said.\n"))[0].startswith(
        "Shelling resumed before dawn")


# --- the deck under the headline -----------------------------------------------------------------------------

DECK = "Campaigners spent four years gathering water samples to win the designation"


def test_the_deck_under_the_headline_is_the_standfirst():
    """The line between the headline and its credits that tells the story in brief is kept as the standfirst, and is
    not the body's first paragraph."""
    parsed = parse(f"{HEADLINE}\n\n{DECK}\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}")
    assert parsed.standfirst == DECK
    assert body(parsed)[0].startswith("Shelling resumed before dawn")


@pytest.mark.parametrize(
    "line",
    [
        "WATCH: Our reporter has the history of the ceasefire talks and what comes next for Geneva.",
        "The convoy is turned back at the bridge by soldiers in Geneva, Switzerland Reuters",
        "“Do it yourselves. If you have guns, you have my support.” —President Ana Ruiz",
        "Ceasefire Talks Continue In Geneva As Leaders Meet Again",
        "Get all your news in one place. Download the Courier app today.",
    ],
    ids=["video-caption", "caption-with-agency", "epigraph", "second-headline", "promotion"],
)
def test_what_is_not_a_deck_is_no_standfirst(line):
    """A video's caption, a picture's caption, an epigraph, a second headline or a promotion under the headline is not
    the standfirst."""
    assert parse(f"{HEADLINE}\n\n{line}\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}").standfirst == ""


def test_the_first_paragraph_is_no_standfirst():
    """A page with no deck keeps its first paragraph in the body and has no standfirst."""
    parsed = parse(f"{HEADER}{BODY}")
    assert parsed.standfirst == ""
    assert body(parsed)[0].startswith("Shelling resumed before dawn")


def test_a_first_paragraph_set_above_the_byline_opens_the_body():
    """A page that sets its first paragraph, dateline and all, between the headline and the byline keeps it as the
    body's first paragraph, not as a standfirst and not lost."""
    lede = ("TEVALU CITY — Authorities lifted a tsunami warning for the islands on Wednesday evening, three hours after a "
            "strong earthquake struck offshore.")
    parsed = parse(f"Tsunami warning lifted for the islands after an offshore earthquake\n\n{lede}\n\nBy Kiri Halvorsen\n"
                   f"March 12, 2025\n\n{BODY}")
    assert body(parsed)[0] == lede and body(parsed)[1].startswith("Shelling resumed")
    assert (parsed.standfirst, parsed.author, str(parsed.published_on), parsed.stated_warnings) == (
        "", "Kiri Halvorsen", "2025-03-12", ())


# --- the page's own tags ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "footer, tags",
    [
        ("Share this article Facebook Twitter Email\nTags: Environment, River Tam, Swimming\nCopyright 2026 Example Media",
         ("Environment", "River Tam", "Swimming")),
        ("Filed under: Courts | Crime", ("Courts", "Crime")),
        ("Labels: war, memory, #veterans", ("war", "memory", "veterans")),
        ("Tagged with: Ceasefire · Geneva", ("Ceasefire", "Geneva")),
        ("Tags\narson\ncourt\nPrint this page\nShare", ("arson", "court")),
        ("Categories: personal, recovery", ("personal", "recovery")),
        ("Posted in Beekeeping, Gardens", ("Beekeeping", "Gardens")),
    ],
    ids=["tags-line", "filed-under-bars", "blog-labels", "tagged-with-dots", "label-over-lines", "categories", "posted-in"],
)
def test_the_tags_a_page_lists_are_its_tags(footer, tags):
    """A labelled list of tags after the text (however it is separated), or a label over one tag a line up to the
    page's next furniture, gives the article's tags; the body still ends before it."""
    parsed = parse(f"{HEADER}{BODY}\n{footer}\n")
    assert parsed.tags == tags
    assert body(parsed)[-1].startswith("Aid convoys were turned back")


@pytest.mark.parametrize(
    "footer",
    [
        "Labels: war (12), peace (3), memory (7)",
        "Tags: " + ", ".join(f"topic{n}" for n in range(20)),
        "Topics: what the council will decide on Monday about the budget and the library",
        "Share this article Facebook Twitter Email",
    ],
    ids=["tag-cloud-with-counts", "too-many", "a-sentence", "no-tags"],
)
def test_no_tags_from_what_is_not_one_articles_tag_list(footer):
    """A site's tag cloud (counts beside the tags, or more than a dozen), a sentence after a label, or no list at
    all gives no tags."""
    assert parse(f"{HEADER}{BODY}\n{footer}\n").tags == ()


def test_a_menu_of_topics_over_the_headline_gives_no_tags():
    """The tags are looked for from where the body starts: a navigation row over the headline is not the article's."""
    assert parse(f"Topics: News, Sport, Culture\n\n{HEADER}{BODY}").tags == ()


# --- batches ------------------------------------------------------------------------------------------------


def test_lines_a_sites_pages_repeat_are_its_furniture():
    """Short lines most pages of a folder carry are furniture; bylines, dates and running text never."""
    pages = [
        f"Northern Courier\nToday's Paper\nHeadline number {n}\nBy Jane Doe\n12 March 2024\n{BODY}Support the Courier\n"
        for n in range(4)
    ]
    furniture = repeated_lines(pages)
    assert {"Northern Courier", "Today's Paper", "Support the Courier"} <= furniture
    assert not furniture & {"By Jane Doe", "12 March 2024", "Headline number 1", *BODY.splitlines()}


def test_a_line_that_closes_every_page_of_a_site_still_ends_each_body():
    """A picture credit and "Related stories" that every page of a folder carries are not learnt as furniture:
    each page's body still ends there, before the footer's list of other stories."""
    pages = [
        f"Northern Courier\nHeadline number {n}\nBy Jane Doe\n12 March 2024\n{BODY}"
        f"Featured image via Northern Courier archive\nRelated stories\nTalks stall again\nSupport the Courier\n"
        for n in range(4)
    ]
    furniture = repeated_lines(pages)
    assert "Featured image via Northern Courier archive" not in furniture and "Related stories" not in furniture
    parsed = parse(pages[0], furniture=furniture)
    assert body(parsed) == [line for line in BODY.splitlines() if line]


def test_a_sites_furniture_is_never_its_headline():
    """A site's masthead line, learnt from its other pages, is read as nothing."""
    parsed = parse(f"Northern Courier Weekly Edition\n\n{HEADER}{BODY}", furniture=frozenset({"Northern Courier Weekly Edition"}))
    assert parsed.title == HEADLINE


# --- the scorer ---------------------------------------------------------------------------------------------


def test_the_scorer_keeps_its_margin_and_fits_what_it_is_shown():
    """A conditional logit fitted on two toy pages prefers the feature that marked the right line, and
    a choice keeps the runner-up and the margin."""
    names = ("bias", "good")
    weights = fit([([(1.0, 1.0), (1.0, 0.0)], [0]), ([(1.0, 0.0), (1.0, 1.0)], [1])], names=names, prior={}, iterations=200)
    assert weights["good"] > 1
    choice = Scorer(weights, names).choose([Candidate(0, "right", (1.0, 1.0)), Candidate(1, "wrong", (1.0, 0.0))])
    assert isinstance(choice, Choice) and choice.winner.text == "right" and choice.runner_up.text == "wrong"
    assert 0 < choice.margin < 1


def test_weights_are_data_for_every_feature():
    """The shipped weights name every feature the scorers compute (regenerated by the bench, not by hand)."""
    assert set(weights.HEADLINE) == set(HEADLINE_FEATURES)
    assert set(weights.BODY_START) == set(BODY_FEATURES)
    assert set(weights.WARNING) == set(WARNING_FEATURES)
    assert isinstance(Model.from_weights(weights.HEADLINE, weights.BODY_START, weights.WARNING), Model)


# --- as an editor would try it: nothing wrong published, every held page says why ---------------------------

from django.core.management import call_command  # noqa: E402

from articles.ingest.reasons import review_reasons  # noqa: E402
from articles.models import Article  # noqa: E402

# A body the warning lexicon suggests nothing for, so that a complete page may be published.
CALM_BODY = (
    "The council voted on Tuesday to extend the library's opening hours, after a year of requests from residents.\n\n"
    "The change takes effect next month, and the reading room will stay open until nine in the evening.\n"
)
# Each page its own headline, as a site's pages have (a headline on every page would be the site's furniture).
HEADLINES = {
    "share-row.txt": "Council extends the library's hours after a year of requests",
    "footer.txt": "Reading room to stay open until nine from next month",
    "ticker.txt": "Residents win later library hours as the council votes",
    "two-dates.txt": "Hospital in the old town runs out of fuel",
}
EDITOR_PAGES = {
    "share-row.txt": f"Northern Courier\n\n{HEADLINES['share-row.txt']}\n\nBy Jane Doe\n\n12 March 2024\n\n{CALM_BODY}\n"
    "Share this article Facebook Twitter Email\n",
    "footer.txt": (
        f"Menu\n\n{HEADLINES['footer.txt']}\n\nBy Sam Okafor\n\n3 April 2024\n\n{CALM_BODY}\nTags: Ceasefire, Geneva\n\n"
        "Share: WhatsApp | Telegram\n\nCopyright 2026 Example Media Group\n"
    ),
    "ticker.txt": (
        f"Breaking: Live updates from the summit\n\n{HEADLINES['ticker.txt']}\n\nBy Jane Doe, Middle East correspondent\n\n"
        f"12 March 2024\n\n{CALM_BODY}\nAdvertisement Most read\n\n1. Ten things we learnt this week\n"
    ),
    "two-dates.txt": f"{HEADLINES['two-dates.txt']}\n\nBy Jane Doe\n\n12 March 2024\n\nPosted on 14 March 2024\n\n{CALM_BODY}",
}


@pytest.mark.django_db
def test_nothing_wrong_is_published_and_every_held_page_says_why(tmp_path):
    """Pages in the shapes that went wrong on unseen sites: a published one has the right headline, author,
    date and last paragraph (a ticker over the headline passed over); a held one gives an editor its reason (both
    dates)."""
    for name, text in EDITOR_PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    call_command("import_seeds", str(tmp_path), stdout=None)
    articles = {article.source_name: article for article in Article.objects.select_related("author")}
    for name, article in articles.items():
        if article.status == Article.Status.PUBLISHED:
            assert article.title == HEADLINES[name], name
            assert article.author.name in ("Jane Doe", "Sam Okafor"), name
            assert article.body.rstrip().endswith("nine in the evening."), name
        else:
            assert article.review_reasons, name
    # The ticker stands over a headline with its byline under it: a banner, passed over (it was a guess before).
    assert articles["ticker.txt"].status == Article.Status.PUBLISHED, articles["ticker.txt"].review_reasons
    assert "two dates: 12 March 2024 or 14 March 2024" in articles["two-dates.txt"].review_reasons
    assert [articles[name].status for name in ("share-row.txt", "footer.txt")] == [Article.Status.PUBLISHED] * 2, [
        articles[name].review_reasons for name in ("share-row.txt", "footer.txt")]


def test_a_short_heading_under_another_lines_credits_is_held_with_both_named():
    """A roundup's first heading ("Riverside University") under the byline and date of the line above them ("Regional
    Schools and Colleges News", which may be read as the site's name) is never published as the headline: the page is
    held, and the reason names both."""
    page = ("Regional Schools and Colleges News\n\nBy Jane Doe\nMay 3, 2001\n\nRiverside University\n\n"
            "Twenty-six students protesting Riverside University's answer to threats against its staff were arrested on "
            "Saturday afternoon at the stadium.\n\nComplaints will be filed against the protesters, according to the "
            "Riverside office of public information, and a Riverside police spokesman said they would be summoned by mail.\n\n"
            "Thirty students ran to the middle of the field, sat down and protested.\n\nThe group was protesting the "
            "college's answer to threats that have been mailed to staff and students since October.\n\nHarbour Institute\n\n"
            "Harbour Institute students asked for a crossing outside the campus, the third such request this year.\n")
    parsed = parse(page)
    assert not parsed.title_confirmed
    assert review_reasons(parsed, False, [])[0] == (
        "the headline is uncertain: “Riverside University” or “Regional Schools and Colleges News”")


def test_a_short_headline_over_a_title_case_deck_is_held_with_both_named():
    """"Night Ferry Returns" over "Island Link Restored After Six Years Without Overnight Crossings", then the byline:
    which is the headline and which its deck the text does not say; never published on a guess."""
    page = ("The Solent Star\n\nNight Ferry Returns\nIsland Link Restored After Six Years Without Overnight Crossings\n\n"
            "By Petra Nakashima, Transport Reporter\nFriday, 4 October 2024\n\n"
            "The overnight ferry between the quay and the island will resume next spring, the operator said on Friday.\n\n"
            "Islanders who work night shifts at the mainland hospital had campaigned for its return since 2018.\n")
    parsed = parse(page)
    assert not parsed.title_confirmed
    assert review_reasons(parsed, False, [])[0] == ("the headline is uncertain: “Island Link Restored After Six Years Without "
                                                     "Overnight…” or “Night Ferry Returns”")


@pytest.mark.parametrize("kicker", ["Just In", "Kettle Valley News", "World News", "Watch live"])
def test_a_kicker_over_a_headline_leaves_it_sure(kicker):
    """A ticker's label, the site's name or a section over a headline (in title case too) leaves the headline sure."""
    headline = "Council Votes To Extend The Library's Opening Hours"
    parsed = parse(f"{kicker}\n{headline}\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}")
    assert (parsed.title, parsed.title_confirmed) == (headline, True)


@pytest.mark.parametrize("above", ["Monday, 22 May 2017", "By Jane Doe"], ids=["blog-day-header", "byline-alone"])
def test_a_short_headline_under_a_day_header_or_its_byline_alone_stays_sure(above):
    """A blog's day header over a short headline, or a byline over it with nothing above (no line it could head),
    leaves the headline sure."""
    parsed = parse(f"{above}\n\nNight shift notes\n\n12 March 2024\n\n{BODY}")
    assert (parsed.title, parsed.title_confirmed) == ("Night shift notes", True)


# --- the headline said again in the article -------------------------------------------------------------------


def test_words_meet_without_their_endings():
    """“floods”, “flooded” and “flooding” are one word to the check; figures and short words are none."""
    assert echoes.echoed("Floods close the valley road", "The river flooded the road overnight.")
    assert echoes.echoed("Flooding closes the valley road", "Two floods in a week.")
    assert not echoes.echoed("KLCI 1,652.40 ▲ 3.11 | USD/MYR 4.41", "Rescuers dug through the mud.")
    assert not echoes.echoed("Try Premium for €0", "The warehouse burned for six hours.")


def test_a_headline_the_article_never_says_again_holds_the_page():
    """A clear headline, an author and a date, but none of the headline's words in the article: the page
    waits for an editor, who is told why."""
    parsed = parse(f"Crime and Public Safety\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}")
    assert not parsed.title_echoed
    assert review_reasons(parsed, False, []) == [
        "the headline shares no word with the article: “Crime and Public Safety”"]
    assert parse(f"Shelling resumes in the north\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}").title_echoed


# --- warnings labelled in other languages, banners for the day, credits after a dash, asides -------------------


@pytest.mark.parametrize("line, stated", [
    ("Advertencia: esta nota contiene imágenes que pueden herir la sensibilidad de algunos lectores.", True),
    ("Achtung: Der folgende Bericht enthält verstörende Schilderungen von Gewalt.", True),
    ("Attention : ce reportage contient des images choquantes.", True),
    ("Aviso: las clases se suspenden el lunes por la lluvia.", False),  # a notice, no warning
    ("Hinweis: Dieser Artikel wurde am Abend aktualisiert.", False),
    ("Attention all passengers: trains to the coast are delayed.", False),
])
def test_a_warning_labelled_in_another_language_needs_words_of_distress(line, stated):
    assert (cautions.warning(line) is not None) is stated


def test_a_bilingual_warning_label_keeps_the_whole_warning():
    line = "Advertencia: contenido sensible / Warning: this report describes the discovery of human remains."
    assert cautions.warning(line).statement == line


@pytest.mark.parametrize("line", ["Today is Monday, 2 October 2023", "Hoy es lunes, 2 de octubre de 2023"])
def test_the_sites_banner_for_the_day_is_furniture(line):
    parsed = parse(f"CADRA\n{line}\nFILM\nSmall towns, big silences at this year's festival\nWords by Ioana Petrescu\n"
                   f"Sept. 30, 2023\n{BODY}")
    assert kinds.is_chrome(line)
    assert (parsed.title, parsed.published_on) == ("Small towns, big silences at this year's festival", date(2023, 9, 30))


@pytest.mark.parametrize("line", [
    "Rescuers search through the rubble of a building in Nabatieh, southern Lebanon. — AFP",
    "Police and villagers at the scene near Wabag. — Supplied",
])
def test_a_caption_credited_after_a_dash_is_a_caption(line):
    assert endings.is_caption(line)
    assert not endings.is_caption("The minister said the bill would pass — eventually.")


@pytest.mark.parametrize("aside", [
    "If you are affected by any of the issues raised in this story, you can contact Samaritans free on 116 123.",
    "This account was sent to our team on Saturday evening and has been lightly edited for length.",
    "The writer is a lawyer and human rights researcher based in Lahore.",
])
def test_an_aside_over_the_first_paragraph_never_opens_the_body_but_may_close_it(aside):
    """A help line, how the text was edited or who the writer is may stand over the article's first paragraph:
    the body opens under it; at the article's end the same line is kept."""
    first = "A university was warned in emails that a first-year student was struggling, an inquest has heard."
    parsed = parse(f"{HEADLINE}\n\nBy Jane Doe\n\n12 March 2024\n\n{aside}\n\n{first}\n\n{BODY}")
    texts = [" ".join(block_text(block).split()) for block in parsed.blocks]
    assert texts[0] == first
    closing = parse(f"{HEADLINE}\n\nBy Jane Doe\n\n12 March 2024\n\n{first}\n\n{BODY}\n{aside}\n")
    assert " ".join(block_text(closing.blocks[-1]).split()) == aside


# --- dates and bylines in more forms ------------------------------------------------------------------------------


@pytest.mark.parametrize("line, day", [
    ("১৬ জুলাই ২০২৪ / July 16, 2024", date(2024, 7, 16)),  # the date in two scripts
    ("Stand: 21.11.2024, 14:35 Uhr", date(2024, 11, 21)),  # a German site's "as of"
    ("Erschienen am 3. Mai 2024", date(2024, 5, 3)),
    ("Posted 11h ago, updated 3 Jun 2025", date(2025, 6, 3)),  # a relative time, then the only date
    ("Białystok, 29.10.2023, 17:52", date(2023, 10, 29)),  # a dateline's place, then the date
])
def test_date_lines_in_more_forms(line, day):
    assert dates.date_line(line).day == day


def test_a_source_and_a_pictures_date_is_no_date_line():
    """"Reuters / Wednesday, September 21, 2016" under a picture credits and dates the picture, not the page."""
    assert dates.date_line("Reuters / Wednesday, September 21, 2016") is None


@pytest.mark.parametrize("line, names", [
    ("Camila Duarte e Rafael Nogueira", "Camila Duarte and Rafael Nogueira"),
    ("Léa Martin et Hugo Roux", "Léa Martin and Hugo Roux"),
    ("Anna Weber und Jonas Keller", "Anna Weber and Jonas Keller"),
])
def test_two_writers_joined_in_another_language(line, names):
    assert persons.bare_name(line) == names
    assert persons.bare_name("Rio e Brasil") is None  # (two places, one word each: no one)


def test_a_labelled_authors_credit():
    assert kinds.byline("Author of the article: Marc Bouchard") == "Marc Bouchard"
    assert kinds.byline("Written and presented by Miriam Achieng") == "Miriam Achieng"
    assert kinds.byline("Presented by Miriam Achieng") is None  # (a presenter's credit, not a writer's)


# --- more header shapes: links and breadcrumbs in other languages, mottos over menus, quotations over headlines ---


@pytest.mark.parametrize("line", [
    "Aller au contenu principal", "Zum Inhalt springen", "Ir al contenido principal", "Vai al contenuto",
    "Sie lesen: Panorama › Justiz", "Você está em: Início » Direitos Humanos",
])
def test_skip_links_and_breadcrumb_labels_in_other_languages_are_furniture(line):
    assert kinds.is_chrome(line)


def test_a_blogs_motto_over_its_menu_is_no_post_title():
    title = '"AND THEN I STOPPED BEING ABLE TO WRITE"'
    parsed = parse("Dispatches From The Steppe\nnotes from a reporter who stayed too long\n"
                   "Home | About me | Archive | Contact | Support this blog\nMonday, 6 November 2023\n"
                   f"Posted by Anna Keller at 22:14\n{title}\nA note about why this blog has been quiet\n{BODY}")
    assert parsed.title != "notes from a reporter who stayed too long"


def test_a_line_under_a_quotation_in_capitals_is_never_published_as_the_headline():
    """A quotation in capitals over a longer line: either may be the headline, so the article waits for an editor,
    who is shown both."""
    quote = "'SOMEBODY SHOULD KNOW HOW IT WAS HERE'"
    parsed = parse(f"ON THE FRONT LINE\n{quote}\nIn a village eleven kilometres from the front, the shelling comes every "
                   "night and the old men keep count\nMarta Holub, Eastern Europe correspondent, and Daniel Pryce, "
                   f"Defence Editor\nTue 12 Mar 2024 18.40 GMT\n{BODY}")
    assert parsed.author == "Marta Holub and Daniel Pryce"
    assert parsed.title == quote or (not parsed.title_confirmed and parsed.title_rival == quote)


@pytest.mark.parametrize("line, author", [
    ("By Kevin Otieno & Amina Yusuf", "Kevin Otieno & Amina Yusuf"),
    ("Von Katrin Albers und Mehmet Yıldız", "Katrin Albers and Mehmet Yıldız"),
    ("By Kendra Oakes and Tom Haverford, KNWB Investigative Team", "Kendra Oakes and Tom Haverford"),
    ("Corporate Communications", None),  # a department's credit names no one
])
def test_more_byline_forms(line, author):
    parsed = parse(f"{HEADLINE}\n\n{line}\n\n12 March 2024\n\n{BODY}")
    assert parsed.author == author


def test_a_datelines_place_then_a_date_in_capitals():
    assert dates.date_line("BENGALURU, AUG 10 2024, 23:58 IST").day == date(2024, 8, 10)


@pytest.mark.parametrize("title", [
    "„Ich habe die Schreie jede Nacht gehört“",
    "¿Quién gana con la reforma judicial?",
    "« L'eau est montée en vingt minutes », raconte le maire",
])
def test_a_headline_opening_with_another_languages_marks_is_headline_like(title):
    assert is_headline_like(title)


def test_a_headline_under_its_kicker_in_capitals_opening_with_a_low_quote():
    title = "„Ich habe die Schreie jede Nacht gehört“"
    parsed = parse(f"Rheinische Rundschau\nStartseite  Politik  Wirtschaft\nSie lesen: Panorama › Justiz\nPROZESS IN KOBLENZ\n"
                   f"{title}\nEhemaliger Gefängniswärter aus Syrien vor Gericht – Zeugin schildert Folter\n"
                   f"Von Katrin Albers und Mehmet Yıldız\n08.05.2024, 17:20 Uhr\n{BODY}")
    assert (parsed.title, parsed.author) == (title, "Katrin Albers and Mehmet Yıldız")


@pytest.mark.parametrize("ticker", ["Ultim'ora: Mercato, il Torino chiude per il terzino • Giro d'Italia, la tappa di oggi",
                                    "Última hora: El Gobierno convoca a los sindicatos para el jueves"])
def test_tickers_in_other_languages_are_no_headline(ticker):
    title = "Pari senza gol e scontri fuori dallo stadio dopo il derby"
    parsed = parse(f"GAZZETTA DEL NORD\nCALCIO  SERIE A  SERIE B  MOTORI\n{ticker}\nSERIE A\n{title}\n"
                   f"di Marco Ferretti, inviato a Genova\n21 ottobre 2024\n{BODY}")
    assert (parsed.title, parsed.author, parsed.published_on) == (title, "Marco Ferretti", date(2024, 10, 21))


@pytest.mark.parametrize("line, author", [
    ("di Marco Ferretti, inviato a Genova", "Marco Ferretti"),
    ("Texto: Juliana Pereira dos Santos | Fotos: Coletivo Lente Viva", "Juliana Pereira dos Santos"),
    ("Story by Reuters", None),
])
def test_bylines_with_a_job_or_a_label_in_other_languages(line, author):
    assert kinds.byline(line) == author


def test_a_section_set_off_by_a_bar_is_no_part_of_the_headline():
    assert title_text("Opinion | I'm an ER nurse. Here is what a Saturday night looks like.") == \
        "I'm an ER nurse. Here is what a Saturday night looks like."
    assert title_text("COLUMN: When suicide hits close to home") == "COLUMN: When suicide hits close to home"


@pytest.mark.parametrize("line, headline", [
    ("Lifestyle | Leaving a violent home, and what came after", "Leaving a violent home, and what came after"),
    ("World News | Leaders agree on a ceasefire after talks", "Leaders agree on a ceasefire after talks"),
    ("Love | Hate", "Love | Hate"),
    ("Brexit | Five things to watch as talks resume", "Brexit | Five things to watch as talks resume"),
    ("Trump | Biden debate draws record audience", "Trump | Biden debate draws record audience"),
    ("Kamala Harris | Her path to the nomination was short", "Kamala Harris | Her path to the nomination was short"),
])
def test_any_sections_name_set_off_by_a_bar_before_a_headline_is_left_off(line, headline):
    """A section's name and a bar before a headline are left off it; a topic or a person before a bar is the
    headline's own ("Brexit | …", "Kamala Harris | …")."""
    assert title_text(line) == headline


def test_a_list_of_the_latest_stories_with_their_ages_is_neither_headline_nor_body():
    """Other stories listed with how long ago each went up ("… - 16 mins ago") are passed over: the headline
    under them heads the page and its first paragraph opens the body."""
    latest = "\n-\n".join(f"{title} - {age}" for title, age in [
        ("Council votes to close the old library", "16 mins ago"), ("Floods cut the coast road again", "42 mins ago"),
        ("Two climbers rescued from the north face", "about 1 hour ago"), ("Port strike enters its third week", "2 hours ago"),
    ])
    parsed = parse(f"-\n{latest}\n{HEADLINE}\n{BODY}")
    assert parsed.title == HEADLINE
    assert body(parsed)[0].startswith("Shelling resumed")
    assert kinds.listed_with_age("Port strike enters its third week · about 1 hour ago")
    assert not kinds.listed_with_age("Residents say the shelling began a week ago")


@pytest.mark.parametrize("logo", ["The Harbour Logo", "Kettle River Sentinel Logo Kettle River Sentinel Logo", "KXYZ logo"])
def test_a_logos_alt_text_is_furniture_not_the_headline(logo):
    """A logo's alt text over the page ("The Harbour Logo") is furniture: the headline under it heads the page."""
    assert kinds.is_chrome(logo)
    assert parse(f"{logo}\n\n{HEADER}{BODY}").title == HEADLINE


def test_a_pictures_alt_text_naming_what_it_is_does_not_open_the_body():
    """“Picture of a mural over the old gate.” under the headline is the picture's alt text: the body opens after it."""
    parsed = parse(f"{HEADER}Picture of a mural of the harbour painted over the old gate.\n\n{BODY}")
    assert body(parsed)[0].startswith("Shelling resumed")


def test_a_writer_of_four_names_with_their_job_is_the_author():
    """“Tsi Tsi Ki Gonzalez, Reporter”: four capitalised names read as a headline alone, but with a job after the
    comma they are a writer's; four capitalised words alone stay no one."""
    parsed = parse(f"{HEADLINE}\n\nAna Maria Luz Ferreira, Reporter\n\n12 March 2024\n\n{BODY}")
    assert parsed.author == "Ana Maria Luz Ferreira"
    assert body(parsed)[0].startswith("Shelling resumed")
    assert persons.bare_name("Police Arrest Three Men") is None


def test_a_headline_over_a_section_the_outlet_and_a_byline_without_by_is_no_banner():
    """Headline / “WORLD” / “CTV” / “Jo Lee, The Canadian Press” / date: the writer's name with their agency under
    the labels is the byline, not another headline under a banner; the first line is the headline."""
    parsed = parse(f"{HEADLINE}\n\nWORLD\nCTV\n\nJo Lee, The Canadian Press\nPublished Monday, March 11, 2024\n\n{BODY}")
    assert (parsed.title, parsed.author, parsed.published_on) == (HEADLINE, "Jo Lee", date(2024, 3, 11))
    assert persons.name_line("Jo Lee, The Canadian Press") and not persons.name_line("Elon Musk, Tesla chief, sells shares")


def test_a_sites_motto_over_a_headline_shown_twice_is_not_the_headline():
    """“Harbour Talks — News. Updates. Events” over a line shown twice (the page's title, then its heading): the line
    shown twice is the headline, not a deck under the motto."""
    parsed = parse(f"Skip to main content\n\nHarbour Talks — News. Updates. Events\n\n{HEADLINE}\n\n{HEADLINE}\n\n{BODY}")
    assert parsed.title == HEADLINE
    assert body(parsed)[0].startswith("Shelling resumed")


def test_a_link_over_its_teaser_cut_short_is_not_confirmed_as_the_headline():
    """A product's or another story's link over its teaser cut short, above the page's headline with its deck and
    credits, is neither confirmed as the headline nor taken with its teaser: the headline under them is."""
    headline = "What a week on the ward taught one nurse"
    parsed = parse("FREE e-Newsletter\n\nThe Field Medic's Pocket Guide - Harbour Books\n"
                   "This handy spiral-bound guide offers examples showing how triage is...\n\n\n"
                   f"{headline}\n\nThe ceasefire held, but the wounded kept coming to the ward all week.\n\n"
                   f"March 12, 2024 | by Jane Doe\n\n{BODY}")
    assert (parsed.title, parsed.title_confirmed) == (headline, True)


def test_a_sentence_under_a_short_line_with_credits_under_it_is_never_sure():
    """“Night shift” / “The ceasefire held, but …” / credits: a short headline over its deck, or a label over a
    headline in a sentence; whichever is taken, the page waits for an editor with both lines named."""
    parsed = parse(f"Night shift\n\nThe ceasefire held, but the wounded kept coming to the ward all week.\n\n"
                   f"March 12, 2024 | by Jane Doe\n\n{BODY}")
    assert not parsed.title_confirmed
    assert {parsed.title, parsed.title_rival} == {"Night shift", "The ceasefire held, but the wounded kept coming to the ward all week."}


def test_a_byline_in_capitals_with_the_job_glued_on_is_the_author_not_the_headline():
    """“JO LEE STAFF REPORTER” under the headline: the writer, in capitals, with the job; a shout stays no one."""
    parsed = parse(f"Toronto Ledger ePaper\n\n{HEADLINE}\n\nJO LEE STAFF REPORTER\n\n{BODY}")
    assert (parsed.title, parsed.author) == (HEADLINE, "JO LEE")
    assert persons.bare_name("OH NO") is None


@pytest.mark.parametrize("line", ["Surrey Street, Balby", "Market Square, Leeds", "Kings Road, Chelsea"])
def test_a_streets_name_is_no_ones(line):
    """A place's caption ("Surrey Street, Balby") under the headline is not a byline; a writer may be called Street."""
    assert persons.bare_name(line) is None
    assert parse(f"{HEADLINE}\n\n{line}\n\n{BODY}").author is None
    assert parse(f"{HEADLINE}\n\nBy Chris Street\n\n12 March 2024\n\n{BODY}").author == "Chris Street"


@pytest.mark.parametrize("line", ["Times Reporter", "Daily Nation Correspondent", "Herald Writer"])
def test_the_papers_own_reporter_is_a_credit_naming_no_one(line):
    """“Times Reporter” credits the paper's staff: no one's name, never the headline."""
    parsed = parse(f"{HEADLINE}\n\n{line}\n\n12 March 2024\n\n{BODY}")
    assert (parsed.title, parsed.author) == (HEADLINE, None)
    assert kinds.GENERIC_BYLINE.match(line)


def test_a_headline_looking_back_some_years_is_no_posting_time():
    """“15 years ago in Srebrenica” is a headline, not the furniture of when a post went up ("2 hours ago")."""
    headline = "15 years ago in Srebrenica"
    assert parse(f"{headline}\n\n{BODY}").title == headline
    assert not kinds.is_chrome(headline) and kinds.is_chrome("2 hours ago")


def test_a_page_title_naming_the_site_first_with_a_dash_gives_way_to_the_headline_shown_again():
    """“Harbour Telegram News - <headline>” over the headline on its own line: the headline without the site."""
    parsed = parse(f"Harbour Telegram News - {HEADLINE}\n\n{HEADLINE}\n\n{BODY}")
    assert parsed.title == HEADLINE


def test_a_byline_with_a_serial_comma_keeps_every_writer_as_written():
    """“By A, B, and C”: all three, the comma before “and” kept as the page gives it."""
    assert kinds.byline("By Alexandria Quinn, Meg Dalton, and Karen K. Ho") == "Alexandria Quinn, Meg Dalton, and Karen K. Ho"
    assert kinds.byline("By Jane Doe and Jo Lee") == "Jane Doe and Jo Lee"


def test_a_photo_credit_labelled_credit_is_never_the_headline():
    """“Credit: Jo Lee” over the picture and again under it is a credit, not the headline under it."""
    parsed = parse(f"Reporter: Here is why we write about the war\n\nCredit: Jo Lee\n\nCredit: Jo Lee\n\n{BODY}")
    assert parsed.title == "Reporter: Here is why we write about the war"


def test_a_disclaimer_before_the_text_does_not_open_the_body():
    """“Disclaimer: …” under the headline is a note about the post, not its first paragraph."""
    parsed = parse(f"{HEADER}Disclaimer: I am doing well now and have the help I need; this is only my story.\n\n{BODY}")
    assert body(parsed)[0].startswith("Shelling resumed")


def test_content_notes_in_a_sentence_are_a_warning():
    """“Content notes apply for descriptions of …” ends a paragraph as a warning to the reader."""
    line = "Content notes apply for descriptions of torture and of a death in custody."
    parsed = parse(f"{HEADER}I wrote this a year after the trial ended. {line}\n\n{BODY}")
    assert parsed.stated_warnings == (line,)


def test_a_long_warning_in_brackets_before_the_text_on_its_line():
    """“[POTENTIAL TRIGGER WARNING: … instead.] I'm …”: the warning in its brackets, whatever its length, then the
    text it stood before on the same line opens the body."""
    warning = ("POTENTIAL TRIGGER WARNING: I have tried to write about all of this as carefully as I can, but if you are "
               "sensitive to discussions of self-harm and think you may be triggered by any of what follows then please "
               "don't read it, and come back for the next post instead, which is about the garden and nothing else at all.")
    text = "I am asked every day what recovery is like. " * 12
    parsed = parse(f"{HEADER}[{warning}] {text}\n\n{BODY}")
    assert parsed.stated_warnings == (warning,)
    assert body(parsed)[0].startswith("I am asked every day")


def test_a_label_that_is_a_sentence_then_the_post_saying_what_it_is():
    """“Trigger warning. This is a serious post about …”: one warning, the post's words about itself included."""
    line = "Trigger warning. This is a serious post about a very uncomfortable topic."
    assert cautions.warning(line).statement == line
    assert cautions.warning("Warning. This is the last post of the year.") is None


@pytest.mark.parametrize("line, day", [
    ("/ 4 hours ago February 20, 2018", date(2018, 2, 20)),
    ("07.07.14 32 Comments", date(2014, 7, 7)),
    ("12 March 2024 No comments", date(2024, 3, 12)),
])
def test_a_date_with_how_long_ago_before_it_or_the_comments_after_it(line, day):
    """How long ago a post went up before its date, or its comment count after it, leave the date readable."""
    assert dates.date_line(line).day == day


@pytest.mark.parametrize("line, author", [
    ("Byline: Gary V. Murray", "Gary V. Murray"),
    ("By Veronica Schmidt of RNZ", "Veronica Schmidt"),
    ("By Jo Lee of the Harbour Times", "Jo Lee"),
])
def test_a_byline_labelled_byline_or_naming_the_writers_outlet_after_of(line, author):
    """“Byline: …” is a byline's label (not “By” glued to a name), and “of RNZ” after the name is the outlet."""
    assert kinds.byline(line) == author


def test_a_writers_name_run_into_the_time_over_it_is_read_apart():
    """“Published: … | 12:08 AMJo Lee/Harbour Writer”: the date line and the writer, read apart."""
    parsed = parse(f"{HEADLINE}\n\nPublished:Tuesday | June 25, 2024 | 12:08 AMJo Lee/Harbour Writer\n\n{BODY}")
    assert (parsed.author, parsed.published_on) == ("Jo Lee", date(2024, 6, 25))


def test_a_number_run_into_a_bylines_last_name_is_left_off():
    """“By Rony J. El Daccache02”: the comment count run into the name is no part of it."""
    assert kinds.byline("By Rony J. El Daccache02") == "Rony J. El Daccache"


def test_an_outlets_name_before_the_date_is_no_author():
    """“China Daily | Updated: 2018-08-20 07:31” credits the paper, not a writer: no author (and nothing published
    under the paper's name as its writer)."""
    parsed = parse(f"{HEADLINE}\n\nHarbour Daily | Updated: 2018-08-20 07:31\n\n{BODY}")
    assert (parsed.author, parsed.published_on) == (None, date(2018, 8, 20))
    assert kinds.byline("Geordie (A) | 30.07.2010 16:44") == "Geordie (A)"


@pytest.mark.parametrize("line, statement, rest", [
    ("WARNING: GRAPHIC CONTENT - Militiamen fired on the crowd as it fled", "WARNING: GRAPHIC CONTENT",
     "Militiamen fired on the crowd as it fled"),
    ("WARNING: CCTV FOOTAGE - Some viewers may find this distressing",
     "WARNING: CCTV FOOTAGE - Some viewers may find this distressing", ""),
    ("Warning: CCTV - Some viewers may find this distressing", "Warning: CCTV - Some viewers may find this distressing", ""),
])
def test_a_warning_in_capitals_then_a_dash_and_the_story(line, statement, rest):
    """“WARNING: GRAPHIC CONTENT - Militiamen fired …”: the warning is the phrase in capitals; the story's words after
    the dash are not part of it (words that still warn, “Some viewers may find this distressing”, are)."""
    stated = cautions.warning(line)
    assert (stated.statement, stated.rest) == (statement, rest)


@pytest.mark.parametrize("line, author", [
    ("By Myriam Dent, McGill University", "Myriam Dent"),
    ("By Verena Muck, Ruhr-Universität Bochum", "Verena Muck"),
    ("By Jane Doe, Mark Smith and Ann Lee", "Jane Doe, Mark Smith and Ann Lee"),
])
def test_where_a_writer_works_after_the_comma_is_no_other_writer(line, author):
    """A university or a hospital after a writer's name and a comma is where they work, not a second writer."""
    assert kinds.byline(line) == author


def test_a_deck_shown_twice_under_the_headline_does_not_displace_it():
    """A deck the page gives twice (its text and its description) under the headline: the headline stays; only a site's
    name or motto over a line shown twice gives way to it."""
    deck = "Talks ran through the night as both sides traded accusations"
    parsed = parse(f"{HEADLINE}\n\n{deck}\n\n{deck}\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}")
    assert parsed.title == HEADLINE


@pytest.mark.parametrize("paragraph", [
    "If you just want the recipe, skip ahead to the card at the bottom of this post.",
    "You can skip this post if you already know how the scheme works; the next one covers the changes.",
])
def test_leaving_the_reader_to_skip_what_does_not_hurt_is_no_warning(paragraph):
    """“Skip ahead to the recipe” or “skip this post if you know the scheme” warns of nothing: no warning, and the
    paragraph stays the body's."""
    parsed = parse(f"{HEADER}{paragraph}\n\n{BODY}")
    assert parsed.stated_warnings == ()
    assert body(parsed)[0] == paragraph


@pytest.mark.parametrize("label, words", [
    ("Content warning:", "The council voted on Tuesday to close the library, ending a debate that lasted three years."),
    ("Warning:", "Roads will be closed from Monday while the bridge is repaired."),
])
def test_a_label_alone_over_words_that_speak_of_no_harm_is_not_run_into_them(label, words):
    """A label alone on its line over a paragraph that speaks of no harm or distress is not joined to it: the
    paragraph stays the body's."""
    assert cautions.labels_joined([label, words]) == [label, words]
    assert any(text.startswith(words[:30]) for text in body(parse(f"{HEADER}{label}\n{words}\n\n{BODY}")))


def test_a_sentence_about_the_story_after_a_labelled_warning_stays_the_body():
    """“CONTENT WARNING: war. This story was reported from Kharkiv …”: the warning is the label and its topic; the
    sentence about the story opens the body (only after a label that is a sentence of its own does “This is a … post
    about …” belong to the warning)."""
    parsed = parse(f"{HEADER}CONTENT WARNING: war. This story was reported from Kharkiv over three weeks in March.\n\n{BODY}")
    assert parsed.stated_warnings == ("CONTENT WARNING: war.",)
    assert body(parsed)[0].startswith("This story was reported from Kharkiv")


@pytest.mark.parametrize("headline", ["Twitter Unveils New Logo", "Olympics Unveil Paris 2024 Logo", "Gap Drops New Logo"])
def test_a_headline_about_a_logo_is_no_logos_alt_text(headline):
    """A headline about a logo is a headline, not a logo's alt text."""
    assert not kinds.is_chrome(headline)
    assert parse(f"{headline}\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}").title == headline


@pytest.mark.parametrize("paragraph", [
    "Image of the president shaking hands with the rebel leader went viral on Tuesday, officials said.",
    "Photo of the Day winners were announced on Tuesday by the city council at a ceremony in the town hall.",
])
def test_a_first_paragraph_opening_with_a_pictures_name_is_kept(paragraph):
    """A first paragraph that opens "Image of …" or "Photo of …" but says something is the body's, not alt text."""
    assert body(parse(f"{HEADER}{paragraph}\n\n{BODY}"))[0] == paragraph


def test_a_dateline_with_a_dash_then_the_date():
    assert dates.date_line("Madrid - 17 SEPT 2023 - 21:45 CEST").day == date(2023, 9, 17)


def test_a_date_only_at_the_foot_on_a_publication_line():
    """A magazine's review dated only under the article ("Posted 3rd October 2024 in Reviews"); a comment's date
    under it is no publication line."""
    parsed = parse(f"{HEADLINE}\n\nWords: Sam Lee\n\n{BODY}\nPosted 3rd October 2024 in Reviews\n\n"
                   "2 comments:\nAnonymous said...\n7 October 2024 at 08:02\n")
    assert parsed.published_on == date(2024, 10, 3)


def test_two_publication_days_at_the_foot_give_no_date():
    parsed = parse(f"{HEADLINE}\n\nWords: Sam Lee\n\n{BODY}\nPublished 3 October 2024\n\nPublished 9 May 2021\n")
    assert parsed.published_on is None


def test_a_headline_under_a_question_in_capitals_is_never_published_for_sure():
    """'SINKING FEELING?' over a longer line: a pun may be the headline, so an editor is shown both."""
    parsed = parse("SPORT\nSINKING FEELING?\nWomen's first eight capsize at the regatta — then come back to win the plate\n"
                   f"Words by Priya Natarajan\n19.03.2023\n{BODY}")
    assert parsed.title == "SINKING FEELING?" or (not parsed.title_confirmed and parsed.title_rival == "SINKING FEELING?")


def test_a_blogs_name_and_its_motto_sentence_over_its_menu_are_no_headline():
    parsed = parse("Notes from Kharkiv\nA volunteer medic's diary. Not journalism, just what I see.\n"
                   "Home   About me   Donate for tourniquets   Archive\nSaturday, March 1, 2025\n"
                   f"Forty hours at the stabilisation point\n{BODY}\nPosted by Oksana at 9:14 PM\n")
    assert parsed.title == "Forty hours at the stabilisation point"


# --- a ticker over the masthead, the site's name before the page's title, captions credited in other ways --------


def test_a_ticker_over_the_sites_name_and_motto_is_no_headline():
    title = "Surfer bitten by shark at Gracetown survives after mates drag him to shore"
    parsed = parse("southwestvoice.com.au\nHOME | NEWS | SPORT | COMMUNITY\nWednesday, January 21, 2026\n"
                   "BREAKING: Bussell Highway closed near Capel after truck rollover\nSOUTH WEST VOICE\nYour region. Your news.\n"
                   f"Local News\n{title}\nJack Brennan\n21/01/2026\n{BODY}")
    assert parsed.title == title


def test_an_alert_in_capitals_over_the_headline_is_no_headline():
    title = "Police: Man killed, teen wounded in shooting outside Aurora convenience store"
    parsed = parse("KXRV 7 NEWS\nFIRST ALERT WEATHER DAY: Winter storm warning for Front Range through Thursday morning\n"
                   f"Closings & Delays (14)\n{title}\nBy Kayla Moreno\nPublished: Jan. 14, 2026 at 6:12 AM MST\n{BODY}")
    assert (parsed.title, parsed.author) == (title, "Kayla Moreno")


def test_a_page_title_naming_the_site_first_gives_way_to_the_headline_under_it():
    title = "Emergency department waits hit record in Ontario, report finds"
    parsed = parse(f"The Ottawa Ledger | {title}\nMenu\nTHE OTTAWA LEDGER\nCanada's capital, since 1911\nHEALTH\n{title}\n"
                   f"By Priya Raman and Étienne Lavoie\nPublished February 3, 2026\n{BODY}")
    assert (parsed.title, parsed.author) == (title, "Priya Raman and Étienne Lavoie")


@pytest.mark.parametrize("line", [
    "The minister said the rule [Section 4, Part B] applies.", "The vote passed. Foto finish for the mayor",
])
def test_running_text_with_brackets_or_the_word_photo_is_no_caption(line):
    assert not endings.is_caption(line)


@pytest.mark.parametrize("line", [
    "Lecture 4 min.", "Lesezeit: 3 Min.", "1.2K reactions · 214 comments", "Dé Luain",
    "We have detected you are using an ad blocker. Please consider supporting local journalism.",
])
def test_more_furniture(line):
    assert kinds.is_chrome(line)


def test_bylines_filed_from_places_and_a_reporting_team():
    assert persons.bare_name("Helena Marsh in Amman and Karim Deeb in Qasr Alun") == "Helena Marsh and Karim Deeb"
    assert kinds.byline("Reporting team: Oliver Brand, Priya Nair and Sam Whitley") == "Oliver Brand, Priya Nair and Sam Whitley"


def test_a_help_line_saying_support_is_available_never_opens_the_body():
    first = "Every Sunday for two years, Gloria Lightfoot has driven the same stretch of highway north of Prince Lake."
    parsed = parse(f"{HEADLINE}\n\nBy Aaron McLeod\n\n12 March 2024\n\n"
                   f"Support is available 24 hours a day through the national hope line at 1-855-242-3310.\n\n{first}\n\n{BODY}")
    assert " ".join(block_text(parsed.blocks[0]).split()) == first


# --- the review's cases: what must stay the article's ------------------------------------------------------------


def test_headings_naming_a_film_and_its_year_are_kept():
    parsed = parse(f"{HEADLINE}\n\nBy Sam Lee\n\n12 March 2024\n\nThe summer's two big films could not be less alike.\n\n"
                   "Barbie (2023)\n\nA bright comedy about a doll who leaves her world, and about the people who made her.\n\n"
                   "Oppenheimer (2023)\n\nThree hours on the man who built the bomb, and on what it cost him to do it.\n")
    texts = [" ".join(block_text(block).split()) for block in parsed.blocks]
    assert "Barbie (2023)" in texts and texts[-1].startswith("Three hours on the man")


def test_a_numbered_list_closing_the_article_is_kept():
    parsed = parse(f"{HEADLINE}\n\nBy Sam Lee\n\n12 March 2024\n\n{BODY}\nWhat the volunteers will do next, the council said.\n\n"
                   "1. Clear the fallen trees\n2. Rebuild the banks\n3. Relay the path\n")
    assert "Relay the path" in " ".join(block_text(block) for block in parsed.blocks)


@pytest.mark.parametrize("stanza", [
    "we buried them at dawn,\nunder the olive trees,\nno names, no stones",
    "And still the river rises;\nand still the houses go,\nand no one comes",
])
def test_a_poem_closing_the_article_is_kept(stanza):
    """A stanza quoted at the end, its lines carried on by commas and with no full stop, is the article's; the page's
    links after it are not, nor a desk's address set with commas."""
    parsed = parse(f"{HEADLINE}\n\nBy Sam Lee\n\n12 March 2024\n\n{BODY}\nShe left us these lines, written the night before.\n\n"
                   f"{stanza}\n\nShare this article\n")
    text = " ".join(block_text(block) for block in parsed.blocks)
    assert stanza.splitlines()[-1] in text and "Share this article" not in text
    footer = parse(f"{HEADLINE}\n\nBy Sam Lee\n\n12 March 2024\n\n{BODY}\nNews Desk,\nCity Hall, 1 Main Street,\nRiverton\n")
    assert "City Hall" not in " ".join(block_text(block) for block in footer.blocks)


@pytest.mark.parametrize("line, promotion", [("Follow The Manila Chronicle", True), ("Follow the money", False)])
def test_follow_prompts_name_the_outlet_in_capitals(line, promotion):
    assert bool(kinds.PROMOTION.search(line)) is promotion


def test_a_first_paragraph_about_the_author_is_no_aside():
    assert kinds.is_opening_aside("Writer is a lawyer and human rights researcher based in Lahore.")
    assert not kinds.is_opening_aside("The author is the first to admit the plan has flaws.")


def test_a_date_line_in_two_parts_giving_two_days_gives_none():
    assert dates.date_line("16 juillet 2024 / July 17, 2024") is None
    assert dates.date_line("16 juillet 2024 / July 16, 2024").day == date(2024, 7, 16)


def test_two_writers_each_with_a_job_on_a_line_of_their_own():
    parsed = parse("NEWS\nHundreds march on Wexler Hall as trustees approve tuition increase\n"
                   "Students say the increase will push out lower-income students\nDevon Whitaker, News Editor\n"
                   f"Marisol Ortega, Staff Writer\nFebruary 6, 2025\n{BODY}")
    assert parsed.author == "Devon Whitaker and Marisol Ortega"


@pytest.mark.parametrize("line, day", [
    ("Almería, 17/05/2023 - 12:45 h. Actualizado: 17/05/2023 - 13:10 h.", date(2023, 5, 17)),
    ("21.10.2023, 10:15 Uhr (Stand: 21.10.2023, 16:02 Uhr)", date(2023, 10, 21)),
])
def test_a_date_with_its_update_in_another_language(line, day):
    assert dates.date_line(line).day == day


def test_a_paragraph_quoting_warnings_as_examples_states_none():
    """An opinion piece opening on the warnings videos carry ("Contains graphic content" or "Viewer discretion
    advised") states no warning of its own, and its first paragraph is the body's."""
    opening = ('Most videos of attacks like the ones released this week carry a warning: "Contains graphic content" or '
               '"Viewer discretion advised" or similar. What appears next on the screen should disturb every viewer.')
    parsed = parse(f"{HEADER}{opening}\n\n{BODY}")
    assert parsed.stated_warnings == ()
    assert body(parsed)[0].startswith("Most videos of attacks")


@pytest.mark.parametrize("promotion", [
    "Hub for trusted, timely coverage of the season's football",
    "Listen to live music shows and more on our partner station",
    "Want to advertise with the Northern Courier?",
    "We have noticed an issue with your subscription billing details. Please update your billing details here",
])
def test_a_line_over_the_headline_that_the_article_never_speaks_of_is_not_the_headline(promotion):
    """A site's promotion, motto or notice over the headline, in words the article under it never uses, loses to
    the headline, whose words the article's first paragraphs tell."""
    text = page(
        promotion,
        "Dam breach floods three villages as rescuers search for the missing",
        "Rescuers searched flooded villages on Tuesday after a dam breach sent water through three villages in "
        "the valley, officials said.",
        "The breach came after a week of heavy rain, and the missing include two children, the officials said.",
        "Boats carried families from the rooftops of the flooded villages through the night.",
    )
    assert parse(text).title == "Dam breach floods three villages as rescuers search for the missing"


def test_a_deck_taken_over_the_headline_the_old_rule_confirms_is_never_sure():
    """When the line taken for the headline stands just under the one the first-line rule confirms, the two may
    be a headline and its deck: the page waits for an editor, with both named."""
    parsed = parse(page(
        "Who decides what a city remembers?",
        "Three historians on the statues, plaques and street names of the harbour town",
        "Words: Priya Nair",
        "12 February 2024",
        "On the corner of Quay Street there is an empty stone plinth where a merchant's statue stood for a hundred "
        "and forty years.",
        "Historians say the statues and street names of the harbour town were chosen by a handful of men.",
    ))
    assert not parsed.title_confirmed
    assert "Who decides what a city remembers?" in {parsed.title, parsed.title_rival}


# --- the second review's cases: what must stay the article's ---------------------------------------------------


def test_a_headline_opening_with_archives_stays_the_headline():
    headline = "Archives: The Letters That Changed a City"
    parsed = parse(f"{headline}\n\nBy Jane Doe\n\n12 March 2024\n\n{BODY}")
    assert parsed.title == headline and body(parsed)[0].startswith("Shelling resumed")


def test_a_paragraph_opening_thanks_for_reading_does_not_end_the_article():
    line = "Thanks for reading the plans, the leader told residents, who will be able to comment until May."
    assert len(body(parse(f"{HEADER}{line}\n\n{BODY}"))) == 3


@pytest.mark.parametrize("line, author", [("By Byron Pitts", "Byron Pitts"), ("By Bynum Okafor", "Bynum Okafor")])
def test_a_name_beginning_by_is_no_doubled_by(line, author):
    assert kinds.byline(line) == author


@pytest.mark.parametrize(
    "tail",
    [
        "Share this\n\nRelated\nLibrary hours extended\nTags: Libraries, Culture",
        "Leave a comment\n" + "\n".join(f"Another story's line number {n} with a few more words in it." for n in range(14))
        + "\nCategories\nNews\nSport\nBusiness",
    ],
    ids=["related-storys-tags", "sites-category-widget"],
)
def test_tags_from_another_story_or_the_sites_widgets_are_not_the_articles(tail):
    assert parse(f"{HEADER}{BODY}\n{tail}\n").tags == ()


def test_a_sentence_opening_posted_in_gives_no_tags():
    line = "Posted in Kabul, Herat and Mazar, she learned Dari in two years of service there."
    parsed = parse(f"{HEADER}{line}\n\n{BODY}")
    assert parsed.tags == () and body(parsed)[0] == line


def test_a_sentence_about_a_newsletter_under_a_sign_up_box_is_kept():
    line = "The council's own newsletter, sent to every home, did not mention the cuts at all."
    texts = body(parse(f"{HEADER}{BODY}\nSign up to our morning newsletter\n{line}\n\n{LATER}"))
    assert line in texts and texts[-1].startswith("Campaigners said the decision")


@pytest.mark.parametrize("line", ["— The Guardian Angels Trust", "Run by one family since 1952"])
def test_an_organisations_name_or_a_subheading_with_a_year_stays(line):
    assert line.lstrip("— ") in " ".join(body(parse(f"{HEADER}The shop opened in 1952 on the corner of Mill Street.\n\n{line}\n\n{BODY}")))


def test_an_infographics_graphic_kicker_is_no_warning():
    assert parse(f"GRAPHIC: How the floodwater spread through the valley\n\n12 March 2024\n\n{BODY}").stated_warnings == ()
