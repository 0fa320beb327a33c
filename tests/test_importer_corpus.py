"""The importer scored on the development corpus of real pages (../shared/importer-corpus/, present in CI):
at least 95 % of the fields right and no crash (speed is in bench/importer_accuracy.py, not timed here). Skipped, saying so, where the corpus is absent."""

import pytest

from bench import importer_accuracy

pytestmark = pytest.mark.skipif(
    not (importer_accuracy.DEFAULT_FOLDER / "expected.json").exists(), reason="the importer corpus is not on this machine"
)


def test_corpus_fields_are_right():
    """Title, author, date, stated warnings and where the body starts: 95 % or more of them, no crash."""
    overall, per_field, misses, _, crashes = importer_accuracy.score()
    assert crashes == []
    assert overall >= 0.95, "\n".join(f"{file} {field}: expected {expected!r}, got {got!r}" for file, field, expected, got in misses)

