"""`make demo` (replica/demo.py): the replica is stored under one address whatever port serves
it, so a rerun on another port, with the first one busy, stores nothing twice; the output names
the port taken and the replica's deliberately broken pages."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys

import pytest

from replica import ARTICLES
from replica.broken import BROKEN_PAGES
from replica.demo import REPLICA_URL, main, serve
from tests.conftest import ROOT, free_port


def busy_port() -> socket.socket:
    """A socket listening on a free port of 127.0.0.1, as another program's would."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


def test_a_busy_port_gives_a_free_one_and_says_which(capsys):
    with busy_port() as taken:
        port = taken.getsockname()[1]
        with serve(port, 0) as replica:
            taken_instead = replica.port
            assert taken_instead != port
            assert replica.site.base_url == REPLICA_URL
    said = capsys.readouterr().out
    assert f"port {port} is not available" in said
    assert f"serves on port {taken_instead} instead" in said
    assert "make demo PORT=N" in said


def test_a_bad_port_is_one_line_and_status_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--port", "99999"])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "a port is a number from 0 to 65535, not '99999'" in error


def run_demo(port: int, mongo_uri: str, database: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "SCRAPY_SETTINGS_MODULE": "settings.test",
        "PYTHONPATH": str(ROOT),
        "MONGO_URI": mongo_uri,
        "MONGO_DATABASE": database,
    }
    return subprocess.run(
        [sys.executable, "-m", "replica.demo", "--port", str(port)],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def stored_urls(raw) -> list[str]:
    return sorted(document["url"] for document in raw["articles"].find({}, {"url": 1}))


@pytest.mark.slow  # two crawls of the replica
def test_a_rerun_on_another_port_stores_nothing_twice(mongo_uri, mongo_db_name, raw):
    first_port = free_port()
    first = run_demo(first_port, mongo_uri, mongo_db_name)
    assert first.returncode == 0, first.stdout + first.stderr[-4000:]
    assert f"served on http://127.0.0.1:{first_port}" in first.stdout
    urls = stored_urls(raw)
    assert len(urls) == len(ARTICLES)
    assert all(url.startswith(REPLICA_URL + "/") for url in urls)
    assert f"Stored: {len(ARTICLES)} articles of {REPLICA_URL}" in first.stdout
    assert f"This run: {len(ARTICLES)} new" in first.stdout

    with socket.socket() as taken:  # the first run's port is now another program's
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        taken.bind(("127.0.0.1", first_port))
        taken.listen()
        second = run_demo(first_port, mongo_uri, mongo_db_name)
    assert second.returncode == 0, second.stdout + second.stderr[-4000:]
    assert f"port {first_port} is not available" in second.stdout
    second_port = int(re.search(r"served on http://127\.0\.0\.1:(\d+)", second.stdout)[1])
    assert second_port != first_port
    assert stored_urls(raw) == urls
    assert f"Stored: {len(ARTICLES)} articles of {REPLICA_URL}" in second.stdout
    assert "This run: 0 new, 0 updated" in second.stdout

    assert f"the replica serves {len(BROKEN_PAGES)} broken pages" in second.stdout
    for page in BROKEN_PAGES:
        assert f"{page.name:<14} {page.flaw}" in second.stdout
    # The deleted post (404) is remembered as dead by the first run: not fetched again.
    assert f"This run dropped {len(BROKEN_PAGES) - 1} pages" in second.stdout
    assert "Next, try:" in second.stdout
