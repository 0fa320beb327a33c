"""manage.py keep_rendered_bodies — keep the sanitised HTML of every article body that lacks it (articles/bodies.py)."""

from django.core.management.base import BaseCommand

from articles import bodies
from articles.models import Article

BATCH = 500


class Command(BaseCommand):
    help = (
        "Keep each article body's sanitised HTML beside it where it is missing or was made under other rendering "
        "rules (after a deploy that changed them, or a bulk load). Pages render such bodies meanwhile; safe to "
        "repeat and to run while the site serves."
    )

    def handle(self, *args, **options):
        kept = checked = 0
        last = 0
        while True:
            rows = list(Article.objects.filter(pk__gt=last).order_by("pk").only("body", "body_html", "body_html_seal")[:BATCH])
            if not rows:
                break
            last = rows[-1].pk
            checked += len(rows)
            for article in rows:
                if not bodies.usable(article.body, article.body_html, article.body_html_seal):
                    html = bodies.kept(article.body)
                    # Only while the body is still the one rendered: a save in between kept its own. Not an
                    # edit (no new edit token, no new updated_at: open forms and the sitemap are unaffected).
                    kept += Article.objects.filter(pk=article.pk, body=article.body).update(
                        body_html=html["body_html"], body_html_seal=html["body_html_seal"])
        self.stdout.write(f"{kept} of {checked} article bodies kept")
