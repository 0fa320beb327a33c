"""Images in articles: the featured image and pictures placed in the body, as readers see them (responsive,
inside a warning's reveal, graphic ones covered), where they never appear (lists, related articles, search,
link previews and feeds of warned articles; graphic images anywhere away from the page), and the rules
editors work under (the library only, a writer's own uploads, no graphic image published unwarned)."""

import re
from datetime import timedelta

import feedparser
import pytest
from django.contrib.auth.models import Group, User
from django.db.models import ProtectedError
from django.urls import reverse

from articles import workflow
from articles.models import Article, Image
from articles.rendering import body_images, render_markdown
from articles.workflow import WorkflowError
from tests.factories import ArticleFactory, ContentWarningFactory
from tests.html_checks import assert_valid_html
from tests.pictures import photo, stored

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def market():
    return stored("Market reopens", data=photo((1000, 750), metadata=False), caption="The market on Tuesday.",
                  credit="Ana Ruiz")


@pytest.fixture
def wounded():
    return stored("Wounded in the square", data=photo((800, 600), metadata=False), graphic=True,
                  alt_text="A wounded man lies in the square", caption="After the strike.", credit="Staff")


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def images_in(html):
    return re.findall(r"<img [^>]*>", html)


# --- the body's Markdown form (pure) -------------------------------------------------------------------


def test_the_body_places_library_images_on_lines_of_their_own():
    source = "Intro.\n\n![the market](image:42)\n\nIn a sentence ![x](image:7) here.\n\n![](https://elsewhere.example/a.png)"
    found = body_images(source)
    assert found.placed == (42,)
    assert found.problems == [
        "“image:7” is inside a sentence: put the image on a line of its own",
        "“https://elsewhere.example/a.png” is not a library image: only library images (image:NUMBER) are shown",
    ]
    html = render_markdown(source, {42: "<figure>the market</figure>"})
    assert "<figure>the market</figure>" in html
    assert "image:7" not in html and "elsewhere.example" not in html and "<img" not in html


def test_an_unknown_image_renders_nothing():
    assert render_markdown("![](image:99)\n\nText.", {}) == "<p>Text.</p>\n"


def test_the_mark_cannot_be_forged_from_the_text():
    """The private mark the renderer uses is stripped from what a writer typed."""
    assert render_markdown("\ue00042\ue000", {42: "<figure>x</figure>"}) == "<p>42</p>\n"


def test_a_scraped_page_cannot_place_library_pictures():
    """Raw page text that looks like the picture form stays text: the importer escapes it."""
    from articles.importing import parse_source

    page = ("Floods leave thousands without homes in the delta\nby Sam Lee\n2 May 2023\n\n"
            "The river rose overnight and did not stop rising for days.\n\n![](image:2)\n\nMore about the town.\n")
    parsed = parse_source(page.encode(), "page.txt")
    assert body_images(parsed.body_markdown).placed == ()
    assert "![](image:2)" in render_markdown(parsed.body_markdown)


# --- the article page ------------------------------------------------------------------------------------


def test_a_featured_image_is_responsive_and_reserves_its_space(client, market):
    article = ArticleFactory(featured_image=market, decided=True)
    html = page(client, article)
    assert_valid_html(html)
    [img] = images_in(html)
    assert 'width="1000" height="750"' in img and 'alt="Families wait at the crossing"' in img
    assert 'loading="lazy"' not in img  # above the fold
    assert re.search(r'srcset="/media/images/renditions/\w+-480\.jpg 480w, [^"]+ 960w, [^"]+ 1000w"', img)
    assert re.search(r'<source type="image/webp" srcset="/media/images/renditions/\w+-480\.webp 480w', html)
    assert "The market on Tuesday." in html and "Ana Ruiz" in html


def test_body_images_are_placed_lazily_with_their_captions(client, market):
    article = ArticleFactory(body=f"Before.\n\n![](image:{market.pk})\n\nAfter.")
    html = page(client, article)
    assert html.index("Before.") < html.index("<figure") < html.index("After.")
    [img] = images_in(html)
    assert 'loading="lazy"' in img
    assert list(article.body_images.all()) == [market]


def test_a_warned_articles_images_are_inside_the_reveal(client, market):
    article = ArticleFactory(featured_image=market, warnings=[ContentWarningFactory()],
                             body=f"![](image:{market.pk})\n\nText.")
    html = page(client, article)
    reveal = html[html.index('<details class="cw-reveal">'):]
    before_reveal = html[: html.index('<details class="cw-reveal">')]
    assert "<img" not in before_reveal and "<picture" not in before_reveal
    assert len(images_in(reveal)) == 2


