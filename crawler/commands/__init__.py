"""Project commands (COMMANDS_MODULE = "crawler.commands"): `crawl` and `runspider` with exit
statuses that tell cron what became of the articles, `reparse`, and the `store` group.

Exit statuses of `scrapy crawl` and `scrapy runspider`:
    0  the crawl ran and every article is in the store
    1  the crawl could not start: the store is unusable (malformed MONGO_URI, rejected
       credentials, unreachable server; one ERROR line says which), or Scrapy's own start
       failures
    2  bad usage (Scrapy's)
    3  the crawl ran, but some articles (or its run record) are in the spool: safe on disk,
       written by the next crawl or `scrapy store replay`
and, for `scrapy crawl` and `scrapy crawlall` (crawler/outcome.py says exactly when):
    4  the site was unreachable: no sitemap, feed or listing answered
    5  the crawl failed: it ended early (time or memory limit, a signal), or it found articles
       and could store none of them
    75 not run: the previous run of the site still holds its lock (crawler/locks.py)
`crawlall` exits with the worst status of its sites.
"""

from __future__ import annotations

import argparse
from typing import Any

from scrapy.crawler import Crawler

from crawler.store.pipeline import crawl_exit_status


class StoreExitStatus:
    """For Scrapy's run-a-spider commands, which exit 0 whatever became of the items: the exit
    status from the store's stats once the crawl is over (crawl_exit_status)."""

    exitcode: int
    _crawler: Crawler | None = None

    def _create_crawler(self, spidercls: Any) -> Crawler:
        self._crawler = super()._create_crawler(spidercls)  # type: ignore[misc]
        return self._crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)  # type: ignore[misc]
        if self.exitcode == 0 and self._crawler is not None and self._crawler.stats:
            self.exitcode = crawl_exit_status(self._crawler.stats)
