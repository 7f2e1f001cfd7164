"""StoreConnection: the crawl's one connection to the store, and its one failure policy.

An extension (built by `from_crawler`, switched on with the store by crawler.store.StoreAddon)
that owns the store of a crawl: the store pipeline writes through it, the incremental middleware
looks discovered URLs up through it, the run recorder writes the run document through it. One
MongoClient per crawl, and one user of the embedded server (which counts its users), where each
of the three used to open its own.

Its life:
  - opened once, by the first component that asks (`await connection.open()`): the store
    pipeline, when Scrapy opens the item pipelines, before spider_opened and engine_started.
    Opening is open_store (MONGO_URI, or the embedded server), a ping, and the indexes.
  - closed last: at engine_stopped, which Scrapy sends once the spider is closed, so after the
    pipeline's last batch and after spider_closed, where the run is recorded. A crawl whose
    engine never started (a component stopped it while opening) is closed at spider_closed.

One failure policy:
  - unusable at start (a malformed URI, rejected credentials, an unreachable server): logged
    once, as an ERROR; stat store/unavailable; every component that asks gets
    CloseSpider(STORE_UNAVAILABLE), so the crawl closes with that finish reason before fetching
    anything and `scrapy crawl` exits EXIT_NOT_STARTED (crawler/exitcodes.py).
  - lost mid-crawl: nothing is given up. The pipeline spools its batches (and probes for the
    store's return), a failed lookup lets its requests through, and a run that cannot be
    recorded at close is spooled: each component handles the StoreError of its own call.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import ExitStack
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, NotConfigured
from scrapy.settings import BaseSettings
from scrapy.utils.conf import build_component_list

from crawler.store import open_store
from crawler.store.errors import StoreError
from crawler.store.spool import spool_from
from crawler.store.store import ArticleStore

logger = logging.getLogger(__name__)

STORE_UNAVAILABLE = "store_unavailable"  # the finish reason of a crawl that could not start
STORE_PIPELINE = "crawler.store.pipeline.StorePipeline"


def store_enabled(settings: BaseSettings) -> bool:
    """Whether the crawl stores its items (the store pipeline is on): the components that read
    the store or record the run beside it have nothing to do otherwise."""
    return STORE_PIPELINE in (
        component if isinstance(component, str) else f"{component.__module__}.{component.__name__}"
        for component in build_component_list(settings.getwithbase("ITEM_PIPELINES"))
    )


class StoreConnection:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.store: ArticleStore | None = None  # set once opened, until closed
        self._resources = ExitStack()  # the store, and the embedded server when there is one
        self._opening = asyncio.Lock()
        self._unusable = False  # opening failed: the crawl is closing
        self._engine_started = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoreConnection:
        if not store_enabled(crawler.settings):
            raise NotConfigured("no store pipeline: no store to connect to")
        connection = cls(crawler)
        crawler.signals.connect(connection.engine_started, signal=signals.engine_started)
        crawler.signals.connect(connection.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(connection.engine_stopped, signal=signals.engine_stopped)
        return connection

    @classmethod
    def of(cls, crawler: Crawler) -> StoreConnection:
        """The crawler's connection, for the components that use the store. A store pipeline
        without it is a broken configuration, which must stop the crawl rather than leave the
        pipeline out (as NotConfigured would, with a mere warning) and store nothing."""
        connection = crawler.get_extension(cls)
        if connection is None:
            raise RuntimeError(
                "the store needs its connection (crawler.store.connection.StoreConnection in"
                ' EXTENSIONS): switch the store on with ADDONS = {"crawler.store.StoreAddon": 0}'
            )
        return connection

    @property
    def _site(self) -> dict[str, Any]:
        """Log records' extra: they are this crawl's (its "errors" under crawlall)."""
        return {"spider": self.crawler.spider}

    async def open(self) -> ArticleStore:
        """The store, opened at the first call. Raises CloseSpider(STORE_UNAVAILABLE) when it is
        unusable (logged once, at the first call)."""
        async with self._opening:
            if self.store is None and not self._unusable:
                try:
                    self.store = await asyncio.to_thread(self._open)
                except StoreError as exc:
                    self._unusable = True
                    logger.error(
                        "The store is unavailable, the crawl stops: %s", exc, extra=self._site
                    )
                    self.crawler.stats.set_value("store/unavailable", 1)
        if self.store is None:
            raise CloseSpider(STORE_UNAVAILABLE)
        return self.store

    def _open(self) -> ArticleStore:
        spool_from(self.crawler.settings).check_directory()
        store = self._resources.enter_context(open_store(self.crawler.settings))
        try:
            store.ensure_indexes()
        except StoreError:
            self._resources.close()
            raise
        return store

    async def close(self) -> None:
        """Close the store (the last user of an embedded server stops it)."""
        self.store = None
        await asyncio.to_thread(self._resources.close)

    def engine_started(self) -> None:
        self._engine_started = True

    async def spider_closed(self) -> None:
        if not self._engine_started:  # no engine_stopped will follow
            await self.close()

    async def engine_stopped(self) -> None:
        await self.close()
