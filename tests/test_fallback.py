"""The fallback extractor's body (crawler/themes/fallback.py): what it does around trafilatura
so that a page no profile knows gives the article's own paragraphs, and no more. Sentences are
quoted from the real pages of ../shared/realpages/ (a sentence or two each)."""

from __future__ import annotations

import lxml.html
from scrapy.http import HtmlResponse

from crawler.cleaning import clean_body
from crawler.themes.fallback import (
    FallbackParser,
    drop_up_to_headline,
    narrow_to_article,
    paragraphs_of_loose_text,
)

# A sidebar beside every page below: a fallback that takes it for the body is wrong.
SIDEBAR = """<aside><h3>Terpopuler</h3><ul>
  <li><a href="/a">Harga cabai naik di pasar induk</a></li>
  <li><a href="/b">Jalan tol baru dibuka pekan depan</a></li></ul></aside>"""


def page(article: str, title: str = "Merek China Serbu Indonesia, Ini Kata Gaikindo") -> str:
    return f"""<html><head><title>{title}</title>
      <meta property="og:title" content="{title}"></head>
      <body><div class="wrap">{SIDEBAR}<div class="main">{article}</div></div></body></html>"""


def fallback_body(html: str) -> list[str]:
    response = HtmlResponse(url="https://warta.example/read/1", body=html, encoding="utf-8")
    return clean_body(FallbackParser(response).get_body_html() or "").text.split("\n\n")


# --- loose text -------------------------------------------------------------------------------
# kompas 2016: the first paragraphs are text of the container itself, then <p>s follow
KOMPAS_LEAD = (
    "<br><strong>Jakarta, KompasOtomotif</strong> &ndash; Tahun depan, dua produsen otomotif "
    "asal China, SAIC-GM-Wuling dan Sokonindo Indonesia (SI) mulai meramaikan industri otomotif "
    "Indonesia. Bahkan, Wuling berinvestasi Rp 9,2 triliun membangun pabrik di atas lahan "
    "seluas 30 hektar.<br><br>Menanggapi kondisi itu, Ketua Umum Gaikindo periode 2016-2019 "
    "Johannes Nangoi, mengatakan, semakin banyak merek baru yang masuk, semakin bagus. Sebab, "
    "Indonesia dinilai sebagai pasar potensial."
)
KOMPAS_PARAGRAPHS = (
    "<p>Menurut Nangoi, produsen otomotif baru yang mendirikan pabrik di Indonesia itu sangat "
    "bagus. Sebab, selain menguntungkan bagi pabrikan itu sendiri, untung lainnya bisa menyerap "
    "tenaga kerja lokal.</p><p>Nangoi melanjutkan, sukses atau tidaknya merek itu di Indonesia "
    "ditentukan oleh konsumen. Sehingga, masing-masing produsen harus memiliki cara bagaimana "
    "menggaet konsumen Indonesia membeli produknya.</p>"
)


def test_the_text_of_the_container_before_its_first_paragraph_is_the_body_s_start():
    body = fallback_body(page(f"<div class='div-read'>{KOMPAS_LEAD}{KOMPAS_PARAGRAPHS}</div>"))
    assert body[0].startswith("Jakarta, KompasOtomotif – Tahun depan, dua produsen otomotif")
    assert body[1].startswith("Menanggapi kondisi itu, Ketua Umum Gaikindo")
    assert body[2].startswith("Menurut Nangoi, produsen otomotif baru")
    assert len(body) == 4


def test_text_between_double_line_breaks_keeps_its_words_apart():
    # detik 2015: a photo's block, then the body as text<br><br>text with emphasised words
    article = (
        "<div class='detail_text'><div class='pic_artikel'><img src='/robot.jpg'></div>"
        "<b>Yogyakarta</b> - Lima mahasiswa Universitas Gadjah Mada (UGM) Yogyakarta berhasil "
        "mengembangkan alat terapi pascastroke. Alat ini diberi nama Indonesia "
        "<em>Rehabilitation</em> <em>Robot for Foot </em>atau I-REBOT.<br><br>Lima mahasiswa "
        "UGM ini adalah Yulisyah Putri Daulay (Teknik Industri), Ragil Sulistiyo (Teknik "
        'Mesin), dan Rizka Islami Ratnasari (Teknik Industri).<br><br>"Dibandingkan dengan '
        'yang beredar di pasaran dari luar negeri, alat ini lebih portabel, mudah dibawa," kata '
        "ketua tim, Yulisyah Putri Daulay kepada wartawan di UGM, Selasa (16/6/2015).<br>"
        "<strong>(bgs/rul)</strong></div>"
    )
    body = fallback_body(page(article, "Mahasiswa UGM Kembangkan Robot Terapi Pascastroke"))
    assert body[0].endswith("diberi nama Indonesia Rehabilitation Robot for Foot atau I-REBOT.")
    assert body[-1].endswith("di UGM, Selasa (16/6/2015).")  # the desk's initials went
    assert len(body) == 3


