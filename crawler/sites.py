"""Sites configured in the sites file (setting SITES_FILE, TOML; `sites.toml` at the project
root by default): a regional WordPress site from a few lines, without code.

Each `[sites.<name>]` table becomes a spider class, a subclass of the `wordpress` spider with
the name, address and settings of the entry; SiteSpiderLoader (SPIDER_LOADER_CLASS) lists them
beside the site files' spiders, so `scrapy list`, `scrapy crawl <name>`, `scrapy reparse` and
`scrapy crawlall` know them. The format (every key but base_url is optional):

    [sites.kabarbanten]
    base_url = "https://www.kabarbanten.com"
    theme = "tagdiv"              # a profile: tagdiv, jnews, wordpress, fallback (default: the
                                  # one each page's markup points to)
    rest_api = false              # skip /wp-json/wp/v2/posts (default: true, tried first)
    language = "id"               # for pages that declare none (default: "id")
    sitemap_paths = ["/sitemap.xml"]   # where sitemaps are when robots.txt names none
    feed_paths = ["/feed/"]
    listing_paths = ["/", "/indeks/"]  # where the listing walk starts

A file that cannot be read as this format stops every command with an error naming the file,
the site and the key: a misspelt site must not silently vanish from the cron runs.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy import Request, Spider
from scrapy.settings import BaseSettings
from scrapy.spiderloader import SpiderLoader

from crawler.spiders.wordpress import WordPressSpider
from crawler.themes.detect import THEMES

SITE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
PATH_KEYS = ("sitemap_paths", "feed_paths", "listing_paths")


class SitesFileError(ValueError):
    """The sites file cannot be used; the message names the file, the site and the key."""


@dataclass(frozen=True)
class SiteConfig:
    name: str
    base_url: str
    theme: str | None = None
    rest_api: bool = True
    language: str = "id"
    sitemap_paths: tuple[str, ...] | None = None
    feed_paths: tuple[str, ...] | None = None
    listing_paths: tuple[str, ...] | None = None

    def spider_class(self) -> type[WordPressSpider]:
        """The site's spider: the wordpress spider with this entry's name and settings."""
        attributes: dict[str, Any] = {
            "__module__": __name__,
            "__doc__": f"{self.name} ({self.base_url}), from the sites file.",
            "name": self.name,
            "default_base_url": self.base_url,
            "theme": self.theme,
            "rest_api": self.rest_api,
            "language": self.language,
        }
        attributes |= {key: getattr(self, key) for key in PATH_KEYS if getattr(self, key)}
        class_name = "".join(part.capitalize() for part in re.split(r"[-_]", self.name))
        return type(f"{class_name}Spider", (WordPressSpider,), attributes)


def load_sites(path: str | Path | None) -> list[SiteConfig]:
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


def _site(path: str, name: str, entry: Any) -> SiteConfig:
    where = f"sites file {path}: [sites.{name}]"
    if not SITE_NAME.match(name):
        raise SitesFileError(f"{where}: a name is lower case letters, digits, '-' and '_'")
    if not isinstance(entry, dict):
        raise SitesFileError(f"{where}: not a table")
    unknown = sorted(set(entry) - (set(SiteConfig.__dataclass_fields__) - {"name"}))
    if unknown:
        raise SitesFileError(f"{where}: unknown keys {unknown} (the name is the table's)")
    base_url = entry.get("base_url")
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
        raise SitesFileError(f"{where}: base_url must be an http:// or https:// URL")
    theme = entry.get("theme")
    if theme is not None and theme not in THEMES:
        raise SitesFileError(f"{where}: theme must be one of {sorted(THEMES)}, not {theme!r}")
    rest_api = entry.get("rest_api", True)
    if not isinstance(rest_api, bool):
        raise SitesFileError(f"{where}: rest_api must be true or false")
    language = entry.get("language", "id")
    if not isinstance(language, str) or not language:
        raise SitesFileError(f'{where}: language must be a language code such as "id"')
    paths = {key: _paths(where, key, entry[key]) for key in PATH_KEYS if key in entry}
    return SiteConfig(name, base_url.rstrip("/"), theme, rest_api, language, **paths)


def _paths(where: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(
        isinstance(path, str) and path.startswith("/") for path in value
    ):
        raise SitesFileError(f'{where}: {key} must be a list of paths such as ["/feed/"]')
    return tuple(value)


class SiteSpiderLoader(SpiderLoader):
    """Scrapy's spider loader (the spiders of SPIDER_MODULES), plus one spider per site of the
    sites file. A configured name that a site file already uses is an error: one site, one
    definition."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        path = settings.get("SITES_FILE")
        self._configured: dict[str, type[Spider]] = {}
        for site in load_sites(path):
            if site.name in super().list():
                raise SitesFileError(
                    f"sites file {path}: [sites.{site.name}]: a spider of crawler/spiders has "
                    "that name already; keep the site file or the entry, not both"
                )
            self._configured[site.name] = site.spider_class()

    def load(self, spider_name: str) -> type[Spider]:
        if spider_name in self._configured:
            return self._configured[spider_name]
        return super().load(spider_name)

    def list(self) -> list[str]:
        return [*super().list(), *self._configured]

    def find_by_request(self, request: Request) -> list[str]:
        configured = [
            name for name, spider in self._configured.items() if spider.handles_request(request)
        ]
        return [*super().find_by_request(request), *configured]
