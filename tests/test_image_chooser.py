"""The image chooser behind the article form: searching the pictures a person may use, page by page,
uploading one from the dialog (the library's own checks), the featured image's chooser field, and each
picture's reference in the library."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from articles.models import Article, Image
from tests.factories import ArticleFactory
from tests.pictures import photo, stored, upload

pytestmark = pytest.mark.django_db

DIALOG = reverse("admin:articles_article_image_chooser")
SEARCH = reverse("admin:articles_article_image_search")
UPLOAD = reverse("admin:articles_article_image_upload")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def picture(title, by=None, **fields):
    """A library row without files (enough to be listed; it has no thumbnail)."""
    fields.setdefault("alt_text", f"{title}, described")
    return Image.objects.create(title=title, uploaded_by=by, width=800, height=600, file=f"images/{title}.jpg", **fields)


def logged_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def listed(response):
    """The picture numbers a chooser page offers, in order."""
    return [int(number) for number in re.findall(r'data-image-id="(\d+)"', response.content.decode())]


def add_data(**fields):
    data = {"upload": upload(photo((640, 480), metadata=False)), "title": "Checkpoint",
            "alt_text": "A queue at the checkpoint", "caption": "", "credit": "Jo Lee"}
    return {f"chooser-{name}": value for name, value in {**data, **fields}.items()}


# --- searching -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query, field", [("harbour", "title"), ("flooded", "caption"), ("ruiz", "credit")])
def test_search_finds_pictures_by_title_caption_or_credit(editor, query, field):
    """A word of the title, the caption or the credit (any case) finds the picture, and nothing else."""
    wanted = picture("The harbour at dawn", caption="Streets flooded after the storm.", credit="Ana Ruiz")
    picture("Market", caption="Stalls reopen.", credit="Staff")
    assert listed(logged_in(editor).get(SEARCH, {"q": query})) == [wanted.pk]


def test_every_word_must_match_somewhere(editor):
    """Several words narrow the search: each must be in the title, caption or credit."""
    both = picture("Harbour", credit="Ana Ruiz")
    picture("Harbour at night", credit="Staff")
    assert listed(logged_in(editor).get(SEARCH, {"q": "harbour ruiz"})) == [both.pk]


def test_results_come_twelve_to_a_page_newest_first(editor):
    """Thirteen pictures make two pages: twelve newest first, then the oldest, linked both ways."""
    pictures = [picture(f"Picture {n}") for n in range(13)]
    client = logged_in(editor)
    first = client.get(SEARCH)
    assert listed(first) == [p.pk for p in reversed(pictures[1:])]
    assert "13 pictures — page 1 of 2" in first.content.decode()
    assert f'href="{SEARCH}?q=&amp;page=2"' in first.content.decode()
    second = client.get(SEARCH, {"page": 2})
    assert listed(second) == [pictures[0].pk] and "← Previous page" in second.content.decode()


def test_a_writer_finds_only_her_own_uploads_and_an_editor_all(writer, other_writer, editor):
    """The chooser lists a writer's own uploads only, whatever she searches; an editor sees the whole library."""
    mine = picture("Harbour, mine", by=writer)
    theirs = picture("Harbour, theirs", by=other_writer)
    as_writer = logged_in(writer).get(SEARCH, {"q": "harbour"})
    assert listed(as_writer) == [mine.pk]
    assert "only pictures you uploaded are listed" in as_writer.content.decode()
    assert listed(logged_in(writer).get(DIALOG)) == [mine.pk]
    assert sorted(listed(logged_in(editor).get(SEARCH, {"q": "harbour"}))) == sorted([mine.pk, theirs.pk])


def test_the_dialog_offers_search_thumbnails_and_the_upload_form(writer):
    """The dialog holds the search box, thumbnails with title and reference (graphic ones covered) and the upload form."""
    plain = stored("Rebuilt homes", data=photo((600, 400), metadata=False), uploaded_by=writer)
    covered = stored("Prison cell", data=photo((600, 400), metadata=False), uploaded_by=writer, graphic=True)
    html = logged_in(writer).get(DIALOG).content.decode()
    assert 'role="search"' in html and 'id="image-chooser-q"' in html
    assert html.count('class="library-thumbnail"') == 1 and plain.renditions.get(width=480, format="WEBP").file.url in html
    assert f"image:{plain.pk}" in html and f"image:{covered.pk}" in html
    assert "Graphic: readers see it covered" in html and "Graphic — covered" in html
    assert 'name="chooser-upload"' in html and 'name="chooser-alt_text"' in html and "csrfmiddlewaretoken" in html


