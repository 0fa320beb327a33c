"""The importer's stages, each on short pages the project writes itself in the shapes news sites use:
what a line is (dates, bylines, warnings), which line is the headline, where the body starts and ends.
Pure: no database. The corpus score is in tests/test_importer_corpus.py."""

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from articles.importing import block_text, parse_source
from articles.importing import cautions
from articles.importing import dates
from articles.importing import endings
from articles.importing import lines as kinds
from articles.importing import persons


def parse(text, **options):
    return parse_source(text.encode("utf-8"), "page.txt", **options)


def first_text(parsed):
    return block_text(parsed.blocks[0]) if parsed.blocks else ""


BODY = "Shelling resumed before dawn on Tuesday, residents of the northern districts said, after a week of calm.\n\nAid convoys were turned back at the bridge.\n"

# --- dates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("2 March 2021", date(2021, 3, 2)),
        ("Tue Mar 3, 2026 07:05 AM Last update on: Tue Mar 3, 2026 11:20 AM", date(2026, 3, 3)),  # the first, not the update
        ("March 2, 2021", date(2021, 3, 2)),
        ("2nd March 2021", date(2021, 3, 2)),
        ("02/03/2021", date(2021, 3, 2)),  # day first unless the site is month-first
        ("2021-03-02", date(2021, 3, 2)),
        ("Tue 2 Mar 2021 10.04 GMT", date(2021, 3, 2)),
        ("Published: 2 March 2021", date(2021, 3, 2)),
        ("Published 2 March 2021 | Updated 9 March 2021", date(2021, 3, 2)),
        ("Last Updated: Tuesday, 2 March 2021, 10:04 GMT 11:04 UK", date(2021, 3, 2)),
        ("22:51, Mar 2 2021", date(2021, 3, 2)),
        ("March 2, 2021 in World/Middle East", date(2021, 3, 2)),
        ("02.03.2021 16:44", date(2021, 3, 2)),
        ("Published online March 2, 2021", date(2021, 3, 2)),
        ("By Jane Doe - Mar 2,2021 - Last updated at Mar 3,2021", None),  # (a byline: the header reads its date)
        ("[personal profile] jdoe posted on March 2nd, 2021 at 09:12 pm", date(2021, 3, 2)),
        ("Discussion in 'Help' started by jdoe, 2 March 2021.", date(2021, 3, 2)),
        ("Published 2 Mar 2021 · 48 min", date(2021, 3, 2)),
        ("02 Mar 2021 | 14:32 GMT", date(2021, 3, 2)),
        ("Mar. 2, 2021, 5 a.m. MDT", date(2021, 3, 2)),
        ("Posted Tue, Mar 2, 2021 at 4:12 pm ET | Updated Tue, Mar 2, 2021 at 6:40 pm ET", date(2021, 3, 2)),
        ("2 Mar 2021 - 16:45", date(2021, 3, 2)),
        ("Mar 2,2021", date(2021, 3, 2)),  # no space after the comma
        ("Updated 9 March 2021, first published 2 March 2021", date(2021, 3, 2)),  # an update, then the first publication
        ("Updated: 9 March 2021 (first published 2 March 2021)", date(2021, 3, 2)),
        ("Last updated March 9, 2021; originally published March 2, 2021", date(2021, 3, 2)),
        ("HeadlineJul 05, 2005", date(2005, 7, 5)),  # a label run into the date
        ("August 26, 2016 5:23 pm·0 commentsViews:", date(2016, 8, 26)),  # the counters run into it
    ],
)
def test_date_forms(line, expected):
    """The forms news sites use all give the date."""
    if expected is None:
        assert dates.date_in(line).day == date(2021, 3, 2)  # "Mar 2,2021": no space after the comma
    else:
        assert dates.date_line(line).day == expected


@pytest.mark.parametrize("line", ["3 hours ago", "This was published 9 years ago", "Wed, Nov", "Updated", "31 February 2021",
                                  "March 2", "Shelling resumed on 2 March 2021 in the north.",
                                  "The study, published on 3 March 2021, found that most wells were dry.",
                                  "Posted 3 days ago by jdoe", "Date night ideas for March 3 2024"])
def test_no_date_is_invented(line):
    """Relative dates, dates without a year, impossible dates and dates inside sentences give no date."""
    assert dates.date_line(line) is None


def test_month_first_is_a_setting():
    """A month-first site's 03/02/2021 is 2 March."""
    assert dates.date_line("03/02/2021", month_first=True).day == date(2021, 3, 2)
    assert parse(f"A headline that is long enough\n03/02/2021\n\n{BODY}", month_first=True).published_on == date(2021, 3, 2)


def test_a_date_keeps_its_time_and_zone():
    """When the page gives a time and a zone, the parsed date carries them."""
    parsed = parse(f"Ceasefire talks collapse in the capital\nTue 2 Mar 2021 10.04 GMT\n\n{BODY}")
    assert parsed.published_at == datetime(2021, 3, 2, 10, 4, tzinfo=UTC)
    assert parse(f"Ceasefire talks collapse in the capital\n2 March 2021, 3:42 pm\n\n{BODY}").published_at.hour == 15


def test_first_publication_wins_over_updates():
    """"Published …" then "Updated …" lines: the first publication is the date."""
    parsed = parse(f"Ceasefire talks collapse in the capital\nPublished: 2 March 2021\nUpdated: 9 March 2021\n\n{BODY}")
    assert parsed.published_on == date(2021, 3, 2)


def test_the_sites_today_banner_is_not_the_date():
    """A date at the top of the page, menus away from the headline, is the site's "today", not the article's."""
    page = f"Mon 25 Nov 2024\n\nNewsletter\n• World\n• Politics\nSign in\n\nCeasefire talks collapse in the capital\n\n{BODY}"
    assert parse(page).published_on is None


