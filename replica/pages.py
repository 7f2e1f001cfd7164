"""Pure functions rendering the replica's pages as strings, for fixtures and tests.

Every function takes the ReplicaSite (its base URL makes the absolute links) and returns the
exact text the server sends; `replica.routes` decides which one answers a path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replica.feeds import render_feed as _render_feed
from replica.feeds import render_robots
from replica.listing import render_archive, render_home, render_static_page
from replica.listing import render_not_found as render_404
from replica.routes import route
from replica.single import render_article

if TYPE_CHECKING:
    from replica.site import ReplicaSite

__all__ = [
    "render_404",
    "render_article",
    "render_category",
    "render_feed",
    "render_home",
    "render_path",
    "render_robots",
    "render_sitemap",
    "render_static_page",
]


def render_category(site: ReplicaSite, slug: str, page: int = 1) -> str:
    """A category listing page (/category/<slug>/ or its /page/N/)."""
    category = site.category(slug)
    if category is None:
        raise KeyError(f"no category {slug!r} in the replica")
    return render_archive(site, "category", slug, category.name, site.in_category(slug), page)


def render_feed(site: ReplicaSite) -> str:
    """/feed/: the 10 newest posts."""
    return _render_feed(site, site.posts, "/feed/")


def render_sitemap(site: ReplicaSite, path: str = "/sitemap_index.xml") -> str:
    """Any sitemap by its path: /sitemap_index.xml, /post-sitemap2.xml, /wp-sitemap.xml..."""
    return render_path(site, path)


def render_path(site: ReplicaSite, path: str) -> str:
    """Whatever the server answers for `path`, decoded (broken pages may not be UTF-8)."""
    response = route(site, path)
    return response.body.decode("utf-8", errors="replace")
