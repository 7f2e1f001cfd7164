"""`scrapy crawlall`: every site in one process, a summary line each, the worst exit status."""

from __future__ import annotations

import json
import re

from crawler.exitcodes import EXIT_UNREACHABLE
from crawler.store import ArticleStore
from replica import ARTICLES, ReplicaOptions, ReplicaServer
from tests.conftest import free_port
from tests.crawl import run_scrapy

GENERATED = {"radartangsel": 20, "bantennews": 10}


def crawlall(base_urls: dict[str, str], mongo_uri: str, db: str, *args: str):
    return run_scrapy(
        "crawlall", *args,
        SITE_BASE_URLS=json.dumps(base_urls), MONGO_URI=mongo_uri, MONGO_DATABASE=db,
        RETRY_TIMES="0",
    )  # fmt: skip


def test_every_site_in_one_run_then_the_worst_site_decides(mongo_uri, mongo_db_name):
    options = ReplicaOptions(broken_pages=False)
    with (
        ReplicaServer(extra_articles=GENERATED["radartangsel"], options=options) as tangsel,
        ReplicaServer(extra_articles=GENERATED["bantennews"], options=options) as banten,
    ):
        sites = {"radartangsel": tangsel.url, "bantennews": banten.url}
        first = crawlall(sites, mongo_uri, mongo_db_name)
        assert first.returncode == 0, first.stderr[-4000:]
        # The next run: nothing new on one site, the other one down.
        down = {**sites, "bantennews": f"http://127.0.0.1:{free_port()}"}
        second = crawlall(down, mongo_uri, mongo_db_name, "radartangsel", "bantennews")
    lines = sorted(first.stdout.splitlines())
    assert lines == [
        f"bantennews: ok: new {len(ARTICLES) + 10}, updated 0, unchanged 0, known 0,"
        " dropped 0, errors 0 [exit 0]",
        f"radartangsel: ok: new {len(ARTICLES) + 20}, updated 0, unchanged 0, known 0,"
        " dropped 0, errors 0 [exit 0]",
    ]
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        for site, generated in GENERATED.items():
            assert store.count({"site": site}) == len(ARTICLES) + generated
    assert second.returncode == EXIT_UNREACHABLE, second.stderr[-4000:]
    summary = dict(line.split(": ", 1) for line in second.stdout.splitlines())
    assert summary["radartangsel"].startswith("nothing new: new 0")
    assert summary["bantennews"].startswith("unreachable (no sitemap, feed or listing answered)")


def test_each_site_counts_its_own_errors(mongo_uri, mongo_db_name):
    """One process, two crawlers: the errors of the site that is down (logged while the other
    one crawls) are not the errors of the site that is up (crawler/logcount.py)."""
    with ReplicaServer(extra_articles=40, options=ReplicaOptions(broken_pages=False)) as tangsel:
        sites = {"radartangsel": tangsel.url, "bantennews": f"http://127.0.0.1:{free_port()}"}
        result = crawlall(sites, mongo_uri, mongo_db_name)
    summary = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert summary["radartangsel"].startswith("ok: "), result.stdout
    assert summary["radartangsel"].endswith(", errors 0 [exit 0]"), result.stdout
    assert errors_of(summary["bantennews"]) > 0, result.stdout


def errors_of(summary: str) -> int:
    return int(re.search(r"\berrors (\d+)\b", summary).group(1))


def test_an_unknown_site_is_a_usage_error():
    result = run_scrapy("crawlall", "nosuchsite")
    assert result.returncode == 2
    assert "no such site: nosuchsite" in result.stderr
