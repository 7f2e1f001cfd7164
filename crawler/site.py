"""A site, as one record: what the one spider (crawler/spiders/base.py) needs to crawl it.

A site is written either as a short Python site file (crawler/spiders/<name>.py, defining
`SITE = Site(...)` and any parser of its own) or as a `[sites.<name>]` entry of the sites file
(crawler/sites.py). Both give the same record, checked here, so they crawl alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cssselect import SelectorError
from parsel.csstranslator import css2xpath

from crawler.themes.registry import ParserSpec, check_parser_spec

SITE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
PATH_OPTIONS = ("sitemap_paths", "feed_paths", "listing_paths")
SELECTOR_OPTIONS = ("listing_links", "section_links")

# The Scrapy settings a site may set for itself (its spider's custom_settings), with the type
# each takes: how politely to fetch one site. Anything else is a crawl-wide setting.
POLITENESS_SETTINGS: Mapping[str, type | tuple[type, ...]] = MappingProxyType(
    {
        "DOWNLOAD_DELAY": (int, float),
        "RANDOMIZE_DOWNLOAD_DELAY": bool,
        "CONCURRENT_REQUESTS_PER_DOMAIN": int,
        "AUTOTHROTTLE_ENABLED": bool,
        "AUTOTHROTTLE_START_DELAY": (int, float),
        "AUTOTHROTTLE_MAX_DELAY": (int, float),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": (int, float),
        "DOWNLOAD_TIMEOUT": (int, float),
        "ROBOTSTXT_OBEY": bool,
        "USER_AGENT": str,
    }
)


class SiteError(ValueError):
    """A site record that cannot be crawled; the message names the site and the key."""

    def __init__(self, site: str, key: str, why: str) -> None:
        super().__init__(f"site {site!r}: {key}: {why}")
        self.key = key
        self.why = why


@dataclass(frozen=True)
class Site:
    """One news site.

    name            the spider's name and the items' `site` (lower case, digits, '-', '_')
    base_url        the site's address; empty only for the generic spiders (`wordpress`,
                    `news`), which take it from `-a base_url`
    parser          how its article pages are read:
                      None           per page: the theme profile whose fingerprint the page
                                     carries, else the fallback extractor (extraction "theme"
                                     or "fallback");
                      a theme name   "tagdiv", "jnews", "wordpress", "fallback": that profile,
                                     the fallback extractor where it finds no body;
                      a parser class an ArticleParser subclass of the site's own (a theme
                                     profile or a subclass of one; extraction "site"), or a
                                     VersionedParser: versions by date (crawler/themes/registry.py)
    rest_api        True (the default): read /wp-json/wp/v2/posts first and fail over to the
                    HTML discovery (sitemaps, feed, listings) when the site keeps it closed;
                    False: HTML discovery only, for a site whose parser reads fields the REST
                    API lacks (radartangsel and bantennews)
    sitemap_paths, feed_paths, listing_paths
                    where discovery looks (None: the spider's defaults)
    sitemap_follow  a regular expression, searched in the path of each child sitemap an index
                    lists: those read (None: the spider's default, WordPress's post and news
                    sitemaps)
    listing_links, section_links
                    CSS selectors of a listing page's article links, and of the section
                    (category) links followed from the first listing page, the links (`h2 a`)
                    or their addresses (`h2 a::attr(href)`) (None: the spider's defaults,
                    WordPress themes' classes)
    language        for pages that declare none
    time_zone       the site's own clock (an IANA name): the day a page was fetched on, in
                    this zone, picks its parser version
    politeness      Scrapy settings for this site only (POLITENESS_SETTINGS), applied as its
                    spider's custom_settings
    """

    name: str
    base_url: str = ""
    parser: ParserSpec = None
    rest_api: bool = True
    sitemap_paths: tuple[str, ...] | None = None
    feed_paths: tuple[str, ...] | None = None
    listing_paths: tuple[str, ...] | None = None
    sitemap_follow: str | None = None
    listing_links: tuple[str, ...] | None = None
    section_links: tuple[str, ...] | None = None
    language: str = "id"
    time_zone: str = "Asia/Jakarta"
    politeness: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        problems = self._problems()
        if problems:
            raise SiteError(self.name, *problems[0])
        for key in (*PATH_OPTIONS, *SELECTOR_OPTIONS):
            if getattr(self, key) is not None:
                object.__setattr__(self, key, tuple(getattr(self, key)))
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))
        object.__setattr__(self, "politeness", MappingProxyType(dict(self.politeness)))

    def _problems(self) -> list[tuple[str, str]]:
        """What is wrong with the record, as (key, why; why names the key too): the one check
        of both forms."""
        problems = []
        if not isinstance(self.name, str) or not SITE_NAME.match(self.name):
            problems.append(("name", "a name is lower case letters, digits, '-' and '_'"))
        if not isinstance(self.base_url, str) or (
            self.base_url and not self.base_url.startswith(("http://", "https://"))
        ):
            problems.append(("base_url", "base_url must be an http:// or https:// URL"))
        try:
            check_parser_spec(self.parser)
        except ValueError as exc:
            problems.append(("parser", str(exc)))
        if not isinstance(self.rest_api, bool):
            problems.append(("rest_api", "rest_api must be true or false"))
        for key in PATH_OPTIONS:
            paths = getattr(self, key)
            if paths is not None and (
                not isinstance(paths, (list, tuple))
                or not all(isinstance(path, str) and path.startswith("/") for path in paths)
            ):
                problems.append((key, f'{key} must be a list of paths such as ["/feed/"]'))
        problems.extend(self._discovery_problems())
        if not isinstance(self.language, str) or not self.language:
            problems.append(("language", 'language must be a language code such as "id"'))
        problems.extend(self._time_zone_problems())
        problems.extend(self._politeness_problems())
        return problems

    def _discovery_problems(self) -> list[tuple[str, str]]:
        problems = []
        try:
            if self.sitemap_follow is not None:
                re.compile(self.sitemap_follow)
        except (re.error, TypeError) as exc:
            why = (
                f"sitemap_follow must be a regular expression, not {self.sitemap_follow!r} ({exc})"
            )
            problems.append(("sitemap_follow", why))
        for key in SELECTOR_OPTIONS:
            selectors = getattr(self, key)
            if selectors is not None and (
                not isinstance(selectors, (list, tuple))
                or not all(_is_css_selector(css) for css in selectors)
            ):
                why = f'{key} must be a list of CSS selectors such as ["h2 a"], not {selectors!r}'
                problems.append((key, why))
        return problems

    def _time_zone_problems(self) -> list[tuple[str, str]]:
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            why = f"time_zone must be a zone such as 'Asia/Jakarta', not {self.time_zone!r}"
            return [("time_zone", why)]
        return []

    def _politeness_problems(self) -> list[tuple[str, str]]:
        if not isinstance(self.politeness, Mapping):
            return [("politeness", "politeness must be a table of Scrapy settings")]
        problems = []
        for key, value in self.politeness.items():
            kind = POLITENESS_SETTINGS.get(key)
            if kind is None:
                allowed = ", ".join(POLITENESS_SETTINGS)
                why = f"politeness.{key} is not a politeness setting ({allowed})"
                problems.append(("politeness", why))
            elif not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
                problems.append(("politeness", f"politeness.{key} has the wrong type: {value!r}"))
        return problems

    @property
    def is_generic(self) -> bool:
        """Whether the record is a generic spider's, for any site given by `-a base_url`: its
        crawls store each site under `-a name` or the host, not under the record's name."""
        return not self.base_url

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def has_own_parser(self) -> bool:
        """Whether the site names a parser class (its own, or a profile it settles on): such a
        site ships fixture pages (tests/fixtures/<name>/)."""
        return isinstance(self.parser, type)


def _is_css_selector(css: object) -> bool:
    """Whether `css` is a CSS selector in parsel's dialect: checked when the site is loaded,
    where a broken one stops every command with one line, not on every listing page."""
    if not isinstance(css, str) or not css.strip():
        return False
    try:
        css2xpath(css)
    except SelectorError:
        return False
    return True
