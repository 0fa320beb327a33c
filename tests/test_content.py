"""An article's editable content as one type (articles/content.py)."""

from types import SimpleNamespace

import pytest

from articles.content import STORED, Content

pytestmark = pytest.mark.django_db


def test_content_is_the_same_from_an_article_and_from_its_snapshot(writer):
    """What a revision stores of an article reads back as the same content, field for field."""
    from articles import workflow
    from tests.test_workflow import make_article

    article = make_article(writer, "published")
    article.tags.add("Syria", "aid")
    snapshot = workflow.snapshot_live(article, None, source="test")
    assert snapshot.content() == workflow.content_of(article)


def test_a_form_changes_only_the_fields_it_shows():
    """Fields missing from a form's cleaned data keep the starting content's values."""
    start = Content(title="Old", body="Body.", warning_note="Source words.", tags=("b", "A"), warnings=("death",))
    after = Content.from_form({"title": "New", "tags": ["c"]}, start=start)
    assert (after.title, after.body, after.warning_note, after.tags, after.warnings) == (
        "New", "Body.", "Source words.", ("c",), ("death",)
    )
    assert start.changed_fields(after) == ["title", "tags"]


def test_tags_and_warnings_compare_in_one_order():
    """Tags in any order and case-insensitive sorting make equal content."""
    assert Content(tags=("syria", "Aid")) == Content(tags=("Aid", "syria"))
    assert Content(warnings=("torture", "death")).warnings == ("death", "torture")


def test_apply_writes_every_stored_field():
    """Applying content to an article sets each stored column, and nothing else."""
    target = SimpleNamespace(other="kept")
    Content(title="T", body="B", newsroom_note="N").apply_to(target)
    assert {name for name in vars(target)} == {*STORED, "other"}
    assert (target.title, target.body, target.newsroom_note, target.other) == ("T", "B", "N", "kept")
