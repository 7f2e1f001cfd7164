"""StorePipeline: its batching, timer, retries and spooling driven in-process on an asyncio loop
(its methods are coroutines) against real servers, and whole `scrapy runspider` runs."""

from __future__ import annotations

import asyncio
import logging
import re
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from crawler.items import ArticleItem
from crawler.store import ArticleStore, EmbeddedServer
from crawler.store.pipeline import StorePipeline, crawl_exit_status, detached_document
from crawler.store.spool import Spool
from tests.conftest import free_port, start_secantusd
from tests.crawl import items_spider, project_crawler, run_scrapy

SPIDER = items_spider(250)


def item(n: int, content_hash: str = "h1") -> ArticleItem:
    return ArticleItem(url=f"https://items.test/{n}/", site="items", content_hash=content_hash)


@pytest.fixture
def spool_path(tmp_path) -> Path:
    return tmp_path / "spool" / "articles.jsonl"


def pipeline_for(spool_path: Path, **settings) -> StorePipeline:
    crawler = project_crawler(
        STORE_RETRY_DELAYS=[0.1], STORE_SPOOL_PATH=str(spool_path), **settings
    )
    return StorePipeline.from_crawler(crawler)


def stat(pipeline: StorePipeline, key: str) -> int | None:
    return pipeline.stats.get_value(key)


def crawl_stat(stderr: str, key: str) -> int | None:
    match = re.search(rf"'{re.escape(key)}': (\d+)", stderr)
    return int(match.group(1)) if match else None


def test_the_document_is_the_items_asdict_and_stays_as_it_was_when_the_item_changes():
    article = ArticleItem(
        url="https://items.test/1/",
        tags=["a", "b"],
        published_at=datetime(2024, 5, 1, tzinfo=UTC),
        raw_pages=[{"url": "https://items.test/1/", "headers": {"ETag": '"x"'}, "body": b"<html>"}],
        extraction=ArticleItem(site="nested"),  # an item inside an item becomes a dict
    )
    document = detached_document(article)
    assert document == ItemAdapter(article).asdict()
    assert document["extraction"] == {"site": "nested"}

    article["tags"].append("c")
    article["raw_pages"][0]["headers"]["ETag"] = '"y"'
    assert document["tags"] == ["a", "b"]
    assert document["raw_pages"][0]["headers"] == {"ETag": '"x"'}


