"""The monitors run when a crawl closes (SPIDERMON_SPIDER_CLOSE_MONITORS = CrawlMonitorSuite).

Spidermon's own monitors where one fits (finish reason, error count, validation errors), ours
for what is this crawler's (sources, stored against listed, dropped pages, field coverage with
its history). A failed monitor makes the run degraded: the suite writes the verdict into the
stats (verdict.py) before the run is recorded, logs one line naming the site and what failed,
and runs the configured alerts (alerts.py). Thresholds are settings (settings/base.py).
"""

from __future__ import annotations

import logging
from typing import Any

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import (
    ErrorCountMonitor,
    FinishReasonMonitor,
    ItemValidationMonitor,
)

from crawler.monitoring.alerts import configured_alerts, run_outcome
from crawler.monitoring.coverage import (
    FieldCoverage,
    coverage_stats,
    previous_coverage,
    recorded_runs,
    run_coverage,
    thresholds_for,
)
from crawler.monitoring.verdict import degraded_reason, verdict_stats

logger = logging.getLogger(__name__)

DROPPED_PREFIXES = ("articles/dropped/", "store/dropped/")
STORED = ("store/new", "store/updated", "store/unchanged", "store/spooled")


def _int(stats: dict[str, Any], key: str) -> int:
    value = stats.get(key, 0)
    return value if isinstance(value, int) else 0


def _sum(stats: dict[str, Any], prefixes: tuple[str, ...]) -> int:
    return sum(_int(stats, key) for key in stats if key.startswith(prefixes))


class CrawlMonitor(Monitor):
    @property
    def site(self) -> str:
        return self.data.spider.name

    @property
    def settings(self) -> Any:
        return self.data.crawler.settings

    @property
    def stats(self) -> dict[str, Any]:
        return self.data.stats

    @property
    def judges_the_run(self) -> bool:
        """Whether this crawl's counters are the run's. A worker of a distributed run
        (crawler/distributed.py) reads only some of the sources and stores only some of the
        articles: the run's sources and stored share are judged from the run's counters, as
        crawler/outcome.py judges its exit status, not by each worker's monitors."""
        return "distributed/run" not in self.stats


@monitors.name("Sources")
class SourcesMonitor(CrawlMonitor):
    @monitors.name("answered and listed articles")
    def test_sources_listed_articles(self) -> None:
        if not self.judges_the_run:
            return
        if not _sum(self.stats, ("discovery/read/",)):
            self.fail("no sitemap, feed or listing answered")
        if not _sum(self.stats, ("discovery/articles/", "discovery/skipped/")):
            self.fail("the sources answered but listed no article")


@monitors.name("Stored against listed")
class StoredMonitor(CrawlMonitor):
    """Of the articles the sources listed and the run had to fetch (new, or to refetch), the
    share stored (or skipped on purpose: since/until) is at least MONITOR_MIN_STORED_SHARE."""

    @monitors.name("enough of the listed articles stored")
    def test_stored_share(self) -> None:
        if self.stats.get("finish_reason") != "finished":  # limit_reached stops short on purpose
            return
        if not self.judges_the_run:
            return
        wanted = _int(self.stats, "incremental/new") + _sum(self.stats, ("incremental/refetch/",))
        if not wanted:  # no incremental bookkeeping (INCREMENTAL_ENABLED off)
            wanted = _int(self.stats, "pages/fetched/article")
        if wanted < self.settings.getint("MONITOR_MIN_ITEMS"):
            return
        stored = sum(_int(self.stats, key) for key in STORED)
        handled = stored + _sum(self.stats, ("articles/skipped/",))
        minimum = self.settings.getfloat("MONITOR_MIN_STORED_SHARE")
        if handled / wanted < minimum:
            self.fail(
                f"stored {stored} of {wanted} listed articles to fetch "
                f"({handled / wanted:.2f}, minimum {minimum:.2f})"
            )


