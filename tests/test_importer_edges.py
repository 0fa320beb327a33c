"""Where the body of a page from an unseen site starts and ends (issue 19): captions credited in the forms such
sites use are passed over, and the furniture that closes a text (notes about the outlet, donation asks, channel
prompts, reblog notes, hashtag rows, lone buttons, sign-offs, the writer's closing credit) is left out, while
the article's own last paragraph stays. Whole pages in these shapes are in tests/fixtures/unseen/edge_*.txt
(checked with the others in test_importer_header.py); here each rule is checked line by line and on short pages.
No database."""

import pytest

from articles.importing import endings
from articles.importing import lines as kinds
from tests.pages import page, parse, texts

HEADER = (
    "The Valley Courier\n"
    "News | Sport | Opinion\n\n"
    "Council agrees to reopen the old ferry slipway next spring\n\n"
    "By Maria Costa\n"
    "March 4, 2025\n\n"
)
BODY = (
    "The council voted on Tuesday to reopen the old ferry slipway next spring, after two years of requests from "
    "the rowing club and the lifeboat crew.\n\n"
    "Work to repair the slipway's lower section will start in January and is expected to take ten weeks.\n\n"
)
LAST = "Work to repair the slipway's lower section will start in January and is expected to take ten weeks."


# --- captions ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Volunteers lay new decking on the bridge on Sunday. Photo / Supplied",
    "Smoke rises over the industrial area on Tuesday morning. Image Credit: Reader photo",
    "Rescue teams clear the debris on Wednesday. | Photo Credit: Arjun Mehta",
    "Firefighters spray water on the roof of the depot, April 9, 2025. (DHA Photo)",
    "Edna at the club regatta in 2018. Club photo.",
    "The accused in the dock as the charges were read. Sketch: CourtNotes/Jo Fairley",
    "Rosa mends a net outside her house. Some names have been changed. © Harbour Aid/Ana Sitoe",
    "Former detainees at a camp near the border, October 2025. © 2025 Rights Monitor",
    "Rescuers carry a survivor at the port on Tuesday. Antara Foto via REUTERS",
    # credited in brackets, as a courtesy, after a dash, in another language
    "Vecinos de San Isidro observan una vivienda derrumbada tras el sismo. (Foto: Agencia Andina Sur)",
    "Bombeiros trabalham no bairro Vila Esperança, um dos mais atingidos. Foto: Rafael Moura/Folha do Litoral",
    "Les pompiers sont intervenus avec une grande échelle pour évacuer les habitants. Photo Le Progrès / Illustration",
    "Still from 'The Orchard at Dusk' (2023). Courtesy of Meridian Pictures.",
    "Workers rest in the shade at a construction site during the midday break. — AFP file",
    "Police are holding 17 people over the violence in Kitutu Chache on Sunday. [Samwel Nyamweya, Nairobi Post]",
])
def test_a_picture_described_and_credited_is_a_caption(line):
    """A line that describes a picture and ends with its credit (an agency, a photographer, a handout) is a caption."""
    assert endings.is_caption(line)


@pytest.mark.parametrize("line", [
    "He took a photo of the flooded road and sent it to the council, which closed it an hour later.",
    "Update On The Bridge Explosion: See The Scene (Graph1c Photos)",
    "The club's photo archive goes back to 1921 and will be shown at the library next month.",
])
def test_running_text_about_pictures_is_no_caption(line):
    """A sentence that mentions a photo, or a headline naming its photos, is no caption."""
    assert not endings.is_caption(line)


@pytest.mark.parametrize("caption", [
    "Volunteers prepare the slipway for repairs on Monday. Photo / Supplied",
    "The slipway at low tide last winter. (Courier Photo)",
    "The slipway in 1962. Club photo.",
])
def test_the_body_starts_after_a_credited_caption(caption):
    """A caption between the byline and the text is passed over: the body starts at the first real paragraph."""
    parsed = parse(page(HEADER, caption, BODY))
    assert texts(parsed)[0].startswith("The council voted on Tuesday")
    assert caption not in texts(parsed)


# --- what closes a text --------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "LDR is local body journalism co-funded by the public broadcaster and a media fund.",
    "This reporting was made possible by a grant from the Lakes Foundation.",
    "The Valley Courier is a member of the National News Media Council.",
    "The Long Shift is a reader-supported publication.",
    "KVRD is a listener-supported public radio station.",
    "This story will be updated.",
    "This is a developing story and will be updated.",
    "WKVR 7 will update this story as more information becomes available.",
    "This is a summary of a story first published by The Lakeside Star.",
    "Follow our coverage of this trial",
    "This article is about wind-carved snow ridges. For the racehorse, see Sastrugi (horse).",
])
def test_a_note_about_the_outlet_or_the_page_is_a_note(line):
    """A note about the outlet (what funds it, what it is) or about the page itself is not the article's text."""
    assert kinds.is_note(line)


