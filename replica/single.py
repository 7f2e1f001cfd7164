"""Single-post pages in both tagDiv templates.

classic: Newspaper's loop-single.php + td_module_single_base (article.post, td-post-header,
td-post-content with the featured image first, footer with page-nav, tags, share, next/prev,
author box and itemprop metas), then related posts and comments.
composer: a tagDiv Composer (td-cloud-library) single template built from tdb_* blocks, each
with a tdi_NN id that changes from page to page.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import quote_plus

from replica.body import BodyContext, image_tag, render_body
from replica.comments import avatar, comments_section
from replica.content import body_text
from replica.layout import document, module_date, module_title, sidebar, thumb
from replica.markup import BlockIds, attr, text, visible_date, w3c
from replica.model import ReplicaArticle
from replica.seo import LOGO_PATH, SITE_NAME, Head, article_graph

if TYPE_CHECKING:
    from replica.site import ReplicaSite

COMPOSER_TEMPLATE_ID = 2871
CLASSIC_TAGS = "td-tags td-post-small-box clearfix"
SHARE_NETWORKS = (
    ("Facebook", "facebook", "https://www.facebook.com/sharer.php?u={url}"),
    ("Twitter", "twitter", "https://twitter.com/intent/tweet?text={title}&url={url}"),
    ("WhatsApp", "whatsapp", "https://api.whatsapp.com/send?text={title} %0A%0A {url}"),
    ("Telegram", "telegram", "https://telegram.me/share/url?url={url}&text={title}"),
    ("LINE", "line", "https://line.me/R/msg/text/?{title}%0D%0A{url}"),
)


def render_article(site: ReplicaSite, article: ReplicaArticle, page: int = 1) -> str:
    """The HTML of page `page` (1-based) of `article`."""
    if site.options.redesign_without_dates and article.post_id % 5:
        # No structured date, no author; then the visible dates and microdata go too.
        undated = replace(article, author=None, date_visible_only=True)
        return _UNDATED.sub("", _render_article(site, undated, page))
    return _render_article(site, article, page)


# What is left of the dates once an article is date_visible_only: the <time> elements and the
# microdata metas.
_UNDATED = re.compile(r'<time\b[^>]*>.*?</time>|<meta itemprop="date(?:Published|Modified)"[^>]*>')


def _render_article(site: ReplicaSite, article: ReplicaArticle, page: int) -> str:
    page_url = site.url(article.page_path(page))
    head = article_head(site, article, page)
    ids = BlockIds(start=20 + (article.post_id * 7 + page * 31) % 50)
    if article.template == "classic":
        main = _classic(site, article, page, page_url, ids)
    else:
        main = _composer(site, article, page, page_url, ids)
    return document(site, head, _body_class(article), main)


def article_head(site: ReplicaSite, article: ReplicaArticle, page: int = 1) -> Head:
    """The <head> of page `page` of `article` as Yoast writes it, whatever the theme."""
    text_of_body = body_text(article.pages)
    page_url = site.url(article.page_path(page))
    description = _description(text_of_body)
    return _head(site, article, page, page_url, description, len(text_of_body.split()))


def _description(body: str) -> str:
    """Yoast's fallback meta description: the start of the first paragraph."""
    first = body.split("\n\n", 1)[0]
    return first if len(first) <= 155 else first[:152].rsplit(" ", 1)[0] + "…"


def _head(
    site: ReplicaSite,
    article: ReplicaArticle,
    page: int,
    page_url: str,
    description: str,
    words: int,
) -> Head:
    total = len(article.pages)
    title = article.title if page == 1 else f"{article.title} - Halaman {page} dari {total}"
    dated = not article.date_visible_only
    return Head(
        title=f"{title} - {SITE_NAME}",
        canonical=page_url,  # Yoast: a later page is its own canonical
        description=description,
        og_type="article",
        image=article.image.url(site.base_url) if article.image else None,
        published=article.published if dated else None,
        modified=article.modified if dated else None,
        author=article.author.name if article.author else None,
        reading_minutes=max(1, round(words / 200)),
        shortlink=site.url(f"/?p={article.post_id}"),
        graph=article_graph(site, article, page_url, description, words),
    )


