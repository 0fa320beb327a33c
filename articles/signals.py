"""What a change ends: model signals turned into the dependency keys of the pages that show it.

Connected for every model a public page reads: articles, their tag and warning links, authors,
tags and tag redirects, the warning vocabulary, corrections, library pictures and their renditions. Each
handler names the keys (``articles/cachekeys.py``) of what the change touches, and
``articles/purging.py`` sends them on commit. Records readers never see (decisions, revisions,
preview links, the topic vocabulary, which only steers imports) are left out, and so are changes
to an article that neither is nor was published (``Article.concerns_readers``).

Signals fire for ``save()``, ``delete()`` and related managers' ``add``/``remove``/``set``/``clear``.
A write that bypasses them (``QuerySet.update``, ``bulk_create``, raw SQL) must end its keys itself
with ``purging.end_on_commit`` — or, as the importer does for an article it has just saved, rely on
the keys computed at commit time from what the database then holds (``placement_keys``).

A change that takes something from readers — a live article unpublished, put back to a later time
or deleted, warnings given to or taken from a visible article — ends its keys as *withdrawn*: no
cache serves the pages showing it stale while they are rendered again (``articles/pagecache.py``).
Other changes (an approved revision, a new article, a renamed tag) may be served stale for up to
``MASTHEAD_STALE_SECONDS`` to all but the one request rendering the page.
"""

from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import partial
from itertools import chain, islice

from django.db import connections
from django.db.models import Exists, OuterRef
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone
from taggit.models import Tag

from articles import cachekeys as keys
from articles import purging
from articles.models import Article, Author, ContentWarning, Correction, Image, Rendition, TaggedArticle, TagRedirect
from articles.selectors import RELATED_CANDIDATES, raw_time
from articles.slugs import has_letters, slug_for

# How far along the publication order to look for the articles whose older/newer links an article
# entering it may change (see adjacent_keys).
ADJACENT_LOOKUP = 50
# How many of a tag's links to read at most to find the pages whose earlier coverage an article entering
# or leaving the tag may change (see related_keys).
RELATED_LOOKUP = 4 * RELATED_CANDIDATES
RELATED_ONE_BY_ONE = 20  # placed articles of one tag read one by one at most past RELATED_LOOKUP


# --- which keys -----------------------------------------------------------------------------------------


def edit_keys(article):
    """A visible article changed in place: the pages showing it, search and its sitemap section."""
    return {keys.article(article.pk), keys.SEARCH, keys.sitemap_section(article.pk)}


def tag_link_keys(tag_ids):
    """Tags added to or taken from a visible article: their lists, the tag index (a tag may gain or lose
    its first visible article) and addresses that may now exist (the pages whose earlier coverage it
    may enter or leave: ``related_keys``)."""
    found = {keys.TAGS, keys.MISSING, keys.SEARCH}
    for pk in tag_ids:
        found.add(keys.tag_list(pk))
    return found


def related_keys(placed):
    """The article pages whose earlier coverage may change when the articles at ``placed`` — (pk, its
    publication time or None, the tag ids it enters, leaves or changes in) — enter, leave, move among
    or change warnings among those tags' visible articles.

    A page lists only articles published before it, chosen among its RELATED_CANDIDATES newest earlier
    tag-mates less its older link and what the reader's filter hides (``selectors.related_articles``),
    so only the pages of the tag-mates published after an article can list it, and only while at most
    RELATED_CANDIDATES tag-mates lie between them: counted as unwarned ones only, since a filter may
    hide any warned one (a superset, never a miss). One statement for all the tags: each tag's index
    read from the earliest of its placed articles on, at most RELATED_LOOKUP links. Past that (the
    placed articles spread over the tag's years, or a long run of warned ones) each placed article is
    read on its own, up to RELATED_ONE_BY_ONE of them; beyond, the tag's broad key ends
    (``related:tag:N``, declared by every page of the tag's articles), which a real archive reaches
    only with a merge of large tags. A scheduled publication ends nothing here: every article after it
    is still to come.
    """
    by_tag = defaultdict(set)
    for pk, when, tag_ids in placed:
        if when is not None:
            for tag_id in tag_ids:
                by_tag[tag_id].add((when, pk))
    by_tag = {tag_id: sorted(positions) for tag_id, positions in by_tag.items()}
    found = set()
    for tag_id, newer in _newer_tag_mates(by_tag).items():
        positions = by_tag[tag_id]
        if newer is None and 1 < len(positions) <= RELATED_ONE_BY_ONE:
            alone = _newer_tag_mates({(tag_id, n): [position] for n, position in enumerate(positions)}).values()
            newer = None if None in alone else set().union(*alone)
        found |= {keys.related(tag_id)} if newer is None else {keys.earlier(pk) for pk in newer}
    return found


