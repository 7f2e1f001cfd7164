"""crawler.cleaning: boilerplate removal from article bodies, on real sentences and markup."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest

from crawler.cleaning import CleanedBody, clean_body, clean_text
from crawler.cleaning.rules import DOM_RULES, TEXT_RULES

BANTENNEWS = (
    Path(__file__).resolve().parent.parent.parent
    / "shared/reference/tagdiv/bantennews-article-2021-12-27.fragment.html"
)

LEAD = (
    "RADAR TANGSEL RATAS \u2013 Pemerintah Kota Tangerang Selatan menambah 12 armada pengangkut "
    "sampah untuk wilayah Serpong dan Pondok Aren."
)
CLOSING = "Armada baru itu mulai beroperasi pekan depan. (ARH)"


def td_content(*parts: str) -> str:
    """Markup as the tagDiv classic template prints the body container."""
    return f'<div class="td-post-content tagdiv-type">{"".join(parts)}</div>'


def article(*middle: str) -> str:
    return td_content(f"<p>{LEAD}</p>", *middle, f"<p>{CLOSING}</p>")


def p(text: str) -> str:
    return f"<p>{html.escape(text, quote=False)}</p>"


# --- DOM rules: (rule, markup that must go, a phrase only it contains, a real sentence with
# --- the same word that must stay)

IRP_BOX = (
    '<a href="https://radartangsel.example/anies-siap-nyapres/" target="_blank" rel="dofollow" '
    'class="u6f3c5a9e8a1b2c3d4e5f60718293a4b5"><!-- INLINE RELATED POSTS 1/3 //--><style> '
    ".u6f3c5a9e8a1b2c3d4e5f60718293a4b5 { padding:0px; margin: 0; } "
    ".u6f3c5a9e8a1b2c3d4e5f60718293a4b5 .ctaText { font-weight:bold; }</style>"
    '<div style="padding-left:1em; padding-right:1em;"><span class="ctaText">BACA JUGA :</span>'
    '&nbsp; <span class="postTitle">Anies Siap Nyapres 2024, PKS: Ia Jadi Simbol Perubahan untuk '
    "Indonesia</span></div></a>"
)

COMMENT_FORM = """
<div class="comments" id="comments">
  <div id="respond" class="comment-respond">
    <h4 id="reply-title" class="comment-reply-title">TINGGALKAN KOMENTAR <small>
      <a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">
      Batal membalas</a></small></h4>
    <form action="https://radartangsel.example/wp-comments-post.php" method="post"
          id="commentform" class="comment-form" novalidate>
      <div class="clearfix"></div>
      <div class="comment-form-input-wrap td-form-comment">
        <textarea placeholder="Komentar:" id="comment" name="comment" cols="45" rows="8"></textarea>
        <div class="td-warning-comment">Silakan masukkan komentar anda!</div>
      </div>
      <div class="comment-form-input-wrap td-form-author">
        <input id="author" name="author" placeholder="Nama:*" type="text" value="" size="30">
        <div class="td-warning-author">Silakan masukkan nama Anda di sini</div>
      </div>
      <div class="comment-form-input-wrap td-form-email">
        <input id="email" name="email" placeholder="Email:*" type="text" value="" size="30">
        <div class="td-warning-email-error">Anda telah memasukkan alamat email yang salah!</div>
        <div class="td-warning-email">Silakan masukkan alamat email Anda di sini</div>
      </div>
      <p class="comment-form-cookies-consent">
        <input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox">
        <label for="wp-comment-cookies-consent">Simpan nama, email, dan situs web saya di browser
        ini untuk lain kali saya berkomentar.</label></p>
      <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit"
        value="Kirim Komentar"></p>
    </form>
  </div>
