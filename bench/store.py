"""The store's write path against the Scrapy documentation's MongoDB pipeline.

The baseline is the pipeline of the Scrapy docs (Item Pipeline > "Write items to MongoDB"):
one `insert_one` per item, on the reactor thread. It needs pymongo itself, which is the point
of the comparison; nothing in crawler/ imports pymongo but the store. Against it, the crawler's
StorePipeline: unordered bulk_write upserts of STORE_BATCH_SIZE (100) items in a worker thread,
with the version bookkeeping (one lookup per batch), first for new articles, then again for the
same articles unchanged (a re-crawl).

Both run the same ~5 KB article documents (the replica's generated articles with their cleaned
markup and bookkeeping fields) through open_spider / process_item / close_spider on an asyncio
loop, timed from open to close, against the same SecantusDB server in a temporary directory:
once as the embedded store runs it (--sync-on-commit: an fsync per commit) and once with
mongod's default durability (no fsync per commit). Each figure is the median of 3 repeats,
baseline and store interleaved, a fresh database each time; the ratio is to the baseline of
the same server in the same run.

What batching can win depends on the server. A client saves round trips and commits (an fsync
each with --sync-on-commit); SecantusDB, a Python server, also spends about as long on each
index entry of a document as on the document itself, whatever the batch (100 or 500 gives the
same rate), so the store's article indexes bound its rate, and updates (unchanged
articles) cost it more than inserts. The rows with the store's indexes on the baseline show the
like-for-like ratio.

    python -m bench.store [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from pymongo import MongoClient
from scrapy.utils.test import get_crawler

from crawler.pipelines import content_hash
from crawler.store.pipeline import StorePipeline
from crawler.store.store import ARTICLE_INDEXES
from replica.content import expected, generate_articles

REPEATS = 3
BATCH_SIZE = 100
BASE_URL = "https://radartangsel.com"
SERVERS = {
    "embedded (--sync-on-commit)": ["--sync-on-commit"],
    "no fsync per commit": [],
}


class DocsMongoPipeline:
    """The Scrapy documentation's MongoPipeline, as printed there (settings passed in)."""

    collection_name = "scrapy_items"

    def __init__(self, mongo_uri: str, mongo_db: str) -> None:
        self.mongo_uri = mongo_uri
        self.mongo_db = mongo_db

    def open_spider(self) -> None:
        self.client = MongoClient(self.mongo_uri)
        self.db = self.client[self.mongo_db]

    def close_spider(self) -> None:
        self.client.close()

    def process_item(self, item: Any) -> Any:
        self.db[self.collection_name].insert_one(ItemAdapter(item).asdict())
        return item


class IndexedDocsMongoPipeline(DocsMongoPipeline):
    """The same, on a collection with the store's article indexes (unique url, site and
    dates, tags): like for like, since each index costs SecantusDB about as much as the
    document itself."""

    def open_spider(self) -> None:
        super().open_spider()
        self.db[self.collection_name].create_indexes(list(ARTICLE_INDEXES))


def articles(count: int) -> list[dict[str, Any]]:
    """~5 KB article items as the cleaning pipeline hands them to the store."""
    items = []
    for article in generate_articles(count):
        item = expected(article, BASE_URL)
        paragraphs = item["body"].split("\n\n")
        item |= {
            "site": "radartangsel",
            "body_html": "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs),
            "word_count": len(item["body"].split()),
            "content_hash": content_hash(item["title"], item["body"]),
            "published_at_raw": item["published_at"].isoformat(),
            "language": "id",
            "extraction": "site",
            "complete": True,
            "missing_pages": [],
            "fetched_at": datetime.now(UTC),
        }
        items.append(item)
    return items


async def _drive(pipeline: Any, items: list[dict[str, Any]]) -> float:
    """Seconds from open_spider to the end of close_spider, as Scrapy would call them."""
    started = time.perf_counter()
    await _maybe_await(pipeline.open_spider())
    for item in items:
        await _maybe_await(pipeline.process_item(dict(item)))
    await _maybe_await(pipeline.close_spider())
    return time.perf_counter() - started


async def _maybe_await(result: Any) -> Any:
    return await result if asyncio.iscoroutine(result) else result


def _docs_pipeline(uri: str, database: str, workdir: Path) -> DocsMongoPipeline:
    return DocsMongoPipeline(uri, database)


def _indexed_docs_pipeline(uri: str, database: str, workdir: Path) -> DocsMongoPipeline:
    return IndexedDocsMongoPipeline(uri, database)


