"""The replica site: its articles, the indexes listings need, and the switches of ReplicaOptions.

Generated articles are kept as bodiless heads (title, slug, dates, category...) and get their
body only when a page needs it, so a site of 50,000 articles stays a few tens of megabytes.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property, lru_cache
from typing import Any, Literal

from replica.articles import ARTICLES
from replica.broken import BROKEN_PAGES, BrokenPage
from replica.content import expected
from replica.feeds import SitemapEntry
from replica.generator import (
    NEW_ARTICLES_STREAM,
    edit_heads,
    generate_heads,
    generate_new_heads,
    with_body,
)
from replica.markup import DAY_NAMES, MONTH_NAMES
from replica.model import WIB, Author, Category, ReplicaArticle
from replica.taxonomy import AUTHORS, CATEGORIES, slugify


@dataclass(frozen=True)
class ReplicaOptions:
    """Switches that exercise a crawler's fallbacks and failure handling."""

    robots_sitemap: bool = True  # robots.txt lists Sitemap: lines
    sitemaps: bool = True  # False: every sitemap URL answers 404
    wp_core_sitemap: bool = False  # serve /wp-sitemap.xml (WordPress core) instead of Yoast
    feed: bool = True  # False: /feed/ (and category feeds) answer 404
    broken_pages: bool = True  # list the pages of replica.broken in the post sitemaps
    fail_page_two_of: tuple[str, ...] = ()  # slugs whose page 2 always answers 500
    posts_per_sitemap: int = 1000
    posts_per_listing: int = 10
    seed: int = 0  # seed of the generated articles
    # The site as a later crawl finds it (incremental crawls, benchmarks): `new_articles`
    # published since, the newest at `changed_at`; `edited_articles` of the generated ones
    # (spread evenly, at most extra_articles) edited at `changed_at`: a new title, hence new
    # content, and a new modification date in the sitemaps. The other articles stay exactly as
    # the same seed serves them without these options.
    new_articles: int = 0
    edited_articles: int = 0
    # None: when the site is built, rounded up to the second (sitemaps carry whole seconds, so
    # an edit is always later than a crawl that finished before the site was built).
    changed_at: datetime | None = None
    # The markup of article pages: "tagdiv" (the articles' tagDiv templates) or "plain"
    # (WordPress's own conventions, no tagDiv class: replica/plain.py). Listings and
    # the broken pages keep the tagDiv markup.
    theme: Literal["tagdiv", "plain"] = "tagdiv"
    # True: /wp-json/wp/v2/posts answers with the posts (replica/rest.py); False: 401,
    # as when a security plugin closes the REST API.
    rest_api: bool = False
    # A redesign that lost the date and the byline: four article pages in five (by post id)
    # show neither, no visible date, no date meta, no author (replica/single.py; tagDiv only).
    redesign_without_dates: bool = False


def _newest_first(article: ReplicaArticle) -> tuple[datetime, int]:
    return article.published, article.post_id


def _next_second() -> datetime:
    now = datetime.now(UTC)
    return now.replace(microsecond=0) + timedelta(seconds=1)