def test_a_graphic_image_is_covered_even_in_a_revealed_article(client, wounded):
    """Covered with its caption and a Show image control (a <details>: no JavaScript needed); the cover
    holds nothing of the picture, which loads only when shown."""
    warning = ContentWarningFactory()
    article = ArticleFactory(featured_image=wounded, warnings=[warning])
    html = page(client, article)
    assert_valid_html(html)
    cover = re.search(r'<details class="graphic-cover">\s*<summary[^>]*>(.*?)</summary>(.*?)</details>', html, re.S)
    assert cover, "the graphic image is not covered"
    summary, covered = cover.groups()
    assert "Show image" in summary and "Graphic image" in summary and "<img" not in summary
    assert "<img" in covered and 'loading="lazy"' in covered
    figure = html[html.index('<figure class="figure figure--graphic">'):]
    assert figure.index("After the strike.") > figure.index("</details>")  # the caption stays outside the cover


# --- away from the page ----------------------------------------------------------------------------------


def test_lists_show_only_unwarned_non_graphic_pictures(client, market, wounded):
    shown = ArticleFactory(title="Market day", featured_image=market, tags=["Aleppo"])
    ArticleFactory(title="Warned", featured_image=stored("Other", data=photo((600, 400), metadata=False)),
                   warnings=[ContentWarningFactory()], tags=["Aleppo"])
    ArticleFactory(title="Graphic", featured_image=wounded, warnings=[ContentWarningFactory()], tags=["Aleppo"])
    for url in ["/", "/tags/aleppo/", "/search/?q=Aleppo", shown.author.get_absolute_url()]:
        html = client.get(url).content.decode()
        srcs = [m for m in re.findall(r'src="([^"]+)"', html) if "/media/" in m]
        market_files = {r.file.url for r in market.renditions.all()}
        assert srcs and set(srcs) <= market_files, (url, srcs)


def test_related_articles_never_show_a_picture(client, market):
    """A related article is listed without its featured image."""
    article = ArticleFactory(tags=["Aleppo"])
    ArticleFactory(title="Older link, no tag", published_at=article.published_at - timedelta(days=1))
    ArticleFactory(featured_image=market, tags=["Aleppo"], published_at=article.published_at - timedelta(days=2))
    html = page(client, article)
    assert "/media/" not in html[html.index('class="related"'):]


def test_link_previews_and_feeds_offer_only_an_unwarned_non_graphic_image(client, market, wounded):
    plain = ArticleFactory(title="Market day", featured_image=market)
    warned = ArticleFactory(title="Warned", featured_image=market, warnings=[ContentWarningFactory()])
    graphic = ArticleFactory(title="Graphic", featured_image=wounded, warnings=[ContentWarningFactory()])
    assert re.search(r'<meta property="og:image" content="http://testserver/media/images/renditions/\w+-1000\.jpg">',
                     page(client, plain))
    assert '<meta name="twitter:image"' in page(client, plain)
    for article in (warned, graphic):
        html = page(client, article)
        assert "og:image" not in html and "twitter:image" not in html
    feed = feedparser.parse(client.get("/feeds/rss/").content)
    enclosures = {entry.title: [link.href for link in entry.links if link.rel == "enclosure"] for entry in feed.entries}
    assert len(enclosures["Market day"]) == 1 and enclosures["Market day"][0].endswith("-1000.jpg")
    assert enclosures["Warned"] == [] and enclosures["Graphic"] == []


@pytest.mark.usefixtures("uncached_pages")
def test_pictures_cost_a_fixed_number_of_queries(client, django_assert_num_queries, market, wounded):
    """A featured image adds no query (its renditions come with the article), placed images two, however
    many there are; a list of pictured articles none (its cards' renditions come with their rows)."""
    body = f"![](image:{market.pk})\n\n![](image:{wounded.pk})\n\nText."
    article = ArticleFactory(featured_image=market, body=body, warnings=[ContentWarningFactory()], tags=["Aleppo"])
    with django_assert_num_queries(3 + 2):  # the article page's three, placed images
        client.get(article.get_absolute_url())
    ArticleFactory.create_batch(3, featured_image=market)
    with django_assert_num_queries(2):  # ids, the cards' rows with tags, warnings and renditions
        client.get("/")


