"""Log lines for dropped and failed items: the URL and the reason, never the whole item (whose
raw body markup, a thousand lines, would flood cron logs and hide the reason).

A failed item (an exception in a pipeline) is one ERROR line, "Error processing <url>: <error>";
Scrapy adds the traceback to that record itself (core/scraper.py logs it with exc_info=True),
which says where it failed, without the item.
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter, is_item
from scrapy import logformatter

# What is kept of an error's message: some (a KeyError, a UnicodeEncodeError) quote the value.
MAX_REASON_CHARS = 300


class LogFormatter(logformatter.LogFormatter):
    def dropped(self, item, exception, response, spider):
        return {
            "level": logging.WARNING,
            "msg": "Dropped: %(exception)s",
            "args": {"exception": short(str(exception))},
        }

    def item_error(self, item, exception, response, spider):
        return {
            "level": logging.ERROR,
            "msg": "Error processing %(url)s: %(error)s",
            "args": {
                "url": item_url(item),
                "error": short(f"{type(exception).__name__}: {exception}"),
            },
        }


def item_url(item: Any) -> str:
    """The item's URL, for a log line; "(no url)" for an item without one."""
    url = ItemAdapter(item).get("url") if is_item(item) else None
    return short(str(url)) if url else "(no url)"


def short(text: str) -> str:
    """One line of at most MAX_REASON_CHARS characters."""
    line = " ".join(text.split())
    return line if len(line) <= MAX_REASON_CHARS else line[: MAX_REASON_CHARS - 1] + "…"
