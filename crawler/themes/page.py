"""One article page, parsed once, and the CSS lookups all of a parser's fields share.

Why not parsel's `response.css()`: on a 450-element page every selector that starts from a
class (`.td-post-header h1.entry-title`) is an XPath walk that tests a class predicate on every
element, and a parser asks ~15 of them per page: together several times the cost of parsing
the page (bench/extraction.py). Here a selector is split at its first compound:

- a first compound with classes (`div.td-post-header`, `.tdb_title`) is a *lead*: the page finds
  the elements of every lead its parser declares in one walk (only over the leads' tags when
  they all name one, which lxml filters in C), and the selector is evaluated from each of them
  as an XPath that starts at the element (`self::div[...]/descendant::h1[...]`), over a few
  dozen elements instead of the whole page;
- any other selector (`article ...`, `link[rel=canonical]`) is the usual XPath over the
  document, which is cheap when it starts with a tag.

A selector list ("a, b") gives the matches of each part in turn (not in document order).

The tree is parsed from the response bytes with a plain lxml HTML parser: parsel would decode the
body to str and encode it again first, and lxml.html looks up a Python class for every element
it hands out.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from cssselect import parse as parse_css
from cssselect.parser import Class as CssClass
from cssselect.parser import CombinedSelector, Element
from lxml import etree
from parsel.csstranslator import HTMLTranslator
from scrapy.http import TextResponse

_TRANSLATOR = HTMLTranslator()
# collect_ids=False: libxml2 would otherwise index every id attribute while parsing (~6% of the
# parse), for XPath's id() and getElementById, which no selector here uses.
_UTF8_PARSER = etree.HTMLParser(encoding="utf-8", collect_ids=False)


def parse_page(response: TextResponse) -> etree._Element:
    """The root element of the response's HTML, parsed once from its bytes."""
    body = response.body
    if codecs.lookup(response.encoding).name != "utf-8":
        body = response.text.encode("utf-8")  # decoded by Scrapy's (w3lib's) encoding rules
    if b"\x00" in body:
        body = body.replace(b"\x00", b"")  # libxml2 stops reading at a NUL byte
    root = etree.fromstring(body, _UTF8_PARSER, base_url=response.url) if body.strip() else None
    return root if root is not None else etree.fromstring(b"<html/>", _UTF8_PARSER)


@dataclass(frozen=True)
class Lead:
    """The first compound of a selector, as far as the one-walk index tests it."""

    tag: str | None  # None: any element
    classes: frozenset[str]


@dataclass(frozen=True)
class SelectorPart:
    lead: Lead | None  # None: `xpath` runs over the whole document
    xpath: etree.XPath
    # The rest of the selector looks among the lead's descendants (`.lead x`): a lead element
    # inside another finds nothing the outer one does not, so only the outermost are asked.
    # Asking each of n nested ones walked the same subtree n times.
    among_descendants: bool = False


@lru_cache(maxsize=2048)
def compile_selector(css: str) -> tuple[SelectorPart, ...]:
    """A CSS selector (parsel's ::text and ::attr() included), one part per comma."""
    parts = []
    for selector in parse_css(css):
        lead = _lead_of(selector.parsed_tree)
        prefix = "self::" if lead else "descendant-or-self::"
        xpath = _TRANSLATOR.selector_to_xpath(selector, prefix, translate_pseudo_elements=True)
        among_descendants = lead is not None and _first_combinator(selector.parsed_tree) == " "
        parts.append(SelectorPart(lead, etree.XPath(xpath, smart_strings=False), among_descendants))
    return tuple(parts)


def _first_combinator(tree: Any) -> str | None:
    """The combinator right after a selector's first compound (None: a single compound)."""
    combinator = None
    while isinstance(tree, CombinedSelector):
        combinator, tree = tree.combinator, tree.selector
    return combinator


def _lead_of(tree: Any) -> Lead | None:
    while isinstance(tree, CombinedSelector):
        tree = tree.selector
    classes = set()
    while not isinstance(tree, Element):
        if isinstance(tree, CssClass):
            classes.add(tree.class_name)
        tree = tree.selector  # attribute tests and pseudo-classes stay in the XPath
    if not classes:
        return None
    tag = tree.element.lower() if tree.element not in (None, "*") else None
    return Lead(tag, frozenset(classes))


def leads_of(selectors: Iterable[str]) -> frozenset[Lead]:
    return frozenset(part.lead for css in selectors for part in compile_selector(css) if part.lead)


