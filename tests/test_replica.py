"""The replica site over real HTTP on 127.0.0.1: routes, discovery endpoints, options,
broken pages, and that its markup and its ground truth (`expected`) agree."""

from __future__ import annotations

import html
import http.client
import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import lxml.html
import pytest

from replica import (
    ARTICLES,
    ReplicaOptions,
    ReplicaServer,
    ReplicaSite,
    expected,
    generate_articles,
)
from replica.articles import BANJIR, BEDAH_RUMAH, CISADANE, PERDA_TIBUM, SEED
from replica.content import clean_text
from replica.model import Boilerplate, Figure, Paragraph, Subheading
from replica.pages import render_article

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BOILERPLATE_PHRASES = (
    "BACA JUGA",
    "Baca juga",
    "Baca Juga",
    "BERITA TERKAIT",
    "ARTIKEL TERKAIT",
    "Editor:",
    "Penulis:",
    "Reporter",
    "Grup Telegram",
    "WhatsApp Channel",
    "Google News",
    "Advertisement",
    "TINGGALKAN KOMENTAR",
)


@dataclass
class Fetched:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str) -> Fetched:
    try:
        with _OPENER.open(url, timeout=10) as response:
            return Fetched(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.headers, error.read())


@pytest.fixture(scope="module")
def server():
    with ReplicaServer(extra_articles=80, options=ReplicaOptions(posts_per_sitemap=40)) as s:
        yield s


def sitemap_locs(url: str) -> list[str]:
    root = ET.fromstring(fetch(url).body)
    return [loc.text for loc in root.iterfind(".//sm:loc", SITEMAP_NS)]


def post_sitemap_locs(base_url: str, index_path: str = "/sitemap_index.xml") -> list[str]:
    locs: list[str] = []
    for sitemap in sitemap_locs(base_url + index_path):
        if re.search(r"/(post-sitemap\d*|wp-sitemap-posts-post-\d+)\.xml$", sitemap):
            locs += sitemap_locs(sitemap)
    return locs


def naive_lines(element) -> list[str]:
    """Text as the seed's extractor saw it: scripts, styles and inline-hidden nodes dropped,
    stylesheet-hidden nodes (the comment-form warnings) kept."""
    for node in element.xpath(".//script|.//style|.//*[contains(@style, 'display:none')]"):
        node.drop_tree()
    return [line.strip() for line in element.text_content().split("\n") if line.strip()]


def is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(any(needle == line for line in remaining) for needle in needles)


# --- routes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "content_type"),
    [
        ("/", 200, "text/html"),
        ("/page/2/", 200, "text/html"),
        (SEED.path, 200, "text/html"),
        (BEDAH_RUMAH.path + "2/", 200, "text/html"),
        (CISADANE.path + "3/", 200, "text/html"),
        ("/category/tangsel/", 200, "text/html"),
        ("/category/tangsel/page/2/", 200, "text/html"),
        ("/tag/korea-utara/", 200, "text/html"),
        ("/author/ahmad-rifai/", 200, "text/html"),
        ("/redaksi/", 200, "text/html"),
        ("/pedoman-media-siber/", 200, "text/html"),
        ("/feed/", 200, "application/rss+xml"),
        ("/category/politik/feed/", 200, "application/rss+xml"),
        ("/robots.txt", 200, "text/plain"),
        ("/sitemap_index.xml", 200, "text/xml"),
        ("/post-sitemap.xml", 200, "text/xml"),
        ("/post-sitemap2.xml", 200, "text/xml"),
        ("/page-sitemap.xml", 200, "text/xml"),
        ("/category-sitemap.xml", 200, "text/xml"),
        ("/author-sitemap.xml", 200, "text/xml"),
        ("/wp-json/wp/v2/posts", 401, "application/json"),
        ("/tidak-ada-halaman-ini/", 404, "text/html"),
        ("/category/tidak-ada/", 404, "text/html"),
        (BEDAH_RUMAH.path + "3/", 404, "text/html"),
        ("/page/999/", 404, "text/html"),
        ("/wp-sitemap.xml", 404, "text/html"),
    ],
)
def test_routes_answer_with_status_and_content_type(server, path, status, content_type):
    response = fetch(server.url + path)
    assert response.status == status
    assert response.headers["Content-Type"].startswith(content_type)


