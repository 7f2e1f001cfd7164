"""Retries wait as the site asks (Retry-After) or back off (crawler/retry.py): a real crawl
against an HTTP server on 127.0.0.1 that records when each request came."""

from __future__ import annotations

import textwrap
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crawler.retry import retry_after_seconds
from tests.crawl import run_scrapy

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        (b"3", 3.0),
        ("120", 120.0),
        (format_datetime(NOW + timedelta(seconds=90), usegmt=True), 90.0),
        (format_datetime(NOW - timedelta(hours=1), usegmt=True), 0.0),  # past: no wait
        (b"soon", None),
        (None, None),
    ],
)
def test_retry_after_is_read_as_seconds_or_an_http_date(header, seconds):
    assert retry_after_seconds(header, now=NOW) == seconds


class FlakyServer(ThreadingHTTPServer):
    """Answers `failures` times 503 (with `retry_after` as Retry-After, if any), then 200;
    remembers when each request came (time.monotonic)."""

    def __init__(self, failures: int, retry_after: str | None) -> None:
        self.failures = failures
        self.retry_after = retry_after
        self.arrivals: list[float] = []
        super().__init__(("127.0.0.1", 0), FlakyHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/berita/"


class FlakyHandler(BaseHTTPRequestHandler):
    server: FlakyServer

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.arrivals.append(time.monotonic())
        failing = len(self.server.arrivals) <= self.server.failures
        body = b"busy" if failing else b"<html><body><h1>Berita</h1></body></html>"
        self.send_response(503 if failing else 200)
        if failing and self.server.retry_after:
            self.send_header("Retry-After", self.server.retry_after)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def crawl(tmp_path, server: FlakyServer, **settings: str):
    spider = tmp_path / "one_page.py"
    spider.write_text(
        textwrap.dedent(
            f"""
            import scrapy

            class OnePage(scrapy.Spider):
                name = "one_page"
                start_urls = [{server.url!r}]
                # no store, no pipelines: only the downloads are under test
                custom_settings = {{
                    "ADDONS": {{}}, "ITEM_PIPELINES": {{}}, "ROBOTSTXT_OBEY": False
                }}

                def parse(self, response):
                    yield {{"title": response.css("h1::text").get()}}
            """
        )
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        return run_scrapy("runspider", str(spider), "-O", str(tmp_path / "items.jsonl"), **settings)
    finally:
        server.shutdown()
        server.server_close()


def test_a_retry_waits_as_long_as_retry_after_asks(tmp_path):
    server = FlakyServer(failures=1, retry_after="2")
    result = crawl(tmp_path, server, RETRY_TIMES="3")
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(server.arrivals) == 2
    assert server.arrivals[1] - server.arrivals[0] >= 2.0
    assert "Berita" in (tmp_path / "items.jsonl").read_text()


def test_retries_back_off_when_the_site_asks_nothing(tmp_path):
    server = FlakyServer(failures=2, retry_after=None)
    result = crawl(tmp_path, server, RETRY_TIMES="3", RETRY_BACKOFF_BASE="0.5")
    assert result.returncode == 0, result.stderr[-2000:]
    first, second, third = server.arrivals
    assert second - first >= 0.5
    assert third - second >= 1.0  # doubled
    assert "Berita" in (tmp_path / "items.jsonl").read_text()


def test_a_site_asking_for_too_long_a_wait_is_left_to_the_next_run(tmp_path):
    server = FlakyServer(failures=5, retry_after="3600")
    result = crawl(tmp_path, server, RETRY_TIMES="3", RETRY_AFTER_MAX="60")
    assert len(server.arrivals) == 1
    assert "'retry/retry_after_too_long': 1" in result.stderr