</div>
"""

DOM_CASES = [
    pytest.param(
        "featured_image",
        '<div class="td-post-featured-image"><figure><a href="https://radartangsel.example/f.jpg"'
        ' data-caption="Truk sampah baru (foto: istimewa)" class="td-modal-image">'
        '<img class="entry-thumb" src="https://radartangsel.example/f-640x428.jpg" alt="">'
        '</a><figcaption class="wp-caption-text">Truk sampah baru milik DLH Tangsel '
        "(foto: istimewa)</figcaption></figure></div>",
        "Truk sampah baru milik DLH",
        "Foto truk sampah baru itu beredar luas di media sosial.",
        id="featured_image-classic",
    ),
    pytest.param(
        "featured_image",
        '<div class="td_block_wrap tdb_single_featured_image tdi_70"><div class="tdb-block-inner">'
        '<img src="https://radartangsel.example/f.jpg" alt=""><figcaption class="tdb-caption-text">'
        "Truk sampah baru milik DLH Tangsel (foto: istimewa)</figcaption></div></div>",
        "Truk sampah baru milik DLH",
        "Foto truk sampah baru itu beredar luas di media sosial.",
        id="featured_image-composer",
    ),
    pytest.param(
        "related_link",
        IRP_BOX,
        "Anies Siap Nyapres",
        "Warga diminta membaca juga aturan yang berlaku sebelum mendaftar.",
        id="related_link-irp-box",
    ),
    pytest.param(
        "related_link",
        f"<p>{IRP_BOX}</p>",
        "Anies Siap Nyapres",
        "Warga diminta membaca juga aturan yang berlaku sebelum mendaftar.",
        id="related_link-irp-box-in-p",
    ),
    pytest.param(
        "related_link",
        '<div class="inject-baca-juga"><span>Baca Juga</span><ul><li><a href="/a">'
        "Harga Cabai Naik Jelang Natal</a></li></ul></div>",
        "Harga Cabai",
        "Warga diminta membaca juga aturan yang berlaku sebelum mendaftar.",
        id="related_link-baca-juga-class",
    ),
    pytest.param(
        "related_link",
        '<div id="bacajuga" class="bacajuga-box"><a href="/a">Harga Cabai Naik Jelang Natal</a>'
        "</div>",
        "Harga Cabai",
        "Warga diminta membaca juga aturan yang berlaku sebelum mendaftar.",
        id="related_link-bacajuga-class",
    ),
    pytest.param(
        "related_link",
        '<div class="jnews_inline_related_post_wrapper"><div class="jnews_inline_related_post">'
        '<div class="jeg_postblock"><h3>Baca Juga</h3><a href="/a">Harga Cabai Naik Jelang Natal'
        "</a></div></div></div>",
        "Harga Cabai",
        "Warga diminta membaca juga aturan yang berlaku sebelum mendaftar.",
        id="related_link-jnews",
    ),
    pytest.param(
        "related_posts",
        '<div class="td_block_wrap td_block_related_posts tdi_3_1f3 td_with_ajax_pagination">'
        '<h4 class="td-related-title"><a class="td-related-left" href="#">BERITA TERKAIT</a></h4>'
        '<div class="td_block_inner"><div class="td-related-span4"><div class="td-module-thumb">'
        '<a href="/krakatau"><img class="entry-thumb" src="" data-img-url="/k.jpg" alt=""></a>'
        '</div><h3 class="entry-title td-module-title"><a href="/krakatau">PT Krakatau Steel '
        "Penuhi Kewajiban Pembayaran Utang Rp2,7 Triliun</a></h3></div></div></div>",
        "Krakatau",
        "Polisi masih menyelidiki berita terkait kecelakaan itu.",
        id="related_posts-classic",
    ),
    pytest.param(
        "related_posts",
        '<div class="td_block_wrap tdb_single_related tdi_90"><div class="td-block-title-wrap">'
        '<h4 class="td-block-title"><span>ARTIKEL TERKAIT</span></h4></div>'
        '<div class="td_module_flex"><h3><a href="/x">Harga Cabai Naik Jelang Natal</a></h3></div>'
        "</div>",
        "Harga Cabai",
        "Polisi masih menyelidiki artikel terkait kecelakaan itu.",
        id="related_posts-composer",
    ),
    pytest.param(
        "comments",
        COMMENT_FORM,
        "TINGGALKAN KOMENTAR",
        "Ia enggan memberikan komentar lebih lanjut soal kasus tersebut.",
        id="comments-form",
    ),
    pytest.param(
        "comments",
        '<div class="td_block_wrap tdb_single_comments tdi_99"><div class="comments" '
        'id="comments"><div class="td-comments-title-wrap"><h4 class="block-title">'
        '<span>1 KOMENTAR</span></h4></div><ol class="comment-list"><li><p>Mantap, semoga '
        "cepat terealisasi.</p></li></ol></div></div>",
        "Mantap",
        "Ia enggan memberikan komentar lebih lanjut soal kasus tersebut.",
        id="comments-composer-with-a-comment",
    ),
    pytest.param(
        "share_bar",
        '<div class="td-post-sharing-top"><div id="td_social_sharing_article_top" '
        'class="td-post-sharing td-ps-bg"><div class="td-post-sharing-visible">'
        '<a class="td-social-sharing-button td-social-facebook" href="https://www.facebook.com/'
        'sharer.php?u=x"><div class="td-social-but-text">Facebook</div></a>'
        '<a class="td-social-sharing-button td-social-whatsapp" href="https://api.whatsapp.com/'
        'send?text=x"><div class="td-social-but-text">WhatsApp</div></a></div></div></div>',
        "Facebook",
        "Unggahan itu viral di Facebook dan dibagikan ribuan kali.",
        id="share_bar-classic",
    ),
    pytest.param(
        "share_bar",
        '<div class="td_block_wrap tdb_single_post_share tdi_80"><div class="td-post-sharing">'
        '<span class="td-social-but-text">BAGIKAN</span></div></div>',
        "BAGIKAN",
        "Pemkot akan membagikan 500 paket sembako kepada warga.",
        id="share_bar-composer",
    ),
    pytest.param(
        "ads",
        '<div class="td-a-rec td-a-rec-id-content_inline tdi_2_823 td_block_template_1">'
        '<span class="td-adspot-title">- Advertisement -</span><ins class="adsbygoogle" '
        'style="display:inline-block;width:300px;height:250px" data-ad-client="ca-pub-1" '
        'data-ad-slot=""></ins><script>(adsbygoogle = window.adsbygoogle || []).push({});'
        "</script></div>",
        "Advertisement",
        "Belanja advertisement digital pemerintah daerah naik dua kali lipat, katanya.",
        id="ads-inline-slot",
    ),
    pytest.param(
        "ads",
        '<ins class="adsbygoogle" data-ad-client="ca-pub-1">Iklan Google</ins>',
        "Iklan Google",
        "Pemasangan iklan di jembatan penyeberangan dilarang.",
        id="ads-adsbygoogle",
    ),
    pytest.param(
        "code",
        "<script>var td_screen_width = window.innerWidth; document.write('x');</script>"
        "<style>.td-post-content p { margin: 0 }</style>"
        "<noscript><p>Aktifkan JavaScript untuk membaca</p></noscript>",
        "td_screen_width",
        "Dinas Kominfo menyiapkan kelas pemrograman JavaScript untuk pelajar.",
        id="code-script-style-noscript",
    ),
    pytest.param(
        "embed",
        '<iframe src="https://www.youtube.com/embed/x">Video tidak dapat diputar</iframe>',
        "Video tidak dapat diputar",
        "Video amatir warga memperlihatkan banjir setinggi lutut.",
        id="embed-iframe",
    ),
    pytest.param(
        "author_box",
        '<div class="author-box-wrap"><a href="/author/arh/"><img src="/a.jpg" alt=""></a>'
        '<div class="desc"><div class="td-author-name vcard author"><span class="fn">'
        '<a href="/author/arh/">Ahmad Rizki</a></span></div><div class="td-author-description">'
        "Penulis di Radar Tangsel sejak 2019.</div></div></div>",
        "Ahmad Rizki",
        "Penulis buku itu hadir dalam diskusi di Serpong.",
        id="author_box-classic",
    ),
    pytest.param(
        "next_prev",
        '<div class="td-block-row td-post-next-prev"><div class="td-block-span6 '
        'td-post-prev-post"><div class="td-post-next-prev-content"><span>Artikulli paraprak'
        '</span><a href="/prev/">Banjir Rendam Ciputat</a></div></div></div>',
        "Banjir Rendam Ciputat",
        "Artikel sebelumnya yang ditulis warga itu menuai kritik.",
        id="next_prev-classic",
    ),
    pytest.param(
        "page_nav",
        '<div class="page-nav page-nav-post td-pb-padding-side"><div>1</div><a href="/x/2/">'
        '<div>2</div></a><a href="/x/2/"><i class="td-icon-menu-right"></i></a></div>',
        "/x/2/",
        "Halaman kantor kecamatan dipenuhi warga sejak pagi.",
        id="page_nav-wp_link_pages",
    ),
    pytest.param(
        "tags_box",
        '<div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix">'
        '<li><span>TOPIK</span></li><li><a href="/tag/sampah/">sampah</a></li>'
        '<li><a href="/tag/tangsel/">Tangsel</a></li></ul></div>',
        "TOPIK",
        "Topik yang dibahas dalam rapat itu adalah pengelolaan sampah.",
        id="tags_box-classic",
    ),
    pytest.param(
        "promo",
        '<div class="box-gnews"><a href="https://news.google.com/publications/x">Ikuti kami di '
        "Google News</a></div>",
        "Ikuti kami",
        "Google News menjadi salah satu sumber pembaca media daring, ujarnya.",
        id="promo-okezone-box",
    ),
    pytest.param(
        "page_chrome",
        '<aside class="widget"><h4 class="block-title"><span>Baca Juga</span></h4><div '
        'class="textwidget">Terpopuler hari ini</div></aside><nav class="entry-crumbs"><a '
        'href="/">Beranda</a></nav>',
        "Terpopuler",
        "Terpopuler di pameran itu adalah produk UMKM Serpong.",
        id="page_chrome-aside-nav",
    ),
    pytest.param(
        "post_meta",
        '<div class="td-post-header"><ul class="td-category"><li class="entry-category">'
        '<a href="/category/metro/">Metro</a></li></ul><header class="td-post-title">'
        '<h1 class="entry-title">Tangsel Tambah Armada Sampah</h1><div class="td-module-meta-info">'
        '<div class="td-post-comments"><a href="#respond"><i class="td-icon-comments"></i>0</a>'
        '</div><div class="td-post-views"><i class="td-icon-views"></i><span class='
        '"td-nr-views-9876">205</span></div></div></header></div>',
        "Tangsel Tambah Armada Sampah",
        "Sebanyak 205 warga mengungsi akibat banjir.",
        id="post_meta-whole-article",
    ),
]


@pytest.mark.parametrize(("rule", "boilerplate", "marker", "keep"), DOM_CASES)
def test_dom_rule(rule: str, boilerplate: str, marker: str, keep: str) -> None:
    cleaned = clean_body(article(boilerplate, p(keep)))
    assert cleaned.text.split("\n\n") == [LEAD, keep, CLOSING]
    assert cleaned.html.count(marker) == keep.count(marker)
    assert cleaned.removed.get(rule, 0) >= 1


# --- Text rules: whole blocks whatever their markup. (rule, block text, real sentence that
# --- mentions the same word and must stay)

COMMENT_FORM_STRINGS = [
    # every comment-form msgstr of tagDiv Newspaper 11.4.3 id_ID.po
    "TINGGALKAN KOMENTAR",
    "Silakan masukkan komentar anda!",
    "Silakan masukkan nama Anda di sini",
    "Silakan masukkan alamat email Anda di sini",
    "Anda telah memasukkan alamat email yang salah!",
    "Simpan nama, email, dan situs web saya di browser ini untuk lain kali saya berkomentar.",
    "Kirim Komentar",
    "Batal membalas",
    "Login untuk meninggalkan komentar",
    "TIDAK ADA KOMENTAR",
    "1 KOMENTAR",
    "12 KOMENTAR",
    "Komentar:",
    "Nama:",
    "Email:",
    "Website:",
    "Komentar dari anda sedang menunggu moderasi",
    "Komentar ditutup.",
]

TEXT_CASES = [
    *(
        pytest.param(
            "comments",
            text,
            "Ia enggan memberikan komentar lebih lanjut soal kasus tersebut.",
            id=f"comments-{text}",
        )
        for text in COMMENT_FORM_STRINGS
    ),
    pytest.param(
        "related_link",
        "BACA JUGA :\u00a0 Anies Siap Nyapres 2024, PKS: Ia Jadi Simbol Perubahan untuk Indonesia",
        "Warga diminta membaca juga aturan yang berlaku sebelum mendaftar.",
        id="related_link-seed",
    ),
    pytest.param(
        "related_link",
        "Baca juga: Harga Cabai Naik Jelang Natal",
        "Warga diminta membaca juga aturan yang berlaku sebelum mendaftar.",
        id="related_link-colon",
    ),
    pytest.param(
        "related_link",
        "baca juga  Harga Cabai Naik Jelang Natal",
        "Baca juga petunjuk teknis dari KPU sebelum mendaftar.",
        id="related_link-no-colon",
    ),
    pytest.param(
        "related_link",
        "**Baca Juga: Harga Cabai Naik Jelang Natal",
        "Warga diminta membaca juga aturan yang berlaku sebelum mendaftar.",
        id="related_link-kabar6",
    ),
    pytest.param(
        "related_posts",
        "BERITA TERKAIT",
        "Polisi masih menyelidiki berita terkait kecelakaan itu.",
        id="related_posts-berita-terkait",
    ),
    pytest.param(
        "related_posts",
        "ARTIKEL TERKAIT",
        "Polisi masih menyelidiki artikel terkait kecelakaan itu.",
        id="related_posts-artikel-terkait",
    ),
    pytest.param(
        "related_posts",
        "DARI PENULIS",
        "Surat dari penulis itu dibacakan di persidangan.",
        id="related_posts-dari-penulis",
    ),
    pytest.param(
        "share_bar", "BAGIKAN", "Pemkot akan membagikan 500 paket sembako.", id="share_bar"
    ),
    pytest.param(
        "ads",
        "- Advertisement -",
        "Belanja advertisement digital pemerintah daerah naik dua kali lipat.",
        id="ads-advertisement",
    ),
    pytest.param(
        "ads",
        "ADVERTISEMENT",
        "Belanja advertisement digital pemerintah daerah naik dua kali lipat.",
        id="ads-uppercase",
    ),
    pytest.param(
        "ads",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Warga diminta terus memantau informasi banjir.",
        id="ads-scroll",
    ),
    pytest.param(
        "promo",
        "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari "
        'bergabung di Grup Telegram "Kompas.com News Update", caranya klik link '
        "https://t.me/kompascomupdate, kemudian join. Anda harus install aplikasi Telegram "
        "terlebih dulu di ponsel.",
        "Warga bisa bergabung di grup Telegram kelurahan untuk mendapat informasi banjir.",
        id="promo-telegram",
    ),
    pytest.param(
        "promo",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu"
        " akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029Va. "
        "Pastikan kamu sudah install aplikasi WhatsApp ya.",
        "Pemkot meluncurkan WhatsApp Channel untuk layanan pengaduan warga.",
        id="promo-whatsapp",
    ),
    pytest.param(
        "promo",
        "Ikuti berita Radar Tangsel lainnya di Google News",
        "Google News menjadi salah satu sumber pembaca media daring, ujarnya.",
        id="promo-google-news",
    ),
    pytest.param(
        "promo",
        "Follow Berita Okezone di Google News",
        "Google News menjadi salah satu sumber pembaca media daring, ujarnya.",
        id="promo-okezone",
    ),
    pytest.param(
        "promo",
        "Cek Berita dan Artikel yang lain di Google News",
        "Google News menjadi salah satu sumber pembaca media daring, ujarnya.",
        id="promo-kontan",
    ),
    pytest.param(
        "promo",
        "Artikel ini telah tayang di Tribunnews.com dengan judul Tangsel Tambah Armada Sampah",
        "Artikel ini disusun berdasarkan keterangan resmi kepolisian.",
        id="promo-tayang",
    ),
    pytest.param(
        "promo",
        "[Gambas:Video CNN]",
        "Video amatir warga memperlihatkan banjir setinggi lutut.",
        id="promo-gambas",
    ),
    pytest.param(
        "credit_line",
        "Editor: Budi Santoso",
        "Editor senior media itu menyebut kebebasan pers masih terancam.",
        id="credit_line-editor",
    ),
    pytest.param(
        "credit_line",
        "Penulis: Ahmad Rizki",
        "Penulis buku itu hadir dalam diskusi di Serpong.",
        id="credit_line-penulis",
    ),
    pytest.param(
        "credit_line",
        "Reporter : Rina Marlina",
        "Reporter televisi lokal turut meliput acara tersebut.",
        id="credit_line-reporter",
    ),
    pytest.param(
        "credit_line",
        "Pewarta: Andi Firdaus",
        "Pewarta foto itu mengabadikan momen tersebut.",
        id="credit_line-pewarta",
    ),
    pytest.param(
        "credit_line",
        "Sumber: Antara",
        "Sumber air warga tercemar limbah pabrik.",
        id="credit_line-sumber",
    ),
    pytest.param(
        "credit_line",
        "Penulis: Ahmad Rizki | Editor: Budi Santoso",
        "Penulis buku itu hadir dalam diskusi di Serpong.",
        id="credit_line-pair",
    ),
    pytest.param(
        "counter", "205", "Sebanyak 205 warga mengungsi akibat banjir.", id="counter-views"
    ),
    pytest.param("counter", "0", "Sebanyak 205 warga mengungsi akibat banjir.", id="counter-zero"),
    pytest.param(
        "counter",
        "205 dilihat",
        "Video itu sudah dilihat 205 ribu kali.",
        id="counter-dilihat",
    ),
    pytest.param(
        "next_prev",
        "Artikulli paraprak Banjir Rendam Ciputat",
        "Artikel sebelumnya yang ditulis warga itu menuai kritik.",
        id="next_prev",
    ),
    pytest.param(
        "tags_box",
        "TOPIK",
        "Topik yang dibahas dalam rapat itu adalah pengelolaan sampah.",
        id="tags_box-label",
    ),
    pytest.param(
        "page_nav",
        "Halaman 1 dari 3",
        "Halaman kantor kecamatan dipenuhi warga sejak pagi.",
        id="page_nav",
    ),
    # real pages (../shared/realpages/, issue 13)
    pytest.param(
        "copyright",
        "COPYRIGHT © ANTARA 2015",  # antaranews-lombok-penerbangan-2015
        "Hak cipta lagu itu kini dipegang oleh ahli warisnya.",
        id="copyright",
    ),
    pytest.param(
        "copyright",
        "Copyright @ 2026 Media Group - mediaindonesia. All Rights Reserved",
        "Copyright lagu itu menjadi sengketa di pengadilan niaga sejak 2019.",
        id="copyright-at",
    ),
    pytest.param(
        "copyright",
        "Redaksi: redaksi[at]detikfinance.com Informasi pemasangan iklan hubungi : "
        "sales[at]detik.com",
        "Redaksi menerima surat pembaca melalui pos dan surel.",
        id="copyright-imprint",
    ),
    pytest.param(
        "date_line",
        "Kamis, 05/11/2015 09:25 WIB",  # detik-galaxy-s6-edge-2015
        "Jakarta, Kamis (5/11/2015) - Gardu induk itu diresmikan pukul 09.25 WIB.",
        id="date_line",
    ),
    pytest.param(
        "editor_initials",
        "(fyk/ash)",  # detik-galaxy-s6-edge-2015
        "Samsung menyatakan bahwa tiga celah keamanan yang masih ada akan diperbaiki (bulan ini).",
        id="editor_initials",
    ),
    pytest.param(
        "table_of_contents",
        "Table of Contents",  # gramedia-followers-organik-2021
        "Daftar isi buku itu memuat dua belas bab tentang pemasaran.",
        id="table_of_contents",
    ),
    pytest.param(
        "credit_line",
        "Fotografer: Grandyos Zafna",  # detik-gardu-induk-milenium-foto-2016
        "Fotografer itu mengabadikan peresmian gardu induk di Jakarta.",
        id="credit_line-fotografer",
    ),
]


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        # viva-thailand-mers-2015, liputan6-jk-ahok-blusukan-2015, mediaindonesia-ihsg-9000-2026
        ("Tiga dari 59 orang sudah dikarantina. (ren)", "Tiga dari 59 orang sudah dikarantina."),
        (
            "Pada tahap pertama 331 ribu unit rumah. (Mvi/Ali)",
            "Pada tahap pertama 331 ribu unit rumah.",
        ),
        ("Fundamental Indonesia cukup tangguh. (H-4)", "Fundamental Indonesia cukup tangguh."),
    ],
)
def test_trailing_editor_initials_are_cut_from_the_last_paragraph(paragraph, kept) -> None:
    cleaned = clean_body(article(p(paragraph)))
    body = cleaned.text.split("\n\n")[1]
    assert body == kept
    assert cleaned.removed == {"editor_initials": 1}


def test_a_source_closing_a_sentence_is_no_initials() -> None:
    for paragraph in ("Korban dibawa ke rumah sakit. (AFP)", "Harga naik 2 persen (yoy)."):
        assert clean_body(article(p(paragraph))).text.split("\n\n")[1] == paragraph


@pytest.mark.parametrize("wrap", ["<p>{}</p>", "<div>{}</div>", "<h4>{}</h4>", "{}"])
@pytest.mark.parametrize(("rule", "boilerplate", "keep"), TEXT_CASES)
def test_text_rule(rule: str, boilerplate: str, keep: str, wrap: str) -> None:
    block = wrap.format(html.escape(boilerplate, quote=False))
    cleaned = clean_body(article(block, p(keep)))
    assert cleaned.text.split("\n\n") == [LEAD, keep, CLOSING]
    assert cleaned.removed == {rule: 1}


def test_every_rule_has_a_case() -> None:
    assert {case.values[0] for case in DOM_CASES} == {rule.name for rule in DOM_RULES}
    assert {case.values[0] for case in TEXT_CASES} == {rule.name for rule in TEXT_RULES}


def test_comment_form_without_its_markup() -> None:
    # a generic fallback may hand over the form as plain divs: the strings alone decide
    form = "".join(f"<div>{html.escape(s)}</div>" for s in COMMENT_FORM_STRINGS)
    cleaned = clean_body(article(form))
    assert cleaned.text.split("\n\n") == [LEAD, CLOSING]
    assert cleaned.removed == {"comments": len(COMMENT_FORM_STRINGS)}


@pytest.mark.parametrize(
    "heading",
    [
        "<p><strong>Berita Terkait:</strong></p>",
        "<h3>BERITA TERKAIT</h3>",
        "<h4>Baca Juga</h4>",
        "<p>ARTIKEL TERKAIT</p>",
    ],
)
def test_related_heading_takes_its_link_list(heading: str) -> None:
    links = (
        '<ul><li><a href="/a">Harga Cabai Naik Jelang Natal</a></li>'
        '<li><a href="/b">Banjir Rendam Ciputat</a> (7/12/2023)</li></ul>'
        '<p><a href="/c">Pemkot Tangsel Raih Adipura</a></p>'
    )
    keep = "Selain itu, warga diminta memilah sampah dari rumah."
    cleaned = clean_body(article(heading, links, p(keep)))
    assert cleaned.text.split("\n\n") == [LEAD, keep, CLOSING]
    assert "<ul>" not in cleaned.html
    assert cleaned.removed == {"related_posts": 4}


# --- "Baca juga" + link at the end of a real paragraph: only the tail goes

SENTENCE = "Pemkab Serang menggelar operasi pasar di Anyer."
LINK = '<a href="https://bantennews.example/harga-cabai/">Harga Cabai Naik Jelang Natal</a>'


@pytest.mark.parametrize(
    "paragraph",
    [
        f"<p>{SENTENCE} Baca juga: {LINK}</p>",
        f"<p>{SENTENCE} Baca Juga {LINK}</p>",
        f"<p>{SENTENCE} BACA JUGA:&nbsp;{LINK}</p>",
        f"<p>{SENTENCE} <strong>Baca Juga:</strong> {LINK}</p>",
        f"<p>{SENTENCE} <strong>Baca juga: {LINK}</strong></p>",
        f"<p>{SENTENCE}<br><em>Baca juga:</em> {LINK}</p>",
        f"<p>{SENTENCE} Baca juga: {LINK}, {LINK}</p>",
    ],
)
def test_related_link_tail_cut(paragraph: str) -> None:
    cleaned = clean_body(td_content(paragraph))
    assert cleaned.text == SENTENCE
    assert "Harga Cabai" not in cleaned.html
    assert cleaned.removed == {"related_link": 1}


def test_related_link_inside_a_paragraph() -> None:
    paragraph = f"<p>{SENTENCE} Baca juga: {LINK}. Operasi berlangsung hingga Jumat.</p>"
    cleaned = clean_body(td_content(paragraph))
    assert cleaned.text == f"{SENTENCE} Operasi berlangsung hingga Jumat."


@pytest.mark.parametrize(
    "paragraph",
    [
        # "baca juga" inside a sentence, before a link: prose
        '<p>Untuk informasi lengkap, silakan baca juga <a href="/aturan">aturan pendaftaran</a> '
        "di laman resmi.</p>",
        '<p>Warga diminta membaca juga <a href="/aturan">aturan yang berlaku</a>.</p>',
        "<p>Warga diminta membaca juga aturan yang berlaku sebelum mendaftar.</p>",
    ],
)
def test_related_words_in_prose_are_kept(paragraph: str) -> None:
    cleaned = clean_body(td_content(paragraph))
    expected = " ".join(lxml.html.fragment_fromstring(paragraph).text_content().split())
    assert cleaned.text == expected
    assert cleaned.removed == {}


# --- what must stay


@pytest.mark.parametrize(
    "block",
    [
        "<p><strong>SERANG</strong> \u2013&nbsp;Pemerintah Kabupaten Serang memantau hotel.</p>",
        "<p>RADAR TANGSEL RATAS \u2013 Korea Selatan, Amerika Serikat dan Jepang bertemu.</p>",
        "<p>Semua wajib menjalankan Intruksi Bupati,\u201d ujarnya. <strong>(Red)</strong></p>",
        "<p>Kerja sama akan ditingkatkan di sektor teknologi informasi. (ARH)</p>",
        "<p><strong>Menurut Kementerian Luar Negeri Korsel</strong></p>",
        "<h2>Menurut Kementerian Luar Negeri Korsel</h2>",
        "<p>Ia enggan memberikan komentar lebih lanjut soal kasus tersebut.</p>",
        "<p>Penulis buku itu hadir dalam diskusi di Serpong.</p>",
        "<p>Editor senior media itu menyebut kebebasan pers masih terancam.</p>",
        "<p>Sumber: warga sekitar menyebut jalan itu sudah rusak sejak tahun lalu dan belum juga "
        "diperbaiki oleh dinas terkait.</p>",
        "<blockquote><p>Kami cek seluruh hotel.</p></blockquote>",
        "<ul><li>Serpong</li><li>Pondok Aren</li></ul>",
    ],
)
def test_article_text_is_kept(block: str) -> None:
    cleaned = clean_body(td_content(block))
    expected = "\n\n".join(
        " ".join(element.text_content().split())
        for element in lxml.html.fragment_fromstring(block, create_parent="div").iter(
            "p", "h2", "li"
        )
    )
    assert cleaned.text == expected
    assert cleaned.removed == {}


def test_an_element_of_the_page_named_like_the_drop_marker_is_kept() -> None:
    """Cleaning renames what DOM rules drop and strips that name at once: a page's own element
    of that name (lowercased by the parser) is unwrapped like any unknown tag, its text kept."""
    cleaned = clean_body(td_content("<p>Awal <X-DROP>tengah</X-DROP> akhir.</p>"))
    assert cleaned.text == "Awal tengah akhir."
    assert cleaned.removed == {}


# --- the seed article and the real bantennews page


@dataclass(frozen=True)
class SeedArticle:
    """The seed text's lines, found by what they are rather than retyped."""

    title: str
    caption: str
    body: list[str]  # from "RADAR TANGSEL RATAS –" to "(ARH)", as printed, BACA JUGA included
    related: str  # the "BACA JUGA :  ..." line
    heading: str  # the subheading: the one body line that is no sentence

    @classmethod
    def from_text(cls, seed_text: str) -> SeedArticle:
        lines = seed_text.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("RADAR TANGSEL RATAS"))
        end = next(i for i, line in enumerate(lines) if line.rstrip().endswith("(ARH)"))
        body = [line for line in lines[start : end + 1] if line.strip()]
        (related,) = [line for line in body if line.startswith("BACA JUGA")]
        (heading,) = [
            line for line in body if line != related and not line.rstrip().endswith((".", ")"))
        ]
        caption = next(line for line in lines[:start] if line.endswith("(foto: istimewa)"))
        return cls(lines[0], caption, body, related, heading)

    @property
    def expected_text(self) -> str:
        """The stored body: every body line but BACA JUGA, NBSP as spaces, whitespace collapsed."""
        return "\n\n".join(" ".join(line.split()) for line in self.body if line != self.related)

    def markup(self, heading_tag: str) -> str:
        """The body container as tagDiv classic prints it (featured image first, an ad slot
        after every block, the IRP box for BACA JUGA), then the comment form."""
        related_title = self.related.split(":", 1)[1].strip(" \u00a0")
        irp_box = IRP_BOX.replace(
            "Anies Siap Nyapres 2024, PKS: Ia Jadi Simbol Perubahan untuk Indonesia",
            escaped(related_title),
        )
        blocks = []
        for line in self.body:
            if line == self.related:
                blocks.append(irp_box)
            elif line == self.heading:
                blocks.append(heading_tag.format(escaped(line)))
            else:
                blocks.append(f"<p>{escaped(line)}</p>")
            blocks.append('\n<div class="td-a-rec td-a-rec-id-content_inline"></div>\n')
        featured = (
            '<div class="td-post-featured-image"><figure><a href="https://radartangsel.example/'
            f'k.jpg" data-caption="{html.escape(self.caption)}" class="td-modal-image"><img '
            'class="entry-thumb" src="https://radartangsel.example/k-640x428.jpg" alt="" '
            f'title="{html.escape(self.title)}"></a><figcaption class="wp-caption-text">'
            f"{escaped(self.caption)}</figcaption></figure></div>"
        )
        return td_content(featured, *blocks) + COMMENT_FORM


