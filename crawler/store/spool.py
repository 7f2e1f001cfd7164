"""The spool: what the store could not take, kept on local disk until it can.

One JSON Lines file (STORE_SPOOL_PATH) in MongoDB extended JSON (bson.json_util, relaxed):
dates come back as the same aware UTC datetimes BSON would have stored (milliseconds), page
bodies as the same bytes. One line per record:

    {"database": "news", "article": {...item fields...}, "pages": [{...raw page...}, ...]}
    {"database": "news", "run": {...run document...}}

`database` is the MONGO_DATABASE the record was meant for; a replay into another database keeps
it in the spool, so a spool is never emptied into the wrong place (a test database, say).

Appends take an exclusive flock on the file and write whole lines, fsynced: crawls of several
sites may share one spool. Replay is idempotent and crash-safe:
  1. under a replay lock (one replay at a time), the spool is renamed to `<path>.replaying`
     while its append lock is held; appenders then write to a new spool file;
  2. the records are written to the store (upserts: writing one twice is harmless);
  3. records the store refused, or that belong to another database, are appended to the new
     spool; then `<path>.replaying` is deleted.
A replay interrupted anywhere leaves `<path>.replaying`, which the next replay finishes first.
A line that is not a record (a write cut short by a crash) is moved to `<path>.rejected`.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import IO, Any

import bson
from bson import json_util
from bson.json_util import RELAXED_JSON_OPTIONS, JSONOptions
from scrapy.settings import BaseSettings

from crawler.directories import DirectoryError, ensure_directory
from crawler.store.errors import StoreError
from crawler.store.store import ArticleStore, UpsertCounts

logger = logging.getLogger(__name__)

READ_OPTIONS = JSONOptions(tz_aware=True, tzinfo=UTC)
REPLAY_BATCH_SIZE = 100

Record = dict[str, Any]


@dataclass
class ReplayResult:
    articles: UpsertCounts = field(default_factory=UpsertCounts)
    pages: int = 0
    runs: int = 0
    kept: int = 0  # appended to the spool again: refused, or meant for another database
    rejected: int = 0  # unreadable lines, moved to <path>.rejected
    busy: bool = False  # another process was replaying: nothing done
    unreachable: bool = False  # the store went away during the replay
    error: str | None = None  # the last error of the store, if any

    @property
    def articles_written(self) -> int:
        counts = self.articles
        return counts.new + counts.updated + counts.unchanged + counts.stale

    def summary(self) -> str:
        counts = self.articles
        return (
            f"{self.articles_written} articles ({counts.new} new, {counts.updated} updated, "
            f"{counts.unchanged} unchanged, {counts.stale} already stored), {self.pages} pages, "
            f"{self.runs} run records; {self.kept} records kept in the spool, "
            f"{self.rejected} unreadable"
        )


def spool_from(settings: BaseSettings) -> Spool:
    """The spool STORE_SPOOL_PATH names (a relative path is taken from the current directory)."""
    return Spool(settings.get("STORE_SPOOL_PATH"))


def article_record(database: str, article: dict[str, Any], pages: list[dict[str, Any]]) -> Record:
    return {"database": database, "article": article, "pages": pages}


def run_record(database: str, run: dict[str, Any]) -> Record:
    return {"database": database, "run": run}


def never_storable(record: Record) -> str | None:
    """Why the store can never take an article record, not even as the spool would give it back
    (JSON turns sets into lists and unknown objects into text, never an int beyond BSON's 8
    bytes into anything else); None when it can."""
    try:
        spooled = _loads(_dumps(record))
        if spooled is None:
            return "the spool cannot hold it"
        for document in (spooled["article"], *spooled["pages"]):
            bson.encode(document)
    except Exception as exc:  # JSON's and BSON's encoders raise errors of many types
        return f"{type(exc).__name__}: {exc}"
    return None


def split_articles(records: list[Record]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The articles of article records, and all their pages."""
    articles = [record["article"] for record in records]
    pages = [page for record in records for page in record["pages"]]
    return articles, pages