def test_unknown_path_gets_the_theme_404_page(server):
    response = fetch(server.url + "/2020/01/01/hilang/")
    assert response.status == 404
    assert "Ooops ... Kesalahan 404" in response.text
    assert "error404" in response.text


def test_wordpress_canonical_redirects(server):
    article = BEDAH_RUMAH
    cases = {
        article.path.rstrip("/"): article.path,  # trailing slash added
        article.path + "1/": article.path,  # page 1 is the permalink itself
        "/1999/01/01/" + article.slug + "/": article.path,  # wrong date
        f"/?p={article.post_id}": article.path,  # shortlink
        "/page/1/": "/",
    }
    for source, target in cases.items():
        response = fetch(server.url + source)
        assert response.status == 301, source
        assert response.headers["Location"] == server.url + target


def test_server_address_and_site(server):
    assert server.url == f"http://127.0.0.1:{server.port}"
    assert server.site.base_url == server.url
    assert len(server.site.posts) == len(ARTICLES) + 80


def test_with_a_public_url_the_server_answers_as_a_proxy_for_that_address_only():
    public = "http://radartangsel.replica"
    with ReplicaServer(public_url=public) as proxied:
        assert proxied.site.base_url == public
        through = urllib.request.build_opener(
            urllib.request.ProxyHandler({"http": proxied.url}), _NoRedirect
        )
        with through.open(public + "/robots.txt", timeout=10) as response:
            assert f"Sitemap: {public}/sitemap_index.xml" in response.read().decode()
        with through.open(public + SEED.path, timeout=10) as response:
            assert f'<link rel="canonical" href="{public}{SEED.path}"' in response.read().decode()
        with pytest.raises(urllib.error.HTTPError) as refused:
            through.open("http://example.com/", timeout=10)
        assert refused.value.code == 502  # never fetched from elsewhere
        assert fetch(proxied.url + SEED.path).status == 200  # direct requests still work


# --- discovery: robots, sitemaps, feed, listings ----------------------------------------------


def test_robots_lists_the_sitemap_index(server):
    robots = fetch(server.url + "/robots.txt").text
    assert f"Sitemap: {server.url}/sitemap_index.xml" in robots.splitlines()
    assert "Disallow: /wp-admin/" in robots.splitlines()


def test_post_sitemaps_list_every_article_once_plus_the_broken_pages(server):
    site = server.site
    locs = post_sitemap_locs(server.url)
    assert len(locs) == len(set(locs))
    broken = set(site.broken_urls.values())
    assert broken <= set(locs)
    assert sorted(set(locs) - broken) == sorted(site.article_urls())
    assert len(sitemap_locs(server.url + "/sitemap_index.xml")) >= 3 + 4  # split by 40


def test_sitemap_lastmod_carries_an_offset(server):
    xml = fetch(server.url + "/post-sitemap.xml").text
    stamps = re.findall(r"<lastmod>([^<]+)</lastmod>", xml)
    assert stamps and all(stamp.endswith("+07:00") for stamp in stamps)
    index = fetch(server.url + "/sitemap_index.xml").text
    assert all(s.endswith("Z") for s in re.findall(r"<lastmod>([^<]+)</lastmod>", index))


def test_sitemaps_without_broken_pages_list_exactly_the_articles():
    with ReplicaServer(options=ReplicaOptions(broken_pages=False)) as server:
        locs = post_sitemap_locs(server.url)
        assert sorted(locs) == sorted(server.site.article_urls())
        assert server.site.broken_paths == {}
        assert fetch(server.url + BANJIR.path).status == 200


def test_wp_core_sitemap_replaces_yoast():
    with ReplicaServer(options=ReplicaOptions(wp_core_sitemap=True)) as server:
        robots = fetch(server.url + "/robots.txt").text
        assert f"Sitemap: {server.url}/wp-sitemap.xml" in robots
        assert fetch(server.url + "/sitemap_index.xml").status == 404
        locs = post_sitemap_locs(server.url, "/wp-sitemap.xml")
        broken = set(server.site.broken_urls.values())
        assert sorted(set(locs) - broken) == sorted(server.site.article_urls())
        assert "<lastmod>" not in fetch(server.url + "/wp-sitemap-posts-post-1.xml").text


