"""PoliteRetryMiddleware: Scrapy's RetryMiddleware, waiting before each retry.

Scrapy retries a 429/503 (RETRY_HTTP_CODES) or a connection error at once: against a site that
answers `Retry-After: 3`, its four attempts took 0.31 s and the page was dropped (issue 16).
Here each retry waits first, then goes to the scheduler like any retry:

- as long as the response's `Retry-After` asks (seconds, or an HTTP date), when it asks for no
  more than RETRY_AFTER_MAX seconds; a site asking for longer is not retried in this run
  (stat `retry/retry_after_too_long`): the next cron run fetches the page again;
- else an exponential backoff: RETRY_BACKOFF_BASE seconds before the first retry, doubling
  with each retry, at most RETRY_BACKOFF_MAX.

The wait is an asyncio sleep (the settings install the asyncio reactor): the response's own
middleware chain waits, while the rest of the crawl goes on. Stats: `retry/waited_seconds`.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.response import response_status_message

from crawler.meta import GIVE_UP_LOG_LEVEL

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """The wait a Retry-After header asks for (RFC 9110 §10.2.3: seconds, or an HTTP date), or
    None when there is no readable one. A date in the past asks for no wait."""
    if not value:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max((moment - (now or datetime.now(UTC))).total_seconds(), 0.0)


class PoliteRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE")
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX")
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX")

    def backoff(self, retry_times: int) -> float:
        """The wait before retry number `retry_times` (1 for the first) when the site asks
        for none."""
        return min(self.backoff_base * 2 ** (retry_times - 1), self.backoff_max)

    async def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        if asked is not None and asked > self.retry_after_max:
            self.crawler.stats.inc_value("retry/retry_after_too_long")
            logger.info(
                "Not retrying %s in this run: Retry-After asks for %.0f s (RETRY_AFTER_MAX %.0f)",
                request.url,
                asked,
                self.retry_after_max,
            )
            return response
        retry = self.retry_request(request, response_status_message(response.status))
        if retry is None:
            return response
        await self._wait(max(asked or 0.0, self.backoff(retry.meta["retry_times"])))
        return retry

    async def process_exception(
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> Request | Response | None:
        if request.meta.get("dont_retry", False):
            return None
        if not isinstance(exception, self.exceptions_to_retry):
            return None
        retry = self.retry_request(request, exception)
        if retry is not None:
            await self._wait(self.backoff(retry.meta["retry_times"]))
        return retry

    def retry_request(self, request: Request, reason: str | Exception) -> Request | None:
        """The retry of `request`, or None when its retries are used up (Scrapy's public
        get_retry_request, with the request's own limits as RetryMiddleware reads them)."""
        assert self.crawler.spider is not None
        return get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=reason,
            max_retry_times=request.meta.get("max_retry_times", self.max_retry_times),
            priority_adjust=request.meta.get("priority_adjust", self.priority_adjust),
            give_up_log_level=request.meta.get(GIVE_UP_LOG_LEVEL, self.give_up_log_level),
        )

    async def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self.crawler.stats.inc_value("retry/waited_seconds", round(seconds))
            await asyncio.sleep(seconds)
