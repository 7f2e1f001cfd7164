"""Distributed crawling: several `scrapy crawl <site>` workers, on one machine or several, share
one run of the site through Redis, with scrapy-redis's Scheduler and RFPDupeFilter.

    SCRAPY_SETTINGS_MODULE=settings.distributed REDIS_URL=redis://10.0.0.5:6379/0 \\
        MONGO_URI=mongodb://10.0.0.6:27017 scrapy crawl radartangsel

Everything else is unchanged: the same spiders, middlewares, pipelines and store; the store
upserts by canonical URL, so it holds one document per article however many workers fetch.
What a single process keeps in memory and several workers must share lives in Redis:

A run. The key `<prefix>:run` (DISTRIBUTED_KEY_PREFIX, default `crawler:<spider>`; it must name
the spider) names the site's current run; its keys are `<prefix>:run:<id>:<name>`:

    requests    scrapy-redis's priority queue of the run (the Scheduler's queue)
    dupefilter  scrapy-redis's request fingerprints of the run (RFPDupeFilter)
    workers     the workers in the run, by last heartbeat (sorted set)
    busy        the workers fetching or parsing something right now (set)
    state       when it started, how many articles each source listed, who walked the listings
    stats       the run's counters, the sum of its workers' (see RunStatsCollector)

A worker joins the current run when it opens (or starts a new one when there is none, or when
no worker of it sent a heartbeat for DISTRIBUTED_WORKER_TIMEOUT seconds: an abandoned run is
deleted, not resumed), and leaves it when it closes; the last worker out deletes every key of
the run. So there is never more than one run of a site at a time, across machines: this is what
replaces the per-machine flock there (crawler/locks.py still keeps cron from stacking workers of
a site on one machine). Every key expires DISTRIBUTED_RUN_TTL seconds after the last heartbeat,
for runs whose workers all died.

Per-run fingerprints. scrapy-redis's own keys (`<spider>:requests`, `<spider>:dupefilter`) are
per spider: with SCHEDULER_PERSIST they outlive the run, and tomorrow's run would find robots.txt,
the sitemaps and the feed "already seen" and discover nothing; without it, the first worker to
close deletes the queue and fingerprints the others still use. Here they are per run, and
SCHEDULER_PERSIST must be True (scrapy-redis never flushes them; the run's last worker deletes
them). As with crawler/dupefilter.py, the store, not the fingerprints, is the record of what was
crawled: requests a killed worker had taken are fetched again by the next run, not this one.

Discovery. Every worker starts with robots.txt and the feed; in the shared dupefilter only the
first worker's pass, so each source is read once per run, by whichever worker takes it from the
queue. The article requests it yields are looked up in the store by that worker's incremental
middleware and, once queued, fingerprinted for the whole run: an article listed by a sitemap (read
by one worker) and by the feed (read by another) is fetched once. The child sitemaps of an index
stay with the worker that read it (its DiscoveryState, crawler/discovery.py), which queues the
next when it goes idle and counts as busy until they are all read; other workers take the
articles from the queue. The listings fallback is the run's decision, not a worker's: when every
worker is idle, the queue is empty and no worker saw a sitemap (or the REST API) list an
article, the first worker to notice claims it (`state` field `listings`), once per run, and
walks the listings.

Ending. A worker that goes idle (the shared queue empty, nothing of its own in flight) says so;
it closes only when the whole run is idle: nothing queued, no live worker busy. Otherwise it
stays open (DontCloseSpider) and looks again at Scrapy's next idle check, every 5 seconds; a worker
marks itself busy before it takes a request, so the run is never seen idle while a request is
between the queue and a worker. A dead worker stops counting after DISTRIBUTED_WORKER_TIMEOUT.
A worker that loses Redis stops at once (finish reason redis_unavailable: exit status 5).

`scrapy crawlall` works the same way: each of its crawlers (one per site, in one process) is a
worker of its own site's run, with its own scheduler, Redis connection, heartbeat and stats; a
crawlall on another machine, or a `scrapy crawl <site>` there, joins the same runs.

Exit statuses. Whether a crawl went well (crawler/outcome.py: the site answered, its sources
listed articles, the fetched pages could be stored) is a fact of the run, not of a worker that
read no source itself. RunStatsCollector adds the worker's counters to the run's; when the worker
closes, its summary line and exit status judge the run's counters as they stand (the last worker
out sees them all), with the worker's own finish reason and spool. The `runs` collection and the
stats dump keep each worker's own stats, with `distributed/run` and `distributed/worker`.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections import Counter
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from redis import Redis
from redis.exceptions import RedisError
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.settings import BaseSettings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.misc import load_object
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

logger = logging.getLogger(__name__)

# The keys of a run, `<prefix>:run:<id>:<name>`; all deleted by its last worker.
RUN_KEYS = ("requests", "dupefilter", "workers", "busy", "state", "stats")
# Counters that describe the run rather than one worker: what crawler/outcome.py judges a crawl
# by and prints in its summary line. Spooled records stay the worker's: the spool is a file of
# its machine, and its status 3 tells that machine's cron.
RUN_COUNTERS = (
    "discovery/",
    "incremental/",
    "articles/",
    "pages/",
    "extraction/",
    "item_scraped_count",
    "item_dropped_count",
    "store/new",
    "store/updated",
    "store/unchanged",
    "store/stale",
    "store/pages",
    "store/dropped/",
    "log_count/ERROR",
)
# What DISTRIBUTED_KEY_PREFIX must hold: each site's runs have keys of their own.
SPIDER_PLACEHOLDER = "%(spider)s"
# Sources that list every article: once one of them listed any, the listings are not walked
# (NewsSiteSpider.on_idle: sitemaps and the REST API).
COMPLETE_SOURCES = ("sitemap", "rest")

# What an idle worker is told to do.
WAIT = "wait"  # others are still busy or requests are queued: stay open
LISTINGS = "listings"  # the run is idle and no sitemap listed an article: walk the listings
DONE = "done"  # the run is idle: close
# The finish reason of a worker that lost Redis mid-run (crawler/outcome.py: EXIT_FAILED).
REDIS_UNAVAILABLE = "redis_unavailable"

# Lua, so that each step is atomic in Redis; TIME is Redis's clock, the same for every machine.
_PRELUDE = (
    "local run_keys = {"
    + ", ".join(f"'{name}'" for name in RUN_KEYS)
    + "}"
    + """