def test_feed_has_the_ten_newest_posts(server):
    root = ET.fromstring(fetch(server.url + "/feed/").body)
    items = root.findall("./channel/item")
    newest = server.site.posts[:10]
    assert [item.findtext("link") for item in items] == [server.url + a.path for a in newest]
    for item, article in zip(items, newest, strict=True):
        assert parsedate_to_datetime(item.findtext("pubDate")) == article.published
        assert item.findtext("title") == article.title


def _listing_links(html: str, base_url: str) -> tuple[list[str], str | None]:
    doc = lxml.html.fromstring(html)
    links = doc.cssselect(".td-main-content h3.entry-title.td-module-title a")
    following = doc.xpath("//div[contains(@class,'page-nav')]/a[i[@class='td-icon-menu-right']]")
    return [a.get("href") for a in links], following[0].get("href") if following else None


def test_category_pagination_covers_every_post_of_the_category(server):
    site = server.site
    url, seen, pages = server.url + "/category/tangsel/", [], 0
    while url:
        html = fetch(url).text
        pages += 1
        links, url = _listing_links(html, server.url)
        seen += links
    expected_urls = [server.url + a.path for a in site.in_category("tangsel")]
    assert seen == expected_urls
    assert pages == -(-len(expected_urls) // 10) and pages > 1
    first = fetch(server.url + "/category/tangsel/").text
    assert f"Halaman 1 dari {pages}</span>" in first
    assert 'class="last"' in first or pages <= 3


def test_listing_items_carry_dates(server):
    doc = lxml.html.fromstring(fetch(server.url + "/").text)
    times = doc.cssselect(".td-main-content time.entry-date[datetime]")
    assert len(times) >= 10
    datetime.fromisoformat(times[0].get("datetime"))


# --- articles ---------------------------------------------------------------------------------


def test_seed_page_naive_text_contains_the_seed_lines(server, seed_text):
    doc = lxml.html.fromstring(fetch(server.url + SEED.path).text)
    seed_lines = [line for line in seed_text.split("\n") if line]
    header = naive_lines(doc.cssselect("header.td-post-title")[0])
    assert is_subsequence(seed_lines[:3], header)  # title, comment count 0, view count 205
    content = naive_lines(doc.cssselect("div.td-post-content")[0])
    comments = naive_lines(doc.cssselect("div.comments#comments")[0])
    assert is_subsequence(seed_lines[3:], content + comments)


def test_seed_expected_values_match_the_seed(server, seed_text):
    truth = expected(SEED, server.url)
    lines = [line for line in seed_text.split("\n") if line]
    body_lines = lines[lines.index(next(x for x in lines if x.startswith("RADAR"))) :]
    body_lines = body_lines[: body_lines.index("TINGGALKAN KOMENTAR")]
    body_lines = [clean_text(line) for line in body_lines if not line.startswith("BACA JUGA")]
    assert truth["body"] == "\n\n".join(body_lines)
    assert truth["image_caption"] == lines[3] and truth["image_caption"].endswith(
        "(foto: istimewa)"
    )
    assert (truth["comment_count"], truth["view_count"]) == (0, 205)
    assert truth["title"] == lines[0]
    assert truth["published_at"] == datetime(2023, 12, 7, 7, 32, 10, tzinfo=UTC)
    assert truth["url"] == server.url + SEED.path


def test_expected_bodies_keep_content_and_drop_boilerplate():
    bodies = {article.slug: expected(article, "http://x")["body"] for article in ARTICLES}
    for body in bodies.values():
        for phrase in BOILERPLATE_PHRASES:
            assert phrase not in body
        assert "\u00a0" not in body and "  " not in body
    perda = bodies[PERDA_TIBUM.slug]
    assert "mengajak warga membaca juga peraturan daerah" in perda
    assert "Ia enggan memberikan komentar terkait" in perda
    assert "seorang penulis buku sejarah" in perda
    assert "“Bukan untuk Menakut-nakuti”" in expected(PERDA_TIBUM, "http://x")["title"]


def _rendered_text(site: ReplicaSite, article, page: int) -> str:
    doc = lxml.html.fromstring(render_article(site, article, page))
    content = doc.cssselect(".td-post-content")[0]
    return clean_text(content.text_content())


def test_every_expected_paragraph_is_on_the_rendered_pages():
    site = ReplicaSite("http://127.0.0.1:9", extra_articles=30)
    for article in site.articles():
        rendered = " ".join(
            _rendered_text(site, article, page) for page in range(1, len(article.pages) + 1)
        )
        for paragraph in expected(article, site.base_url)["body"].split("\n\n"):
            assert paragraph in rendered, (article.slug, paragraph)


def test_classic_markup_follows_the_theme(server):
    doc = lxml.html.fromstring(fetch(server.url + BEDAH_RUMAH.path).text)
    assert "single-post" in doc.body.get("class")
    assert f"postid-{BEDAH_RUMAH.post_id}" in doc.body.get("class")
    article = doc.cssselect("article.post")[0]
    assert article.cssselect("ul.td-category li.entry-category a")[0].text == "Tangsel"
    assert article.cssselect("p.td-post-sub-title")[0].text == BEDAH_RUMAH.subtitle
    assert article.cssselect(".td-post-author-name .td-author-by")[0].text == "Penulis"
    time = article.cssselect("span.td-post-date time.entry-date.updated.td-module-date")[0]
    assert datetime.fromisoformat(time.get("datetime")) == BEDAH_RUMAH.published
    assert time.text.endswith("WIB")
    views = article.cssselect(f".td-post-views span.td-nr-views-{BEDAH_RUMAH.post_id}")[0]
    assert views.text == str(BEDAH_RUMAH.view_count)
    content = article.cssselect("div.td-post-content.tagdiv-type")[0]
    assert content[0].get("class") == "td-post-featured-image"  # featured image first
    assert content.cssselect("div.td-a-rec.td-a-rec-id-content_inline")
    tags = article.cssselect("ul.td-tags li")
    assert tags[0].text_content() == "TOPIK"
    assert [li.text_content() for li in tags[1:]] == BEDAH_RUMAH.tags
    page_nav = article.cssselect("footer div.page-nav.page-nav-post a")
    assert page_nav[0].get("href") == server.url + BEDAH_RUMAH.path + "2/"
    related = doc.cssselect("div.td_block_related_posts h4.td-related-title a")
    assert [a.text for a in related] == ["ARTIKEL TERKAIT", "DARI PENULIS"]
    assert doc.cssselect("div.td_block_related_posts img[data-img-url]")[0].get("src") == ""
    assert doc.cssselect("#respond h3#reply-title")[0].text.strip() == "TINGGALKAN KOMENTAR"
    assert doc.cssselect("input#submit")[0].get("value") == "Kirim Komentar"


def test_head_carries_yoast_metadata(server):
    doc = lxml.html.fromstring(fetch(server.url + SEED.path).text)

    def meta(prop: str) -> str:
        return doc.xpath(f"//meta[@property='{prop}' or @name='{prop}']/@content")[0]

    assert doc.xpath("//link[@rel='canonical']/@href") == [server.url + SEED.path]
    assert meta("og:type") == "article"
    assert meta("og:image") == SEED.image.url(server.url)
    assert datetime.fromisoformat(meta("article:published_time")) == SEED.published
    assert meta("article:published_time").endswith("+07:00")
    assert meta("author") == "Ahmad Rifai Hasan"
    graph = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)["@graph"]
    news = next(node for node in graph if node["@type"] == "NewsArticle")
    assert datetime.fromisoformat(news["datePublished"]) == SEED.published
    assert news["articleSection"] == ["Internasional"] and news["keywords"] == SEED.tags
    rss = doc.xpath("//link[@type='application/rss+xml']/@href")
    assert server.url + "/feed/" in rss