def escaped(text: str) -> str:
    return html.escape(text, quote=False).replace("\u00a0", "&nbsp;")


@pytest.mark.parametrize("heading_tag", ["<p><strong>{}</strong></p>", "<h2>{}</h2>"])
def test_seed_article(seed_text: str, heading_tag: str) -> None:
    seed = SeedArticle.from_text(seed_text)
    cleaned = clean_body(seed.markup(heading_tag))
    # six paragraphs and the subheading, BACA JUGA gone, NBSP turned into plain spaces
    assert cleaned.text == seed.expected_text
    assert len(cleaned.text.split("\n\n")) == 7
    assert cleaned.text.startswith("RADAR TANGSEL RATAS \u2013")
    assert cleaned.text.endswith("(ARH)")
    assert "\u00a0" not in cleaned.text and "&nbsp;" not in cleaned.html
    assert seed.caption[:40] not in cleaned.text
    assert cleaned.removed == {
        "featured_image": 1,
        "related_link": 1,
        "comments": 1,
        "ads": len(seed.body),
    }


def test_seed_article_as_whole_article(seed_text: str) -> None:
    # a fallback passing the whole <article>: header with title and counters, then the body
    seed = SeedArticle.from_text(seed_text)
    header = (
        '<div class="td-post-header"><header class="td-post-title"><h1 class="entry-title">'
        f'{html.escape(seed.title)}</h1><div class="td-module-meta-info">'
        '<div class="td-post-comments"><a href="#respond">0</a></div><div class="td-post-views">'
        '<span class="td-nr-views-1">205</span></div></div></header></div>'
    )
    cleaned = clean_body(f"<article>{header}{seed.markup('<h2>{}</h2>')}</article>")
    assert cleaned.text == seed.expected_text
    assert cleaned.removed["post_meta"] == 1


