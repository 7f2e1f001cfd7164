"""A news portal that is not WordPress, for the generic `news` spider (crawler/spiders/news.py).

The shape of the custom CMSs of Indonesian portals (see ../shared/realpages/: detik, kompas,
liputan6, okezone): articles at `/<section>/read/<id>/<slug>` without a trailing slash (its
router is strict: the slashed form is a 404), the headline in an `h1` of the CMS's own
classes, a visible date line "Selasa, 05 Mar 2024 07:45 WIB", "Penulis:" and "Editor:"
credits, `og:*` and `article:published_time` metas, a JSON-LD `@graph` holding the
NewsArticle with nested author, editor and publisher objects; no body class, no `/wp-json`,
no `/feed/`.

Discovery: robots.txt names a sitemap index, which lists a Google News sitemap (the newest
articles, with `<news:publication_date>` and no lastmod, as Google documents it), an index of
the post sitemaps, one a month (with lastmod), and a sitemap of the static pages; an Atom
feed of the newest articles, announced in every page's head; the home page and one listing
per section, paged with `?page=N` (`<link rel="next">` and a "Selanjutnya" link).

The articles are the replica's own (replica.articles, and as many generated ones as asked),
their content blocks as the portal's editors would type them: paragraphs and subheadings, with the
portal's "Baca Juga" box and ad slots in between. `expected()` says what a correct crawl
stores of each, from the articles' data, never from the rendered HTML.

    with PortalServer(options=PortalOptions(sitemaps=False)) as portal:
        crawl(portal.url); compare with portal.site.expected()
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

from replica.articles import ARTICLES
from replica.content import body_text, credited_writers, generate_articles
from replica.content import clean_text as clean
from replica.listing import pages_count
from replica.markup import attr, w3c
from replica.model import WIB, AdSlot, Paragraph, RelatedLink, ReplicaArticle, Subheading
from replica.response import TEXT, XML, Response
from replica.server import ReplicaServer
from replica.taxonomy import CATEGORIES, REDAKSI

SITE_NAME = "KabarSerpong.com"
ATOM = "application/atom+xml; charset=UTF-8"
EDITORS = ("Sri Wahyuni", "Hendra Gunawan", "Maya Kartika")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
ARTICLE_PATH = re.compile(r"^/(?P<section>[a-z-]+)/read/(?P<id>\d+)/(?P<slug>[a-z0-9-]+)$")
MONTHLY_SITEMAP = re.compile(r"^/sitemap-posts-(?P<month>\d{4}-\d{2})\.xml$")
STATIC_PAGES = {"/redaksi": "Redaksi", "/pedoman-media-siber": "Pedoman Media Siber"}


@dataclass(frozen=True)
class PortalOptions:
    """What the portal serves: the sources a crawl may find, and how many articles."""

    sitemaps: bool = True  # False: robots.txt names none and every sitemap answers 404
    feed_path: str = "/atom.xml"  # where the Atom feed is (announced in every page's head)
    extra_articles: int = 0  # generated articles besides the hand-written ones
    seed: int = 0  # of the generated articles
    news_sitemap_size: int = 3  # the newest articles, in the Google News sitemap
    per_listing: int = 5  # articles per listing page


def visible_date(moment: datetime) -> str:
    """The portal's date line: "Selasa, 05 Mar 2024 07:45 WIB"."""
    local = moment.astimezone(WIB)
    day, month = DAYS[local.weekday()], MONTHS[local.month - 1]
    return f"{day}, {local:%d} {month} {local.year} {local:%H:%M} WIB"


def month_of(article: ReplicaArticle) -> str:
    """The month of the post sitemap listing the article: YYYY-MM of its publication, WIB."""
    return f"{article.published.astimezone(WIB):%Y-%m}"


def writers_of(article: ReplicaArticle) -> list[str]:
    """Who the portal credits as "Penulis": the article's author, else its credited writers;
    the newsroom's own account ("Redaksi") is no writer, and the line is left out then."""
    if article.author and article.author != REDAKSI:
        return [article.author.name]
    return credited_writers(article)


