"""The article form in a real Chromium, as a writer and an editor use it: the body box holds its shape at
every window size, the preview layout is remembered, autosave, leaving with unsaved changes, a save whose
session has ended, and publishing or scheduling from the article. Screenshots go to
test-artifacts/screenshots/.

Skipped, with the reason, when Playwright or Chromium is missing (``make test`` installs both).
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, ContentWarning, Decision
from tests.pictures import stored
from tests.test_browser import SCREENSHOTS, axe_violations, browser  # noqa: F401  (the module's Chromium)
from tests.test_workflow import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = [390, 768, 820, 1024, 1100, 1280, 1440, 1920]
SIDEBAR_KEY = "django.admin.navSidebarIsOpen"  # where Django's nav_sidebar.js remembers the person's choice


def _expect():
    sync_api = pytest.importorskip("playwright.sync_api")
    return sync_api.expect


@pytest.fixture
def desk(browser, live_server):  # noqa: F811  (the fixture imported above)
    """Opens a logged-in tab at a given width: desk(user, width) -> page."""
    contexts = []

    def open_tab(user, width=1280, sidebar_opened=False):
        context = browser.new_context(viewport={"width": width, "height": 900}, base_url=live_server.url)
        context.set_default_timeout(15_000)
        if sidebar_opened:  # as Django remembers it once the person pressed the sidebar's button
            context.add_init_script(f"localStorage.setItem('{SIDEBAR_KEY}', 'true')")
        contexts.append(context)
        page = context.new_page()
        _log_in(page, user.username)
        return page

    yield open_tab
    for context in contexts:
        context.close()


def _log_in(page, username, next_path="/admin/"):
    page.goto(f"/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-password-123")
    page.click("input[type=submit]")


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _widths(page):
    return page.evaluate("""() => {
        const width = (id) => document.getElementById(id).getBoundingClientRect().width;
        const preview = document.querySelector('.body-preview').getBoundingClientRect();
        const body = document.getElementById('id_body').getBoundingClientRect();
        return {body: width('id_body'), standfirst: width('id_standfirst'), title: width('id_title'),
                beside: preview.left >= body.right};
    }""")


@pytest.mark.parametrize(("width", "sidebar_opened"), [
    *((width, False) for width in WIDTHS), (768, True), (1024, True),
])
def test_the_body_box_holds_its_shape_with_a_picture_in_the_preview(desk, writer, width, sidebar_opened, settings,
                                                                      tmp_path):
    """At every window width, phone, tablet (the admin's sidebar closed, as it starts there, and opened by the
    person) and desktop, once the preview shows a placed picture, the body box is at least as wide as the form's
    other text fields and takes a fair share of the window (at 768 px with the sidebar open it was 240 px beside
    the labels' column)."""
    expect = _expect()
    settings.MEDIA_ROOT = tmp_path / "media"
    picture = stored("Families at the crossing", uploaded_by=writer)
    article = make_article(writer, "draft")
    page = desk(writer, width, sidebar_opened=sidebar_opened)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_body", f"Families waited.\n\n![Families at the crossing](image:{picture.pk})\n\nShelling resumed at dawn.")
    expect(page.locator(".body-preview__text img")).to_have_count(1)
    sizes = _widths(page)
    assert sizes["body"] >= sizes["standfirst"] - 1 and sizes["body"] >= sizes["title"] - 1, sizes
    assert sizes["body"] >= min(300, width - 60) and sizes["body"] >= 0.45 * width, sizes
    page.locator(".body-editor").scroll_into_view_if_needed()
    shoot(page, f"body-editor-{width}{'-sidebar' if sidebar_opened else ''}")


def test_the_preview_goes_beside_the_body_where_it_fits_and_the_choice_is_remembered(desk, writer):
    """"Beside the text" puts the preview beside a body of 31rem or more on a 1680 px laptop (the admin's sidebar
    open), is remembered after a reload, and falls back to below (saying so, and how to make room) on a narrower
    window; a phone is not offered the choice."""
    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer, 1680)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_label("Beside the text").check()
    expect(page.locator(".article-editor-status")).to_be_hidden()  # a layout choice is nothing to save
    page.reload()
    expect(page.get_by_label("Beside the text")).to_be_checked()
    sizes = _widths(page)
    assert sizes["beside"] and sizes["body"] >= 31 * 16, sizes
    shoot(page, "body-editor-beside-1680")
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator(".body-editor__narrow-note")).to_be_visible()
    expect(page.locator(".body-editor__narrow-note")).to_contain_text("sidebar")
    assert not _widths(page)["beside"]
    page.set_viewport_size({"width": 390, "height": 800})
    expect(page.get_by_label("Beside the text")).to_be_hidden()


