"""The one spider class that crawls every site: discovery, article pages, multi-page merging,
limits. A site is a record (crawler/site.py: Site); the spider loader (crawler/sites.py) gives
each site a subclass of NewsSiteSpider carrying its record (`site_spider`), and the generic
`wordpress` and `news` spiders are two more (crawler/spiders/wordpress.py, news.py). Nothing
else differs per site.

With the site's `rest_api` on (the default; `-a rest_api=0` turns it off), articles come from
the REST API first (`/wp-json/wp/v2/posts`, crawler/restapi.py): clean GMT dates and bodies
without theme chrome, 100 posts a request, no article page fetched. When it answers anything
but a list of posts (401/403/404 from a security plugin, a login page), or with the option off
(the generic `news` spider's default), discovery copes with any source being absent (404, 403,
blocked, empty):
  1. sitemaps: robots.txt `Sitemap:` lines, else the site's usual paths (WordPress's: Yoast
     sitemap_index.xml, core wp-sitemap.xml, sitemap.xml), down through indexes to the child
     sitemaps that list articles (`sitemap_follow`); an entry's date is its lastmod, else its
     Google News `<news:publication_date>`;
  2. the RSS/Atom feeds at the site's feed paths (/feed/), read too: cheap and often fresher
     than a cached sitemap, but they only list the newest posts;
  3. listings, the fallback: when the crawl goes idle and no sitemap gave an article URL, the
     home page and every section linked from it are walked page by page, and the feed the
     home page announces in its head is read.
Only pages the parser recognises as single articles become items. Each is read by the parser
the site's `parser` option gives (crawler/themes/registry.py: its own parser, a theme profile,
the detected one, or the fallback extractor); every item says which path extracted it
(`extraction`: rest, site, theme or fallback), counted under `extraction/<path>`.

Every run re-reads the sources, newest first, and requests each article by its canonical URL
(crawler/urls.py) with a `Discovered` note in its meta: the source and the date the source gives.
The incremental middleware (crawler/incremental.py) drops the requests of articles already
stored and current, and stops paging back through a listing once the store holds a whole page;
the spider itself stays unaware of the store. `-a full=1` turns that off.

Order and memory: robots.txt, sitemap indexes and the feed are read before article pages; the
child sitemaps of an index one at a time, newest first, the next when the crawl goes idle, so
the scheduler holds one sitemap's articles rather than the whole site's; a listing's next page
after the articles queued. The later pages of an article come before other articles, because
the article waits in memory until its last page. Among equals, Scrapy's LIFO queue serves the
last request first, hence sitemap entries are yielded least recently modified first.

State: everything a request needs travels in its meta (MultiPageArticle, Discovered), which
JOBDIR pickles, as does the Redis queue of distributed runs; what discovery learns during a run
is the spider's DiscoveryState (crawler/discovery.py), which the distributed scheduler
(crawler/distributed.py) also talks to, to decide the listings fallback for all the workers of
a run; the spider's counters are per run (`limit` counts this run's articles).
"""

from __future__ import annotations

import difflib
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from lxml import etree
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DontCloseSpider,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils._compression import _DecompressionMaxSizeExceeded
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.article import first_page_item, merge_bodies
from crawler.dates import parse_date, parse_since, parse_until
from crawler.discovery import DiscoveryState
from crawler.items import ArticleItem
from crawler.logformatter import download_failure
from crawler.meta import (
    ARTICLE,
    DISCOVERED,
    GIVE_UP_LOG_LEVEL,
    LISTING_DEPTH,
    LISTING_NEXT_PAGE,
    PAGE_NUMBER,
    ROBOTS_TXT,
    Discovered,
)
from crawler.restapi import page_bodies, post_fields, posts_url, published_at, read_posts
from crawler.restapi import total_pages as rest_total_pages
from crawler.site import Site
from crawler.themes.base import ArticleParser
from crawler.themes.fallback import release_caches
from crawler.themes.registry import extraction_of, make_parser
from crawler.urls import canonical_url, host_of

logger = logging.getLogger(__name__)

OLDEST = datetime.min.replace(tzinfo=UTC)

DISCOVERY_PRIORITY = 10
LATER_PAGE_PRIORITY = 5
# The next page of a listing waits until the articles already queued are fetched.
DEFERRED_SOURCE_PRIORITY = -10
# Sources whose date is the publication date (a sitemap's lastmod is the last modification).
PUBLICATION_DATE_SOURCES = frozenset({"feed"})

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


