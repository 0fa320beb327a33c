"""End to end in a real Chromium: Debian's /usr/bin/chromium driven by Playwright, against the
live test server, at phone (375×812) and desktop (1280×900) sizes.

Revealing a warned article by keyboard, filtering warnings out of every list, searching,
following a tag, keyboard-only navigation with visible focus, axe-core (bundled with
axe-playwright-python, no network) on every reader page, 320 px layouts and print.
Screenshots of each page go to test-artifacts/screenshots/ (git-ignored).

Skipped, with the reason, when Playwright or Chromium is missing (``make test`` installs both).
Playwright's sync API keeps an event loop running in this thread, so Django's async-safety
check is switched off while the browser is open.
"""

import os
import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

from articles.models import ContentWarning
from tests.conftest import SEED_000
from tests.factories import ArticleFactory, AuthorFactory
from tests.pictures import photo, stored

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHROMIUM = Path(os.environ.get("MASTHEAD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
SEED_TITLE = "When Turkish-backed jihadists link up with Daesh"
FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        text: (el.textContent || "").trim().slice(0, 60),
        focusVisible: el.matches(":focus-visible"),
        outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
    };
}"""


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (make setup installs it)")
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (make test installs Debian's chromium with apt-get)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # With an event loop running, Django looks its connections up in per-context storage and would
    # open a second one without the test database's serialized contents (needed to restore the
    # starter vocabularies after each transactional test). Keep using the same connections.
    test_connections = {alias: connections[alias] for alias in connections}
    try:
        with sync_api.sync_playwright() as playwright:
            for alias, connection in test_connections.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def page(browser, viewport, live_server):
    context = browser.new_context(viewport=VIEWPORTS[viewport], base_url=live_server.url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def newsroom(settings, tmp_path):
    """Seed 000 as the importer publishes it (graphic-violence warning), plus articles about the Yazidis:
    one with a featured photograph, one warned with a graphic picture in its body."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("import_seeds", str(SEED_000), stdout=StringIO())
    leila = AuthorFactory(name="Leila Haddad", slug="leila-haddad", bio="Leila Haddad reports from northern Iraq.")
    homes = stored("Rebuilt homes", data=photo((1200, 800)), alt_text="New roofs on houses in Sinjar",
                   caption="Rebuilt houses in Sinjar.", credit="Leila Haddad")
    cell = stored("Prison cell", data=photo((900, 600), metadata=False), graphic=True,
                  alt_text="Blood on the floor of a prison cell", caption="A cell in the former prison.", credit="Staff")
    return {
        "yazidis": ArticleFactory(
            title="Yazidis return to Sinjar ten years on",
            slug="yazidis-return-to-sinjar",
            author=leila,
            standfirst="Families who fled in 2014 are rebuilding homes.",
            body="The Yazidis of Sinjar are going home.\n\n## Rebuilding\n\nAid has been slow to arrive.",
            tags=["Yazidis", "Iraq"],
            featured_image=homes,
        ),
        "torture": ArticleFactory(
            title="Survivors describe the prisons",
            slug="survivors-describe-the-prisons",
            author=leila,
            standfirst="Testimony from former detainees.",
            body=f"Testimony from former detainees, kept behind its warning.\n\n![](image:{cell.pk})\n\nMore testimony.",
            warning_note="Descriptions of torture.",
            tags=["Iraq", "Syria"],
            warnings=[ContentWarning.objects.get(slug="torture")],
        ),
    }


def shoot(page, name, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport}.png"), full_page=True)