def test_seed_text_blocks_without_markup(seed_text: str) -> None:
    # the naive extraction itself, one <div> per line after the caption: the text rules alone
    # remove the related link and the comment form (the caption needs the DOM rule, the title
    # and the counters before it are the extractor's)
    seed = SeedArticle.from_text(seed_text)
    lines = seed_text.splitlines()
    after_caption = lines[lines.index(seed.caption) + 1 :]
    cleaned = clean_body("".join(f"<div>{html.escape(line)}</div>" for line in after_caption))
    assert cleaned.text == seed.expected_text
    assert cleaned.removed == {"related_link": 1, "comments": 3}


def test_seed_counters_are_dropped(seed_text: str) -> None:
    lines = seed_text.splitlines()
    cleaned = clean_body("".join(f"<div>{html.escape(line)}</div>" for line in lines[1:4]))
    assert cleaned.text == ""
    assert cleaned.removed == {"counter": 2}


@pytest.fixture(scope="module")
def bantennews_content() -> str:
    if not BANTENNEWS.exists():
        pytest.skip("../shared/reference is not beside this checkout")
    page = lxml.html.fromstring(BANTENNEWS.read_text(encoding="utf-8"))
    (content,) = page.cssselect("div.td-post-content")
    return lxml.html.tostring(content, encoding="unicode")


