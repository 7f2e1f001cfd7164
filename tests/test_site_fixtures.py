"""Every saved site page gives exactly the fields a person checked (tests/site_fixtures.py),
and every site of the registry with a parser of its own has saved pages."""

import textwrap

import pytest
from scrapy.settings import Settings

from crawler.sites import SiteSpiderLoader
from tests.site_fixtures import expected, extract, fixture_pages, registry, sites_without_fixtures

PAGES = fixture_pages()


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_fixture_page_gives_the_checked_fields(page):
    assert extract(page) == expected(page)


def test_every_site_with_a_parser_of_its_own_has_fixtures():
    sites = registry()
    assert {"radartangsel", "bantennews"} <= {site.name for site in sites.sites()}
    assert sites_without_fixtures(sites) == []


def test_fixture_folders_are_sites_of_the_registry():
    assert {page.parent.name for page in PAGES} <= set(registry().list())


def test_a_site_added_without_fixtures_fails(tmp_path, monkeypatch):
    package = tmp_path / "newsites"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "kabarserang.py").write_text(
        textwrap.dedent(
            """
            from crawler.site import Site
            from crawler.themes.tagdiv import TagDivParser


            class KabarSerangParser(TagDivParser):
                title = ("h1.judul",)


            SITE = Site(name="kabarserang", base_url="https://kabarserang.example",
                        parser=KabarSerangParser)
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    sites = SiteSpiderLoader.from_settings(
        Settings({"SPIDER_MODULES": ["crawler.spiders", "newsites"], "SITES_FILE": ""})
    )
    assert sites_without_fixtures(sites) == ["kabarserang"]
