"""`scrapy reparse [--site SITE] [--since YYYY-MM-DD]`: extract the stored raw pages again with
the current code and update the articles, without re-crawling (after a selector fix, say).

Every article with stored pages (of SITE; with a page fetched on or after the day, midnight
WIB as in `-a since`) is extracted again from all its pages in page order
(crawler/reextract.py: the site spider's parser, in the version that was valid on the day the
page was fetched, the spider's merge of the pages, the cleaning pipeline's cleaning) and
written as a re-extraction: a new version where the content changed, nothing where it did not.
It is not a fetch: last_seen and fetch_count stay, and the article keeps the url it is stored
under. An article the current code cannot extract (no title or no body, a parser error) is left
as it is and counted as failed.

Prints: re-parsed N articles: C changed, U unchanged, F failed.
Exit status: 0; 1 when the store is unusable; 2 on bad input (a date that is not YYYY-MM-DD,
an unknown site), with a one-line error.
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands import ScrapyCommand
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.log import configure_logging

from crawler.exitcodes import EXIT_NOT_STARTED, EXIT_USAGE
from crawler.store import StoreError, open_store


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[--site SITE] [--since YYYY-MM-DD]"

    def short_desc(self) -> str:
        return "Extract the stored raw pages again with the current code (no re-crawl)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--site", help="only this site's articles (a spider name)")
        parser.add_argument(
            "--since", metavar="YYYY-MM-DD", help="only pages fetched on or after this day (WIB)"
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        # Imported here, not at the top: Scrapy imports every command module to list the
        # commands, and `scrapy store` or `scrapy crawl` must not depend on the parsers.
        from crawler.dates import parse_since
        from crawler.reextract import reparse_stored
        from crawler.spiders.news import GENERIC_SPIDER_NAMES

        assert self.settings is not None
        configure_logging(self.settings)
        spiders = get_spider_loader(self.settings)
        try:
            if args:
                raise ValueError(f"unexpected arguments: {' '.join(args)}")
            since = parse_since(opts.since)
            sites = sorted(set(spiders.list()) - GENERIC_SPIDER_NAMES)  # no sites of their own
            if opts.site is not None and opts.site not in sites:
                raise ValueError(f"unknown site {opts.site!r} (sites: {', '.join(sites)})")
        except ValueError as exc:
            print(f"scrapy reparse: error: {exc}", file=sys.stderr)
            self.exitcode = EXIT_USAGE
            return
        try:
            with open_store(self.settings) as store:
                counts = reparse_stored(store, spiders, site=opts.site, since=since)
        except StoreError as exc:
            print(f"scrapy reparse: the store is unavailable: {exc}", file=sys.stderr)
            self.exitcode = EXIT_NOT_STARTED
            return
        print(counts.summary())
