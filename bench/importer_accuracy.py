"""Score the importer's parser against a corpus of real pages with the fields an editor extracted, in
sample and out of sample.

    python bench/importer_accuracy.py [FOLDER]          (default: ../shared/importer-corpus)
    python bench/importer_accuracy.py --fit [FOLDER]    also write articles/importing/weights.py

Out of sample: the pages are split by site into five folds (each site's place fixed by a hash of its
name); for each fold the scorer's weights are fitted on the other four and the fold is scored with
them. In sample: fitted on every page, scored on every page (what weights.py holds).

FOLDER holds ``expected.json`` (a list of {file, title, author, date, content_warnings,
body_first_sentence}) and the page files it names. For each page the parser's title, author, date,
stated warnings and where its body starts are compared with the expected values (a missing author
or date must stay missing); it prints the per-field accuracy, every miss, and the parse time per
page. Pure: no database. ``score(folder)`` is used by tests/test_importer_corpus.py.
"""

import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.importing import ParseError, block_text, decode_source, layout, parse_source  # noqa: E402
from articles.importing import lines as kinds  # noqa: E402
from articles.importing.evidence import Model  # noqa: E402
from articles.importing.headline import HEADLINE_FEATURES, PRIOR, headline_candidates, strip_site_suffix  # noqa: E402
from articles.importing.notices import WARNING_FEATURES, WARNING_PRIOR  # noqa: E402
from articles.importing.opening import BODY_FEATURES, BODY_PRIOR  # noqa: E402
from articles.importing.scoring import CLEAR_MARGIN, fit  # noqa: E402
from articles.importing.header import early_warnings  # noqa: E402
from articles.importing.notices import warning_sentences  # noqa: E402
from articles.importing import clear_caches  # noqa: E402

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
    for block in parsed.blocks:
        text = block_text(block).strip()
        if text:
            return " ".join(text.split())
    return ""


def read_page(folder, entry, model=None):
    """(parsed article or None, error message or "", seconds to parse)."""
    data = (folder / entry["file"]).read_bytes()
    best = None
    for _ in range(3):  # the best of three: the machine is shared and noisy
        clear_caches()  # from cold: no line classified by an earlier run
        started = time.perf_counter()
        try:
            parsed = parse_source(data, Path(entry["file"]).name, model=model)
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


def entries_of(folder=DEFAULT_FOLDER):
    return json.loads((Path(folder) / "expected.json").read_text(encoding="utf-8"))


FOLDS = 5


def fold_of(site: str) -> int:
    """The fold a site's pages belong to: fixed by a hash of its name, the same on every machine."""
    return int(hashlib.sha256(site.encode("utf-8")).hexdigest(), 16) % FOLDS


def folds(entries):
    """The entries in FOLDS groups, every page of a site in the same one, the sites dealt round by hash
    order so that the folds are the same size."""
    sites = sorted({entry["site"] for entry in entries}, key=lambda site: hashlib.sha256(site.encode("utf-8")).hexdigest())
    place = {site: rank % FOLDS for rank, site in enumerate(sites)}
    return [[entry for entry in entries if place[entry["site"]] == fold] for fold in range(FOLDS)]


# The project's own pages (seeds/, with the fields their tests pin): training pages in every fold, never scored.
SEED_TRUTH = ROOT / "bench" / "seed_truth.json"


def seed_entries():
    return json.loads(SEED_TRUTH.read_text(encoding="utf-8"))


def _path(folder, entry):
    return ROOT / entry["path"] if "path" in entry else Path(folder) / entry["file"]


def _text(folder, entry):
    return decode_source(_path(folder, entry).read_bytes(), _path(folder, entry).name)


def _lines(folder, entry):
    text = _text(folder, entry)
    return [kinds.clean_line(line) for line in text.splitlines()]


