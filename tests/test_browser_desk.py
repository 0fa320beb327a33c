"""The desk, the review queue and the record of decisions in a real Chromium (as tests/test_browser.py
drives it), at a phone's 390 px, a tablet's 768 and 1024 px (the admin's sidebar starts closed there; "-open":
with the person having opened it) and a laptop's 1280 px (sidebar open): what each role sees, nothing wider
than the screen, axe-core with zero violations. Screenshots go to test-artifacts/screenshots/desk-*.png."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article, Author
from tests.factories import ArticleFactory
from tests.pictures import photo, stored
from tests.test_browser import _log_in, axe_violations, browser, shoot  # noqa: F401  (browser: the fixture)
from tests.test_workflow import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SIZES = {
    "390": {"width": 390, "height": 844}, "768": {"width": 768, "height": 1024}, "1024": {"width": 1024, "height": 768},
    "1024-open": {"width": 1024, "height": 768}, "1280": {"width": 1280, "height": 900},
}
# Django remembers the sidebar's state here once someone presses its button.
OPENED_SIDEBAR = "localStorage.setItem('django.admin.navSidebarIsOpen', 'true')"

# How far the page, and any list's table, reaches past the screen's (or its box's) right edge, in pixels.
OVERFLOW = """() => {
    const page = document.documentElement.scrollWidth - window.innerWidth;
    const results = [...document.querySelectorAll('.results')].map(el => el.scrollWidth - el.clientWidth);
    return {page, results: Math.max(0, ...results)};
}"""


@pytest.fixture(params=list(SIZES))
def size(request):
    return request.param


@pytest.fixture
def desk_page(browser, size, live_server):  # noqa: F811  (the imported browser fixture)
    context = browser.new_context(viewport=SIZES[size], base_url=live_server.url)
    context.set_default_timeout(10_000)
    if size.endswith("-open"):
        context.add_init_script(OPENED_SIDEBAR)
    yield context.new_page()
    context.close()


@pytest.fixture
def newsroom(writer, other_writer, editor):
    """A morning's work: Wanda's draft, her article sent back, one in review with a comment, one scheduled;
    Oscar's draft; a held import, a pending revision and an article published today."""
    editor.first_name, editor.last_name = "Edith", "Editor"
    editor.save()
    draft = make_article(writer, "draft")
    Article.objects.filter(pk=draft.pk).update(title="Checkpoint queues grow at the northern crossing")
    back = make_article(writer, "draft")
    Article.objects.filter(pk=back.pk).update(title="Families wait for news of the detained")
    workflow.perform("submit", back, writer, comment="First draft; the ministry has not answered yet.")
    workflow.perform("request_changes", back, editor, comment="Name the second source, or cut the paragraph.")
    waiting = make_article(writer, "draft")
    Article.objects.filter(pk=waiting.pk).update(title="Water returns to the old city after three weeks")
    workflow.perform("submit", waiting, writer, comment="Photos to follow from the agency.")
    scheduled = make_article(writer, "scheduled")
    Article.objects.filter(pk=scheduled.pk).update(title="A year after the flood: the rebuilt bridge opens")
    make_article(other_writer, "draft")
    Article.objects.filter(created_by=other_writer).update(title="Oscar's unfinished draft")
    ArticleFactory(title="Imported: market fire, a headline the importer guessed", in_review=True, published_at=None,
                   source_name="market-fire.txt", review_reasons=[Article.UNSURE_TITLE], submitted_at=timezone.now())
    live = make_article(writer, "published")
    workflow.propose_revision(live, editor, workflow.content_of(live).replace(body="A corrected casualty figure."))
    ArticleFactory(title="Ceasefire talks resume in Geneva", decided=True, published_at=timezone.now() - timedelta(minutes=5))


def _check(page, name, size):
    """Screenshot, then: no violations, nothing wider than the screen (a list's table fits its box too)."""
    shoot(page, name, size)
    count, report = axe_violations(page)
    assert count == 0, report
    overflow = page.evaluate(OVERFLOW)
    assert overflow == {"page": 0, "results": 0}, f"{name} at {size} px reaches past the screen: {overflow}"


def test_writer_desk_in_a_browser(desk_page, size, newsroom, writer):
    """A writer's desk shows what came back with the editor's comment and name, her drafts, what is in review and
    what is scheduled, never Oscar's draft; it fits the screen and axe-core finds nothing."""
    _log_in(desk_page, writer.username)
    sent_back = desk_page.locator("#desk-sent-back")
    assert "Families wait for news of the detained" in sent_back.inner_text()
    assert "Name the second source, or cut the paragraph." in sent_back.inner_text()
    assert "Edith Editor" in sent_back.inner_text()
    assert "Checkpoint queues grow" in desk_page.locator("#desk-drafts").inner_text()
    assert "Water returns to the old city" in desk_page.locator("#desk-in-review").inner_text()
    assert "A year after the flood" in desk_page.locator("#desk-scheduled").inner_text()
    assert "Oscar" not in desk_page.content()
    assert desk_page.get_by_role("link", name="Articles", exact=True).count() >= 1  # the models, below the desk
    _check(desk_page, "desk-writer", size)
    desk_page.locator("#desk-sent-back").get_by_role("link", name="Families wait for news of the detained").click()
    desk_page.wait_for_url("**/change/")


