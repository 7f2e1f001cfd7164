"""`scrapy crawl`, with the site's lock and the exit statuses of crawler/commands/__init__.py."""

from scrapy.commands.crawl import Command as ScrapyCrawl

from crawler.commands import StoreExitStatus
from crawler.commands._cron import CronSafe


class Command(CronSafe, StoreExitStatus, ScrapyCrawl):
    pass
