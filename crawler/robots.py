"""Each site's robots.txt, read once for both of its readers: Scrapy's robots.txt middleware
(ROBOTSTXT_OBEY: which URLs may be fetched) and the spider's discovery (its `Sitemap:` lines).

Scrapy's middleware downloads a site's robots.txt before the first request to the site, and
the spider asked for it again (crawler/spiders/base.py: parse_robots): two downloads, and,
for a site that does not answer, two sets of retries and two reports. Here the middleware keeps
what its download brought, a response or an error, and answers the spider's own request for
robots.txt (meta ROBOTS_TXT) with it: one download, and the spider's callback or errback as
before, which reports an error once, as it reports any other source. The middleware's own
download logs nothing (Scrapy's logs an ERROR with a traceback): its retries give up quietly
(meta GIVE_UP_LOG_LEVEL) and its error is the spider's to report; whatever else comes of it is
counted in Scrapy's `robotstxt/*` stats. A crawl that reads the REST API (and the API answers)
never asks for robots.txt itself: a failure to download it is then only counted, and, as with
Scrapy's middleware, nothing is forbidden. With ROBOTSTXT_OBEY off, there is no middleware and
the spider's request goes to the site.

The download is Scrapy's own `robot_parser`, but for its logging; it hands the outcome to the
middleware's `_parse_robots` and `_robots_error`, as Scrapy's does (the same in 2.18 and 2.19,
the range pyproject.toml allows; `make test-lowest` runs these tests with 2.18).
"""

from __future__ import annotations

import logging

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from crawler.meta import GIVE_UP_LOG_LEVEL, ROBOTS_TXT


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._downloaded: dict[str, Response | Exception] = {}

    async def process_request(
        self, request: Request, spider: Spider | None = None
    ) -> Response | None:
        if not request.meta.get(ROBOTS_TXT):
            return await super().process_request(request)
        await self.robot_parser(request)
        downloaded = self._downloaded[urlparse_cached(request).netloc]
        if isinstance(downloaded, Exception):
            raise downloaded
        return downloaded.replace(request=request)

    async def robot_parser(self, request: Request) -> RobotParser | None:
        url = urlparse_cached(request)
        if url.netloc not in self._parsers:
            self._parsers[url.netloc] = Deferred()
            robots_request = Request(
                f"{url.scheme}://{url.netloc}/robots.txt",
                priority=self.DOWNLOAD_PRIORITY,
                meta={"dont_obey_robotstxt": True, GIVE_UP_LOG_LEVEL: logging.DEBUG},
                callback=NO_CALLBACK,
            )
            try:
                response = await self.crawler.engine.download_async(robots_request)
            except Exception as exc:  # whatever it is, the spider's errback reports it
                self._downloaded[url.netloc] = exc
                self._robots_error(exc, url.netloc)
            else:
                self._downloaded[url.netloc] = response
                await self._parse_robots(response, url.netloc, request)
            self._stats.inc_value("robotstxt/request_count")
        return await super().robot_parser(request)  # known now: the parser, or None