# --- bylines ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, author",
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and Omar Haddad", "Jane Doe and Omar Haddad"),
        ("By Jane Doe on 19th July 2018 Category: World", "Jane Doe"),
        ("Jane Doe | The Northern Courier", "Jane Doe"),
        ("BY JANE DOE", "JANE DOE"),
        ("By Andrew V. Pestano, Doug G. Ware and Jo Lee", "Andrew V. Pestano, Doug G. Ware and Jo Lee"),
        ("By Rocío Valdenegro Ibarra", "Rocío Valdenegro Ibarra"),  # a second surname
        ("By Lucía Ortiz Villalobos and Kevin Marsh", "Lucía Ortiz Villalobos and Kevin Marsh"),
        ("By Aileen Goh Siew Lan, Straits Desk", "Aileen Goh Siew Lan"),  # a name of four parts
        ("By Omar Haddad Associated Press", "Omar Haddad"),  # an outlet's word never closes a name
        ("By Thea Smith and The Associated Press", "Thea Smith"),  # a writer and a wire
        ("By Ken MeyerApr 3rd, 2022, 9:31 am", "Ken Meyer"),  # the name and the date run together
        ("Compiled by Alexandra Lachine Editor-in-Chief", "Alexandra Lachine"),
        ("Rick Poynor|Essays", "Rick Poynor"),  # a bar without spaces
        ("By Alison Whittaker, Research Fellow", "Alison Whittaker"),
        ("By Grae Stafford Freelance Photographer", "Grae Stafford"),
        ("Ana Reyes, Tom Hale · Coast Radio ·", "Ana Reyes, Tom Hale"),  # listed with a comma: kept as written
        ("By Colm Ó Gallchóir", "Colm Ó Gallchóir"),
        ("Story and photos by Ines Duarte", "Ines Duarte"),
        ("Guest post by Ama Owusu, a resident of the estate and a member of the tenants' association since 2012.", "Ama Owusu"),
        ("Column | Hana Novak-Linde", "Hana Novak-Linde"),
        ("Discussion in 'Evenings' started by MossRoseCarer, 3 October 2023.", "MossRoseCarer"),
        ("[personal profile] quill_and_kettle posted on March 4th, 2014 at 09:12 pm", "quill_and_kettle"),
    ],
)
def test_byline_forms(line, author):
    """Bylines with and without "by", several authors, outlets left out."""
    assert kinds.byline(line) == author


@pytest.mark.parametrize("line", ["By Staff Reporter", "by The Associated Press", "By The Canadian Press", "Photo by Jane Doe", "Video by Omar Haddad", "By our correspondent",
                                  "Directed by Saoirse Lind", "Book Review | The Salt Road by Imogen Fell", "Log in | Register",
                                  "Sign in | Subscribe", "Kisumu | Updated: March 4, 2026 9:10 AM EAT", "Politics | 4 March 2026",
                                  "By morning, emergency crews had restored power to about half of the capital, the mayor said.",
                                  "Detail of the cover of The Long Road Home by Imogen Fell, 2003",
                                  "Published by adviser, Author: The Rocket, Date: November 13, 2014"])  # (a caption: a work and its author)
def test_not_bylines(line):
    """Generic credits and photographers are not authors."""
    assert kinds.byline(line) is None


@pytest.mark.parametrize("line", ["Publish Date", "Rohingya Crisis", "Adblock Detected", "Scam Alert", "Suicide Prevention"])
def test_a_fields_label_or_a_topic_is_no_name(line):
    """A field's label or a topic set in capitals like a name is no one's name."""
    assert persons.bare_name(line) is None


@pytest.mark.parametrize("line, name", [("Aileen Goh Siew Lan", None), ("Police Arrest Three Men", None),
                                        ("Mary Anne van der Berg", "Mary Anne van der Berg"), ("Lucía Ortiz Villalobos", "Lucía Ortiz Villalobos")])
def test_four_capitalised_words_alone_are_no_name(line, name):
    """A line of four capitalised words and nothing else reads as a headline in title case, not a writer's name: a
    name of four parts is read where a byline says "By"."""
    assert persons.bare_name(line) == name


def test_name_alone_with_an_outlet_after_it():
    """A byline without "by" that runs on into the outlet's name gives the people only."""
    parsed = parse(f"Quake toll rises in the south\n\nJohn M. Smith And Rich Cole Los Angeles Times\n\n{BODY}")
    assert parsed.author == "John M. Smith And Rich Cole"


def test_byline_date_on_one_line():
    """"By X on 19th July 2018" gives both the author and the date."""
    parsed = parse(f"Quake toll rises in the south\nBy Jane Doe on 19th July 2018 Category: World\n\n{BODY}")
    assert (parsed.author, parsed.published_on) == ("Jane Doe", date(2018, 7, 19))


def test_quoted_person_in_the_body_is_not_the_author():
    """A name in the body is not a byline: with none in the header there is no author."""
    parsed = parse(f"Quake toll rises in the south\n\n{BODY}\nJane Doe\n\nShe said the water ran out.\n")
    assert parsed.author is None


