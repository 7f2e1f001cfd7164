"""Monitoring end to end: real crawls of the replica into a real store, with monitoring on
(on by default: settings/base.py) and every alert channel pointed at a stand-in on 127.0.0.1:
an SMTP server (aiosmtpd) and one HTTP server playing the Telegram Bot API, a Slack incoming
webhook and a Discord webhook, recording what is posted."""

from __future__ import annotations

import json
import re
import subprocess
import threading
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from replica import ReplicaOptions, ReplicaServer
from tests.conftest import free_port
from tests.crawl import ROOT, scrapy_command

TELEGRAM_TOKEN = "123456:test-token"
TELEGRAM_CHAT = "-1001234"
DESK = "desk@example.test"


class SmtpStandIn:
    """aiosmtpd's handler: keeps every message it is sent."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp() -> Iterator[tuple[SmtpStandIn, int]]:
    handler = SmtpStandIn()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


class ChatStandIn(ThreadingHTTPServer):
    """Answers as the services do: Telegram {"ok": true}, Slack "ok", Discord 204."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ChatHandler)
        self.posts: list[tuple[str, dict[str, Any]]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def posted(self, prefix: str) -> list[dict[str, Any]]:
        return [body for path, body in self.posts if path.startswith(prefix)]


class ChatHandler(BaseHTTPRequestHandler):
    server: ChatStandIn

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length", 0))
        self.server.posts.append((self.path, json.loads(self.rfile.read(length))))
        if self.path.startswith("/discord/"):
            self.send_response(204)
            self.end_headers()
            return
        answer = b'{"ok": true}' if self.path.startswith("/telegram/") else b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def chat() -> Iterator[ChatStandIn]:
    server = ChatStandIn()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def alert_settings(smtp_port: int, chat: ChatStandIn) -> dict[str, str]:
    return {
        "SPIDERMON_SMTP_HOST": "127.0.0.1",
        "SPIDERMON_SMTP_PORT": str(smtp_port),
        "SPIDERMON_EMAIL_TO": DESK,
        "SPIDERMON_TELEGRAM_SENDER_TOKEN": TELEGRAM_TOKEN,
        "SPIDERMON_TELEGRAM_RECIPIENTS": TELEGRAM_CHAT,
        "MONITOR_TELEGRAM_API_URL": f"{chat.url}/telegram",
        "MONITOR_SLACK_WEBHOOK_URL": f"{chat.url}/slack/T000/B000/XXXX",
        "SPIDERMON_DISCORD_WEBHOOK_URL": f"{chat.url}/discord/webhooks/1/abc",
    }


def crawl(base_url: str, mongo_uri: str, db: str, **settings: str) -> subprocess.CompletedProcess:
    command, env = scrapy_command(
        "crawl", "radartangsel", "-a", f"base_url={base_url}",
        MONGO_URI=mongo_uri, MONGO_DATABASE=db, **settings,
    )  # fmt: skip
    env["SCRAPY_SETTINGS_MODULE"] = "settings.test"
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def newest_run(raw) -> dict[str, Any]:
    return raw.runs.find_one({"spider": "radartangsel"}, sort=[("started_at", -1)])


def test_a_redesign_is_degraded_recorded_and_alerted_and_a_healthy_run_is_not(
    replica, mongo_uri, mongo_db_name, raw, smtp, chat
):
    mailbox, smtp_port = smtp
    alerts = alert_settings(smtp_port, chat)

    healthy = crawl(replica.url, mongo_uri, mongo_db_name, **alerts)
    assert healthy.returncode == 0, healthy.stderr[-3000:]
    assert "radartangsel: every monitor passed" in healthy.stderr
    assert mailbox.messages == [] and chat.posts == []
    stats = newest_run(raw)["stats"]
    assert stats["monitoring/degraded"] == 0
    assert stats["monitoring/coverage/published_at"] == 1.0
    assert stats["monitoring/coverage/items"] == stats["item_scraped_count"]
    # Every stored item was validated against the schema, without an error.
    assert stats["spidermon/validation/items"] == stats["item_scraped_count"]
    assert "spidermon/validation/fields/errors" not in stats

    # The same site redesigned: most pages lose their date and byline. Its per-site thresholds
    # (0.3) still hold, so only the fall from the previous run's coverage says so.
    redesign = ReplicaOptions(redesign_without_dates=True)
    with ReplicaServer(options=redesign) as redesigned:
        result = crawl(
            redesigned.url, mongo_uri, mongo_db_name,
            MONITOR_COVERAGE_BY_SITE='{"radartangsel": {"published_at": 0.3, "authors": 0.3}}',
            **alerts,
        )  # fmt: skip
    assert result.returncode == 6, result.stderr[-3000:]
    summary = re.search(r"radartangsel: degraded: (.*)", result.stderr)
    assert summary, result.stderr[-3000:]
    assert re.search(
        r"published_at coverage 0\.\d\d \(threshold 0\.30, previous runs 1\.00\)", summary[1]
    )
    assert "authors coverage" in summary[1]

    run = newest_run(raw)
    assert run["stats"]["monitoring/degraded"] == 1
    assert run["stats"]["monitoring/failed"] == ["Field coverage"]
    assert run["stats"]["monitoring/coverage/published_at"] < 0.5
    assert "published_at coverage" in run["stats"]["monitoring/reasons"][0]

    [mail] = mailbox.messages
    assert mail["To"] == DESK
    assert mail["Subject"] == "crawler: radartangsel: degraded"
    mail_text = mail.get_payload(decode=True).decode()
    assert "Field coverage: published_at coverage" in mail_text
    assert "Summary: radartangsel:" in mail_text

    [telegram] = chat.posted(f"/telegram/bot{TELEGRAM_TOKEN}/sendMessage")
    assert telegram["chat_id"] == TELEGRAM_CHAT
    [slack] = chat.posted("/slack/")
    [discord] = chat.posted("/discord/")
    for text in (telegram["text"], slack["text"], discord["content"]):
        assert text.startswith("radartangsel: degraded\n")
        assert "- Field coverage: published_at coverage" in text
    assert len(chat.posts) == 3  # one message per channel


def test_an_unreachable_site_is_alerted_as_such_even_when_a_channel_is_down(
    mongo_uri, mongo_db_name, chat
):
    settings = {
        "SPIDERMON_DISCORD_WEBHOOK_URL": f"{chat.url}/discord/webhooks/1/abc",
        # Nothing listens there: this alert fails, the others go, the run ends as it would.
        "SPIDERMON_TELEGRAM_SENDER_TOKEN": TELEGRAM_TOKEN,
        "SPIDERMON_TELEGRAM_RECIPIENTS": TELEGRAM_CHAT,
        "MONITOR_TELEGRAM_API_URL": f"http://127.0.0.1:{free_port()}",
    }
    result = crawl(f"http://127.0.0.1:{free_port()}", mongo_uri, mongo_db_name, **settings)
    assert result.returncode == 4, result.stderr[-3000:]
    assert "radartangsel: unreachable: no sitemap, feed or listing answered" in result.stderr
    assert re.search(r"ERROR: .*TelegramAlert", result.stderr), result.stderr[-3000:]
    assert TELEGRAM_TOKEN not in result.stderr
    [discord] = chat.posted("/discord/")
    assert discord["content"].startswith("radartangsel: unreachable\n")
    assert "- Sources: no sitemap, feed or listing answered" in discord["content"]
