"""`scrapy crawl radartangsel` against a hostile site on 127.0.0.1, into a real SecantusDB server,
with the default bounds of settings/base.py: a page over DOWNLOAD_MAXSIZE and a gzip bomb are
dropped and counted, a lone surrogate in an author's name does not cost the article, and the
good article beside them is stored (issue #16, points 2, 3, 6, 11)."""

from __future__ import annotations

import contextlib
import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from crawler.store import ArticleStore
from replica.server import LocalServer
from settings.base import DOWNLOAD_MAXSIZE
from tests.crawl import dumped_drops, dumped_stat, run_scrapy

FIXTURE = (
    Path(__file__).parent / "fixtures" / "radartangsel" / "seed-korsel-as-jepang-2023-12-07.html"
)
GOOD = "/2023/12/07/artikel-biasa/"
TOO_LARGE = "/2023/12/07/halaman-raksasa/"
BOMB = "/2023/12/07/bom-gzip/"
SURROGATE = "/2023/12/07/nama-rusak/"


def pages(base_url: str) -> dict[str, tuple[bytes, dict[str, str]]]:
    """path -> (body, headers) of the hostile site."""
    page = FIXTURE.read_bytes()
    padding = b"<!-- " + b"x" * (DOWNLOAD_MAXSIZE + 2**20) + b" -->"
    over = page.replace(b"</body>", padding + b"</body>")
    # The author link is gone, so the name comes from the JSON-LD, where an escape gives a
    # lone surrogate (json.loads("\\ud800") is "\ud800"): what crashed the store before.
    broken_name = page.replace(b"td-post-author-name", b"td-post-author-gone").replace(
        b'"name":"Ahmad Rifai Hasan"', b'"name":"Ahmad\\ud800 Rifai"'
    )
    urls = "".join(
        f"<url><loc>{base_url}{path}</loc><lastmod>2023-12-07T10:00:00+07:00</lastmod></url>"
        for path in (GOOD, TOO_LARGE, BOMB, SURROGATE)
    )
    sitemap = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    html = {"Content-Type": "text/html; charset=UTF-8"}
    return {
        "/robots.txt": (f"User-agent: *\nSitemap: {base_url}/sitemap.xml\n".encode(), {}),
        "/sitemap.xml": (sitemap.encode(), {"Content-Type": "application/xml"}),
        GOOD: (page, html),
        TOO_LARGE: (over, html),
        BOMB: (gzip.compress(over, compresslevel=9), html | {"Content-Encoding": "gzip"}),
        SURROGATE: (broken_name, html),
    }


class _Handler(BaseHTTPRequestHandler):
    site: dict[str, tuple[bytes, dict[str, str]]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        body, headers = self.site.get(self.path, (b"not found", {}))
        self.send_response(200 if self.path in self.site else 404)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # the crawler cancels a download over DOWNLOAD_MAXSIZE: that is the point
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def hostile_site() -> Iterator[str]:
    server = LocalServer(("127.0.0.1", 0), _Handler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    _Handler.site = pages(base_url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def crawl(hostile_site, mongo_uri):
    db = "hostile_pages"
    result = run_scrapy(
        "crawl", "radartangsel", "-a", f"base_url={hostile_site}",
        MONGO_URI=mongo_uri, MONGO_DATABASE=db,
    )  # fmt: skip
    store = ArticleStore(mongo_uri, db)
    yield result, store, hostile_site
    store.close()


def test_a_page_over_download_maxsize_and_a_gzip_bomb_are_dropped_and_counted(crawl):
    result, store, base_url = crawl
    assert result.returncode == 0, result.stderr[-4000:]
    assert store.get(f"{base_url}{TOO_LARGE}") is None
    assert store.get(f"{base_url}{BOMB}") is None
    assert dumped_drops(result.stderr) == {"too_large": 2}
    # Scrapy's own lines: cancelled while downloading, and stopped while decompressing
    assert "larger than download max size" in result.stderr
    assert "exceeded DOWNLOAD_MAXSIZE" in result.stderr
    # never more than the bound was held: the large page's bytes were not all read
    assert dumped_stat(result.stderr, "downloader/response_bytes") < DOWNLOAD_MAXSIZE


def test_the_good_article_beside_them_is_stored(crawl):
    result, store, base_url = crawl
    stored = store.get(f"{base_url}{GOOD}")
    assert stored is not None and stored["authors"] == ["Ahmad Rifai Hasan"]
    assert "Traceback" not in result.stderr


def test_a_lone_surrogate_in_an_author_name_is_repaired_and_the_article_stored(crawl):
    result, store, base_url = crawl
    stored = store.get(f"{base_url}{SURROGATE}")
    assert stored is not None, result.stderr[-4000:]
    assert stored["authors"] == ["Ahmad\ufffd Rifai"]
    assert len(stored["content_hash"]) == 64
    assert dumped_stat(result.stderr, "articles/repaired_text/authors") == 1
    assert dumped_stat(result.stderr, "store/new") == 2
