"""The base of every site spider: discovery, article pages, multi-page merging, limits.

A site file only declares what differs: its name, its default base URL and its theme parser
(see radartangsel.py). Everything below is shared.

Discovery copes with any source being absent (404, 403, blocked, empty):
  1. sitemaps: robots.txt `Sitemap:` lines, else the usual WordPress paths (Yoast
     sitemap_index.xml, core wp-sitemap.xml, sitemap.xml), down through indexes to post sitemaps;
  2. the RSS/Atom feed (/feed/), read too: it is cheap and often fresher than a cached sitemap,
     but it only lists the newest posts;
  3. listings, the fallback: when the crawl goes idle and no sitemap gave an article URL, the
     home page and every category linked from it are walked page by page.
Only pages the parser recognises as single articles become items.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import scrapy
from scrapy import signals
from scrapy.exceptions import CloseSpider, DontCloseSpider, ResponseDataLossError
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.dates import parse_date
from crawler.items import ArticleItem
from crawler.themes.base import ArticleParser
from crawler.urls import host_of

logger = logging.getLogger(__name__)

JAKARTA = ZoneInfo("Asia/Jakarta")

# Bot-challenge pages answer 200 or 403/503 with a page of their own, never the article
# (site-research §9: Cloudflare "Just a moment...", "Attention Required!").
CHALLENGE_MARKERS = (
    "<title>Just a moment...</title>",
    "cdn-cgi/challenge-platform",
    "<title>Attention Required! | Cloudflare</title>",
    "Checking your browser before accessing",
)
# Text decoded with the wrong charset: U+FFFD replacement characters, or UTF-8 bytes read as
# cp1252/latin-1 ("Ã©", "â€“").
MOJIBAKE = re.compile("\ufffd|Ã[\u0080-\u00bf]|â€")


@dataclass
class MultiPageArticle:
    """A multi-page article being fetched page by page, in order."""

    item: ArticleItem
    bodies: list[str]
    raw_pages: list[dict[str, Any]]
    pending: list[tuple[int, str]]  # (page number, url) still to fetch, in order
    missing: list[int] = field(default_factory=list)

    @property
    def total_pages(self) -> int:
        return len(self.bodies) + len(self.missing) + len(self.pending)


def page_problem(response: Response) -> str | None:
    """Why a fetched page cannot be an article, or None. The reason becomes a stats key."""
    if not isinstance(response, TextResponse):
        return "not_html"
    head = response.text[:20000]
    if any(marker in head for marker in CHALLENGE_MARKERS):
        return "challenge"
    # WordPress themes always close the document; a page cut short in transfer or by a
    # crashing PHP worker does not, and parsing it would store half an article.
    tail = response.body[-4096:].lower()
    if b"</html>" not in tail and b"</body>" not in tail:
        return "truncated"
    if MOJIBAKE.search(response.text):
        return "bad_encoding"
    return None


def raw_page(response: Response, number: int) -> dict[str, Any]:
    """A fetched article page as it came, with what is needed to parse it again later."""
    return {
        "url": response.url,
        "page": number,
        "status": response.status,
        "headers": {
            name: response.headers.get(name, b"").decode("latin-1")
            for name in ("Content-Type", "Last-Modified", "ETag")
            if name in response.headers
        },
        "body": response.body,
        "fetched_at": datetime.now(UTC),
    }


def parse_since(value: str | None) -> datetime | None:
    """`-a since=YYYY-MM-DD`: midnight in Jakarta (WIB), as the sites' readers count days."""
    if not value:
        return None
    try:
        day = datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise ValueError(f"since must be a date as YYYY-MM-DD, got {value!r}") from None
    return day.replace(tzinfo=JAKARTA).astimezone(UTC)