# --- stated warnings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, statement",
    [
        ("Content warning: this article describes torture.", "Content warning: this article describes torture."),
        ("Content note - suicide and self-harm", "Content note - suicide and self-harm"),
        ("Trigger warning: sexual violence.", "Trigger warning: sexual violence."),
        ("CAUTION: SOME PICTURES BELOW SHOW THE DEAD", "CAUTION: SOME PICTURES BELOW SHOW THE DEAD"),
        ("This report contains survivors' accounts of killings. Please take care while reading.",
         "This report contains survivors' accounts of killings. Please take care while reading."),
        ("CW: death, injury", "CW: death, injury"),
        ("TW: Rape. Please do not share!", "TW: Rape."),
        ("CN: police violence", "CN: police violence"),
        ("***WARNING: graphic images of the dead***", "WARNING: graphic images of the dead"),
        ("[Content Note: racism; police brutality.]", "Content Note: racism; police brutality."),
        ("WARNING GRAPHIC CONTENT", "WARNING GRAPHIC CONTENT"),
        ("STRONG TRIGGER WARNING.", "STRONG TRIGGER WARNING."),
        ("Warning: Graphic Footage", "Warning: Graphic Footage"),
        ("This article will discuss death, suicide and similar themes.", "This article will discuss death, suicide and similar themes."),
        ("This webpage discusses self-harm and suicide, which readers may find upsetting.",
         "This webpage discusses self-harm and suicide, which readers may find upsetting."),
        ("Warning of possible triggers in the discussion below:", "Warning of possible triggers in the discussion below"),
        ("*Please bear in mind this post has a trigger warning. It is about suicide.*",
         "Please bear in mind this post has a trigger warning. It is about suicide."),
        ("WARNING: This gallery contains photos that may disturb: Doctors treat a boy at the hospital.",
         "WARNING: This gallery contains photos that may disturb"),
        # Labels that open other notes too, with what follows speaking of harm; a note kept whole while it goes on
        # about the piece or to the reader, never with a help line's number or an aside.
        ("A note before you read: this issue describes a shelling and the deaths of two children. If you would rather "
         "skip it, the next issue goes out Thursday.",
         "A note before you read: this issue describes a shelling and the deaths of two children. If you would rather "
         "skip it, the next issue goes out Thursday."),
        ("Please note: the section below includes accounts of people trapped in the fire.",
         "Please note: the section below includes accounts of people trapped in the fire."),
        ("Heads up: the game depicts the death of a parent. This review discusses it in general terms.",
         "Heads up: the game depicts the death of a parent. This review discusses it in general terms."),
        ("Before you read on: this letter describes injuries to patients and staff.",
         "Before you read on: this letter describes injuries to patients and staff."),
        ("Editor's note: This post discusses forced marriage and abuse. If you need support, our helpline details are at "
         "the end.", "Editor's note: This post discusses forced marriage and abuse. If you need support, our helpline "
         "details are at the end."),
        ("Viewer discretion: This article describes a video of an assault. We have not embedded the video.",
         "Viewer discretion: This article describes a video of an assault."),
        ("Viewer discretion is advised. The video below contains interviews with relatives of the victims.",
         "Viewer discretion is advised. The video below contains interviews with relatives of the victims."),
        ("This story discusses domestic violence. If you need help, call the helpline on 1560.",
         "This story discusses domestic violence."),
        ("Trigger warning: This piece discusses the loss of a friend. If you are struggling, please call the Lifeline: 0800 543 354",
         "Trigger warning: This piece discusses the loss of a friend."),  # (the help line's colon is not the warning's)
        ("Warning this footage is very graphic.", "Warning this footage is very graphic."),  # (no colon)
        ("Video contains graphic images.", "Video contains graphic images."),
        ("This post is coming with a trigger/content warning: ⚠️ * assault/manipulation/abuse * ⚠️",
         "This post is coming with a trigger/content warning: ⚠️ * assault/manipulation/abuse * ⚠️"),
        ("WARNING EXTREMELY GRAPHIC FOOTAGE: Reports of a gas attack have emerged. " + "The footage was filmed at dawn. " * 30,
         "WARNING EXTREMELY GRAPHIC FOOTAGE"),  # (a label in capitals opening a long paragraph)
        ("Some images in this gallery show the bodies of victims and may be disturbing.",
         "Some images in this gallery show the bodies of victims and may be disturbing."),
        ("This update includes accounts of sexual violence. Some readers may find it distressing.",
         "This update includes accounts of sexual violence. Some readers may find it distressing."),
        ("Content warnings for the book: war violence, death of a child, grief.",
         "Content warnings for the book: war violence, death of a child, grief."),
        ("Cut for a miscarriage. Please skip this one if you need to.", "Cut for a miscarriage. Please skip this one if you need to."),
        ("(Content warning for a fire and a death.) I have lived on the ninth floor of the block for eleven years now.",
         "Content warning for a fire and a death."),
        ("Please note: the section below includes eyewitness accounts of the injured.",
         "Please note: the section below includes eyewitness accounts of the injured."),
        ("(Content warning for a fire and the death of a neighbour.) I have lived here for eleven years.",
         "Content warning for a fire and the death of a neighbour."),
        ("Cut for a miscarriage. Please skip if that is a lot for you right now.",
         "Cut for a miscarriage. Please skip if that is a lot for you right now."),
        ("This update includes survivors' accounts of sexual violence. Some readers may find it distressing.",
         "This update includes survivors' accounts of sexual violence. Some readers may find it distressing."),
        ("Viewer discretion: This article describes a video that shows graphic violence. We have not embedded the video.",
         "Viewer discretion: This article describes a video that shows graphic violence."),  # (what the outlet did: no part of it)
    ],
)
def test_warning_forms(line, statement):
    """Labels with or without a colon, capitals, asterisks, brackets and plain sentences are warnings."""
    assert cautions.warning(line).statement == statement


@pytest.mark.parametrize("line", [
    "Police issued a warning to residents on Tuesday.",
    "Caution: the coast road is closed until Friday.",
    "It started with a warning from the prosecutor that people might want to leave.",
    "Trigger warnings, like the one above, can be alarming for some.",
    "Trigger Warning",
    "The article describes the town's new library.",
    "Warning signs were missed, the inquiry found.",
    "Please note: comments are moderated and may take time to appear.",
    "Please note that the library closes early on Fridays.",
    "Heads up: the market moves to Saturday next week.",
    "Editor's note: This story was updated on Nov. 3 to correct the name of the charity.",
    "Cut for length.",
    "Before you read on, make a cup of tea: this one is long.",
    "Please note: the office is closed on Monday.",
    "Heads up: the bridge is closed until Friday.",
    "Warning this is the last train tonight, the guard said.",
    "This story comes with a warning from the police about scams.",
    "Photos show graphic scenes of destruction across the city after the storm, officials said on Monday.",
])
def test_ordinary_reporting_is_not_a_warning(line):
    """The word "warning" in reporting, or a headline that is literally "Trigger Warning", is not one."""
    assert cautions.warning(line) is None


def test_warning_sharing_a_line_with_the_first_sentence():
    """A warning and the body's first sentence on one line: the warning is stated, the body starts after it."""
    parsed = parse("Why a survivor kept a brick from her school\n\nWarning: This story contains distressing details. "
                   "Boarding schools may seem like history for some people, but for survivors the memories remain.\n")
    assert parsed.stated_warnings == ("Warning: This story contains distressing details.",)
    assert first_text(parsed).startswith("Boarding schools may seem like history")


