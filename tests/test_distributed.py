"""Distributed crawling (crawler/distributed.py, settings/distributed.py): workers of one site share
a run through a real Redis (Debian's redis-server, the `redis_url` fixture) and store into one
SecantusDB; `scrapy crawl radartangsel` and `scrapy crawlall` subprocesses against replicas, as
cron runs them."""

from __future__ import annotations

import json
import re
import subprocess
import time
import uuid
from typing import Any

import pytest

import settings.base
import settings.distributed
from crawler.distributed import DONE, LISTINGS, RUN_KEYS, WAIT, Run
from replica import ReplicaOptions, ReplicaServer
from tests.conftest import free_port, start_redis, stop_process
from tests.crawl import run_scrapy, start_scrapy

EXTRA_ARTICLES = 300
# Workers fetch at a realistic pace rather than as fast as 127.0.0.1 answers, so that the run lasts
# long enough for both to take part (an idle worker looks at the queue again every 5 seconds).
PACE = {"DOWNLOAD_DELAY": "0.04", "CONCURRENT_REQUESTS_PER_DOMAIN": "4"}


def distributed_settings(redis_url: str, key_prefix: str) -> dict[str, str]:
    """What settings/distributed.py changes in settings/base.py, as `-s` values over the test
    settings (settings/test.py), for the given Redis and keys."""
    changed = {}
    for name in dir(settings.distributed):
        value = getattr(settings.distributed, name)
        if name.isupper() and getattr(settings.base, name, None) != value:
            changed[name] = json.dumps(value) if isinstance(value, dict | list) else str(value)
    return {**changed, "REDIS_URL": redis_url, "DISTRIBUTED_KEY_PREFIX": key_prefix}


@pytest.fixture
def redis(redis_url):
    from redis import Redis

    with Redis.from_url(redis_url) as client:
        yield client


@pytest.fixture
def key_prefix(redis) -> str:
    """Keys of this test only: `test-<random>:<spider>`."""
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    yield f"{prefix}:%(spider)s"
    for key in redis.scan_iter(f"{prefix}:*"):
        redis.delete(key)


def keys_of(redis, key_prefix: str) -> list[str]:
    pattern = key_prefix.split(":")[0] + ":*"
    return sorted(key.decode() for key in redis.scan_iter(pattern))


def start_worker(
    base_url: str, mongo_uri: str, db: str, redis_url: str, key_prefix: str, **extra: str
) -> subprocess.Popen:
    settings = {
        **distributed_settings(redis_url, key_prefix),
        **PACE,
        "MONGO_URI": mongo_uri,
        "MONGO_DATABASE": db,
        **extra,
    }
    return start_scrapy("crawl", "radartangsel", "-a", f"base_url={base_url}", **settings)