# --- editors ---------------------------------------------------------------------------------------------


def test_no_graphic_image_is_published_without_a_warning(market, wounded):
    editor = User.objects.create_user("edith", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    article = ArticleFactory(in_review=True, decided=True, featured_image=wounded)
    with pytest.raises(WorkflowError, match="shows a graphic image \\(“Wounded in the square”\\)"):
        workflow.perform("publish", article, editor)
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    workflow.decide_warnings(article, editor, [ContentWarningFactory(slug="graphic-violence")], no_warnings_apply=False)
    workflow.perform("publish", article, editor)
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED
    with pytest.raises(WorkflowError, match="graphic image"):
        workflow.decide_warnings(article, editor, [], no_warnings_apply=True)


def test_a_revision_adding_a_graphic_image_to_an_unwarned_article_is_refused(market, wounded):
    editor = User.objects.create_user("edith", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    article = ArticleFactory(decided=True, featured_image=market)
    content = workflow.content_of(article).replace(featured_image=wounded)
    revision = workflow.propose_revision(article, editor, content)
    with pytest.raises(WorkflowError, match="graphic image"):
        workflow.approve_revision(revision, editor)
    assert Article.objects.get(pk=article.pk).featured_image == market


def test_an_image_in_use_cannot_be_deleted(market):
    ArticleFactory(body=f"![](image:{market.pk})")
    with pytest.raises(ProtectedError):
        market.delete()
    assert Image.objects.filter(pk=market.pk).exists()


# --- the admin -------------------------------------------------------------------------------------------


def _add(client, author, **fields):
    data = {"title": "With a picture", "slug": "with-a-picture", "author": author.pk, "published_at_0": "",
            "published_at_1": "", "standfirst": "", "body": "Text.", "image_credit": "", "tags": "",
            "warning_note": "", "featured_image": "", **fields}
    return client.post(reverse("admin:articles_article_add"), data)


def _client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_a_writer_uses_only_pictures_she_uploaded(writer, other_writer, market):
    mine = stored("Mine", data=photo((600, 400), metadata=False), uploaded_by=writer)
    market.uploaded_by = other_writer
    market.save()
    client = _client(writer)
    refused = _add(client, writer.author_profile, featured_image=market.pk)
    assert "That picture is not one you may use: choose one of your own uploads." in refused.content.decode()
    refused = _add(client, writer.author_profile, body=f"Text.\n\n![](image:{market.pk})")
    assert f"Pictures: “image:{market.pk}” is not a picture in the library that you uploaded." in refused.content.decode()
    assert not Article.objects.exists()
    response = _add(client, writer.author_profile, featured_image=mine.pk, body=f"Text.\n\n![](image:{mine.pk})")
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.featured_image == mine and list(article.body_images.all()) == [mine]


def test_editors_are_told_of_unknown_and_misplaced_pictures(editor, market):
    client = _client(editor)
    author = ArticleFactory().author
    body = "Text ![](image:%d) here.\n\n![](image:999999)\n\n![](https://elsewhere.example/a.png)" % market.pk
    html = _add(client, author, body=body).content.decode()
    assert f"“image:{market.pk}” is inside a sentence: put the image on a line of its own" in html
    assert "“image:999999” is not a picture in the library." in html
    assert "“https://elsewhere.example/a.png” is not a library image" in html
    assert not Article.objects.filter(slug="with-a-picture").exists()


def test_the_library_says_where_each_picture_is_used(editor, market, wounded):
    """Each picture's row names the articles using it, one a line, a long headline shortened (whole in the link's
    tooltip), and says in words whether readers see it covered."""
    article = ArticleFactory(title="Market day", featured_image=market)
    long_title = "After eleven weeks under siege, families in the old city count the missing as the aid convoys arrive"
    other = ArticleFactory(title=long_title, featured_image=market)
    client = _client(editor)
    changelist = reverse("admin:articles_image_changelist")
    html = client.get(changelist).content.decode()
    assert f'<a href="{reverse("admin:articles_article_change", args=[article.pk])}" title="Market day">Market day</a>' in html
    assert f'title="{long_title}">After eleven weeks under siege, families in the old city co…</a>' in html
    assert reverse("admin:articles_article_change", args=[other.pk]) in html
    assert "Graphic: covered" in html and ">No<" in html
    assert list(client.get(changelist, {"used": "no"}).context["cl"].result_list) == [wounded]
    assert list(client.get(changelist, {"used": "yes"}).context["cl"].result_list) == [market]


def test_previews_show_the_pictures_a_person_may_use(writer, other_writer, editor, market):
    """The body's live preview shows placed pictures: an editor's any, a writer's only her own uploads."""
    mine = stored("Mine", data=photo((600, 400), metadata=False), uploaded_by=writer)
    market.uploaded_by = other_writer
    market.save()
    body = f"![](image:{mine.pk})\n\n![](image:{market.pk})"
    url = reverse("admin:articles_article_body_preview")
    as_writer = _client(writer).post(url, {"body": body}).json()["html"]
    as_editor = _client(editor).post(url, {"body": body}).json()["html"]
    mine_file = mine.renditions.first().file.url.rsplit("-", 1)[0]
    market_file = market.renditions.first().file.url.rsplit("-", 1)[0]
    assert mine_file in as_writer and market_file not in as_writer
    assert mine_file in as_editor and market_file in as_editor


def test_the_preview_of_a_draft_shows_its_pictures(editor, market, wounded):
    article = ArticleFactory(draft=True, featured_image=market, body=f"Text.\n\n![](image:{wounded.pk})")
    html = _client(editor).get(reverse("admin:articles_article_preview", args=[article.pk])).content.decode()
    assert html.count("<picture>") == 2 and '<details class="graphic-cover">' in html


# --- changing a picture in use ---------------------------------------------------------------------------


def _describe(client, image, **fields):
    data = {"title": image.title, "alt_text": image.alt_text, "caption": image.caption, "credit": image.credit, **fields}
    data = {name: value for name, value in data.items() if value is not False}
    return client.post(reverse("admin:articles_image_change", args=[image.pk]), data)


def test_a_picture_shown_unwarned_cannot_be_marked_graphic(editor, market):
    """Marking graphic a picture that live or scheduled unwarned articles show is refused, naming them; nothing is saved."""
    ArticleFactory(title="Market day", featured_image=market)
    ArticleFactory(title="Traders return", scheduled=True, body=f"Text.\n\n![](image:{market.pk})")
    ArticleFactory(title="A draft", draft=True, featured_image=market)
    response = _describe(_client(editor), market, graphic="on", caption="Changed in the same save.")
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["graphic"])
    assert "“Market day”" in errors and "“Traders return”" in errors and "A draft" not in errors
    market.refresh_from_db()
    assert not market.graphic and market.caption == "The market on Tuesday."


def test_a_picture_shown_only_under_warnings_or_on_drafts_may_be_marked_graphic(editor, market, graphic):
    """Articles with a content warning, and unpublished ones, do not stop a picture being marked graphic."""
    ArticleFactory(title="Market day", featured_image=market, warnings=[graphic])
    ArticleFactory(title="A draft", draft=True, body=f"![](image:{market.pk})")
    response = _describe(_client(editor), market, graphic="on")
    assert response.status_code == 302
    market.refresh_from_db()
    assert market.graphic


def test_what_readers_see_of_a_picture_changes_on_the_record(editor, market):
    """A change to a picture's caption, credit, alt text or graphic mark goes on the record of each published article showing it."""
    live = ArticleFactory(title="Market day", featured_image=market)
    draft = ArticleFactory(title="A draft", draft=True, featured_image=market)
    response = _describe(_client(editor), market, caption="Traders at dawn.", title="Renamed in the library")
    assert response.status_code == 302
    decision = live.decisions.get(action="picture_changed")
    assert decision.actor == editor
    assert decision.changes["picture_changes"] == ["caption: “The market on Tuesday.” → “Traders at dawn.”"]
    assert not draft.decisions.filter(action="picture_changed").exists()
    _describe(_client(editor), Image.objects.get(pk=market.pk))  # nothing readers see changed
    assert live.decisions.filter(action="picture_changed").count() == 1


def test_change_picture_refuses_under_lock_and_saves_nothing(editor, market):
    """workflow.change_picture checks the graphic rule itself, so a form checked earlier cannot slip past it."""
    ArticleFactory(title="Market day", body=f"![](image:{market.pk})")
    market.graphic, market.caption = True, "Changed too."
    with pytest.raises(WorkflowError, match="“Market day”"):
        workflow.change_picture(market, editor)
    stored_now = Image.objects.get(pk=market.pk)
    assert not stored_now.graphic and stored_now.caption == "The market on Tuesday."