def loose(html: str) -> str:
    root = lxml.html.fromstring(html)
    paragraphs_of_loose_text(root)
    return lxml.html.tostring(root, encoding="unicode")


def test_loose_text_goes_into_paragraphs_beside_the_container_s_blocks():
    assert loose(
        "<div><b>Kapanlagi.com</b> - Pesona kecantikan yang dimiliki Dian Sastrowardoyo memang "
        "sudah tak diragukan lagi.<p>Selalu dipuja pria dan wanita.</p></div>"
    ) == (
        "<div><p><b>Kapanlagi.com</b> - Pesona kecantikan yang dimiliki Dian Sastrowardoyo "
        "memang sudah tak diragukan lagi.</p><p>Selalu dipuja pria dan wanita.</p></div>"
    )


def test_a_container_without_blocks_is_a_paragraph_and_stays_one():
    # Antara: paragraphs written as <div>s, one of them holding "<br><br>"
    html = (
        "<div><div>Jakarta (ANTARA News) - PT Astra Otoparts Tbk meluncurkan rangkaian jenis ban"
        ' sepeda motor terbaru.</div><div><br>"Kami siap bersaing," kata Direktur PT Astra '
        "Otoparts Tbk Yusak Kristian.<br><br>Ban yang diluncurkan meliputi tiga tipe.</div></div>"
    )
    assert loose(html) == html


def test_line_breaks_between_layout_blocks_are_no_paragraph_break():
    # merdeka: clearing <br>s around the comment box; its label stays a label
    html = (
        '<div><span>Komentar Anda</span><div class="fb-comments"></div>'
        '<br class="clear"><br class="clear"><div class="tabs"></div></div>'
    )
    assert loose(html) == html


# --- the headline -----------------------------------------------------------------------------


