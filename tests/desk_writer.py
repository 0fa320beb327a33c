"""An editor at work, for the concurrency tests: run as `python -m tests.desk_writer SECONDS NAME`.

With the database of DATABASE_URL, for SECONDS: writes an article, submits, publishes and edits
it again and again through the workflow (articles/workflow.py), as fast as it can. Prints one
JSON line: how many saves succeeded and every error met. `python -m tests.desk_writer setup`
creates the editor and some published articles first.
"""

import json
import sys
import time

import django


def setup():
    from django.contrib.auth.models import Group, User
    from django.utils import timezone

    from articles.models import Article, Author

    editor = User.objects.create_user("desk", "desk@example.org", "a-long-password-123", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    author = Author.objects.create(name="Desk Writer", slug="desk-writer")
    for n in range(40):
        article = Article.objects.create(
            title=f"Standing story {n}", slug=f"standing-{n}", author=author, body="The siege went on.",
            status="published", published_at=timezone.now(), no_warnings_apply=True,
            warnings_decided_at=timezone.now(),
        )
        article.tags.add("Siege")


def work(seconds, name):
    from django.contrib.auth.models import User
    from django.utils import timezone

    from articles import workflow
    from articles.models import Article, Author

    editor = User.objects.get(username="desk")
    author = Author.objects.get(slug="desk-writer")
    saves, errors, n = 0, [], 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        n += 1
        try:
            article = Article.objects.create(
                title=f"{name} story {n}", slug=f"{name}-{n}", author=author, body="Shelling resumed at dawn.",
                created_by=editor, no_warnings_apply=True, warnings_decided_at=timezone.now(),
            )
            article.tags.add("Siege", f"{name} desk")
            workflow.perform("submit", article, editor)
            workflow.perform("publish", article, editor)
            article.refresh_from_db()
            article.body = "Shelling resumed at dawn. Updated."
            article.save()
            saves += 5
        except Exception as error:  # every failure is reported, none hidden
            errors.append(f"{type(error).__name__}: {error}")
    print(json.dumps({"saves": saves, "errors": errors}))


if __name__ == "__main__":
    django.setup()
    if sys.argv[1] == "setup":
        setup()
    else:
        work(float(sys.argv[1]), sys.argv[2])
