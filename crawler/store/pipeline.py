"""StorePipeline: the last pipeline; writes items and their raw pages to the store in batches.

Items are buffered and written STORE_BATCH_SIZE at a time, off the reactor thread, one write at
a time and in order; a timer writes a partial batch every STORE_FLUSH_INTERVAL seconds. When the
buffer is full, process_item waits until a write takes it, and the item goes into the next
batch: a slow store slows the crawl down instead of filling memory. While items wait, Scrapy
keeps their responses, as many as SCRAPER_SLOT_MAX_ACTIVE_SIZE allows (settings/base.py says
what that costs). Each write stores the articles and their raw pages (`pages`, unless
STORE_PAGES is False); `raw_pages` never becomes an article field.

No item is lost, and none silently. A write that fails, whatever the error, is retried after
each of STORE_RETRY_DELAYS seconds when the store may take it later (a network failure); a batch
that still fails is appended to the spool (STORE_SPOOL_PATH, crawler/store/spool.py) at once,
durably. While the store is unreachable, later batches go straight to the spool, and one write
is tried every STORE_PROBE_INTERVAL seconds to notice that it is back. When the spider opens,
before the crawl starts, the spool of earlier crawls is replayed. A batch the store refused
first loses the articles that can never be stored, not even as the spool gives them back (an
int beyond BSON's 8 bytes): each is dropped with its URL logged, and the rest is written again
at once. Text with lone surrogates ("\ud800", which a page's JSON-LD can carry and BSON cannot
encode) is repaired before it is buffered: each is replaced with U+FFFD, as decoding with
errors="replace" does. When the spool fails too, the articles are logged CRITICAL with their
URLs and counted; `scrapy crawl` then exits 3 as for spooled ones.

The methods are coroutines, Scrapy's own API since 2.14 (Deferreds returned from pipelines are
deprecated), so the asyncio equivalents of deferToThread, DeferredLock and LoopingCall are used;
they run on the asyncio reactor the settings install.

The store comes from the crawl's one connection (crawler/store/connection.py), which the
pipeline opens when the spider opens: if the store cannot be used then, the connection logs it
once and the crawl closes with the finish reason `store_unavailable` (no traceback).
`crawl_exit_status()` turns that, and spooled articles, into the exit status of `scrapy crawl`
(crawler/commands/, crawler/exitcodes.py).

Stats: store/new, store/updated, store/unchanged, store/stale (articles), store/pages,
store/batches (successful writes), store/errors (failed write attempts), store/spooled
(articles written to the spool), store/unwritten (articles neither stored nor spooled: the
disk failed too), store/dropped/unencodable (articles that can never be stored),
store/repaired/lone_surrogates (articles whose text was repaired), store/unavailable (1 when the
store could not be used at start), store/replayed (spooled articles of earlier crawls written
at open).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from datetime import datetime
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from crawler.exitcodes import EXIT_NOT_STARTED, EXIT_OK, EXIT_SPOOLED
from crawler.store.connection import StoreConnection
from crawler.store.errors import StoreError
from crawler.store.spool import (
    Record,
    article_record,
    never_storable,
    split_articles,
    spool_from,
)
from crawler.store.store import ArticleStore, UpsertCounts

logger = logging.getLogger(__name__)

# Values that are never items: ItemAdapter.asdict() asks every item adapter about each value of
# an article and of its raw pages, a tenth of a millisecond per article on the reactor thread.
PLAIN_VALUES = (str, bytes, int, float, datetime, type(None))
# How the log line of a given-up article says what it lacks (ArticleStore's missing_part).
GIVEN_UP_WORDS = {
    "no_date": "has no date",
    "no_body": "has no body",
    "incomplete": "misses a page",
}
# Half of a UTF-16 pair on its own: valid in a Python str, refused by every UTF-8 encoder.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def crawl_exit_status(stats: StatsCollector) -> int:
    """0 when every article is in the store; 1 when the store could not be used at start;
    3 when the crawl finished but not all of it is in the store: records in the spool (safe
    on disk, written by the next crawl or `scrapy store replay`), or, when the disk failed
    too, articles neither stored nor spooled (logged CRITICAL). Cron must notice."""
    if stats.get_value("store/unavailable"):
        return EXIT_NOT_STARTED
    if any(
        stats.get_value(key) for key in ("store/spooled", "store/spooled_runs", "store/unwritten")
    ):
        return EXIT_SPOOLED
    return EXIT_OK


class StorePipeline:
    def __init__(self, crawler: Crawler, connection: StoreConnection) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.connection = connection
        self.settings = settings
        self.stats = crawler.stats
        self.database = settings.get("MONGO_DATABASE")
        self.batch_size = max(1, settings.getint("STORE_BATCH_SIZE"))
        self.flush_interval = settings.getfloat("STORE_FLUSH_INTERVAL")
        self.retry_delays = [float(d) for d in settings.getlist("STORE_RETRY_DELAYS")]
        self.probe_interval = settings.getfloat("STORE_PROBE_INTERVAL")
        self.store_pages = settings.getbool("STORE_PAGES")
        # The store counts the refetches that bring an article without what it lacks, and
        # names those reaching this many (crawler/incremental.py gives them up).
        self.max_refetches = settings.getint("INCREMENTAL_MAX_REFETCHES")
        self.spool = spool_from(settings)
        self.store: ArticleStore | None = None
        self._buffer: list[Record] = []
        self._write_lock = asyncio.Lock()  # one write in flight, batches in order
        self._buffer_taken = asyncio.Condition()  # notified when a write takes the buffer
        self._timer: asyncio.Task[None] | None = None
        self._next_probe: float | None = None  # set while the store is unreachable

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler, StoreConnection.of(crawler))

    @property
    def _site(self) -> dict[str, Any]:
        """Log records' extra: they are this crawl's (its "errors" under crawlall)."""
        return {"spider": self.crawler.spider}

    async def open_spider(self) -> None:
        # CloseSpider(store_unavailable) when the store is unusable: the crawl stops here.
        self.store = await self.connection.open()
        await asyncio.to_thread(self._expire_pages, self.store)
        await self._replay_spool()
        if self.flush_interval > 0:
            self._timer = asyncio.get_running_loop().create_task(self._flush_periodically())

    async def _replay_spool(self) -> None:
        """What earlier crawls spooled goes into the store before this crawl writes anything
        (Spool.replay logs it as a WARNING with the counts)."""
        assert self.store is not None
        try:
            result = await asyncio.to_thread(
                self.spool.replay, self.store, batch_size=self.batch_size
            )
        except OSError as exc:  # the crawl itself can still be stored: go on
            logger.error(
                "Store: the spool %s could not be replayed: %s",
                self.spool.path,
                exc,
                extra=self._site,
            )
            return
        if result.articles_written:
            self.stats.set_value("store/replayed", result.articles_written)

    def _expire_pages(self, store: ArticleStore) -> None:
        """The retention (STORE_PAGES_RETENTION_DAYS), applied once per crawl; a failure only
        leaves old pages for the next crawl to delete."""
        try:
            expired = store.delete_expired_pages(self.settings.getint("STORE_PAGES_RETENTION_DAYS"))
        except StoreError as exc:
            logger.warning("Store: expired pages not deleted this time: %s", exc, extra=self._site)
            return
        if expired:
            self.stats.set_value("store/pages_expired", expired)
            logger.info("Store: %d pages older than the retention deleted", expired)

    async def process_item(self, item: Any) -> Any:
        document, repaired = without_lone_surrogates(detached_document(item))
        raw_pages = document.pop("raw_pages", None) or []  # raw HTML is not an article field
        url = document.get("url")
        if not url:
            self.stats.inc_value("store/dropped/no_url")
            raise DropItem("no url: the store keys articles by their canonical url")
        if repaired:
            self.stats.inc_value("store/repaired/lone_surrogates")
            logger.warning(
                "Store: %s: %d texts held lone surrogates, replaced with U+FFFD",
                url,
                repaired,
                extra=self._site,
            )
        pages = [
            {**page, "article_url": url, "site": document.get("site")}
            for page in (raw_pages if self.store_pages else [])
        ]
        # Back-pressure: while a full batch waits for the write in flight, further items wait
        # too, instead of piling up with their raw pages (Scrapy handles items of several
        # responses at once); at most one batch is buffered beside the one being written.
        # They wait for room, not for a write of their own: when the store pauses (a network
        # blip, a retried write; a TTL sweep of SecantusDB's did every minute), a hundred items
        # wait, and each writing what was buffered when its turn came left a train of small
        # writes (~80 in the 6 s after a pause instead of ~12).
        async with self._buffer_taken:
            await self._buffer_taken.wait_for(lambda: len(self._buffer) < self.batch_size)
        self._buffer.append(article_record(self.database, document, pages))
        if len(self._buffer) >= self.batch_size:
            await self._flush()
        return item

    async def close_spider(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._timer
        if self.store is None:
            return
        await self._flush()
        spooled = self.stats.get_value("store/spooled", 0)
        if spooled:
            logger.warning(
                "Store: %d articles of this crawl are in the spool %s, not in %s; the next crawl"
                " or `scrapy store replay` writes them",
                spooled,
                self.spool.path,
                self.store.describe(),
                extra=self._site,
            )

    async def _flush_periodically(self) -> None:
        while True:
            await asyncio.sleep(self.flush_interval)
            # Shielded: cancelling the timer at close must not abandon a write in progress.
            await asyncio.shield(self._flush())

    async def _flush(self) -> None:
        """Write everything buffered, in batches, once the write before it is done."""
        async with self._write_lock:
            pending, self._buffer = self._buffer, []
            async with self._buffer_taken:
                self._buffer_taken.notify_all()
            for start in range(0, len(pending), self.batch_size):
                batch = pending[start : start + self.batch_size]
                try:
                    await self._store(batch)
                except Exception as exc:  # a fault of the store task itself: never silent
                    self._unwritten(batch, exc)

    async def _store(self, batch: list[Record]) -> None:
        """Write the batch; if the store refuses it, without the articles it can never take;
        else into the spool."""
        if await self._written(batch):
            return
        storable = [record for record in batch if not await self._never_storable(record)]
        if storable and len(storable) < len(batch) and await self._written(storable):
            return
        await self._spool(storable)

    async def _written(self, batch: list[Record]) -> bool:
        counts, failures = await asyncio.to_thread(self._write, batch)
        if failures:
            self.stats.inc_value("store/errors", failures)
        if counts is not None:
            self._count(counts, batch)
        return counts is not None

    async def _never_storable(self, record: Record) -> bool:
        """Whether the store can never take the record: then it is dropped, counted and its URL
        logged, so that it takes no batch with it, now or when the spool is replayed."""
        reason = await asyncio.to_thread(never_storable, record)
        if reason is None:
            return False
        self.stats.inc_value("store/dropped/unencodable")
        logger.error(
            "Store: dropped %s: it can never be stored (%s)",
            record["article"]["url"],
            reason,
            extra=self._site,
        )
        return True

    def _write(self, batch: list[Record]) -> tuple[UpsertCounts | None, int]:
        """In a worker thread: the counts (None if the batch could not be written) and the
        number of failed attempts. While the store is unreachable, only one write per probe
        interval is tried, without retries: the others go to the spool at once."""
        assert self.store is not None
        if self._next_probe is not None and time.monotonic() < self._next_probe:
            return None, 0
        delays = [] if self._next_probe is not None else self.retry_delays
        articles, pages = split_articles(batch)
        failures = 0
        while True:
            try:
                counts = self.store.save_fetched(articles, pages, max_refetches=self.max_refetches)
            except Exception as exc:  # any error: the batch is spooled, never lost
                failures += 1
                retryable = isinstance(exc, StoreError) and exc.retryable
                if not retryable or failures > len(delays):
                    logger.error(
                        "Store: writing %d articles failed (%d attempts): %s",
                        len(batch),
                        failures,
                        exc if isinstance(exc, StoreError) else f"{type(exc).__name__}: {exc}",
                        extra=self._site,
                    )
                    if retryable:
                        self._next_probe = time.monotonic() + self.probe_interval
                    return None, failures
                delay = delays[failures - 1]
                logger.warning(
                    "Store: writing %d articles failed, retrying in %.1f s: %s",
                    len(batch),
                    delay,
                    exc,
                    extra=self._site,
                )
                time.sleep(delay)
            else:
                if self._next_probe is not None:
                    logger.warning(
                        "Store: %s answers again", self.store.describe(), extra=self._site
                    )
                    self._next_probe = None
                return counts, failures

    async def _spool(self, batch: list[Record]) -> None:
        """The one place for articles the store did not take: the spool, durably."""
        if not batch:
            return
        try:
            await asyncio.to_thread(self.spool.append, batch)
        except Exception as exc:  # a full or broken disk: say which articles are lost
            self._unwritten(batch, exc)
            return
        self.stats.inc_value("store/spooled", len(batch))
        logger.warning(
            "Store: %d articles spooled to %s (%d this crawl)",
            len(batch),
            self.spool.path,
            self.stats.get_value("store/spooled"),
            extra=self._site,
        )

    def _unwritten(self, batch: list[Record], error: Exception) -> None:
        """Articles neither stored nor spooled: counted (the crawl exits 3) and named."""
        self.stats.inc_value("store/unwritten", len(batch))
        logger.critical(
            "Store: %d articles were neither stored nor spooled to %s (%s: %s): %s",
            len(batch),
            self.spool.path,
            type(error).__name__,
            error,
            " ".join(record["article"]["url"] for record in batch),
            extra=self._site,
        )

    def _count(self, counts: UpsertCounts, batch: list[Record]) -> None:
        self.stats.inc_value("store/batches")
        self.stats.inc_value("store/new", counts.new)
        self.stats.inc_value("store/updated", counts.updated)
        self.stats.inc_value("store/unchanged", counts.unchanged)
        if counts.stale:
            self.stats.inc_value("store/stale", counts.stale)
        self.stats.inc_value("store/pages", sum(len(record["pages"]) for record in batch))
        for url, missing in counts.given_up:
            self.stats.inc_value(f"incremental/given_up/{missing}")
            logger.warning(
                "Store: %s still %s after %d refetches in a row: not refetched again unless"
                " its source says it changed",
                url,
                GIVEN_UP_WORDS.get(missing, missing),
                self.max_refetches,
                extra=self._site,
            )


def detached_document(item: Any) -> dict[str, Any]:
    """The item as a dict of its own, as ItemAdapter(item).asdict() makes it: nested items, dicts
    and lists copied, because the item goes on through Scrapy while the document waits for its
    batch."""
    return {key: _detached(value) for key, value in ItemAdapter(item).items()}


def _detached(value: Any) -> Any:
    if isinstance(value, PLAIN_VALUES):
        return value
    if isinstance(value, dict):
        return {key: _detached(element) for key, element in value.items()}
    if isinstance(value, list | set | tuple):
        return value.__class__(_detached(element) for element in value)
    if ItemAdapter.is_item(value):
        return detached_document(value)
    return value


def without_lone_surrogates(value: Any) -> tuple[Any, int]:
    """The detached document (or any value in it) with every lone surrogate of its texts and
    keys replaced by U+FFFD, and how many texts had one."""
    if isinstance(value, str):
        repaired, count = LONE_SURROGATE.subn("\ufffd", value)
        return repaired, int(count > 0)
    if isinstance(value, dict):
        document, total = {}, 0
        for key, element in value.items():
            key, key_count = without_lone_surrogates(key)
            document[key], count = without_lone_surrogates(element)
            total += key_count + count
        return document, total
    if isinstance(value, list | tuple):
        elements = [without_lone_surrogates(element) for element in value]
        return value.__class__(e for e, _ in elements), sum(count for _, count in elements)
    return value, 0