def extracted(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def body_text(root: lxml.html.HtmlElement) -> str:
    return " ".join(root.find("body").text_content().split())


def test_the_body_starts_after_the_headline_and_what_comes_before_it():
    # detik 2015: the date line and the kicker over the headline, in the block trafilatura took
    root = extracted(
        "<p>Selasa 16 Jun 2015, 14:05 WIB</p><h2>MUDA DAN MENGINSPIRASI</h2>"
        "<h1>Mahasiswa UGM Kembangkan Robot Terapi Pascastroke</h1>"
        "<p>Yogyakarta - Lima mahasiswa Universitas Gadjah Mada (UGM) Yogyakarta berhasil "
        "mengembangkan alat terapi pascastroke.</p>"
    )
    drop_up_to_headline(root, "Mahasiswa UGM Kembangkan Robot Terapi Pascastroke")
    assert body_text(root) == (
        "Yogyakarta - Lima mahasiswa Universitas Gadjah Mada (UGM) Yogyakarta berhasil "
        "mengembangkan alat terapi pascastroke."
    )


def test_a_headline_in_a_header_block_goes_with_the_breadcrumbs_before_it():
    # republika 2017: breadcrumbs, headline and date line in one header <div>
    root = extracted(
        '<div><p><a href="/">Home</a> &gt; <a href="/berita">Berita</a></p>'
        "<p>Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji</p>"
        "<p>Jumat , 17 February 2017, 13:16 WIB</p></div>"
        "<p>IHRAM.CO.ID, BANJARMASIH -- Kepala Kantor Kementerian Agama Kota Banjarmasin H "
        "Sofrayani mengimbau, calon jamaah haji Kota Banjarmasin untuk mengikuti pemeriksaan "
        "kesehatan haji tahap pertama.</p>"
    )
    drop_up_to_headline(root, "Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji")
    assert [" ".join(p.text_content().split()) for p in root.iter("p")] == [
        "Jumat , 17 February 2017, 13:16 WIB",
        "IHRAM.CO.ID, BANJARMASIH -- Kepala Kantor Kementerian Agama Kota Banjarmasin H "
        "Sofrayani mengimbau, calon jamaah haji Kota Banjarmasin untuk mengikuti pemeriksaan "
        "kesehatan haji tahap pertama.",
    ]


def test_a_block_reading_as_the_headline_after_a_paragraph_is_left_alone():
    # the article's own first paragraph, then a photo caption that repeats the headline
    root = extracted(
        "<p>IHRAM.CO.ID, BANJARMASIH -- Kepala Kantor Kementerian Agama Kota Banjarmasin H "
        "Sofrayani mengimbau, calon jamaah haji Kota Banjarmasin untuk mengikuti pemeriksaan "
        "kesehatan haji tahap pertama. Pemeriksaan ini sebagai bagian tahapan penting.</p>"
        "<p>Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji</p>"
    )
    before = body_text(root)
    drop_up_to_headline(root, "Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji")
    assert body_text(root) == before


def test_a_headline_far_into_the_body_is_left_alone():
    # a sentence of the article's own, then a block that happens to read as the headline
    article = (
        "<p>Kepala Kantor Kementerian Agama Kota Banjarmasin H Sofrayani mengimbau, calon jamaah "
        "haji Kota Banjarmasin untuk mengikuti pemeriksaan kesehatan haji tahap pertama. "
        "Pemeriksaan ini sebagai bagian tahapan penting yang harus dilalui untuk keberangkatan "
        "haji tahun 2017.</p>" * 4
    ) + "<p>Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji</p>"
    root = extracted(article)
    before = body_text(root)
    drop_up_to_headline(root, "Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji")
    assert body_text(root) == before


# --- the article's region ---------------------------------------------------------------------
# Media Indonesia 2026: a sidebar card, the body in a <div class="article"> trafilatura does not
# recognise (so it reads every <p> of the page), teasers with their summaries, a copyright line
MEDIA_INDONESIA = """<html><head><title>IHSG Hari Ini: Sempat Tembus 9.000</title></head><body>
  <div class="columns"><div class="card-1"><div class="text"><h5>Headline</h5>
    <div class="card-1-title"><a href="/e">Elite Diminta Dengarkan Publik</a></div>
    <p>Sebanyak 66,1% responden menolak pilkada melalui DPRD.</p></div></div></div>
  <h1>IHSG Hari Ini: Sempat Tembus 9.000</h1>
  <div class="article">
    <p>INDEKS Harga Saham Gabungan atau IHSG pada perdagangan hari ini, Kamis (8/1), berakhir
    antiklimaks. Sempat mencetak rekor tertinggi sepanjang masa secara intraday dengan menembus
    level psikologis 9.000, indeks justru berbalik arah dan ditutup di zona merah.</p>
    <p>Berdasarkan data Bursa Efek Indonesia (BEI), IHSG ditutup melemah 0,22% atau turun 19,34
    poin ke posisi 8.925,47.</p>
    <h2>Tekanan Sektor Bahan Baku</h2>
    <p>Pelemahan IHSG hari ini terutama dipicu oleh koreksi tajam pada sektor bahan baku (basic
    materials) yang anjlok hingga 3,22%.</p>
    <p>Statistik perdagangan mencatat volume transaksi yang cukup tinggi mencapai 55,14 miliar
    saham dengan nilai transaksi sebesar Rp29,06 triliun.</p>
    <h2>Sentimen Pasar: Euforia Sesaat?</h2>
    <p>Analis menilai pembalikan arah IHSG sore ini merupakan respons wajar pasar setelah reli
    panjang di awal tahun 2026.</p>
  </div>
  <section><div class="ti">Berita Lainnya</div><ul class="list-3">
    <li><div class="text"><h3><a href="/1">IHSG 8 Januari 2026 Ditutup Koreksi Wajar</a></h3>
      <span>08/1/2026 17:03</span>
      <p>IHSG ditutup melemah 0,22% ke level 8.925 pada perdagangan Kamis (8/1). Analis menyebut
      koreksi sehat akibat profit taking pasca reli panjang.</p></div></li>
    <li><div class="text"><h3><a href="/2">Menkeu Purbaya: Ekonomi Triwulan IV 5,45%</a></h3>
      <span>08/1/2026 15:25</span>
      <p>Menteri Keuangan Purbaya Yudhi Sadewa memproyeksikan pertumbuhan ekonomi Triwulan IV
      2025 mencapai 5,45%.</p></div></li></ul></section>
  <footer><p>Copyright @ 2026 Media Group - mediaindonesia. All Rights Reserved</p></footer>
</body></html>"""


def test_a_body_trafilatura_does_not_recognise_is_read_from_the_article_s_region():
    body = fallback_body(MEDIA_INDONESIA)
    assert body[0].startswith("INDEKS Harga Saham Gabungan")
    assert "Tekanan Sektor Bahan Baku" in body  # the subheadings, which a reading of <p>s drops
    assert body[-1].startswith("Analis menilai pembalikan arah IHSG")
    assert len(body) == 7


def test_a_lead_paragraph_between_the_headline_and_the_region_keeps_the_page_s_reading():
    lead = (
        "IHSG sempat mencetak rekor tertinggi sepanjang masa sebelum berbalik melemah akibat "
        "aksi ambil untung."
    )
    html = MEDIA_INDONESIA.replace(
        '<div class="article">', f'<div class="lead"><p>{lead}</p></div><div class="article">'
    )
    body = fallback_body(html)
    assert lead in body


def extracted_blocks(*blocks: str) -> lxml.html.HtmlElement:
    return extracted("".join(blocks))


def test_a_heading_trafilatura_found_outside_the_region_keeps_its_reading():
    # Elementor: the subheading is a widget of its own, outside the widget of the paragraphs
    page_html = """<html><body><div class="col">
      <div class="w"><div class="c"><p>Instagram adalah salah satu platform media sosial yang
        paling populer di Indonesia saat ini.</p><p>Banyak pelaku usaha memanfaatkan Instagram
        untuk memasarkan produk mereka kepada calon pembeli.</p></div></div>
      <div class="w"><h2>1. Memanfaatkan Alat Otomasi Untuk Mempermudah Pemasaran</h2></div>
      </div></body></html>"""
    root = extracted_blocks(
        "<p>Instagram adalah salah satu platform media sosial yang paling populer di Indonesia "
        "saat ini.</p>",
        "<h2>1. Memanfaatkan Alat Otomasi Untuk Mempermudah Pemasaran</h2>",
        "<p>Banyak pelaku usaha memanfaatkan Instagram untuk memasarkan produk mereka kepada "
        "calon pembeli.</p>",
    )
    before = lxml.html.tostring(root)
    narrow_to_article(root, lxml.html.document_fromstring(page_html), "Cara Menambah Followers")
    assert lxml.html.tostring(root) == before


def test_loose_text_among_paragraphs_written_as_divs_goes_into_divs():
    # Blogger's editor: paragraphs are <div>s of text, a list is loose text with <br>s
    html = (
        "<div><div>Menjual berbagai macam followers, baik followers aktif, followers pasif, "
        "like aktif, like pasif bahkan juga twitter.</div><div>Harganya sangat murah bukan? "
        "Untuk beli followers instagram murah, cepat, dan terpercaya kalian bisa membelinya di "
        "sini.</div><br><br><b>FOLLOWERS AKTIF:</b><br>Akun asli orang Indonesia<br></div>"
    )
    assert loose(html) == html.replace(
        "<br><br><b>FOLLOWERS AKTIF:</b><br>Akun asli orang Indonesia<br>",
        "<br><br><div><b>FOLLOWERS AKTIF:</b></div><br><div>Akun asli orang Indonesia</div><br>",
    )


def test_an_embedded_tweet_is_not_read_as_the_article_s_quotation():
    # trafilatura keeps a tweet's <blockquote> as a quotation: the fallback removes the post
    # before trafilatura reads the page, while its class still says what it is
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="in" dir="ltr">Penambahan kasus Covid-19 '
        "harian cenderung menurun. Hal ini terjadi seiring dengan turunnya jumlah pemeriksaan "
        "secara signifikan.</p>&mdash; Harian Kompas (@hariankompas) "
        '<a href="https://twitter.com/hariankompas/status/1417642983227236357">July 21, 2021'
        "</a></blockquote>"
    )
    article = f"<article>{KOMPAS_PARAGRAPHS}{tweet}{KOMPAS_PARAGRAPHS}</article>"
    body = fallback_body(page(article))
    assert not any("Penambahan kasus Covid-19" in paragraph for paragraph in body)
    assert len(body) == 4
