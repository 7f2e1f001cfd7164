"""Item pipelines before the store: clean -> validate. One concern each; stats under clear keys.

The store pipeline lives with the store (crawler/store/pipeline.py).

What a hostile page cannot do here (issue #16):
- break the item with text no encoder takes: the cleaning pipeline, the first stage an item
  meets, makes every string valid Unicode first (crawler/text.py), so the content hash, the
  store and the feed exports never see a lone surrogate (`articles/repaired_text/<field>`);
- store a field of any length: titles, names, tags and the short text fields are cut to the
  ITEM_MAX_* settings (`articles/oversize/<field>`), and an article whose body is over
  ITEM_MAX_BODY_CHARS is dropped (`articles/dropped/oversize_body`): a cut body would be stored
  as if it were the article, under a content hash that says it is complete;
- hold the reactor: a body of CLEANING_THREAD_MIN_CHARS or more is cleaned in a worker thread,
  so that signals, the time limit and the memory limit still act while it is cleaned.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from crawler.cleaning import clean_body
from crawler.text import valid_text

# A cut value ends with this, so that nobody takes it for the page's own text.
TRUNCATION_MARK = "…"


def content_hash(title: str | None, body: str | None) -> str:
    """Changes when editors fix the title or the text; the store keeps versions by it: the
    sha256 of the title, a newline and the body, in UTF-8 (hashed in parts: joining them first
    would copy a body of megabytes once more)."""
    digest = hashlib.sha256((title or "").encode())
    digest.update(b"\n")
    digest.update((body or "").encode())
    return digest.hexdigest()


def clean_item(adapter: ItemAdapter) -> dict[str, int]:
    """Replace the raw body markup by the cleaned one and derive the text fields. Returns how
    many things each cleaning rule removed."""
    cleaned = clean_body(adapter.get("body_html") or "")
    adapter["body_html"] = cleaned.html
    adapter["body"] = cleaned.text
    adapter["word_count"] = count_words(cleaned.text)
    adapter["content_hash"] = content_hash(adapter.get("title"), cleaned.text)
    return cleaned.removed


def count_words(text: str) -> int:
    """How many words `text.split()` would give, counted a line at a time: split whole, the text
    of a body of megabytes was a million strings at once, fetched from memory again to free
    them (9.4 ms per MB of page at 8 MB against 0.9 at 0.5 MB, on bench.pagesize's replica
    page); a line's words are freed before the next line's are made, 1.2 ms per MB at both.
    No word holds a line break."""
    return sum(len(line.split()) for line in text.split("\n"))


def repair_text(adapter: ItemAdapter) -> list[str]:
    """Make every field valid Unicode (crawler/text.py); returns the fields that needed it."""
    repaired = []
    for name, value in adapter.items():
        valid = valid_text(value)
        if valid != value:
            adapter[name] = valid
            repaired.append(name)
    return repaired


@dataclass(frozen=True)
class FieldBounds:
    """How long an article's fields may be: the ITEM_MAX_* settings (settings/base.py)."""

    title_chars: int
    text_field_chars: int  # each of TEXT_FIELDS
    authors: int
    author_chars: int
    tags: int
    tag_chars: int
    body_chars: int

    TEXT_FIELDS = ("subtitle", "category", "image_caption", "published_at_raw")

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> FieldBounds:
        return cls(
            title_chars=settings.getint("ITEM_MAX_TITLE_CHARS"),
            text_field_chars=settings.getint("ITEM_MAX_TEXT_FIELD_CHARS"),
            authors=settings.getint("ITEM_MAX_AUTHORS"),
            author_chars=settings.getint("ITEM_MAX_AUTHOR_CHARS"),
            tags=settings.getint("ITEM_MAX_TAGS"),
            tag_chars=settings.getint("ITEM_MAX_TAG_CHARS"),
            body_chars=settings.getint("ITEM_MAX_BODY_CHARS"),
        )


