"""The monitors' verdict on a run, kept in its stats (hence in its `runs` document):

    monitoring/degraded   1 when a monitor failed (absent when every monitor passed)
    monitoring/failed     the names of the failed monitors
    monitoring/reasons    what each of them found, e.g. "published_at coverage 0.20
                          (threshold 0.95, previous runs 0.98)"

Written by the monitor suite (monitors.py) before the run is recorded; read back by
crawler/outcome.py through degraded_reason(). Nothing here imports Spidermon or the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEGRADED = "monitoring/degraded"
FAILED = "monitoring/failed"
REASONS = "monitoring/reasons"


def degraded_reason(stats: Mapping[str, Any]) -> str | None:
    """Why the monitors found this run degraded ("; "-joined), or None when they did not (or
    did not run)."""
    if not stats.get(DEGRADED):
        return None
    reasons = stats.get(REASONS) or stats.get(FAILED) or ["a monitor failed"]
    return "; ".join(str(reason) for reason in reasons)


def verdict_stats(failures: list[tuple[str, str]]) -> dict[str, Any]:
    """The stats of a verdict: `failures` are (monitor name, reason) pairs, empty when every
    monitor passed."""
    if not failures:
        return {DEGRADED: 0, FAILED: [], REASONS: []}
    return {
        DEGRADED: 1,
        FAILED: [name for name, _ in failures],
        REASONS: [reason for _, reason in failures],
    }