def test_editor_desk_in_a_browser(desk_page, size, newsroom, editor):
    """An editor's desk shows the queue with the writer's comment, the pending revision, the held import with its
    reason, the schedule with its time zone named and today's publication; it fits and axe-core finds nothing."""
    _log_in(desk_page, editor.username)
    queue = desk_page.locator("#desk-review-queue").inner_text()
    assert "Water returns to the old city" in queue and "Photos to follow from the agency." in queue
    assert "Wanda Writer" in queue
    assert "A corrected" not in queue and desk_page.locator("#desk-revisions li").count() == 1
    assert Article.UNSURE_TITLE in desk_page.locator("#desk-held-imports").inner_text()
    assert "Europe/London" in desk_page.locator("#desk-scheduled").inner_text()
    assert "Ceasefire talks resume in Geneva" in desk_page.locator("#desk-published-today").inner_text()
    _check(desk_page, "desk-editor", size)


def test_review_queue_and_record_in_a_browser(desk_page, size, newsroom, editor):
    """The review queue ("2 articles waiting", the writer's comment) and the record of decisions (readable filters,
    every column on screen) fit at 1280 and 390 px with zero axe-core violations."""
    _log_in(desk_page, editor.username)
    desk_page.goto("/admin/articles/reviewqueue/")
    assert desk_page.locator("h1").inner_text() == "Review queue"
    assert "articles waiting" in desk_page.locator(".paginator").inner_text()
    assert "Photos to follow from the agency." in desk_page.locator("#result_list").inner_text()
    _check(desk_page, "desk-review-queue", size)
    desk_page.goto("/admin/articles/decision/")
    filters = desk_page.locator("#changelist-filter").inner_text()
    assert "Changes requested" in filters and "In review" in filters
    assert "in_review" not in filters and "request_changes" not in filters
    _check(desk_page, "desk-decisions", size)


def test_desk_in_dark_mode(browser, live_server, newsroom, editor):  # noqa: F811
    """In the dark colour scheme the editors' desk also has zero axe-core violations."""
    context = browser.new_context(viewport=SIZES["1280"], base_url=live_server.url, color_scheme="dark")
    try:
        page = context.new_page()
        _log_in(page, editor.username)
        _check(page, "desk-editor-dark", "1280")
    finally:
        context.close()


@contextmanager
def _article_list(browser, live_server, editor, size):  # noqa: F811
    """The editor's article list at ``size``, screenshot taken; the browser's context closed after."""
    context = browser.new_context(viewport=SIZES[size], base_url=live_server.url)
    try:
        page = context.new_page()
        _log_in(page, editor.username)
        page.goto("/admin/articles/article/")
        shoot(page, "article-list", size)
        yield page
    finally:
        context.close()


def test_article_list_titles_read_as_lines_on_a_phone(browser, live_server, newsroom, editor):  # noqa: F811
    """At 390 px the article list keeps each title at least 13rem wide (a few words a line, not one) and lets the
    table scroll sideways inside its box; the page itself is no wider than the screen."""
    with _article_list(browser, live_server, editor, "390") as page:
        widths = page.evaluate(
            "() => [...document.querySelectorAll('#result_list td.field-title, #result_list th.field-title')]"
            ".map(cell => cell.getBoundingClientRect().width)"
        )
        assert widths and min(widths) >= 13 * 16, widths
        assert page.evaluate(OVERFLOW)["page"] == 0


def test_the_image_library_fits_a_phone(desk_page, size, writer, settings, tmp_path):
    """The image library's list (each picture's reference with its Copy button) never widens the page (its table
    scrolls inside its box, as the articles list does): the Copy button's hidden "copied" text, placed against
    the page instead of the button, reached 24 px past a phone's screen."""
    from tests.pictures import stored

    settings.MEDIA_ROOT = tmp_path / "media"
    for title in ("Families at the crossing", "Rebuilt bridge at dusk"):
        stored(title, uploaded_by=writer)
    _log_in(desk_page, writer.username)
    desk_page.goto("/admin/articles/image/")
    shoot(desk_page, "image-library", size)
    assert desk_page.evaluate(OVERFLOW)["page"] == 0


