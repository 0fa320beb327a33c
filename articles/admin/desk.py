"""The desk at /admin/: what needs this person now, by role, above the models they may use.

A writer sees her drafts, what came back with changes requested (the editor's comment and name, read
from the record of decisions), what is in review and what is scheduled. An editor sees the review
queue with the writers' submit comments, pending revisions of live articles, imports the importer
held with its reasons, everything scheduled (times in the newsroom’s time zone, named) and what was
published today. Each section is a count and a short list: two queries (three for what came back)
whatever the archive holds.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.admin.record import local_time as when
from articles.models import Article, Decision, Revision, display_name
from articles.workflow.moves import EDIT

SHOWN = 5  # items a section lists; "see all" opens the rest in a filtered list


@dataclass(frozen=True)
class Item:
    """One line of a section: a link, short facts about it, and a comment with who wrote it."""

    title: str
    url: str
    details: tuple[str, ...] = ()
    comment: str = ""
    comment_by: str = ""
    notes: tuple[str, ...] = ()  # e.g. the importer's reasons for holding an article


@dataclass(frozen=True)
class Section:
    """A list on the desk: how many there are, the first few, and where to see them all."""

    key: str
    title: str
    count: int
    items: tuple[Item, ...]
    see_all: str
    see_all_label: str
    empty: str
    note: str = ""

    @property
    def more(self) -> bool:
        """There are more than the desk lists."""
        return self.count > len(self.items)


def _article_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def _articles_list(**params) -> str:
    """The article change list filtered by ``params`` (the writer's own list is already hers alone)."""
    return f"{reverse('admin:articles_article_changelist')}?{urlencode(params)}"


def _scheduled_list(now) -> str:
    return _articles_list(status__exact=Article.Status.PUBLISHED, published_at__gt=now.replace(microsecond=0).isoformat())


def _section(key, title, queryset, to_item, *, see_all, see_all_label, empty, **extra) -> Section:
    """A count and the first SHOWN items of ``queryset`` (already ordered), each made by ``to_item``."""
    count = queryset.count()
    items = tuple(to_item(obj) for obj in queryset[:SHOWN]) if count else ()
    return Section(key, title, count, items, see_all, see_all_label.format(count=count), empty, **extra)


# --- a writer's desk -----------------------------------------------------------------------------------


def writer_desk(user, now: datetime) -> list[Section]:
    """What a writer needs: her own articles only, never anyone else's drafts."""
    mine = Article.objects.owned_by(user)
    sent_back = mine.sent_back()
    drafts_url = _articles_list(status__exact=Article.Status.DRAFT)
    return [
        _sent_back_section(sent_back, drafts_url),
        _section(
            "drafts", "Your drafts", mine.drafts().exclude(pk__in=sent_back.values("pk")).order_by("-updated_at", "-pk"),
            lambda a: Item(a.title, _article_url(a), (f"Last saved {when(a.updated_at)}",)),
            see_all=drafts_url, see_all_label="All your drafts ({count})", empty="No drafts: start one with “Write an article”.",
        ),
        _section(
            "in-review", "In review", mine.in_review().order_by("submitted_at", "pk"),
            lambda a: Item(a.title, _article_url(a), (f"Submitted {when(a.submitted_at)}",)),
            see_all=_articles_list(status__exact=Article.Status.IN_REVIEW), see_all_label="All yours in review ({count})",
            empty="Nothing of yours is waiting for an editor.",
        ),
        _section(
            "scheduled", "Scheduled", mine.scheduled().order_by("published_at", "pk"),
            lambda a: Item(a.title, _article_url(a), (f"Goes live {when(a.published_at)} ({settings.TIME_ZONE})",)),
            see_all=_scheduled_list(now), see_all_label="All yours scheduled ({count})",
            empty="Nothing of yours is scheduled.", note=f"Times in the newsroom’s time zone, {settings.TIME_ZONE}.",
        ),
    ]


def _sent_back_section(sent_back, drafts_url) -> Section:
    """Drafts an editor sent back, each with the request for changes: its comment, who and when."""
    ordered = sent_back.order_by("-last_move_id")
    count = ordered.count()
    articles = list(ordered[:SHOWN]) if count else []
    requests = Decision.objects.select_related("actor__author_profile").in_bulk([a.last_move_id for a in articles])
    items = tuple(
        Item(
            article.title, _article_url(article), (f"Sent back {when(requests[article.last_move_id].at)}",),
            comment=requests[article.last_move_id].comment, comment_by=requests[article.last_move_id].actor_name,
        )
        for article in articles
    )
    return Section(
        "sent-back", "Came back with changes requested", count, items, drafts_url, "All your drafts",
        "Nothing came back: no editor has asked you for changes.",
    )


# --- an editor's desk ----------------------------------------------------------------------------------


def editor_desk(now: datetime) -> list[Section]:
    """What the editors need: the queue, pending revisions, held imports, the schedule and today's publications."""
    queue_url = reverse("admin:articles_reviewqueue_changelist")
    today = timezone.localtime(now).date()
    start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    submitted = Article.objects.submitted().with_submit_comment()
    return [
        _section(
            "review-queue", "Review queue", submitted.select_related("submitted_by__author_profile").order_by("submitted_at", "pk"),
            lambda a: Item(
                a.title, _article_url(a), (f"From {_submitter(a)}", f"waiting since {when(a.submitted_at)}"),
                comment=a.submit_comment or "", comment_by=_submitter(a) if a.submit_comment else "",
            ),
            see_all=queue_url, see_all_label="The whole review queue ({count} submitted)",
            empty="Nobody is waiting for a review.",
        ),
        _section(
            "revisions", "Pending revisions of live articles",
            Revision.objects.pending().filter(article__status=Article.Status.PUBLISHED)
            .select_related("article", "created_by__author_profile").order_by("created_at", "pk"),
            lambda r: Item(
                r.article.title, reverse("admin:articles_article_revision", args=[r.article_id, r.pk]),
                (f"Proposed by {display_name(r.created_by)}", when(r.created_at)),
            ),
            see_all=queue_url, see_all_label="All pending revisions in the queue ({count})",
            empty="No live article has a pending revision.",
        ),
        _section(
            "held-imports", "Imports held for review", Article.objects.held_imports().order_by("submitted_at", "pk"),
            lambda a: Item(a.title, _article_url(a), (f"From {a.source_name}",) if a.source_name else (),
                           notes=tuple(a.review_reasons)),
            see_all=queue_url, see_all_label="All held imports in the queue ({count})",
            empty="The importer is holding nothing back.",
        ),
        _section(
            "scheduled", "Scheduled", Article.objects.scheduled().select_related("author").order_by("published_at", "pk"),
            lambda a: Item(a.title, _article_url(a), (f"Goes live {when(a.published_at)} ({settings.TIME_ZONE})", _byline(a))),
            see_all=_scheduled_list(now), see_all_label="Everything scheduled ({count})",
            empty="Nothing is scheduled.", note=f"Times in the newsroom’s time zone, {settings.TIME_ZONE}.",
        ),
        _section(
            "published-today", "Published today",
            Article.objects.published().filter(published_at__gte=start_of_today).select_related("author")
            .order_by("-published_at", "-pk"),
            lambda a: Item(a.title, _article_url(a), (f"Live since {when(a.published_at)}", _byline(a))),
            see_all=_articles_list(status__exact=Article.Status.PUBLISHED, published_at__year=today.year,
                                   published_at__month=today.month, published_at__day=today.day),
            see_all_label="Everything published today ({count})", empty="Nothing published yet today.",
        ),
    ]


def _submitter(article) -> str:
    return display_name(article.submitted_by) if article.submitted_by_id else "the importer"


def _byline(article) -> str:
    return f"by {article.author.name}" if article.author_id else "no byline yet"


# --- on the admin site ----------------------------------------------------------------------------------


def desk_for(user, now: datetime | None = None) -> tuple[str, list[Section]]:
    """The desk's kind ("editor", "writer" or "" for staff who work on no articles) and its sections."""
    now = now or timezone.now()
    if workflow.is_editor(user):
        return "editor", editor_desk(now)
    if workflow.is_member(user) and user.has_perm(EDIT):
        return "writer", writer_desk(user, now)
    return "", []


def desk_context(request) -> dict:
    """What the admin index adds for its template (admin/desk.html): the person's desk and its title."""
    kind, sections = desk_for(request.user)
    title = {"editor": "Editors’ desk", "writer": "Your desk"}.get(kind, admin.site.index_title)
    return {"desk_kind": kind, "desk": sections, "title": title}


admin.site.set_desk(desk_context)