def tab_to(page, predicate_js, limit=60):
    """Press Tab until the focused element satisfies ``predicate_js``; return its focus style."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({predicate_js}); }}"):
            return page.evaluate(FOCUS_STYLE)
    raise AssertionError(f"Never reached an element matching {predicate_js} by Tab")


def assert_focus_visible(style):
    assert style["focusVisible"] and style["outline"] >= 2, f"focus not visible on {style}"


def seed_url(page):
    page.goto("/")
    return page.get_by_role("link", name=re.compile(SEED_TITLE)).get_attribute("href")


# Content warnings


def test_reveal_a_warned_article_by_keyboard(page, viewport, newsroom):
    """On a warned article the warning shows first; Tab to "Show the article", Enter reveals the body (the control
    then offers "Hide the article"), Space hides it."""
    page.goto(seed_url(page))
    warning = page.locator(".content-warning")
    assert "Graphic violence" in warning.inner_text()
    body = page.locator(".cw-reveal__content")
    assert not body.is_visible()
    summary = page.locator(".cw-reveal > summary")
    assert warning.bounding_box()["y"] < summary.bounding_box()["y"]
    shoot(page, "article-warned", viewport)

    style = tab_to(page, "el.tagName === 'SUMMARY'")
    assert_focus_visible(style)
    assert summary.inner_text() == "Show the article"
    page.keyboard.press("Enter")
    assert body.is_visible()
    assert summary.inner_text() == "Hide the article"
    assert page.locator(".cw-reveal").get_attribute("open") is not None
    shoot(page, "article-warned-revealed", viewport)
    page.keyboard.press("Space")
    assert not body.is_visible()


def test_reveal_is_announced_as_a_disclosure(page, newsroom):
    """The reveal is a native disclosure: screen readers hear a collapsed, then expanded, "Show the article"."""
    page.goto(seed_url(page))
    summary = page.get_by_role("group").get_by_text("Show the article")
    assert summary.evaluate("el => el.closest('details').open") is False
    tree = page.locator("article.article").aria_snapshot()
    assert "Content warning" in tree and "Graphic violence" in tree
    summary.click()
    assert summary.evaluate("el => el.closest('details').open") is True


GRAPHIC_ARTICLE = "/articles/survivors-describe-the-prisons/"


def _graphic_requests(page):
    """Start recording the requests for the graphic picture's files (renditions named after its file)."""
    requests = []
    page.on("request", lambda request: requests.append(request.url) if "/media/images/" in request.url else None)
    return requests


def test_a_graphic_image_stays_covered_until_shown_by_keyboard(page, viewport, newsroom):
    """In a revealed article the graphic picture is still covered, showing nothing of it (its file is not
    even fetched); Tab reaches "Show image" with a visible focus, Enter shows it."""
    requests = _graphic_requests(page)
    page.goto(GRAPHIC_ARTICLE)
    style = tab_to(page, "el.tagName === 'SUMMARY' && el.closest('.cw-reveal') && !el.closest('.graphic-cover')")
    page.keyboard.press("Enter")
    cover = page.locator(".graphic-cover")
    picture = cover.locator("img")
    assert page.locator(".cw-reveal__content").is_visible() and cover.is_visible()
    assert not picture.is_visible()
    assert "A cell in the former prison." in page.locator(".figure--graphic figcaption").inner_text()
    page.wait_for_load_state("networkidle")
    assert requests == [], "the covered picture was fetched before the reader asked"
    shoot(page, "graphic-image-covered", viewport)

    style = tab_to(page, "el.tagName === 'SUMMARY' && !!el.closest('.graphic-cover')")
    assert_focus_visible(style)
    assert style["text"].startswith("Graphic image: it shows injury, death or violence.")
    page.keyboard.press("Enter")
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(picture).to_be_visible()
    expect(picture).to_have_attribute("alt", "Blood on the floor of a prison cell")
    shoot(page, "graphic-image-shown", viewport)


def test_a_graphic_image_cover_works_without_javascript(browser, live_server, newsroom):
    """With JavaScript off the warning, the reveal and the cover all work: they are plain HTML. (Without
    scripting, browsers load lazy images at once, a privacy rule of the HTML standard: the file may arrive,
    but nothing of it is shown until the reader asks.)"""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(GRAPHIC_ARTICLE)
        page.locator(".cw-reveal > summary").click()
        picture = page.locator(".graphic-cover img")
        assert page.locator(".graphic-cover summary").is_visible() and not picture.is_visible()
        shoot(page, "graphic-image-covered-no-js", "desktop")
        page.locator(".graphic-cover summary").click()
        expect = pytest.importorskip("playwright.sync_api").expect
        expect(picture).to_be_visible()
        assert picture.evaluate("img => img.naturalWidth") > 0
        shoot(page, "graphic-image-shown-no-js", "desktop")
    finally:
        context.close()