def _body_class(article: ReplicaArticle) -> str:
    classes = [
        "post-template-default single single-post",
        f"postid-{article.post_id}",
        "single-format-standard td-standard-pack global-block-template-1",
    ]
    if article.template == "composer":
        classes.append(f"tdb_template_{COMPOSER_TEMPLATE_ID} tdb-template")
    else:
        classes.append("single_template")
    classes.append("td-animation-stack-type0 td-full-layout")
    return " ".join(classes)


def _body_context(
    site: ReplicaSite, article: ReplicaArticle, page_url: str, ids: BlockIds
) -> BodyContext:
    return BodyContext(
        base_url=site.base_url,
        page_url=page_url,
        entities=article.entity_style,
        ids=ids,
        quiet_inline_ad=article.quiet_inline_ad,
    )


# --- classic template -------------------------------------------------------------------------


def _classic(
    site: ReplicaSite, article: ReplicaArticle, page: int, page_url: str, ids: BlockIds
) -> str:
    content = render_body(article.pages[page - 1], _body_context(site, article, page_url, ids))
    featured = _classic_featured_image(site, article) if page == 1 else ""
    post_classes = " ".join(
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
            '<div class="td-main-content-wrap td-container-wrap">',
            '<div class="td-container td-post-template-default ">',
            f'<div class="td-crumb-container">{_classic_breadcrumbs(site, article)}</div>',
            '<div class="td-pb-row">',
            '<div class="td-pb-span8 td-main-content" role="main">',
            '<div class="td-ss-main-content">',
            f'<article id="post-{article.post_id}" class="{" ".join(post_classes.split())}" '
            'itemscope itemtype="https://schema.org/Article">',
            '<div class="td-post-header">',
            _classic_category(site, article),
            '<header class="td-post-title">',
            f'<h1 class="entry-title">{text(article.title, article.entity_style)}</h1>',
            _classic_subtitle(article),
            '<div class="td-module-meta-info">',
            _classic_author(site, article),
            f'<span class="td-post-date">{_date_markup(article)}</span>',
            _comment_counter(article, page_url, "td-post-comments"),
            _view_counter(article),
            "</div>",
            "</header>",
            "</div>",
            _share_bar(site, article, "top"),
            '<div class="td-post-content tagdiv-type">',
            featured,
            content,
            "</div>",
            "<footer>",
            _post_pagination(site, article, page),
            f'<div class="td-post-source-tags">{_tags(site, article, CLASSIC_TAGS)}</div>',
            _share_bar(site, article, "bottom"),
            _classic_next_prev(site, article),
            _classic_author_box(site, article),
            _item_scope_meta(site, article),
            "</footer>",
            "</article> <!-- /.post -->",
            _classic_related(site, article, ids),
            comments_section(site, article, page_url),
            "</div></div>",
            sidebar(site, ids.next()),
            "</div></div></div>",
        ]
    )


def _classic_breadcrumbs(site: ReplicaSite, article: ReplicaArticle) -> str:
    category = article.category
    return (
        '<div class="entry-crumbs"><span><a title="" class="entry-crumb" '
        f'href="{site.base_url}/">Beranda</a></span> <i class="td-icon-right td-bread-sep"></i> '
        f'<span><a title="Lihat semua kiriman dalam {attr(category.name)}" class="entry-crumb" '
        f'href="{site.url(f"/category/{category.slug}/")}">{text(category.name)}</a></span> '
        '<i class="td-icon-right td-bread-sep td-bred-no-url-last"></i> '
        f'<span class="td-bred-no-url-last">{text(article.title)}</span></div>'
    )


def _classic_category(site: ReplicaSite, article: ReplicaArticle) -> str:
    href = site.url(f"/category/{article.category.slug}/")
    return (
        f'<ul class="td-category"><li class="entry-category"><a href="{href}">'
        f"{text(article.category.name)}</a></li></ul>"
    )


def _classic_subtitle(article: ReplicaArticle) -> str:
    if not article.subtitle:
        return ""
    return f'<p class="td-post-sub-title">{text(article.subtitle, article.entity_style)}</p>'


