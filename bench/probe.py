"""CrawlProbe: a Scrapy extension that writes what a benchmark needs to know about a crawl to
a JSON file (BENCH_PROBE_FILE) once the engine has stopped.

    stats             the crawl's Scrapy stats (elapsed_time_seconds, response_received_count...)
    cpu_seconds       CPU time of the crawl process between spider_opened and engine_stopped
    peak_rss_bytes    the process's peak resident set (VmHWM), start-up and imports included
    max_pending       the most requests the scheduler held at once, sampled every
                      BENCH_PROBE_INTERVAL seconds: requests waiting in memory are what grows
                      with the size of a site
    max_scraper_bytes the most response bytes in Scrapy's scraper at once (callbacks and item
                      pipelines; SCRAPER_SLOT_MAX_ACTIVE_SIZE bounds it), sampled alike: what
                      items waiting for a slow store keep in memory

Written at engine_stopped, after spider_closed, so elapsed_time_seconds is already set.
"""

from __future__ import annotations

import json
import resource
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_bytes() -> int:
    """VmHWM of this process: the exact peak, unlike a periodic RSS sample."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


class CrawlProbe:
    def __init__(self, crawler: Crawler, path: Path, interval: float) -> None:
        self.crawler = crawler
        self.path = path
        self.interval = interval
        self.cpu_at_open = 0.0
        self.max_pending = 0
        self.max_scraper_bytes = 0
        self.sampler = LoopingCall(self.sample)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProbe:
        path = crawler.settings.get("BENCH_PROBE_FILE")
        if not path:
            raise NotConfigured("BENCH_PROBE_FILE is not set")
        probe = cls(crawler, Path(path), crawler.settings.getfloat("BENCH_PROBE_INTERVAL", 0.2))
        crawler.signals.connect(probe.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(probe.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(probe.engine_stopped, signal=signals.engine_stopped)
        return probe

    def spider_opened(self, spider: Any) -> None:
        self.cpu_at_open = cpu_seconds()
        self.sampler.start(self.interval)

    def sample(self) -> None:
        engine = self.crawler.engine
        if engine is None:
            return
        if engine.scheduler is not None:
            self.max_pending = max(self.max_pending, len(engine.scheduler))
        if engine.scraper.slot is not None:
            self.max_scraper_bytes = max(self.max_scraper_bytes, engine.scraper.slot.active_size)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.sampler.running:
            self.sampler.stop()

    def engine_stopped(self) -> None:
        report = {
            "stats": self.crawler.stats.get_stats(),
            "cpu_seconds": cpu_seconds() - self.cpu_at_open,
            "peak_rss_bytes": peak_rss_bytes(),
            "max_pending": self.max_pending,
            "max_scraper_bytes": self.max_scraper_bytes,
        }
        self.path.write_text(json.dumps(report, default=str, indent=1), encoding="utf-8")
