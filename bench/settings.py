"""Settings for benchmark servers: Masthead's own, plus one minimal view as the ceiling."""

from cms.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