def test_later_page_is_its_own_canonical(server):
    url = server.url + BEDAH_RUMAH.path + "2/"
    doc = lxml.html.fromstring(fetch(url).text)
    assert doc.xpath("//link[@rel='canonical']/@href") == [url]
    assert not doc.cssselect(".td-post-featured-image")
    current = doc.cssselect("div.page-nav.page-nav-post span.current")[0]
    assert current.text_content() == "2"


def test_composer_markup_and_pagination(server):
    first = lxml.html.fromstring(fetch(server.url + CISADANE.path).text)
    second = lxml.html.fromstring(fetch(server.url + CISADANE.path + "2/").text)
    assert first.cssselect(".tdb_title h1.tdb-title-text")[0].text == CISADANE.title
    assert first.cssselect(".tdb_single_author a.tdb-author-name")[0].text == "Ahmad Rifai Hasan"
    assert first.cssselect(".tdb_single_categories a.tdb-entry-category")[0].text_content() == (
        CISADANE.category.name
    )
    assert first.cssselect(".tdb_single_featured_image figcaption.tdb-caption-text")
    nav = first.cssselect(".tdb_single_content .tdb-block-inner div.page-nav.page-nav-post a")
    assert [a.get("href") for a in nav] == [
        server.url + CISADANE.path + "2/",
        server.url + CISADANE.path + "3/",
    ]

    def content_id(doc) -> str:
        classes = doc.cssselect("div.tdb_single_content")[0].get("class").split()
        return next(name for name in classes if name.startswith("tdi_"))

    assert content_id(first) != content_id(second)