def headline_groups(folder, entries):
    """For each page, its headline candidates' features and which of them give the expected headline."""
    groups = []
    for entry in entries:
        lines = _lines(folder, entry)
        candidates = headline_candidates(lines)
        expected = _norm(entry["title"])
        right = [i for i, c in enumerate(candidates) if _norm(strip_site_suffix(c.text, lines)) == expected]
        groups.append(([c.features for c in candidates], right))
    return groups


def body_groups(folder, entries, model):
    """For each page, the features of the lines that could open its body (after the header ``model``
    reads) and which of them opens it."""
    groups = []
    for entry in entries:
        _, header, _, candidates = layout(_text(folder, entry), model)
        expected = _norm(entry["body_first_sentence"])
        right = [i for i, c in enumerate(candidates) if _norm(c.text).startswith(expected)]
        groups.append(([c.features for c in candidates], right))
    return groups


def warning_groups(folder, entries, model):
    """Each sentence that could be a plain-worded warning (after the header ``model`` reads), as a choice
    between it and nothing: right when the page states it (inside one of its expected warnings)."""
    groups = []
    for entry in entries:
        lines, header, end, _ = layout(_text(folder, entry), model)
        if header is None:
            continue
        _, body_lines = early_warnings(lines[header.body_start:end])
        expected = [_norm(w) for w in entry["content_warnings"]]
        nothing = tuple(0.0 for _ in WARNING_FEATURES)
        for sentence in warning_sentences(lines[header.title_at + 1:header.body_start], body_lines):
            stated = any(_norm(sentence.text) in w for w in expected) and len(sentence.text.split()) >= 2
            groups.append(([sentence.features, nothing], [0] if stated else [1]))
    return groups


def fit_model(folder, entries):
    """The scorers with weights fitted on ``entries`` only (and the project's seed pages), and those weights
    ({"headline": …, "body": …, "warning": …, "clear_margin": …})."""
    entries = [*entries, *seed_entries()]
    headline = fit(headline_groups(folder, entries), names=HEADLINE_FEATURES, prior=PRIOR)
    body = fit(body_groups(folder, entries, Model.from_weights(headline, {}, {})), names=BODY_FEATURES, prior=BODY_PRIOR)
    warning = fit(warning_groups(folder, entries, Model.from_weights(headline, body, {})), names=WARNING_FEATURES,
                  prior=WARNING_PRIOR)
    model = Model.from_weights(headline, body, warning)
    margin = clear_margin(folder, entries, model)
    weights = {"headline": headline, "body": body, "warning": warning, "clear_margin": margin}
    return Model.from_weights(headline, body, warning, margin), weights


def clear_margin(folder, entries, model):
    """The least margin a headline must win by to be taken as sure, fitted on ``entries``: just above the
    largest margin by which a wrong headline won on a page that would otherwise have been published (an
    author and a date found). At least evidence.CLEAR_MARGIN."""
    worst = 0.0
    for entry in entries:
        try:
            parsed = parse_source(_path(folder, entry).read_bytes(), _path(folder, entry).name, model=model)
        except ParseError:
            continue
        if _norm(parsed.title) != _norm(entry["title"]) and parsed.author and parsed.published_on:
            worst = max(worst, parsed.title_margin)
    return round(max(CLEAR_MARGIN, worst + 0.01), 2)


def score(folder=DEFAULT_FOLDER, entries=None, model=None):
    """(fraction of fields right, per-field fractions, misses, parse seconds per page, crashes) of
    ``entries`` (default: all) parsed with ``model`` (default: the parser's own weights)."""
    folder = Path(folder)
    entries = entries_of(folder) if entries is None else entries
    right, per_field, misses, times, crashes = 0, dict.fromkeys(FIELDS, 0), [], [], []
    for entry in entries:
        try:
            parsed, _, seconds = read_page(folder, entry, model)
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