def test_an_open_cover_offers_to_hide_the_image(page, viewport, newsroom):
    """Once a graphic picture is shown its control reads "Hide image" (not "Show image (shown)"), to screen
    readers too; hiding it covers it again and the control reads "Show image"."""
    page.goto(GRAPHIC_ARTICLE)
    page.locator(".cw-reveal > summary").click()
    control = page.locator(".graphic-cover > summary")
    action = control.locator(".graphic-cover__action")
    assert action.inner_text() == "Show image"
    control.click()
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(page.locator(".graphic-cover img")).to_be_visible()
    assert action.inner_text() == "Hide image"
    snapshot = control.aria_snapshot()
    assert "Hide image" in snapshot and "Show image" not in snapshot and "(shown)" not in snapshot
    shoot(page, "graphic-image-hide-control", viewport)
    control.click()
    expect(page.locator(".graphic-cover img")).to_be_hidden()
    assert action.inner_text() == "Show image" and "Hide image" not in control.aria_snapshot()


def test_a_warned_article_fetches_no_picture_until_revealed(page, viewport, newsroom):
    """A warned article's featured image and body pictures are not fetched while the article is closed; revealing
    it loads and shows them."""
    ruins = stored("Ruins", data=photo((1200, 800), metadata=False), alt_text="A street of collapsed houses",
                   caption="Raqqa's old town.", credit="Staff")
    convoy = stored("Convoy", data=photo((1000, 700), metadata=False), alt_text="Trucks on a desert road",
                    caption="The aid convoy.", credit="Staff")
    ArticleFactory(title="Aftermath in Raqqa", slug="aftermath-in-raqqa", featured_image=ruins,
                   body=f"The town counts its dead.\n\n![](image:{convoy.pk})\n\nAid is slow.",
                   warnings=[ContentWarning.objects.get(slug="death")])
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "/media/" in request.url else None)
    page.goto("/articles/aftermath-in-raqqa/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".cw-reveal img").count() == 2
    assert fetched == [], f"pictures of a closed warned article were fetched: {fetched}"
    shoot(page, "warned-article-closed-pictures", viewport)

    page.locator(".cw-reveal > summary").click()
    featured = page.locator(".cw-reveal .figure img").first
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(featured).to_be_visible()
    expect(featured).to_have_attribute("alt", "A street of collapsed houses")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=featured.element_handle())
    featured_files = {rendition.file.url for rendition in ruins.renditions.all()}
    assert any(url.endswith(tuple(featured_files)) for url in fetched), fetched
    shoot(page, "warned-article-revealed-pictures", viewport)


def test_the_cover_is_announced_as_a_disclosure(page, newsroom):
    """Screen readers hear the cover as a collapsed disclosure naming what it hides and the control."""
    page.goto(GRAPHIC_ARTICLE)
    page.locator(".cw-reveal > summary").click()
    snapshot = page.locator(".graphic-cover").aria_snapshot()
    assert "Graphic image: it shows injury, death or violence." in snapshot and "Show image" in snapshot
    assert "expanded" not in snapshot or "expanded=false" in snapshot


def test_filter_hides_graphic_violence_from_every_list(page, viewport, newsroom):
    """Hiding "Graphic violence" on the preferences page removes seed 000 from every list, with a notice and a way back."""
    page.goto("/preferences/")
    shoot(page, "preferences", viewport)
    checkbox = page.get_by_label("Graphic violence")
    checkbox.focus()
    page.keyboard.press("Space")
    assert checkbox.is_checked()
    page.get_by_role("button", name="Save preferences").click()
    assert page.get_by_role("status").inner_text() == "Your preferences are saved."
    assert page.get_by_label("Graphic violence").is_checked()

    for url in ["/", "/tags/syria/", "/authors/tom-coburg/", "/search/?q=Daesh"]:
        page.goto(url)
        assert page.get_by_text(SEED_TITLE).count() == 0, url
        notice = page.locator(".filter-notice")
        assert "1 article hidden because of your content-warning filter (Graphic violence)." in notice.inner_text(), url
    page.goto("/")
    assert page.get_by_role("link", name="Survivors describe the prisons").is_visible()
    shoot(page, "home-filtered", viewport)

    page.get_by_role("link", name="Show them").click()
    assert page.get_by_role("link", name=re.compile(SEED_TITLE)).is_visible()
    page.get_by_role("link", name="Hide them again").click()
    assert page.get_by_text(SEED_TITLE).count() == 0


