"""Monitoring with Spidermon (docs/monitoring.md): the item schema's JSON Schema and its
validation pipeline (schema.py), the monitors run when a crawl closes (monitors.py, with the
field coverage and its history in coverage.py), the run's verdict in its stats (verdict.py)
and the alerts (alerts.py).

`degraded_reason(stats)` is what crawler/outcome.py asks of a finished crawl.
"""

from crawler.monitoring.verdict import degraded_reason

__all__ = ["degraded_reason"]
