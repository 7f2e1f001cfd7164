"""`scrapy reparse`: stored raw pages extracted again with the current code. One crawl of the
replica (a subprocess, into the session server) supplies the pages; every test works on a copy
of what it stored."""

from __future__ import annotations

import uuid
import zlib
from datetime import UTC, date, datetime, timedelta

import pytest
from pymongo import MongoClient
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings

from crawler.reextract import reparse_stored
from crawler.site import Site
from crawler.spiders.base import site_spider
from crawler.store import ArticleStore
from crawler.themes.registry import VersionedParser
from crawler.themes.tagdiv import TagDivClassic, TagDivComposer
from tests.conftest import free_port
from tests.crawl import run_scrapy

COPIED = ("articles", "pages")


@pytest.fixture(scope="module")
def crawled(mongo_uri, tmp_path_factory):
    """The database a crawl of the replica filled."""
    from replica import ReplicaServer

    database = f"reparse_{uuid.uuid4().hex[:8]}"
    with ReplicaServer() as replica:
        result = run_scrapy(
            "crawl",
            "radartangsel",
            "-a",
            f"base_url={replica.url}",
            MONGO_URI=mongo_uri,
            MONGO_DATABASE=database,
            STORE_SPOOL_PATH=str(tmp_path_factory.mktemp("spool") / "articles.jsonl"),
        )
    assert result.returncode == 0, result.stderr[-3000:]
    yield database
    with MongoClient(mongo_uri) as client:
        client.drop_database(database)


@pytest.fixture
def db(mongo_uri, crawled, mongo_db_name):
    """A copy of the crawled database, for one test to change."""
    with MongoClient(mongo_uri, tz_aware=True) as client:
        for name in COPIED:
            client[mongo_db_name][name].insert_many(client[crawled][name].find())
        yield client[mongo_db_name]
        client.drop_database(mongo_db_name)


@pytest.fixture
def store(mongo_uri, db):
    with ArticleStore(mongo_uri, db.name) as store:
        store.ensure_indexes()
        yield store


@pytest.fixture(scope="module")
def spiders():
    return get_spider_loader(get_project_settings())


def test_the_current_code_gives_back_what_the_crawl_stored(store, db, spiders):
    before = {doc["url"]: doc for doc in db.articles.find({}, {"_id": 0})}
    assert any(doc["pages"] > 1 for doc in before.values())  # multi-page articles included

    counts = reparse_stored(store, spiders, batch_size=7)
    assert (counts.changed, counts.unchanged, counts.failed) == (0, len(before), 0)
    assert {doc["url"]: doc for doc in db.articles.find({}, {"_id": 0})} == before


def test_a_code_change_makes_new_versions_without_counting_a_fetch(store, db, spiders, monkeypatch):
    parser = spiders.load("radartangsel").site.parser
    fixed = parser.get_title
    monkeypatch.setattr(parser, "get_title", lambda self: f"{fixed(self)} (diperbaiki)")
    multi = db.articles.find_one({"pages": {"$gt": 1}}, {"_id": 0})
    first_page = db.pages.find_one({"article_url": multi["url"], "page": 1})

    counts = reparse_stored(store, spiders)
    assert (counts.changed, counts.unchanged, counts.failed) == (
        db.articles.count_documents({}),
        0,
        0,
    )
    now = store.get(multi["url"])
    assert now["title"] == f"{multi['title']} (diperbaiki)"
    assert now["body"] == multi["body"] and now["pages"] == multi["pages"]
    assert now["version"] == 2 and now["content_hash"] != multi["content_hash"]
    assert (now["last_seen"], now["fetch_count"]) == (multi["last_seen"], multi["fetch_count"])
    assert now["fetched_at"] == first_page["fetched_at"]
    (previous,) = store.versions(multi["url"])
    assert (previous["version"], previous["title"]) == (1, multi["title"])


