"""The page shell every HTML page shares: <head>, header with the category menu, the sidebar
(popular posts, an ad) and the footer, following the tagDiv Newspaper markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from replica.markup import attr, text, visible_date, w3c
from replica.model import ReplicaArticle
from replica.seo import LOGO_PATH, SITE_NAME, Head, render_head
from replica.taxonomy import CATEGORIES

if TYPE_CHECKING:
    from replica.site import ReplicaSite

STATIC_MENU = (("Redaksi", "/redaksi/"), ("Pedoman Media Siber", "/pedoman-media-siber/"))
STATIC_MENU += (("Kontak", "/kontak/"),)
AJAX_PATH = "/wp-admin/admin-ajax.php?td_theme_name=Newspaper&v=12.6.3"
THEME_JS_PATH = "/wp-content/plugins/td-composer/legacy/Newspaper/js/tagdiv_theme.min.js"
THUMB_PLACEHOLDER = "/wp-content/themes/Newspaper/images/no-thumb/td_100x70.png"


def document(
    site: ReplicaSite, head: Head, body_class: str, main: str, *, home: bool = False
) -> str:
    """A full HTML page: `main` is the content between header and footer."""
    return "\n".join(
        [
            "<!doctype html >",
            '<html lang="id">',
            "<head>",
            render_head(site, head),
            "</head>",
            f'<body class="{body_class}" itemscope="itemscope" itemtype="https://schema.org/WebPage">',
            '<div class="td-scroll-up" data-style="style1"><i class="td-icon-menu-up"></i></div>',
            '<div class="td-menu-background" style="visibility:hidden"></div>',
            '<div id="td-outer-wrap" class="td-theme-wrap">',
            header(site, home=home),
            main,
            footer(site),
            "</div><!--close td-outer-wrap-->",
            theme_scripts(site),
            "</body>",
            "</html>",
        ]
    )


def header(site: ReplicaSite, *, home: bool) -> str:
    # The logo is the page's <h1> on the home page only; elsewhere the title is.
    logo_tag = "h1" if home else "div"
    logo = (
        f'<{logo_tag} class="td-logo"><a class="td-main-logo" href="{site.base_url}/">'
        f'<img class="td-retina-data" src="{site.url(LOGO_PATH)}" alt="{SITE_NAME}" '
        f'title="{SITE_NAME}" width="272" height="90"/>'
        f'<span class="td-visual-hidden">{SITE_NAME}</span></a></{logo_tag}>'
    )
    top_links = "".join(
        f'<li class="menu-item menu-item-type-post_type menu-item-object-page">'
        f'<a href="{site.url(path)}">{name}</a></li>'
        for name, path in STATIC_MENU
    )
    return "\n".join(
        [
            '<div class="tdc-header-wrap ">',
            '<div class="td-header-wrap td-header-style-1 ">',
            '<div class="td-header-top-menu-full td-container-wrap ">',
            '<div class="td-container td-header-row td-header-top-menu">',
            '<div class="top-bar-style-1"><div class="td-header-sp-top-menu">',
            f'<div class="td_data_time"><div>{site.header_date}</div></div>',
            f'<div class="menu-top-container"><ul id="menu-top-menu" class="top-header-menu">'
            f"{top_links}</ul></div>",
            "</div></div></div></div>",
            '<div class="td-banner-wrap-full td-logo-wrap-full td-container-wrap ">',
            '<div class="td-container td-header-row td-header-header">',
            f'<div class="td-header-sp-logo">{logo}</div>',
            '<div class="td-header-sp-recs"><div class="td-header-rec-wrap">'
            '<div class="td-a-rec td-a-rec-id-header  td_uid_1_header td_block_template_1">'
            '<span class="td-adspot-title">- Advertisement -</span>'
            '<ins class="adsbygoogle" style="display:inline-block;width:728px;height:90px" '
            'data-ad-client="ca-pub-5831967262543125" data-ad-slot="2290451873"></ins>'
            "</div></div></div>",
            "</div></div>",
            main_menu(site),
            "</div></div>",
        ]
    )


def main_menu(site: ReplicaSite) -> str:
    items = [
        '<li class="menu-item menu-item-type-custom menu-item-object-custom menu-item-home '
        f'menu-item-first td-menu-item td-normal-menu"><a href="{site.base_url}/">Beranda</a></li>'
    ]
    items += [
        '<li class="menu-item menu-item-type-taxonomy menu-item-object-category td-menu-item '
        f'td-normal-menu"><a href="{site.url(f"/category/{category.slug}/")}">'
        f"{text(category.name)}</a></li>"
        for category in CATEGORIES
    ]
    return "\n".join(
        [
            '<div class="td-header-menu-wrap-full td-container-wrap ">',
            '<div class="td-header-menu-wrap td-header-gradient ">',
            '<div class="td-container td-header-row td-header-main-menu">',
            '<div id="td-header-menu" role="navigation">',
            '<div class="menu-main-menu-container"><ul id="menu-main-menu-1" class="sf-menu">',
            *items,
            "</ul></div></div>",
            '<div class="header-search-wrap"><div class="td-search-btns-wrap">'
            '<a id="td-header-search-button" href="#" role="button" class="dropdown-toggle " '
            'data-toggle="dropdown"><i class="td-icon-search"></i></a></div>'
            f'<div class="td-drop-down-search"><form method="get" class="td-search-form" '
            f'action="{site.base_url}/"><div role="search" class="td-head-form-search-wrap">'
            '<input id="td-header-search" type="text" value="" name="s" autocomplete="off" />'
            '<input class="wpb_button wpb_btn-inverse btn" type="submit" '
            'id="td-header-search-top" value="Cari" /></div></form></div></div>',
            "</div></div></div>",
        ]
    )


def thumb(site: ReplicaSite, article: ReplicaArticle, width: int, height: int) -> str:
    """tagDiv's lazy module thumbnail: empty src, the real URL in data-img-url."""
    if article.image:
        stem, _, extension = article.image.path.rpartition(".")
        image_url = site.url(f"{stem}-{width}x{height}.{extension}")
    else:
        image_url = site.url(THUMB_PLACEHOLDER)
    title = attr(article.title)
    return (
        f'<div class="td-module-thumb"><a href="{site.url(article.path)}" rel="bookmark" '
        f'class="td-image-wrap " title="{title}"><img class="entry-thumb" src="" alt="" '
        f'title="{title}" data-type="image_tag" data-img-url="{image_url}" width="{width}" '
        f'height="{height}" /></a></div>'
    )


