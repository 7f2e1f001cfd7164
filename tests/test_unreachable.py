"""A site that does not answer (crawler/spiders/base.py source_failed and closed,
crawler/robots.py, crawler/logformatter.py download_failure): one line per source saying which
failure it was, robots.txt asked for once, one error for the run, and a last line that says
nothing answered and points to `make demo`. Real crawls: a port of 127.0.0.1 nobody listens
on, and a host name that cannot resolve (.invalid, RFC 2606)."""

from __future__ import annotations

import re
import socket

import pytest

from crawler.exitcodes import EXIT_UNREACHABLE
from tests.conftest import free_port
from tests.crawl import run_scrapy

# The discovery chain of a site without the REST API: robots.txt, the feed, the three usual
# sitemaps (robots.txt named none), then the home page's listing.
SOURCES = ("/robots.txt", "/feed/", "/sitemap_index.xml", "/wp-sitemap.xml", "/sitemap.xml", "/")


def crawl_unreachable(base_url: str, mongo_uri: str, mongo_db_name: str, **settings: str):
    return run_scrapy(
        "crawl",
        "radartangsel",
        "-a",
        f"base_url={base_url}",
        MONGO_URI=mongo_uri,
        MONGO_DATABASE=mongo_db_name,
        **settings,
    )


def outside_spidermon_report(log: str) -> str:
    """The log without Spidermon's report of its failed monitors (a unittest-style FAIL block
    of its own making, not an error of the crawl)."""
    return re.sub(r"\n=+\nFAIL: .*?\n\n", "\n", log, flags=re.S)


@pytest.mark.parametrize(
    ("base_url", "kind"),
    [
        (f"http://127.0.0.1:{free_port()}", "connection refused"),
        ("http://nosuchhost.invalid", "DNS lookup failed"),
    ],
    ids=["refused", "dns"],
)
def test_an_unreachable_site_gives_one_line_per_source_and_one_error(
    base_url, kind, mongo_uri, mongo_db_name
):
    result = crawl_unreachable(base_url, mongo_uri, mongo_db_name)
    assert_one_line_per_source(result, base_url, kind)


def test_a_site_without_tls_on_https_says_tls_failed(replica, mongo_uri, mongo_db_name):
    base_url = replica.url.replace("http://", "https://")  # the replica speaks plain HTTP
    result = crawl_unreachable(base_url, mongo_uri, mongo_db_name)
    assert_one_line_per_source(result, base_url, "TLS failed")


def test_a_site_that_never_answers_says_timed_out(mongo_uri, mongo_db_name):
    with socket.socket() as silent:  # accepts connections (the kernel does), answers nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        base_url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        result = crawl_unreachable(base_url, mongo_uri, mongo_db_name, DOWNLOAD_TIMEOUT="1")
    assert_one_line_per_source(result, base_url, "timed out")


def assert_one_line_per_source(result, base_url: str, kind: str) -> None:
    log = result.stderr
    assert result.returncode == EXIT_UNREACHABLE, log[-3000:]

    failures = re.findall(r"WARNING: radartangsel: source unavailable: (\S+) \((.*)\)$", log, re.M)
    assert sorted(url for url, _ in failures) == sorted(base_url + path for path in SOURCES)
    assert all(reason.startswith(kind) for _, reason in failures), failures
    robots_lines = [line for line in log.splitlines() if "/robots.txt" in line]
    assert len(robots_lines) == 1, "robots.txt is asked for once, reported once"

    assert "Traceback" not in outside_spidermon_report(log)
    assert "Gave up retrying" not in log, "the source's own line reports it, once"
    (error,) = re.findall(r"ERROR: (?!\[Spidermon\]).*", log)
    assert f"nothing answered at {base_url} (the last error: {kind}" in error
    assert "`make demo`" in error
    assert log.rstrip().splitlines()[-1].endswith("errors 1 [exit 4]")
