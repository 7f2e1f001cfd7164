"""The Spidermon extension, for crawls of news sites only.

Spidermon runs its suites at the close of every spider. Ours judge a crawl of a news site: its
sources, what it stored, its fields. A spider without a discovery state (a `scrapy runspider`
script, the benchmarks' null spider) is no such crawl: its "no source answered" would be a false
alarm, logged as Spidermon's ERROR lines and alerted. So Spidermon runs for spiders that own a
discovery state (crawler/discovery.py: every site spider) and stays out of the others' way.

Nor does it judge a crawl that never started because its store was unusable: that run ends at
once with exit status 1 and one error line saying why (crawler/store/connection.py), which is
what cron's mail carries; monitors would only add a false "unexpected finish reason".
"""

from __future__ import annotations

from scrapy import Spider
from scrapy.crawler import Crawler
from spidermon.contrib.scrapy.extensions import Spidermon

# Set by the store's connection when the store could not be used at start.
STORE_UNAVAILABLE_STAT = "store/unavailable"


def is_site_crawl(spider: Spider) -> bool:
    """Whether the spider crawls a news site (crawler/spiders/base.py gives each one its
    discovery state)."""
    return getattr(spider, "discovery", None) is not None


def started(crawler: Crawler) -> bool:
    return not crawler.stats.get_value(STORE_UNAVAILABLE_STAT)


class SiteSpidermon(Spidermon):
    def spider_opened(self, spider: Spider) -> None:
        if is_site_crawl(spider):
            super().spider_opened(spider)

    def spider_closed(self, spider: Spider) -> None:
        if is_site_crawl(spider) and started(self.crawler):
            super().spider_closed(spider)

    def engine_stopped(self) -> None:
        spider = self.crawler.spider
        if spider is not None and is_site_crawl(spider) and started(self.crawler):
            super().engine_stopped()