def module_title(site: ReplicaSite, article: ReplicaArticle) -> str:
    return (
        f'<h3 class="entry-title td-module-title"><a href="{site.url(article.path)}" '
        f'rel="bookmark" title="{attr(article.title)}">{text(article.title)}</a></h3>'
    )


def module_date(article: ReplicaArticle) -> str:
    if article.date_visible_only:
        return f'<span class="td-post-date">{visible_date(article.published)}</span>'
    return (
        '<span class="td-post-date"><time class="entry-date updated td-module-date" '
        f'datetime="{w3c(article.published)}" >{visible_date(article.published)}</time></span>'
    )


def sidebar(site: ReplicaSite, block_id: str) -> str:
    modules = "\n".join(
        '<div class="td-block-span12"><div class="td_module_6 td_module_wrap td-animation-stack">'
        f"{thumb(site, article, 100, 70)}"
        f'<div class="item-details">{module_title(site, article)}'
        f'<div class="td-module-meta-info">{module_date(article)}</div></div></div></div>'
        for article in site.popular
    )
    return "\n".join(
        [
            '<div class="td-pb-span4 td-main-sidebar" role="complementary">',
            '<div class="td-ss-main-sidebar">',
            f'<div class="td_block_wrap td_block_7 {block_id} td-pb-border-top td_block_template_1 '
            f'td-column-1" data-td-block-uid="{block_id}">',
            '<div class="td-block-title-wrap"><h4 class="block-title td-block-title">'
            '<span class="td-pulldown-size">TERPOPULER</span></h4></div>',
            f'<div id="{block_id}" class="td_block_inner">',
            modules,
            "</div></div>",
            '<aside class="td_block_template_1 widget widget_custom_html">'
            '<div class="textwidget custom-html-widget">'
            '<div class="td-a-rec td-a-rec-id-sidebar  td_uid_3_sidebar td_block_template_1">'
            '<span class="td-adspot-title">- Advertisement -</span>'
            '<ins class="adsbygoogle" style="display:inline-block;width:300px;height:250px" '
            'data-ad-client="ca-pub-5831967262543125" data-ad-slot="6601839245"></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>"
            "</div></aside>",
            "</div></div>",
        ]
    )


