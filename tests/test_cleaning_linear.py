"""crawler.cleaning: work linear in the size of the body, measured by counting, never by time.

lxml does its tree work in C, out of Python's sight: what made cleaning quadratic was finding a
child by its position (index(), insert() at a position, slice assignment: a walk over the
siblings each) and appending one dropped element's tail after another to the same growing text
(a copy of it each time). The counting element class below adds up both, for a body and for the
same body four times over: linear work grows 4×, quadratic 16×.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from collections import Counter
from collections.abc import Callable

import pytest
from lxml import etree

from crawler.cleaning import clean, clean_body

WORK: Counter[str] = Counter()  # what the counting elements saw, reset by each measure


class CountingElement(etree.ElementBase):
    """An lxml element that counts the siblings its positional lookups walk and the characters
    written into its text and tail."""

    def index(self, child, *args):
        position = super().index(child, *args)
        WORK["siblings walked"] += position + 1
        return position

    def insert(self, index, element):
        WORK["siblings walked"] += max(index, 0)
        super().insert(index, element)

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            WORK["siblings walked"] += index.start or 0
        super().__setitem__(index, value)

    @property
    def text(self):
        return etree.ElementBase.text.__get__(self)

    @text.setter
    def text(self, value):
        WORK["characters written"] += len(value or "")
        etree.ElementBase.text.__set__(self, value)

    @property
    def tail(self):
        return etree.ElementBase.tail.__get__(self)

    @tail.setter
    def tail(self, value):
        WORK["characters written"] += len(value or "")
        etree.ElementBase.tail.__set__(self, value)


@pytest.fixture
def counting_parser(monkeypatch):
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False
    )
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=CountingElement))
    monkeypatch.setattr(clean, "_new_parser", lambda: parser)


def work(markup: str) -> int:
    WORK.clear()
    clean_body(markup)
    return sum(WORK.values())


PARAGRAPH = "Pemerintah Kota Tangerang Selatan menambah 12 armada pengangkut sampah."

# Bodies of n repeated parts, each shape one of the ways cleaning was quadratic.
SHAPES: dict[str, Callable[[int], str]] = {
    # blocks in one container: each loose run's <p> went in at index(block) + 1
    "paragraphs and loose text": lambda n: (
        "<div>" + f"<p>{PARAGRAPH}</p>teks lepas " * n + "</div>"
    ),
    "lines separated by <br>": lambda n: "<div>" + f"{PARAGRAPH}<br>" * n + "</div>",
    # layout wrappers unwrapped one by one, each by its index among its siblings
    "a <div> per paragraph": lambda n: "<div>" + f"<div>{PARAGRAPH}</div>" * n + "</div>",
    "a <span> per word": lambda n: "<p>" + "<span>kata</span> " * n + "</p>",
    # dropped elements whose tails went one after another onto the same text
    "ad slots between text": lambda n: (
        f"<div><p>{PARAGRAPH}</p>" + '<div class="td-a-rec"></div>teks ' * n + "</div>"
    ),
    "empty list items": lambda n: "<ul><li>butir</li>" + "<li></li>\n" * n + "</ul>",
    "emptied lists": lambda n: f"<div><p>{PARAGRAPH}</p>" + "<ul><li></li></ul>\n" * n + "</div>",
    "hopeless lazy images": lambda n: (
        f"<div><p>{PARAGRAPH}</p>" + '<img src="/blank.gif">teks ' * n + "</div>"
    ),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_cleaning_work_grows_linearly_with_the_body(counting_parser, shape):
    make = SHAPES[shape]
    small, large = work(make(2000)), work(make(8000))
    assert small > 0
    assert large <= 5 * small, f"{shape}: {small} → {large} for 4× the body"


def test_dropped_elements_leave_one_text_between_the_kept_ones():
    """lxml reads a run of adjacent text nodes by adding each to the ones before it, quadratic
    in the run: the texts after dropped siblings are joined into one, never left side by side."""
    root = clean._parse(SHAPES["ad slots between text"](2000))
    clean._prune_and_survey(root, Counter())
    assert root.xpath("count(//text()[preceding-sibling::node()[1][self::text()]])") == 0
    assert len(root.xpath("//text()")) == 2  # the paragraph's and the run of "teks " after it


def test_the_counting_parser_sees_the_cleaning(counting_parser):
    """The measure above counts what cleaning does (else every shape would pass by zero)."""
    assert work(SHAPES["a <span> per word"](10)) > 0
    assert clean_body("<div><p>a</p>b<br>c</div>").text == "a\n\nb\n\nc"


def test_a_class_repeated_many_times_is_matched_once_per_distinct_class(counting_parser):
    tested: Counter[int] = Counter()
    selectors = clean._DOM_SELECTORS.by_class["td-a-rec"]
    original = type(selectors[0]).matches

    def counting(self, *args):
        tested[id(self)] += 1
        return original(self, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(type(selectors[0]), "matches", counting)
        clean_body('<div class="' + "td-a-rec " * 5000 + '"><p>iklan</p></div><p>teks</p>')
    assert tested and max(tested.values()) == 1


def test_no_garbage_collection_runs_while_a_body_is_cleaned():
    """Cleaning holds a proxy for many elements of a large body, and full collections walk them
    all each time (their cost grows with the body): the collector is paused while it cleans,
    and left as it was found."""
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    body = "<div>" + f"<p>{PARAGRAPH}</p><span>kata</span> teks " * 2000 + "</div>"
    threshold = gc.get_threshold()
    gc.set_threshold(10)  # a young collection every 10 new objects: hundreds, unpaused
    gc.callbacks.append(count)
    try:
        clean_body(body)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    assert collections == []
    assert gc.isenabled()
    gc.disable()
    try:
        clean_body(body)
        assert not gc.isenabled()
    finally:
        gc.enable()


# Bodies whose pieces (clean.PIECE_CHARS) must clean to what the whole body gives: loose text
# and inline elements up to a block, a dropped block between texts, a link list under its
# heading, a heading that goes only if links follow it, a link list's thumbnails, the body's
# start (header, excerpt), a closing credit, a lazy image with its <noscript> copy, each
# wherever a piece may end.
PIECE_BOUNDARIES = {
    "loose text and dropped blocks": "<div>"
    + f'<p>{PARAGRAPH}</p>teks <b>lepas</b> <div class="td-a-rec">iklan</div>lagi ' * 50
    + "</div>",
    "link lists under their heading": "<div>"
    + ("<h3>Berita Terkait</h3>" + '<p><a href="/a/">Judul berita lain</a></p>' * 5) * 30
    + "</div>",
    "headings that go only if links follow, thumbnails between links": "<div>"
    + (
        "<h3>Video terkait banjir</h3>"
        '<p><a href="/v/">Banjir setinggi lutut di Ciputat</a></p><p><img src="/t.jpg"></p>'
        '<p><a href="/w/">Warga mengungsi ke masjid</a></p>'
        f"<h3>Dampak terkait banjir</h3><p>{PARAGRAPH}</p>"
    )
    * 30
    + "</div>",
    "the body's start: its header down to the headline, an excerpt": "<div>"
    + "<p>Kamis, 07 Desember 2023 14:30 WIB</p><p>Tangerang Selatan</p><h1>Judul Berita</h1>"
    + f"<p>{PARAGRAPH[:60]}...</p>"
    + f"<p>{PARAGRAPH}</p>" * 40
    + "</div>",
    "a credit closing the last text, empty blocks after it": "<div>"
    + f"<p>{PARAGRAPH}</p>" * 40
    + "<p>Ia berharap kasus ini segera tuntas. (Tribunnews.com/Reza Deni)</p>"
    + "<p>&nbsp;</p>" * 20
    + "</div>",
    "lazy images": "<div>"
    + (
        f'<p>{PARAGRAPH}</p><a href="/f/"><img src="data:image/gif;base64,R0l"></a>'
        '<noscript><img src="/f.jpg"></noscript>'
    )
    * 40
    + "</div>",
}


@pytest.mark.parametrize("shape", PIECE_BOUNDARIES)
def test_a_body_cleaned_in_pieces_is_the_body_cleaned_whole(monkeypatch, shape):
    body = PIECE_BOUNDARIES[shape]
    whole = clean_body(body)
    pieces: list[object] = []
    cut = clean._pieces
    monkeypatch.setattr(clean, "PIECE_CHARS", 200)
    monkeypatch.setattr(clean, "_pieces", lambda *args: (pieces.append(p) or p for p in cut(*args)))
    assert clean_body(body) == whole
    assert len(pieces) > 10  # it was cut


# Each of these failed by backtracking: a pattern with two \s* in a row tried every way of
# sharing the spaces between them, 2^n ways for n words before the text fails to match.
BACKTRACKING_TRAPS = {
    "share-bar words, then one that is not": "<p>" + "Facebook " * 200 + "dan seterusnya</p>",
    "spaces after a sentence before a label": (
        "<p>Benar." + " " * 400_000 + 'Baca juga x <a href="/a/">judul</a></p>'
    ),
    "spaces after a label before a link": (
        "<p>Baca juga" + " " * 400_000 + 'x <a href="/a/">judul</a></p>'
    ),
    # quadratic, not exponential, but past the timeout at this size: tried from each space
    "spaces before a paragraph's closing parenthesis": "<p>a" + " " * 400_000 + "b)</p>",
}


@pytest.mark.parametrize("trap", BACKTRACKING_TRAPS)
def test_no_text_pattern_backtracks_exponentially(trap):
    """Cleaned in a process of its own: before the fix it never ended (2^200 tries), and the
    timeout is only there to turn that hang into a failure."""
    script = "import sys; from crawler.cleaning import clean_body; clean_body(sys.stdin.read())"
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=BACKTRACKING_TRAPS[trap],
        text=True,
        timeout=120,
        check=False,
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