def test_lists_show_warning_labels_instead_of_excerpts(page, newsroom):
    """On the home page a warned article shows its labels and no excerpt; a plain one its standfirst."""
    page.goto("/")
    card = page.locator("article.card", has_text="Survivors describe the prisons")
    assert "Content warning: Torture" in card.inner_text()
    assert "Testimony" not in card.inner_text()
    assert card.locator("img").count() == 0
    plain = page.locator("article.card", has_text="Yazidis return to Sinjar")
    assert "Families who fled in 2014" in plain.inner_text()


# Search and discovery


def test_search_finds_the_yazidis_article(page, viewport, newsroom):
    """Searching for "Yazidis" from the header finds the published article, with the word highlighted."""
    page.goto("/")
    page.get_by_role("link", name="Search", exact=True).click()
    field = page.get_by_label(re.compile("Search articles"))
    field.fill("Yazidis")
    field.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=Yazidis"))
    assert "1 result for “Yazidis”" in page.locator("#search-results-heading").inner_text()
    assert page.locator(".card__snippet mark").first.inner_text() == "Yazidis"
    shoot(page, "search", viewport)
    page.get_by_role("link", name="Yazidis return to Sinjar ten years on").click()
    assert page.locator("h1").inner_text() == "Yazidis return to Sinjar ten years on"


def test_follow_a_tag(page, viewport, newsroom):
    """From an article, following its tag opens the tag page with its articles and its feed link."""
    page.goto("/articles/yazidis-return-to-sinjar/")
    shoot(page, "article", viewport)
    page.get_by_role("list", name="Tags").get_by_role("link", name="Iraq").click()
    page.wait_for_url(re.compile("/tags/iraq/"))
    assert "Iraq" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name="Survivors describe the prisons").is_visible()
    assert page.get_by_role("link", name="RSS feed for Iraq").get_attribute("href") == "/tags/iraq/feed/rss/"
    shoot(page, "tag", viewport)
    page.goto("/tags/")
    page.locator(".tag-index").get_by_role("link", name="Iraq").click()
    page.wait_for_url(re.compile("/tags/iraq/"))
    page.goto("/tags/")
    shoot(page, "tag-list", viewport)


def test_related_and_neighbour_links(page, newsroom):
    """An article page offers earlier articles by shared tags ("Earlier coverage") and links to older and
    newer articles, never the same article in both."""
    when = newsroom["yazidis"].published_at
    ArticleFactory(title="Budget talks resume", published_at=when - timedelta(days=1))
    ArticleFactory(title="Mass graves found near Sinjar", tags=["Iraq"], published_at=when - timedelta(days=10),
                   warnings=[ContentWarning.objects.get(slug="torture")])
    page.goto("/articles/yazidis-return-to-sinjar/")
    related = page.locator(".related").inner_text()
    assert page.get_by_role("heading", name="Earlier coverage").is_visible()
    assert "Mass graves found near Sinjar" in related and "Content warning: Torture" in related
    neighbours = page.get_by_role("navigation", name="Older and newer articles")
    assert neighbours.is_visible()
    assert "Budget talks resume" in neighbours.inner_text() and "Survivors describe the prisons" in neighbours.inner_text()
    assert "Survivors describe the prisons" not in related


# Keyboard and focus


