"""The generic field rules of crawler/themes/base.py on small pages shaped like the real ones
(../shared/realpages/): the headline without the site's name, the date line's time, the
writers told from editors and from the site."""

from __future__ import annotations

import json
from random import Random

import lxml.html
import pytest
from scrapy.http import HtmlResponse

from crawler.extract import LinesAsNeeded, visible_lines
from crawler.themes.base import text_around
from crawler.themes.fallback import FallbackParser
from crawler.themes.wordpress import WordPressParser


def parser(head: str, body: str, url: str = "https://news.example.co.id/read/1") -> FallbackParser:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return FallbackParser(HtmlResponse(url=url, body=html.encode(), encoding="utf-8"))


def jsonld(**article: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **article}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_title_is_the_h1_the_declared_title_agrees_with():
    page = parser(
        '<meta property="og:title" content="Polres Lhokseumawe Serahkan Anggota Di Minimi ke '
        'Kejaksaan - Kompas.com Regional">',
        "<h1>Regional</h1><h1>Polres Lhokseumawe Serahkan Anggota Di Minimi ke Kejaksaan</h1>",
    )
    assert page.get_title() == "Polres Lhokseumawe Serahkan Anggota Di Minimi ke Kejaksaan"


def test_title_without_an_h1_loses_the_site_name():
    page = parser(
        '<meta property="og:site_name" content="Republika Online">'
        "<title>City Siap Tawarkan Kontrak | Republika Online</title>",
        "<p>Teks.</p>",
    )
    assert page.get_title() == "City Siap Tawarkan Kontrak"


def test_a_day_without_time_takes_the_time_of_the_date_line():
    page = parser(
        jsonld(headline="Gaikindo Bicara", datePublished="2016-02-23"),
        "<div>Senin, 22 Februari 2016 | 10:00 WIB</div>"  # a ticker: another day
        "<h1>Gaikindo Bicara</h1><div>Selasa, 23 Februari 2016 | 16:52 WIB</div><p>Teks.</p>",
    )
    assert page.get_published()[0].isoformat() == "2016-02-23T09:52:00+00:00"


def test_wib_wall_time_written_with_z_loses_to_the_date_line():
    page = parser(
        jsonld(headline="Google Umbar Kelemahan", datePublished="2015-11-05T10:08:00Z"),
        "<h1>Google Umbar Kelemahan</h1><div>Kamis, 05/11/2015 10:08 WIB</div>",
    )
    assert page.get_published()[0].isoformat() == "2015-11-05T03:08:00+00:00"


def test_a_date_line_of_another_day_never_replaces_the_structured_date():
    page = parser(
        jsonld(headline="Berita", datePublished="2015-11-05T15:07:00+07:00"),
        "<h1>Berita</h1><div>Rabu, 04 November 2015, 09:00 WIB</div>",
    )
    assert page.get_published()[0].isoformat() == "2015-11-05T08:07:00+00:00"


def test_without_structured_date_the_date_line_near_the_headline_is_read():
    page = parser("", "<h1>Wapres JK dan Ahok</h1><span>on 18 Jun 2015 at <b>06:25 WIB</b></span>")
    assert page.get_published()[0].isoformat() == "2015-06-17T23:25:00+00:00"


def test_writers_are_the_credited_people_not_the_site_nor_the_editor():
    page = parser(
        '<meta name="author" content="Kompas Cyber Media">',
        "<h1>Merek China Serbu Indonesia</h1><div>Penulis: Aditya Maulana</div><p>Teks.</p>"
        "<div>Editor: Agung Kurniawan</div>",
        url="https://otomotif.kompas.com/read/1",
    )
    assert page.get_authors() == ["Aditya Maulana"]


def test_a_structured_author_the_page_credits_as_editor_is_no_writer():
    page = parser(
        jsonld(headline="IHSG Hari Ini", author={"@type": "Person", "name": "Indriyani Astuti"}),
        "<h1>IHSG Hari Ini</h1><div>Editor : Indriyani Astuti</div><p>Teks.</p>",
    )
    assert page.get_authors() == []