def test_date_only_visible_article_has_no_machine_readable_date(server):
    html = fetch(server.url + BANJIR.path).text
    doc = lxml.html.fromstring(html)
    date = doc.cssselect(".tdb_single_date time")[0]
    assert date.get("datetime") is None
    assert date.text == "Jum'at, 3 Mei 2024 21:05 WIB"
    assert "article:published_time" not in html
    graph = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)["@graph"]
    assert not any("datePublished" in node for node in graph)


def test_article_without_author_shows_none(server):
    html = fetch(server.url + PERDA_TIBUM.path).text
    doc = lxml.html.fromstring(html)
    assert not doc.cssselect(".td-post-author-name, .author-box-wrap")
    assert not doc.xpath("//meta[@name='author']")
    assert "&ldquo;" in html and "&hellip;" in html and "&quot;" in html
    # no WordPress author: the writer is the one its "Reporter:" credit line names
    assert expected(PERDA_TIBUM, server.url)["authors"] == ["Lia Marlina"]


# --- options and failures ---------------------------------------------------------------------


def test_options_switch_sources_off():
    options = ReplicaOptions(robots_sitemap=False, sitemaps=False, feed=False)
    with ReplicaServer(options=options) as server:
        assert "Sitemap:" not in fetch(server.url + "/robots.txt").text
        for path in ("/sitemap_index.xml", "/post-sitemap.xml", "/wp-sitemap.xml", "/feed/"):
            assert fetch(server.url + path).status == 404, path
        assert fetch(server.url + "/category/politik/feed/").status == 404
        assert fetch(server.url + "/").status == 200


def test_fail_page_two_answers_500():
    options = ReplicaOptions(fail_page_two_of=(BEDAH_RUMAH.slug,))
    with ReplicaServer(options=options) as server:
        assert fetch(server.url + BEDAH_RUMAH.path).status == 200
        assert fetch(server.url + BEDAH_RUMAH.path + "2/").status == 500
        assert fetch(server.url + CISADANE.path + "2/").status == 200