def _newer_tag_mates(positions_by):
    """For each ``(tag id or (tag id, anything)): positions`` ((time, id), in order): the ids of the visible
    articles of the tag published after one of the positions with at most RELATED_CANDIDATES unwarned
    ones between it and the nearest of them; None when that takes more than RELATED_LOOKUP of the
    tag's links. One statement: a ``UNION ALL`` of one short index range per entry (as
    ``selectors.related_candidates`` reads its windows)."""
    if not positions_by:
        return {}
    connection = connections[TaggedArticle.objects.db]
    adapt = connection.ops.adapt_datetimefield_value
    now = adapt(timezone.now())
    part = (
        "SELECT * FROM (SELECT {number} AS entry, l.content_object_id AS article, l.visible_from AS at,"
        f" EXISTS (SELECT 1 FROM {_WARNINGS_TABLE} w WHERE w.article_id = l.content_object_id) AS warned"
        f" FROM {_LINKS_TABLE} l WHERE l.tag_id = %s AND l.visible_from >= %s AND l.visible_from <= %s"
        " AND (l.visible_from > %s OR l.content_object_id > %s)"
        " ORDER BY l.visible_from, l.content_object_id LIMIT %s) AS part"
    )
    entries = list(positions_by)
    statements, params = [], []
    for number, entry in enumerate(entries):
        tag_id = entry[0] if isinstance(entry, tuple) else entry
        first_when, first_pk = positions_by[entry][0]
        statements.append(part.format(number=number) + str(number))
        params.extend([tag_id, adapt(first_when), now, adapt(first_when), first_pk, RELATED_LOOKUP + 1])
    rows = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(statements), params)
        for number, other, at, warned in cursor.fetchall():
            rows[number].append((other, raw_time(at), warned))  # (each time read once: sorting and walking use it)
    return {entry: _walk(positions_by[entry], sorted(rows[number], key=lambda row: (row[1], row[0])))
            for number, entry in enumerate(entries)}


def _walk(positions, rows):
    """The newer tag-mates ``_newer_tag_mates`` keeps, from one tag's ``rows`` ((id, time (aware: raw_time),
    warned), in publication order from the first position on, at most RELATED_LOOKUP + 1), or None."""
    placed = {pk for _, pk in positions}
    found, between, passed = set(), 0, 0
    for other, at, is_warned in rows[:RELATED_LOOKUP]:
        position = (at, other)
        while passed < len(positions) and positions[passed] < position:
            between, passed = 0, passed + 1
        if other in placed:
            continue  # its own page is ended by its own keys
        if between > RELATED_CANDIDATES:
            if passed == len(positions):
                return found
            continue
        found.add(other)
        between += not is_warned
    return found if len(rows) <= RELATED_LOOKUP else None


_LINKS_TABLE = TaggedArticle._meta.db_table
_WARNINGS_TABLE = Article.warnings.through._meta.db_table


def placement_keys(article_ids, old_authors=(), old_positions=()):
    """Articles that appeared, left, moved in publication order, changed author or slug, or changed
    warnings (which decide what filtered lists show): every list they can be in, and the pages whose
    earlier coverage they may enter or leave at their place now and at ``old_positions`` ((id, time
    as read before the change)), read from what the database holds at commit time (a deleted
    article's tags come from its links' own signals)."""
    found = {keys.HOME, keys.FEED, keys.SEARCH, keys.SITEMAP, keys.TAGS, keys.AUTHORS, keys.MISSING, keys.CORRECTIONS}
    found |= {keys.author_list(pk) for pk in old_authors if pk}
    for pk in article_ids:
        found |= {keys.article(pk), keys.sitemap_section(pk)}
    rows = Article.objects.filter(pk__in=article_ids).values_list("pk", "author_id", "published_at", "status")
    tags_of = defaultdict(set)
    for pk, tag_id in TaggedArticle.objects.filter(content_object__in=article_ids).values_list("content_object_id", "tag_id"):
        tags_of[pk].add(tag_id)
    found |= tag_link_keys(set().union(*tags_of.values()))
    placed = []
    for pk, author_id, published_at, status in rows:
        if author_id:
            found.add(keys.author_list(author_id))
        if status == Article.Status.PUBLISHED and published_at is not None:
            placed.append((pk, published_at))
    found |= related_keys([*((pk, when, tags_of[pk]) for pk, when in placed),
                           *((pk, when, tags_of[pk]) for pk, when in old_positions if (pk, when) not in placed)])
    if len(placed) == 1:
        found |= adjacent_keys(*placed[0])
    elif placed:
        found |= adjacent_keys_of_many(placed)
    return found


