"""URL routing of the replica, WordPress style: permalinks /YYYY/MM/DD/slug/ (page N at
/slug/N/), archives with /page/N/, Yoast or core sitemaps, the feed, robots.txt, 404s, and
WordPress's canonical redirects (missing trailing slash, wrong date, /slug/1/, ?p=ID); the REST
API under /wp-json/ (replica/rest.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from replica.broken import render_broken
from replica.feeds import (
    SITEMAP_XSL,
    SitemapEntry,
    render_core_index,
    render_core_urlset,
    render_feed,
    render_robots,
    render_sitemap_index,
    render_urlset,
)
from replica.listing import (
    FRONT_PAGE_ID,
    STATIC_PAGES,
    pages_count,
    render_archive,
    render_home,
    render_not_found,
    render_static_page,
)
from replica.model import Author, ReplicaArticle
from replica.plain import render_plain_article
from replica.response import RSS, TEXT, XML, Response
from replica.rest import rest_response
from replica.single import render_article

if TYPE_CHECKING:
    from replica.site import ReplicaSite

Handler = Callable[["ReplicaSite", re.Match[str]], Response]
LAUNCH = datetime(2023, 1, 2, 9, 0, tzinfo=UTC)  # when the static pages were last edited

YOAST_SITEMAP = re.compile(r"^/(post|page|category|author|post_tag)-sitemap(\d*)\.xml$")


def route(site: ReplicaSite, target: str) -> Response:
    """The response to a GET of `target` (path and optional query string)."""
    parts = urlsplit(target)
    path = parts.path or "/"
    if path == "/wp-json" or path.startswith("/wp-json/"):
        return rest_response(site, path, parts.query)
    if parts.query:
        shortlink = _shortlink(site, parts.query)
        if shortlink:
            return shortlink
    for pattern, handler in ROUTES:
        match = pattern.match(path)
        if match:
            return handler(site, match)
    if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        # redirect_canonical adds the trailing slash when the slashed URL exists.
        slashed = route(site, path + "/")
        if slashed.status in (200, 301):
            return Response.redirect(site.url(path + "/"))
    return not_found(site)


def not_found(site: ReplicaSite) -> Response:
    return Response.html(404, render_not_found(site))


def _shortlink(site: ReplicaSite, query: str) -> Response | None:
    values = parse_qs(query).get("p", [])
    if values and values[0].isdigit():
        article = site.post_by_id(int(values[0]))
        if article:
            return Response.redirect(site.url(article.path))
    return None


def _page_number(match: re.Match[str], group: int) -> int:
    return int(match.group(group) or 1)


def _home(site: ReplicaSite, match: re.Match[str]) -> Response:
    page = _page_number(match, 1)
    total = pages_count(len(site.posts), site.options.posts_per_listing)
    if page == 1 and match.group(1):
        return Response.redirect(f"{site.base_url}/")
    if page > total:
        return not_found(site)
    return Response.html(200, render_home(site, page), Link=_api_link(site))


def _api_link(site: ReplicaSite) -> str:
    return f'<{site.url("/wp-json/")}>; rel="https://api.w.org/"'


def _article(site: ReplicaSite, match: re.Match[str]) -> Response:
    year, month, day, slug, page_text = match.groups()
    broken = site.broken_page(match.group(0))
    if broken:
        return render_broken(site, broken)
    article = site.post(slug)
    if article is None:
        return not_found(site)
    page = int(page_text or 1)
    if (page_text and page == 1) or article.path != f"/{year}/{month}/{day}/{slug}/":
        return Response.redirect(site.url(article.path))
    if page > len(site.full_article(article).pages):
        return not_found(site)
    if page == 2 and slug in site.options.fail_page_two_of:
        return _critical_error()
    links = f"{_api_link(site)}, <{site.url(f'/?p={article.post_id}')}>; rel=shortlink"
    render = render_plain_article if site.options.theme == "plain" else render_article
    html = render(site, site.full_article(article), page)
    return Response.html(200, html, Link=links)


def _critical_error() -> Response:
    """What WordPress shows when PHP dies: its fatal-error handler page, HTTP 500."""
    markup = (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
        '<meta name="viewport" content="width=device-width">\n'
        "<title>WordPress &rsaquo; Kesalahan</title>\n</head>\n"
        '<body id="error-page">\n<div class="wp-die-message"><p>Ada kesalahan kritis di situs '
        'web ini.</p><p><a href="https://wordpress.org/documentation/article/'
        'faq-troubleshooting/">Pelajari lebih lanjut tentang pemecahan masalah WordPress.</a>'
        "</p></div></body>\n</html>"
    )
    return Response.html(500, markup)


def _archive(kind: str) -> Handler:
    def handle(site: ReplicaSite, match: re.Match[str]) -> Response:
        slug, page = match.group(1), _page_number(match, 2)
        found = _archive_subject(site, kind, slug)
        if found is None:
            return not_found(site)
        name, articles, author = found
        base_path = f"/{kind}/{slug}/"
        if match.group(2) and page == 1:
            return Response.redirect(site.url(base_path))
        if page > pages_count(len(articles), site.options.posts_per_listing):
            return not_found(site)
        html = render_archive(site, kind, slug, name, articles, page, author=author)
        return Response.html(200, html, Link=_api_link(site))

    return handle


def _archive_subject(
    site: ReplicaSite, kind: str, slug: str
) -> tuple[str, list[ReplicaArticle], Author | None] | None:
    """(name, posts newest first, author) of an archive, None when it does not exist."""
    if kind == "category":
        category = site.category(slug)
        return (category.name, site.in_category(slug), None) if category else None
    if kind == "tag":
        name = site.tag_name(slug)
        return (name, site.with_tag(slug), None) if name else None
    author = site.author(slug)
    articles = site.by_author(slug)
    return (author.name, articles, author) if author and articles else None


def _feed(site: ReplicaSite, match: re.Match[str]) -> Response:
    if not site.options.feed:
        return not_found(site)
    return Response(200, render_feed(site, site.posts, "/feed/").encode(), RSS)


def _category_feed(site: ReplicaSite, match: re.Match[str]) -> Response:
    slug = match.group(1)
    if not site.options.feed or site.category(slug) is None:
        return not_found(site)
    xml = render_feed(site, site.in_category(slug), f"/category/{slug}/feed/")
    return Response(200, xml.encode(), RSS)


def _robots(site: ReplicaSite, match: re.Match[str]) -> Response:
    return Response(200, render_robots(site).encode(), TEXT)


def _static_page(site: ReplicaSite, match: re.Match[str]) -> Response:
    return Response.html(200, render_static_page(site, match.group(1)))


# --- sitemaps ---------------------------------------------------------------------------------


def _xml(site: ReplicaSite, markup: str) -> Response:
    return Response(200, markup.encode("utf-8"), XML, {"X-Robots-Tag": "noindex, follow"})


def _post_chunks(site: ReplicaSite) -> list[list[SitemapEntry]]:
    entries, size = site.post_sitemap_entries, site.options.posts_per_sitemap
    return [entries[start : start + size] for start in range(0, len(entries), size)] or [[]]


def _yoast_index(site: ReplicaSite, match: re.Match[str]) -> Response:
    if not site.options.sitemaps or site.options.wp_core_sitemap:
        return not_found(site)
    sitemaps = [
        (f"/post-sitemap{number if number > 1 else ''}.xml", chunk[-1].lastmod)
        for number, chunk in enumerate(_post_chunks(site), start=1)
        if chunk
    ]
    newest = site.posts[0].modified
    sitemaps += [
        ("/page-sitemap.xml", newest),
        ("/category-sitemap.xml", newest),
        ("/post_tag-sitemap.xml", newest),
        ("/author-sitemap.xml", newest),
    ]
    return _xml(site, render_sitemap_index(site, sitemaps))


def _yoast_sitemap(site: ReplicaSite, match: re.Match[str]) -> Response:
    if not site.options.sitemaps or site.options.wp_core_sitemap:
        return not_found(site)
    kind, number = match.group(1), int(match.group(2) or 1)
    if match.group(2) == "1":
        return not_found(site)
    if kind == "post":
        chunks = _post_chunks(site)
        if number > len(chunks):
            return not_found(site)
        return _xml(site, render_urlset(site, chunks[number - 1], local_time=True))
    if number > 1:
        return not_found(site)
    return _xml(site, render_urlset(site, _taxonomy_entries(site, kind), local_time=False))


def _taxonomy_entries(site: ReplicaSite, kind: str) -> list[SitemapEntry]:
    if kind == "page":
        entries = [SitemapEntry("/", site.posts[0].modified, None, FRONT_PAGE_ID)]
        return entries + [SitemapEntry(f"/{slug}/", LAUNCH) for slug in STATIC_PAGES]
    if kind == "category":
        return [
            SitemapEntry(f"/category/{c.slug}/", site.in_category(c.slug)[0].modified)
            for c in site.categories_with_posts()
        ]
    if kind == "author":
        return [
            SitemapEntry(f"/author/{a.slug}/", site.by_author(a.slug)[0].modified)
            for a in site.authors_with_posts()
        ]
    return [
        SitemapEntry(f"/tag/{slug}/", site.with_tag(slug)[0].modified) for slug in site.tag_slugs()
    ]


def _core_index(site: ReplicaSite, match: re.Match[str]) -> Response:
    if not site.options.sitemaps or not site.options.wp_core_sitemap:
        return not_found(site)
    pages = pages_count(len(site.core_sitemap_paths), site.options.posts_per_sitemap)
    paths = [f"/wp-sitemap-posts-post-{number}.xml" for number in range(1, pages + 1)]
    paths += [
        "/wp-sitemap-posts-page-1.xml",
        "/wp-sitemap-taxonomies-category-1.xml",
        "/wp-sitemap-users-1.xml",
    ]
    return _xml(site, render_core_index(site, paths))


def _core_sitemap(site: ReplicaSite, match: re.Match[str]) -> Response:
    if not site.options.sitemaps or not site.options.wp_core_sitemap:
        return not_found(site)
    kind, number = match.group(1), int(match.group(2))
    if kind == "posts-post":
        size = site.options.posts_per_sitemap
        paths = site.core_sitemap_paths[(number - 1) * size : number * size]
    elif number != 1:
        paths = []
    elif kind == "posts-page":
        paths = ["/", *(f"/{slug}/" for slug in STATIC_PAGES)]
    elif kind == "taxonomies-category":
        paths = [f"/category/{category.slug}/" for category in site.categories_with_posts()]
    else:
        paths = [f"/author/{author.slug}/" for author in site.authors_with_posts()]
    if not paths:
        return not_found(site)
    return _xml(site, render_core_urlset(site, paths))


def _stylesheet(site: ReplicaSite, match: re.Match[str]) -> Response:
    return Response(200, SITEMAP_XSL.encode(), XML)


ROUTES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"^/(?:page/(\d+)/)?$"), _home),
    (re.compile(r"^/(\d{4})/(\d{2})/(\d{2})/([^/]+)/(?:(\d+)/)?$"), _article),
    (re.compile(r"^/category/([^/]+)/feed/$"), _category_feed),
    (re.compile(r"^/category/([^/]+)/(?:page/(\d+)/)?$"), _archive("category")),
    (re.compile(r"^/tag/([^/]+)/(?:page/(\d+)/)?$"), _archive("tag")),
    (re.compile(r"^/author/([^/]+)/(?:page/(\d+)/)?$"), _archive("author")),
    (re.compile(r"^/feed/$"), _feed),
    (re.compile(r"^/robots\.txt$"), _robots),
    (re.compile(r"^/sitemap_index\.xml$"), _yoast_index),
    (YOAST_SITEMAP, _yoast_sitemap),
    (re.compile(r"^/wp-sitemap\.xml$"), _core_index),
    (
        re.compile(r"^/wp-sitemap-(posts-post|posts-page|taxonomies-category|users)-(\d+)\.xml$"),
        _core_sitemap,
    ),
    (re.compile(r"^/(?:main-sitemap|wp-sitemap|wp-sitemap-index)\.xsl$"), _stylesheet),
    (re.compile(r"^/(" + "|".join(map(re.escape, STATIC_PAGES)) + r")/$"), _static_page),
]
