"""The importer scored out of sample on the development corpus of real pages (../shared/importer-corpus/,
present in CI): five folds by site, each parsed with headline weights fitted on the other four; no crash
(speed is in bench/importer_accuracy.py, not timed here). Skipped, saying so, where the corpus is absent."""

import pytest

from bench import importer_accuracy

pytestmark = pytest.mark.skipif(
    not (importer_accuracy.DEFAULT_FOLDER / "expected.json").exists(), reason="the importer corpus is not on this machine"
)

# Issue 19's target, out of sample (the importer reaches 97.3 % today: bench/README.md).
OUT_OF_SAMPLE_FLOOR = 0.92


def test_corpus_fields_are_right_out_of_sample():
    """Title, author, date, stated warnings and where the body starts, on sites the weights never saw."""
    overall, _, _, misses, crashes = importer_accuracy.out_of_sample()
    assert crashes == []
    assert overall >= OUT_OF_SAMPLE_FLOOR, "\n".join(
        f"{file} {field}: expected {expected!r}, got {got!r}" for file, field, expected, got in misses
    )