local function now()
  local t = redis.call('TIME')
  return tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local function base_of(prefix, run) return prefix .. ':run:' .. run .. ':' end
local function prune(base, timeout)
  local dead = redis.call('ZRANGEBYSCORE', base .. 'workers', '-inf', '(' .. (now() - timeout))
  for _, worker in ipairs(dead) do
    redis.call('ZREM', base .. 'workers', worker)
    redis.call('SREM', base .. 'busy', worker)
  end
end
local function drop(base)
  for _, name in ipairs(run_keys) do redis.call('DEL', base .. name) end
end
local function expire(base, ttl)
  for _, name in ipairs(run_keys) do redis.call('EXPIRE', base .. name, ttl) end
end
local function add(base, from)
  for i = from, #ARGV, 3 do
    redis.call('HINCRBY', base .. ARGV[i], ARGV[i + 1], ARGV[i + 2])
  end
end
"""
)

# KEYS[1]: the current run's name. ARGV: prefix, worker, fresh run id, worker timeout, ttl.
_JOIN = (
    _PRELUDE
    + """
local prefix, worker, timeout, ttl = ARGV[1], ARGV[2], tonumber(ARGV[4]), tonumber(ARGV[5])
local run = redis.call('GET', KEYS[1])
local how = 'joined'
if run then
  local base = base_of(prefix, run)
  prune(base, timeout)
  if redis.call('ZCARD', base .. 'workers') == 0 then
    drop(base)
    run = false
    how = 'replaced an abandoned run'
  end
end
if not run then
  run = ARGV[3]
  if how == 'joined' then how = 'started' end
  redis.call('HSET', base_of(prefix, run) .. 'state', 'started_at', now())
