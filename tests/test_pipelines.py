"""crawler.pipelines: valid text, field bounds and cleaning off the reactor, driven in-process on
an asyncio loop (CleaningPipeline.process_item is a coroutine); crawler.logformatter's lines."""

from __future__ import annotations

import asyncio
import logging

import pytest
from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.utils.log import logformatter_adapter
from scrapy.utils.test import get_crawler

import settings.base
from crawler.items import ArticleItem
from crawler.logformatter import MAX_REASON_CHARS, LogFormatter
from crawler.pipelines import (
    TRUNCATION_MARK,
    CleaningPipeline,
    ValidationPipeline,
    count_words,
)

PARAGRAPH = "Pemerintah Kota Tangerang Selatan menambah 12 armada pengangkut sampah."
BOUNDS = (
    "ITEM_MAX_TITLE_CHARS", "ITEM_MAX_TEXT_FIELD_CHARS", "ITEM_MAX_AUTHORS",
    "ITEM_MAX_AUTHOR_CHARS", "ITEM_MAX_TAGS", "ITEM_MAX_TAG_CHARS", "ITEM_MAX_BODY_CHARS",
    "CLEANING_THREAD_MIN_CHARS",
)  # fmt: skip


def crawler_with(**overrides):
    """A crawler with the project's bounds (settings/base.py), some overridden."""
    return get_crawler(
        settings_dict={name: getattr(settings.base, name) for name in BOUNDS} | overrides
    )


def article(**fields) -> ArticleItem:
    defaults = {
        "url": "https://radartangsel.example/banjir/",
        "site": "radartangsel",
        "title": "Banjir di Pondok Aren",
        "authors": ["Budi"],
        "tags": ["banjir"],
        "body_html": f"<p>{PARAGRAPH}</p>",
    }
    return ArticleItem(**(defaults | fields))


def through_pipelines(item: ArticleItem, crawler) -> ArticleItem:
    """The item through the cleaning and the validation pipeline, as Scrapy chains them."""
    cleaning = CleaningPipeline.from_crawler(crawler)
    validation = ValidationPipeline.from_crawler(crawler)
    return validation.process_item(asyncio.run(cleaning.process_item(item)))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "satu",
        "  dua\n\n  kata  ",
        "baris\r\nbaru\tdan\u00a0NBSP\u2003em\u3000ideografis",
        "\n\n\nakhir\n",
        ("Paragraf pertama di sini.\n\n" * 3000),
    ],
)
def test_words_are_counted_as_str_split_counts_them(text):
    assert count_words(text) == len(text.split())


def test_the_word_count_is_the_cleaned_body_s():
    item = article(body_html=f"<div><p>{PARAGRAPH}</p>teks&nbsp;lepas<h2>Sub judul</h2></div>")
    item = through_pipelines(item, crawler_with())
    assert item["word_count"] == len(PARAGRAPH.split()) + 2 + 2


# --- valid text (#16 point 6)


def test_lone_surrogates_in_title_authors_and_body_are_repaired_and_hashed():
    crawler = crawler_with()
    item = article(title="Banjir\ud800 di Pondok Aren", authors=["Bu\udc80di"])
    item["body_html"] = f"<p>{PARAGRAPH}\ud800</p>"
    item = through_pipelines(item, crawler)
    assert item["title"] == "Banjir\ufffd di Pondok Aren"
    assert item["authors"] == ["Bu\ufffddi"]
    assert item["body"] == PARAGRAPH + "\ufffd"
    assert len(item["content_hash"]) == 64
    for name in ("title", "authors", "body_html"):
        assert crawler.stats.get_value(f"articles/repaired_text/{name}") == 1
    assert crawler.stats.get_value("articles/valid") == 1


def test_valid_text_is_not_counted_as_repaired():
    crawler = crawler_with()
    through_pipelines(article(), crawler)
    assert not any(key.startswith("articles/repaired") for key in crawler.stats.get_stats())


# --- field bounds (#16 point 11)


def test_a_100000_character_title_is_cut_and_counted():
    crawler = crawler_with()
    item = through_pipelines(article(title="Banjir " * 14_286), crawler)
    limit = settings.base.ITEM_MAX_TITLE_CHARS
    assert len(item["title"]) <= limit and item["title"].endswith(TRUNCATION_MARK)
    assert item["title"].startswith("Banjir Banjir")
    assert crawler.stats.get_value("articles/oversize/title") == 1


def test_too_many_authors_and_too_long_names_are_cut_and_counted():
    crawler = crawler_with(ITEM_MAX_AUTHORS=3, ITEM_MAX_AUTHOR_CHARS=10)
    item = through_pipelines(
        article(authors=["Budi", "Nama " * 50, *map(str, range(100))]), crawler
    )
    assert item["authors"] == ["Budi", "Nama Nama" + TRUNCATION_MARK, "0"]
    assert crawler.stats.get_value("articles/oversize/authors") == 1


def test_too_many_tags_and_too_long_tags_are_cut_and_counted():
    crawler = crawler_with(ITEM_MAX_TAGS=2, ITEM_MAX_TAG_CHARS=8)
    item = through_pipelines(article(tags=["banjir bandang", "serpong", "lain"]), crawler)
    assert item["tags"] == ["banjir" + TRUNCATION_MARK, "serpong"]
    assert crawler.stats.get_value("articles/oversize/tags") == 1


