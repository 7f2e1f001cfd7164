"""What `scrapy crawl` and `scrapy crawlall` share for cron: usage errors found before anything
starts (one line on standard error, exit status 2, no lock taken), the sites' locks around the
run (crawler/locks.py), and one summary line and the exit status per site once it is over
(crawler/outcome.py). Not a command itself (no ScrapyCommand here)."""

from __future__ import annotations

import argparse
import difflib
import logging
import sys
from typing import Any, NoReturn

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings
from scrapy.spiderloader import get_spider_loader

from crawler.directories import DirectoryError
from crawler.exitcodes import EXIT_LOCKED, EXIT_NOT_STARTED, EXIT_OK, EXIT_SPOOLED, EXIT_USAGE
from crawler.locks import LockBusy, crawl_locks
from crawler.outcome import outcome_of
from crawler.site import SiteError
from crawler.spiders.base import (
    SpiderArgumentError,
    is_site_url,
    site_name_of,
    spider_arguments,
)
from crawler.spiders.news import GENERIC_SPIDER_NAMES

logger = logging.getLogger(__name__)


def report_busy(busy: LockBusy) -> int:
    logger.warning("Not crawling: %s; exit status %d, try again later", busy, EXIT_LOCKED)
    return EXIT_LOCKED


def report_unusable(error: DirectoryError) -> int:
    logger.error("Not crawling: %s", error)
    return EXIT_NOT_STARTED


def usage_error(command: str, message: str) -> NoReturn:
    """One line on standard error and exit status 2: what cron mails, never a traceback. Before
    the crawler process exists, so Scrapy's start-up lines do not bury it."""
    print(f"scrapy {command}: {message}", file=sys.stderr, flush=True)
    raise SystemExit(EXIT_USAGE)


def check_crawl(command: str, settings: BaseSettings, sites: list[str], spargs: dict) -> None:
    """Exit with a usage error unless every site is known and takes these spider arguments
    (crawler/spiders/base.py spider_arguments, the one check of them)."""
    try:
        loader = get_spider_loader(settings)
    except SiteError as exc:  # a site file's record: the project's code is wrong
        usage_error(command, str(exc))
    # A SitesFileError is a SystemExit of its own: one line, exit 1 ("could not start"), as
    # from every command (crawler/sites.py).
    known = loader.list()
    for site in sites:
        if site not in known:
            close = difflib.get_close_matches(site, known, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            usage_error(command, f"no such site: {site} ({hint}`scrapy list` shows them)")
        spider = loader.load(site)
        if not hasattr(spider, "site"):  # a plain Scrapy spider of the project
            continue
        configured = settings.getdict("SITE_BASE_URLS").get(site)
        if configured and not is_site_url(configured):
            usage_error(
                command, f"SITE_BASE_URLS[{site!r}] is not an http(s):// URL: {configured!r}"
            )
        try:
            spider_arguments(spider.site, spargs)
        except SpiderArgumentError as exc:
            usage_error(command, f"{site}: {exc}")


def site_of(spider_name: str, spider_args: dict[str, str]) -> str:
    """The site a `scrapy crawl` run writes, as its items name it: a generic spider
    (wordpress, news) crawls many sites, named by `-a name`, else by the base URL's host."""
    if spider_args.get("name"):
        return spider_args["name"]
    if spider_name in GENERIC_SPIDER_NAMES and spider_args.get("base_url"):
        return site_name_of(spider_args["base_url"])
    return spider_name


class CronSafe:
    """For `scrapy crawl` (before the classes whose run() it wraps): the site's lock, then,
    unless the crawl could not start, the exit status and summary of crawler/outcome.py."""

    exitcode: int
    settings: BaseSettings
    _outcome_crawler: Crawler | None = None

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)  # type: ignore[misc]
        if len(args) == 1:  # none or several: Scrapy's own usage error
            check_crawl("crawl", self.settings, args, opts.spargs)

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
        outcome = outcome_of(crawler, site)
        logger.info("Crawl summary: %s", outcome.summary())
        self.exitcode = outcome.exit_status
