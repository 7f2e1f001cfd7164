"""Incremental crawling: what a cron run costs once the store holds the site. Three runs of
`scrapy crawl radartangsel` into one SecantusDB server: the first into an empty store, the
second on the unchanged replica (5,000 generated articles), the third on the same replica with
20 new and 5 edited articles. The second must fetch no article page, the third exactly the 25,
storing 20 new articles and 5 new versions.

The replica runs in a thread of this process (it waits on the crawl subprocess), on one port
for the three runs: an article's URL, hence its identity in the store, includes the port. The
store is a SecantusDB server in a temporary directory, as the embedded store runs it. "article
pages" is the crawl's pages/fetched/article stat (first pages; later pages of multi-page
articles are counted apart), "requests" is downloader/request_count (robots.txt, sitemaps,
feed and article pages), "wall s" the whole `python -m scrapy crawl` process (start-up
included), "crawl s" its elapsed_time_seconds. One round: the runs depend on each other.

    python -m bench.incremental [--quick]
"""

from __future__ import annotations

import json
import socket
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.crawls import SITE_SPIDER, store_server
from bench.report import Row, benchmark_main, target_row
from replica import ReplicaOptions, ReplicaServer
from settings import test as test_settings
from tests.crawl import run_scrapy

NEW, EDITED = 20, 5
TABLE = "Three cron runs of one site"


def run(quick: bool = False) -> list[Row]:
    articles = 300 if quick else 5000
    port = _free_port()
    with (
        tempfile.TemporaryDirectory(prefix="bench-incremental-") as directory,
        store_server() as uri,
    ):
        workdir = Path(directory)
        database = f"bench_incremental_{uuid.uuid4().hex[:8]}"
        unchanged = ReplicaOptions(broken_pages=False)
        with ReplicaServer(port=port, extra_articles=articles, options=unchanged) as replica:
            site_articles = len(replica.site.posts)
            first = _crawl(replica.url, uri, database, workdir)
            second = _crawl(replica.url, uri, database, workdir)
        changed = ReplicaOptions(broken_pages=False, new_articles=NEW, edited_articles=EDITED)
        with ReplicaServer(port=port, extra_articles=articles, options=changed) as replica:
            third = _crawl(replica.url, uri, database, workdir)
    rows = [
        _row("1. first run, empty store", site_articles, first),
        _row("2. unchanged site", site_articles, second),
        _row(f"3. {NEW} new, {EDITED} edited", site_articles + NEW, third),
    ]
    return [*_targets(articles, second, third), *rows]


def _crawl(base_url: str, mongo_uri: str, database: str, workdir: Path) -> dict[str, Any]:
    """One crawl to its end: its stats, and the wall time of the whole process."""
    probe = workdir / f"probe-{uuid.uuid4().hex}.json"
    started = time.monotonic()
    result = run_scrapy(
        "crawl",
        SITE_SPIDER,
        "-a",
        f"base_url={base_url}",
        timeout=3600,
        EXTENSIONS=json.dumps({**test_settings.EXTENSIONS, "bench.probe.CrawlProbe": 0}),
        BENCH_PROBE_FILE=str(probe),
        LOG_LEVEL="WARNING",
        CLOSESPIDER_TIMEOUT="0",
        STORE_SPOOL_PATH=str(workdir / "spool.jsonl"),
        MONGO_URI=mongo_uri,
        MONGO_DATABASE=database,
    )
    wall = time.monotonic() - started
    if result.returncode != 0 or not probe.exists():
        raise RuntimeError(
            f"the crawl failed (status {result.returncode}):\n{result.stderr[-3000:]}"
        )
    stats = json.loads(probe.read_text(encoding="utf-8"))["stats"]
    return {"wall": wall, **stats}


def _row(run: str, site_articles: int, stats: dict[str, Any]) -> Row:
    return {
        "table": TABLE,
        "run": run,
        "articles on site": site_articles,
        "wall s": stats["wall"],
        "crawl s": stats.get("elapsed_time_seconds", 0.0),
        "requests": stats.get("downloader/request_count", 0),
        "article pages": stats.get("pages/fetched/article", 0),
        "later pages": stats.get("pages/fetched/later_page", 0),
        "known, skipped": stats.get("incremental/skipped_known", 0),
        "store/new": stats.get("store/new", 0),
        "store/updated": stats.get("store/updated", 0),
        "store/unchanged": stats.get("store/unchanged", 0),
    }


def _targets(articles: int, second: dict[str, Any], third: dict[str, Any]) -> list[Row]:
    fetched_unchanged = second.get("pages/fetched/article", 0)
    fetched_changed = third.get("pages/fetched/article", 0)
    stored = (third.get("store/new", 0), third.get("store/updated", 0))
    return [
        target_row(
            "incremental",
            f"article pages fetched, unchanged site of {articles:,}",
            fetched_unchanged,
            "0",
            fetched_unchanged == 0,
        ),
        target_row(
            "incremental",
            f"article pages fetched, {NEW} new + {EDITED} edited",
            fetched_changed,
            f"{NEW + EDITED}",
            fetched_changed == NEW + EDITED and stored == (NEW, EDITED),
        ),
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    benchmark_main(run, __doc__)


if __name__ == "__main__":
    main()
