"""The `pages` and `runs` collections: raw pages compressed and newest-first, their retention,
the pipeline feeding them, and one run document per crawl (RunRecorder) with its final counts."""

from __future__ import annotations

import asyncio
import re
import zlib
from datetime import UTC, datetime, timedelta

import pytest
from pymongo import MongoClient
from scrapy import Spider

from crawler.items import ArticleItem
from crawler.store import ArticleStore, EmbeddedServer
from crawler.store.connection import StoreConnection
from crawler.store.pipeline import StorePipeline
from crawler.store.runs import RunRecorder, bson_safe, run_document
from crawler.store.spool import Spool
from crawler.store.store import PAGE_COMPRESSION_LEVEL
from tests.conftest import free_port, start_secantusd
from tests.crawl import items_spider, project_crawler, run_scrapy, stop_process

T0 = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
T1 = T0 + timedelta(days=1)
HTML = "<html><body><h1>Judul</h1><p>Isi berita \u00e9</p></body></html>".encode()


def page(url: str, *, at: datetime = T0, body: bytes = HTML, number: int = 1) -> dict:
    return {
        "url": url,
        "article_url": "https://radartangsel.test/a/",
        "site": "radartangsel",
        "page": number,
        "status": 200,
        "headers": {"Content-Type": "text/html; charset=UTF-8", "ETag": '"abc"'},
        "body": body,
        "fetched_at": at,
    }


@pytest.fixture
def store(mongo_uri, mongo_db_name, raw):
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        store.ensure_indexes()
        yield store


def test_pages_are_stored_compressed_with_what_reparsing_needs(store, raw):
    store.upsert_pages(
        [page("https://radartangsel.test/a/"), page("https://radartangsel.test/a/2/", number=2)]
    )
    doc = raw.pages.find_one({"url": "https://radartangsel.test/a/"}, {"_id": 0})
    assert isinstance(doc["body"], bytes) and zlib.decompress(doc["body"]) == HTML
    assert doc == {
        **page("https://radartangsel.test/a/"),
        "body": zlib.compress(HTML, PAGE_COMPRESSION_LEVEL),  # BSON Binary subtype 0: bytes
        "compression": "zlib",
    }
    pages = store.article_pages(["https://radartangsel.test/a/"])
    assert [p["page"] for p in pages["https://radartangsel.test/a/"]] == [1, 2]
    assert pages["https://radartangsel.test/a/"][0] == page("https://radartangsel.test/a/")


def test_only_the_newest_fetch_of_a_page_url_is_kept(store, raw):
    url = "https://radartangsel.test/a/"
    store.upsert_pages([page(url, at=T1, body=b"<html>new</html>")])
    store.upsert_pages([page(url, at=T0, body=b"<html>old</html>")])  # late, e.g. replayed
    store.upsert_pages([page(url, at=T1, body=b"<html>new</html>")])  # the same fetch again
    (doc,) = raw.pages.find({"url": url})
    assert (doc["fetched_at"], zlib.decompress(doc["body"])) == (T1, b"<html>new</html>")

    store.upsert_pages([page(url, at=T1 + timedelta(hours=1), body=b"<html>newer</html>")])
    assert zlib.decompress(raw.pages.find_one({"url": url})["body"]) == b"<html>newer</html>"


def test_one_batch_of_new_stored_and_repeated_page_urls_keeps_the_newest_fetch_of_each(store, raw):
    stored, new, twice = (f"https://radartangsel.test/{name}/" for name in ("a", "b", "c"))
    store.upsert_pages([page(stored, at=T0, body=b"<html>a0</html>")])
    store.upsert_pages(
        [
            page(stored, at=T1, body=b"<html>a1</html>"),
            page(new, at=T0, body=b"<html>b0</html>"),
            page(twice, at=T1, body=b"<html>c1</html>"),
            page(twice, at=T0, body=b"<html>c0</html>"),  # older, later in the batch
        ]
    )
    kept = {
        doc["url"]: (doc["fetched_at"], zlib.decompress(doc["body"])) for doc in raw.pages.find()
    }
    assert kept == {
        stored: (T1, b"<html>a1</html>"),
        new: (T0, b"<html>b0</html>"),
        twice: (T1, b"<html>c1</html>"),
    }


def test_a_page_reads_back_the_same_whether_an_insert_or_an_upsert_created_it(
    store, raw, monkeypatch
):
    upserted, inserted = "https://radartangsel.test/a/", "https://radartangsel.test/b/"
    monkeypatch.setattr(store, "_stored_page_urls", lambda urls: {upserted})  # taken as stored
    store.upsert_pages([page(upserted), page(inserted)])
    first, second = raw.pages.find({}, sort=[("url", 1)])
    assert (first["url"], second["url"]) == (upserted, inserted)
    assert list(first) == list(second)  # the order of the fields too


