"""An article extracted from pages already fetched, with the current code and without crawling:
what `scrapy reparse` does with stored pages (`reparse_stored`) and the site fixtures with
saved ones (`reextract`).

The steps are the crawl's own (crawler/article.py): the site spider's parser reads the first
page (`first_page_item`, the item the spider makes of it), the later pages give their bodies,
the bodies are merged as the spider merges them (`merge_bodies`), and the result is cleaned as
the cleaning pipeline cleans it (crawler.pipelines.clean_item). The parser is the version that
was valid when the page was fetched (a versioned site parser, crawler/themes/registry.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.http import HtmlResponse, TextResponse
from scrapy.spiderloader import SpiderLoaderProtocol

from crawler.article import first_page_item, merge_bodies
from crawler.items import ArticleItem
from crawler.pipelines import ValidationPipeline, clean_item, repair_text
from crawler.spiders.wordpress import GENERIC_SITE

if TYPE_CHECKING:
    from crawler.spiders.base import NewsSiteSpider
    from crawler.store import ArticleStore

logger = logging.getLogger(__name__)

REPARSE_BATCH_SIZE = 100  # articles read, extracted and written at a time


def reextract(
    spider_class: type[NewsSiteSpider],
    pages: dict[int, TextResponse],
    *,
    base_url: str | None = None,
    missing_pages: Iterable[int] = (),
    fetched_at: datetime | None = None,
) -> ArticleItem:
    """The cleaned item of an article from its fetched pages (page number -> response; the
    lowest number is the first page). `base_url`: the site's address, as the spider gives it
    to the parser (canonical urls; default: the page's own). `missing_pages`: pages the crawl
    could not fetch; a later page in which the parser now finds no body counts as missing
    too, as in the crawl. `fetched_at`: when the first page was fetched, which picks the
    parser's version (None: the current one). Sets pages, complete and missing_pages; the
    caller sets fetched_at."""
    (_, first), *later = sorted(pages.items())
    parser = spider_class.parser(first, base_url, fetched_at=fetched_at)
    item = first_page_item(spider_class, parser)
    bodies = [item["body_html"] or ""]
    missing = set(missing_pages)
    for number, response in later:
        body = spider_class.parser(response, fetched_at=fetched_at).get_body_html()
        if body is None:
            missing.add(number)
        else:
            bodies.append(body)
    item["body_html"] = merge_bodies(bodies, complete=not missing)
    item["pages"] = len(bodies) + len(missing)
    item["complete"] = not missing
    item["missing_pages"] = sorted(missing)
    adapter = ItemAdapter(item)
    repair_text(adapter)  # as the cleaning pipeline does first: valid Unicode before cleaning
    clean_item(adapter)
    return item


def page_response(page: dict[str, Any]) -> HtmlResponse:
    """A stored raw page (crawler.spiders.base.raw_page) as the response it came in: its
    Content-Type header decides the encoding, as it did in the crawl."""
    return HtmlResponse(
        url=page["url"],
        status=page.get("status", 200),
        headers=page.get("headers") or {},
        body=page["body"],
    )


@dataclass
class ReparseCounts:
    changed: int = 0  # a new version (or a new article, if only its pages were stored)
    unchanged: int = 0
    failed: int = 0

    @property
    def reparsed(self) -> int:
        return self.changed + self.unchanged + self.failed

    def summary(self) -> str:
        return (
            f"re-parsed {self.reparsed} articles: {self.changed} changed, "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )


def reparse_stored(
    store: ArticleStore,
    spiders: SpiderLoaderProtocol,
    *,
    site: str | None = None,
    since: datetime | None = None,
    batch_size: int = REPARSE_BATCH_SIZE,
) -> ReparseCounts:
    """Extract again every article with stored pages (of `site`, with a page fetched since
    `since`) and write the results as re-extractions: a new version where the content changed
    (ArticleStore.upsert_articles with fetched=False). See crawler/commands/reparse.py."""
    counts = ReparseCounts()
    urls = store.page_article_urls(site=site, since=since)
    for start in range(0, len(urls), batch_size):
        chunk = urls[start : start + batch_size]
        stored = {
            doc["url"]: doc
            for doc in store.find({"url": {"$in": chunk}}, fields=["url", "missing_pages"])
        }
        items = []
        for url, pages in store.article_pages(chunk).items():
            item = _reextract(spiders, url, pages, stored.get(url) or {})
            if item is None:
                counts.failed += 1
            else:
                items.append(item)
        written = store.upsert_articles(items, fetched=False)
        counts.changed += written.new + written.updated
        counts.unchanged += written.unchanged
    return counts


def _reextract(
    spiders: SpiderLoaderProtocol,
    url: str,
    pages: list[dict[str, Any]],
    stored: dict[str, Any],
) -> dict[str, Any] | None:
    """The article extracted again from its stored pages, or None (logged) if it cannot be."""
    first = pages[0]
    if first["page"] != 1:
        logger.warning("reparse: %s: its first page is not stored; left as it is", url)
        return None
    try:
        spider_class = _spider_of(spiders, first["site"])
        item = reextract(
            spider_class,
            {page["page"]: page_response(page) for page in pages},
            base_url=url,  # any url of the site will do; the stored one is certain to be
            missing_pages=stored.get("missing_pages") or (),
            fetched_at=first["fetched_at"],
        )
    except Exception:  # one page breaking the parser must not stop the others' re-parse
        logger.exception("reparse: %s: extraction failed; left as it is", url)
        return None
    absent = [name for name in ValidationPipeline.required if not item.get(name)]
    if absent:
        logger.warning("reparse: %s: no %s with the current code; left as it is", url, absent)
        return None
    item["url"] = url  # the identity it is stored under, even if canonical urls changed
    item["site"] = first["site"]  # as crawled: the generic spider names the sites it crawls
    item["fetched_at"] = first["fetched_at"]
    return dict(item)


def _spider_of(spiders: SpiderLoaderProtocol, site: str) -> type:
    """The spider that crawled `site`: its own, else the generic one, which stores the sites it
    crawls under `-a name` or their host name, names no spider has."""
    try:
        return spiders.load(site)
    except KeyError:
        return spiders.load(GENERIC_SITE.name)