def publication_check(folder, entries, model):
    """(pages that would be published, of which with a wrong title, author or date): published means a
    clear headline, an author, one date and a body (the lexicon's suggestions aside, which need the
    database)."""
    published = wrong = 0
    for entry in entries:
        try:
            parsed = parse_source((Path(folder) / entry["file"]).read_bytes(), entry["file"], model=model)
        except ParseError:
            continue
        if (parsed.title_confirmed and parsed.title_echoed and parsed.author and not parsed.author_alone and parsed.published_on
                and not parsed.other_dates and not parsed.dated_by_clock
                and not parsed.ambiguous_date and parsed.blocks):
            published += 1
            got = compare(parsed, entry)
            wrong += not (got["title"][0] and got["author"][0] and got["date"][0])
    return published, wrong


def out_of_sample(folder=DEFAULT_FOLDER):
    """Five folds by site: each scored with weights fitted on the other four. Returns (overall fraction,
    per-field fractions over all pages, [(fold size, overall, per-field) for each fold], misses, crashes)."""
    entries = entries_of(folder)
    rows, misses, crashes, right_fields = [], [], [], dict.fromkeys(FIELDS, 0.0)
    groups = folds(entries)
    for index, test in enumerate(groups):
        train = [entry for other, group in enumerate(groups) if other != index for entry in group]
        model, weights = fit_model(folder, train)
        overall, per_field, fold_misses, _, fold_crashes = score(folder, test, model)
        rows.append((len(test), overall, per_field, *publication_check(folder, test, model), weights["clear_margin"]))
        misses += fold_misses
        crashes += fold_crashes
        for name in FIELDS:
            right_fields[name] += per_field[name] * len(test)
    per_field = {name: right / len(entries) for name, right in right_fields.items()}
    return sum(per_field.values()) / len(FIELDS), per_field, rows, misses, crashes


def write_weights(weights, path=ROOT / "articles" / "importing" / "weights.py"):
    """Write the fitted weights as data, keeping the module's docstring."""
    text = path.read_text(encoding="utf-8")
    head = text[: text.index('"""', 3) + 3] + "\n"
    parts = [head]
    for variable, key, names in (("HEADLINE", "headline", HEADLINE_FEATURES), ("BODY_START", "body", BODY_FEATURES),
                                 ("WARNING", "warning", WARNING_FEATURES)):
        rows = "\n".join(f"    {name!r}: {weights[key][name]!r}," for name in names)
        parts.append(f"\n{variable} = {{\n{rows}\n}}\n")
    parts.append(f"\nCLEAR_MARGIN = {weights['clear_margin']!r}  # a headline that wins by less holds the article\n")
    path.write_text("".join(parts), encoding="utf-8")


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
    fitting = "--fit" in argv
    argv = [arg for arg in argv if arg != "--fit"]
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_FOLDER
    started = time.perf_counter()
    model = None
    if fitting:
        model, weights = fit_model(folder, entries_of(folder))
        write_weights(weights)
        print(f"weights fitted on all {len(entries_of(folder))} pages in {time.perf_counter() - started:.1f} s, written to articles/importing/weights.py")
    oos, oos_fields, rows, oos_misses, oos_crashes = out_of_sample(folder)
    print("out of sample (five folds by site, each fitted on the other four):")
    print(f"{'fold':8}{'pages':>6}" + "".join(f"{name[:12]:>14}" for name in FIELDS) + f"{'all':>8}{'published':>11}{'wrong':>7}{'margin':>8}")
    for number, (size, overall, per_field, published, wrong, margin) in enumerate(rows, 1):
        print(f"{number:<8}{size:>6}" + "".join(f"{per_field[name]:>14.1%}" for name in FIELDS) + f"{overall:>8.1%}"
              f"{published:>11}{wrong:>7}{margin:>8}")
    print(f"{'mean':<8}{sum(r[0] for r in rows):>6}" + "".join(f"{oos_fields[name]:>14.1%}" for name in FIELDS) + f"{oos:>8.1%}")
    for file, name, expected, got in oos_misses:
        print(f"OUT-OF-SAMPLE MISS {file} {name}:\n    expected {expected!r}\n    got      {got!r}")
    print()
    print("in sample (fitted on every page):")
    overall, per_field, misses, times, crashes = score(folder, model=model)
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