def test_full_batches_are_written_in_order_and_the_timer_writes_the_rest(
    mongo_uri, mongo_db_name, spool_path
):
    pipeline = pipeline_for(
        spool_path,
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


def test_items_arriving_during_a_slow_write_wait_instead_of_piling_up(
    mongo_uri, mongo_db_name, spool_path
):
    pipeline = pipeline_for(
        spool_path, MONGO_URI=mongo_uri, MONGO_DATABASE=mongo_db_name, STORE_BATCH_SIZE=3
    )
    real_write = pipeline._write
    most_buffered = 0
    written: list[int] = []  # the size of each write

    def slow_write(batch):  # a server that takes its time: the write thread waits first
        time.sleep(0.3)
        written.append(len(batch))
        return real_write(batch)

    pipeline._write = slow_write

    async def one(n: int) -> None:
        nonlocal most_buffered
        await pipeline.process_item(item(n))
        most_buffered = max(most_buffered, len(pipeline._buffer))

    async def crawl() -> None:
        await pipeline.open_spider()
        # twenty items at once, as Scrapy hands items of several responses to the pipeline
        await asyncio.gather(*(one(n) for n in range(20)))
        await pipeline.close_spider()

    asyncio.run(crawl())
    assert most_buffered <= 3  # one batch buffered while another is written, never more
    # Waiting items go into the next batch: they do not each write what is buffered when the
    # write before is done (a store's 1 s pause left a train of small writes behind it).
    assert written == [3, 3, 3, 3, 3, 3, 2]
    reader = ArticleStore(mongo_uri, mongo_db_name)
    assert reader.count() == 20  # nothing lost by waiting
    reader.close()


def test_a_batch_the_server_refuses_is_spooled_at_once_and_replayed_next_time(
    mongo_uri, mongo_db_name, spool_path, caplog
):
    settings = {"MONGO_URI": mongo_uri, "MONGO_DATABASE": mongo_db_name, "STORE_BATCH_SIZE": 2}
    pipeline = pipeline_for(spool_path, **settings)

    async def crawl(pipeline: StorePipeline, items: list[ArticleItem]) -> None:
        await pipeline.open_spider()
        for current in items:
            await pipeline.process_item(current)
        await pipeline.close_spider()

    # A set is not BSON: no retry can help, so the batch goes to the spool at once.
    refused = [item(0), ArticleItem(url="https://items.test/x/", tags={"a set"})]
    with caplog.at_level(logging.WARNING):
        asyncio.run(crawl(pipeline, [*refused, item(1), item(2)]))
    assert stat(pipeline, "store/errors") == 1
    assert stat(pipeline, "store/spooled") == 2
    assert stat(pipeline, "store/new") == 2
    assert crawl_exit_status(pipeline.stats) == 3
    assert any("2 articles of this crawl are in the spool" in r.message for r in caplog.records)
    assert Spool(spool_path).pending() == 2

    # The next crawl replays the spool before it writes anything; in JSON the set became a
    # list, which the server takes.
    following = pipeline_for(spool_path, **settings)
    asyncio.run(crawl(following, []))
    assert Spool(spool_path).pending() == 0
    with ArticleStore(mongo_uri, mongo_db_name) as reader:
        assert reader.count() == 4
        assert reader.get("https://items.test/x/")["tags"] == ["a set"]
    assert crawl_exit_status(following.stats) == 0


def test_while_the_server_is_down_batches_are_spooled_and_a_probe_finds_it_back(
    mongo_db_name, tmp_path, spool_path
):
    port = free_port()
    uri = f"mongodb://127.0.0.1:{port}/?directConnection=true"
    server = start_secantusd(port, tmp_path / "db")
    pipeline = pipeline_for(
        spool_path,
        MONGO_URI=uri,
        MONGO_DATABASE=mongo_db_name,
        MONGO_TIMEOUT_MS=500,
        STORE_BATCH_SIZE=2,
        STORE_FLUSH_INTERVAL=0,
        STORE_PROBE_INTERVAL=2.0,
    )

    async def crawl() -> subprocess.Popen:
        await pipeline.open_spider()
        server.kill()
        server.wait()
        for n in range(4):
            await pipeline.process_item(item(n))  # tried twice, spooled; then spooled at once
        assert (stat(pipeline, "store/errors"), stat(pipeline, "store/spooled")) == (2, 4)
        restarted = start_secantusd(port, tmp_path / "db")
        await asyncio.sleep(2.0)  # the probe interval: the next batch is tried, and written
        for n in range(4, 6):
            await pipeline.process_item(item(n))
        await pipeline.close_spider()
        return restarted

    restarted = asyncio.run(crawl())
    try:
        with ArticleStore(uri, mongo_db_name) as reader:
            assert reader.count() == 2
            assert Spool(spool_path).replay(reader).articles.new == 4
            assert reader.count() == 6
    finally:
        restarted.kill()
        restarted.wait()
    assert stat(pipeline, "store/new") == 2
    assert stat(pipeline, "store/unwritten") is None
    assert Spool(spool_path).pending() == 0


def test_a_crawl_writes_into_the_embedded_store_and_stops_it(tmp_path):
    spider = tmp_path / "store_items.py"
    spider.write_text(SPIDER)
    data_dir = tmp_path / "mongo"
    result = run_scrapy("runspider", str(spider), MONGO_EMBEDDED_DIR=str(data_dir))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert crawl_stat(result.stderr, "store/new") == 250
    assert crawl_stat(result.stderr, "store/batches") == 3  # 100 + 100 + 50
    assert f"keeps the data in {data_dir};" in result.stderr
    assert not (data_dir / "server.json").exists()  # the crawl was its last user

    with EmbeddedServer(data_dir) as uri, ArticleStore(uri, "news") as store:
        assert store.count({"site": "items"}) == 250


def test_an_unreachable_store_fails_the_crawl_with_one_error_and_status_1(tmp_path):
    spider = tmp_path / "store_items.py"
    spider.write_text(SPIDER)
    uri = f"mongodb://127.0.0.1:{free_port()}/?directConnection=true"
    result = run_scrapy("runspider", str(spider), MONGO_URI=uri, MONGO_TIMEOUT_MS="300")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "] ERROR:" in line]
    assert len(errors) == 1 and "The store is unavailable, the crawl stops" in errors[0]
    assert uri in errors[0]
    assert "Traceback" not in result.stderr and "never retrieved" not in result.stderr
