"""What `scrapy crawl` and `scrapy crawlall` share for cron: the sites' locks around the run
(crawler/locks.py), and one summary line and the exit status per site once it is over
(crawler/outcome.py). Not a command itself (no ScrapyCommand here)."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from crawler.directories import DirectoryError
from crawler.exitcodes import EXIT_LOCKED, EXIT_NOT_STARTED, EXIT_OK, EXIT_SPOOLED
from crawler.locks import LockBusy, crawl_locks
from crawler.outcome import CrawlOutcome, crawl_outcome
from crawler.spiders.base import site_name_of
from crawler.spiders.wordpress import GENERIC_SITE

logger = logging.getLogger(__name__)


def outcome_of(crawler: Crawler, site: str, settings: BaseSettings) -> CrawlOutcome:
    """The outcome of a finished crawler, under its spider's name (`site` if it never got one)."""
    name = crawler.spider.name if crawler.spider else site
    try:
        stats = crawler.stats
    except RuntimeError:  # set when the crawl starts: it never did
        return CrawlOutcome(name, "not started", EXIT_NOT_STARTED, "see the log")
    return crawl_outcome(name, stats, settings.getint("CRAWL_FAILURE_UNPARSEABLE_PAGES"))


def report_busy(busy: LockBusy) -> int:
    logger.warning("Not crawling: %s; exit status %d, try again later", busy, EXIT_LOCKED)
    return EXIT_LOCKED


def report_unusable(error: DirectoryError) -> int:
    logger.error("Not crawling: %s", error)
    return EXIT_NOT_STARTED


def site_of(spider_name: str, spider_args: dict[str, str]) -> str:
    """The site a `scrapy crawl` run writes, as its items name it: the generic wordpress
    spider crawls many sites, named by `-a name`, else by the base URL's host."""
    if spider_args.get("name"):
        return spider_args["name"]
    if spider_name == GENERIC_SITE.name and spider_args.get("base_url"):
        return site_name_of(spider_args["base_url"])
    return spider_name


class CronSafe:
    """For `scrapy crawl` (before the classes whose run() it wraps): the site's lock, then,
    unless the crawl could not start, the exit status and summary of crawler/outcome.py."""

    exitcode: int
    settings: BaseSettings
    _outcome_crawler: Crawler | None = None

    def _create_crawler(self, spidercls: Any) -> Crawler:
        self._outcome_crawler = super()._create_crawler(spidercls)  # type: ignore[misc]
        return self._outcome_crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        site = site_of(args[0], opts.spargs) if args else ""
        try:
            with crawl_locks(self.settings, [site] if site else []):
                super().run(args, opts)  # type: ignore[misc]
        except LockBusy as busy:
            self.exitcode = report_busy(busy)
            return
        except DirectoryError as unusable:
            self.exitcode = report_unusable(unusable)
            return
        crawler = self._outcome_crawler
        if crawler is None or self.exitcode not in (EXIT_OK, EXIT_SPOOLED):
            return
        outcome = outcome_of(crawler, site, self.settings)
        logger.info("Crawl summary: %s", outcome.summary())
        self.exitcode = outcome.exit_status
