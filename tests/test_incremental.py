"""Incremental crawling (crawler/incremental.py, the discovery of crawler/spiders/base.py): a run
fetches only new, changed and incomplete articles; `-a full=1` fetches everything."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from crawler.dates import parse_until
from crawler.incremental import IncrementalMiddleware, fetch_reason, url_key
from crawler.meta import DISCOVERED, LISTING_NEXT_PAGE, Discovered
from crawler.store import ArticleStore
from replica import ARTICLES, ReplicaOptions, ReplicaServer
from replica.listing import pages_count
from tests.conftest import free_port
from tests.crawl import project_crawler, run_scrapy

NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
STORED = {"content_hash": "h", "published_at": NOW, "complete": True, "last_seen": NOW}
GENERATED = 40
MULTI_PAGE = next(article for article in ARTICLES if len(article.pages) > 1)


def crawl(base_url: str, mongo_uri: str, db: str, *args: str) -> dict[str, int]:
    """`scrapy crawl radartangsel` of the replica at base_url; the counters of its stats."""
    result = run_scrapy(
        "crawl", "radartangsel", "-a", f"base_url={base_url}", *args,
        MONGO_URI=mongo_uri, MONGO_DATABASE=db,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    return {key: int(value) for key, value in re.findall(r"'([\w/.]+)': (\d+)", result.stderr)}


# --- what is worth fetching -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "date", "reason"),
    [
        (None, None, "new"),
        (STORED, None, None),
        (STORED, NOW - timedelta(days=1), None),  # modified before we last fetched it
        (STORED, NOW, None),
        (STORED, NOW + timedelta(minutes=1), "changed"),  # modified since
        ({**STORED, "complete": False}, None, "incomplete"),
        ({**STORED, "content_hash": None}, None, "no_body"),
        ({**STORED, "published_at": None}, None, "no_date"),
        ({**STORED, "last_seen": None}, NOW, "changed"),
    ],
)
def test_fetch_reason(stored, date, reason):
    assert fetch_reason(stored, date) == reason


def test_the_run_tells_urls_apart_by_their_keys():
    url = "http://news.example/2024/01/02/banjir-di-serpong/"
    assert url_key(url) == url_key(url.encode().decode())  # an equal string, another object
    near = [url.rstrip("/"), url.upper(), url + "?page=2", url.replace("serpong", "serpang")]
    assert len({url_key(other) for other in (url, *near)}) == 5
    assert 0 <= url_key(url) < 2**128


def test_until_includes_its_whole_day_in_jakarta():
    assert parse_until("2024-05-03") == datetime(2024, 5, 3, 17, 0, tzinfo=UTC)
    assert parse_until(None) is None
    with pytest.raises(ValueError, match="until must be a date"):
        parse_until("3 Mei 2024")


def test_middleware_looks_urls_up_in_batches_and_stops_paging_known_listings(
    mongo_uri, mongo_db_name
):
    base = "http://news.example"
    known = [f"{base}/2024/01/0{day}/known/" for day in range(1, 5)]
    incomplete = f"{base}/2024/01/05/incomplete/"
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        store.upsert_articles(
            [{"url": url, "content_hash": "h", "published_at": NOW, "complete": True,
              "fetched_at": NOW} for url in known]
            + [{"url": incomplete, "content_hash": "h", "published_at": NOW, "complete": False,
                "fetched_at": NOW}]
        )  # fmt: skip
        crawler = project_crawler(INCREMENTAL_BATCH_SIZE=2)
        middleware = IncrementalMiddleware.from_crawler(crawler)
        middleware.store = store

        def article(url: str, date: datetime | None = None) -> Request:
            return Request(url, meta={DISCOVERED: Discovered(url, "listing", date)})

        def listing_output(*articles: Request) -> list[Request]:
            next_page = Request(f"{base}/page/2/", meta={LISTING_NEXT_PAGE: True})
            category = Request(f"{base}/category/tangsel/")
            response = HtmlResponse(f"{base}/", body=b"<html></html>")

            async def output():
                for element in (*articles, next_page, category):
                    yield element

            async def collect():
                return [r async for r in middleware.process_spider_output(response, output())]

            return asyncio.run(collect())

        all_known = listing_output(*(article(url) for url in known))
        assert [r.url for r in all_known] == [f"{base}/category/tangsel/"]  # no next page

        new = f"{base}/2024/01/06/new/"
        mixed = listing_output(
            article(known[0]),  # known: skipped, not looked up again
            article(known[1], NOW + timedelta(hours=1)),  # a source says: changed since
            article(incomplete),
            article(new),
            article(new),  # listed twice: one request
        )
        assert [r.url for r in mixed] == [
            known[1], incomplete, new,
            f"{base}/category/tangsel/", f"{base}/page/2/",  # held until the page is looked up
        ]  # fmt: skip
        # Already requested or known in this run: known for paging, never requested twice.
        again = listing_output(article(new), article(known[2]), article(known[1]))
        assert [r.url for r in again] == [f"{base}/category/tangsel/"]
    stats = crawler.stats.get_stats()
    assert stats["incremental/lookups"] == 3  # 4 URLs, 2 per lookup; then 2 new to the run
    assert stats["incremental/skipped_known"] == 4
    assert stats["incremental/refetch/changed"] == 1
    assert stats["incremental/refetch/incomplete"] == 1
    assert stats["incremental/new"] == 1
    assert stats["incremental/listing_stopped"] == 2


def test_a_url_two_sources_list_at_the_same_time_is_requested_and_counted_once(
    mongo_uri, mongo_db_name
):
    """The sitemap and the feed read side by side: their lookups run at once, and the second
    to return must not let through (nor count as new) what the first let through meanwhile."""
    url = "http://news.example/2024/01/06/new/"
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        crawler = project_crawler()
        middleware = IncrementalMiddleware.from_crawler(crawler)
        middleware.store = store

        async def source_output(source: str) -> list[Request]:
            async def output():
                yield Request(url, meta={DISCOVERED: Discovered(url, source)})

            response = HtmlResponse(f"http://news.example/{source}/", body=b"<html></html>")
            return [r async for r in middleware.process_spider_output(response, output())]

        async def both() -> list[list[Request]]:
            return list(await asyncio.gather(source_output("sitemap"), source_output("feed")))

        outputs = asyncio.run(both())
    assert sorted(len(requests) for requests in outputs) == [0, 1]
    assert crawler.stats.get_value("incremental/new") == 1


# --- real crawls of the replica -----------------------------------------------------------


@pytest.mark.slow
def test_runs_fetch_only_new_changed_and_incomplete_articles(mongo_uri, mongo_db_name):
    port, total = free_port(), len(ARTICLES) + GENERATED
    broken = ReplicaOptions(broken_pages=False, fail_page_two_of=(MULTI_PAGE.slug,))
    with ReplicaServer(port=port, extra_articles=GENERATED, options=broken) as replica:
        first = crawl(replica.url, mongo_uri, mongo_db_name)
        assert first["store/new"] == total
        assert first["articles/incomplete"] == 1
        # Unchanged site: only the incomplete article is fetched again.
        second = crawl(replica.url, mongo_uri, mongo_db_name)
    assert second["pages/fetched/article"] == 1
    assert second["incremental/refetch/incomplete"] == 1
    assert second.get("incremental/new", 0) == 0
    assert second["incremental/skipped_known"] >= total - 1

    later = ReplicaOptions(
        broken_pages=False,
        fail_page_two_of=(MULTI_PAGE.slug,),
        new_articles=5,
        edited_articles=3,
    )
    with ReplicaServer(port=port, extra_articles=GENERATED, options=later) as replica:
        third = crawl(replica.url, mongo_uri, mongo_db_name)
        # A backfill, bounded by date: every article published up to the until day, stored or not.
        until = datetime(2024, 3, 31, tzinfo=UTC)
        full = crawl(
            replica.url, mongo_uri, mongo_db_name, "-a", "full=1", "-a", "until=2024-03-31"
        )
        wanted = [a for a in replica.site.posts if a.published.astimezone(UTC) < until]
        edited = [replica.url + a.path for a in replica.site.posts if a.modified > NOW]
    assert third["pages/fetched/article"] == 5 + 3 + 1
    assert third["incremental/refetch/changed"] == 3
    assert third["store/new"] == 5
    assert third["store/updated"] == 3
    assert full.get("incremental/skipped_known", 0) == 0
    assert full["store/unchanged"] == len(wanted)
    assert full["articles/skipped/newer_than_until"] > 0
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        assert store.count({"site": "radartangsel"}) == total + 5
        edited = [url for url in edited if store.get(url)["title"].endswith("(Diperbarui)")]
        assert len(edited) == 3
        assert all(len(store.versions(url)) == 1 for url in edited)


@pytest.mark.slow
def test_listing_walk_stops_at_the_first_page_already_known(mongo_uri, mongo_db_name):
    port, generated = free_port(), 80
    no_sitemaps = {"robots_sitemap": False, "sitemaps": False, "feed": False}
    options = ReplicaOptions(broken_pages=False, **no_sitemaps)
    with ReplicaServer(port=port, extra_articles=generated, options=options) as replica:
        first = crawl(replica.url, mongo_uri, mongo_db_name)
    assert first["store/new"] == len(ARTICLES) + generated
    # 12 new articles: on home pages 1 and 2 (10 a page); page 3 is all known, the walk stops.
    later = ReplicaOptions(broken_pages=False, new_articles=12, **no_sitemaps)
    with ReplicaServer(port=port, extra_articles=generated, options=later) as replica:
        second = crawl(replica.url, mongo_uri, mongo_db_name)
        site = replica.site
    assert second["store/new"] == 12
    assert second["pages/fetched/article"] == 12
    assert second["incremental/listing_stopped"] >= 1
    home_pages = pages_count(len(site.posts), later.posts_per_listing)
    whole_walk = home_pages + sum(
        pages_count(len(site.in_category(category.slug)), later.posts_per_listing)
        for category in site.categories_with_posts()
    )
    assert second["discovery/read/listing"] <= whole_walk - (home_pages - 3)