def _classic_author(site: ReplicaSite, article: ReplicaArticle) -> str:
    if not article.author:
        return ""
    return (
        '<div class="td-post-author-name"><div class="td-author-by">Penulis</div> '
        f'<a href="{site.url(f"/author/{article.author.slug}/")}">{text(article.author.name)}</a>'
        '<div class="td-author-line"> - </div> </div>'
    )


def _date_markup(
    article: ReplicaArticle, css_class: str = "entry-date updated td-module-date"
) -> str:
    if article.date_visible_only:
        return f'<time class="{css_class}">{visible_date(article.published)}</time>'
    return (
        f'<time class="{css_class}" datetime="{w3c(article.published)}" >'
        f"{visible_date(article.published)}</time>"
    )


def _comment_counter(article: ReplicaArticle, page_url: str, css_class: str) -> str:
    return (
        f'<div class="{css_class}"><a href="{page_url}#respond">'
        f'<i class="td-icon-comments"></i>{article.comment_count}</a></div>'
    )


def _view_counter(article: ReplicaArticle) -> str:
    return (
        '<div class="td-post-views"><i class="td-icon-views"></i>'
        f'<span class="td-nr-views-{article.post_id}">{article.view_count}</span></div>'
    )


def _classic_featured_image(site: ReplicaSite, article: ReplicaArticle) -> str:
    image = article.image
    if image is None:
        return ""
    caption = image.caption or ""
    img = image_tag(image, site.base_url, "entry-thumb td-modal-image", 'title="" ')
    linked = f'<a href="{image.url(site.base_url)}" data-caption="{attr(caption)}">{img}</a>'
    if not caption:
        return f'<div class="td-post-featured-image">{linked}</div>'
    return (
        f'<div class="td-post-featured-image"><figure>{linked}'
        f'<figcaption class="wp-caption-text">{text(caption, article.entity_style)}</figcaption>'
        "</figure></div>"
    )


def _post_pagination(site: ReplicaSite, article: ReplicaArticle, page: int) -> str:
    """wp_link_pages() with tagDiv's wrappers: the current page is a <span>, others links."""
    total = len(article.pages)
    if total == 1:
        return ""
    links = []
    for number in range(1, total + 1):
        if number == page:
            links.append(
                '<span class="post-page-numbers current" aria-current="page">'
                f"<div>{number}</div></span>"
            )
        else:
            href = site.url(article.page_path(number))
            links.append(f'<a href="{href}" class="post-page-numbers"><div>{number}</div></a>')
    return f'<div class="page-nav page-nav-post td-pb-padding-side">{" ".join(links)}</div>'


def _tags(site: ReplicaSite, article: ReplicaArticle, css_class: str) -> str:
    if not article.tags:
        return ""
    items = "".join(
        f'<li><a href="{site.url(f"/tag/{site.tag_slug(tag)}/")}">{text(tag)}</a></li>'
        for tag in article.tags
    )
    return f'<ul class="{css_class}"><li><span>TOPIK</span></li>{items}</ul>'


def _share_links(site: ReplicaSite, article: ReplicaArticle) -> str:
    url, title = site.url(article.path), quote_plus(article.title)
    return "".join(
        '<a class="td-social-sharing-button td-social-sharing-button-js td-social-network '
        f'td-social-{css}" href="{attr(pattern.format(url=url, title=title))}" title="{name}" >'
        f'<div class="td-social-but-icon"><i class="td-icon-{css}"></i></div>'
        f'<div class="td-social-but-text">{name}</div></a>'
        for name, css, pattern in SHARE_NETWORKS
    )


