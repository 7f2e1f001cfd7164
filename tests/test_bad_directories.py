"""A directory the crawler must write in that cannot be created (a file in its path) stops
`scrapy crawl` and `scrapy crawlall` before any fetch: exit 1 and one line naming the directory
and why, no traceback (issue #16, point 9): the lock directory (crawler/locks.py), the embedded
store's data directory (crawler/store/embedded.py) and the spool's (crawler/store/spool.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crawler.directories import DirectoryError, ensure_directory
from crawler.exitcodes import EXIT_NOT_STARTED
from tests.crawl import run_scrapy

NOWHERE = "http://127.0.0.1:9"  # never asked: the crawl stops before it fetches


@pytest.fixture
def blocked(tmp_path: Path) -> Path:
    """A path under a regular file: no directory can be made there."""
    (tmp_path / "a-file").write_text("")
    return tmp_path / "a-file" / "sub"


def assert_one_line(result, directory: Path) -> None:
    assert result.returncode == EXIT_NOT_STARTED, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    errors = re.findall(r"\] (?:ERROR|CRITICAL): .*", result.stderr)
    assert len(errors) == 1, errors
    assert str(directory) in errors[0] and "Not a directory" in errors[0]


def test_a_lock_directory_that_cannot_be_created(blocked):
    lock_file = f"{blocked}/locks/{{site}}.lock"
    crawl = run_scrapy(
        "crawl", "radartangsel", "-a", f"base_url={NOWHERE}", CRAWL_LOCK_FILE=lock_file
    )
    assert_one_line(crawl, blocked / "locks")
    crawlall = run_scrapy("crawlall", "radartangsel", CRAWL_LOCK_FILE=lock_file)
    assert_one_line(crawlall, blocked / "locks")


def test_an_embedded_data_directory_that_cannot_be_created(blocked):
    result = run_scrapy(
        "crawl", "radartangsel", "-a", f"base_url={NOWHERE}",
        MONGO_URI="", MONGO_EMBEDDED_DIR=str(blocked / "data"),
    )  # fmt: skip
    assert_one_line(result, blocked / "data")


def test_a_spool_directory_that_cannot_be_created(blocked, mongo_uri):
    result = run_scrapy(
        "crawl", "radartangsel", "-a", f"base_url={NOWHERE}",
        MONGO_URI=mongo_uri, STORE_SPOOL_PATH=str(blocked / "spool" / "articles.jsonl"),
    )  # fmt: skip
    assert_one_line(result, blocked / "spool")


def test_ensure_directory_makes_missing_parents_and_names_what_fails(tmp_path, blocked):
    ensure_directory(tmp_path / "x" / "y", "data")
    assert (tmp_path / "x" / "y").is_dir()
    with pytest.raises(DirectoryError, match=r"the lock directory .*/sub cannot be created"):
        ensure_directory(blocked, "lock")