def news_publication_dates(sitemap: bytes) -> dict[str, str]:
    """The `<news:publication_date>` of each entry of a Google News sitemap, by its `<loc>`.
    Scrapy's Sitemap keeps only an entry's direct children, and the date is a grandchild
    (`<url><news:news><news:publication_date>`). Parsed only when the body names the element:
    other sitemaps cost a substring search."""
    if b"publication_date" not in sitemap:
        return {}
    dates: dict[str, str] = {}
    # Read entry by entry, each freed once read (a sitemap may be DOWNLOAD_MAXSIZE: its whole
    # tree took five times its size); recovering, without entities or the network, as Scrapy's.
    entries = etree.iterparse(
        io.BytesIO(sitemap), tag="{*}url", recover=True, resolve_entities=False, no_network=True
    )
    try:
        for _, entry in entries:
            loc = entry.findtext("{*}loc")
            date = entry.findtext("{*}news/{*}publication_date")
            if loc and date:
                dates[loc.strip()] = date.strip()
            entry.clear()
            while entry.getprevious() is not None:
                del entry.getparent()[0]
    except etree.XMLSyntaxError:  # past recovery: the entries read so far
        pass
    return dates


def address_to_fetch(canonical: str, listed: str) -> str:
    """The address to request an article at: its canonical URL, without the trailing slash
    canonical_url adds (WordPress's permalinks end with one) when the source listed the article
    without one. Custom CMSs route `/read/123/slug` and not always `/read/123/slug/`: some
    redirect it, others answer 404. The store still keys the article by `canonical`."""
    parts = urlsplit(canonical)
    if parts.path == "/" or not parts.path.endswith("/") or urlsplit(listed).path.endswith("/"):
        return canonical
    return parts._replace(path=parts.path.rstrip("/")).geturl()


def link_addresses(response: TextResponse, css: str) -> list[str]:
    """The addresses a listing's selector gives: its matches' text where it selects an
    attribute (`h2 a::attr(href)`), their href where it selects links (a site's `nav a`)."""
    addresses = []
    for selected in response.css(css):
        address = selected.root if isinstance(selected.root, str) else selected.attrib.get("href")
        if address:
            addresses.append(address)
    return addresses


def page_problem(response: Response) -> str | None:
    """Why a fetched page cannot be an article, or None. The reason becomes a stats key."""
    if not response.body.strip():
        return "empty"
    # Not text: an image or PDF by its Content-Type, or binary bytes served as text/html (NUL
    # never occurs in HTML text, and would else be read as a page cut short).
    if not isinstance(response, TextResponse) or b"\0" in response.body[:4096]:
        return "binary"
    head = response.text[:20000]
    if any(marker in head for marker in CHALLENGE_MARKERS):
        return "challenge"
    # WordPress themes always close the document; a page cut short in transfer or by a
    # crashing PHP worker does not, and parsing it would store half an article.
    tail = response.body[-4096:].lower()
    if b"</html>" not in tail and b"</body>" not in tail:
        return "truncated"
    if _maybe_mojibake(response.text) and MOJIBAKE.search(response.text):
        return "bad_encoding"
    return None


def _maybe_mojibake(text: str) -> bool:
    # Substring tests are a tenth of the regex's cost over a whole page, and almost always false.
    return "\ufffd" in text or "Ã" in text or "â€" in text


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


# What `-a full=...` and `-a rest_api=...` may say, lower case and spaces aside.
FLAG_VALUES = {
    **dict.fromkeys(("1", "true", "yes", "on"), True),
    **dict.fromkeys(("", "0", "false", "no", "off"), False),
}


def parse_flag(value: str | bool | None, name: str) -> bool:
    """`-a full=1` (also true/yes/on); absent, empty, 0, false, no and off are False; anything
    else is a usage mistake (SpiderArgumentError): `-a rest_api=of` must not turn it on."""
    if isinstance(value, bool):
        return value
    flag = FLAG_VALUES.get((value or "").strip().lower())
    if flag is None:
        raise SpiderArgumentError(
            f"{name} must be 1 or 0 (true/false, yes/no, on/off), not {value!r}"
        )
    return flag


class SpiderArgumentError(ValueError):
    """A spider argument (`-a NAME=VALUE`) that cannot be used; the message names it, its
    value and what it should be. `scrapy crawl` turns it into one line and exit status 2."""


