"""crawler/structured.py: JSON-LD and microdata through extruct, on the tree parsed once, in
their common shapes; the <meta> conventions table; and how the parser base reads them."""

from __future__ import annotations

import json

import extruct.jsonld
import extruct.w3cmicrodata
import pytest
from lxml import etree
from scrapy.http import HtmlResponse

from crawler.structured import (
    _microdata_extractor,
    article_node,
    jsonld_names,
    jsonld_nodes,
    meta_index,
    meta_values,
    microdata_article,
    microdata_nodes,
    node_types,
    twitter_writers,
)
from crawler.themes.fallback import FallbackParser
from crawler.themes.page import parse_page
from crawler.themes.wordpress import WordPressParser

URL = "https://news.example.co.id/read/1"


def root_of(html: str) -> etree._Element:
    return parse_page(HtmlResponse(url=URL, body=html.encode(), encoding="utf-8"))


def script(text: str) -> str:
    return f'<html><head><script type="application/ld+json">{text}</script></head></html>'


def parser(head: str, body: str = "<p>Teks.</p>") -> FallbackParser:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return FallbackParser(HtmlResponse(url=URL, body=html.encode(), encoding="utf-8"))


# --- JSON-LD: the shapes -------------------------------------------------------------------------


def test_yoast_graph_is_flattened_and_the_author_pointer_followed():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://qoala.app/id/blog/#webpage"},
            {
                "@type": "Article",
                "headline": "Cara Mendapatkan Followers Instagram Gratis",
                "author": {"@id": "https://qoala.app/id/#/schema/person/1"},
                "datePublished": "2021-04-30T03:52:09+00:00",
            },
            {"@type": "Person", "@id": "https://qoala.app/id/#/schema/person/1", "name": "Razan"},
        ],
    }
    nodes = jsonld_nodes(root_of(script(json.dumps(graph))))
    article = article_node(nodes)
    assert article["datePublished"] == "2021-04-30T03:52:09+00:00"
    assert jsonld_names(article["author"], nodes) == ["Razan"]


def test_a_top_level_array_and_a_type_list_and_a_type_url():
    items = [
        {"@type": "BreadcrumbList"},
        {"@type": ["NewsArticle", "Article"], "headline": "IHSG Tembus 9.000"},
    ]
    article = article_node(jsonld_nodes(root_of(script(json.dumps(items)))))
    assert article["headline"] == "IHSG Tembus 9.000"
    assert node_types({"@type": "http://schema.org/NewsArticle"}) == {"NewsArticle"}
    assert node_types({"@type": "schema:BlogPosting"}) == {"BlogPosting"}


def test_the_article_as_a_webpages_main_entity():
    page = {
        "@type": "WebPage",
        "mainEntity": {"@type": "NewsArticle", "headline": "Gardu Induk Milenium Beroperasi"},
    }
    article = article_node(jsonld_nodes(root_of(script(json.dumps(page)))))
    assert article["headline"] == "Gardu Induk Milenium Beroperasi"


@pytest.mark.parametrize(
    ("author", "names"),
    [
        ("Indriyani Astuti", ["Indriyani Astuti"]),
        ({"@type": "Person", "name": "Indriyani Astuti"}, ["Indriyani Astuti"]),
        (
            [{"@type": "Person", "name": "Silvanus Alvin"}, {"name": "Hanz Jimenez Salim"}],
            ["Silvanus Alvin", "Hanz Jimenez Salim"],
        ),
        ({"@type": "Organization", "url": "https://example.com"}, []),
    ],
)
def test_author_as_string_object_or_list(author, names):
    assert jsonld_names(author) == names


# --- JSON-LD: what real plugins emit broken -----------------------------------------------------


def test_raw_newlines_and_tabs_inside_strings_are_read():
    # json.loads refuses control characters in strings; WordPress plugins print the body raw
    text = '{"@type": "NewsArticle", "headline": "Pemkab Serang", "articleBody": "SERANG –\n\tX"}'
    assert article_node(jsonld_nodes(root_of(script(text))))["headline"] == "Pemkab Serang"


