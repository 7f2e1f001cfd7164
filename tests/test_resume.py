"""Resume: a crawl killed with SIGKILL and started again with the same JOBDIR stores every
article exactly once (crawler/dupefilter.py, crawler/incremental.py)."""

from __future__ import annotations

import pickle
import re
import time
from datetime import UTC, datetime

from scrapy.utils.request import request_from_dict
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem
from crawler.meta import DISCOVERED
from crawler.spiders.base import MultiPageArticle, site_spider
from crawler.spiders.radartangsel import SITE as RADAR_TANGSEL
from crawler.store import ArticleStore
from replica import ReplicaOptions, ReplicaServer
from tests.crawl import run_scrapy, start_scrapy

GENERATED = 300
KILL_AT = 50  # stored articles


def test_requests_survive_the_job_directory_queue():
    """JOBDIR pickles pending requests: a discovered article and an article half fetched."""
    spider = site_spider(RADAR_TANGSEL).from_crawler(get_crawler(), base_url="http://news.example")
    now = datetime.now(UTC)
    discovered = next(spider.article_request("http://news.example/a/?utm_source=x", now, "feed"))
    state = MultiPageArticle(
        item=ArticleItem(url="http://news.example/b/", title="B", published_at=now),
        bodies=["<p>1</p>"],
        raw_pages=[{"url": "http://news.example/b/", "body": b"<html>", "fetched_at": now}],
        pending=[(2, "http://news.example/b/2/"), (3, "http://news.example/b/3/")],
    )
    later_page = next(spider.continue_article(state))
    for request in (discovered, later_page):
        queued = pickle.loads(pickle.dumps(request.to_dict(spider=spider), protocol=4))
        restored = request_from_dict(queued, spider=spider)
        assert (restored.url, restored.callback, restored.priority) == (
            request.url, request.callback, request.priority,
        )  # fmt: skip
    assert restored.meta["article"].item["title"] == "B"
    assert restored.meta["article"].pending == [(3, "http://news.example/b/3/")]
    assert (
        request_from_dict(
            pickle.loads(pickle.dumps(discovered.to_dict(spider=spider))), spider=spider
        ).meta[DISCOVERED]
        == discovered.meta[DISCOVERED]
    )


def test_a_killed_crawl_resumed_with_its_jobdir_stores_every_article_once(
    tmp_path, mongo_uri, mongo_db_name
):
    settings = {
        "MONGO_URI": mongo_uri,
        "MONGO_DATABASE": mongo_db_name,
        "JOBDIR": str(tmp_path / "job"),
        "STORE_BATCH_SIZE": "10",  # articles reach the store while the crawl runs
    }
    with (
        ReplicaServer(extra_articles=GENERATED, options=ReplicaOptions(broken_pages=False)) as site,
        ArticleStore(mongo_uri, mongo_db_name) as store,
    ):
        args = ("crawl", "radartangsel", "-a", f"base_url={site.url}")
        # Slowly, so that the kill lands in the middle of the crawl.
        process = start_scrapy(*args, CONCURRENT_REQUESTS="2", **settings)
        try:
            deadline = time.monotonic() + 120
            while store.count() < KILL_AT and process.poll() is None:
                assert time.monotonic() < deadline, "no article stored in 2 minutes"
                time.sleep(0.05)
            assert process.poll() is None, "the crawl ended before it could be killed"
            process.kill()  # SIGKILL: no clean shutdown, no saved queue
        finally:
            process.communicate()
        stored_before = store.count()
        assert stored_before < len(site.site.posts)

        resumed = run_scrapy(*args, **settings)
        assert resumed.returncode == 0, resumed.stderr[-4000:]
        served = set(site.site.article_urls())
        urls = [doc["url"] for doc in store.find({}, fields=["url"])]
    assert len(urls) == len(set(urls)) == len(served)
    assert set(urls) == served
    skipped = re.search(r"'incremental/skipped_known': (\d+)", resumed.stderr)
    assert skipped and int(skipped.group(1)) >= stored_before  # not fetched again
