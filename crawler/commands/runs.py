"""`scrapy runs`: the recent crawl runs (the `runs` collection, crawler/store/runs.py) with
how each ended (its outcome and exit status, crawler/outcome.py), its finish reason and its
counts. Exit statuses: crawler/commands/_inspect.py."""

from __future__ import annotations

import argparse
from typing import Any

from scrapy.commands import ScrapyCommand

from crawler.commands._inspect import (
    Inspection,
    NothingMatched,
    count,
    run_duration,
    table,
    table_width,
    to_json,
    wib,
)
from crawler.store import ArticleStore

COUNTS = ("new", "updated", "unchanged", "dropped")


class Command(Inspection, ScrapyCommand):
    def syntax(self) -> str:
        return "[--site S] [--limit N] [--json]"

    def short_desc(self) -> str:
        return "List the recent crawl runs: how each ended, its finish reason and counts"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--site", metavar="S", help="only the crawls of this site")
        parser.add_argument(
            "--limit", metavar="N", type=count, default=10, help="at most N (default 10; 0: all)"
        )
        parser.add_argument("--json", action="store_true", help="a JSON array, for scripts")

    def inspect(self, store: ArticleStore, opts: argparse.Namespace) -> None:
        runs = store.runs(spider=opts.site, limit=opts.limit)
        if opts.json:
            print(to_json(runs))
        if not runs:
            raise NothingMatched("no runs recorded" + (f" for {opts.site}" if opts.site else ""))
        if not opts.json:
            headers = ["started (WIB)", "site", "took", "outcome", "exit", "finish reason"]
            headers += [*COUNTS, "why"]
            rows = [
                [
                    wib(run.get("started_at")),
                    str(run.get("spider")),
                    run_duration(run),
                    *outcome_cells(run),
                    str(run.get("finish_reason")),
                    *(str((run.get("counts") or {}).get(name, 0)) for name in COUNTS),
                    str((run.get("outcome") or {}).get("reason") or ""),
                ]
                for run in runs
            ]
            print("\n".join(table(headers, rows, width=table_width(), shrink=len(headers) - 1)))


def outcome_cells(run: dict[str, Any]) -> list[str]:
    """How a run ended and its exit status; runs recorded before outcomes were kept say so."""
    outcome = run.get("outcome")
    if not isinstance(outcome, dict):
        return ["not recorded", "-"]
    return [str(outcome.get("status")), str(outcome.get("exit_status"))]