@monitors.name("Dropped pages")
class DroppedPagesMonitor(CrawlMonitor):
    """Article pages dropped (articles/dropped/*, store/dropped/*) are at most
    MONITOR_MAX_DROPPED_SHARE of the article pages fetched."""

    @monitors.name("few article pages dropped")
    def test_dropped_share(self) -> None:
        fetched = _int(self.stats, "pages/fetched/article")
        if fetched < self.settings.getint("MONITOR_MIN_ITEMS"):
            return
        dropped = _sum(self.stats, DROPPED_PREFIXES)
        maximum = self.settings.getfloat("MONITOR_MAX_DROPPED_SHARE")
        if dropped / fetched > maximum:
            reasons = ", ".join(
                f"{key.rsplit('/', 1)[-1]} {_int(self.stats, key)}"
                for key in sorted(self.stats)
                if key.startswith(DROPPED_PREFIXES)
            )
            self.fail(
                f"{dropped} of {fetched} article pages dropped "
                f"({dropped / fetched:.2f}, maximum {maximum:.2f}: {reasons})"
            )


@monitors.name("Field coverage")
class FieldCoverageMonitor(CrawlMonitor):
    """Each field of MONITOR_COVERAGE (MONITOR_COVERAGE_BY_SITE for this site) is on at least its
    share of the run's items, and not MONITOR_COVERAGE_MAX_DROP below the previous runs'."""

    @monitors.name("fields present on enough items")
    def test_field_coverage(self) -> None:
        thresholds = thresholds_for(self.site, self.settings)
        fields = list(thresholds)
        items, coverage = run_coverage(self.stats, fields)
        if not items:
            return
        for key, value in coverage_stats(items, coverage).items():
            self.data.crawler.stats.set_value(key, value)
        min_items = self.settings.getint("MONITOR_MIN_ITEMS")
        if items < min_items:  # a handful of new articles says little about a site
            return
        history = recorded_runs(
            self.data.crawler, self.site, self.settings.getint("MONITOR_HISTORY_RUNS")
        )
        previous = previous_coverage(history, fields, min_items)
        max_drop = self.settings.getfloat("MONITOR_COVERAGE_MAX_DROP")
        failing = [
            FieldCoverage(field, coverage[field], thresholds[field], previous.get(field))
            for field in fields
        ]
        failing = [field for field in failing if field.failing(max_drop)]
        if failing:
            self.fail("; ".join(field.describe() for field in failing))


class CrawlMonitorSuite(MonitorSuite):
    monitors = [
        FinishReasonMonitor,  # SPIDERMON_EXPECTED_FINISH_REASONS
        ErrorCountMonitor,  # SPIDERMON_MAX_ERRORS
        ItemValidationMonitor,  # SPIDERMON_MAX_ITEM_VALIDATION_ERRORS
        SourcesMonitor,
        StoredMonitor,
        DroppedPagesMonitor,
        FieldCoverageMonitor,
    ]

    def __init__(self, *args: Any, crawler: Any = None, **kwargs: Any) -> None:
        # Only the alerts whose settings are given: none configured, none sent.
        kwargs.setdefault("monitors_failed_actions", configured_alerts(crawler.settings))
        super().__init__(*args, crawler=crawler, **kwargs)

    def on_monitors_finished(self, result: Any) -> None:
        """The verdict into the stats, before the run is recorded, and one line in the log."""
        failures = [
            (failed.monitor.monitor_name, failed.reason or f"{failed.monitor.monitor_name} failed")
            for failed in result.monitors_failed_results
        ]
        stats = self._crawler.stats
        for key, value in verdict_stats(failures).items():
            stats.set_value(key, value)
        site = result.spider.name
        reason = degraded_reason(stats.get_stats())
        if reason:
            label, _ = run_outcome(self._crawler, site)
            logger.warning("%s: %s: %s", site, label, reason, extra={"spider": result.spider})
        else:
            logger.info("%s: every monitor passed", site, extra={"spider": result.spider})
