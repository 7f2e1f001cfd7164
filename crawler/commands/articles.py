"""`scrapy articles list|show|search|stats|export`: what the store holds, without writing
MongoDB queries. Exit statuses and shared formatting: crawler/commands/_inspect.py."""

from __future__ import annotations

import argparse
import csv
import difflib
import math
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from itertools import chain, pairwise
from pathlib import Path
from typing import IO, Any

from scrapy.commands import ScrapyCommand

from crawler.commands._inspect import (
    ArticleFilter,
    BadInput,
    Inspection,
    NothingMatched,
    add_filter_options,
    count,
    run_counts,
    run_duration,
    table,
    table_width,
    terminal_width,
    to_json,
    wib,
)
from crawler.dates import WIB, wib_day_start
from crawler.items import EXPORT_FIELDS
from crawler.store import ArticleStore
from crawler.store.runs import outcome_text
from crawler.store.store import STORE_FIELDS
from crawler.urls import stored_url_candidates

NEWEST_FIRST = [("published_at", -1)]
LIST_COLUMNS = ["published (WIB)", "site", "title", "url"]
TITLE, URL = LIST_COLUMNS.index("title"), LIST_COLUMNS.index("url")
LIST_FIELDS = ["published_at", "site", "title", "url", "category", "tags", "authors"]
EXPORTED_FIELDS = [*EXPORT_FIELDS, *STORE_FIELDS]
# Left out of the diff between versions: identity and bookkeeping, and the markup, which
# says again what the body says.
NOT_DIFFED = {"url", "body", "body_html", "fetched_at", "content_hash", "word_count"}
DIFFED_FIELDS = [name for name in EXPORT_FIELDS if name not in NOT_DIFFED]
# Field coverage in `stats`: the share of articles where each of these is filled in.
COVERAGE = {
    "author": {"authors.0": {"$exists": True}},
    "date": {"published_at": {"$ne": None}},
    "image": {"image_url": {"$nin": [None, ""]}},
    "tags": {"tags.0": {"$exists": True}},
    "caption": {"image_caption": {"$nin": [None, ""]}},
}
CHART_DAYS = 30
CHART_BAR = "█"
CHART_MAX_BAR = 40
FORMATS = ("jsonl", "csv", "json")
LIST_SEPARATOR = "; "  # how a csv cell holds a list (authors, tags)


class Command(Inspection, ScrapyCommand):
    def syntax(self) -> str:
        return "list|show|search|stats|export [options]"

    def short_desc(self) -> str:
        return "Look at the stored articles: list, show, search, stats, export"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        subcommands = parser.add_subparsers(
            dest="subcommand", metavar="SUBCOMMAND", required=True, prog="scrapy articles"
        )
        usages: list[str] = []
        for name, summary, add_arguments, _ in SUBCOMMANDS:
            subparser = subcommands.add_parser(
                name, help=summary, description=summary, formatter_class=parser.formatter_class
            )
            add_arguments(subparser)
            # Scrapy's own options (-s NAME=VALUE...) after the subcommand, where users put
            # them: argparse hands everything after the subcommand to its parser.
            super().add_options(subparser)
            usages.append(own_usage(name, add_arguments))
        # `scrapy articles -h` lists every subcommand's options too, line by line.
        parser.formatter_class = type(
            "ArticlesHelpFormatter",
            (argparse.RawDescriptionHelpFormatter, parser.formatter_class),
            {},
        )
        parser.epilog = "Each subcommand's options (SUBCOMMAND -h says more):\n" + "\n".join(usages)

    def validate(self, opts: argparse.Namespace) -> None:
        opts.filter = ArticleFilter.from_options(opts)
        if opts.subcommand == "stats":
            # Not the generic spiders: their crawls store each site under its own name.
            opts.sites = [opts.site] if opts.site else self.site_names()
        if opts.subcommand == "show":
            opts.base_urls = self.site_base_urls()
        if getattr(opts, "raw", False) and (opts.versions or opts.json):
            raise BadInput(
                "--raw prints the stored HTML: it goes with neither --versions nor --json"
            )
        if opts.subcommand == "search" and not opts.query.split():
            raise BadInput("search needs some words to look for")

    def inspect(self, store: ArticleStore, opts: argparse.Namespace) -> None:
        handler = next(handler for name, _, _, handler in SUBCOMMANDS if name == opts.subcommand)
        handler(store, opts)


def own_usage(name: str, add_arguments: Callable[[argparse.ArgumentParser], None]) -> str:
    """A subcommand's usage line with its own options only (Scrapy's global ones left out)."""
    sample = argparse.ArgumentParser(prog=f"scrapy articles {name}", add_help=False)
    add_arguments(sample)
    return "  " + sample.format_usage().removeprefix("usage: ").rstrip()


