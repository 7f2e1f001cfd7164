"""IncrementalMiddleware: a run fetches only the articles that are new or changed.

A spider middleware, because that is where Scrapy lets a component see a callback's whole output
before it reaches the scheduler: a sitemap yields a thousand article requests at once, a feed
ten, a listing page twenty. The middleware holds back the requests the spider marked as
discovered articles (request meta DISCOVERED), looks their URLs up in the store with one
`known_urls()` query per INCREMENTAL_BATCH_SIZE of them, in a worker thread (the reactor keeps
running), and lets through only those worth fetching (fetch_reason):

    new          not stored
    incomplete   stored with complete == False (a later page stayed missing)
    no_body      stored without content (no content_hash)
    no_date      stored without published_at
    changed      the source's date (a sitemap's lastmod, a feed's date) is later than the
                 stored last_seen, i.e. the site changed the article after we last fetched it.
                 last_seen, not modified_at: some pages show no modification date (modified_at
                 then falls back to published_at), and comparing the sitemap's lastmod with it
                 would refetch such an article on every run; dates in the future are already
                 rejected by crawler.dates, so a skewed site clock cannot cause that either.

An article refetched for what it lacks (incomplete, no_body, no_date) that still lacks it on
INCREMENTAL_MAX_REFETCHES refetches in a row (the store counts them: refetch_count,
crawler/store/store.py) is given up: the store pipeline logs it once, when the last refetch is
written, and counts it under incremental/given_up/<reason>; later runs skip it (counted under
incremental/skipped_given_up/<reason> too), unless the source's date says it changed since it
was last fetched (a sitemap's lastmod): then it is fetched again, as `changed`. A redesign that
drops the date from every page must not refetch the whole site on every run.

Everything else is counted and dropped. A URL met again in the same run (listed by the sitemap
and the feed, or by the "latest posts" widget of every listing page) is not looked up again: it
is dropped when already requested, and when skipped before it is fetched only if this source's
date says it changed since last_seen. So one lookup and one count per article, whatever the
number of links to it. The run remembers each URL it met by a 128-bit digest (url_key), some
90 bytes with its set slot where the URL itself would take 200 (9 MB for a backfill of 100,000
articles).

The next-page request of a listing (meta LISTING_NEXT_PAGE) is held until the page's articles
are looked up, and dropped when the store held every one of them before this run. Listings run
newest first, so the pages behind hold older articles. Judged on the store, not on what this run
already requested: when the feed lists the same ten newest articles as the first listing page
(WordPress's defaults), page 1 is all requested but nothing of it stored, and a walk that stopped
there stored 10 of 40 articles and "nothing new" on every later run.

Dead URLs: an article URL that answered 404 or 410 is remembered in the store (its `dead_urls`,
recorded when the spider closes) and not fetched again before its retry time, DEAD_URL_RETRY_DAYS
after the first failure, doubled at each further one up to DEAD_URL_MAX_RETRY_DAYS; the same
lookup that reads the stored articles reads them. One that answers again when due is forgotten.

Sources themselves (sitemaps, feeds, listings) are never filtered: every run re-reads them.

The store is the crawl's one connection (crawler/store/connection.py), which the store pipeline
opened before engine_started; a crawl whose store was unusable at start never gets there. A
lookup that fails lets its batch through: fetching an article again is harmless (the store keeps
one document per URL), missing one is not.

Off with `-a full=1` (the spider's `full`), with INCREMENTAL_ENABLED = False, or without the
store pipeline (nothing to compare against).

Stats: incremental/lookups, incremental/skipped_known, incremental/new,
incremental/refetch/<reason>, incremental/skipped_given_up/<reason>, incremental/listing_stopped,
incremental/lookup_errors, incremental/skipped_dead, incremental/retry_dead,
incremental/dead_recorded, incremental/dead_revived, incremental/dead_url_errors.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.meta import DISCOVERED, LISTING_NEXT_PAGE, Discovered
from crawler.store.connection import StoreConnection
from crawler.store.errors import StoreError
from crawler.store.store import ArticleStore, missing_part

logger = logging.getLogger(__name__)

DEAD_STATUSES = frozenset({404, 410})  # gone: a 5xx or a 403 may be a passing state


def fetch_reason(
    stored: dict[str, Any] | None, date: datetime | None, max_refetches: int = 0
) -> str | None:
    """Why a discovered article must be fetched, or None when the stored copy is current (or
    given up: given_up). `stored` is what ArticleStore.known_urls() says of its URL; `date` is
    the source's; `max_refetches` is INCREMENTAL_MAX_REFETCHES (0: never give up)."""
    if stored is None:
        return "new"
    missing = missing_part(stored)
    if missing is not None and given_up(stored, max_refetches) is None:
        return missing
    if changed_since(stored.get("last_seen"), date):
        return "changed"
    return None