class ReplicaSite:
    """Everything the replica serves, addressed by path; `base_url` has no trailing slash."""

    def __init__(
        self,
        base_url: str = "http://127.0.0.1",
        *,
        extra_articles: int = 0,
        options: ReplicaOptions | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.options = options or ReplicaOptions()
        changed_at = self.options.changed_at or _next_second()
        generated = list(generate_heads(extra_articles, self.options.seed))
        generated = edit_heads(generated, self.options.edited_articles, changed_at)
        taken = [article.slug for article in (*ARTICLES, *generated)]
        fresh = generate_new_heads(self.options.new_articles, changed_at, taken, self.options.seed)
        # Generated heads get their bodies on demand: slug -> (heads, index, random stream).
        self._generated = {
            head.slug: (heads, index, stream)
            for heads, stream in ((generated, "body"), (fresh, NEW_ARTICLES_STREAM))
            for index, head in enumerate(heads)
        }
        self.posts: list[ReplicaArticle] = sorted(
            [*ARTICLES, *generated, *fresh], key=_newest_first, reverse=True
        )
        self._position = {article.slug: index for index, article in enumerate(self.posts)}
        self._by_id = {article.post_id: article for article in self.posts}
        self._by_category: dict[str, list[ReplicaArticle]] = defaultdict(list)
        self._by_tag: dict[str, list[ReplicaArticle]] = defaultdict(list)
        self._by_author: dict[str, list[ReplicaArticle]] = defaultdict(list)
        self._tag_names: dict[str, str] = {}
        for article in self.posts:
            self._index(article)
        self._category_position = {
            article.slug: index
            for articles in self._by_category.values()
            for index, article in enumerate(articles)
        }
        self.popular = heapq.nlargest(5, self.posts, key=lambda article: article.view_count)
        # Recently built bodies of generated articles, by slug: listing pages and feeds ask
        # for the same few again and again.
        self._generated_body = lru_cache(maxsize=256)(self._build_generated)

    def _index(self, article: ReplicaArticle) -> None:
        self._by_category[article.category.slug].append(article)
        for tag in article.tags:
            slug = self.tag_slug(tag)
            self._tag_names.setdefault(slug, tag)
            self._by_tag[slug].append(article)
        if article.author:
            self._by_author[article.author.slug].append(article)

    # --- addressing ---------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base_url + path

    @staticmethod
    def tag_slug(name: str) -> str:
        return slugify(name)

    @property
    def header_date(self) -> str:
        """The date in the top bar: the day of the newest post, so pages render the same."""
        newest = self.posts[0].published.astimezone(WIB)
        day, month = DAY_NAMES[newest.weekday()], MONTH_NAMES[newest.month - 1]
        return f"{day}, {newest.day} {month} {newest.year}"

    # --- lookups ------------------------------------------------------------------------------

    def post(self, slug: str) -> ReplicaArticle | None:
        """The article head (generated ones without body) for `slug`."""
        index = self._position.get(slug)
        return None if index is None else self.posts[index]

    def post_by_id(self, post_id: int) -> ReplicaArticle | None:
        return self._by_id.get(post_id)

    def full_article(self, article: ReplicaArticle) -> ReplicaArticle:
        """`article` with its body (hand-written articles already have one)."""
        if article.slug not in self._generated:
            return article
        return self._generated_body(article.slug)

    def _build_generated(self, slug: str) -> ReplicaArticle:
        heads, index, stream = self._generated[slug]
        return with_body(heads, index, self.options.seed, stream=stream)

    def articles(self) -> Iterator[ReplicaArticle]:
        """Every article with its body, newest first (generated bodies built one at a time)."""
        for article in self.posts:
            generated = article.slug in self._generated
            yield self._build_generated(article.slug) if generated else article

    def article_urls(self) -> list[str]:
        return [self.url(article.path) for article in self.posts]

    def expected(self) -> list[dict[str, Any]]:
        """What a correct crawl of this site stores, one dict per article, newest first."""
        return [expected(article, self.base_url) for article in self.articles()]

    def category(self, slug: str) -> Category | None:
        return next((category for category in CATEGORIES if category.slug == slug), None)

    def author(self, slug: str) -> Author | None:
        return next((author for author in AUTHORS if author.slug == slug), None)

    def tag_name(self, slug: str) -> str | None:
        return self._tag_names.get(slug)

    def in_category(self, slug: str) -> list[ReplicaArticle]:
        return self._by_category.get(slug, [])

    def with_tag(self, slug: str) -> list[ReplicaArticle]:
        return self._by_tag.get(slug, [])

    def by_author(self, slug: str) -> list[ReplicaArticle]:
        return self._by_author.get(slug, [])

    def neighbours(
        self, article: ReplicaArticle
    ) -> tuple[ReplicaArticle | None, ReplicaArticle | None]:
        """(previous, next): the post published just before and just after `article`."""
        index = self._position.get(article.slug)
        if index is None:
            return None, None
        older = self.posts[index + 1] if index + 1 < len(self.posts) else None
        newer = self.posts[index - 1] if index > 0 else None
        return older, newer

    def related(self, article: ReplicaArticle, count: int = 3) -> list[ReplicaArticle]:
        """Posts of the same category published closest to `article` (tagDiv's default)."""
        siblings = self.in_category(article.category.slug)
        index = self._category_position.get(article.slug, 0)
        window = siblings[max(0, index - count) : index + count + 1]
        return [other for other in window if other.slug != article.slug][:count]

    # --- broken pages and sitemaps ------------------------------------------------------------

    @property
    def broken_pages(self) -> tuple[BrokenPage, ...]:
        return BROKEN_PAGES if self.options.broken_pages else ()

    @property
    def broken_paths(self) -> dict[str, str]:
        """Name -> path of every page a crawler must drop (empty when broken_pages is off)."""
        return {page.name: page.path for page in self.broken_pages}

    @property
    def broken_urls(self) -> dict[str, str]:
        return {name: self.url(path) for name, path in self.broken_paths.items()}

    def broken_page(self, path: str) -> BrokenPage | None:
        return next((page for page in self.broken_pages if page.path == path), None)

    @cached_property
    def post_sitemap_entries(self) -> list[SitemapEntry]:
        """Posts and broken pages ordered as Yoast orders them: least recently modified first."""
        entries = [
            SitemapEntry(
                article.path,
                article.modified,
                article.image and article.image.path,
                article.post_id,
            )
            for article in self.posts
        ]
        entries += [
            SitemapEntry(page.path, page.lastmod, None, page.post_id) for page in self.broken_pages
        ]
        return sorted(entries, key=lambda entry: (entry.lastmod, entry.post_id))

    @cached_property
    def core_sitemap_paths(self) -> list[str]:
        """WordPress core orders its post sitemap by post ID."""
        return [entry.path for entry in sorted(self.post_sitemap_entries, key=lambda e: e.post_id)]

    def categories_with_posts(self) -> list[Category]:
        return [category for category in CATEGORIES if self._by_category.get(category.slug)]

    def authors_with_posts(self) -> list[Author]:
        return [author for author in AUTHORS if self._by_author.get(author.slug)]

    def tag_slugs(self) -> list[str]:
        return sorted(self._by_tag)
