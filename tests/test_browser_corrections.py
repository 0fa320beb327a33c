"""Corrections in a real Chromium (as tests/test_browser.py, whose browser and helpers it uses), at 1280 and
390 px: an editor adds a correction from the article's admin page (its list there fits the screen); a reader
reads it on the article, on /corrections/ and in the Atom feed. axe-core finds no violation on any of the three pages."""

import re
from datetime import datetime
from xml.etree import ElementTree

import pytest

from articles import workflow
from articles.models import Correction
from tests.factories import ArticleFactory, AuthorFactory
from tests.test_browser import _log_in, axe_violations, shoot
from tests.test_browser import browser  # noqa: F401  (the module-scoped Chromium fixture, shared)

expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (make setup installs it)"
).expect
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SIZES = {"phone-390": {"width": 390, "height": 844}, "desktop-1280": {"width": 1280, "height": 900}}
TEXT = "An earlier version of this article said the bridge reopened on Monday. It reopened on Tuesday."
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(params=list(SIZES))
def size(request):
    return request.param


@pytest.fixture
def bridge():
    """A live article with no warning decision pending: a story about a bridge."""
    return ArticleFactory(
        title="The Kherson bridge reopens to traffic",
        slug="kherson-bridge-reopens",
        author=AuthorFactory(name="Olena Marchuk", slug="olena-marchuk"),
        standfirst="Lorries crossed for the first time since the spring.",
        body="The bridge reopened to lorries and cars.\n\nQueues stretched for a kilometre.",
        decided=True,
    )


def test_an_editor_adds_a_correction_and_a_reader_reads_it(browser, live_server, editor, bridge, size):
    """An editor adds a correction in the admin; a reader reads it above the text, on /corrections/ and in the feed."""
    context = browser.new_context(viewport=SIZES[size], base_url=live_server.url)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        _log_in(page, editor.username)
        page.goto(f"/admin/articles/article/{bridge.pk}/change/")
        page.get_by_role("link", name="Add a correction or update").click()
        page.wait_for_url(re.compile(r"/correction/$"))
        expect(page.get_by_role("radio", name="Correction", exact=True)).to_be_checked()
        page.get_by_label("Text readers see").fill(TEXT)
        count, report = axe_violations(page)
        assert count == 0, report
        shoot(page, "correction-admin-form", size)
        page.get_by_role("button", name="Publish it now").click()
        expect(page.locator(".messagelist")).to_contain_text("Correction published")
        expect(page.locator("#corrections")).to_contain_text(TEXT)
        page.locator("#corrections").scroll_into_view_if_needed()
        shoot(page, "correction-admin-listed", size)
        # The list of corrections fits the screen: on a phone each one is a block, its values under their names.
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") == 0
        correction = Correction.objects.get()
        page.locator("#corrections").get_by_role("link", name=re.compile("^Withdraw")).click()  # looked at, not sent
        expect(page.get_by_label("Why it is withdrawn")).to_be_visible()
        count, report = axe_violations(page)
        assert count == 0, report
        shoot(page, "correction-admin-withdraw", size)
        context.clear_cookies()

        page.goto(bridge.get_absolute_url())
        block = page.locator("section.corrections#corrections")
        expect(block).to_contain_text(TEXT)
        expect(block).to_contain_text("Correction")
        expect(page.locator(".byline--updated")).to_contain_text("Updated")
        assert block.bounding_box()["y"] < page.locator(".article__body").bounding_box()["y"]
        count, report = axe_violations(page)
        assert count == 0, report
        shoot(page, "correction-article", size)

        page.get_by_role("link", name="Corrections", exact=True).click()
        page.wait_for_url("**/corrections/")
        entry = page.locator(".correction-entry").first
        expect(entry).to_contain_text(TEXT)
        expect(entry.get_by_role("link", name=bridge.title)).to_be_visible()
        count, report = axe_violations(page)
        assert count == 0, report
        shoot(page, "corrections-page", size)

        feed = ElementTree.fromstring(page.request.get("/feeds/atom/").body())
        updated = next(e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == bridge.title).findtext(
            f"{ATOM}updated"
        )
        assert datetime.fromisoformat(updated) == correction.created_at
    finally:
        context.close()


def test_on_a_warned_article_the_correction_follows_the_warning(browser, live_server, editor, bridge, graphic, size):
    """On a warned article: the warning, the correction, then the reveal holding the updates; axe-core clean."""
    bridge.warnings.add(graphic)
    workflow.add_correction(bridge, editor, kind="correction", text="The convoy was hit on the *eastern* bank.")
    update = workflow.add_correction(bridge, editor, kind="update", text="Two of the injured drivers have died.")
    note = workflow.add_correction(bridge, editor, kind="editors_note", text="Photographs removed.")
    workflow.withdraw_correction(note, editor, note="Added to the wrong article.")
    context = browser.new_context(viewport=SIZES[size], base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto(bridge.get_absolute_url())
        warning, correction = page.locator(".content-warning"), page.locator("section#corrections")
        expect(correction).to_contain_text("eastern")
        expect(page.get_by_text(update.text)).to_be_hidden()
        summary = page.locator(".cw-reveal > summary")
        assert warning.bounding_box()["y"] < correction.bounding_box()["y"] < summary.bounding_box()["y"]
        count, report = axe_violations(page)
        assert count == 0, report
        shoot(page, "correction-warned-article", size)
        summary.click()
        expect(page.locator(".cw-reveal__content section#updates")).to_contain_text(update.text)
        expect(page.locator("section#updates")).to_contain_text("Withdrawn on")
        count, report = axe_violations(page)
        assert count == 0, report
        shoot(page, "correction-warned-article-revealed", size)
    finally:
        context.close()


def test_corrections_pass_axe_in_dark_mode(browser, live_server, editor, bridge):
    """In the dark colour scheme the article's correction and /corrections/ also have zero axe-core violations."""
    workflow.add_correction(bridge, editor, kind="correction", text="The bridge is in *Kherson*, not Mykolaiv.")
    workflow.add_correction(bridge, editor, kind="clarification", text="Lorries means goods vehicles.")
    context = browser.new_context(viewport=SIZES["desktop-1280"], base_url=live_server.url, color_scheme="dark")
    try:
        page = context.new_page()
        for name, url in [
            ("correction-article-dark", bridge.get_absolute_url()),
            ("corrections-page-dark", "/corrections/"),
        ]:
            page.goto(url)
            count, report = axe_violations(page)
            assert count == 0, report
            shoot(page, name, "desktop-1280")
    finally:
        context.close()
