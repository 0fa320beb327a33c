"""Invalidating only what changed (articles/cachekeys.py, signals.py, purging.py): each kind of change
ends exactly the cached pages that show what it changed, and leaves an unrelated article's page cached.

The archive, oldest first: U (Sudan, by Uma, a month ago), X (Yemen, by Xavi), A (Syria, by Ruth,
featured picture P) and B (Syria, by Ruth, warned graphic). Every page below is cached before the
change; after it commits, the pages that show the change must be rendered afresh ("miss") and the
others still served from the cache ("hit").
"""

from datetime import timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from articles import cachekeys, pagecache, purging, signals, workflow
from articles.models import Article, Author, ContentWarning, Rendition, Topic
from tests import pictures
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "home": "/",
    "A": "/articles/a/",
    "B": "/articles/b/",
    "X": "/articles/x/",
    "U": "/articles/u/",
    "tags": "/tags/",
    "syria": "/tags/syria/",
    "sudan": "/tags/sudan/",
    "ruth": "/authors/ruth/",
    "uma": "/authors/uma/",
    "feed": "/feeds/rss/",
    "syria feed": "/tags/syria/feed/atom/",
    "search": "/search/?q=paragraph",
    "warnings": "/content-warnings/",
    "sitemap": "/sitemap.xml",
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def archive(graphic):
    """Four live articles (see the module docstring); returns them by name."""
    now = timezone.now()
    ruth = AuthorFactory(name="Reporter Ruth", slug="ruth")
    uma = AuthorFactory(name="Uma Unrelated", slug="uma")
    xavi = AuthorFactory(name="Xavi", slug="xavi")
    picture = pictures.stored(title="The crossing", caption="Families at the crossing")
    made = {
        "U": ArticleFactory(title="Floods in Darfur", slug="u", author=uma, tags=["Sudan"], decided=True,
                            published_at=now - timedelta(days=30)),
        "X": ArticleFactory(title="Port reopens", slug="x", author=xavi, tags=["Yemen"], decided=True,
                            published_at=now - timedelta(days=20)),
        "A": ArticleFactory(title="Shelling near the river", slug="a", author=ruth, tags=["Syria"], decided=True,
                            published_at=now - timedelta(days=2), featured_image=picture),
        "B": ArticleFactory(title="Aftermath in the square", slug="b", author=ruth, tags=["Syria"],
                            warnings=[graphic], published_at=now - timedelta(days=1),
                            warnings_decided_at=now),
    }
    made["P"] = picture
    return made


def state(url):
    return Client().get(url).get(pagecache.HIT_HEADER)


def warm():
    for url in PAGES.values():
        Client().get(url)
        assert state(url) == "hit", url


@pytest.fixture
def after(archive, editor, django_capture_on_commit_callbacks):
    """Cache every page, make the change (committed: its callbacks run), say which pages are served afresh."""

    def run(change):
        warm()
        with django_capture_on_commit_callbacks(execute=True):
            change(archive, editor)
        return {name for name, url in PAGES.items() if state(url) == "miss"}

    return run


def test_an_edit_ends_the_article_and_the_pages_naming_it(archive, editor, after):
    """An approved revision of A ends A's page, the lists, feeds and search showing it and the pages
    linking it (B's older link, X's newer link); not U's page, nor other lists."""

    def edit(archive, editor):
        content = workflow.content_of(archive["A"]).replace(title="Shelling near the old bridge")
        workflow.approve_revision(workflow.propose_revision(archive["A"], editor, content), editor)

    ended = after(edit)
    assert ended == {"home", "A", "B", "X", "syria", "ruth", "feed", "syria feed", "search"}
    assert "Shelling near the old bridge" in Client().get("/tags/syria/").content.decode()


def test_publishing_ends_the_lists_it_enters_and_its_neighbours(archive, editor, after):
    """A new Syria article by Ruth ends the home page, Syria's and Ruth's lists and feeds, search, the
    tag index, the sitemap, and the pages next to it: B's (its older link) and A's (a reader hiding
    B's warning gets it as A's newer link). It is on no earlier article's list: U and X stay cached
    (tests/test_related_invalidation.py keeps an older Syria article's page cached)."""

    def publish(archive, editor):
        fresh = ArticleFactory(title="Ceasefire holds", slug="n", author=archive["A"].author, tags=["Syria"],
                               status="in_review", published_at=None, decided=True)
        workflow.perform("publish", Article.objects.get(pk=fresh.pk), editor)

    ended = after(publish)
    assert ended == {"home", "A", "B", "tags", "syria", "ruth", "feed", "syria feed", "search", "sitemap"}