def test_short_text_fields_are_cut_and_counted():
    crawler = crawler_with(ITEM_MAX_TEXT_FIELD_CHARS=20)
    item = through_pipelines(article(subtitle="x" * 30, category="Metro"), crawler)
    assert len(item["subtitle"]) == 20 and item["category"] == "Metro"
    assert crawler.stats.get_value("articles/oversize/subtitle") == 1
    assert crawler.stats.get_value("articles/oversize/category") is None


def test_fields_within_their_bounds_are_left_alone():
    crawler = crawler_with()
    item = through_pipelines(article(), crawler)
    assert (item["title"], item["authors"], item["tags"]) == (
        "Banjir di Pondok Aren",
        ["Budi"],
        ["banjir"],
    )
    assert not any(key.startswith("articles/oversize") for key in crawler.stats.get_stats())


def test_an_article_whose_body_is_over_the_bound_is_dropped_and_counted():
    crawler = crawler_with(ITEM_MAX_BODY_CHARS=len(PARAGRAPH) * 3)
    item = article(body_html=f"<p>{PARAGRAPH}</p>" * 4)
    with pytest.raises(DropItem, match="https://radartangsel.example/banjir/"):
        through_pipelines(item, crawler)
    assert crawler.stats.get_value("articles/oversize/body") == 1
    assert crawler.stats.get_value("articles/dropped/oversize_body") == 1
    assert through_pipelines(article(body_html=f"<p>{PARAGRAPH}</p>" * 2), crawler)


def test_the_bounds_are_sane_for_news():
    assert 200 <= settings.base.ITEM_MAX_TITLE_CHARS <= 1000
    assert 10 <= settings.base.ITEM_MAX_AUTHORS <= 100
    assert 20 <= settings.base.ITEM_MAX_TAGS <= 200
    assert 100_000 <= settings.base.ITEM_MAX_BODY_CHARS <= 2_000_000
    assert 2**20 < settings.base.DOWNLOAD_WARNSIZE < settings.base.DOWNLOAD_MAXSIZE <= 64 * 2**20


# --- cleaning off the reactor (#16 point 2)


def test_the_loop_runs_while_a_large_body_is_cleaned():
    """A call scheduled on the loop right after the item runs before the item's cleaning is
    done: the cleaning waits in a worker thread. Cleaned on the loop's own thread, the task
    would finish in its first step, before the call."""
    crawler = crawler_with()
    body = "<div>" + f"<p>{PARAGRAPH}</p><div class='td-a-rec'>iklan</div>" * 40_000 + "</div>"
    assert len(body) >= 4 * 2**20
    item = article(body_html=body)
    events: list[tuple[str, bool]] = []

    async def crawl() -> None:
        task = asyncio.create_task(CleaningPipeline.from_crawler(crawler).process_item(item))
        asyncio.get_running_loop().call_soon(lambda: events.append(("loop ran", task.done())))
        await task
        events.append(("item cleaned", task.done()))

    asyncio.run(crawl())
    assert events == [("loop ran", False), ("item cleaned", True)]
    assert item["body"].count(PARAGRAPH) == 40_000 and "iklan" not in item["body"]
    assert crawler.stats.get_value("cleaning/in_thread") == 1


def test_a_small_body_is_cleaned_on_the_loop_thread():
    crawler = crawler_with()
    item = through_pipelines(article(), crawler)
    assert item["body"] == PARAGRAPH
    assert crawler.stats.get_value("cleaning/in_thread") is None


# --- log lines (#16 point 6)


def test_a_failing_item_logs_one_short_line_with_its_url_and_error():
    item = article(body_html="<p>" + "markup mentah " * 100_000 + "</p>")
    error = UnicodeEncodeError("utf-8", "Banjir\ud800" * 1000, 6, 7, "surrogates not allowed")
    level, message, args = logformatter_adapter(LogFormatter().item_error(item, error, None, None))
    line = message % args
    assert level == logging.ERROR
    assert "\n" not in line and len(line) < 120 + MAX_REASON_CHARS
    assert line.startswith("Error processing https://radartangsel.example/banjir/: ")
    assert "UnicodeEncodeError" in line and "markup mentah" not in line


def test_a_dropped_item_logs_one_short_line():
    level, message, args = logformatter_adapter(
        LogFormatter().dropped(article(), DropItem("no body: https://x.test/a/"), None, None)
    )
    assert (level, message % args) == (logging.WARNING, "Dropped: no body: https://x.test/a/")


def test_an_item_error_anywhere_in_the_chain_is_counted_as_a_drop():
    crawler = crawler_with()
    pipeline = ValidationPipeline.from_crawler(crawler)  # connects to the item_error signal
    crawler.signals.send_catch_log(
        signals.item_error,
        item=article(),
        response=None,
        spider=None,
        failure=None,
    )
    assert crawler.stats.get_value("articles/dropped/item_error") == 1
    assert pipeline.stats is crawler.stats
