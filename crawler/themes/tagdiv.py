"""Theme profile: tagDiv "Newspaper" (WordPress), the theme of Radar Tangsel, BantenNews and
many Indonesian regional sites.

It covers both single-post templates the theme ships (site-research §3):
- classic (`loop-single.php`, `td_module_single_base`): `td-post-*` classes;
- tagDiv Composer / Cloud Library (`tdb_*` blocks).
Selectors never use the numbered `tdi_NN` block ids: they differ per site and per template.
"""

from __future__ import annotations

from crawler.themes.base import ArticleParser


class TagDivParser(ArticleParser):
    title = (
        "header.td-post-title h1.entry-title",
        ".td-post-header h1.entry-title",
        ".tdb_title h1.tdb-title-text",
        "article h1.entry-title",
    )
    subtitle = ("p.td-post-sub-title", ".tdb_single_subtitle p", ".tdb_single_subtitle")
    # Scoped to the post header / date block: related-post and listing modules on the same
    # page carry the very same time.entry-date markup with other posts' dates.
    published = (
        ".td-post-header time.entry-date::attr(datetime)",
        ".tdb_single_date time.entry-date::attr(datetime)",
    )
    # Visible date text is the last resort: its format is each site's WordPress date_format
    # ("Kamis, 7 Desember 2023 | 14:30 WIB", "Senin 27 Des 2021 16:12 WIB", "Jum'at, ...").
    published_text = (
        ".td-post-header time.entry-date",
        ".tdb_single_date time",
        ".tdb_single_date .tdb-block-inner",
    )
    modified = ('article meta[itemprop="dateModified"]::attr(content)',)
    authors = (
        ".td-post-header .td-post-author-name a",
        ".tdb_single_author a.tdb-author-name",
        ".tdb_single_author .tdb-author-name",
    )
    category = (
        ".td-post-header ul.td-category li.entry-category a",
        ".tdb_single_categories a.tdb-entry-category",
    )
    # The first <li> of the tag list is a label ("TOPIK" in 11.x, "LABEL" in 9.x) in a <span>,
    # so selecting anchors skips it; tag_labels catches sites that link the label too.
    tags = ("ul.td-tags li a", ".tdb_single_tags ul.tdb-tags li a", ".tdb_single_tags a")
    featured_image = (
        ".td-post-featured-image img::attr(src)",
        ".td-post-featured-image img::attr(data-src)",
        ".tdb_single_featured_image img::attr(src)",
        ".tdb_single_featured_image img::attr(data-src)",
    )
    # The classic template prints the featured image's caption INSIDE td-post-content, before
    # the body: read it here so cleaning can drop it from the body (seed README).
    image_caption = (
        ".td-post-featured-image figcaption",
        ".tdb_single_featured_image figcaption",
        ".td-post-featured-image a.td-modal-image::attr(data-caption)",
    )
    comment_count = (
        ".td-post-header .td-post-comments a",
        ".td-post-header .td-post-comments",
        ".tdb_single_comments_count span",
        ".tdb_single_comments_count",
    )
    view_count = (
        ".td-post-header .td-post-views span",
        ".tdb_single_post_views span",
        ".tdb_single_post_views",
    )
    # Classic: div.td-post-content; Composer: .tdb_single_content also carries td-post-content,
    # but its inner div is the body itself without the block's own wrapper.
    body = (
        ".tdb_single_content .tdb-block-inner",
        "article div.td-post-content",
        "div.td-post-content",
    )
    page_links = ("div.page-nav-post a", ".tdb_single_content .page-nav a")