def test_warning_after_the_first_paragraph():
    """A warning placed after the intro paragraph is still stated, and taken out of the body."""
    parsed = parse("Six hundred lives lost in custody since the inquiry\n\n"
                   "Sitting by the fire, she recalls how her mother was a loved grandmother and a friend to many.\n"
                   "WARNING: This article contains the names and images of people who have died.\n"
                   "She enjoyed dressing up and cooking for the family on Sundays.\n")
    assert parsed.stated_warnings == ("WARNING: This article contains the names and images of people who have died.",)
    assert first_text(parsed).startswith("Sitting by the fire")
    assert "WARNING" not in parsed.body_markdown


def test_a_warning_among_captions_before_the_dateline_is_kept():
    """Captions, then a warning, then the article's dateline: the body starts at the dateline and the warning
    between is still the page's warning, not lost with the captions."""
    parsed = parse("Mourners gather after the mine collapse in Kaltana\n\n"
                   "By Ines Okafor\n"
                   "Posted at Mar 4 2026 10:15 AM\n\n"
                   "Relatives wait outside the mine gate in Kaltana, Dunmore on Tuesday. Tomas Reyes, KTN Online\n\n"
                   "Viewer discretion is advised: some pictures in this story show the bodies of miners.\n\n"
                   "KALTANA – Rescuers brought the bodies of eleven miners to the surface on Tuesday, officials said.\n\n"
                   "The shaft had flooded overnight after heavy rain, the company said.\n")
    assert parsed.stated_warnings == ("Viewer discretion is advised: some pictures in this story show the bodies of miners.",)
    assert first_text(parsed).startswith("KALTANA – Rescuers")


def test_headline_literally_trigger_warning():
    """A post titled "Trigger Warning" keeps it as its headline; the capitals line under it is the warning."""
    parsed = parse("Trigger Warning\n\nSTRONG TRIGGER WARNING.\n\n" + BODY)
    assert parsed.title == "Trigger Warning"
    assert parsed.stated_warnings == ("STRONG TRIGGER WARNING.",)