def test_the_preview_shows_the_proposed_warning_and_our_note_first(desk, writer):
    """Ticking a proposed warning and writing our note shows them above the text in the live preview."""
    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer, 1280)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_label("War and conflict").check()
    page.fill("#id_newsroom_note", "Describes the aftermath of shelling.")
    expect(page.locator(".body-preview .content-warning")).to_contain_text("War and conflict")
    expect(page.locator(".body-preview .content-warning")).to_contain_text("Our note: Describes the aftermath")


@pytest.mark.parametrize("width", [1280, 390])
def test_autosave_keeps_the_text_across_a_reload(desk, writer, width):
    """The writer types and pauses: within 10 seconds "Saved HH:MM" shows, the draft holds the text (still a
    draft), and a reload shows it."""
    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_standfirst", "Written, then left to autosave.")
    expect(page.locator(".article-editor-status")).to_contain_text("Saved", timeout=10_000)
    shoot(page, f"autosave-saved-{width}")
    article.refresh_from_db()
    assert (article.standfirst, article.status) == ("Written, then left to autosave.", "draft")
    page.reload()
    expect(page.locator("#id_standfirst")).to_have_value("Written, then left to autosave.")
    assert not Decision.objects.filter(article=article).exclude(action__in=["submit"]).exists()


def test_a_new_article_autosaves_into_a_draft_and_keeps_editing_it(desk, writer):
    """On the add form, once a title is typed, autosave creates the draft (heading and breadcrumbs say so);
    the form then edits that draft, so pressing Save changes it rather than adding a second."""
    expect = _expect()
    page = desk(writer, 1280)
    page.goto("/admin/articles/article/add/")
    page.fill("#id_title", "Night at the border")
    page.fill("#id_body", "Notes from the crossing.")
    expect(page.locator(".article-editor-status")).to_contain_text("Saved", timeout=10_000)
    article = Article.objects.get()
    assert page.url.endswith(f"/admin/articles/article/{article.pk}/change/")
    expect(page.get_by_role("heading", name="Edit article")).to_be_visible()
    expect(page.locator(".breadcrumbs")).to_contain_text("Articles › Night at the border")  # no "Add article" left
    page.fill("#id_body", "Notes from the crossing, finished.")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert Article.objects.count() == 1 and Article.objects.get().body == "Notes from the crossing, finished."


