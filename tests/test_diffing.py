"""Revision diffs (articles/diffing.py): pure, no database."""

from articles.diffing import diff_field, diff_words, paragraphs


def test_line_endings_never_count():
    """\\r\\n and \\n versions of the same text are the same."""
    assert not diff_field("Body", "One.\n\nTwo.", "One.\r\n\r\nTwo.\r\n").changed


def test_single_line_breaks_inside_a_paragraph_do_not_split_it():
    """A paragraph wrapped over lines is one unit."""
    assert paragraphs("A long\nparagraph.\n\nNext.") == ["A long paragraph.", "Next."]


def test_one_changed_word_is_shown_within_its_paragraph():
    """A similar paragraph is diffed by words."""
    lines = diff_field("Body", "Shelling resumed at dawn in the north.", "Shelling resumed at noon in the north.").lines
    assert [line.kind for line in lines] == ["changed"]
    assert [(p.kind, p.text) for p in lines[0].pieces if p.kind != "same"] == [("removed", "dawn"), ("added", "noon")]


def test_a_rewritten_paragraph_is_removed_and_added():
    """A paragraph with little in common is shown as removed, then the new one as added."""
    lines = diff_field("Body", "Old words here.", "Completely different sentence now.").lines
    assert [line.kind for line in lines] == ["removed", "added"]


def test_added_paragraph_leaves_the_others_alone():
    """Inserting a paragraph marks only that one."""
    lines = diff_field("Body", "One.\n\nThree.", "One.\n\nTwo.\n\nThree.").lines
    assert [(line.kind, line.text) for line in lines] == [("same", "One."), ("added", "Two."), ("same", "Three.")]


def test_word_diff_keeps_spacing():
    """Joined back together, the same and added pieces give the new text."""
    pieces = diff_words("a b c", "a x c")
    assert "".join(p.text for p in pieces if p.kind != "removed") == "a x c"