def test_keyboard_only_navigation_with_visible_focus(page, viewport, newsroom):
    """The skip link comes first and works; every Tab stop shows a visible focus; Enter follows a link."""
    page.goto("/")
    page.keyboard.press("Tab")
    style = page.evaluate(FOCUS_STYLE)
    assert style["text"] == "Skip to content"
    assert_focus_visible(style)
    assert page.locator(".skip-link").bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"

    stops = []
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate(FOCUS_STYLE)
        if style["tag"] == "body":
            break
        assert_focus_visible(style)
        stops.append(style["text"])
    assert stops[0] == page.locator(".card__title a").first.inner_text()

    page.goto("/")
    tab_to(page, "el.textContent.trim() === 'Yazidis return to Sinjar ten years on'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/articles/yazidis-return-to-sinjar/"))
    tab_to(page, "el.textContent.trim() === 'Preferences'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/preferences/"))
    style = tab_to(page, "el.type === 'checkbox'")
    assert_focus_visible(style)


# Accessibility (axe-core) and layout

PAGES = {
    "home": "/",
    "article-warned": "seed",
    "article": "/articles/yazidis-return-to-sinjar/",
    "article-graphic": "/articles/survivors-describe-the-prisons/",
    "tag-list": "/tags/",
    "tag": "/tags/iraq/",
    "author": "/authors/leila-haddad/",
    "search": "/search/?q=Yazidis",
    "search-empty": "/search/",
    "preferences": "/preferences/",
    "content-warnings": "/content-warnings/",
}


def open_page(page, name):
    url = PAGES[name]
    page.goto(seed_url(page) if url == "seed" else url)


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return results.violations_count, results.generate_report()


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violations(page, viewport, newsroom, name):
    """axe-core reports zero violations on each reader page (a warned article both closed and revealed)."""
    open_page(page, name)
    count, report = axe_violations(page)
    assert count == 0, report
    if name in {"article-warned", "article-graphic"}:
        page.locator(".cw-reveal > summary").click()
        count, report = axe_violations(page)
        assert count == 0, report
    if name == "article-graphic":
        page.locator(".graphic-cover summary").click()
        count, report = axe_violations(page)
        assert count == 0, report
    if name not in {"article-warned", "article-graphic", "article", "preferences", "search", "tag", "tag-list"}:
        shoot(page, name, viewport)


@pytest.mark.parametrize("name", ["home", "article-warned", "search", "preferences"])
def test_axe_finds_no_violations_in_dark_mode(browser, live_server, newsroom, name):
    """In the dark colour scheme axe-core also reports zero violations."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], base_url=live_server.url, color_scheme="dark")
    try:
        page = context.new_page()
        open_page(page, name)
        if name == "article-warned":
            page.locator(".cw-reveal > summary").click()
        count, report = axe_violations(page)
        assert count == 0, report
        shoot(page, f"{name}-dark", "desktop")
    finally:
        context.close()


def test_pages_fit_a_320_pixel_screen(browser, live_server, newsroom):
    """At 320 px wide no reader page scrolls sideways."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, base_url=live_server.url)
    try:
        page = context.new_page()
        for name in PAGES:
            open_page(page, name)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{name} is {width}px wide"
        open_page(page, "article-warned")
        page.locator(".cw-reveal > summary").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        shoot(page, "article-warned-revealed", "320px")
    finally:
        context.close()


def test_print_shows_the_warning_then_the_body(page, newsroom):
    """Printed, a warned article shows its warning and then its body; navigation and the reveal button are gone."""
    page.goto(seed_url(page))
    page.emulate_media(media="print")
    assert page.locator(".content-warning").is_visible()
    assert page.locator(".cw-reveal__content").is_visible()
    assert not page.locator(".cw-reveal > summary").is_visible()
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".site-footer").is_visible()
    warning_y = page.locator(".content-warning").bounding_box()["y"]
    assert page.locator(".article__body").bounding_box()["y"] > warning_y


