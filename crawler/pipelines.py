"""Item pipelines before the store: clean -> validate. One concern each; stats under clear keys.

The store pipeline lives with the store (crawler/store/pipeline.py).
"""

from __future__ import annotations

import hashlib

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from crawler.cleaning import clean_body


def content_hash(title: str | None, body: str | None) -> str:
    """Changes when editors fix the title or the text; the store keeps versions by it."""
    return hashlib.sha256(f"{title or ''}\n{body or ''}".encode()).hexdigest()


def clean_item(adapter: ItemAdapter) -> dict[str, int]:
    """Replace the raw body markup by the cleaned one and derive the text fields. Returns how
    many things each cleaning rule removed."""
    cleaned = clean_body(adapter.get("body_html") or "")
    adapter["body_html"] = cleaned.html
    adapter["body"] = cleaned.text
    adapter["word_count"] = len(cleaned.text.split())
    adapter["content_hash"] = content_hash(adapter.get("title"), cleaned.text)
    return cleaned.removed


class CleaningPipeline:
    """Strips boilerplate from the raw body markup the spider took from the page, and derives
    the clean text fields. The rules themselves are data in crawler/cleaning/rules.py."""

    def __init__(self, stats) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item, spider=None):
        for rule, removed in clean_item(ItemAdapter(item)).items():
            self.stats.inc_value(f"cleaning/removed/{rule}", removed)
        return item


class ValidationPipeline:
    """Drops what is not an article (no title, no body), counting the reason; counts missing
    metadata without dropping, so coverage problems show in the crawl stats."""

    required = ("title", "body")
    counted_if_missing = ("published_at", "authors", "category", "image_url")

    def __init__(self, stats) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item, spider=None):
        adapter = ItemAdapter(item)
        for name in self.required:
            if not adapter.get(name):
                self.stats.inc_value(f"articles/dropped/no_{name}")
                raise DropItem(f"no {name}: {adapter.get('url')}")
        for name in self.counted_if_missing:
            if not adapter.get(name):
                self.stats.inc_value(f"articles/missing/{name}")
        self.stats.inc_value("articles/valid")
        return item