@dataclass(frozen=True)
class _IndexPlan:
    """How one walk finds the elements of a set of leads: which tags to visit, and which
    leads an element carrying a given class may be."""

    tags: tuple[str, ...] | None  # None: every element
    leads_by_class: dict[str, tuple[Lead, ...]]  # keyed by one class of each lead


@lru_cache(maxsize=256)
def _plan(leads: frozenset[Lead]) -> _IndexPlan:
    leads_by_class: dict[str, list[Lead]] = {}
    for lead in leads:
        leads_by_class.setdefault(min(lead.classes), []).append(lead)
    tags = {lead.tag for lead in leads}
    return _IndexPlan(
        tags=None if None in tags else tuple(sorted(tags)),
        leads_by_class={key: tuple(value) for key, value in leads_by_class.items()},
    )


class Page:
    """A parsed page and the elements of its parser's leads, found in one walk when first
    needed. A lead nobody declared is found by a walk of its own (correct, only slower)."""

    def __init__(self, root: etree._Element, leads: frozenset[Lead] = frozenset()) -> None:
        self.root = root
        self.leads = leads
        self._outermost: dict[Lead, list[etree._Element]] = {}

    @classmethod
    def of(cls, response: TextResponse, leads: frozenset[Lead] = frozenset()) -> Page:
        return cls(parse_page(response), leads)

    def select(self, css: str) -> list[Any]:
        """Matches of a CSS selector: elements, or strings for ::text and ::attr()."""
        parts = compile_selector(css)
        if len(parts) == 1 and parts[0].lead is None:
            return parts[0].xpath(self.root)
        found: list[Any] = []
        for part in parts:
            if part.lead is None:
                found.extend(part.xpath(self.root))
            else:
                for element in self._starts_of(part):
                    found.extend(part.xpath(element))
        return _without_repeated_elements(found)

    def matches(self, css: str) -> bool:
        """Whether anything matches, trying the parts of a selector list in turn."""
        return any(self._part_matches(part) for part in compile_selector(css))

    def _part_matches(self, part: SelectorPart) -> bool:
        if part.lead is None:
            return bool(part.xpath(self.root))
        return any(part.xpath(element) for element in self._starts_of(part))

    def _starts_of(self, part: SelectorPart) -> list[etree._Element]:
        """The lead elements a selector part is evaluated from."""
        assert part.lead is not None
        if not part.among_descendants:
            return self._elements_of(part.lead)
        if part.lead not in self._outermost:
            self._outermost[part.lead] = _outermost(self._elements_of(part.lead))
        return self._outermost[part.lead]

    def _elements_of(self, lead: Lead) -> list[etree._Element]:
        if lead in self._index:
            return self._index[lead]
        self._index.update(_walk(self.root, frozenset({lead})))
        return self._index[lead]

    @cached_property
    def _index(self) -> dict[Lead, list[etree._Element]]:
        return _walk(self.root, self.leads) if self.leads else {}


def _without_repeated_elements(found: list[Any]) -> list[Any]:
    """A lead element nested in another of the same lead (a block inside a block of the same
    class) reaches the same descendants twice: keep each element once, in order. Strings
    (::text, ::attr()) have no identity and are left as they are."""
    if len(found) < 2:
        return found
    seen: set[int] = set()
    kept = []
    for match in found:
        if not isinstance(match, str):
            if id(match) in seen:
                continue
            seen.add(id(match))
        kept.append(match)
    return kept


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    """The elements (in document order) that are not inside another of them. An element after
    an outermost one is either inside it or past its end: only the last one kept is asked."""
    kept: list[etree._Element] = []
    for element in elements:
        if not kept or not any(ancestor is kept[-1] for ancestor in element.iterancestors()):
            kept.append(element)
    return kept


def _walk(root: etree._Element, leads: frozenset[Lead]) -> dict[Lead, list[etree._Element]]:
    plan = _plan(leads)
    found: dict[Lead, list[etree._Element]] = {lead: [] for lead in leads}
    elements = root.iter(*plan.tags) if plan.tags else root.iter(etree.Element)
    # The hot loop of the extraction: a dict lookup per class token rules most elements out
    # (measured cheaper than one regex search of the class attribute).
    for element in elements:
        class_attr = element.get("class")
        if class_attr is None:
            continue
        for name in class_attr.split():
            candidates = plan.leads_by_class.get(name)
            if candidates is None:
                continue
            classes = class_attr.split()
            for lead in candidates:
                if (lead.tag is None or element.tag == lead.tag) and lead.classes.issubset(classes):
                    found[lead].append(element)
    return found
