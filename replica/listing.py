"""Listing pages (home, category, tag, author), static pages and the 404 page.

Listing modules follow tagDiv: `h3.entry-title.td-module-title a` and
`time.entry-date[datetime]`; the pager is td_page_generator's `div.page-nav.td-pb-padding-side`
with `span.current`, `a.last`, a `td-icon-menu-right` next link and `span.pages`
("Halaman 1 dari 5").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from replica.content import body_text
from replica.layout import (
    document,
    module_date,
    module_title,
    page_title_header,
    sidebar,
    thumb,
)
from replica.markup import BlockIds, attr, text
from replica.model import Author, ReplicaArticle
from replica.seo import SITE_NAME, TAGLINE, Head, collection_graph, website_nodes

if TYPE_CHECKING:
    from replica.site import ReplicaSite

FRONT_PAGE_ID = 2
STATIC_PAGES: dict[str, tuple[int, str, tuple[str, ...]]] = {
    "redaksi": (
        11,
        "Redaksi",
        (
            "Pemimpin Redaksi: Hendra Gunawan",
            "Redaktur: Maria Ulfa, Taufik Hidayat, Bagus Setiawan",
            "Reporter: Ahmad Rifai Hasan, Dewi Anggraini, Nurul Hidayah, Rizky Maulana, "
            "Lia Marlina",
            "Alamat redaksi: Jalan Raya Serpong Km 7, Kota Tangerang Selatan, Banten.",
        ),
    ),
    "pedoman-media-siber": (
        13,
        "Pedoman Media Siber",
        (
            "Kemerdekaan berpendapat, kemerdekaan berekspresi, dan kemerdekaan pers adalah hak "
            "asasi manusia yang dilindungi Pancasila, Undang-Undang Dasar 1945, dan Deklarasi "
            "Universal Hak Asasi Manusia PBB.",
            "Keberadaan media siber di Indonesia juga merupakan bagian dari kemerdekaan "
            "berpendapat dan berekspresi serta kemerdekaan pers.",
            "Pedoman ini wajib ditaati oleh pengelola media siber dalam menjalankan kegiatan "
            "jurnalistiknya.",
        ),
    ),
    "kontak": (
        15,
        "Kontak",
        (
            "Redaksi Radar Tangsel menerima rilis, saran dan koreksi pemberitaan melalui surel "
            "redaksi@radartangsel.com.",
            "Untuk pemasangan iklan, hubungi bagian pemasaran pada hari kerja pukul 09.00–17.00 "
            "WIB.",
        ),
    ),
}


def pages_count(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def pager(site: ReplicaSite, base_path: str, current: int, total: int) -> str:
    """td_page_generator::get_pagination for page `current` of `total`."""
    if total <= 1:
        return ""

    def href(number: int) -> str:
        return site.url(base_path if number == 1 else f"{base_path}page/{number}/")

    parts = []
    if current > 1:
        parts.append(f'<a href="{href(current - 1)}"><i class="td-icon-menu-left"></i></a>')
    if current > 3:
        parts.append(f'<a href="{href(1)}" class="first" title="1">1</a>')
        parts.append('<span class="extend">...</span>')
    for number in range(max(1, current - 2), min(total, current + 2) + 1):
        if number == current:
            parts.append(f'<span class="current">{number}</span>')
        else:
            parts.append(f'<a href="{href(number)}" class="page" title="{number}">{number}</a>')
    if current + 2 < total:
        parts.append('<span class="extend">...</span>')
        parts.append(f'<a href="{href(total)}" class="last" title="{total}">{total}</a>')
    if current < total:
        parts.append(f'<a href="{href(current + 1)}"><i class="td-icon-menu-right"></i></a>')
    parts.append(f'<span class="pages">Halaman {current} dari {total}</span>')
    links = "".join(parts)
    return f'<div class="page-nav td-pb-padding-side">{links}<div class="clearfix"></div></div>'


def _excerpt(site: ReplicaSite, article: ReplicaArticle) -> str:
    words = body_text(site.full_article(article).pages).split()
    return " ".join(words[:25]) + ("&hellip;" if len(words) > 25 else "")


def listing_module(site: ReplicaSite, article: ReplicaArticle) -> str:
    author = ""
    if article.author:
        author = (
            '<span class="td-post-author-name">'
            f'<a href="{site.url(f"/author/{article.author.slug}/")}">'
            f"{text(article.author.name)}</a> <span>-</span> </span>"
        )
    return (
        '<div class="td_module_10 td_module_wrap td-animation-stack">'
        f"{thumb(site, article, 218, 150)}"
        f'<div class="item-details">{module_title(site, article)}'
        f'<div class="td-module-meta-info">{author}{module_date(article)}'
        f'<span class="td-module-comments"><a href="{site.url(article.path)}#respond">'
        f"{article.comment_count}</a></span></div>"
        f'<div class="td-excerpt">{_excerpt(site, article)}</div></div></div>'
    )


def _archive_main(
    site: ReplicaSite, header_html: str, modules: str, pager_html: str, ids: BlockIds
) -> str:
    return "\n".join(
        [
            '<div class="td-category-header td-container-wrap"><div class="td-container">'
            f'<div class="td-pb-row"><div class="td-pb-span12">{header_html}</div></div>'
            "</div></div>",
            '<div class="td-main-content-wrap td-container-wrap"><div class="td-container">',
            '<div class="td-pb-row"><div class="td-pb-span8 td-main-content">',
            '<div class="td-ss-main-content">',
            modules,
            pager_html,
            "</div></div>",
            sidebar(site, ids.next()),
            "</div></div></div>",
        ]
    )


def _crumbs(site: ReplicaSite, label: str) -> str:
    return (
        '<div class="td-crumb-container"><div class="entry-crumbs"><span><a title="" '
        f'class="entry-crumb" href="{site.base_url}/">Beranda</a></span> '
        '<i class="td-icon-right td-bread-sep td-bred-no-url-last"></i> '
        f'<span class="td-bred-no-url-last">{text(label)}</span></div></div>'
    )


def render_archive(
    site: ReplicaSite,
    kind: str,
    slug: str,
    name: str,
    articles: Sequence[ReplicaArticle],
    page: int,
    *,
    author: Author | None = None,
) -> str:
    """A category / tag / author archive page; `articles` is the whole archive, newest first."""
    per_page = site.options.posts_per_listing
    total = pages_count(len(articles), per_page)
    base_path = f"/{kind}/{slug}/"
    shown = articles[(page - 1) * per_page : page * per_page]
    page_url = site.url(base_path if page == 1 else f"{base_path}page/{page}/")
    label = {"category": "", "tag": "Topik: ", "author": "Dikirim oleh "}[kind]
    suffix = f" - Halaman {page} dari {total}" if page > 1 else ""
    head = Head(
        title=f"{label}{name}{suffix} - {SITE_NAME}",
        canonical=page_url,
        description=f"Berita {name} terbaru hari ini dari {SITE_NAME}.",
        prev_url=site.url(base_path if page == 2 else f"{base_path}page/{page - 1}/")
        if page > 1
        else None,
        next_url=site.url(f"{base_path}page/{page + 1}/") if page < total else None,
        graph=collection_graph(site, page_url, f"{label}{name}"),
    )
    header_html = _crumbs(site, name) + page_title_header(f"{label}{name}")
    if author is not None:
        header_html += f'<div class="td-author-description">{text(author.description)}</div>'
    modules = "\n".join(listing_module(site, article) for article in shown)
    ids = BlockIds(start=10 + page % 7)
    main = _archive_main(site, header_html, modules, pager(site, base_path, page, total), ids)
    return document(site, head, _archive_body_class(kind, slug, page), main)


def _archive_body_class(kind: str, slug: str, page: int) -> str:
    paged = f" paged paged-{page} {kind}-paged-{page}" if page > 1 else ""
    return (
        f"archive {kind} {kind}-{slug}{paged} global-block-template-1 "
        "td-animation-stack-type0 td-full-layout"
    )


def render_home(site: ReplicaSite, page: int = 1) -> str:
    """The static front page built with tagDiv Composer: a big grid of the five newest posts
    and a paginated "BERITA TERKINI" loop (/page/N/)."""
    posts = site.posts
    per_page = site.options.posts_per_listing
    total = pages_count(len(posts), per_page)
    page_url = f"{site.base_url}/" if page == 1 else site.url(f"/page/{page}/")
    suffix = f" - Halaman {page} dari {total}" if page > 1 else ""
    head = Head(
        title=f"{SITE_NAME}{suffix} - {TAGLINE}",
        canonical=page_url,
        description=f"{SITE_NAME}: {TAGLINE}.",
        next_url=site.url(f"/page/{page + 1}/") if page < total else None,
        graph=[
            {"@type": "WebPage", "@id": page_url, "url": page_url, "name": SITE_NAME},
            *website_nodes(site),
        ],
    )
    ids = BlockIds(start=1 + page % 5)
    grid_id, loop_id = ids.next(), ids.next()
    grid = "\n".join(
        '<div class="td_module_mx5 td-animation-stack td-big-grid-post td-small-thumb">'
        f"{thumb(site, article, 356, 220)}"
        '<div class="td-meta-info-container"><div class="td-meta-align">'
        f'<div class="td-big-grid-meta">{module_title(site, article)}</div>'
        f'<div class="td-module-meta-info">{module_date(article)}'
        "</div></div></div></div>"
        for article in posts[:5]
    )
    shown = posts[(page - 1) * per_page : page * per_page]
    loop = "\n".join(listing_module(site, article) for article in shown)
    main = "\n".join(
        [
            '<div id="td-outer-wrap-home" class="td-main-content-wrap td-main-page-wrap '
            'td-container-wrap">',
            '<div class="tdc-content-wrap">',
            f'<div class="td_block_wrap td_block_big_grid_5 {grid_id} td-grid-style-1 td-hover-1 '
            f'td-big-grids td-pb-border-top td_block_template_1" data-td-block-uid="{grid_id}">'
            f'<div id="{grid_id}" class="td_block_inner"><div class="td-big-grid-wrapper">{grid}'
            "</div></div></div>",
            '<div class="td-container"><div class="td-pb-row">'
            '<div class="td-pb-span8 td-main-content">',
            f'<div class="td_block_wrap td_block_10 {loop_id} td-pb-border-top td_block_template_1 '
            f'td-column-2" data-td-block-uid="{loop_id}"><div class="td-block-title-wrap">'
            '<h4 class="block-title td-block-title"><span class="td-pulldown-size">BERITA TERKINI'
            f'</span></h4></div><div id="{loop_id}" class="td_block_inner">{loop}</div></div>',
            pager(site, "/", page, total),
            "</div>",
            sidebar(site, ids.next()),
            "</div></div></div></div>",
        ]
    )
    paged = f" paged paged-{page} page-paged-{page}" if page > 1 else ""
    body_class = (
        "home page-template page-template-page-pagebuilder-latest "
        "page-template-page-pagebuilder-latest-php "
        f"page page-id-{FRONT_PAGE_ID}{paged} global-block-template-1 tdb-template "
        "td-animation-stack-type0 td-full-layout"
    )
    return document(site, head, body_class, main, home=True)


def render_static_page(site: ReplicaSite, slug: str) -> str:
    page_id, title, paragraphs = STATIC_PAGES[slug]
    page_url = site.url(f"/{slug}/")
    head = Head(
        title=f"{title} - {SITE_NAME}",
        canonical=page_url,
        description=paragraphs[0],
        graph=[{"@type": "WebPage", "@id": page_url, "url": page_url, "name": title}],
    )
    content = "\n".join(f"<p>{text(paragraph)}</p>" for paragraph in paragraphs)
    main = "\n".join(
        [
            '<div class="td-main-content-wrap td-container-wrap">'
            '<div class="td-container tdc-content-wrap">',
            _crumbs(site, title),
            '<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main">',
            '<div class="td-ss-main-content">',
            page_title_header(title),
            f'<div class="td-page-content tagdiv-type">{content}</div>',
            "</div></div>",
            sidebar(site, "tdi_3"),
            "</div></div></div>",
        ]
    )
    body_class = (
        f"page-template-default page page-id-{page_id} global-block-template-1 "
        "td-animation-stack-type0 td-full-layout"
    )
    return document(site, head, body_class, main)


def render_not_found(site: ReplicaSite) -> str:
    """Newspaper's 404.php in Indonesian, with the latest posts below."""
    head = Head(
        title=f"Halaman tidak ditemukan - {SITE_NAME}",
        canonical=f"{site.base_url}/",
        description="",
        robots="noindex, follow",
        graph=website_nodes(site),
    )
    latest = "\n".join(listing_module(site, article) for article in site.posts[:6])
    main = "\n".join(
        [
            '<div class="td-main-content-wrap td-container-wrap"><div class="td-container">',
            '<div class="td-pb-row"><div class="td-pb-span12 td-main-content" role="main">',
            '<div class="td-404-head"><div class="td-404-title">Ooops ... Kesalahan 404</div>',
            '<div class="td-404-sub-title">Maaf, halaman yang Anda cari tidak ada.</div>',
            '<div class="td-404-sub-sub-title">Anda dapat pergi ke '
            f'<a href="{attr(site.base_url)}/">HALAMAN AWAL</a></div></div>',
            '<h4 class="block-title"><span>KIRIMAN TERBARU KAMI</span></h4>',
            latest,
            "</div></div></div></div>",
        ]
    )
    return document(site, head, "error404 global-block-template-1 td-full-layout", main)
