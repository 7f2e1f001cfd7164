"""Every default of the crawler. Override with `-s NAME=VALUE`, or pick another module with
SCRAPY_SETTINGS_MODULE (`settings.test` for the test suite)."""

import os

from crawler.items import EXPORT_FIELDS

BOT_NAME = "crawler"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

# --- Politeness for real sites --------------------------------------------------------------
# A descriptive User-Agent with a contact lets site owners reach us instead of blocking us.
CRAWLER_CONTACT = os.environ.get("CRAWLER_CONTACT", "https://github.com/regional-news-crawler")
USER_AGENT = f"RegionalNewsCrawler/0.1 (+{CRAWLER_CONTACT})"
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "id-ID,id;q=0.9,en;q=0.5",
}
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
# An article page yields one item and a sitemap only requests: Scrapy's default (100) starts
# 100 asyncio workers per response for nothing, a quarter of the crawl's CPU (bench/RESULTS.md).
CONCURRENT_ITEMS = 1
# Response bytes the scraper may hold (in callbacks and item pipelines) before Scrapy stops
# sending requests; Scrapy's default is 5 MB. When the store pauses (a remote server's network,
# a retried write; SecantusDB's TTL sweep did, ~1 s per 25,000 pages every minute, before the
# retention became a delete per crawl), items wait in the store pipeline and the scraper
# fills up to this limit, and a waiting 42 KB article page holds ~150 KB (its body, the text
# Scrapy decodes from it at 2 bytes a character, the item). At 5 MB one pause took 10 to 20 MB
# that glibc kept for the rest of the crawl (bench/memory.py). 1 MB is two dozen article pages,
# more than a polite crawl has in progress; a 50,000-article crawl of the replica was as fast.
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1_000_000
RETRY_TIMES = 3
# 403/429/503 are what WAFs answer under load; they are worth a retry with backoff.
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429, 403]
# Each retry waits first (crawler/retry.py): as long as a Retry-After asks, up to RETRY_AFTER_MAX
# seconds (a site asking for longer is left to the next run), else RETRY_BACKOFF_BASE seconds
# doubling with each retry, at most RETRY_BACKOFF_MAX. Scrapy's own retries go at once.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.retry.PoliteRetryMiddleware": 550,
    # Scrapy's, whose one download of a site's robots.txt the spider's discovery reads too
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.robots.SharedRobotsTxtMiddleware": 100,
}
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 30.0
RETRY_AFTER_MAX = 60.0

# --- Runs that always end (cron) ---------------------------------------------------------------
CLOSESPIDER_TIMEOUT = 3 * 3600
MEMUSAGE_ENABLED = True
MEMUSAGE_LIMIT_MB = 2048
MEMUSAGE_WARNING_MB = 1536
# One run per site at a time: `crawl X` holds X's lock, `crawlall` all of its sites' locks; a
# run that finds one taken exits at once with status 75 (crawler/locks.py). "": no locking.
CRAWL_LOCK_FILE = "data/locks/{site}.lock"
# `scrapy crawlall` crawls these sites; empty: every site that knows its address.
CRAWLALL_SITES: list[str] = []
# A crawl that stored nothing fails (exit 5) when this many article pages could not be parsed
# (crawler/outcome.py): a redesign, not a few broken URLs the sitemap keeps listing.
CRAWL_FAILURE_UNPARSEABLE_PAGES = 5

# --- The store, switched on in one line ---------------------------------------------------------
# crawler.store.StoreAddon adds the store's one connection per crawl and the run recorder
# (EXTENSIONS), the incremental middleware (SPIDER_MIDDLEWARES) and the store pipeline
# (ITEM_PIPELINES, after clean and validate). Without it a crawl stores nothing.
ADDONS = {"crawler.store.StoreAddon": 0}

