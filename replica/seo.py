"""The <head> Yoast SEO writes: title, canonical, Open Graph, article times, JSON-LD @graph.

Meta tags carry times in WIB (+07:00); Yoast's JSON-LD carries the same instants in UTC
(+00:00), so a crawler that ignores offsets gets one of them wrong.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from replica.markup import attr, gmt_iso, text, w3c
from replica.model import Category, ReplicaArticle

if TYPE_CHECKING:
    from replica.site import ReplicaSite

SITE_NAME = "Radar Tangsel"
TAGLINE = "Berita Terkini Tangerang Selatan, Banten dan Nasional"
LOGO_PATH = "/wp-content/uploads/2023/01/logo-radar-tangsel.png"
YOAST_URL = "https://yoast.com/wordpress/plugins/seo/"
THEME_CSS_PATH = "/wp-content/themes/Newspaper/style.css?ver=12.6.3"
PLAIN_THEME_CSS_PATH = "/wp-content/themes/generatepress/assets/css/main.min.css?ver=3.4.0"
ROBOTS = "index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1"


@dataclass
class Head:
    """Everything a page's <head> needs; JSON-LD nodes go in `graph`."""

    title: str
    canonical: str
    description: str
    og_type: str = "website"
    image: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    author: str | None = None
    reading_minutes: int | None = None
    shortlink: str | None = None
    prev_url: str | None = None
    next_url: str | None = None
    robots: str = ROBOTS
    graph: list[dict[str, Any]] = field(default_factory=list)
    # The theme whose stylesheet and scripts the page loads: "tagdiv", or "plain" for the
    # GeneratePress-like pages of replica/plain.py.
    theme: str = "tagdiv"


def person_id(site: ReplicaSite, name: str) -> str:
    return f"{site.base_url}/#/schema/person/{hashlib.md5(name.encode()).hexdigest()}"


def website_nodes(site: ReplicaSite) -> list[dict[str, Any]]:
    base = site.base_url
    logo = site.url(LOGO_PATH)
    return [
        {
            "@type": "WebSite",
            "@id": f"{base}/#website",
            "url": f"{base}/",
            "name": SITE_NAME,
            "description": TAGLINE,
            "publisher": {"@id": f"{base}/#organization"},
            "potentialAction": [
                {
                    "@type": "SearchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": f"{base}/?s={{search_term_string}}",
                    },
                    "query-input": "required name=search_term_string",
                }
            ],
            "inLanguage": "id",
        },
        {
            "@type": "Organization",
            "@id": f"{base}/#organization",
            "name": SITE_NAME,
            "url": f"{base}/",
            "logo": {
                "@type": "ImageObject",
                "inLanguage": "id",
                "@id": f"{base}/#/schema/logo/image/",
                "url": logo,
                "contentUrl": logo,
                "width": 272,
                "height": 90,
                "caption": SITE_NAME,
            },
            "image": {"@id": f"{base}/#/schema/logo/image/"},
            "sameAs": ["https://www.facebook.com/radartangsel", "https://x.com/radartangsel"],
        },
    ]


