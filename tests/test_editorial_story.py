"""The editorial story end to end, through the admin as a writer and an editor would live it.

After every step, every public URL is checked: nothing unpublished — no draft, no text in
review, no pending revision — reaches readers at any point.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from articles.models import Article, ContentWarning, Decision

pytestmark = pytest.mark.django_db

SECRET = "Zygomorphic"  # a word that appears nowhere else
REVISED = "Quixotically"


def public_urls(article):
    """Every public URL that could show the article or its words."""
    urls = ["/", "/tags/", article.get_absolute_url(), "/authors/wanda-writer/", "/tags/syria/"]
    for name, kwargs in [
        ("articles:feed-rss", {}),
        ("articles:feed-atom", {}),
        ("articles:tag-feed-rss", {"slug": "syria"}),
        ("articles:author-feed-rss", {"slug": "wanda-writer"}),
        ("sitemap", {}),
    ]:
        try:
            urls.append(reverse(name, kwargs=kwargs))
        except NoReverseMatch:
            pass
    return urls


def readers_see(words, article):
    """True if any public page shows ``words``, or search for them finds the article."""
    reader = Client()
    if any(words in reader.get(url).content.decode() for url in public_urls(article)):
        return True
    found = reader.get("/search/", {"q": words}).content.decode()
    return article.get_absolute_url() in found


def post_transition(client, article, name, **data):
    response = client.post(reverse("admin:articles_article_transition", args=[article.pk, name]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_draft_to_scheduled_to_live_to_revised(writer, editor, time_machine):
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
    post_transition(edith, article, "schedule", publish_at_0=at.strftime("%Y-%m-%d"), publish_at_1=at.strftime("%H:%M:%S"))
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
    edith.post(reverse("admin:articles_article_revision", args=[article.pk, revision.pk]), {"action": "approve"})
    assert readers_see(REVISED, article)

    # Every decision is on record, in order.
    actions = list(Decision.objects.filter(article=article).order_by("at", "id").values_list("action", flat=True))
    assert actions == [
        "submit", "request_changes", "submit", "warnings_decided", "schedule", "revision_proposed", "revision_approved",
    ]
