"""Alerts: one message per configured channel when a run's monitors fail (a degraded or failed
run); none for a healthy run, none when no channel is configured. Configured only by settings
(settings/base.py reads them from the environment); docs/monitoring.md lists them.

- Discord: Spidermon's SendDiscordMessage, posting to SPIDERMON_DISCORD_WEBHOOK_URL (any URL,
  so tests point it at 127.0.0.1), with our message instead of its template.
- E-mail: ours, on smtplib. Spidermon's SendSmtpEmail insists on a user and a password (a
  local relay has neither) and hands the mail to Scrapy's MailSender, whose Deferred nobody
  waits for: a crawl ending right after may exit before the mail is sent.
- Telegram: ours. Spidermon's sends the text unencoded in a GET query string with Markdown
  parsing, which a field name such as published_at breaks, to a fixed api.telegram.org.
- Slack: ours, on an incoming webhook (one URL, no bot token and channel as Spidermon's
  slack_sdk action needs).
"""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any

import requests
from scrapy.settings import BaseSettings
from spidermon.contrib.actions.discord import SendDiscordMessage
from spidermon.core.actions import Action

from crawler.exitcodes import EXIT_OK
from crawler.monitoring.verdict import FAILED, REASONS

if TYPE_CHECKING:
    from crawler.outcome import CrawlOutcome

logger = logging.getLogger(__name__)

HTTP_TIMEOUT = 30  # seconds: an alert must not hold a crawl's end for long
DISCORD_MAX_LENGTH = 2000  # characters of a Discord message


def alert_subject(site: str, outcome: str) -> str:
    return f"crawler: {site}: {outcome}"


def run_outcome(crawler: Any, site: str) -> tuple[str, CrawlOutcome]:
    """(label, outcome) of a run whose monitors failed: the label is how crawler/outcome.py
    sees a failed run (failed, unreachable), else "degraded"."""
    from crawler.outcome import crawl_outcome  # outcome.py imports this package

    threshold = crawler.settings.getint("CRAWL_FAILURE_UNPARSEABLE_PAGES")
    outcome = crawl_outcome(site, crawler.stats, threshold)
    return ("degraded" if outcome.exit_status == EXIT_OK else outcome.status), outcome


def alert_text(crawler: Any, site: str) -> tuple[str, str]:
    """(label, text) of the alert about the crawl of `site`: its outcome, each failed monitor
    with what it found, the run's summary line."""
    label, outcome = run_outcome(crawler, site)
    stats = crawler.stats.get_stats()
    failed = zip(stats.get(FAILED, []), stats.get(REASONS, []), strict=False)
    lines = [f"{site}: {label}", "", "Failed monitors:"]
    lines += [f"- {name}: {reason}" for name, reason in failed]
    lines += ["", f"Summary: {outcome.summary()}"]
    return label, "\n".join(lines)


def post_json(service: str, url: str, payload: dict[str, Any]) -> requests.Response:
    """POST `payload` as JSON to `url`. The chat services' URLs hold their secrets (a bot token,
    a webhook's key): a failure is reported without the URL, and without requests' own
    exception, whose message and chained traceback would show it."""
    try:
        return requests.post(url, json=payload, timeout=HTTP_TIMEOUT)
    except requests.RequestException as exc:
        raise RuntimeError(f"{service} could not be reached: {type(exc).__name__}") from None


class Alert(Action):
    """A Spidermon action sending the alert text; `configured(settings)` says whether its
    settings are given (configured_alerts leaves the others out)."""

    @classmethod
    def configured(cls, settings: BaseSettings) -> bool:
        raise NotImplementedError

    def run_action(self) -> None:
        site = self.data.spider.name
        outcome, text = alert_text(self.data.crawler, site)
        self.send(alert_subject(site, outcome), text)
        logger.info("Monitoring: %s alert sent about %s", self.name, site)

    def send(self, subject: str, text: str) -> None:
        raise NotImplementedError


