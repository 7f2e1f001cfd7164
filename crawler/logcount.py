"""`log_count/<LEVEL>` of each crawler's own log records: the "errors" of a summary line.

Scrapy's LogCount puts one handler per crawler on the root logger, and each handler counts every
record of the process. Under `scrapy crawlall` (a crawler per site in one process) every site's
summary line would then show the errors of all sites: a healthy site reads "errors 2" because
another one is down. Here a record that names a spider counts for that spider's crawler only
(Scrapy's own records and `spider.logger`'s carry `spider`; so do the store pipeline's and
the distributed scheduler's). A record that names none (a library's, Twisted's) still counts
for every crawler of the process: an error is never hidden from a site it may concern. With
one crawler, as under `scrapy crawl`, the counts are Scrapy's.
"""

from __future__ import annotations

import logging

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.extensions.logcount import LogCount
from scrapy.utils.log import LogCounterHandler


class SiteLogCount(LogCount):
    """Scrapy's LogCount, counting only the records of its own crawler (and those of nobody)."""

    def spider_opened(self, spider: Spider) -> None:
        self.handler = SpiderLogCounterHandler(
            self.crawler, spider, level=self.crawler.settings.get("LOG_LEVEL")
        )
        logging.root.addHandler(self.handler)


class SpiderLogCounterHandler(LogCounterHandler):
    def __init__(self, crawler: Crawler, spider: Spider, level: int | str) -> None:
        super().__init__(crawler, level=level)
        self.spider = spider

    def emit(self, record: logging.LogRecord) -> None:
        owner = getattr(record, "spider", None)
        if owner is None or owner is self.spider:
            super().emit(record)
