"""Run a real `scrapy crawl` as a subprocess, the way users and cron run it; or build a crawler
in-process with the project's settings, to drive its components directly."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.spiders import Spider
from scrapy.utils.test import get_crawler

ROOT = Path(__file__).resolve().parent.parent


def run_scrapy(*args: str, timeout: float = 300, cwd: Path = ROOT, **settings: str):
    """`python -m scrapy ARGS -s NAME=VALUE ...` with the test settings; returns the completed
    process (stdout and stderr captured as text)."""
    command, env = scrapy_command(*args, **settings)
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def start_scrapy(*args: str, cwd: Path = ROOT, **settings: str) -> subprocess.Popen:
    """run_scrapy, but returning at once: the running process (stdout and stderr as text
    pipes; read them with communicate())."""
    command, env = scrapy_command(*args, **settings)
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def stop_process(process: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL if it has not exited within 15 s; reaped either way."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def dumped_stat(log: str | subprocess.CompletedProcess, key: str) -> int:
    """A counter from the stats Scrapy dumps at the end of a crawl's log (the log's text, or the
    finished crawl whose stderr holds it); 0 when the crawl never counted it."""
    text = log if isinstance(log, str) else log.stderr
    match = re.search(rf"'{re.escape(key)}': (\d+)", text)
    return int(match.group(1)) if match else 0


def dumped_drops(log: str) -> dict[str, int]:
    """The articles/dropped/<reason> counters of a crawl's dumped stats, by reason."""
    return {key: int(n) for key, n in re.findall(r"'articles/dropped/([\w/]+)': (\d+)", log)}


def scrapy_command(*args: str, **settings: str) -> tuple[list[str], dict[str, str]]:
    command = [sys.executable, "-m", "scrapy", *args]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "settings.test", "PYTHONPATH": str(ROOT)}
    env.pop("MONGO_URI", None)  # settings decide, via -s, never the caller's environment
    return command, env


def project_crawler(spidercls: type[Spider] | None = None, **overrides: Any) -> Crawler:
    """A crawler with the test settings (settings/test.py: the defaults of settings/base.py, the
    store add-on included) and `overrides` over them, its extensions built, not crawling. The
    reactor settings stay get_crawler's: no reactor runs in the test process."""
    import settings.test as test_settings

    project = {
        name: getattr(test_settings, name)
        for name in dir(test_settings)
        if name.isupper() and name != "TWISTED_REACTOR"
    }
    return get_crawler(spidercls, {**project, **overrides})


def items_spider(count: int, *, then_close: str | None = None) -> str:
    """The source of a spider (`scrapy runspider`) that yields `count` articles straight into
    the store pipeline, then closes itself with the reason `then_close` if one is given."""
    close = f"raise CloseSpider({then_close!r})" if then_close else "return"
    return textwrap.dedent(
        f"""
        from datetime import UTC, datetime

        import scrapy
        from scrapy.exceptions import CloseSpider


        class StoreItems(scrapy.Spider):
            name = "store_items"
            start_urls = ["data:,items"]
            custom_settings = {{"ITEM_PIPELINES": {{"crawler.store.pipeline.StorePipeline": 900}}}}

            def parse(self, response):
                for n in range({count}):
                    yield {{
                        "url": f"https://items.test/{{n}}/",
                        "site": "items",
                        "title": f"Berita {{n}}",
                        "content_hash": f"hash-{{n}}",
                        "fetched_at": datetime.now(UTC),
                    }}
                {close}
        """
    )
