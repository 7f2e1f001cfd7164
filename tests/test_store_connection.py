"""One store connection per crawl (crawler/store/connection.py), shared by the store pipeline,
the incremental middleware and the run recorder; and the add-ons that switch the store and the
distributed mode on in one line each."""

from __future__ import annotations

import ast
import re
import subprocess
import textwrap

from scrapy.settings import Settings
from scrapy.utils.misc import load_object

from crawler.distributed import DistributedAddon
from crawler.store import StoreAddon
from crawler.store.connection import StoreConnection
from crawler.store.pipeline import StorePipeline
from crawler.store.runs import RunRecorder
from tests.crawl import ROOT, project_crawler, scrapy_command

# `scrapy` as users run it, with ArticleStore and EmbeddedServer.acquire wrapped to record the
# stores a crawl makes (one MongoClient each; the embedded server's own pings use the database
# "admin") and the times it joins the embedded server: the real classes do the work, the
# wrappers only count.
COUNTING_SCRAPY = textwrap.dedent(
    """
    import atexit
    import sys

    from crawler.store import embedded, store

    databases, joins = [], []
    real_init, real_acquire = store.ArticleStore.__init__, embedded.EmbeddedServer.acquire


    def init(self, uri, database, **options):
        databases.append(database)
        real_init(self, uri, database, **options)


    def acquire(self):
        joins.append(self.data_dir)
        return real_acquire(self)


    store.ArticleStore.__init__ = init
    embedded.EmbeddedServer.acquire = acquire
    atexit.register(lambda: print("STORES", databases, "JOINS", len(joins), file=sys.stderr))

    from scrapy.cmdline import execute

    execute()
    """
)


def test_a_crawl_of_the_replica_opens_one_store_connection(replica, tmp_path):
    command, env = scrapy_command(
        "crawl",
        "radartangsel",
        "-a",
        f"base_url={replica.url}",
        MONGO_EMBEDDED_DIR=str(tmp_path / "mongo"),
        STORE_SPOOL_PATH=str(tmp_path / "spool.jsonl"),
    )
    command[1:3] = ["-c", COUNTING_SCRAPY]  # python -c <the counting scrapy> crawl ...
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-4000:]
    stats = {key: int(value) for key, value in re.findall(r"'([\w/.]+)': (\d+)", result.stderr)}
    assert stats["store/new"] > 0 and stats["incremental/new"] > 0  # all three used the store
    assert re.search(r"Store: run [0-9a-f]{32} recorded in the embedded store", result.stderr)
    counted = re.search(r"^STORES (.*) JOINS (\d+)$", result.stderr, re.M)
    crawl_stores = [name for name in ast.literal_eval(counted[1]) if name != "admin"]
    assert crawl_stores == ["news"] and int(counted[2]) == 1
    assert not (tmp_path / "mongo" / "server.json").exists()  # closed last, server stopped


def test_the_store_addon_switches_the_store_on_in_one_line():
    on = project_crawler()
    assert on.settings.getdict("ADDONS") == {"crawler.store.StoreAddon": 0}
    assert isinstance(StoreConnection.of(on), StoreConnection)
    assert on.get_extension(RunRecorder) is not None
    components = on.settings.getwithbase("ITEM_PIPELINES")
    assert StorePipeline in [load_object(path) for path in components if components[path]]

    off = project_crawler(ADDONS={})
    assert off.get_extension(StoreConnection) is None
    assert off.get_extension(RunRecorder) is None


def test_an_order_of_none_switches_one_store_component_off():
    incremental = "crawler.incremental.IncrementalMiddleware"
    crawler = project_crawler(SPIDER_MIDDLEWARES={incremental: None})
    assert crawler.settings.getwithbase("SPIDER_MIDDLEWARES")[incremental] is None
    assert StoreConnection.of(crawler) is not None


def test_the_distributed_addon_sets_the_mode_over_the_single_process_defaults():
    settings = Settings()
    settings.setmodule("settings.distributed", priority="project")
    settings.set("SCHEDULER_QUEUE_CLASS", "my.Queue", priority="cmdline")
    assert list(settings.getdict("ADDONS")) == [
        "crawler.store.StoreAddon",
        "crawler.distributed.DistributedAddon",
    ]
    StoreAddon().update_settings(settings)
    DistributedAddon().update_settings(settings)
    assert settings["SCHEDULER"] == "crawler.distributed.RunScheduler"
    assert settings["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"  # not base's
    assert settings["STATS_CLASS"] == "crawler.distributed.RunStatsCollector"
    assert settings.getbool("SCHEDULER_PERSIST")
    assert not settings.getbool("SCHEDULER_FLUSH_ON_START")
    assert settings["SCHEDULER_QUEUE_CLASS"] == "my.Queue"  # -s still wins