class NewsSiteSpider(scrapy.Spider):
    # --- what a site file sets -------------------------------------------------------------
    default_base_url: str = ""
    parser: type[ArticleParser] = ArticleParser
    extraction = "site"  # which path extracts the items (site / theme / rest / fallback)
    language = "id"

    # --- discovery, shared by WordPress sites; override where a site differs --------------
    sitemap_paths: tuple[str, ...] = ("/sitemap_index.xml", "/wp-sitemap.xml", "/sitemap.xml")
    # child sitemaps worth following: posts (Yoast, AIOSEO, core) and news sitemaps; pages,
    # categories, tags and authors never list articles.
    sitemap_follow = re.compile(r"post-sitemap|posts-post|news", re.IGNORECASE)
    feed_paths: tuple[str, ...] = ("/feed/",)
    listing_paths: tuple[str, ...] = ("/",)
    listing_article_links: tuple[str, ...] = (
        "h3.entry-title a::attr(href)",
        ".td-module-title a::attr(href)",
        ".entry-title a::attr(href)",
    )
    listing_category_links = "a[href*='/category/']::attr(href)"
    listing_next_page: tuple[str, ...] = (
        ".page-nav a:has(i.td-icon-menu-right)::attr(href)",
        "link[rel='next']::attr(href)",
        "a.next.page-numbers::attr(href)",
    )

    def __init__(
        self,
        *args: Any,
        base_url: str | None = None,
        limit: str | int | None = None,
        since: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._base_url_arg = base_url
        self.limit = int(limit) if limit else None
        self.since = parse_since(since)
        self.discovered: Counter[str] = Counter()  # article URLs found, per source
        self.listings_started = False
        self.articles_yielded = 0

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        configured = crawler.settings.getdict("SITE_BASE_URLS").get(spider.name)
        spider.base_url = (spider._base_url_arg or configured or spider.default_base_url).rstrip(
            "/"
        )
        if not spider.base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must start with http:// or https://: {spider.base_url!r}")
        # Offsite filtering follows the base URL, so a replica on 127.0.0.1 is crawled exactly
        # like the real site (www. is dropped so both host variants stay on site).
        spider.allowed_domains = [host_of(spider.base_url).removeprefix("www.")]
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    def url(self, path: str) -> str:
        return self.base_url + path

    def count(self, key: str, value: int = 1) -> None:
        self.crawler.stats.inc_value(key, value)

    # --- discovery chain ---------------------------------------------------------------------
    async def start(self):
        logger.info("%s: crawling %s", self.name, self.base_url)
        for request in (*self.sitemap_stage(), *self.feed_stage()):
            yield request

    def on_idle(self) -> None:
        """Fall back to walking listings when no sitemap gave an article URL."""
        if self.listings_started or self.discovered["sitemap"] or self.limit_reached():
            return
        self.listings_started = True
        logger.info("%s: no usable sitemap; walking the listings", self.name)
        for request in self.listing_stage():
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def sitemap_stage(self) -> Iterator[scrapy.Request]:
        yield scrapy.Request(
            self.url("/robots.txt"), callback=self.parse_robots, errback=self.robots_failed
        )

    def feed_stage(self) -> Iterator[scrapy.Request]:
        for path in self.feed_paths:
            yield scrapy.Request(
                self.url(path), callback=self.parse_feed, errback=self.source_failed
            )

    def listing_stage(self) -> Iterator[scrapy.Request]:
        for path in self.listing_paths:
            yield scrapy.Request(
                self.url(path),
                callback=self.parse_listing,
                errback=self.source_failed,
                cb_kwargs={"follow_categories": True},
            )

    def default_sitemap_requests(self) -> Iterator[scrapy.Request]:
        for path in self.sitemap_paths:
            yield scrapy.Request(
                self.url(path), callback=self.parse_sitemap, errback=self.source_failed
            )

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        urls = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        if not urls:
            yield from self.default_sitemap_requests()
        for url in urls:
            yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.source_failed)

    def robots_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        self.source_failed(failure)
        yield from self.default_sitemap_requests()

    def source_failed(self, failure: Failure) -> None:
        """An absent discovery source is normal (that is why there is a chain): log, count."""
        self.count("discovery/unavailable")
        logger.info(
            "%s: source unavailable: %s (%s)",
            self.name,
            failure.request.url,
            _failure_reason(failure),
        )

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        body = gunzip(response.body) if gzip_magic_number(response) else response.body
        try:
            sitemap = Sitemap(body)
        except Exception:  # lxml raises several types for a body that is not XML
            self.count("discovery/invalid_sitemap")
            logger.warning("%s: not a sitemap: %s", self.name, response.url)
            return
        if sitemap.type == "sitemapindex":
            for entry in sitemap:
                if self.sitemap_follow.search(entry["loc"]):
                    yield scrapy.Request(
                        entry["loc"], callback=self.parse_sitemap, errback=self.source_failed
                    )
        elif sitemap.type == "urlset":
            for entry in sitemap:
                yield from self.article_request(entry["loc"], entry.get("lastmod"), "sitemap")

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        selector = scrapy.Selector(response, type="xml")
        selector.remove_namespaces()
        for entry in selector.xpath("//item"):
            yield from self.article_request(
                entry.xpath("link/text()").get(""), entry.xpath("pubDate/text()").get(), "feed"
            )
        for entry in selector.xpath("//entry"):
            link = entry.xpath("link[not(@rel) or @rel='alternate']/@href").get("")
            date = entry.xpath("published/text()").get() or entry.xpath("updated/text()").get()
            yield from self.article_request(link, date, "feed")

    def parse_listing(
        self, response: Response, follow_categories: bool = False
    ) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        for css in self.listing_article_links:
            for href in response.css(css).getall():
                yield from self.article_request(response.urljoin(href), None, "listing")
        if self.since and self.listing_all_older_than_since(response):
            return  # listings are newest first: older pages hold only older articles
        for css in self.listing_next_page:
            next_page = response.css(css).get()
            if next_page:
                yield response.follow(next_page, callback=self.parse_listing)
                break
        if follow_categories:
            for href in response.css(self.listing_category_links).getall():
                yield response.follow(href, callback=self.parse_listing, errback=self.source_failed)

    def listing_all_older_than_since(self, response: TextResponse) -> bool:
        dates = [parse_date(raw) for raw in response.css("time::attr(datetime)").getall()]
        dates = [date for date in dates if date]
        return bool(dates) and max(dates) < self.since

    def article_request(
        self, url: str, date_hint: str | None, source: str
    ) -> Iterator[scrapy.Request]:
        """A request for a discovered article URL, unless the source's date already says it is
        older than `since`, or the limit is reached."""
        url = url.strip()
        if not url or self.limit_reached():
            return
        if self.since and date_hint:
            hinted = parse_date(date_hint)
            if hinted and hinted < self.since:
                self.count("discovery/skipped/older_than_since")
                return
        self.discovered[source] += 1
        self.count(f"discovery/articles/{source}")
        yield scrapy.Request(url, callback=self.parse_article, errback=self.article_failed)

    # --- articles ------------------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[Any]:
        problem = page_problem(response)
        if problem:
            self.drop(response.url, problem)
            return
        parser = self.parser(response)
        if not parser.is_article():
            self.count("pages/skipped/not_article")
            logger.debug("%s: not an article page: %s", self.name, response.url)
            return
        page_urls = parser.get_page_urls()
        if parser.current_page() > 1:
            # reached a later page first (a sitemap or a link to /slug/2/): start at page 1
            first = page_urls.get(1) or re.sub(r"\d+/?$", "", response.url)
            yield scrapy.Request(first, callback=self.parse_article, errback=self.article_failed)
            return
        item = ArticleItem(
            site=self.name,
            extraction=self.extraction,
            fetched_at=datetime.now(UTC),
            **parser.fields(),
        )
        item["language"] = item["language"] or self.language
        if self.since and item["published_at"] and item["published_at"] < self.since:
            self.count("articles/skipped/older_than_since")
            return
        later = sorted((number, url) for number, url in page_urls.items() if number > 1)
        state = MultiPageArticle(
            item=item,
            bodies=[item["body_html"] or ""],
            raw_pages=[raw_page(response, 1)],
            pending=later,
        )
        yield from self.continue_article(state)

    def continue_article(self, state: MultiPageArticle) -> Iterator[Any]:
        """Fetch the next page of the article, or emit the item when no page is left."""
        if state.pending:
            number, url = state.pending.pop(0)
            # dont_filter: the page may already have been seen through a sitemap entry, and
            # the article must still be completed.
            yield scrapy.Request(
                url,
                callback=self.parse_later_page,
                errback=self.later_page_failed,
                dont_filter=True,
                meta={"article": state, "page_number": number},
            )
            return
        yield from self.emit(state)

    def parse_later_page(self, response: Response) -> Iterator[Any]:
        state: MultiPageArticle = response.meta["article"]
        problem = page_problem(response)
        body = None if problem else self.parser(response).get_body_html()
        if body is None:
            state.missing.append(response.meta["page_number"])
        else:
            state.bodies.append(body)
            state.raw_pages.append(raw_page(response, response.meta["page_number"]))
        yield from self.continue_article(state)

    def later_page_failed(self, failure: Failure) -> Iterator[Any]:
        state: MultiPageArticle = failure.request.meta["article"]
        state.missing.append(failure.request.meta["page_number"])
        logger.warning(
            "%s: page %d of %s is missing (%s)",
            self.name,
            failure.request.meta["page_number"],
            state.item["url"],
            _failure_reason(failure),
        )
        yield from self.continue_article(state)

    def emit(self, state: MultiPageArticle) -> Iterator[ArticleItem]:
        if self.limit_reached():
            return
        item = state.item
        item["pages"] = state.total_pages
        item["complete"] = not state.missing
        item["missing_pages"] = sorted(state.missing)
        item["raw_pages"] = state.raw_pages
        if len(state.bodies) > 1 or state.missing:
            item["body_html"] = "".join(
                f'<div data-page="{number}">{body}</div>'
                for number, body in enumerate(state.bodies, start=1)
            )
        if state.missing:
            self.count("articles/incomplete")
        self.articles_yielded += 1
        yield item
        if self.limit_reached():
            raise CloseSpider("limit_reached")

    def limit_reached(self) -> bool:
        return self.limit is not None and self.articles_yielded >= self.limit

    def article_failed(self, failure: Failure) -> None:
        self.drop(failure.request.url, _failure_reason(failure))

    def drop(self, url: str, reason: str) -> None:
        """A page that cannot become an article: logged once with its URL, counted."""
        self.count(f"articles/dropped/{reason}")
        logger.warning("%s: dropped %s (%s)", self.name, url, reason)


def _failure_reason(failure: Failure) -> str:
    if failure.check(HttpError):
        response = failure.value.response
        if page_problem(response) == "challenge":
            return "challenge"
        return f"http_{response.status}"
    if failure.check(ResponseDataLossError):
        return "truncated"  # the connection closed before the announced length arrived
    return "download_error"
