"""Test-suite overrides: fast and deterministic against servers on 127.0.0.1."""

import os
import tempfile

from settings.base import *  # noqa: F403

AUTOTHROTTLE_ENABLED = False
DOWNLOAD_DELAY = 0
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 16
RETRY_TIMES = 1
RETRY_BACKOFF_BASE = 0.1  # the replica's 503s need no polite wait
DOWNLOAD_TIMEOUT = 10
CLOSESPIDER_TIMEOUT = 300
STORE_FLUSH_INTERVAL = 0.5
LOG_LEVEL = "INFO"

# A spool file per test process, never ./data/spool: a test crawl must not replay another
# test's spool (or a developer's) into its database. Tests of the spool set their own path.
STORE_SPOOL_PATH = os.path.join(tempfile.gettempdir(), f"crawler-test-spool-{os.getpid()}.jsonl")

# No crawl locks: test crawls of one site run side by side (several test sessions may share the
# checkout). Tests of the locks set a path of their own.
CRAWL_LOCK_FILE = ""
