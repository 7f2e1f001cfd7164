"""The article store: MongoDB behind one class (store.py), the embedded default server
(embedded.py) and the item pipeline that feeds it (pipeline.py).

`open_store(settings)` is how commands and scripts get the store the settings name.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from scrapy.settings import BaseSettings

from crawler.store.embedded import EmbeddedServer
from crawler.store.errors import StoreError
from crawler.store.store import ArticleStore, UpsertCounts

logger = logging.getLogger(__name__)

__all__ = ["ArticleStore", "EmbeddedServer", "StoreError", "UpsertCounts", "open_store"]


@contextmanager
def open_store(settings: BaseSettings) -> Iterator[ArticleStore]:
    """The checked store: MONGO_URI, or else the embedded server of MONGO_EMBEDDED_DIR (a
    relative path is taken from the current directory). Raises StoreError when unusable."""
    with ExitStack() as resources:
        uri = settings.get("MONGO_URI")
        location = None
        if not uri:
            data_dir = Path(settings.get("MONGO_EMBEDDED_DIR", "data/mongo")).resolve()
            server = EmbeddedServer(
                data_dir, cache_size=settings.get("MONGO_EMBEDDED_CACHE_SIZE", "256M")
            )
            uri = resources.enter_context(server)
            location = f"the embedded store in {data_dir}"
        store = ArticleStore(
            uri,
            settings.get("MONGO_DATABASE", "news"),
            timeout_ms=settings.getint("MONGO_TIMEOUT_MS", 5000),
            location=location,
        )
        resources.enter_context(store)
        store.check()
        if location is None:  # the embedded server has said where its data is
            logger.info("Store: %s", store.describe())
        yield store