# --- list and search ----------------------------------------------------------------------------


def add_list_arguments(parser: argparse.ArgumentParser) -> None:
    add_filter_options(parser)
    add_limit_and_json(parser)


def add_search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="WORDS", help="words to find in titles and bodies")
    parser.add_argument("--site", metavar="S", help="only this site (its spider's name)")
    add_limit_and_json(parser)


def add_limit_and_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--limit", metavar="N", type=count, default=20, help="at most N (default 20; 0: all)"
    )
    parser.add_argument("--json", action="store_true", help="a JSON array, for scripts")


def list_articles(store: ArticleStore, opts: argparse.Namespace) -> None:
    query = opts.filter.query()
    found = store.find(query, sort=NEWEST_FIRST, limit=opts.limit, fields=LIST_FIELDS)
    print_articles(list(found), as_json=opts.json)


def search_articles(store: ArticleStore, opts: argparse.Namespace) -> None:
    found = store.search(opts.query, filter=opts.filter.query(), limit=opts.limit)
    print_articles(list(found), as_json=opts.json)


def print_articles(articles: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        print(to_json([{name: article.get(name) for name in LIST_FIELDS} for article in articles]))
    if not articles:
        raise NothingMatched("no articles matched")
    if not as_json:
        rows = [
            [wib(article.get("published_at")), article["site"], article["title"], article["url"]]
            for article in articles
        ]
        headers = LIST_COLUMNS
        # The URL gives way first: its end is the slug, which the title says in full.
        print("\n".join(table(headers, rows, width=table_width(), shrink=(URL, TITLE))))


# --- show ---------------------------------------------------------------------------------------


def add_show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "url",
        metavar="URL",
        help="the article's url (any variant of it: with or without www., /amp/, utm_*...)",
    )
    parser.add_argument(
        "--versions", action="store_true", help="the stored versions, with a diff of each change"
    )
    parser.add_argument("--raw", action="store_true", help="the stored raw HTML of its pages")
    parser.add_argument("--json", action="store_true", help="every field as JSON, for scripts")


def show_article(store: ArticleStore, opts: argparse.Namespace) -> None:
    # Any URL the crawler maps to the article finds it: without the trailing slash, with
    # ?utm_source=, /amp/, www. or the other scheme (crawler/urls.py).
    article = store.get_first(stored_url_candidates(opts.url, opts.base_urls))
    if article is None:
        raise NothingMatched(f"no article stored with url {opts.url}")
    url = article["url"]
    if opts.raw:
        print_raw_pages(store, url)
        return
    versions = store.versions(url) if opts.versions else None
    if opts.json:
        print(to_json(article if versions is None else {"article": article, "versions": versions}))
        return
    width = terminal_width()
    print("\n".join(article_lines(article, width)))
    if versions is not None:
        print("\n".join(["", *version_lines(article, versions, width)]))


def article_lines(article: dict[str, Any], width: int) -> list[str]:
    """Every field, one per line (long values wrapped under their start); the body last,
    wrapped for reading; the markup only by its size."""
    names = [*EXPORTED_FIELDS, *sorted(set(article) - set(EXPORTED_FIELDS))]
    shown = [name for name in names if name in article and name not in ("body", "body_html")]
    label_width = max(map(len, [*shown, "body_html"]))
    lines = [
        line
        for name in shown
        for line in labelled(name, readable(article[name]), label_width, width)
    ]
    markup = article.get("body_html") or ""
    lines.append(f"{'body_html':<{label_width}}  {len(markup)} characters (--json prints them)")
    lines += ["", "body:", ""]
    lines += wrap_paragraphs(article.get("body") or "", width)
    return lines


