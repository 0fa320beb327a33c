#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    # Commands (migrations, imports) may run long statements; public requests may not (cms/settings.py).
    os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "0")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as problem:
        # A setting missing or wrong (cms/settings.py says which): its message, not a traceback.
        sys.exit(f"Masthead is not configured: {problem}")


if __name__ == "__main__":
    main()
