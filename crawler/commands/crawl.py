"""`scrapy crawl`, with the site's lock and the exit statuses of crawler/commands/__init__.py;
its usage errors (an unknown site, a spider argument that cannot be used) are one line and exit
status 2 (crawler/commands/_cron.py)."""

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawl

from crawler.commands import StoreExitStatus
from crawler.commands._cron import CronSafe
from crawler.spiders.base import SPIDER_ARGUMENTS


class Command(CronSafe, StoreExitStatus, ScrapyCrawl):
    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        arguments = "; ".join(f"{name}: {meaning}" for name, meaning in SPIDER_ARGUMENTS.items())
        parser.add_argument(
            "-a",
            dest="spargs",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help=f"set a spider argument (may be repeated). The arguments: {arguments}",
        )
