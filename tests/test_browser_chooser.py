"""The image chooser in a real Chromium (Playwright, as tests/test_browser.py), at 1280 px and 390 px: a
writer places two pictures in her body through the chooser (one found by search, one uploaded from the
dialog), sets the featured image through it, and saves; keyboard, focus and axe-core with the dialog open.
Screenshots go to test-artifacts/screenshots/."""

import re

import pytest

from articles.models import Article, Image
from tests.pictures import photo, stored
from tests.test_browser import SCREENSHOTS, _csp_violations, _log_in, axe_violations, browser, shoot  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (make setup installs it)").expect

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(SIZES))
def size(request):
    return request.param


@pytest.fixture
def library(settings, tmp_path, writer, other_writer):
    """The writer's own pictures (a harbour, a market, a graphic one) and another writer's harbour she must not see."""
    settings.MEDIA_ROOT = tmp_path / "media"
    harbour = stored("Harbour at dawn", data=photo((1200, 800), metadata=False), uploaded_by=writer,
                     alt_text="Fishing boats tied up at dawn", caption="The harbour on Tuesday.", credit="Ana Ruiz")
    stored("Market stalls", data=photo((900, 600), metadata=False), uploaded_by=writer, credit="Staff")
    stored("Prison cell", data=photo((900, 600), metadata=False), uploaded_by=writer, graphic=True,
           alt_text="Blood on the floor of a cell", caption="A cell in the former prison.")
    stored("Harbour, not hers", data=photo((900, 600), metadata=False), uploaded_by=other_writer)
    (tmp_path / "checkpoint.jpg").write_bytes(photo((1000, 700)))
    return {"harbour": harbour, "upload": tmp_path / "checkpoint.jpg"}