class PortalSite:
    """Everything the portal serves, by path; `base_url` has no trailing slash."""

    def __init__(self, base_url: str, options: PortalOptions | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.options = options or PortalOptions()
        count, seed = self.options.extra_articles, self.options.seed
        extra = generate_articles(count, seed) if count else []
        self.posts = sorted(
            [*ARTICLES, *extra], key=lambda article: article.published, reverse=True
        )
        self._by_id = {article.post_id: article for article in self.posts}

    def url(self, path: str) -> str:
        return self.base_url + path

    def article(self, post_id: int) -> ReplicaArticle | None:
        return self._by_id.get(post_id)

    def path_of(self, article: ReplicaArticle) -> str:
        return f"/{article.category.slug}/read/{article.post_id}/{article.slug}"

    def expected(self) -> list[dict[str, Any]]:
        """What a correct crawl stores of each article: its URL as the crawler keys it (a
        trailing slash added, crawler/urls.py), title, publication time (to the second, as
        the metadata gives it; the date line shows the minute), writers and body."""
        return [
            {
                "url": self.url(self.path_of(article)) + "/",
                "title": clean(article.title),
                "published_at": article.published.astimezone(UTC),
                "authors": writers_of(article),
                "body": body_text(article.pages),
            }
            for article in self.posts
        ]

    def news_sitemap_articles(self) -> list[ReplicaArticle]:
        return self.posts[: self.options.news_sitemap_size]

    def months(self) -> list[str]:
        """The months with articles, newest first (YYYY-MM, in WIB)."""
        return sorted({month_of(article) for article in self.posts}, reverse=True)


def route(site: PortalSite, target: str) -> Response:
    """The response to a GET of `target` (path and query string)."""
    parts = urlsplit(target)
    path, page = parts.path or "/", _page_number(parts.query)
    if path == "/robots.txt":
        return Response(200, _robots(site).encode(), TEXT)
    if path == site.options.feed_path:
        return Response(200, _atom(site).encode(), ATOM)
    if site.options.sitemaps:
        sitemap = _sitemap(site, path)
        if sitemap is not None:
            return Response(200, sitemap.encode(), XML)
    match = ARTICLE_PATH.match(path)
    article = site.article(int(match["id"])) if match else None
    if article is not None and path == site.path_of(article):
        return Response.html(200, _article_page(site, article))
    sections = {category.slug: category for category in CATEGORIES}
    if path == "/" or path.strip("/") in sections:
        category = sections.get(path.strip("/"))
        listed = [a for a in site.posts if category is None or a.category == category]
        pages = pages_count(len(listed), site.options.per_listing)
        if page <= pages:
            return Response.html(200, _listing(site, path, listed, page, pages))
    if path in STATIC_PAGES:
        return Response.html(200, _static_page(site, path))
    return Response.html(404, _layout(site, "Halaman tidak ditemukan", "<h1>404</h1>", "website"))


def _page_number(query: str) -> int:
    values = parse_qs(query).get("page", ["1"])
    return int(values[0]) if values[0].isdigit() and int(values[0]) >= 1 else 1


# --- discovery sources --------------------------------------------------------------------------


def _robots(site: PortalSite) -> str:
    lines = ["User-agent: *", "Disallow: /search", "Disallow: /api/", ""]
    if site.options.sitemaps:
        lines.append(f"Sitemap: {site.url('/sitemap.xml')}")
    return "\n".join(lines) + "\n"


def _sitemap(site: PortalSite, path: str) -> str | None:
    newest = site.posts[0].modified
    if path == "/sitemap.xml":
        children = ("/sitemap-news.xml", "/sitemap-pages.xml", "/sitemap-posts.xml")
        return _sitemap_index(site, [(child, newest) for child in children])
    if path == "/sitemap-posts.xml":  # an index in the index: one post sitemap a month
        months = []
        for month in site.months():
            in_month = [article for article in site.posts if month_of(article) == month]
            months.append((f"/sitemap-posts-{month}.xml", max(a.modified for a in in_month)))
        return _sitemap_index(site, months)
    if path == "/sitemap-news.xml":
        return _news_sitemap(site)
    if path == "/sitemap-pages.xml":
        return _urlset([(site.url(page), None) for page in STATIC_PAGES])
    month = MONTHLY_SITEMAP.match(path)
    if month:
        listed = [
            (site.url(site.path_of(a)), a.modified)
            for a in site.posts
            if month_of(a) == month["month"]
        ]
        return _urlset(listed) if listed else None
    return None


XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def _sitemap_index(site: PortalSite, children: list[tuple[str, datetime]]) -> str:
    entries = "".join(
        f"<sitemap><loc>{site.url(child)}</loc><lastmod>{w3c(lastmod)}</lastmod></sitemap>"
        for child, lastmod in children
    )
    return f'{XML_HEAD}<sitemapindex xmlns="{SITEMAP_NS}">{entries}</sitemapindex>'


def _urlset(entries: list[tuple[str, datetime | None]]) -> str:
    urls = "".join(
        f"<url><loc>{escape(url)}</loc>"
        + (f"<lastmod>{w3c(lastmod)}</lastmod>" if lastmod else "")
        + "<changefreq>daily</changefreq></url>\n"
        for url, lastmod in entries
    )
    return f'{XML_HEAD}<urlset xmlns="{SITEMAP_NS}">\n{urls}</urlset>'


def _news_sitemap(site: PortalSite) -> str:
    """Google News: the newest articles, each with its publication date and title, no lastmod
    (developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap)."""
    urls = "".join(
        f"<url><loc>{escape(site.url(site.path_of(a)))}</loc><news:news><news:publication>"
        f"<news:name>{SITE_NAME}</news:name><news:language>id</news:language>"
        f"</news:publication><news:publication_date>{w3c(a.published)}"
        f"</news:publication_date><news:title>{escape(a.title)}</news:title></news:news></url>\n"
        for a in site.news_sitemap_articles()
    )
    return f'{XML_HEAD}<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n{urls}</urlset>'


def _atom(site: PortalSite) -> str:
    newest = site.posts[:10]
    entries = "".join(
        f"<entry><title>{escape(a.title)}</title>"
        f'<link rel="alternate" type="text/html" href="{attr(site.url(site.path_of(a)))}"/>'
        f"<id>tag:kabarserpong.com,2024:{a.post_id}</id>"
        f"<published>{w3c(a.published)}</published><updated>{w3c(a.modified)}</updated>"
        + "".join(f"<author><name>{escape(name)}</name></author>" for name in writers_of(a))
        + f"<summary>{escape(' '.join(body_text(a.pages).split()[:40]))}</summary></entry>\n"
        for a in newest
    )
    return (
        f'{XML_HEAD}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">'
        f"<title>{SITE_NAME}</title>"
        f'<link rel="self" href="{site.url(site.options.feed_path)}"/>'
        f'<link rel="alternate" type="text/html" href="{site.base_url}/"/>'
        f"<updated>{w3c(newest[0].modified)}</updated><id>{site.base_url}/</id>\n"
        f"{entries}</feed>"
    )


# --- pages ----------------------------------------------------------------------------------------


def _layout(site: PortalSite, title: str, main: str, og_type: str, head: str = "") -> str:
    nav = "".join(
        f'<li class="nav__item"><a href="/{category.slug}">{escape(category.name)}</a></li>'
        for category in CATEGORIES
    )
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} - {SITE_NAME}</title>
<meta property="og:site_name" content="{SITE_NAME}">
<meta property="og:type" content="{og_type}">
<link rel="alternate" type="application/atom+xml" title="{SITE_NAME}"
 href="{site.url(site.options.feed_path)}">
