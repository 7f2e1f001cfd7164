"""ArticleStore against a real server (the `mongo_uri` fixture). What is on the server is read
back with a plain pymongo client too: an independent view of the documents the store wrote."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest
from pymongo.errors import DuplicateKeyError

from crawler.store import ArticleStore, StoreError, UpsertCounts
from crawler.store.errors import mask_uri
from tests.conftest import free_port

T0 = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
T1 = T0 + timedelta(days=1)
T2 = T0 + timedelta(days=2)
WIB = timezone(timedelta(hours=7))


def article(slug: str, **fields) -> dict:
    return {
        "url": f"https://radartangsel.test/{slug}/",
        "site": "radartangsel",
        "title": f"Judul {slug}",
        "body": f"Isi berita {slug}.",
        "authors": ["Redaksi"],
        "tags": ["tangsel"],
        "published_at": datetime(2024, 4, 30, 3, 15, tzinfo=UTC),
        "fetched_at": T0,
        "content_hash": f"hash-{slug}-1",
        "complete": True,
        **fields,
    }


@pytest.fixture
def store(mongo_uri, mongo_db_name, raw):
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        store.ensure_indexes()
        yield store


def test_indexes_are_idempotent_and_url_is_unique(mongo_uri, mongo_db_name, raw, caplog):
    with caplog.at_level(logging.INFO), ArticleStore(mongo_uri, mongo_db_name) as store:
        store.ensure_indexes()
        store.ensure_indexes()
    indexes = raw.articles.index_information()
    assert indexes["url_unique"]["unique"] is True
    assert indexes["site_published_at"]["key"] == [("site", 1), ("published_at", -1)]
    assert indexes["site_last_seen"]["key"] == [("site", 1), ("last_seen", 1)]
    assert indexes["tags"]["key"] == [("tags", 1)]
    assert raw.article_versions.index_information()["url_version"]["unique"] is True
    # A text index where the server has them (MongoDB); said once where it has not (SecantusDB).
    assert ("title_body_text" in indexes) is store.supports_text_search
    said = [record for record in caplog.records if "no text indexes" in record.message]
    assert len(said) == (0 if store.supports_text_search else 1)
    # `articles search` works without them: the line says how, not that search is off.
    assert all("articles search` matches the words" in record.message for record in said)
    assert not any("search is off" in record.message for record in caplog.records)

    raw.articles.insert_one({"url": "https://radartangsel.test/a/"})
    with pytest.raises(DuplicateKeyError):
        raw.articles.insert_one({"url": "https://radartangsel.test/a/"})


def test_new_articles_get_their_bookkeeping(store):
    counts = store.upsert_articles([article("a"), article("b")], now=T0)
    assert counts == UpsertCounts(new=2, updated=0, unchanged=0)
    stored = store.get(article("a")["url"])
    assert stored == {
        **article("a"),
        "first_seen": T0,
        "last_seen": T0,
        "fetch_count": 1,
        "version": 1,
    }


def test_an_unchanged_article_only_moves_last_seen_and_fetch_count(store):
    store.upsert_articles([article("a")], now=T0)
    # Same content_hash: a new view count is not a new version, and is not written either.
    again = article("a", view_count=999, fetched_at=T1)
    assert store.upsert_articles([again], now=T1) == UpsertCounts(unchanged=1)
    stored = store.get(again["url"])
    assert (stored["first_seen"], stored["last_seen"]) == (T0, T1)
    assert (stored["fetch_count"], stored["version"]) == (2, 1)
    assert "view_count" not in stored and stored["fetched_at"] == T0
    assert store.versions(again["url"]) == []


def test_an_unchanged_article_crawled_under_another_site_name_moves_to_it(store):
    # `scrapy crawl wordpress -a name=replica` over articles stored under the host's name: the
    # run says `site: replica`, and so must the documents.
    store.upsert_articles([article("a", site="127.0.0.1")], now=T0)
    again = article("a", site="replica", fetched_at=T1)
    assert store.upsert_articles([again], now=T1) == UpsertCounts(unchanged=1)
    assert store.get(again["url"])["site"] == "replica"
    assert store.versions(again["url"]) == []


def test_get_first_reads_the_first_stored_of_several_urls_in_their_order(store):
    store.upsert_articles([article("a"), article("b")], now=T0)
    a, b = article("a")["url"], article("b")["url"]
    missing = "https://radartangsel.test/nothing/"
    assert store.get_first([missing, b, a])["url"] == b
    assert store.get_first([missing]) is None


def test_a_changed_article_gets_a_new_version_and_keeps_the_old_values(store):
    store.upsert_articles([article("a"), article("b")], now=T0)
    fixed = article(
        "b",
        title="Judul b (ralat)",
        body="Isi berita b, diperbaiki.",
        content_hash="hash-b-2",
        fetched_at=T1,
    )
    assert store.upsert_articles([article("a", fetched_at=T1), fixed], now=T1) == UpsertCounts(
        updated=1, unchanged=1
    )
    stored = store.get(fixed["url"])
    assert stored["title"] == "Judul b (ralat)" and stored["body"] == "Isi berita b, diperbaiki."
    assert (stored["first_seen"], stored["last_seen"], stored["fetched_at"]) == (T0, T1, T1)
    assert (stored["fetch_count"], stored["version"]) == (2, 2)
    assert store.versions(fixed["url"]) == [
        {
            "url": fixed["url"],
            "version": 1,
            "fetched_at": T0,
            "content_hash": "hash-b-1",
            "replaced_at": T1,
            "title": "Judul b",
            "body": "Isi berita b.",
        }
    ]

    third = {
        **fixed,
        "body": "Isi berita b, versi tiga.",
        "content_hash": "hash-b-3",
        "fetched_at": T2,
    }
    assert store.upsert_articles([third], now=T2) == UpsertCounts(updated=1)
    assert [v["version"] for v in store.versions(fixed["url"])] == [1, 2]
    assert store.get(fixed["url"])["version"] == 3


def test_the_last_item_of_a_url_in_a_batch_wins(store):
    counts = store.upsert_articles([article("a"), article("a", title="Later")], now=T0)
    assert counts == UpsertCounts(new=1)
    assert store.get(article("a")["url"])["title"] == "Later"


def test_datetimes_come_back_as_aware_utc(store):
    in_wib = datetime(2024, 4, 30, 10, 15, 30, 123456, tzinfo=WIB)
    store.upsert_articles([article("a", published_at=in_wib)], now=T0)
    stored = store.get(article("a")["url"])["published_at"]
    assert stored.utcoffset() == timedelta(0)
    assert stored == in_wib.replace(microsecond=123000)  # BSON dates keep milliseconds


def test_known_urls_in_one_lookup(store):
    store.upsert_articles([article("a"), article("b", complete=False)], now=T0)
    urls = [article(slug)["url"] for slug in ("a", "b", "unknown", "a")]
    known = store.known_urls(urls)
    assert set(known) == {article("a")["url"], article("b")["url"]}
    assert known[article("b")["url"]] == {
        "content_hash": "hash-b-1",
        "published_at": datetime(2024, 4, 30, 3, 15, tzinfo=UTC),
        "complete": False,
        "last_seen": T0,
        "refetch_reason": "incomplete",  # what it lacks, no refetch yet
        "refetch_count": 0,
    }
    assert store.known_urls([]) == {}


def test_find_count_get(store):
    older = article("old", published_at=T0 - timedelta(days=9))
    store.upsert_articles([article("a"), older, article("x", site="bantennews")], now=T0)
    assert store.count() == 3
    assert store.count({"site": "radartangsel"}) == 2
    newest = list(
        store.find({"site": "radartangsel"}, sort=[("published_at", -1)], limit=1, fields=["url"])
    )
    assert newest == [{"url": article("a")["url"]}]
    assert store.get("https://radartangsel.test/nothing/") is None


def test_a_document_the_server_cannot_take_is_a_store_error(store):
    with pytest.raises(StoreError) as error:
        store.upsert_articles([article("a", tags={"a set"})], now=T0)
    assert error.value.retryable is False


def test_unreachable_server_fails_fast_with_the_uri():
    uri = f"mongodb://127.0.0.1:{free_port()}/?directConnection=true"
    store = ArticleStore(uri, "news", timeout_ms=300)
    started = time.monotonic()
    with pytest.raises(StoreError, match="did not answer within 300 ms") as error:
        store.check()
    assert time.monotonic() - started < 3
    assert uri in str(error.value) and "Topology" not in str(error.value)
    assert error.value.retryable is True
    store.close()


@pytest.mark.parametrize(
    "uri",
    ["http://127.0.0.1:27017", "mongodb://user:s3cret@127.0.0.1:99999", "mongodb://a:b:s3cret@"],
)
def test_malformed_uri_is_a_store_error_without_the_password(uri):
    with pytest.raises(StoreError, match="malformed MongoDB URI") as error:
        ArticleStore(uri, "news")
    assert "s3cret" not in str(error.value)


def test_rejected_credentials_are_a_store_error(mongo_uri):
    if "@" in mongo_uri:
        pytest.skip("MONGO_URI already carries credentials")
    uri = mongo_uri.replace("mongodb://", "mongodb://nobody:s3cret@", 1)
    store = ArticleStore(uri, "news", timeout_ms=2000)
    with pytest.raises(StoreError, match="rejected the credentials") as error:
        store.check()
    store.close()
    assert "nobody:***@" in str(error.value) and "s3cret" not in str(error.value)


@pytest.mark.parametrize(
    ("uri", "shown"),
    [
        ("mongodb://u:p%40ss@h:1/db", "mongodb://u:***@h:1/db"),
        ("mongodb+srv://u:pa/ss@h/", "mongodb+srv://u:***@h/"),
        ("mongodb://u@h/", "mongodb://u@h/"),
        ("mongodb://h:27017/?directConnection=true", "mongodb://h:27017/?directConnection=true"),
    ],
)
def test_mask_uri(uri, shown):
    assert mask_uri(uri) == shown


def test_an_article_stored_between_the_lookup_and_the_write_is_not_lost(store, monkeypatch):
    store.upsert_articles([article("a")], now=T0)
    lookup = store._stored
    calls = []

    def blind_once(urls):  # another writer stored "a" just after this lookup
        calls.append(urls)
        return {} if len(calls) == 1 else lookup(urls)

    monkeypatch.setattr(store, "_stored", blind_once)
    counts = store.upsert_articles([article("a", fetched_at=T1), article("b")], now=T1)
    assert counts == UpsertCounts(new=1, unchanged=1)
    assert store.get(article("a")["url"])["fetch_count"] == 2
    assert store.count() == 2


def test_a_fetch_no_newer_than_last_seen_is_not_written_again(store):
    store.upsert_articles([article("a", fetched_at=T1)], now=T1)
    replayed = [article("a", fetched_at=T1), article("a", fetched_at=T0, content_hash="older")]
    for item in replayed:
        assert store.upsert_articles([item], now=T2) == UpsertCounts(stale=1)
    stored = store.get(article("a")["url"])
    assert (stored["fetch_count"], stored["version"], stored["last_seen"]) == (1, 1, T1)


def test_a_reextraction_is_not_a_fetch(store):
    store.upsert_articles([article("a")], now=T0)
    same = store.upsert_articles([article("a")], now=T1, fetched=False)
    assert same == UpsertCounts(unchanged=1)
    fixed = article("a", title="Judul a (ralat)", content_hash="hash-a-2")
    assert store.upsert_articles([fixed], now=T1, fetched=False) == UpsertCounts(updated=1)
    stored = store.get(fixed["url"])
    assert (stored["title"], stored["version"]) == ("Judul a (ralat)", 2)
    assert (stored["last_seen"], stored["fetch_count"]) == (T0, 1)
    assert store.versions(fixed["url"])[0]["title"] == "Judul a"


def test_refetches_that_bring_the_same_lack_are_counted_and_given_up(store, raw):
    url = article("a")["url"]
    for n, fetched_at in enumerate((T0, T1, T2, T2 + timedelta(days=1))):
        counts = store.upsert_articles(
            [article("a", published_at=None, fetched_at=fetched_at)], max_refetches=3
        )
        doc = raw.articles.find_one({"url": url})
        assert (doc["refetch_reason"], doc["refetch_count"]) == ("no_date", n)
        assert counts.given_up == ((url, "no_date"),) if n == 3 else not counts.given_up
    assert counts.given_up == ((url, "no_date"),)  # named once: when the count reaches 3
    # A refetch that brings the date ends the count.
    store.upsert_articles([article("a", fetched_at=T2 + timedelta(days=2))], max_refetches=3)
    doc = raw.articles.find_one({"url": url})
    assert "refetch_reason" not in doc and "refetch_count" not in doc
    assert doc["published_at"] is not None