def test_unpublishing_ends_the_pages_it_leaves(archive, editor, after):
    """Unpublishing B ends its page, A's (which links it), its lists, feeds, search and the sitemap."""

    def unpublish(archive, editor):
        workflow.perform("unpublish", Article.objects.get(pk=archive["B"].pk), editor, comment="Legal.")

    ended = after(unpublish)
    assert {"home", "A", "B", "syria", "ruth", "feed", "syria feed", "search", "sitemap"} <= ended
    assert {"U", "X", "sudan", "uma", "warnings"}.isdisjoint(ended)


def test_a_tag_renamed_ends_the_pages_showing_it(archive, editor, after):
    """Renaming Syria ends the pages showing that tag's name; U's and X's pages and Sudan's stay."""

    def rename(archive, editor):
        tag = Tag.objects.get(name="Syria")
        tag.name = "Syria (civil war)"
        tag.save()

    ended = after(rename)
    assert {"home", "A", "B", "tags", "syria", "feed", "syria feed", "ruth"} <= ended
    assert {"U", "X", "sudan", "uma", "warnings"}.isdisjoint(ended)


def test_tagging_a_live_article_ends_its_pages_and_the_tag_index(archive, editor, after):
    """A tag added to A ends A's page, the lists showing A and the tag index, not U's page."""
    ended = after(lambda archive, editor: archive["A"].tags.add("Ceasefire"))
    assert {"home", "A", "tags", "syria", "ruth", "search"} <= ended
    assert {"U", "sudan", "uma", "warnings"}.isdisjoint(ended)
    assert "Ceasefire" in Client().get("/tags/").content.decode()


def test_an_author_renamed_ends_the_pages_with_the_byline(archive, editor, after):
    """Renaming Ruth ends the pages showing her byline; Uma's page and U's stay cached."""

    def rename(archive, editor):
        author = Author.objects.get(slug="ruth")
        author.name = "Ruth Reporter-Smith"
        author.save()

    ended = after(rename)
    assert {"home", "A", "B", "syria", "ruth", "feed", "syria feed", "search"} <= ended
    assert {"U", "X", "sudan", "uma", "tags", "warnings"}.isdisjoint(ended)


def test_the_warning_vocabulary_ends_the_pages_showing_a_label(archive, editor, graphic, after):
    """Relabelling "Graphic violence" ends the pages showing B's label and the vocabulary page only."""

    def relabel(archive, editor):
        graphic.label = "Graphic violence and injury"
        graphic.save()

    ended = after(relabel)
    assert {"home", "B", "syria", "ruth", "warnings", "search"} <= ended
    assert {"U", "X", "sudan", "uma", "tags"}.isdisjoint(ended)
    assert "Graphic violence and injury" in Client().get("/articles/b/").content.decode()


def test_deciding_warnings_ends_the_lists_a_filter_shapes(archive, editor, graphic, after):
    """A warning added to A changes what filtered lists show: A's lists and its neighbours end, not U's page."""

    def warn(archive, editor):
        workflow.decide_warnings(Article.objects.get(pk=archive["A"].pk), editor, [graphic], no_warnings_apply=False)

    ended = after(warn)
    assert {"home", "A", "B", "X", "syria", "ruth", "search"} <= ended
    assert {"U", "sudan", "uma"}.isdisjoint(ended)


def test_a_picture_edit_ends_the_pages_showing_it(archive, editor, after):
    """A caption changed in the library ends A's page and the lists with its thumbnail; B's page (which
    names A but shows no picture of it) and U's stay cached (issue 17, finding 2)."""

    def recaption(archive, editor):
        picture = archive["P"]
        picture.caption = "Families at the northern crossing"
        picture.save()

    ended = after(recaption)
    assert {"home", "A", "syria", "ruth", "feed", "syria feed"} <= ended
    assert {"B", "U", "X", "sudan", "uma", "tags", "warnings"}.isdisjoint(ended)
    assert "northern crossing" in Client().get("/articles/a/").content.decode()


