"""One site, two forms: a Python site file and a sites.toml entry give the same Site record,
and crawl the replica with the same requests into the same articles."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from pymongo import MongoClient
from scrapy.settings import Settings

from crawler.sites import SiteSpiderLoader
from replica import ReplicaServer
from tests.crawl import run_scrapy

SITE_PACKAGE = "formsites"
# Fields that record when, not what: they differ between any two crawls.
WHEN = ("_id", "fetched_at", "first_seen", "last_seen")
CRAWLED = re.compile(r"Crawled \((\d+)\) <(\w+) ([^>]+)>")


def site_file(base_url: str) -> str:
    return textwrap.dedent(
        f"""
        from crawler.site import Site

        SITE = Site(
            name="kabarreplika",
            base_url="{base_url}",
            parser="tagdiv",
            sitemap_paths=("/sitemap_index.xml",),
            politeness={{"CONCURRENT_REQUESTS_PER_DOMAIN": 4}},
        )
        """
    )


def sites_entry(base_url: str) -> str:
    return textwrap.dedent(
        f"""
        [sites.kabarreplika]
        base_url = "{base_url}"
        theme = "tagdiv"
        sitemap_paths = ["/sitemap_index.xml"]
        politeness = {{ CONCURRENT_REQUESTS_PER_DOMAIN = 4 }}
        """
    )


def write_forms(directory: Path, base_url: str) -> Path:
    """The site file (a package of its own in `directory`) and the sites file."""
    package = directory / SITE_PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "kabarreplika.py").write_text(site_file(base_url))
    sites_file = directory / "sites.toml"
    sites_file.write_text(sites_entry(base_url))
    return sites_file


def crawl(directory: Path, mongo_uri: str, database: str, **settings: str) -> list[tuple]:
    result = run_scrapy(
        "crawl",
        "kabarreplika",
        cwd=directory,  # `python -m scrapy` puts it on sys.path: the site package imports
        MONGO_URI=mongo_uri,
        MONGO_DATABASE=database,
        STORE_SPOOL_PATH=str(directory / f"{database}.jsonl"),
        LOG_LEVEL="DEBUG",
        **settings,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return sorted(CRAWLED.findall(result.stderr))


def stored(mongo_uri: str, database: str) -> dict[str, dict]:
    with MongoClient(mongo_uri, tz_aware=True) as client:
        articles = client[database].articles.find({}, {name: 0 for name in WHEN})
        documents = {doc["url"]: doc for doc in articles}
        client.drop_database(database)
    return documents


def test_both_forms_give_the_same_record(tmp_path, monkeypatch):
    sites_file = write_forms(tmp_path, "https://kabarreplika.example")
    monkeypatch.syspath_prepend(str(tmp_path))
    from_file = SiteSpiderLoader.from_settings(
        Settings({"SPIDER_MODULES": ["crawler.spiders", SITE_PACKAGE], "SITES_FILE": ""})
    ).load("kabarreplika")
    from_entry = SiteSpiderLoader.from_settings(
        Settings({"SPIDER_MODULES": ["crawler.spiders"], "SITES_FILE": str(sites_file)})
    ).load("kabarreplika")
    assert from_file.site == from_entry.site
    assert from_file.custom_settings == from_entry.custom_settings


def test_both_forms_crawl_the_replica_alike(tmp_path, mongo_uri, mongo_db_name):
    with ReplicaServer() as replica:
        sites_file = write_forms(tmp_path, replica.url)
        file_requests = crawl(
            tmp_path,
            mongo_uri,
            f"{mongo_db_name}_file",
            SPIDER_MODULES=f"crawler.spiders,{SITE_PACKAGE}",
            SITES_FILE="",
        )
        entry_requests = crawl(
            tmp_path, mongo_uri, f"{mongo_db_name}_entry", SITES_FILE=str(sites_file)
        )
    assert any("/wp-json/" in url for _, _, url in file_requests)  # REST API first: the default
    assert file_requests == entry_requests
    file_articles = stored(mongo_uri, f"{mongo_db_name}_file")
    entry_articles = stored(mongo_uri, f"{mongo_db_name}_entry")
    assert len(file_articles) > 5
    assert {doc["site"] for doc in file_articles.values()} == {"kabarreplika"}
    assert file_articles == entry_articles