def _published_with_warned():
    warned = Exists(Article.warnings.through.objects.filter(article=OuterRef("pk")))
    return Article.objects.filter(status=Article.Status.PUBLISHED).annotate(warned=warned)


def adjacent_keys(pk, when):
    """The article pages whose older or newer link may now name the article at ``when``.

    Under any warning filter an article's neighbour is the nearest article the filter lets through;
    an unwarned article passes every filter, so on each side only the articles up to and including
    the nearest unwarned one can name it. Past ADJACENT_LOOKUP warned articles in a row every
    article page's links are ended (``adjacent:*``), which a real archive never reaches.
    """
    published = _published_with_warned().exclude(pk=pk)
    sides = (
        published.filter(published_at__lte=when).order_by("-published_at", "-pk"),
        published.filter(published_at__gte=when).order_by("published_at", "pk"),
    )
    found = set()
    for side in sides:
        found |= _nearest_keys(side.values_list("pk", "warned")[:ADJACENT_LOOKUP])
    return found


def _nearest_keys(rows):
    """adjacent keys along one side: up to and including the first unwarned article (rows: (pk, warned),
    nearest first, at most ADJACENT_LOOKUP)."""
    found, rows = set(), list(rows)
    for other, is_warned in rows:
        found.add(keys.adjacent(other))
        if not is_warned:
            return found
    if len(rows) == ADJACENT_LOOKUP:
        found.add(keys.adjacent("*"))
    return found


ADJACENT_WINDOW = 5000  # published articles read at most to find many articles' neighbours at once


def adjacent_keys_of_many(placed):
    """adjacent_keys of every (pk, when) in ``placed``, in three queries rather than two per article:
    the published articles from the earliest ``when`` to the latest, and ADJACENT_LOOKUP beyond each
    end, walked here. When that span holds more than ADJACENT_WINDOW articles (articles placed
    across a large archive's years), each is looked up on its own."""
    first, last = min(when for _, when in placed), max(when for _, when in placed)
    published = _published_with_warned()
    span = list(published.filter(published_at__gte=first, published_at__lte=last)
                .order_by("published_at", "pk").values_list("pk", "published_at", "warned")[:ADJACENT_WINDOW + 1])
    if len(span) > ADJACENT_WINDOW:
        return set().union(*(adjacent_keys(pk, when) for pk, when in placed))
    before = list(published.filter(published_at__lt=first).order_by("-published_at", "-pk")
                  .values_list("pk", "published_at", "warned")[:ADJACENT_LOOKUP])
    after = list(published.filter(published_at__gt=last).order_by("published_at", "pk")
                 .values_list("pk", "published_at", "warned")[:ADJACENT_LOOKUP])
    times = [at for _, at, _ in span]  # span is in publication order
    found = set()
    for pk, when in placed:
        older = chain((span[i] for i in range(bisect_right(times, when) - 1, -1, -1)), before)  # at or before it, nearest first
        newer = chain((span[i] for i in range(bisect_left(times, when), len(span))), after)
        for side in (older, newer):
            found |= _nearest_keys(islice(((other, warned) for other, _, warned in side if other != pk), ADJACENT_LOOKUP))
    return found


# --- handlers -------------------------------------------------------------------------------------------


def _placed_later(article, old_author=None, withdrawn=False):
    """End the article's placement keys at commit time: read for all the articles placed since the last
    send at once (an import's articles: once a second), or, for a withdrawal, for this article alone and
    sent as withdrawn. Its place as read from the database counts as well as its place then."""
    loaded = article.loaded("published_at") if article.loaded("status") == Article.Status.PUBLISHED else None
    old = ((article.pk, loaded),) if loaded is not None else ()
    if withdrawn:
        purging.end_on_commit(
            later=partial(placement_keys, [article.pk], [old_author], old), later_id=("placed", article.pk, old_author),
            withdrawn=True,
        )
    else:
        purging.end_on_commit(gather=(_placements, (article.pk, old_author, loaded)))