@pytest.mark.parametrize(("at", "kept"), [(T1, b"<html>new</html>"), (T0, b"<html>first</html>")])
def test_a_page_stored_by_another_writer_meanwhile_is_upserted_over_an_older_fetch_only(
    store, raw, monkeypatch, at, kept
):
    url = "https://radartangsel.test/a/"
    store.upsert_pages([page(url, at=T0 + timedelta(hours=1), body=b"<html>first</html>")])
    monkeypatch.setattr(store, "_stored_page_urls", lambda urls: set())  # read before it came
    store.upsert_pages([page(url, at=at, body=b"<html>new</html>")])
    (doc,) = raw.pages.find({"url": url})
    assert zlib.decompress(doc["body"]) == kept


def test_the_retention_deletes_the_pages_fetched_longer_ago(store, raw):
    days = (0, 9, 10, 50)
    store.upsert_pages(
        [page(f"https://radartangsel.test/{n}/", at=T0 + timedelta(n)) for n in days]
    )
    now = T0 + timedelta(days=100)
    assert store.delete_expired_pages(0, now=now) == 0  # 0: kept forever
    assert store.delete_expired_pages(90, now=now) == 2  # fetched on days 0 and 9
    kept = sorted(doc["url"] for doc in raw.pages.find({}, {"url": 1}))
    assert kept == ["https://radartangsel.test/10/", "https://radartangsel.test/50/"]
    assert store.delete_expired_pages(90, now=now) == 0


def test_a_ttl_index_of_an_older_store_makes_way_for_the_plain_one(store, raw):
    # A TTL index makes SecantusDB sweep every stored page each minute (crawler/store/store.py).
    raw.pages.drop_index("fetched_at")
    raw.pages.create_index("fetched_at", name="fetched_at_ttl", expireAfterSeconds=90 * 86400)
    store.ensure_indexes()
    indexes = raw.pages.index_information()
    assert "fetched_at_ttl" not in indexes
    assert indexes["fetched_at"]["key"] == [("fetched_at", 1)]
    assert not any("expireAfterSeconds" in index for index in indexes.values())
    assert {"url_unique", "article_url_page", "site_fetched_at"} <= set(indexes)


def pipeline_for(mongo_uri, mongo_db_name, tmp_path, **settings) -> StorePipeline:
    crawler = project_crawler(
        MONGO_URI=mongo_uri,
        MONGO_DATABASE=mongo_db_name,
        STORE_SPOOL_PATH=str(tmp_path / "spool.jsonl"),
        **settings,
    )
    return StorePipeline.from_crawler(crawler)


@pytest.mark.parametrize("store_pages", [True, False])
def test_the_pipeline_writes_raw_pages_to_pages_never_to_articles(
    mongo_uri, mongo_db_name, raw, tmp_path, store_pages
):
    pipeline = pipeline_for(mongo_uri, mongo_db_name, tmp_path, STORE_PAGES=store_pages)
    item = ArticleItem(
        url="https://radartangsel.test/a/",
        site="radartangsel",
        content_hash="h",
        fetched_at=T0,
        raw_pages=[
            {k: v for k, v in page(url).items() if k not in ("article_url", "site")}
            for url in (
                "https://radartangsel.test/a/?utm_source=x",
                "https://radartangsel.test/a/2/",
            )
        ],
    )

    async def crawl() -> None:
        await pipeline.open_spider()
        await pipeline.process_item(item)
        await pipeline.close_spider()

    asyncio.run(crawl())
    assert "raw_pages" not in raw.articles.find_one({"url": item["url"]})
    pages = list(raw.pages.find({}, {"_id": 0, "url": 1, "article_url": 1, "site": 1}))
    if store_pages:
        assert {p["article_url"] for p in pages} == {item["url"]}
        assert {p["site"] for p in pages} == {"radartangsel"}
        assert pipeline.stats.get_value("store/pages") == 2
    else:
        assert pages == []


def test_stats_are_made_fit_for_bson():
    stats = {
        "downloader/exception_type_count/twisted.internet.error.DNSLookupError": 2,
        "$weird": {"a.b": timedelta(seconds=1.5)},
        "start_time": datetime(2024, 5, 1, 8, 0),  # naive: Scrapy's are aware, some are not
        "finish_time": T1,
        "huge": 2**70,
        "set": {"x"},
        "obj": object,
    }
    safe = bson_safe(stats)
    assert safe["downloader/exception_type_count/twisted_internet_error_DNSLookupError"] == 2
    assert safe["_weird"] == {"a_b": 1.5}
    assert safe["start_time"] == T0 and safe["finish_time"] == T1
    assert safe["huge"] == str(2**70) and safe["set"] == ["x"] and safe["obj"] == str(object)