# --- Incremental crawling ----------------------------------------------------------------------
# Each run fetches only new, changed or incomplete articles (crawler/incremental.py); `-a full=1`
# fetches everything discovered. Discovered URLs are looked up in the store this many at a time.
INCREMENTAL_ENABLED = True
INCREMENTAL_BATCH_SIZE = 500
# URLs that answered 404 or 410 are not fetched again for DEAD_URL_RETRY_DAYS, a period doubled
# at each further failure up to DEAD_URL_MAX_RETRY_DAYS; one that answers again is forgotten.
DEAD_URL_RETRY_DAYS = 1
DEAD_URL_MAX_RETRY_DAYS = 30
# An article refetched for what it lacks (its date, its body, a page) that still lacks it after
# this many refetches in a row is refetched no more, unless its sitemap lastmod changes; it is
# logged once and counted under incremental/given_up/<reason>. 0: refetch it on every run.
INCREMENTAL_MAX_REFETCHES = 3
# Request fingerprints are kept for the run only, also with JOBDIR: the store is the record of
# what was crawled, so a run killed with SIGKILL and resumed misses nothing (crawler/dupefilter.py).
DUPEFILTER_CLASS = "crawler.dupefilter.RunDupeFilter"

# --- Pipelines: clean -> validate -> store (the store's, at 900, comes with its add-on) ---------
ITEM_PIPELINES = {
    "crawler.pipelines.CleaningPipeline": 100,
    "crawler.pipelines.ValidationPipeline": 200,
    # the item schema as JSON Schema, through Spidermon (crawler/monitoring/schema.py)
    "crawler.monitoring.schema.ArticleValidationPipeline": 800,
}

# --- Store ------------------------------------------------------------------------------------
# No MONGO_URI: the embedded SecantusDB server, started and stopped by the crawler, with its
# data under MONGO_EMBEDDED_DIR. Set MONGO_URI=mongodb://... to use any real MongoDB instead.
MONGO_URI = os.environ.get("MONGO_URI") or None
MONGO_DATABASE = os.environ.get("MONGO_DATABASE", "news")
MONGO_EMBEDDED_DIR = os.environ.get("MONGO_EMBEDDED_DIR", "data/mongo")
MONGO_EMBEDDED_CACHE_SIZE = "256M"
MONGO_TIMEOUT_MS = 5000  # server selection / connect timeout: a bad URI fails fast at start
STORE_BATCH_SIZE = 100  # items per bulk_write
STORE_FLUSH_INTERVAL = 5.0  # seconds: flush a partial batch at least this often
STORE_RETRY_DELAYS = [0.5, 1.0, 2.0]  # seconds between retries of a failed batch write
# While the store is unreachable, batches go straight to the spool; one write is tried this
# often (seconds) to notice it is back, instead of every batch waiting for timeouts.
STORE_PROBE_INTERVAL = 30.0
# What the store could not take after the retries waits here (JSON Lines, MongoDB extended
# JSON; relative to the current directory) and is written first by the next crawl, or by
# `scrapy store replay`. A crawl that had to spool exits with status 3.
STORE_SPOOL_PATH = "data/spool/articles.jsonl"
# Keep the raw HTML of every fetched article page (`pages`), so `scrapy reparse` can extract
# them again with fixed selectors without re-crawling.
STORE_PAGES = True
STORE_PAGES_RETENTION_DAYS = 90  # each crawl deletes older pages; 0 keeps them all

# Log records are counted per crawler: under crawlall, one site's errors are not another's
# (crawler/logcount.py). The store's add-on adds its connection and the run recorder (one `runs`
# document per crawl: spider, times, finish reason, counts, stats).
EXTENSIONS = {
    "scrapy.extensions.logcount.LogCount": None,
    "crawler.logcount.SiteLogCount": 0,
    # Monitors at the close of a site's crawl (crawler/monitoring/extension.py). Below the run
    # recorder's 500: Scrapy connects the extensions' signal handlers in this order, so the
    # verdict is in the stats before the run document is written.
    "crawler.monitoring.extension.SiteSpidermon": 400,
}

# --- Distributed mode (settings/distributed.py switches it on) -----------------------------------
# crawler.distributed.DistributedAddon: the workers of a site share one run through Redis. These
# are read only then. The Redis every worker of a run shares (scrapy-redis's setting).
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
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

# --- Sites --------------------------------------------------------------------------------------
# Per-site base URLs can be overridden here as well as with `-a base_url=...`.
SITE_BASE_URLS: dict[str, str] = {}
# WordPress sites without a site file, one [sites.<name>] table each (format: crawler/sites.py);
# the spider loader makes each one a spider, so `scrapy crawl <name>` and `scrapy list` see it.
SPIDER_LOADER_CLASS = "crawler.sites.SiteSpiderLoader"
_PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITES_FILE = os.path.join(_PROJECT_ROOT, "sites.toml")  # the root's, whatever the current dir
# The fallback extractor (trafilatura) caches grow over a long crawl: emptied every N pages it
# extracts (0: never).
FALLBACK_RESET_CACHES_EVERY = 500

