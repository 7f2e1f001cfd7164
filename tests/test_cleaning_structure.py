"""crawler.cleaning: the structural steps (not the phrase rules of rules.py), each with real
markup it removes and a real article sentence it keeps."""

from __future__ import annotations

from crawler.cleaning import clean_body

# bacatekno (Blogger, MagOne template): p.post-excerpt above the post's body
EXCERPT = (
    "Selamat pagi sobat tekno, para artikel kali ini saya ingin mempersembahkan kepada "
    "temen-temen semua sebuah media online terpercaya sebagai ..."
)
FIRST_PARAGRAPH = (
    "Selamat pagi sobat tekno, para artikel kali ini saya ingin mempersembahkan kepada "
    "temen-temen semua sebuah media online terpercaya sebagai solusi anda dalam membangun "
    "bisnis online pada jaman Industri 4.0. Kami menyebutnya AkunSosmed_ID."
)
SECOND_PARAGRAPH = (
    "Menjual berbagai macam followers, baik followers aktif, followers pasif, like aktif, like "
    "pasif bahkan juga twitter, facebook, youtube dll."
)


def test_an_excerpt_above_the_paragraph_it_was_cut_from_goes():
    cleaned = clean_body(
        f'<div class="post-right"><p class="post-excerpt">{EXCERPT}</p></div>'
        f'<div class="post-body-inner"><div>{FIRST_PARAGRAPH}</div>'
        f"<div>{SECOND_PARAGRAPH}</div></div>"
    )
    assert cleaned.text.split("\n\n") == [FIRST_PARAGRAPH, SECOND_PARAGRAPH]
    assert cleaned.removed == {"excerpt": 1}


def test_a_paragraph_that_ends_with_an_ellipsis_of_its_own_stays():
    # a quotation trailing off (Radar Tangsel's Pasar Ciputat article), then other paragraphs
    trailing = "Kami ini cari makan, bukan cari masalah. Kalau tempatnya sepi pembeli, ya percuma…"
    cleaned = clean_body(f"<p>{trailing}</p><p>{FIRST_PARAGRAPH}</p><p>{SECOND_PARAGRAPH}</p>")
    assert cleaned.text.split("\n\n") == [trailing, FIRST_PARAGRAPH, SECOND_PARAGRAPH]
    assert cleaned.removed == {}
