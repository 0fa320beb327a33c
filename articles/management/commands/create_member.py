"""manage.py create_member USERNAME --role writer|editor — a newsroom login with its role, its email and its byline."""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from articles.slugs import author_slug
from articles.models import Author

ROLES = {"writer": "Writer", "editor": "Editor"}
PASSWORD_VARIABLE = "MASTHEAD_MEMBER_PASSWORD"
NO_TERMINAL = (
    f"No terminal to ask for a password: set {PASSWORD_VARIABLE} (at least 12 characters) in the environment, "
    "or run this in a terminal. Nothing was created."
)


class Command(BaseCommand):
    help = (
        "Create a staff login for the admin in the Writer or Editor group, with an Author profile so their new "
        "articles carry their byline. The password is read from the MASTHEAD_MEMBER_PASSWORD environment "
        "variable when set, else asked for in the terminal."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(ROLES), required=True)
        parser.add_argument("--email", default="", help="Where workflow emails go.")
        parser.add_argument(
            "--name", default="", help="The byline, e.g. “Tom Coburg” (default: the login's full name, else the "
            "user name without any @domain)."
        )

    def handle(self, *args, username, role, email, name, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user called “{username}” already exists; choose another name.")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"“{email}” is not an email address; nothing was created.") from None
        password = os.environ.get(PASSWORD_VARIABLE) or self._ask_password()
        user = User(username=username, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=ROLES[role]))
            # A login that is an email address never becomes a public byline: its part before the @ does.
            byline = name or user.get_full_name() or username.partition("@")[0]
            author, created = Author.objects.get_or_create(slug=author_slug(byline), defaults={"name": byline})
            if author.user_id and author.user_id != user.pk:
                raise CommandError(f"The author “{author.name}” already belongs to another login.")
            author.user = user
            author.save(update_fields=["user"])
        self.stdout.write(f"Created {role} “{username}” with the byline “{author.name}”. Log in at /admin/.")
        if not email:
            self.stdout.write("No --email given: workflow emails will not reach them until one is set in admin → Users.")

    def _ask_password(self):
        """The password typed twice in the terminal; a clear error without a terminal, or when none is typed."""
        if not sys.stdin.isatty():
            raise CommandError(NO_TERMINAL)
        try:
            first = getpass.getpass("Password: ")
            again = getpass.getpass("Password (again): ")
        except (EOFError, KeyboardInterrupt):
            raise CommandError("No password given; nothing was created.") from None
        if first != again:
            raise CommandError("The two passwords differ; nothing was created.")
        return first