def _placements(placed):
    """placement_keys of ``placed``: (article id, its author before, its publication time before) triples."""
    return placement_keys([pk for pk, _, _ in placed], [author for _, author, _ in placed],
                          [(pk, when) for pk, _, when in placed if when is not None])


def _withdrawn(article):
    """The article was live as read from the database and no longer is (unpublished, put back to a
    later time): no page showing it may be served stale."""
    when = article.loaded("published_at")
    was_live = article.loaded("status") == Article.Status.PUBLISHED and when is not None and when <= timezone.now()
    return was_live and not article.is_live


def _article_saved(sender, instance, created=False, **kwargs):
    """An edit in place ends the pages showing the article; anything that can move it between pages
    (published or unpublished, rescheduled, another author or slug, a new article) ends the lists too."""
    if not instance.concerns_readers:
        return
    withdrawn = _withdrawn(instance)
    purging.end_on_commit(edit_keys(instance), withdrawn=withdrawn)
    if created or instance.placement_changed:
        _placed_later(instance, instance.loaded("author_id"), withdrawn=withdrawn)


def _article_deleting(sender, instance, **kwargs):
    if instance.concerns_readers:
        tag_ids = list(TaggedArticle.objects.filter(content_object=instance).values_list("tag_id", flat=True))
        when = instance.loaded("published_at") or instance.published_at
        related = related_keys([(instance.pk, when, tag_ids)])  # read now: its links go with it
        purging.end_on_commit(edit_keys(instance) | tag_link_keys(tag_ids) | related, withdrawn=True)
        _placed_later(instance, instance.author_id, withdrawn=True)


def _links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Tags or warnings added to or taken from articles (from either side of the relation)."""
    if reverse:
        _articles_relinked(sender, instance, action, pk_set)
    elif instance.concerns_readers and sender is TaggedArticle:
        _retagged(instance, action)
    elif instance.concerns_readers and action in ("post_add", "post_remove", "post_clear") and (
        pk_set or action == "post_clear"
    ):
        # Warnings decide what filtered lists show and which neighbours they link: the lists too; and a
        # reader who hides a warning must not be shown a stale page with an article now carrying it.
        purging.end_on_commit(edit_keys(instance), withdrawn=True)
        _placed_later(instance, withdrawn=True)


def _retagged(article, action):
    """An article's tags are compared at commit time with what they were before the first change of
    the transaction (``tags.set(..., clear=True)`` to the same tags ends nothing)."""
    if action.startswith("pre_"):
        article.__dict__.setdefault("_tags_before", _tag_ids(article.pk))
    else:
        before = article.__dict__.pop("_tags_before", frozenset())
        purging.end_on_commit(later=partial(_retag_keys, article.pk, before), later_id=("tags", article.pk))


def _tag_ids(article_id):
    return frozenset(TaggedArticle.objects.filter(content_object_id=article_id).values_list("tag_id", flat=True))


def _retag_keys(article_id, before, check_visible=False):
    changed = _tag_ids(article_id) ^ before
    if not changed:
        return set()
    published = Article.objects.filter(pk=article_id, status=Article.Status.PUBLISHED).values_list("published_at", flat=True)
    when = next(iter(published), None)
    if check_visible and when is None:
        return set()
    return ({keys.article(article_id), keys.sitemap_section(article_id)} | tag_link_keys(changed)
            | related_keys([(article_id, when, changed)]))


def _articles_relinked(sender, instance, action, pk_set):
    """A tag or warning given to, or taken from, articles from its own side."""
    through_field, article_field = ("tag", "content_object_id") if sender is TaggedArticle else (
        "contentwarning", "article_id")
    if action == "pre_clear":
        instance._cleared_articles = set(sender.objects.filter(**{through_field: instance}).values_list(
            article_field, flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    article_ids = instance.__dict__.pop("_cleared_articles", set()) if action == "post_clear" else set(pk_set)
    relinked = list(Article.objects.filter(pk__in=article_ids, status=Article.Status.PUBLISHED).only("pk", "published_at"))
    for article in relinked:
        warned = sender is not TaggedArticle  # never served stale, as above
        purging.end_on_commit(edit_keys(article), withdrawn=warned)
        if not warned:
            purging.end_on_commit(tag_link_keys([instance.pk]))
        else:
            _placed_later(article, withdrawn=True)
    if relinked and sender is TaggedArticle:  # one read for all (a merge moves thousands)
        purging.end_on_commit(related_keys([(article.pk, article.published_at, [instance.pk]) for article in relinked]))


def _tag_link_writing(sender, instance, **kwargs):
    """A tag link written row by row (a tag merge moves them so; taggit adds them one by one): the
    article's tags before it, for the comparison at commit time."""
    instance._tags_before = _tag_ids(instance.content_object_id)


