"""The fault suite (issue #16): `scrapy crawl radartangsel` against hostile sites served on
127.0.0.1, into a real SecantusDB server. Each case is one the crawler met or could meet:

  - discovery traps: a sitemap index chaining to another without end, beside the real post
    sitemap (points 4-5: read in a fair order, bounded); a gzipped sitemap that expands past
    DOWNLOAD_MAXSIZE (point 3); listings paging on without end (point 5); a site with only a
    feed and listings whose feed repeats the first listing page (point 4: backfilled);
  - pages that cannot become articles, each dropped under its own key with one log line
    (point 10): a redirect loop, redirects and meta refreshes off site, a stall, a slow drip, a
    page refused by robots.txt, an empty 200, a binary body, 404 and 410;
  - dead URLs remembered in the store, not fetched again until due, and a fixed page coming back
    (point 8).

A store killed mid-crawl is tests/test_spool.py's, a crawler killed mid-crawl
tests/test_resume.py's; the bounds on page size and decompressed articles
tests/test_hostile_pages.py's. Every crawl here runs under a subprocess timeout and
CLOSESPIDER_TIMEOUT: a trap that is not bounded fails the test instead of hanging it.
"""

from __future__ import annotations

import contextlib
import gzip
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import BinaryIO

import pytest
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import Request
from twisted.python.failure import Failure

from crawler.spiders.base import _failure_reason
from crawler.store import ArticleStore
from crawler.store.spool import Spool
from replica.server import LocalServer
from settings.base import DOWNLOAD_MAXSIZE
from tests.conftest import free_port, start_secantusd, stop_process
from tests.crawl import dumped_drops, dumped_stat, run_scrapy, start_scrapy
from tests.test_spool import wait_for_articles

FIXTURE = (
    Path(__file__).parent / "fixtures" / "radartangsel" / "seed-korsel-as-jepang-2023-12-07.html"
)
HTML = {"Content-Type": "text/html; charset=UTF-8"}
XML = {"Content-Type": "application/xml"}
# Every crawl: few retries and a short stall bound, so the suite stays quick; and a time limit
# below the subprocess timeout, so a trap that is not bounded shows in the stats, not as a hang.
CRAWL_SETTINGS = {
    "RETRY_TIMES": "0",
    "DOWNLOAD_TIMEOUT": "2",
    "CLOSESPIDER_TIMEOUT": "100",
    "SPIDERMON_ENABLED": "False",  # a hostile site is a degraded run by design: not judged here
}
CRAWL_TIMEOUT = 150