# --- Feed exports -------------------------------------------------------------------------------
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = EXPORT_FIELDS  # every item field but the raw pages

# --- Logging and Scrapy internals ----------------------------------------------------------------
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.logformatter.LogFormatter"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
TELNETCONSOLE_ENABLED = False

# --- Bounds on hostile input --------------------------------------------------------------------
# What one response may make the crawl do (issue #16). Scrapy's DOWNLOAD_MAXSIZE is 1 GiB and its
# DOWNLOAD_WARNSIZE 32 MB. A news article page is 40 to 300 KB, a post sitemap of 1,000 URLs
# 150 KB to 1 MB (the sitemap protocol caps a sitemap at 50 MB uncompressed, and real ones stay
# far below): 16 MB leaves room for the largest of either and still bounds what one response
# costs. A response over it is cancelled while it downloads and its request's errback gets the
# failure. Since Scrapy 2.11.1 the HTTP compression middleware applies the same two limits to
# the decompressed body, so a gzip bomb stops at 16 MB too (GHSA-7j7m-v7m3-jqm7;
# scrapy/downloadermiddlewares/httpcompression.py raises IgnoreRequest), and SitemapSpider
# gunzips .xml.gz sitemaps with max_size=DOWNLOAD_MAXSIZE (scrapy/spiders/sitemap.py): a
# sitemap decompressed elsewhere should use the same bound.
DOWNLOAD_MAXSIZE = 16 * 2**20
DOWNLOAD_WARNSIZE = 4 * 2**20
# A body whose raw markup has this many characters or more is cleaned in a worker thread, off
# the reactor (crawler/pipelines.py). Cleaning takes 30 to 100 ms per MB (bench/pagesize.py):
# below this bound at most ~25 ms, which the reactor can spare, and the common body (10 to
# 60 KB, under a millisecond) pays no hand-over to a thread.
CLEANING_THREAD_MIN_CHARS = 256 * 1024
# Field bounds (crawler/pipelines.py), in characters: values over them are cut (marked with
# "…") and counted under articles/oversize/<field>. Headlines are under 150 characters (search
# engines show ~60); 500 keeps every real one and cuts a selector that took a whole block.
ITEM_MAX_TITLE_CHARS = 500
# subtitle, category, image caption and the raw date string: a sentence or two at most.
ITEM_MAX_TEXT_FIELD_CHARS = 2000
# A story has a handful of bylines; hundreds are an author widget or a list of every writer.
ITEM_MAX_AUTHORS = 20
ITEM_MAX_AUTHOR_CHARS = 100
# WordPress sites tag an article with 3 to 15 tags; the first 50 keep every real tag list.
ITEM_MAX_TAGS = 50
ITEM_MAX_TAG_CHARS = 100
# The cleaned text of the longest long-reads is 100 to 150 thousand characters. An article over
# this bound is dropped, not cut (articles/dropped/oversize_body): a cut body would be stored as
# the article, with a content hash that says it is whole.
ITEM_MAX_BODY_CHARS = 500_000
# Discovery that ends (crawler/spiders/base.py). A listing is paged back at most this many pages
# in a run (`/page/N/` without end is a trap; 200 pages of 10-20 posts are a regional site's
# last years). Later runs stop at the first page whose articles the store all holds.
DISCOVERY_MAX_LISTING_PAGES = 200
# Child sitemaps read in a run, over all indexes: a site lists one post sitemap per 1,000 posts,
# tens at most; an index chaining to another index without end stops here. 0: no bound.
DISCOVERY_MAX_SITEMAPS = 500

# === Monitoring and alerts (crawler/monitoring/, README "Monitoring and alerts") ============
# Every alert setting also comes from the environment variable of the same name, so a crontab
# configures alerts without touching a file.

