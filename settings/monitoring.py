"""Monitoring and alerts (crawler/monitoring/, docs/monitoring.md): plain names, to be merged
into settings/base.py. Every alert setting also comes from the environment variable of the same
name, so a crontab can configure alerts without touching a file.

settings/base.py must also get these entries:

    EXTENSIONS["spidermon.contrib.scrapy.extensions.Spidermon"] = 400
        # below crawler.store.runs.RunRecorder (500): Scrapy connects the extensions' signal
        # handlers in this order, so the monitors' verdict is in the stats before the run
        # document is written
    ITEM_PIPELINES["crawler.monitoring.schema.ArticleValidationPipeline"] = 800
        # after cleaning and ValidationPipeline (200), before the store (900)
"""

import os

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
