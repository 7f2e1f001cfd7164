"""crawler/monitoring without a crawl: the item schema against crawler/items.py, Spidermon's
validation pipeline on real items, coverage thresholds and history, the verdict, the alerts
that settings configure."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from scrapy.exceptions import DropItem
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

import settings.base as monitoring_settings
from crawler.items import EXPORT_FIELDS, ArticleItem
from crawler.monitoring import degraded_reason
from crawler.monitoring.alerts import (
    DiscordAlert,
    EmailAlert,
    SlackAlert,
    TelegramAlert,
    configured_alerts,
)
from crawler.monitoring.coverage import (
    FieldCoverage,
    coverage_stats,
    previous_coverage,
    run_coverage,
    thresholds_for,
)
from crawler.monitoring.schema import ARTICLE_SCHEMA, ArticleValidationPipeline, exported_form
from crawler.monitoring.verdict import verdict_stats


def monitoring_values() -> dict[str, object]:
    return {
        name: getattr(monitoring_settings, name)
        for name in dir(monitoring_settings)
        if name.isupper()
    }


def monitoring(**overrides: object) -> Settings:
    """settings/base.py as a crawl sees it, with `overrides`."""
    return Settings({**monitoring_values(), **overrides})


def article(**fields: object) -> ArticleItem:
    now = datetime(2024, 5, 3, 14, 5, tzinfo=UTC)
    values = {
        "url": "https://www.radartangsel.id/2024/05/03/banjir-pondok-aren/",
        "site": "radartangsel",
        "title": "Banjir di Pondok Aren",
        "subtitle": None,
        "published_at": now,
        "published_at_raw": "Jum'at, 3 Mei 2024 21:05",
        "modified_at": now,
        "authors": ["Arief Hidayat"],
        "category": "Tangsel",
        "tags": ["banjir"],
        "image_url": "https://www.radartangsel.id/wp-content/uploads/banjir.jpg",
        "image_caption": None,
        "comment_count": 2,
        "view_count": None,
        "language": "id",
        "body": "Hujan deras sejak sore membuat Kali Angke meluap.",
        "body_html": "<p>Hujan deras sejak sore membuat Kali Angke meluap.</p>",
        "word_count": 8,
        "content_hash": "a" * 64,
        "pages": 1,
        "complete": True,
        "missing_pages": [],
        "extraction": "site",
        "fetched_at": now,
        "raw_pages": [{"url": "https://www.radartangsel.id/", "body": b"<html></html>"}],
    }
    values.update(fields)
    return ArticleItem({name: value for name, value in values.items() if value is not ...})


def validation_pipeline():
    crawler = get_crawler(settings_dict=monitoring_values())
    return ArticleValidationPipeline.from_crawler(crawler), crawler.stats


# --- the schema is the item's -------------------------------------------------------------------


def test_the_schema_has_every_exported_field_of_the_item_and_no_other():
    assert set(ARTICLE_SCHEMA["properties"]) == set(EXPORT_FIELDS)
    # The one item field the schema leaves out is the raw pages, which are never exported.
    assert set(ArticleItem.fields) - set(ARTICLE_SCHEMA["properties"]) == {"raw_pages"}
    assert set(ARTICLE_SCHEMA["required"]) <= set(EXPORT_FIELDS)


def test_the_exported_form_is_what_feed_exports_write():
    form = exported_form(dict(article()))
    assert "raw_pages" not in form
    assert form["published_at"] == "2024-05-03T14:05:00+00:00"
    assert form["authors"] == ["Arief Hidayat"]
    assert "subtitle" not in form  # None: no value


# --- validation through Spidermon's pipeline ------------------------------------------------------


def test_a_valid_article_passes_with_no_error_counted():
    pipeline, stats = validation_pipeline()
    item = article()
    assert pipeline.process_item(item) is item
    assert stats.get_value("spidermon/validation/items") == 1
    assert stats.get_value("spidermon/validation/fields/errors") is None


def test_a_wrong_type_is_counted_under_its_field_and_the_article_kept():
    pipeline, stats = validation_pipeline()
    item = article(comment_count="dua", image_url="not a url")
    assert pipeline.process_item(item) is item
    assert stats.get_value("spidermon/validation/items/errors") == 1
    assert stats.get_value("spidermon/validation/fields/errors/invalid_int/comment_count") == 1
    assert stats.get_value("spidermon/validation/fields/errors/invalid_uri/image_url") == 1
    assert stats.get_value("spidermon/validation/items/dropped") is None


def test_an_article_missing_a_required_field_is_dropped_and_counted():
    pipeline, stats = validation_pipeline()
    with pytest.raises(DropItem, match="missing required field site"):
        pipeline.process_item(article(site=...))
    assert stats.get_value("articles/dropped/missing_required") == 1
    assert stats.get_value("spidermon/validation/items/dropped") == 1
    assert stats.get_value("spidermon/validation/fields/errors/missing_required_field/site") == 1


# --- coverage -------------------------------------------------------------------------------------


def test_site_thresholds_override_the_defaults_field_by_field():
    settings = monitoring(MONITOR_COVERAGE_BY_SITE={"bantennews": {"authors": 0.5}})
    assert thresholds_for("bantennews", settings)["authors"] == 0.5
    assert thresholds_for("bantennews", settings)["published_at"] == 0.95
    assert thresholds_for("radartangsel", settings)["authors"] == 0.7


def test_a_site_threshold_given_with_s_as_json_is_read():
    settings = monitoring(MONITOR_COVERAGE_BY_SITE='{"bantennews": {"tags": 0}}')
    assert thresholds_for("bantennews", settings)["tags"] == 0.0


def test_run_coverage_is_read_from_spidermons_counts():
    stats = {
        "spidermon_item_scraped_count/ArticleItem": 40,
        "spidermon_item_scraped_count/ArticleItem/published_at": 8,
        "spidermon_item_scraped_count/ArticleItem/title": 40,
    }
    items, coverage = run_coverage(stats, ["published_at", "title", "tags"])
    assert items == 40
    assert coverage == {"published_at": 0.2, "title": 1.0, "tags": 0.0}
    assert coverage_stats(items, coverage)["monitoring/coverage/published_at"] == 0.2


def test_previous_coverage_pools_the_recorded_runs_by_their_items():
    runs = [
        {"stats": coverage_stats(30, {"published_at": 1.0})},
        {"stats": {"finish_reason": "finished"}},  # nothing new: no coverage recorded
        {"stats": coverage_stats(10, {"published_at": 0.9})},
    ]
    assert previous_coverage(runs, ["published_at", "tags"], min_items=10) == {
        "published_at": 0.975
    }
    assert previous_coverage(runs, ["published_at"], min_items=50) == {}


def test_a_field_fails_below_its_threshold():
    field = FieldCoverage("published_at", 0.2, 0.95, None)
    assert field.failing(max_drop=0.25)
    assert field.describe() == "published_at coverage 0.20 (threshold 0.95)"


def test_a_sudden_drop_fails_even_above_the_threshold():
    field = FieldCoverage("published_at", 0.6, 0.5, 0.98)
    assert field.failing(max_drop=0.25)
    assert field.describe() == "published_at coverage 0.60 (threshold 0.50, previous runs 0.98)"
    assert not FieldCoverage("published_at", 0.9, 0.5, 0.98).failing(max_drop=0.25)


# --- the verdict ------------------------------------------------------------------------------


def test_the_verdict_names_what_failed_and_a_healthy_run_has_no_degraded_reason():
    failures = [("Field coverage", "published_at coverage 0.20 (threshold 0.95)")]
    assert degraded_reason(verdict_stats(failures)) == "published_at coverage 0.20 (threshold 0.95)"
    assert degraded_reason(verdict_stats([])) is None
    assert degraded_reason({}) is None  # monitors that never ran


# --- alerts: only what is configured ------------------------------------------------------------


def test_no_alert_channel_without_its_settings():
    assert configured_alerts(monitoring()) == []


def test_each_alert_channel_is_on_with_its_settings_only():
    settings = monitoring(
        SPIDERMON_SMTP_HOST="127.0.0.1",
        SPIDERMON_EMAIL_TO="desk@example.test",
        SPIDERMON_TELEGRAM_SENDER_TOKEN="123:abc",
        SPIDERMON_TELEGRAM_RECIPIENTS="-100123",
        MONITOR_SLACK_WEBHOOK_URL="http://127.0.0.1:9/slack",
        SPIDERMON_DISCORD_WEBHOOK_URL="http://127.0.0.1:9/discord",
    )
    assert configured_alerts(settings) == [EmailAlert, TelegramAlert, SlackAlert, DiscordAlert]
    assert configured_alerts(monitoring(SPIDERMON_SMTP_HOST="127.0.0.1")) == []  # no recipient


def test_alert_settings_come_from_the_environment(monkeypatch):
    import importlib

    monkeypatch.setenv("SPIDERMON_DISCORD_WEBHOOK_URL", "http://127.0.0.1:9/discord")
    reloaded = importlib.reload(monitoring_settings)
    try:
        assert reloaded.SPIDERMON_DISCORD_WEBHOOK_URL == "http://127.0.0.1:9/discord"
    finally:
        monkeypatch.delenv("SPIDERMON_DISCORD_WEBHOOK_URL")
        importlib.reload(monitoring_settings)
