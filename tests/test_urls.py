"""crawler/urls.py: every variant of an article URL is the same canonical URL."""

from __future__ import annotations

import pytest

from crawler.urls import canonical_url, same_site, stored_url_candidates

BASE = "https://radartangsel.com"
ARTICLE = "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/"


@pytest.mark.parametrize(
    "variant",
    [
        ARTICLE,
        "http://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/",  # scheme
        "https://www.radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/",  # www.
        "http://www.radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/",
        "https://m.radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/",  # mobile
        "HTTPS://RadarTangsel.COM:443/2024/06/28/pemkot-tangsel-perbaiki-jalan/",  # case, port
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan",  # trailing slash
        "https://radartangsel.com//2024/06/28//pemkot-tangsel-perbaiki-jalan/",  # double slash
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/#respond",
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/?utm_source=facebook"
        "&utm_medium=social&utm_campaign=share",
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/?UTM_SOURCE=x",
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/?fbclid=IwAR0abc",
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/?gclid=1&_ga=2",
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/amp/",  # AMP
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/amp",
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/?amp=1",
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/?amp",
        "https://amp.radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/",
        "https://radartangsel.com/amp/2024/06/28/pemkot-tangsel-perbaiki-jalan/",
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/2/",  # page 2
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/3",
        "https://www.radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/2/amp/"
        "?utm_source=wa#comments",  # all at once
        "/2024/06/28/pemkot-tangsel-perbaiki-jalan/",  # relative
    ],
)
def test_every_variant_is_one_url(variant):
    assert canonical_url(variant, BASE) == ARTICLE


def test_the_base_scheme_and_host_win():
    base = "http://www.radartangsel.com"
    assert canonical_url(ARTICLE, base) == ARTICLE.replace("https://", "http://www.")
    replica = "http://127.0.0.1:8765"
    assert canonical_url("http://127.0.0.1:8765/2024/06/28/a/2/?utm_source=x", replica) == (
        "http://127.0.0.1:8765/2024/06/28/a/"
    )


def test_other_parameters_stay_in_one_order():
    a = canonical_url("https://radartangsel.com/?p=123&utm_campaign=x&s=banjir", BASE)
    b = canonical_url("https://radartangsel.com/?s=banjir&p=123", BASE)
    assert a == b == "https://radartangsel.com/?p=123&s=banjir"


@pytest.mark.parametrize(
    "url",
    [
        "https://radartangsel.com/2024/06/28/",  # a date archive: its day is no page number
        "https://radartangsel.com/category/tangsel/page/2/",  # a listing page
        "https://radartangsel.com/read/2024/06/28/berita.html",  # a file: no slash added
        "https://radartangsel.com/berita/123456/",  # a numeric post id, longer than a page number
    ],
)
def test_what_is_not_a_variant_is_kept(url):
    assert canonical_url(url, BASE) == url


def test_other_sites_keep_their_host():
    assert canonical_url("https://bantennews.co.id/a/?utm_source=x", BASE) == (
        "https://bantennews.co.id/a/"
    )


def test_canonical_url_is_idempotent():
    messy = "http://www.radartangsel.com/2024/06/28/pemkot/2/amp/?b=2&a=1&utm_source=x#c"
    once = canonical_url(messy, BASE)
    assert canonical_url(once, BASE) == once


def test_same_site():
    assert same_site("www.radartangsel.com", "radartangsel.com")
    assert same_site("m.radartangsel.com", "amp.radartangsel.com")
    assert not same_site("radartangsel.com.evil.example", "radartangsel.com")
    assert not same_site("", "radartangsel.com")


@pytest.mark.parametrize(
    "given",
    [
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan",
        "http://www.radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/?utm_source=wa",
        "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/amp/",
        "radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/",
    ],
)
def test_the_stored_url_is_among_the_candidates_of_any_variant(given):
    assert ARTICLE in stored_url_candidates(given)


def test_candidates_start_with_the_urls_own_host_and_take_the_sites_known_address():
    candidates = stored_url_candidates(
        "http://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan",
        ["https://www.radartangsel.com", "https://bantennews.co.id"],
    )
    assert candidates[0] == "http://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/"
    assert candidates[1] == "https://www.radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan/"
    assert not any("bantennews" in url for url in candidates)
