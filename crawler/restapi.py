"""The WordPress REST API as an article source: `/wp-json/wp/v2/posts` pages in, item fields out.

A post object gives plainly what the HTML pages show inside theme chrome: GMT dates
(`date_gmt`, `modified_gmt`), the permalink (`link`), and `content.rendered`, the post's content
through the `the_content` filter, without the theme's header, ads or comment form. With
`_embed=1`, the author, the terms and the featured image come in the same response
(`_embedded`). The whole content comes at once: a multi-page post keeps its `<!--nextpage-->`
markers (WP-API#1206; WordPress leaves splitting to the presentation layer).

It knows no subtitle (themes keep it in their own post meta), no comment or view counts, and no
language; the spider fills the language with the site's.

Reference: developer.wordpress.org/rest-api/reference/posts/ and .../using-the-rest-api/
pagination/ (per_page at most 100; X-WP-Total and X-WP-TotalPages headers).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

import lxml.html
from scrapy.http import Response
from w3lib.html import remove_tags

from crawler.bylines import read_credit_lines
from crawler.cleaning import clean_text
from crawler.dates import parse_date
from crawler.extract import visible_lines
from crawler.urls import canonical_url

POSTS_PATH = "/wp-json/wp/v2/posts"
PER_PAGE = 100  # the API's maximum
TOTAL_PAGES_HEADER = "X-WP-TotalPages"

# Gutenberg's page-break block leaves the bare comment; the Classic editor's text goes through
# wpautop, which may wrap it in a paragraph of its own.
_PAGE_BREAK = re.compile(r"(?:<p>\s*)?<!--nextpage-->(?:\s*</p>)?", re.IGNORECASE)


def posts_url(base_url: str, page: int) -> str:
    """Page `page` (1-based) of the site's posts, newest first, with authors, terms and the
    featured image embedded."""
    query = {"per_page": PER_PAGE, "page": page, "orderby": "date", "order": "desc", "_embed": 1}
    return f"{base_url}{POSTS_PATH}?{urlencode(query)}"


def read_posts(response: Response) -> list[dict[str, Any]] | None:
    """The post objects of a posts page, or None when the answer is not one (a security
    plugin's HTML page, an error object, a login redirect's target)."""
    try:
        posts = json.loads(response.body)
    except ValueError:
        return None
    if not isinstance(posts, list) or not all(isinstance(post, dict) for post in posts):
        return None
    return posts


def total_pages(response: Response) -> int:
    value = response.headers.get(TOTAL_PAGES_HEADER, b"1").decode("latin-1").strip()
    return int(value) if value.isdigit() else 1


def page_bodies(post: dict[str, Any]) -> list[str]:
    """The post's content, one markup string per page of a multi-page post."""
    content = _rendered(post.get("content"))
    return _PAGE_BREAK.split(content) if content else [""]


def published_at(post: dict[str, Any]) -> datetime | None:
    return _gmt(post.get("date_gmt"))


def post_fields(post: dict[str, Any], base_url: str) -> dict[str, Any]:
    """The item fields a post object gives, but for the body (page_bodies)."""
    published = published_at(post)
    terms = _terms(post)
    media = _embedded_first(post, "wp:featuredmedia")
    return {
        "url": canonical_url(post["link"], base_url) if post.get("link") else None,
        "title": _text(_rendered(post.get("title"))),
        "subtitle": None,
        "published_at": published,
        "published_at_raw": post.get("date_gmt") if published else None,
        # WordPress sets modified_gmt to date_gmt until the first edit.
        "modified_at": _gmt(post.get("modified_gmt")) or published,
        "authors": _author_names(post) or _credited_writers(post),
        "category": next((name for name, taxonomy in terms if taxonomy == "category"), None),
        "tags": [name for name, taxonomy in terms if taxonomy == "post_tag"],
        "image_url": media.get("source_url") or None,
        "image_caption": _text(_rendered(media.get("caption"))),
        "comment_count": None,
        "view_count": None,
    }


def _rendered(field: Any) -> str:
    """The `rendered` string of a {"rendered": ...} field."""
    value = field.get("rendered") if isinstance(field, dict) else None
    return value if isinstance(value, str) else ""


def _text(markup: str) -> str | None:
    return clean_text(remove_tags(markup)) if markup else None


def _gmt(value: Any) -> datetime | None:
    # The *_gmt fields carry no offset; they are UTC by name.
    if not isinstance(value, str) or not value.strip():
        return None
    return parse_date(value.strip() + "+00:00")


def _embedded(post: dict[str, Any], relation: str) -> list[Any]:
    embedded = post.get("_embedded")
    value = embedded.get(relation) if isinstance(embedded, dict) else None
    return value if isinstance(value, list) else []


def _embedded_first(post: dict[str, Any], relation: str) -> dict[str, Any]:
    first = next(iter(_embedded(post, relation)), None)
    # A relation the site hides embeds an error object ({"code": "rest_forbidden", ...}).
    return first if isinstance(first, dict) and "code" not in first else {}


def _author_names(post: dict[str, Any]) -> list[str]:
    # Sites that close /wp/v2/users embed {"code": "rest_user_invalid_id", ...} instead.
    names = [
        clean_text(author.get("name"))
        for author in _embedded(post, "author")
        if isinstance(author, dict) and "code" not in author
    ]
    return list(dict.fromkeys(name for name in names if name))


def _credited_writers(post: dict[str, Any]) -> list[str]:
    """A post without a WordPress author: the writers its content's credit lines name
    ("Reporter: Lia Marlina"), as the HTML paths read them (crawler/bylines.py)."""
    content = _rendered(post.get("content"))
    if not content.strip():
        return []
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    return list(read_credit_lines(visible_lines(root)).writers)


def _terms(post: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, taxonomy) of every embedded term, in the API's order (one list per taxonomy)."""
    return [
        (name, term.get("taxonomy", ""))
        for group in _embedded(post, "wp:term")
        if isinstance(group, list)
        for term in group
        if isinstance(term, dict) and (name := _text(term.get("name", "")))
    ]
