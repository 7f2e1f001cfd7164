"""The spider's discovery state (crawler/discovery.py): what the spider records, and the named
questions the distributed scheduler asks of it instead of reading spider attributes."""

from __future__ import annotations

from scrapy.utils.test import get_crawler

from crawler.discovery import DiscoveryState
from crawler.spiders.base import site_spider
from crawler.spiders.radartangsel import SITE


def state(limit_reached: bool = False) -> tuple[DiscoveryState, list[str]]:
    walks: list[str] = []
    return DiscoveryState(lambda: walks.append("walk"), lambda: limit_reached), walks


def test_listed_articles_are_counted_per_source_and_handed_out_as_a_copy():
    discovery, _ = state()
    discovery.article_listed("sitemap")
    discovery.article_listed("sitemap")
    discovery.article_listed("feed")
    listed = discovery.listed_articles()
    listed["sitemap"] = 99
    assert discovery.listed_articles() == {"sitemap": 2, "feed": 1}
    assert discovery.listed_by("rest") == 0


def test_child_sitemaps_are_read_newest_first_and_not_past_the_limit():
    discovery, _ = state()
    discovery.queue_child_sitemaps(["/post-sitemap1.xml", "/post-sitemap2.xml"])
    assert discovery.has_child_sitemaps()
    assert discovery.next_child_sitemap() == "/post-sitemap2.xml"
    limited, _ = state(limit_reached=True)
    limited.queue_child_sitemaps(["/post-sitemap1.xml"])
    assert not limited.has_child_sitemaps()


def test_child_sitemaps_of_nested_indexes_wait_their_turn_and_are_bounded():
    """First in, first out: an index that chains to another cannot starve the post sitemaps
    queued before its child (issue #16, point 5); a sitemap is queued once; the run queues
    DISCOVERY_MAX_SITEMAPS at most."""
    discovery, _ = state()
    discovery.max_sitemaps = 4
    assert discovery.queue_child_sitemaps(["/post-sitemap1.xml", "/news-chain-1.xml"]) == 0
    assert discovery.next_child_sitemap() == "/news-chain-1.xml"  # the newest first
    assert discovery.queue_child_sitemaps(["/news-chain-2.xml", "/news-chain-1.xml"]) == 0
    assert discovery.next_child_sitemap() == "/post-sitemap1.xml"  # before the chain goes on
    assert discovery.queue_child_sitemaps(["/news-chain-3.xml", "/news-chain-4.xml"]) == 1
    assert discovery.next_child_sitemap() == "/news-chain-2.xml"
    assert discovery.next_child_sitemap() == "/news-chain-4.xml"
    assert not discovery.has_child_sitemaps()


def test_the_spider_walks_the_listings_once_and_only_without_sitemap_articles():
    discovery, walks = state()
    assert discovery.listings_due_on_idle()
    discovery.start_listings()
    assert walks == ["walk"] and not discovery.listings_due_on_idle()
    with_sitemap, _ = state()
    with_sitemap.article_listed("sitemap")
    assert not with_sitemap.listings_due_on_idle()


def test_a_distributed_run_takes_the_listings_decision():
    discovery, walks = state()
    discovery.leave_listings_to_the_run()
    assert not discovery.listings_due_on_idle()
    assert discovery.may_walk_listings()
    discovery.start_listings_for_run()
    assert walks == ["walk"] and not discovery.may_walk_listings()
    assert not state(limit_reached=True)[0].may_walk_listings()


def test_each_spider_owns_its_state():
    spider = site_spider(SITE).from_crawler(get_crawler())
    assert isinstance(spider.discovery, DiscoveryState)
    assert spider.discovery.may_walk_listings()
