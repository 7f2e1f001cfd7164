"""A site parser in versions by date (crawler/themes/registry.py: VersionedParser), on a page in
each layout: Radar Tangsel's classic tagDiv template before a redesign, Composer after it."""

from __future__ import annotations

import json
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from crawler.reextract import reextract
from crawler.site import Site, SiteError
from crawler.sites import SiteSpiderLoader
from crawler.spiders.base import site_spider
from crawler.themes.registry import VersionedParser
from crawler.themes.tagdiv import TagDivClassic, TagDivComposer
from tests.site_fixtures import FIXTURES, expected

RADAR = FIXTURES / "radartangsel"
CLASSIC = RADAR / "seed-korsel-as-jepang-2023-12-07.html"
COMPOSER = RADAR / "composer-banjir-pondok-aren-2024-05-03.html"
# The redesign: the last day of the classic template, in the site's time zone (WIB, UTC+7).
REDESIGN = date(2024, 3, 31)
LAST_CLASSIC_MINUTE = datetime(2024, 3, 31, 16, 59, tzinfo=UTC)  # 23:59 WIB
FIRST_COMPOSER_MINUTE = datetime(2024, 3, 31, 17, 0, tzinfo=UTC)  # 00:00 WIB, 1 April


class RadarTangselVersions(VersionedParser):
    class Classic(TagDivClassic):
        valid_until = REDESIGN

    class Composer(TagDivComposer):
        pass


SITE = Site(
    name="radartangsel",
    base_url="https://radartangsel.com",
    parser=RadarTangselVersions,
    rest_api=False,
)


def response_of(page: Path) -> HtmlResponse:
    url = json.loads((page.parent / "pages.json").read_text())[page.name]["url"]
    return HtmlResponse(url=url, body=page.read_bytes(), encoding="utf-8", request=Request(url))


def test_versions_are_ordered_by_date_the_newest_last():
    assert RadarTangselVersions.versions() == [
        RadarTangselVersions.Classic,
        RadarTangselVersions.Composer,
    ]
    assert RadarTangselVersions.version_for(REDESIGN) is RadarTangselVersions.Classic
    assert RadarTangselVersions.version_for(date(2024, 4, 1)) is RadarTangselVersions.Composer


@pytest.mark.parametrize(
    ("page", "fetched_at"), [(CLASSIC, LAST_CLASSIC_MINUTE), (COMPOSER, FIRST_COMPOSER_MINUTE)]
)
def test_reextraction_uses_the_version_valid_when_the_page_was_fetched(page, fetched_at):
    item = reextract(site_spider(SITE), {1: response_of(page)}, fetched_at=fetched_at)
    checked = expected(page)
    assert item["title"] == checked["title"]
    assert item["body"].split("\n\n") == checked["body"]
    assert item["published_at"].isoformat() == checked["published_at"]
    assert item["tags"] == checked["tags"]


def test_the_wrong_version_would_not_read_the_page():
    """What the date decides: the old layout read with the new version has no body."""
    spider = site_spider(SITE)
    parser = spider.parser(response_of(CLASSIC), fetched_at=FIRST_COMPOSER_MINUTE)
    assert isinstance(parser, RadarTangselVersions.Composer)
    assert parser.get_body_html() is None


def test_the_live_crawl_uses_the_current_version():
    spider = site_spider(SITE).from_crawler(get_crawler())
    for page, reads_it in ((COMPOSER, True), (CLASSIC, False)):
        assert isinstance(spider.parser(response_of(page)), RadarTangselVersions.Composer)
        (item,) = spider.parse_article(response_of(page))
        assert bool(item["body_html"]) is reads_it


def test_two_versions_valid_until_the_same_day_are_refused():
    class Twice(VersionedParser):
        class Classic(TagDivClassic):
            valid_until = REDESIGN

        class Classic2(TagDivClassic):
            valid_until = REDESIGN

    with pytest.raises(SiteError, match="Classic and Classic2 are both valid until 2024-03-31"):
        Site(name="radartangsel", parser=Twice)

    class TwoNewest(VersionedParser):
        class Classic(TagDivClassic):
            pass

        class Composer(TagDivComposer):
            pass

    with pytest.raises(SiteError, match="both valid until no day"):
        Site(name="radartangsel", parser=TwoNewest)


def test_a_site_file_with_duplicate_dates_stops_the_loader(tmp_path, monkeypatch):
    package = tmp_path / "dupsites"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "kabar.py").write_text(
        textwrap.dedent(
            """
            from datetime import date

            from crawler.site import Site
            from crawler.themes.registry import VersionedParser
            from crawler.themes.tagdiv import TagDivClassic


            class Kabar(VersionedParser):
                class Old(TagDivClassic):
                    valid_until = date(2024, 1, 1)

                class Older(TagDivClassic):
                    valid_until = date(2024, 1, 1)


            SITE = Site(name="kabar", base_url="https://kabar.example", parser=Kabar)
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(SiteError, match="site 'kabar': parser: Kabar: versions"):
        SiteSpiderLoader.from_settings(
            Settings({"SPIDER_MODULES": ["crawler.spiders", "dupsites"], "SITES_FILE": ""})
        )
