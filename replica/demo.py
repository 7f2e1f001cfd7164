"""`make demo`: see the product work without internet access.

Serves the replica of Radar Tangsel on 127.0.0.1, crawls it with the real spider into the
default store (MONGO_URI, or the embedded server under ./data/mongo) exactly as `make crawl`
would crawl the real site, then says what was stored, what was dropped and why, and what to try
next.

The replica is crawled as http://radartangsel.replica, whatever port serves it: the crawl's
`http_proxy` is the replica server, which answers for that address (replica/server.py). Its
articles are therefore stored under one address, and a rerun, on this port or another, stores
none of them twice. `.replica` is no real top-level domain: nothing outside is ever asked.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from typing import Any, NoReturn

from scrapy.utils.project import get_project_settings

from crawler.store import open_store
from crawler.store.errors import StoreError
from replica.broken import BROKEN_PAGES
from replica.server import ReplicaServer

SITE = "radartangsel"
REPLICA_URL = "http://radartangsel.replica"
DEFAULT_PORT = 8765


def main(argv: list[str] | None = None) -> int:
    parser = OneLineErrors(prog="python -m replica.demo", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        help=f"replica port (default {DEFAULT_PORT}; 0 or a busy one: any free port)",
    )
    parser.add_argument("--extra", type=int, default=0, help="generated articles to add")
    args = parser.parse_args(argv)

    with serve(args.port, args.extra) as replica:
        print(f"crawling {REPLICA_URL}: the replica of {SITE}, served on {replica.url}")
        crawl = subprocess.Popen(crawl_command(), env=crawl_environment(replica.url))
        try:
            status = crawl.wait()
        except KeyboardInterrupt:
            # The crawl had the Ctrl-C too, and stops cleanly (Scrapy's first SIGINT): let it.
            status = crawl.wait()
    if status != 0:
        print(f"the crawl of the replica failed with exit status {status}", file=sys.stderr)
        return status
    ours = {"site": SITE, "url": {"$regex": f"^{REPLICA_URL}/"}}
    try:
        with open_store(get_project_settings()) as store:
            stored = store.count(ours)
            newest = list(store.find(ours, sort=[("published_at", -1)], limit=3))
            runs = store.runs(spider=SITE, limit=1)
            where = store.describe()
    except StoreError as exc:
        print(f"the crawl ended, but its store could not be read: {exc}", file=sys.stderr)
        return 1
    print(summary(stored, newest, runs[0] if runs else None, where))
    return 0


class OneLineErrors(argparse.ArgumentParser):
    """A usage mistake is one line on stderr (exit status 2), as in the crawler's commands."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def port_number(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 0 to 65535, not {text!r}")
    return int(text)


def serve(port: int, extra_articles: int) -> ReplicaServer:
    """The replica server, started, on `port`, or on a free one (and says so) when `port` is
    taken: the address the articles are stored under does not depend on it."""
    server = ReplicaServer(port=port, extra_articles=extra_articles, public_url=REPLICA_URL)
    try:
        return server.start()
    except OSError as exc:
        reason = exc.strerror or str(exc)
    server = ReplicaServer(port=0, extra_articles=extra_articles, public_url=REPLICA_URL)
    server.start()
    print(
        f"port {port} is not available ({reason}): the replica serves on port {server.port} "
        "instead (choose one with `make demo PORT=N`)"
    )
    return server


def crawl_command() -> list[str]:
    return [sys.executable, "-m", "scrapy", "crawl", SITE, "-a", f"base_url={REPLICA_URL}"]


def crawl_environment(proxy_url: str) -> dict[str, str]:
    """This environment, with every http:// request of the crawl sent to the replica server
    (Scrapy's HttpProxyMiddleware reads http_proxy); nothing exempted from it by no_proxy."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name.lower() not in ("http_proxy", "no_proxy")
    }
    environment["http_proxy"] = proxy_url
    return environment


def summary(
    stored: int, newest: list[dict[str, Any]], run: dict[str, Any] | None, where: str
) -> str:
    """What `make demo` ends with: what is stored, what this run did and did not store and why,
    and what to try next. `run`: the crawl's `runs` document (crawler/store/runs.py)."""
    counts = run.get("counts", {}) if run else {}
    stats = run.get("stats", {}) if run else {}
    lines = [f"\nStored: {stored} articles of {REPLICA_URL} in {where}"]
    if run is not None:
        known = stats.get("incremental/skipped_known", 0)
        lines.append(
            f"This run: {counts.get('new', 0)} new, {counts.get('updated', 0)} updated, "
            f"{known} already stored (not fetched again)"
        )
    lines += [f"  {doc['published_at']:%Y-%m-%d %H:%M} UTC  {doc['title']}" for doc in newest]
    lines += [
        "",
        f"Not stored, on purpose: the replica serves {len(BROKEN_PAGES)} broken pages, as real "
        "sites do (replica/broken.py), and the crawler drops them:",
        *(f"  {page.name:<14} {page.flaw}" for page in BROKEN_PAGES),
    ]
    if run is not None:
        dropped = dropped_counts(stats)
        reasons = ", ".join(f"{count} {reason}" for reason, count in dropped)
        line = f"This run dropped {sum(count for _, count in dropped)} pages ({reasons or 'none'})"
        errors = stats.get("log_count/ERROR", 0)
        if errors:
            line += (
                f"; its {errors} logged errors are Scrapy giving up retrying among them "
                "(the log above names each page)"
            )
        lines.append(line)
    lines += [
        "",
        "Next, try:",
        f"  .venv/bin/scrapy articles list --site {SITE}",
        f"  .venv/bin/scrapy articles show {newest[0]['url'] if newest else 'URL'}",
        "  .venv/bin/scrapy articles stats",
        "  .venv/bin/scrapy runs",
        "  make demo    # again, on any port: nothing is stored twice",
    ]
    return "\n".join(lines)


def dropped_counts(stats: dict[str, Any]) -> list[tuple[str, int]]:
    """(reason, count) of the pages the crawl did not store, from its stats: the reasons of
    articles/dropped/<reason>, store/dropped/<reason> as "store: <reason>"."""
    counts = []
    for key, count in sorted(stats.items()):
        if key.startswith("articles/dropped/"):
            counts.append((key.removeprefix("articles/dropped/"), count))
        elif key.startswith("store/dropped/"):
            counts.append(("store: " + key.removeprefix("store/dropped/"), count))
    return counts


if __name__ == "__main__":
    sys.exit(main())
