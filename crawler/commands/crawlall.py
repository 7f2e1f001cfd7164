"""`scrapy crawlall [SITE ...]`: every enabled site in one process, for cron.

The sites: those named on the command line, else CRAWLALL_SITES, else every spider of the
project that knows its address (a site whose record has a base_url, or an entry of
SITE_BASE_URLS; the generic `wordpress` and `news` spiders, which need `-a base_url`, are left
out). `-a NAME=VALUE` goes to every spider (`-a full=1`, `-a since=2024-01-01`).

All sites crawl at the same time, one crawler each in one CrawlerProcess: each is polite to its
own site (CONCURRENT_REQUESTS_PER_DOMAIN, AutoThrottle, robots.txt), so crawling them side by
side costs no site anything and the run lasts as long as its slowest site. The locks of all the
sites are taken first, all or none (crawler/locks.py).

Under settings/distributed.py each crawler is a worker of its own site's run
(crawler/distributed.py): crawlalls on several machines, with the same Redis and store, share
every site's run. The locks are still this machine's: a second crawlall here needs a
CRAWL_LOCK_FILE of its own.

At the end, one summary line per site on standard output (new, updated, unchanged, known,
dropped, errors), and the exit status of the worst site (crawler/outcome.py); 75 at once when a
site's previous run still holds its lock.
"""

from __future__ import annotations

import argparse

from scrapy.commands import ScrapyCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.utils.conf import arglist_to_dict

from crawler.commands._cron import check_crawl, report_busy, report_unusable
from crawler.directories import DirectoryError
from crawler.exitcodes import worst
from crawler.locks import LockBusy, crawl_locks
from crawler.outcome import outcome_of


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[options] [site ...]"

    def short_desc(self) -> str:
        return "Crawl every enabled site (CRAWLALL_SITES) in one process, for cron"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "-a",
            dest="spargs",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="spider argument for every site (may be repeated)",
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        try:
            opts.spargs = arglist_to_dict(opts.spargs)
        except ValueError:
            raise UsageError("Invalid -a value, use -a NAME=VALUE", print_help=False) from None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        sites = self.sites(args)
        check_crawl("crawlall", self.settings, sites, opts.spargs)  # before any lock or crawl
        try:
            with crawl_locks(self.settings, sites):
                crawlers = self.crawl(sites, opts.spargs)
        except LockBusy as busy:
            self.exitcode = report_busy(busy)
            return
        except DirectoryError as unusable:
            self.exitcode = report_unusable(unusable)
            return
        outcomes = [outcome_of(crawler, site) for site, crawler in crawlers.items()]
        for outcome in outcomes:
            print(outcome.summary(), flush=True)
        self.exitcode = worst([outcome.exit_status for outcome in outcomes])

    def sites(self, args: list[str]) -> list[str]:
        assert self.crawler_process is not None and self.settings is not None
        known = self.crawler_process.spider_loader.list()
        sites = args or self.settings.getlist("CRAWLALL_SITES") or self.addressed(known)
        unknown = sorted(set(sites) - set(known))
        if unknown:
            raise UsageError(f"no such site: {', '.join(unknown)} (`scrapy list` shows them)")
        if not sites:
            raise UsageError("no site to crawl: set CRAWLALL_SITES or add a site")
        return list(dict.fromkeys(sites))

    def addressed(self, names: list[str]) -> list[str]:
        """The spiders that know their site's address without a spider argument."""
        assert self.crawler_process is not None and self.settings is not None
        configured = self.settings.getdict("SITE_BASE_URLS")
        loader = self.crawler_process.spider_loader
        return [
            name for name in names if name in configured or not loader.load(name).site.is_generic
        ]

    def crawl(self, sites: list[str], spargs: dict[str, str]) -> dict[str, Crawler]:
        assert self.crawler_process is not None
        crawlers = {site: self.crawler_process.create_crawler(site) for site in sites}
        for crawler in crawlers.values():
            self.crawler_process.crawl(crawler, **spargs)
        self.crawler_process.start()
        return crawlers
