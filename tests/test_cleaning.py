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
    # real pages (../shared/realpages/, issue 13) and the plugins that print these boxes
    pytest.param(
        "ads",
        # gramedia: Ad Inserter's block with the eperpus promo box
        '<div class="code-block code-block-1" style="margin: 8px 0; clear: both;"><p '
        'class="vc_custom_heading">Layanan Perpustakaan Digital B2B Dari Gramedia</p><ul><li>'
        "Akses ke ribuan buku dari penerbit berkualitas</li></ul></div>",
        "Perpustakaan Digital",
        "Pemkot Tangsel membuka layanan perpustakaan digital di setiap kelurahan.",
        id="ads-ad-inserter",
    ),
    pytest.param(
        "table_of_contents",
        # gramedia: Easy Table of Contents' box
        '<div id="ez-toc-container" class="ez-toc-v2_0_17 counter-hierarchy"><div '
        'class="ez-toc-title-container"><p class="ez-toc-title">Table of Contents</p></div>'
        '<ul class="ez-toc-list"><li><a href="#Cara_Meningkatkan">Cara Meningkatkan Follower '
        "Instagram Secara Alami</a></li></ul></div>",
        "Cara Meningkatkan",
        "Daftar isi buku itu memuat dua belas bab tentang pemasaran.",
        id="table_of_contents-ez-toc",
    ),
    pytest.param(
        "embed",
        '<blockquote class="twitter-tweet"><p lang="in" dir="ltr">Banjir setinggi lutut di '
        'Ciputat pagi ini <a href="https://t.co/x">pic.twitter.com/AbC123</a></p>&mdash; BPBD '
        'Tangsel (@bpbdtangsel) <a href="https://twitter.com/x/status/1">November 1, 2021</a>'
        "</blockquote>",
        "Banjir setinggi lutut",
        "Banjir setinggi lutut merendam permukiman di Ciputat, kata BPBD.",
        id="embed-tweet",
    ),
    pytest.param(
        "page_chrome",
        '<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/berita">Berita</a></div>',
        "Berita",
        "Berita duka itu disampaikan keluarga kepada wartawan.",
        id="page_chrome-breadcrumb",
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
    # the kinds of issue 13, as the real pages print them (page id in the comment) or, where
    # no page here has one, as the sites the issue names print them
    pytest.param(
        "related_link",
        "Baca Juga : Daftar Harga Laptop Dell Termurah Hingga Termahal",  # bacatekno
        "Kami juga memberikan langkah-langkah untuk membeli followers di AkunSosmed_ID.",
        id="related_link-bacatekno",
    ),
    pytest.param(
        "related_link",
        "Simak juga: Harga Cabai Naik Jelang Natal",
        "Simak ulasan berikut ini :",  # tipsgaptek
        id="related_link-simak-juga",
    ),
    pytest.param(
        "related_link",
        "Ketahui juga: 5 Cara Menambah Followers Instagram Tanpa Aplikasi",
        "Ketahui juga syarat pendaftarannya sebelum datang ke kantor kelurahan.",
        id="related_link-ketahui-juga",
    ),
    pytest.param(
        "related_link",
        "Lihat juga: Banjir Rendam Ciputat",
        "Lihat juga bagaimana warga bergotong royong membersihkan lumpur.",
        id="related_link-lihat-juga",
    ),
    pytest.param(
        "related_link",
        "Read also: Jokowi Inaugurates Serpong Toll Road",
        "Read more about the toll road in the ministry's annual report.",
        id="related_link-read-also",
    ),
    pytest.param(
        "related_link",
        "Related: Floods Hit South Tangerang",
        "Related to the case, police questioned three witnesses.",
        id="related_link-related",
    ),
    pytest.param(
        "related_posts",
        "Kumpulan Berita Terkait:",  # kapanlagi-*
        "Polisi masih menyelidiki berita terkait kecelakaan itu.",
        id="related_posts-kumpulan",
    ),
    pytest.param(
        "related_posts",
        "FOTO TERKAIT:",  # republika-kpk-pejabat-ma-2016
        "Foto terkait kejadian itu beredar di media sosial.",
        id="related_posts-foto-terkait",
    ),
    pytest.param(
        "related_posts",
        "Berita Rekomendasi",  # okezone-*
        "Rekomendasi Ombudsman itu belum dijalankan pemerintah daerah.",
        id="related_posts-rekomendasi",
    ),
    pytest.param(
        "related_posts",
        "JANGAN LEWATKAN!!!",  # kapanlagi-dian-sastro-foto-2016
        "Jangan lewatkan kesempatan ini, kata panitia kepada peserta.",
        id="related_posts-jangan-lewatkan",
    ),
    pytest.param(
        "related_posts",
        "Simak Lifestyle Populer Lainnya",  # kapanlagi-dian-sastro-foto-2016
        "Simak ulasan berikut ini :",  # tipsgaptek
        id="related_posts-simak-lainnya",
    ),
    pytest.param(
        "related_posts",
        "Related News",  # liputan6-london-love-story-2016
        "Related news outlets reported the same figure on Monday.",
        id="related_posts-related-news",
    ),
    pytest.param(
        "related_link",
        "Baca Juga >>>",  # tipsgaptek, over ">>> <a>..</a> <<<" lines
        "Terima kasih sudah membaca artikel kami mengenai cara beli followers ig dengan pulsa.",
        id="related_link-baca-juga-arrows",
    ),
    pytest.param(
        "related_posts",
        "Ikuti perkembangan berita ini dalam topik:",  # kompas-eks-pelatih-suap-2015
        "Ikuti perkembangan kasus ini, kata Kapolres kepada wartawan.",
        id="related_posts-ikuti-topik",
    ),
    pytest.param(
        "related_posts",
        "Berita Utama",  # detik-galaxy-s6-edge-2015
        "Berita utama surat kabar itu membahas banjir Jakarta.",
        id="related_posts-berita-utama",
    ),
    pytest.param(
        "related_link",
        "Baca: Ahok Ancam Copot Kepala Dinas Perhubungan DKI Jakarta",
        "Baca aturan itu sebelum mendaftar, kata petugas.",
        id="related_link-baca-colon",
    ),
    pytest.param(
        "related_posts",
        "Jangan Lewatkan Video Terbaru:",
        "Jangan lewatkan kesempatan ini, kata panitia kepada peserta.",
        id="related_posts-jangan-lewatkan-video",
    ),
    pytest.param(
        "ads",
        "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
        "Belanja advertisement digital pemerintah daerah naik dua kali lipat.",
        id="ads-advertisement-scroll",
    ),
    pytest.param(
        "page_nav",
        "Halaman: 1 2 Show All",
        "Halaman 12 buku itu robek saat diperiksa penyidik.",
        id="page_nav-page-numbers",
    ),
    pytest.param(
        "editor_initials",
        "(*)",
        "Ia mengaku (tidak) tahu soal pertemuan itu.",
        id="editor_initials-asterisk",
    ),
    pytest.param(
        "page_chrome",
        "Lihat Foto",
        "Lihat foto-foto kegiatan itu di laman resmi Pemkot, katanya.",
        id="page_chrome-lihat-foto",
    ),
    pytest.param(
        "promo",
        "Baca artikel menarik lainnya di sini",
        "Baca artikel lainnya tentang hukum pidana sebelum ujian, pesan dosen itu.",
        id="promo-baca-lainnya",
    ),
    pytest.param(
        "related_posts",
        "Pilihan Redaksi",
        "Pilihan redaksi jatuh pada foto banjir di Ciputat.",
        id="related_posts-pilihan-redaksi",
    ),
    pytest.param(
        "promo",
        "Lihat Video: Banjir Setinggi Lutut Rendam Ciputat",
        "Lihat video itu, kata Kapolres, pelakunya terlihat jelas.",
        id="promo-lihat-video",
    ),
    pytest.param(
        "next_prev",
        "Baca Artikel Selanjutnya",
        "Baca artikel selanjutnya dari undang-undang itu sebelum menandatangani.",
        id="next_prev-baca-selanjutnya",
    ),
    pytest.param(
        "comments",
        "berikan komentar anda",  # okezone-*
        "Bagaimana sudah paham dan jelas? jika sudah berikan komentar di bawah dan jangan lupa "
        "di share ke teman teman.",  # wadisipit26
        id="comments-berikan-komentar",
    ),
    pytest.param(
        "comments",
        "KOMENTARI ARTIKEL INI",  # viva-thailand-mers-2015
        "Ia enggan mengomentari artikel itu lebih jauh.",
        id="comments-komentari",
    ),
    pytest.param(
        "comments",
        "Add a Comment",  # tipsgaptek
        "Dengan berinteraksi dengan pengguna di komentar ini, Anda akan mulai dikenali oleh "
        "pengguna di pemirsa target Anda.",  # koinworks
        id="comments-add-a-comment",
    ),
    pytest.param(
        "comments",
        "Comment (0)",  # liputan6-jk-ahok-blusukan-2015
        "Ia enggan memberikan komentar lebih lanjut soal kasus tersebut.",
        id="comments-count",
    ),
    pytest.param(
        "comments",
        # kompas-eks-pelatih-suap-2015
        "Pembaca dapat mengirimkan komentar terkait artikel yang ditayangkan. Isi komentar bukan "
        "merupakan pandangan, pendapat ataupun kebijakan KOMPAS.com dan sepenuhnya menjadi "
        "tanggung jawab pengirim.",
        "Setiap komentar di media sosial menjadi tanggung jawab pemilik akunnya, kata Menkominfo.",
        id="comments-disclaimer-kompas",
    ),
    pytest.param(
        "comments",
        # republika-ketua-dprd-sumut-2015
        "Komentar adalah tanggapan pribadi, tidak mewakili kebijakan redaksi republika.co.id. "
        "Redaksi berhak mengubah atau menghapus kata-kata yang tidak etis, kasar, berbau fitnah "
        "dan pelecehan, intimidasi, bertendensi suku, agama, ras, dan antar golongan. Setiap "
        "komentar sepenuhnya menjadi tanggung jawab pengirim. Republika.co.id berhak untuk "
        "memberi peringatan dan atau menutup akses bagi pembaca yang melanggar ketentuan ini.",
        "Komentar Menteri itu menjadi tanggung jawab pribadinya, ujar juru bicara partai.",
        id="comments-disclaimer-republika",
    ),
    pytest.param(
        "share_bar",
        "Share on Facebook",  # okezone-*
        "10. Share Foto atau Video ke Instagram Story",  # qoala
        id="share_bar-share-on",
    ),
    pytest.param(
        "share_bar",
        "Share this:",  # Jetpack's sharing heading
        "Share this with your neighbours, the mayor told residents.",
        id="share_bar-share-this",
    ),
    pytest.param(
        "share_bar",
        "Bagikan artikel ini",
        "Bagikan konten atau momen di Instagrammu dengan menggunakan tagar.",  # gramedia
        id="share_bar-bagikan-artikel",
    ),
    pytest.param(
        "share_bar",
        "+ Share",  # tribunnews-kadishub-uber-2015
        "Sebanyak 759 warga mengungsi akibat banjir.",
        id="share_bar-plus-share",
    ),
    pytest.param(
        "share_bar",
        "759 SHARES",  # detik-robot-pascastroke-2015
        "Sebanyak 759 warga mengungsi akibat banjir.",
        id="share_bar-count",
    ),
    pytest.param(
        "share_bar",
        "Copy Link",  # qoala, kompas "copy link"
        "Salin tautan itu lalu kirim ke grup warga, ujarnya.",
        id="share_bar-copy-link",
    ),
    pytest.param(
        "promo",
        "Tulisan ini telah tayang di Kompasiana.com dengan judul Tangsel Tambah Armada Sampah",
        "Film ini, sudah tayang sejak 4 Februari lalu.",  # liputan6-london-love-story-2016
        id="promo-tulisan-tayang",
    ),
    pytest.param(
        "promo",
        "Dapatkan update berita terkini setiap hari dari Kompas.com di aplikasi.",
        # bacatekno: the post's own closing line
        "Dapatkan Promo Menarik dari Beli Followers Instagram di AkunSosmed_ID Setiap Harinya!",
        id="promo-dapatkan-update",
    ),
    pytest.param(
        "promo",
        # liputan6-london-love-story-2016
        "Jangan sampai ketinggalan berita terkini, langganan newsletter kami sekarang!",
        "Warga berlangganan air bersih dari PDAM sejak 2010.",
        id="promo-newsletter",
    ),
    pytest.param(
        "promo",
        "Silahkan Berlangganan Melalui Email Secara GRATIS.",  # sugengsiswanto
        "Warga berlangganan air bersih dari PDAM sejak 2010.",
        id="promo-berlangganan",
    ),
    pytest.param(
        "promo",
        "Saksikan video di bawah ini:",  # liputan6-mal-gugus-tugas-2020
        "Jangan pernah memposting gambar atau video tanpa memberi konteks kepada followers "
        "melalui deskripsi sebuah pos.",  # koinworks
        id="promo-saksikan-video",
    ),
    pytest.param(
        "promo",
        "Ikuti akun Instagram @radartangsel untuk kabar terbaru.",
        "Konsistensi ini mempengaruhi pengikut yang tentunya sudah mengikuti akun Instagrammu.",
        id="promo-ikuti-akun",
    ),
    pytest.param(
        "credit_line",
        "Rep: C31/ Red: Israr Itah",  # republika-city-fernandinho-2015
        "Red Bull Racing menjuarai balapan itu untuk ketiga kalinya.",
        id="credit_line-rep-red",
    ),
    pytest.param(
        "credit_line",
        "Sumber foto: AngieYeoh via Shutterstock",  # qoala
        "Sumber air warga tercemar limbah pabrik.",
        id="credit_line-sumber-foto",
    ),
    pytest.param(
        "credit_line",
        "Kontributor Lhokseumawe, Masriadi",  # kompas-polres-lhokseumawe-2015
        "Kontributor televisi lokal, Budi, turut meliput acara itu.",
        id="credit_line-kontributor-place",
    ),
    pytest.param(
        "credit_line",
        "Laporan Wartawan Tribunnews.com, Glery Lazuardi",
        # republika-city-fernandinho-2015
        "Menurut laporan Manchester Evening News, Rabu (18/11), musim lalu Fernandinho tampak "
        "seperti pemain yang berjuang untuk menemukan kembali bentuknya.",
        id="credit_line-laporan-wartawan",
    ),
    pytest.param(
        "editor_initials",
        "[ian]",  # merdeka-penjaga-guantanamo-2015
        "Ia mengaku [tidak] tahu soal pertemuan itu.",
        id="editor_initials-brackets",
    ),
    pytest.param(
        "table_of_contents",
        "Daftar Isi [tampilkan]",
        "Daftar isi buku itu memuat dua belas bab tentang pemasaran.",
        id="table_of_contents-toggle",
    ),
    pytest.param(
        "next_prev",
        "Newer Post",  # sugengsiswanto
        "Post itu dihapus setelah viral di media sosial.",
        id="next_prev-newer-post",
    ),
    pytest.param(
        "next_prev",
        "Post Selanjutnya",  # wadisipit26
        "Post itu dihapus setelah viral di media sosial.",
        id="next_prev-post-selanjutnya",
    ),
    pytest.param(
        "page_nav",
        "2 dari 3 halaman",  # liputan6-mal-gugus-tugas-2020
        "Dua dari tiga halaman laporan itu hilang.",
        id="page_nav-dari-halaman",
    ),
    pytest.param(
        "page_nav",
        "LOAD MORE",  # liputan6, mediaindonesia; viva "Load More..."
        "Bus itu memuat lebih banyak penumpang dari kapasitasnya.",
        id="page_nav-load-more",
    ),
    pytest.param(
        "page_nav",
        "Muat lebih banyak",
        "Bus itu memuat lebih banyak penumpang dari kapasitasnya.",
        id="page_nav-muat-lebih-banyak",
    ),
    pytest.param(
        "page_nav",
        "Lanjutkan Membaca ↓",  # liputan6-mal-gugus-tugas-2020
        "Ia tidak dapat melanjutkan membaca pidatonya.",
        id="page_nav-lanjutkan-membaca",
    ),
    pytest.param(
        "photo_caption",
        # detik-robot-pascastroke-2015
        "Alat terapi pascastroke temuan mahasiswa UGM yang diberi nama Indonesia Rehabilitation "
        "Robot for Foot atau I-REBOT. (Bagus Kurniawan/detikcom)",
        "Lima mahasiswa UGM ini adalah Yulisyah Putri Daulay (Teknik Industri), Ragil Sulistiyo "
        "(Teknik Mesin), dan Rizka Islami Ratnasari (Teknik Industri).",
        id="photo_caption-slash-credit",
    ),
    pytest.param(
        "photo_caption",
        "Gubernur DKI Jakarta Basuki Tjahaja Purnama (Foto: Okezone)",  # okezone-ahok
        "Gubernur DKI Jakarta Basuki Tjahaja Purnama (Ahok) meninjau banjir di Kampung Pulo.",
        id="photo_caption-foto",
    ),
    pytest.param(
        "photo_caption",
        "Galaxy S6 Edge & S6 (ist)",  # detik-galaxy-s6-edge-2015
        "Galaxy S6 Edge dijual mulai pekan depan (bulan ini).",
        id="photo_caption-ist",
    ),
    pytest.param(
        "photo_caption",
        # republika-ihram-jamaah-haji-2017
        "Calon jamaah haji mengikuti pemeriksaan kesehatan oleh petugas medis (Ilustrasi)",
        "Calon jamaah haji mengikuti pemeriksaan kesehatan oleh petugas medis di Banjarmasin.",
        id="photo_caption-ilustrasi",
    ),
    pytest.param(
        "photo_caption",
        "Dian Sastrowardoyo © KapanLagi.com®/",  # kapanlagi-dian-sastro-foto-2016
        "Dian Sastrowardoyo memperlihatkan foto masa kecilnya di Instagram.",
        id="photo_caption-copyright-sign",
    ),
    pytest.param(
        "photo_caption",
        "Satuan gugus tugas (satgas) COVID-19 Season City. Dok",  # liputan6-mal-gugus-tugas
        "Dokter memeriksa pasien di Season City.",
        id="photo_caption-dok",
    ),
    pytest.param(
        "photo_caption",
        "Suasana banjir di Kemang, Jakarta Selatan. Foto: Ari Saputra/detikcom",
        "Suasana banjir di Kemang, Jakarta Selatan, mulai surut sore ini.",
        id="photo_caption-foto-detik",
    ),
    pytest.param(
        "photo_caption",
        "KOMPAS.com/NABILLA TASHANDRA",  # kompas-yuddy-pns-2016
        "Kompas.com melaporkan 59 orang dikarantina.",
        id="photo_caption-credit-domain",
    ),
    pytest.param(
        "photo_caption",
        "Republika/ Wihdan Hidayat",  # republika-ihram-jamaah-haji-2017
        "Republika melaporkan 59 orang dikarantina.",
        id="photo_caption-credit-outlet",
    ),
    pytest.param(
        "photo_caption",
        "(REUTERS/Chaiwat Subprasom)",  # viva-thailand-mers-2015
        "Reuters melaporkan 59 orang dikarantina.",
        id="photo_caption-credit-parenthesised",
    ),
    pytest.param(
        "photo_caption",
        "Reuters",  # republika-city-fernandinho-2015
        "Reuters melaporkan 59 orang dikarantina.",
        id="photo_caption-agency",
    ),
    pytest.param(
        "photo_caption",
        "Dok.Saleh Husin",  # kompas-gaikindo-merek-china-2016
        "Dokter memeriksa pasien di Season City.",
        id="photo_caption-dok-name",
    ),
    pytest.param(
        "embed",
        "— BPBD Tangsel (@bpbdtangsel) November 1, 2021",
        "BPBD Tangsel (@bpbdtangsel) mengunggah video banjir itu pada 1 November 2021.",
        id="embed-tweet-attribution",
    ),
    pytest.param(
        "embed",
        "Banjir setinggi lutut di Ciputat pagi ini pic.twitter.com/AbC123",
        "Banjir setinggi lutut merendam permukiman di Ciputat pagi ini.",
        id="embed-tweet-text",
    ),
    pytest.param(
        "embed",
        "View this post on Instagram",
        "Pemandangan itulah yang bisa terlihat jelas dalam postingan foto terbaru Dian di "
        "Instagram.",  # kapanlagi-dian-sastro-foto-2016
        id="embed-instagram",
    ),
    pytest.param(
        "embed",
        "A post shared by Dian Sastrowardoyo (@therealdisastr)",
        "Pemandangan itulah yang bisa terlihat jelas dalam postingan foto terbaru Dian di "
        "Instagram.",  # kapanlagi-dian-sastro-foto-2016
        id="embed-instagram-shared-by",
    ),
    pytest.param(
        "post_meta",
        "• 10 minutes read •",  # qoala
        "Namun, perlu diperhatikan sebaiknya saat kamu melakukan trik ini berikan jeda satu "
        "hingga dua menit.",  # qoala
        id="post_meta-reading-time",
    ),
    pytest.param(
        "post_meta",
        "Artikel ini terakhir diperbarui June 27, 2021 by Zaky Afdika",  # qoala
        "Data itu diperbarui setiap tahun oleh BPS.",
        id="post_meta-last-updated",
    ),
    pytest.param(
        "post_meta",
        "Diperbarui: Kamis, 12/01/2024 10:00 WIB",
        "Diperbarui setiap tahun, data itu menjadi acuan pemerintah daerah.",
        id="post_meta-diperbarui",
    ),
    pytest.param(
        "page_chrome",
        "Home > Berita",  # republika-ihram-jamaah-haji-2017
        "Beranda rumah itu terendam banjir setinggi lutut.",
        id="page_chrome-breadcrumb-text",
    ),
    pytest.param(
        "page_chrome",
        "Vote Photo",  # detik-gardu-induk-milenium-foto-2016; "More Photos"
        "Foto itu diambil saat peresmian gardu induk.",
        id="page_chrome-vote-photo",
    ),
    pytest.param(
        "page_chrome",
        "Rate artikel ini",  # liputan6-jk-ahok-blusukan-2015; "Credits (3)"
        "Rate inflasi naik tipis bulan ini.",
        id="page_chrome-rate",
    ),
    pytest.param(
        "copyright",
        "Hak cipta dilindungi undang-undang.",
        "Hak cipta lagu itu kini dipegang oleh ahli warisnya.",
        id="copyright-reserved",
    ),
    pytest.param(
        "server_error",
        # tipsgaptek
        "Notice: Undefined variable: point_single_tags_section in /var/www/vhosts/tipsgaptek.com/"
        "httpdocs/wp-content/themes/point/single.php on line 83",
        "Notice: the district office will be closed on Friday.",
        id="server_error-php-notice",
    ),
    pytest.param(
        "server_error",
        "Notice: Undefined variable: point_single_tags_section in",  # tipsgaptek, cut at <b>
        "Notice: the district office will be closed on Friday.",
        id="server_error-php-notice-cut",
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
        ("Kasus itu masih diselidiki polisi. (*)", "Kasus itu masih diselidiki polisi."),
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
    cases = {case.values[0] for case in TEXT_CASES} | {"related_list"}  # tested below
    assert cases == {rule.name for rule in TEXT_RULES}


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


# --- a heading that heads a link list only when links follow it (related_list)

PRODUCT_LINKS = (  # gramedia-followers-organik-2021, after the article's last point
    '<p><a href="https://www.gramedia.com/products/instagram-marketing-untuk-pemula">1. '
    'Instagram Marketing Untuk Pemula</a></p><p><img src="https://cdn.gramedia.com/a.jpg"></p>'
    '<p><a href="https://www.gramedia.com/products/nofilter">2. #NOFILTER: Cerita Tersembunyi di '
    'Balik Instagram</a></p><p><img src="https://cdn.gramedia.com/b.jpg"></p>'
)


def test_related_heading_over_links_goes_with_them_and_their_images() -> None:
    heading = "<h2>Rekomendasi Buku Terkait Instagram dan Sosial Media</h2>"  # gramedia
    cleaned = clean_body(article(heading, PRODUCT_LINKS))
    assert cleaned.text.split("\n\n") == [LEAD, CLOSING]
    assert "cdn.gramedia.com/a.jpg" not in cleaned.html  # between two links: the list's
    # after the list's last link, an image may as well be the article's next photo
    assert "cdn.gramedia.com/b.jpg" in cleaned.html
    assert cleaned.removed == {"related_list": 4}  # the heading, two links, a cover


@pytest.mark.parametrize(
    "heading",
    [
        "<h2>Rekomendasi Buku Terkait Instagram dan Sosial Media</h2>",
        "<h3>Fakta Terkait Kasus Suap Hakim</h3>",
    ],
)
def test_related_heading_over_prose_is_a_subheading(heading: str) -> None:
    keep = "Hampir dari sebagian kita menggunakan media sosial tentunya melibatkan lingkup teman."
    cleaned = clean_body(article(heading, '<p><img src="https://x.example/a.jpg"></p>', p(keep)))
    title = lxml.html.fragment_fromstring(heading).text_content()
    assert cleaned.text.split("\n\n") == [LEAD, title, keep, CLOSING]
    assert "x.example/a.jpg" in cleaned.html
    assert cleaned.removed == {}


def test_a_how_to_list_under_its_heading_is_kept() -> None:
    heading = "<h3>Rekomendasi Aplikasi Penambah Followers Instagram</h3>"
    apps = '<ul><li><a href="https://play.google.com/x">Followers Gratis</a></li></ul>'
    cleaned = clean_body(article(heading, apps))
    assert cleaned.text.split("\n\n") == [
        LEAD,
        "Rekomendasi Aplikasi Penambah Followers Instagram",
        "Followers Gratis",
        CLOSING,
    ]
    assert cleaned.removed == {}


def test_a_lead_in_sentence_keeps_its_links() -> None:
    # qoala: the apps the article recommends are its own list
    lead_in = (
        "Berikut ini adalah rekomendasi aplikasi untuk menambah follower Instagram dengan cepat:"
    )
    apps = '<ul><li><a href="https://play.google.com/x">Followers Gratis</a></li></ul>'
    cleaned = clean_body(article(p(lead_in), apps))
    assert cleaned.text.split("\n\n") == [LEAD, lead_in, "Followers Gratis", CLOSING]
    assert cleaned.removed == {}


def test_related_heading_of_a_teaser_title_in_a_link_list() -> None:
    # a teaser title that reads like such a heading is one more item of the list it is in
    links = (
        '<ul><li><a href="/a">Harga Cabai Naik Jelang Natal</a></li>'
        '<li><a href="/b">Polisi Periksa Saksi Terkait Kasus Suap</a></li></ul>'
    )
    keep = "Selain itu, warga diminta memilah sampah dari rumah."
    cleaned = clean_body(article("<h3>Berita Terkait</h3>", links, p(keep)))
    assert cleaned.text.split("\n\n") == [LEAD, keep, CLOSING]
    assert cleaned.removed == {"related_posts": 3}


# --- a related-article teaser that goes on in bare links


def test_related_teaser_heading_with_a_colon_takes_its_list() -> None:
    # gramedia: "Baca juga artikel lain berikut ini :" over a list of links
    heading = "<p>Baca juga artikel lain berikut ini :</p>"
    links = (
        '<ul><li><a href="https://www.gramedia.com/best-seller/cara-mengirim-lamaran-kerja/">Cara '
        'Mengirim Lamaran Kerja Lewat Email Yang Benar</a></li><li><a href="https://www.gramedia'
        '.com/best-seller/cara-membuat-link-wa/">Cara Membuat Link WA</a></li></ul>'
    )
    cleaned = clean_body(article(heading, links))
    assert cleaned.text.split("\n\n") == [LEAD, CLOSING]
    assert cleaned.removed == {"related_link": 3}


def test_related_teaser_cut_from_a_paragraph_end_takes_the_links_after_it() -> None:
    # bacatekno: the teaser closes the post's last paragraph, a second one follows bare
    last = (
        "<div>Dapatkan Promo Menarik dari Beli Followers Instagram di AkunSosmed_ID Setiap "
        'Harinya!<br><br>Baca Juga : <a href="https://www.bacatekno.com/2019/05/harga-laptop-dell'
        '.html">Daftar Harga Laptop Dell Termurah Hingga Termahal </a></div>'
        '<div><a href="https://www.bacatekno.com/2019/06/polytron-led-tv-cinemax-series.html">Tak '
        "Harga TV Polytron LED Cinemax Series yang murah, Keunggulannya Begitu Banyak</a></div>"
    )
    cleaned = clean_body(td_content(last))
    assert cleaned.text == (
        "Dapatkan Promo Menarik dari Beli Followers Instagram di AkunSosmed_ID Setiap Harinya!"
    )
    assert cleaned.removed == {"related_link": 2}


def test_a_link_after_a_teaser_inside_a_paragraph_stays() -> None:
    paragraph = f"<p>{SENTENCE} Baca juga: {LINK}. Operasi berlangsung hingga Jumat.</p>"
    source = '<p><a href="https://serangkab.example/operasi-pasar">Jadwal operasi pasar</a></p>'
    cleaned = clean_body(td_content(paragraph, source))
    assert cleaned.text.split("\n\n") == [
        f"{SENTENCE} Operasi berlangsung hingga Jumat.",
        "Jadwal operasi pasar",
    ]


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        (f"<p>{SENTENCE} Read also: {LINK}</p>", SENTENCE),
        (f"<p>{SENTENCE} Ketahui juga: {LINK}</p>", SENTENCE),
        (f"<p>{SENTENCE} Baca: {LINK}</p>", SENTENCE),
        (
            f'<p>{SENTENCE} Read more about <a href="/x">the market</a> in the annual report.</p>',
            f"{SENTENCE} Read more about the market in the annual report.",
        ),
    ],
)
def test_related_labels_in_other_words(paragraph: str, kept: str) -> None:
    assert clean_body(td_content(paragraph)).text == kept


