"""Generic readers of structured metadata that every news page may carry: JSON-LD (Yoast's
@graph included), <meta> tags and microdata. Theme profiles use them before visible text."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree

from crawler.cleaning.clean import BLOCK_LEVEL_TAGS

logger = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle"})


def jsonld_nodes(root: etree._Element) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, with Yoast's @graph flattened into the list."""
    nodes: list[dict[str, Any]] = []
    for script in root.iter("script"):  # lxml filters by tag in C: no XPath walk
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        raw = script.text
        try:
            data = json.loads(raw)
        except ValueError:
            # Plugins emit broken JSON-LD often enough (trailing commas, raw newlines); the
            # page's other metadata still works, so this is worth a debug line, not an error.
            logger.debug("unparseable JSON-LD block skipped")
            continue
        nodes.extend(_flatten(data))
    return nodes


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for entry in data:
            yield from _flatten(entry)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        else:
            yield data


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", ())
    return {kind} if isinstance(kind, str) else set(kind)


def jsonld_article(nodes: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The page's Article/NewsArticle node, or an empty dict."""
    for node in nodes:
        if _types(node) & ARTICLE_TYPES:
            return node
    return {}


def jsonld_names(value: Any, nodes: Iterable[dict[str, Any]] = ()) -> list[str]:
    """Names from a JSON-LD person/thing reference: a string, an object, a list of them, or an
    {"@id": ...} pointer into the graph (Yoast points the article's author at a Person node)."""
    by_id = {node.get("@id"): node for node in nodes if node.get("@id")}
    values = value if isinstance(value, list) else [value]
    names = []
    for entry in values:
        if isinstance(entry, dict) and "name" not in entry and entry.get("@id") in by_id:
            entry = by_id[entry["@id"]]
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def text_of(found: Any) -> str:
    """The text of a selector match: a string as it is, an element's text nodes joined."""
    return found if isinstance(found, str) else " ".join(found.itertext())


def meta_index(root: Any) -> dict[str, str]:
    """Every <meta> of the page by its property=/name=/itemprop= key (first one wins), read in
    one pass instead of three XPath scans per lookup."""
    index: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = meta.get(attribute)
            if key:
                index.setdefault(key.strip(), content)
    return index


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