def test_no_match_says_so(writer):
    """A search that finds nothing says so, and that a writer can only use her own uploads."""
    html = logged_in(writer).get(SEARCH, {"q": "nothing"}).content.decode()
    assert "No picture of yours matches “nothing”. Only pictures you uploaded can be used." in html


# --- uploading from the dialog ----------------------------------------------------------------------------


def test_a_writer_uploads_from_the_dialog(writer):
    """An upload from the dialog is stored as the library stores it, as hers, and answered 201 ready to choose."""
    response = logged_in(writer).post(UPLOAD, add_data())
    assert response.status_code == 201, response.content.decode()
    image = Image.objects.get()
    assert (image.title, image.uploaded_by, image.renditions.count()) == ("Checkpoint", writer, 4)
    assert listed(response) == [image.pk]
    assert 'data-alt="A queue at the checkpoint"' in response.content.decode()


@pytest.mark.parametrize("fields, messages", [
    ({"alt_text": ""}, ["Describe the picture for readers who cannot see it, or tick “decorative”."]),
    ({"upload": upload(b"GIF89a not really", name="banner.gif")}, ["Not uploaded: banner.gif:"]),
    ({"upload": "", "title": ""}, ["This field is required.", "This field is required."]),
])
def test_upload_problems_are_shown_one_message_each_and_nothing_is_stored(writer, fields, messages):
    """A refused upload answers 400 with the form and one message per problem; nothing is stored."""
    response = logged_in(writer).post(UPLOAD, add_data(**fields))
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count('<ul class="errorlist"') == len(messages)
    for message in set(messages):
        assert html.count(message) == messages.count(message)
    assert not Image.objects.exists()


def test_a_decorative_picture_needs_no_alt_text(writer):
    """Ticked decorative, an upload without alt text is stored, and the body gets an empty note."""
    response = logged_in(writer).post(UPLOAD, add_data(alt_text="", decorative="on"))
    assert response.status_code == 201 and 'data-alt=""' in response.content.decode()


# --- who may use it --------------------------------------------------------------------------------------


@pytest.mark.parametrize("method, url", [("get", DIALOG), ("get", SEARCH), ("post", UPLOAD)])
def test_anonymous_visitors_are_sent_to_log_in(client, method, url):
    """Without a login every chooser URL answers with the login page's redirect, and nothing is stored."""
    response = getattr(client, method)(url, add_data() if method == "post" else {})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Image.objects.exists()


def test_staff_who_cannot_write_articles_are_refused(django_user_model):
    """A staff login with no article permissions gets 403 from the chooser."""
    clerk = django_user_model.objects.create_user("clerk", password="a-long-password-123", is_staff=True)
    client = logged_in(clerk)
    assert client.get(DIALOG).status_code == 403
    assert client.post(UPLOAD, add_data()).status_code == 403


def test_an_upload_without_the_csrf_token_is_refused(writer):
    """The upload checks the CSRF token like every admin form: without it, 403 and nothing stored."""
    client = logged_in(writer, enforce_csrf_checks=True)
    assert client.post(UPLOAD, add_data()).status_code == 403
    assert not Image.objects.exists()
    token = client.get(DIALOG).context["csrf_token"]
    assert client.post(UPLOAD, {**add_data(), "csrfmiddlewaretoken": str(token)}).status_code == 201


def test_uploading_is_only_for_those_who_may_add_pictures(writer):
    """A writer without the library's add permission is offered no upload form, and a POST is refused."""
    writer.groups.first().permissions.remove(*writer.groups.first().permissions.filter(codename="add_image"))
    writer = User.objects.get(pk=writer.pk)
    client = logged_in(writer)
    assert "chooser-upload" not in client.get(DIALOG).content.decode()
    assert client.post(UPLOAD, add_data()).status_code == 403


