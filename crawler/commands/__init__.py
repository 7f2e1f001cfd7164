"""Project commands (COMMANDS_MODULE = "crawler.commands"): `crawl` and `runspider` with exit
statuses that tell cron what became of the articles, `reparse`, and the `store` group.

Exit statuses: crawler/exitcodes.py has them all, with their meanings. `scrapy crawl` and
`scrapy runspider` exit EXIT_OK, EXIT_NOT_STARTED (the store unusable at start), EXIT_USAGE or
EXIT_SPOOLED; `scrapy crawl` and `scrapy crawlall` also EXIT_UNREACHABLE, EXIT_FAILED,
EXIT_DEGRADED and EXIT_LOCKED (crawler/outcome.py says exactly when). `crawlall` exits with the
worst status of its sites.
"""

from __future__ import annotations

import argparse
from typing import Any

from scrapy.crawler import Crawler

from crawler.exitcodes import EXIT_OK
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
        if self.exitcode == EXIT_OK and self._crawler is not None and self._crawler.stats:
            self.exitcode = crawl_exit_status(self._crawler.stats)
