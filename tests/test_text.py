"""crawler.text: every string valid Unicode, whatever it sits in."""

from __future__ import annotations

from datetime import UTC, datetime

from crawler.text import valid_text


def test_a_lone_surrogate_becomes_the_replacement_character():
    assert valid_text("Banjir\ud800 di Serpong") == "Banjir\ufffd di Serpong"
    assert valid_text("\udfff\ud800") == "\ufffd\ufffd"
    valid_text("Banjir\ud800").encode("utf-8")  # what pymongo and the hash do


def test_a_surrogate_pair_becomes_the_character_it_stands_for():
    assert valid_text("Mantap \ud83d\udc4d") == "Mantap \U0001f44d"


def test_valid_text_is_returned_as_it_is():
    title = "Kafé di Serpong — ramai"
    assert valid_text(title) is title
    assert valid_text(None) is None and valid_text(42) == 42 and valid_text(b"\xed") == b"\xed"
    when = datetime(2024, 5, 3, tzinfo=UTC)
    assert valid_text(when) is when


def test_strings_inside_lists_tuples_and_dicts_are_repaired():
    value = {
        "authors": ["Budi\ud800", "Ani"],
        "pair": ("x", "\udc80"),
        "key\ud800": {"nested": ["\ud800"]},
    }
    assert valid_text(value) == {
        "authors": ["Budi\ufffd", "Ani"],
        "pair": ("x", "\ufffd"),
        "key\ufffd": {"nested": ["\ufffd"]},
    }


def test_importing_it_imports_neither_the_store_nor_the_pipelines():
    import subprocess
    import sys

    script = (
        "import sys; import crawler.text; "
        "print(sorted(m for m in sys.modules if m.startswith(('crawler.', 'pymongo', 'scrapy'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "['crawler.text']"
