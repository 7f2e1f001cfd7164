"""Credit lines from real Indonesian news pages (../shared/realpages/) -> writers and editors."""

import subprocess
import sys

import pytest

from crawler.bylines import (
    Credits,
    is_collective_byline,
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


def test_a_credits_panel_lists_its_names_one_a_line_under_each_role():
    lines = [  # Liputan6's credits panel
        "Dislike ( 0 )",
        "Author",
        "Silvanus Alvin",
        "Hanz Jimenez Salim",
        "Editor",
        "Mevi Linawati",
        "Credits (3)",
    ]
    assert read_credit_lines(lines) == Credits(
        ("Silvanus Alvin", "Hanz Jimenez Salim"), ("Mevi Linawati",)
    )


def test_lines_after_a_label_are_its_names_only_up_to_another_label():
    lines = ["Author", "Silvanus Alvin", "Copy Link", "Related News", "Popular Videos"]
    assert read_credit_lines(lines) == Credits(("Silvanus Alvin",))


def test_a_table_of_credits_has_a_separator_cell_between_label_and_name():
    # Republika: <td>Redaktur</td><td>:</td><td>Mohamad Amin Madani</td>
    lines = ["Redaktur", ":", "Mohamad Amin Madani", "FOTO TERKAIT:"]
    assert read_credit_lines(lines) == Credits((), ("Mohamad Amin Madani",))


def test_a_role_printed_under_the_name_credits_the_line_above():
    # Okezone's reporter box, then its share bar
    lines = ["Fakhrizal Fakhri", "Jurnalis", "Share on Facebook", "Share on Twitter"]
    assert read_credit_lines(lines) == Credits(("Fakhrizal Fakhri",))
    assert read_credits("Jurnalis: Dewi Kania") == Credits(("Dewi Kania",))


def test_a_role_under_a_menu_item_or_a_sentence_credits_nobody():
    lines = [
        "Home",
        "Penulis",
        "Share on Facebook",
        "Suami Veronica Tan itu menganggap lucu lantaran selama ini Presiden tidak disematkan.",
        "Wartawan",
    ]
    assert read_credit_lines(lines) == Credits()


def test_a_name_under_one_label_is_not_the_name_above_the_next():
    lines = ["Penulis", "Anju Christian", "Editor", "Jalu Wisnu Wirajati"]
    assert read_credit_lines(lines) == Credits(("Anju Christian",), ("Jalu Wisnu Wirajati",))


def test_a_photographer_is_credited_as_such_and_a_captions_photo_credit_is_nobody():
    # detik's photo stories: the photographer's line where a byline would be
    assert read_credit_lines(["Fotografer: Grandyos Zafna"]) == Credits(
        photographers=("Grandyos Zafna",)
    )
    caption = "Gubernur DKI Jakarta Basuki Tjahaja Purnama (Foto: Okezone)"
    assert read_credit_lines([caption, "Foto: Antara/Wahyu Putro"]) == Credits()


def test_a_newsroom_is_a_collective_byline_a_person_is_not():
    assert is_collective_byline("Redaksi")
    assert is_collective_byline("Tim Redaksi")
    assert not is_collective_byline("Monalisa")


def test_a_company_is_no_person():
    assert person_names("PT. Agranet Multicitra Siberkom", strict=False) == []
    assert person_names("PT Kompas Cyber Media", strict=False) == []
    assert person_names("PT Jakarta Propertindo (Persero) Tbk", strict=False) == []
    assert person_names("Tribun Network", strict=False) == []
    assert person_names("MNC Portal Indonesia", strict=False) == []
    assert person_names("Mediana Sari", strict=False) == ["Mediana Sari"]
    assert person_names("Putri Ptolemy", strict=False) == ["Putri Ptolemy"]


def test_names_a_comma_and_their_role_on_one_line():
    # Okezone's byline line
    line = "Pradita Ananda, Jurnalis · Senin 17 September 2018 07:32 WIB."
    assert read_credit_lines([line]) == Credits(("Pradita Ananda",))
    # an article's sentence with a role after a comma is no credit line
    sentence = "Budi Santoso, wartawan senior, mengatakan hal itu kepada polisi."
    assert read_credit_lines([sentence]) == Credits()


def test_a_team_is_no_person():
    assert person_names("Tim") == []
    assert is_collective_byline("Tim")


def test_a_box_of_names_each_with_its_role_under_it():
    lines = [
        "Gubernur DKI Jakarta Basuki Tjahaja Purnama (Foto: Okezone)",
        "Anju Christian",
        "Penulis",
        "Jalu Wisnu Wirajati",
        "Editor",
        "Share on Facebook",
    ]
    assert read_credit_lines(lines) == Credits(("Anju Christian",), ("Jalu Wisnu Wirajati",))
    # the same people, each role above its name, after a headline of a few capitalised words
    lines = ["Bikin Gaduh Kota", "Penulis", "Anju Christian", "Editor", "Jalu Wisnu Wirajati"]
    assert read_credit_lines(lines) == Credits(("Anju Christian",), ("Jalu Wisnu Wirajati",))


def test_a_role_in_a_menu_credits_nobody():
    lines = ["Tentang Kami", "Kontak Kami", "Penulis", "Pedoman Media Siber"]
    assert read_credit_lines(lines) == Credits()


@pytest.mark.parametrize(
    ("line", "writers", "editors"),
    [
        ("By Budi Santoso, edited by Rina Wulandari", ["Budi Santoso"], ["Rina Wulandari"]),
        ("Posted by Sugeng Siswanto", ["Sugeng Siswanto"], []),  # Blogger's byline
        ("Diposting oleh Sugeng Siswanto", ["Sugeng Siswanto"], []),
        ("Koresponden: Andi Saputra", ["Andi Saputra"], []),
        # Tribun: a contributor's report, the outlet before the name
        ("Laporan Kontributor Tribunjabar.id, Dian Herdiansyah", ["Dian Herdiansyah"], []),
    ],
)
def test_more_labels_of_writers_and_editors(line, writers, editors):
    assert read_credits(line) == Credits(tuple(writers), tuple(editors))


def test_a_degree_after_a_comma_is_the_names_not_another_person():
    assert person_names("Budi Santoso, S.H.") == ["Budi Santoso"]
    assert person_names("Dr. Budi Santoso, M.Si", strict=False) == ["Dr. Budi Santoso"]
    assert person_names("Budi Santoso, Rina Wulandari") == ["Budi Santoso", "Rina Wulandari"]


def test_an_initial_before_a_name_is_no_degree():
    # "M." for Muhammad; a degree comes after the name and a comma
    assert read_credits("Penulis: M.Ali").writers == ("M.Ali",)
    assert person_names("Budi Santoso, S.H., M.Si") == ["Budi Santoso"]


def test_a_name_from_structured_data_loses_its_run_of_spaces():
    assert person_names("Budi" + " " * 10_000 + "Santoso", strict=False) == ["Budi Santoso"]


# Each was quadratic (a pattern tried from every space or word of a run, to the end of the
# text): at this size past the timeout, which only turns such a hang into a failure.
HOSTILE_BYLINES = {
    "spaces inside a name": "person_names('Budi' + ' ' * 400_000 + 'Santoso', strict=False)",
    "a report's label without its comma": "read_credits('laporan wartawan ' * 25_000)",
    "a contributor's label without its comma": "read_credits('kontributor Budi ' * 25_000)",
}


@pytest.mark.parametrize("call", HOSTILE_BYLINES.values(), ids=list(HOSTILE_BYLINES))
def test_hostile_bylines_are_read_in_linear_time(call):
    script = f"from crawler.bylines import person_names, read_credits; {call}"
    done = subprocess.run(
        [sys.executable, "-c", script], timeout=120, check=False, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