<link rel="stylesheet" href="/assets/css/main.min.css?v=20240912">
{head}
</head>
<body>
<header class="header">
<div class="header__top container"><a class="header__logo" href="/"><img src="/assets/img/logo.svg"
 alt="{SITE_NAME}" width="220" height="40"></a>
<form class="header__search" action="/search"><input name="q" placeholder="Cari berita..."></form>
</div>
<nav class="nav"><ul class="nav__list container"><li class="nav__item"><a href="/">Beranda</a></li>
{nav}</ul></nav>
</header>
<main class="main container">
{main}
</main>
<footer class="footer"><div class="container">
<ul class="footer__links"><li><a href="/redaksi">Redaksi</a></li>
<li><a href="/pedoman-media-siber">Pedoman Media Siber</a></li></ul>
<p class="footer__copyright">Copyright &copy; 2024 {SITE_NAME}. All rights reserved.</p>
</div></footer>
<script src="/assets/js/app.min.js?v=20240912" defer></script>
</body>
</html>
"""


def _article_page(site: PortalSite, article: ReplicaArticle) -> str:
    url = site.url(site.path_of(article))
    image = site.url(f"/assets/img/news/{article.post_id}.jpg")
    writers = writers_of(article)
    editor = EDITORS[article.post_id % len(EDITORS)]
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": f"{site.base_url}/#website", "name": SITE_NAME,
             "url": f"{site.base_url}/"},
            {
                "@type": "NewsArticle",
                "@id": f"{url}#article",
                "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                "headline": article.title,
                "datePublished": w3c(article.published),
                "dateModified": w3c(article.modified),
                "image": {"@type": "ImageObject", "url": image, "width": 1200, "height": 675},
                "author": [{"@type": "Person", "name": name} for name in writers],
                "editor": {"@type": "Person", "name": editor},
                "publisher": {
                    "@type": "Organization",
                    "name": SITE_NAME,
                    "logo": {"@type": "ImageObject", "url": site.url("/assets/img/logo.png")},
                },
                "articleSection": article.category.name,
                "keywords": article.tags,
                "inLanguage": "id-ID",
            },
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Beranda",
                     "item": f"{site.base_url}/"},
                    {"@type": "ListItem", "position": 2, "name": article.category.name,
                     "item": site.url(f"/{article.category.slug}")},
                ],
            },
        ],
    }  # fmt: skip
    head = (
        f'<link rel="canonical" href="{attr(url)}">\n'
        f'<meta property="og:title" content="{attr(article.title)}">\n'
        f'<meta property="og:url" content="{attr(url)}">\n'
        f'<meta property="og:image" content="{attr(image)}">\n'
        f'<meta property="article:published_time" content="{w3c(article.published)}">\n'
        f'<meta property="article:section" content="{attr(article.category.name)}">\n'
        '<script type="application/ld+json">' + json.dumps(graph, ensure_ascii=False) + "</script>"
    )
    byline = (
        f'<span class="detail__author">Penulis: {escape(" dan ".join(writers))}</span>'
        if writers
        else ""
    )
    tags = "".join(f'<a href="/tag/{attr(tag.lower().replace(" ", "-"))}">{escape(tag)}</a>'
                   for tag in article.tags)  # fmt: skip
    main = f"""<div class="row">
