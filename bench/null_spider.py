"""The null spider: fetches the same article pages as the site spider and does nothing with
them, so a crawl benchmark can tell our per-page work from Scrapy's and the server's.

It reads the post sitemaps the way the site spider does (the sitemap index, then every child
sitemap whose URL names posts) and requests every URL with a callback that yields nothing. It
runs with the same settings as the site spider; with no item pipelines, the store is never
opened (and the run recorder switches itself off).
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Response
from scrapy.spiders import SitemapSpider

from crawler.spiders.base import NewsSiteSpider


class NullSpider(SitemapSpider):
    name = "bench_null"
    custom_settings = {"ADDONS": {}, "ITEM_PIPELINES": {}}  # no store add-on, no pipelines
    sitemap_follow = [NewsSiteSpider.sitemap_follow]

    def __init__(self, *args: Any, base_url: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sitemap_urls = [base_url.rstrip("/") + "/sitemap_index.xml"]

    def parse(self, response: Response) -> None:
        """Fetched, and nothing more: that is the point."""
