"""Theme profile: tagDiv "Newspaper" (WordPress), the theme of Radar Tangsel, BantenNews and
many Indonesian regional sites.

The theme ships two single-post templates (site-research §3), and a page is one or the other:
- classic (`loop-single.php`, `td_module_single_base`): `td-post-*` classes (TagDivClassic);
- tagDiv Composer / Cloud Library: `tdb_*` blocks (TagDivComposer).
`TagDivParser(response)` probes the page once and returns the parser of its template, so each
field tries only its own template's selectors (every selector is a walk over the whole page).
Selectors never use the numbered `tdi_NN` block ids: they differ per site and per template.
"""

from __future__ import annotations

from scrapy.http import TextResponse

from crawler.extract import compiled_css
from crawler.themes.base import ArticleParser

# Blocks only the Composer template prints on a single post.
COMPOSER_PROBE = ".tdb_single_content, .tdb_title"


class TagDivParser(ArticleParser):
    def __new__(cls, response: TextResponse, base_url: str | None = None) -> TagDivParser:
        if cls is TagDivParser:
            composer = compiled_css(COMPOSER_PROBE)(response.selector.root)
            cls = TagDivComposer if composer else TagDivClassic
        return super().__new__(cls)


class TagDivClassic(TagDivParser):
    title = (".td-post-header h1.entry-title", "article h1.entry-title")
    subtitle = ("p.td-post-sub-title",)
    # Scoped to the post header: related-post and listing modules on the same page carry the
    # very same time.entry-date markup with other posts' dates.
    published = (".td-post-header time.entry-date::attr(datetime)",)
    # Visible date text is the last resort: its format is each site's WordPress date_format
    # ("Kamis, 7 Desember 2023 | 14:30 WIB", "Senin 27 Des 2021 16:12 WIB", "Jum'at, ...").
    published_text = (".td-post-header time.entry-date",)
    modified = ('article meta[itemprop="dateModified"]::attr(content)',)
    authors = (".td-post-header .td-post-author-name a",)
    category = (".td-post-header ul.td-category li.entry-category a",)
    # The first <li> of the tag list is a label ("TOPIK" in 11.x, "LABEL" in 9.x) in a <span>:
    # selecting anchors skips it (ArticleParser.tag_labels catches sites that link it).
    tags = ("ul.td-tags li a",)
    featured_image = (
        ".td-post-featured-image img::attr(src)",
        ".td-post-featured-image img::attr(data-src)",
    )
    # The classic template prints the featured image's caption INSIDE td-post-content, before
    # the body: read it here so cleaning can drop it from the body (seed README).
    image_caption = (
        ".td-post-featured-image figcaption",
        ".td-post-featured-image a.td-modal-image::attr(data-caption)",
    )
    comment_count = (".td-post-header .td-post-comments a", ".td-post-header .td-post-comments")
    view_count = (".td-post-header .td-post-views span",)
    body = ("article div.td-post-content", "div.td-post-content")
    page_links = ("div.page-nav-post a",)


class TagDivComposer(TagDivParser):
    title = (".tdb_title h1.tdb-title-text",)
    subtitle = (".tdb_single_subtitle p", ".tdb_single_subtitle")
    published = (".tdb_single_date time.entry-date::attr(datetime)",)
    published_text = (".tdb_single_date time", ".tdb_single_date .tdb-block-inner")
    authors = (".tdb_single_author a.tdb-author-name", ".tdb_single_author .tdb-author-name")
    category = (".tdb_single_categories a.tdb-entry-category",)
    tags = (".tdb_single_tags ul.tdb-tags li a", ".tdb_single_tags a")
    featured_image = (
        ".tdb_single_featured_image img::attr(src)",
        ".tdb_single_featured_image img::attr(data-src)",
    )
    image_caption = (".tdb_single_featured_image figcaption",)
    comment_count = (".tdb_single_comments_count span", ".tdb_single_comments_count")
    view_count = (".tdb_single_post_views span", ".tdb_single_post_views")
    # .tdb_single_content also carries td-post-content, but its inner div is the body itself,
    # without the block's own wrapper.
    body = (".tdb_single_content .tdb-block-inner",)
    page_links = (".tdb_single_content .page-nav a",)