def test_broken_pages_fail_in_their_own_ways(server):
    urls = server.site.broken_urls
    challenge = fetch(urls["challenge"])
    assert challenge.status == 503
    assert "<title>Just a moment...</title>" in challenge.text
    assert "/cdn-cgi/challenge-platform/" in challenge.text
    truncated = fetch(urls["truncated"])
    assert truncated.status == 200 and "</html>" not in truncated.text
    assert len(truncated.body) == int(truncated.headers["Content-Length"])
    wrong = fetch(urls["wrong_charset"])
    assert "charset=UTF-8" in wrong.headers["Content-Type"]
    with pytest.raises(UnicodeDecodeError):
        wrong.body.decode("utf-8")
    assert "Crêpes".encode("cp1252") in wrong.body
    empty = lxml.html.fromstring(fetch(urls["empty"]).text)
    assert "single-post" in empty.body.get("class")
    assert empty.cssselect("h1.entry-title")[0].text_content() == ""
    assert not empty.cssselect(".td-post-content p")
    assert fetch(urls["missing"]).status == 404
    with pytest.raises(http.client.IncompleteRead):
        fetch(urls["dataloss"])
    assert not set(urls.values()) & set(server.site.article_urls())


# --- content ----------------------------------------------------------------------------------


def test_hand_written_articles_cover_the_required_cases():
    assert len(ARTICLES) >= 11
    assert len({a.slug for a in ARTICLES}) == len(ARTICLES)
    assert sum(a.template == "composer" for a in ARTICLES) >= 3
    assert any(len(a.pages) == 2 for a in ARTICLES)
    assert any(a.author is None for a in ARTICLES)
    assert any(a.date_visible_only for a in ARTICLES)
    blocks = [block for a in ARTICLES for page in a.pages for block in page]
    styles = {getattr(block, "style", None) for block in blocks}
    assert {"irp", "plain", "strong_label", "strong_link"} <= styles
    assert any(isinstance(b, Figure) and b.image.lazy != "none" for b in blocks)
    kinds = {type(block).__name__ for block in blocks if isinstance(block, Boilerplate)}
    assert {"Promo", "Credit", "AdSlot", "CodeSnippet", "RelatedList", "ShareButtons"} <= kinds
    for article in ARTICLES:
        assert article.published.utcoffset().total_seconds() == 7 * 3600


def test_generated_articles_are_deterministic_and_plausible():
    first, again = generate_articles(60, seed=3), generate_articles(60, seed=3)
    assert first == again
    assert first != generate_articles(60, seed=4)
    assert len({a.slug for a in first}) == 60
    assert {a.template for a in first} == {"classic", "composer"}
    assert len({a.category.slug for a in first}) > 5
    assert [a.published for a in first] == sorted((a.published for a in first), reverse=True)
    for article in first:
        truth = expected(article, "http://x")
        assert truth["body"].startswith("RADAR TANGSEL RATAS – ")
        for phrase in BOILERPLATE_PHRASES:
            assert phrase not in truth["body"]
        assert all(
            isinstance(b, Paragraph | Subheading | Figure | Boilerplate) for b in article.pages[0]
        )


def test_site_serves_generated_articles_on_demand():
    site = ReplicaSite("http://127.0.0.1:9", extra_articles=500)
    generated = generate_articles(500)
    assert [a.path for a in site.posts if a.post_id >= 400_000] == [a.path for a in generated]
    last = generated[-1]
    assert site.full_article(site.post(last.slug)) == last
    assert site.expected()[0]["url"] == site.url(site.posts[0].path)


# --- the variants the wordpress spider is tested against: plain markup, an open REST API ------

TAGDIV_CLASS = re.compile(r"(?:^|\s)(?:td|tdb|tdc|tdi)[-_]")


@pytest.fixture(scope="module")
def wordpress_server():
    options = ReplicaOptions(theme="plain", rest_api=True, broken_pages=False)
    with ReplicaServer(extra_articles=30, options=options) as s:
        yield s