@pytest.mark.parametrize("line", [
    "The project is funded by the European Union and will run until 2027.",
    "Reporters Without Borders said the centre is funded by the ministry.",
    "The hospital is a member of the regional health network.",
    "The hospice is a community-run charity that cares for 300 patients a year.",
    "The council said the road would be updated with new signs.",
    "This report will be updated every year, the agency said.",
    "The council will update this report once the survey is finished.",
])
def test_a_story_about_funding_or_membership_is_no_note(line):
    """The story's own sentences about funding, membership or updates are running text."""
    assert not kinds.is_note(line)


@pytest.mark.parametrize("line", [
    "Join Valley Courier on WhatsApp for the day's main stories.",
    "£60 could pay for a week of therapeutic food for a child.",
    "€20 could buy a set of nets for a family that lost theirs.",
    "heron-at-dusk liked this",
    "saltmarsh-diaries posted this",
    "#tides  #walking  #estuary notes",
    "reblog ♡ like",
    "Follow",
    "Bookmark",
    "— Abena",
])
def test_closing_furniture_lines(line):
    """Prompts, donation asks, reblog notes, hashtag rows, buttons and a first-name sign-off close a text."""
    assert endings.is_closing_furniture(kinds.clean_line(line))


@pytest.mark.parametrize("line", [
    "£60 was raised at the bake sale, the organisers said.",
    "She said she would join the choir again next year.",
    "The council liked this idea, the chair said.",
])
def test_running_text_is_no_closing_furniture(line):
    """Sentences of the story that mention money, joining or liking are kept."""
    assert not endings.is_closing_furniture(line)


@pytest.mark.parametrize("tail", [
    "LDR is local body journalism co-funded by the public broadcaster and a media fund.\n\nShare this article\n",
    "This story will be updated.\n\nRelated\nHarbour dredging to start in May\n",
    "Join Valley Courier on WhatsApp for the day's main stories.\n\nTopics:\nCouncil\n",
    "How you can help\n\n£25 could buy a lifejacket for a young rower.\n£60 could pay for a week of lessons.\n\nDonate now\n",
    "#harbour  #council  #rowing\n\n2 days ago · 84 notes\n\nreblog ♡ like\n\nheron-at-dusk liked this\n"
    "mudflat-maggie reblogged this from valley-courier and added:\n    lovely news, thank you.\nvalley-courier posted this\n",
    "By Maria Costa, Council Reporter\n\nServing the valley since 1888.\n\nComments are closed.\n",
    "Words: Maria Costa\n\nComments\n",
    "Maria Costa\n\nShare this:\nFacebook\n",
    "Facebook\nTwitter\nEmail\nPrint\nOther News in Council\nHarbour dredging to start in May\n",
    "Region / Country\nEurope\nPortugal\nTopic\nTransport\n",
    "Written by Maria T. Costa\n340 Followers\n",
    "How we rate claims\nDid you see something you want us to check? Send it to our tip line.\n",
    "See also\nFerry\n\nReferences\n1. ^ Costa, M. (2019). Harbours of the Valley. 2nd ed.\n\nCategories: Harbours | Transport\n"
    "This page was last edited on 4 March 2025, at 10:22 (UTC).\n"
    "Text is available under the Creative Commons Attribution-ShareAlike License.\n",
    # furniture in other languages and shapes no list names: tags, a most-read box, desk codes, a comments link
    "Tagi: granica, migranci, Białowieża, Straż Graniczna\n",
    "Теги / Tags: harbour, council, rowing\nShare: Telegram | Facebook | X\n",
    "Meistgelesen\nGlatteis-Warnung: Unfälle auf der A3\n1. FC Köln: Trainer vor dem Aus?\n"
    "Impressum · Datenschutz · AGB · Kontakt\n",
    "Lo más leído\nAlerta meteorológica por vientos en la costa\nCalama: detienen a banda de robos a camiones\n",
    "EPA/KA/LH\nRelated:\nRowers mark ten years of the club\nHarbour agreement: where does it stand?\n",
    "View 1,204 comments\n",
    "Descargar comunicado (PDF)\nVolver a Sala de prensa\n",
])
def test_the_body_ends_at_the_articles_last_paragraph(tail):
    """Whatever furniture follows the article's text, its last paragraph is the article's own."""
    parsed = parse(page(HEADER, BODY, tail.rstrip("\n") + "\n\n© 2025 Valley Courier"))
    assert texts(parsed)[-1] == LAST


def test_a_link_set_inside_the_text_does_not_end_it():
    """'Read more: …' with the article going on under it is left out, and the article goes on."""
    parsed = parse(page(HEADER, BODY, "Read more: Rowing club celebrates its centenary",
                        "The lifeboat crew said the slipway would cut its launch time by several minutes in rough weather."))
    assert texts(parsed)[-1].startswith("The lifeboat crew said")
    assert not any(text.startswith("Read more") for text in texts(parsed))


