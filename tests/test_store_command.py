"""`scrapy store replay | stop` (crawler/commands/store.py), run as users run it."""

from __future__ import annotations

from tests.crawl import run_scrapy


def test_replay_without_a_spool_says_there_is_nothing_to_replay(tmp_path, mongo_uri):
    spool = tmp_path / "spool" / "articles.jsonl"
    result = run_scrapy("store", "replay", STORE_SPOOL_PATH=str(spool), MONGO_URI=mongo_uri)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"nothing to replay: the spool {spool} is empty or absent\n"
    assert not spool.parent.exists(), "nothing is created on disk"


def test_help_describes_replay_and_stop():
    result = run_scrapy("store", "-h")
    assert result.returncode == 0, result.stderr
    help_text = " ".join(result.stdout.split())
    assert "replay: write the spool (STORE_SPOOL_PATH) into the store now" in help_text
    assert "stop: stop the embedded server of MONGO_EMBEDDED_DIR if no crawl uses it" in help_text