@pytest.mark.parametrize("width", [1280, 390])
def test_leaving_with_unsaved_changes_asks_first(desk, writer, width):
    """With an unsaved edit, following a link away asks before leaving; staying keeps the text."""
    article = make_article(writer, "draft")
    page = desk(writer, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.click("#id_standfirst")
    page.keyboard.type("An edit not yet saved.")
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.locator(".breadcrumbs a", has_text="Articles").click(no_wait_after=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url.endswith(f"/admin/articles/article/{article.pk}/change/")
    assert page.input_value("#id_standfirst").endswith("An edit not yet saved.")


@pytest.mark.parametrize("width", [1280, 390])
def test_a_save_after_the_session_cookie_is_gone_keeps_the_text(desk, writer, live_server, width):
    """The session cookie is deleted, then Save is pressed: the login page; after logging in, the change form
    shows the typed text again and says so; saving then stores it."""
    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer, width)
    change = f"/admin/articles/article/{article.pk}/change/"
    page.goto(change)
    page.fill("#id_body", "Typed while the login quietly ended.")
    page.context.clear_cookies(name="sessionid")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#id_username")).to_be_visible()
    expect(page.locator(".article-editor-login-note")).to_contain_text("What you typed is kept in this browser")
    page.fill("#id_username", writer.username)
    page.fill("#id_password", "a-long-password-123")
    page.click("input[type=submit]")
    page.wait_for_url(f"**{change}")
    expect(page.locator("#id_body")).to_have_value("Typed while the login quietly ended.")
    expect(page.locator(".article-editor-status")).to_contain_text("kept in this browser")
    shoot(page, f"session-ended-restored-{width}")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.body == "Typed while the login quietly ended."


@pytest.mark.parametrize("width", [1280, 390])
def test_an_editor_decides_warnings_and_schedules_from_the_article(desk, writer, editor, width):
    """The editor ticks a warning and the decision box, types a time and presses "Save and schedule": one
    press saves the decision and schedules it; the record names the time and zone."""
    expect = _expect()
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False)
    page = desk(editor, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#workflow-blockers")).to_contain_text("Record my content-warning decision")
    page.locator("#id_warnings").get_by_label("War and conflict").check()
    page.check("#id_record_warning_decision")
    when = (timezone.localtime() + timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)
    page.fill("#id__schedule_at", when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save and schedule").click()
    expect(page.locator(".messagelist")).to_contain_text("(Europe/London)")
    article.refresh_from_db()
    assert article.is_scheduled and article.published_at == when
    assert list(article.warnings.values_list("slug", flat=True)) == ["war-and-conflict"]
    expect(page.locator("#record-of-decisions")).to_contain_text(f"Scheduled for {when.strftime('%-d %b %Y')}, 09:00 (Europe/London)")
    shoot(page, f"scheduled-from-the-article-{width}")
    count, report = axe_violations(page)
    assert count == 0, report


def test_the_change_form_has_no_accessibility_violations(desk, writer):
    """axe-core finds no violations on the article form with its body editor, preview and autosave line."""
    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer, 1280)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_standfirst", "Checked by axe.")
    expect(page.locator(".article-editor-status")).to_contain_text("Saved", timeout=10_000)
    count, report = axe_violations(page)
    assert count == 0, report


@pytest.mark.parametrize("width", [390, 768, 1024])
def test_the_change_form_fits_a_phone_after_scheduling(desk, writer, editor, width):
    """At 390, 768 and 1024 px the article form with its workflow box and record of decisions needs no sideways
    scrolling, and a successful save leaves no "put back my text" offer behind."""
    expect = _expect()
    article = make_article(writer, "in_review")
    page = desk(editor, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    when = (timezone.localtime() + timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)
    page.fill("#id__schedule_at", when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save and schedule").click()
    expect(page.locator(".messagelist")).to_contain_text("(Europe/London)")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    expect(page.locator(".article-editor-status")).to_be_hidden()


class Clicks:
    """Counts the clicks (and the fields typed into) of one task, as a person would do it."""

    def __init__(self, page):
        self.page, self.clicks, self.typed = page, 0, 0

    def click(self, locator):
        locator.click()
        self.clicks += 1

    def type(self, selector, text):
        self.page.fill(selector, text)
        self.typed += 1


def test_click_counts_for_writing_and_for_publishing(desk, writer, editor, settings, tmp_path):
    """From the desk: a writer writes and submits an article with a placed picture and a featured image in
    7 clicks (3 fields typed); an editor reviews it, decides its warnings and publishes in 3 clicks
    (the README compares them with Wagtail's)."""
    expect = _expect()
    settings.MEDIA_ROOT = tmp_path / "media"
    stored("Harbour at dawn", uploaded_by=writer)
    page = desk(writer, 1280)
    page.goto("/admin/")
    task = Clicks(page)
    task.click(page.get_by_role("link", name="Write an article"))
    task.type("#id_title", "The harbour reopens")
    task.type("#id_body", "Boats came back at dawn.")
    task.click(page.get_by_role("button", name="Insert picture"))
    task.click(page.get_by_role("dialog").get_by_role("button", name=re.compile("Harbour at dawn")))
    task.click(page.get_by_role("button", name="Choose…"))
    task.click(page.get_by_role("dialog").get_by_role("button", name=re.compile("Harbour at dawn")))
    task.type("#id_tags", "Harbour")
    task.click(page.get_by_role("button", name="Save and submit for review").last)  # at the foot, where writing ends
    task.click(page.get_by_role("button", name="Submit for review"))
    expect(page.locator(".messagelist")).to_contain_text("Submit for review: done")
    article = Article.objects.get(title="The harbour reopens")
    assert article.status == "in_review" and article.featured_image is not None and "image:" in article.body
    assert (task.clicks, task.typed) == (7, 3)

    page = desk(editor, 1280)
    page.goto("/admin/")
    task = Clicks(page)
    task.click(page.locator("#desk-review-queue").get_by_role("link", name="The harbour reopens"))
    task.click(page.locator("#id_warnings").get_by_label("War and conflict"))  # a changed choice is a decision
    task.click(page.get_by_role("button", name="Save and publish now").last)  # at the foot, under the warnings
    expect(page.locator(".messagelist")).to_contain_text("Published.")
    article.refresh_from_db()
    assert article.is_live and list(article.warnings.values_list("slug", flat=True)) == ["war-and-conflict"]
    assert task.clicks == 3


@pytest.mark.parametrize("width", [1280, 390])
def test_changes_requested_reach_the_writers_desk(desk, writer, editor, width):
    """The editor presses "Save and request changes" and writes why; the writer's desk shows the article
    under "Came back with changes requested" with the editor's comment and name."""
    expect = _expect()
    article = make_article(writer, "in_review")
    page = desk(editor, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Save and request changes").click()
    page.fill("#id_comment", "Name the second source, please.")
    page.get_by_role("button", name="Request changes").click()
    expect(page.locator(".messagelist")).to_contain_text("Request changes: done")
    page = desk(writer, width)
    page.goto("/admin/")
    sent_back = page.locator("#desk-sent-back")
    expect(sent_back).to_contain_text(article.title)
    expect(sent_back).to_contain_text("Name the second source, please.")
    expect(sent_back).to_contain_text(f"— {editor.username}")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    shoot(page, f"writer-desk-sent-back-{width}")



def test_text_left_before_autosave_is_offered_back_not_imposed(desk, writer):
    """Text typed on "Write an article" and left before autosave is not poured into the next new article:
    the form starts empty and offers it back; putting it back restores it."""
    expect = _expect()
    page = desk(writer, 1280)
    page.goto("/admin/articles/article/add/")
    page.click("#id_body")
    page.keyboard.type("Notes I walked away from.")
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/admin/")
    page.get_by_role("link", name="Write an article").click()
    expect(page.locator("#id_body")).to_have_value("")
    offer = page.get_by_role("button", name=re.compile("Put back what I typed"))
    expect(offer).to_be_visible()
    offer.click()
    expect(page.locator("#id_body")).to_have_value("Notes I walked away from.")


def test_a_dated_draft_keeps_its_date_through_autosave_and_save(desk, writer):
    """A draft with a publication date shows it in the browser's date and time boxes; autosave and Save
    then keep it (in the locale's 04/03/2026 the date box showed empty, and every save was refused)."""
    expect = _expect()
    article = make_article(writer, "draft")
    when = timezone.make_aware(timezone.datetime(2026, 3, 4, 9, 30))
    Article.objects.filter(pk=article.pk).update(published_at=when)
    page = desk(writer, 1366)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#id_published_at_0")).to_have_value("2026-03-04")
    expect(page.locator("#id_published_at_1")).to_have_value("09:30")
    page.fill("#id_body", "Dated, and typed again.")
    expect(page.locator(".article-editor-status")).to_contain_text("Saved", timeout=10_000)
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.published_at == when and article.body == "Dated, and typed again."


@pytest.mark.parametrize("width", [390, 1366])
def test_the_editors_request_is_in_sight_when_the_writer_opens_her_draft(desk, writer, editor, width):
    """A writer opening a draft sent back reads the editor's request in the workflow box, in the first
    screenful, on a phone and a laptop."""
    from articles import workflow

    expect = _expect()
    article = make_article(writer, "draft")
    workflow.perform("submit", article, writer)
    workflow.perform("request_changes", article, editor, comment="Name the second source, or cut the paragraph.")
    page = desk(writer, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    note = page.locator("#workflow-note")
    expect(note).to_contain_text("Name the second source, or cut the paragraph.")
    box = note.bounding_box()
    assert box["y"] + box["height"] <= 900, box
    shoot(page, f"sent-back-note-{width}")


@pytest.mark.parametrize("width", [1280, 1366, 1920])
def test_a_long_headline_is_read_whole_in_its_box(desk, writer, width):
    """The headline box is wide enough for a 90-character headline from 1280 px (Django's 20em box showed 38
    characters of it; at 1100 px with the sidebar open the column itself is narrower than such a line)."""
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(
        title="When Turkish-backed jihadists link up with Daesh: the crossing at Jarablus, ten years on")
    page = desk(writer, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    scroll, client = page.eval_on_selector("#id_title", "el => [el.scrollWidth, el.clientWidth]")
    assert scroll <= client, (scroll, client)
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") == 0


def test_the_revision_page_buttons_look_like_the_admins(desk, writer, editor):
    """"Approve" on a pending revision is styled as the admin's main button (it was the browser's grey
    default), and "Send back" as an admin button."""
    from articles import workflow

    article = make_article(writer, "published")
    revision = workflow.propose_revision(article, editor, workflow.content_of(article).replace(standfirst="New standfirst."))
    page = desk(editor, 1366)
    page.goto(f"/admin/articles/article/{article.pk}/revisions/{revision.pk}/")
    style = "el => getComputedStyle(el).backgroundColor"
    approve = page.get_by_role("button", name="Approve: make this the live version").evaluate(style)
    send_back = page.get_by_role("button", name="Send back (comment required)").evaluate(style)
    default = page.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--default-button-bg').trim()")
    assert default and approve == page.evaluate(
        "c => { const e = document.createElement('i'); e.style.color = c; document.body.append(e); "
        "const v = getComputedStyle(e).color; e.remove(); return v; }", default)
    assert send_back not in ("rgb(239, 239, 239)", "rgba(0, 0, 0, 0)")


@pytest.mark.parametrize("width", [390, 1366])
def test_the_workflow_buttons_are_as_easy_to_hit_as_save(desk, writer, editor, width):
    """The workflow box's buttons (top) and "Save and submit for review" (foot) are at least 32 px tall,
    like Save: Django's form styles made them 19 px."""
    article = make_article(writer, "draft")
    page = desk(writer, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    heights = page.eval_on_selector_all("button[name=_workflow]", "els => els.map(el => el.getBoundingClientRect().height)")
    assert len(heights) == 2 and min(heights) >= 32, heights
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") == 0
    page = desk(editor, width)
    page.goto(f"/admin/articles/article/{make_article(writer, 'in_review').pk}/change/")
    heights = page.eval_on_selector_all(".workflow-box button[name=_workflow]", "els => els.map(el => el.getBoundingClientRect().height)")
    assert len(heights) >= 4 and min(heights) >= 32, heights
    shoot(page, f"workflow-buttons-editor-{width}")
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") == 0


def _sidebar(page):
    return page.evaluate(f"""() => ({{
        open: document.getElementById('main').classList.contains('shifted'),
        expanded: document.getElementById('nav-sidebar').getAttribute('aria-expanded'),
        remembered: localStorage.getItem('{SIDEBAR_KEY}'),
        form: document.getElementById('content').getBoundingClientRect().width,
    }})""")


def test_the_sidebar_starts_closed_on_a_tablet_and_stays_open_once_opened(desk, writer):
    """At 768 px the admin's sidebar starts closed, leaving the form the window's width, without remembering a
    choice nobody made (a laptop's window still starts with it open); once the person opens it, it stays open
    after a reload, as Django remembers it."""
    article = make_article(writer, "draft")
    url = f"/admin/articles/article/{article.pk}/change/"
    page = desk(writer, 768)
    page.goto(url)
    page.wait_for_load_state("load")
    state = _sidebar(page)
    assert (state["open"], state["expanded"], state["remembered"]) == (False, "false", None), state
    assert state["form"] >= 700, state  # beside the open sidebar it was about 430 px
    shoot(page, "sidebar-768-closed")
    page.click("#toggle-nav-sidebar")
    assert _sidebar(page)["open"] and _sidebar(page)["remembered"] == "true"
    page.reload()
    page.wait_for_load_state("load")
    assert _sidebar(page)["open"]
    shoot(page, "sidebar-768-opened")
    wide = desk(writer, 1280)
    wide.goto(url)
    wide.wait_for_load_state("load")
    state = _sidebar(wide)
    assert (state["open"], state["expanded"], state["remembered"]) == (True, "true", None), state


def test_a_save_whose_move_is_refused_raises_no_false_alarm_of_someone_elses_save(desk, writer, editor):
    """An editor records her warning decision and presses "Save and publish now" on an import held for its
    missing date (its imported body ends with a line break, which the save drops): the save goes through, the
    move is refused, and the page says that, never "Someone saved
    this article after your unsaved text" (her own save) nor offers her own saved text back."""
    expect = _expect()
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(source_name="004.txt", published_at=None, warnings_decided_at=None,
                                                 no_warnings_apply=False, body="Imported text.\n\nIts last line.\n")
    article.suggested_warnings.set(ContentWarning.objects.filter(slug="war-and-conflict"))
    page = desk(editor)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.check("#id_record_warning_decision")
    page.get_by_role("button", name="Save and publish now").last.click()  # at the foot, by the decision
    expect(page.locator(".messagelist")).to_contain_text("Your changes were saved, but the article was not moved")
    page.wait_for_load_state("networkidle")
    assert page.locator(".article-editor-status").inner_text() == ""
    assert page.get_by_role("button", name=re.compile("Put back")).count() == 0
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('masthead-unsaved:')).length") == 0
    assert Decision.objects.filter(article=article, action="warnings_decided").exists()


LONG_HEADLINE = ("After eleven weeks under siege, families in the old city count the missing as the first aid convoys "
                 "finally reach the river crossing")


@pytest.mark.parametrize("width", [1024, 1280, 1366])
def test_a_headline_of_130_characters_is_read_whole_and_stays_one_line(desk, writer, width):
    """The headline box shows a 130-character headline whole (it wraps onto a second line instead of scrolling
    out of sight), and Enter in it breaks no line but saves, as in a one-line box: a headline is one line."""
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(title=LONG_HEADLINE)
    page = desk(writer, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    sizes = page.eval_on_selector("#id_title", "el => [el.scrollWidth, el.clientWidth, el.scrollHeight, el.clientHeight]")
    assert sizes[0] <= sizes[1] and sizes[2] <= sizes[3], sizes
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") == 0
    page.locator("#id_title").press("Control+End")
    page.locator("#id_title").press_sequentially(" at last")
    with page.expect_navigation():
        page.locator("#id_title").press("Enter")
    article.refresh_from_db()
    assert (article.title, article.status) == (LONG_HEADLINE + " at last", "draft")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_notes_box_has_a_paragraphs_room_under_its_label(desk, writer, editor, width):
    """"What needs to change" (a move's confirmation) and a correction's text sit under their labels in a box as
    wide as the column allows up to 48rem (Django's aligned row left 300 px beside the label at 1280 px)."""
    draft = make_article(writer, "in_review")
    live = make_article(writer, "published")
    page = desk(editor, width)
    for url in (f"/admin/articles/article/{draft.pk}/transition/request_changes/",
                f"/admin/articles/article/{live.pk}/correction/"):
        page.goto(url)
        box, label = page.evaluate("""() => { const t = document.querySelector('form textarea');
            return [t.getBoundingClientRect(), document.querySelector(`label[for="${t.id}"]`).getBoundingClientRect()]
                .map(r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width})); }""")
        assert box["top"] >= label["bottom"] - 1, (url, box, label)
        assert box["width"] >= min(width - 40, 700), (url, box)
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") == 0


@pytest.mark.parametrize("width", [390, 1280])
def test_a_tag_in_use_is_added_to_the_box_with_a_press(desk, writer, width):
    """Under the Tags box the newsroom's tags in use are buttons: a press adds one after a comma (once, whatever
    its case in the box) and shows it added, autosave keeps it, and on a phone they and "Insert picture" are 44 px
    targets."""
    from tests.factories import ArticleFactory

    expect = _expect()
    ArticleFactory(tags=["Siege of Aleppo"])
    article = make_article(writer, "draft")
    page = desk(writer, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_tags", "Aleppo")
    suggestion = page.locator(".tag-suggestions").get_by_role("button", name="Siege of Aleppo")
    expect(suggestion).to_have_attribute("aria-pressed", "false")
    if width < 768:  # a finger's target on a phone
        assert suggestion.bounding_box()["height"] >= 44
        assert page.get_by_role("button", name="Insert picture").bounding_box()["height"] >= 44
    suggestion.click()
    expect(suggestion).to_have_attribute("aria-pressed", "true")  # shown as added, with a tick
    expect(suggestion).to_have_text("✓ Siege of Aleppo")
    suggestion.click()
    assert page.input_value("#id_tags") == "Aleppo, Siege of Aleppo"
    expect(page.locator(".article-editor-status")).to_contain_text("Saved", timeout=15_000)
    assert sorted(article.tags.names()) == ["Aleppo", "Siege of Aleppo"]
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") == 0
    page.fill("#id_tags", "Aleppo")  # typed out of the box: released
    expect(suggestion).to_have_attribute("aria-pressed", "false")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_publication_date_is_said_in_words_beside_its_boxes(desk, writer, width):
    """Beside "Published at" the date the boxes hold is said in words with its time and zone, whatever order
    the browser shows the boxes in (12/07/2026 in an American browser is 7 December)."""
    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_published_at_0", "2026-12-07")
    page.fill("#id_published_at_1", "09:00")
    expect(page.locator(".date-time__words")).to_have_text("Monday 7 December 2026, 09:00 (Europe/London)")
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") == 0


@pytest.mark.parametrize("width", [390, 1280])
def test_the_schedule_time_is_said_in_words_beside_its_box(desk, writer, editor, width):
    """Beside "Schedule for" (one date-and-time box, shown in the browser's own order) the day it holds is said in
    words, and follows what is typed; the box's time zone stays named beside it once."""
    expect = _expect()
    article = make_article(writer, "in_review")
    page = desk(editor, width)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    box = page.locator("#id__schedule_at")
    box.fill("2026-12-07T09:00")
    words = page.locator("#schedule-words")
    expect(words).to_have_text("Monday 7 December 2026, 09:00")
    box.fill("2027-01-12T18:30")
    expect(words).to_have_text("Tuesday 12 January 2027, 18:30")
    assert "schedule-words" in box.get_attribute("aria-describedby")
    expect(page.locator("#schedule-zone")).to_have_text("Europe/London")
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") == 0


def _leave_before_autosave(page):
    """Leave the form at once (before autosave), as a closed tab does: the text stays only in this browser."""
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/admin/")


def _typed_then_saved_over(desk, writer, box, typed, edit_body):
    """The writer types ``typed`` in ``box`` of her draft and leaves before autosave; someone then saves the body as
    ``edit_body`` makes it; she opens the draft again. Returns (her page, the article)."""
    article = make_article(writer, "draft")
    page = desk(writer)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill(box, typed)
    _leave_before_autosave(page)
    article.refresh_from_db()
    article.body = edit_body(article.body)
    article.save()
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    return page, article


def _kept_copies(page):
    return page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('masthead-unsaved:')).length")


def test_a_copy_older_than_someone_elses_save_comes_back_field_by_field(desk, writer, editor):
    """The writer changes the standfirst and leaves before autosave; an editor then saves a new paragraph. Putting
    the writer's copy back returns her standfirst beside the editor's paragraph, and the autosave after it keeps
    both: nobody's work is lost."""
    expect = _expect()
    page, article = _typed_then_saved_over(desk, writer, "#id_standfirst", "The writer's new standfirst.",
                                           lambda body: body + "\n\nEDITOR: verified casualty figure, 14 dead.")
    expect(page.locator(".article-editor-status")).to_contain_text("Someone saved this article after your unsaved text")
    page.get_by_role("button", name=re.compile("Put back my changes")).click()
    expect(page.locator("#id_standfirst")).to_have_value("The writer's new standfirst.")
    expect(page.locator("#id_body")).to_have_value(re.compile("EDITOR: verified casualty figure"))
    expect(page.locator(".article-editor-status")).to_contain_text("Saved", timeout=10_000)
    shoot(page, "kept-copy-merged")
    article.refresh_from_db()
    assert article.standfirst == "The writer's new standfirst."
    assert "EDITOR: verified casualty figure, 14 dead." in article.body


def test_a_field_both_changed_keeps_the_newer_save_and_shows_the_kept_text(desk, writer, editor):
    """When the writer's kept body and an editor's later save both changed the body, the form keeps the editor's body
    and shows the writer's under the status line to compare and copy from; it never overwrites the save unseen."""
    expect = _expect()
    page, article = _typed_then_saved_over(desk, writer, "#id_body", "The writer's own version of the text.",
                                           lambda body: "The editor's version of the text.")
    page.get_by_role("button", name=re.compile("Put back my changes")).click()
    expect(page.locator("#id_body")).to_have_value("The editor's version of the text.")
    expect(page.locator(".article-editor-status")).to_contain_text("Someone changed these too")
    kept = page.locator(".article-editor-kept textarea")
    expect(kept).to_have_value("The writer's own version of the text.")
    shoot(page, "kept-copy-conflict")
    page.wait_for_timeout(4_000)  # an autosave, were one to run
    article.refresh_from_db()
    assert article.body == "The editor's version of the text."


def test_an_autosaved_body_ending_in_a_line_break_raises_no_alarm_on_return(desk, writer):
    """A headline and a body typed to their ends (a line break last), autosaved, then a space typed after the save (the
    server would drop it), left and come back to with Back: no "text that was never saved" offer, no copy kept."""
    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.locator("#id_title").click()
    page.keyboard.press("End")
    page.keyboard.type(" and more ")
    page.locator("#id_body").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" A paragraph, then Enter.")
    page.keyboard.press("Enter")
    expect(page.locator(".article-editor-status")).to_contain_text("Saved", timeout=10_000)
    page.keyboard.type(" ")  # (a space after the save: nothing the server would keep)
    page.wait_for_timeout(300)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/admin/")
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("button", name=re.compile("Put back")).count() == 0
    assert _kept_copies(page) == 0


def test_opening_and_closing_the_picture_chooser_changes_nothing(desk, writer):
    """A body typed to its end with a blank line, autosaved; "Insert picture" opened and closed with Escape: the form
    is as saved (no "Unsaved changes", no copy kept in the browser), and opening it again offers nothing back."""
    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.locator("#id_body").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" One more sentence.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(page.locator(".article-editor-status")).to_contain_text("Saved", timeout=10_000)
    page.get_by_role("button", name="Insert picture").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    page.wait_for_timeout(500)
    assert "Unsaved changes" not in page.locator(".article-editor-status").inner_text()
    assert _kept_copies(page) == 0
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("button", name=re.compile("Put back")).count() == 0


def test_a_draft_retitled_twice_keeps_an_address_that_follows_its_headline(desk, writer):
    """A never-live draft's address follows its headline through autosave, shown in the Slug box, and follows it again
    after a second retitling (the box's address, as saved, is not taken for one typed by hand)."""
    expect = _expect()
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(title="Clinic notes", slug="clinic-notes")  # (made from its headline)
    page = desk(writer)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_title", "Nurses describe a week of shelling")
    expect(page.locator("#id_slug")).to_have_value("nurses-describe-a-week-of-shelling", timeout=10_000)
    page.fill("#id_title", "Border clinic: nurses describe a week of shelling")
    expect(page.locator("#id_slug")).to_have_value("border-clinic-nurses-describe-a-week-of-shelling", timeout=10_000)
    article.refresh_from_db()
    assert article.slug == "border-clinic-nurses-describe-a-week-of-shelling"


def test_text_in_a_form_sent_back_refused_is_kept_and_offered_back(desk, writer):
    """A save refused for an error (a picture that does not exist) comes back with the text in the form: the page says
    it is not saved, keeps it in this browser, asks before leaving, and offers it back on return."""
    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_body", "WANDA-PARA-1 with a map.\n\n![map](image:999999)")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".article-editor-status")).to_contain_text("Not saved")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.goto("/admin/")
    assert asked == ["beforeunload"]
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name=re.compile("Put back")).click()
    expect(page.locator("#id_body")).to_have_value(re.compile("WANDA-PARA-1"))


def test_text_typed_while_an_editor_publishes_the_draft_is_shown_to_copy(desk, writer, editor):
    """A writer types in her draft; an editor publishes it meanwhile. Her Save is refused in words (not a bare 403),
    and the page she may now only read shows what she typed, kept in the browser, to copy."""
    from articles import workflow

    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_body", "WALT-PARA: a paragraph typed while the editor published.")
    workflow.perform("publish", article, editor)
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("you may no longer edit it")
    kept = page.locator(".article-editor-kept-elsewhere textarea")
    expect(kept.first).to_be_visible()
    assert any("WALT-PARA" in value for value in kept.evaluate_all("els => els.map(e => e.value)"))
    shoot(page, "kept-text-after-publication")
    page.get_by_role("button", name="Discard it").click()
    expect(page.locator(".article-editor-kept-elsewhere")).to_have_count(0)


@pytest.mark.parametrize("width", [390, 1024])
def test_the_revisions_page_and_the_picture_library_fit_the_window(desk, writer, editor, width):
    """The revisions of a live article and the picture library (a long headline where a picture is used) are read
    without the page scrolling sideways; a picture's title opens it."""
    from articles import workflow
    from tests.factories import ArticleFactory

    expect = _expect()
    live = make_article(writer, "published")
    workflow.propose_revision(live, editor, workflow.content_of(live).replace(body="An edit of the body."))
    picture = stored("Harbour at dawn")
    ArticleFactory(title=LONG_HEADLINE, featured_image=picture)
    page = desk(editor, width)
    page.goto(f"/admin/articles/article/{live.pk}/revisions/")
    expect(page.get_by_role("link", name=re.compile("Review: compare"))).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    shoot(page, f"revisions-{width}")
    page.goto("/admin/articles/image/")
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    shoot(page, f"picture-library-{width}")
    page.get_by_role("link", name="Harbour at dawn").first.click()
    expect(page.locator("#id_title")).to_have_value("Harbour at dawn")


def test_a_submitted_draft_shows_no_false_alarm_of_unsaved_text(desk, writer):
    """"Save and submit for review", then confirmed: the article's page (hers to read only now, or still to edit) shows
    no "was not saved" box and keeps no copy of the text."""
    expect = _expect()
    article = make_article(writer, "draft")
    page = desk(writer)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_body", "Submitted text.")
    page.get_by_role("button", name="Save and submit for review").first.click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("Submit for review: done")
    page.wait_for_load_state("networkidle")
    assert page.locator(".article-editor-kept-elsewhere").count() == 0
    assert _kept_copies(page) == 0
