"""Any WordPress news site without a site file, and the base of every site in the sites file
(crawler/sites.py):

    scrapy crawl wordpress -a base_url=https://www.example.co.id [-a name=example]

Articles come from the REST API (`/wp-json/wp/v2/posts`, crawler/restapi.py) when the site
leaves it open: clean GMT dates and bodies without theme chrome, 100 posts a request, no article
page fetched. When it answers anything but a list of posts (401/403/404 from a security plugin,
a login page), discovery runs as for any site (robots, sitemaps, feed, listings: NewsSiteSpider)
and each article page is read by the theme profile its markup points to, or by the fallback
extractor (crawler/themes/detect.py).

Every item says which path extracted it (`extraction`): rest, theme or fallback; the crawl
stats count them under `extraction/<path>`. `-a name` sets the items' `site` (default: the
host without www.); `-a rest_api=0` skips the REST API.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler.items import ArticleItem
from crawler.restapi import page_bodies, post_fields, posts_url, published_at, read_posts
from crawler.restapi import total_pages as rest_total_pages
from crawler.spiders.base import MultiPageArticle, NewsSiteSpider, parse_flag
from crawler.themes.base import ArticleParser
from crawler.themes.detect import parser_for
from crawler.themes.fallback import FallbackParser, release_caches
from crawler.urls import host_of

logger = logging.getLogger(__name__)


def site_name_of(base_url: str) -> str:
    """The site name of a crawl of `scrapy crawl wordpress` without `-a name`: its host."""
    return host_of(base_url).removeprefix("www.")


class WordPressSpider(NewsSiteSpider):
    name = "wordpress"
    extraction = "theme"
    theme: str | None = None  # a profile of crawler.themes.detect.THEMES; None: per page
    rest_api = True  # read the REST API first when the site leaves it open

    def __init__(
        self,
        *args: Any,
        base_url: str | None = None,
        rest_api: str | bool | None = None,
        **kwargs: Any,
    ) -> None:
        if not (base_url or self.default_base_url):
            raise ValueError("which site? scrapy crawl wordpress -a base_url=https://...")
        super().__init__(*args, base_url=base_url, **kwargs)
        if self.name == WordPressSpider.name and base_url:
            self.name = site_name_of(base_url)
        if rest_api is not None:
            self.rest_api = parse_flag(rest_api)
        self.rest_failed_over = False
        self.fallback_pages = 0

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.release_caches_every = crawler.settings.getint("FALLBACK_RESET_CACHES_EVERY")
        return spider

    @classmethod
    def parser(cls, response: TextResponse, base_url: str | None = None) -> ArticleParser:
        """The page's parser: the site's theme profile, else the detected one, else the
        fallback extractor. A class method, as a site file's `parser` class is callable on the
        spider class (scrapy reparse re-extracts stored pages that way)."""
        return parser_for(response, base_url, cls.theme)

    @classmethod
    def extraction_for(cls, parser: ArticleParser) -> str:
        return "fallback" if isinstance(parser, FallbackParser) else cls.extraction

    # --- REST API first ----------------------------------------------------------------------
    async def start(self):
        if not self.rest_api:
            async for request in super().start():
                yield request
            return
        logger.info("%s: crawling %s, REST API first", self.name, self.base_url)
        yield self.rest_request(1)

    def rest_request(self, page: int) -> scrapy.Request:
        return self.source_request(
            posts_url(self.base_url, page),
            self.parse_rest_posts,
            errback=self.rest_failed,
            headers={"Accept": "application/json"},
            cb_kwargs={"page": page},
        )

    def parse_rest_posts(self, response: Response, page: int) -> Iterator[Any]:
        posts = read_posts(response)
        if posts is None or (page == 1 and not posts):
            logger.info("%s: no posts from the REST API at %s", self.name, response.url)
            self.count("discovery/rest/no_posts")
            yield from self.fail_over()
            return
        self.count("discovery/read/rest")
        for post in posts:
            yield from self.rest_article(post)
        last_page = page >= rest_total_pages(response) or not posts
        if not (last_page or self.limit_reached() or self.older_than_since(posts[-1])):
            yield self.rest_request(page + 1)

    def older_than_since(self, post: dict[str, Any]) -> bool:
        """Whether a post, and so every later one (the pages run newest first), is too old."""
        published = published_at(post)
        return bool(self.since and published and published < self.since)

    def rest_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        self.source_failed(failure)  # 401/403/404: closed, as on many news sites
        yield from self.fail_over()

    def fail_over(self) -> Iterator[scrapy.Request]:
        """Discovery from the HTML side, once, when the REST API is closed or breaks off."""
        if self.rest_failed_over:
            return
        self.rest_failed_over = True
        logger.info("%s: the REST API is not usable; reading sitemaps and the feed", self.name)
        yield from self.sitemap_stage()
        yield from self.feed_stage()

    def rest_article(self, post: dict[str, Any]) -> Iterator[ArticleItem]:
        if self.older_than_since(post):
            self.count("articles/skipped/older_than_since")
            return
        fields = post_fields(post, self.base_url)
        if self.until and fields["published_at"] and fields["published_at"] >= self.until:
            self.count("articles/skipped/newer_than_until")
            return
        self.discovered["rest"] += 1
        self.count("discovery/articles/rest")
        bodies = page_bodies(post)
        item = ArticleItem(
            site=self.name,
            extraction="rest",
            fetched_at=datetime.now(UTC),
            language=self.language,
            body_html=bodies[0],
            **fields,
        )
        self.extracted(item)
        # No page was fetched: nothing for the store's raw pages (scrapy reparse skips these).
        yield from self.emit(MultiPageArticle(item, bodies, raw_pages=[], pending=[]))

    def on_idle(self) -> None:
        if self.discovered["rest"] and not self.rest_failed_over:
            return  # the REST API listed every post: no listing walk
        super().on_idle()

    # --- HTML pages --------------------------------------------------------------------------
    def extracted(self, item: ArticleItem) -> None:
        super().extracted(item)
        if item["extraction"] != "fallback":
            return
        # trafilatura keeps module-level caches that grow with every document it reads.
        self.fallback_pages += 1
        if self.release_caches_every and self.fallback_pages % self.release_caches_every == 0:
            release_caches()