def bound_fields(adapter: ItemAdapter, bounds: FieldBounds) -> list[str]:
    """Cut the title, the short text fields, the authors and the tags to their bounds, in
    place; returns the fields that were over. The body is judged after cleaning
    (ValidationPipeline), on the text that would be stored."""
    over = []
    limits = {"title": bounds.title_chars} | dict.fromkeys(
        FieldBounds.TEXT_FIELDS, bounds.text_field_chars
    )
    for name, limit in limits.items():
        value = adapter.get(name)
        if isinstance(value, str) and len(value) > limit:
            adapter[name] = truncated(value, limit)
            over.append(name)
    for name, count, chars in (
        ("authors", bounds.authors, bounds.author_chars),
        ("tags", bounds.tags, bounds.tag_chars),
    ):
        values = adapter.get(name)
        if not isinstance(values, list):
            continue
        kept = [truncated(v, chars) if isinstance(v, str) else v for v in values[:count]]
        if kept != values:
            adapter[name] = kept
            over.append(name)
    return over


def truncated(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, the cut marked."""
    if len(text) <= limit:
        return text
    return text[: max(limit - len(TRUNCATION_MARK), 0)].rstrip() + TRUNCATION_MARK


class CleaningPipeline:
    """The first stage an item meets: makes its text valid, bounds its fields, strips
    boilerplate from the raw body markup the spider took from the page and derives the clean
    text fields. The rules themselves are data in crawler/cleaning/rules.py."""

    def __init__(self, stats: StatsCollector, bounds: FieldBounds, thread_min_chars: int) -> None:
        self.stats = stats
        self.bounds = bounds
        self.thread_min_chars = thread_min_chars

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleaningPipeline:
        settings = crawler.settings
        return cls(
            crawler.stats,
            FieldBounds.from_settings(settings),
            settings.getint("CLEANING_THREAD_MIN_CHARS"),
        )

    async def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        for name in repair_text(adapter):
            self.stats.inc_value(f"articles/repaired_text/{name}")
        for name in bound_fields(adapter, self.bounds):
            self.stats.inc_value(f"articles/oversize/{name}")
        if len(adapter.get("body_html") or "") >= self.thread_min_chars:
            # Cleaning is linear in the body, but a 16 MB body still takes a second or more:
            # on the reactor thread, a signal or a limit would wait for it.
            self.stats.inc_value("cleaning/in_thread")
            removed = await asyncio.to_thread(clean_item, adapter)
        else:
            removed = clean_item(adapter)
        for rule, count in removed.items():
            self.stats.inc_value(f"cleaning/removed/{rule}", count)
        return item


class ValidationPipeline:
    """Drops what is not an article (no title, no body, a body over ITEM_MAX_BODY_CHARS),
    counting the reason; counts missing metadata without dropping, so coverage problems show
    in the crawl stats. Counts, too, the items any pipeline failed on
    (`articles/dropped/item_error`): Scrapy only logs them."""

    required = ("title", "body")
    counted_if_missing = ("published_at", "authors", "category", "image_url")

    def __init__(self, stats: StatsCollector, max_body_chars: int) -> None:
        self.stats = stats
        self.max_body_chars = max_body_chars

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidationPipeline:
        pipeline = cls(crawler.stats, crawler.settings.getint("ITEM_MAX_BODY_CHARS"))
        crawler.signals.connect(pipeline.item_failed, signal=signals.item_error)
        return pipeline

    def process_item(self, item: Any, spider: Any = None) -> Any:
        adapter = ItemAdapter(item)
        for name in self.required:
            if not adapter.get(name):
                self.stats.inc_value(f"articles/dropped/no_{name}")
                raise DropItem(f"no {name}: {adapter.get('url')}")
        body_chars = len(adapter["body"])
        if body_chars > self.max_body_chars:
            self.stats.inc_value("articles/oversize/body")
            self.stats.inc_value("articles/dropped/oversize_body")
            raise DropItem(
                f"body of {body_chars:,} characters (over {self.max_body_chars:,}): "
                f"{adapter.get('url')}"
            )
        for name in self.counted_if_missing:
            if not adapter.get(name):
                self.stats.inc_value(f"articles/missing/{name}")
        self.stats.inc_value("articles/valid")
        return item

    def item_failed(self, item: Any, response: Any, spider: Any, failure: Any) -> None:
        self.stats.inc_value("articles/dropped/item_error")
