"""Earlier coverage and precise invalidation (articles/selectors.py ``related_articles``,
articles/signals.py ``related_keys``): an article page lists only articles published before it, so a
change among a tag's articles ends only the pages of the tag-mates published after it whose list it
can enter or leave, and leaves the others cached.

The candidate window is cut to two here (``RELATED_CANDIDATES``), so "further away" is a few articles.
The archive, oldest first, one a day: I1, I2, I3, (a gap around 7.5 days ago, with an untagged article
on each side of it), I4, I5, I6, I7, I8, all tagged Iraq; then an untagged article a day ago, so that
none of the Iraq pages is the newest (whose older and newer links a new article changes).
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from articles import pagecache, selectors, signals, workflow
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NAMES = ["I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"]
DAYS = dict(zip(NAMES, [10, 9, 8, 7, 6, 5, 4, 3]))
GAP = 7.5  # days ago: between I3 and I4


@pytest.fixture(autouse=True)
def small_window(monkeypatch):
    monkeypatch.setattr(selectors, "RELATED_CANDIDATES", 2)
    monkeypatch.setattr(signals, "RELATED_CANDIDATES", 2)
    monkeypatch.setattr(signals, "RELATED_LOOKUP", 8)


@pytest.fixture
def iraq(graphic):
    now = timezone.now()
    made = {name: ArticleFactory(title=f"Story {name}", slug=name.lower(), tags=["Iraq"], decided=True,
                                 published_at=now - timedelta(days=days)) for name, days in DAYS.items()}
    for name, days in (("before gap", GAP + 0.1), ("after gap", GAP - 0.1), ("newest", 1)):
        made[name] = ArticleFactory(title=f"Untagged {name}", slug=name.replace(" ", "-"), decided=True,
                                    published_at=now - timedelta(days=days))
    return made


def state(url, hide=""):
    client = Client()
    if hide:
        client.cookies[settings.MASTHEAD_FILTER_COOKIE_NAME] = hide
    return client.get(url).get(pagecache.HIT_HEADER)


def urls():
    return {name: f"/articles/{name.lower()}/" for name in NAMES}


def ended_after(change, django_capture_on_commit_callbacks, hide=""):
    """Cache the Iraq pages (for a reader hiding ``hide``), make the change, say which are rendered afresh."""
    for url in urls().values():
        state(url, hide)
        assert state(url, hide) == "hit", url
    with django_capture_on_commit_callbacks(execute=True):
        change()
    return {name for name, url in urls().items() if state(url, hide) == "miss"}


def titles(url, hide=""):
    """The earlier coverage the page shows now (served from the cache or not), as HTML."""
    client = Client()
    if hide:
        client.cookies[settings.MASTHEAD_FILTER_COOKIE_NAME] = hide
    html = client.get(url).content.decode()
    return html[html.index('class="related"'):html.index("</section>")] if 'class="related"' in html else ""


def test_publishing_a_new_article_leaves_older_tag_mates_cached(iraq, editor, django_capture_on_commit_callbacks):
    """A new Iraq article (the newest) is on no older article's list: every Iraq page stays cached."""

    def publish():
        fresh = ArticleFactory(title="Fresh", slug="fresh", tags=["Iraq"], status="in_review", published_at=None,
                               decided=True)
        workflow.perform("publish", Article.objects.get(pk=fresh.pk), editor)

    assert ended_after(publish, django_capture_on_commit_callbacks) == set()


def test_a_backdated_publication_ends_only_the_newer_tag_mates_within_the_window(iraq, django_capture_on_commit_callbacks):
    """An Iraq article published 7.5 days ago ends I4, I5 and I6 (fewer than three Iraq articles between
    it and them: it can enter their lists); I7, I8 and the older ones stay cached. I6 now lists it."""

    def backdate():
        ArticleFactory(title="Backdated", slug="backdated", tags=["Iraq"], decided=True,
                       published_at=timezone.now() - timedelta(days=GAP))

    assert ended_after(backdate, django_capture_on_commit_callbacks) == {"I4", "I5", "I6"}
    assert "Backdated" in titles(urls()["I6"])
    assert "Backdated" not in titles(urls()["I7"])