def test_bantennews_article(bantennews_content: str) -> None:
    cleaned = clean_body(bantennews_content)
    caption = "Pemerintah Kabupaten (Pemkab) Serang melalui Satuan Polisi Pamong Praja (Satpol PP)"
    assert cleaned.text.startswith("SERANG \u2013 Pemerintah Kabupaten")
    assert cleaned.text.endswith("(Red)")
    assert cleaned.text.count(caption) == 1  # in the first paragraph, not again as a caption
    assert "Advertisement" not in cleaned.text
    assert len(cleaned.text.split("\n\n")) == 7
    assert cleaned.removed == {"featured_image": 1, "ads": 1}
    assert "<img" not in cleaned.html
    assert cleaned.html.startswith("<p><strong>SERANG</strong> \u2013 Pemerintah")


def test_bantennews_whole_page(bantennews_content: str) -> None:
    # the whole fragment (header, share bars, tags, related posts, sidebar) gives the same body
    cleaned = clean_body(BANTENNEWS.read_text(encoding="utf-8"))
    assert cleaned.text == clean_body(bantennews_content).text
    for rule in ("post_meta", "share_bar", "tags_box", "related_posts", "page_chrome"):
        assert cleaned.removed[rule] >= 1


# --- markup of the cleaned body


@pytest.mark.parametrize(
    ("image", "expected_src"),
    [
        ('<img src="" data-src="https://x.example/a.jpg" alt="A">', "https://x.example/a.jpg"),
        (
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" '
            'data-lazy-src="https://x.example/b.jpg" alt="A">',
            "https://x.example/b.jpg",
        ),
        ('<img src="" data-img-url="https://x.example/c.jpg" alt="A">', "https://x.example/c.jpg"),
        (
            '<img src="data:image/svg+xml,%3Csvg%3E" class="lazyload" alt="A">'
            '<noscript><img src="https://x.example/d.jpg" alt="A"></noscript>',
            "https://x.example/d.jpg",
        ),
        (
            '<img class="jetpack-lazy-image" src="https://x.example/e.jpg" alt="A" '
            'data-lazy-src="https://x.example/e.jpg?is-pending-load=1">'
            '<noscript><img src="https://x.example/e.jpg" alt="A"></noscript>',
            "https://x.example/e.jpg",
        ),
    ],
)
def test_lazy_images_resolved(image: str, expected_src: str) -> None:
    figure = f'<figure class="wp-block-image">{image}<figcaption>Banjir di Ciputat</figcaption>'
    cleaned = clean_body(article(f"{figure}</figure>"))
    (img,) = lxml.html.fragment_fromstring(cleaned.html, create_parent="div").iter("img")
    assert img.get("src") == expected_src
    assert img.get("alt") == "A"
    assert "data-" not in cleaned.html and "noscript" not in cleaned.html
    assert "<figcaption>Banjir di Ciputat</figcaption>" in cleaned.html
    assert "Banjir di Ciputat" not in cleaned.text  # captions are not body text