def test_plain_pages_follow_wordpress_conventions_without_tagdiv_classes(wordpress_server):
    multi = next(article for article in ARTICLES if len(article.pages) > 1)
    for path in (SEED.path, multi.page_path(2)):
        page = fetch(wordpress_server.url + path)
        assert page.status == 200
        tree = lxml.html.fromstring(page.body)
        assert not [c for c in tree.xpath("//@class") if TAGDIV_CLASS.search(c)], path
        assert "themes/Newspaper" not in page.text
        assert tree.cssselect("article h1.entry-title") and tree.cssselect("article .entry-content")
    tree = lxml.html.fromstring(fetch(wordpress_server.url + SEED.path).body)
    assert tree.cssselect("time.entry-date.published[datetime]")
    assert [a.text_content() for a in tree.cssselect(".byline .author.vcard a")] == [
        SEED.author.name
    ]
    assert [a.text_content() for a in tree.cssselect(".cat-links a")] == [SEED.category.name]
    assert [a.text_content() for a in tree.cssselect(".tags-links a")] == SEED.tags
    assert tree.cssselect(".post-thumbnail figcaption")[0].text_content() == SEED.image.caption
    pages = lxml.html.fromstring(fetch(wordpress_server.url + multi.path).body)
    assert len(pages.cssselect(".entry-content .page-links a")) == len(multi.pages) - 1


def test_rest_api_is_closed_unless_opened(server):
    closed = fetch(server.url + "/wp-json/wp/v2/posts?per_page=100&_embed=1")
    assert closed.status == 401
    assert json.loads(closed.body)["code"] == "rest_login_required"


def test_rest_api_pages_through_every_post_newest_first(wordpress_server):
    site = wordpress_server.site
    first = fetch(wordpress_server.url + "/wp-json/wp/v2/posts?per_page=20&page=1&_embed=1")
    second = fetch(wordpress_server.url + "/wp-json/wp/v2/posts?per_page=20&page=2&_embed=1")
    assert first.status == second.status == 200
    assert first.headers["Content-Type"].startswith("application/json")
    assert first.headers["X-WP-Total"] == str(len(site.posts)) == "43"
    assert first.headers["X-WP-TotalPages"] == "3"
    assert 'rel="next"' in first.headers["Link"] and 'rel="prev"' in second.headers["Link"]
    ids = [post["id"] for post in json.loads(first.body) + json.loads(second.body)]
    assert ids == [article.post_id for article in site.posts[:40]]


def test_rest_post_objects_carry_what_the_article_is(wordpress_server):
    site = wordpress_server.site
    posts = json.loads(
        fetch(wordpress_server.url + "/wp-json/wp/v2/posts?per_page=100&_embed").body
    )
    by_id = {post["id"]: post for post in posts}
    for article in ARTICLES:
        post = by_id[article.post_id]
        want = expected(article, wordpress_server.url)
        assert post["link"] == want["url"]
        assert post["date_gmt"] == want["published_at"].strftime("%Y-%m-%dT%H:%M:%S")
        assert post["modified_gmt"] == want["modified_at"].strftime("%Y-%m-%dT%H:%M:%S")
        assert post["content"]["rendered"].count("<!--nextpage-->") == len(article.pages) - 1
        assert "td-a-rec-id-content_inline" not in post["content"]["rendered"]  # theme chrome
        embedded = post["_embedded"]
        users = [article.author.name] if article.author else []
        assert [user["name"] for user in embedded.get("author", [])] == users
        categories, tags = embedded["wp:term"]
        assert [term["taxonomy"] for term in categories] == ["category"]
        assert [term["name"] for term in tags] == [
            html.escape(tag, quote=False) for tag in want["tags"]
        ]
        media = embedded.get("wp:featuredmedia", [{}])[0]
        assert media.get("source_url") == want["image_url"]
    assert set(by_id) == {article.post_id for article in site.posts}


def test_rest_api_rejects_what_wordpress_rejects(wordpress_server):
    too_many = fetch(wordpress_server.url + "/wp-json/wp/v2/posts?per_page=101")
    beyond = fetch(wordpress_server.url + "/wp-json/wp/v2/posts?per_page=100&page=2")
    unknown = fetch(wordpress_server.url + "/wp-json/wp/v2/widgets")
    assert (too_many.status, json.loads(too_many.body)["code"]) == (400, "rest_invalid_param")
    assert json.loads(beyond.body)["code"] == "rest_post_invalid_page_number"
    assert (unknown.status, json.loads(unknown.body)["code"]) == (404, "rest_no_route")
    plain_posts = fetch(wordpress_server.url + "/wp-json/wp/v2/posts?per_page=1")
    assert "_embedded" not in json.loads(plain_posts.body)[0]
