"""StorePipeline: its batching, timer, retries and close flush driven in-process on an asyncio
loop (its methods are coroutines) against real servers, and whole `scrapy runspider` runs."""

from __future__ import annotations

import asyncio
import logging
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem
from crawler.store import ArticleStore, EmbeddedServer, StoreError
from crawler.store.pipeline import StorePipeline
from tests.conftest import free_port
from tests.crawl import run_scrapy

SPIDER = textwrap.dedent(
    """
    from datetime import UTC, datetime

    import scrapy


    class StoreItems(scrapy.Spider):
        name = "store_items"
        start_urls = ["data:,items"]
        custom_settings = {"ITEM_PIPELINES": {"crawler.store.pipeline.StorePipeline": 900}}

        def parse(self, response):
            for n in range(250):
                yield {
                    "url": f"https://items.test/{n}/",
                    "site": "items",
                    "title": f"Berita {n}",
                    "content_hash": f"hash-{n}",
                    "fetched_at": datetime.now(UTC),
                }
    """
)


def item(n: int, content_hash: str = "h1") -> ArticleItem:
    return ArticleItem(url=f"https://items.test/{n}/", site="items", content_hash=content_hash)


def pipeline_for(**settings) -> StorePipeline:
    crawler = get_crawler(settings_dict={"STORE_RETRY_DELAYS": [0.1], **settings})
    return StorePipeline.from_crawler(crawler)


def stat(pipeline: StorePipeline, key: str) -> int | None:
    return pipeline.stats.get_value(key)


def crawl_stat(stderr: str, key: str) -> int | None:
    match = re.search(rf"'{re.escape(key)}': (\d+)", stderr)
    return int(match.group(1)) if match else None


def test_full_batches_are_written_in_order_and_the_timer_writes_the_rest(mongo_uri, mongo_db_name):
    pipeline = pipeline_for(
        MONGO_URI=mongo_uri,
        MONGO_DATABASE=mongo_db_name,
        STORE_BATCH_SIZE=3,
        STORE_FLUSH_INTERVAL=1.0,
    )
    reader = ArticleStore(mongo_uri, mongo_db_name)

    async def crawl() -> None:
        await pipeline.open_spider()
        # item 0 twice, in two batches: the second batch must land after the first.
        for current in [item(0), item(1), item(2), item(0, "h2"), item(3), item(4), item(5)]:
            assert await pipeline.process_item(current) is current
        assert reader.count() == 5  # two full batches, written before process_item returned
        await asyncio.sleep(1.5)
        assert reader.count() == 6  # the partial batch, written by the timer
        await pipeline.process_item(item(6))
        with pytest.raises(DropItem):
            await pipeline.process_item(ArticleItem(title="no url"))
        await pipeline.close_spider()

    asyncio.run(crawl())
    assert reader.count() == 7
    assert reader.get(item(0)["url"])["version"] == 2
    assert [stat(pipeline, f"store/{key}") for key in ("new", "updated", "unchanged")] == [7, 1, 0]
    assert stat(pipeline, "store/batches") == 4
    assert stat(pipeline, "store/errors") is None
    assert stat(pipeline, "store/dropped/no_url") == 1
    reader.close()


def test_a_batch_the_server_refuses_is_kept_not_retried_and_reported(
    mongo_uri, mongo_db_name, caplog
):
    pipeline = pipeline_for(MONGO_URI=mongo_uri, MONGO_DATABASE=mongo_db_name, STORE_BATCH_SIZE=2)

    async def crawl() -> None:
        await pipeline.open_spider()
        for current in [item(0), ArticleItem(url="https://items.test/x/", tags={"a set"})]:
            await pipeline.process_item(current)  # a set is not BSON: no retry can help
        for current in [item(1), item(2)]:
            await pipeline.process_item(current)
        await pipeline.close_spider()

    with caplog.at_level(logging.ERROR):
        asyncio.run(crawl())
    assert stat(pipeline, "store/errors") == 2  # once when written, once more at close
    assert stat(pipeline, "store/unwritten") == 2
    assert stat(pipeline, "store/new") == 2
    assert any("2 articles of this crawl were NOT stored" in r.message for r in caplog.records)


def secantusd(port: int, storage: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "secantusd-py"), "--host", "127.0.0.1", "--port",
         str(port), "--storage-path", str(storage), "--log-level", "WARNING"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    with ArticleStore(f"mongodb://127.0.0.1:{port}/?directConnection=true", "x") as store:
        deadline = time.monotonic() + 20
        while True:
            try:
                store.check()
                return process
            except StoreError:
                if time.monotonic() > deadline:
                    raise


def test_writes_failing_while_the_server_is_down_are_kept_for_the_close(mongo_db_name, tmp_path):
    port = free_port()
    uri = f"mongodb://127.0.0.1:{port}/?directConnection=true"
    server = secantusd(port, tmp_path / "db")
    pipeline = pipeline_for(
        MONGO_URI=uri,
        MONGO_DATABASE=mongo_db_name,
        MONGO_TIMEOUT_MS=500,
        STORE_BATCH_SIZE=2,
        STORE_FLUSH_INTERVAL=0,
    )

    async def crawl() -> subprocess.Popen:
        await pipeline.open_spider()
        server.kill()
        server.wait()
        for n in range(2):
            await pipeline.process_item(item(n))  # fails, is retried once, then kept
        restarted = secantusd(port, tmp_path / "db")
        await pipeline.close_spider()  # the server is back: the kept batch is written
        return restarted

    restarted = asyncio.run(crawl())
    try:
        with ArticleStore(uri, mongo_db_name) as reader:
            assert reader.count() == 2
    finally:
        restarted.kill()
        restarted.wait()
    assert stat(pipeline, "store/errors") >= 2  # the first try and its retry, at least
    assert stat(pipeline, "store/new") == 2
    assert stat(pipeline, "store/unwritten") is None


def test_a_crawl_writes_into_the_embedded_store_and_stops_it(tmp_path):
    spider = tmp_path / "store_items.py"
    spider.write_text(SPIDER)
    data_dir = tmp_path / "mongo"
    result = run_scrapy("runspider", str(spider), MONGO_EMBEDDED_DIR=str(data_dir))
    assert result.returncode == 0, result.stderr[-3000:]
    assert crawl_stat(result.stderr, "store/new") == 250
    assert crawl_stat(result.stderr, "store/batches") == 3  # 100 + 100 + 50
    assert f"keeps the data in {data_dir};" in result.stderr
    assert not (data_dir / "server.json").exists()  # the crawl was its last user

    with EmbeddedServer(data_dir) as uri, ArticleStore(uri, "news") as store:
        assert store.count({"site": "items"}) == 250


def test_an_unreachable_store_fails_the_crawl(tmp_path):
    spider = tmp_path / "store_items.py"
    spider.write_text(SPIDER)
    uri = f"mongodb://127.0.0.1:{free_port()}/?directConnection=true"
    result = run_scrapy("runspider", str(spider), MONGO_URI=uri, MONGO_TIMEOUT_MS="300")
    assert result.returncode != 0
    assert result.stderr.count("The store is unavailable, the crawl stops") == 1
    assert uri in result.stderr
