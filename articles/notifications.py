"""Emails about the workflow: editors hear of submissions and revisions, writers of decisions on their work.

Who hears of a move is the move's row (workflow/moves.py) and the permission policy
(workflow/permissions.py): only active staff who may still see or act on the article. The workflow
names the recipients and calls these functions (this module imports nothing of it). Sent after
the transaction commits (transaction.on_commit), through Django's email backend: the console by
default, SMTP when EMAIL_HOST is set. A failure is logged; it never undoes the decision.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

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


def transition_made(article, move, user, comment, recipients):
    """Tell ``recipients`` (the policy's choice: workflow.permissions.recipients) of ``move`` just made."""
    if not move.subject:
        return
    when = timezone.localtime(article.published_at).strftime("%-d %b %Y, %H:%M %Z") if article.published_at else ""
    text = move.message.format(
        who=user.get_username() if user else "the importer", title=article.title, comment=comment, when=when
    )
    _send(f"[{settings.MASTHEAD_SITE_NAME}] {move.subject}: {article.title}", f"{text}\n\n{_admin_url(article)}\n",
          recipients)


def revision_proposed(revision, recipients):
    """Tell ``recipients`` (everyone who may approve it) of a revision proposed for a live article."""
    article = revision.article
    who = revision.created_by.get_username() if revision.created_by else "the importer"
    _send(f"[{settings.MASTHEAD_SITE_NAME}] Revision to review: {article.title}",
          f"{who} proposed a revision of the live article “{article.title}”.\n\n{_admin_url(article)}\n",
          recipients)