# --- headlines --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page, title",
    [
        ("Skip to main contentSkip to navigation\n\nCeasefire collapses as shelling resumes\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("logo\nCeasefire collapses as shelling resumes\n\nCeasefire collapses as shelling resumes\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("You are here: Home / World / Middle East / Ceasefire collapses as shelling resumes\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("Northern Courier\nCeasefire Collapses As Shelling Resumes\n" + BODY, "Ceasefire Collapses As Shelling Resumes"),
        ("Thu 25 Apr 2024\n\n2024 newspaper of the year\n\n@ Contact us\n\nLatest\n29m agoTrain strikes called off\n\n"
         "Ceasefire collapses as shelling resumes\n\nThe deck says what happened in one clause\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("WATCH: Rescuers pull a child from the rubble\n\nWarning: Graphic Footage\n\n" + BODY,
         "WATCH: Rescuers pull a child from the rubble"),
        ("BREAKING: Dam bursts upstream of the city\n\n" + BODY, "BREAKING: Dam bursts upstream of the city"),
        ("Not OK\n\n" + BODY, "Not OK"),
        ("Home  My Network  Jobs  Messaging  Notifications  Me  For Business  Try Premium for €0\n\n"
         "Ceasefire collapses as shelling resumes\n\nJane Doe\nPublished Mar 12, 2024\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("Field notes / Sudan\n\nCeasefire collapses as shelling resumes\n\n" + BODY, "Ceasefire collapses as shelling resumes"),
        ("Football › Championship › Harbour Athletic\n\nCeasefire collapses as shelling resumes\n\nBy Jane Doe\n\n"
         "12 March 2024\n\n" + BODY, "Ceasefire collapses as shelling resumes"),
        ("Harbour Daily\nNews\nSport\n\nSTI 3,212.05 ▼ 4.10 | USD/SGD 1.34\n\nCeasefire collapses as shelling resumes\n\n"
         "By Jane Doe\n\n12 March 2024\n\n" + BODY, "Ceasefire collapses as shelling resumes"),
        ("Harbour Daily\n\nJUST IN: Port strike called off • Rand firmer at 18.2 to the dollar\n\n"
         "Ceasefire collapses as shelling resumes\n\nBy Jane Doe\n\n12 March 2024\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("HARBOUR TRIBUNE\nMalaysia's English News Portal\nFriday, 4 December 2026\nBahasa Melayu | English\n\n"
         "Ceasefire collapses as shelling resumes\n\nReporter: Jane Doe\n\n" + BODY, "Ceasefire collapses as shelling resumes"),
        ("Valley Gazette\nWEATHER: 38°F Clear | Frost warning tonight\n\nCeasefire collapses as shelling resumes\n\n"
         "By Jane Doe\n\n12 March 2024\n\n" + BODY, "Ceasefire collapses as shelling resumes"),
        ("RIVERVALE RAG\nFree since 1994. Still free. Mostly.\nNews\nArts\nMusic\nEvents\nOpinion\n\nLast Call at the Northern Districts\n\n"
         "By Cass Doe\n\n" + BODY + "\n© 2024 Rivervale Rag Media Co-op\n", "Last Call at the Northern Districts"),
        ("The Daily Flame\nHOT TOPICS: Elections | Weather | Christmas | Football\nWIN £5,000 IN OUR FESTIVE GIVEAWAY - ENTER NOW\n\n"
         "'WE HEARD THE ROOF GIVE WAY'\nFamily of five escape as storm brings down their roof in the night\n"
         "By Jane Doe, Senior Reporter\n12 March 2024\n\n" + BODY,
         "Family of five escape as storm brings down their roof in the night"),
        ("Valley Bank: Home loans from 9.5% – Apply now\n\nCeasefire collapses as shelling resumes\n\n12 March 2024\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("Ayiti Direct\nPort-au-Prince, le vendredi 4 décembre 2026\nSearch this blog...\nViews: 5 412\n\n"
         "Ceasefire collapses as shelling resumes\n\nBy Jane Doe\n\n12 March 2024\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("Harbour Direct\nFLASH ▸ Fuel runs short in the north ▸ Airport reopens to commercial flights ▸ Rain expected all week\n"
         "Latest: Airstrike hits school in the east | Curfew extended in the capital for a week\n"
         "Sunday Edition out now - Listen to our weekly politics podcast\n\n"
         "Ceasefire collapses as shelling resumes\n\nBy Jane Doe\n\n12 March 2024\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("Flash floods kill 12 in the valley\n\nBy Jane Doe\n\n12 March 2024\n\nFlash floods swept through the valley. " + BODY,
         "Flash floods kill 12 in the valley"),
        ("Watch Live Harbour News\nLIVE\nUrdu\nNews  World  Business  Sports  Health\nBreaking News\n"
         "Ceasefire collapses as shelling resumes\nHarbour News\n4 hours ago\nShare  Tweet  WhatsApp\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("Skip to main content\nMenu ☰  Search 🔍\nQuick links: Report a problem | Pay online | Opening hours | Contact us\n"
         "Advertise with us — reach thousands of local readers every week\nShelter hours: Tue–Sun 11–6\n\n"
         "Ceasefire collapses as shelling resumes\n\nBy Jane Doe\n\n12 March 2024\n\n" + BODY,
         "Ceasefire collapses as shelling resumes"),
        ("The Valley Ledger\nHyperlocal news for the northern districts\n\nSubscribe   Sign in\n\n"
         "Ceasefire collapses as shelling resumes\nWhat we know about the shelling in the north.\n\nJane Doe\n"
         "Mar 12, 2024\n\n" + BODY, "Ceasefire collapses as shelling resumes"),
    ],
    ids=["skip-links", "repeated", "breadcrumb", "site-name-above", "ticker-and-banner", "watch-label", "breaking", "short",
         "menu-row-is-no-breadcrumb", "section-trail-with-slash", "section-trail-with-arrows", "market-strip",
         "ticker-strip-with-bullets", "motto-and-language-picker",
         "weather-strip", "copyright-holder-at-the-head",
         "tabloid-topics-giveaway-and-quote-over-headline", "advert-with-a-call-to-act",
         "date-in-french-placeholder-and-counter", "stories-side-by-side-and-a-podcast", "flash-is-no-label-without-a-colon",
         "outlet-and-relative-time-under-the-headline", "menu-symbols-link-row-advert-and-hours",
         "motto-over-subscribe-prompt"],
)
def test_headline_arrangements(page, title):
    """The headline is found after menus, skip links, tickers and site names, repeated, in a breadcrumb, with a label."""
    assert parse(page).title == title


def test_headline_with_deck_and_captions():
    """A deck under the headline and photo captions before the text are neither headline nor body."""
    page = ("Ceasefire collapses as shelling resumes\n\n"
            "Residents fled the northern districts overnight as talks stalled in the capital\n"
            "Smoke rises over the northern district\n"
            "Smoke rises over the northern district Photograph: Jo Lee for the Courier\n\n" + BODY)
    parsed = parse(page)
    assert parsed.title == "Ceasefire collapses as shelling resumes"
    assert first_text(parsed).startswith("Shelling resumed before dawn")


# --- the body ---------------------------------------------------------------------------------------------


def test_body_ends_before_share_rows_comments_and_newsletters():
    """Share rows, comment forms, related lists and newsletter boxes close the article."""
    page = ("Ceasefire collapses as shelling resumes\nBy Jane Doe\n\n" + BODY +
            "\nShare on Facebook\nRelated stories\nTalks stall again\nLeave a reply\nSign up to our newsletter today\n")
    text = parse(page).body_markdown
    assert "Aid convoys were turned back" in text
    for chrome in ("Share on Facebook", "Related", "Talks stall", "Leave a reply", "newsletter"):
        assert chrome not in text


def test_body_without_blank_lines():
    """Paragraphs one per line, with no blank line between, are still the body."""
    page = ("Ceasefire collapses as shelling resumes\nBy Jane Doe\n"
            "Shelling resumed before dawn on Tuesday, residents of the northern districts said after a week.\n"
            "Aid convoys were turned back at the bridge by soldiers who gave no reason at all.\n")
    parsed = parse(page)
    assert first_text(parsed).startswith("Shelling resumed before dawn")
    assert "Aid convoys were turned back" in parsed.body_markdown


def test_each_line_of_a_page_without_blank_lines_is_its_own_paragraph():
    """A dump that puts each paragraph on one line, with no blank line between, gives one paragraph a line (not one
    paragraph of the whole body), and its closing furniture ("Share this:", "Like this:", "Read next", a site
    index) is left out, line by line."""
    page = ("Ceasefire collapses as shelling resumes\nBy Jane Doe\n"
            "Shelling resumed before dawn on Tuesday, residents of the northern districts said after a week.\n"
            "Aid convoys were turned back at the bridge by soldiers who gave no reason at all.\n"
            "The council said water would run again by Friday.\n"
            "Share this:\nFacebook\nEmail\nLike this:\nLike Loading...\nRead next\nTalks stall again\nSite index\n")
    parsed = parse(page)
    assert [block_text(block) for block in parsed.blocks] == [
        "Shelling resumed before dawn on Tuesday, residents of the northern districts said after a week.",
        "Aid convoys were turned back at the bridge by soldiers who gave no reason at all.",
        "The council said water would run again by Friday.",
    ]


def test_hard_wrapped_lines_and_carried_over_lines_join_their_paragraph():
    """Lines cut at a fixed width (blank lines between paragraphs) join into one paragraph, and so does a line
    carried over from one that stops mid-sentence; a list's items stay a list under the line introducing them."""
    wrapped = ("Ceasefire collapses as shelling resumes\nBy Jane Doe\n\n"
               "Aid convoys were turned back at the bridge on Tuesday.\n\n"
               "Shelling resumed before dawn on Tuesday, residents of the northern districts\n"
               "said, after a week in which the two sides had kept to the lines agreed in\n"
               "Geneva and aid had reached the old city for the first time since March.\n\n"
               "The council said water would run again by Friday.\n")
    parsed = parse(wrapped)
    assert [block_text(block) for block in parsed.blocks] == [
        "Aid convoys were turned back at the bridge on Tuesday.",
        "Shelling resumed before dawn on Tuesday, residents of the northern districts said, after a week in which the "
        "two sides had kept to the lines agreed in Geneva and aid had reached the old city for the first time since "
        "March.",
        "The council said water would run again by Friday.",
    ]
    carried = parse("Ceasefire collapses as shelling resumes\nBy Jane Doe\n"
                    "Shelling resumed before dawn on Tuesday, residents of the northern districts said after a\n"
                    "week of calm in which aid reached the old city.\n"
                    "What the agreement says:\n– a pause of three days\n– monitors at both crossings\n")
    assert first_text(carried) == ("Shelling resumed before dawn on Tuesday, residents of the northern districts said "
                                   "after a week of calm in which aid reached the old city.")
    assert "- a pause of three days\n- monitors at both crossings" in carried.body_markdown


def test_dateline_opening_the_first_paragraph_is_kept():
    """"SYDNEY, Australia – …" opens the body, and a sidebar just before it is left out."""
    page = ("Quake toll rises in the south\n\nQuake facts\n\n"
            "Seismologists said the shaking was among the strongest ever recorded anywhere in the country.\n\n"
            "SYDNEY, Australia – The death count was expected to climb past 75 with 300 people still missing.\n\n"
            "Rescuers worked through the night.\n")
    assert first_text(parse(page)).startswith("SYDNEY, Australia – The death count")


def test_emoji_used_as_bullets_are_dropped():
    """A heart emoji opening each paragraph is decoration, not text."""
    parsed = parse("Welfare Wednesday: Suicide\n\n💔 This past weekend, the nation was rocked by the news from London.\n")
    assert first_text(parsed) == "This past weekend, the nation was rocked by the news from London."


def test_job_title_after_the_name_is_not_an_author():
    """"By Sam Okafor, Health Correspondent" names one author; "Jo Lee and Sam Okafor, Senior Reporter" two."""
    assert kinds.byline("By Sam Okafor, Health Correspondent") == "Sam Okafor"
    assert kinds.byline("By Jo Lee and Sam Okafor, Senior Reporter") == "Jo Lee and Sam Okafor"


def test_warning_stated_above_the_headline():
    """A warning placed above the headline is still the page's warning."""
    parsed = parse("Sections\nSign In\nCN: suicide, self-harm\nHow a helpline kept going through the pandemic\n"
                   "By Sam Okafor\n12 January 2022\n" + BODY)
    assert parsed.stated_warnings == ("CN: suicide, self-harm",)
    assert parsed.title == "How a helpline kept going through the pandemic"


# --- structure ----------------------------------------------------------------------------------------------


def _imports_of(path: Path) -> tuple[set[str], list[int]]:
    """(the articles.importing modules ``path`` imports, the lines of any import inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found, nested = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            nested += [inner.lineno for inner in ast.walk(node) if isinstance(inner, ast.Import | ast.ImportFrom)]
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("articles.importing"):
            if node.module == "articles.importing":
                found |= {f"articles.importing.{alias.name}" for alias in node.names}
            else:
                found.add(node.module)
    return found, nested


def test_the_parser_imports_nothing_in_a_circle_nor_inside_a_function():
    """articles/importing/: no module imports another that (through others) imports it back, and no import
    hides inside a function."""
    package = Path(kinds.__file__).parent
    graph = {}
    for path in package.glob("*.py"):
        name = "articles.importing" if path.stem == "__init__" else f"articles.importing.{path.stem}"
        imports, nested = _imports_of(path)
        assert nested == [], f"{path.name} imports inside a function at lines {nested}"
        graph[name] = {module for module in imports if module != name}
    graph = {name: {m for m in imports if m in graph} for name, imports in graph.items()}

    def reaches(start, target, seen):
        return any(m == target or (m not in seen and reaches(m, target, seen | {m})) for m in graph[start])

    circles = sorted(name for name in graph if name != "articles.importing" and reaches(name, name, {name}))
    assert circles == []


def test_a_date_far_under_the_headline_leaves_it_unconfirmed():
    """A page's date stands within a few lines of its headline; read further down (here past seven captions), the
    line taken for the headline may be a tagline over the menus, so the article is held for an editor."""
    captions = "\n".join(f"Photo: the reading room, picture {n} of the set" for n in range(7))
    near = parse(f"Council votes to close the old library\nBy Jane Doe\n12 March 2024\n\n{BODY}")
    far = parse(f"Council votes to close the old library\n{captions}\nBy Jane Doe\n12 March 2024\n\n{BODY}")
    assert (near.title, near.published_on, near.title_confirmed) == (
        "Council votes to close the old library", date(2024, 3, 12), True)
    assert (far.title, far.published_on, far.title_confirmed) == (
        "Council votes to close the old library", date(2024, 3, 12), False)


def test_a_date_from_the_dateline_or_the_print_line_only_when_the_header_gives_none():
    """No date under the headline: the dateline's full date, or the print edition's closing line, is the
    article's; a date in the running text never is."""
    dateline = parse("Wells contaminated after floods in the north\n\nGENEVA, 14 April 2025 – Floodwater has contaminated more "
                     "than sixty wells in the district, the charity said on Monday.\n\nTeams have begun trucking water.\n")
    printed = parse(f"Wells contaminated after floods in the north\n\n{BODY}\nPublished in The Valley Tribune, April 15th, 2025\n")
    neither = parse("Wells contaminated after floods in the north\n\nFloodwater has contaminated more than sixty wells since "
                    "14 April 2025, the charity said on Monday.\n\nTeams have begun trucking water.\n")
    assert dateline.published_on == date(2025, 4, 14)
    assert printed.published_on == date(2025, 4, 15)
    assert neither.published_on is None


def test_the_sites_date_of_today_among_its_menus_is_never_the_date():
    """A weekday's date with no time, among the page's first lines and with a menu's items under it, is the
    site's date of today: whichever line is taken for the headline (the tagline over it, say), it is never the
    article's date."""
    page = ("The Valley Farmer\nServing the valley and its farms since 1891\nSaturday, 5 December 2026\nNews\nSport\n"
            "Markets\n\nFarm gate prices fall for the third month running\n\nBy Jane Doe\n14 February 2026\n\n" + BODY)
    assert parse(page).published_on in (date(2026, 2, 14), None)
@pytest.mark.parametrize("line", [
    "This article was originally published in Spanish on 21 August 2023.",
    "This story was produced in partnership with a regional newsroom.",
    "Review code provided by the publisher.",
    "I received an e-ARC from the publisher in exchange for an honest review.",
    "Claim: A video shows a flood in the capital last week.",
    "Thread Status: Not open for further replies.",
    "We have not embedded the video.",
])
def test_notes_about_the_article_are_header(line):
    """A note about the article itself under the byline is passed over: the body opens after it."""
    parsed = parse(f"Quake toll rises in the south\n\nBy Jane Doe\n\n2 March 2021\n\n{line}\n\n{BODY}")
    assert first_text(parsed).startswith("Shelling resumed")


def test_a_note_that_warns_stays_a_warning():
    """"This post is not for the faint of heart." is a warning, not a note about the article."""
    parsed = parse(f"Quake toll rises in the south\n\nBy Jane Doe\n\n2 March 2021\n\nThis post is not for the faint of heart.\n\n{BODY}")
    assert parsed.stated_warnings == ("This post is not for the faint of heart.",)


@pytest.mark.parametrize("line", [
    "Forums   What's new   Members   Resources", "Peshawar · Islamabad · Quetta", "Log in | Subscribe | Newsletters | Events",
    "World | Middle East", "Open Menu Close Menu", "Search for:", "« Repairs surgery moves to Thursdays", "Reply (14)",
    "Issue 47 · Winter 2023", "Genre: Adult fantasy", "View this email in your browser", "Listen to this page (9 min)",
    "Bangladesh + 2 more", "Letter to the Editor", "Adblock Detected", "Jeanne Huff BW headshot.jpg",
    "Image may contain: Door, Building, Architecture, Person", "YOU ARE HERE: LAT HomeCollections", "Published by",
    "Recent Posts", "The Student News Site of Riverton High School", "Archive 2008 - 2019",
])
def test_menus_and_buttons_are_furniture(line):
    """A menu in one line (between bars, dots or wide gaps), a menu's buttons, a link to the post before, a comment
    counter, a print issue and a record's fields are furniture."""
    assert kinds.is_chrome(kinds.clean_line(line))


@pytest.mark.parametrize("line", [
    "Tom Baines · 3 min read · Mar 12, 2025", "By JANE O'NEILL | Staff Writer", "E48 · Goblin Lore Podcast",
    "He left.  She stayed.  They went on.", "Book Review | The Salt Road by Imogen Fell",
])
def test_credits_and_sentences_are_no_menu(line):
    assert not kinds.is_menu_row(kinds.clean_line(line))


def test_a_menu_entry_between_menu_entries_and_a_motto_over_a_menu_are_no_headline():
    """Entries one a line (a longer one between them included) and a site's motto over the day's date and its
    menu are passed over for the headline under them."""
    page = ("Lakeside Relief Network\nWho we are\nWhere we work\n  Central African Republic\n  Chad\n  Niger\nDonate\n"
            "Serving the lake towns since 1922\nTuesday 9 December 2025\nNews\nSport\nJobs\n"
            f"Quake toll rises in the south as rescuers reach the villages\nBy Jane Doe\n2 March 2021\n{BODY}")
    parsed = parse(page)
    assert (parsed.title, parsed.title_confirmed) == ("Quake toll rises in the south as rescuers reach the villages", True)


def test_a_label_over_the_headline_is_no_headline():
    parsed = parse(f"Investigations: Locked Doors\n\nStaff Used Restraints Hundreds of Times on Children. Regulators Rarely "
                   f"Stepped In.\n\nBy Jane Doe\n\n2 March 2021\n\n{BODY}")
    assert parsed.title.startswith("Staff Used Restraints")


def test_the_writer_named_where_the_article_ends():
    """With no byline above it, the wire's reporters in the closing credits (not its editor) are the authors."""
    parsed = parse(f"Quake toll rises in the south\n\n2 March 2021\n\n{BODY}\n(Reporting by Ana Reyes and Tom Hale; "
                   "Editing by Ruth Ocampo)\n")
    assert parsed.author == "Ana Reyes and Tom Hale"


def test_the_writers_bio_closing_the_page_is_footer():
    parsed = parse(f"Quake toll rises in the south\n\nBy Jane Doe\n\n2 March 2021\n\n{BODY}\n"
                   "Jane Doe is a freelance journalist based in Lyon.\n")
    assert block_text(parsed.blocks[-1]) == "Aid convoys were turned back at the bridge."


def test_a_press_releases_dateline_dates_it():
    parsed = parse("Floods cut off three camps as the rainy season peaks\n\nGENEVA, 3 March 2024 — Floodwater has cut the "
                   "roads to three camps, the network said on Monday.\n\nOur teams are using boats.\n")
    assert parsed.published_on == date(2024, 3, 3)
    assert parse("Floods cut off three camps\n\nKAMPALA, March 3 — Floodwater has cut the roads to three camps, "
                 "the network said.\n").published_on is None  # (no year: no date)


def test_an_update_and_the_first_publication_on_one_line():
    """The page's date is its first publication, whatever order the line gives them in, and the page may be published."""
    parsed = parse(f"Quake toll rises in the south\n\nBy Jane Doe\n\nUpdated 14:05 9 March 2021, first published 09:12 2 March 2021"
                   f"\n\n{BODY}")
    assert (parsed.published_on, parsed.other_dates) == (date(2021, 3, 2), ())



def test_a_day_in_the_breadcrumb_dates_a_page_whose_header_gives_none():
    parsed = parse(f"Home / Archives / 2021-03-02 / Provinces\n\nQuake toll rises in the south\n\nOur Correspondent\n\n{BODY}")
    assert parsed.published_on == date(2021, 3, 2)
    assert parse(f"Home / Archives / Provinces\n\nQuake toll rises in the south\n\n{BODY}").published_on is None


def test_a_summary_box_under_the_headline_is_header():
    """"Summary" and its short items, one a line, stand between the byline and the body."""
    parsed = parse("Quake toll rises in the south\nBy Jane Doe\n2 March 2021\nSummary\nAt least 40 people have died.\n"
                   "Rescuers reached the last villages on Monday.\nShelling resumed before dawn on Tuesday, residents of the "
                   "northern districts said, after a week of calm along the river, the coast road and the hills above the "
                   "old town.\n")
    assert first_text(parsed).startswith("Shelling resumed")
    short = parse("Quake toll rises in the south\nBy Jane Doe\n2 March 2021\nSummary\nAt least 40 people have died.\n"
                  "Rescuers reached the last villages on Monday.\n")
    assert first_text(short).startswith("At least 40")  # (no longer paragraph after them: the items are the body)


# --- patterns looked for only where their cues are ----------------------------------------------------------

from articles.importing import headline as _headline  # noqa: E402
from articles.importing import opening as _opening  # noqa: E402

CUED_SAMPLES = [
    (kinds.PROMOTION, [
        "Download the Courier app", "Get all your news in one place", "Sign up to our newsletter", "Turn on notifications",
        "Go ad-free today", "Subscribe", "Follow us", "Support local journalism", "Become a paid member",
        "A reader-supported outlet", "We use cookies", "Privacy policy", "Free delivery", "Send us your tips",
        "We value your privacy", "Your privacy choices", "Accept all", "Manage consent", "Start creating",
        "Start your free trial", "Click here", "Watch live", "Listen live", "Join our WhatsApp channel",
        "Stand a chance to win", "Win prizes"]),
    (_headline._LIVE_STRIP, ["Live updates: strikes", "Live: the vote", "Kharkiv as it happened", "Latest updates",
                             "Minute-by-minute", "live coverage"]),
    (_opening._DESCRIBES_PICTURE, ["Pictured: the bridge", "The pictures show", "images", "photographs", "a collage",
                                   "an illustration", "Footage shows", "Video shows", "(above)The mayor", "(left)and",
                                   "represents", "shown here", "seen here", "Scroll down"]),
    (_opening._WARNING_WORDS, ["graphic", "disturbing", "distressing", "upsetting", "troubling", "harrowing",
                               "trigger", "sensitive", "discretion", "readers", "viewers", "image", "photo",
                               "footage", "video", "bodies", "death", "suicide", "self-harm", "harmful", "violence",
                               "abuse", "assault", "rape", "content note"]),
]


@pytest.mark.parametrize(("cued", "samples"), CUED_SAMPLES)
def test_a_cued_pattern_finds_what_its_pattern_finds(cued, samples):
    """A pattern looked for only in lines holding one of its cues (lines.CuedPattern) finds each of its forms, in
    capitals and with the letters a case-insensitive pattern also reads as ASCII ones ("ſ", "ı", the Kelvin sign)."""
    for sample in samples:
        for text in (sample, sample.upper(), f"And then: {sample.replace('s', 'ſ').replace('i', 'ı').replace('k', 'K')}."):
            assert cued.pattern.search(text), text
            assert cued.search(text), text
    assert cued.search("The council met on Tuesday and voted to repair the road.") is None


def _page_lines():
    """The cleaned lines of the seeds and the fixture pages, each also in capitals and opening with a letter a
    case-insensitive pattern reads as an ASCII one."""
    root = Path(__file__).resolve().parent.parent
    found = set()
    for path in [*sorted((root / "seeds").glob("*.txt")), *sorted((root / "tests" / "fixtures" / "unseen").glob("*.txt"))]:
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            line = kinds.clean_line(line)
            found.update((line, line.upper(), "K" + line[1:], "\u212a" + line[1:], "\u017f" + line[1:], line[:1]))
    return sorted(found)


@pytest.mark.parametrize("index", [kinds.CHROME, kinds.END_OF_ARTICLE], ids=["CHROME", "END_OF_ARTICLE"])
def test_a_first_character_index_matches_what_its_alternation_matches(index):
    """A long alternation of whole-line patterns looked up by the line's first character (lines.FirstCharacterIndex)
    matches exactly the lines the whole alternation matches."""
    lines = _page_lines()
    assert sum(bool(index.whole.match(line)) for line in lines) > 10
    for line in lines:
        assert bool(index.match(line)) == bool(index.whole.match(line)), line


def test_a_first_character_index_reads_flags_set_inside_its_patterns():
    """An alternative made case-insensitive inside ("(?i:…)") or opening with an optional part, a character class,
    a non-ASCII character or anything at all is still tried on the lines it can match."""
    index = kinds.FirstCharacterIndex([r"(?i:a)x", r"(?:the\s+)?end", r"[0-9]+ comments", r"—\s*fin", r".*q", r"\s*z"], 0)
    for line in ["Ax", "ax", "the end", "end", "12 comments", "— fin", "zzq", "q", " z", "z"]:
        assert index.match(line) and index.whole.match(line), line
    for line in ["Bx", "The end", "", "x", "comments"]:
        assert not index.match(line) and not index.whole.match(line), line


@pytest.mark.parametrize("line, parts", [
    ("Nine dead in floods. Continuous rainfall has slowed rescue efforts.Mira Kandel", ("Nine dead in floods. Continuous rainfall has slowed rescue efforts.", "Mira Kandel")),
    ("Court GavelAn Asaba High Court yesterday sentenced a farmer to twenty years in prison.", ("Court Gavel", "An Asaba High Court yesterday sentenced a farmer to twenty years in prison.")),
    ("McDonald's A new restaurant opened in the town centre on Tuesday morning.", ("McDonald's A new restaurant opened in the town centre on Tuesday morning.",)),
    ("The vote was held on Tuesday.John Smith said the count was fair and done by hand.", ("The vote was held on Tuesday.John Smith said the count was fair and done by hand.",)),
])
def test_lines_a_page_ran_together_are_read_apart(line, parts):
    """A deck and the writer's name, or a picture's alt text and the first paragraph, set with no break between."""
    assert kinds.unglued(line) == parts


def test_a_photographer_and_agency_open_a_caption():
    """A photographer and their agency, slashes between, mark the line as a caption."""
    assert endings.is_caption("Aris Messinis / AFP / Scanpix / LETA A home on fire in the city of Irpin, just outside Kyiv.")
