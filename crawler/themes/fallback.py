"""The fallback extractor, for pages no theme profile knows (or whose profile finds no body):
trafilatura finds the main text; metadata comes from the page's structured data first (JSON-LD,
<meta>, as every profile reads it), trafilatura's metadata last.

trafilatura alone keeps what an editor typed into the text ("BACA JUGA: ..." paragraphs,
"Ikuti berita ... di Google News" promos, "Editor: ..." credits): its output is raw body
markup like any profile's, and the cleaning pipeline applies the same rules to it.

trafilatura keeps LRU caches (its own, htmldate's, courlan's) that grow over a long crawl; the
spider that uses this parser calls `release_caches` every FALLBACK_RESET_CACHES_EVERY pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

import trafilatura
from parsel import Selector
from trafilatura.meta import reset_caches

from crawler.bylines import person_names, strip_writer_label
from crawler.cleaning import clean_text
from crawler.extract import text_of
from crawler.themes.base import ArticleParser

# Precision over recall: a fallback that drags the sidebar into the body is worse than one
# that misses a paragraph. Links stay, so the cleaning rules can tell a "Baca juga" link list.
TRAFILATURA_OPTIONS = {
    "output_format": "html",
    "with_metadata": True,
    "include_comments": False,
    "favor_precision": True,
    "include_links": True,
    "include_tables": True,
    "include_images": False,
    "include_formatting": True,
}


class FallbackParser(ArticleParser):
    # No theme to trust: the <h1> a declared title agrees with, else the declared title
    # without the site's name (ArticleParser.declared_headline), else the article's <h1>.
    title = ("article h1", "main h1")
    # Dates: JSON-LD and <meta>, then the article's first <time> (get_published): a later one
    # may be a related post's.
    published = ()
    published_text = ()
    body = ()
    # WordPress core's wp_link_pages() wrappers, which themes without a profile mostly keep.
    page_links = (".page-links a", ".post-nav-links a")

    @cached_property
    def extracted(self) -> Selector | None:
        """trafilatura's output (an HTML document: metadata in <head>, the text in <body>),
        computed once per page."""
        output = trafilatura.extract(
            self.response.text, url=self.response.url, **TRAFILATURA_OPTIONS
        )
        return Selector(text=output) if output else None

    def extracted_meta(self, name: str) -> str | None:
        if self.extracted is None:
            return None
        return clean_text(self.extracted.xpath(f'//head/meta[@name="{name}"]/@content').get())

    def extracted_list(self, name: str) -> list[str]:
        """A list of trafilatura's metadata (it joins lists with semicolons)."""
        values = (clean_text(value) for value in (self.extracted_meta(name) or "").split(";"))
        return [value for value in values if value]

    def get_title(self) -> str | None:
        return self.declared_headline() or self.first(self.title) or self.extracted_meta("title")

    def _published_candidates(self) -> Iterator[Any]:
        yield from super()._published_candidates()
        yield from self.first_time_in_article()
        # trafilatura's date (htmldate's) is a day without the time: the last resort, which
        # the date line then gives its time (ArticleParser.checked_against_date_line).
        yield self.extracted_meta("date")

    def first_time_in_article(self) -> list[str | None]:
        """The datetime attribute and the text of the article's first <time>."""
        # on the page parsed once (self.select): response.css() would parse it a second time
        first = next(iter(self.select("article time") or self.select("main time")), None)
        if first is None:
            return []
        return [first.get("datetime"), clean_text(text_of(first))]

    def get_authors(self) -> list[str]:
        authors = super().get_authors()
        if authors:
            return authors
        # trafilatura's author: what the page's <meta> and bylines gave it, held to the same
        # rules as the structured authors (people, not the site, not an editor)
        names = (
            name
            for entry in self.extracted_list("author")
            for name in person_names(strip_writer_label(entry), self.site_names)
            if not self.is_no_writer(name)
        )
        return list(dict.fromkeys(names))

    def get_category(self) -> str | None:
        return super().get_category() or next(iter(self.extracted_list("categories")), None)

    def get_tags(self) -> list[str]:
        tags = (
            self.select('meta[property="article:tag"]::attr(content)')
            or _keywords(self.jsonld_article.get("keywords"))
            or self.extracted_list("tags")
        )
        cleaned = (clean_text(tag) for tag in tags)
        return list(dict.fromkeys(tag for tag in cleaned if tag))

    def get_body_html(self) -> str | None:
        if self.extracted is None:
            return None
        return "".join(self.extracted.xpath("//body/node()").getall()) or None


def _keywords(value: Any) -> list[str]:
    """JSON-LD keywords: a list, or one comma-separated string."""
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, list):
        return [keyword for keyword in value if isinstance(keyword, str)]
    return []


def release_caches() -> None:
    """Empty trafilatura's caches (and collect garbage): memory grows ~1 MB a page without it
    over long runs (trafilatura #216, htmldate #56; its docs' "Memory use" advice)."""
    reset_caches()
