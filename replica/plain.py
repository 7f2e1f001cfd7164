"""Single-post pages in plain WordPress markup (ReplicaOptions(theme="plain")): a theme in the
manner of GeneratePress, which keeps WordPress's conventions (`h1.entry-title`,
`.entry-content`, `time.entry-date`, the byline's `.author.vcard`, `.cat-links`, `.tags-links`,
wp_link_pages in `.page-links`, core's comment list and form) and prints no tagDiv class.

The post content is the articles' own, as on the tagDiv pages but without the theme's inline ad
(an ad plugin's block stands in for tagDiv's ad boxes); the <head> is the same Yoast head with
the theme's stylesheet. The featured image has its caption in a figcaption, as the default
themes print it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from replica.body import BodyContext, adsense_code, image_tag, render_block
from replica.markup import BlockIds, attr, text, visible_date, w3c
from replica.model import AdSlot, Block, ReplicaArticle
from replica.seo import SITE_NAME, TAGLINE, render_head
from replica.single import article_head
from replica.taxonomy import CATEGORIES

if TYPE_CHECKING:
    from replica.site import ReplicaSite

PLAIN_MENU_SCRIPT = "/wp-content/themes/generatepress/assets/js/menu.min.js?ver=3.4.0"


def render_plain_article(site: ReplicaSite, article: ReplicaArticle, page: int = 1) -> str:
    """The HTML of page `page` (1-based) of `article` in the plain theme."""
    page_url = site.url(article.page_path(page))
    head = replace(article_head(site, article, page), theme="plain")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="id">',
            "<head>",
            render_head(site, head),
            "</head>",
            f'<body class="{_body_class(article)}" itemtype="https://schema.org/Blog" itemscope>',
            '<a class="screen-reader-text skip-link" href="#content">Langsung ke konten</a>',
            _site_header(site),
            '<div class="site grid-container container hfeed" id="page">',
            '<div class="site-content" id="content">',
            '<div class="content-area" id="primary"><main class="site-main" id="main">',
            _article(site, article, page, page_url),
            _comments(site, article, page_url),
            "</main></div>",
            _sidebar(site),
            "</div></div>",
            _site_footer(site),
            f'<script id="generate-menu-js" src="{site.url(PLAIN_MENU_SCRIPT)}"></script>',
            "</body>",
            "</html>",
        ]
    )


def _body_class(article: ReplicaArticle) -> str:
    return (
        f"post-template-default single single-post postid-{article.post_id} "
        "single-format-standard wp-embed-responsive right-sidebar nav-float-right "
        "separate-containers header-aligned-left dropdown-hover"
        + (" featured-image-active" if article.image else "")
    )


def _site_header(site: ReplicaSite) -> str:
    items = "".join(
        '<li class="menu-item menu-item-type-taxonomy menu-item-object-category">'
        f'<a href="{site.url(f"/category/{category.slug}/")}">{text(category.name)}</a></li>'
        for category in CATEGORIES
    )
    return (
        '<header class="site-header" id="masthead" aria-label="Situs" '
        'itemtype="https://schema.org/WPHeader" itemscope>'
        '<div class="inside-header grid-container">'
        f'<div class="site-branding"><p class="main-title" itemprop="headline"><a href="'
        f'{site.base_url}/" rel="home">{SITE_NAME}</a></p><p class="site-description" '
        f'itemprop="description">{text(TAGLINE)}</p></div>'
        '<nav class="main-navigation sub-menu-right" id="site-navigation" aria-label="Utama">'
        '<div class="inside-navigation grid-container"><div id="primary-menu" class="main-nav">'
        f'<ul id="menu-utama" class="menu sf-menu">{items}</ul></div></div></nav>'
        "</div></header>"
    )


def _article(site: ReplicaSite, article: ReplicaArticle, page: int, page_url: str) -> str:
    classes = " ".join(
        [
            f"post-{article.post_id} post type-post status-publish format-standard",
            "has-post-thumbnail" if article.image else "",
            "hentry",
            f"category-{article.category.slug}",
            *(f"tag-{site.tag_slug(tag)}" for tag in article.tags),
        ]
    )
    return "\n".join(
        [
            f'<article id="post-{article.post_id}" class="{" ".join(classes.split())}" '
            'itemtype="https://schema.org/CreativeWork" itemscope>',
            '<div class="inside-article">',
            '<header class="entry-header">',
            f'<h1 class="entry-title" itemprop="headline">'
            f"{text(article.title, article.entity_style)}</h1>",
            f'<div class="entry-meta">{_posted_on(article)} {_byline(site, article)}</div>',
            "</header>",
            _featured_image(site, article) if page == 1 else "",
            '<div class="entry-content" itemprop="text">',
            _content(site, article, page, page_url),
            _page_links(site, article, page),
            "</div>",
            _entry_footer(site, article, page_url),
            "</div>",
            "</article>",
        ]
    )


def _posted_on(article: ReplicaArticle) -> str:
    published = visible_date(article.published)
    if article.date_visible_only:
        time = f'<time class="entry-date published">{published}</time>'
        return f'<span class="posted-on">{time}</span>'
    updated = ""
    if article.was_modified:
        updated = (
            f'<time class="updated" datetime="{w3c(article.modified)}" itemprop="dateModified">'
            f"{visible_date(article.modified)}</time>"
        )
    return (
        f'<span class="posted-on">{updated}<time class="entry-date published" '
        f'datetime="{w3c(article.published)}" itemprop="datePublished">{published}</time></span>'
    )


def _byline(site: ReplicaSite, article: ReplicaArticle) -> str:
    author = article.author
    if author is None:
        return ""
    return (
        '<span class="byline">oleh <span class="author vcard" itemprop="author" '
        'itemtype="https://schema.org/Person" itemscope><a class="url fn n" '
        f'href="{site.url(f"/author/{author.slug}/")}" title="Lihat semua pos oleh '
        f'{attr(author.name)}" rel="author" itemprop="url"><span class="author-name" '
        f'itemprop="name">{text(author.name)}</span></a></span></span>'
    )


def _featured_image(site: ReplicaSite, article: ReplicaArticle) -> str:
    image = article.image
    if image is None:
        return ""
    css_class = "attachment-full size-full wp-post-image"
    img = image_tag(image, site.base_url, css_class, 'itemprop="image" ')
    caption = (
        f'<figcaption class="wp-caption-text">{text(image.caption, article.entity_style)}'
        "</figcaption>"
        if image.caption
        else ""
    )
    return (
        '<div class="featured-image page-header-image-single">'
        f'<figure class="post-thumbnail">{img}{caption}</figure></div>'
    )


def _content(site: ReplicaSite, article: ReplicaArticle, page: int, page_url: str) -> str:
    context = BodyContext(
        base_url=site.base_url,
        page_url=page_url,
        entities=article.entity_style,
        ids=BlockIds(start=1),
    )
    return "\n".join(_block(block, context) for block in article.pages[page - 1])


def _block(block: Block, context: BodyContext) -> str:
    if isinstance(block, AdSlot) and block.kind == "td_titled":
        # An ad plugin's block (Ad Inserter) where tagDiv sites have the theme's ad box.
        return (
            '<div class="code-block code-block-2" style="margin: 8px auto; text-align: center; '
            'display: block; clear: both;">\n<span class="ad-label">- Advertisement -</span>'
            f"{adsense_code('4821593017')}</div>"
        )
    return render_block(block, context)


def _page_links(site: ReplicaSite, article: ReplicaArticle, page: int) -> str:
    """wp_link_pages() as GeneratePress calls it: the current page is a <span>."""
    total = len(article.pages)
    if total == 1:
        return ""
    links = [
        f'<span class="post-page-numbers current" aria-current="page">{number}</span>'
        if number == page
        else f'<a href="{site.url(article.page_path(number))}" class="post-page-numbers">'
        f"{number}</a>"
        for number in range(1, total + 1)
    ]
    return f'<div class="page-links">Halaman: {" ".join(links)}</div>'


def _entry_footer(site: ReplicaSite, article: ReplicaArticle, page_url: str) -> str:
    category = article.category
    parts = [
        '<span class="cat-links"><span class="screen-reader-text">Kategori </span>'
        f'<a href="{site.url(f"/category/{category.slug}/")}" rel="category tag">'
        f"{text(category.name)}</a></span>"
    ]
    if article.tags:
        tags = ", ".join(
            f'<a href="{site.url(f"/tag/{site.tag_slug(tag)}/")}" rel="tag">{text(tag)}</a>'
            for tag in article.tags
        )
        parts.append(
            f'<span class="tags-links"><span class="screen-reader-text">Tag </span>{tags}</span>'
        )
    count = article.comment_count
    label = f"{count} Komentar" if count else "Tinggalkan komentar"
    parts.append(f'<span class="comments-link"><a href="{page_url}#comments">{label}</a></span>')
    return (
        f'<footer class="entry-meta" aria-label="Meta tulisan">{" ".join(parts)}'
        f"{_post_navigation(site, article)}</footer>"
    )


def _post_navigation(site: ReplicaSite, article: ReplicaArticle) -> str:
    previous, following = site.neighbours(article)
    links = [
        f'<div class="nav-{css}"><span class="{relation}"><a href="{site.url(other.path)}" '
        f'rel="{relation}">{text(other.title)}</a></span></div>'
        for other, css, relation in ((previous, "previous", "prev"), (following, "next", "next"))
        if other
    ]
    return f'<nav id="nav-below" class="post-navigation" aria-label="Pos">{"".join(links)}</nav>'


def _comments(site: ReplicaSite, article: ReplicaArticle, page_url: str) -> str:
    """WordPress core's comment list and form (comments_template with the theme's markup)."""
    listing = ""
    if article.comments:
        items = "".join(
            f'<li id="comment-{article.post_id * 10 + number}" class="comment depth-1">'
            '<article class="comment-body"><footer class="comment-meta"><div '
            f'class="comment-author vcard"><b class="fn">{text(comment.author)}</b> <span '
            'class="says">berkata:</span></div><div class="comment-metadata"><a href="'
            f'{page_url}#comment-{article.post_id * 10 + number}"><time datetime="'
            f'{w3c(comment.posted)}">{visible_date(comment.posted)}</time></a></div></footer>'
            f'<div class="comment-content"><p>{text(comment.text)}</p></div></article></li>'
            for number, comment in enumerate(article.comments, start=1)
        )
        count = len(article.comments)
        listing = (
            f'<h2 class="comments-title">{count} tanggapan untuk &ldquo;{text(article.title)}'
            f'&rdquo;</h2><ol class="comment-list">{items}</ol>'
        )
    return (
        f'<div class="comments-area"><div id="comments">{listing}'
        '<div id="respond" class="comment-respond"><h3 id="reply-title" '
        'class="comment-reply-title">Tinggalkan Balasan <small><a rel="nofollow" '
        f'id="cancel-comment-reply-link" href="{page_url}#respond" style="display:none;">'
        "Batalkan balasan</a></small></h3>"
        f'<form action="{site.url("/wp-comments-post.php")}" method="post" id="commentform" '
        'class="comment-form" novalidate><p class="comment-notes"><span id="email-notes">Alamat '
        "email Anda tidak akan dipublikasikan.</span> Ruas yang wajib ditandai *</p>"
        '<p class="comment-form-comment"><label for="comment">Komentar *</label><textarea '
        'id="comment" name="comment" cols="45" rows="8" required></textarea></p>'
        '<p class="comment-form-author"><label for="author">Nama *</label><input id="author" '
        'name="author" type="text" value="" size="30" required /></p>'
        '<p class="comment-form-email"><label for="email">Email *</label><input id="email" '
        'name="email" type="email" value="" size="30" required /></p>'
        '<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" '
        'value="Kirim Komentar" /> <input type="hidden" name="comment_post_ID" '
        f'value="{article.post_id}" id="comment_post_ID" /></p></form></div>'
        "</div></div>"
    )


def _sidebar(site: ReplicaSite) -> str:
    items = "".join(
        f'<li><a class="wp-block-latest-posts__post-title" href="{site.url(article.path)}">'
        f"{text(article.title)}</a></li>"
        for article in site.popular
    )
    return (
        '<div class="widget-area sidebar is-right-sidebar" id="right-sidebar">'
        '<div class="inside-right-sidebar"><aside id="block-3" class="widget inner-padding '
        'widget_block"><h2 class="widget-title">Terpopuler</h2><ul class="wp-block-latest-posts'
        f'__list wp-block-latest-posts">{items}</ul></aside></div></div>'
    )


def _site_footer(site: ReplicaSite) -> str:
    return (
        '<div class="site-footer"><footer class="site-info" aria-label="Situs" '
        'itemtype="https://schema.org/WPFooter" itemscope><div class="inside-site-info '
        f'grid-container"><div class="copyright-bar">&copy; 2024 {SITE_NAME}</div></div>'
        "</footer></div>"
    )