def test_an_article_the_current_code_cannot_extract_is_left_as_it_is(store, db, spiders, caplog):
    victim = db.articles.find_one({"pages": 1}, {"_id": 0})
    empty = zlib.compress(b"<html><body><p>nothing here</p></body></html>")
    db.pages.update_one({"article_url": victim["url"]}, {"$set": {"body": empty}})

    counts = reparse_stored(store, spiders)
    assert (counts.failed, counts.changed) == (1, 0)
    assert counts.unchanged == db.articles.count_documents({}) - 1
    assert store.get(victim["url"]) == victim
    assert any(victim["url"] in r.message and "left as it is" in r.message for r in caplog.records)


def test_site_and_since_select_what_is_reparsed(store, spiders):
    total = store.count()
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert reparse_stored(store, spiders, site="bantennews").reparsed == 0
    assert reparse_stored(store, spiders, since=tomorrow).reparsed == 0
    since = datetime.now(UTC) - timedelta(days=1)
    assert reparse_stored(store, spiders, site="radartangsel", since=since).reparsed == total


def test_the_command_prints_its_counts(mongo_uri, db, store):
    result = run_scrapy(
        "reparse", "--site", "radartangsel", MONGO_URI=mongo_uri, MONGO_DATABASE=db.name
    )
    assert result.returncode == 0, result.stderr[-3000:]
    total = store.count()
    assert (
        result.stdout.strip()
        == f"re-parsed {total} articles: 0 changed, {total} unchanged, 0 failed"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2024-13-01"], "since must be a date as YYYY-MM-DD, got '2024-13-01'"),
        (["--site", "nowhere"], "unknown site 'nowhere' (sites: bantennews, radartangsel"),
    ],
)
def test_bad_input_is_one_line_and_status_2(args, message, mongo_uri):
    result = run_scrapy("reparse", *args, MONGO_URI=mongo_uri)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"scrapy reparse: error: {message}")


def test_an_unavailable_store_is_one_line_and_status_1():
    uri = f"mongodb://127.0.0.1:{free_port()}/?directConnection=true"
    result = run_scrapy("reparse", MONGO_URI=uri, MONGO_TIMEOUT_MS="300")
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("scrapy reparse: the store is unavailable: MongoDB at")


class OneSite:
    """A spider loader of one site: what reparse_stored asks of the registry."""

    def __init__(self, site: Site) -> None:
        self.spider = site_spider(site)

    def load(self, name: str) -> type:
        assert name == self.spider.name
        return self.spider


def test_stored_pages_are_read_with_the_version_valid_when_they_were_fetched(store, db):
    """The replica's pages come in both tagDiv templates: as if Radar Tangsel had moved from the
    classic template to Composer, classic pages are stored as fetched before the redesign and
    Composer pages after it; a two-version parser then gives back what the crawl stored."""
    redesign = date(2024, 3, 31)

    class RadarTangselVersions(VersionedParser):
        class Classic(TagDivClassic):
            valid_until = redesign

        class Composer(TagDivComposer):
            pass

    site = Site(name="radartangsel", parser=RadarTangselVersions, rest_api=False)
    composer = {
        page["article_url"]
        for page in db.pages.find({"page": 1})
        if b"tdb_single_content" in zlib.decompress(page["body"])
    }
    total = db.articles.count_documents({})
    assert 0 < len(composer) < total
    before = datetime(2024, 3, 31, 16, 59, tzinfo=UTC)  # 23:59 WIB, the redesign's last minute
    after = before + timedelta(minutes=1)
    for url in db.pages.distinct("article_url"):
        db.pages.update_many(
            {"article_url": url}, {"$set": {"fetched_at": after if url in composer else before}}
        )

    counts = reparse_stored(store, OneSite(site))
    assert (counts.changed, counts.unchanged, counts.failed) == (0, total, 0)

    # Fetched after the redesign, a classic page is read by the Composer version: no body.
    db.pages.update_many({}, {"$set": {"fetched_at": after}})
    counts = reparse_stored(store, OneSite(site))
    assert (counts.changed, counts.failed) == (0, total - len(composer))
