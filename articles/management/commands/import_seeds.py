"""manage.py import_seeds [PATH ...] — import raw page dumps as articles (articles/ingest/: Importer.import_many)."""

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles import purging, searchindex
from articles.ingest import Importer, Outcome, find_sources

OPTIMIZE_AFTER = 100  # articles written in one run

DRY_RUN_VERBS = {
    Outcome.CREATED: "would create",
    Outcome.UPDATED: "would update",
    Outcome.REVISED: "would revise",
    Outcome.SKIPPED: "would skip",
}


class Command(BaseCommand):
    help = (
        "Import raw text dumps of news pages as articles. Complete articles are published; incomplete ones wait "
        "in review with the reasons. Safe to repeat: unchanged files are left alone and articles an editor has "
        "edited are never overwritten. Exits non-zero if any file failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="*",
            type=Path,
            help="Files or folders of *.txt files (default: seeds/ in the project).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would happen and save nothing.")

    def handle(self, *args, paths, dry_run, **options):
        sources = find_sources(paths or [Path(settings.BASE_DIR) / "seeds"])
        if not sources:
            raise CommandError("No files to import: the given folders hold no *.txt files.")
        counts = Counter()
        importer = Importer()
        with purging.batched():  # readers see new articles within a second, not one purge per file
            for result in importer.import_many(sources, dry_run=dry_run):
                self._report(result, counts, dry_run)
        if not dry_run and counts[Outcome.CREATED] + counts[Outcome.UPDATED] >= OPTIMIZE_AFTER:
            searchindex.optimize()  # many writes at once leave SQLite's search index in small pieces
        summary = ", ".join(f"{counts[outcome]} {outcome}" for outcome in Outcome)
        self.stdout.write(f"{'Dry run, nothing saved. ' if dry_run else ''}{len(sources)} files: {summary}.")
        if counts[Outcome.FAILED]:
            raise CommandError(f"{counts[Outcome.FAILED]} of {len(sources)} files failed to import.")

    def _report(self, result, counts, dry_run):
        """One line for the file (and its notes)."""
        counts[result.outcome] += 1
        if result.outcome is Outcome.FAILED:
            self.stderr.write(self.style.ERROR(f"{'failed':<12} {'-':<10} {result.name}: {result.message}"))
            return
        verb = DRY_RUN_VERBS.get(result.outcome, result.outcome) if dry_run else result.outcome
        line = f"{verb:<12} {result.status:<10} {result.name}  {result.title}"
        if result.outcome is Outcome.SKIPPED:
            self.stdout.write(self.style.WARNING(f"{line}\n{'':<12} warning: {result.message}"))
        elif result.message:
            self.stdout.write(f"{line}\n{'':<12} note: {result.message}")
        else:
            self.stdout.write(line)
        for reason in result.reasons:
            self.stdout.write(f"{'':<12} in review: {reason}")
