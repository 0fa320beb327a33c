"""Emails about the workflow: editors hear of submissions and revisions, writers of decisions on their work.

Who hears of a move is the move's row (workflow/moves.py) and the permission policy
(workflow/permissions.py): only active staff who may still see or act on the article. The workflow
names the recipients and calls these functions (this module imports nothing of it); the person who made
the move is not told of it, and people are named as on the desk (their byline, else their name). Sent after
the transaction commits (transaction.on_commit), through Django's email backend: the console by
default, SMTP when EMAIL_HOST is set. A failure is logged; it never undoes the decision.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from articles.models import display_name

log = logging.getLogger(__name__)


def _admin_url(article):
    return settings.MASTHEAD_BASE_URL.rstrip("/") + reverse("admin:articles_article_change", args=[article.pk])


def _send(subject, body, recipients):
    """Send one email; it can never break the decision it reports, which has already committed."""
    if not recipients:
        return
    subject = " ".join(subject.split())  # a header is one line, whatever a title holds
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # an unreachable server or a refused header: logged, the decision stands
        log.exception("Could not send workflow email %r to %s", subject, recipients)


def _others(recipients, user):
    """``recipients`` without ``user``'s own address: nobody is told of what she just did herself."""
    own = (user.email or "").lower() if user is not None else ""
    return [address for address in recipients if address.lower() != own or not own]


def transition_made(article, move, user, comment, recipients):
    """Tell ``recipients`` (the policy's choice: workflow.permissions.recipients), except the person who
    made it, of ``move`` just made; who made it by the name the desk uses, with her comment."""
    if not move.subject:
        return
    when = timezone.localtime(article.published_at).strftime("%-d %b %Y, %H:%M %Z") if article.published_at else ""
    text = move.message.format(who=display_name(user), title=article.title, comment=comment, when=when)
    if comment and "{comment}" not in move.message:  # e.g. the writer's note sent with a submission
        text += f"\n\n{display_name(user)} wrote:\n\n{comment}"
    _send(f"[{settings.MASTHEAD_SITE_NAME}] {move.subject}: {article.title}", f"{text}\n\n{_admin_url(article)}\n",
          _others(recipients, user))


def revision_proposed(revision, recipients):
    """Tell ``recipients`` (everyone who may approve it), except its author, of a revision proposed for a
    live article."""
    article = revision.article
    _send(f"[{settings.MASTHEAD_SITE_NAME}] Revision to review: {article.title}",
          f"{display_name(revision.created_by)} proposed a revision of the live article “{article.title}”.\n\n"
          f"{_admin_url(article)}\n",
          _others(recipients, revision.created_by))