def _tag_link_written(sender, instance, **kwargs):
    before = instance.__dict__.pop("_tags_before", frozenset())
    purging.end_on_commit(
        later=partial(_retag_keys, instance.content_object_id, before, check_visible=True),
        later_id=("tags", instance.content_object_id),
    )


def _author_changed(sender, instance, created=False, **kwargs):
    """A byline renamed or an author page's bio changed; a new author shows nowhere yet."""
    if not created:
        purging.end_on_commit({keys.author(instance.pk), keys.author_list(instance.pk), keys.AUTHORS,
                               keys.MISSING, keys.SEARCH})


def _tag_changed(sender, instance, created=False, **kwargs):
    """A tag renamed or deleted; a new tag shows nowhere yet."""
    if not created:
        purging.end_on_commit({keys.tag(instance.pk), keys.tag_list(instance.pk), keys.TAGS, keys.MISSING, keys.SEARCH})


def _redirect_changed(sender, instance, **kwargs):
    """An old tag address now redirects, or no longer does."""
    purging.end_on_commit({keys.MISSING, keys.tag(instance.tag_id), keys.tag_list(instance.tag_id)})


def _warning_changed(sender, instance, **kwargs):
    """The warning vocabulary changed: pages showing this label, the vocabulary page, filtered pages."""
    purging.end_on_commit({keys.warning(instance.pk), keys.WARNINGS})


def _correction_changed(sender, instance, **kwargs):
    """A correction added to, or withdrawn from, an article: its page, its entries and /corrections/."""
    purging.end_on_commit({keys.article(instance.article_id), keys.CORRECTIONS})


def _picture_changed(sender, instance, **kwargs):
    """A library picture (caption, credit, alt text, graphic) or one of its renditions changed."""
    purging.end_on_commit({keys.picture(instance.image_id if isinstance(instance, Rendition) else instance.pk)})


def _tag_slug(sender, instance, **kwargs):
    """taggit gives a tag with no letter or digit ("🔥", "…") an empty slug ("" or "_1"), and its page
    no URL: spell it out instead (articles/slugs.py), keeping taggit's number for a repeat."""
    if not has_letters(instance.slug):
        number = instance.slug.rsplit("_", 1)[-1] if "_" in (instance.slug or "") else ""
        instance.slug = slug_for(instance.name) + (f"-{number}" if number.isdigit() else "")


HANDLERS = (
    (Article, _article_saved),
    (Author, _author_changed),
    (Tag, _tag_changed),
    (TagRedirect, _redirect_changed),
    (ContentWarning, _warning_changed),
    (Correction, _correction_changed),
    (Image, _picture_changed),
    (Rendition, _picture_changed),
    (TaggedArticle, _tag_link_written),
)


def connect():
    pre_save.connect(_tag_slug, sender=Tag, dispatch_uid="tag-slug")
    for model, handler in HANDLERS:
        label = model._meta.label
        post_save.connect(handler, sender=model, dispatch_uid=f"pagecache-save-{label}")
        if model is not Article:
            post_delete.connect(handler, sender=model, dispatch_uid=f"pagecache-delete-{label}")
    pre_delete.connect(_article_deleting, sender=Article, dispatch_uid="pagecache-delete-article")
    pre_save.connect(_tag_link_writing, sender=TaggedArticle, dispatch_uid="pagecache-presave-tag-link")
    pre_delete.connect(_tag_link_writing, sender=TaggedArticle, dispatch_uid="pagecache-predelete-tag-link")
    for through in (Article.warnings.through, Article.tags.through):
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"pagecache-m2m-{through._meta.label}")
