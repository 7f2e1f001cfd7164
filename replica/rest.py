"""The WordPress REST API of the replica, open with ReplicaOptions(rest_api=True):
`/wp-json/wp/v2/posts` with `per_page` (at most 100), `page`, `order` and `_embed`, answered as
WordPress 6.4 answers: post objects with GMT and local dates, `content.rendered` (the post
content through the_content: every page of a multi-page post, joined by `<!--nextpage-->`,
without the theme's chrome or inline ad), `_links`, and with `_embed` the author, the featured
image and the terms in `_embedded`; X-WP-Total and X-WP-TotalPages headers.

Posts of the tagDiv classic template stand for Classic-editor posts, whose page break wpautop
wraps in a paragraph; the others for block-editor posts, where it is a bare comment.

Closed (the default), every /wp-json/ URL answers 401 as a security plugin makes it answer.
"""

from __future__ import annotations

import json
import zlib
from datetime import UTC
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlencode

from replica.body import BodyContext, render_block
from replica.markup import BlockIds, text
from replica.model import WIB, Author, Image, ReplicaArticle
from replica.response import JSON, Response
from replica.seo import SITE_NAME, TAGLINE
from replica.taxonomy import AUTHORS, CATEGORIES

if TYPE_CHECKING:
    from datetime import datetime

    from replica.site import ReplicaSite

POSTS_ROUTE = "/wp-json/wp/v2/posts"
DEFAULT_PER_PAGE = 10
MAX_PER_PAGE = 100


def rest_response(site: ReplicaSite, path: str, query: str) -> Response:
    """The answer to a GET of a /wp-json/ URL."""
    if not site.options.rest_api:
        return _error(401, "rest_login_required", "REST API restricted to authenticated users.")
    if path.rstrip("/") == "/wp-json":
        return _json(200, _index(site))
    if path.rstrip("/") == POSTS_ROUTE:
        return _posts(site, parse_qs(query, keep_blank_values=True))
    return _error(404, "rest_no_route", "Tidak ada rute yang cocok dengan URL dan metode request.")


