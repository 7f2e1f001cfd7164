"""An article from its parsed pages, as the crawl makes it and `scrapy reparse` makes it again:
the item of the first page and the body of all the pages. The extract layer: nothing here
cleans, validates or stores (crawler/reextract.py adds the cleaning for re-extraction).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from crawler.items import ArticleItem
from crawler.themes.base import ArticleParser

if TYPE_CHECKING:
    from crawler.site import Site


class SiteSpider(Protocol):
    """What extraction needs of a site spider (class or instance, crawler/spiders/base.py)."""

    name: str
    site: Site

    def extraction_for(self, parser: ArticleParser) -> str: ...


def first_page_item(spider: SiteSpider, parser: ArticleParser) -> ArticleItem:
    """The item the spider (a site spider class, or a running spider, whose name may be the
    site it was pointed at) makes of an article's first page (read by `parser`), before the
    crawl bookkeeping (fetched_at, pages) and before cleaning: the parser's fields, the site,
    the extraction path, and the site's language where the page declares none."""
    item = ArticleItem(
        site=spider.name,
        extraction=spider.extraction_for(parser),
        **parser.fields(),
    )
    item["language"] = item["language"] or spider.site.language
    return item


def merge_bodies(bodies: list[str], *, complete: bool = True) -> str:
    """The body markup of an article from its pages' bodies in page order: one complete page
    as it is; otherwise each page in a <div data-page="N">, so where pages met stays visible."""
    if len(bodies) == 1 and complete:
        return bodies[0]
    return "".join(
        f'<div data-page="{number}">{body}</div>' for number, body in enumerate(bodies, start=1)
    )