def test_image_without_any_source_is_dropped() -> None:
    cleaned = clean_body(article('<p><img src="" alt="x"></p>'))
    assert "<img" not in cleaned.html


def test_wordpress_caption_becomes_figure() -> None:
    block = (
        '<div id="attachment_5" style="width: 650px" class="wp-caption aligncenter">'
        '<img class="size-full" src="https://x.example/a.jpg" alt="" width="640">'
        '<p id="caption-attachment-5" class="wp-caption-text">Wali Kota meninjau TPA Cipeucang.'
        "</p></div>"
    )
    cleaned = clean_body(article(block))
    assert "Cipeucang" not in cleaned.text
    assert (
        '<figure><img src="https://x.example/a.jpg" alt=""><figcaption>Wali Kota meninjau TPA '
        "Cipeucang.</figcaption></figure>" in cleaned.html
    )


def test_markup_keeps_only_article_elements_and_attributes() -> None:
    block = (
        '<div class="x" style="color:red"><h2 id="s1" class="wp-block-heading">Sub judul</h2>'
        '<p class="has-text" data-x="1">Teks <span style="font-weight:400">dengan</span> '
        '<a href="https://x.example/" target="_blank" rel="noopener" class="l">tautan</a> dan '
        "<strong>tebal</strong>.</p>"
        '<table class="t"><tr><td colspan="2" style="w">Sel</td></tr></table></div>'
    )
    cleaned = clean_body(td_content(block))
    assert cleaned.html == (
        "<h2>Sub judul</h2>\n"
        '<p>Teks dengan <a href="https://x.example/">tautan</a> dan <strong>tebal</strong>.</p>\n'
        '<table><tr><td colspan="2">Sel</td></tr></table>\n'
    )
    assert cleaned.text == "Sub judul\n\nTeks dengan tautan dan tebal."