end
local base = base_of(prefix, run)
redis.call('SET', KEYS[1], run, 'EX', ttl)
redis.call('ZADD', base .. 'workers', now(), worker)
redis.call('SADD', base .. 'busy', worker)
expire(base, ttl)
return {run, how, redis.call('ZCARD', base .. 'workers')}
"""
)

# KEYS[1]: the current run's name. ARGV: prefix, run, worker, ttl, then counter deltas.
_HEARTBEAT = (
    _PRELUDE
    + """
local base = base_of(ARGV[1], ARGV[2])
redis.call('ZADD', base .. 'workers', now(), ARGV[3])
add(base, 5)
expire(base, tonumber(ARGV[4]))
if redis.call('GET', KEYS[1]) == ARGV[2] then redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4])) end
"""
)

# ARGV: prefix, run, worker, worker timeout, may walk the listings (0/1), complete sources
# (comma-separated), then counter deltas.
_IDLE = (
    _PRELUDE
    + """
local base, worker = base_of(ARGV[1], ARGV[2]), ARGV[3]
redis.call('SREM', base .. 'busy', worker)
redis.call('ZADD', base .. 'workers', now(), worker)
add(base, 7)
prune(base, tonumber(ARGV[4]))
if redis.call('ZCARD', base .. 'requests') > 0 or redis.call('SCARD', base .. 'busy') > 0 then
  return 'wait'
end
if ARGV[5] == '1' then
  for source in string.gmatch(ARGV[6], '[^,]+') do
    if (tonumber(redis.call('HGET', base .. 'state', 'discovered/' .. source)) or 0) > 0 then
      return 'done'
    end
  end
  if redis.call('HSETNX', base .. 'state', 'listings', worker) == 1 then
    redis.call('SADD', base .. 'busy', worker)
    return 'listings'
  end
end
return 'done'
"""
)

# KEYS[1]: the current run's name. ARGV: prefix, run, worker, worker timeout, counter deltas.
_LEAVE = (
    _PRELUDE
    + """
local base, worker = base_of(ARGV[1], ARGV[2]), ARGV[3]
redis.call('ZREM', base .. 'workers', worker)
redis.call('SREM', base .. 'busy', worker)
add(base, 5)
prune(base, tonumber(ARGV[4]))
local totals = redis.call('HGETALL', base .. 'stats')
local left = redis.call('ZCARD', base .. 'workers')
if left == 0 then
  drop(base)
  if redis.call('GET', KEYS[1]) == ARGV[2] then redis.call('DEL', KEYS[1]) end
end
return {left, totals}
"""
)

Delta = tuple[str, str, int]  # (run key: stats or state, field, increment)


def worker_name() -> str:
    """This process, as the run's other workers see it: host, pid and a random tag."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def new_run_id() -> str:
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


class Run:
    """One worker's membership of the current run of a site, in Redis; every method is one
    atomic step (a Lua script), safe against the other workers doing theirs."""

    def __init__(
        self,
        server: Redis,
        prefix: str,
        worker: str,
        *,
        worker_timeout: float = 60.0,
        ttl: int = 600,
    ) -> None:
        self.server = server
        self.prefix = prefix
        self.worker = worker
        self.worker_timeout = worker_timeout
        self.ttl = max(1, int(ttl))
        self.id = ""
        self._join = server.register_script(_JOIN)
        self._heartbeat = server.register_script(_HEARTBEAT)
        self._idle = server.register_script(_IDLE)
        self._leave = server.register_script(_LEAVE)

    @property
    def current_key(self) -> str:
        """The key naming the site's current run."""
        return f"{self.prefix}:run"

    def key(self, name: str) -> str:
        """One key of this run (RUN_KEYS)."""
        return f"{self.prefix}:run:{self.id}:{name}"

    def join(self) -> tuple[str, int]:
        """Join the current run, or start one; the worker counts as busy until its first idle.
        Returns how (started, joined, replaced an abandoned run) and how many workers it has."""
        run, how, workers = self._join(
            keys=[self.current_key],
            args=[self.prefix, self.worker, new_run_id(), self.worker_timeout, self.ttl],
        )
        self.id = _text(run)
        return _text(how), int(workers)

    def heartbeat(self, deltas: list[Delta]) -> None:
        """Still alive: refresh this worker's heartbeat and the run's expiry, add counters."""
        self._heartbeat(
            keys=[self.current_key],
            args=[self.prefix, self.id, self.worker, self.ttl, *_flat(deltas)],
        )

    def mark_busy(self) -> None:
        """About to take a request from the queue: the run is not idle until this worker is."""
        self.server.sadd(self.key("busy"), self.worker)

    def idle(self, deltas: list[Delta], *, may_walk_listings: bool) -> str:
        """This worker has nothing to do: WAIT, LISTINGS (it claimed the run's listings
        fallback, and is busy again) or DONE (the whole run is idle)."""
        verdict = self._idle(
            args=[
                self.prefix,
                self.id,
                self.worker,
                self.worker_timeout,
                int(may_walk_listings),
                ",".join(COMPLETE_SOURCES),
                *_flat(deltas),
            ]
        )
        return _text(verdict)

    def leave(self, deltas: list[Delta]) -> tuple[int, dict[str, int]]:
        """Leave the run: how many workers are left in it (0: its keys are deleted), and the
        run's counters, this worker's included."""
        left, totals = self._leave(
            keys=[self.current_key],
            args=[self.prefix, self.id, self.worker, self.worker_timeout, *_flat(deltas)],
        )
        fields, values = totals[::2], totals[1::2]
        return int(left), {_text(f): int(v) for f, v in zip(fields, values, strict=True)}


