# carenet: `make demo` serves the demo system; `make test` runs every test. Both set up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP_PY := $(VENV)/.installed
STAMP_NODE := node_modules/.installed
MAP_BUNDLE := src/carenet/web/static/dist/map.js

.PHONY: setup demo serve test test-fast lint bench chromium clean

setup: $(STAMP_PY) $(STAMP_NODE) $(MAP_BUNDLE)

$(STAMP_PY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $@

$(STAMP_NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(MAP_BUNDLE): $(STAMP_NODE) $(wildcard web/*.mjs web/*.html web/src/*)
	@if [ -f web/build.mjs ]; then npm run --silent build; else mkdir -p $(dir $@) && touch $@; fi

# Debian's Chromium for the map page's browser tests (never a browser a tool downloads itself).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

demo: setup
	$(VENV)/bin/carenet demo

serve: setup
	$(VENV)/bin/carenet serve

lint: $(STAMP_PY)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: setup chromium lint
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not browser and not slow"

bench: setup
	$(PY) benchmarks/load.py

clean:
	rm -rf $(VENV) node_modules src/carenet/web/static/dist .pytest_cache