def test_the_run_document_counts_from_the_final_stats():
    stats = {
        "store/new": 3,
        "store/updated": 1,
        "store/unchanged": 2,
        "store/pages": 7,
        "articles/dropped/no_body": 1,
        "articles/dropped/http_404": 2,
        "store/dropped/no_url": 1,
        "item_dropped_count": 2,  # the same drops as the pipeline's no_body/no_url: not added
    }
    run = run_document("r1", "radartangsel", T0, T1, "closespider_timeout", stats)
    assert run["counts"] == {
        "new": 3,
        "updated": 1,
        "unchanged": 2,
        "spooled": 0,
        "unwritten": 0,
        "pages": 7,
        "dropped": 4,
    }
    assert (run["started_at"], run["finished_at"], run["finish_reason"]) == (
        T0,
        T1,
        "closespider_timeout",
    )


# Stops itself after 150 items: the last 50 are written when the pipeline closes, after the
# reason is known and before spider_closed, so the run must count all 150.
SPIDER = items_spider(150, then_close="enough_items")


def test_a_crawl_records_its_run_through_the_shared_embedded_server(tmp_path):
    spider = tmp_path / "store_items.py"
    spider.write_text(SPIDER)
    data_dir = tmp_path / "mongo"
    result = run_scrapy(
        "runspider",
        str(spider),
        MONGO_EMBEDDED_DIR=str(data_dir),
        STORE_SPOOL_PATH=str(tmp_path / "spool.jsonl"),
        STORE_FLUSH_INTERVAL="60",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(r"Store: run [0-9a-f]{32} recorded in the embedded store", result.stderr)
    assert not (data_dir / "server.json").exists()  # stopped by its last user, the recorder
    # One server for the pipeline, the recorder (and any other user): started once, and
    # announced once although every user of this process joins it.
    pids = re.findall(r"embedded SecantusDB server \(pid (\d+),", result.stderr)
    assert len(pids) == 1

    with EmbeddedServer(data_dir) as uri, MongoClient(uri, tz_aware=True) as client:
        (run,) = client.news.runs.find({}, {"_id": 0})
    assert run["spider"] == "store_items" and run["finish_reason"] == "enough_items"
    assert run["counts"]["new"] == 150 and run["counts"]["spooled"] == 0
    assert run["stats"]["item_scraped_count"] == 150
    assert run["started_at"] <= run["finished_at"]


def test_a_store_gone_at_close_spools_the_run_and_does_not_fail(mongo_uri, mongo_db_name, tmp_path):
    spool = Spool(tmp_path / "spool.jsonl")
    port = free_port()
    server = start_secantusd(port, tmp_path / "db")
    crawler = project_crawler(
        MONGO_URI=f"mongodb://127.0.0.1:{port}/?directConnection=true",
        MONGO_DATABASE=mongo_db_name,
        MONGO_TIMEOUT_MS=300,
        STORE_SPOOL_PATH=str(spool.path),
    )
    recorder = RunRecorder.from_crawler(crawler)
    connection = StoreConnection.of(crawler)
    spider = Spider(name="some_site")

    async def crawl() -> None:
        await connection.open()  # as the store pipeline opens it
        recorder.spider_opened(spider)
        recorder.engine_started()
        stop_process(server)  # the store goes away before the crawl ends
        await recorder.spider_closed(spider, "finished")
        await connection.close()

    asyncio.run(crawl())
    assert crawler.stats.get_value("store/spooled_runs") == 1
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        assert spool.replay(store).runs == 1
    with MongoClient(mongo_uri) as client:
        run = client[mongo_db_name].runs.find_one()
        assert (run["spider"], run["finish_reason"]) == ("some_site", "finished")
        # The run document says what the crawl exits with: 3, its record is in the spool.
        assert run["outcome"] == {"status": "spooled", "exit_status": 3, "reason": ""}
        client.drop_database(mongo_db_name)


def test_each_crawl_starts_by_deleting_the_pages_past_the_retention(
    mongo_uri, mongo_db_name, raw, tmp_path
):
    recent = datetime.now(UTC) - timedelta(days=1)
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        store.upsert_pages(
            [
                page("https://radartangsel.test/old/"),
                page("https://radartangsel.test/new/", at=recent),
            ]
        )
    pipeline = pipeline_for(mongo_uri, mongo_db_name, tmp_path, STORE_PAGES_RETENTION_DAYS=90)

    async def crawl() -> None:
        await pipeline.open_spider()
        await pipeline.close_spider()

    asyncio.run(crawl())
    assert [doc["url"] for doc in raw.pages.find()] == ["https://radartangsel.test/new/"]
    assert pipeline.stats.get_value("store/pages_expired") == 1