<article class="detail col-8">
<div class="breadcrumb"><a href="/">Beranda</a> &rsaquo; <a
 href="/{article.category.slug}">{escape(article.category.name)}</a></div>
<h1 class="detail__title">{escape(article.title)}</h1>
<div class="detail__meta">{byline}
<span class="detail__date">{visible_date(article.published)}</span></div>
<div class="detail__media"><img src="{attr(image)}" alt="{attr(article.title)}" width="1200"
 height="675"></div>
<div class="detail__body">
{_body(site, article)}
</div>
<div class="detail__editor">Editor: {escape(editor)}</div>
<div class="detail__tags"><span>Tag:</span> {tags}</div>
<div class="share"><span>Bagikan:</span> <a href="https://www.facebook.com/sharer.php?u={attr(url)}"
 >Facebook</a> <a href="https://api.whatsapp.com/send?text={attr(url)}">WhatsApp</a></div>
</article>
{_sidebar(site)}
</div>"""
    return _layout(site, article.title, main, "article", head)


def _body(site: PortalSite, article: ReplicaArticle) -> str:
    """The article's content blocks as the portal's editor types them, every page in one: the
    CMS does not split articles. Related links become its "Baca Juga" box, ads its ad slot."""
    parts = []
    for block in (block for page in article.pages for block in page):
        if isinstance(block, Paragraph):
            parts.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Subheading):
            parts.append(f"<h2>{escape(block.text)}</h2>")
        elif isinstance(block, RelatedLink):
            parts.append(
                '<div class="baca-juga"><strong>Baca Juga:</strong> '
                f'<a href="{attr(block.href)}">{escape(block.title)}</a></div>'
            )
        elif isinstance(block, AdSlot):
            parts.append(
                '<div class="ads ads--inarticle"><div id="div-gpt-ad-inarticle"></div></div>'
            )
    return "\n".join(parts)


def _sidebar(site: PortalSite) -> str:
    popular = "".join(
        f'<li><h4 class="popular__title"><a href="{site.path_of(a)}">{escape(a.title)}</a>'
        "</h4></li>"
        for a in site.posts[:5]
    )
    return (
        '<aside class="sidebar col-4"><div class="widget widget--popular">'
        '<div class="widget__title">Terpopuler</div>'
        f'<ol class="popular">{popular}</ol></div></aside>'
    )


def _listing(
    site: PortalSite, path: str, listed: list[ReplicaArticle], page: int, pages: int
) -> str:
    size = site.options.per_listing
    items = "".join(
        f"""<article class="list__item">
