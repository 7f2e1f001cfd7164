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


# krisna.or.id (a blog post on Indonesia's COVID-19 figures, 2021): Harian Kompas's tweet in
# X/Twitter's embed code between two of the post's own paragraphs
BEFORE_TWEET = (
    "Hari ini mau coba lihat lagi statistik COVID-19 di Indonesia, terutama belakangan ini "
    "karena lagi ramai lagi soal undertesting."
)
TWEET = (
    '<blockquote class="twitter-tweet"><p lang="in" dir="ltr">Penambahan kasus Covid-19 harian '
    "cenderung menurun. Hal ini terjadi seiring dengan turunnya jumlah pemeriksaan secara "
    'signifikan. <a href="https://twitter.com/hashtag/Humaniora">#Humaniora</a></p>&mdash; '
    'Harian Kompas (@hariankompas) <a href="https://twitter.com/hariankompas/status/'
    '1417642983227236357">July 21, 2021</a></blockquote> <script async '
    'src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
)
AFTER_TWEET = (
    "Tentu saja andalan saya adalah Our World in Data yang datanya bisa diakses siapa saja "
    "dengan mudah."
)


def test_an_embedded_tweet_goes_and_the_paragraphs_around_it_stay():
    cleaned = clean_body(f"<div><p>{BEFORE_TWEET}</p>{TWEET}<p>{AFTER_TWEET}</p></div>")
    assert cleaned.text.split("\n\n") == [BEFORE_TWEET, AFTER_TWEET]
    assert cleaned.removed["embed"] == 1


def test_a_quotation_in_a_blockquote_of_the_article_stays():
    # an article setting a statement it quotes as a <blockquote> (the statement detik quoted)
    quotation = (
        '"Mayoritas masalah sudah diperbaiki dalam update over the air, meskipun masih ada tiga '
        'masalah keamanan kecil yang belum," demikian pernyataan tim Project Zero.'
    )
    cleaned = clean_body(f"<p>{BEFORE_TWEET}</p><blockquote>{quotation}</blockquote>")
    assert cleaned.text.split("\n\n") == [BEFORE_TWEET, quotation]
