"""crawler/themes/page.py: one parse, one walk over the lead blocks, and lookups that must give
what parsel's response.css() gives on the same page."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from parsel import Selector
from scrapy.http import HtmlResponse

from crawler.themes.base import SELECTOR_ATTRIBUTES, ArticleParser
from crawler.themes.jnews import JNewsParser
from crawler.themes.page import Lead, Page, compile_selector, parse_page
from crawler.themes.registry import make_parser
from crawler.themes.tagdiv import COMPOSER_PROBE, TagDivClassic, TagDivComposer, TagDivParser
from crawler.themes.wordpress import WordPressParser

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_PAGES = sorted(FIXTURES.glob("*/*.html"))
PARSERS = (TagDivClassic, TagDivComposer, JNewsParser, WordPressParser)


def declared_selectors(parser: type[ArticleParser]) -> list[str]:
    return [css for name in SELECTOR_ATTRIBUTES for css in getattr(parser, name)]


def as_text(matches: list) -> list[str]:
    return [
        match if isinstance(match, str) else etree.tostring(match, encoding="unicode")
        for match in matches
    ]


@pytest.mark.parametrize("path", FIXTURE_PAGES, ids=lambda path: path.name)
@pytest.mark.parametrize("parser", PARSERS, ids=lambda parser: parser.__name__)
def test_every_declared_selector_finds_what_parsel_finds(path, parser):
    html = path.read_bytes()
    response = HtmlResponse(url="https://example.com/a/", body=html, encoding="utf-8")
    page = Page.of(response, parser.leads())
    reference = Selector(text=html.decode("utf-8"))
    for css in declared_selectors(parser):
        expected = [found.root for found in reference.css(css)]
        assert as_text(page.select(css)) == as_text(expected), css


@pytest.mark.parametrize("parser", PARSERS, ids=lambda parser: parser.__name__)
def test_the_comparison_above_is_not_vacuous(parser):
    matched = set()
    for path in FIXTURE_PAGES:
        response = HtmlResponse(url="https://example.com/a/", body=path.read_bytes())
        page = Page.of(response, parser.leads())
        matched |= {css for css in declared_selectors(parser) if page.select(css)}
    # each profile finds a title and a body on the fixture pages of its theme
    assert matched & set(parser.title)
    assert matched & set(parser.body)


def test_selectors_are_split_at_their_first_compound():
    (header_title,) = compile_selector("div.td-post-header h1.entry-title")
    assert header_title.lead == Lead("div", frozenset({"td-post-header"}))
    (any_tag,) = compile_selector(".entry-header.jeg_meta > a::attr(href)")
    assert any_tag.lead == Lead(None, frozenset({"entry-header", "jeg_meta"}))
    (no_class,) = compile_selector("article h1.entry-title")
    assert no_class.lead is None  # a tag-led XPath over the document: cheap without classes
    assert len(compile_selector(COMPOSER_PROBE)) == 2


def test_a_lead_nested_in_itself_yields_each_match_once_in_document_order():
    html = b"""<html><body>
      <div class="box"><p>one</p><div class="box"><p>two</p></div><p>three</p></div>
    </body></html>"""
    page = Page.of(HtmlResponse(url="https://example.com/", body=html, encoding="utf-8"))
    assert [p.text for p in page.select("div.box p")] == ["one", "two", "three"]
    parsel = Selector(text=html.decode()).css("div.box p::text").getall()
    assert parsel == ["one", "two", "three"]


def test_an_undeclared_lead_is_still_found():
    html = b'<html><body><section class="later"><b>x</b></section></body></html>'
    page = Page.of(
        HtmlResponse(url="https://example.com/", body=html, encoding="utf-8"),
        leads=frozenset({Lead("div", frozenset({"other"}))}),
    )
    assert [b.text for b in page.select("section.later b")] == ["x"]


def test_a_page_in_another_encoding_reads_as_scrapy_decodes_it():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Pemkab Serang · café</p>'
    response = HtmlResponse(url="https://example.com/", body=html.encode("cp1252"))
    assert response.encoding == "cp1252"
    assert parse_page(response).find(".//p").text == "Pemkab Serang · café"


def test_nul_bytes_and_empty_bodies_do_not_break_the_parse():
    with_nul = HtmlResponse(
        url="https://example.com/", body=b"<html><body><p>a\x00b</p></body></html>"
    )
    assert parse_page(with_nul).find(".//p").text == "ab"
    empty = HtmlResponse(url="https://example.com/", body=b"  ")
    assert parse_page(empty).tag == "html"


def test_links_are_read_against_the_base_href_and_canonical_rel_tokens():
    html = b"""<html><head>
      <base href="https://cdn.radartangsel.com/media/">
      <link rel="alternate" href="https://radartangsel.com/feed/">
      <link rel="Canonical" href="https://radartangsel.com/2024/05/03/judul/">
      <meta property="og:image" content="foto/banjir.jpg">
    </head><body class="single"></body></html>"""
    parser = make_parser(
        TagDivParser, HtmlResponse(url="https://radartangsel.com/?p=5", body=html, encoding="utf-8")
    )
    assert parser.canonical_url() == "https://radartangsel.com/2024/05/03/judul/"
    assert parser.get_image_url() == "https://cdn.radartangsel.com/media/foto/banjir.jpg"
