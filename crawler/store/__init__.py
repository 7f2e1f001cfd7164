"""The article store: MongoDB behind one class (store.py), the embedded default server
(embedded.py), the crawl's one connection to it (connection.py), the item pipeline that feeds
it (pipeline.py) and the run recorder (runs.py).

`open_store(settings)` is how commands and scripts get the store the settings name; a crawl
switches the store on in one line, with the add-on: `ADDONS = {"crawler.store.StoreAddon": 0}`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object

from crawler.store.embedded import EmbeddedServer
from crawler.store.errors import StoreError
from crawler.store.store import ArticleStore, UpsertCounts

logger = logging.getLogger(__name__)

__all__ = [
    "ArticleStore",
    "EmbeddedServer",
    "StoreAddon",
    "StoreError",
    "UpsertCounts",
    "open_store",
]

# What the store add-on switches on: (setting, component, order).
STORE_COMPONENTS = (
    ("EXTENSIONS", "crawler.store.connection.StoreConnection", 0),
    ("EXTENSIONS", "crawler.store.runs.RunRecorder", 500),
    ("SPIDER_MIDDLEWARES", "crawler.incremental.IncrementalMiddleware", 950),
    ("ITEM_PIPELINES", "crawler.store.pipeline.StorePipeline", 900),
)


@contextmanager
def open_store(settings: BaseSettings) -> Iterator[ArticleStore]:
    """The checked store: MONGO_URI, or else the embedded server of MONGO_EMBEDDED_DIR (a
    relative path is taken from the current directory). Raises StoreError when unusable."""
    with ExitStack() as resources:
        uri = settings.get("MONGO_URI")
        location = None
        if not uri:
            data_dir = Path(settings.get("MONGO_EMBEDDED_DIR")).resolve()
            server = EmbeddedServer(data_dir, cache_size=settings.get("MONGO_EMBEDDED_CACHE_SIZE"))
            uri = resources.enter_context(server)
            location = f"the embedded store in {data_dir}"
        store = ArticleStore(
            uri,
            settings.get("MONGO_DATABASE"),
            timeout_ms=settings.getint("MONGO_TIMEOUT_MS"),
            location=location,
        )
        resources.enter_context(store)
        store.check()
        if location is None:  # the embedded server has said where its data is
            logger.info("Store: %s", store.describe())
        yield store


class StoreAddon:
    """Scrapy add-on: the crawl stores its items. Adds the store's connection (one per crawl,
    crawler/store/connection.py), the store pipeline, the incremental middleware and the run
    recorder to the settings, each at its usual order unless the settings already name it (an
    order of None there switches that one off)."""

    def update_settings(self, settings: BaseSettings) -> None:
        for name, path, order in STORE_COMPONENTS:
            settings.setdefault_in_component_priority_dict(name, load_object(path), order)