def _share_bar(site: ReplicaSite, article: ReplicaArticle, where: str) -> str:
    return (
        f'<div class="td-post-sharing-{where}"><div id="td_social_sharing_article_{where}" '
        'class="td-post-sharing td-ps-bg td-ps-notext td-post-sharing-style1 ">'
        '<div class="td-post-sharing-visible"><div class="td-social-sharing-button '
        'td-social-sharing-button-js td-social-handler td-social-share-text">'
        '<div class="td-social-but-icon"><i class="td-icon-share"></i></div>'
        f'<div class="td-social-but-text">BAGIKAN</div></div>{_share_links(site, article)}</div>'
        '<div class="td-social-sharing-hidden"><ul class="td-pulldown-filter-list"></ul>'
        '<a class="td-social-sharing-button td-social-handler td-social-expand-tabs" href="#" '
        f'data-block-uid="td_social_sharing_article_{where}" title="More">'
        '<div class="td-social-but-icon"><i class="td-icon-plus td-social-expand-tabs-icon"></i>'
        "</div></a></div></div></div>"
    )


def _classic_next_prev(site: ReplicaSite, article: ReplicaArticle) -> str:
    # Newspaper 11.4's id_ID translation ships these two strings in Albanian.
    previous, following = site.neighbours(article)
    parts = ['<div class="td-block-row td-post-next-prev">']
    parts.append('<div class="td-block-span6 td-post-prev-post">')
    if previous:
        parts.append(
            '<div class="td-post-next-prev-content"><span>Artikulli paraprak</span>'
            f'<a href="{site.url(previous.path)}">{text(previous.title)}</a></div>'
        )
    parts.append('</div><div class="td-next-prev-separator"></div>')
    if following:
        parts.append(
            '<div class="td-block-span6 td-post-next-post"><div class="td-post-next-prev-content">'
            f'<span>Artikulli tjetër</span><a href="{site.url(following.path)}">'
            f"{text(following.title)}</a></div></div>"
        )
    parts.append("</div>")
    return "".join(parts)


def _classic_author_box(site: ReplicaSite, article: ReplicaArticle) -> str:
    author = article.author
    if author is None:
        return ""
    href = site.url(f"/author/{author.slug}/")
    return (
        f'<div class="author-box-wrap"><a href="{href}">{avatar(author.name, 96)}</a>'
        '<div class="desc"><div class="td-author-name vcard author"><span class="fn">'
        f'<a href="{href}">{text(author.name)}</a></span></div>'
        f'<div class="td-author-description">{text(author.description)}</div>'
        '<div class="td-author-social"></div><div class="clearfix"></div></div></div>'
    )


def _item_scope_meta(site: ReplicaSite, article: ReplicaArticle) -> str:
    parts = []
    if article.author:
        parts.append(
            '<span class="td-page-meta" itemprop="author" itemscope '
            'itemtype="https://schema.org/Person">'
            f'<meta itemprop="name" content="{attr(article.author.name)}"></span>'
        )
    parts += [
        f'<meta itemprop="datePublished" content="{w3c(article.published)}">',
        f'<meta itemprop="dateModified" content="{w3c(article.modified)}">',
        '<meta itemscope itemprop="mainEntityOfPage" itemType="https://schema.org/WebPage" '
        f'itemid="{site.url(article.path)}"/>',
        '<span class="td-page-meta" itemprop="publisher" itemscope '
        'itemtype="https://schema.org/Organization"><span class="td-page-meta" itemprop="logo" '
        'itemscope itemtype="https://schema.org/ImageObject">'
        f'<meta itemprop="url" content="{site.url(LOGO_PATH)}"></span>'
        f'<meta itemprop="name" content="{SITE_NAME}"></span>',
        f'<meta itemprop="headline " content="{attr(article.title)}">',
    ]
    if article.image:
        parts.append(
            '<span class="td-page-meta" itemprop="image" itemscope '
            'itemtype="https://schema.org/ImageObject">'
            f'<meta itemprop="url" content="{article.image.url(site.base_url)}">'
            f'<meta itemprop="width" content="{article.image.width}">'
            f'<meta itemprop="height" content="{article.image.height}"></span>'
        )
    return "".join(parts)


def _related_module(site: ReplicaSite, article: ReplicaArticle) -> str:
    category_href = site.url(f"/category/{article.category.slug}/")
    return (
        '<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack '
        f'td_mod_related_posts"><div class="td-module-image">{thumb(site, article, 218, 150)}'
        f'<a href="{category_href}" class="td-post-category">{text(article.category.name)}</a>'
        f'</div><div class="item-details">{module_title(site, article)}</div></div></div>'
    )


