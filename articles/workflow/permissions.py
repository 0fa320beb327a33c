"""One permission policy: who may do what to which article, and who hears of each move.

Everyone acting in the newsroom is an active staff login; beyond that, Django permissions (given
by the Writer and Editor groups, or one by one) decide:

- ``articles.change_article``: work on articles at all — a writer her own drafts;
- ``articles.review_article``: an editor — sees and edits every article, decides warnings;
- ``articles.publish_article``: may publish, schedule, unpublish, approve revisions, and add or withdraw
  corrections (moves.ACTIONS).

The moves' rows and the other actions' rows (moves.py: approving and rejecting revisions, deciding
warnings, merging tags) name the permission each needs; ``can`` is the only judge (``require`` raises
its refusal), and the emails go to the people the policy names (``recipients``), so nobody hears of
work they may not see.
"""

from django.contrib.auth import get_user_model

from articles.workflow.errors import WorkflowError
from articles.workflow.moves import ACTIONS, EDIT, MOVES, PUBLISH, REVIEW, Audience, Move


_PERMISSIONS_BACKEND = "django.contrib.auth.backends.ModelBackend"  # axes' backend only refuses logins


def is_member(user) -> bool:
    """An active staff login: the only people the workflow ever acts for or writes to."""
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


def _has(user, permission) -> bool:
    return is_member(user) and user.has_perm(permission)


def is_editor(user) -> bool:
    """May review: sees and edits every article, decides content warnings."""
    return _has(user, EDIT) and _has(user, REVIEW)


def can_publish(user) -> bool:
    """May publish, schedule, unpublish, and approve revisions (which changes what readers see)."""
    return _has(user, EDIT) and _has(user, PUBLISH)


def works_on(user, article) -> bool:
    """The article is this writer's: she created it, it carries her byline, or she submitted it."""
    return article.is_owned_by(user) or (article.submitted_by_id is not None and article.submitted_by_id == user.pk)


def can_view(user, article) -> bool:
    """Editors see every article in the admin; writers see their own."""
    return _has(user, "articles.view_article") and (is_editor(user) or article.is_owned_by(user))


def can_edit(user, article) -> bool:
    """Editors edit any article (a live one through a pending revision); writers only their own drafts."""
    if not _has(user, EDIT):
        return False
    return is_editor(user) or (article.status == article.Status.DRAFT and article.is_owned_by(user))


def permits(user, move: Move, article) -> bool:
    """Whether ``user``'s permissions allow ``move`` on ``article``, whatever state it is in."""
    if not (_has(user, EDIT) and _has(user, move.permission)):
        return False
    return not move.own_work or is_editor(user) or works_on(user, article)


def can(user, name: str, article=None) -> bool:
    """May ``user`` make the move ``name`` on ``article`` now (its state allows it, and so do her
    permissions), or take the action ``name`` (ACTIONS: corrections, approving and rejecting revisions,
    deciding warnings, merging tags; on ``article`` when it concerns one)?"""
    if name in ACTIONS:
        action = ACTIONS[name]
        return _has(user, EDIT) and _has(user, action.permission) and action.applies_to(article)
    move = MOVES.get(name)
    return move is not None and article is not None and move.applies_to(article) and permits(user, move, article)


def require(user, name: str) -> None:
    """Raise WorkflowError naming who may, unless ``user`` may take the action ``name`` (ACTIONS)."""
    if not can(user, name):
        action = ACTIONS[name]
        raise WorkflowError(f"You may not {action.label}: only {action.who} may.")


def _members(*permissions):
    """Active staff holding every one of ``permissions`` (directly, through a group, or as superusers)."""
    User = get_user_model()
    users = User.objects.filter(is_active=True, is_staff=True)
    for permission in permissions:
        holders = User.objects.with_perm(permission, include_superusers=True, backend=_PERMISSIONS_BACKEND)
        users = users.filter(pk__in=holders.values("pk"))
    return list(users)


def recipients(name: str, article) -> list[str]:
    """The email addresses of the people the move ``name`` (just made on ``article``) concerns:

    - DESK: everyone who may now make one of the editors' moves on it (review or publish);
    - WRITERS: the article's writers who may still see it in the admin.
    """
    move = MOVES[name]
    if move.notify is Audience.DESK:
        next_moves = [m for m in MOVES.values() if m.applies_to(article) and not m.own_work]
        people = [user for user in _members(EDIT, REVIEW) if any(permits(user, m, article) for m in next_moves)]
    elif move.notify is Audience.WRITERS:
        people = [user for user in _writers(article) if can_view(user, article)]
    else:
        people = []
    return sorted({user.email for user in people if user.email})


def reviewers_of_revisions(article) -> list[str]:
    """The addresses of everyone who may approve a revision of ``article``."""
    return sorted({user.email for user in _members(EDIT, PUBLISH) if user.email})


def _writers(article):
    author_user = article.author.user if article.author_id and article.author else None
    return {user for user in (article.created_by, article.submitted_by, author_user) if user is not None}
