"""The table of workflow moves: from which states, to which, the permission each needs, and who hears of it;
and beside it the table of the other decisions editors make (ACTIONS), with the permission each needs.

Everything about a move is a row here. The policy (permissions.py) reads ``permission`` and
``own_work``; perform (transitions.py) reads the states, ``needs_comment``, ``needs_time`` and
``marks_submission``; the emails (notifications.py) read ``notify`` and the two texts. Adding a
move is adding a row. An editor who may publish publishes or schedules a draft directly (no review by
herself first); a writer's moves stop at submitting. The policy (permissions.can) judges both tables: nobody checks a permission
of their own.
"""

import enum
from dataclasses import dataclass

from articles.models import Article

Status = Article.Status


@enum.unique  # two members with one value would make the second an alias, and any check on it dead code
class Audience(enum.Enum):
    NOBODY = "nobody"
    DESK = "the editors who may act on the article next"
    WRITERS = "the article's writers"


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    sources: frozenset
    target: str
    permission: str  # the Django permission this move needs ("articles.publish_article")
    who: str  # who may make it, as the refusal names them
    own_work: bool = False  # with only the base permission, a writer may make it on her own article
    notify: Audience = Audience.NOBODY
    subject: str = ""  # the email's subject, before the title
    message: str = ""  # its text: {who}, {title}, {comment}, {when}
    needs_comment: bool = False
    comment_label: str = "Comment"
    needs_time: bool = False  # a publication time in the future (scheduling)
    marks_submission: bool = False  # remembers who submitted it and when
    clears_time: bool = False  # forgets the publication time (a cancelled schedule)
    phase: str = ""  # of a published article: "live" (its time has come) or "scheduled" (still to come)
    ends_share_links: bool = False  # revokes the article's share links (a take-down leaves no way in)
    keeps_version: bool = False  # keeps the text as it was sent back, so the next review shows what changed since

    def applies_to(self, article) -> bool:
        """The article's state (and, for a published one, whether its time has come) allows this move."""
        if article.status not in self.sources:
            return False
        if self.phase == "live":
            return not article.is_scheduled
        if self.phase == "scheduled":
            return article.is_scheduled
        return True


EDIT = "articles.change_article"
REVIEW = "articles.review_article"
PUBLISH = "articles.publish_article"

MOVES = {
    move.name: move
    for move in [
        Move(
            "submit", "Submit for review", frozenset({Status.DRAFT}), Status.IN_REVIEW, EDIT,
            "the article's writer or an editor", own_work=True, marks_submission=True,
            comment_label="A note for the editors", notify=Audience.DESK, subject="Submitted for review", message="{who} submitted “{title}” for review.",
        ),
        Move(
            "withdraw", "Withdraw from review", frozenset({Status.IN_REVIEW}), Status.DRAFT, EDIT,
            "the writer who submitted it or an editor", own_work=True,
        ),
        Move(
            "request_changes", "Request changes", frozenset({Status.IN_REVIEW}), Status.DRAFT, REVIEW,
            "an editor who may review", needs_comment=True, comment_label="What needs to change", keeps_version=True,
            notify=Audience.WRITERS, subject="Changes requested",
            message="{who} asked for changes to “{title}”:\n\n{comment}",
        ),
        Move(
            "publish", "Publish now", frozenset({Status.DRAFT, Status.IN_REVIEW}), Status.PUBLISHED, PUBLISH,
            "an editor who may publish", notify=Audience.WRITERS, subject="Published",
            message="“{title}” is now live ({who}).",
        ),
        Move(
            "schedule", "Schedule", frozenset({Status.DRAFT, Status.IN_REVIEW}), Status.PUBLISHED, PUBLISH,
            "an editor who may publish", needs_time=True, notify=Audience.WRITERS, subject="Scheduled",
            message="“{title}” is scheduled for {when} ({who}).",
        ),
        Move(
            "reschedule", "Reschedule", frozenset({Status.PUBLISHED}), Status.PUBLISHED, PUBLISH,
            "an editor who may publish", needs_time=True, phase="scheduled", notify=Audience.WRITERS,
            subject="Rescheduled", message="“{title}” is now scheduled for {when} ({who}).",
        ),
        Move(
            "cancel_schedule", "Cancel the schedule", frozenset({Status.PUBLISHED}), Status.IN_REVIEW, PUBLISH,
            "an editor who may publish", phase="scheduled", clears_time=True, needs_comment=True,
            comment_label="Why the schedule is cancelled", notify=Audience.WRITERS, subject="Schedule cancelled",
            message="{who} cancelled the publication of “{title}”; it is back in review:\n\n{comment}",
        ),
        Move(
            "unpublish", "Unpublish", frozenset({Status.PUBLISHED}), Status.DRAFT, PUBLISH,
            "an editor who may publish", needs_comment=True, comment_label="Reason for unpublishing", phase="live",
            ends_share_links=True,
            notify=Audience.WRITERS, subject="Unpublished", message="{who} unpublished “{title}”:\n\n{comment}",
        ),
    ]
}


@dataclass(frozen=True)
class Action:
    """A decision that is not a move between states (a correction, approving a revision, deciding warnings,
    merging tags): the permission it needs (with EDIT) and, for one on an article, when it is open. ``can``
    judges it; it is no button of the workflow box and no bulk action."""

    name: str
    label: str  # as the refusal says it: "You may not {label}"
    permission: str
    who: str
    live_only: bool = False  # only while readers can see the article
    own_work = False  # never a writer's own move: ``permits`` reads this as it does a move's

    def applies_to(self, article) -> bool:
        """The article's state allows this action now (always, for an action on no article)."""
        return article.is_live if (self.live_only and article is not None) else True


ACTIONS = {
    action.name: action
    for action in [
        Action("add_correction", "add a correction or update", PUBLISH, "an editor who may publish", live_only=True),
        Action("withdraw_correction", "withdraw a correction", PUBLISH, "an editor who may publish"),
        Action("approve_revision", "approve a revision", PUBLISH, "an editor who may publish"),
        Action("reject_revision", "send a revision back", REVIEW, "an editor who may review"),
        Action("decide_warnings", "decide an article's content warnings", REVIEW, "an editor who may review"),
        Action("merge_tags", "merge tags", REVIEW, "an editor who may review"),
    ]
}
