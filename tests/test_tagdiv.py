"""The tagDiv theme profile on real markup (../shared/reference/tagdiv/) and on our fixtures,
built as every parser is, by the factory (crawler/themes/registry.py)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawler.reextract import reextract
from crawler.site import Site
from crawler.spiders.base import site_spider
from crawler.themes.base import ArticleParser
from crawler.themes.registry import make_parser
from crawler.themes.tagdiv import TagDivParser
from tests.conftest import SHARED
from tests.site_fixtures import expected

FIXTURES = Path(__file__).parent / "fixtures"
BANTENNEWS = FIXTURES / "bantennews" / "pemkab-serang-hotel-prokes-2021-12-27.html"
BANTENNEWS_URL = (
    "https://www.bantennews.co.id/pemkab-serang-pastikan-pelayanan-hotel-laksanakan-prokes/"
)


def parser_for(
    html: str | bytes, url: str = BANTENNEWS_URL, profile: type[ArticleParser] = TagDivParser
) -> ArticleParser:
    body = html.encode() if isinstance(html, str) else html
    return make_parser(profile, HtmlResponse(url=url, body=body, encoding="utf-8"), url)


def test_real_home_page_is_not_an_article_although_it_says_og_type_article():
    home = SHARED / "reference" / "tagdiv" / "bantennews-homepage-2021-11-28.html"
    if not home.exists():
        pytest.skip("../shared/reference is not beside this checkout")
    html = home.read_text(encoding="utf-8")
    assert 'og:type" content="article"' in html
    assert parser_for(html, "https://www.bantennews.co.id/").is_article() is False


def test_visible_date_is_the_last_resort_and_reads_bantennews_format():
    html = BANTENNEWS.read_text(encoding="utf-8")
    # Remove every machine-readable date: only "Senin 27 Des 2021 16:12 WIB" is left.
    html = re.sub(
        r"<meta[^>]+(published_time|modified_time|datePublished|dateModified)[^>]*>", "", html
    )
    html = html.replace('datetime="2021-12-27T16:12:03+07:00"', "")
    published, raw = parser_for(html).get_published()
    assert raw == "Senin 27 Des 2021 16:12 WIB"
    assert published == datetime(2021, 12, 27, 9, 12, tzinfo=UTC)


def test_related_posts_dates_never_become_the_articles_date():
    page = FIXTURES / "radartangsel" / "composer-banjir-pondok-aren-2024-05-03.html"
    html = page.read_text(encoding="utf-8")
    assert html.count('time class="entry-date') > 1  # related modules carry dates too
    published, raw = parser_for(html, "https://radartangsel.com/x/").get_published()
    assert raw.startswith("Jum'at, 3 Mei 2024")
    assert published == datetime(2024, 5, 3, 14, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ('<div class="td-author-by">Oleh</div> <a href="/a/">Bantennews</a>', ["Bantennews"]),
        ('<a href="/a/">Penulis: Ahmad Rifai</a>', ["Ahmad Rifai"]),
        ('<a href="/a/">Oleh Dewi Sartika</a>', ["Dewi Sartika"]),
        ('<a href="/a/">Penulisan Tim</a>', ["Penulisan Tim"]),  # a name, not a label
    ],
)
def test_author_labels_are_removed(byline, expected):
    html = (
        '<html><body class="single single-post"><article><div class="td-post-header">'
        f'<div class="td-post-author-name">{byline}</div></div></article></body></html>'
    )
    assert parser_for(html).get_authors() == expected


def test_multi_page_links_and_current_page():
    nav = (
        '<div class="page-nav page-nav-post td-pb-padding-side">'
        '<a href="https://s.id/2024/01/02/judul/"><div>1</div></a><div>2</div>'
        '<a href="https://s.id/2024/01/02/judul/3/"><div>3</div></a>'
        '<a href="https://s.id/2024/01/02/judul/3/"><i class="td-icon-menu-right"></i></a></div>'
    )
    html = f'<html><body class="single single-post"><article>{nav}</article></body></html>'
    parser = parser_for(html, "https://s.id/2024/01/02/judul/2/")
    assert parser.get_page_urls() == {
        1: "https://s.id/2024/01/02/judul/",
        3: "https://s.id/2024/01/02/judul/3/",
    }
    assert parser.current_page() == 2


def test_a_site_subclass_overriding_one_selector_keeps_every_other():
    """The issue's case: `class MySite(TagDivParser): title = (...)` lost the template's body,
    tags and caption when the template was chosen in TagDivParser.__new__. Read the way a
    crawl and `scrapy reparse` read it: the extracted and cleaned item."""

    class MySite(TagDivParser):
        title = ("h1.custom-title",)

    site = Site(name="bantennews", base_url="https://www.bantennews.co.id", parser=MySite)
    html = BANTENNEWS.read_text(encoding="utf-8").replace(
        "<article", '<h1 class="custom-title">Judul dari selektor baru</h1><article', 1
    )
    response = HtmlResponse(url=BANTENNEWS_URL, body=html.encode(), encoding="utf-8")
    item = reextract(site_spider(site), {1: response})

    checked = expected(BANTENNEWS)
    assert item["title"] == "Judul dari selektor baru" != checked["title"]
    assert item["body"].split("\n\n") == checked["body"]
    assert item["tags"] == checked["tags"] != []
    assert item["image_caption"] == checked["image_caption"] is not None
    assert item["authors"] == checked["authors"]
    assert item["category"] == checked["category"]
    assert item["published_at"].isoformat() == checked["published_at"]
    assert item["modified_at"].isoformat() == checked["modified_at"]


def test_a_profile_with_templates_cannot_be_built_around_the_factory():
    response = HtmlResponse(url=BANTENNEWS_URL, body=BANTENNEWS.read_bytes(), encoding="utf-8")
    with pytest.raises(TypeError, match="make_parser"):
        TagDivParser(response)