def test_a_z_date_contradicting_the_first_date_line_of_its_day_loses():
    page = parser(
        '<meta name="pubdate" content="2016-02-23 T16:00:20Z">',
        "<div>Selasa, 23/02/2016 15:32 WIB</div><h1>Gardu Induk Milenium PLN Resmi Beroperasi</h1>"
        "<p>Teks.</p><span>Selasa, 23/02/2016 16:10 WIB</span>",
    )
    assert page.get_published()[0].isoformat() == "2016-02-23T08:32:00+00:00"


def test_an_unlabelled_byline_naming_the_channel_gives_the_writer():
    page = parser(
        '<meta name="author" content="bgs">',
        "<h1>Mahasiswa UGM Kembangkan Robot</h1><div>Bagus Kurniawan - detiknews</div>"
        "<p>Yogyakarta - Teks.</p>",
        url="https://news.detik.com/berita/1",
    )
    assert page.get_authors() == ["Bagus Kurniawan"]


def test_bylines_of_teaser_articles_are_not_the_articles():
    html = (
        "<html><body class='single'><article><h1 class='entry-title'>10 Cara Organik</h1>"
        "<span class='byline'><span class='author vcard'><a href='/a/rahmad'>Ahmad</a></span>"
        "</span><div class='entry-content'><p>Teks.</p></div></article><aside>"
        "<article><span class='byline'><span class='author vcard'><a href='/a/c'>Chelsea</a>"
        "</span></span></article></aside></body></html>"
    )
    response = HtmlResponse(url="https://www.gramedia.com/best-seller/1", body=html.encode())
    assert WordPressParser(response).get_authors() == ["Ahmad"]


def test_a_site_name_holding_the_title_is_a_title_and_no_site_name():
    # Okezone copies its <title> into og:site_name: names of the headline are not the site's
    title = "Ahok Dukung Jokowi Diberi Pangkat Bintang Lima"
    page = parser(
        f'<meta property="og:title" content="{title}">'
        f'<meta property="og:site_name" content="{title} :: Okezone News">'
        f"<title>{title} :: Okezone News</title>",
        f"<h1>{title} :: Okezone News</h1><div><h1>{title}</h1></div>"
        "<div class='nmreporter'><div>Fakhrizal Fakhri</div><span>Jurnalis</span></div>"
        "<ul><li>Share on Facebook</li></ul><p>JAKARTA - Gubernur DKI Jakarta mendukung.</p>",
        url="https://news.okezone.com/read/2015/06/19/337/1167966/ahok",
    )
    assert page.site_names == {"okezone"}
    assert page.get_title() == title
    assert page.get_authors() == ["Fakhrizal Fakhri"]


def test_a_headline_printed_with_a_rubric_keeps_it_and_an_editor_table_names_no_writer():
    page = parser(
        '<meta property="og:site_name" content="Republika Online">'
        "<title>KPK Periksa Pejabat Mahkamah Agung | Republika Online</title>",
        "<h1><a href='/kanal/inpicture'>Inpicture</a></h1>"
        "<div class='jdl-pic'>In Picture: KPK Periksa Pejabat Mahkamah Agung</div>"
        "<div><p>REPUBLIKA.CO.ID, JAKARTA -- Teks.</p></div>"
        "<table><tr><td>Redaktur</td><td>:</td><td>Mohamad Amin Madani</td></tr></table>",
    )
    assert page.get_title() == "In Picture: KPK Periksa Pejabat Mahkamah Agung"
    assert page.credits.editors == ("Mohamad Amin Madani",)
    assert page.get_authors() == []


def test_a_photo_storys_photographer_under_the_headline_is_its_author():
    head = "<title>Gardu Induk Milenium PLN Resmi Beroperasi</title>"
    story = "<h1>Gardu Induk Milenium PLN Resmi Beroperasi</h1>"
    photographer = "<strong>Fotografer: Grandyos Zafna</strong>"
    text = "<div>PT PLN hari ini resmi mengoperasikan Gardu Induk (GI) 150 kV Milenium.</div>"
    assert parser(head, story + photographer + text).get_authors() == ["Grandyos Zafna"]
    # a writer credited: the photographer is none
    writer = "<div>Penulis: Aditya Maulana</div>"
    assert parser(head, story + photographer + writer + text).get_authors() == ["Aditya Maulana"]
    # far from the headline, a photographer's credit belongs to a picture in the text
    paragraphs = "".join(f"<p>Paragraf {n}.</p>" for n in range(5))
    assert parser(head, story + text + paragraphs + photographer).get_authors() == []