def test_text_directly_inside_divs() -> None:
    block = (
        "<div>Paragraf pertama tanpa tag p.<br><br>Paragraf kedua setelah baris kosong."
        "<p>Paragraf ketiga.</p>Paragraf <b>keempat</b>.</div>"
    )
    cleaned = clean_body(block)
    assert cleaned.text.split("\n\n") == [
        "Paragraf pertama tanpa tag p.",
        "Paragraf kedua setelah baris kosong.",
        "Paragraf ketiga.",
        "Paragraf keempat.",
    ]
    assert cleaned.html.count("<p>") == 4


@pytest.mark.parametrize(
    "soup",
    [
        "<div><span>Satu <p>Dua</p> Tiga</span></div>",
        "<p>Satu<div>Dua</div>Tiga</p>",
        '<div><a href="/x">Satu<div>Dua</div></a>Tiga</div>',
    ],
)
def test_blocks_inside_inline_elements_are_not_repeated(soup: str) -> None:
    assert clean_body(soup).text == "Satu\n\nDua\n\nTiga"


def test_line_break_inside_paragraph_is_a_space() -> None:
    assert clean_body("<p>Baris satu<br>baris dua</p>").text == "Baris satu baris dua"


def test_multi_page_article_in_order() -> None:
    pages = "".join(
        f'<div data-page="{n}">{td_content(p(f"Isi halaman {n}."))}</div>' for n in (1, 2, 3)
    )
    cleaned = clean_body(pages)
    assert cleaned.text == "Isi halaman 1.\n\nIsi halaman 2.\n\nIsi halaman 3."


