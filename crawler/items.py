"""The article item: the one contract between the crawler, its users and MongoDB.

Field names are stable; feed exports (`-O items.jsonl`) and MongoDB documents use them as they
are. Datetimes are timezone-aware UTC. MongoDB stores them as BSON dates; feed exports write ISO
8601 with the offset (Scrapy's default JSON encoder would drop it, hence the serializer).
"""

from __future__ import annotations

from datetime import datetime

import scrapy


def iso_datetime(value: datetime | None) -> str | None:
    """Serialize an aware datetime as ISO 8601 with its offset, for feed exports."""
    return value.isoformat() if isinstance(value, datetime) else value


class ArticleItem(scrapy.Item):
    # identity
    url = scrapy.Field()  # canonical url: link[rel=canonical], else response url minus tracking
    site = scrapy.Field()  # spider name, e.g. "radartangsel"
    # metadata
    title = scrapy.Field()
    subtitle = scrapy.Field()
    published_at = scrapy.Field(serializer=iso_datetime)  # aware UTC datetime or None
    published_at_raw = scrapy.Field()  # the string the date was parsed from, kept for audits
    modified_at = scrapy.Field(serializer=iso_datetime)
    authors = scrapy.Field()  # list[str], labels such as "Oleh"/"Penulis:" removed
    category = scrapy.Field()  # the primary category
    tags = scrapy.Field()  # list[str], label items ("TOPIK", "LABEL") excluded
    image_url = scrapy.Field()
    image_caption = scrapy.Field()
    comment_count = scrapy.Field()  # int or None
    view_count = scrapy.Field()  # int or None
    language = scrapy.Field()
    # content: the spider puts the raw body markup of every page in body_html; the cleaning
    # pipeline replaces it with the cleaned markup and derives body, word_count, content_hash.
    body = scrapy.Field()  # clean text: paragraphs and subheadings joined by "\n\n"
    body_html = scrapy.Field()
    word_count = scrapy.Field()
    content_hash = scrapy.Field()  # sha256 of title + body: changes when editors fix an article
    # crawl bookkeeping
    pages = scrapy.Field()  # number of pages merged into this item
    complete = scrapy.Field()  # False when a later page of a multi-page article stayed missing
    missing_pages = scrapy.Field()  # page numbers that could not be fetched
    extraction = scrapy.Field()  # which path extracted it: site / theme / rest / fallback
    fetched_at = scrapy.Field(serializer=iso_datetime)
    # The fetched article pages as they came (url, status, headers, body bytes, fetched_at),
    # for the store's `pages` collection, so a selector fix can re-parse old pages without
    # re-crawling. Not an article field: never exported, never in `articles`.
    raw_pages = scrapy.Field()


# Everything users get in feed exports: every field but the raw pages.
EXPORT_FIELDS = [name for name in ArticleItem.fields if name != "raw_pages"]
