"""Extraction for WordPress sites without a site file: theme detection, the profiles, the
fallback extractor with the same cleaning as every path, and REST post objects."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import trafilatura
from itemadapter import ItemAdapter
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem
from crawler.pipelines import clean_item
from crawler.reextract import reextract
from crawler.restapi import page_bodies, post_fields
from crawler.spiders import base as spider_base
from crawler.spiders.wordpress import WordPressSpider
from crawler.themes.base import ArticleParser
from crawler.themes.detect import detect_theme
from crawler.themes.fallback import TRAFILATURA_OPTIONS, FallbackParser
from crawler.themes.jnews import JNewsParser
from crawler.themes.page import Page
from crawler.themes.registry import make_parser, templated
from crawler.themes.tagdiv import TagDivClassic, TagDivComposer, TagDivParser
from crawler.themes.wordpress import WordPressParser
from replica import ARTICLES, ReplicaOptions, ReplicaSite, expected
from replica.pages import render_path
from tests.site_fixtures import FIXTURES, extract, fixture_pages

BASE = "https://radartangsel.example"
WORDPRESS_FIXTURES = FIXTURES / "wordpress"
PAGES = json.loads((WORDPRESS_FIXTURES / "pages.json").read_text())
PORTAL = WORDPRESS_FIXTURES / "portal-jembatan-cibaliung-2024-05-20.html"
# What trafilatura keeps and the cleaning rules drop (the portal's editor typed them in).
BOILERPLATE = re.compile(r"BACA JUGA|Baca juga|Google News|WhatsApp Channel|Editor:")


def fixture_response(page: Path) -> HtmlResponse:
    return HtmlResponse(url=PAGES[page.name]["url"], body=page.read_bytes(), encoding="utf-8")


def replica_response(site: ReplicaSite, path: str) -> HtmlResponse:
    return HtmlResponse(url=site.url(path), body=render_path(site, path).encode(), encoding="utf-8")


@pytest.fixture(scope="module")
def tagdiv_site() -> ReplicaSite:
    return ReplicaSite(BASE)


@pytest.fixture(scope="module")
def plain_site() -> ReplicaSite:
    return ReplicaSite(BASE, options=ReplicaOptions(theme="plain"))


# --- detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "parser_class"), [("classic", TagDivClassic), ("composer", TagDivComposer)]
)
def test_both_tagdiv_templates_are_detected(tagdiv_site, template, parser_class):
    article = next(article for article in ARTICLES if article.template == template)
    response = replica_response(tagdiv_site, article.path)
    assert detect_theme(Page.of(response)) == "tagdiv"
    assert type(make_parser(None, response, BASE)) is templated(TagDivParser, parser_class)


def test_plain_wordpress_markup_gets_the_generic_profile(plain_site):
    response = replica_response(plain_site, ARTICLES[0].path)
    assert detect_theme(Page.of(response)) == "wordpress"
    assert type(make_parser(None, response, BASE)) is WordPressParser


def test_each_fixture_page_takes_the_path_its_pages_json_says():
    for name, page in PAGES.items():
        parser = WordPressSpider.parser(fixture_response(WORDPRESS_FIXTURES / name))
        assert WordPressSpider.extraction_for(parser) == page["extraction"], name
    jnews = WORDPRESS_FIXTURES / "jnews-antrean-merak-2024-04-16.html"
    assert type(WordPressSpider.parser(fixture_response(jnews))) is JNewsParser


def test_a_profile_that_finds_no_body_hands_the_page_to_the_fallback(tagdiv_site):
    html = render_path(tagdiv_site, ARTICLES[0].path)
    # A redesign renamed the body container: still tagDiv, but the profile finds no body.
    html = html.replace("td-post-content", "td-post-text")
    response = HtmlResponse(url=BASE + ARTICLES[0].path, body=html.encode(), encoding="utf-8")
    assert detect_theme(Page.of(response)) == "tagdiv"
    parser = make_parser(None, response, BASE)
    assert isinstance(parser, FallbackParser)
    assert "Partai Keadilan Sejahtera" in parser.get_body_html()


def test_a_configured_theme_is_used_without_detection(plain_site):
    response = replica_response(plain_site, ARTICLES[0].path)
    assert isinstance(make_parser("fallback", response, BASE), FallbackParser)
    assert type(make_parser("wordpress", response, BASE)) is WordPressParser


# --- the generic profile and the fallback on the replica ----------------------------------------


def test_generic_profile_reads_every_field_plain_markup_shows(plain_site):
    for article in ARTICLES:
        if len(article.pages) > 1:
            continue  # later pages: tests/test_wordpress_crawl.py
        fields = extract_page(plain_site, article.path, WordPressParser)
        want = expected(article, BASE)
        # Plain themes print no subtitle and no view counter.
        for name in sorted(set(want) - {"subtitle", "view_count", "pages"}):
            assert fields[name] == want[name], f"{article.slug}: {name}"


@pytest.mark.parametrize("theme", ["tagdiv", "plain"])
def test_fallback_extracts_the_replica_articles_as_the_profiles_do(theme):
    site = ReplicaSite(BASE, options=ReplicaOptions(theme=theme))
    fields_checked = ("title", "authors", "category", "tags", "published_at", "image_url", "body")
    for article in ARTICLES:
        if len(article.pages) > 1:
            continue
        fields = extract_page(site, article.path, FallbackParser)
        want = expected(article, BASE)
        for name in fields_checked:
            assert fields[name] == want[name], f"{theme} {article.slug}: {name}"


def extract_page(site: ReplicaSite, path: str, parser_class: type[ArticleParser]) -> dict:
    """The cleaned fields a parser gives for one replica page."""
    item = ArticleItem(**parser_class(replica_response(site, path), BASE).fields())
    clean_item(ItemAdapter(item))
    return dict(item)


# --- the same cleaning on every path ------------------------------------------------------------


def test_trafilatura_alone_keeps_related_links_and_promos_the_cleaning_drops():
    response = fixture_response(PORTAL)
    options = {**TRAFILATURA_OPTIONS, "output_format": "txt", "with_metadata": False}
    raw = trafilatura.extract(response.text, url=response.url, **options)
    assert set(BOILERPLATE.findall(raw)) == {
        "BACA JUGA",
        "Baca juga",
        "Google News",
        "WhatsApp Channel",
        "Editor:",
    }
    stored = extract(PORTAL)  # the fallback path, cleaned as the crawl cleans it
    body = "\n\n".join(stored["body"])
    assert not BOILERPLATE.search(body)
    assert body.startswith("PANDEGLANG – Jembatan gantung")
    assert body.endswith("saat sungai meluap.")


# --- trafilatura's caches -----------------------------------------------------------------------


def test_the_spider_releases_trafilatura_caches_every_n_fallback_pages(monkeypatch):
    released = []
    monkeypatch.setattr(spider_base, "release_caches", lambda: released.append(1))
    crawler = get_crawler(WordPressSpider, {"FALLBACK_RESET_CACHES_EVERY": 3})
    spider = WordPressSpider.from_crawler(crawler, base_url="https://www.wartapandeglang.example")
    parser = WordPressSpider.parser(fixture_response(PORTAL), spider.base_url)
    assert WordPressSpider.extraction_for(parser) == "fallback"
    for _ in range(7):
        spider.extracted(ArticleItem(extraction="fallback"))
    spider.extracted(ArticleItem(extraction="theme"))  # not a trafilatura page
    assert len(released) == 2
    assert crawler.stats.get_value("extraction/fallback") == 7


def test_the_site_is_the_host_unless_named():
    assert WordPressSpider(base_url="https://www.kabar.example").name == "kabar.example"
    assert WordPressSpider(base_url="https://www.kabar.example", name="kabar").name == "kabar"


# --- REST post objects --------------------------------------------------------------------------


def post(content: str, **extra) -> dict:
    return {
        "id": 7,
        "date_gmt": "2024-05-03T14:05:00",
        "modified_gmt": "2024-05-03T14:05:00",
        "link": f"{BASE}/2024/05/03/banjir/",
        "title": {"rendered": "Banjir &#8220;Besar&#8221; di Pondok Aren"},
        "content": {"rendered": content, "protected": False},
        **extra,
    }


def test_rest_content_splits_at_page_breaks_bare_or_wrapped_by_wpautop():
    bare = post("<p>satu</p>\n<!--nextpage-->\n<p>dua</p>\n<!--nextpage-->\n<p>tiga</p>\n")
    wrapped = post("<p>satu</p>\n<p><!--nextpage--></p>\n<p>dua</p>\n")
    assert [page.strip() for page in page_bodies(bare)] == [
        "<p>satu</p>",
        "<p>dua</p>",
        "<p>tiga</p>",
    ]
    assert [page.strip() for page in page_bodies(wrapped)] == ["<p>satu</p>", "<p>dua</p>"]
    assert page_bodies(post("<p>satu</p>")) == ["<p>satu</p>"]


def test_rest_fields_survive_closed_embeds_and_missing_media():
    closed = post(
        "<p>isi</p>",
        _embedded={
            "author": [{"code": "rest_user_invalid_id", "data": {"status": 404}}],
            "wp:featuredmedia": [{"code": "rest_forbidden", "data": {"status": 401}}],
        },
    )
    fields = post_fields(closed, BASE)
    assert fields["authors"] == [] and fields["image_url"] is None
    assert fields["title"] == "Banjir “Besar” di Pondok Aren"
    assert fields["published_at"].isoformat() == "2024-05-03T14:05:00+00:00"
    assert fields["published_at_raw"] == "2024-05-03T14:05:00"
    assert fields["category"] is None and fields["tags"] == []
    assert (fields["subtitle"], fields["comment_count"], fields["view_count"]) == (None,) * 3


@pytest.mark.parametrize(
    "page", fixture_pages(["radartangsel", "bantennews"]), ids=lambda page: page.stem
)
def test_the_site_files_pages_read_the_same_through_theme_detection(page):
    url = json.loads((page.parent / "pages.json").read_text())[page.name]["url"]
    response = HtmlResponse(url=url, body=page.read_bytes(), encoding="utf-8")
    item = reextract(WordPressSpider, {1: response})
    assert item["extraction"] == "theme"
    by_site_file = extract(page)
    for name, value in by_site_file.items():
        if name != "site":
            assert extract_value(name, item[name]) == value, name


def extract_value(name: str, value):
    """A stored value as the fixture JSON writes it."""
    if name == "body":
        return value.split("\n\n") if value else []
    return value.isoformat() if hasattr(value, "isoformat") else value


def test_the_fallback_dates_a_page_without_metadata_by_the_articles_first_time():
    html = """<html><head><title>Banjir</title></head><body>
      <main><time datetime="2024-01-02T08:00:00+07:00">2 Januari 2024</time>
      <article><h1>Banjir di Pandeglang</h1>
        <time datetime="2024-05-20T14:47:00+07:00">Senin, 20 Mei 2024 14:47 WIB</time>
        <p>Hujan deras sejak sore membuat Sungai Cibaliung meluap.</p>
      </article></main></body></html>"""
    response = HtmlResponse(url="https://warta.example/banjir/", body=html, encoding="utf-8")
    published, raw = FallbackParser(response).get_published()
    # the article's own time, not a time of the page around it
    assert raw == "2024-05-20T14:47:00+07:00"
    assert published.isoformat() == "2024-05-20T07:47:00+00:00"
