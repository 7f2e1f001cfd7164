"""What the commands that read the store (`scrapy articles`, `scrapy runs`) share: their exit
statuses and one-line errors, the article filters, and the formatting (WIB times, tables fitted
to the terminal, JSON for scripts).

Exit statuses (crawler/exitcodes.py):
    0  something was shown (or exported)
    1  nothing matched, or the store is unusable
    2  bad input: an invalid date, an unknown site, bad usage
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from scrapy.settings import BaseSettings
from scrapy.spiderloader import get_spider_loader

from crawler.dates import WIB, parse_since, parse_until
from crawler.exitcodes import EXIT_NOT_STARTED, EXIT_NOTHING_MATCHED, EXIT_USAGE
from crawler.sites import SiteSpiderLoader
from crawler.spiders.news import GENERIC_SPIDER_NAMES
from crawler.store import ArticleStore, StoreError, open_store

COLUMN_GAP = "  "
MIN_SHRUNK_WIDTH = 12  # a title or URL cut shorter than this no longer says which article
ELLIPSIS = "…"


class BadInput(Exception):
    """What the user asked for cannot be right: EXIT_USAGE, with this one-line message."""


class NothingMatched(Exception):
    """The store holds nothing the user asked for: EXIT_NOTHING_MATCHED, with this message."""


class Inspection:
    """For Scrapy commands that read the store: `inspect(store, opts)` does the work, after
    `validate(opts)` has checked the input without touching the store, and --site has been
    checked. No log set-up (no crawler process), no tracebacks for user errors: one line on
    stderr and an exit status."""

    requires_project = True
    requires_crawler_process = False  # no crawl: Scrapy's log lines would only be noise

    exitcode: int
    settings: BaseSettings | None

    def validate(self, opts: argparse.Namespace) -> None:
        """Raise BadInput for input that is wrong whatever the store holds."""

    def inspect(self, store: ArticleStore, opts: argparse.Namespace) -> None:
        raise NotImplementedError

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        try:
            if args:
                raise BadInput(f"unexpected argument(s): {' '.join(args)}")
            self.validate(opts)
            with open_store(self.settings) as store:
                self.check_site(store, getattr(opts, "site", None))
                self.inspect(store, opts)
        except BadInput as exc:
            print(f"error: {exc}", file=sys.stderr)
            self.exitcode = EXIT_USAGE
        except StoreError as exc:
            print(f"error: the store is unavailable: {exc}", file=sys.stderr)
            self.exitcode = EXIT_NOT_STARTED
        except NothingMatched as exc:
            print(exc, file=sys.stderr)
            self.exitcode = EXIT_NOTHING_MATCHED
        except BrokenPipeError:
            # The reader went away (`| head`): not an error; keep Python from complaining
            # about the unflushed rest at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

    def known_sites(self) -> list[str]:
        """The project's spider names (the sites file's included)."""
        assert self.settings is not None
        return sorted(get_spider_loader(self.settings).list())

    def site_names(self) -> list[str]:
        """The sites of the registry: the known spiders but the generic ones, which are no site."""
        return [name for name in self.known_sites() if name not in GENERIC_SPIDER_NAMES]

    def site_base_urls(self) -> list[str]:
        """The addresses of the registry's sites, and those of SITE_BASE_URLS."""
        assert self.settings is not None
        loader = get_spider_loader(self.settings)
        sites = loader.sites() if isinstance(loader, SiteSpiderLoader) else []
        configured = self.settings.getdict("SITE_BASE_URLS").values()
        return [*configured, *(site.base_url for site in sites if site.base_url)]

    def check_site(self, store: ArticleStore, site: str | None) -> None:
        """A --site names a spider, or a site with stored articles or runs: the generic
        spiders (`wordpress`, `news`) store a site under its host name, which no spider has."""
        if site is None:
            return
        known = self.known_sites()
        if site in known or any(store.find({"site": site}, limit=1, fields=["site"])):
            return
        if not store.runs(spider=site, limit=1):
            raise BadInput(f"unknown site {site!r} (known: {', '.join(known)})")