def labelled(label: str, text: str, label_width: int, width: int) -> list[str]:
    indent = " " * (label_width + 2)
    # URLs stay whole, so that they can be copied.
    wrapped = textwrap.wrap(
        text,
        width,
        initial_indent=f"{label:<{label_width}}  ",
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped or [label]


def wrap_paragraphs(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        lines += [*textwrap.wrap(paragraph, width, break_long_words=False), ""]
    return lines[:-1]


def readable(value: Any) -> str:
    """A field's value for people: times in WIB, lists comma-separated, "-" for nothing."""
    if isinstance(value, datetime):
        return wib(value, "%Y-%m-%d %H:%M:%S WIB")
    if isinstance(value, list):
        return ", ".join(map(readable, value)) or "-"
    return "-" if value is None else str(value)


def version_lines(article: dict[str, Any], previous: list[dict[str, Any]], width: int) -> list[str]:
    """Each stored version, then a unified diff between each and the next."""
    versions = whole_versions(article, previous)
    lines = [f"versions: {len(versions)}"]
    for version in versions:
        current = " (current)" if version is article else ""
        lines.append(
            f"  version {version.get('version', 1)}  fetched {wib(version.get('fetched_at'))} "
            f"WIB  content_hash {str(version.get('content_hash'))[:12]}{current}"
        )
    for older, newer in pairwise(versions):
        diff = difflib.unified_diff(
            version_text(older),
            version_text(newer),
            f"version {older.get('version', 1)}",
            f"version {newer.get('version', 1)}",
            lineterm="",
        )
        lines += ["", *wrap_diff(diff, width)]
    return lines


def whole_versions(article: dict[str, Any], previous: list[dict[str, Any]]) -> list[dict]:
    """All versions, oldest first, as whole articles: a previous version's record keeps only
    the fields that changed after it, so each is the next one with those values put back."""
    versions = [article]
    for record in reversed(previous):
        older = {**versions[0], **record}
        older.pop("replaced_at", None)
        versions.insert(0, older)
    return versions


def version_text(version: dict[str, Any]) -> list[str]:
    """A version as lines to diff: a field per line, then the body, a paragraph per line
    (paragraphs are joined by a blank line, which stays between them)."""
    fields = [f"{name}: {readable(version.get(name))}" for name in DIFFED_FIELDS]
    return [*fields, "", *(version.get("body") or "").split("\n")]


def wrap_diff(diff: Iterable[str], width: int) -> Iterator[str]:
    """Diff lines wrapped to the width, every piece keeping its line's " ", "-" or "+"."""
    for line in diff:
        if line.startswith(("---", "+++", "@@")) or len(line) <= width:
            yield line
            continue
        mark = line[0]
        yield from textwrap.wrap(
            line[1:], width, initial_indent=mark, subsequent_indent=mark, break_long_words=False
        )


def print_raw_pages(store: ArticleStore, url: str) -> None:
    """The stored HTML exactly as fetched (bytes: its own charset); a comment names each page
    of a multi-page article."""
    pages = store.article_pages([url]).get(url)
    if not pages:
        raise NothingMatched(
            f"no raw HTML stored for {url} (STORE_PAGES was off, or it is older than "
            "STORE_PAGES_RETENTION_DAYS)"
        )
    sys.stdout.flush()
    out = sys.stdout.buffer
    for page in pages:
        if len(pages) > 1:
            fetched = wib(page.get("fetched_at"))
            out.write(
                f"<!-- page {page['page']}: {page['url']}, fetched {fetched} WIB -->\n".encode()
            )
        out.write(page["body"])
    out.flush()


# --- stats --------------------------------------------------------------------------------------


def add_stats_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", metavar="S", help="only this site (its spider's name)")
    parser.add_argument("--json", action="store_true", help="a JSON object, for scripts")


def show_stats(store: ArticleStore, opts: argparse.Namespace) -> None:
    query = opts.filter.query()
    total = store.count(query)
    per_site = {**dict.fromkeys(opts.sites, 0), **store.count_by("site", query)}
    stats = {
        "articles": total,
        "per_site": per_site,
        "per_day": articles_per_day(store, query, datetime.now(WIB).date()),
        "coverage": {
            name: store.count({"$and": [query, condition]}) for name, condition in COVERAGE.items()
        },
        "last_runs": {site: last_run(store, site) for site in sorted(per_site)},
    }
    if opts.json:
        print(to_json(stats_json(stats)))
    else:
        print("\n".join(stats_lines(stats, terminal_width())))
    if total == 0:
        raise NothingMatched("no articles stored" + (f" for {opts.site}" if opts.site else ""))


def articles_per_day(store: ArticleStore, query: dict[str, Any], today: date) -> dict[date, int]:
    """Articles published on each of the last CHART_DAYS days, as days go in Jakarta."""
    first = today - timedelta(days=CHART_DAYS - 1)
    since = wib_day_start(first)
    per_day = {first + timedelta(days=n): 0 for n in range(CHART_DAYS)}
    recent = {"$and": [query, {"published_at": {"$gte": since}}]}
    for article in store.find(recent, fields=["published_at"]):
        day = article["published_at"].astimezone(WIB).date()
        if day in per_day:
            per_day[day] += 1
    return per_day


def last_run(store: ArticleStore, site: str) -> dict[str, Any] | None:
    runs = store.runs(spider=site, limit=1)
    if not runs:
        return None
    return {key: value for key, value in runs[0].items() if key != "stats"}


def stats_json(stats: dict[str, Any]) -> dict[str, Any]:
    total = stats["articles"]
    return {
        **stats,
        "per_day": {day.isoformat(): n for day, n in stats["per_day"].items()},
        "coverage": {
            name: {"articles": n, "share": round(n / total, 4) if total else None}
            for name, n in stats["coverage"].items()
        },
    }


def stats_lines(stats: dict[str, Any], width: int) -> list[str]:
    total = stats["articles"]
    label = max(map(len, [*stats["per_site"], *stats["last_runs"]]), default=0)
    lines = [f"{total} articles"]
    lines += [f"  {site:<{label}}  {n}" for site, n in sorted(stats["per_site"].items())]
    lines += ["", f"published per day, last {CHART_DAYS} days (WIB)"]
    lines += chart(stats["per_day"], min(CHART_MAX_BAR, width - 20))
    lines += ["", "field coverage"]
    for name, n in stats["coverage"].items():
        share = f"{n / total:.0%}" if total else "-"
        lines.append(f"  {name:<7}  {share:>4}  ({n} of {total})")
    lines += ["", "last crawl"]
    for site, run in sorted(stats["last_runs"].items()):
        lines.append(f"  {site:<{label}}  {run_line(run)}")
    return lines


def chart(per_day: dict[date, int], bar_width: int) -> list[str]:
    peak = max(per_day.values(), default=0)
    return [
        f"  {day:%Y-%m-%d}  {CHART_BAR * math.ceil(n * bar_width / peak) if n else ''} {n}"
        for day, n in per_day.items()
    ]


def run_line(run: dict[str, Any] | None) -> str:
    if run is None:
        return "no runs recorded"
    return (
        f"{wib(run.get('started_at'))} WIB, {run_duration(run)}, {outcome_text(run)}, "
        f"finish reason {run.get('finish_reason', '?')}: {run_counts(run)}"
    )


# --- export -------------------------------------------------------------------------------------


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="where to write ('-': stdout)"
    )
    parser.add_argument(
        "--format", choices=FORMATS, help="jsonl, csv or json (default: from FILE's suffix)"
    )
    add_filter_options(parser)


def export_articles(store: ArticleStore, opts: argparse.Namespace) -> None:
    """Stream the matching articles into the file: one at a time from the cursor, so memory
    stays flat whatever the size of the store."""
    file_format = opts.format or export_format(opts.output)
    articles = store.find(opts.filter.query(), fields=EXPORTED_FIELDS)
    first = next(articles, None)
    if first is None:
        raise NothingMatched("no articles matched: nothing exported")
    with output(opts.output) as out:
        written = WRITERS[file_format](out, chain([first], articles))
    noun = "article" if written == 1 else "articles"
    print(f"exported {written} {noun} to {opts.output} ({file_format})", file=sys.stderr)


def export_format(path: str) -> str:
    suffix = Path(path).suffix.lstrip(".").lower()
    return suffix if suffix in FORMATS else "jsonl"


@contextmanager
def output(path: str) -> Iterator[IO[str]]:
    """stdout for "-"; else a file written under a temporary name and renamed when complete,
    so that a failed export never leaves a file that looks whole."""
    if path == "-":
        yield sys.stdout
        return
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    try:
        out = partial.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise BadInput(f"cannot write {path}: {exc.strerror}") from None
    try:
        with out:
            yield out
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def exported(article: dict[str, Any]) -> dict[str, Any]:
    """Every exported field, in the item's order, null when the article lacks it."""
    return {name: article.get(name) for name in EXPORTED_FIELDS}


def write_jsonl(out: IO[str], articles: Iterable[dict[str, Any]]) -> int:
    written = 0
    for article in articles:
        out.write(to_json(exported(article), indent=None) + "\n")
        written += 1
    return written


def write_json(out: IO[str], articles: Iterable[dict[str, Any]]) -> int:
    """One JSON array, written element by element."""
    written = 0
    out.write("[")
    for article in articles:
        out.write(("," if written else "") + "\n" + to_json(exported(article), indent=None))
        written += 1
    out.write("\n]\n")
    return written


def write_csv(out: IO[str], articles: Iterable[dict[str, Any]]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORTED_FIELDS)
    written = 0
    for article in articles:
        writer.writerow([csv_cell(value) for value in exported(article).values()])
        written += 1
    return written


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return LIST_SEPARATOR.join(map(csv_cell, value))
    return str(value)


WRITERS: dict[str, Callable[[IO[str], Iterable[dict[str, Any]]], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "json": write_json,
}

Handler = Callable[[ArticleStore, argparse.Namespace], None]
# name, what it does, its arguments, what runs it
SUBCOMMANDS: tuple[tuple[str, str, Callable[[argparse.ArgumentParser], None], Handler], ...] = (
    ("list", "the newest articles, as a table", add_list_arguments, list_articles),
    ("show", "one article, every field", add_show_arguments, show_article),
    (
        "search",
        "articles whose title or body has these words",
        add_search_arguments,
        search_articles,
    ),
    (
        "stats",
        "counts per site and day, field coverage, last crawls",
        add_stats_arguments,
        show_stats,
    ),
    ("export", "the matching articles into a file", add_export_arguments, export_articles),
)