@pytest.fixture
def desk(browser, live_server, writer, size):  # noqa: F811 (browser is the imported fixture)
    """The writer logged in, and what the Content-Security-Policy refused meanwhile (nothing, at the end)."""
    context = browser.new_context(viewport=SIZES[size], base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    refused = _csp_violations(page)
    _log_in(page, writer.username)
    yield page, refused
    context.close()
    assert refused == [], refused


def assert_axe_clean(page, refused):
    """axe-core finds no violation. The inline styles axe itself applies are refused by the policy: those
    refusals are not the page's, and are dropped."""
    before = len(refused)
    count, report = axe_violations(page)
    page.wait_for_timeout(200)  # let the console messages of axe's run arrive
    del refused[before:]
    assert count == 0, report


def shoot_screen(page, name, size):
    """A screenshot of what is on the screen (the dialog over the form), not the whole page."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{size}.png"))


def open_chooser(page, button_name):
    page.get_by_role("button", name=button_name).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#image-chooser-q")).to_be_focused()
    return dialog


def test_a_writer_places_two_pictures_and_a_featured_image_through_the_chooser(desk, size, library):
    """Through the chooser a writer places a found and an uploaded picture, sets the featured image, saves."""
    page, refused = desk
    page.goto("/admin/articles/article/add/")
    page.fill("#id_title", "The harbour reopens")
    page.fill("#id_tags", "Harbours")
    page.fill("#id_body", "The harbour reopened on Tuesday.")
    page.locator("#id_body").press("End")

    dialog = open_chooser(page, "Insert picture")
    expect(dialog.get_by_role("heading")).to_have_text("Insert a picture in the body")
    expect(dialog.locator("[data-image-id]")).to_have_count(3)  # her three, never the other writer's
    expect(dialog.get_by_role("button", name=re.compile("Prison cell"))).to_contain_text("Graphic: readers see it covered")
    expect(dialog.locator("[data-graphic] img")).to_have_count(0)  # covered: nothing of it is shown
    shoot_screen(page, "chooser-open", size)
    page.fill("#image-chooser-q", "harbour")
    expect(dialog.locator("[data-image-id]")).to_have_count(1)
    expect(dialog.locator(".image-chooser__count")).to_contain_text("1 picture matching “harbour”")
    assert_axe_clean(page, refused)
    shoot_screen(page, "chooser-search", size)
    dialog.get_by_role("button", name=re.compile("Harbour at dawn")).click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#id_body")).to_be_focused()  # back to writing, after the picture
    harbour = library["harbour"].pk
    placed = f"![Fishing boats tied up at dawn](image:{harbour})"
    assert page.input_value("#id_body") == f"The harbour reopened on Tuesday.\n\n{placed}\n\n"

    page.keyboard.type("Traders said the fish was fresh.")
    dialog = open_chooser(page, "Insert picture")
    dialog.get_by_text("Upload a new picture").click()
    page.set_input_files("#id_chooser-upload", str(library["upload"]))
    page.fill("#id_chooser-title", "Checkpoint queue")
    dialog.get_by_role("button", name="Upload and use it").click()
    expect(dialog.locator(".errorlist")).to_have_text(
        "Describe the picture for readers who cannot see it, or tick “decorative”.")
    expect(page.locator("#id_chooser-alt_text")).to_be_focused()
    assert_axe_clean(page, refused)
    shoot_screen(page, "chooser-upload-error", size)
    page.fill("#id_chooser-alt_text", "Cars queue at the checkpoint")
    dialog.get_by_role("button", name="Upload and use it").click()  # the picked file is kept
    expect(dialog).to_be_hidden()
    uploaded = Image.objects.get(title="Checkpoint queue")
    assert page.input_value("#id_body").endswith(f"fresh.\n\n![Cars queue at the checkpoint](image:{uploaded.pk})\n\n")

    dialog = open_chooser(page, "Choose…")
    expect(dialog.get_by_role("heading")).to_have_text("Choose the featured image")
    dialog.get_by_role("button", name=re.compile("Harbour at dawn")).click()
    field = page.get_by_role("group", name="Featured image")
    expect(field.locator("img")).to_be_visible()
    expect(field).to_contain_text(f"Harbour at dawn image:{harbour}")
    expect(page.get_by_role("button", name="Choose…")).to_be_focused()
    expect(page.locator(".body-preview__text .article__body picture")).to_have_count(2)
    expect(page.locator(".body-preview__text picture")).to_have_count(3)  # the featured image leads the preview
    field.scroll_into_view_if_needed()
    shoot(page, "chooser-placed", size)

    page.locator("input[name=_continue]").click()
    # Autosave made the draft while the writer chose pictures: the Save changes it.
    expect(page.locator(".messagelist")).to_contain_text(re.compile("was (added|changed) successfully"))
    article = Article.objects.get(title="The harbour reopens")
    assert article.featured_image_id == harbour
    assert sorted(article.body_images.values_list("pk", flat=True)) == sorted([harbour, uploaded.pk])
    expect(page.locator(".body-preview__text .article__body picture")).to_have_count(2)
    expect(page.get_by_role("group", name="Featured image")).to_contain_text("Harbour at dawn")
    shoot(page, "chooser-saved", size)


def test_the_chooser_by_keyboard(desk, size, library):
    """By keyboard: Enter opens the dialog, Tab stays inside, Escape returns to Choose…; Remove clears it."""
    page, refused = desk
    page.goto("/admin/articles/article/add/")
    page.get_by_role("button", name="Choose…").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.locator("#image-chooser-q")).to_be_focused()
    for _ in range(12):  # a modal dialog keeps the page behind it out of reach
        page.keyboard.press("Tab")
        assert page.evaluate("() => !!document.activeElement.closest('dialog')")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_role("button", name="Choose…")).to_be_focused()

    page.keyboard.press("Enter")
    page.get_by_role("dialog").get_by_role("button", name=re.compile("Market stalls")).focus()
    page.keyboard.press("Enter")
    assert page.input_value("input[name=featured_image]") == str(Image.objects.get(title="Market stalls").pk)
    page.get_by_role("button", name="Remove").click()
    assert page.input_value("input[name=featured_image]") == ""
    expect(page.get_by_role("group", name="Featured image")).to_contain_text("No picture chosen.")
    expect(page.get_by_role("button", name="Choose…")).to_be_focused()


def test_the_open_dialog_in_dark_mode(browser, live_server, writer, library):  # noqa: F811
    """In the dark colour scheme the open dialog (a graphic picture covered in it) has no axe-core violation."""
    context = browser.new_context(viewport=SIZES["desktop"], base_url=live_server.url, color_scheme="dark")
    try:
        page = context.new_page()
        refused = _csp_violations(page)
        _log_in(page, writer.username)
        page.goto("/admin/articles/article/add/")
        open_chooser(page, "Insert picture")
        page.get_by_text("Upload a new picture").click()
        assert_axe_clean(page, refused)
        shoot_screen(page, "chooser-open-dark", "desktop")
        assert refused == [], refused
    finally:
        context.close()


def test_the_library_copies_a_pictures_reference(desk, size, library):
    """In the library list, "Copy" beside a picture's reference puts ``image:N`` on the clipboard and says so."""
    page, refused = desk
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/admin/articles/image/")
    harbour = library["harbour"].pk
    button = page.get_by_role("button", name=f"Copy image:{harbour}")
    button.click()
    expect(button).to_have_text("Copied")
    expect(page.get_by_role("status").filter(has_text=f"Copied image:{harbour}")).to_have_count(1)
    assert page.evaluate("navigator.clipboard.readText()") == f"image:{harbour}"
    assert_axe_clean(page, refused)
    shoot(page, "library-references", size)
    page.goto(f"/admin/articles/image/{harbour}/change/")
    expect(page.get_by_role("button", name=f"Copy image:{harbour}")).to_be_visible()
    shoot(page, "library-picture-reference", size)


def test_a_writer_corrects_a_pictures_caption_without_leaving_her_article(desk, size, library):
    """From the chooser, and from the featured image, a writer corrects a picture's caption and alt text in the
    dialog: saved to the library, the preview shows the new caption, and her unsaved text is untouched."""
    page, refused = desk
    harbour = library["harbour"]
    page.goto("/admin/articles/article/add/")
    page.fill("#id_title", "The harbour reopens")
    page.fill("#id_body", f"Unsaved words of mine.\n\n![](image:{harbour.pk})\n\n")
    expect(page.locator(".body-preview__text figcaption")).to_contain_text("The harbour on Tuesday.")

    dialog = open_chooser(page, "Insert picture")
    item = dialog.locator("li").filter(has=page.locator(f"[data-image-id='{harbour.pk}']"))
    item.get_by_role("button", name="Edit caption and alt text").click()
    expect(page.locator("#id_describe-alt_text")).to_be_focused()
    expect(dialog.locator("#id_describe-caption")).to_have_value("The harbour on Tuesday.")
    assert_axe_clean(page, refused)
    shoot_screen(page, "chooser-describe", size)
    page.fill("#id_describe-alt_text", "")
    dialog.get_by_role("button", name="Save the picture’s description").click()
    expect(dialog.locator(".errorlist")).to_have_text(
        "Describe the picture for readers who cannot see it, or tick “decorative”.")
    page.fill("#id_describe-alt_text", "Fishing boats moored at the quay")
    page.fill("#id_describe-caption", "The harbour on Wednesday, after the storm.")
    dialog.get_by_role("button", name="Save the picture’s description").click()
    expect(dialog.locator("[data-chooser-announce]")).to_have_text(
        "Saved: the caption and alt text of “Harbour at dawn”.")
    expect(page.locator("#image-chooser-q")).to_be_visible()  # back to the list
    expect(item.get_by_role("button", name="Edit caption and alt text")).to_be_focused()
    page.keyboard.press("Escape")
    harbour.refresh_from_db()
    assert (harbour.alt_text, harbour.caption) == ("Fishing boats moored at the quay", "The harbour on Wednesday, after the storm.")
    expect(page.locator(".body-preview__text figcaption")).to_contain_text("The harbour on Wednesday, after the storm.")
    assert page.input_value("#id_body").startswith("Unsaved words of mine.")
    assert page.input_value("#id_title") == "The harbour reopens"

    dialog = open_chooser(page, "Choose…")
    dialog.get_by_role("button", name=re.compile("Harbour at dawn")).click()
    describe = page.get_by_role("group", name="Featured image").get_by_role("button", name="Edit caption and alt text")
    describe.click()
    expect(dialog.get_by_role("heading", level=2)).to_have_text("The featured image’s caption and alt text")
    page.fill("#id_describe-credit", "Ana Ruiz / Agency")
    shoot_screen(page, "chooser-describe-featured", size)
    dialog.get_by_role("button", name="Save the picture’s description").click()
    expect(dialog).to_be_hidden()
    expect(describe).to_be_focused()
    harbour.refresh_from_db()
    assert harbour.credit == "Ana Ruiz / Agency"
    assert page.input_value("#id_body").startswith("Unsaved words of mine.")


def test_a_picture_in_the_preview_has_its_own_edit_button(desk, size, library):
    """Under each picture the body places, the live preview has "Edit caption and alt text": it opens that
    picture's description in the dialog; saved, the dialog closes, the preview shows the new caption, focus is
    back on the picture's button and the unsaved text is untouched."""
    page, refused = desk
    harbour = library["harbour"]
    market = Image.objects.get(title="Market stalls")
    page.goto("/admin/articles/article/add/")
    page.fill("#id_title", "The harbour reopens")
    page.fill("#id_body", f"Unsaved words of mine.\n\n![](image:{market.pk})\n\nMore.\n\n![](image:{harbour.pk})\n")
    preview = page.locator(".body-preview__text")
    expect(preview.locator("figure")).to_have_count(2)
    button = preview.get_by_role("button", name="Edit caption and alt text of “Harbour at dawn”")
    expect(preview.get_by_role("button", name="Edit caption and alt text of “Market stalls”")).to_be_visible()
    button.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", level=3)).to_contain_text("Harbour at dawn")
    expect(page.locator("#id_describe-alt_text")).to_be_focused()
    expect(dialog.locator("#id_describe-caption")).to_have_value("The harbour on Tuesday.")
    shoot_screen(page, "preview-figure-describe", size)
    page.fill("#id_describe-caption", "The harbour on Thursday, boats back.")
    dialog.get_by_role("button", name="Save the picture’s description").click()
    expect(dialog).to_be_hidden()
    expect(preview.locator("figcaption").nth(1)).to_contain_text("The harbour on Thursday, boats back.")
    expect(preview.get_by_role("button", name="Edit caption and alt text of “Harbour at dawn”")).to_be_focused()
    harbour.refresh_from_db()
    assert harbour.caption == "The harbour on Thursday, boats back."
    assert page.input_value("#id_body").startswith("Unsaved words of mine.")
    assert page.input_value("#id_title") == "The harbour reopens"
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") == 0
    shoot(page, "preview-figure-edit-button", size)
    assert_axe_clean(page, refused)


def test_the_chooser_opened_again_lists_the_whole_library_not_the_last_search(desk, library):
    """A search for the body's picture, then "Choose…" for the featured image: the dialog opens on the whole library
    again (it kept the last search, one picture of three)."""
    page, refused = desk
    page.goto("/admin/articles/article/add/")
    page.fill("#id_title", "The harbour reopens")
    dialog = open_chooser(page, "Insert picture")
    page.fill("#image-chooser-q", "harbour")
    expect(dialog.locator("[data-image-id]")).to_have_count(1)
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
    dialog = open_chooser(page, "Choose…")
    expect(page.locator("#image-chooser-q")).to_have_value("")
    expect(dialog.locator("[data-image-id]")).to_have_count(3)