def _flat(deltas: list[Delta]) -> list[str | int]:
    return [part for delta in deltas for part in delta]


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class RunStatsCollector(MemoryStatsCollector):
    """Scrapy's stats of this worker, whose RUN_COUNTERS RunScheduler also adds to the run's in
    Redis. Once the worker is closed (after the `runs` document recorded its own stats), those
    counters are replaced by the run's, so that crawler/outcome.py judges the run."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._unshared: Counter[str] = Counter()
        self._run_totals: dict[str, int] = {}

    def inc_value(
        self, key: str, count: int = 1, start: int = 0, spider: Spider | None = None
    ) -> None:
        super().inc_value(key, count, start)
        if isinstance(count, int) and key.startswith(RUN_COUNTERS):
            self._unshared[key] += count

    def take_unshared(self) -> dict[str, int]:
        """The counts added since the last call, to add to the run's."""
        taken, self._unshared = self._unshared, Counter()
        return {key: count for key, count in taken.items() if count}

    def judge_by_run(self, totals: dict[str, int]) -> None:
        self._run_totals = totals

    def judged_stats(self) -> dict[str, Any]:
        """What crawler/outcome.py judges: this worker's stats with the run's counters, known
        once the scheduler has left the run (before spider_closed, so the worker's `runs`
        document records the outcome its exit status gives)."""
        return {**self._stats, **self._run_totals}

    def close_spider(self, spider: Spider | None = None, reason: str | None = None) -> None:
        super().close_spider(reason=reason)  # logs and keeps this worker's own stats
        self._stats.update(self._run_totals)