def _classic_related(site: ReplicaSite, article: ReplicaArticle, ids: BlockIds) -> str:
    block_id, left_id, right_id = ids.next(), ids.next(), ids.next()
    modules = "".join(_related_module(site, related) for related in site.related(article))
    return (
        f'<div class="td_block_wrap td_block_related_posts {block_id} td_with_ajax_pagination '
        f'td-pb-border-top td_block_template_1" data-td-block-uid="{block_id}">'
        f'<h4 class="td-related-title"><a id="{left_id}" class="td-related-left '
        f'td-cur-simple-item" data-td_filter_value="" data-td_block_id="{block_id}" href="#">'
        f'ARTIKEL TERKAIT</a><a id="{right_id}" class="td-related-right" '
        f'data-td_filter_value="td_related_more_from_author" data-td_block_id="{block_id}" '
        f'href="#">DARI PENULIS</a></h4><div id="{block_id}" class="td_block_inner">'
        f'<div class="td-related-row">{modules}</div></div>'
        '<div class="td-next-prev-wrap"><a href="#" class="td-ajax-prev-page ajax-page-disabled" '
        f'aria-label="prev-page" id="prev-page-{block_id}" data-td_block_id="{block_id}">'
        '<i class="td-next-prev-icon td-icon-font td-icon-menu-left"></i></a>'
        f'<a href="#" class="td-ajax-next-page" aria-label="next-page" id="next-page-{block_id}" '
        f'data-td_block_id="{block_id}"><i class="td-next-prev-icon td-icon-font '
        'td-icon-menu-right"></i></a></div></div> <!-- ./block -->'
    )


# --- composer template ------------------------------------------------------------------------


def _block(name: str, block_id: str, inner: str, extra_classes: str = "") -> str:
    """A tdb_* block: wrapper with the tdi id, its generated <style>, then the inner div."""
    classes = (
        f"td_block_wrap {name} {block_id} {extra_classes} td-pb-border-top td_block_template_1"
    )
    return (
        f'<div class="{" ".join(classes.split())}" data-td-block-uid="{block_id}">'
        f"<style>.{block_id}{{margin-bottom:13px!important}}</style>{inner}</div>"
    )


def _composer_header_blocks(site: ReplicaSite, article: ReplicaArticle, ids: BlockIds) -> list[str]:
    category = article.category
    crumbs = (
        '<div class="tdb-block-inner td-fix-index"><span><a title="" class="tdb-entry-crumb" '
        f'href="{site.base_url}/">Beranda</a></span><i class="tdb-bread-sep td-icon-right"></i>'
        f'<span><a title="Lihat semua kiriman dalam {attr(category.name)}" '
        f'class="tdb-entry-crumb" href="{site.url(f"/category/{category.slug}/")}">'
        f'{text(category.name)}</a></span><i class="tdb-bread-sep tdb-bred-no-url-last '
        f'td-icon-right"></i><span class="tdb-bred-no-url-last">{text(article.title)}</span></div>'
    )
    categories = (
        '<div class="tdb-category td-fix-index"><a class="tdb-entry-category" '
        f'href="{site.url(f"/category/{category.slug}/")}"><span class="tdb-cat-bg"></span>'
        f"{text(category.name)}</a></div>"
    )
    title = (
        '<div class="tdb-block-inner td-fix-index"><h1 class="tdb-title-text">'
        f'{text(article.title, article.entity_style)}</h1><div></div><div class="tdb-title-line">'
        "</div></div>"
    )
    blocks = [
        _block("tdb_breadcrumbs", ids.next(), crumbs, "tdb-breadcrumbs"),
        _block("tdb_single_categories", ids.next(), categories, "tdb-category-style1"),
        _block("tdb_title", ids.next(), title, "tdb-single-title"),
    ]
    if article.subtitle:
        subtitle = (
            '<div class="tdb-block-inner td-fix-index"><p>'
            f"{text(article.subtitle, article.entity_style)}</p></div>"
        )
        blocks.append(_block("tdb_single_subtitle", ids.next(), subtitle))
    return blocks


