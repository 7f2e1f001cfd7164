"""Field coverage: the share of a run's items that have a field, against a threshold and
against the site's previous runs.

A run's items are counted by Spidermon (SPIDERMON_ADD_FIELD_COVERAGE: an empty string, list
or None is no value); its coverage is recorded in its stats as `monitoring/coverage/<field>`
(a float, 3 decimals) with `monitoring/coverage/items`, so that the `runs` collection keeps
it for the next runs. The previous runs' coverage of a field is their pooled share (weighted
by their items), from the newest MONITOR_HISTORY_RUNS runs that recorded one.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from crawler.store.connection import StoreConnection
from crawler.store.errors import StoreError

logger = logging.getLogger(__name__)

ITEM_TYPE = "ArticleItem"
COVERAGE_PREFIX = "monitoring/coverage/"
ITEMS_KEY = COVERAGE_PREFIX + "items"


@dataclass(frozen=True)
class FieldCoverage:
    field: str
    coverage: float
    threshold: float
    previous: float | None  # the previous runs' coverage; None: no history to compare with

    def failing(self, max_drop: float) -> bool:
        dropped = self.previous is not None and self.previous - self.coverage > max_drop
        return self.coverage < self.threshold or dropped

    def describe(self) -> str:
        """e.g. "published_at coverage 0.20 (threshold 0.95, previous runs 0.98)"."""
        history = "" if self.previous is None else f", previous runs {self.previous:.2f}"
        return (
            f"{self.field} coverage {self.coverage:.2f} (threshold {self.threshold:.2f}{history})"
        )


def thresholds_for(site: str, settings: BaseSettings) -> dict[str, float]:
    """MONITOR_COVERAGE, with the site's own MONITOR_COVERAGE_BY_SITE entries over it."""
    thresholds = {
        field: float(share) for field, share in settings.getdict("MONITOR_COVERAGE").items()
    }
    by_site = settings.getdict("MONITOR_COVERAGE_BY_SITE").get(site) or {}
    thresholds.update((field, float(share)) for field, share in by_site.items())
    return thresholds


def run_coverage(stats: Mapping[str, Any], fields: list[str]) -> tuple[int, dict[str, float]]:
    """(items, field -> share) of this run, from Spidermon's per-field item counts."""
    items = int(stats.get(f"spidermon_item_scraped_count/{ITEM_TYPE}", 0) or 0)
    if not items:
        return 0, {}
    counts = {
        field: stats.get(f"spidermon_item_scraped_count/{ITEM_TYPE}/{field}", 0) for field in fields
    }
    return items, {field: round(int(count) / items, 3) for field, count in counts.items()}


def coverage_stats(items: int, coverage: Mapping[str, float]) -> dict[str, Any]:
    """What a run records of its coverage, for the runs after it."""
    return {
        ITEMS_KEY: items,
        **{COVERAGE_PREFIX + field: share for field, share in coverage.items()},
    }


def previous_coverage(
    runs: list[dict[str, Any]], fields: list[str], min_items: int
) -> dict[str, float]:
    """field -> pooled coverage of these recorded runs (newest first, as ArticleStore.runs gives
    them), for the fields they recorded, when they hold at least `min_items` items together."""
    pooled: dict[str, float] = {}
    for field in fields:
        weighted, items = 0.0, 0
        for run in runs:
            stats = run.get("stats") or {}
            share, count = stats.get(COVERAGE_PREFIX + field), stats.get(ITEMS_KEY)
            if isinstance(share, int | float) and isinstance(count, int) and count > 0:
                weighted += share * count
                items += count
        if items and items >= min_items:
            pooled[field] = round(weighted / items, 3)
    return pooled


def recorded_runs(crawler: Crawler, site: str, limit: int) -> list[dict[str, Any]]:
    """The newest `limit` runs of `site` recorded in the store, through the crawl's one store
    connection (crawler/store/connection.py); [] when the crawl has no store or it cannot say."""
    connection = crawler.get_extension(StoreConnection)
    store = connection.store if connection is not None else None
    if store is None:
        logger.warning("Monitoring: no history of %s's coverage: the crawl has no store", site)
        return []
    try:
        return store.runs(spider=site, limit=limit)
    except StoreError as exc:
        logger.warning(
            "Monitoring: no history of %s's coverage, the store is unusable: %s", site, exc
        )
        return []