# --- the article form ------------------------------------------------------------------------------------


def article_form(writer):
    """``(picture, html)``: a picture of ``writer``'s, featured on a draft of hers, and the draft's change form
    as she is shown it."""
    mine = stored("Rebuilt homes", data=photo((600, 400), metadata=False), uploaded_by=writer)
    article = Article.objects.create(title="Homes", slug="homes", author=writer.author_profile, created_by=writer,
                                     status="draft", featured_image=mine)
    return mine, logged_in(writer).get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()


def test_the_article_form_has_the_chooser(writer):
    """The body carries the chooser's address, its script loads, and the featured image is a chooser field."""
    mine, html = article_form(writer)
    assert f'data-image-chooser-url="{DIALOG}"' in html and "js/image-chooser.js" in html
    assert f'<input type="hidden" name="featured_image" value="{mine.pk}"' in html
    assert "Rebuilt homes <code>image:" in html and "library-thumbnail" in html
    assert "Choose…" in html and "Remove</button>" in html
    assert '<select name="featured_image"' not in html


def test_a_crafted_featured_image_of_someone_else_is_refused_clearly(writer, other_writer):
    """A crafted POST of another writer's picture as featured image is refused clearly, without showing it."""
    theirs = stored("Their secret picture", data=photo((600, 400), metadata=False), uploaded_by=other_writer)
    data = {"title": "With a picture", "slug": "with-a-picture", "author": writer.author_profile.pk, "published_at_0": "",
            "published_at_1": "", "standfirst": "", "body": "Text.", "image_credit": "", "tags": "",
            "warning_note": "", "featured_image": theirs.pk}
    html = logged_in(writer).post(reverse("admin:articles_article_add"), data).content.decode()
    assert "That picture is not one you may use: choose one of your own uploads." in html
    assert "Their secret picture" not in html
    assert not Article.objects.exists()


# --- the library ------------------------------------------------------------------------------------------


def test_the_library_shows_each_pictures_reference_with_a_copy_button(editor):
    """The library list and a picture's change page show ``image:N`` with a Copy button (and its script)."""
    image = stored("Rebuilt homes", data=photo((600, 400), metadata=False))
    client = logged_in(editor)
    for url in (reverse("admin:articles_image_changelist"), reverse("admin:articles_image_change", args=[image.pk])):
        html = client.get(url).content.decode()
        assert f'<code>image:{image.pk}</code>' in html
        assert f'data-copy="image:{image.pk}" aria-label="Copy image:{image.pk}" hidden>Copy</button>' in html
        assert "js/copy-reference.js" in html


def test_the_upload_form_is_open_while_there_is_no_picture_to_choose(writer):
    """With no picture of hers yet, the dialog's "Upload a new picture" box starts open; once she has one,
    it starts closed under the thumbnails."""
    def upload_box(html):
        return re.search(r"<details[^>]*data-chooser-upload-box[^>]*>", html).group(0)
    client = logged_in(writer)
    assert " open" in upload_box(client.get(DIALOG).content.decode())
    stored("Rebuilt homes", data=photo((600, 400), metadata=False), uploaded_by=writer)
    assert " open" not in upload_box(client.get(DIALOG).content.decode())


# --- describing a picture from the article's page -----------------------------------------------------------

DESCRIBE = reverse("admin:articles_article_image_describe")


def describe_data(image, **fields):
    data = {"title": image.title, "alt_text": image.alt_text, "caption": image.caption, "credit": image.credit}
    data.update(fields)
    return {f"describe-{name}": value for name, value in data.items() if value is not False}


def post_description(client, image, **fields):
    """``client`` saves ``image``'s description from the chooser: its fields as they are but ``fields``."""
    return client.post(f"{DESCRIBE}?image={image.pk}", describe_data(image, **fields))


