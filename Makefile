# Masthead — the two commands: `make run` and `make test`. See README.md.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
HOST   ?= 127.0.0.1

# `make run` is a local, production-like server: DEBUG off, a secret key generated once into var/.
export DJANGO_ALLOWED_HOSTS ?= localhost,127.0.0.1,[::1]
SECRET_FILE := var/secret-key

.PHONY: run test serve setup browser varnish wrk bench bench-load bench-soak bench-traffic bench-import bench-importer migrate import static editor writer superuser check clean

run: setup migrate import static serve

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-test.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

$(SECRET_FILE):
	mkdir -p var
	$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	chmod 600 $@

# Use DJANGO_SECRET_KEY from the environment when set, else the generated local one.
WITH_KEY = DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_FILE))}"

migrate: setup $(SECRET_FILE)
	$(WITH_KEY) $(BIN)/python manage.py migrate --no-input

# make import [ARGS="path/to/pages --dry-run"]: the seeds/ folder, or the files and folders named.
import: migrate
	$(WITH_KEY) $(BIN)/python manage.py import_seeds $(ARGS)

static: setup $(SECRET_FILE)
	$(WITH_KEY) $(BIN)/python manage.py collectstatic --no-input --verbosity 0

serve: $(SECRET_FILE)
	@echo "Masthead on http://$(HOST):$(PORT)/ (editors: http://$(HOST):$(PORT)/admin/)"
	$(WITH_KEY) $(BIN)/gunicorn cms.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

# Logins for /admin/: make editor NAME=edith EMAIL=edith@example.org [BYLINE="Edith Editor"], the same for
# make writer; make superuser (everything, including users and groups). The password is asked for, or read
# from MASTHEAD_MEMBER_PASSWORD (no terminal needed).
NAME ?= editor
# EMAIL only from make's command line: many shells export their own user's address as EMAIL.
MEMBER_EMAIL = $(if $(filter command line,$(origin EMAIL)),$(EMAIL))
MEMBER_OPTIONS = $(if $(MEMBER_EMAIL),--email "$(MEMBER_EMAIL)") $(if $(BYLINE),--name "$(BYLINE)")
editor: setup migrate
	$(WITH_KEY) $(BIN)/python manage.py create_member "$(NAME)" --role editor $(MEMBER_OPTIONS)

writer: setup migrate
	$(WITH_KEY) $(BIN)/python manage.py create_member "$(NAME)" --role writer $(MEMBER_OPTIONS)

superuser: setup migrate
	$(WITH_KEY) $(BIN)/python manage.py createsuperuser

# The browser tests drive Debian's Chromium (not a browser downloaded by a test tool). Installed here
# when missing; without apt-get (or if the install fails) the browser tests skip, saying why.
export MASTHEAD_CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ -x "$(MASTHEAD_CHROMIUM)" ]; then \
		:; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		{ $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends chromium; } \
			|| echo "Could not install chromium: the browser tests will be skipped."; \
	else \
		echo "apt-get not found: install Chromium at $(MASTHEAD_CHROMIUM) (or set MASTHEAD_CHROMIUM); the browser tests will be skipped."; \
	fi

# The Varnish tests (tests/test_varnish.py) start Debian's varnishd with the xkey vmod of
# varnish-modules in front of gunicorn. Installed here when missing; otherwise they skip, saying why.
varnish:
	@if command -v varnishd >/dev/null 2>&1 && ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; then \
		:; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's varnish and varnish-modules for the Varnish tests"; \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		{ $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends varnish varnish-modules; } \
			|| echo "Could not install varnish: the Varnish tests will be skipped."; \
	else \
		echo "apt-get not found: install varnish and varnish-modules; the Varnish tests will be skipped."; \
	fi

test: setup browser varnish
	$(BIN)/python -m pytest

# Benchmarks (bench/README.md). The load benchmarks drive real HTTP with Debian's wrk, installed here when missing.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian's wrk for the load benchmarks"; \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends wrk; }

ARTICLES ?= 1000
DATABASE ?= sqlite
bench: setup wrk
	$(BIN)/python bench/run.py
	$(BIN)/python bench/load.py --articles $(ARTICLES) --database $(DATABASE)
	$(BIN)/python bench/importing.py --files 1000

bench-load: setup wrk
	$(BIN)/python bench/load.py --articles $(ARTICLES) --database $(DATABASE)

bench-soak: setup wrk
	$(BIN)/python bench/soak.py --articles $(ARTICLES) --database $(DATABASE)

bench-traffic: setup wrk
	$(BIN)/python bench/traffic.py --articles $(ARTICLES) --database $(DATABASE)

bench-import: setup
	$(BIN)/python bench/importing.py --database $(DATABASE)

# The importer's accuracy on a corpus of real pages: make bench-importer [CORPUS=folder]
CORPUS ?= ../shared/importer-corpus
bench-importer: setup
	$(BIN)/python bench/importer_accuracy.py $(CORPUS)

check: setup
	$(WITH_KEY) DJANGO_DEBUG=0 $(BIN)/python manage.py check --deploy

clean:
	rm -rf $(VENV) var .pytest_cache