class RunScheduler(Scheduler):
    """scrapy-redis's Scheduler on the keys of the site's current run (see the module's
    docstring), which it joins when the spider opens and leaves when it closes; it keeps the
    worker open while the run has work, and walks the listings when the run needs them.

    Redis lost mid-run: the worker logs it once and closes, finish reason `redis_unavailable`
    (exit status 5, as any crawl that ended early): without the shared queue it can neither
    take work nor know when the run is over, and must not wait for CLOSESPIDER_TIMEOUT."""

    crawler: Crawler
    run_stats: RunStatsCollector
    run: Run | None = None
    _lost: bool = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunScheduler:
        try:
            scheduler = super().from_crawler(crawler)  # pings REDIS_URL
        except RedisError as exc:
            _log_unusable(crawler, exc)
            raise
        if not scheduler.persist or scheduler.flush_on_start:
            raise ValueError(
                "distributed crawling needs SCHEDULER_PERSIST = True and SCHEDULER_FLUSH_ON_START"
                " = False: a worker must never delete the queue and fingerprints of a run that"
                " other workers still use (the run's last worker deletes them)"
            )
        if not issubclass(load_object(scheduler.dupefilter_cls), RFPDupeFilter):
            raise ValueError(
                f"DUPEFILTER_CLASS must be scrapy-redis's RFPDupeFilter (or a subclass) in"
                f" distributed crawling, not {scheduler.dupefilter_cls}"
            )
        if not isinstance(crawler.stats, RunStatsCollector):
            raise ValueError(
                "STATS_CLASS must be crawler.distributed.RunStatsCollector in distributed"
                " crawling: a worker that read no source itself is judged by the run's counters"
            )
        # Keys that do not name the spider put every site in one run (at once under `scrapy
        # crawlall`, a crawler per site in one process): its crawlers take each other's requests,
        # store one site's articles under another's name and miss some of their own, exit 0.
        prefix = _key_prefix_template(crawler)
        if SPIDER_PLACEHOLDER not in prefix:
            raise ValueError(
                f"DISTRIBUTED_KEY_PREFIX must contain {SPIDER_PLACEHOLDER} (the spider's name):"
                f" {prefix!r} would give every site one run"
            )
        scheduler.crawler = crawler
        scheduler.run_stats = crawler.stats
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider: Spider) -> None:
        settings = self.crawler.settings
        prefix = _key_prefix_template(self.crawler) % {"spider": spider.name}
        self.run = Run(
            self.server,
            prefix,
            worker_name(),
            worker_timeout=settings.getfloat("DISTRIBUTED_WORKER_TIMEOUT"),
            ttl=settings.getint("DISTRIBUTED_RUN_TTL"),
        )
        try:
            how, workers = self.run.join()
        except RedisError as exc:
            _log_unusable(self.crawler, exc)
            raise
        self._busy = True
        # the spider's listed articles (spider.discovery) already added to the run's
        self._published: Counter[str] = Counter()
        self.queue_key = self.run.key("requests")
        self.df = load_object(self.dupefilter_cls)(
            self.server, key=self.run.key("dupefilter"), debug=settings.getbool("DUPEFILTER_DEBUG")
        )
        super().open(spider)
        spider.discovery.leave_listings_to_the_run()  # decided in spider_idle below
        self.run_stats.set_value("distributed/run", self.run.id)
        self.run_stats.set_value("distributed/worker", self.run.worker)
        logger.info(
            "Distributed: worker %s %s run %s of %s (workers in the run: %d)",
            self.run.worker,
            how,
            self.run.id,
            spider.name,
            workers,
        )
        if not settings.get("MONGO_URI"):
            logger.warning(
                "Distributed: no MONGO_URI, so this worker stores into this machine's embedded"
                " store; workers on other machines must share one MONGO_URI"
            )
        self._heartbeat = LoopingCall(self._beat)
        self._heartbeat.start(settings.getfloat("DISTRIBUTED_HEARTBEAT_INTERVAL"), now=False)

    def close(self, reason: str) -> None:
        if getattr(self, "_heartbeat", None) is not None and self._heartbeat.running:
            self._heartbeat.stop()
        super().close(reason)  # SCHEDULER_PERSIST: flushes nothing
        if self.run is None or not self.run.id:
            return
        try:
            left, totals = self.run.leave(self._deltas())
        except RedisError as exc:  # judged alone; the run forgets it after the worker timeout
            logger.warning("Distributed: could not leave run %s: %s", self.run.id, exc)
            return
        self.run_stats.judge_by_run(totals)
        if left:
            logger.info("Distributed: left run %s (workers still in it: %d)", self.run.id, left)
        else:
            logger.info("Distributed: last worker out of run %s: its keys are deleted", self.run.id)

    # enqueue_request and next_request are scrapy-redis's, but for the stats calls (scrapy-redis
    # 0.9.1 passes them a `spider` argument, which Scrapy deprecates: a warning in every log) and
    # for Redis lost mid-run.
    def enqueue_request(self, request: Request) -> bool:
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            self.queue.push(request)
        except RedisError as exc:
            self._lose_redis(exc)
            return False
        self.run_stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        if self._lost:
            return None
        try:
            if not self._busy:
                if not len(self.queue):
                    return None  # nothing to take: stay idle in the run's eyes
                self.run.mark_busy()  # before taking it, so the run never looks idle in between
                self._busy = True
            request = self.queue.pop(self.idle_before_close)
        except RedisError as exc:
            self._lose_redis(exc)
            return None
        if request is not None:
            self.run_stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        if self._lost:
            return False
        try:
            return len(self.queue) > 0
        except RedisError as exc:
            self._lose_redis(exc)
            return False

    def spider_idle(self, spider: Spider) -> None:
        if self._lost:
            return
        discovery = spider.discovery
        if discovery.has_child_sitemaps():
            raise DontCloseSpider  # the spider queues its next child sitemap: still busy
        try:
            verdict = self.run.idle(self._deltas(), may_walk_listings=discovery.may_walk_listings())
        except RedisError as exc:
            self._lose_redis(exc)
            return
        self._busy = verdict == LISTINGS
        if verdict == WAIT:
            raise DontCloseSpider
        if verdict == LISTINGS:
            discovery.start_listings_for_run()
            raise DontCloseSpider

    def _lose_redis(self, exc: RedisError) -> None:
        if self._lost:
            return
        self._lost = True
        # extra: the record is this site's (its "errors" under crawlall: crawler/logcount.py)
        logger.error(
            "Distributed: Redis lost, the worker stops: %s", exc, extra={"spider": self.spider}
        )
        closing = deferred_from_coro(
            self.crawler.engine.close_spider_async(reason=REDIS_UNAVAILABLE)
        )
        closing.addErrback(
            lambda failure: logger.error(
                "Distributed: %s", failure.value, extra={"spider": self.spider}
            )
        )

    def _beat(self) -> None:
        try:
            self.run.heartbeat(self._deltas())
        except RedisError as exc:  # the next beat tries again; a worker is dead after the timeout
            logger.warning("Distributed: heartbeat of run %s failed: %s", self.run.id, exc)

    def _deltas(self) -> list[Delta]:
        """What this worker adds to the run since the last call: its counters, and the article
        URLs each source listed to it (the run's listings decision)."""
        deltas: list[Delta] = [
            ("stats", key, count) for key, count in self.run_stats.take_unshared().items()
        ]
        for source, count in self.spider.discovery.listed_articles().items():
            if count > self._published[source]:
                deltas.append(("state", f"discovered/{source}", count - self._published[source]))
                self._published[source] = count
        return deltas


