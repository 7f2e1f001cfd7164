"""Cron safety: the site locks (crawler/locks.py) and the exit statuses of a crawl's outcome
(crawler/outcome.py, crawler/commands/_cron.py)."""

from __future__ import annotations

import re
import time

import pytest
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler.commands._cron import site_of
from crawler.exitcodes import (
    EXIT_FAILED,
    EXIT_LOCKED,
    EXIT_NOT_STARTED,
    EXIT_OK,
    EXIT_UNREACHABLE,
    worst,
)
from crawler.locks import LockBusy, crawl_locks
from crawler.outcome import crawl_outcome
from replica import ReplicaOptions, ReplicaServer
from settings import base as base_settings
from tests.conftest import free_port
from tests.crawl import run_scrapy

# --- locks ------------------------------------------------------------------------------------


def lock_settings(tmp_path) -> Settings:
    return Settings({"CRAWL_LOCK_FILE": str(tmp_path / "locks" / "{site}.lock")})


def test_a_site_lock_is_exclusive_and_names_its_holder(tmp_path):
    settings = lock_settings(tmp_path)
    with crawl_locks(settings, ["radartangsel"]):
        busy = r"radartangsel .*radartangsel\.lock \(pid \d+"
        with (
            pytest.raises(LockBusy, match=busy),
            crawl_locks(settings, ["bantennews", "radartangsel"]),
        ):
            pass
        with crawl_locks(settings, ["bantennews"]):  # another site: no conflict
            pass
    with crawl_locks(settings, ["bantennews", "radartangsel"]):  # all or none: none was kept
        pass


def test_an_empty_lock_file_setting_turns_locking_off(tmp_path):
    settings = Settings({"CRAWL_LOCK_FILE": ""})
    with crawl_locks(settings, ["radartangsel"]), crawl_locks(settings, ["radartangsel"]):
        pass


@pytest.mark.parametrize("command", [["crawl", "radartangsel"], ["crawlall"]])
def test_a_run_that_finds_the_lock_taken_exits_at_once_with_75(tmp_path, command):
    settings = lock_settings(tmp_path)
    with crawl_locks(settings, ["radartangsel"]):
        started = time.monotonic()
        result = run_scrapy(
            *command,
            CRAWL_LOCK_FILE=settings["CRAWL_LOCK_FILE"],
            SITE_BASE_URLS='{"radartangsel": "http://127.0.0.1:9", "bantennews": "http://127.0.0.1:9"}',
        )
    assert result.returncode == EXIT_LOCKED, result.stderr[-3000:]
    assert "the previous run of radartangsel still holds" in result.stderr
    assert "Spider opened" not in result.stderr
    assert time.monotonic() - started < 30


# --- exit statuses of real crawls ------------------------------------------------------------


def test_an_unreachable_site_exits_with_4_and_its_run_says_so(mongo_uri, mongo_db_name, raw):
    result = run_scrapy(
        "crawl", "radartangsel", "-a", f"base_url=http://127.0.0.1:{free_port()}",
        MONGO_URI=mongo_uri, MONGO_DATABASE=mongo_db_name, RETRY_TIMES="0",
    )  # fmt: skip
    assert result.returncode == EXIT_UNREACHABLE, result.stderr[-3000:]
    assert "radartangsel: unreachable (no sitemap, feed or listing answered)" in result.stderr
    (run,) = raw.runs.find()
    assert run["finish_reason"] == "finished"
    assert run["outcome"] == {
        "status": "unreachable",
        "exit_status": EXIT_UNREACHABLE,
        "reason": "no sitemap, feed or listing answered",
    }
    shown = run_scrapy("runs", MONGO_URI=mongo_uri, MONGO_DATABASE=mongo_db_name)
    assert re.search(r"\sunreachable\s+4\s+finished\s", shown.stdout), shown.stdout


def test_a_crawl_cut_short_by_its_time_limit_exits_with_5_and_its_run_says_so(
    mongo_uri, mongo_db_name, raw
):
    with ReplicaServer(extra_articles=300, options=ReplicaOptions(broken_pages=False)) as site:
        result = run_scrapy(
            "crawl", "radartangsel", "-a", f"base_url={site.url}",
            MONGO_URI=mongo_uri, MONGO_DATABASE=mongo_db_name,
            CLOSESPIDER_TIMEOUT="2", CONCURRENT_REQUESTS="1",
        )  # fmt: skip
    assert result.returncode == EXIT_FAILED, result.stderr[-3000:]
    assert "failed (ended early: closespider_timeout)" in result.stderr
    (run,) = raw.runs.find()
    assert run["finish_reason"] == "closespider_timeout"
    assert run["outcome"]["status"] == "failed" and run["outcome"]["exit_status"] == EXIT_FAILED