def test_entities_spaces_and_nfc() -> None:
    decomposed = "Kafe\u0301 di Serpong&nbsp;&amp;&#160;Ciputat\u200b ramai\u2009pengunjung."
    cleaned = clean_body(f"<p>{decomposed}</p>")
    assert cleaned.text == "Kaf\u00e9 di Serpong & Ciputat ramai pengunjung."
    assert not {"\u00a0", "\u2009", "\u200b"} & set(cleaned.html)
    assert "e\u0301" not in cleaned.html and "Kaf\u00e9" in cleaned.html


def test_markup_that_declares_another_encoding_or_holds_a_lone_surrogate() -> None:
    # The markup is already text: its declaration must not re-decode it, and a character a
    # broken decode left behind must not cut the paragraph short (lxml stops at a str's lone
    # surrogate; encoded with "replace" it is one "?").
    declared = '<?xml version="1.0" encoding="iso-8859-1"?><p>Kafe\u0301 \u2014 Serpong</p>'
    assert clean_body(declared).text == "Kaf\u00e9 \u2014 Serpong"
    assert clean_body("<p>Warga\udc80 Pamulang datang.</p>").text == "Warga? Pamulang datang."


@pytest.mark.parametrize("raw", ["", "   ", "<!-- nothing -->", "<script>x()</script>"])
def test_empty_bodies(raw: str) -> None:
    cleaned = clean_body(raw)
    assert (cleaned.html, cleaned.text) == ("", "")


def test_cleaned_body_is_frozen() -> None:
    cleaned = clean_body("<p>Teks.</p>")
    assert cleaned == CleanedBody(html="<p>Teks.</p>\n", text="Teks.", removed={})
    with pytest.raises(AttributeError):
        cleaned.text = "x"  # type: ignore[misc]


# --- clean_text: the inline normaliser


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Bahas Strategi&nbsp;Melawan\n Korea Utara ", "Bahas Strategi Melawan Korea Utara"),
        ("Korsel &amp; Jepang", "Korsel & Jepang"),
        ("Kafe\u0301\u00a0Serpong", "Kaf\u00e9 Serpong"),
        ("Yonhap\u00a0 News", "Yonhap News"),
        ("\u200bAhmad\u2009Rizki\u202f", "Ahmad Rizki"),
        ("", None),
        (" \u00a0 ", None),
        (None, None),
    ],
)
def test_clean_text(raw: str | None, expected: str | None) -> None:
    assert clean_text(raw) == expected