class Spool:
    """The spool file at `path`, with `<path>.replaying`, `<path>.rejected` and the replay lock
    `<path>.lock` beside it."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path).resolve()
        self.replaying = self.path.with_name(self.path.name + ".replaying")
        self.rejected = self.path.with_name(self.path.name + ".rejected")
        self._replay_lock = self.path.with_name(self.path.name + ".lock")

    def check_directory(self) -> None:
        """Make the spool's directory if missing; StoreError when it cannot be: a crawl whose
        spool cannot exist would lose the batches the store refuses, so it does not start."""
        try:
            ensure_directory(self.path.parent, "spool")
        except DirectoryError as exc:
            raise StoreError(str(exc)) from None

    def append(self, records: list[Record]) -> None:
        """Add records, durably (fsynced) before returning. Raises OSError if the disk fails."""
        if not records:
            return
        text = "".join(_dumps(record) + "\n" for record in records)
        ensure_directory(self.path.parent, "spool")
        while True:
            with open(self.path, "a", encoding="utf-8") as spool:
                fcntl.flock(spool, fcntl.LOCK_EX)
                if not _is_current(spool, self.path):
                    continue  # renamed by a replay while we waited for the lock: reopen
                spool.write(text)
                spool.flush()
                os.fsync(spool.fileno())
                return

    def pending(self) -> int:
        """How many records wait in the spool (and in an interrupted replay)."""
        return sum(_count_lines(path) for path in (self.path, self.replaying))

    def replay(self, store: ArticleStore, *, batch_size: int = REPLAY_BATCH_SIZE) -> ReplayResult:
        """Write the spooled records into the store (see the module docstring); logged as a
        WARNING with the counts whenever there was something to replay."""
        result = ReplayResult()
        if not self.path.exists() and not self.replaying.exists():
            return result  # the usual case: nothing to replay, nothing to create on disk
        with self._replay_locked() as locked:
            if not locked:
                result.busy = True
                logger.warning("Store: another process is replaying %s; not replayed", self.path)
                return result
            # An interrupted replay first, then what was spooled since; records kept by the
            # first pass are in the spool again and get a second chance, unless the store is
            # unreachable.
            for found in (self.replaying.exists, self._take_spool):
                if result.unreachable or not found():
                    continue
                self._replay_file(store, batch_size, result)
                self.replaying.unlink()
        if result.articles_written or result.runs or result.kept or result.rejected:
            logger.warning(
                "Store: replayed the spool %s into %s: %s%s",
                self.path,
                store.describe(),
                result.summary(),
                f" (last error: {result.error})" if result.error else "",
            )
        return result

    @contextmanager
    def _replay_locked(self) -> Iterator[bool]:
        ensure_directory(self.path.parent, "spool")
        with open(self._replay_lock, "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
            else:
                yield True

    def _take_spool(self) -> bool:
        """Rename the spool to .replaying under its append lock; False if there is none."""
        while True:
            try:
                spool = open(self.path, encoding="utf-8")  # noqa: SIM115 - closed below
            except FileNotFoundError:
                return False
            with spool:
                fcntl.flock(spool, fcntl.LOCK_EX)
                if _is_current(spool, self.path):
                    os.replace(self.path, self.replaying)
                    return True

    def _replay_file(self, store: ArticleStore, batch_size: int, result: ReplayResult) -> None:
        """Replay .replaying batch by batch: a spool that grew through a long outage is never
        read into memory whole. Kept records go back to the spool as they come."""
        batch: list[Record] = []
        kept: list[Record] = []
        for record in self._read_replaying(result):
            if result.unreachable or record.get("database") != store.database:
                kept.append(record)
            else:
                batch.append(record)
            if len(batch) >= batch_size:
                kept += _write_or_keep(store, batch, result)
                batch = []
            if len(kept) >= batch_size:
                self._keep(kept, result)
                kept = []
        kept += _write_or_keep(store, batch, result)
        self._keep(kept, result)

    def _keep(self, records: list[Record], result: ReplayResult) -> None:
        self.append(records)
        result.kept += len(records)

    def _read_replaying(self, result: ReplayResult) -> Iterator[Record]:
        """The records of .replaying; lines that are not records go to .rejected."""
        with open(self.replaying, encoding="utf-8", errors="replace") as spool:
            for line in spool:
                if not line.strip():
                    continue
                record = _loads(line)
                if record is not None:
                    yield record
                    continue
                with open(self.rejected, "a", encoding="utf-8") as rejected:
                    rejected.write(line.rstrip("\n") + "\n")
                result.rejected += 1
                logger.error("Store: an unreadable spool line was moved to %s", self.rejected)


def _write_or_keep(store: ArticleStore, batch: list[Record], result: ReplayResult) -> list[Record]:
    """The records of the batch that stay in the spool: refused ones, or all of them once the
    store is unreachable."""
    if not batch or result.unreachable:
        return batch
    try:
        return _write(store, batch, result)
    except StoreError as exc:  # unreachable: the rest waits for the next replay
        result.error = str(exc)
        result.unreachable = True
        return batch


def _write(store: ArticleStore, batch: list[Record], result: ReplayResult) -> list[Record]:
    """Write a batch; when the store refuses it, one record at a time, so that a record the
    store cannot take keeps only itself in the spool. Returns the refused records; raises
    StoreError when the store is unreachable."""
    try:
        _write_records(store, batch, result)
        return []
    except StoreError as exc:
        if exc.retryable:
            raise
        result.error = str(exc)
        if len(batch) == 1:
            logger.error("Store: a spooled record was refused and stays in the spool: %s", exc)
            return batch
    return [record for one in batch for record in _write(store, [one], result)]


def _write_records(store: ArticleStore, records: list[Record], result: ReplayResult) -> None:
    article_records = [record for record in records if "article" in record]
    if article_records:
        articles, pages = split_articles(article_records)
        counts = store.save_fetched(articles, pages)
        result.articles += counts
        result.pages += len(pages)
    for record in records:
        if "run" in record:
            store.record_run(record["run"])
            result.runs += 1


def _dumps(record: Record) -> str:
    # default=str: the last resort must not fail on a value JSON cannot hold; sets and
    # tuples already become lists, as they would in BSON.
    return json_util.dumps(record, json_options=RELAXED_JSON_OPTIONS, default=str)


def _loads(line: str) -> Record | None:
    try:
        record = json_util.loads(line, json_options=READ_OPTIONS)
    except (ValueError, TypeError):
        return None
    return record if _is_record(record) else None


def _is_record(record: Any) -> bool:
    if not isinstance(record, dict):
        return False
    if isinstance(record.get("article"), dict):
        return bool(record["article"].get("url")) and isinstance(record.get("pages"), list)
    return isinstance(record.get("run"), dict) and "run_id" in record["run"]


def _is_current(handle: IO[str], path: Path) -> bool:
    """Whether the open file is still the one at `path` (a replay may have renamed it)."""
    try:
        return os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


def _count_lines(path: Path) -> int:
    try:
        with open(path, "rb") as spool:
            return sum(1 for line in spool if line.strip())
    except FileNotFoundError:
        return 0