def test_a_credits_panel_naming_the_byline_and_more_gives_every_writer():
    html = (
        "<html><body class='single'><article><h1 class='entry-title'>Wapres JK dan Ahok</h1>"
        "<div class='by-author'>By <span class='author vcard'><a rel='author' href='/s'>"
        "Silvanus Alvin</a></span></div><div class='entry-content'><p>Teks.</p></div>"
        "</article><ul><li>Author</li><li>Silvanus Alvin</li><li>Hanz Jimenez Salim</li>"
        "<li>Editor</li><li>Mevi Linawati</li></ul></body></html>"
    )
    response = HtmlResponse(url="https://news.liputan6.com/read/2253447", body=html.encode())
    assert WordPressParser(response).get_authors() == ["Silvanus Alvin", "Hanz Jimenez Salim"]


def test_a_newsroom_in_the_structured_data_yields_to_the_credited_writer():
    page = parser(
        jsonld(
            headline="Merek China Serbu Indonesia", author={"@type": "Person", "name": "Redaksi"}
        ),
        "<h1>Merek China Serbu Indonesia</h1><div>Penulis: Aditya Maulana</div><p>Teks.</p>",
    )
    assert page.get_authors() == ["Aditya Maulana"]


def test_a_marked_up_byline_by_the_headline_names_the_writer_the_site_name_does_not():
    # a Blogger blog named after its owner: meta name=Author is the site's name, the byline
    # (itemprop=author, rel=author) the writer's
    head = (
        '<meta name="Author" content="Sugeng Siswanto">'
        '<meta property="og:site_name" content="Sugeng Siswanto">'
        "<title>Trik Menambah Followers Instagram - Sugeng Siswanto</title>"
    )
    byline = (
        "<span itemprop='author' itemscope itemtype='http://schema.org/Person'>"
        "<a rel='author' href='https://www.blogger.com/profile/1'>"
        "<span itemprop='name'>Sugeng Siswantro</span></a></span>"
    )
    story = "<h1>Trik Menambah Followers Instagram</h1>"
    text = "<p>Cara Menambahkan followers di instagram, tidak hanya itu.</p>"
    url = "http://www.sugengsiswanto.com/2017/08/trik.html"
    assert parser(head, story + byline + text, url).get_authors() == ["Sugeng Siswantro"]
    # in a sentence (a comment's "oleh <a rel=author>"), the markup is no byline
    comment = f"<p>Komentar oleh {byline} pada artikel ini.</p>"
    assert parser(head, story + text + comment, url).get_authors() == []


def test_a_structured_author_crediting_the_editor_too_gives_the_writer_only():
    page = parser(
        jsonld(headline="Kadishub DKI", author={"name": "Penulis: Glery Lazuardi, Editor: Willy"}),
        "<h1>Kadishub DKI</h1><p>Teks.</p>",
    )
    assert page.get_authors() == ["Glery Lazuardi"]


def test_the_publishers_company_as_meta_author_is_no_writer():
    page = parser(
        '<meta name="author" content="PT. Agranet Multicitra Siberkom">',
        "<h1>Mahasiswa UGM Kembangkan Robot</h1><p>Yogyakarta - Teks.</p>",
        url="https://news.detik.com/berita/1",
    )
    assert page.get_authors() == []
    editor = "<h1>IHSG Hari Ini</h1><div>Editor : INDRIYANI ASTUTI</div><p>Teks.</p>"
    page = parser(jsonld(headline="IHSG Hari Ini", author={"name": "Indriyani Astuti"}), editor)
    assert page.get_authors() == []  # the editor, whatever the case she is printed in