def _store_pipeline(uri: str, database: str, workdir: Path) -> StorePipeline:
    crawler = get_crawler(
        settings_dict={
            "MONGO_URI": uri,
            "MONGO_DATABASE": database,
            "STORE_BATCH_SIZE": BATCH_SIZE,
            "STORE_FLUSH_INTERVAL": 5.0,
            "STORE_SPOOL_PATH": str(workdir / "spool.jsonl"),
        }
    )
    return StorePipeline.from_crawler(crawler)


def _measure(uri: str, workdir: Path, items: list[dict[str, Any]]) -> dict[str, list[float]]:
    """Seconds per repeat of each contender on one server."""
    seconds: dict[str, list[float]] = {
        "docs": [],
        "docs_indexed": [],
        "store_new": [],
        "store_unchanged": [],
    }
    with MongoClient(uri) as client:
        for repeat in range(REPEATS):
            order: list[tuple[str, Callable[..., Any]]] = [
                ("docs", _docs_pipeline),
                ("docs_indexed", _indexed_docs_pipeline),
                ("store_new", _store_pipeline),
            ]
            for name, build in order if repeat % 2 == 0 else order[::-1]:
                database = f"bench_{uuid.uuid4().hex[:8]}"
                seconds[name].append(asyncio.run(_drive(build(uri, database, workdir), items)))
                if name == "store_new":  # fetched again, later: all unchanged
                    again = _store_pipeline(uri, database, workdir)
                    refetched = [{**item, "fetched_at": datetime.now(UTC)} for item in items]
                    seconds["store_unchanged"].append(asyncio.run(_drive(again, refetched)))
                    _check(again, len(items))
                client.drop_database(database)
    return seconds


def _check(pipeline: StorePipeline, count: int) -> None:
    stats = pipeline.stats
    if stats.get_value("store/unchanged") != count or stats.get_value("store/spooled"):
        raise RuntimeError(f"the store pipeline did not write every item: {stats.get_stats()}")


@contextmanager
def secantusd(flags: list[str]) -> Iterator[tuple[str, Path]]:
    """A SecantusDB server in a temporary directory; yields its URI and a work directory."""
    executable = Path(sys.executable).parent / "secantusd-py"
    command = str(executable) if executable.exists() else shutil.which("secantusd-py")
    if command is None:
        raise RuntimeError("secantusd-py not found: install the project with its [embedded] extra")
    with tempfile.TemporaryDirectory(prefix="bench-store-") as directory:
        workdir = Path(directory)
        port = _free_port()
        process = subprocess.Popen(
            [command, "--host", "127.0.0.1", "--port", str(port), "--storage-path",
             str(workdir / "db"), "--cache-size", "256M", "--log-level", "WARNING", *flags],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        uri = f"mongodb://127.0.0.1:{port}/?directConnection=true"
        try:
            with MongoClient(uri, serverSelectionTimeoutMS=30000) as client:
                client.admin.command("ping")
            yield uri, workdir
        finally:
            process.terminate()
            process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(quick: bool = False) -> list[dict[str, Any]]:
    items = articles(300 if quick else 2000)
    rows = []
    for server, flags in SERVERS.items():
        with secantusd(flags) as (uri, workdir):
            seconds = _measure(uri, workdir, items)
        baseline = len(items) / statistics.median(seconds["docs"])
        for key, name in (
            ("docs", "Scrapy docs MongoPipeline: insert_one per item"),
            ("docs_indexed", "Scrapy docs MongoPipeline, with the store's article indexes"),
            ("store_new", f"StorePipeline: bulk upserts of {BATCH_SIZE}, new articles"),
            ("store_unchanged", f"StorePipeline: bulk upserts of {BATCH_SIZE}, unchanged"),
        ):
            median = statistics.median(seconds[key])
            rate = len(items) / median
            rows.append(
                {
                    "name": f"{name} [{server}]",
                    "items": len(items),
                    "seconds": round(median, 3),
                    "items_per_s": round(rate, 1),
                    "ratio": round(rate / baseline, 1),
                }
            )
    return rows


def markdown(rows: list[dict[str, Any]]) -> str:
    header = "| benchmark | items | seconds | items/s | ratio |\n|---|---:|---:|---:|---:|\n"
    return header + "".join(
        f"| {row['name']} | {row['items']} | {row['seconds']:.3f} | {row['items_per_s']:.1f} "
        f"| {row['ratio']:.1f}x |\n"
        for row in rows
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 items instead of 2,000")
    args = parser.parse_args(argv)
    print(markdown(run(quick=args.quick)), end="")


if __name__ == "__main__":
    main()
