"""Score the importer's parser against a corpus of real pages with the fields an editor extracted.

    python bench/importer_accuracy.py [FOLDER]     (default: ../shared/importer-corpus)

FOLDER holds ``expected.json`` (a list of {file, title, author, date, content_warnings,
body_first_sentence}) and the page files it names. For each page the parser's title, author, date,
stated warnings and where its body starts are compared with the expected values (a missing author
or date must stay missing); it prints the per-field accuracy, every miss, and the parse time per
page. Pure: no database. ``score(folder)`` is used by tests/test_importer_corpus.py.
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.importing import ParseError, parse_source  # noqa: E402
from articles.importing.lines import clear_caches  # noqa: E402

import os  # noqa: E402


def _default_folder():
    """$MASTHEAD_IMPORTER_CORPUS, else the shared corpus beside the project (or beside its parent)."""
    if os.environ.get("MASTHEAD_IMPORTER_CORPUS"):
        return Path(os.environ["MASTHEAD_IMPORTER_CORPUS"])
    candidates = [ROOT.parent / "shared" / "importer-corpus", ROOT.parent.parent / "shared" / "importer-corpus"]
    return next((folder for folder in candidates if (folder / "expected.json").exists()), candidates[0])


DEFAULT_FOLDER = _default_folder()
FIELDS = ("title", "author", "date", "content_warnings", "body_first_sentence")


def _norm(text):
    return " ".join(str(text).split()) if text is not None else None


def _first_body_text(parsed):
    from articles.importing import block_text

    for block in parsed.blocks:
        text = block_text(block).strip()
        if text:
            return " ".join(text.split())
    return ""


def read_page(folder, entry):
    """(parsed article or None, error message or "", seconds to parse)."""
    data = (folder / entry["file"]).read_bytes()
    best = None
    for _ in range(3):  # the best of three: the machine is shared and noisy
        clear_caches()  # from cold: no line classified by an earlier run
        started = time.perf_counter()
        try:
            parsed = parse_source(data, Path(entry["file"]).name)
            error = ""
        except ParseError as failure:
            parsed, error = None, str(failure)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return parsed, error, best


def compare(parsed, entry):
    """{field: (right?, what the parser said)}."""
    if parsed is None:
        return {name: (False, "(refused)") for name in FIELDS}
    got = {
        "title": _norm(parsed.title),
        "author": _norm(parsed.author),
        "date": parsed.published_on.isoformat() if parsed.published_on else None,
        "content_warnings": [_norm(w) for w in parsed.stated_warnings],
        "body_first_sentence": _first_body_text(parsed),
    }
    result = {}
    for name in FIELDS:
        expected = entry[name]
        if name == "content_warnings":
            right = sorted(got[name]) == sorted(_norm(w) for w in expected)
        elif name == "body_first_sentence":
            right = got[name].startswith(_norm(expected))
        else:
            right = got[name] == (_norm(expected) if expected is not None else None)
        result[name] = (right, got[name])
    return result


def score(folder=DEFAULT_FOLDER):
    """(fraction of fields right, per-field fractions, misses, parse seconds per page, crashes)."""
    folder = Path(folder)
    entries = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    right, per_field, misses, times, crashes = 0, dict.fromkeys(FIELDS, 0), [], [], []
    for entry in entries:
        try:
            parsed, _, seconds = read_page(folder, entry)
        except Exception as crash:  # noqa: BLE001 - a crash is a finding, reported with the page
            crashes.append((entry["file"], repr(crash)))
            parsed, seconds = None, 0.0
        times.append((seconds, (folder / entry["file"]).stat().st_size))
        for name, (ok, got) in compare(parsed, entry).items():
            if ok:
                right += 1
                per_field[name] += 1
            else:
                misses.append((entry["file"], name, entry[name], got))
    total = len(entries) * len(FIELDS)
    return right / total, {k: v / len(entries) for k, v in per_field.items()}, misses, times, crashes


def ten_kb_page_ms(folder):
    """Milliseconds to parse 10 KB of real page text: the corpus pages one after another, cut at 10 KB."""
    entries = json.loads((Path(folder) / "expected.json").read_text(encoding="utf-8"))
    text = "\n\n".join((Path(folder) / e["file"]).read_text(encoding="utf-8") for e in entries)
    data = text.encode("utf-8")[:10240].decode("utf-8", "ignore").encode("utf-8")
    best = None
    for _ in range(5):
        clear_caches()
        started = time.perf_counter()
        parse_source(data, "ten-kb.txt")
        elapsed = (time.perf_counter() - started) * 1000
        best = elapsed if best is None else min(best, elapsed)
    return best


def main(argv):
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_FOLDER
    overall, per_field, misses, times, crashes = score(folder)
    for file, name, expected, got in misses:
        print(f"MISS {file} {name}:\n    expected {expected!r}\n    got      {got!r}")
    for file, crash in crashes:
        print(f"CRASH {file}: {crash}")
    print()
    for name, fraction in per_field.items():
        print(f"{name:22} {fraction:6.1%}")
    print(f"{'all fields':22} {overall:6.1%}  ({len(misses)} misses, {len(crashes)} crashes)")
    sizes = [size for _, size in times]
    print(f"parse time: mean {sum(s for s, _ in times) / len(times) * 1000:.2f} ms/page "
          f"(pages of {min(sizes) / 1024:.1f}–{max(sizes) / 1024:.1f} KB), worst {max(s for s, _ in times) * 1000:.2f} ms")
    print(f"a 10 KB page (the corpus pages joined and cut to 10 KB): {ten_kb_page_ms(folder):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