# The spider's arguments, each with what `scrapy crawl -h` says of it: the one list of them.
SPIDER_ARGUMENTS = {
    "base_url": "where the site is, http(s)://... (default: the site's address)",
    "limit": "stop after N stored articles (N >= 1)",
    "since": "YYYY-MM-DD: skip articles published before that day (WIB)",
    "until": "YYYY-MM-DD: skip articles published after that day (WIB)",
    "full": "1: fetch every article found, stored or not (a backfill)",
    "rest_api": "0 or 1: skip or read the WordPress REST API first (default: the site's choice)",
    "name": "the items' `site` (the generic wordpress and news spiders; default: the host)",
}


@dataclass(frozen=True)
class SpiderArguments:
    """The spider arguments of a crawl, checked and parsed."""

    base_url: str | None = None
    limit: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    full: bool = False
    rest_api: bool | None = None  # None: the site's record decides
    name: str | None = None


def spider_arguments(site: Site, given: dict[str, Any]) -> SpiderArguments:
    """The arguments `given` to a spider of `site`, checked: SpiderArgumentError names the first
    that cannot be used (an unknown name, with the known ones and the closest of them)."""
    unknown = sorted(set(given) - set(SPIDER_ARGUMENTS))
    if unknown:
        close = difflib.get_close_matches(unknown[0], SPIDER_ARGUMENTS, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise SpiderArgumentError(
            f"unknown spider argument {unknown[0]!r}{hint}; the arguments are "
            + ", ".join(SPIDER_ARGUMENTS)
        )
    base_url = given.get("base_url") or None
    if not (base_url or site.base_url):
        raise SpiderArgumentError("which site? give its address: -a base_url=https://...")
    if base_url is not None and not is_site_url(str(base_url)):
        raise SpiderArgumentError(f"base_url must be an http:// or https:// URL, not {base_url!r}")
    try:
        since = parse_since(given.get("since") or None)
        until = parse_until(given.get("until") or None)
    except ValueError as exc:
        raise SpiderArgumentError(str(exc)) from None
    if since and until and until <= since:
        raise SpiderArgumentError(f"until ({given['until']}) is before since ({given['since']})")
    rest_api = given.get("rest_api")
    return SpiderArguments(
        base_url=base_url,
        limit=_limit(given.get("limit")),
        since=since,
        until=until,
        full=parse_flag(given.get("full"), "full"),
        rest_api=None if rest_api is None else parse_flag(rest_api, "rest_api"),
        name=given.get("name") or None,
    )


def _limit(value: str | int | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        limit = int(value)
    except (TypeError, ValueError):
        limit = 0
    if limit < 1:
        raise SpiderArgumentError(
            f"limit must be a whole number of articles, 1 or more, not {value!r}"
        )
    return limit


def is_site_url(url: str) -> bool:
    """Whether `url` can be a site's address: http or https, with a host."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def site_spider(site: Site, module: str = __name__) -> type[NewsSiteSpider]:
    """The spider of a site: NewsSiteSpider carrying the record, its name and its politeness
    settings. `module`: where the class says it was defined (Scrapy's loader lists a module's
    spiders by it)."""
    class_name = "".join(part.capitalize() for part in re.split(r"[-_]", site.name))
    attributes = {
        "__module__": module,
        "__doc__": f"{site.name} ({site.base_url or 'any site: -a base_url'}).",
        "name": site.name,
        "site": site,
        "custom_settings": dict(site.politeness),
    }
    return type(f"{class_name}Spider", (NewsSiteSpider,), attributes)


def site_name_of(base_url: str) -> str:
    """The site name of a generic spider's crawl (`scrapy crawl wordpress` or `news`) without
    `-a name`: its host."""
    return host_of(base_url).removeprefix("www.")


class NewsSiteSpider(scrapy.Spider):
    site: Site  # set on each site's subclass (site_spider)

    # --- discovery defaults, where the site's record names no paths -------------------------
    sitemap_paths: tuple[str, ...] = ("/sitemap_index.xml", "/wp-sitemap.xml", "/sitemap.xml")
    # child sitemaps worth following, by their path: posts (Yoast, AIOSEO, core) and news
    # sitemaps; pages, categories, tags and authors never list articles.
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
        "a[rel~='next']::attr(href)",
    )
    # The site's own feed, announced in a listing page's head; the first one: WordPress
    # announces the comments feed after it, which lists comments, not articles.
    listing_feed_link = (
        "head link[rel~='alternate'][type='application/rss+xml']::attr(href),"
        "head link[rel~='alternate'][type='application/atom+xml']::attr(href)"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        arguments = spider_arguments(self.site, kwargs)  # SpiderArgumentError: a usage error
        super().__init__(*args, **({"name": arguments.name} if arguments.name else {}))
        if self.site.is_generic and arguments.base_url and not arguments.name:
            self.name = site_name_of(arguments.base_url)  # the generic spider names its site
        self._base_url_arg = arguments.base_url
        self.limit = arguments.limit
        self.since = arguments.since
        self.until = arguments.until
        self.full = arguments.full  # fetch every discovered article, stored or not
        self.rest_api = self.site.rest_api if arguments.rest_api is None else arguments.rest_api
        if self.site.sitemap_follow is not None:
            self.sitemap_follow = re.compile(self.site.sitemap_follow, re.IGNORECASE)
        self.rest_failed_over = False
        self.discovery = DiscoveryState(self._walk_listings, self.limit_reached)
        # `limit` counts stored articles: an item a pipeline drops (no body, a schema error)
        # frees its place, so limit=N stores N when N are there. Yielded and not yet stored or
        # dropped, an item holds its place: the run never stores more than N.
        self.articles_yielded = 0
        self.articles_dropped = 0
        self.articles_stored = 0
        self.fallback_pages = 0
        self.network_failure: str | None = None  # the last source that never answered: why

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.release_caches_every = crawler.settings.getint("FALLBACK_RESET_CACHES_EVERY")
        spider.discovery.max_sitemaps = crawler.settings.getint("DISCOVERY_MAX_SITEMAPS")
        configured = crawler.settings.getdict("SITE_BASE_URLS").get(spider.name)
        spider.base_url = (spider._base_url_arg or configured or spider.site.base_url).rstrip("/")
        if not is_site_url(spider.base_url):
            raise SpiderArgumentError(
                f"base_url must be an http:// or https:// URL, not {spider.base_url!r}"
            )
        # Offsite filtering follows the base URL, so a replica on 127.0.0.1 is crawled exactly
        # like the real site (www. is dropped so both host variants stay on site).
        spider.allowed_domains = [host_of(spider.base_url).removeprefix("www.")]
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.on_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(spider.on_dropped, signal=signals.request_dropped)
        if spider.limit is not None:
            crawler.signals.connect(spider.on_item_stored, signal=signals.item_scraped)
            crawler.signals.connect(spider.on_item_dropped, signal=signals.item_dropped)
            crawler.signals.connect(spider.on_item_dropped, signal=signals.item_error)
        return spider

    @classmethod
    def parser(
        cls,
        response: TextResponse,
        base_url: str | None = None,
        *,
        fetched_at: datetime | None = None,
    ) -> ArticleParser:
        """The page's parser, as the site's `parser` option says (crawler/themes/registry.py);
        `fetched_at` picks a versioned parser's version (None: now). A class method: `scrapy
        reparse` re-extracts stored pages with the spider class."""
        return make_parser(
            cls.site.parser, response, base_url, fetched_at=fetched_at, zone=cls.site.zone
        )

    @classmethod
    def extraction_for(cls, parser: ArticleParser) -> str:
        """Which path extracted a page read by `parser` (site / theme / fallback)."""
        return extraction_of(cls.site.parser, parser)

    def url(self, path: str) -> str:
        return self.base_url + path

    def count(self, key: str, value: int = 1) -> None:
        self.crawler.stats.inc_value(key, value)

    # --- discovery chain ---------------------------------------------------------------------
    async def start(self):
        if self.rest_api:
            logger.info("%s: crawling %s, REST API first", self.name, self.base_url)
            yield self.rest_request(1)
            return
        logger.info("%s: crawling %s", self.name, self.base_url)
        for request in (*self.sitemap_stage(), *self.feed_stage()):
            yield request

    def on_idle(self) -> None:
        """Read the next child sitemap; when none is left and no sitemap gave an article URL,
        fall back to walking the listings (unless the REST API listed every post)."""
        if self.discovery.listed_by("rest") and not self.rest_failed_over:
            return
        if self.discovery.has_child_sitemaps():
            self.crawler.engine.crawl(self.next_sitemap_request())
            raise DontCloseSpider
        if self.discovery.listings_due_on_idle():
            self.discovery.start_listings()
            raise DontCloseSpider

    def _walk_listings(self) -> None:
        """Walk the home page and the category listings: the fallback when no sitemap listed an
        article (on_idle here; crawler/distributed.py for the workers of a distributed run)."""
        logger.info("%s: no usable sitemap; walking the listings", self.name)
        for request in self.listing_stage():
            self.crawler.engine.crawl(request)

    # --- REST API first --------------------------------------------------------------------
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
        self.discovery.article_listed("rest")
        self.count("discovery/articles/rest")
        bodies = page_bodies(post)
        item = ArticleItem(
            site=self.name,
            extraction="rest",
            fetched_at=datetime.now(UTC),
            language=self.site.language,
            body_html=bodies[0],
            **fields,
        )
        self.extracted(item)
        # No page was fetched: nothing for the store's raw pages (scrapy reparse skips these).
        yield from self.emit(MultiPageArticle(item, bodies, raw_pages=[], pending=[]))

    # --- HTML discovery ----------------------------------------------------------------------
    def sitemap_stage(self) -> Iterator[scrapy.Request]:
        # Answered by the robots.txt middleware's own download when it obeys robots.txt
        # (crawler/robots.py): retried there already.
        yield self.source_request(
            self.url("/robots.txt"),
            self.parse_robots,
            errback=self.robots_failed,
            meta={ROBOTS_TXT: True, "dont_retry": True},
        )

    def feed_stage(self) -> Iterator[scrapy.Request]:
        for path in self.site.feed_paths or self.feed_paths:
            yield self.source_request(self.url(path), self.parse_feed)

    def listing_stage(self) -> Iterator[scrapy.Request]:
        for path in self.site.listing_paths or self.listing_paths:
            yield self.source_request(
                self.url(path), self.parse_listing, cb_kwargs={"follow_categories": True}
            )

    def default_sitemap_requests(self) -> Iterator[scrapy.Request]:
        for path in self.site.sitemap_paths or self.sitemap_paths:
            yield self.source_request(self.url(path), self.parse_sitemap)

    def source_request(
        self,
        url: str,
        callback: Any,
        errback: Any = None,
        priority: int = DISCOVERY_PRIORITY,
        **kwargs: Any,
    ) -> scrapy.Request:
        """A request for a discovery source: read before article pages, unless deferred. Its
        failure is reported by its errback (source_failed), not by the retries giving up."""
        meta = {GIVE_UP_LOG_LEVEL: logging.DEBUG, **kwargs.pop("meta", {})}
        return scrapy.Request(
            url,
            callback=callback,
            errback=errback or self.source_failed,
            priority=priority,
            meta=meta,
            **kwargs,
        )

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        urls = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        if not urls:
            yield from self.default_sitemap_requests()
        for url in urls:
            yield self.source_request(url, self.parse_sitemap)

    def robots_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        self.source_failed(failure)
        yield from self.default_sitemap_requests()

    def source_failed(self, failure: Failure) -> None:
        """An absent discovery source is normal (that is why there is a chain): log, count.
        One that never answered (DNS, refused, TLS, timeout) is worth a warning, which says
        which of these it was; the last one is kept for the unreachable summary (closed)."""
        self.count("discovery/unavailable")
        if failure.check(HttpError, IgnoreRequest):
            reason = _failure_reason(failure)
            logger.info("%s: source unavailable: %s (%s)", self.name, failure.request.url, reason)
            return
        self.network_failure = download_failure(failure.value)
        logger.warning(
            "%s: source unavailable: %s (%s)",
            self.name,
            failure.request.url,
            self.network_failure,
            extra={"spider": self},
        )

    def closed(self, reason: str) -> None:
        """When the sources this crawl asked for never answered (and none answered: under
        distributed mode another worker may have read them), one line that says so, why, and
        what to try instead."""
        if reason not in ("finished", "limit_reached") or self.network_failure is None:
            return
        if any(key.startswith("discovery/read/") for key in self.crawler.stats.get_stats()):
            return
        logger.error(
            "%s: nothing answered at %s (the last error: %s): the site is down or this machine "
            "is offline; `make demo` crawls a local replica of a site instead",
            self.name,
            self.base_url,
            self.network_failure,
            extra={"spider": self},  # this site's error, not every crawler's (crawlall)
        )

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        body = self.sitemap_body(response)
        if body is None:
            return
        try:
            sitemap = Sitemap(body)
        except Exception:  # lxml raises several types for a body that is not XML
            self.count("discovery/invalid_sitemap")
            logger.warning("%s: not a sitemap: %s", self.name, response.url)
            return
        self.count("discovery/read/sitemap")
        published = news_publication_dates(body)
        # Least recently modified first: the LIFO queue serves the newest first. A Google News
        # entry may give its publication date alone: that date is the entry's then.
        entries = sorted(
            (
                (parse_date(entry.get("lastmod") or published.get(entry["loc"])), entry["loc"])
                for entry in sitemap
            ),
            key=lambda entry: entry[0] or OLDEST,
        )
        if sitemap.type == "sitemapindex":
            children = [url for _, url in entries if self.sitemap_follow.search(urlsplit(url).path)]
            refused = self.discovery.queue_child_sitemaps(children)
            if refused:
                self.count("discovery/dropped/sitemap_limit", refused)
                logger.warning(
                    "%s: %d child sitemaps of %s not read: DISCOVERY_MAX_SITEMAPS reached",
                    self.name,
                    refused,
                    response.url,
                )
            if self.discovery.has_child_sitemaps():
                yield self.next_sitemap_request()
        elif sitemap.type == "urlset":
            for lastmod, url in entries:
                yield from self.article_request(url, lastmod, "sitemap")

    def sitemap_body(self, response: Response) -> bytes | None:
        """The sitemap's XML, gunzipped within DOWNLOAD_MAXSIZE as Scrapy's SitemapSpider does
        (a 2 MB .xml.gz expanded to gigabytes before); None, counted, when it is larger."""
        if not gzip_magic_number(response):
            return response.body
        max_size = response.meta.get(
            "download_maxsize", self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
        )
        try:
            return gunzip(response.body, max_size=max_size)
        except _DecompressionMaxSizeExceeded:
            self.count("discovery/dropped/too_large")
            logger.warning(
                "%s: sitemap dropped: %s expands past DOWNLOAD_MAXSIZE (%d B)",
                self.name,
                response.url,
                max_size,
            )
            return None

    def next_sitemap_request(self) -> scrapy.Request:
        """The next child sitemap in the order of DiscoveryState.next_child_sitemap."""
        return self.source_request(self.discovery.next_child_sitemap(), self.parse_sitemap)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        self.count("discovery/read/feed")
        selector = scrapy.Selector(response, type="xml")
        selector.remove_namespaces()
        for entry in selector.xpath("//item"):
            date = parse_date(entry.xpath("pubDate/text()").get())
            yield from self.article_request(entry.xpath("link/text()").get(""), date, "feed")
        for entry in selector.xpath("//entry"):
            link = entry.xpath("link[not(@rel) or @rel='alternate']/@href").get("")
            date = entry.xpath("published/text()").get() or entry.xpath("updated/text()").get()
            yield from self.article_request(link, parse_date(date), "feed")

    def parse_listing(
        self, response: Response, follow_categories: bool = False
    ) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        self.count("discovery/read/listing")
        # Once each, in page order: a teaser often links its article from image and headline.
        links = list(
            dict.fromkeys(
                response.urljoin(href)
                for css in self.site.listing_links or self.listing_article_links
                for href in link_addresses(response, css)
            )
        )
        for url in links:
            yield from self.article_request(url, None, "listing")
        if self.since and self.listing_all_older_than_since(response):
            return  # listings are newest first: older pages hold only older articles
        if links:  # a page without articles is past the end (or a trap): nothing behind it
            yield from self.listing_next_page_request(response)
        if follow_categories:
            feed = response.css(self.listing_feed_link).get()
            if feed:  # already read when it is one of the feed paths: the dupefilter drops it
                yield self.source_request(response.urljoin(feed), self.parse_feed)
            for css in self.site.section_links or (self.listing_category_links,):
                for href in link_addresses(response, css):
                    yield self.source_request(response.urljoin(href), self.parse_listing)

    def listing_next_page_request(self, response: TextResponse) -> Iterator[scrapy.Request]:
        """The listing's next page, unless DISCOVERY_MAX_LISTING_PAGES pages of it were read
        (`/page/N/` without end would run until CLOSESPIDER_TIMEOUT)."""
        depth = response.meta.get(LISTING_DEPTH, 1)
        for css in self.listing_next_page:
            next_page = response.css(css).get()
            if not next_page:
                continue
            if depth >= self.crawler.settings.getint("DISCOVERY_MAX_LISTING_PAGES"):
                self.count("discovery/stopped/listing_pages")
                logger.warning(
                    "%s: not paging on after %s: DISCOVERY_MAX_LISTING_PAGES (%d) reached",
                    self.name,
                    response.url,
                    depth,
                )
                return
            # Marked: the incremental middleware drops it when the store held this whole page.
            yield self.source_request(
                response.urljoin(next_page),
                self.parse_listing,
                priority=DEFERRED_SOURCE_PRIORITY,
                meta={LISTING_NEXT_PAGE: True, LISTING_DEPTH: depth + 1},
            )
            return

    def listing_all_older_than_since(self, response: TextResponse) -> bool:
        dates = [parse_date(raw) for raw in response.css("time::attr(datetime)").getall()]
        dates = [date for date in dates if date]
        return bool(dates) and max(dates) < self.since

    def article_request(
        self, url: str, date: datetime | None, source: str
    ) -> Iterator[scrapy.Request]:
        """A request for the canonical URL of a discovered article, unless the source's date
        already puts it outside since/until, or the limit is reached. `date` is what the
        source says: a sitemap's last modification, a feed's publication."""
        url = url.strip()
        if not url or self.limit_reached():
            return
        # Modified no earlier than published: a last modification before `since` is enough.
        if self.since and date and date < self.since:
            self.count("discovery/skipped/older_than_since")
            return
        if self.until and date and date >= self.until and source in PUBLICATION_DATE_SOURCES:
            self.count("discovery/skipped/newer_than_until")
            return
        self.discovery.article_listed(source)
        self.count(f"discovery/articles/{source}")
        canonical = canonical_url(url, self.base_url)
        yield scrapy.Request(
            address_to_fetch(canonical, listed=url),
            callback=self.parse_article,
            errback=self.article_failed,
            meta={DISCOVERED: Discovered(canonical, source, date)},
        )

    # --- articles ------------------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[Any]:
        self.count("pages/fetched/article")
        problem = page_problem(response)
        if problem:
            self.drop(response.url, problem)
            return
        parser = self.parser(response, self.base_url)
        if not parser.is_article():
            self.count("pages/skipped/not_article")
            logger.debug("%s: not an article page: %s", self.name, response.url)
            return
        page_urls = parser.get_page_urls()
        if parser.current_page() > 1:
            # reached a later page first (a sitemap or a link to /slug/2/): start at page 1
            first = page_urls.get(1) or canonical_url(response.url, self.base_url)
            yield scrapy.Request(first, callback=self.parse_article, errback=self.article_failed)
            return
        item = first_page_item(self, parser)  # the instance: a generic spider names its site
        item["fetched_at"] = datetime.now(UTC)
        self.extracted(item)
        discovered = response.meta.get(DISCOVERED)
        if discovered and discovered.url != item["url"]:
            # The store knows it by item["url"]; its sources list another URL, which the next
            # runs will not find stored: worth knowing when a site is fetched again and again.
            self.count("discovery/canonical_differs")
            logger.debug("%s: %s is stored as %s", self.name, discovered.url, item["url"])
        if self.since and item["published_at"] and item["published_at"] < self.since:
            self.count("articles/skipped/older_than_since")
            return
        if self.until and item["published_at"] and item["published_at"] >= self.until:
            self.count("articles/skipped/newer_than_until")
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
                priority=LATER_PAGE_PRIORITY,
                meta={ARTICLE: state, PAGE_NUMBER: number},
            )
            return
        yield from self.emit(state)

    def parse_later_page(self, response: Response) -> Iterator[Any]:
        self.count("pages/fetched/later_page")
        state: MultiPageArticle = response.meta[ARTICLE]
        problem = page_problem(response)
        body = None if problem else self.parser(response, self.base_url).get_body_html()
        if body is None:
            state.missing.append(response.meta[PAGE_NUMBER])
        else:
            state.bodies.append(body)
            state.raw_pages.append(raw_page(response, response.meta[PAGE_NUMBER]))
        yield from self.continue_article(state)

    def later_page_failed(self, failure: Failure) -> Iterator[Any]:
        state: MultiPageArticle = failure.request.meta[ARTICLE]
        state.missing.append(failure.request.meta[PAGE_NUMBER])
        logger.warning(
            "%s: page %d of %s is missing (%s)",
            self.name,
            failure.request.meta[PAGE_NUMBER],
            state.item["url"],
            _failure_reason(failure),
        )
        yield from self.continue_article(state)

    def emit(self, state: MultiPageArticle) -> Iterator[ArticleItem]:
        if self.limit_reached() or not self.room_under_limit():
            # Not stored: the next run finds it new. Counted, so that it is not a silent loss.
            self.count("articles/skipped/over_limit")
            return
        item = state.item
        item["pages"] = state.total_pages
        item["complete"] = not state.missing
        item["missing_pages"] = sorted(state.missing)
        item["raw_pages"] = state.raw_pages
        item["body_html"] = merge_bodies(state.bodies, complete=not state.missing)
        if state.missing:
            self.count("articles/incomplete")
        self.articles_yielded += 1
        yield item

    def extracted(self, item: ArticleItem) -> None:
        """Called with each new article item, right after extraction."""
        self.count(f"extraction/{item['extraction']}")
        if item["extraction"] != "fallback":
            return
        # trafilatura keeps module-level caches that grow with every document it reads.
        self.fallback_pages += 1
        if self.release_caches_every and self.fallback_pages % self.release_caches_every == 0:
            release_caches()

    def limit_reached(self) -> bool:
        """Whether `limit` articles are stored (passed every pipeline)."""
        return self.limit is not None and self.articles_stored >= self.limit

    def room_under_limit(self) -> bool:
        """Whether one more item may go to the pipelines: those stored and those on their way
        stay under the limit."""
        in_flight_or_stored = self.articles_yielded - self.articles_dropped
        return self.limit is None or in_flight_or_stored < self.limit

    def on_item_stored(self, item: Any) -> None:
        self.articles_stored += 1
        if self.articles_stored == self.limit:
            logger.info("%s: %d articles stored: the limit is reached", self.name, self.limit)
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="limit_reached"))

    def on_item_dropped(self, item: Any) -> None:
        self.articles_dropped += 1

    def article_failed(self, failure: Failure) -> None:
        self.drop(failure.request.url, _failure_reason(failure))

    # A redirect goes back through the scheduler, where Scrapy drops two kinds without an
    # errback: off site (OffsiteMiddleware, on request_scheduled, by the rule of its host
    # regex: a domain of allowed_domains or a subdomain of one) and seen before (the
    # dupefilter, request_dropped). Counted here, so that no article leaves uncounted.
    def on_scheduled(self, request: scrapy.Request) -> None:
        redirected_from = request.meta.get("redirect_urls")
        if not redirected_from or not self.is_article_request(request):
            return
        host = host_of(request.url)
        if not any(
            host == domain or host.endswith(f".{domain}") for domain in self.allowed_domains
        ):
            reasons = request.meta.get("redirect_reasons") or [None]
            reason = "offsite_refresh" if reasons[-1] == "meta refresh" else "offsite_redirect"
            self.drop(redirected_from[0], reason)

    def on_dropped(self, request: scrapy.Request) -> None:
        redirected_from = request.meta.get("redirect_urls")
        if redirected_from and self.is_article_request(request):
            loop = request.url in redirected_from
            self.drop(redirected_from[0], "redirect_loop" if loop else "redirect_duplicate")

    def is_article_request(self, request: scrapy.Request) -> bool:
        return request.errback in (self.article_failed, self.later_page_failed)

    def drop(self, url: str, reason: str) -> None:
        """A page that cannot become an article: logged once with its URL, counted."""
        self.count(f"articles/dropped/{reason}")
        logger.warning("%s: dropped %s (%s)", self.name, url, reason)


def _failure_reason(failure: Failure) -> str:
    """The stats key of a failed download: what a reader of the counts can act on."""
    if failure.check(HttpError):
        response = failure.value.response
        if page_problem(response) == "challenge":
            return "challenge"
        return f"http_{response.status}"
    if failure.check(IgnoreRequest):
        return _ignored_reason(failure)
    for exception, reason in DOWNLOAD_FAILURES:
        if failure.check(exception):
            if reason == "cancelled" and "max size" in str(failure.value):
                return "too_large"  # DOWNLOAD_MAXSIZE: Scrapy cancels the download
            return reason
    return "download_error"


# Scrapy's download exceptions (scrapy/utils/_download_handlers.py wraps Twisted's in them).
DOWNLOAD_FAILURES: tuple[tuple[type[Exception], str], ...] = (
    (DownloadTimeoutError, "timeout"),  # DOWNLOAD_TIMEOUT: a stall or a slow drip
    (DownloadCancelledError, "cancelled"),
    (DownloadConnectionRefusedError, "refused"),
    (CannotResolveHostError, "dns"),
    (ResponseDataLossError, "truncated"),  # closed before the announced length arrived
    (DownloadFailedError, "connection_lost"),
)


def _ignored_reason(failure: Failure) -> str:
    """Which of Scrapy's downloader middlewares refused the request, by its message (they all
    raise a bare IgnoreRequest)."""
    message = str(failure.value)
    if "robots.txt" in message:
        return "robots"  # RobotsTxtMiddleware
    if "DOWNLOAD_MAXSIZE" in message:
        return "too_large"  # HttpCompressionMiddleware: a bomb stopped while decompressing
    if "max redirections" in message:
        return "redirect_loop"  # RedirectMiddleware: REDIRECT_MAX_TIMES redirects in a row
    return "ignored"