# --- Spidermon ---------------------------------------------------------------------------------
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ["crawler.monitoring.monitors.CrawlMonitorSuite"]
# Spidermon counts, per field, the items that have a value: the field coverage monitor reads
# these counts. None is no value (Spidermon counts it unless told), nor are "", [] and {}.
SPIDERMON_ADD_FIELD_COVERAGE = True
SPIDERMON_FIELD_COVERAGE_SKIP_NONE = True
# Item validation against the item schema (crawler/monitoring/schema.py says what it drops).
SPIDERMON_VALIDATION_SCHEMAS = ["crawler.monitoring.schema.ARTICLE_SCHEMA"]
SPIDERMON_MAX_ITEM_VALIDATION_ERRORS = 0  # a schema error is a bug or a redesign: say so
# A run stopped by a limit it was given (-a limit=N) ended as asked.
SPIDERMON_EXPECTED_FINISH_REASONS = ["finished", "limit_reached"]
# ERROR log lines a run may have (retries given up, a site's odd 500) before it is degraded.
SPIDERMON_MAX_ERRORS = 10

# --- Our monitors (crawler/monitoring/monitors.py) ---------------------------------------------
# Share of a run's items that must have each field (an absent field is not monitored).
MONITOR_COVERAGE = {
    "title": 0.99,
    "body": 0.99,
    "published_at": 0.95,
    "category": 0.9,
    "authors": 0.7,  # regional sites often sign with initials in the body, not a byline
    "image_url": 0.7,
    "tags": 0.3,  # many sites tag only some of their articles
}
# Per site, over MONITOR_COVERAGE, e.g. {"bantennews": {"authors": 0.5}}.
MONITOR_COVERAGE_BY_SITE: dict[str, dict[str, float]] = {}
# A field whose coverage falls this much below the site's previous runs fails even above its
# threshold: published_at from 0.98 to 0.60 is a broken date selector, not bad luck.
MONITOR_COVERAGE_MAX_DROP = 0.25
# Recorded runs of the site (`runs`) whose coverage is pooled into "previous runs".
MONITOR_HISTORY_RUNS = 20
# Fewer items (or articles to fetch, or pages fetched) than this, and a run's shares are not
# judged: a cron run storing 3 new articles says little about a site. Its coverage is still
# recorded, and pooled into the history of later runs.
MONITOR_MIN_ITEMS = 10
# Of the articles a run had to fetch (new or to refetch), the share that must be stored.
MONITOR_MIN_STORED_SHARE = 0.5
# Of the article pages fetched, the share that may be dropped (broken, not an article).
MONITOR_MAX_DROPPED_SHARE = 0.5

# --- Alerts (crawler/monitoring/alerts.py): a channel is used when its settings are given ----
# E-mail, by SMTP (Spidermon's setting names).
SPIDERMON_SMTP_HOST = os.environ.get("SPIDERMON_SMTP_HOST", "")
SPIDERMON_SMTP_PORT = int(os.environ.get("SPIDERMON_SMTP_PORT") or 25)
SPIDERMON_SMTP_USER = os.environ.get("SPIDERMON_SMTP_USER", "")  # "": no login
SPIDERMON_SMTP_PASSWORD = os.environ.get("SPIDERMON_SMTP_PASSWORD", "")
SPIDERMON_SMTP_ENFORCE_TLS = os.environ.get("SPIDERMON_SMTP_ENFORCE_TLS", "") == "1"  # STARTTLS
SPIDERMON_SMTP_ENFORCE_SSL = os.environ.get("SPIDERMON_SMTP_ENFORCE_SSL", "") == "1"  # SMTPS
SPIDERMON_EMAIL_SENDER = os.environ.get("SPIDERMON_EMAIL_SENDER", "crawler@localhost")
SPIDERMON_EMAIL_TO = os.environ.get("SPIDERMON_EMAIL_TO", "")  # comma-separated addresses
# Telegram: a bot's token and the chats (ids or @channel names, comma-separated).
SPIDERMON_TELEGRAM_SENDER_TOKEN = os.environ.get("SPIDERMON_TELEGRAM_SENDER_TOKEN", "")
SPIDERMON_TELEGRAM_RECIPIENTS = os.environ.get("SPIDERMON_TELEGRAM_RECIPIENTS", "")
MONITOR_TELEGRAM_API_URL = os.environ.get("MONITOR_TELEGRAM_API_URL", "https://api.telegram.org")
# Slack: an incoming webhook's URL.
MONITOR_SLACK_WEBHOOK_URL = os.environ.get("MONITOR_SLACK_WEBHOOK_URL", "")
# Discord: a channel webhook's URL.
SPIDERMON_DISCORD_WEBHOOK_URL = os.environ.get("SPIDERMON_DISCORD_WEBHOOK_URL", "")
