"""The article form as a newcomer meets it: what it shows is what the next save sends back, tags are
split where the writer puts commas, a sent-back draft says what the editor asked, and each save says
one thing about what happened."""

import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.test_admin_workflow import change_url, form_data, logged_in
from tests.test_workflow import make_article

pytestmark = pytest.mark.django_db


def _input_value(html, name):
    """The value attribute of the input called ``name`` in ``html``."""
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
    found = re.search(r'value="([^"]*)"', tag)
    return found.group(1) if found else ""


def test_a_dated_draft_shows_its_date_in_a_form_the_browser_accepts(writer):
    """The date and time inputs (type="date", type="time") carry 2026-03-04 and 09:30, not the locale's
    04/03/2026, which a browser shows as an empty box."""
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.make_aware(datetime(2026, 3, 4, 9, 30)))
    html = logged_in(writer).get(change_url(article)).content.decode()
    assert _input_value(html, "published_at_0") == "2026-03-04"
    assert _input_value(html, "published_at_1") == "09:30"


def test_the_schedule_page_offers_its_time_in_a_form_the_browser_accepts(writer, editor):
    """The "Schedule" confirmation page's date and time start filled (the next full hour), in ISO form."""
    article = make_article(writer, "in_review")
    html = logged_in(editor).get(reverse("admin:articles_article_transition", args=[article.pk, "schedule"])).content.decode()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", _input_value(html, "publish_at_0"))
    assert re.fullmatch(r"\d{2}:00", _input_value(html, "publish_at_1"))


@pytest.mark.parametrize("typed, names", [
    ("War crimes", ["War crimes"]),
    ("Border,  War   crimes ,", ["Border", "War crimes"]),
    ('"Aleppo, old city", Siege', ["Aleppo, old city", "Siege"]),
    ("🕊️ Peace", ["🕊️ Peace"]),
    ("  ", []),
])
@pytest.mark.django_db(False)
def test_tags_are_split_at_commas_only(typed, names):
    """A line with no comma is one tag; commas separate tags; a quoted part may hold a comma."""
    from articles.tagging import parse_tags
    assert sorted(parse_tags(typed)) == sorted(names)


@pytest.mark.django_db(False)
def test_tags_written_back_read_the_same():
    """The form's text for a set of tags reads back as the same tags, with no quotes around plain names."""
    from taggit.models import Tag

    from articles.tagging import edit_string, parse_tags
    tags = [Tag(name="War crimes"), Tag(name="Aleppo, old city"), Tag(name="Kurds")]
    text = edit_string(tags)
    assert text == '"Aleppo, old city", Kurds, War crimes'
    assert sorted(parse_tags(text)) == sorted(tag.name for tag in tags)


def test_a_writer_who_types_one_tag_of_two_words_gets_one_tag(writer):
    """Saving the form with "War crimes" in the tags field gives the article the one tag "War crimes",
    and the form shows it back without quotes."""
    article = make_article(writer, "draft")
    client = logged_in(writer)
    response = client.post(change_url(article), form_data(article, tags="War crimes", _continue="1"))
    assert response.status_code == 302
    assert list(article.tags.names()) == ["War crimes"]
    assert _input_value(client.get(change_url(article)).content.decode(), "tags") == "War crimes"


def _workflow_box(html):
    return html[html.index('class="module workflow-box"'):html.index('</fieldset>')]


def test_a_sent_back_draft_shows_the_request_for_changes_where_the_writer_edits(writer, editor):
    """The writer opening a draft an editor sent back reads who asked, when, and what, in the workflow
    box at the top of the form (not only in the record at its foot)."""
    from articles import workflow
    article = make_article(writer, "draft")
    workflow.perform("submit", article, writer, comment="First draft.")
    workflow.perform("request_changes", article, editor, comment="Name the second source.")
    box = _workflow_box(logged_in(writer).get(change_url(article)).content.decode())
    assert "Changes requested by edith" in box
    assert "Name the second source." in box


