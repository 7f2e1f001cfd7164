"""Theme profile: tagDiv "Newspaper" (WordPress), the theme of Radar Tangsel, BantenNews and
many Indonesian regional sites.

The theme ships two single-post templates (site-research §3), and a page is one or the other:
- classic (`loop-single.php`, `td_module_single_base`): `td-post-*` classes (TagDivClassic);
- tagDiv Composer / Cloud Library: `tdb_*` blocks (TagDivComposer).
TagDivParser, the profile, declares both as its templates: the parser factory
(crawler/themes/registry.py: make_parser) probes the page once and builds the profile in the
page's template, so each field tries only its own template's selectors, and a site's subclass
of TagDivParser that overrides one selector keeps every other.
Selectors never use the numbered `tdi_NN` block ids: they differ per site and per template.
Each starts from the theme's block by tag and class (`div.td-post-header`, `div.tdb_title`): the
page finds all of them in one walk over its divs (crawler/themes/page.py).
"""

from __future__ import annotations

from crawler.themes.base import ArticleParser

# Blocks only the Composer template prints on a single post.
COMPOSER_PROBE = "div.tdb_single_content, div.tdb_title"


class TagDivClassic(ArticleParser):
    title = ("div.td-post-header h1.entry-title", "article h1.entry-title")
    subtitle = ("div.td-post-header p.td-post-sub-title",)
    # Scoped to the post header: related-post and listing modules on the same page carry the
    # very same time.entry-date markup with other posts' dates.
    published = ("div.td-post-header time.entry-date::attr(datetime)",)
    # Visible date text is the last resort: its format is each site's WordPress date_format
    # ("Kamis, 7 Desember 2023 | 14:30 WIB", "Senin 27 Des 2021 16:12 WIB", "Jum'at, ...").
    published_text = ("div.td-post-header time.entry-date",)
    modified = ('article meta[itemprop="dateModified"]::attr(content)',)
    authors = ("div.td-post-header .td-post-author-name a",)
    category = ("div.td-post-header ul.td-category li.entry-category a",)
    # The first <li> of the tag list is a label ("TOPIK" in 11.x, "LABEL" in 9.x) in a <span>:
    # selecting anchors skips it (ArticleParser.tag_labels catches sites that link it).
    tags = ("ul.td-tags li a",)
    featured_image = (
        "div.td-post-featured-image img::attr(src)",
        "div.td-post-featured-image img::attr(data-src)",
    )
    # The classic template prints the featured image's caption INSIDE td-post-content, before
    # the body: read it here so cleaning can drop it from the body (seed README).
    image_caption = (
        "div.td-post-featured-image figcaption",
        "div.td-post-featured-image a.td-modal-image::attr(data-caption)",
    )
    comment_count = (
        "div.td-post-header .td-post-comments a",
        "div.td-post-header .td-post-comments",
    )
    view_count = ("div.td-post-header .td-post-views span",)
    body = ("div.td-post-content",)
    page_links = ("div.page-nav-post a",)


class TagDivComposer(ArticleParser):
    title = ("div.tdb_title h1.tdb-title-text",)
    subtitle = ("div.tdb_single_subtitle p", "div.tdb_single_subtitle")
    published = ("div.tdb_single_date time.entry-date::attr(datetime)",)
    published_text = ("div.tdb_single_date time", "div.tdb_single_date .tdb-block-inner")
    authors = ("div.tdb_single_author a.tdb-author-name", "div.tdb_single_author .tdb-author-name")
    category = ("div.tdb_single_categories a.tdb-entry-category",)
    tags = ("div.tdb_single_tags ul.tdb-tags li a", "div.tdb_single_tags a")
    featured_image = (
        "div.tdb_single_featured_image img::attr(src)",
        "div.tdb_single_featured_image img::attr(data-src)",
    )
    image_caption = ("div.tdb_single_featured_image figcaption",)
    comment_count = ("div.tdb_single_comments_count span", "div.tdb_single_comments_count")
    view_count = ("div.tdb_single_post_views span", "div.tdb_single_post_views")
    # div.tdb_single_content also carries td-post-content, but its inner div is the body itself,
    # without the block's own wrapper.
    body = ("div.tdb_single_content .tdb-block-inner",)
    page_links = ("div.tdb_single_content .page-nav a",)


class TagDivParser(ArticleParser):
    """The tagDiv profile: declares no selector of its own (a site's subclass may), so those of
    the page's template apply."""

    templates = ((COMPOSER_PROBE, TagDivComposer), (None, TagDivClassic))
