# Two commands do all set-up on a fresh machine: `make crawl` and `make test`.
# Everything lives in a local virtualenv (.venv); nothing is installed system-wide.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE ?= radartangsel
ARGS ?=
PORT ?= 8765

.PHONY: install redis crawl test lint demo bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[embedded,test]'
	touch $@

## crawl SITE (default radartangsel) into the store: MONGO_URI, or the embedded one under ./data/
crawl: install
	$(BIN)/scrapy crawl $(SITE) $(ARGS)

## redis-server for the distributed-mode tests: Debian's package, installed when missing (as
## root, or with sudo); without apt-get, those tests are skipped and say why
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
redis:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1; then \
	    $(SUDO) apt-get update -qq && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; \
	  else echo "redis-server not installed: the distributed-mode tests will be skipped" >&2; fi; }

## the whole test suite (lint first: a red lint is a red build)
test: install redis
	$(BIN)/ruff check crawler replica settings tests bench
	$(BIN)/ruff format --check crawler replica settings tests bench
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check --fix crawler replica settings tests bench
	$(BIN)/ruff format crawler replica settings tests bench

## serve the replica site on 127.0.0.1, crawl it into the default store, say what was stored
demo: install
	$(BIN)/python -m replica.demo --port $(PORT) $(ARGS)

## every benchmark (about 10 minutes), results in bench/RESULTS.md; ARGS=--quick: a smoke run
bench: install
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