def test_blogger_caption_table_becomes_figure() -> None:
    # bacatekno: Blogger's editor captions an image with a two-row table
    block = (
        '<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container">'
        '<tbody><tr><td style="text-align: center;"><a href="https://3.bp.blogspot.com/a.png" '
        'imageanchor="1"><img border="0" src="https://3.bp.blogspot.com/s320/a.png"></a></td></tr>'
        '<tr><td class="tr-caption" style="text-align: center;">Logo Official AkunSosmed_ID</td>'
        "</tr></tbody></table>"
    )
    cleaned = clean_body(article(block))
    assert cleaned.text.split("\n\n") == [LEAD, CLOSING]
    assert (
        '<figure><p><a href="https://3.bp.blogspot.com/a.png"><img src="https://3.bp.blogspot.com/'
        's320/a.png"></a></p><figcaption>Logo Official AkunSosmed_ID</figcaption></figure>'
        in cleaned.html
    )


def test_comment_form_without_its_markup() -> None:
    # a generic fallback may hand over the form as plain divs: the strings alone decide
    form = "".join(f"<div>{html.escape(s)}</div>" for s in COMMENT_FORM_STRINGS)
    cleaned = clean_body(article(form))
    assert cleaned.text.split("\n\n") == [LEAD, CLOSING]
    assert cleaned.removed == {"comments": len(COMMENT_FORM_STRINGS)}


