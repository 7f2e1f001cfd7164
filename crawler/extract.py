"""Generic readers of what every news page may carry: the text of a selector's match, counters,
the visible lines of a block. Its structured data (JSON-LD, microdata, <meta>) is read in
crawler/structured.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from crawler.cleaning.clean import BLOCK_LEVEL_TAGS


def text_of(found: Any) -> str:
    """The text of a selector match: a string as it is, an element's text nodes joined."""
    return found if isinstance(found, str) else " ".join(found.itertext())


_DIGITS = re.compile(r"\d[\d.,]*")


def parse_count(text: str | None) -> int | None:
    """A counter as the theme prints it ("205", "1.234", "1,2K" is not used by tagDiv) -> int."""
    if not text:
        return None
    match = _DIGITS.search(text)
    if not match:
        return None
    # Indonesian sites group thousands with "." ("1.234 dilihat").
    return int(re.sub(r"[.,]", "", match.group()))


# Elements whose text is never shown.
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})


def visible_lines(root: etree._Element) -> list[str]:
    """The visible text of an element as a reader sees it, one line per block (block-level
    elements and <br> end a line), whitespace collapsed, empty lines left out: where credit
    lines ("Reporter : <name>", its label in a <strong>) are read as the reader reads them."""
    return list(iter_visible_lines(root))


def iter_visible_lines(root: etree._Element) -> Iterator[str]:
    """visible_lines, read from the element as they are asked for."""
    lines: list[str] = []  # ended, not handed out yet
    current: list[str] = []

    def end_line() -> None:
        line = " ".join(" ".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    hidden = 0
    # a comment or a processing instruction is one event, for its tail: the text after it
    # ("<div><!-- date -->Jumat, 17 February 2017, 13:16 WIB</div>": Republika)
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _HIDDEN_TAGS:
                hidden += 1
            if hidden:
                continue
            if tag in BLOCK_LEVEL_TAGS or tag == "br":
                end_line()
            if element.text and tag:
                current.append(element.text)
            continue
        if tag in _HIDDEN_TAGS:
            hidden -= 1
        elif not hidden and tag in BLOCK_LEVEL_TAGS:
            end_line()
        if not hidden and element.tail and element is not root:
            current.append(element.tail)
        if lines:
            yield from lines
            lines.clear()
    end_line()
    yield from lines


class LinesAsNeeded:
    """Lines read from their source only as far as their readers go: most stop a few lines
    past a page's headline, and reading a page's whole text cost most where pages are largest
    (an 8 MB page's tree no longer fits the CPU's caches). Iterated, or sliced from 0 on."""

    def __init__(self, source: Iterator[str]) -> None:
        self._source = source
        self._read: list[str] = []

    def _read_up_to(self, count: int) -> None:
        while len(self._read) < count:
            line = next(self._source, None)
            if line is None:
                return
            self._read.append(line)

    def __iter__(self) -> Iterator[str]:
        index = 0
        while True:
            self._read_up_to(index + 1)
            if index == len(self._read):
                return
            yield self._read[index]
            index += 1

    def __getitem__(self, lines: slice) -> list[str]:
        if (
            not isinstance(lines, slice)
            or (lines.start or 0) < 0
            or lines.stop is None
            or lines.stop < 0
        ):
            raise TypeError("LinesAsNeeded takes slices with a stop, bounds from 0 on")
        self._read_up_to(lines.stop)
        return self._read[lines]