def test_print_leaves_a_graphic_picture_out_and_keeps_the_others(page, viewport, newsroom):
    """Printed, a graphic picture is not on paper (even if the reader had shown it): its place says what it
    was, with its caption. An ordinary picture prints."""
    page.goto(GRAPHIC_ARTICLE)
    page.locator(".cw-reveal > summary").click()
    page.locator(".graphic-cover > summary").click()
    page.emulate_media(media="print")
    assert page.locator(".cw-reveal__content").is_visible()
    assert not page.locator(".graphic-cover picture").is_visible()
    assert page.locator(".graphic-cover__label").is_visible() and not page.locator(".graphic-cover__action").is_visible()
    assert page.locator(".figure--graphic figcaption").is_visible()
    shoot(page, "graphic-image-print", viewport)
    page.goto("/articles/yazidis-return-to-sinjar/")
    page.emulate_media(media="print")
    assert page.locator(".figure picture img").is_visible()


def _csp_violations(page):
    """Collects, on ``page``, every refusal the browser logs under the Content-Security-Policy."""
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    return refused


def _log_in(page, username):
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-password-123")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


@pytest.mark.parametrize("who", ["editor", "writer"])
def test_no_page_breaks_the_content_security_policy(browser, live_server, newsroom, request, who):
    """Reader pages and the admin (lists with and without bulk actions, forms, the workflow pages, a revision
    diff) run under the strict policy without one refused script or style."""
    from articles.models import Author

    user = request.getfixturevalue(who)
    author = Author.objects.filter(user=user).first() or AuthorFactory(name="Desk Writer", slug="desk-writer")
    mine = ArticleFactory(title="Desk copy", slug="desk-copy", status="draft", published_at=None, author=author)
    context = browser.new_context(viewport=VIEWPORTS["desktop"], base_url=live_server.url)
    try:
        page = context.new_page()
        refused = _csp_violations(page)
        for name in PAGES:
            open_page(page, name)
        _log_in(page, user.username)
        admin_pages = [
            "/admin/",
            "/admin/articles/article/",
            "/admin/articles/article/add/",
            f"/admin/articles/article/{mine.pk}/change/",
            f"/admin/articles/article/{mine.pk}/revisions/",
            f"/admin/articles/article/{mine.pk}/transition/submit/",
            "/admin/taggit/tag/",
            "/admin/articles/image/",
        ]
        for path in admin_pages:
            response = page.goto(path)
            assert response.status == 200, path
            page.wait_for_load_state("networkidle")
        assert refused == [], refused
    finally:
        context.close()