# --- a caption that closes with its photo's credit (ENDING_RULES)

CREDITED = "Ia berharap kasus ini segera tuntas. (Tribunnews.com/Reza Deni)"


def test_a_caption_closing_with_a_credit_goes() -> None:
    caption = (  # detik-robot-pascastroke-2015, over the body
        "Alat terapi pascastroke temuan mahasiswa UGM yang diberi nama Indonesia Rehabilitation "
        "Robot for Foot atau I-REBOT. (Bagus Kurniawan/detikcom)"
    )
    cleaned = clean_body(article(p(caption)))
    assert cleaned.text.split("\n\n") == [LEAD, CLOSING]
    assert cleaned.removed == {"photo_caption": 1}


@pytest.mark.parametrize(
    "after",
    ["", "<p>&nbsp;</p>", '<div class="clearfix"></div>', '<p><img src="/f.jpg"></p>'],
    ids=["last", "empty-paragraph-after", "clearfix-after", "photo-after"],
)
def test_a_credit_closing_the_last_paragraph_is_the_articles(after: str) -> None:
    cleaned = clean_body(td_content(p(LEAD), p(CREDITED)) + after)
    assert cleaned.text.split("\n\n") == [LEAD, CREDITED]
    assert cleaned.removed == {}


def test_a_credit_on_the_last_line_goes() -> None:
    cleaned = clean_body(td_content(p(LEAD), p("(Tribunnews.com/Reza Deni)")))
    assert cleaned.text == LEAD
    assert cleaned.removed == {"photo_caption": 1}


# --- the page's header a body may start with


def test_page_header_above_the_body_goes() -> None:
    # detik-robot-pascastroke-2015, as a generic extraction passes it
    header = (
        "<p>Selasa 16 Jun 2015, 14:05 WIB</p><h2>MUDA DAN MENGINSPIRASI</h2>"
        "<h1>Mahasiswa UGM Kembangkan Robot Terapi Pascastroke</h1>"
    )
    lead = (
        "Yogyakarta - Lima mahasiswa Universitas Gadjah Mada (UGM) Yogyakarta berhasil "
        "mengembangkan alat terapi pascastroke."
    )
    cleaned = clean_body(td_content(header, p(lead)))
    assert cleaned.text == lead
    assert cleaned.removed == {"headline": 3}


def test_a_headline_under_prose_is_a_subheading() -> None:
    blocks = (
        p(LEAD),
        "<h1>Cara Meningkatkan Follower Instagram Secara Alami</h1>",
        p(CLOSING),
    )
    cleaned = clean_body(td_content(*blocks))
    assert cleaned.text.split("\n\n") == [
        LEAD,
        "Cara Meningkatkan Follower Instagram Secara Alami",
        CLOSING,
    ]
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
