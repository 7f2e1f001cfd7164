"""Crawl locks: never two runs of one site at once (cron every 15 minutes, a run of 20).

One lock per site, a file named by CRAWL_LOCK_FILE with `{site}` replaced (default
data/locks/{site}.lock, relative to the current directory). `scrapy crawl X` holds the lock of X;
`scrapy crawlall` holds the locks of all its sites, taken all or none, so it never overlaps a
`crawl` of one of them nor another `crawlall`, while crawls of different sites run side by side.
Per site rather than one per invocation because the store assumes one writer per site, and a
long backfill of one site must not stop the cron runs of the others.

The lock is an exclusive fcntl.flock: the kernel releases it when the process ends, however it
ends (SIGKILL, OOM killer), so a stale lock file never blocks the next run. The file holds the
holder's pid and start time, for the message of a run that finds it taken. An empty
CRAWL_LOCK_FILE turns locking off (when something else already serialises the runs).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from scrapy.settings import BaseSettings

from crawler.directories import ensure_directory


class LockBusy(Exception):
    """Another process holds the lock of a site."""

    def __init__(self, site: str, path: Path, holder: str) -> None:
        super().__init__(f"the previous run of {site} still holds {path} ({holder or 'no pid'})")
        self.site = site
        self.path = path
        self.holder = holder


def lock_path(settings: BaseSettings, site: str) -> Path | None:
    template = settings.get("CRAWL_LOCK_FILE")
    return Path(template.format(site=site)) if template else None


@contextmanager
def crawl_locks(settings: BaseSettings, sites: Iterable[str]) -> Iterator[None]:
    """Hold the lock of every site while the block runs; raise LockBusy at once, holding none,
    when one of them is taken."""
    paths = {path: site for site in sites if (path := lock_path(settings, site)) is not None}
    with ExitStack() as held:
        for path in sorted(paths):  # one order for every process
            held.enter_context(_exclusive(paths[path], path))
        yield


@contextmanager
def _exclusive(site: str, path: Path) -> Iterator[None]:
    ensure_directory(path.parent, "lock")  # DirectoryError: one line, no traceback
    with open(path, "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockBusy(site, path, _holder(lock)) from None
        _record_holder(lock)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _holder(lock: IO[str]) -> str:
    lock.seek(0)
    return lock.read().strip()


def _record_holder(lock: IO[str]) -> None:
    lock.seek(0)
    lock.truncate()
    lock.write(f"pid {os.getpid()}, since {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC\n")
    lock.flush()