def _posts(site: ReplicaSite, params: dict[str, list[str]]) -> Response:
    per_page = _int_param(params, "per_page", DEFAULT_PER_PAGE)
    page = _int_param(params, "page", 1)
    if per_page is None or not 1 <= per_page <= MAX_PER_PAGE:
        return _error(400, "rest_invalid_param", "Parameter tidak valid: per_page")
    if page is None or page < 1:
        return _error(400, "rest_invalid_param", "Parameter tidak valid: page")
    posts = site.posts if params.get("order", ["desc"])[0] != "asc" else site.posts[::-1]
    total = len(posts)
    pages = max(1, -(-total // per_page))
    if page > pages:
        return _error(
            400,
            "rest_post_invalid_page_number",
            "Jumlah halaman yang diminta lebih besar dari jumlah halaman yang tersedia.",
        )
    embed = "_embed" in params
    chosen = posts[(page - 1) * per_page : page * per_page]
    body = [_post(site, site.full_article(article), embed) for article in chosen]
    headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
    links = _page_links(site, params, page, pages)
    return _json(200, body, {**headers, "Link": links} if links else headers)


def _int_param(params: dict[str, list[str]], name: str, default: int) -> int | None:
    value = params.get(name, [str(default)])[0]
    return int(value) if value.isdigit() else None


def _page_links(site: ReplicaSite, params: dict[str, list[str]], page: int, pages: int) -> str:
    links = []
    for number, relation in ((page - 1, "prev"), (page + 1, "next")):
        if 1 <= number <= pages:
            query = urlencode({**{k: v[0] for k, v in params.items()}, "page": number})
            links.append(f'<{site.url(POSTS_ROUTE)}?{query}>; rel="{relation}"')
    return ", ".join(links)


def _post(site: ReplicaSite, article: ReplicaArticle, embed: bool) -> dict[str, Any]:
    url = site.url(article.path)
    category_id = _category_id(article)
    tag_ids = [_tag_id(site, tag) for tag in article.tags]
    media_id = article.post_id + 1 if article.image else 0
    post: dict[str, Any] = {
        "id": article.post_id,
        "date": _local(article.published),
        "date_gmt": _gmt(article.published),
        "guid": {"rendered": site.url(f"/?p={article.post_id}")},
        "modified": _local(article.modified),
        "modified_gmt": _gmt(article.modified),
        "slug": article.slug,
        "status": "publish",
        "type": "post",
        "link": url,
        "title": {"rendered": text(article.title)},
        "content": {"rendered": _content(site, article), "protected": False},
        "excerpt": {"rendered": f"<p>{text(article.title)} [&hellip;]</p>\n", "protected": False},
        "author": _author_id(article.author),
        "featured_media": media_id,
        "comment_status": "open",
        "ping_status": "open",
        "sticky": False,
        "template": "",
        "format": "standard",
        "meta": {"footnotes": ""},
        "categories": [category_id],
        "tags": tag_ids,
        "_links": _links(site, article, media_id),
    }
    if embed:
        post["_embedded"] = _embedded(site, article, media_id, category_id, tag_ids)
    return post


def _content(site: ReplicaSite, article: ReplicaArticle) -> str:
    context = BodyContext(
        base_url=site.base_url,
        page_url=site.url(article.path),
        entities=article.entity_style,
        ids=BlockIds(start=1),
    )
    pages = ["\n".join(render_block(block, context) for block in page) for page in article.pages]
    classic_editor = article.template == "classic"
    page_break = "\n<p><!--nextpage--></p>\n" if classic_editor else "\n<!--nextpage-->\n"
    return page_break.join(pages) + "\n"


def _embedded(
    site: ReplicaSite, article: ReplicaArticle, media_id: int, category_id: int, tag_ids: list[int]
) -> dict[str, Any]:
    embedded: dict[str, Any] = {}
    if article.author:
        embedded["author"] = [_user(site, article.author)]
    if article.image:
        embedded["wp:featuredmedia"] = [_media(site, article, article.image, media_id)]
    category = article.category
    embedded["wp:term"] = [
        [_term(site, category_id, category.name, category.slug, "category")],
        [
            _term(site, tag_id, tag, site.tag_slug(tag), "post_tag")
            for tag_id, tag in zip(tag_ids, article.tags, strict=True)
        ],
    ]
    return embedded


def _user(site: ReplicaSite, author: Author) -> dict[str, Any]:
    return {
        "id": _author_id(author),
        "name": author.name,
        "url": "",
        "description": author.description,
        "link": site.url(f"/author/{author.slug}/"),
        "slug": author.slug,
        "avatar_urls": {
            size: f"https://secure.gravatar.com/avatar/{author.slug}?s={size}&d=mm&r=g"
            for size in ("24", "48", "96")
        },
        "_links": {"self": [{"href": site.url(f"/wp-json/wp/v2/users/{_author_id(author)}")}]},
    }


def _media(
    site: ReplicaSite, article: ReplicaArticle, image: Image, media_id: int
) -> dict[str, Any]:
    caption = f"<p>{text(image.caption)}</p>\n" if image.caption else ""
    file = image.path.removeprefix("/wp-content/uploads/")
    slug = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return {
        "id": media_id,
        "date": _local(article.published),
        "slug": slug,
        "type": "attachment",
        "link": site.url(f"{article.path}{slug}/"),
        "title": {"rendered": text(article.title)},
        "author": _author_id(article.author),
        "caption": {"rendered": caption},
        "alt_text": image.alt,
        "media_type": "image",
        "mime_type": "image/jpeg",
        "media_details": {"width": image.width, "height": image.height, "file": file},
        "source_url": image.url(site.base_url),
    }


def _term(site: ReplicaSite, term_id: int, name: str, slug: str, taxonomy: str) -> dict[str, Any]:
    base = "category" if taxonomy == "category" else "tag"
    return {
        "id": term_id,
        "link": site.url(f"/{base}/{slug}/"),
        "name": text(name),
        "slug": slug,
        "taxonomy": taxonomy,
    }


def _links(site: ReplicaSite, article: ReplicaArticle, media_id: int) -> dict[str, Any]:
    api = site.url("/wp-json/wp/v2")
    post_id = article.post_id
    links: dict[str, Any] = {
        "self": [{"href": f"{api}/posts/{post_id}"}],
        "collection": [{"href": f"{api}/posts"}],
        "replies": [{"embeddable": True, "href": f"{api}/comments?post={post_id}"}],
        "wp:term": [
            {"taxonomy": taxonomy, "embeddable": True, "href": f"{api}/{route}?post={post_id}"}
            for taxonomy, route in (("category", "categories"), ("post_tag", "tags"))
        ],
    }
    if article.author:
        href = f"{api}/users/{_author_id(article.author)}"
        links["author"] = [{"embeddable": True, "href": href}]
    if media_id:
        links["wp:featuredmedia"] = [{"embeddable": True, "href": f"{api}/media/{media_id}"}]
    return links


def _index(site: ReplicaSite) -> dict[str, Any]:
    return {
        "name": SITE_NAME,
        "description": TAGLINE,
        "url": site.base_url,
        "home": site.base_url,
        "gmt_offset": 7,
        "timezone_string": "Asia/Jakarta",
        "namespaces": ["oembed/1.0", "wp/v2", "wp-site-health/v1"],
        "routes": {POSTS_ROUTE.removeprefix("/wp-json"): {"methods": ["GET"]}},
    }


def _author_id(author: Author | None) -> int:
    # 1 is the site's admin account, which writes no news.
    return AUTHORS.index(author) + 2 if author in AUTHORS else 0


def _category_id(article: ReplicaArticle) -> int:
    return CATEGORIES.index(article.category) + 2 if article.category in CATEGORIES else 1


def _tag_id(site: ReplicaSite, tag: str) -> int:
    return 1000 + zlib.crc32(site.tag_slug(tag).encode()) % 90000


def _local(moment: datetime) -> str:
    return moment.astimezone(WIB).strftime("%Y-%m-%dT%H:%M:%S")


def _gmt(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
    encoded = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return Response(status, encoded, JSON, {"Allow": "GET", **(headers or {})})


def _error(status: int, code: str, message: str) -> Response:
    return _json(status, {"code": code, "message": message, "data": {"status": status}})