@pytest.mark.parametrize("last", [
    "Conclusion: The claim that the slipway will be sold is false. The council voted to reopen it.",
    "The project is funded by the European Union and will run until 2027.",
    "Rest easy, Ray — your watch is over.",
    "Love you all",
])
def test_a_real_last_paragraph_is_kept(last):
    """A fact check's conclusion, the story's own last sentence and a short closing line stay in the body."""
    parsed = parse(page(HEADER, BODY, last, "Share this article\nFacebook  Email"))
    assert texts(parsed)[-1] == last


def test_a_fact_checks_box_opens_no_body():
    """A fact check's box with its labels alone on their lines ("CLAIM", "VERDICT", "FALSE") is passed over: the
    body opens at the article's first paragraph under it."""
    box = ("CLAIM\nA post says the slipway will be sold to a developer.\n\nVERDICT\nFALSE\n\n"
           "The council has not agreed to sell the slipway.\n\n")
    parsed = parse(page(HEADER, box, BODY))
    assert texts(parsed)[0].startswith("The council voted on Tuesday")


def test_a_related_box_inside_the_text_is_left_out_and_a_short_sentence_after_it_kept():
    """A "READ MORE" box set inside the article (its label and its headlines) is left out; the short sentence
    under it ("The vote is on Monday.") is the article's and stays."""
    box = "READ MORE\nRowing club celebrates its centenary\nHarbour dredging to start in May\n\nThe vote is on Monday.\n\n"
    parsed = parse(page(HEADER, BODY, box, "The lifeboat crew welcomed the decision, saying it would save minutes in rough weather."))
    assert texts(parsed)[-2:] == ["The vote is on Monday.",
                                  "The lifeboat crew welcomed the decision, saying it would save minutes in rough weather."]
    assert not any("centenary" in text for text in texts(parsed))


def test_a_sponsors_credit_inside_the_text_is_left_out():
    """A sponsor's credit set inside the article ("Support comes from" and the sponsor's line) is no paragraph."""
    sponsor = "Support comes from\nValley Mutual — insuring the valley's farms since 1921.\n\n"
    parsed = parse(page(HEADER, BODY, sponsor, "The lifeboat crew welcomed the decision, saying it would save minutes in rough weather."))
    assert not any("Valley Mutual" in text or text.startswith("Support") for text in texts(parsed))
    assert texts(parsed)[-1].startswith("The lifeboat crew welcomed")


@pytest.mark.parametrize("line", [
    "Visitation: Friday, March 21, 2025, 4:00-7:00 p.m., Carroll Funeral Home",
    "Funeral Mass: Saturday, March 22, 2025, 10:00 a.m., St Mary's Church",
    "Arrangements by Carroll Funeral Home, Marblehead.",
    "To plant a tree in memory of Harold Brennan, please visit the Tribute Store.",
])
def test_an_obituarys_service_notices_are_notes(line):
    """An obituary's service notices, its funeral home's credit and the tribute prompt are notes, not its text."""
    assert kinds.is_note(line)


def test_an_obituarys_service_notices_open_no_body():
    """Service notices under the header are passed over: the body opens at the obituary's first paragraph."""
    notices = ("Visitation: Friday, March 21, 2025, 4:00-7:00 p.m., Carroll Funeral Home\n"
               "Funeral Mass: Saturday, March 22, 2025, 10:00 a.m., St Mary's Church\n\n")
    assert texts(parse(page(HEADER, notices, BODY)))[0].startswith("The council voted on Tuesday")


def test_a_lists_last_item_is_no_sign_off():
    """A list closing the text keeps its last item, though "– Sugar" looks like a sign-off with a first name."""
    items = "You will need:\n– Two cups of plain flour\n– Three large eggs, beaten\n– Sugar\n\nShare this article\n"
    parsed = parse(page(HEADER, BODY, items))
    assert parsed.blocks[-1].items[-1] == "Sugar"


def test_a_charitys_appeal_after_the_text_is_left_out():
    """Asks and amounts that close a charity's page ("Help us …", "We can only do this because of your support.",
    "£5  £10  Other", "Donate to our … appeal") are not the article's last paragraphs."""
    tail = ("Our inspectors visit hundreds of farms a year. We can only do this because of your support.\n"
            "Help us rescue more ponies like Duchess\n£5  £10  £20  Other\nDonate to our winter appeal\n")
    assert texts(parse(page(HEADER, BODY, tail)))[-1] == LAST


def test_a_last_paragraph_that_mentions_donating_is_kept():
    last = "Anyone wishing to donate to the rowing club's appeal can do so at the boathouse."
    assert texts(parse(page(HEADER, BODY, last)))[-1] == last
