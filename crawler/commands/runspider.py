"""`scrapy runspider`, with the exit statuses of crawler/commands/__init__.py."""

from scrapy.commands.runspider import Command as ScrapyRunSpider

from crawler.commands import StoreExitStatus


class Command(StoreExitStatus, ScrapyRunSpider):
    pass
