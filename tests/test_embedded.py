"""EmbeddedServer: real `secantusd-py` processes in temporary data directories, shared between
users in this process and in other processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crawler.exitcodes import EXIT_LOCKED
from crawler.store import ArticleStore, EmbeddedServer, StoreError
from crawler.store.embedded import _alive
from tests.conftest import ROOT, free_port
from tests.crawl import run_scrapy

# A second user in a process of its own: acquires, prints the URI, releases when told to (or
# never, when killed).
OTHER_USER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from crawler.store import EmbeddedServer

    server = EmbeddedServer(Path(sys.argv[1]))
    print(server.acquire(), flush=True)
    sys.stdin.readline()
    server.release()
    print("released", flush=True)
    """
)


def state(data_dir: Path) -> dict:
    return json.loads((data_dir / "server.json").read_text())


def other_user(data_dir: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-c", OTHER_USER, str(data_dir)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    return process, process.stdout.readline().strip()


@pytest.fixture
def data_dir(tmp_path):
    yield tmp_path / "mongo"
    # Never leave a server behind, whatever the test did.
    if (tmp_path / "mongo" / "server.json").exists():
        pid = state(tmp_path / "mongo")["pid"]
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def test_acquire_serves_the_directory_and_data_persists_across_restarts(data_dir, caplog):
    with caplog.at_level("INFO"), EmbeddedServer(data_dir) as uri:
        pid = state(data_dir)["pid"]
        with ArticleStore(uri, "news") as store:
            store.upsert_articles([{"url": "https://a.test/1/", "content_hash": "h"}])
    assert not _alive(pid) and not (data_dir / "server.json").exists()
    (line,) = [r.message for r in caplog.records if r.name == "crawler.store.embedded"]
    assert str(data_dir) in line and "MONGO_URI=mongodb://" in line

    with EmbeddedServer(data_dir) as uri, ArticleStore(uri, "news") as store:
        assert state(data_dir)["pid"] != pid
        assert store.get("https://a.test/1/")["content_hash"] == "h"


def test_users_in_two_processes_share_one_server_and_the_last_stops_it(data_dir):
    process, their_uri = other_user(data_dir)
    pid = state(data_dir)["pid"]
    mine = EmbeddedServer(data_dir)
    assert mine.acquire() == their_uri

    process.communicate("release\n", timeout=30)  # they leave first: the server stays
    assert _alive(pid)
    with ArticleStore(mine.uri, "news") as store:
        store.check()

    mine.release()  # the last user leaves: the server stops
    assert not _alive(pid) and not (data_dir / "server.json").exists()


def test_a_killed_user_leaves_the_server_to_the_next_one(data_dir):
    process, their_uri = other_user(data_dir)
    pid = state(data_dir)["pid"]
    process.kill()
    process.wait()

    with EmbeddedServer(data_dir) as uri:  # adopted, not restarted
        assert uri == their_uri and state(data_dir)["pid"] == pid
    assert not _alive(pid)


def test_a_stale_state_file_is_cleaned_up(data_dir):
    dead = subprocess.Popen(["true"])
    dead.wait()
    data_dir.mkdir(parents=True)
    (data_dir / "server.json").write_text(json.dumps({"pid": dead.pid, "port": free_port()}))

    with EmbeddedServer(data_dir) as uri, ArticleStore(uri, "news") as store:
        store.check()
        assert state(data_dir)["pid"] != dead.pid
    assert not (data_dir / "server.json").exists()


def test_without_secantusd_it_says_what_to_do(data_dir, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(StoreError, match=r"install the \[embedded\] extra or set MONGO_URI"):
        EmbeddedServer(data_dir).acquire()


def test_store_stop_stops_only_a_server_nobody_uses(data_dir):
    process, _ = other_user(data_dir)
    pid = state(data_dir)["pid"]
    in_use = run_scrapy("store", "stop", MONGO_EMBEDDED_DIR=str(data_dir))
    assert in_use.returncode == EXIT_LOCKED  # in use: try again later
    assert in_use.stderr.strip().endswith("is in use by a crawl: not stopped")
    assert _alive(pid)

    process.kill()  # a crawl killed: its server stays behind
    process.wait()
    stopped = run_scrapy("store", "stop", MONGO_EMBEDDED_DIR=str(data_dir))
    assert stopped.returncode == 0, stopped.stderr[-2000:]
    assert stopped.stdout.strip() == f"stopped the embedded server of {data_dir}"
    assert not _alive(pid) and not (data_dir / "server.json").exists()

    again = run_scrapy("store", "stop", MONGO_EMBEDDED_DIR=str(data_dir))
    assert (again.returncode, again.stdout.strip()) == (
        0,
        f"no embedded server runs for {data_dir}",
    )
