"""Pages a crawler must not store, listed in the post sitemaps like real posts.

challenge: a Cloudflare "Just a moment..." interstitial, HTTP 503, every time.
truncated: a real article page cut off mid-body (complete HTTP response, broken HTML).
wrong_charset: an article whose header and <meta> say UTF-8 but whose bytes are cp1252.
empty: article-shaped (single-post body class, full chrome) with no title and no body.
missing: a deleted post still in the sitemap: 404.
dataloss: the server announces a Content-Length, sends half and closes the connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from replica.listing import render_not_found
from replica.model import (
    WIB,
    Category,
    EntityStyle,
    Image,
    Paragraph,
    ReplicaArticle,
    Strong,
)
from replica.response import Response
from replica.single import render_article
from replica.taxonomy import DEWI_ANGGRAINI, EKONOMI, GAYA_HIDUP, REDAKSI, TANGSEL

if TYPE_CHECKING:
    from replica.site import ReplicaSite


@dataclass(frozen=True)
class BrokenPage:
    name: str
    path: str
    lastmod: datetime
    post_id: int
    flaw: str  # what is wrong with it, as `make demo` says


BROKEN_PAGES: tuple[BrokenPage, ...] = (
    BrokenPage(
        "challenge",
        "/2024/03/11/pemkot-tangsel-gelar-rakor-persiapan-mudik-lebaran-2024/",
        datetime(2024, 3, 11, 10, 2, tzinfo=WIB),
        150101,
        'a Cloudflare "Just a moment..." challenge, HTTP 503 every time',
    ),
    BrokenPage(
        "truncated",
        "/2024/04/22/pemkot-tangsel-resmikan-pasar-rakyat-modern-di-pamulang/",
        datetime(2024, 4, 22, 14, 30, tzinfo=WIB),
        153870,
        "an article cut off mid-body (broken HTML)",
    ),
    BrokenPage(
        "wrong_charset",
        "/2024/05/14/kafe-rose-di-bintaro-tawarkan-menu-crepes-khas-prancis/",
        datetime(2024, 5, 14, 16, 45, tzinfo=WIB),
        155990,
        "an article in cp1252 bytes that claims to be UTF-8",
    ),
    BrokenPage(
        "empty",
        "/2024/06/03/draf-tanpa-judul/",
        datetime(2024, 6, 3, 9, 0, tzinfo=WIB),
        157214,
        "an article page with no title and no body",
    ),
    BrokenPage(
        "missing",
        "/2023/11/28/berita-ini-sudah-dihapus-redaksi/",
        datetime(2023, 11, 28, 8, 15, tzinfo=WIB),
        141002,
        "a deleted post still in the sitemap: HTTP 404",
    ),
    BrokenPage(
        "dataloss",
        "/2024/02/08/jalan-siliwangi-pamulang-ditutup-sementara-untuk-perbaikan-saluran/",
        datetime(2024, 2, 8, 11, 20, tzinfo=WIB),
        147733,
        "a response cut off before its announced Content-Length",
    ),
)


def _article(
    page: BrokenPage,
    title: str,
    category: Category,
    paragraphs: list[str],
    entities: EntityStyle = "wp",
) -> ReplicaArticle:
    slug = page.path.rstrip("/").rsplit("/", 1)[-1]
    blocks = [Paragraph((Strong("RADAR TANGSEL RATAS"), " – " + paragraphs[0]))]
    blocks += [Paragraph((text,)) for text in paragraphs[1:]]
    return ReplicaArticle(
        post_id=page.post_id,
        slug=slug,
        title=title,
        category=category,
        published=page.lastmod,
        modified=page.lastmod,
        template="classic",
        author=DEWI_ANGGRAINI if title else REDAKSI,
        image=Image(f"/wp-content/uploads/{page.lastmod:%Y/%m}/{slug[:40]}.jpg", None)
        if title
        else None,
        pages=[blocks] if paragraphs[0] else [[]],
        entity_style=entities,
    )


PASAR = [
    "Pemerintah Kota Tangerang Selatan meresmikan Pasar Rakyat Modern Pamulang yang dibangun "
    "dengan anggaran Rp42 miliar. Pasar baru ini menampung 480 pedagang.",
    "Para pedagang yang sebelumnya berjualan di pinggir jalan kini menempati los dan kios yang "
    "lebih bersih dan tertata. Setiap los dilengkapi saluran air dan penerangan.",
    "“Kami ingin pasar tradisional tidak kalah nyaman dengan pusat perbelanjaan modern,” kata "
    "Kepala Dinas Perindustrian dan Perdagangan Tangsel dalam peresmian.",
    "Pengelola pasar menyiapkan area parkir untuk 300 sepeda motor dan 60 mobil. Retribusi "
    "harian pedagang dibayarkan secara nontunai melalui aplikasi.",
    "Warga sekitar menyambut baik keberadaan pasar baru tersebut karena lokasinya mudah "
    "dijangkau angkutan umum dari arah Ciputat maupun Serpong.",
]
KAFE = [
    "Sebuah kafe bernama “Rosé” di kawasan Bintaro menawarkan menu crêpes dan café au lait "
    "khas Prancis. Kafe ini ramai dikunjungi anak muda setiap akhir pekan.",
    "Pemilik kafe, Amélie Kusuma, mengatakan resep crêpes dipelajarinya saat menempuh "
    "pendidikan tata boga di Lyon – kota yang dikenal sebagai pusat kuliner Prancis.",
    "“Kami pakai mentega dan tepung pilihan… rasanya harus seperti di Paris,” ujarnya sambil "
    "menyajikan crêpe suzette yang disiram saus jeruk.",
]


def _cut_mid_body(markup: str) -> str:
    # Stop inside the third paragraph of the content, as a half-written cache entry does.
    start = markup.index('<div class="td-post-content')
    cut = markup.index("</p>", markup.index("</p>", start) + 4) + 4
    cut = markup.index("<p>", cut) + 60
    return markup[:cut]


def _challenge(site: ReplicaSite, page: BrokenPage) -> Response:
    host = site.base_url.split("://", 1)[-1]
    ray = f"{page.post_id:08x}a1b2c3d4"
    markup = (
        '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>'
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
        '<meta http-equiv="X-UA-Compatible" content="IE=Edge">'
        '<meta name="robots" content="noindex,nofollow">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<style>*{box-sizing:border-box;margin:0;padding:0}html{line-height:1.15;"
        "-webkit-text-size-adjust:100%;color:#313131}body{display:flex;flex-direction:column;"
        "height:100vh;min-height:100vh}</style>"
        '<meta http-equiv="refresh" content="390"></head><body class="no-js">'
        '<div class="main-wrapper" role="main"><div class="main-content">'
        f'<h1 class="zone-name-title h1">{host}</h1>'
        '<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>'
        '<noscript><div id="challenge-error-title"><div class="h2"><span '
        'id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div>'
        "</noscript></div></div><script>(function(){window._cf_chl_opt={cvId: '3',"
        f"cZone: \"{host}\",cType: 'managed',cNounce: '{page.post_id % 99991}',"
        f"cRay: '{ray}',cHash: '5a7c0e9b1d3f2a4c',cUPMDTk: \"{page.path}?__cf_chl_tk=x\","
        "cFPWv: 'g',cTTimeMs: '1000',cMTimeMs: '390000',cTplV: 5,cTplB: 'cf',cK: \"\"};"
        "var cpo = document.createElement('script');"
        f"cpo.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray={ray}';"
        "document.getElementsByTagName('head')[0].appendChild(cpo);}());</script>"
        '<div class="footer" role="contentinfo"><div class="footer-inner">'
        f'<div class="clearfix diagnostic-wrapper"><div class="ray-id">Ray ID: <code>{ray}</code>'
        '</div></div><div class="text-center" id="footer-text">Performance &amp; security by '
        '<a rel="noopener noreferrer" href="https://www.cloudflare.com" target="_blank">'
        "Cloudflare</a></div></div></div></body></html>"
    )
    return Response.html(
        503,
        markup,
        **{
            "Server": "cloudflare",
            "CF-RAY": f"{ray}-SIN",
            "cf-mitigated": "challenge",
            "Cache-Control": "private, max-age=0, no-store, no-cache, must-revalidate",
        },
    )


def render_broken(site: ReplicaSite, page: BrokenPage) -> Response:
    if page.name == "challenge":
        return _challenge(site, page)
    if page.name == "missing":
        return Response.html(404, render_not_found(site))
    if page.name == "truncated":
        article = _article(
            page, "Pemkot Tangsel Resmikan Pasar Rakyat Modern di Pamulang", TANGSEL, PASAR
        )
        return Response.html(200, _cut_mid_body(render_article(site, article)))
    if page.name == "wrong_charset":
        title = "Kafe “Rosé” di Bintaro Tawarkan Menu Crêpes Khas Prancis"
        # Raw characters, not entities: otherwise the bytes would be plain ASCII.
        article = _article(page, title, GAYA_HIDUP, KAFE, entities="raw")
        markup = render_article(site, article)
        # The bytes are cp1252 while the header (and <meta charset>) claim UTF-8.
        return Response(200, markup.encode("cp1252", errors="xmlcharrefreplace"))
    if page.name == "empty":
        article = _article(page, "", EKONOMI, [""])
        return Response.html(200, render_article(site, article))
    full = render_article(
        site, _article(page, "Jalan Siliwangi Pamulang Ditutup Sementara", TANGSEL, PASAR)
    )
    body = full.encode("utf-8")
    return Response(200, body[: len(body) // 2], declared_length=len(body))
