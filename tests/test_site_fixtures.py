"""Every saved site page gives exactly the fields a person checked (tests/site_fixtures.py)."""

import pytest

from tests.site_fixtures import expected, extract, fixture_pages

PAGES = fixture_pages()


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_fixture_page_gives_the_checked_fields(page):
    assert extract(page) == expected(page)


def test_every_site_with_a_spider_has_fixtures():
    sites = {page.parent.name for page in PAGES}
    assert {"radartangsel", "bantennews"} <= sites
