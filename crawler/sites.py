"""The registry of sites: every site the project crawls, as one Site record each
(crawler/site.py), whichever form it is written in:

- a site file: a module of SPIDER_MODULES (crawler/spiders/<name>.py) defining
  `SITE = Site(...)` and any parser of its own;
- an entry of the sites file (setting SITES_FILE, TOML; `sites.toml` at the project root by
  default), a site from a few lines, without code.

SiteSpiderLoader (SPIDER_LOADER_CLASS) gives each site the one spider class carrying its record
(crawler/spiders/base.py: site_spider), beside Scrapy's own spiders (the generic `wordpress`
and `news`), so `scrapy list`, `scrapy crawl <name>`, `scrapy reparse` and `scrapy crawlall`
know them all.
A name defined twice is an error. The sites file's format (every key but base_url is optional;
the defaults and meanings are Site's):

    [sites.kabarbanten]
    base_url = "https://www.kabarbanten.com"
    theme = "tagdiv"              # the record's parser: tagdiv, jnews, wordpress, fallback
                                  # (default: the one each page's markup points to)
    rest_api = false              # skip /wp-json/wp/v2/posts (default: true, tried first)
    language = "id"               # for pages that declare none (default: "id")
    time_zone = "Asia/Jakarta"    # (default)
    sitemap_paths = ["/sitemap.xml"]   # where sitemaps are when robots.txt names none
    feed_paths = ["/feed/"]
    listing_paths = ["/", "/indeks/"]  # where the listing walk starts
    sitemap_follow = "post|news"       # child sitemaps read (a regex on their path)
    listing_links = ["h2 a::attr(href)"]    # a listing's article links (CSS)
    section_links = ["nav a::attr(href)"]   # sections followed from the first listing page
    politeness = { DOWNLOAD_DELAY = 2 }  # Scrapy settings for this site only

A file that cannot be read as this format stops every command with an error naming the file,
the site and the key: a misspelt site must not silently vanish from the cron runs.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

from scrapy.settings import BaseSettings
from scrapy.spiderloader import SpiderLoader

from crawler.site import Site, SiteError
from crawler.spiders.base import site_spider

# sites-file keys -> Site fields (the file calls the parser option "theme": it can only name one)
FILE_KEYS = {
    "base_url": "base_url",
    "theme": "parser",
    "rest_api": "rest_api",
    "language": "language",
    "time_zone": "time_zone",
    "sitemap_paths": "sitemap_paths",
    "feed_paths": "feed_paths",
    "listing_paths": "listing_paths",
    "sitemap_follow": "sitemap_follow",
    "listing_links": "listing_links",
    "section_links": "section_links",
    "politeness": "politeness",
}


class SitesFileError(ValueError, SystemExit):
    """The sites file cannot be used; the message names the file, the site and the key.

    Also a SystemExit: Scrapy's command line builds the spider loader before any command runs,
    outside anything a command could catch, and a SystemExit is the one exception Python ends
    on with its message alone (status 1, "could not start"), not a traceback before it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.code = f"error: {message}"  # what Python prints on its way out


def load_sites(path: str | Path | None) -> list[Site]:
    """The sites of the file at `path`; none when there is no such file."""
    if not path or not Path(path).is_file():
        return []
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SitesFileError(f"sites file {path}: not TOML: {exc}") from None
    unknown = set(data) - {"sites"}
    if unknown:
        raise SitesFileError(f"sites file {path}: unknown tables {sorted(unknown)}; use [sites.*]")
    sites = data.get("sites", {})
    return [_site(str(path), name, entry) for name, entry in sites.items()]


def _site(path: str, name: str, entry: Any) -> Site:
    where = f"sites file {path}: [sites.{name}]"
    if not isinstance(entry, dict):
        raise SitesFileError(f"{where}: not a table")
    unknown = sorted(set(entry) - set(FILE_KEYS))
    if unknown:
        raise SitesFileError(f"{where}: unknown keys {unknown} (the name is the table's)")
    if not isinstance(entry.get("base_url"), str) or not entry["base_url"]:
        raise SitesFileError(f"{where}: base_url must be an http:// or https:// URL")
    if "theme" in entry and not isinstance(entry["theme"], str):
        raise SitesFileError(f"{where}: theme must be a theme name")
    try:
        return Site(name=name, **{FILE_KEYS[key]: value for key, value in entry.items()})
    except SiteError as exc:
        raise SitesFileError(f"{where}: {exc.why}") from None


class SiteSpiderLoader(SpiderLoader):
    """Scrapy's spider loader (the spiders of SPIDER_MODULES), plus one spider per site: the
    site files of SPIDER_MODULES and the entries of the sites file. A name defined twice is an
    error: one site, one definition."""

    def __init__(self, settings: BaseSettings) -> None:
        self._sites: dict[str, Site] = {}
        super().__init__(settings)  # walks SPIDER_MODULES: _load_spiders below
        path = settings.get("SITES_FILE")
        for site in load_sites(path):
            if site.name in self._spiders:
                raise SitesFileError(
                    f"sites file {path}: [sites.{site.name}]: a site file or spider has "
                    "that name already; keep the site file or the entry, not both"
                )
            self._add(site, __name__)

    def _load_spiders(self, module: ModuleType) -> None:
        super()._load_spiders(module)
        site = getattr(module, "SITE", None)
        if isinstance(site, Site):
            if site.name in self._spiders:
                raise SiteError(site.name, "name", f"defined twice ({module.__name__} too)")
            self._add(site, module.__name__)

    def _add(self, site: Site, module: str) -> None:
        self._sites[site.name] = site
        self._spiders[site.name] = site_spider(site, module)
        self._found[site.name].append((module, self._spiders[site.name].__name__))

    def sites(self) -> list[Site]:
        """Every site with a record of its own (the generic spiders' are not among them)."""
        return list(self._sites.values())