def test_a_tag_added_to_an_old_article_ends_the_newer_tag_mates_within_the_window(iraq, django_capture_on_commit_callbacks):
    """Tagging the untagged article after the gap Iraq ends I4, I5, I6, not I7, I8 nor the older ones."""
    ended = ended_after(lambda: Article.objects.get(slug="after-gap").tags.add("Iraq"), django_capture_on_commit_callbacks)
    assert ended == {"I4", "I5", "I6"}
    assert "Untagged after gap" in titles(urls()["I6"])


def test_a_withdrawal_ends_the_pages_that_listed_it(iraq, editor, django_capture_on_commit_callbacks):
    """Unpublishing I2 ends I4 and I5, which listed it (I3's is its newer neighbour's); I6, I7 and I8,
    which could not, stay cached."""
    assert "Story I2" in titles(urls()["I4"]) and "Story I2" in titles(urls()["I5"])

    def unpublish():
        workflow.perform("unpublish", Article.objects.get(pk=iraq["I2"].pk), editor, comment="Legal.")

    ended = ended_after(unpublish, django_capture_on_commit_callbacks)
    assert {"I3", "I4", "I5"} <= ended and {"I6", "I7", "I8"}.isdisjoint(ended)
    assert "Story I2" not in titles(urls()["I4"]) + titles(urls()["I5"])
    assert "Story I2" not in titles(urls()["I6"])  # served from the cache, rightly


def test_warned_articles_between_do_not_count_for_a_filtered_reader(iraq, graphic, django_capture_on_commit_callbacks):
    """With I5 and I6 warned, a reader hiding them sees the backdated article in I8's list (two unwarned
    articles between): I4 to I8 end for that reader too, and the I2 and I3 pages stay cached."""
    for name in ("I5", "I6"):
        Article.objects.get(pk=iraq[name].pk).warnings.add(graphic)

    def backdate():
        ArticleFactory(title="Backdated", slug="backdated", tags=["Iraq"], decided=True,
                       published_at=timezone.now() - timedelta(days=GAP))

    ended = ended_after(backdate, django_capture_on_commit_callbacks, hide="graphic-violence")
    assert ended == {"I4", "I5", "I6", "I7", "I8"}
    assert "Backdated" in titles(urls()["I8"], hide="graphic-violence")
    assert "Story I5" not in titles(urls()["I8"], hide="graphic-violence")


def test_a_warning_added_ends_the_newer_tag_mates_within_the_window(iraq, graphic, editor, django_capture_on_commit_callbacks):
    """A warning given to I4 ends I5, I6 and I7, whose filtered lists it leaves; I8 stays cached."""

    def warn():
        workflow.decide_warnings(Article.objects.get(pk=iraq["I4"].pk), editor, [graphic], no_warnings_apply=False)

    ended = ended_after(warn, django_capture_on_commit_callbacks, hide="graphic-violence")
    assert {"I4", "I5", "I6", "I7"} <= ended and "I8" not in ended


def test_past_the_lookup_the_tag_s_broad_key_ends(iraq, monkeypatch, django_capture_on_commit_callbacks):
    """With more warned articles in a row than RELATED_LOOKUP reads, every page of the tag ends."""
    monkeypatch.setattr(signals, "RELATED_LOOKUP", 2)
    for name in ("I4", "I5", "I6"):
        Article.objects.get(pk=iraq[name].pk).warnings.add(Article.warnings.field.related_model.objects.get(slug="graphic-violence"))

    def backdate():
        ArticleFactory(title="Backdated", slug="backdated", tags=["Iraq"], decided=True,
                       published_at=timezone.now() - timedelta(days=GAP))

    assert ended_after(backdate, django_capture_on_commit_callbacks) == set(NAMES)
