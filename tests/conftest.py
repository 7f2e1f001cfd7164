"""Shared fixtures: real servers on 127.0.0.1, never mocks.

- `mongo_uri`: a real SecantusDB server (`secantusd-py`) on a free port with a temporary data
  directory, for the whole session. With MONGO_URI set in the environment, the suite runs against
  that server instead (a real MongoDB), each test run in databases of its own.
- `mongo_db_name`: a fresh database name per test, so tests never see each other's documents.
- `replica`: the replica site served on a free port (replica.ReplicaServer).
- `redis_url`: a real redis-server (Debian's package) on a free port, for the distributed mode.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.crawl import stop_process

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _secantusd() -> str:
    beside_python = Path(sys.executable).parent / "secantusd-py"
    found = str(beside_python) if beside_python.exists() else shutil.which("secantusd-py")
    if not found:
        pytest.fail("secantusd-py not found: install the project with its [embedded] extra")
    return found


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"secantusd-py exited early with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"secantusd-py did not listen on port {port} within {timeout}s")


def start_secantusd(port: int, storage: Path, *flags: str) -> subprocess.Popen:
    """A secantusd-py process of the test's own (one it may kill), answering a ping on
    127.0.0.1:`port` when returned. `flags`: more command-line flags (--auth, ...)."""
    from pymongo import MongoClient

    process = subprocess.Popen(
        [_secantusd(), "--host", "127.0.0.1", "--port", str(port), "--storage-path",
         str(storage), "--log-level", "WARNING", *flags],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    _wait_for_port(port, process)
    uri = f"mongodb://127.0.0.1:{port}/?directConnection=true"
    with MongoClient(uri, serverSelectionTimeoutMS=20000) as client:
        client.admin.command("hello")  # answers without credentials, --auth or not
    return process


@pytest.fixture(scope="session")
def mongo_uri(tmp_path_factory) -> str:
    external = os.environ.get("MONGO_URI")
    if external:
        yield external
        return
    port = free_port()
    process = start_secantusd(port, tmp_path_factory.mktemp("secantus"), "--cache-size", "256M")
    try:
        yield f"mongodb://127.0.0.1:{port}/?directConnection=true"
    finally:
        stop_process(process)


@pytest.fixture
def mongo_db_name() -> str:
    return f"test_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def raw(mongo_uri, mongo_db_name):
    """The test database through plain pymongo, to read back what the store wrote
    independently of the store's own code; dropped after the test."""
    from pymongo import MongoClient

    client = MongoClient(mongo_uri, tz_aware=True)
    yield client[mongo_db_name]
    client.drop_database(mongo_db_name)
    client.close()


def start_redis(port: int, directory: Path) -> subprocess.Popen:
    """A redis-server of the test's own (one it may kill) on 127.0.0.1:`port`, nothing saved
    to disk, answering a ping when returned. Skips the test where redis-server is missing."""
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisConnectionError

    server = shutil.which("redis-server")
    if not server:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    process = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(directory)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    with Redis(host="127.0.0.1", port=port, socket_timeout=5) as client:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"redis-server exited early with status {process.returncode}")
            try:
                client.ping()
                return process
            except RedisConnectionError:
                if time.monotonic() > deadline:
                    stop_process(process)
                    raise
                time.sleep(0.05)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> str:
    """A redis-server for the session (start_redis); tests keep apart by key prefix. Skipped
    only where redis-server is not installed (make test and .ci/run install it)."""
    port = free_port()
    process = start_redis(port, tmp_path_factory.mktemp("redis"))
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop_process(process)


@pytest.fixture
def replica():
    from replica import ReplicaServer

    with ReplicaServer() as server:
        yield server


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = SHARED / "seed" / "radartangsel-article.txt"
    if not path.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_body(seed_text) -> str:
    """The body a correct crawl stores for the seed article, derived from the seed file as
    ../shared/seed/README.md describes it: the paragraphs and the subheading from the dateline
    to the closing initials, without the BACA JUGA line, NBSP as plain spaces, blank-line joined.
    """
    lines = [line.replace("\u00a0", " ").strip() for line in seed_text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("RADAR TANGSEL RATAS"))
    end = next(i for i, line in enumerate(lines) if line.endswith("(ARH)"))
    kept = [line for line in lines[start : end + 1] if line and not line.startswith("BACA JUGA")]
    return "\n\n".join(" ".join(line.split()) for line in kept)
