"""The spool: exact round trips, idempotent and crash-safe replays against a real server, and
a crawl of the replica whose store dies midway, then `scrapy store replay`."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from pymongo import MongoClient

from crawler.store import ArticleStore
from crawler.store.spool import Spool, article_record, run_record
from tests.conftest import free_port, start_secantusd, stop_process
from tests.crawl import run_scrapy, start_scrapy

T0 = datetime(2024, 5, 1, 8, 0, 0, 123456, tzinfo=UTC)


def fetched(n: int, *, at: datetime = T0, db: str) -> dict:
    """The record of a fetched two-page article, as the store pipeline spools it."""
    url = f"https://radartangsel.test/{n}/"
    article = {
        "url": url,
        "site": "radartangsel",
        "title": f"Judul {n}",
        "body": f"Isi {n}",
        "published_at": datetime(2024, 4, 30, 3, 15, tzinfo=UTC),
        "tags": ["tangsel"],
        "content_hash": f"hash-{n}",
        "fetched_at": at,
    }
    pages = [
        {
            "url": url if page == 1 else f"{url}{page}/",
            "article_url": url,
            "site": "radartangsel",
            "page": page,
            "status": 200,
            "headers": {"Content-Type": "text/html; charset=UTF-8"},
            "body": f"<html>halaman {page} \u00e9\x00</html>".encode(),
            "fetched_at": at,
        }
        for page in (1, 2)
    ]
    return article_record(db, article, pages)


@pytest.fixture
def spool(tmp_path) -> Spool:
    return Spool(tmp_path / "spool" / "articles.jsonl")


@pytest.fixture
def store(mongo_uri, mongo_db_name):
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        store.ensure_indexes()
        yield store
    with MongoClient(mongo_uri) as client:
        client.drop_database(mongo_db_name)


def test_records_round_trip_exactly_as_bson_would_store_them(spool, store):
    record = fetched(1, db=store.database)
    spool.append([record])
    assert spool.pending() == 1
    result = spool.replay(store)
    assert (result.articles.new, result.pages, result.kept) == (1, 2, 0)
    assert not spool.path.exists() and not spool.replaying.exists()

    stored = store.get(record["article"]["url"])
    assert stored["fetched_at"] == T0.replace(microsecond=123000)  # BSON keeps milliseconds
    assert stored["fetched_at"].utcoffset() == timedelta(0)
    assert stored["first_seen"] == stored["last_seen"] == stored["fetched_at"]
    pages = store.article_pages([record["article"]["url"]])[record["article"]["url"]]
    assert [page["body"] for page in pages] == [page["body"] for page in record["pages"]]


def test_a_replay_interrupted_midway_is_finished_next_time_and_writes_once(spool, store):
    records = [fetched(n, db=store.database) for n in range(5)]
    spool.append(records[:3])
    spool.replay(store)
    # As if a replay died after writing the first three: they are in .replaying again, and
    # more records were spooled since.
    spool.append(records[:3])
    spool.path.replace(spool.replaying)
    spool.append(records[3:])

    result = spool.replay(store)
    assert (result.articles.new, result.articles.stale, result.kept) == (2, 3, 0)
    assert store.count() == 5
    assert {doc["fetch_count"] for doc in store.find()} == {1}  # written once, not counted twice
    assert spool.pending() == 0 and not spool.replaying.exists()
    assert not spool.replay(store).articles_written  # nothing left: a no-op


def test_records_of_another_database_and_unreadable_lines_are_kept_apart(spool, store, mongo_uri):
    run = {"run_id": "r1", "spider": "radartangsel", "started_at": T0}
    spool.append([fetched(1, db="elsewhere"), fetched(2, db=store.database)])
    spool.append([run_record(store.database, run)])
    with open(spool.path, "a") as file:
        file.write('{"database": "cut short by a cra\n')

    result = spool.replay(store)
    assert (result.articles.new, result.runs, result.kept, result.rejected) == (1, 1, 1, 1)
    assert spool.pending() == 1  # the other database's record waits for a replay there
    assert spool.rejected.read_text().startswith('{"database": "cut short')
    with MongoClient(mongo_uri, tz_aware=True) as client:
        assert client[store.database].runs.find_one({"run_id": "r1"}, {"_id": 0}) == {
            **run,
            "started_at": T0.replace(microsecond=123000),
        }


def test_a_record_the_server_refuses_keeps_only_itself_in_the_spool(spool, store):
    too_big = fetched(2, db=store.database)
    too_big["article"]["body"] = "x" * (17 * 1024 * 1024)  # over the 16 MB BSON limit
    spool.append([fetched(1, db=store.database), too_big, fetched(3, db=store.database)])

    result = spool.replay(store)
    # Counted as written once, whether the server took them in the batch (then the one by one
    # retry finds them stored) or the driver refused the batch before sending it.
    assert (result.articles_written, result.kept) == (2, 1)
    assert result.error is not None
    assert spool.pending() == 1
    assert store.count() == 2


def test_appends_during_replays_are_never_lost(spool, store):
    def append(first: int) -> None:
        for n in range(first, first + 100):
            spool.append([fetched(n, db=store.database)])

    writers = [threading.Thread(target=append, args=(first,)) for first in (0, 1000)]
    for writer in writers:
        writer.start()
    while any(writer.is_alive() for writer in writers):
        spool.replay(store, batch_size=7)
    spool.replay(store)
    assert store.count() == 200
    assert spool.pending() == 0


@pytest.mark.slow
def test_the_store_dying_midway_through_a_crawl_loses_no_article(tmp_path):
    from replica import ReplicaServer

    port = free_port()
    uri = f"mongodb://127.0.0.1:{port}/?directConnection=true"
    spool = Spool(tmp_path / "spool" / "articles.jsonl")
    settings = {
        "MONGO_URI": uri,
        "MONGO_DATABASE": "news",
        "MONGO_TIMEOUT_MS": "1000",
        "STORE_SPOOL_PATH": str(spool.path),
        "STORE_BATCH_SIZE": "10",
        "STORE_RETRY_DELAYS": "0.2",
        "STORE_PROBE_INTERVAL": "60",
    }
    # --sync-on-commit, as the embedded store runs: a SIGKILL loses no acknowledged write.
    server = start_secantusd(port, tmp_path / "db", "--sync-on-commit")
    try:
        with ReplicaServer(extra_articles=300) as replica:
            served = set(replica.site.article_urls())
            crawl = start_scrapy(
                "crawl", "radartangsel", "-a", f"base_url={replica.url}", **settings
            )
            wait_for_articles(uri, at_least=40, crawl=crawl)
            server.kill()  # mid-crawl, without warning
            server.wait()
            _, log = crawl.communicate(timeout=300)
        # Exit status 3: finished, but articles are in the spool (cron must notice).
        assert crawl.returncode == 3, log[-3000:]
        assert "Traceback" not in log
        assert spool.pending() > 0

        server = start_secantusd(port, tmp_path / "db", "--sync-on-commit")
        replay = run_scrapy("store", "replay", **settings)
        assert replay.returncode == 0, replay.stderr[-3000:]
        assert "Store: replayed the spool" in replay.stderr  # a WARNING with the counts
        with MongoClient(uri, tz_aware=True) as client:
            news = client.news
            urls = [doc["url"] for doc in news.articles.find({}, {"url": 1})]
            assert len(urls) == len(set(urls))
            assert set(urls) == served
            assert {doc["article_url"] for doc in news.pages.find({}, {"article_url": 1})} == served
            (run,) = news.runs.find()
            assert run["finish_reason"] == "finished" and run["counts"]["spooled"] > 0
        assert spool.pending() == 0 and not spool.path.exists()
    finally:
        stop_process(server)


def wait_for_articles(uri: str, *, at_least: int, crawl, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    with MongoClient(uri, serverSelectionTimeoutMS=2000) as client:
        while client.news.articles.count_documents({}) < at_least:
            assert crawl.poll() is None, "the crawl ended before the server was stopped"
            assert time.monotonic() < deadline, f"fewer than {at_least} articles after {timeout}s"
            time.sleep(0.05)