def test_a_rendition_change_ends_the_pages_showing_its_picture(archive, editor, after):
    """A rendition replaced or removed ends the pages showing its picture, and not U's page."""
    ended = after(lambda archive, editor: Rendition.objects.filter(image=archive["P"]).first().delete())
    assert {"home", "A", "syria", "ruth"} <= ended
    assert {"B", "U", "X", "sudan", "uma"}.isdisjoint(ended)


def test_a_picture_placed_in_a_body_is_a_dependency(archive, editor):
    """An article page declares the pictures its body places, so their edits end it."""
    placed = pictures.stored(title="The square")
    Article.objects.filter(pk=archive["X"].pk).update(body=f"Text.\n\n![square](image:{placed.pk})\n\nMore.")
    purging.send({cachekeys.article(archive["X"].pk)})  # an update() path ends its own keys
    response = Client().get("/articles/x/")
    assert cachekeys.picture(placed.pk) in response["Surrogate-Key"].split()


def test_topics_steer_imports_only_and_end_no_page(archive, editor, after):
    """A new importer topic changes nothing readers see: every page stays cached."""
    ended = after(lambda archive, editor: Topic.objects.create(name="Riverside", signals="river"))
    assert ended == set()


def test_a_draft_never_ends_a_page(archive, editor, after):
    """Saving, tagging and warning a draft ends nothing."""

    def draft(archive, editor):
        article = ArticleFactory(title="Draft", status="draft", published_at=None, tags=["Syria"])
        article.title = "Draft, again"
        article.save()
        article.warnings.add(ContentWarning.objects.get(slug="death"))

    assert after(draft) == set()


def test_keys_are_sent_on_commit_and_never_for_a_rollback(archive, editor, monkeypatch,
                                                          django_capture_on_commit_callbacks):
    """The keys a transaction ends go to the purgers once it commits, not before; a rolled-back
    change's keys never go, even when a later change commits."""
    sent = []
    monkeypatch.setattr(purging, "send", lambda keys, withdrawn=(): sent.append({*keys, *withdrawn}))
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            article = Article.objects.get(pk=archive["A"].pk)
            article.title = "Changed"
            article.save()
            article.tags.add("Ceasefire")
        assert sent == []
    ended = set().union(*sent)
    assert cachekeys.article(article.pk) in ended and "list:tags" in ended
    sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            never = ArticleFactory(title="Never committed", slug="never", decided=True)
            raise RuntimeError
        author = Author.objects.get(slug="uma")
        author.name = "Uma U."
        author.save()
    ended = set().union(*sent)
    assert cachekeys.author(author.pk) in ended and cachekeys.article(never.pk) not in ended


def test_gathered_items_are_read_once_per_send_and_never_for_a_rollback(monkeypatch, django_capture_on_commit_callbacks):
    """Changes committed one by one inside batched() (as an import commits its files) have what they
    gather read in one call when the batch sends; a rolled-back change's item is not among them."""
    sent, calls = [], []
    monkeypatch.setattr(purging, "send", lambda keys, withdrawn=(): sent.append({*keys, *withdrawn}))

    def read(items):
        calls.append(items)
        return {f"item:{item}" for item in items}

    with purging.batched(every=3600), django_capture_on_commit_callbacks(execute=True):
        for n in range(4):
            with transaction.atomic():
                purging.end_on_commit({f"plain:{n}"}, gather=(read, n))
                purging.end_on_commit(gather=(read, n))  # asked twice in one transaction: read once
            if n == 2:
                with pytest.raises(RuntimeError), transaction.atomic():
                    purging.end_on_commit(gather=(read, "rolled back"))
                    raise RuntimeError
        assert sent == []
    assert calls == [[0, 1, 2, 3]]
    assert sent == [{"plain:0", "plain:1", "plain:2", "plain:3", "item:0", "item:1", "item:2", "item:3"}]

def test_pages_carry_their_keys_for_an_http_cache(archive):
    """Each cached page says what it shows as Surrogate-Key, xkey and Cache-Tag (the same keys)."""
    response = Client().get("/articles/a/")
    keys = set(response["Surrogate-Key"].split())
    assert {cachekeys.article(archive["A"].pk), cachekeys.author(archive["A"].author_id),
            cachekeys.picture(archive["P"].pk), cachekeys.article(archive["B"].pk)} <= keys
    assert set(response["xkey"].split()) == keys == set(response["Cache-Tag"].split(","))
    assert cachekeys.article(archive["U"].pk) not in keys