def test_a_writer_corrects_her_pictures_caption_and_alt_text_from_the_chooser(writer, editor):
    """From the article's chooser a writer opens her picture's library form and saves a new caption and alt
    text: saved as the library saves it, on the record of the published article showing it."""
    mine = picture("Harbour", by=writer, caption="Boats.")
    live = ArticleFactory(title="The harbour reopens", featured_image=mine, decided=True)
    client = logged_in(writer)
    assert f'data-describe="{DESCRIBE}?image={mine.pk}"' in client.get(DIALOG).content.decode()
    form = client.get(DESCRIBE, {"image": mine.pk}).content.decode()
    assert 'name="describe-caption"' in form and 'name="describe-alt_text"' in form and "Boats." in form
    response = post_description(client, mine, caption="Fishing boats back in the harbour.",
                                alt_text="Boats moored at the quay")
    assert response.status_code == 200 and f'data-image-id="{mine.pk}"' in response.content.decode()
    mine.refresh_from_db()
    assert (mine.caption, mine.alt_text) == ("Fishing boats back in the harbour.", "Boats moored at the quay")
    entry = live.decisions.get(action="picture_changed")
    assert entry.actor == writer and any("Fishing boats" in change for change in entry.changes["picture_changes"])


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_writer_cannot_describe_a_picture_she_may_not_edit(writer, other_writer, method):
    """Another writer's picture is not found through the chooser's side path either, and stays as it was."""
    theirs = picture("Theirs", by=other_writer, caption="Their caption.")
    client = logged_in(writer)
    url = f"{DESCRIBE}?image={theirs.pk}"
    response = client.get(url) if method == "get" else post_description(client, theirs, caption="Mine now.")
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.caption == "Their caption." and "Theirs" not in response.content.decode()


def test_describing_needs_the_librarys_change_permission(writer):
    """Without the library's change permission no picture is offered for describing, and a POST is refused."""
    mine = picture("Mine", by=writer, caption="As it was.")
    group = writer.groups.first()
    group.permissions.remove(*group.permissions.filter(codename="change_image"))
    client = logged_in(User.objects.get(pk=writer.pk))
    assert "data-describe=" not in client.get(DIALOG).content.decode()
    assert post_description(client, mine, caption="Changed.").status_code == 403
    mine.refresh_from_db()
    assert mine.caption == "As it was."


def test_an_editor_describes_any_picture(editor, other_writer):
    """An editor may describe any library picture, as in the library."""
    theirs = picture("Theirs", by=other_writer)
    response = post_description(logged_in(editor), theirs, credit="Ana Ruiz")
    assert response.status_code == 200
    theirs.refresh_from_db()
    assert theirs.credit == "Ana Ruiz"


def test_describing_keeps_the_librarys_rules(writer, graphic):
    """No alt text (and not decorative) is refused, one message; so is marking graphic a picture a published
    article shows without a warning. Nothing is saved."""
    mine = picture("Mine", by=writer, caption="As it was.")
    ArticleFactory(title="Unwarned", featured_image=mine, decided=True)
    client = logged_in(writer)
    response = post_description(client, mine, alt_text="", caption="New.")
    assert response.status_code == 400 and "Describe the picture for readers" in response.content.decode()
    response = post_description(client, mine, graphic="on")
    assert response.status_code == 400 and "cannot be marked graphic" in response.content.decode()
    mine.refresh_from_db()
    assert mine.caption == "As it was." and not mine.graphic


def test_the_featured_image_offers_its_caption_and_alt_text(writer):
    """The featured image field has "Edit caption and alt text", pointing at the describe view."""
    _, html = article_form(writer)
    assert f'data-describe-url="{DESCRIBE}"' in html and "data-image-field-describe>Edit caption and alt text" in html


def test_describing_needs_the_csrf_token_and_a_picture_number(writer):
    """A description POST without the CSRF token is refused (403), and a missing or odd number is not found."""
    mine = picture("Mine", by=writer, caption="As it was.")
    client = logged_in(writer, enforce_csrf_checks=True)
    assert post_description(client, mine, caption="Forged.").status_code == 403
    for odd in ("", "abc", "-1", "9" * 30):
        assert client.get(DESCRIBE, {"image": odd}).status_code == 404
    mine.refresh_from_db()
    assert mine.caption == "As it was."