def test_limit_n_stores_n_articles_when_some_are_dropped(mongo_uri, mongo_db_name, raw):
    # The replica's broken pages (an empty article among them) are dropped on the way: the
    # limit counts what is stored, so 20 are, and the run ends as asked.
    with ReplicaServer(extra_articles=60) as site:
        result = run_scrapy(
            "crawl", "radartangsel", "-a", f"base_url={site.url}", "-a", "limit=20",
            MONGO_URI=mongo_uri, MONGO_DATABASE=mongo_db_name,
        )  # fmt: skip
    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    assert raw.articles.count_documents({}) == 20
    (run,) = raw.runs.find()
    assert run["finish_reason"] == "limit_reached" and run["counts"]["new"] == 20
    assert run["outcome"] == {"status": "ok", "exit_status": EXIT_OK, "reason": ""}


# --- how stats become an outcome -------------------------------------------------------------


def outcome(**stats: object):
    collector = MemoryStatsCollector(get_crawler())
    collector.set_stats({"start_time": 0, "finish_reason": "finished", **stats})
    return crawl_outcome("radartangsel", collector, base_settings.CRAWL_FAILURE_UNPARSEABLE_PAGES)


SOURCES = {"discovery/read/sitemap": 2, "discovery/read/feed": 1}


def test_nothing_new_is_success():
    result = outcome(
        **SOURCES, **{"discovery/articles/sitemap": 40, "incremental/skipped_known": 40}
    )
    assert (result.status, result.exit_status) == ("nothing new", EXIT_OK)
    assert result.known == 40


def test_new_articles_are_success_and_summarised():
    result = outcome(
        **SOURCES,
        **{"discovery/articles/sitemap": 40, "incremental/skipped_known": 35},
        **{"item_scraped_count": 5, "store/new": 4, "store/updated": 1, "log_count/ERROR": 2},
        **{"articles/dropped/http_404": 1},
    )
    assert result.exit_status == EXIT_OK
    assert result.summary() == (
        "radartangsel: ok: new 4, updated 1, unchanged 0, known 35, dropped 1, errors 2 [exit 0]"
    )


def test_a_few_broken_urls_the_sitemap_keeps_listing_do_not_fail_a_quiet_run():
    result = outcome(
        **SOURCES,
        **{"discovery/articles/sitemap": 42, "incremental/skipped_known": 40},
        **{"articles/dropped/http_404": 1, "articles/dropped/no_title": 1},
    )
    assert result.exit_status == EXIT_OK


def test_articles_fetched_and_none_stored_is_a_failure():
    unparseable = {"articles/dropped/no_body": 3, "pages/skipped/not_article": 2}
    listed = {"discovery/articles/sitemap": 45, "incremental/skipped_known": 40}
    assert outcome(**SOURCES, **listed, **unparseable).exit_status == EXIT_FAILED  # a redesign
    first_run = {"discovery/articles/sitemap": 5, "articles/dropped/http_403": 5}
    assert outcome(**SOURCES, **first_run).exit_status == EXIT_FAILED  # nothing ever stored
    assert outcome(**SOURCES).exit_status == EXIT_FAILED  # the sources listed no article


def test_unreachable_not_started_and_ended_early():
    assert outcome(**{"discovery/unavailable": 6}).exit_status == EXIT_UNREACHABLE
    assert outcome(**{"store/unavailable": 1}).exit_status == EXIT_NOT_STARTED
    ended = outcome(**SOURCES, finish_reason="memusage_exceeded")
    assert (ended.exit_status, ended.reason) == (EXIT_FAILED, "ended early: memusage_exceeded")


def test_the_worst_site_decides_the_exit_status_of_several():
    assert worst([0, 3, 4]) == 4
    assert worst([0, 5, 4]) == 5
    assert worst([3, 1, 5]) == 1
    assert worst([0, 0]) == 0


@pytest.mark.parametrize(
    ("spider", "spider_args", "site"),
    [
        ("radartangsel", {}, "radartangsel"),
        ("wordpress", {"base_url": "https://www.kabartangsel.example/"}, "kabartangsel.example"),
        ("wordpress", {"base_url": "https://x.example", "name": "kabar"}, "kabar"),
    ],
)
def test_the_lock_is_the_site_a_crawl_writes_not_the_spider_class(spider, spider_args, site):
    # two `scrapy crawl wordpress` runs against different sites must not block each other
    assert site_of(spider, spider_args) == site