def test_trailing_commas_are_read():
    text = '{"@type": "NewsArticle", "headline": "Ketua DPRD Sumut", "author": ["Issha",],}'
    assert article_node(jsonld_nodes(root_of(script(text))))["headline"] == "Ketua DPRD Sumut"


@pytest.mark.parametrize("comment", ["<!-- Schema by a SEO plugin -->", "// schema"])
def test_a_leading_comment_line_is_read(comment):
    text = f'{comment}\n{{"@type": "NewsArticle", "headline": "Thailand Butuh Empat Hari"}}'
    assert article_node(jsonld_nodes(root_of(script(text))))["headline"] == (
        "Thailand Butuh Empat Hari"
    )


def test_an_unreadable_block_is_skipped_and_the_next_one_read():
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '</script><script type="application/ld+json">{"@type": "NewsArticle", "headline": "B"}'
        "</script></head></html>"
    )
    assert [node["headline"] for node in jsonld_nodes(root_of(html))] == ["B"]


# --- microdata ------------------------------------------------------------------------------------

ANTARA_MICRODATA = """<html><body>
<div itemscope itemtype="http://schema.org/NewsArticle">
  <h1 itemprop="headline">29 penerbangan Bandara Internasional Lombok dibatalkan</h1>
  <meta itemprop="datePublished" content="2015-11-05T14:56:43+07:00">
  <span itemprop="author">Nur Imansyah</span>
  <div itemprop="articleBody"><p>Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan
  dibatalkan.</p><script>var x = 1;</script></div>
  <span itemprop="editor">Ade Marboen</span>
</div>
<ul><li itemscope itemtype="http://schema.org/WebPage"><a itemprop="relatedLink" href="/b">B</a>
</li></ul></body></html>"""


def test_a_microdata_article_in_jsonlds_shape():
    article = microdata_article(microdata_nodes(root_of(ANTARA_MICRODATA), URL))
    assert node_types(article) == {"NewsArticle"}
    assert article["headline"] == "29 penerbangan Bandara Internasional Lombok dibatalkan"
    assert article["datePublished"] == "2015-11-05T14:56:43+07:00"
    assert jsonld_names(article["author"]) == ["Nur Imansyah"]
    # the text of a property, scripts aside, on the plain lxml tree (no lxml.html Cleaner)
    assert article["articleBody"] == (
        "Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan dibatalkan."
    )


def test_a_microdata_person_without_properties_is_named_by_its_text():
    html = (
        '<div itemscope itemtype="https://schema.org/Article"><span itemprop="author" itemscope '
        'itemtype="https://schema.org/Person">Sugeng Siswantro</span></div>'
    )
    article = microdata_article(microdata_nodes(root_of(html), URL))
    assert jsonld_names(article["author"]) == ["Sugeng Siswantro"]


def test_microdata_teasers_are_no_article():
    teaser = (
        '<div itemscope itemtype="http://schema.org/NewsArticle">'
        '<a itemprop="headline">{}</a></div>'
    )
    html = teaser.format("Berita lain") + teaser.format("Berita lain lagi")
    assert microdata_article(microdata_nodes(root_of(html), URL)) == {}


def test_the_microdata_date_counts_when_json_ld_and_meta_give_none():
    page = parser("", ANTARA_MICRODATA.removeprefix("<html><body>").removesuffix("</body></html>"))
    assert page.get_published()[0].isoformat() == "2015-11-05T07:56:43+00:00"
    assert page.get_authors() == ["Nur Imansyah"]