# --- filters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a command is about, as the user gave it on the command line."""

    site: str | None = None
    since: datetime | None = None  # published at or after
    before: datetime | None = None  # published before (--until, exclusive)
    category: str | None = None
    tag: str | None = None

    @classmethod
    def from_options(cls, opts: argparse.Namespace) -> ArticleFilter:
        since = getattr(opts, "since", None)
        until = getattr(opts, "until", None)
        article_filter = cls(
            site=getattr(opts, "site", None),
            since=parse_time("--since", since) if since else None,
            before=parse_time("--until", until, end_of_day=True) if until else None,
            category=getattr(opts, "category", None),
            tag=getattr(opts, "tag", None),
        )
        start, end = article_filter.since, article_filter.before
        if start and end and start >= end:
            raise BadInput(f"--since {since} is not before --until {until}")
        return article_filter

    def query(self) -> dict[str, Any]:
        """The MongoDB filter. User text is only ever a value: compared for equality, or
        escaped into an anchored, case-insensitive pattern."""
        query: dict[str, Any] = {}
        if self.site:
            query["site"] = self.site
        published = {}
        if self.since:
            published["$gte"] = self.since
        if self.before:
            published["$lt"] = self.before
        if published:
            query["published_at"] = published
        if self.category:
            query["category"] = _exactly(self.category)
        if self.tag:
            query["tags"] = _exactly(self.tag)
        return query


def _exactly(text: str) -> dict[str, str]:
    """Equal to `text` but for case: "politik" finds the category "Politik"."""
    return {"$regex": f"^{re.escape(text)}$", "$options": "i"}


def parse_time(option: str, value: str, *, end_of_day: bool = False) -> datetime:
    """A --since/--until value: a day (YYYY-MM-DD, in WIB: from its midnight, or with
    `end_of_day` up to the next one, as crawler/dates.py counts days) or an ISO 8601 time (WIB
    unless it has an offset)."""
    with contextlib.suppress(ValueError):
        day = parse_until(value, option) if end_of_day else parse_since(value, option)
        assert day is not None  # value is not empty
        return day
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadInput(
            f"{option} takes a date as YYYY-MM-DD or a time as YYYY-MM-DDTHH:MM, got {value!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=WIB)


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", metavar="S", help="only this site (its spider's name)")
    parser.add_argument(
        "--since", metavar="D", help="published on or after D (YYYY-MM-DD in WIB, or a time)"
    )
    parser.add_argument(
        "--until", metavar="D", help="published on or before the day D (or before a time)"
    )
    parser.add_argument("--category", metavar="C", help="only this category (any case)")
    parser.add_argument("--tag", metavar="T", help="only articles with this tag (any case)")


def count(text: str) -> int:
    """argparse type of --limit: 0 or more."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a number of 0 or more: {text!r}")
    return number


# --- formatting ---------------------------------------------------------------------------------


def wib(moment: datetime | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
    """A stored (UTC) time as readers of the sites count it, in Jakarta."""
    return moment.astimezone(WIB).strftime(pattern) if isinstance(moment, datetime) else "-"


def terminal_width() -> int:
    return shutil.get_terminal_size().columns


def table_width() -> int | None:
    """How wide a table may be: the terminal's width, or None (no limit) when the output goes
    into a pipe or a file, where every value is wanted whole."""
    return terminal_width() if sys.stdout.isatty() else None


def fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + ELLIPSIS


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    width: int | None,
    shrink: int | Sequence[int] = (),
) -> list[str]:
    """Aligned columns. When the lines would be wider than `width` (None: no limit), the
    columns of `shrink` are narrowed in that order, each down to MIN_SHRUNK_WIDTH at most
    (its cells cut with an ellipsis), until the lines fit."""
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    overflow = sum(widths) + len(COLUMN_GAP) * (len(widths) - 1) - (width or 0)
    for column in (shrink,) if isinstance(shrink, int) else shrink:
        if width is None or overflow <= 0:
            break
        narrowed = max(widths[column] - overflow, min(widths[column], MIN_SHRUNK_WIDTH))
        overflow -= widths[column] - narrowed
        widths[column] = narrowed
    return [
        COLUMN_GAP.join(fit(cell, w).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in (headers, *rows)
    ]


def to_json(value: Any, *, indent: int | None = 2) -> str:
    """JSON for scripts: datetimes as ISO 8601 with their offset, as feed exports write them."""
    return json.dumps(value, ensure_ascii=False, indent=indent, default=_json_value)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def run_counts(run: dict[str, Any]) -> str:
    counts = run.get("counts") or {}
    return ", ".join(
        f"{name} {counts.get(name, 0)}" for name in ("new", "updated", "unchanged", "dropped")
    )


def run_duration(run: dict[str, Any]) -> str:
    started, finished = run.get("started_at"), run.get("finished_at")
    if not isinstance(started, datetime) or not isinstance(finished, datetime):
        return "-"
    return str(timedelta(seconds=round((finished - started).total_seconds())))
