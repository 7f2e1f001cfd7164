"""End to end: `scrapy crawl radartangsel` against the replica site on 127.0.0.1, into a real
SecantusDB server, checked document by document against what the replica's articles are."""

from __future__ import annotations

import json
import re

import pytest

from crawler.store import ArticleStore
from replica import ReplicaOptions, ReplicaServer
from replica.content import ARTICLES, expected
from tests.crawl import dumped_drops, dumped_stat, run_scrapy

SEED_TITLE = "Bahas Strategi Melawan Korea Utara"


def crawl(base_url, mongo_uri, db, *args):
    result = run_scrapy(
        "crawl",
        "radartangsel",
        "-a",
        f"base_url={base_url}",
        *args,
        MONGO_URI=mongo_uri,
        MONGO_DATABASE=db,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory, mongo_uri):
    """One crawl of the default replica, shared by the checks below (a crawl takes seconds)."""
    db = "e2e_full"
    output = tmp_path_factory.mktemp("e2e") / "items.jsonl"
    with ReplicaServer() as replica:
        result = crawl(replica.url, mongo_uri, db, "-O", str(output))
        store = ArticleStore(mongo_uri, db)
        yield replica, store, result, output
        store.close()


def test_every_replica_article_is_stored_once_with_correct_fields(full_crawl):
    replica, store, _, _ = full_crawl
    assert store.count({"site": "radartangsel"}) == len(ARTICLES)
    for article in ARTICLES:
        want = expected(article, replica.url)
        stored = store.get(want["url"])
        assert stored is not None, f"not stored: {want['url']}"
        for name, value in want.items():
            assert stored[name] == value, f"{article.slug}: {name}"
        assert stored["complete"] is True
        assert stored["word_count"] == len(want["body"].split())


def test_seed_article_body_is_exactly_the_seed_text(full_crawl, seed_body):
    _, store, _, _ = full_crawl
    (seed,) = store.find({"title": {"$regex": f"^{SEED_TITLE}"}})
    assert seed["body"] == seed_body
    assert seed["comment_count"] == 0
    assert seed["view_count"] == 205
    assert seed["image_caption"].endswith("(foto: istimewa)")


def test_no_boilerplate_reaches_the_store(full_crawl):
    _, store, _, _ = full_crawl
    leaks = re.compile(
        r"BACA JUGA|Baca juga|TINGGALKAN KOMENTAR|Silakan masukkan|Advertisement|Telegram"
        r"|WhatsApp Channel|Google News|ARTIKEL TERKAIT|BERITA TERKAIT|DARI PENULIS|^Editor:",
        re.MULTILINE,
    )
    for doc in store.find({"site": "radartangsel"}):
        assert not leaks.search(doc["body"]), doc["url"]
        assert "<script" not in doc["body_html"] and "<form" not in doc["body_html"]


def test_broken_pages_are_dropped_and_counted_never_crash(full_crawl):
    replica, store, result, _ = full_crawl
    dropped = dumped_drops(result.stderr)
    assert set(dropped) >= {"challenge", "truncated", "bad_encoding", "http_404"}
    assert dropped.keys() & {"no_title", "no_body"}
    for path in replica.site.broken_paths:
        assert store.get(replica.url + path) is None
    assert "Traceback" not in result.stderr


def test_feed_export_writes_one_line_per_article_with_utc_offsets(full_crawl):
    _, _, _, output = full_crawl
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(ARTICLES)
    for line in lines:
        assert line["published_at"].endswith("+00:00"), line["url"]
        assert {"url", "site", "title", "body", "authors", "tags", "pages"} <= set(line)


def test_two_page_article_is_merged_under_its_first_page_url(full_crawl):
    replica, store, _, _ = full_crawl
    multi = [article for article in ARTICLES if len(article.pages) > 1]
    assert multi, "the replica must have a multi-page article"
    for article in multi:
        stored = store.get(expected(article, replica.url)["url"])
        assert stored["pages"] == len(article.pages)
        assert not re.search(r"/\d+/$", stored["url"])


def test_recrawl_never_duplicates(full_crawl, mongo_uri):
    replica, store, _, _ = full_crawl
    crawl(replica.url, mongo_uri, "e2e_full")
    assert store.count({"site": "radartangsel"}) == len(ARTICLES)


def test_listings_are_the_fallback_when_there_is_no_sitemap(mongo_uri, mongo_db_name):
    options = ReplicaOptions(robots_sitemap=False, sitemaps=False, broken_pages=False)
    with ReplicaServer(options=options) as replica:
        result = crawl(replica.url, mongo_uri, mongo_db_name)
    store = ArticleStore(mongo_uri, mongo_db_name)
    assert store.count({"site": "radartangsel"}) == len(ARTICLES)
    assert dumped_stat(result, "discovery/articles/listing") > 0
    store.close()


def test_wp_core_sitemap_without_robots_line(mongo_uri, mongo_db_name):
    options = ReplicaOptions(
        robots_sitemap=False, wp_core_sitemap=True, feed=False, broken_pages=False
    )
    with ReplicaServer(options=options) as replica:
        result = crawl(replica.url, mongo_uri, mongo_db_name)
    assert dumped_stat(result, "discovery/articles/listing") == 0
    store = ArticleStore(mongo_uri, mongo_db_name)
    assert store.count({"site": "radartangsel"}) == len(ARTICLES)
    store.close()


def test_a_page_that_stays_missing_marks_the_article_incomplete(mongo_uri, mongo_db_name):
    multi = next(article for article in ARTICLES if len(article.pages) > 1)
    options = ReplicaOptions(fail_page_two_of=(multi.slug,), broken_pages=False)
    with ReplicaServer(options=options) as replica:
        result = crawl(replica.url, mongo_uri, mongo_db_name)
        url = expected(multi, replica.url)["url"]
    store = ArticleStore(mongo_uri, mongo_db_name)
    stored = store.get(url)
    assert stored["complete"] is False and stored["missing_pages"] == [2]
    assert dumped_stat(result, "articles/incomplete") == 1
    store.close()


def test_limit_and_since(mongo_uri, mongo_db_name):
    newest_four = sorted(ARTICLES, key=lambda article: article.published)[-4:]
    since_day = newest_four[0].published.date()
    with ReplicaServer(options=ReplicaOptions(broken_pages=False)) as replica:
        crawl(replica.url, mongo_uri, mongo_db_name, "-a", "limit=3")
        crawl(replica.url, mongo_uri, mongo_db_name + "_since", "-a", f"since={since_day}")
        want = {
            expected(article, replica.url)["url"]
            for article in ARTICLES
            if article.published.date() >= since_day
        }
    with ArticleStore(mongo_uri, mongo_db_name) as limited:
        assert limited.count({"site": "radartangsel"}) == 3
    with ArticleStore(mongo_uri, mongo_db_name + "_since") as recent:
        assert {doc["url"] for doc in recent.find({"site": "radartangsel"})} == want
    assert len(want) >= 4