<a class="list__image" href="{site.path_of(a)}"><img src="/assets/img/thumb/{a.post_id}.jpg"
 alt="{attr(a.title)}" loading="lazy"></a>
<div class="list__text"><span class="list__section">{escape(a.category.name)}</span>
<h2 class="list__title"><a href="{site.path_of(a)}">{escape(a.title)}</a></h2>
<span class="list__date">{visible_date(a.published)}</span></div>
</article>
"""
        for a in listed[(page - 1) * size : page * size]
    )
    next_url = f"{path}?page={page + 1}" if page < pages else None
    pager = (
        f'<a class="pagination__next" rel="next" href="{next_url}">Selanjutnya</a>'
        if next_url
        else ""
    )
    head = f'<link rel="next" href="{site.url(next_url)}">' if next_url else ""
    name = next((c.name for c in CATEGORIES if f"/{c.slug}" == path), "Berita Terkini")
    main = (
        '<div class="row"><section class="list col-8">'
        f'<h1 class="list__heading">{escape(name)}</h1>'
        f'{items}<div class="pagination">Halaman {page} dari {pages} {pager}</div></section>'
        f"{_sidebar(site)}</div>"
    )
    return _layout(site, name, main, "website", head)


def _static_page(site: PortalSite, path: str) -> str:
    title = STATIC_PAGES[path]
    main = (
        f'<div class="page"><h1 class="page__title">{title}</h1><p>{SITE_NAME} adalah media '
        "daring yang memberitakan peristiwa di Tangerang Selatan dan sekitarnya.</p></div>"
    )
    return _layout(site, title, main, "website")


class PortalServer(ReplicaServer):
    """The portal over real HTTP on 127.0.0.1 (ReplicaServer's server and address rules)."""

    def __init__(
        self, host: str = "127.0.0.1", port: int = 0, *, options: PortalOptions | None = None
    ) -> None:
        super().__init__(host, port, options=options or PortalOptions())

    def _build_site(self, base_url: str) -> PortalSite:
        return PortalSite(base_url, self._options)

    @staticmethod
    def route(site: Any, target: str) -> Response:
        return route(site, target)
