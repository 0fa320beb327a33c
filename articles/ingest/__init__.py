"""Raw page files → saved articles: all or nothing of each file, idempotent, an editor's work never
overwritten.

``Importer.import_many`` (what ``manage.py import_seeds`` runs) and ``Importer.import_path`` are the
ways raw files become articles; the command only finds files (``find_sources``) and reports the
``ImportResult`` each gives. The jobs, one module each:

- here: runs of files — each parsed (ahead, in processes of their own: importing/ahead.py) with what its
  folder's pages teach about their site (importing/sitelearning.py), saved in its own savepoint of a
  transaction of twenty files (nothing of a failed file is saved; one commit serves the twenty), a file
  that hit a tag or author deleted meanwhile retried once (a group refused at its commit for it, file by
  file: ``Importer._import_group``);
- ``saving``: one parsed page → its article (created, updated, revised, skipped), placed by the
  workflow's one import step;
- ``reasons``: why an article waits in review, in an editor's words;
- ``rows``: the existing article or a free slug; ``fingerprints``: whether a person edited it since;
  ``results``: what each file came to.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction

from articles.importing import ParseError, ParsedArticle
from articles.importing.ahead import parse_for_import, parsed_in_order
from articles.importing.sitelearning import learn_furniture
from articles.ingest.fingerprints import content_fingerprint, fingerprint, fingerprint_of
from articles.ingest.results import ImportResult, Outcome, failed
from articles.ingest.saving import ArticleWriter

__all__ = [
    "ImportResult", "Importer", "Outcome", "content_fingerprint", "find_sources", "fingerprint", "fingerprint_of",
    "import_path",
]


def find_sources(paths: list[Path]) -> list[Path]:
    """The files to import: each file given, and the *.txt files of each folder given, sorted."""
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        else:
            found.append(path)
    return found


GROUP = 20  # files committed together by import_many, each in its own savepoint


class Importer(ArticleWriter):
    """Imports files one by one, each in a transaction (import_path) or a savepoint (import_many) of its own,
    with the vocabularies of one run."""

    def import_path(self, path: Path, *, dry_run: bool = False) -> ImportResult:
        """Import one file in its own transaction; a failure saves nothing of it."""
        return self._import_parsed(path, parse_for_import(path, **_parse_options()), dry_run)

    def import_many(self, paths: list[Path], *, dry_run: bool = False) -> Iterator[ImportResult]:
        """Import ``paths`` in order, the files parsed ahead in other processes while this one saves
        (articles/importing/ahead.py); the lines a folder's pages repeat are furniture for all of them
        (articles/importing/sitelearning.py). Saved GROUP files to a transaction, each file in a savepoint
        of its own (``_import_group``)."""
        furniture = learn_furniture(paths, max_bytes=settings.MASTHEAD_IMPORT_MAX_BYTES)
        files = zip(paths, parsed_in_order(paths, furniture=furniture, processes=settings.MASTHEAD_IMPORT_PARSERS or None,
                                           **_parse_options()), strict=True)
        while group := list(islice(files, GROUP)):
            yield from self._import_group(group, dry_run)

    def _import_group(self, group: list, dry_run: bool) -> list[ImportResult]:
        """Import ``(path, parsed)`` pairs in one transaction, each file in its own savepoint: a file that fails
        saves nothing of itself and leaves the others be (as a transaction per file would), and one commit
        serves them all (a commit cost the import a fifth of its time). The results are given once they are
        committed. A commit refused for a broken link (a remembered tag or author deleted meanwhile: the
        databases check links at commit), or a fault that is no database error, imports the group again file
        by file, each in its own transaction, as import_path does (a fault then stops the run at its file,
        the files before it saved); any other failed commit fails the files of the group that had not failed
        already, saying why."""
        results = []
        try:
            with transaction.atomic():
                for path, parsed in group:
                    results.append(self._import_parsed(path, parsed, dry_run))
        except IntegrityError:
            self.forget()
            return [self._import_parsed(path, parsed, dry_run) for path, parsed in group]
        except DatabaseError as error:
            own = {index: result for index, result in enumerate(results) if result.outcome is Outcome.FAILED}
            return [own.get(index) or failed(path.name, error) for index, (path, _) in enumerate(group)]
        except Exception:
            return [self._import_parsed(path, parsed, dry_run) for path, parsed in group]
        return results

    def _import_parsed(self, path: Path, parsed: ParsedArticle | ParseError, dry_run: bool) -> ImportResult:
        if isinstance(parsed, ParseError):
            return ImportResult(path.name, Outcome.FAILED, message=parsed.reason)
        self.forget_if_stale()
        try:
            return self._save(parsed, dry_run)
        except IntegrityError as error:
            if not (self.known_authors or self.known_tags):
                return failed(path.name, error)
            self.forget()  # a remembered tag or author may be gone since: once more, reading them afresh
        try:
            return self._save(parsed, dry_run)
        except IntegrityError as error:
            return failed(path.name, error)

    def _save(self, parsed: ParsedArticle, dry_run: bool) -> ImportResult:
        """save_parsed in one transaction (a savepoint, inside a group's). A database error is the file's failure, except an integrity
        error, which propagates so that _import_parsed can retry."""
        try:
            with transaction.atomic():
                result = self.save_parsed(parsed)
                if dry_run:
                    transaction.set_rollback(True)
        except IntegrityError:
            raise
        except DatabaseError as error:
            return failed(parsed.source_name, error)
        return result


def import_path(path: Path, *, dry_run: bool = False) -> ImportResult:
    """Import one file with a new Importer (for a single file; a run of many uses one Importer)."""
    return Importer().import_path(path, dry_run=dry_run)


def _parse_options() -> dict:
    return {"max_bytes": settings.MASTHEAD_IMPORT_MAX_BYTES, "month_first": settings.MASTHEAD_IMPORT_MONTH_FIRST}
