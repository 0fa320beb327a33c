"""Build a newsroom archive of N published articles, fast, for the benchmarks.

Each article: about 4 KB of body, three of ten tags, one of 50 authors, a graphic-violence
warning on every fifth; publication times spread over ten years, newest first. Every article
contains the common word "siege"; exactly one, whatever N, the rare word "zanzibar" (so a search for
it shows the same page at every size).
Rows go in with bulk inserts, 2,000 at a time, in one transaction.
"""

import random
from datetime import timedelta

COMMON_WORD = "siege"
RARE_WORD = "zanzibar"
TAGS = ["Syria", "Iraq", "Ukraine", "Gaza", "Sudan", "Yemen", "Analysis", "Investigation", "Refugees", "Ceasefire"]
AUTHORS = 50
BATCH = 2000

_WORDS = (
    "the people city night shelling river bridge hospital families water power school market road soldiers "
    "witnesses ceasefire negotiations minister government convoy refugees border village province report "
    "aid doctors children winter bread fuel shortage district commander militia drone strike morning evening "
    "survivors camp tents medicine ambulance checkpoint journalist photographer interview statement evidence "
    "investigation documents archive satellite images analysis casualties displaced return rebuild homes"
).split()


def _paragraphs(rng, count=120):
    paragraphs = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            words = rng.choices(_WORDS, k=rng.randint(12, 22))
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def article_slug(i):
    return f"article-{i}"


def tags_of(i):
    """Three different tags for article ``i``."""
    first = i % len(TAGS)
    return [TAGS[first], TAGS[(first + 1 + i // 10 % 4) % len(TAGS)], TAGS[(first + 6 + i // 40 % 3) % len(TAGS)]]


def build(count, *, seed=7, log=print):
    """Create ``count`` published articles (and their authors and tags) in the configured database."""
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag

    from articles.models import Article, Author, ContentWarning, TaggedArticle

    rng = random.Random(seed)
    paragraphs = _paragraphs(rng)
    now = timezone.now()
    step = timedelta(days=3650) / max(count, 1)
    with transaction.atomic():
        authors = Author.objects.bulk_create(
            Author(name=f"Reporter {n}", slug=f"reporter-{n}", bio="Covers the region.") for n in range(AUTHORS)
        )
        tags = {name: Tag.objects.create(name=name, slug=name.lower()) for name in TAGS}
        warning = ContentWarning.objects.get(slug="graphic-violence")
        for start in range(0, count, BATCH):
            batch = []
            for i in range(start, min(start + BATCH, count)):
                body = "\n\n".join(rng.sample(paragraphs, 9))
                body += f"\n\nThe {COMMON_WORD} went on."
                if i == 7 or (count <= 7 and i == 0):
                    body += f" A dispatch from {RARE_WORD.capitalize()}."
                batch.append(
                    Article(
                        title=f"Article {i}: {rng.choice(_WORDS)} and {rng.choice(_WORDS)}",
                        slug=article_slug(i),
                        author=authors[i % AUTHORS],
                        standfirst="What happened, and what it means.",
                        body=body,
                        status=Article.Status.PUBLISHED,
                        published_at=now - step * (i + 1),
                        warnings_decided_at=now,
                        no_warnings_apply=i % 5 != 0,
                    )
                )
            created = Article.objects.bulk_create(batch)
            TaggedArticle.objects.bulk_create(
                TaggedArticle(content_object=article, tag=tags[name])
                for article, i in zip(created, range(start, start + len(created)))
                for name in tags_of(i)
            )
            Article.warnings.through.objects.bulk_create(
                Article.warnings.through(article=article, contentwarning=warning)
                for article, i in zip(created, range(start, start + len(created)))
                if i % 5 == 0
            )
            log(f"  built {start + len(created):,} of {count:,} articles")