def test_writers_a_comma_and_the_site_under_the_headline_are_the_byline():
    # CNN Indonesia: "<writers>, CNN Indonesia | <date line>"
    headline = "<h1>Begal Pembunuh Polisi di Lampung Mengaku Hanya Ikut</h1>"
    byline = (
        "<div>Helmi Firdaus &amp; Rinaldy Sofwan, CNN Indonesia | Kamis, 03/09/2015 09:56 WIB</div>"
    )
    text = "<p>Bandar Lampung, CNN Indonesia -- Seorang tersangka kejahatan ditangkap.</p>"
    url = "https://www.cnnindonesia.com/nasional/20150903095623-12-76446/begal"
    page = parser("", headline + byline + text, url)
    assert page.get_authors() == ["Helmi Firdaus", "Rinaldy Sofwan"]
    team = "<div>Tim, CNN Indonesia | Kamis, 18/07/2019 18:13 WIB</div>"
    assert parser("", headline + team + text, url).get_authors() == []
    # a dateline on a line of its own names a city, not a writer
    dateline = "<div>JAKARTA, KOMPAS.com</div><p>Seorang tersangka kejahatan ditangkap.</p>"
    page = parser("", headline + dateline, "https://nasional.kompas.com/read/1")
    assert page.get_authors() == []
    dateline = "<div>Jakarta, CNN Indonesia</div><p>Seorang tersangka kejahatan ditangkap.</p>"
    page = parser("", headline + dateline, url)
    assert page.get_authors() == []


def test_two_writers_in_a_themes_byline_element_are_two():
    html = (
        "<html><body class='single'><article><h1 class='entry-title'>Banjir Pondok Aren</h1>"
        "<span class='byline'><span class='author vcard'><a href='/a/n'>Nurul Hidayah dan "
        "Ahmad Rifai Hasan</a></span></span><div class='entry-content'><p>Teks.</p></div>"
        "</article></body></html>"
    )
    response = HtmlResponse(url="https://www.radartangsel.com/banjir/", body=html.encode())
    assert WordPressParser(response).get_authors() == ["Nurul Hidayah", "Ahmad Rifai Hasan"]


# --- the text around the headline, read only as far as needed ----------------------------------


def _whole_text_around(texts: list[str], wanted: str, before: int, after: int) -> str | None:
    """What text_around reads, from the page's whole text at once."""
    text = " ".join(" ".join(texts).split())
    start = text.find(wanted)
    return None if start < 0 else text[max(start - before, 0) : start + after]


def test_the_text_around_the_headline_is_the_whole_texts_wherever_it_lies():
    random = Random(13)
    words = ["Selasa,", "05/03/2024", "07:45", "WIB", "Pemkot", "Tangsel", "\n", "  ", "Banjir"]
    headline = "Pemkot Tangsel Tambah Armada"
    for _ in range(300):
        texts = [
            " ".join(random.choices(words, k=random.randint(0, 6)))
            for _ in range(random.randint(0, 400))
        ]
        if random.random() < 0.8:  # the headline, maybe across text nodes and chunks
            at = random.randint(0, len(texts))
            cut = random.randint(1, len(headline) - 1)
            texts[at:at] = [headline[:cut] + " " * random.randint(0, 2), headline[cut:]]
        before, after = random.randint(0, 300), random.randint(1, 1500)
        assert text_around(texts, headline, before, after) == _whole_text_around(
            texts, headline, before, after
        )


def test_visible_lines_keep_the_text_after_a_comment():
    # Republika prints its date line after a template's comment, in the same <div>
    root = lxml.html.fromstring(
        "<div><p>Reporter: <b>Andi Nur</b></p><div><!-- news_date_detail -->Jumat , "
        "17 February 2017, 13:16 WIB</div><script>var x = 1;</script></div>"
    )
    assert visible_lines(root) == ["Reporter: Andi Nur", "Jumat , 17 February 2017, 13:16 WIB"]


def test_a_pages_lines_are_read_only_as_far_as_they_are_asked_for():
    produced: list[int] = []

    def source():
        for number in range(1000):
            produced.append(number)
            yield f"baris {number}"

    lines = LinesAsNeeded(source())
    assert lines[0:3] == ["baris 0", "baris 1", "baris 2"]
    assert next(line for line in lines if line.endswith("9")) == "baris 9"
    assert len(produced) == 10
    assert list(lines)[-1] == "baris 999"
    assert lines[998:1005] == ["baris 998", "baris 999"]
    assert lines[0:0] == [] and lines[5:2] == []
    for unbounded in (slice(3, None), slice(-2, 4), slice(0, -1)):
        with pytest.raises(TypeError):
            lines[unbounded]
