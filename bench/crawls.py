"""Running real crawls for the benchmarks: the replica in a process of its own, a SecantusDB
server in a temporary directory, and `python -m scrapy crawl` subprocesses with the test
settings (as users and the end-to-end tests run them) plus the CrawlProbe extension."""

from __future__ import annotations

import json
import selectors
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.store.embedded import EmbeddedServer
from settings import test as test_settings
from tests.crawl import ROOT, run_scrapy, stop_process

SITE_SPIDER = "radartangsel"
NULL_SPIDER = "bench_null"
# Generating 50,000 article heads and binding the socket takes a few seconds at most.
REPLICA_START_TIMEOUT = 120.0


@dataclass(frozen=True)
class CrawlResult:
    """What one crawl measured (bench/probe.py)."""

    responses: int
    elapsed_seconds: float
    cpu_seconds: float
    peak_rss_bytes: int
    max_pending: int
    items: int
    stored: int
    max_scraper_bytes: int = 0

    @property
    def pages_per_second(self) -> float:
        return self.responses / self.elapsed_seconds

    @property
    def cpu_ms_per_page(self) -> float:
        return 1000 * self.cpu_seconds / self.responses

    @property
    def cpu_busy(self) -> float:
        """Share of the wall time the crawl process was on a CPU: near 1, it is CPU-bound."""
        return self.cpu_seconds / self.elapsed_seconds

    @property
    def peak_rss_mb(self) -> float:
        return self.peak_rss_bytes / 2**20


@contextmanager
def replica_process(articles: int) -> Iterator[str]:
    """The replica with `articles` generated articles (broken pages off), served by
    `python -m bench.serve_replica`; yields its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.serve_replica", "--extra", str(articles)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield _announced_url(process, REPLICA_START_TIMEOUT)
    finally:
        stop_process(process)
        if process.stdout is not None:
            process.stdout.close()


def _announced_url(process: subprocess.Popen[str], timeout: float) -> str:
    """The base URL the replica prints once it listens."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as waiting:
        waiting.register(process.stdout, selectors.EVENT_READ)
        ready = waiting.select(timeout)
    line = process.stdout.readline() if ready else ""
    if not line.startswith("http"):
        raise RuntimeError(
            f"the replica did not start within {timeout:.0f}s (exit status {process.poll()})"
        )
    return line.strip()


@contextmanager
def store_server() -> Iterator[str]:
    """A SecantusDB server of its own in a temporary directory, the way the crawler's embedded
    store runs it (crawler/store/embedded.py); yields its URI."""
    with (
        tempfile.TemporaryDirectory(prefix="bench-store-") as directory,
        EmbeddedServer(Path(directory)) as uri,
    ):
        yield uri


def crawl(
    spider: str,
    base_url: str,
    workdir: Path,
    *,
    timeout: float = 1800,
    **settings: str,
) -> CrawlResult:
    """One `scrapy crawl` of the replica at `base_url`, to its end; raises if it fails."""
    probe_file = workdir / f"probe-{uuid.uuid4().hex}.json"
    extensions = {**test_settings.EXTENSIONS, "bench.probe.CrawlProbe": 0}
    result = run_scrapy(
        "crawl",
        spider,
        "-a",
        f"base_url={base_url}",
        timeout=timeout,
        EXTENSIONS=json.dumps(extensions),
        BENCH_PROBE_FILE=str(probe_file),
        LOG_LEVEL="WARNING",
        CLOSESPIDER_TIMEOUT="0",  # the test settings stop crawls at 300 s; a benchmark may not
        STORE_SPOOL_PATH=str(workdir / "spool.jsonl"),  # never the checkout's own spool
        **({"SPIDER_MODULES": "bench.null_spider"} if spider == NULL_SPIDER else {}),
        **settings,
    )
    probe = json.loads(probe_file.read_text(encoding="utf-8")) if probe_file.exists() else {}
    finish_reason = probe.get("stats", {}).get("finish_reason")
    # The exit status judges a site crawl's outcome (crawler/outcome.py); the null spider stores
    # nothing on purpose, so only its finish reason says whether it ran to the end.
    failed = result.returncode != 0 and spider != NULL_SPIDER
    if failed or finish_reason != "finished":
        raise RuntimeError(
            f"scrapy crawl {spider} failed (status {result.returncode}, finish reason"
            f" {finish_reason}):\n{result.stderr[-3000:]}"
        )
    return _result(probe)


def _result(probe: dict[str, Any]) -> CrawlResult:
    stats = probe["stats"]
    return CrawlResult(
        responses=stats.get("response_received_count", 0),
        elapsed_seconds=stats["elapsed_time_seconds"],
        cpu_seconds=probe["cpu_seconds"],
        peak_rss_bytes=probe["peak_rss_bytes"],
        max_pending=probe["max_pending"],
        items=stats.get("item_scraped_count", 0),
        stored=stats.get("store/new", 0) + stats.get("store/updated", 0),
        max_scraper_bytes=probe.get("max_scraper_bytes", 0),
    )