READ_ONLY_STYLE = """() => {
    const text = document.querySelector('.reader-preview .article__body');
    const heading = getComputedStyle(text.querySelector('h2'));
    const quote = getComputedStyle(text.querySelector('blockquote'));
    const paragraph = getComputedStyle(text.querySelector('p'));
    const list = text.querySelector('ul'), labels = document.querySelector('.reader-preview .content-warning__labels');
    const indent = (ul) => ul.querySelector('li').getBoundingClientRect().left - ul.parentElement.getBoundingClientRect().left;
    return {headingBackground: heading.backgroundColor, headingColour: heading.color, paragraphColour: paragraph.color,
            quoteSize: parseFloat(quote.fontSize), paragraphSize: parseFloat(paragraph.fontSize),
            marker: getComputedStyle(list.querySelector('li')).listStyleType, listIndent: indent(list),
            labelsIndent: labels.querySelector('li').getBoundingClientRect().left - labels.getBoundingClientRect().left,
            credit: getComputedStyle(document.querySelector('.reader-preview .figure__credit')).textTransform};
}"""


def test_a_writers_read_only_article_reads_as_readers_see_it(desk_page, size, writer, editor, graphic, settings, tmp_path):
    """A writer's article in review shows her the warning first, then the text rendered (a sub-heading as a
    heading, not the admin's blue bar; a quotation as large as the text, not its small grey note; a list with its
    markers, indented as on the reader page), fitting the screen with zero axe-core violations."""
    settings.MEDIA_ROOT = tmp_path / "media"
    lists = stored("Lists", data=photo((600, 400), metadata=False), uploaded_by=writer, caption="The lists at noon.",
                   credit="Ana Ruiz")
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(
        title="Families wait for news of the detained", no_warnings_apply=False, featured_image=lists,
        body="The lists were read out at noon.\n\n## What the families said\n\n> We have heard nothing for a month.\n\n"
        "- Names read out\n- Names still missing\n\nMore names are expected.")
    workflow.decide_warnings(article, editor, [graphic], no_warnings_apply=False)
    workflow.perform("submit", article, writer)
    _log_in(desk_page, writer.username)
    desk_page.goto(f"/admin/articles/article/{article.pk}/change/")
    shown = desk_page.locator(".reader-preview")
    assert "Graphic violence" in shown.locator(".content-warning").inner_text()
    assert shown.locator("h2", has_text="What the families said").is_visible()
    assert "## What" not in desk_page.content()
    style = desk_page.evaluate(READ_ONLY_STYLE)
    assert style["headingBackground"] == "rgba(0, 0, 0, 0)" and style["headingColour"] == style["paragraphColour"], style
    assert style["quoteSize"] >= style["paragraphSize"], style
    # A list keeps its markers and a reader's indent (not the form's 160 px, not none); so do the warning's labels.
    assert style["marker"] == "disc" and 10 <= style["listIndent"] <= 40, style
    assert 10 <= style["labelsIndent"] <= 40, style
    assert style["credit"] == "uppercase", style  # the picture's credit set apart from its caption, as readers see it
    _check(desk_page, "writer-read-only", size)


def test_the_link_to_the_warnings_shows_the_whole_decision(browser, live_server, writer, editor):  # noqa: F811
    """From what stops publishing, "Content warnings" takes the editor to the warnings with their heading and the
    suggestions still in sight (not scrolled past them)."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False)
    context = browser.new_context(viewport=SIZES["1280"], base_url=live_server.url)
    try:
        page = context.new_page()
        _log_in(page, editor.username)
        page.goto(f"/admin/articles/article/{article.pk}/change/")
        page.locator("#workflow-blockers").get_by_role("link", name="“Content warnings”").click()
        page.wait_for_function("() => location.hash === '#id_warnings'")
        page.wait_for_timeout(200)
        heading = page.get_by_role("heading", name="Content warnings", exact=True)
        top = heading.evaluate("h => h.getBoundingClientRect().top")
        assert 0 <= top < 200, top
        assert page.locator("#id_warnings").evaluate("w => w.getBoundingClientRect().bottom <= window.innerHeight")
    finally:
        context.close()


def test_the_article_list_shows_why_an_import_waits_on_a_laptop(browser, live_server, newsroom, editor):  # noqa: F811
    """At 1280 px, with the admin's sidebar open and two writers' long byline in the list, the article list takes
    the page's width (its filters under it) and its last column, why the importer held an article, is read without
    scrolling sideways."""
    ArticleFactory(title="Dozens missing after an overloaded ferry sinks", in_review=True, published_at=None,
                   author=Author.objects.create(name="Camila Duarte Nogueira and Rafael Nogueira dos Santos"),
                   source_name="ferry.txt", review_reasons=["no publication date found"], submitted_at=timezone.now())
    with _article_list(browser, live_server, editor, "1280") as page:
        assert page.evaluate(OVERFLOW) == {"page": 0, "results": 0}
        reasons = page.locator("#result_list td.field-needs_attention").first.bounding_box()
        assert reasons["x"] + reasons["width"] <= 1280