def _key_prefix_template(crawler: Crawler) -> str:
    return crawler.settings.get("DISTRIBUTED_KEY_PREFIX")


def _log_unusable(crawler: Crawler, exc: RedisError) -> None:
    url = _without_password(crawler.settings.get("REDIS_URL") or "")
    logger.error(
        "Distributed: Redis at %s is unusable, the crawl stops: %s",
        url,
        exc,
        extra={"spider": getattr(crawler, "spider", None)},
    )


class DistributedAddon:
    """Scrapy add-on: distributed mode in one line (settings/distributed.py). Sets what the mode
    needs, the scheduler, dupefilter, queue and stats collector of a shared run, at the project's
    priority: settings/base.py sets DUPEFILTER_CLASS for single-process runs, which an add-on's
    own priority would not override; `-s` still does (RunScheduler then refuses what cannot
    work). REDIS_URL and the DISTRIBUTED_* knobs are settings of their own (settings/base.py)."""

    SETTINGS = {
        "SCHEDULER": "crawler.distributed.RunScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        # The priority queue keeps the spider's priorities: sources before articles, the later
        # pages of an article before other articles.
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        # On purpose: scrapy-redis must never delete the queue and the fingerprints when a
        # worker closes (other workers of the run still use them), nor when one starts. They
        # are per run, deleted by the run's last worker, so tomorrow's run reads robots.txt,
        # the sitemaps and the feed again.
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_FLUSH_ON_START": False,
        # Each worker's counters are added to the run's: exit statuses judge the run.
        "STATS_CLASS": "crawler.distributed.RunStatsCollector",
    }

    def update_settings(self, settings: BaseSettings) -> None:
        for name, value in self.SETTINGS.items():
            settings.set(name, value, priority="project")
