# Two commands do all set-up on a fresh machine: `make crawl` and `make test`.
# Everything lives in local virtualenvs (.venv; .venv-lowest and .venv-bench for the lowest-
# versions tests and the benchmarks); nothing is installed system-wide. Each is installed from a
# lock of exact versions with hashes (requirements/*.txt, refreshed by `make lock`), then the
# project itself without its dependencies: what was tested is what is installed.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE ?= radartangsel
ARGS ?=
PORT ?= 8765
# `make lock` runs this uv (pip-installed into .venv, not locked itself: it only writes locks).
UV_VERSION ?= 0.13.9
# The pip each venv installs its lock with: the one Python 3.11's venv ships (23.2) fails on a
# lock that asks for one package's extra through two others (lxml[html-clean] in bench.txt).
PIP_VERSION ?= 26.3
UV_COMPILE := $(BIN)/uv pip compile --python-version 3.11 --python-platform linux \
	--generate-hashes --quiet pyproject.toml requirements/build.in

.PHONY: install redis crawl test test-lowest lint lock demo bench clean

install: $(VENV)/.installed

# A venv DIR from the lock FILE: $(call venv_from_lock,DIR,FILE)
define venv_from_lock
	$(PYTHON) -m venv $(1)
	$(1)/bin/pip install --quiet pip==$(PIP_VERSION)
	$(1)/bin/pip install --quiet --require-hashes -r $(2)
	$(1)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(1)/.installed
endef

$(VENV)/.installed: requirements/lock.txt pyproject.toml
	$(call venv_from_lock,$(VENV),requirements/lock.txt)

## refresh the locks from pyproject.toml's ranges (newest versions that fit), for Python 3.11 on
## Linux: lock.txt (make, CI), lowest.txt (the floors of Scrapy and pymongo), bench.txt (its
## own: newspaper4k needs python-dateutil below 3, where lock.txt has 4)
lock: install
	$(BIN)/pip install --quiet uv==$(UV_VERSION)
	$(UV_COMPILE) --extra embedded --extra test -o requirements/lock.txt
	$(UV_COMPILE) --extra embedded --extra test -c requirements/lowest.in \
		-o requirements/lowest.txt
	$(UV_COMPILE) --extra embedded --extra test --extra bench -o requirements/bench.txt

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
	$(BIN)/lint-imports
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## the fast tests (not marked slow) with the lowest declared Scrapy and pymongo, in .venv-lowest
test-lowest: .venv-lowest/.installed redis
	.venv-lowest/bin/python -m pytest -m "not slow" -q -p no:cacheprovider $(PYTEST_ARGS)

.venv-lowest/.installed: requirements/lowest.txt pyproject.toml
	$(call venv_from_lock,.venv-lowest,requirements/lowest.txt)

lint: install
	$(BIN)/ruff check --fix crawler replica settings tests bench
	$(BIN)/ruff format crawler replica settings tests bench

## serve the replica site on 127.0.0.1, crawl it into the default store, say what was stored
demo: install
	$(BIN)/python -m replica.demo --port $(PORT) $(ARGS)

## every benchmark (about 10 minutes), results in bench/RESULTS.md; ARGS=--quick: a smoke run
bench: .venv-bench/.installed
	.venv-bench/bin/python -m bench $(ARGS)

.venv-bench/.installed: requirements/bench.txt pyproject.toml
	$(call venv_from_lock,.venv-bench,requirements/bench.txt)

clean:
	rm -rf $(VENV) .venv-lowest .venv-bench .pytest_cache .ruff_cache build *.egg-info
