"""Distributed crawling: the defaults of settings/base.py, with the workers of a site sharing one
run through Redis (scrapy-redis; crawler/distributed.py, README "Distributed crawling").

    SCRAPY_SETTINGS_MODULE=settings.distributed REDIS_URL=redis://10.0.0.5:6379/0 \\
        MONGO_URI=mongodb://10.0.0.6:27017 scrapy crawl radartangsel

Every setting here can be given with `-s` over another settings module as well.
"""

import os

from settings.base import *  # noqa: F403

# The Redis every worker of a run shares (scrapy-redis's setting); also `-s REDIS_URL=...`.
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"

# scrapy-redis's Scheduler, on the keys of the site's current run, and its RFPDupeFilter (the
# scheduler gives it the run's key). Its priority queue keeps the spider's priorities: sources
# before articles, the later pages of an article before other articles.
SCHEDULER = "crawler.distributed.RunScheduler"
DUPEFILTER_CLASS = "scrapy_redis.dupefilter.RFPDupeFilter"
SCHEDULER_QUEUE_CLASS = "scrapy_redis.queue.PriorityQueue"
# On purpose: scrapy-redis must never delete the queue and the fingerprints when a worker closes
# (other workers of the run still use them), nor when one starts. They are per run, deleted by
# the run's last worker, so tomorrow's run reads robots.txt, the sitemaps and the feed again.
SCHEDULER_PERSIST = True
SCHEDULER_FLUSH_ON_START = False
# Each worker's counters are added to the run's: exit statuses judge the run.
STATS_CLASS = "crawler.distributed.RunStatsCollector"

# Keys: `<prefix>:run` names the site's current run, `<prefix>:run:<id>:*` are its keys. The
# prefix must hold %(spider)s: `scrapy crawlall` runs every site in one process, each in a run of
# its own (a prefix without it is refused at start).
DISTRIBUTED_KEY_PREFIX = "crawler:%(spider)s"
# Each worker refreshes its heartbeat this often (seconds); one silent for the timeout is dead:
# the run stops waiting for it, and a run with no live worker is replaced by the next one.
DISTRIBUTED_HEARTBEAT_INTERVAL = 10.0
DISTRIBUTED_WORKER_TIMEOUT = 60.0
# The run's keys expire this long (seconds) after the last heartbeat: runs whose workers all died.
DISTRIBUTED_RUN_TTL = 600