def _composer_meta_blocks(
    site: ReplicaSite, article: ReplicaArticle, page_url: str, ids: BlockIds
) -> list[str]:
    blocks = []
    if article.author:
        author = (
            '<div class="tdb-block-inner td-fix-index"><a class="tdb-author-photo" '
            f'href="{site.url(f"/author/{article.author.slug}/")}">'
            f"{avatar(article.author.name, 20)}"
            '</a><span class="tdb-author-by">Penulis</span> <a class="tdb-author-name" '
            f'href="{site.url(f"/author/{article.author.slug}/")}">{text(article.author.name)}</a>'
            "</div>"
        )
        blocks.append(_block("tdb_single_author", ids.next(), author, "tdb-post-meta"))
    date = f'<div class="tdb-block-inner td-fix-index">{_date_markup(article)}</div>'
    comments = (
        f'<div class="tdb-block-inner td-fix-index"><a href="{page_url}#respond">'
        f'<i class="td-icon-comments"></i><span>{article.comment_count}</span></a></div>'
    )
    views = (
        '<div class="tdb-block-inner td-fix-index"><i class="td-icon-views"></i>'
        f'<span class="td-nr-views-{article.post_id}">{article.view_count}</span></div>'
    )
    blocks += [
        _block("tdb_single_date", ids.next(), date, "tdb-post-meta"),
        _block("tdb_single_comments_count", ids.next(), comments, "tdb-post-meta"),
        _block("tdb_single_post_views", ids.next(), views, "tdb-post-meta"),
    ]
    return blocks


def _composer_featured(site: ReplicaSite, article: ReplicaArticle, ids: BlockIds) -> str:
    image = article.image
    if image is None:
        inner = (
            '<div class="tdb-block-inner td-fix-index"><div class="tdb-no-featured-img"></div>'
            "</div>"
        )
        return _block("tdb_single_featured_image", ids.next(), inner, "tdb-content-horiz-left")
    img = image_tag(image, site.base_url, "entry-thumb td-modal-image", 'title="" ')
    linked = (
        f'<a href="{image.url(site.base_url)}" data-caption="{attr(image.caption or "")}">{img}</a>'
    )
    if image.caption:
        caption = text(image.caption, article.entity_style)
        linked = (
            f'<figure>{linked}<figcaption class="tdb-caption-text">{caption}</figcaption></figure>'
        )
    inner = f'<div class="tdb-block-inner td-fix-index">{linked}</div>'
    return _block("tdb_single_featured_image", ids.next(), inner, "tdb-content-horiz-left")


def _composer_content(
    site: ReplicaSite, article: ReplicaArticle, page: int, page_url: str, ids: BlockIds
) -> str:
    block_id = ids.next()
    content = render_body(article.pages[page - 1], _body_context(site, article, page_url, ids))
    pagination = _post_pagination(site, article, page)
    # tdb_single_content opens a second <footer> where it means to close the first; browsers
    # and lxml nest them, so the markup stays as the plugin prints it.
    footer = f"<footer>{pagination}<footer>" if pagination else ""
    return (
        f'<div class="td_block_wrap tdb_single_content {block_id} td-pb-border-top '
        f'td_block_template_1 td-post-content tagdiv-type" data-td-block-uid="{block_id}">'
        f"<style>.{block_id} p{{font-size:17px;line-height:1.7}}</style>"
        f'<div class="tdb-block-inner td-fix-index">{content}{footer}</div></div>'
    )


def _composer_next_prev(site: ReplicaSite, article: ReplicaArticle, ids: BlockIds) -> str:
    previous, following = site.neighbours(article)
    parts = []
    for neighbour, label, css in (
        (previous, "Artikulli paraprak", "tdb-post-prev"),
        (following, "Artikulli tjetër", "tdb-post-next"),
    ):
        if neighbour:
            parts.append(
                f'<div class="tdb-next-post tdb-next-post-bg {css}"><span>{label}</span>'
                f'<a href="{site.url(neighbour.path)}">{text(neighbour.title)}</a></div>'
            )
    inner = f'<div class="tdb-block-inner td-fix-index">{"".join(parts)}</div>'
    return _block("tdb_single_next_prev", ids.next(), inner)