def article_graph(
    site: ReplicaSite, article: ReplicaArticle, page_url: str, description: str, words: int
) -> list[dict[str, Any]]:
    """Yoast's graph for a post. The date-only-visible article carries no dates here."""
    base = site.base_url
    dated = not article.date_visible_only
    dates = {"datePublished": gmt_iso(article.published), "dateModified": gmt_iso(article.modified)}
    news: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": f"{page_url}#article",
        "isPartOf": {"@id": page_url},
    }
    if article.author:
        news["author"] = {"name": article.author.name, "@id": person_id(site, article.author.name)}
    news |= {"headline": article.title, **(dates if dated else {})}
    news |= {
        "mainEntityOfPage": {"@id": page_url},
        "wordCount": words,
        "commentCount": article.comment_count,
        "publisher": {"@id": f"{base}/#organization"},
        "keywords": list(article.tags),
        "articleSection": [article.category.name],
        "inLanguage": "id",
    }
    webpage: dict[str, Any] = {
        "@type": "WebPage",
        "@id": page_url,
        "url": page_url,
        "name": f"{article.title} - {SITE_NAME}",
        "isPartOf": {"@id": f"{base}/#website"},
        **(dates if dated else {}),
        "description": description,
        "breadcrumb": {"@id": f"{page_url}#breadcrumb"},
        "inLanguage": "id",
        "potentialAction": [{"@type": "ReadAction", "target": [page_url]}],
    }
    nodes = [news, webpage]
    if article.image:
        image_url = article.image.url(base)
        image_ref = {"@id": f"{page_url}#primaryimage"}
        news |= {"image": image_ref, "thumbnailUrl": image_url}
        webpage |= {"primaryImageOfPage": image_ref, "image": image_ref, "thumbnailUrl": image_url}
        nodes.append(
            {
                "@type": "ImageObject",
                "inLanguage": "id",
                "@id": f"{page_url}#primaryimage",
                "url": image_url,
                "contentUrl": image_url,
                "width": article.image.width,
                "height": article.image.height,
                **({"caption": article.image.caption} if article.image.caption else {}),
            }
        )
    nodes.append(breadcrumb_node(site, page_url, article.title, article.category))
    nodes += website_nodes(site)
    if article.author:
        nodes.append(
            {
                "@type": "Person",
                "@id": person_id(site, article.author.name),
                "name": article.author.name,
                "url": site.url(f"/author/{article.author.slug}/"),
            }
        )
    return nodes


def breadcrumb_node(
    site: ReplicaSite, page_url: str, title: str, category: Category | None = None
) -> dict[str, Any]:
    items: list[dict[str, Any]] = [
        {"@type": "ListItem", "position": 1, "name": "Beranda", "item": f"{site.base_url}/"}
    ]
    if category is not None:
        category_url = site.url(f"/category/{category.slug}/")
        items.append(
            {"@type": "ListItem", "position": 2, "name": category.name, "item": category_url}
        )
    items.append({"@type": "ListItem", "position": len(items) + 1, "name": title})
    return {"@type": "BreadcrumbList", "@id": f"{page_url}#breadcrumb", "itemListElement": items}


def collection_graph(site: ReplicaSite, page_url: str, name: str) -> list[dict[str, Any]]:
    webpage = {
        "@type": "CollectionPage",
        "@id": page_url,
        "url": page_url,
        "name": name,
        "isPartOf": {"@id": f"{site.base_url}/#website"},
        "breadcrumb": {"@id": f"{page_url}#breadcrumb"},
        "inLanguage": "id",
    }
    return [webpage, breadcrumb_node(site, page_url, name), *website_nodes(site)]


def render_head(site: ReplicaSite, head: Head) -> str:
    """The <head> element's contents, in Yoast's order."""
    lines = [
        '<meta charset="UTF-8" />',
        f"<title>{text(head.title)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
        f'<link rel="pingback" href="{site.url("/xmlrpc.php")}" />',
        f"<meta name='robots' content='{head.robots}' />",
        f"<!-- This site is optimized with the Yoast SEO plugin v22.4 - {YOAST_URL} -->",
        f'<meta name="description" content="{attr(head.description)}" />',
        f'<link rel="canonical" href="{attr(head.canonical)}" />',
    ]
    lines += [f'<link rel="prev" href="{attr(head.prev_url)}" />'] if head.prev_url else []
    lines += [f'<link rel="next" href="{attr(head.next_url)}" />'] if head.next_url else []
    lines += _open_graph(head)
    lines += [
        '<script type="application/ld+json" class="yoast-schema-graph">'
        f"{_json(head.graph)}</script>",
        "<!-- / Yoast SEO plugin. -->",
        "<link rel='dns-prefetch' href='//fonts.googleapis.com' />",
        f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Feed" '
        f'href="{site.url("/feed/")}" />',
        f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Umpan '
        f'Komentar" href="{site.url("/comments/feed/")}" />',
        *(_tagdiv_assets(site) if head.theme == "tagdiv" else _plain_assets(site)),
        f'<link rel="https://api.w.org/" href="{site.url("/wp-json/")}" />',
        '<meta name="generator" content="WordPress 6.4.3" />',
    ]
    lines += [f"<link rel='shortlink' href='{head.shortlink}' />"] if head.shortlink else []
    lines += [
        f'<link rel="icon" href="{site.url("/wp-content/uploads/2023/01/favicon-32x32.png")}" '
        'sizes="32x32" />',
    ]
    if head.theme == "tagdiv":
        rest_url = site.url("/wp-json/")
        lines.append(f'<script>window.tdb_global_vars = {{"wpRestUrl":"{rest_url}"}};</script>')
    return "\n".join(lines)


