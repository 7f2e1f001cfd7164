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
RETRY_TIMES = 3
# 403/429/503 are what WAFs answer under load; they are worth a retry with backoff.
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429, 403]

# --- Runs that always end (cron) ---------------------------------------------------------------
CLOSESPIDER_TIMEOUT = 3 * 3600
MEMUSAGE_ENABLED = True
MEMUSAGE_LIMIT_MB = 2048
MEMUSAGE_WARNING_MB = 1536

# --- Pipelines: clean -> validate -> store -----------------------------------------------------
ITEM_PIPELINES = {
    "crawler.pipelines.CleaningPipeline": 100,
    "crawler.pipelines.ValidationPipeline": 200,
    "crawler.store.pipeline.StorePipeline": 900,
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

# --- Sites --------------------------------------------------------------------------------------
# Per-site base URLs can be overridden here as well as with `-a base_url=...`.
SITE_BASE_URLS: dict[str, str] = {}

# --- Feed exports -------------------------------------------------------------------------------
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = EXPORT_FIELDS  # every item field but the raw pages

# --- Logging and Scrapy internals ----------------------------------------------------------------
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.logformatter.LogFormatter"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
TELNETCONSOLE_ENABLED = False
