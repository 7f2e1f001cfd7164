"""No item is ever lost silently (issue #16, point 1): any error of a batch write spools the
batch; an item that can never be stored is repaired (lone surrogates) or dropped with a count
and its URL, never with its batch; a store that fails at the crawl's end fails the run (exit 3)
and the run says so. Against a real SecantusDB; faults are injected into one store method."""

from __future__ import annotations

import asyncio
import logging
import re
import textwrap
from pathlib import Path

import pytest
from pymongo import MongoClient

from crawler.exitcodes import EXIT_OK, EXIT_SPOOLED
from crawler.items import ArticleItem
from crawler.store import ArticleStore
from crawler.store.pipeline import StorePipeline, crawl_exit_status
from crawler.store.spool import Spool
from tests.crawl import project_crawler, run_scrapy


def item(n: int, **fields) -> ArticleItem:
    return ArticleItem(url=f"https://items.test/{n}/", site="items", content_hash=f"h{n}", **fields)


@pytest.fixture
def spool_path(tmp_path) -> Path:
    return tmp_path / "spool" / "articles.jsonl"


def pipeline_for(mongo_uri: str, mongo_db_name: str, spool_path: Path, **settings) -> StorePipeline:
    crawler = project_crawler(
        MONGO_URI=mongo_uri,
        MONGO_DATABASE=mongo_db_name,
        STORE_SPOOL_PATH=str(spool_path),
        STORE_RETRY_DELAYS=[0.1],
        **settings,
    )
    return StorePipeline.from_crawler(crawler)


def stat(pipeline: StorePipeline, key: str) -> int | None:
    return pipeline.stats.get_value(key)


def test_lone_surrogates_are_repaired_and_the_whole_batch_is_stored(
    mongo_uri, mongo_db_name, spool_path, caplog
):
    pipeline = pipeline_for(mongo_uri, mongo_db_name, spool_path, STORE_BATCH_SIZE=4)
    # As a JSON-LD author or section can reach an item: pymongo's BSON encoder refuses it.
    broken = item(2, authors=["Redaksi \ud800"], category="Berita\udfff", tags=["\ud800"])

    async def crawl() -> None:
        await pipeline.open_spider()
        for current in [item(0), item(1), broken, item(3), item(4)]:
            await pipeline.process_item(current)
        await pipeline.close_spider()

    with caplog.at_level(logging.WARNING):
        asyncio.run(crawl())
    with ArticleStore(mongo_uri, mongo_db_name) as reader:
        assert reader.count() == 5
        repaired = reader.get(broken["url"])
    assert repaired["authors"] == ["Redaksi \ufffd"]
    assert (repaired["category"], repaired["tags"]) == ("Berita\ufffd", ["\ufffd"])
    assert broken["authors"] == ["Redaksi \ud800"]  # the item itself goes on as it was
    assert stat(pipeline, "store/repaired/lone_surrogates") == 1
    assert stat(pipeline, "store/spooled") is None and stat(pipeline, "store/errors") is None
    assert any(broken["url"] in record.getMessage() for record in caplog.records)
    assert crawl_exit_status(pipeline.stats) == EXIT_OK


def test_an_error_of_any_type_in_a_batch_write_spools_the_batch(
    mongo_uri, mongo_db_name, spool_path
):
    pipeline = pipeline_for(
        mongo_uri, mongo_db_name, spool_path, STORE_BATCH_SIZE=100, STORE_FLUSH_INTERVAL=0.3
    )

    async def crawl() -> None:
        await pipeline.open_spider()
        assert pipeline.store is not None
        real_save = pipeline.store.save_fetched

        def fails_once(*args, **kwargs):  # the fault: one write, raising what no one expects
            pipeline.store.save_fetched = real_save
            raise RuntimeError("the driver broke")

        pipeline.store.save_fetched = fails_once
        for n in range(3):
            await pipeline.process_item(item(n))
        await asyncio.sleep(0.8)  # the timer's write fails: the batch is spooled...
        assert stat(pipeline, "store/spooled") == 3
        for n in range(3, 5):
            await pipeline.process_item(item(n))
        await asyncio.sleep(0.8)  # ...and the timer goes on writing
        assert stat(pipeline, "store/new") == 2
        await pipeline.close_spider()

    asyncio.run(crawl())
    assert stat(pipeline, "store/errors") == 1
    assert crawl_exit_status(pipeline.stats) == EXIT_SPOOLED
    with ArticleStore(mongo_uri, mongo_db_name) as reader:
        assert reader.count() == 2
        assert Spool(spool_path).replay(reader).articles.new == 3
        assert reader.count() == 5


