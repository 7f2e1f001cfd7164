"""The wordpress spider's REST API path, callback by callback, on the replica's answers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import scrapy
from scrapy import signals
from scrapy.http import HtmlResponse, TextResponse
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem
from crawler.restapi import posts_url
from crawler.spiders.wordpress import WordPressSpider
from replica import ReplicaOptions, ReplicaSite
from replica.routes import route

BASE = "https://radartangsel.example"


@pytest.fixture(scope="module")
def site() -> ReplicaSite:
    return ReplicaSite(BASE, extra_articles=150, options=ReplicaOptions(rest_api=True))


def spider_for(**arguments: str) -> WordPressSpider:
    crawler = get_crawler(WordPressSpider, {"FALLBACK_RESET_CACHES_EVERY": 0})
    return WordPressSpider.from_crawler(crawler, base_url=BASE, **arguments)


def rest_page(site: ReplicaSite, page: int) -> TextResponse:
    url = posts_url(BASE, page)
    answer = route(site, url.removeprefix(BASE))
    headers = {"Content-Type": answer.content_type, **answer.headers}
    return TextResponse(url=url, status=answer.status, headers=headers, body=answer.body)


def split(outputs) -> tuple[list[ArticleItem], list[scrapy.Request]]:
    outputs = list(outputs)
    items = [output for output in outputs if isinstance(output, ArticleItem)]
    return items, [output for output in outputs if isinstance(output, scrapy.Request)]


def test_a_posts_page_gives_its_items_and_asks_for_the_next(site):
    spider = spider_for()
    items, requests = split(spider.parse_rest_posts(rest_page(site, 1), page=1))
    assert len(items) == 100 and {item["extraction"] for item in items} == {"rest"}
    assert [request.url for request in requests] == [posts_url(BASE, 2)]
    items, requests = split(spider.parse_rest_posts(rest_page(site, 2), page=2))
    assert len(items) == len(site.posts) - 100 and requests == []
    assert spider.crawler.stats.get_value("discovery/articles/rest") == len(site.posts)


def test_since_skips_older_posts_and_stops_paging(site):
    cutoff = site.posts[40].published.astimezone(UTC)
    spider = spider_for(since=cutoff.strftime("%Y-%m-%d"))
    items, requests = split(spider.parse_rest_posts(rest_page(site, 1), page=1))
    assert items and all(item["published_at"] >= spider.since for item in items)
    assert len(items) < 100 and requests == []


def test_limit_counts_the_articles_stored_not_those_yielded(site):
    spider = spider_for(limit="5")
    items, _ = split(spider.parse_rest_posts(rest_page(site, 1), page=1))
    assert len(items) == 5  # the others wait: five are on their way to the store
    assert spider.crawler.stats.get_value("articles/skipped/over_limit") == 95  # not silently
    signals_ = spider.crawler.signals
    signals_.send_catch_log(signals.item_dropped, item=items[0], response=None, exception=None)
    again, _ = split(spider.parse_rest_posts(rest_page(site, 1), page=1))
    assert len(again) == 1  # a dropped item frees its place
    for item in items[1:]:
        signals_.send_catch_log(signals.item_scraped, item=item, response=None)
    assert spider.articles_stored == 4 and not spider.limit_reached()


def test_anything_but_posts_falls_back_to_sitemaps_and_feed_once():
    spider = spider_for()
    login_page = HtmlResponse(
        url=posts_url(BASE, 1), body=b"<html><body>Masuk</body></html>", encoding="utf-8"
    )
    _, requests = split(spider.parse_rest_posts(login_page, page=1))
    assert [request.url for request in requests] == [f"{BASE}/robots.txt", f"{BASE}/feed/"]
    assert split(spider.parse_rest_posts(login_page, page=1)) == ([], [])


def test_an_item_from_the_api_is_fetched_now_and_has_no_raw_pages(site):
    items, _ = split(spider_for().parse_rest_posts(rest_page(site, 1), page=1))
    assert all(item["raw_pages"] == [] and item["complete"] for item in items)
    assert all(item["fetched_at"] <= datetime.now(UTC) for item in items)
    assert {item["language"] for item in items} == {"id"}
