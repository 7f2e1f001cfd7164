"""Distributed crawling: the defaults of settings/base.py, with the workers of a site sharing one
run through Redis (scrapy-redis; crawler/distributed.py, README "Distributed crawling").

    SCRAPY_SETTINGS_MODULE=settings.distributed REDIS_URL=redis://10.0.0.5:6379/0 \\
        MONGO_URI=mongodb://10.0.0.6:27017 scrapy crawl radartangsel

The add-on sets the scheduler, the dupefilter, the queue and the stats collector of the mode;
REDIS_URL and the DISTRIBUTED_* knobs have their defaults in settings/base.py (`-s` overrides).
"""

from settings.base import *  # noqa: F403
from settings.base import ADDONS

ADDONS = {**ADDONS, "crawler.distributed.DistributedAddon": 10}
