"""RunRecorder: one `runs` document per crawl, written when the crawl ends.

    run_id          a new random id per crawl (the key: replaying a spooled run twice is harmless)
    spider          the spider's name
    started_at      when the spider opened                          (aware UTC datetime)
    finished_at     when it closed                                  (aware UTC datetime)
    finish_reason   Scrapy's reason: finished, closespider_timeout, shutdown, limit_reached...
    outcome         how the run ended, as crawler/outcome.py judges it and `scrapy crawl` exits:
                    {status: ok | nothing new | spooled | degraded | unreachable | failed,
                     exit_status: 0, 3, 6, 4 or 5, reason: why, "" for ok and nothing new}
    counts          new / updated / unchanged / dropped articles, spooled records, articles
                    neither stored nor spooled (unwritten), stored pages
    stats           the crawl's Scrapy stats, fit for BSON (see bson_safe)

Scrapy closes the item pipelines before it sends spider_closed, so by then the store pipeline
has written its last batch and put its final counts in the stats, and the monitors (connected
first, settings/base.py EXTENSIONS) their verdict; the reason comes with the signal. The outcome
is judged from those stats (crawler/outcome.py outcome_of), as the command judges its exit
status. A run document that has to be spooled is recorded as spooled (exit status 3), unless
its outcome was worse: that is what the crawl exits with. The run is written through the
crawl's store connection (crawler/store/connection.py), which closes only after spider_closed.
A crawl whose store was unavailable at start never reaches engine_started, and has no run to
record.

A store unreachable at close does not lose the run: the run document goes to the spool
(stat store/spooled_runs; `scrapy crawl` then exits with status 3).
Switched on with the store (crawler.store.StoreAddon); off without the store pipeline.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.outcome import DROPPED_PREFIXES, outcome_of
from crawler.store.connection import StoreConnection, store_enabled
from crawler.store.errors import StoreError
from crawler.store.spool import run_record, spool_from

logger = logging.getLogger(__name__)

COUNTED = ("new", "updated", "unchanged", "spooled", "unwritten", "pages")
INT64_MAX = 2**63 - 1


class RunRecorder:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.database = crawler.settings.get("MONGO_DATABASE")
        self.spool = spool_from(crawler.settings)
        self.run_id = uuid.uuid4().hex
        self.started_at: datetime | None = None
        self.connection: StoreConnection | None = None  # known once the engine has started

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunRecorder:
        if not store_enabled(crawler.settings):
            raise NotConfigured("no store pipeline: no run to record")
        recorder = cls(crawler)
        crawler.signals.connect(recorder.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(recorder.engine_started, signal=signals.engine_started)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        return recorder

    def spider_opened(self, spider: Spider) -> None:
        self.started_at = datetime.now(UTC)

    def engine_started(self) -> None:
        self.connection = StoreConnection.of(self.crawler)

    async def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.connection is None:  # the engine never started: no run to record
            return
        run = run_document(
            self.run_id,
            spider.name,
            self.started_at,
            datetime.now(UTC),
            reason,
            self.crawler.stats.get_stats(),
        )
        run["outcome"] = outcome_of(self.crawler, spider=spider).record()
        await asyncio.to_thread(self._save, run, spider)

    def _save(self, run: dict[str, Any], spider: Spider) -> None:
        assert self.connection is not None
        store = self.connection.store
        try:
            if store is None:
                raise StoreError("the store was not opened")
            store.record_run(run)
            logger.info("Store: run %s recorded in %s", run["run_id"], store.describe())
        except StoreError as exc:
            self._spool(run, spider, exc)

    def _spool(self, run: dict[str, Any], spider: Spider, error: StoreError) -> None:
        self.crawler.stats.set_value("store/spooled_runs", 1)
        run["outcome"] = outcome_of(self.crawler, spider=spider).record()  # spooled, or worse
        try:
            self.spool.append([run_record(self.database, run)])
        except OSError as exc:
            self.crawler.stats.set_value("store/spooled_runs", 0)
            logger.error("Store: run %s neither recorded nor spooled: %s", run["run_id"], exc)
            return
        logger.warning("Store: run %s spooled to %s (%s)", run["run_id"], self.spool.path, error)


def run_document(
    run_id: str,
    spider: str,
    started_at: datetime | None,
    finished_at: datetime,
    reason: str,
    stats: dict[str, Any],
) -> dict[str, Any]:
    counts = {name: int(stats.get(f"store/{name}", 0)) for name in COUNTED}
    counts["dropped"] = sum(
        int(value)
        for key, value in stats.items()
        if key.startswith(DROPPED_PREFIXES) and isinstance(value, int)
    )
    return {
        "run_id": run_id,
        "spider": spider,
        "started_at": started_at or stats.get("start_time"),
        "finished_at": finished_at,
        "finish_reason": reason,
        "counts": counts,
        "stats": bson_safe(stats),
    }


def outcome_text(run: dict[str, Any]) -> str:
    """How a recorded run ended, for people: "degraded (published_at coverage 0.20 ...)
    [exit 6]"; runs recorded before outcomes were kept say so."""
    outcome = run.get("outcome")
    if not isinstance(outcome, dict):
        return "not recorded"
    reason = f" ({outcome['reason']})" if outcome.get("reason") else ""
    return f"{outcome.get('status')}{reason} [exit {outcome.get('exit_status')}]"


def bson_safe(value: Any) -> Any:
    """Scrapy stats as BSON can hold them: keys without "." or "$" (stats keys hold class
    names such as downloader/exception_type_count/twisted.internet.error.DNSLookupError, and
    MongoDB reads dots as paths); datetimes kept (made aware UTC); timedeltas as seconds;
    other values BSON has no type for as their text."""
    if isinstance(value, dict):
        return {_safe_key(str(key)): bson_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [bson_safe(item) for item in value]
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bool | float | str | bytes) or value is None:
        return value
    if isinstance(value, int):
        return value if -INT64_MAX - 1 <= value <= INT64_MAX else str(value)
    return str(value)


def _safe_key(key: str) -> str:
    return key.replace(".", "_").replace("$", "_")