# --- the <meta> conventions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "field", "value"),
    [
        ('<meta property="article:published_time" content="2021-10-01T02:00:52+00:00">',
         "published", "2021-10-01T02:00:52+00:00"),
        ('<meta property="og:article:published_time" content="2015-06-19T03:40:00+07:00">',
         "published", "2015-06-19T03:40:00+07:00"),
        ('<meta name="DC.date.issued" content="2016-02-23">', "published", "2016-02-23"),
        ('<meta name="dc.date" content="2015-06-19T03:40:00+07:00">',
         "loosely_published", "2015-06-19T03:40:00+07:00"),
        ('<meta name="dcterms.created" content="2016-02-23T10:15:00+07:00">',
         "published", "2016-02-23T10:15:00+07:00"),
        ('<meta name="parsely-pub-date" content="2020-06-26T06:58:07Z">',
         "published", "2020-06-26T06:58:07Z"),
        ('<meta name="sailthru.date" content="2020-06-26 13:58:07">',
         "published", "2020-06-26 13:58:07"),
        ('<meta name="pubdate" content="2015-11-05 T10:08:58Z">',
         "published", "2015-11-05 T10:08:58Z"),
        ('<meta name="publishdate" content="2015-11-05 10:08:58">',
         "published", "2015-11-05 10:08:58"),
        ('<meta name="date" content="2015-06-19T03:40:00+07:00">',
         "loosely_published", "2015-06-19T03:40:00+07:00"),
        ('<meta name="citation_publication_date" content="Jumat, 1 Oktober 2021">',
         "published", "Jumat, 1 Oktober 2021"),
        ('<meta property="article:modified_time" content="2021-10-01T02:01:38+00:00">',
         "modified", "2021-10-01T02:01:38+00:00"),
        ('<meta property="og:updated_time" content="2021-09-08T08:32:37+00:00">',
         "modified", "2021-09-08T08:32:37+00:00"),
        ('<meta name="Author" content="Kimberly Stephanie">', "author", "Kimberly Stephanie"),
        ('<meta name="parsely-author" content="Razan Izazi">', "author", "Razan Izazi"),
        ('<meta name="sailthru.author" content="Razan Izazi">', "author", "Razan Izazi"),
        ('<meta name="DC.creator" content="Ramadhian Fadillah">', "author", "Ramadhian Fadillah"),
        ('<meta name="citation_author" content="Kimberly Stephanie">',
         "author", "Kimberly Stephanie"),
        ('<meta name="parsely-title" content="IHSG Tembus 9.000">', "title", "IHSG Tembus 9.000"),
        ('<meta property="article:section" content="Ekonomi">', "section", "Ekonomi"),
    ],
)  # fmt: skip
def test_each_meta_convention_is_read(tag, field, value):
    assert meta_values(meta_index(root_of(f"<html><head>{tag}</head></html>")), field) == [value]


def test_parsely_page_json_gives_date_writers_and_title():
    data = {"title": "IHSG Tembus 9.000", "pub_date": "2026-01-08T13:19:00Z", "authors": ["A", "B"]}
    tag = f"<meta name='parsely-page' content='{json.dumps(data)}'>"
    metas = meta_index(root_of(f"<html><head>{tag}</head></html>"))
    assert meta_values(metas, "published") == ["2026-01-08T13:19:00Z"]
    assert meta_values(metas, "author") == ["A", "B"]
    assert meta_values(metas, "title") == ["IHSG Tembus 9.000"]


def test_twitter_data_is_a_writer_only_under_a_writers_label():
    tags = (
        '<meta name="twitter:label1" content="Ditulis oleh">'
        '<meta name="twitter:data1" content="Razan Izazi">'
        '<meta name="twitter:label2" content="Estimasi waktu membaca">'
        '<meta name="twitter:data2" content="4 menit">'
    )
    assert twitter_writers(meta_index(root_of(f"<html><head>{tags}</head></html>"))) == [
        "Razan Izazi"
    ]


def test_a_meta_author_that_is_a_profile_url_gives_way_to_the_next_convention():
    page = parser(
        '<meta property="article:author" content="https://www.facebook.com/detikdotcom">'
        '<meta name="parsely-author" content="Fino Yurio Kristo">'
    )
    assert page.get_authors() == ["Fino Yurio Kristo"]


def test_an_unparseable_meta_date_gives_way_to_the_next_convention():
    page = parser(
        '<meta property="article:published_time" content="tidak ada">'
        '<meta name="DC.date.issued" content="2015-06-19T03:40:00+07:00">'
    )
    assert page.get_published()[0].isoformat() == "2015-06-18T20:40:00+00:00"


