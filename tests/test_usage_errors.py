"""Usage errors of `scrapy crawl`: one line on standard error, exit status 2, no traceback, no
lock file (crawler/commands/_cron.py check_crawl, crawler/spiders/base.py spider_arguments)."""

from __future__ import annotations

import pytest

from crawler.exitcodes import EXIT_USAGE
from crawler.spiders.base import SpiderArgumentError, spider_arguments
from crawler.spiders.radartangsel import SITE as RADARTANGSEL
from crawler.spiders.wordpress import GENERIC_SITE
from tests.crawl import run_scrapy


def crawl_usage_error(tmp_path, *args: str, **settings: str) -> str:
    """Run `scrapy crawl ARGS` with a lock file under tmp_path; assert it is a usage error as
    promised and return its one line."""
    locks = tmp_path / "locks"
    result = run_scrapy(
        "crawl", *args, CRAWL_LOCK_FILE=str(locks / "{site}.lock"), timeout=120, **settings
    )
    assert result.returncode == EXIT_USAGE, result.stderr[-3000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert not locks.exists() or not list(locks.iterdir()), "a lock file was left behind"
    assert result.stdout == ""
    return lines[0]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["radartangsel", "-a", "limit=abc"], "limit must be a whole number"),
        (["radartangsel", "-a", "limit=-5"], "limit must be a whole number"),
        (["radartangsel", "-a", "limit=0"], "1 or more, not '0'"),
        (["radartangsel", "-a", "since=2024-13-45"], "since must be a date as YYYY-MM-DD"),
        (["radartangsel", "-a", "until=tomorrow"], "until must be a date as YYYY-MM-DD"),
        (["radartangsel", "-a", "base_url=notaurl"], "base_url must be an http:// or https://"),
        (["wordpress"], "-a base_url=https://"),
        (["news"], "-a base_url=https://"),
        (["radartangsel", "-a", "rest_api=of"], "rest_api must be 1 or 0"),
        (["radartangsel", "-a", "full=ya"], "full must be 1 or 0"),
        (["nosuchsite"], "no such site: nosuchsite"),
        (["radartangsl"], "did you mean radartangsel?"),
        (["radartangsel", "-a", "limt=5"], "unknown spider argument 'limt' (did you mean limit?)"),
    ],
)
def test_a_bad_crawl_is_one_line_and_exit_2(tmp_path, args, says):
    line = crawl_usage_error(tmp_path, *args)
    assert says in line
    assert line.startswith("scrapy crawl: ")


def test_an_unknown_argument_lists_the_known_ones(tmp_path):
    line = crawl_usage_error(tmp_path, "radartangsel", "-a", "limt=5")
    assert "base_url, limit, since, until, full, rest_api, name" in line


def test_a_broken_sites_file_is_one_line_and_exit_1(tmp_path):
    """A configuration that cannot be used, as a malformed MONGO_URI: the crawl cannot start."""
    sites = tmp_path / "sites.toml"
    sites.write_text('[sites.kabar]\nbase_url = "https://kabar.example"\nthem = "tagdiv"\n')
    locks = tmp_path / "locks"
    result = run_scrapy(
        "crawl", "kabar", CRAWL_LOCK_FILE=str(locks / "{site}.lock"), SITES_FILE=str(sites)
    )
    assert result.returncode == 1, result.stderr[-3000:]
    assert result.stderr.strip().splitlines() == [
        f"error: sites file {sites}: [sites.kabar]: unknown keys ['them'] (the name is the table's)"
    ]
    assert not locks.exists() or not list(locks.iterdir()), "a lock file was left behind"


def test_a_bad_configured_base_url_is_one_line_and_exit_2(tmp_path):
    line = crawl_usage_error(tmp_path, "radartangsel", SITE_BASE_URLS='{"radartangsel": "nope"}')
    assert "SITE_BASE_URLS['radartangsel']" in line


def test_crawl_help_lists_the_spider_arguments():
    result = run_scrapy("crawl", "-h")
    assert result.returncode == 0, result.stderr[-3000:]
    help_text = " ".join(result.stdout.split())
    for name in ("base_url:", "limit:", "since:", "until:", "full:", "rest_api:"):
        assert name in help_text


def test_the_arguments_are_parsed_in_one_place():
    parsed = spider_arguments(RADARTANGSEL, {"limit": "20", "since": "2024-01-01", "full": "1"})
    assert (parsed.limit, parsed.full, parsed.rest_api) == (20, True, None)
    assert parsed.since is not None and parsed.since.isoformat() == "2023-12-31T17:00:00+00:00"
    with pytest.raises(SpiderArgumentError, match="until .* is before since"):
        spider_arguments(RADARTANGSEL, {"since": "2024-02-01", "until": "2024-01-01"})
    with pytest.raises(SpiderArgumentError, match="base_url"):
        spider_arguments(GENERIC_SITE, {})
    assert spider_arguments(GENERIC_SITE, {"base_url": "https://x.example"}).limit is None


def test_crawlall_checks_the_spider_arguments_of_every_site(tmp_path):
    locks = tmp_path / "locks"
    result = run_scrapy(
        "crawlall", "radartangsel", "bantennews", "-a", "limt=5",
        CRAWL_LOCK_FILE=str(locks / "{site}.lock"), timeout=120,
    )  # fmt: skip
    assert result.returncode == EXIT_USAGE, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert "unknown spider argument 'limt' (did you mean limit?)" in result.stderr
    assert not locks.exists() or not list(locks.iterdir()), "a lock file was left behind"