def test_an_item_that_can_never_be_stored_is_dropped_alone_with_its_url(
    mongo_uri, mongo_db_name, spool_path, caplog
):
    pipeline = pipeline_for(mongo_uri, mongo_db_name, spool_path, STORE_BATCH_SIZE=3)
    # BSON holds 8-byte ints, and the spool would give this one back as it is: never storable.
    never = item(1, view_count=2**70)

    async def crawl() -> None:
        await pipeline.open_spider()
        for current in [item(0), never, item(2), item(3)]:
            await pipeline.process_item(current)
        await pipeline.close_spider()

    with caplog.at_level(logging.ERROR):
        asyncio.run(crawl())
    assert stat(pipeline, "store/dropped/unencodable") == 1
    assert any(
        never["url"] in record.getMessage() and "never be stored" in record.getMessage()
        for record in caplog.records
    )
    with ArticleStore(mongo_uri, mongo_db_name) as reader:
        assert reader.count() == 3  # the rest of its batch, written at once
    assert stat(pipeline, "store/spooled") is None
    assert not Spool(spool_path).pending()


def test_articles_neither_stored_nor_spooled_are_named_counted_and_fail_the_run(
    mongo_uri, mongo_db_name, tmp_path, caplog
):
    spool_directory = tmp_path / "spool"
    spool_path = spool_directory / "spool.jsonl"
    pipeline = pipeline_for(mongo_uri, mongo_db_name, spool_path, STORE_BATCH_SIZE=10)

    async def crawl() -> None:
        await pipeline.open_spider()  # a spool directory that cannot be made stops it here
        assert pipeline.store is not None
        spool_directory.rmdir()  # the disk fails mid-crawl: the directory is gone for good
        spool_directory.write_text("")

        def fails(*args, **kwargs):  # the fault: the store refuses the write
            raise ValueError("refused")

        pipeline.store.save_fetched = fails
        for n in range(2):
            await pipeline.process_item(item(n))
        await pipeline.close_spider()

    with caplog.at_level(logging.CRITICAL):
        asyncio.run(crawl())
    assert stat(pipeline, "store/unwritten") == 2
    (critical,) = [r.getMessage() for r in caplog.records if r.levelno == logging.CRITICAL]
    assert "https://items.test/0/ https://items.test/1/" in critical
    assert crawl_exit_status(pipeline.stats) == EXIT_SPOOLED


def crawl_spider(tmp_path: Path, source: str, mongo_uri: str, mongo_db_name: str):
    spider = tmp_path / "store_items.py"
    spider.write_text(source)
    return run_scrapy(
        "runspider",
        str(spider),
        MONGO_URI=mongo_uri,
        MONGO_DATABASE=mongo_db_name,
        STORE_SPOOL_PATH=str(tmp_path / "spool.jsonl"),
        STORE_FLUSH_INTERVAL="60",  # every item waits for the final flush, at close
    )


SPIDER = textwrap.dedent(
    """
    from datetime import UTC, datetime

    import scrapy

    from crawler.store.store import ArticleStore

    FAULT = {fault!r}
    if FAULT:  # the store fails every article write; the run record still gets through
        def save_fetched(self, articles, pages, **options):
            raise RuntimeError(FAULT)

        ArticleStore.save_fetched = save_fetched


    class StoreItems(scrapy.Spider):
        name = "store_items"
        start_urls = ["data:,items"]
        custom_settings = {{"ITEM_PIPELINES": {{"crawler.store.pipeline.StorePipeline": 900}}}}

        def parse(self, response):
            for n in range(53):
                yield {{
                    "url": f"https://items.test/{{n}}/",
                    "site": "items",
                    "title": f"Berita {{n}}",
                    "authors": ["Redaksi \\ud800"] if n == 7 else ["Redaksi"],
                    "content_hash": f"hash-{{n}}",
                    "fetched_at": datetime.now(UTC),
                }}
    """
)


def test_a_crawl_with_a_lone_surrogate_stores_every_item(tmp_path, mongo_uri, mongo_db_name):
    result = crawl_spider(tmp_path, SPIDER.format(fault=""), mongo_uri, mongo_db_name)
    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    with MongoClient(mongo_uri, tz_aware=True) as client:
        database = client[mongo_db_name]
        assert database.articles.count_documents({}) == 53
        assert database.articles.find_one({"url": "https://items.test/7/"})["authors"] == [
            "Redaksi \ufffd"
        ]
        (run,) = database.runs.find()
        assert run["counts"]["new"] == 53
        client.drop_database(mongo_db_name)


def test_a_store_failing_at_the_final_flush_fails_the_run_and_the_run_says_so(
    tmp_path, mongo_uri, mongo_db_name
):
    result = crawl_spider(tmp_path, SPIDER.format(fault="disk on fire"), mongo_uri, mongo_db_name)
    assert result.returncode == EXIT_SPOOLED, result.stderr[-3000:]
    assert re.search(r"writing 53 articles failed .*RuntimeError: disk on fire", result.stderr)
    assert "53 articles of this crawl are in the spool" in result.stderr
    assert Spool(tmp_path / "spool.jsonl").pending() == 53
    with MongoClient(mongo_uri, tz_aware=True) as client:
        database = client[mongo_db_name]
        assert database.articles.count_documents({}) == 0
        (run,) = database.runs.find()
        assert run["counts"]["spooled"] == 53 and run["stats"]["store/spooled"] == 53
        client.drop_database(mongo_db_name)
