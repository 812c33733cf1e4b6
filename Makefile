# deptcoord: `make run` serves the app with its demo company; `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
UV_VERSION := 0.13.8
PG_URL ?= postgres://postgres@127.0.0.1:5432/deptcoord
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
PYTEST_WORKERS ?= 2
SIZE ?= M

.PHONY: run test lint bench bench-psplib setup messages chromium clean

$(VENV)/.installed: requirements.lock
	@python=$$(scripts/find_python.sh) || exit 1; \
	if [ ! -x $(PY) ]; then echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv pip sync --quiet --python $(PY) requirements.lock
	@touch $@

messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "Installing gettext (msgfmt)"; \
	  (apt-get update -qq && apt-get install -y -qq gettext >/dev/null) || \
	  { echo "Install gettext (msgfmt) with your package manager."; exit 1; }; }
	@$(MANAGE) compilemessages --ignore=$(VENV) -v0

setup: $(VENV)/.installed messages

run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput -v0
	$(MANAGE) load_demo
	$(MANAGE) serve

chromium:
	@[ -x /usr/bin/chromium ] || { echo "Installing Debian's Chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

test: setup chromium lint
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS)
	@if scripts/services_up.sh; then \
	  echo "== Again on PostgreSQL and Redis (the browser tests ran in the first pass)"; \
	  DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_TEST_URL) $(VENV)/bin/pytest -n $(PYTEST_WORKERS) -m "not e2e"; \
	else \
	  echo "== PostgreSQL (127.0.0.1:5432) or Redis (127.0.0.1:6379) does not answer: second pass skipped"; \
	fi

bench: setup
	SIZE=$(SIZE) $(PY) -m bench.run

# Every PSPLIB instance (j30, j60, j90, j120), the engine beside plain CP-SAT, 10 s each: ~6 h.
# It may run in pieces: stopping loses only the instance in progress, and the next
# `make bench-psplib` goes on from there (delete the JSON file to start afresh).
bench-psplib: setup
	$(PY) bench/planner_psplib.py --sets j30,j60,j90,j120 --all --seconds 10 --workers 2 \
	  --resume --output bench/results/planner_psplib_all.json

clean:
	rm -rf $(VENV) var/static
