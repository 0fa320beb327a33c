"""manage.py create_member USERNAME --role writer|editor — a newsroom login with its role (and, for writers, an author)."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.slugs import author_slug
from articles.models import Author

ROLES = {"writer": "Writer", "editor": "Editor"}


class Command(BaseCommand):
    help = (
        "Create a staff login for the admin in the Writer or Editor group. Writers (and editors with --name) "
        "get an Author profile so their new articles carry their byline. The password is asked for, or read "
        "from the MASTHEAD_MEMBER_PASSWORD environment variable."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(ROLES), required=True)
        parser.add_argument("--email", default="", help="Where workflow emails go.")
        parser.add_argument("--name", default="", help="The byline, e.g. “Tom Coburg” (default: the user name).")

    def handle(self, *args, username, role, email, name, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user called “{username}” already exists; choose another name.")
        password = os.environ.get("MASTHEAD_MEMBER_PASSWORD") or self._ask_password()
        user = User(username=username, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=ROLES[role]))
            if role == "writer" or name:
                byline = name or username
                author, created = Author.objects.get_or_create(slug=author_slug(byline), defaults={"name": byline})
                if author.user_id and author.user_id != user.pk:
                    raise CommandError(f"The author “{author.name}” already belongs to another login.")
                author.user = user
                author.save(update_fields=["user"])
        self.stdout.write(f"Created {role} “{username}”. Log in at /admin/.")

    def _ask_password(self):
        if not self.stdin_is_tty():
            raise CommandError("No password: run in a terminal, or set MASTHEAD_MEMBER_PASSWORD.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ; nothing was created.")
        return first

    @staticmethod
    def stdin_is_tty():
        import sys

        return sys.stdin.isatty()