class EmailAlert(Alert):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__()
        self.host = settings.get("SPIDERMON_SMTP_HOST")
        self.port = settings.getint("SPIDERMON_SMTP_PORT") or 25
        self.user = settings.get("SPIDERMON_SMTP_USER")
        self.password = settings.get("SPIDERMON_SMTP_PASSWORD")
        self.starttls = settings.getbool("SPIDERMON_SMTP_ENFORCE_TLS")
        self.ssl = settings.getbool("SPIDERMON_SMTP_ENFORCE_SSL")
        self.sender = settings.get("SPIDERMON_EMAIL_SENDER")
        self.to = settings.getlist("SPIDERMON_EMAIL_TO")

    @classmethod
    def from_crawler(cls, crawler: Any) -> EmailAlert:
        return cls(crawler.settings)

    @classmethod
    def configured(cls, settings: BaseSettings) -> bool:
        return bool(settings.get("SPIDERMON_SMTP_HOST") and settings.getlist("SPIDERMON_EMAIL_TO"))

    def send(self, subject: str, text: str) -> None:
        message = EmailMessage()
        message["Subject"] = subject
        message["From"] = self.sender
        message["To"] = ", ".join(self.to)
        message.set_content(text)
        connect = smtplib.SMTP_SSL if self.ssl else smtplib.SMTP
        with connect(self.host, self.port, timeout=HTTP_TIMEOUT) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(message)


class TelegramAlert(Alert):
    """The Bot API's sendMessage (https://core.telegram.org/bots/api#sendmessage), plain text,
    to each chat of SPIDERMON_TELEGRAM_RECIPIENTS."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__()
        self.api_url = settings.get("MONITOR_TELEGRAM_API_URL").rstrip("/")
        self.token = settings.get("SPIDERMON_TELEGRAM_SENDER_TOKEN")
        self.chats = settings.getlist("SPIDERMON_TELEGRAM_RECIPIENTS")

    @classmethod
    def from_crawler(cls, crawler: Any) -> TelegramAlert:
        return cls(crawler.settings)

    @classmethod
    def configured(cls, settings: BaseSettings) -> bool:
        return bool(
            settings.get("SPIDERMON_TELEGRAM_SENDER_TOKEN")
            and settings.getlist("SPIDERMON_TELEGRAM_RECIPIENTS")
        )

    def send(self, subject: str, text: str) -> None:
        for chat in self.chats:
            response = post_json(
                "Telegram",
                f"{self.api_url}/bot{self.token}/sendMessage",
                {"chat_id": chat, "text": text},
            )
            answer = response.json() if response.content else {}
            if not response.ok or not answer.get("ok"):
                raise RuntimeError(
                    f"Telegram refused the alert for chat {chat}: HTTP {response.status_code} "
                    f"{answer.get('description', '')}"
                )


class SlackAlert(Alert):
    """A Slack incoming webhook (https://api.slack.com/messaging/webhooks): {"text": ...}."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__()
        self.webhook_url = settings.get("MONITOR_SLACK_WEBHOOK_URL")

    @classmethod
    def from_crawler(cls, crawler: Any) -> SlackAlert:
        return cls(crawler.settings)

    @classmethod
    def configured(cls, settings: BaseSettings) -> bool:
        return bool(settings.get("MONITOR_SLACK_WEBHOOK_URL"))

    def send(self, subject: str, text: str) -> None:
        response = requests.post(self.webhook_url, json={"text": text}, timeout=HTTP_TIMEOUT)
        if not response.ok:
            raise RuntimeError(
                f"Slack refused the alert: HTTP {response.status_code} {response.text}"
            )


class DiscordAlert(SendDiscordMessage):
    """Spidermon's Discord webhook action, with the alert text as its message."""

    @classmethod
    def configured(cls, settings: BaseSettings) -> bool:
        return bool(settings.get("SPIDERMON_DISCORD_WEBHOOK_URL"))

    def run_action(self) -> None:
        try:
            super().run_action()
        except requests.RequestException as exc:  # its message would show the webhook's key
            raise RuntimeError(f"Discord refused the alert: {type(exc).__name__}") from None

    def get_message(self) -> str:
        _, text = alert_text(self.data.crawler, self.data.spider.name)
        return text[:DISCORD_MAX_LENGTH]


ALERTS: tuple[type, ...] = (EmailAlert, TelegramAlert, SlackAlert, DiscordAlert)


def configured_alerts(settings: BaseSettings) -> list[type]:
    """The alert actions whose settings are given."""
    return [alert for alert in ALERTS if alert.configured(settings)]
