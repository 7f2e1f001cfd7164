"""The sites file: its entries become Site records, and spiders of the spider loader."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from crawler.site import Site
from crawler.sites import SitesFileError, SiteSpiderLoader, load_sites
from crawler.spiders.base import NewsSiteSpider
from tests.crawl import ROOT, run_scrapy

KABAR = """
[sites.kabarbanten]
base_url = "https://www.kabarbanten.example/"
theme = "tagdiv"
rest_api = false
sitemap_paths = ["/sitemap.xml"]

[sites.warta-cilegon]
base_url = "https://wartacilegon.example"
"""


def loader(tmp_path, text: str) -> SiteSpiderLoader:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    settings = Settings({"SPIDER_MODULES": ["crawler.spiders"], "SITES_FILE": str(path)})
    return SiteSpiderLoader.from_settings(settings)


def test_configured_sites_are_spiders_beside_the_site_files(tmp_path):
    spiders = loader(tmp_path, KABAR)
    assert {"radartangsel", "bantennews", "wordpress", "kabarbanten", "warta-cilegon"} <= set(
        spiders.list()
    )
    kabar = spiders.load("kabarbanten")
    assert issubclass(kabar, NewsSiteSpider) and kabar.__name__ == "KabarbantenSpider"
    assert kabar.name == "kabarbanten"
    assert kabar.site == Site(
        name="kabarbanten",
        base_url="https://www.kabarbanten.example",
        parser="tagdiv",
        rest_api=False,
        sitemap_paths=("/sitemap.xml",),
    )
    warta = spiders.load("warta-cilegon").site
    assert (warta.parser, warta.rest_api, warta.language) == (None, True, "id")
    assert warta.feed_paths is None  # the spider's default


def test_politeness_and_time_zone_are_checked_and_become_custom_settings(tmp_path):
    text = (
        "[sites.kabar]\nbase_url = 'https://kabar.example'\ntime_zone = 'Asia/Makassar'\n"
        "politeness = { DOWNLOAD_DELAY = 2.5, CONCURRENT_REQUESTS_PER_DOMAIN = 2 }\n"
    )
    kabar = loader(tmp_path, text).load("kabar")
    assert kabar.custom_settings == {"DOWNLOAD_DELAY": 2.5, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}
    assert kabar.site.time_zone == "Asia/Makassar"


def test_a_configured_spider_keeps_its_name_as_the_items_site(tmp_path):
    kabar = loader(tmp_path, KABAR).load("kabarbanten")
    assert kabar(base_url="http://127.0.0.1:8765").name == "kabarbanten"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[sites.kabar]\ntheme = 'tagdiv'\n", "base_url must be"),
        ("[sites.kabar]\nbase_url = 'ftp://kabar.example'\n", "base_url must be"),
        ("[sites.kabar]\nbase_url = 'https://kabar.example'\ntheme = 'sahifa'\n", "theme must"),
        ("[sites.kabar]\nbase_url = 'https://kabar.example'\nrest_api = 'no'\n", "rest_api"),
        (
            "[sites.kabar]\nbase_url = 'https://kabar.example'\nfeed_path = ['/feed/']\n",
            "feed_path",
        ),
        ("[sites.kabar]\nbase_url = 'https://kabar.example'\nfeed_paths = 'feed'\n", "feed_paths"),
        ("[sites.Kabar]\nbase_url = 'https://kabar.example'\n", "lower case"),
        ("[site.kabar]\nbase_url = 'https://kabar.example'\n", "unknown tables"),
        ("[sites.kabar\nbase_url = 1\n", "not TOML"),
        ("[sites.radartangsel]\nbase_url = 'https://radartangsel.example'\n", "has that name"),
        ("[sites.kabar]\nbase_url = 'https://kabar.example'\ntime_zone = 'WIB'\n", "time_zone"),
        (
            "[sites.kabar]\nbase_url = 'https://kabar.example'\n"
            "politeness = { ITEM_PIPELINES = 1 }\n",
            "politeness.ITEM_PIPELINES is not a politeness setting",
        ),
        (
            "[sites.kabar]\nbase_url = 'https://kabar.example'\n"
            "politeness = { DOWNLOAD_DELAY = 'x' }\n",
            "politeness.DOWNLOAD_DELAY has the wrong type",
        ),
    ],
)
def test_a_wrong_entry_stops_with_the_file_site_and_key(tmp_path, text, message):
    with pytest.raises(SitesFileError, match=message) as error:
        loader(tmp_path, text)
    assert str(tmp_path / "sites.toml") in str(error.value)


def test_no_sites_file_means_no_configured_sites(tmp_path):
    assert load_sites(tmp_path / "absent.toml") == []
    assert load_sites(None) == []


def test_the_shipped_sites_file_parses():
    sites = load_sites(ROOT / "sites.toml")
    assert all(site.base_url.startswith("https://") for site in sites)


def test_a_malformed_sites_file_is_one_line_on_the_command_line_without_traceback(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text("[sites.kabar\nbase_url = 1\n", encoding="utf-8")
    for command in (("list",), ("crawl", "radartangsel"), ("articles", "stats")):
        result = run_scrapy(*command, SITES_FILE=str(path))
        assert result.returncode == 1, (command, result.stderr)
        assert (
            result.stderr
            == f"error: sites file {path}: not TOML: " + result.stderr.split("not TOML: ", 1)[1]
        )
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