def given_up(stored: dict[str, Any], max_refetches: int) -> str | None:
    """What a stored article lacks, when that many refetches in a row brought it without it;
    else None."""
    missing = missing_part(stored)
    count = stored.get("refetch_count")
    if not max_refetches or missing is None or stored.get("refetch_reason") != missing:
        return None
    return missing if isinstance(count, int) and count >= max_refetches else None


def changed_since(last_seen: datetime | None, date: datetime | None) -> bool:
    """Whether the source's date says the article changed after it was last fetched."""
    return date is not None and (not isinstance(last_seen, datetime) or date > last_seen)


def url_key(url: str) -> int:
    """What the run remembers of a URL: its 128-bit BLAKE2b digest, as an int (a 48-byte object,
    where a URL takes some 160 bytes). The chance that two of a million URLs share a key is
    about 10^-27: no URL is mistaken for another, which would skip it for the run."""
    return int.from_bytes(hashlib.blake2b(url.encode(), digest_size=16).digest())


@dataclass
class _Page:
    """The articles one callback listed, and those of them the store did not hold before."""

    urls: set[str] = field(default_factory=set)
    unknown: set[str] = field(default_factory=set)

    @property
    def all_known(self) -> bool:
        return bool(self.urls) and not self.unknown


class IncrementalMiddleware:
    def __init__(self, crawler: Crawler, connection: StoreConnection) -> None:
        self.crawler = crawler
        self.connection = connection
        self.stats = crawler.stats
        self.batch_size = max(1, crawler.settings.getint("INCREMENTAL_BATCH_SIZE"))
        self.max_refetches = crawler.settings.getint("INCREMENTAL_MAX_REFETCHES")
        self.store: ArticleStore | None = None
        self._requested: set[int] = set()  # url_key of the URLs let through in this run
        self._skipped: dict[int, datetime | None] = {}  # url_key: skipped in this run -> last_seen
        self._unstored: set[int] = set()  # url_key of the requested URLs the store did not hold
        self.dead_retry_days = crawler.settings.getfloat("DEAD_URL_RETRY_DAYS")
        self.dead_max_retry_days = crawler.settings.getfloat("DEAD_URL_MAX_RETRY_DAYS")
        self._dead_due: set[str] = set()  # remembered dead URLs fetched again in this run
        self._failed: dict[str, int] = {}  # url -> 404/410, this run
        self._revived: set[str] = set()  # remembered dead URLs that answered in this run

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalMiddleware:
        if not crawler.settings.getbool("INCREMENTAL_ENABLED"):
            raise NotConfigured("INCREMENTAL_ENABLED is False")
        connection = crawler.get_extension(StoreConnection)
        if connection is None:
            raise NotConfigured("no store: nothing to compare discovered articles with")
        middleware = cls(crawler, connection)
        crawler.signals.connect(middleware.engine_started, signal=signals.engine_started)
        crawler.signals.connect(middleware.response_received, signal=signals.response_received)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    async def engine_started(self) -> None:
        spider = self.crawler.spider
        if getattr(spider, "full", False):
            logger.info("%s: full crawl: every discovered article is fetched", spider.name)
            return
        self.store = await self.connection.open()

    def response_received(self, response: Response, request: Request) -> None:
        """Note the discovered articles that answered 404/410, and the dead ones that answer."""
        discovered: Discovered | None = request.meta.get(DISCOVERED)
        if self.store is None or discovered is None:
            return
        if response.status in DEAD_STATUSES:
            self._failed[discovered.url] = response.status
        elif response.status < 400 and discovered.url in self._dead_due:
            self._revived.add(discovered.url)

    async def spider_closed(self) -> None:
        """Remember this run's dead URLs in the store (the connection closes after this)."""
        if self.store is None or not (self._failed or self._revived):
            return
        try:
            await asyncio.to_thread(self._record_dead_urls, self.store)
        except StoreError as exc:
            self.stats.inc_value("incremental/dead_url_errors")
            logger.warning(
                "Incremental: %d dead URLs not remembered (fetched again next run): %s",
                len(self._failed),
                exc,
            )

    def _record_dead_urls(self, store: ArticleStore) -> None:
        store.record_dead_urls(self._failed, datetime.now(UTC))
        self.stats.inc_value("incremental/dead_recorded", len(self._failed))
        revived = self._revived - self._failed.keys()
        self.stats.inc_value("incremental/dead_revived", store.forget_dead_urls(revived))

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        if self.store is None:
            async for element in result:
                yield element
            return
        page = _Page()
        batch: list[Request] = []
        next_pages: list[Request] = []
        async for element in result:
            if isinstance(element, Request) and DISCOVERED in element.meta:
                batch.append(element)
                if len(batch) >= self.batch_size:
                    for request in await self._worth_fetching(batch, page):
                        yield request
                    batch = []
            elif isinstance(element, Request) and element.meta.get(LISTING_NEXT_PAGE):
                next_pages.append(element)
            else:
                yield element
        if batch:
            for request in await self._worth_fetching(batch, page):
                yield request
        if next_pages and page.all_known:
            self.stats.inc_value("incremental/listing_stopped")
            logger.info("Incremental: every article of %s is known: not paging on", response.url)
            return
        for request in next_pages:
            yield request

    async def _worth_fetching(self, batch: list[Request], page: _Page) -> list[Request]:
        """The requests of the batch worth fetching; counts the others."""
        kept: list[Request] = []
        first_seen: dict[str, Request] = {}
        for request in batch:
            discovered: Discovered = request.meta[DISCOVERED]
            page.urls.add(discovered.url)
            key = url_key(discovered.url)
            if key in self._requested:
                if key in self._unstored:  # listed before in this run, but not in the store
                    page.unknown.add(discovered.url)
                continue
            if key in self._skipped:
                if changed_since(self._skipped[key], discovered.date):
                    kept.append(self._let_through(request, "refetch/changed"))
                continue
            first_seen.setdefault(discovered.url, request)
        if first_seen:
            kept += await self._look_up(first_seen, page)
        return kept

    async def _look_up(self, first_seen: dict[str, Request], page: _Page) -> list[Request]:
        assert self.store is not None
        try:
            known, dead = await asyncio.to_thread(self._known_and_dead, list(first_seen))
        except StoreError as exc:
            self.stats.inc_value("incremental/lookup_errors")
            logger.warning("Incremental: lookup failed, fetching %d URLs: %s", len(first_seen), exc)
            page.unknown.update(first_seen)
            return [
                self._let_through(request, None, stored=False) for request in first_seen.values()
            ]
        self.stats.inc_value("incremental/lookups")
        now = datetime.now(UTC)
        kept = []
        for url, request in first_seen.items():
            if url_key(url) in self._requested:  # let through by another source's lookup meanwhile
                continue
            stored = known.get(url)
            if stored is None and url in dead:
                if self.retry_at(dead[url]) > now:
                    self.stats.inc_value("incremental/skipped_dead")
                    self._requested.add(url_key(url))  # not looked at again in this run
                    continue  # gone, as far as the store knows: nothing new on this page
                self.stats.inc_value("incremental/retry_dead")
                self._dead_due.add(url)
            if stored is None:
                page.unknown.add(url)
            reason = fetch_reason(stored, request.meta[DISCOVERED].date, self.max_refetches)
            if reason is None:
                if url_key(url) in self._skipped:  # skipped by another source's lookup meanwhile
                    continue
                self.stats.inc_value("incremental/skipped_known")
                lacking = given_up(stored, self.max_refetches) if stored else None
                if lacking is not None:
                    self.stats.inc_value(f"incremental/skipped_given_up/{lacking}")
                self._skipped[url_key(url)] = stored.get("last_seen") if stored else None
            else:
                counted_as = "new" if reason == "new" else f"refetch/{reason}"
                kept.append(self._let_through(request, counted_as, stored=stored is not None))
        return kept

    def retry_at(self, dead: dict[str, Any]) -> datetime:
        """When a dead URL is due again: DEAD_URL_RETRY_DAYS after its last failure, doubled at
        each failure before, up to DEAD_URL_MAX_RETRY_DAYS (decided here, from the settings of
        the run, so a changed setting applies to the URLs already remembered)."""
        failures = max(1, dead.get("failures") or 1)
        days = min(self.dead_retry_days * 2 ** min(failures - 1, 30), self.dead_max_retry_days)
        return dead["last_failed_at"] + timedelta(days=days)

    def _known_and_dead(
        self, urls: list[str]
    ) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
        assert self.store is not None
        return self.store.known_urls(urls), self.store.dead_urls(urls)

    def _let_through(
        self, request: Request, counted_as: str | None, *, stored: bool = True
    ) -> Request:
        url = request.meta[DISCOVERED].url
        key = url_key(url)
        self._requested.add(key)
        if not stored:
            self._unstored.add(key)
        self._skipped.pop(key, None)
        if counted_as is not None:
            self.stats.inc_value(f"incremental/{counted_as}")
            if counted_as != "new":
                logger.debug("Incremental: fetching %s again (%s)", url, counted_as)
        return request
