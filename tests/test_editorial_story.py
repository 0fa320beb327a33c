"""The editorial story end to end, through the admin as a writer and an editor would live it.

After every step, every public URL is checked: nothing unpublished — no draft, no text in
review, no pending revision — reaches readers at any point.
"""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ContentWarning, Decision
from tests.routes import Subject, public_urls

pytestmark = pytest.mark.django_db

SECRET = "Zygomorphic"  # a word that appears nowhere else
REVISED = "Quixotically"


def readers_see(words, article):
    """True if any public page about the article (every route of tests/routes.py) shows ``words``, or
    searching for them finds the article."""
    reader = Client()
    for name, urls in public_urls(Subject.of(article, words=words)).items():
        for url in urls:
            response = reader.get(url)
            assert response.status_code in (200, 301, 302, 404), url
            if name == "articles:search":  # the page repeats the query: look for the article itself
                if article.get_absolute_url() in response.content.decode():
                    return True
            elif words in response.content.decode():
                return True
    return False


def post_transition(client, article, name, **data):
    response = client.post(reverse("admin:articles_article_transition", args=[article.pk, name]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_draft_to_scheduled_to_live_to_revised(writer, editor, time_machine, django_capture_on_commit_callbacks):
    """Writer drafts and submits; editor asks for changes; writer resubmits; editor decides warnings and
    schedules; it goes live on time; an edit of the live article waits as a revision until approved."""
    start = timezone.now().replace(microsecond=0)
    time_machine.move_to(start, tick=False)
    wanda, edith = Client(), Client()
    wanda.force_login(writer)
    edith.force_login(editor)

    # The writer drafts.
    response = wanda.post(reverse("admin:articles_article_add"), {
        "title": "Shelling resumes near the river",
        "slug": "shelling-resumes",
        "author": writer.author_profile.pk,
        "published_at_0": "", "published_at_1": "",
        "standfirst": "Residents describe the night.",
        "body": f"{SECRET} first draft.",
        "image_credit": "", "tags": "Syria", "warning_note": "",
    })
    assert response.status_code == 302
    article = Article.objects.get(slug="shelling-resumes")
    assert article.status == "draft" and article.created_by == writer
    assert not readers_see(SECRET, article)

    # Submits; the editor requests changes with a comment.
    post_transition(wanda, article, "submit")
    assert not readers_see(SECRET, article)
    post_transition(edith, article, "request_changes", comment="Name your sources.")
    article.refresh_from_db()
    assert article.status == "draft"

    # The writer revises and resubmits.
    response = wanda.post(reverse("admin:articles_article_change", args=[article.pk]), {
        "title": article.title, "slug": article.slug, "author": writer.author_profile.pk,
        "published_at_0": "", "published_at_1": "", "standfirst": article.standfirst,
        "body": f"{SECRET} second draft, with sources.", "image_credit": "", "tags": "Syria",
        "warning_note": "", "edit_version": article.version,
    })
    assert response.status_code == 302
    post_transition(wanda, article, "submit")
    article.refresh_from_db()

    # The editor cannot publish before deciding warnings; decides; schedules.
    refused = edith.post(reverse("admin:articles_article_transition", args=[article.pk, "publish"]), {})
    assert "before an editor decides its content warnings" in refused.content.decode()
    war = ContentWarning.objects.get(slug="war-and-conflict")
    response = edith.post(reverse("admin:articles_article_change", args=[article.pk]), {
        "title": article.title, "slug": article.slug, "author": writer.author_profile.pk,
        "published_at_0": "", "published_at_1": "", "standfirst": article.standfirst, "body": article.body,
        "image_credit": "", "tags": "Syria", "warning_note": "", "edit_version": article.version,
        "warnings": [war.pk], "record_warning_decision": "on",
    })
    assert response.status_code == 302
    at = timezone.localtime(start + timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):  # pages cached before end as on a commit
        post_transition(edith, article, "schedule", publish_at_0=at.strftime("%Y-%m-%d"),
                        publish_at_1=at.strftime("%H:%M:%S"))
    article.refresh_from_db()
    assert article.status == "published" and article.is_scheduled
    assert not readers_see(SECRET, article)

    # It goes live on time, with no job running.
    time_machine.move_to(at - timedelta(seconds=1), tick=False)
    assert not readers_see(SECRET, article)
    time_machine.move_to(at, tick=False)
    assert Client().get(article.get_absolute_url()).status_code == 200
    assert readers_see(SECRET, article)

    # The editor edits the live article: readers keep the old version until the revision is approved.
    article.refresh_from_db()
    response = edith.post(reverse("admin:articles_article_change", args=[article.pk]), {
        "title": article.title, "slug": article.slug, "author": writer.author_profile.pk,
        "published_at_0": at.strftime("%Y-%m-%d"), "published_at_1": at.strftime("%H:%M:%S"),
        "standfirst": article.standfirst, "body": f"{SECRET} {REVISED} correction.", "image_credit": "",
        "tags": "Syria", "warning_note": "", "edit_version": article.version, "warnings": [war.pk],
    })
    assert response.status_code == 302
    assert not readers_see(REVISED, article)
    revision = article.revisions.pending().get()
    with django_capture_on_commit_callbacks(execute=True):  # the page cache ends as on a commit
        edith.post(reverse("admin:articles_article_revision", args=[article.pk, revision.pk]), {"action": "approve"})
    assert readers_see(REVISED, article)

    # Every decision is on record, in order.
    actions = list(Decision.objects.filter(article=article).order_by("at", "id").values_list("action", flat=True))
    assert actions == [
        "submit", "request_changes", "submit", "warnings_decided", "schedule", "revision_proposed", "revision_approved",
    ]


def test_pictures_from_upload_to_a_published_warned_article(writer, editor, settings, tmp_path):
    """The issue's story: a writer uploads a phone photo carrying GPS and a second picture she marks
    graphic, uses both on her draft; the editor cannot publish it until a warning is decided; once
    published, readers meet the pictures only as the rules say, and no stored file holds the metadata.
    A later revision swapping the featured image shows it in the diff."""
    import feedparser
    from django.core.files.storage import default_storage

    from articles.models import Image, Rendition
    from tests.pictures import SECRET_PLACE, SERIAL, photo
    from tests.test_images import assert_no_metadata

    settings.MEDIA_ROOT = tmp_path / "media"
    wanda, edith = Client(), Client()
    wanda.force_login(writer)
    edith.force_login(editor)

    def upload(title, data, **fields):
        from django.core.files.uploadedfile import SimpleUploadedFile

        response = wanda.post(reverse("admin:articles_image_add"), {
            "upload": SimpleUploadedFile(f"{title}.jpg", data, content_type="image/jpeg"), "title": title,
            "alt_text": f"{title}, described", "caption": f"{title}, the caption.", "credit": "Wanda Writer", **fields,
        })
        assert response.status_code == 302, response.content.decode()[:3000]
        return Image.objects.get(title=title)

    crossing = upload("The crossing", photo((1200, 900)))
    wounded = upload("The wounded", photo((900, 600)), graphic="on")
    for image in (crossing, wounded):
        for name in [image.file.name, *Rendition.objects.filter(image=image).values_list("file", flat=True)]:
            with default_storage.open(name) as handle:
                assert_no_metadata(handle.read())
    assert SERIAL and SECRET_PLACE  # what assert_no_metadata looked for

    fields = {
        "title": "Crossing reopens after the strike", "slug": "crossing-reopens", "author": writer.author_profile.pk,
        "published_at_0": "", "published_at_1": "", "standfirst": "Families wait to cross.",
        "body": f"The crossing reopened.\n\n![](image:{wounded.pk})\n\n{SECRET} stayed.", "image_credit": "",
        "tags": "Syria", "warning_note": "", "featured_image": crossing.pk,
    }
    assert wanda.post(reverse("admin:articles_article_add"), fields).status_code == 302
    article = Article.objects.get(slug="crossing-reopens")
    post_transition(wanda, article, "submit")
    article.refresh_from_db()

    # "No warnings apply" is a decision, but not one a graphic picture can be published under.
    change = {**fields, "edit_version": article.version, "no_warnings_apply": "on", "record_warning_decision": "on"}
    assert edith.post(reverse("admin:articles_article_change", args=[article.pk]), change).status_code == 302
    refused = edith.post(reverse("admin:articles_article_transition", args=[article.pk, "publish"]), {})
    assert "shows a graphic image (“The wounded”)" in refused.content.decode()
    article.refresh_from_db()
    graphic = ContentWarning.objects.get(slug="graphic-violence")
    change = {**fields, "edit_version": article.version, "warnings": [graphic.pk], "record_warning_decision": "on"}
    assert edith.post(reverse("admin:articles_article_change", args=[article.pk]), change).status_code == 302
    post_transition(edith, article, "publish")
    article.refresh_from_db()
    assert article.status == "published"

    reader = Client()
    page = reader.get(article.get_absolute_url()).content.decode()
    reveal = page.index('<details class="cw-reveal">')
    assert "<img" not in page[:reveal] and "og:image" not in page
    assert page.index('<details class="graphic-cover">') > reveal
    for url in ["/", "/tags/syria/", "/authors/wanda-writer/", "/search/?q=crossing"]:
        assert "/media/" not in reader.get(url).content.decode(), url
    feed = feedparser.parse(reader.get("/feeds/rss/").content)
    assert [link for entry in feed.entries for link in entry.links if link.rel == "enclosure"] == []

    # A revision swapping the featured image: the diff names both.
    other = upload("The queue", photo((800, 600), metadata=False))
    article.refresh_from_db()
    edit = {**fields, "featured_image": other.pk, "edit_version": article.version, "warnings": [graphic.pk],
            "published_at_0": timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
            "published_at_1": timezone.localtime(article.published_at).strftime("%H:%M:%S")}
    edith.post(reverse("admin:articles_article_change", args=[article.pk]), edit)
    revision = article.revisions.pending().get()
    diff = edith.get(reverse("admin:articles_article_revision", args=[article.pk, revision.pk])).content.decode()
    assert "Featured image" in diff
    assert re.search(r"<del[^>]*>crossing</del>", diff) and re.search(r"<ins[^>]*>queue</ins>", diff)
    assert Article.objects.get(pk=article.pk).featured_image == crossing  # readers keep the live one
