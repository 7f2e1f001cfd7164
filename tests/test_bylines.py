"""Credit lines from real Indonesian news pages (../shared/realpages/) -> writers and editors."""

import pytest

from crawler.bylines import (
    Credits,
    person_names,
    read_credit_lines,
    read_credits,
    strip_writer_label,
)


@pytest.mark.parametrize(
    ("line", "writers", "editors"),
    [
        # Antara: "Pewarta" is the writer's label, the editor follows
        ("Pewarta: Monalisa Editor: B Kunto Wibisono", ["Monalisa"], ["B Kunto Wibisono"]),
        # Kompas: a contributor's place before the name
        (
            "Penulis: Kontributor Lhokseumawe, Masriadi Editor : Ervan Hardoko",
            ["Masriadi"],
            ["Ervan Hardoko"],
        ),
        ("Penulis: Nabilla Tashandra Editor : Bayu Galih", ["Nabilla Tashandra"], ["Bayu Galih"]),
        # Republika: "Redaktur" is the editor
        (
            "Reporter : Issha Harruma Redaktur : Bilal Ramadhan",
            ["Issha Harruma"],
            ["Bilal Ramadhan"],
        ),
        ("Redaktur : Agus Yulianto", [], ["Agus Yulianto"]),
        # Merdeka: the date after a bar is not part of the name
        ("Reporter : Ramadhian Fadillah | Jumat, 19 Juni 2015 03:40", ["Ramadhian Fadillah"], []),
        ("Oleh : Adrianus Mandey", ["Adrianus Mandey"], []),
        # Liputan6: labels without a colon
        ("Author Silvanus Alvin Editor Mevi Linawati", ["Silvanus Alvin"], ["Mevi Linawati"]),
        # Tribun: the outlet named in the label is not a writer
        ("Laporan Wartawan Tribunnews.com, Glery Lazuardi", ["Glery Lazuardi"], []),
        # The site credited as the author is nobody's name
        ("Oleh Liputan6.com pada 26 Jun 2020, 13:58 WIB", [], []),
        # Two writers
        ("Penulis: Andi Saputra dan Rina Wulandari", ["Andi Saputra", "Rina Wulandari"], []),
        ("Reporter: Budi Santoso & Dewi Lestari", ["Budi Santoso", "Dewi Lestari"], []),
    ],
)
def test_credit_lines_give_writers_and_editors(line, writers, editors):
    assert read_credits(line) == Credits(tuple(writers), tuple(editors))


def test_the_sites_own_name_is_not_a_writer():
    assert read_credits("Oleh Redaksi Bantennews", site_names=["Redaksi Bantennews"]) == Credits()
    assert person_names("Tim Redaksi") == []


def test_a_photographer_is_neither_writer_nor_editor():
    credits = read_credits("Penulis: Glery Lazuardi Foto: Dany Permana Editor: Willy Widianto")
    assert credits == Credits(("Glery Lazuardi",), ("Willy Widianto",))


@pytest.mark.parametrize(
    ("element", "name"),
    [
        ("Pewarta Nur Imansyah", "Nur Imansyah"),  # Antara's byline element keeps its label
        ("Oleh: Adrianus Mandey", "Adrianus Mandey"),
        ("Adrianus Mandey", "Adrianus Mandey"),
        ("Editor Mevi Linawati", "Editor Mevi Linawati"),  # not a writer's label: left alone
    ],
)
def test_strip_writer_label(element, name):
    assert strip_writer_label(element) == name


def test_credit_lines_give_writers_and_editors_as_printed_on_real_pages():
    lines = [
        "Kisah penjaga penjara Guantanamo",
        "Penulis",  # Kompas: the label alone, the names on the next line
        ": Kontributor Lhokseumawe, Masriadi",
        "Rep: C31/ Red: Israr Itah",  # Republika
        "Editor : Indriyani Astuti",  # Media Indonesia: an editor only
    ]
    credits = read_credit_lines(lines)
    assert credits.writers == ("Masriadi", "C31")
    assert credits.editors == ("Israr Itah", "Indriyani Astuti")


def test_a_sentence_that_starts_with_a_label_is_no_credit_line():
    lines = [
        "By the way, apa sih bedanya Followers Aktif dan Followers Pasif? Berikut perbedaannya.",
        "Wartawan Radar Tangsel yang meliput isu hukum, keamanan dan hubungan internasional.",
    ]
    assert read_credit_lines(lines) == Credits()


def test_structured_names_are_read_leniently_but_accounts_and_sites_are_not_people():
    assert person_names("Ahmad\ufffd Rifai", strict=False) == ["Ahmad\ufffd Rifai"]
    assert person_names("admin", strict=False) == []
    assert person_names("Redaksi", strict=False) == ["Redaksi"]
    assert person_names("@ Indonesiarss", strict=False) == []
    assert person_names("bgs", strict=False) == []  # detik's desk code
    assert person_names("taufik mulyadi", strict=False) == ["taufik mulyadi"]
    assert person_names("https://www.facebook.com/detikdotcom", strict=False) == []
