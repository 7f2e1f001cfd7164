"""Theme profile: JNews (Jegtheme), a WordPress news theme common on Indonesian sites (mojok.co
among them, notes/site-research.md section 6). Its single templates put the header in
`.entry-header` (`h1.jeg_post_title`, `.jeg_meta_*`) and the body in `.content-inner` inside
`.entry-content`, beside the share buttons; inline related posts
(`.jnews_inline_related_post`), ads (`.jeg_ad`) and the page links (`.jeg_pagelinks`) sit in
the body and are left to the cleaning rules.
"""

from __future__ import annotations

from crawler.themes.base import ArticleParser


class JNewsParser(ArticleParser):
    title = (".entry-header h1.jeg_post_title", "h1.jeg_post_title")
    subtitle = (".entry-header h2.jeg_post_subtitle", ".jeg_post_subtitle")
    # JNews prints the date as link text only ("3 Mei 2024"), without a datetime attribute:
    # JSON-LD and article:published_time come first anyway.
    published = ()
    published_text = (".entry-header .jeg_meta_date a", ".entry-header .jeg_meta_date")
    # "by" is a separate <span class="meta_text"> before the link: anchors leave it out.
    authors = (".entry-header .jeg_meta_author a",)
    category = (".entry-header .jeg_meta_category a", ".entry-header .jeg_post_category a")
    tags = (".jeg_post_tags a",)
    # Lazy-loaded: src is a placeholder until the script copies data-src.
    featured_image = (".jeg_featured img::attr(data-src)", ".jeg_featured img::attr(src)")
    image_caption = (".jeg_featured .wp-caption-text", ".jeg_featured figcaption")
    comment_count = (".entry-header .jeg_meta_comment a",)
    body = (".entry-content .content-inner", ".content-inner")
    page_links = (".jeg_pagelinks a",)