def footer(site: ReplicaSite) -> str:
    links = "".join(
        f'<li class="menu-item menu-item-type-post_type menu-item-object-page td-menu-item '
        f'td-normal-menu"><a href="{site.url(path)}">{name}</a></li>'
        for name, path in STATIC_MENU
    )
    return "\n".join(
        [
            '<div class="td-footer-wrapper td-container-wrap td-footer-template-14 ">',
            '<div class="td-container"><div class="td-pb-row"><div class="td-pb-span12">',
            '<div class="td-footer-info"><div class="footer-logo-wrap">'
            f'<a href="{site.base_url}/"><img class="td-retina-data" src="{site.url(LOGO_PATH)}" '
            f'alt="{SITE_NAME}" title="{SITE_NAME}" width="272" /></a></div>',
            '<div class="footer-text-wrap">Radar Tangsel menyajikan berita terkini seputar Kota '
            "Tangerang Selatan, Banten dan nasional secara cepat, akurat dan berimbang."
            '<div class="footer-email-wrap">Hubungi kami: '
            '<a href="mailto:redaksi@radartangsel.com">redaksi@radartangsel.com</a></div></div>',
            '<div class="footer-social-wrap td-social-style-2">'
            '<span class="td-social-icon-wrap"><a target="_blank" '
            'href="https://www.facebook.com/radartangsel" title="Facebook">'
            '<i class="td-icon-font td-icon-facebook"></i></a></span>'
            '<span class="td-social-icon-wrap"><a target="_blank" '
            'href="https://www.instagram.com/radartangsel/" title="Instagram">'
            '<i class="td-icon-font td-icon-instagram"></i></a></span></div>',
            "</div></div></div></div></div>",
            '<div class="td-sub-footer-container td-container-wrap ">',
            '<div class="td-container"><div class="td-pb-row">',
            '<div class="td-pb-span td-sub-footer-menu"><div class="menu-footer-container">'
            f'<ul id="menu-footer" class="td-subfooter-menu">{links}</ul></div></div>',
            '<div class="td-pb-span td-sub-footer-copy">&copy; Radar Tangsel 2024 - '
            "PT Radar Tangsel Media Utama</div>",
            "</div></div></div>",
        ]
    )


def theme_scripts(site: ReplicaSite) -> str:
    return (
        '<script type="text/javascript" id="td-generated-footer-js">\n'
        f'var td_ajax_url="{site.url(AJAX_PATH)}";\n'
        'var td_please_wait="Mohon tunggu\\u2026";\n'
        'var tdDateNamesI18n={"month_names":["Januari","Februari","Maret","April","Mei","Juni",'
        '"Juli","Agustus","September","Oktober","November","Desember"]};\n'
        "</script>\n"
        f'<script type="text/javascript" src="{site.url(THEME_JS_PATH)}" id="td-site-min-js">'
        "</script>"
    )


def page_title_header(title: str, subtitle: str = "") -> str:
    extra = f'<div class="td-category-description">{subtitle}</div>' if subtitle else ""
    return (
        '<div class="td-page-header"><h1 class="entry-title td-page-title">'
        f"<span>{text(title)}</span></h1>{extra}</div>"
    )