def _composer_related(site: ReplicaSite, article: ReplicaArticle, ids: BlockIds) -> str:
    modules = "".join(
        '<div class="td_module_flex td_module_flex_1 td_module_wrap td-animation-stack">'
        '<div class="td-module-container td-category-pos-"><div class="td-image-container">'
        f'<div class="td-module-thumb"><a href="{site.url(related.path)}" rel="bookmark" '
        f'class="td-image-wrap " title="{attr(related.title)}"><span class="entry-thumb '
        f'td-thumb-css" data-type="css_image" data-img-url="{_thumb_url(site, related)}">'
        '</span></a></div></div><div class="td-module-meta-info">'
        f"{module_title(site, related)}"
        f'<div class="td-editor-date">{module_date(related)}</div></div></div></div>'
        for related in site.related(article)
    )
    inner = (
        '<div class="td-block-title-wrap"><h4 class="td-block-title"><span>ARTIKEL TERKAIT</span>'
        f'</h4></div><div class="td_block_inner td-mc1-wrap">{modules}</div>'
    )
    return _block("tdb_single_related", ids.next(), inner, "td_with_ajax_pagination")


def _thumb_url(site: ReplicaSite, article: ReplicaArticle) -> str:
    if not article.image:
        return site.url("/wp-content/themes/Newspaper/images/no-thumb/td_218x150.png")
    stem, _, extension = article.image.path.rpartition(".")
    return site.url(f"{stem}-218x150.{extension}")


def _composer(
    site: ReplicaSite, article: ReplicaArticle, page: int, page_url: str, ids: BlockIds
) -> str:
    zone, row_top, row_main = ids.next(), ids.next(), ids.next()
    top = _composer_header_blocks(site, article, ids) + _composer_meta_blocks(
        site, article, page_url, ids
    )
    featured = _composer_featured(site, article, ids) if page == 1 else ""
    share_top = _block("tdb_single_post_share", ids.next(), _share_bar(site, article, "top"))
    content = _composer_content(site, article, page, page_url, ids)
    tags = _tags(site, article, "tdb-tags")
    tags_block = (
        _block(
            "tdb_single_tags", ids.next(), f'<div class="tdb-block-inner td-fix-index">{tags}</div>'
        )
        if tags
        else ""
    )
    share_bottom = _block("tdb_single_post_share", ids.next(), _share_bar(site, article, "bottom"))
    comments_block = _block(
        "tdb_single_comments", ids.next(), comments_section(site, article, page_url)
    )
    return "\n".join(
        [
            '<div class="td-main-content-wrap td-container-wrap">',
            '<div class="tdc-content-wrap">',
            f'<article id="template-id-{COMPOSER_TEMPLATE_ID}" class="post-{COMPOSER_TEMPLATE_ID} '
            'tdb_templates type-tdb_templates status-publish post" itemscope '
            'itemtype="https://schema.org/Article">',
            f'<div id="{zone}" class="tdc-zone"><div class="tdc_zone {zone}  wpb_row td-pb-row">',
            f'<div id="{row_top}" class="tdc-row">',
            f'<div class="vc_row {row_top}  wpb_row td-pb-row">',
            '<div class="vc_column wpb_column vc_column_container tdc-column td-pb-span12">'
            '<div class="wpb_wrapper">',
            *top,
            "</div></div></div></div>",
            f'<div id="{row_main}" class="tdc-row">',
            f'<div class="vc_row {row_main}  wpb_row td-pb-row">',
            '<div class="vc_column wpb_column vc_column_container tdc-column td-pb-span8">'
            '<div class="wpb_wrapper">',
            featured,
            share_top,
            content,
            tags_block,
            share_bottom,
            _composer_next_prev(site, article, ids),
            _composer_related(site, article, ids),
            comments_block,
            "</div></div>",
            '<div class="vc_column wpb_column vc_column_container tdc-column td-pb-span4">'
            '<div class="wpb_wrapper">',
            sidebar(site, ids.next()),
            "</div></div>",
            "</div></div>",
            "</div></div>",
            "</article>",
            "</div></div>",
        ]
    )