class Drip(bytes):
    """A body sent a few bytes at a time with a pause after each: the response never stalls
    (bytes keep coming) and still takes longer than DOWNLOAD_TIMEOUT (2 s) in all."""

    CHUNKS, PAUSE = 10, 0.5

    def send(self, out: BinaryIO) -> None:
        size = -(-len(self) // self.CHUNKS)
        for start in range(0, len(self), size):
            out.write(self[start : start + size])
            out.flush()
            time.sleep(self.PAUSE)


# A page: (status, headers, body); a route: a page or a function of the path giving one.
Page = tuple[int, dict[str, str], bytes]


def article_path(number: int) -> str:
    return f"/2023/12/07/artikel-{number}/"


def urlset(base_url: str, paths: list[str], lastmod: str = "2023-12-07T10:00:00+07:00") -> bytes:
    urls = "".join(
        f"<url><loc>{base_url}{p}</loc><lastmod>{lastmod}</lastmod></url>" for p in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    ).encode()


def sitemap_index(base_url: str, children: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<sitemap><loc>{base_url}{path}</loc><lastmod>{lastmod}</lastmod></sitemap>"
        for path, lastmod in children
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
        "</sitemapindex>"
    ).encode()


class HostileSite:
    """A site on 127.0.0.1 whose routes a test sets and changes between crawls."""

    def __init__(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                site.requests.append(self.path)
                status, headers, body = site.page(self.path)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    if isinstance(body, Drip):
                        body.send(self.wfile)
                    else:
                        self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = LocalServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.routes: dict[str, Page | Callable[[str], Page]] = {}
        self.patterns: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Page]]] = []
        self.requests: list[str] = []

    def page(self, path: str) -> Page:
        route = self.routes.get(path)
        if callable(route):
            return route(path)
        if route is not None:
            return route
        for pattern, make in self.patterns:
            if match := pattern.fullmatch(path):
                return make(match)
        return 404, HTML, b"<html><body>tidak ditemukan</body></html>"

    def __enter__(self) -> HostileSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def crawl(site: HostileSite, mongo_uri: str, db: str, **settings: str):
    result = run_scrapy(
        "crawl", "radartangsel", "-a", f"base_url={site.base_url}",
        timeout=CRAWL_TIMEOUT, MONGO_URI=mongo_uri, MONGO_DATABASE=db,
        **(CRAWL_SETTINGS | settings),
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr[-4000:]
    return result


def stall(path: str) -> Page:
    time.sleep(4)  # past DOWNLOAD_TIMEOUT (2 s)
    return 200, HTML, FIXTURE.read_bytes()


# --- drops, sitemap traps and dead URLs -----------------------------------------------------

GOOD = [article_path(number) for number in range(1, 6)]
DROPS = {
    "/2023/12/07/putar-putar/": "redirect_loop",
    "/2023/12/07/pindah-situs/": "offsite_redirect",
    "/2023/12/07/segarkan-ke-luar/": "offsite_refresh",
    "/2023/12/07/lambat/": "timeout",
    "/2023/12/07/menetes/": "timeout",  # a slow drip
    "/terlarang/2023/12/07/rahasia/": "robots",
    "/2023/12/07/kosong/": "empty",
    "/2023/12/07/biner/": "binary",
    "/2023/12/07/hilang/": "http_404",
    "/2023/12/07/dihapus/": "http_410",
}
MISSING, GONE = "/2023/12/07/hilang/", "/2023/12/07/dihapus/"


def hostile_routes(site: HostileSite, good: list[str] = GOOD) -> None:
    base, page = site.base_url, FIXTURE.read_bytes()
    robots = f"User-agent: *\nDisallow: /terlarang/\nSitemap: {base}/sitemap_index.xml\n"
    # Over DOWNLOAD_MAXSIZE once gunzipped, some 20 KB as served.
    bomb = gzip.compress(
        urlset(base, []).replace(b"</urlset>", b" " * (DOWNLOAD_MAXSIZE + 1) + b"</urlset>")
    )
    site.routes.update(
        {
            "/robots.txt": (200, {}, robots.encode()),
            # The chain is the newest child: read last in first out, it starved the others.
            "/sitemap_index.xml": (
                200,
                XML,
                sitemap_index(
                    base,
                    [
                        ("/post-sitemap.xml", "2023-12-01T00:00:00Z"),
                        ("/post-sitemap-besar.xml.gz", "2023-12-02T00:00:00Z"),
                        ("/news-sitemap-1.xml", "2023-12-09T00:00:00Z"),
                    ],
                ),
            ),
            "/post-sitemap.xml": (200, XML, urlset(base, [*good, *DROPS])),
            "/post-sitemap-besar.xml.gz": (200, {"Content-Type": "application/gzip"}, bomb),
            "/2023/12/07/putar-putar/": (302, {"Location": "/2023/12/07/putar-putar-2/"}, b""),
            "/2023/12/07/putar-putar-2/": (302, {"Location": "/2023/12/07/putar-putar/"}, b""),
            "/2023/12/07/pindah-situs/": (302, {"Location": "http://luar.invalid/x/"}, b""),
            "/2023/12/07/segarkan-ke-luar/": (
                200,
                HTML,
                b'<html><head><meta http-equiv="refresh" content="0; url=http://luar.invalid/y/">'
                b"</head><body></body></html>",
            ),
            "/2023/12/07/lambat/": stall,
            "/2023/12/07/menetes/": (200, HTML, Drip(page)),
            "/terlarang/2023/12/07/rahasia/": (200, HTML, page),
            "/2023/12/07/kosong/": (200, HTML, b""),
            "/2023/12/07/biner/": (200, HTML, bytes(range(256)) * 64),
            GONE: (410, HTML, b"<html><body>dihapus</body></html>"),
            **{path: (200, HTML, page) for path in good},
        }
    )
    # An index that lists the next index, without end.
    site.patterns.append(
        (
            re.compile(r"/news-sitemap-(\d+)\.xml"),
            lambda match: (
                200,
                XML,
                sitemap_index(
                    base, [(f"/news-sitemap-{int(match[1]) + 1}.xml", "2023-12-09T00:00:00Z")]
                ),
            ),
        )
    )


@pytest.fixture(scope="module")
def hostile_site() -> Iterator[HostileSite]:
    with HostileSite() as site:
        hostile_routes(site)
        yield site


@pytest.fixture(scope="module")
def first_crawl(hostile_site, mongo_uri):
    db = "faults_drops"
    result = crawl(hostile_site, mongo_uri, db, DISCOVERY_MAX_SITEMAPS="12")
    store = ArticleStore(mongo_uri, db)
    yield result, store
    store.close()


@pytest.mark.slow
def test_a_sitemap_chain_without_end_neither_hangs_nor_starves_the_post_sitemap(
    first_crawl, hostile_site
):
    result, store = first_crawl
    assert result.returncode == 0, result.stderr[-4000:]
    for path in GOOD:
        assert store.get(hostile_site.base_url + path) is not None, path
    chain = [path for path in hostile_site.requests if path.startswith("/news-sitemap-")]
    assert 0 < len(chain) <= 12
    assert dumped_stat(result.stderr, "discovery/dropped/sitemap_limit") == 1
    assert "finish_reason': 'finished'" in result.stderr


@pytest.mark.slow
def test_a_sitemap_over_download_maxsize_once_gunzipped_is_dropped_and_counted(first_crawl):
    result, _ = first_crawl
    assert dumped_stat(result.stderr, "discovery/dropped/too_large") == 1
    assert "post-sitemap-besar.xml.gz expands past DOWNLOAD_MAXSIZE" in result.stderr


@pytest.mark.slow
def test_every_drop_is_counted_under_its_own_key_with_one_log_line(first_crawl, hostile_site):
    result, store = first_crawl
    assert dumped_drops(result.stderr) == Counter(DROPS.values())
    for path, reason in DROPS.items():
        assert store.get(hostile_site.base_url + path) is None
        lines = re.findall(rf"dropped \S*{re.escape(path)} \({reason}\)", result.stderr)
        assert len(lines) == 1, (path, reason)


@pytest.mark.slow
def test_dead_urls_are_remembered_and_a_fixed_page_comes_back(first_crawl, hostile_site, mongo_uri):
    result, store = first_crawl
    assert dumped_stat(result.stderr, "incremental/dead_recorded") == 2
    base = hostile_site.base_url
    # The next run does not ask for them again.
    hostile_site.requests.clear()
    again = crawl(hostile_site, mongo_uri, store.database, DISCOVERY_MAX_SITEMAPS="12")
    assert dumped_stat(again.stderr, "incremental/skipped_dead") == 2
    assert MISSING not in hostile_site.requests and GONE not in hostile_site.requests
    # Fixed, and due again (a retry period of 0 days): fetched, stored, forgotten as dead; the
    # page still gone is recorded once more.
    hostile_site.routes[MISSING] = (200, HTML, FIXTURE.read_bytes())
    due = crawl(
        hostile_site,
        mongo_uri,
        store.database,
        DISCOVERY_MAX_SITEMAPS="12",
        DEAD_URL_RETRY_DAYS="0",
    )
    assert dumped_stat(due.stderr, "incremental/retry_dead") == 2
    assert dumped_stat(due.stderr, "incremental/dead_revived") == 1
    assert dumped_stat(due.stderr, "incremental/dead_recorded") == 1
    assert store.get(base + MISSING) is not None
    # The page still gone failed twice: it waits twice as long now (tests/test_incremental.py).
    assert {
        url: dead["failures"]
        for url, dead in store.dead_urls([base + MISSING, base + GONE]).items()
    } == {base + GONE: 2}


@pytest.mark.slow
def test_a_store_killed_mid_crawl_loses_no_article_and_every_drop_is_still_counted(tmp_path):
    port = free_port()
    uri = f"mongodb://127.0.0.1:{port}/?directConnection=true"
    spool = Spool(tmp_path / "spool" / "articles.jsonl")
    settings = {
        "MONGO_URI": uri,
        "MONGO_DATABASE": "news",  # what wait_for_articles watches
        "MONGO_TIMEOUT_MS": "1000",
        "STORE_SPOOL_PATH": str(spool.path),
        "STORE_BATCH_SIZE": "10",
        "STORE_RETRY_DELAYS": "0.2",
        "STORE_PROBE_INTERVAL": "60",
    }
    good = [article_path(number) for number in range(1, 201)]
    server = start_secantusd(port, tmp_path / "db", "--sync-on-commit")
    try:
        with HostileSite() as site:
            hostile_routes(site, good)
            crawl = start_scrapy(
                "crawl", "radartangsel", "-a", f"base_url={site.base_url}",
                **(CRAWL_SETTINGS | settings), DISCOVERY_MAX_SITEMAPS="12",
            )  # fmt: skip
            try:
                wait_for_articles(uri, at_least=20, crawl=crawl)
                server.kill()  # mid-crawl, without warning
                server.wait()
                _, log = crawl.communicate(timeout=CRAWL_TIMEOUT)
            finally:
                stop_process(crawl)
            base = site.base_url
        assert crawl.returncode == 3, log[-3000:]  # finished, with articles in the spool
        assert "Traceback" not in log, log[-3000:]
        drops = [line for line in log.splitlines() if ": dropped " in line]
        assert dumped_drops(log) == Counter(DROPS.values()), drops
        # the 404/410s: fetched again by the next run
        assert dumped_stat(log, "incremental/dead_url_errors") == 1
        assert spool.pending() > 0

        server = start_secantusd(port, tmp_path / "db", "--sync-on-commit")
        replay = run_scrapy("store", "replay", **settings)
        assert replay.returncode == 0, replay.stderr[-3000:]
        with ArticleStore(uri, "news") as store:
            assert store.count({"url": {"$in": [base + path for path in good]}}) == len(good)
            assert store.count() == len(good)  # one document each, nothing else
        assert spool.pending() == 0
    finally:
        stop_process(server)


def test_download_failures_have_their_own_keys():
    request = Request("http://127.0.0.1/x/")

    def reason(exc: Exception) -> str:
        failure = Failure(exc)
        failure.request = request  # type: ignore[attr-defined] - as Scrapy sets it
        return _failure_reason(failure)

    assert reason(DownloadTimeoutError("took longer than 2.0 seconds")) == "timeout"
    assert reason(DownloadConnectionRefusedError("refused")) == "refused"
    assert reason(CannotResolveHostError("no such host")) == "dns"
    cancelled = "Cancelling download: expected response size (99) larger than download max size"
    assert reason(DownloadCancelledError(cancelled)) == "too_large"
    assert reason(IgnoreRequest("Forbidden by robots.txt")) == "robots"
    assert reason(IgnoreRequest("max redirections reached")) == "redirect_loop"
    assert reason(RuntimeError("anything else")) == "download_error"


# --- listings: backfilled, and bounded -------------------------------------------------------

LISTED = 40
PER_PAGE = 10


def listing_page(paths: list[str], next_page: str | None) -> Page:
    links = "".join(f'<h3 class="entry-title"><a href="{path}">x</a></h3>' for path in paths)
    nav = f'<link rel="next" href="{next_page}">' if next_page else ""
    return 200, HTML, f"<html><head>{nav}</head><body>{links}</body></html>".encode()


def feed(base_url: str, paths: list[str]) -> Page:
    items = "".join(f"<item><link>{base_url}{path}</link></item>" for path in paths)
    body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
    return 200, {"Content-Type": "application/rss+xml"}, body.encode()


@pytest.mark.slow
def test_a_site_with_only_a_feed_and_listings_is_backfilled(mongo_uri):
    """WordPress's defaults: the feed lists the 10 newest posts, the first listing page too.
    The walk stopped at page 1 (all requested already): 10 of 40 stored, on every run."""
    paths = [article_path(number) for number in range(LISTED, 0, -1)]  # newest first
    with HostileSite() as site:
        pages = [paths[start : start + PER_PAGE] for start in range(0, LISTED, PER_PAGE)]
        for number, listed in enumerate(pages, start=1):
            next_page = f"/page/{number + 1}/" if number < len(pages) else None
            site.routes["/" if number == 1 else f"/page/{number}/"] = listing_page(
                listed, next_page
            )
        site.routes["/feed/"] = feed(site.base_url, paths[:PER_PAGE])
        site.routes.update({path: (200, HTML, FIXTURE.read_bytes()) for path in paths})
        result = crawl(site, mongo_uri, "faults_backfill")
        with ArticleStore(mongo_uri, "faults_backfill") as store:
            stored = store.count({"url": {"$in": [site.base_url + path for path in paths]}})
        assert stored == LISTED, result.stderr[-4000:]
        # The next run: page 1 is all in the store, the walk stops there.
        again = crawl(site, mongo_uri, "faults_backfill")
    assert dumped_stat(again.stderr, "incremental/listing_stopped") == 1
    assert dumped_stat(again.stderr, "discovery/read/listing") == 1


@pytest.mark.slow
def test_a_listing_without_end_stops_at_discovery_max_listing_pages(mongo_uri):
    with HostileSite() as site:
        site.routes[article_path(1)] = (200, HTML, FIXTURE.read_bytes())
        # Every page lists the one real article, an article no store holds (it is gone) and a
        # next page.
        site.patterns.append(
            (
                re.compile(r"/(?:page/(\d+)/)?"),
                lambda match: listing_page(
                    [article_path(1), f"/2023/12/07/jebakan-{match[1] or 1}/"],
                    f"/page/{int(match[1] or 1) + 1}/",
                ),
            )
        )
        result = crawl(site, mongo_uri, "faults_listing_trap", DISCOVERY_MAX_LISTING_PAGES="8")
        listings = [path for path in site.requests if path == "/" or path.startswith("/page/")]
    assert result.returncode == 0, result.stderr[-4000:]
    assert len(listings) == 8
    assert dumped_stat(result.stderr, "discovery/stopped/listing_pages") == 1
    assert "finish_reason': 'finished'" in result.stderr