def test_an_article_in_review_shows_its_writers_note_to_the_editor(writer, editor):
    """The editor opening an article in review reads the note its writer sent with it, at the top."""
    from articles import workflow
    article = make_article(writer, "draft")
    workflow.perform("submit", article, writer, comment="Photos to follow from the agency.")
    box = _workflow_box(logged_in(editor).get(change_url(article)).content.decode())
    assert "Submitted by" in box and "Photos to follow from the agency." in box


def test_a_resubmitted_article_no_longer_shows_the_old_request(writer, editor):
    """Once the writer submits again, the editor's earlier request is no longer shown as standing (only quoted
    as what the changes since were asked for, in "What changed since … sent it back")."""
    import re

    from articles import workflow
    article = make_article(writer, "draft")
    workflow.perform("submit", article, writer)
    workflow.perform("request_changes", article, editor, comment="Name the second source.")
    workflow.perform("submit", article, writer)
    box = _workflow_box(logged_in(editor).get(change_url(article)).content.decode())
    assert "What changed since" in box
    standing = re.sub(r'<details class="workflow-note since-sent-back".*?</details>', "", box, flags=re.S)
    assert "Name the second source." not in standing and "Changes requested" not in standing


@pytest.mark.parametrize("change, said", [
    ({"standfirst": "A new standfirst."}, "saved as a pending revision"),
    ({}, "Nothing was changed"),
])
def test_an_edit_of_a_live_article_says_one_thing(writer, editor, change, said):
    """Saving a live article says what became of the edit (a pending revision, or nothing to review),
    without the admin's "was changed successfully", which would say the live article changed."""
    article = make_article(writer, "published")
    response = logged_in(editor).post(change_url(article), form_data(article, _continue="1", **change), follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1 and said in shown[0], shown


ADD_URL = "/admin/articles/article/add/"


def _new(**overrides):
    data = {"title": "", "slug": "", "published_at_0": "", "published_at_1": "", "standfirst": "", "body": "Text.",
            "image_credit": "", "tags": "", "newsroom_note": ""}
    data.update(overrides)
    return data


def test_a_new_article_without_a_headline_is_refused_naming_only_the_headline(writer):
    """An empty headline (and so an empty slug) gives one message, on the headline: nothing is saved."""
    response = logged_in(writer).post(ADD_URL, _new(author=writer.author_profile.pk))
    form = response.context["adminform"].form
    assert dict(form.errors) == {"title": ["This field is required."]}
    assert not Article.objects.exists()


def test_an_empty_slug_is_made_from_the_headline(writer):
    """A new article saved with its slug left empty gets one made from its headline."""
    response = logged_in(writer).post(ADD_URL, _new(title="Water returns to the old city", author=writer.author_profile.pk))
    assert response.status_code == 302
    assert Article.objects.get().slug == "water-returns-to-the-old-city"


def test_a_headline_with_no_latin_letter_asks_for_the_slug(writer):
    """A headline in Arabic script alone cannot make an ASCII slug: the slug field says so, in words."""
    response = logged_in(writer).post(ADD_URL, _new(title="عودة المياه إلى المدينة", author=writer.author_profile.pk))
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["slug"] and "no Latin letter" in errors["slug"][0]


def test_merging_tags_starts_from_the_most_used_and_says_how_many_each_has(editor):
    """The merge page offers each selected tag with its number of articles, the most used chosen, not the
    first in the alphabet; its breadcrumbs lead back to the tags."""
    from django.test import Client
    from taggit.models import Tag

    from tests.factories import ArticleFactory
    ArticleFactory(tags=["War crimes"])
    ArticleFactory(tags=["War crimes", "Atrocities"])
    ArticleFactory(tags=["War crimes"])
    client = Client()
    client.force_login(editor)
    response = client.post(reverse("admin:taggit_tag_changelist"), {
        "action": "merge_selected", "_selected_action": list(Tag.objects.values_list("pk", flat=True))})
    html = response.content.decode()
    kept = Tag.objects.get(name="War crimes")
    assert re.search(rf'<input[^>]*value="{kept.pk}"[^>]*checked', html)
    assert "War crimes (war-crimes, 3 articles)" in html and "Atrocities (atrocities, 1 article)" in html
    crumbs = html[html.index('<div class="breadcrumbs">'):]
    assert f'<a href="{reverse("admin:taggit_tag_changelist")}">Tags</a>' in crumbs[:crumbs.index("</div>")]


@pytest.mark.parametrize("day, said", [("1850-01-01", "1 January 1850 is before 1900"),
                                       ("2206-05-01", "1 May 2206 is more than 10 years ahead")])
def test_a_mistyped_year_is_refused_naming_the_date(writer, day, said):
    """A publication date in 1850 or 2206 is refused with one message naming it; nothing is saved."""
    article = make_article(writer, "draft")
    response = logged_in(writer).post(change_url(article), form_data(article, published_at_0=day, published_at_1="10:00"))
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["published_at"] and said in errors["published_at"][0]
    article.refresh_from_db()
    assert article.published_at is None


def test_a_date_of_the_archive_is_accepted(writer):
    """An article dated in 1994 (an archive's) is saved."""
    article = make_article(writer, "draft")
    response = logged_in(writer).post(change_url(article), form_data(article, published_at_0="1994-04-07", published_at_1="10:00"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert timezone.localtime(article.published_at).year == 1994


@pytest.mark.parametrize("page", ["add", "draft"])
def test_the_writer_can_submit_from_the_foot_of_the_form(writer, page):
    """"Save and submit for review" is at the foot of the form (where writing ends) as well as in the
    workflow box at its top; "Save and add another" is gone."""
    url = ADD_URL if page == "add" else change_url(make_article(writer, "draft"))
    html = logged_in(writer).get(url).content.decode()
    foot = html[html.index("</fieldset>", html.rindex("<fieldset")):]
    assert 'name="_workflow" value="submit"' in foot
    assert html.count('name="_workflow" value="submit"') == 2
    assert "_addanother" not in html


def test_no_submit_button_at_the_foot_of_a_live_article(writer, editor):
    """A live article's form has no submission at its foot (only the save buttons)."""
    html = logged_in(editor).get(change_url(make_article(writer, "published"))).content.decode()
    assert 'value="submit"' not in html


def test_an_editor_makes_her_edit_of_a_live_article_live_in_one_save(writer, editor):
    """"Save and make the edit live" on a live article: readers see the edit at once, the record says the
    revision was proposed and approved, and one message says it is live."""
    from articles.models import Decision, Revision
    article = make_article(writer, "published")
    client = logged_in(editor)
    assert "Save and make the edit live" in client.get(change_url(article)).content.decode()
    response = client.post(change_url(article), form_data(article, standfirst="A corrected standfirst.",
                                                           _workflow="make_edit_live"), follow=True)
    article.refresh_from_db()
    assert article.standfirst == "A corrected standfirst."
    assert Revision.objects.get(article=article, source="edit").status == Revision.Status.APPROVED
    assert {"revision_proposed", "revision_approved"} <= set(Decision.objects.filter(article=article).values_list("action", flat=True))
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["Your edit is live: readers see it now."]


def test_a_writer_has_no_way_to_make_an_edit_live(writer):
    """A writer's page for her live article has no "make the edit live" button, and posting it anyway makes
    nothing live."""
    from articles.models import Revision
    article = make_article(writer, "published")
    client = logged_in(writer)
    assert "make the edit live" not in client.get(change_url(article)).content.decode()
    client.post(change_url(article), form_data(article, standfirst="A writer's edit.", _workflow="make_edit_live"))
    article.refresh_from_db()
    assert article.standfirst != "A writer's edit."
    assert not Revision.objects.filter(article=article, status=Revision.Status.APPROVED, source="edit").exists()


def test_a_writer_is_shown_the_warning_decision_only_once_there_is_one(writer, editor):
    """A writer's new article shows only what she proposes; her undecided draft says "Not decided yet."
    without an empty list of warnings; once an editor decided, she sees the warnings chosen."""
    from articles import workflow
    from articles.models import ContentWarning
    client = logged_in(writer)
    new = client.get(ADD_URL).content.decode()
    assert "field-suggested_warnings" in new
    assert "field-no_warnings_apply" not in new and "field-warning_decision" not in new
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False)
    draft = client.get(change_url(article)).content.decode()
    assert "Not decided yet." in draft and "field-no_warnings_apply" not in draft
    article.refresh_from_db()
    workflow.decide_warnings(article, editor, [ContentWarning.objects.get(slug="war-and-conflict")], no_warnings_apply=False)
    decided = client.get(change_url(article)).content.decode()
    assert "field-warnings" in decided and "War and conflict" in decided


def test_a_refused_stale_save_links_to_the_version_saved_meanwhile(writer, editor, second_editor):
    """When someone saved after the form was opened, the refusal comes with a link to that version (the
    article's preview, in a new tab), and the typed text stays in the form."""
    article = make_article(writer, "draft")
    stale = form_data(article, standfirst="Typed in the stale form.")
    logged_in(second_editor).post(change_url(article), form_data(article, title="Saved meanwhile"))
    html = logged_in(editor).post(change_url(article), stale).content.decode()
    assert "after you opened it" in html and "Typed in the stale form." in html
    link = re.search(r'<p class="conflict-link"><a href="([^"]+)" target="_blank"[^>]*>See the version (\w+) saved', html)
    assert link and link.group(1) == reverse("admin:articles_article_preview", args=[article.pk])
    assert link.group(2) == second_editor.username


def test_a_refused_stale_save_shows_their_version_against_what_was_typed(writer, editor, second_editor):
    """The refusal shows, field by field, where the version saved meanwhile and the stale form differ (theirs
    struck out, hers added, word by word in a changed paragraph); fields both left alone are not listed, and
    the typed text stays in the form."""
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(standfirst="The ceasefire held for a third night in the north.", body="First paragraph.\n\nSecond one.")
    article.refresh_from_db()
    stale = form_data(article, standfirst="The ceasefire held for a fourth night in the north.")
    logged_in(second_editor).post(change_url(article), form_data(article, title="Saved meanwhile"))
    html = logged_in(editor).post(change_url(article), stale).content.decode()
    assert "The ceasefire held for a fourth night in the north." in html  # still in the form
    box = html.split('id="conflict-diff"')[1].split("</section>")[0]
    labels = re.findall(r"<h3>([^<]+)</h3>", box)
    assert labels == ["Title", "Standfirst"]  # the body, the same in both, is not listed
    assert "− Saved meanwhile" in box and f"+ {article.title}" in box
    assert "<del>third</del><ins>fourth</ins>" in box
    assert second_editor.username in box


def test_the_admin_writes_times_on_the_24_hour_clock(writer, editor):
    """A published article's time reads "4 Mar 2026, 15:30" on its form and in the list, as on the desk
    and in the record of decisions, not "3:30 p.m."."""
    article = make_article(writer, "published")
    Article.objects.filter(pk=article.pk).update(published_at=timezone.make_aware(datetime(2026, 3, 4, 15, 30)))
    client = logged_in(editor)
    form = client.get(change_url(article)).content.decode()
    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    for html in (form, listing):
        assert "4 Mar 2026, 15:30" in html and "p.m." not in html


def test_a_corrections_withdraw_link_is_not_labelled_withdrawn(writer, editor):
    """On a phone each correction's values stand under their column's name: the link to withdraw a live
    correction is labelled "Withdraw it", and a withdrawn one "Withdrawn"."""
    from articles import workflow
    article = make_article(writer, "published")
    workflow.add_correction(article, editor, kind="correction", text="The strike was on 3 March.")
    gone = workflow.add_correction(article, editor, kind="update", text="Talks resumed.")
    workflow.withdraw_correction(gone, editor, note="Wrong article.")
    html = logged_in(editor).get(change_url(article)).content.decode()
    assert re.search(r'<td data-label="Withdraw it"><a href="[^"]+">Withdraw<', html)
    assert re.search(r'<td data-label="Withdrawn">[^<]*by edith: Wrong article.', html)


def test_a_writers_byline_is_her_only_choice(writer):
    """The writer's Author field offers her byline alone, chosen, with no empty "---------" choice."""
    html = logged_in(writer).get(ADD_URL).content.decode()
    select = re.search(r'<select name="author"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert re.findall(r"<option[^>]*>([^<]*)</option>", select) == ["Wanda Writer"]
    assert "selected" in select


# --- an editor publishes a draft directly -------------------------------------------------------------------


def _undecided_draft(writer, created_by=None):
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(
        warnings_decided_at=None, no_warnings_apply=False, created_by=created_by or writer)
    article.refresh_from_db()
    return article


def test_an_editor_publishes_her_draft_in_one_save_deciding_its_warnings(writer, editor):
    """An editor's own draft offers "Save and publish now"; with her warning decision in the same save it is
    live at once, and the record says who published it, when, from draft to published (no review by herself)."""
    from articles.models import Decision
    article = _undecided_draft(writer, created_by=editor)  # hers, under the desk's byline
    client = logged_in(editor)
    assert 'name="_workflow" value="publish"' in client.get(change_url(article)).content.decode()
    response = client.post(change_url(article), form_data(
        article, body="Her own words.", no_warnings_apply="on", record_warning_decision="on", _workflow="publish",
    ), follow=True)
    article.refresh_from_db()
    assert (article.status, article.body, article.is_live) == ("published", "Her own words.", True)
    assert [str(m) for m in response.context["messages"]] == ["Your changes were saved. Published."]
    published = Decision.objects.get(article=article, action="publish")
    assert (published.actor, published.from_status, published.to_status) == (editor, "draft", "published")
    assert published.at <= timezone.now() and not Decision.objects.filter(article=article, action="submit").exists()
    record = response.content.decode().split('id="record-of-decisions"')[1]
    assert "Published" in record and "Draft → Published" in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", record))


def test_an_editor_cannot_publish_a_draft_before_deciding_its_warnings(writer, editor):
    """The warning-decision blocker stands for a draft as for a reviewed article: the edit is saved, the draft
    stays a draft, and the form says why."""
    article = _undecided_draft(writer)
    client = logged_in(editor)
    response = client.post(change_url(article), form_data(article, body="Edited.", _workflow="publish"), follow=True)
    article.refresh_from_db()
    assert (article.status, article.body) == ("draft", "Edited.")
    assert "cannot be published before an editor decides its content warnings" in response.content.decode()


def test_an_editor_schedules_a_draft_in_one_save(writer, editor):
    """"Save and schedule" on a draft: published with its time to come, off the public pages until then."""
    article = make_article(writer, "draft")
    at = timezone.localtime() + timezone.timedelta(days=2)
    logged_in(editor).post(change_url(article), form_data(
        article, _workflow="schedule", _schedule_at=at.strftime("%Y-%m-%dT%H:%M")))
    article.refresh_from_db()
    assert article.status == "published" and article.is_scheduled
    assert article.published_at.strftime("%Y-%m-%dT%H:%M") == at.astimezone(article.published_at.tzinfo).strftime("%Y-%m-%dT%H:%M")


def test_a_writer_is_offered_no_publishing_on_her_draft_and_posting_it_publishes_nothing(writer):
    """A writer's draft offers submitting, never publishing or scheduling; posting "publish" anyway leaves it a draft."""
    article = make_article(writer, "draft")
    client = logged_in(writer)
    html = client.get(change_url(article)).content.decode()
    assert 'value="submit"' in html and 'value="publish"' not in html and 'value="schedule"' not in html
    client.post(change_url(article), form_data(article, _workflow="publish"))
    article.refresh_from_db()
    assert article.status == "draft"


def test_the_new_article_form_offers_publishing_to_an_editor_only(writer, editor):
    """An editor's new article has "Save and publish now" beside "Save and submit for review"; a writer's has not."""
    assert 'name="_workflow" value="publish"' in logged_in(editor).get(ADD_URL).content.decode()
    assert 'name="_workflow" value="publish"' not in logged_in(writer).get(ADD_URL).content.decode()


def test_an_editor_publishes_a_new_article_in_one_save(writer, editor):
    """"Save and publish now" on a new article, with the warning decision ticked in the same form: saved, its
    decision recorded, published; the record says draft → published by her."""
    from articles.models import Decision
    response = logged_in(editor).post(ADD_URL, _new(
        title="Shelling resumes at the eastern crossing", author=writer.author_profile.pk,
        no_warnings_apply="on", record_warning_decision="on", _workflow="publish"), follow=True)
    article = Article.objects.get(title="Shelling resumes at the eastern crossing")
    assert article.is_live and article.warnings_decided_by == editor
    assert [str(m) for m in response.context["messages"]] == ["Your changes were saved. Published."]
    published = Decision.objects.get(article=article, action="publish")
    assert (published.actor, published.from_status, published.to_status) == (editor, "draft", "published")


def test_a_new_article_published_without_a_warning_decision_stays_a_draft_saying_why(writer, editor):
    """Without the decision the new article is kept as a draft and its page says why it was not published."""
    response = logged_in(editor).post(ADD_URL, _new(
        title="A draft without a decision", author=writer.author_profile.pk, _workflow="publish"), follow=True)
    article = Article.objects.get(title="A draft without a decision")
    assert article.status == "draft"
    assert response.request["PATH_INFO"] == change_url(article)
    assert "cannot be published before an editor decides its content warnings" in response.content.decode()


def test_a_headline_used_before_gets_a_free_address_and_autosaves(writer):
    """A new article whose headline another article already has is saved (and autosaved) at the first free
    address, "-2", "-3"…, instead of being refused for a slug the writer never touched; a slug typed by hand
    that clashes is still refused, naming the slug."""
    title, taken = "Ceasefire talks resume in Geneva", "ceasefire-talks-resume-in-geneva"
    Article.objects.filter(pk=make_article(writer, "published").pk).update(title=title, slug=taken)
    client = logged_in(writer)
    response = client.post(reverse("admin:articles_article_autosave_new"), _new(title=title, slug=taken))
    assert response.status_code == 200, response.content
    assert Article.objects.filter(slug=f"{taken}-2").exists()
    client.post(ADD_URL, _new(title=title, slug=""))
    assert Article.objects.filter(slug=f"{taken}-3").exists()
    refused = client.post(ADD_URL, _new(title="Another headline", slug=taken)).content.decode()
    assert "Article with this Slug already exists." in refused


def test_the_tags_box_offers_the_newsrooms_tags_in_use_never_a_tag_only_anothers_draft_carries(writer, other_writer):
    """Under the Tags box a writer finds the newsroom's tags in use, most used first (so she reuses "Siege of
    Aleppo" instead of coining "Aleppo siege"), counted by published articles; never a tag only another writer's
    draft carries."""
    from tests.factories import ArticleFactory

    for _ in range(2):
        ArticleFactory(tags=["Siege of Aleppo"])
    ArticleFactory(tags=["Ceasefire"])
    mine = make_article(writer, "draft")
    mine.tags.set(["My own tag"])
    theirs = make_article(other_writer, "draft")
    theirs.tags.set(["Secret draft tag"])
    html = logged_in(writer).get(reverse("admin:articles_article_add")).content.decode()
    box = html[html.index("data-tag-suggestions"):]
    box = box[:box.index("</div>")]
    assert box.index('data-tag="Siege of Aleppo"') < box.index('data-tag="Ceasefire"')
    assert "Secret draft tag" not in html
    assert 'data-tag="My own tag"' not in box  # counted by published articles: none yet


def test_an_editor_refused_for_undecided_warnings_is_told_her_ticks_are_not_yet_a_decision(writer, editor):
    """An editor presses "Save and publish now" with the suggested warning ticked but no decision recorded: the
    message names the ticked warning and the box that makes it her decision, and the article stays a draft."""
    from articles.models import ContentWarning
    article = _undecided_draft(writer)
    war = ContentWarning.objects.get(slug="war-and-conflict")
    article.suggested_warnings.set([war])  # the writer's proposal: the editor's boxes start ticked from it
    response = logged_in(editor).post(change_url(article), form_data(article, warnings=[war.pk], _workflow="publish"),
                                      follow=True)
    article.refresh_from_db()
    assert article.status == "draft"
    said = [str(m) for m in response.context["messages"]]
    assert len(said) == 1 and "cannot be published before an editor decides its content warnings" in said[0]
    assert "The warnings ticked under “Content warnings” (War and conflict) are not yet a decision" in said[0]
    assert "“Record my content-warning decision”" in said[0]


def test_a_refusal_for_another_reason_says_nothing_of_the_warnings(writer, editor):
    """Publishing refused because the body is empty: the message says so, and does not send the editor to the
    warning boxes (ticking them would not let the next press through)."""
    article = _undecided_draft(writer)
    response = logged_in(editor).post(change_url(article), form_data(article, body="", _workflow="publish"), follow=True)
    article.refresh_from_db()
    assert article.status == "draft"
    said = [str(m) for m in response.context["messages"]]
    assert len(said) == 1 and "cannot be published without" in said[0]
    assert "Record my content-warning decision" not in said[0]


def test_the_warning_boxes_offer_no_plus_that_creates_a_warning(writer, editor):
    """Neither the editor's warnings nor the writer's proposals have the admin's "+" (a popup adding a warning to
    the newsroom's vocabulary) beside their ticks; the author field keeps its own."""
    article = make_article(writer, "in_review")
    edited = logged_in(editor).get(change_url(article)).content.decode()
    assert 'id="id_warnings_0"' in edited and 'id="add_id_warnings"' not in edited
    assert 'id="add_id_author"' in edited
    proposed = logged_in(writer).get(ADD_URL).content.decode()
    assert 'name="suggested_warnings"' in proposed and 'id="add_id_suggested_warnings"' not in proposed


def test_a_writers_read_only_page_leaves_out_an_empty_featured_image_credit(writer):
    """On the page a writer may only read (her article in review), no "Featured-image credit: -" when there is
    none; a credit there is shown."""
    article = make_article(writer, "in_review")
    client = logged_in(writer)
    page = client.get(change_url(article)).content.decode()
    assert "text_as_readers_see_it" in page and "field-image_credit" not in page
    Article.objects.filter(pk=article.pk).update(image_credit="Agency photo")
    page = client.get(change_url(article)).content.decode()
    assert "field-image_credit" in page and "Agency photo" in page


def test_a_publication_time_that_cannot_be_typed_is_said_in_words_without_the_boxes_advice(writer, editor):
    """Where "Published at" cannot be typed (the writer's article in review, an editor's published article) it
    reads naturally, never "-" nor the boxes' "Leave empty while unknown": "Not set yet" when undated, else
    the time in the newsroom's zone, named ("scheduled" when ahead); a draft keeps its date and time boxes."""
    undated = make_article(writer, "in_review")
    Article.objects.filter(pk=undated.pk).update(published_at=None)
    page = logged_in(writer).get(change_url(undated)).content.decode()
    assert "Not set yet: publishing gives it the time it is published." in page
    assert "Leave empty while unknown" not in page and 'name="published_at_0"' not in page
    live = make_article(writer, "published")
    Article.objects.filter(pk=live.pk).update(published_at=timezone.make_aware(datetime(2026, 3, 4, 9, 30)))
    page = logged_in(editor).get(change_url(live)).content.decode()
    assert "4 Mar 2026, 09:30 (Europe/London)" in page and "Leave empty while unknown" not in page
    assert "field-publication_time" in page
    Article.objects.filter(pk=live.pk).update(published_at=timezone.now() + timedelta(days=2))
    assert ", scheduled" in logged_in(editor).get(change_url(live)).content.decode()
    draft = logged_in(writer).get(change_url(make_article(writer, "draft"))).content.decode()
    assert 'name="published_at_0"' in draft and "field-publication_time" not in draft


def test_a_draft_retitled_before_it_was_ever_live_takes_the_new_headlines_address(writer):
    """A draft sent back for its headline and retitled gets the address of its new headline, so that it is not
    published under the one it was sent back for."""
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(title="Nurses describe a week of shelling to reach th",
                                                 slug="nurses-describe-a-week-of-shelling-to-reach-th")
    article.refresh_from_db()
    response = logged_in(writer).post(change_url(article), form_data(article, title="Border clinic: nurses describe a week of shelling"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.slug == "border-clinic-nurses-describe-a-week-of-shelling"


def test_a_slug_typed_by_hand_or_one_readers_had_stays_when_the_headline_changes(writer, editor):
    """A slug typed by hand stays through a new headline; so does the address of an article that was once live
    (unpublished since), whose links readers may have kept."""
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(title="Water returns", slug="water-returns-to-old-city")
    article.refresh_from_db()
    logged_in(writer).post(change_url(article), form_data(article, title="Water is back in the old city"))
    article.refresh_from_db()
    assert article.slug == "water-returns-to-old-city"

    was_live = make_article(writer, "draft")
    Article.objects.filter(pk=was_live.pk).update(title="Bridge reopens", slug="bridge-reopens")
    was_live.refresh_from_db()
    was_live.decisions.create(action="publish", actor=editor, from_status="in_review", to_status="published")
    logged_in(writer).post(change_url(was_live), form_data(was_live, title="Bridge reopens after repairs"))
    was_live.refresh_from_db()
    assert was_live.slug == "bridge-reopens"


def test_making_an_edit_of_a_scheduled_article_live_says_when_readers_see_it(writer, editor):
    """On a scheduled article "Save and make the edit live" approves the edit; the message says readers see it from
    the scheduled time, never that they see it now."""
    article = make_article(writer, "scheduled")
    response = logged_in(editor).post(change_url(article), form_data(article, standfirst="A corrected standfirst.",
                                                                      _workflow="make_edit_live"), follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1 and shown[0].startswith("Your edit is approved: readers see it from ")
    assert "now" not in shown[0]


def test_a_move_after_a_save_that_changed_nothing_says_so_once(writer, editor):
    """"Save and unpublish" with nothing changed says that no revision was made and asks to confirm, never also
    "Your changes were saved"."""
    article = make_article(writer, "published")
    response = logged_in(editor).post(change_url(article), form_data(article, _workflow="unpublish"), follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert "Nothing was changed, so no revision was made." in shown
    assert not any("Your changes were saved" in message for message in shown)
    assert "Confirm to unpublish." in shown


@pytest.mark.parametrize(("title", "slug"), [("Budget", "budget-2025"), ("Top 10", "top-10-2024")])
def test_a_slug_typed_with_a_number_after_the_headlines_stays(writer, title, slug):
    """A slug typed by hand that is the headline's with a number after it ("budget-2025") is no "-2" of a clash: a save
    keeps it."""
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(title=title, slug=slug)
    article.refresh_from_db()
    logged_in(writer).post(change_url(article), form_data(article, body="An edit of the body."))
    article.refresh_from_db()
    assert article.slug == slug
