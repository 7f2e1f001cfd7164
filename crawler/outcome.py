"""What became of a crawl, read from its stats: one summary line and the exit status cron sees.

Exit statuses (their meanings: crawler/exitcodes.py), as a crawl earns them:
    EXIT_OK (0)           new and changed articles are stored, or nothing was new
    EXIT_NOT_STARTED (1)  the store was unusable at start; Scrapy's own start failures
    EXIT_SPOOLED (3)      the crawl ran, some records are in the spool (crawler/store/pipeline.py)
    EXIT_UNREACHABLE (4)  no source (sitemap, feed, listing) answered
    EXIT_FAILED (5)       it ended early (CLOSESPIDER_TIMEOUT, MEMUSAGE_LIMIT_MB, a shutdown
        signal...); or its sources listed no article at all; or article pages were fetched
        and none could be stored, while either no article of the site is stored from before,
        or at least CRAWL_FAILURE_UNPARSEABLE_PAGES of them could not be parsed (no title, no
        body, not an article: what a redesign looks like)
    EXIT_DEGRADED (6)     the crawl ran, and the monitors found it degraded: a redesign that
        still yields articles, but without dates or bylines (crawler/monitoring/)
    EXIT_LOCKED (75)      another run of the same site still holds its lock: nothing was done

The outcome is judged once per crawl, by outcome_of(): the run recorder (crawler/store/runs.py)
writes it into the run's `runs` document when the spider closes, and `scrapy crawl` and
`scrapy crawlall` print it and exit with its status once the crawl is over. Both judge the same
stats; only a run document that had to be spooled says so itself (status "spooled").

"Nothing new" is success: a run that found every listed article already stored (counted under
incremental/skipped_known) stored nothing because there was nothing to store. So is a quiet run
whose only unknown URLs are a few broken ones the sitemap keeps listing (a deleted post that
answers 404, an empty draft): they are fetched and dropped on every run, and must not fail each
of them; the threshold tells them apart from a redesign, which drops every new article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler.exitcodes import (
    EXIT_DEGRADED,
    EXIT_FAILED,
    EXIT_NOT_STARTED,
    EXIT_OK,
    EXIT_SPOOLED,
    EXIT_UNREACHABLE,
)
from crawler.monitoring import degraded_reason
from crawler.monitoring.extension import is_site_crawl
from crawler.store.pipeline import crawl_exit_status

# What a run counts as dropped articles: pages that held none, items the pipelines dropped.
DROPPED_PREFIXES = ("articles/dropped/", "store/dropped/")
STORE_STATUSES = {EXIT_OK: "ok", EXIT_SPOOLED: "spooled", EXIT_NOT_STARTED: "not started"}
NORMAL_FINISH = frozenset({"finished", "limit_reached"})
# Article pages that answered but held no article: what a redesign does to every page.
UNPARSEABLE = ("articles/dropped/no_title", "articles/dropped/no_body", "pages/skipped/not_article")


@dataclass(frozen=True)
class CrawlOutcome:
    site: str
    status: str  # ok, nothing new, spooled, unreachable, failed, not started
    exit_status: int
    reason: str = ""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    known: int = 0  # listed, already stored and current: not fetched
    dropped: int = 0
    errors: int = 0

    def summary(self) -> str:
        counts = (
            f"new {self.new}, updated {self.updated}, unchanged {self.unchanged}, "
            f"known {self.known}, dropped {self.dropped}, errors {self.errors}"
        )
        reason = f" ({self.reason})" if self.reason else ""
        return f"{self.site}: {self.status}{reason}: {counts} [exit {self.exit_status}]"

    def record(self) -> dict[str, Any]:
        """The outcome as a run document keeps it (crawler/store/runs.py)."""
        return {"status": self.status, "exit_status": self.exit_status, "reason": self.reason}


def outcome_of(crawler: Crawler, site: str = "", spider: Spider | None = None) -> CrawlOutcome:
    """The outcome of a crawler's crawl (of `spider`: by default the crawler's), under its
    spider's name (`site` if it never got one)."""
    spider = spider or crawler.spider
    name = spider.name if spider else site
    try:
        stats = crawler.stats
    except RuntimeError:  # set when the crawl starts: it never did
        return CrawlOutcome(name, "not started", EXIT_NOT_STARTED, "see the log")
    if spider is not None and not is_site_crawl(spider):
        return store_outcome(name, stats)
    return crawl_outcome(name, stats, crawler.settings.getint("CRAWL_FAILURE_UNPARSEABLE_PAGES"))