def test_pages_stay_cached_for_hours(archive, time_machine, settings):
    """With nothing changed, a page is still served from the cache hours later (MASTHEAD_PAGE_CACHE_SECONDS)."""
    assert settings.MASTHEAD_PAGE_CACHE_SECONDS >= 3600
    time_machine.move_to(timezone.now(), tick=False)
    Client().get("/articles/u/")
    time_machine.move_to(timezone.now() + timedelta(hours=2), tick=False)
    assert state("/articles/u/") == "hit"


def test_a_failing_purger_is_logged_and_retried_without_breaking_the_save(archive, settings, caplog, monkeypatch,
                                                                         django_capture_on_commit_callbacks):
    """A purger that raises leaves the save committed, logs, and gets its keys again with the next send."""
    received = []

    class Flaky:
        def purge(self, keys, withdrawn=frozenset()):
            received.append({*keys, *withdrawn})
            if len(received) == 1:
                raise ConnectionError("proxy away")

    monkeypatch.setattr(purging, "purgers", lambda: {"flaky": Flaky()})
    author = Author.objects.get(slug="uma")
    with django_capture_on_commit_callbacks(execute=True):
        author.name = "Uma U."
        author.save()
    assert Author.objects.get(slug="uma").name == "Uma U."
    assert any("trying again" in record.getMessage() for record in caplog.records)
    tag = Tag.objects.get(name="Sudan")
    with django_capture_on_commit_callbacks(execute=True):
        tag.name = "Sudan (Darfur)"
        tag.save()
    assert cachekeys.author(author.pk) in received[1] and cachekeys.tag(tag.pk) in received[1]


def test_neighbours_past_a_long_run_of_warned_articles_end_every_article_page(graphic, monkeypatch):
    """Which pages link an article depends on readers' filters; past ADJACENT_LOOKUP warned articles in
    a row the change ends every article page (adjacent:*), which each article page declares."""
    now = timezone.now()
    for n in range(3):
        ArticleFactory(title=f"Warned {n}", warnings=[graphic], published_at=now - timedelta(days=10 + n),
                       warnings_decided_at=now)
    newest = ArticleFactory(title="Plain", decided=True, published_at=now - timedelta(days=1))
    monkeypatch.setattr(signals, "ADJACENT_LOOKUP", 2)
    assert cachekeys.adjacent("*") in signals.adjacent_keys(newest.pk, newest.published_at)
    monkeypatch.setattr(signals, "ADJACENT_LOOKUP", 50)
    assert cachekeys.adjacent("*") not in signals.adjacent_keys(newest.pk, newest.published_at)
    assert cachekeys.adjacent("*") in Client().get(newest.get_absolute_url())["Surrogate-Key"].split()


@pytest.mark.parametrize("window", [1000, 3])
def test_many_articles_neighbours_read_at_once_are_each_ones_neighbours(graphic, monkeypatch, window):
    """An import sends once a second for all the articles it placed: their neighbours, read in one span
    (or, past ADJACENT_WINDOW articles, one by one), are the union of each article's own — warned runs,
    articles published at the same moment and the ends of the archive included."""
    now = timezone.now()
    warned = {1, 2, 3, 7, 8, 12}
    same_moment = {5: 4, 10: 9}  # article 5 is published when article 4 is, 10 when 9 is
    made = []
    for n in range(14):
        at = made[same_moment[n]].published_at if n in same_moment else now - timedelta(days=20 - n)
        made.append(ArticleFactory(title=f"Story {n}", published_at=at, decided=n not in warned,
                                   **({"warnings": [graphic], "warnings_decided_at": now} if n in warned else {})))
    monkeypatch.setattr(signals, "ADJACENT_LOOKUP", 3)  # a run of three warned articles ends every article page
    monkeypatch.setattr(signals, "ADJACENT_WINDOW", window)
    for chosen in ([0, 13], [2, 4, 5, 9], [1, 3, 6, 10, 11, 12], list(range(14))):
        placed = [(made[n].pk, made[n].published_at) for n in chosen]
        expected = set().union(*(signals.adjacent_keys(pk, when) for pk, when in placed))
        assert signals.adjacent_keys_of_many(placed) == expected, chosen
    assert cachekeys.adjacent("*") in signals.adjacent_keys_of_many([(made[0].pk, made[0].published_at),
                                                                    (made[4].pk, made[4].published_at)])