def test_a_structured_date_the_date_line_shows_to_the_minute_keeps_its_seconds():
    # BantenNews (tagDiv): microdata "2021-12-27T16:12:03+07:00", line "Senin 27 Des 2021 16:12 WIB"
    page = parser(
        '<meta name="dc.date.issued" content="2021-12-27T16:12:03+07:00">',
        "<h1>Pemkab Serang Pastikan Pelayanan Hotel</h1><span>Senin 27 Des 2021 16:12 WIB</span>",
    )
    assert page.get_published()[0].isoformat() == "2021-12-27T09:12:03+00:00"


def test_a_javascript_date_writing_the_wib_wall_time_as_gmt_loses_to_the_date_line():
    # the kind: JSON-LD "Mon Nov 01 2021 07:08:56 GMT+0000" over a line "07:08 WIB"
    page = parser(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Harga Emas Turun", "datePublished": "Mon Nov 01 2021 07:08:56 GMT+0000"}</script>',
        "<h1>Harga Emas Turun</h1><span>Senin, 1 November 2021 07:08 WIB</span><p>Teks.</p>",
    )
    assert page.get_published()[0].isoformat() == "2021-11-01T00:08:00+00:00"


def test_extruct_reads_the_tree_parsed_once(monkeypatch):
    def parse_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("extruct parsed the page a second time")

    monkeypatch.setattr(extruct.jsonld, "parse_html", parse_again)
    monkeypatch.setattr(extruct.w3cmicrodata, "parse_html", parse_again)
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A"}</script>'
    page = parser(
        head, ANTARA_MICRODATA.removeprefix("<html><body>").removesuffix("</body></html>")
    )
    assert page.jsonld_article["headline"] == "A"
    assert page.microdata_article["datePublished"] == "2015-11-05T14:56:43+07:00"


def test_a_bare_meta_date_comes_after_the_themes_own_date_element():
    # a CMS that writes the page's generation time into <meta name="date">
    html = (
        '<html><head><meta name="date" content="2024-05-02T10:00:00+07:00"></head>'
        "<body class='single'><article><h1 class='entry-title'>Pemkab Serang</h1>"
        "<time class='entry-date' datetime='2021-12-27T16:12:03+07:00'>27 Des 2021</time>"
        "<div class='entry-content'><p>Teks.</p></div></article></body></html>"
    )
    page = WordPressParser(HtmlResponse(url=URL, body=html.encode(), encoding="utf-8"))
    assert page.get_published()[0].isoformat() == "2021-12-27T09:12:03+00:00"


# --- hostile structured data ---------------------------------------------------------------------


def test_json_nested_thousands_deep_is_skipped_and_the_rest_read():
    deep = "[" * 5000
    html = (
        f'<html><head><script type="application/ld+json">{deep}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "B"}</script>'
        f"<meta name=\"parsely-page\" content='{deep}'>"
        '<meta name="parsely-pub-date" content="2024-03-05T07:45:00+07:00"></head></html>'
    )
    root = root_of(html)
    assert [node["headline"] for node in jsonld_nodes(root)] == ["B"]
    assert meta_values(meta_index(root), "published") == ["2024-03-05T07:45:00+07:00"]


def test_microdata_scopes_are_read_without_walking_the_whole_page(monkeypatch):
    # extruct numbers every item of the page before reading a scope: per scope, a walk of the
    # page, quadratic in a listing of a thousand marked-up teasers
    extractor = _microdata_extractor()
    walked: list[etree._Element] = []
    find_items = extractor._xp_item
    monkeypatch.setattr(extractor, "_xp_item", lambda node: walked.append(node) or find_items(node))
    teaser = '<div itemscope itemtype="http://schema.org/NewsArticle"><b itemprop="headline">x</b>'
    root = root_of(f"<html><body>{teaser * 3}{'</div>' * 3}{teaser}</div></body></html>")
    nodes = microdata_nodes(root, URL)
    assert root not in walked
    assert [node_types(node) for node in nodes if "headline" in node] == [{"NewsArticle"}] * 4
