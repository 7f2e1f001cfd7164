"""Log lines for dropped and failed items: the URL and the reason, never the whole item (whose
raw body markup, a thousand lines, would flood cron logs and hide the reason).

A failed item (an exception in a pipeline) is one ERROR line, "Error processing <url>: <error>";
Scrapy adds the traceback to that record itself (core/scraper.py logs it with exc_info=True),
which says where it failed, without the item.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from itemadapter import ItemAdapter, is_item
from scrapy import logformatter
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
)

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


# What went wrong with a download that got no response, for the one line that reports it.
NETWORK_FAILURES: tuple[tuple[type[BaseException], str], ...] = (
    (CannotResolveHostError, "DNS lookup failed"),
    (DownloadConnectionRefusedError, "connection refused"),
    (DownloadTimeoutError, "timed out"),
)


def download_failure(error: BaseException) -> str:
    """A download error in a few words that say which kind it is: DNS, refused, TLS, timeout,
    or the error's own message, e.g. "DNS lookup failed: no results for hostname lookup:
    nosuchhost.invalid"."""
    message = short(str(error)) or type(error).__name__
    for kind, words in NETWORK_FAILURES:
        if isinstance(error, kind):
            return message if message.lower().startswith(words.lower()) else f"{words}: {message}"
    tls = next((cause for cause in _causes(error) if _is_tls_error(cause)), None)
    if tls is not None:
        # OpenSSL's errors are lists of (library, function, reason): the reasons say it.
        reasons = re.findall(r"'([^']+)'\)", str(tls))
        return f"TLS failed: {'; '.join(reasons) or short(str(tls))}"
    return message


def _causes(error: BaseException) -> list[BaseException]:
    """The error, what caused it, and the reasons Twisted gathers in a ResponseNeverReceived."""
    found: list[BaseException] = []
    pending = [error]
    while pending and len(found) < 20:
        cause = pending.pop(0)
        found.append(cause)
        if cause.__cause__ is not None:
            pending.append(cause.__cause__)
        for reason in getattr(cause, "reasons", None) or []:
            value = getattr(reason, "value", reason)
            if isinstance(value, BaseException):
                pending.append(value)
    return found


def _is_tls_error(error: BaseException) -> bool:
    name = f"{type(error).__module__}.{type(error).__name__}".lower()
    return "ssl" in name or "tls" in name
