"""Generic readers of what every news page may carry: the text of a selector's match, counters,
the visible lines of a block. Its structured data (JSON-LD, microdata, <meta>) is read in
crawler/structured.py."""

from __future__ import annotations

import re
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
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = " ".join(" ".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    hidden = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
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
    end_line()
    return lines
