"""Build a newsroom archive of N published articles, fast, for the benchmarks.

Each article: about 4 KB of body, three of ten tags, one of 50 authors, a graphic-violence
warning on every fifth; publication times spread over ten years, newest first. Every article
contains the common word "siege"; exactly one, whatever N, the rare word "zanzibar" (so a search for
it shows the same page at every size).
Rows go in with bulk inserts, 2,000 at a time, in one transaction.

A long tail, as a real newsroom's archive has (issue 18): besides the ten common tags (each on
about 30 % of the archive), ``tail_tag_count(N)`` topic tags (2,000 at 100,000 articles) of which
four in ten articles carry one, drawn by a Zipf law (topic 1 on thousands of articles, most on
one to three), and four rare tags each carried only by one of the oldest articles
(``RARE_TAGS``). Likewise 50 staff authors write nine articles in ten, and
``tail_author_count(N)`` contributors (500 at 100,000) the rest, by a Zipf law; the contributor
``RARE_AUTHOR`` has one article, the oldest.

Pictures (``add_pictures``): eight library images, stored as an upload is (renditions made once);
every odd-numbered article has one as its featured image, and every article numbered 1 modulo 10
also places one in its body — so the home page shows thumbnails of the unwarned ones, and
article N/2 + 1 carries both.
"""

import bisect
import random
import time
from datetime import timedelta

COMMON_WORD = "siege"
RARE_WORD = "zanzibar"
TAGS = ["Syria", "Iraq", "Ukraine", "Gaza", "Sudan", "Yemen", "Analysis", "Investigation", "Refugees", "Ceasefire"]
AUTHORS = 50
BATCH = 2000
RARE_TAGS = ["Rare 0", "Rare 1", "Rare 2", "Rare 3"]  # slugs rare-0…: one old article each
RARE_AUTHOR = "contributor-0"  # one article, the oldest


def tail_tag_count(count):
    return max(50, count // 50)


def tail_author_count(count):
    return max(20, count // 200)


def _zipf(rng, size, exponent=1.1):
    """A rank from 1 to ``size``, rank k drawn with weight 1 / k ** exponent (bisect on the cumulated weights)."""
    key = (size, exponent)
    if key not in _ZIPF:
        total, cumulated = 0.0, []
        for k in range(1, size + 1):
            total += 1 / k**exponent
            cumulated.append(total)
        _ZIPF[key] = cumulated
    cumulated = _ZIPF[key]
    return bisect.bisect_left(cumulated, rng.random() * cumulated[-1]) + 1


_ZIPF = {}

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
        contributors = Author.objects.bulk_create(
            Author(name=f"Contributor {n}", slug=f"contributor-{n}", bio="Writes for us now and then.")
            for n in range(tail_author_count(count))
        )
        tags = {name: Tag.objects.create(name=name, slug=name.lower()) for name in TAGS}
        topics = Tag.objects.bulk_create(
            Tag(name=f"Topic {n}", slug=f"topic-{n}") for n in range(1, tail_tag_count(count) + 1)
        )
        rare = {count - 1 - n: Tag.objects.create(name=name, slug=name.lower().replace(" ", "-"))
                for n, name in enumerate(RARE_TAGS)}
        tail_rng = random.Random(seed + 1)
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
                        author=_author_of(i, count, authors, contributors, tail_rng),
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
            TaggedArticle.objects.bulk_create(
                TaggedArticle(content_object=article, tag=tag)
                for article, i in zip(created, range(start, start + len(created)))
                for tag in _tail_tags_of(i, topics, rare, tail_rng)
            )
            Article.warnings.through.objects.bulk_create(
                Article.warnings.through(article=article, contentwarning=warning)
                for article, i in zip(created, range(start, start + len(created)))
                if i % 5 == 0
            )
            log(f"  built {start + len(created):,} of {count:,} articles")


def _author_of(i, count, authors, contributors, rng):
    """Staff write nine articles in ten; contributors the rest, by a Zipf law (the oldest: RARE_AUTHOR)."""
    if i == count - 1:
        return contributors[0]
    if i % 10 == 3:
        return contributors[_zipf(rng, len(contributors) - 1)]  # contributor-0 keeps its one article
    return authors[i % AUTHORS]


def _tail_tags_of(i, topics, rare, rng):
    """A topic for four articles in ten (Zipf), and a rare tag for each of the oldest four."""
    found = [topics[_zipf(rng, len(topics)) - 1]] if i % 5 in (1, 3) else []
    if i in rare:
        found.append(rare[i])
    return found


PICTURES = 8


def add_pictures(count, *, log=print):
    """Give the archive its pictures (see above), unless it has them already. Returns True if it added them."""
    import io

    from django.db import transaction
    from django.db.models import F, Min, Value
    from django.db.models.functions import Concat, Mod
    from PIL import Image as PILImage

    from articles import image_store, images
    from articles.models import Article, BodyImage, Image

    if Image.objects.exists():
        return False
    started = time.perf_counter()
    with transaction.atomic():
        pictures = []
        for n in range(PICTURES):
            out = io.BytesIO()
            PILImage.new("RGB", (1600, 1000), (40 + 25 * n, 90, 140 - 10 * n)).save(out, "JPEG", quality=85)
            picture = images.clean_upload(out.getvalue(), f"picture-{n}.jpg", max_bytes=10_000_000, max_pixels=40_000_000)
            pictures.append(image_store.store(
                Image(title=f"Picture {n}", alt_text=f"Scene {n} of the reporting", caption="On the road.", credit="Staff"),
                picture,
            ))
        articles = Article.objects.filter(slug__startswith="article-")
        first = articles.aggregate(first=Min("id"))["first"]
        number = F("id") - first  # articles were made in order: article-i has the i-th id
        for n, picture in enumerate(pictures):
            articles.alias(k=Mod(number, 2 * PICTURES)).filter(k=2 * n + 1).update(featured_image=picture)
        placed = articles.alias(k=Mod(number, 10)).filter(k=1)
        placed.update(body=Concat(F("body"), Value(f"\n\n![](image:{pictures[0].pk})\n\nThe report goes on.")))
        BodyImage.objects.bulk_create(
            (BodyImage(article_id=pk, image=pictures[0]) for pk in placed.values_list("pk", flat=True).iterator()),
            batch_size=BATCH,
        )
    log(f"  added {PICTURES} pictures to {count:,} articles in {time.perf_counter() - started:.1f} s")
    return True