def _tagdiv_assets(site: ReplicaSite) -> list[str]:
    return [
        f"<link rel='stylesheet' id='td-theme-css' href='{site.url(THEME_CSS_PATH)}' "
        "type='text/css' media='all' />",
        "<style id='td-theme-inline-css' type='text/css'>@media (max-width:767px){"
        ".td-header-desktop-wrap{display:none}}@media (min-width:767px){"
        ".td-header-mobile-wrap{display:none}}.td-warning-comment,.td-warning-author,"
        ".td-warning-email,.td-warning-email-error{display:none}</style>",
    ]


def _plain_assets(site: ReplicaSite) -> list[str]:
    return [
        f"<link rel='stylesheet' id='generate-style-css' href='{site.url(PLAIN_THEME_CSS_PATH)}' "
        "media='all' />",
        "<style id='generate-style-inline-css'>body{background-color:#f7f8f9;color:#222}"
        ".entry-content>*{margin-bottom:1.5em}</style>",
    ]


def _open_graph(head: Head) -> list[str]:
    lines = [
        '<meta property="og:locale" content="id_ID" />',
        f'<meta property="og:type" content="{head.og_type}" />',
        f'<meta property="og:title" content="{attr(head.title)}" />',
        f'<meta property="og:description" content="{attr(head.description)}" />',
        f'<meta property="og:url" content="{attr(head.canonical)}" />',
        f'<meta property="og:site_name" content="{SITE_NAME}" />',
    ]
    if head.og_type == "article":
        lines.append(
            '<meta property="article:publisher" content="https://www.facebook.com/radartangsel" />'
        )
    if head.published:
        lines.append(f'<meta property="article:published_time" content="{w3c(head.published)}" />')
    # Yoast prints the modified time only for posts edited after publication.
    if head.published and head.modified and head.modified > head.published:
        lines.append(f'<meta property="article:modified_time" content="{w3c(head.modified)}" />')
    if head.image:
        lines += [
            f'<meta property="og:image" content="{attr(head.image)}" />',
            '<meta property="og:image:type" content="image/jpeg" />',
        ]
    if head.author:
        lines.append(f'<meta name="author" content="{attr(head.author)}" />')
    lines += [
        '<meta name="twitter:card" content="summary_large_image" />',
        '<meta name="twitter:site" content="@radartangsel" />',
    ]
    if head.author:
        lines += [
            '<meta name="twitter:label1" content="Ditulis oleh" />',
            f'<meta name="twitter:data1" content="{attr(head.author)}" />',
        ]
    if head.reading_minutes:
        lines += [
            '<meta name="twitter:label2" content="Estimasi waktu membaca" />',
            f'<meta name="twitter:data2" content="{head.reading_minutes} menit" />',
        ]
    return lines


def _json(graph: list[dict[str, Any]]) -> str:
    document = {"@context": "https://schema.org", "@graph": graph}
    encoded = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    # A "</script>" inside a string would end the element early; WordPress escapes slashes.
    return encoded.replace("</", "<\\/")