def run_workers(count: int, *args: str, timeout: float = 180) -> list[Worker]:
    """`count` workers started together; each one's exit status, own stats and log once all
    ended by themselves."""
    processes = [start_worker(*args) for _ in range(count)]
    deadline = time.monotonic() + timeout
    workers = []
    for process in processes:
        try:
            _, stderr = process.communicate(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            for other in processes:
                other.kill()
            pytest.fail(f"a worker did not end by itself within {timeout}s")
        workers.append(Worker(process.returncode, stderr))
    return workers


class Worker:
    def __init__(self, returncode: int, log: str) -> None:
        self.returncode = returncode
        self.log = log
        # The stats Scrapy dumps when the worker closes: this worker's own share of the run.
        dump = log.split("Dumping Scrapy stats:", 1)[-1]
        self.stats = {key: int(value) for key, value in re.findall(r"'([\w/.]+)': (\d+)", dump)}

    def stat(self, key: str) -> int:
        return self.stats.get(key, 0)


def total(workers: list[Worker], key: str) -> int:
    return sum(worker.stat(key) for worker in workers)


def articles(raw) -> list[dict[str, Any]]:
    """The stored articles (url, fetch_count), read with plain pymongo (the `raw` fixture)."""
    return list(raw.articles.find({}, {"url": 1, "fetch_count": 1}))


def runs(raw) -> list[dict[str, Any]]:
    return list(raw.runs.find({}, {"stats": 1}))


# --- two workers, two days -----------------------------------------------------------------------


@pytest.mark.slow
def test_two_workers_share_each_run_and_the_next_day_fetches_only_new_articles(
    mongo_uri, mongo_db_name, raw, redis, redis_url, key_prefix
):
    port = free_port()
    args = (mongo_uri, mongo_db_name, redis_url, key_prefix)
    options = ReplicaOptions(broken_pages=False)
    with ReplicaServer(port=port, extra_articles=EXTRA_ARTICLES, options=options) as replica:
        first = run_workers(2, replica.url, *args)
        urls = set(replica.site.article_urls())

    for worker in first:
        assert worker.returncode == 0, worker.log[-3000:]
        assert worker.stat("pages/fetched/article") > 0, "a worker did no work"
        assert "Crawl summary: radartangsel: ok" in worker.log
    stored = articles(raw)
    assert sorted(article["url"] for article in stored) == sorted(urls)  # each once, none missing
    assert {article["fetch_count"] for article in stored} == {1}
    # Fetched once across the workers; each source read once in the run; no listings walked:
    # the worker that never saw the sitemaps must not take the run for one without them.
    assert total(first, "pages/fetched/article") == len(urls)
    assert total(first, "discovery/read/sitemap") == 2  # the index and its post sitemap
    assert total(first, "discovery/read/feed") == 1
    assert total(first, "discovery/read/listing") == 0
    assert keys_of(redis, key_prefix) == []  # the run's last worker deleted its keys
    first_runs = runs(raw)
    assert len({run["stats"]["distributed/worker"] for run in first_runs}) == 2
    assert len({run["stats"]["distributed/run"] for run in first_runs}) == 1

    # The next day, with the same Redis: a new run, which discovers through the sitemaps again
    # (yesterday's fingerprints are gone) and fetches only the new articles.
    later = ReplicaOptions(broken_pages=False, new_articles=6)
    with ReplicaServer(port=port, extra_articles=EXTRA_ARTICLES, options=later) as replica:
        second = run_workers(2, replica.url, *args)
        new_urls = set(replica.site.article_urls()) - urls

    for worker in second:
        assert worker.returncode == 0, worker.log[-3000:]
    assert len(new_urls) == 6
    assert total(second, "discovery/read/sitemap") == 2
    assert total(second, "pages/fetched/article") == len(new_urls)
    assert total(second, "store/new") == len(new_urls)
    assert total(second, "incremental/skipped_known") >= len(urls)
    stored = articles(raw)
    assert sorted(article["url"] for article in stored) == sorted(urls | new_urls)
    assert {article["fetch_count"] for article in stored} == {1}
    assert keys_of(redis, key_prefix) == []
    second_run = {run["stats"]["distributed/run"] for run in runs(raw)}
    assert len(second_run - {run["stats"]["distributed/run"] for run in first_runs}) == 1


@pytest.mark.slow
def test_without_sitemaps_the_run_walks_the_listings_once(
    mongo_uri, mongo_db_name, raw, redis, redis_url, key_prefix
):
    options = ReplicaOptions(robots_sitemap=False, sitemaps=False, broken_pages=False)
    with ReplicaServer(extra_articles=60, options=options) as replica:
        workers = run_workers(2, replica.url, mongo_uri, mongo_db_name, redis_url, key_prefix)
        urls = set(replica.site.article_urls())

    for worker in workers:
        assert worker.returncode == 0, worker.log[-3000:]
    walkers = [worker for worker in workers if "walking the listings" in worker.log]
    assert len(walkers) == 1
    stored = articles(raw)
    assert sorted(article["url"] for article in stored) == sorted(urls)
    assert {article["fetch_count"] for article in stored} == {1}
    assert total(workers, "discovery/read/listing") > 0
    assert keys_of(redis, key_prefix) == []


def busy_pids(redis, key_prefix: str) -> set[int]:
    """The processes whose workers are busy in a run (worker names are host:pid:tag)."""
    pattern = f"{key_prefix % {'spider': 'radartangsel'}}:run:*:busy"
    workers = [member for key in redis.scan_iter(pattern) for member in redis.smembers(key)]
    return {int(worker.decode().split(":")[1]) for worker in workers}


@pytest.mark.slow
def test_a_killed_worker_is_given_up_and_the_next_run_fetches_what_it_had_taken(
    mongo_uri, mongo_db_name, raw, redis, redis_url, key_prefix
):
    args = (mongo_uri, mongo_db_name, redis_url, key_prefix)
    quick = {"DISTRIBUTED_HEARTBEAT_INTERVAL": "0.5", "DISTRIBUTED_WORKER_TIMEOUT": "3"}
    options = ReplicaOptions(broken_pages=False)
    with ReplicaServer(extra_articles=120, options=options) as replica:
        processes = [start_worker(replica.url, *args, **quick) for _ in range(2)]
        try:
            victim, deadline = None, time.monotonic() + 60
            while victim is None and time.monotonic() < deadline:
                if len(articles(raw)) >= 20:
                    pids = busy_pids(redis, key_prefix)
                    victim = next((process for process in processes if process.pid in pids), None)
                time.sleep(0.1)
            assert victim is not None, "no worker was seen busy"
            victim.kill()  # SIGKILL, mid-run: it never leaves the run, its busy mark stays
            (survivor,) = [process for process in processes if process is not victim]
            _, log = survivor.communicate(timeout=120)
        finally:
            for process in processes:
                process.kill()
                process.communicate()
        assert survivor.returncode == 0, log[-3000:]
        assert keys_of(redis, key_prefix) == []
        # What the killed worker had taken and not stored is fetched by the next run, once.
        (after,) = run_workers(1, replica.url, *args)
        urls = set(replica.site.article_urls())
    assert after.returncode == 0, after.log[-3000:]
    assert after.stat("store/new") > 0  # its requests in flight, its unwritten batch
    stored = articles(raw)
    assert sorted(article["url"] for article in stored) == sorted(urls)
    assert {article["fetch_count"] for article in stored} == {1}


def test_a_worker_that_cannot_reach_redis_does_not_start(mongo_uri, mongo_db_name, key_prefix):
    unused = f"redis://127.0.0.1:{free_port()}/0"
    result = run_scrapy(
        "crawl", "radartangsel", "-a", "base_url=http://127.0.0.1:9",
        **distributed_settings(unused, key_prefix),
        MONGO_URI=mongo_uri, MONGO_DATABASE=mongo_db_name, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr[-3000:]
    assert f"Distributed: Redis at {unused} is unusable" in result.stderr


def test_a_worker_that_loses_redis_mid_run_ends_at_once_with_5(
    mongo_uri, mongo_db_name, raw, key_prefix, tmp_path
):
    port = free_port()
    redis_url = f"redis://127.0.0.1:{port}/0"
    redis_server = start_redis(port, tmp_path)  # the test's own: it stops it mid-run
    with ReplicaServer(extra_articles=120, options=ReplicaOptions(broken_pages=False)) as site:
        worker = start_worker(site.url, mongo_uri, mongo_db_name, redis_url, key_prefix)
        try:
            deadline = time.monotonic() + 60
            while len(articles(raw)) < 10 and time.monotonic() < deadline:
                time.sleep(0.1)
            stop_process(redis_server)
            _, log = worker.communicate(timeout=60)  # not CLOSESPIDER_TIMEOUT later
        finally:
            stop_process(redis_server)
            worker.kill()
            worker.communicate()
    assert worker.returncode == 5, log[-3000:]
    assert "Distributed: Redis lost, the worker stops" in log
    assert "ended early: redis_unavailable" in log


# --- the run's protocol in Redis ----------------------------------------------------------------


def make_run(redis, key_prefix: str, worker: str, **kwargs: Any) -> Run:
    return Run(redis, key_prefix % {"spider": "site"}, worker, **kwargs)


def test_workers_join_one_run_and_the_last_out_deletes_its_keys(redis, key_prefix):
    first, second = make_run(redis, key_prefix, "a"), make_run(redis, key_prefix, "b")
    assert first.join() == ("started", 1)
    assert second.join() == ("joined", 2)
    assert second.id == first.id
    redis.sadd(first.key("dupefilter"), "fingerprint")
    assert first.leave([("stats", "item_scraped_count", 3)]) == (1, {"item_scraped_count": 3})
    assert redis.exists(first.key("dupefilter"))  # the other worker still uses it
    left, totals = second.leave([("stats", "item_scraped_count", 2)])
    assert (left, totals) == (0, {"item_scraped_count": 5})
    assert keys_of(redis, key_prefix) == []
    third = make_run(redis, key_prefix, "c")
    assert third.join() == ("started", 1)  # the next run: new keys, no fingerprint
    assert third.id != first.id
    assert not redis.exists(third.key("dupefilter"))


def test_a_run_whose_workers_all_died_is_replaced_not_resumed(redis, key_prefix):
    dead = make_run(redis, key_prefix, "dead", worker_timeout=0.3)
    dead.join()
    redis.sadd(dead.key("dupefilter"), "fingerprint")
    time.sleep(0.5)  # no heartbeat
    fresh = make_run(redis, key_prefix, "fresh", worker_timeout=0.3)
    assert fresh.join() == ("replaced an abandoned run", 1)
    assert fresh.id != dead.id
    assert not redis.exists(dead.key("dupefilter"))


def test_the_run_ends_only_when_every_worker_is_idle_and_walks_listings_once(redis, key_prefix):
    a, b = make_run(redis, key_prefix, "a"), make_run(redis, key_prefix, "b")
    a.join()
    b.join()  # both busy until their first idle
    assert b.idle([], may_walk_listings=True) == WAIT  # a is still busy
    redis.zadd(a.key("requests"), {"request": 0})
    assert a.idle([], may_walk_listings=True) == WAIT  # a request is queued
    redis.delete(a.key("requests"))
    # The whole run is idle and no source listed every article: the first to see it walks.
    assert a.idle([], may_walk_listings=True) == LISTINGS
    assert b.idle([], may_walk_listings=True) == WAIT  # a is busy with the listings
    assert a.idle([], may_walk_listings=True) == DONE  # claimed once per run
    assert b.idle([], may_walk_listings=True) == DONE


def test_a_sitemap_article_seen_by_any_worker_means_no_listings(redis, key_prefix):
    a, b = make_run(redis, key_prefix, "a"), make_run(redis, key_prefix, "b")
    a.join()
    b.join()
    assert a.idle([("state", "discovered/sitemap", 1)], may_walk_listings=True) == WAIT
    assert b.idle([], may_walk_listings=True) == DONE  # b saw no sitemap, a did


def test_a_dead_workers_busy_mark_stops_counting_after_the_timeout(redis, key_prefix):
    a = make_run(redis, key_prefix, "a", worker_timeout=0.3)
    b = make_run(redis, key_prefix, "b", worker_timeout=0.3)
    a.join()
    b.join()
    b.heartbeat([])
    assert b.idle([], may_walk_listings=False) == WAIT  # a is busy
    time.sleep(0.5)  # a died: no heartbeat
    assert b.idle([], may_walk_listings=False) == DONE
    assert b.leave([]) == (0, {})
    assert keys_of(redis, key_prefix) == []


def test_every_key_of_a_run_expires_without_heartbeats(redis, key_prefix):
    run = make_run(redis, key_prefix, "a", ttl=60)
    run.join()
    run.heartbeat([("stats", "pages/fetched/article", 1)])
    redis.zadd(run.key("requests"), {"request": 0})
    run.heartbeat([])
    for key in keys_of(redis, key_prefix):
        assert 0 < redis.ttl(key) <= 60, key
    assert {key.rsplit(":", 1)[-1] for key in keys_of(redis, key_prefix)} <= {*RUN_KEYS, "run"}


# --- crawlall: every site in one process, each site a run of its own ----------------------------

# radartangsel large and with sitemaps, bantennews small and without sitemaps: bantennews's run
# must walk the listings, once, and radartangsel's must not; the runs end at different times, and
# neither may end the other or delete its keys.
CRAWLALL_SITES = {"radartangsel": EXTRA_ARTICLES, "bantennews": 60}
CRAWLALL_REPLICAS = {
    "radartangsel": ReplicaOptions(broken_pages=False),
    "bantennews": ReplicaOptions(robots_sitemap=False, sitemaps=False, broken_pages=False),
}


def start_crawlall(
    base_urls: dict[str, str], mongo_uri: str, db: str, redis_url: str, key_prefix: str
) -> subprocess.Popen:
    settings = {
        **distributed_settings(redis_url, key_prefix),
        **PACE,
        "SITE_BASE_URLS": json.dumps(base_urls),
        "MONGO_URI": mongo_uri,
        "MONGO_DATABASE": db,
    }
    return start_scrapy("crawlall", *base_urls, **settings)


def hold_runs(redis, key_prefix: str) -> list[Run]:
    """A stand-in worker, busy, in a run of each site, started before the crawlall workers: no
    run can end before release_when_joined. Without it a worker that starts late (a loaded
    machine) could find a small site's run over and start a second one, and the test would
    depend on how fast processes start."""
    runs = [Run(redis, key_prefix % {"spider": site}, "test-holder") for site in CRAWLALL_SITES]
    for run in runs:
        run.join()
    return runs


def release_when_joined(
    redis, runs: list[Run], workers: list[subprocess.Popen], timeout: float = 120
) -> None:
    """The stand-in leaves the runs once each of `workers` has joined every one of them."""
    deadline = time.monotonic() + timeout
    while any(redis.zcard(run.key("workers")) < 1 + len(workers) for run in runs):
        for worker in workers:
            if worker.poll() is not None:
                _, stderr = worker.communicate()
                pytest.fail(f"a crawlall worker exited before joining: {stderr[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"the crawlall workers did not join every run within {timeout}s")
        for run in runs:
            run.heartbeat([])  # alive, however long the workers take to start
        time.sleep(0.2)
    for run in runs:
        run.leave([])


def summary_lines(stdout: str) -> dict[str, str]:
    """crawlall's summary lines (`site: status: counts [exit n]`), by site."""
    return dict(line.split(": ", 1) for line in stdout.splitlines())


def new_count(summary: str) -> int:
    return int(re.search(r"\bnew (\d+),", summary).group(1))


def runs_by_site(raw) -> dict[str, list[dict[str, Any]]]:
    """The `runs` documents (one per worker and site, with the worker's own stats), by site."""
    by_site: dict[str, list[dict[str, Any]]] = {}
    for run in raw.runs.find({}, {"spider": 1, "stats": 1}):
        by_site.setdefault(run["spider"], []).append(run)
    return by_site


def stat_by_worker(site_runs: list[dict[str, Any]], key: str) -> list[int]:
    return [run["stats"].get(key, 0) for run in site_runs]


@pytest.mark.slow
def test_two_crawlall_workers_share_one_run_per_site(
    mongo_uri, mongo_db_name, raw, redis, redis_url, key_prefix
):
    with (
        ReplicaServer(
            extra_articles=CRAWLALL_SITES["radartangsel"], options=CRAWLALL_REPLICAS["radartangsel"]
        ) as tangsel,
        ReplicaServer(
            extra_articles=CRAWLALL_SITES["bantennews"], options=CRAWLALL_REPLICAS["bantennews"]
        ) as banten,
    ):
        replicas = {"radartangsel": tangsel, "bantennews": banten}
        base_urls = {site: replica.url for site, replica in replicas.items()}
        args = (base_urls, mongo_uri, mongo_db_name, redis_url, key_prefix)
        held = hold_runs(redis, key_prefix)
        workers = [start_crawlall(*args) for _ in range(2)]
        try:
            release_when_joined(redis, held, workers)
            outputs = [worker.communicate(timeout=240) for worker in workers]
        except subprocess.TimeoutExpired:
            pytest.fail("a crawlall worker did not end by itself within 240s")
        finally:
            for worker in workers:
                worker.kill()
                worker.communicate()
        urls = {site: set(replica.site.article_urls()) for site, replica in replicas.items()}

    for worker, (stdout, stderr) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, stderr[-4000:]
        assert sorted(summary_lines(stdout)) == sorted(CRAWLALL_SITES), stdout
    recorded = runs_by_site(raw)
    for site, site_urls in urls.items():
        stored = list(raw.articles.find({"site": site}, {"url": 1, "fetch_count": 1}))
        assert sorted(article["url"] for article in stored) == sorted(site_urls), site
        assert {article["fetch_count"] for article in stored} == {1}, site
        # Each worker's line judges the site's run as it stood when the worker left it: the
        # last one out saw every article of the run stored.
        summaries = [summary_lines(stdout)[site] for stdout, _ in outputs]
        assert all(summary.startswith("ok: ") for summary in summaries), summaries
        assert all(summary.endswith(", errors 0 [exit 0]") for summary in summaries), summaries
        assert max(new_count(summary) for summary in summaries) == len(site_urls), summaries
        # One run of the site, both workers in it, each article fetched once across them.
        site_runs = recorded[site]
        assert len({run["stats"]["distributed/worker"] for run in site_runs}) == 2, site
        assert len({run["stats"]["distributed/run"] for run in site_runs}) == 1, site
        assert sum(stat_by_worker(site_runs, "pages/fetched/article")) == len(site_urls), site
        assert sum(stat_by_worker(site_runs, "store/new")) == len(site_urls), site
        assert sum(stat_by_worker(site_runs, "discovery/read/feed")) == 1, site
    run_ids = {runs[0]["stats"]["distributed/run"] for runs in recorded.values()}
    assert len(run_ids) == len(CRAWLALL_SITES)  # a run per site, not one for all
    # Each source read once in its site's run; the listings walked by one worker, in the run of
    # the site without sitemaps only: radartangsel's sitemaps do not count for bantennews.
    assert sum(stat_by_worker(recorded["radartangsel"], "discovery/read/sitemap")) == 2
    assert sum(stat_by_worker(recorded["radartangsel"], "discovery/read/listing")) == 0
    listing_reads = stat_by_worker(recorded["bantennews"], "discovery/read/listing")
    assert sorted(reads > 0 for reads in listing_reads) == [False, True], listing_reads
    assert keys_of(redis, key_prefix) == []  # each run's last worker deleted its keys


def test_crawlall_refuses_keys_that_do_not_name_the_site(mongo_uri, mongo_db_name, redis_url):
    shared = f"test-{uuid.uuid4().hex[:8]}"  # no %(spider)s: every site would share one run
    base_urls = {site: "http://127.0.0.1:9" for site in CRAWLALL_SITES}
    result = run_scrapy(
        "crawlall", *base_urls,
        **distributed_settings(redis_url, shared), SITE_BASE_URLS=json.dumps(base_urls),
        MONGO_URI=mongo_uri, MONGO_DATABASE=mongo_db_name, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr[-3000:]
    assert "DISTRIBUTED_KEY_PREFIX must contain %(spider)s" in result.stderr
    assert sorted(summary_lines(result.stdout)) == sorted(CRAWLALL_SITES)
    assert all(line.startswith("not started") for line in summary_lines(result.stdout).values())