def crawl_outcome(site: str, stats: StatsCollector, unparseable_threshold: int) -> CrawlOutcome:
    """The outcome of the crawl of `site` whose stats these are (CRAWL_FAILURE_UNPARSEABLE_PAGES
    is `unparseable_threshold`)."""
    values = judged_stats(stats)
    status, exit_status, reason = _judge(values, crawl_exit_status(stats), unparseable_threshold)
    return CrawlOutcome(site, status, exit_status, reason, **_counts(values))


def store_outcome(name: str, stats: StatsCollector) -> CrawlOutcome:
    """The outcome of a spider that crawls no news site (a `scrapy runspider` script): only
    what became of its items, as `scrapy runspider` exits (crawl_exit_status)."""
    values = stats.get_stats()
    exit_status = crawl_exit_status(stats)
    status = STORE_STATUSES[exit_status]
    reason = "see the log" if exit_status == EXIT_NOT_STARTED else ""
    return CrawlOutcome(name, status, exit_status, reason, **_counts(values))


def _counts(values: dict[str, Any]) -> dict[str, int]:
    return {
        "new": _int(values, "store/new"),
        "updated": _int(values, "store/updated"),
        "unchanged": _int(values, "store/unchanged"),
        "known": _int(values, "incremental/skipped_known"),
        "dropped": _sum(values, DROPPED_PREFIXES),
        "errors": _int(values, "log_count/ERROR"),
    }


def judged_stats(stats: StatsCollector) -> dict[str, Any]:
    """The stats a crawl is judged by: its own, or, for a worker of a distributed run that has
    left it, its own with the run's counters (crawler/distributed.py RunStatsCollector)."""
    judged = getattr(stats, "judged_stats", None)
    return judged() if judged is not None else stats.get_stats()


def _judge(values: dict, store_status: int, unparseable_threshold: int) -> tuple[str, int, str]:
    if "start_time" not in values or store_status == EXIT_NOT_STARTED:
        return "not started", EXIT_NOT_STARTED, "see the log"
    finish_reason = values.get("finish_reason", "unknown")
    if finish_reason not in NORMAL_FINISH:
        return "failed", EXIT_FAILED, f"ended early: {finish_reason}"
    if not _sum(values, ("discovery/read/",)):
        return "unreachable", EXIT_UNREACHABLE, "no sitemap, feed or listing answered"
    listed = _sum(values, ("discovery/articles/",))
    if not listed and not _sum(values, ("discovery/skipped/",)):
        return "failed", EXIT_FAILED, "the sources answered but listed no article"
    known = _int(values, "incremental/skipped_known")
    produced = _int(values, "item_scraped_count") + _sum(values, ("articles/skipped/",))
    unparseable = sum(_int(values, key) for key in UNPARSEABLE)
    if listed > known and not produced and (not known or unparseable >= unparseable_threshold):
        fetched = _int(values, "pages/fetched/article")
        return "failed", EXIT_FAILED, f"{fetched} article pages fetched, none stored"
    degraded = degraded_reason(values)
    if degraded:
        return "degraded", EXIT_DEGRADED, degraded
    if store_status == EXIT_SPOOLED:
        return "spooled", EXIT_SPOOLED, "some articles wait in the spool"
    if not produced:
        return "nothing new", EXIT_OK, ""
    return "ok", EXIT_OK, ""


def _int(values: dict, key: str) -> int:
    value = values.get(key, 0)
    return value if isinstance(value, int) else 0


def _sum(values: dict, prefixes: tuple[str, ...]) -> int:
    return sum(
        value
        for key, value in values.items()
        if key.startswith(prefixes) and isinstance(value, int)
    )
