"""Theme profile: WordPress's own markup conventions, which most themes keep (the default
themes, underscores-based themes such as GeneratePress and Astra, block themes): the title in
`h1.entry-title`, the body in `.entry-content`, `time.entry-date`, `.cat-links`, `.tags-links`,
the byline's `.author.vcard`. The profile for a WordPress news site whose theme has no profile
of its own.
"""

from __future__ import annotations

from crawler.extract import parse_count
from crawler.themes.base import ArticleParser


class WordPressParser(ArticleParser):
    title = ("article h1.entry-title", "h1.entry-title", "h1.wp-block-post-title")
    # underscores prints `time.entry-date.published` and, once edited, a `time.updated` beside
    # it (GeneratePress puts the updated one first): ask for the published one by name.
    published = (
        "article time.entry-date.published::attr(datetime)",
        "article time.entry-date::attr(datetime)",
        ".wp-block-post-date time::attr(datetime)",
    )
    published_text = (
        "article time.entry-date.published",
        "article time.entry-date",
        ".wp-block-post-date time",
    )
    modified = ("article time.updated:not(.published)::attr(datetime)",)
    authors = (
        "article .byline .author a",
        "article .author.vcard a",
        "article a[rel='author']",
        ".wp-block-post-author-name a",
    )
    category = ("article .cat-links a", ".wp-block-post-terms.taxonomy-category a")
    tags = ("article .tags-links a", "article a[rel='tag']", ".taxonomy-post_tag a")
    featured_image = ("img.wp-post-image::attr(src)",)
    image_caption = (
        ".post-thumbnail figcaption",
        ".featured-image figcaption",
        ".featured-media figcaption",
        ".wp-block-post-featured-image figcaption",
    )
    # "1 Komentar", "12 Komentar"; with none the link says "Tinggalkan komentar": no number.
    comment_count = ("article .comments-link a",)
    body = ("article .entry-content", ".entry-content", ".wp-block-post-content")
    page_links = (".page-links a", ".post-nav-links a")

    def get_comment_count(self) -> int | None:
        # SEO plugins' JSON-LD carries the exact count (Yoast: commentCount); the theme's link
        # text has none when there are no comments.
        count = self.jsonld_article.get("commentCount")
        if isinstance(count, int):
            return count
        return parse_count(self.first(self.comment_count))
