"""robots.txt is read once for both of its readers (crawler/robots.py): the rules Scrapy's
middleware obeys, and the `Sitemap:` lines the spider's discovery follows. A real crawl against
an HTTP server on 127.0.0.1 that counts what it is asked for."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.crawl import run_scrapy

ROBOTS_TXT = "User-agent: *\nDisallow: /feed/\nSitemap: {base}/named-sitemap.xml\n"
SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
)


class CountingSite:
    def __init__(self) -> None:
        self.asked: Counter[str] = Counter()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                site.asked[self.path] += 1
                if self.path == "/robots.txt":
                    self.reply(200, ROBOTS_TXT.format(base=site.url), "text/plain")
                elif self.path == "/named-sitemap.xml":
                    self.reply(200, SITEMAP, "application/xml")
                else:
                    self.reply(404, "not here", "text/plain")

            def reply(self, status: int, body: str, content_type: str) -> None:
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def counting_site() -> Iterator[CountingSite]:
    site = CountingSite()
    yield site
    site.server.shutdown()
    site.server.server_close()


def test_robots_txt_is_fetched_once_obeyed_and_its_sitemaps_followed(
    counting_site, mongo_uri, mongo_db_name
):
    result = run_scrapy(
        "crawl",
        "radartangsel",
        "-a",
        f"base_url={counting_site.url}",
        MONGO_URI=mongo_uri,
        MONGO_DATABASE=mongo_db_name,
    )
    assert "Traceback" not in result.stderr.split("[Spidermon]")[0], result.stderr[-3000:]
    assert counting_site.asked["/robots.txt"] == 1
    assert counting_site.asked["/named-sitemap.xml"] == 1, "the spider read its Sitemap: line"
    assert "/sitemap_index.xml" not in counting_site.asked, "robots.txt named a sitemap"
    assert "/feed/" not in counting_site.asked, "robots.txt forbids the feed"


def test_without_obeying_robots_txt_the_spider_still_reads_it_once(
    counting_site, mongo_uri, mongo_db_name
):
    result = run_scrapy(
        "crawl",
        "radartangsel",
        "-a",
        f"base_url={counting_site.url}",
        MONGO_URI=mongo_uri,
        MONGO_DATABASE=mongo_db_name,
        ROBOTSTXT_OBEY="False",
    )
    assert counting_site.asked["/robots.txt"] == 1, result.stderr[-3000:]
    assert counting_site.asked["/named-sitemap.xml"] == 1
    assert counting_site.asked["/feed/"] == 1, "nothing is forbidden when robots.txt is not obeyed"
