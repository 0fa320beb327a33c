"""Emails about the workflow: editors hear of submissions, writers of the decisions on their work.

Sent after the transaction commits (services.py uses transaction.on_commit), through
Django's email backend: the console by default, SMTP when EMAIL_HOST is set.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse

log = logging.getLogger(__name__)


def _admin_url(article):
    return settings.MASTHEAD_BASE_URL.rstrip("/") + reverse("admin:articles_article_change", args=[article.pk])


def editors_emails():
    User = get_user_model()
    editors = User.objects.filter(is_active=True).filter(
        Q(is_superuser=True) | Q(groups__name="Editor") | Q(user_permissions__codename="review_article")
    )
    return sorted({user.email for user in editors if user.email})


def writer_emails(article):
    emails = set()
    for user in (article.created_by, article.submitted_by, article.author.user if article.author else None):
        if user is not None and user.is_active and user.email:
            emails.add(user.email)
    return sorted(emails)


def _send(subject, body, recipients):
    """Send one email; it can never break the decision it reports, which has already committed."""
    if not recipients:
        return
    subject = " ".join(subject.split())  # a header is one line, whatever a title holds
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # an unreachable server or a refused header: logged, the decision stands
        log.exception("Could not send workflow email %r to %s", subject, recipients)


def transition_made(article, name, user, comment):
    who = user.get_username() if user else "the importer"
    url = _admin_url(article)
    if name == "submit":
        _send(f"[{settings.MASTHEAD_SITE_NAME}] Submitted for review: {article.title}",
              f"{who} submitted “{article.title}” for review.\n\n{url}\n", editors_emails())
    elif name == "request_changes":
        _send(f"[{settings.MASTHEAD_SITE_NAME}] Changes requested: {article.title}",
              f"{who} asked for changes to “{article.title}”:\n\n{comment}\n\n{url}\n", writer_emails(article))
    elif name in ("publish", "schedule"):
        when = "is now live" if name == "publish" else f"is scheduled for {article.published_at:%Y-%m-%d %H:%M %Z}"
        _send(f"[{settings.MASTHEAD_SITE_NAME}] Published: {article.title}",
              f"“{article.title}” {when} ({who}).\n\n{url}\n", writer_emails(article))
    elif name == "unpublish":
        _send(f"[{settings.MASTHEAD_SITE_NAME}] Unpublished: {article.title}",
              f"{who} unpublished “{article.title}”:\n\n{comment}\n\n{url}\n", writer_emails(article))


def revision_proposed(revision):
    article = revision.article
    who = revision.created_by.get_username() if revision.created_by else "the importer"
    _send(f"[{settings.MASTHEAD_SITE_NAME}] Revision to review: {article.title}",
          f"{who} proposed a revision of the live article “{article.title}”.\n\n{_admin_url(article)}\n",
          editors_emails())
