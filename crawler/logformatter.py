"""Log lines for dropped items: the reason and the URL, never the whole item (whose raw body
markup would flood cron logs)."""

from __future__ import annotations

import logging

from scrapy import logformatter


class LogFormatter(logformatter.LogFormatter):
    def dropped(self, item, exception, response, spider):
        return {
            "level": logging.WARNING,
            "msg": "Dropped: %(exception)s",
            "args": {"exception": exception},
        }