def test_body_preview_and_word_count_follow_the_typing(browser, live_server, writer):
    """On the article form the body's rendered preview and word count update as the writer types."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], base_url=live_server.url)
    try:
        page = context.new_page()
        refused = _csp_violations(page)
        _log_in(page, writer.username)
        page.goto("/admin/articles/article/add/")
        page.fill("#id_body", "## Aftermath\n\nShelling resumed at *dawn*.")
        from playwright.sync_api import expect  # waits without eval, which the CSP refuses

        expect(page.locator(".body-preview__count")).to_have_text("5 words")
        assert page.locator(".body-preview__text h2").inner_text() == "Aftermath"
        assert page.locator(".body-preview__text em").inner_text() == "dawn"
        assert refused == []
    finally:
        context.close()


def test_pressing_a_workflow_button_keeps_what_was_typed(browser, live_server, writer):
    """A writer edits her draft and presses "Save and submit for review": the edit is saved, then the
    submission is confirmed; pressing Enter in the title saves and moves nothing."""
    from articles.models import Article
    from tests.test_workflow import make_article

    article = make_article(writer, "draft")
    context = browser.new_context(viewport=VIEWPORTS["desktop"], base_url=live_server.url)
    try:
        page = context.new_page()
        _log_in(page, writer.username)
        page.goto(f"/admin/articles/article/{article.pk}/change/")
        page.fill("#id_title", "Typed in the browser")
        page.press("#id_title", "Enter")
        page.wait_for_load_state()
        article.refresh_from_db()
        assert (article.title, article.status) == ("Typed in the browser", "draft")
        page.goto(f"/admin/articles/article/{article.pk}/change/")
        page.fill("#id_body", "A body typed just before pressing the button.")
        page.get_by_role("button", name="Save and submit for review").last.click()  # the one at the foot
        page.get_by_role("button", name="Submit for review").click()
        article = Article.objects.get(pk=article.pk)
        assert (article.body, article.status) == ("A body typed just before pressing the button.", "in_review")
    finally:
        context.close()


def test_pictures_from_upload_to_reader_in_a_browser(browser, live_server, writer, editor, settings, tmp_path):
    """In Chromium, as the newsroom would: the writer uploads a phone photo carrying GPS and a second
    picture she marks graphic, puts both on her draft and submits it; the editor decides the graphic
    violence warning and publishes; a reader sees the warning first, then the article, the graphic
    picture still covered until shown. No stored file keeps the photo's metadata."""
    from django.core.files.storage import default_storage
    from playwright.sync_api import expect

    from articles.models import Article, Image, Rendition
    from tests.pictures import photo
    from tests.test_images import assert_no_metadata

    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "upload").mkdir()
    files = {"crossing": photo((1200, 900)), "wounded": photo((900, 600))}
    for name, data in files.items():
        (tmp_path / "upload" / f"{name}.jpg").write_bytes(data)
    context = browser.new_context(viewport=VIEWPORTS["desktop"], base_url=live_server.url)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        _log_in(page, writer.username)
        for name, graphic in [("crossing", False), ("wounded", True)]:
            page.goto("/admin/articles/image/add/")
            page.set_input_files("#id_upload", str(tmp_path / "upload" / f"{name}.jpg"))
            page.fill("#id_title", f"The {name}")
            page.fill("#id_alt_text", f"The {name}, described")
            page.fill("#id_caption", f"The {name}, captioned.")
            if graphic:
                page.check("#id_graphic")
            page.get_by_role("button", name="Save", exact=True).click()
            expect(page.locator(".messagelist")).to_contain_text("was added successfully")
        crossing, wounded = Image.objects.get(title="The crossing"), Image.objects.get(title="The wounded")
        for image in (crossing, wounded):
            for name in [image.file.name, *Rendition.objects.filter(image=image).values_list("file", flat=True)]:
                with default_storage.open(name) as handle:
                    assert_no_metadata(handle.read())

        page.goto("/admin/articles/article/add/")
        page.fill("#id_title", "Crossing reopens after the strike")
        page.fill("#id_body", f"The crossing reopened.\n\n![](image:{wounded.pk})\n\nFamilies waited.")
        page.get_by_role("button", name="Choose…").click()  # the image chooser
        page.get_by_role("dialog").get_by_role("button", name=re.compile("The crossing")).click()
        page.fill("#id_tags", "Syria")
        page.locator("input[name=_continue]").click()
        # Added, or changed when autosave already made the draft while the writer worked.
        expect(page.locator(".messagelist")).to_contain_text(re.compile("was (added|changed) successfully"))
        page.get_by_role("button", name="Save and submit for review").last.click()  # the one at the foot
        page.get_by_role("button", name="Submit for review").click()
        article = Article.objects.get(title="Crossing reopens after the strike")
        assert article.status == "in_review" and article.featured_image == crossing
        context.clear_cookies()

        _log_in(page, editor.username)
        page.goto(f"/admin/articles/article/{article.pk}/change/")
        page.locator("#id_warnings").get_by_label("Graphic violence").check()
        page.check("#id_record_warning_decision")
        page.locator("input[name=_continue]").click()  # "Save and publish" waits for the warning decision
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
        page.get_by_role("button", name="Save and publish now").first.click()
        page.get_by_role("button", name="Publish").click()
        assert Article.objects.get(pk=article.pk).status == "published"
        context.clear_cookies()

        page.goto(article.get_absolute_url())
        expect(page.locator(".content-warning")).to_contain_text("Graphic violence")
        expect(page.locator(".cw-reveal__content")).to_be_hidden()
        page.locator(".cw-reveal > summary").click()
        expect(page.locator(".figure:not(.figure--graphic) img")).to_be_visible()
        expect(page.locator(".graphic-cover img")).to_be_hidden()
        shoot(page, "pictures-story-revealed", "desktop")
        page.locator(".graphic-cover > summary").click()
        expect(page.locator(".graphic-cover img")).to_be_visible()
    finally:
        context.close()
