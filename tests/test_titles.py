"""crawler/titles.py: the visible headline, without the site's name (titles seen on the real
pages of ../shared/realpages/)."""

from __future__ import annotations

import pytest

from crawler.titles import agreeing_headline, site_label, strip_site_name, with_printed_rubric


@pytest.mark.parametrize(
    ("title", "names", "headline"),
    [
        (
            "Kisah penjaga penjara Guantanamo | merdeka.com",
            {"merdeka"},
            "Kisah penjaga penjara Guantanamo",
        ),
        ("Supaya Timnya Mengalah - Kompas.com Bola", {"kompas"}, "Supaya Timnya Mengalah"),
        (
            "City Siap Tawarkan Kontrak | Republika Online",
            {"Republika Online"},
            "City Siap Tawarkan Kontrak",
        ),
        ("Ahok Dukung Jokowi :: Okezone News", {"okezone"}, "Ahok Dukung Jokowi"),
        (
            "KapanLagi.com: FOTO: Dian Sastro Masih Cantik?",
            {"KapanLagi.com"},
            "FOTO: Dian Sastro Masih Cantik?",
        ),
        # the headline's own colon and dash stay: no part of it names the site
        (
            "Kadishub DKI: Taksi Uber - Tak Punya Izin",
            {"tribunnews"},
            "Kadishub DKI: Taksi Uber - Tak Punya Izin",
        ),
    ],
)
def test_strip_site_name(title, names, headline):
    assert strip_site_name(title, names) == headline


def test_a_title_that_is_only_the_site_name_stays():
    assert strip_site_name("Kompas.com", {"kompas"}) == "Kompas.com"


def test_agreeing_headline_prefers_the_h1_a_declared_title_holds():
    declared = ["IHSG Hari Ini Sempat Tembus 9.000, Indeks Berbalik Melemah"]
    h1s = ["Otomotif", "TAG", "IHSG Hari Ini: Sempat Tembus 9.000, Indeks Berbalik Melemah"]
    assert agreeing_headline(h1s, declared) == h1s[2]


def test_a_section_name_in_an_h1_is_no_headline():
    assert agreeing_headline(["Bola", "TAG"], ["Supaya Timnya Mengalah - Kompas.com Bola"]) is None


@pytest.mark.parametrize(
    ("host", "label"),
    [("bola.kompas.com", "kompas"), ("ihram.co.id", "ihram"), ("www.republika.co.id", "republika")],
)
def test_site_label(host, label):
    assert site_label(host) == label


def test_a_rubric_printed_before_the_headline_is_the_headlines():
    # Republika's photo stories: <title> "KPK Periksa ... | Republika Online", printed with
    # its rubric
    lines = [
        "About Us Privacy Policy Disclaimer Career News Guidance",
        "In Picture: KPK Periksa Pejabat Mahkamah Agung yang Tertangkap OTT",
        "Selasa, 23 Februari 2016, 17:15 WIB",
    ]
    headline = "KPK Periksa Pejabat Mahkamah Agung yang Tertangkap OTT"
    assert with_printed_rubric(headline, lines) == lines[1]


def test_a_sentence_or_another_headline_after_a_colon_is_no_rubric():
    headline = "KPK Periksa Pejabat Mahkamah Agung yang Tertangkap OTT"
    lines = [
        f"Anda di sini: {headline}",  # lower-case words: a sentence, not a rubric
        "In Picture: KPK Siap Bela Novel Baswedan",  # a related item's headline
        headline,
    ]
    assert with_printed_rubric(headline, lines) is None


def test_a_rubric_is_looked_for_only_up_to_the_headline_printed_bare():
    headline = "KPK Periksa Pejabat Mahkamah Agung yang Tertangkap OTT"
    read: list[str] = []

    def lines():
        for line in ["Beranda", headline, *["Berita lain"] * 1000, f"In Picture: {headline}"]:
            read.append(line)
            yield line

    assert with_printed_rubric(headline, lines()) is None
    assert read == ["Beranda", headline]


def test_a_title_without_letters_has_no_printed_rubric():
    assert with_printed_rubric("— | ", ["Beranda: »", "In Picture: —"]) is None
