"""Bad store configuration fails `scrapy crawl` at start: exit status 1, one ERROR line that
says what is wrong, no traceback, no password shown."""

from __future__ import annotations

import pytest
from pymongo import MongoClient

from crawler.store import ArticleStore
from tests.conftest import free_port, start_secantusd, stop_process
from tests.crawl import run_scrapy

PASSWORD = "s3cret-right"


@pytest.fixture(scope="module")
def auth_port(tmp_path_factory):
    """A secantusd-py with --auth and one user, crawler / PASSWORD (created before the restart
    with --auth, as `secantusd-py --help` says)."""
    port = free_port()
    storage = tmp_path_factory.mktemp("auth") / "db"
    server = start_secantusd(port, storage)
    with MongoClient(f"mongodb://127.0.0.1:{port}/?directConnection=true") as client:
        client.admin.command("createUser", "crawler", pwd=PASSWORD, roles=["root"])
    stop_process(server)
    server = start_secantusd(port, storage, "--auth")
    yield port
    stop_process(server)


def crawl_with(uri: str, tmp_path):
    """`scrapy crawl radartangsel` against a site nobody serves: the crawl must stop before
    fetching anything."""
    return run_scrapy(
        "crawl",
        "radartangsel",
        "-a",
        f"base_url=http://127.0.0.1:{free_port()}",
        MONGO_URI=uri,
        MONGO_TIMEOUT_MS="500",
        STORE_SPOOL_PATH=str(tmp_path / "spool.jsonl"),
    )


def the_one_error(result) -> str:
    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "never retrieved" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "] ERROR: " in line]
    assert len(errors) == 1, errors
    assert "The store is unavailable, the crawl stops" in errors[0]
    assert "Closing spider (store_unavailable)" in result.stderr
    assert "downloader/request_count" not in result.stderr  # nothing was fetched
    return errors[0]


def test_a_malformed_uri(tmp_path):
    error = the_one_error(crawl_with("mongodb://crawler:s3cret@127.0.0.1:99999/", tmp_path))
    assert "malformed MongoDB URI mongodb://crawler:***@127.0.0.1:99999/" in error
    assert "s3cret" not in error


def test_rejected_credentials(auth_port, tmp_path):
    base = f"127.0.0.1:{auth_port}/?directConnection=true&authSource=admin"
    with ArticleStore(f"mongodb://crawler:{PASSWORD}@{base}", "news") as store:
        store.check()  # the right password works: what fails below is the wrong one
    error = the_one_error(crawl_with(f"mongodb://crawler:wrong-one@{base}", tmp_path))
    assert f"MongoDB at mongodb://crawler:***@{base} rejected the credentials" in error
    assert "wrong-one" not in error


def test_an_unreachable_server(tmp_path):
    uri = f"mongodb://127.0.0.1:{free_port()}/?directConnection=true"
    error = the_one_error(crawl_with(uri, tmp_path))
    assert f"MongoDB at {uri} did not answer within 500 ms" in error
