"""Apply the boilerplate rules of `rules.py` to an article body: markup in, clean body out.

One parse with lxml, then:
1. lazy images get their real src (from data-* attributes or the noscript copy);
2. one walk over the tree drops what DOM rules match (with everything inside, counted once:
   embedded social posts among them), strips attributes, turns WordPress and Blogger captions
   into figure/figcaption and notes the layout wrappers; text sitting directly in a wrapper
   then goes into a <p> of its own, so every piece of text belongs to a block;
3. at the body's start, an excerpt above the paragraph it was cut from goes, and so does the
   page's header (short lines, then the <h1> headline); text rules drop blocks whose whole
   text is boilerplate (and the link lists under the headings they match), ending rules
   captions that close with a credit (not the body's last text), "Baca juga" + link is cut out
   of otherwise real paragraphs and the desk's initials off their end;
4. layout wrappers (div, span, section, ...) are unwrapped and the rest is serialised.
A large body goes through steps 1-4 in pieces of its container's children (PIECE_CHARS), each
small enough for its tree to stay in the CPU's caches through all of them.

Plain lxml.etree elements, not lxml.html's: lxml.html looks up a Python element class for every
element it hands out, about a tenth of the whole cleaning time.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import wraps
from typing import ParamSpec, TypeVar

from cssselect import HTMLTranslator
from cssselect import parse as parse_css
from cssselect.parser import Attrib as CssAttrib
from cssselect.parser import Class as CssClass
from cssselect.parser import Element as CssElement
from cssselect.parser import Hash as CssHash
from cssselect.parser import Relation as CssRelation
from lxml import etree
from w3lib.html import replace_entities

from crawler.cleaning.rules import (
    DOM_RULES,
    EMBEDDED_POST_CLASSES,
    ENDING_RULES,
    FIGCAPTION_CLASSES,
    FIGURE_CLASSES,
    HEADER_LINE_MAX_CHARS,
    HEADER_LINES_ABOVE_HEADLINE,
    LAZY_IMAGE_ATTRIBUTES,
    PLACEHOLDER_IMAGE_SRC,
    RELATED_LINK_LABEL,
    TEXT_RULES,
    TRAILING_EDITOR_INITIALS,
    DomRule,
    EndingRule,
    TextRule,
)
from crawler.text import valid_text

Element = etree._Element

KEPT_ATTRIBUTES = frozenset({"href", "src", "alt", "title", "colspan", "rowspan"})

# Blocks whose text is the body's text, one paragraph each (unless they hold other blocks).
TEXT_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd")
# Elements that start a new block: text around them belongs to separate paragraphs.
BLOCK_LEVEL_TAGS = frozenset(
    {
        *TEXT_BLOCK_TAGS,
        "div", "section", "article", "main", "header", "footer", "aside", "nav", "address",
        "center", "details", "summary", "fieldset", "form", "ul", "ol", "dl", "table", "thead",
        "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "hr", "body",
    }
)  # fmt: skip
# Layout wrappers: kept while cleaning (text directly inside them becomes a <p>), then unwrapped.
CONTAINER_TAGS = frozenset(
    {"body", "div", "section", "article", "main", "header", "footer", "address", "center",
     "details", "summary", "fieldset"}
)  # fmt: skip
# Text blocks that may also hold blocks (a <li> with a nested list, a <blockquote> of <p>s).
MIXED_BLOCK_TAGS = frozenset({"li", "blockquote", "dd", "td", "th"})
# Text blocks that hold only inline content in valid markup.
LEAF_BLOCK_TAGS = frozenset(TEXT_BLOCK_TAGS) - MIXED_BLOCK_TAGS
# What the cleaned markup keeps; any other element is unwrapped, its content kept.
KEPT_TAGS = frozenset(
    {
        *TEXT_BLOCK_TAGS,
        "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
        "figure", "figcaption", "img", "hr", "br", "a", "strong", "b", "em", "i", "u", "sup",
        "sub", "code", "small", "mark", "q", "cite", "abbr", "s", "del", "ins",
    }
)  # fmt: skip
EMPHASIS_TAGS = frozenset({"strong", "b", "em", "i", "u", "span"})
# The rows and cells of a layout table that holds a captioned image (Blogger's), unwrapped.
_TABLE_PARTS = ("thead", "tbody", "tfoot", "tr", "td", "th")
# Parents that go when their last child goes (never a table cell: that would shift columns).
EMPTY_WHEN_CHILDLESS_TAGS = frozenset({"ul", "ol", "dl", "li", "blockquote", "dd", *EMPHASIS_TAGS})

# An excerpt of the body above it (_drop_leading_excerpt): among the first blocks, at least
# this long without its ellipsis.
EXCERPT_WITHIN_BLOCKS = 4
EXCERPT_MIN_CHARS = 40
_ELLIPSIS_AT_END = re.compile(r"\s*(?:\.{3}|…)$")

# A paragraph whose text is mostly link text, as in the list under "Berita Terkait:".
LINK_LIST_MIN_SHARE = 0.6

# str.split() already splits on NBSP and the other Unicode spaces; zero-width characters are
# not spaces to it, so they are deleted first.
ZERO_WIDTH_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH_CHARACTERS}]")
_UNICODE_SPACE = re.compile("[\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ODD_CHARACTER = re.compile(f"[\u1680\u2000-\u200a\u202f\u205f\u3000{ZERO_WIDTH_CHARACTERS}]")

# The tag given to the elements the cleaned markup does without, to strip them all at once: a
# name no kept tag has (any element named so in a page would be unwrapped anyway).
_UNWRAP = "x-unwrap"
# A body of more markup is cleaned in pieces of about this much, one after the other: every step
# walks its tree, and a piece's tree (a few MB in libxml2) stays in the CPU's caches through all
# of them, where the tree of a body of 8 MB (50 MB) was fetched from memory again by each walk.
PIECE_CHARS = 256 * 1024
# The first piece holds at least this many of the container's kept blocks: the steps that read
# the body's start (its excerpt, its header) look that far.
BODY_START_BLOCKS = max(EXCERPT_WITHIN_BLOCKS, HEADER_LINES_ABOVE_HEADLINE) + 1
# The tag given to what DOM rules drop, to strip it all at once: in upper case, which the HTML
# parser gives no element of a page (it lowercases every tag), so nothing else goes with it.
_DROP = "X-DROP"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_TRANSLATOR = HTMLTranslator()
_STRING_VALUE = etree.XPath("string()", smart_strings=False)
_PLACEHOLDER_SRC = re.compile(PLACEHOLDER_IMAGE_SRC, re.I)
_CAPTION_PROBE = re.compile("|".join(map(re.escape, sorted(FIGURE_CLASSES | FIGCAPTION_CLASSES))))
# The label right before a link, at the start of a sentence or of its own element. Spaces are
# taken atomically: two \s* in a row could share a run of n spaces n ways, at every sentence.
_LABEL_BEFORE_LINK = re.compile(
    rf"(?:^|(?<=[.!?\"”’)\]]))(?P<lead>(?>\s*[*»>•\-]*\s*))"
    rf"(?P<label>{RELATED_LINK_LABEL}\s*+:?)\s*+$",
    re.I,
)
_LABEL_ONLY = re.compile(rf"[*»>•\-\s]*{RELATED_LINK_LABEL}\s*:?\s*", re.I)
# Searched in lowercased text: a case-insensitive search costs twice as much per paragraph.
_RELATED_HINT = re.compile(RELATED_LINK_LABEL)
_LINK_SEPARATOR = re.compile(r"[\s,|/•]*")
_LEADING_PUNCTUATION = re.compile(r"^\s*[.,;]?")


@dataclass(frozen=True)
class CleanedBody:
    """An article body after boilerplate removal."""

    html: str  # cleaned markup: the article's own blocks, no attributes but a few
    text: str  # paragraphs and subheadings in order, joined by blank lines
    removed: dict[str, int] = field(default_factory=dict)  # rule name -> things it removed


def clean_text(value: str | None) -> str | None:
    """Normalise an inline string (title, caption, author): entities, spaces, NFC, valid
    Unicode (an entity such as "&#xD800;" decodes to a lone surrogate)."""
    if value is None:
        return None
    text = valid_text(_collapse(replace_entities(value)))
    return unicodedata.normalize("NFC", text) or None


_Params = ParamSpec("_Params")
_Result = TypeVar("_Result")


def _without_cyclic_gc(function: Callable[_Params, _Result]) -> Callable[_Params, _Result]:
    """Run `function` with Python's cyclic garbage collector paused.

    Cleaning holds a proxy object for tens of thousands of elements of a large body (the
    wrappers to unwrap, the text blocks): they survive the young collections, and their number
    sets off full collections, each of which walks every object of the process, these proxies
    included (20-50 ms each at 2-8 MB in bench.pagesize, none below 2 MB). They form no cycles
    and go by reference counting when cleaning returns: the collector has nothing to find here.
    Process-wide for the pause (large bodies are cleaned in a worker thread): other threads'
    cycles wait for the next collection; the collector is enabled again only if it was on.
    """

    @wraps(function)
    def paused(*args: _Params.args, **kwargs: _Params.kwargs) -> _Result:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused


@_without_cyclic_gc
def clean_body(raw_html: str) -> CleanedBody:
    """Remove boilerplate from the raw markup of an article's content container(s)."""
    root = _parse(raw_html)
    if root is None:
        return CleanedBody(html="", text="", removed={})
    removed: Counter[str] = Counter()
    html: list[str] = []
    texts: list[str] = []
    # A piece waits to be serialised while a block of it may still go: a heading whose link
    # list, or images whose next link, are in the piece after it (_TextRuleWalk.pending).
    waiting: list[tuple[Element, _Layout]] = []
    walk = _TextRuleWalk(removed)
    # Each piece is split off just before it is cleaned: moving its children walks them, and
    # they stay in the caches for the steps after (split all first, the first pieces' trees
    # were out of them again by their turn).
    for index, (piece, is_last) in enumerate(_pieces(root, len(raw_html))):
        _resolve_lazy_images(piece)
        layout = _prune_and_survey(piece, removed)
        for element in layout.loose_text_holders:
            _wrap_loose_text(element)
        blocks = _text_blocks(piece, layout.holds_blocks)
        if index == 0:  # where the body starts
            blocks = _drop_page_header(_drop_leading_excerpt(blocks, removed), removed)
        texts += walk.read(blocks, ends_body=is_last)
        waiting.append((piece, layout))
        if not walk.pending:
            html += [_serialise(each, its_layout.unwrap) for each, its_layout in waiting]
            waiting.clear()
    text = unicodedata.normalize("NFC", "\n\n".join(texts))
    return CleanedBody(html="".join(html), text=text, removed=dict(removed))


def _pieces(root: Element, markup_chars: int) -> Iterator[tuple[Element, bool]]:
    """The body as bodies to clean one after the other (PIECE_CHARS), each with whether it is
    the last: itself, or, when it is one layout container of more markup, copies of that
    container that share its children out in order (each child moved with the text after it).

    A piece ends only right before a child that is a block and that no DOM rule drops: the
    children of a container up to the next such block are the run wrapped into one paragraph
    (_wrap_loose_text), and no lazy image's <noscript> copy is a block. Nor does anything else
    look beyond a child of the container but the text rules, which carry on from one piece to
    the next, and the steps that read the body's start, which the first piece holds whole
    (BODY_START_BLOCKS): the pieces clean to what the whole body would.
    """
    container = root[0] if len(root) == 1 else None
    if (
        markup_chars <= PIECE_CHARS
        or container is None
        or container.tag not in CONTAINER_TAGS
        or root.keys()  # markup of a whole page: its <body> with attributes stays in the html
        or (root.text or "").strip()
        or (container.tail or "").strip()
        or _CAPTION_PROBE.search(container.get("class") or "")  # a caption: a figure kept
        or _rule_for(container) is not None
    ):
        yield root, True
        return
    per_piece = max(1, len(container) * PIECE_CHARS // markup_chars)
    piece, count = _new_piece(container), 0
    piece[0].text = container.text
    kept_blocks = 0  # seen so far: the first piece ends only past BODY_START_BLOCKS of them
    # lxml's iterator has found the next child before it hands one out: moving it is safe, and
    # so is cleaning the piece yielded meanwhile, which touches none of the children left
    for child in container:
        kept_block = child.tag in BLOCK_LEVEL_TAGS and _rule_for(child) is None
        if kept_block and count >= per_piece and kept_blocks >= BODY_START_BLOCKS:
            yield piece, False
            piece, count = _new_piece(container), 0
        piece[0].append(child)
        count += 1
        kept_blocks += kept_block
    yield piece, True


def _new_piece(container: Element) -> Element:
    """A <body> holding a copy of `container` without its content."""
    body = container.makeelement("body", {})
    body.append(container.makeelement(container.tag, dict(container.attrib)))
    return body


def _rule_for(element: Element) -> str | None:
    return _DOM_SELECTORS.rule_for(element, element.get("class") or "", element.get("id") or "")


# --- embedded posts


def drop_embedded_posts(root: Element) -> int:
    """Remove the social posts embedded in `root` with their networks' embed codes
    (EMBEDDED_POST_CLASSES), with what they quote; returns how many. The fallback extractor
    calls it on the page before trafilatura reads it: trafilatura keeps a tweet's
    <blockquote> as a quotation of the article, without the class that tells it apart. (The
    cleaning drops them by the DOM rule "embed", built from the same classes.)"""
    posts = [
        quote
        for quote in root.iter("blockquote")
        if not EMBEDDED_POST_CLASSES.isdisjoint((quote.get("class") or "").split())
    ]
    inside = set(posts)
    outermost = [post for post in posts if inside.isdisjoint(post.iterancestors())]
    for post in outermost:
        _drop_tree(post)  # the text after it stays; one inside another goes with the outer
    return len(outermost)


# --- DOM rules, compiled into a matcher that costs a dict lookup for most elements


@dataclass(frozen=True)
class _Selector:
    """One compound selector of a DOM rule, tested in Python against an element's tag, id and
    classes: an XPath per selector and element costs ~50x more on a 30 KB page."""

    rule: str
    order: int  # position of the rule: when two rules match an element, the first one names it
    tag: str | None
    element_id: str | None
    classes: frozenset[str]
    class_contains: tuple[str, ...]
    id_contains: tuple[str, ...]
    relation: etree.XPath | None  # a :has() test, evaluated only when the rest matches

    def matches(
        self, element: Element, classes: frozenset[str], class_attr: str, id_attr: str
    ) -> bool:
        return (
            (self.tag is None or element.tag == self.tag)
            and (self.element_id is None or id_attr == self.element_id)
            and self.classes <= classes
            and all(part in class_attr for part in self.class_contains)
            and all(part in id_attr for part in self.id_contains)
            and (self.relation is None or bool(self.relation(element)))
        )


@dataclass(frozen=True)
class _SelectorIndex:
    """Selectors grouped by the cheap key an element must have for them to match.

    Most elements match nothing: a dict lookup and a regex over the class (or id) attribute
    rule them out before any set is built or selector tested.
    """

    by_tag: dict[str, tuple[str, int]]  # bare tag name -> (rule, order): no further test
    by_tag_with_children: dict[str, tuple[_Selector, ...]]  # tag:has(...)
    by_class: dict[str, tuple[_Selector, ...]]
    by_id: dict[str, tuple[_Selector, ...]]
    by_class_substring: tuple[_Selector, ...]  # [class*=..]
    by_id_substring: tuple[_Selector, ...]  # [id*=..]
    class_probe: re.Pattern[str]  # any class some selector needs
    class_substring_probe: re.Pattern[str]
    id_probe: re.Pattern[str]  # any id or id substring some selector needs

    def rule_for(self, element: Element, class_attr: str, id_attr: str) -> str | None:
        """The name of the first rule that matches the element, if any."""
        by_tag = self.by_tag.get(element.tag)
        candidates: tuple[_Selector, ...] = ()
        if len(element):  # :has() needs children; most elements it could apply to have none
            candidates = self.by_tag_with_children.get(element.tag, ())
        classes: frozenset[str] | None = None
        if class_attr:
            if self.class_probe.search(class_attr):
                # each class once: a class attribute repeating one class 100,000 times would
                # test the same selectors 100,000 times
                classes = frozenset(class_attr.split())
                for token in classes:
                    candidates += self.by_class.get(token, ())
            if self.class_substring_probe.search(class_attr):
                candidates += self.by_class_substring
        if id_attr and self.id_probe.search(id_attr):
            candidates += self.by_id.get(id_attr, ()) + self.by_id_substring
        if not candidates:
            return by_tag[0] if by_tag else None
        if classes is None:
            classes = frozenset(class_attr.split())
        matching = [
            (s.order, s.rule)
            for s in candidates
            if s.matches(element, classes, class_attr, id_attr)
        ]
        if by_tag:
            matching.append((by_tag[1], by_tag[0]))
        return min(matching)[1] if matching else None


def _compile_selector(rule: DomRule, order: int, css: str) -> _Selector:
    """Compile a compound selector (tag, #id, .class, [class*=..], [id*=..], :has())."""
    element_id = relation = None
    classes: set[str] = set()
    class_contains: list[str] = []
    id_contains: list[str] = []
    node = parse_css(css)[0].parsed_tree
    while not isinstance(node, CssElement):
        if isinstance(node, CssClass):
            classes.add(node.class_name)
        elif isinstance(node, CssHash):
            element_id = node.id
        elif isinstance(node, CssAttrib) and node.operator == "*=" and node.attrib == "class":
            class_contains.append(node.value.value)
        elif isinstance(node, CssAttrib) and node.operator == "*=" and node.attrib == "id":
            id_contains.append(node.value.value)
        elif isinstance(node, CssRelation):
            relation = etree.XPath(f"boolean({_TRANSLATOR.css_to_xpath(css, prefix='self::')})")
        else:
            raise ValueError(f"DOM rule {rule.name!r}: unsupported selector {css!r}")
        node = node.selector
    tag = node.element.lower() if node.element not in (None, "*") else None
    return _Selector(
        rule.name, order, tag, element_id, frozenset(classes), tuple(class_contains),
        tuple(id_contains), relation,
    )  # fmt: skip


def _index_selectors(rules: Iterable[DomRule]) -> _SelectorIndex:
    by_tag: dict[str, tuple[str, int]] = {}
    by_tag_with_children: dict[str, list[_Selector]] = {}
    by_class: dict[str, list[_Selector]] = {}
    by_id: dict[str, list[_Selector]] = {}
    by_class_substring: list[_Selector] = []
    by_id_substring: list[_Selector] = []
    for order, rule in enumerate(rules):
        for css in rule.selectors:
            selector = _compile_selector(rule, order, css)
            if selector.classes:
                by_class.setdefault(min(selector.classes), []).append(selector)
            elif selector.element_id:
                by_id.setdefault(selector.element_id, []).append(selector)
            elif selector.class_contains:
                by_class_substring.append(selector)
            elif selector.id_contains:
                by_id_substring.append(selector)
            elif selector.tag and selector.relation:
                by_tag_with_children.setdefault(selector.tag, []).append(selector)
            elif selector.tag:
                by_tag.setdefault(selector.tag, (rule.name, order))
            else:
                raise ValueError(f"DOM rule {rule.name!r}: selector {css!r} matches everything")
    class_substrings = [part for s in by_class_substring for part in s.class_contains]
    id_parts = [*by_id, *(part for s in by_id_substring for part in s.id_contains)]
    return _SelectorIndex(
        by_tag=by_tag,
        by_tag_with_children={k: tuple(v) for k, v in by_tag_with_children.items()},
        by_class={k: tuple(v) for k, v in by_class.items()},
        by_id={k: tuple(v) for k, v in by_id.items()},
        by_class_substring=tuple(by_class_substring),
        by_id_substring=tuple(by_id_substring),
        class_probe=_any_of(by_class),
        class_substring_probe=_any_of(class_substrings),
        id_probe=_any_of(id_parts),
    )


def _any_of(parts: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(set(parts)))) or "(?!)")


@dataclass(frozen=True)
class _CompiledTextRules:
    pattern: re.Pattern[str]  # one named group per rule, matched against a whole block
    heads_link_list: frozenset[str]  # rules whose block is the heading of a link list
    heads_link_list_only: frozenset[str]  # ... and which drop it only when links follow


def _compile_text_rules(rules: Iterable[TextRule]) -> _CompiledTextRules:
    rules = tuple(rules)
    groups = "|".join(f"(?P<{rule.name}>{'|'.join(rule.patterns)})" for rule in rules)
    only = frozenset(rule.name for rule in rules if rule.needs_following_links)
    heads = frozenset(rule.name for rule in rules if rule.drops_following_links) | only
    return _CompiledTextRules(re.compile(groups, re.I | re.S), heads, only)


def _compile_ending_rules(
    rules: Iterable[EndingRule],
) -> tuple[tuple[EndingRule, re.Pattern[str]], ...]:
    return tuple(
        (rule, re.compile(f"(?:{'|'.join(rule.patterns)})\\Z", re.I | re.S)) for rule in rules
    )


def _ending_rule(text: str) -> str | None:
    """The name of the first ending rule whose pattern ends the text, if any (ENDING_RULES)."""
    for rule, pattern in _ENDING_RULES:
        if len(text) <= rule.max_chars and pattern.search(text, len(text) - rule.tail_chars):
            return rule.name
    return None


_DOM_SELECTORS = _index_selectors(DOM_RULES)
_TEXT_RULES = _compile_text_rules(TEXT_RULES)
_ENDING_RULES = _compile_ending_rules(ENDING_RULES)
_TRAILING_INITIALS = re.compile(TRAILING_EDITOR_INITIALS)


# --- parsing and the walk over the tree


def _parse(raw_html: str) -> Element | None:
    if not raw_html or not raw_html.strip():
        return None
    # the markup is already decoded: a declaration of another encoding must not apply
    markup = _XML_DECLARATION.sub("", raw_html, count=1)
    document = etree.fromstring(markup.encode("utf-8", "replace"), _new_parser())
    return document.find("body") if document is not None else None


def _new_parser() -> etree.HTMLParser:
    """A parser of its own for each body (making one takes under a microsecond): lxml's FAQ
    wants one per thread, and large bodies are cleaned in a worker thread while others are
    cleaned on the reactor's (crawler/pipelines.py). Parsed from UTF-8 bytes: libxml2 reads a
    Python str as UCS-4, a fifth slower. No id index (collect_ids): no rule looks elements up
    by id()."""
    return etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False
    )


def _resolve_lazy_images(root: Element) -> None:
    """Give every image its real URL; a stand-in src is replaced, a hopeless image dropped."""
    hopeless: list[Element] = []
    for img in list(root.iter("img")):
        if not _PLACEHOLDER_SRC.search(img.get("src", "")) or _is_inside(img, "noscript"):
            continue
        real = next((img.get(a) for a in LAZY_IMAGE_ATTRIBUTES if img.get(a)), None)
        real = real or _noscript_image_src(img)
        if real:
            img.set("src", real.strip())
        else:
            hopeless.append(img)
    _drop_trees(hopeless)


def _noscript_image_src(img: Element) -> str | None:
    """The src of the <img> in a <noscript> right after the lazy image (or its link)."""
    for anchor in (img, img.getparent()):
        sibling = anchor.getnext() if anchor is not None else None
        if sibling is not None and sibling.tag == "noscript":
            copy = sibling.find(".//img")
            if copy is not None and copy.get("src"):
                return copy.get("src")
    return None


@dataclass(frozen=True)
class _Layout:
    """What the walk over the tree found out, for the steps after it."""

    holds_blocks: set[Element]  # elements with a block-level child
    loose_text_holders: list[Element]  # wrappers whose direct text needs a <p>
    unwrap: list[Element]  # elements the cleaned markup does without


def _prune_and_survey(root: Element, removed: Counter[str]) -> _Layout:
    """Drop what DOM rules match and prepare the rest, in one walk over the tree.

    A matched element goes whole: nothing inside it is looked at, and it counts once. It is
    renamed in the walk and all go at its end in one strip_elements, in C, which frees each one
    at once. Removed one by one from Python, each stayed alive while referenced, so lxml walked
    its subtree to detach it and again to free it later: on a page of megabytes, long after it
    had left the CPU's caches (the walk's time per MB that grew most with the page). The text
    after it joins the text before it in the walk, a run of dropped siblings' texts at once:
    left to strip_elements, each would stay a text node of its own, and lxml reads a run of
    adjacent text nodes by adding one to the next, quadratic in a run of thousands.
    """
    holds_blocks: set[Element] = set()
    containers = [root]
    unwrap: list[Element] = []
    pending = [root]
    while pending:
        parent = pending.pop()
        kept: Element | None = None  # the last child kept
        tails: list[str] = []  # the text after each child dropped since then
        for element in parent:
            class_attr = element.get("class") or ""
            rule = _DOM_SELECTORS.rule_for(element, class_attr, element.get("id") or "")
            if rule is not None:
                removed[rule] += 1
                if element.tail:
                    tails.append(element.tail)
                    element.tail = None
                element.tag = _DROP  # no reference kept: freed with its subtree when stripped
                continue
            if tails:
                _append_text_after(parent, kept, "".join(tails))
                tails = []
            kept = element
            tag = _retag(element, class_attr)
            # keys(), not attrib: iterating an element gives its children, attrib builds a proxy
            for name in element.keys():  # noqa: SIM118
                if name not in KEPT_ATTRIBUTES:
                    del element.attrib[name]
            if tag in BLOCK_LEVEL_TAGS:
                holds_blocks.add(parent)
            elif tag == "br":
                # the text of a block ignores <br>; the newline keeps "a<br>b" two words
                element.tail = "\n" + (element.tail or "")
            if tag in CONTAINER_TAGS or tag in MIXED_BLOCK_TAGS:
                containers.append(element)
            if tag not in KEPT_TAGS or (tag == "a" and not element.get("href")):
                unwrap.append(element)
            if len(element):
                pending.append(element)
        if tails:
            _append_text_after(parent, kept, "".join(tails))
    etree.strip_elements(root, _DROP, with_tail=False)  # their tails are joined above
    for element in holds_blocks:
        if element.tag not in BLOCK_LEVEL_TAGS or element.tag in LEAF_BLOCK_TAGS:
            # <p>, <span> or <a> around a block is layout (tag soup, the IRP box): a wrapper
            # like a <div>, so its own text gets a paragraph and the block's is not repeated
            element.tag = "div"
            containers.append(element)
            unwrap.append(element)
    holders = [e for e in containers if e.tag in CONTAINER_TAGS or e in holds_blocks]
    return _Layout(holds_blocks, holders, unwrap)


def _retag(element: Element, class_attr: str) -> str:
    if class_attr and _CAPTION_PROBE.search(class_attr):
        tokens = set(class_attr.split())
        if tokens & FIGCAPTION_CLASSES:
            element.tag = "figcaption"
        elif tokens & FIGURE_CLASSES:
            if element.tag == "table":
                # a layout table (Blogger's): its rows and cells become wrappers of the
                # figure, and the caption cell its figcaption when the walk reaches it
                for part in element.iter(_TABLE_PARTS):
                    part.tag = "div"
            element.tag = "figure"
    return element.tag


def _wrap_loose_text(container: Element) -> None:
    """Put each run of text and inline elements between blocks into a <p> of its own.

    A <br> directly in a container separates paragraphs ("text<br><br>text" layouts). Each
    paragraph goes in right before the block that ends its run, never at a position: finding
    the n-th child walks the children, which made a body of thousands of blocks quadratic.
    """
    run: list[Element] = []
    lead = container.text
    container.text = None
    # Not over a list of the children: lxml's iterator has found the next child before it
    # hands one out, and the loop only changes what comes before it (a <br> removed is the
    # child in hand). A list walked the children once more, out of cache on a large body.
    for child in container:
        if child.tag in BLOCK_LEVEL_TAGS or child.tag == "br":
            _flush_run(container, child, lead, run)
            run = []
            lead = child.tail
            child.tail = None
            if child.tag == "br":
                container.remove(child)
        else:
            run.append(child)
    _flush_run(container, None, lead, run)


def _flush_run(
    container: Element, before: Element | None, lead: str | None, run: list[Element]
) -> None:
    """Wrap `lead` text and `run` elements into a <p> right before `before` (None: at the end)."""
    if not run and not (lead and lead.strip()):
        return
    paragraph = container.makeelement("p", {})
    paragraph.text = lead
    for child in run:
        paragraph.append(child)  # moves it, tail included
    if before is None:
        container.append(paragraph)
    else:
        before.addprevious(paragraph)


def _text_blocks(root: Element, holds_blocks: set[Element]) -> list[Element]:
    """The elements whose text is a paragraph of the body, in document order, captions' left
    out: in one walk over the tree (each walk over a large body waits for memory again)."""
    blocks: list[Element] = []
    caption = None  # the last caption met: the elements right after it may be inside it
    for element in root.iter(*TEXT_BLOCK_TAGS, "figcaption"):
        if caption is not None:
            if any(each is caption for each in element.iterancestors("figcaption")):
                continue
            caption = None  # past its end, in document order: nothing later is inside it
        if element.tag == "figcaption":
            caption = element
        elif element not in holds_blocks:
            blocks.append(element)
    return blocks


# --- the excerpt


def _drop_leading_excerpt(blocks: list[Element], removed: Counter[str]) -> list[Element]:
    """Drop a summary that opens the body cut off with an ellipsis, when the paragraph it was
    cut from follows (Blogger templates print the post's excerpt, p.post-excerpt, above its
    body: "Selamat pagi sobat tekno, ... sebuah media online terpercaya sebagai ..."). Only
    among the first blocks, and only a copy of a later block's start: a paragraph that merely
    ends with "..." is kept."""
    opening = [_block_text(block) for block in blocks[: EXCERPT_WITHIN_BLOCKS + 1]]
    for index, text in enumerate(opening[:-1]):
        cut = _ELLIPSIS_AT_END.search(text)
        start = text[: cut.start()] if cut else ""
        if len(start) >= EXCERPT_MIN_CHARS and any(
            later.startswith(start) for later in opening[index + 1 :]
        ):
            removed["excerpt"] += 1
            _drop_with_emptied_ancestors([blocks[index]])
            return blocks[:index] + blocks[index + 1 :]
    return blocks


# --- text rules


class _TextRuleWalk:
    """The text rules' walk over a body's blocks, in order, a piece of the body at a time
    (_pieces): what a block means may depend on the blocks before it (a link list goes on
    after its heading) or after it (a heading without a colon goes only if links follow it,
    TextRule.needs_following_links; a credit closing a block goes, as a caption's, only if
    text follows it), across a piece's end too."""

    def __init__(self, removed: Counter[str]) -> None:
        self.removed = removed
        self.link_list_rule: str | None = None  # the rule whose link list goes on
        self.heading: _Pending | None = None  # goes if a link-only block comes next
        # A block its end credits (EndingRule) goes if a block of text comes next: a credit
        # closing the body's last paragraph is the article's ("... tuntas. (Tribunnews.com/Reza
        # Deni)"), and a body may end in empty blocks (WordPress's <p>&nbsp;</p>).
        self.credited: _Pending | None = None
        self.images: list[Element] = []  # image-only blocks after a link list's heading or item

    @property
    def pending(self) -> bool:
        """Whether a block already read may still go, on what the next blocks are."""
        return self.heading is not None or self.credited is not None or bool(self.images)

    def read(self, blocks: list[Element], ends_body: bool) -> list[str]:
        """Drop the boilerplate among `blocks`; return the texts of the blocks that stay, in
        order (with a heading of earlier blocks' that turned out the article's own).

        The blocks go together at the end: no block's text depends on another block's removal
        (a block holding blocks is not a text block), and removing them one by one would append
        each one's tail to the same growing string, quadratic in a run of thousands.
        """
        removed = self.removed
        link_list_rule, heading, images = self.link_list_rule, self.heading, self.images
        credited = self.credited
        texts: list[str] = []
        doomed: list[Element] = []
        for block in blocks:
            text = _block_text(block)
            if not text:
                if not _has_image(block):
                    doomed.append(block)
                elif link_list_rule or heading:
                    images.append(block)
                continue
            if credited is not None:  # text after it: the credit was a caption's
                removed[credited.rule] += 1
                doomed.append(credited.block)
                credited = None
            if heading is not None:
                if _is_link_list_item(block, text):
                    removed[heading.rule] += 1
                    doomed.append(heading.block)
                    link_list_rule = heading.rule
                else:
                    texts.append(heading.text)
                    images.clear()  # under the article's own subheading: the article's
                heading = None
            match = _TEXT_RULES.pattern.fullmatch(text)
            rule = (match.lastgroup or "") if match else None
            if rule is None and (ending := _ending_rule(text)):
                credited = _Pending(block, text, ending)
                images.clear()
                link_list_rule = None
                continue
            if rule in _TEXT_RULES.heads_link_list_only:
                if not (link_list_rule and _is_link_list_item(block, text)):
                    images.clear()
                    heading = _Pending(block, text, rule or "")
                    continue
            elif rule is not None:
                removed[rule] += 1
                doomed.append(block)
                images.clear()
                link_list_rule = rule if rule in _TEXT_RULES.heads_link_list else None
                continue
            if link_list_rule and _is_link_list_item(block, text):
                # the images met since the list's last link were its thumbnails: another link
                # follows them (after the last link, an image may be the article's next photo)
                removed[link_list_rule] += 1 + len(images)
                doomed.append(block)
                doomed.extend(images)
                images.clear()
                continue
            link_list_rule = None
            images.clear()
            if text.endswith(")") and _cut_trailing_initials(block):
                removed["editor_initials"] += 1
                text = _block_text(block)
            if _mentions_related_label(text) and _cut_related_links(block):
                removed["related_link"] += 1
                cut = _block_text(block)
                # cut from its end, the teaser may go on in bare links, as under a heading
                link_list_rule = "related_link" if text.startswith(cut) else None
                text = cut
                if not text and not _has_image(block):
                    doomed.append(block)
                    continue
            if text:
                texts.append(text)
        if ends_body:  # no block after these: each one waiting for the next is the article's
            texts += [pending.text for pending in (heading, credited) if pending is not None]
            heading = credited = None
            images.clear()  # after the body's last link: the article's own pictures
        _drop_with_emptied_ancestors(doomed)
        self.link_list_rule, self.heading, self.credited = link_list_rule, heading, credited
        return texts


def _drop_page_header(blocks: list[Element], removed: Counter[str]) -> list[Element]:
    """Drop the page's header a body starts with: up to its <h1> headline, if all above the
    headline are short lines (HEADER_LINES_ABOVE_HEADLINE); return the blocks left."""
    for index, block in enumerate(blocks[: HEADER_LINES_ABOVE_HEADLINE + 1]):
        if block.tag == "h1":
            removed["headline"] += index + 1
            _drop_with_emptied_ancestors(blocks[: index + 1])
            return blocks[index + 1 :]
        if len(_block_text(block)) > HEADER_LINE_MAX_CHARS:
            break
    return blocks


@dataclass(frozen=True)
class _Pending:
    """A block whose fate the blocks after it decide (_TextRuleWalk): a heading of a link list
    only if links follow it, a caption only if text follows its credit."""

    block: Element
    text: str
    rule: str


def _cut_trailing_initials(block: Element) -> bool:
    """Cut the desk's initials off the end of a paragraph's last text (TRAILING_EDITOR_INITIALS):
    the block's own text, or the tail of its last child."""
    last = block[-1] if len(block) else None
    holder, attribute = (last, "tail") if last is not None else (block, "text")
    text = getattr(holder, attribute) or ""
    cut = _TRAILING_INITIALS.sub("", text)
    if cut == text:
        return False
    setattr(holder, attribute, cut)
    return True


def _mentions_related_label(text: str) -> bool:
    lowered = text.lower()  # cheap tests first: "juga" is a common word, the label is not
    return (
        "juga" in lowered
        or "pula" in lowered
        or "baca" in lowered
        or "also" in lowered
        or "read" in lowered
        or "related" in lowered
    ) and _RELATED_HINT.search(lowered) is not None


def _is_link_list_item(block: Element, text: str) -> bool:
    link_text = sum(len(_block_text(a)) for a in block.iter("a"))
    return link_text >= LINK_LIST_MIN_SHARE * len(text)


def _cut_related_links(block: Element) -> bool:
    """Cut "Baca juga: <a>title</a>" out of a real paragraph, keeping the rest of it."""
    cut = False
    for link in list(block.iter("a")):
        if link.getparent() is not None and _drop_label_before(link):
            _drop_link_run(link)
            cut = True
    return cut


def _drop_label_before(link: Element) -> bool:
    """Remove the related-link label right before `link`, if there is one."""
    previous = link.getprevious()
    owner = link.getparent() if previous is None else previous
    before = (owner.text if previous is None else previous.tail) or ""
    found = _LABEL_BEFORE_LINK.search(before)
    if found and _is_label(found.group("label")):
        if previous is None:
            owner.text = before[: found.start("lead")]
        else:
            owner.tail = before[: found.start("lead")]
        return True
    if previous is not None and not before.strip() and previous.tag in EMPHASIS_TAGS:
        label = _STRING_VALUE(previous)
        if _LABEL_ONLY.fullmatch(label) and _is_label(label.strip()):
            _drop_tree(previous)
            return True
    return False


def _is_label(label: str) -> bool:
    # "baca juga" inside a sentence is prose; a label has a colon or starts a sentence.
    stripped = label.lstrip("*»>•- \t\n\u00a0")
    return ":" in stripped or stripped[:1].isupper()


def _drop_link_run(link: Element) -> None:
    """Drop `link` and links right after it ("<a>A</a>, <a>B</a>"), then an emptied wrapper."""
    links = [link]
    following = link.getnext()
    while following is not None and following.tag == "a":
        if not _LINK_SEPARATOR.fullmatch(links[-1].tail or ""):
            break
        links.append(following)
        following = following.getnext()
    for earlier in links[:-1]:
        earlier.tail = None
    last = links[-1]
    last.tail = _LEADING_PUNCTUATION.sub(" ", last.tail or "", count=1)
    wrapper = link.getparent()
    for each in links:
        _drop_tree(each)
    if wrapper is not None and wrapper.tag in EMPHASIS_TAGS and not _block_text(wrapper):
        _drop_tree(wrapper)


# --- small tree helpers


def _block_text(element: Element) -> str:
    return _collapse(_STRING_VALUE(element))


def _collapse(text: str) -> str:
    # spelled out: membership tests cost a fraction of a regex pass over every paragraph
    if (
        "\u200b" in text
        or "\ufeff" in text
        or "\u200c" in text
        or "\u200d" in text
        or "\u2060" in text
    ):
        text = _ZERO_WIDTH.sub("", text)
    return " ".join(text.split())


def _has_image(element: Element) -> bool:
    return next(element.iter("img"), None) is not None


def _is_inside(element: Element, tag: str) -> bool:
    return next(element.iterancestors(tag), None) is not None


def _drop_with_emptied_ancestors(elements: list[Element]) -> None:
    """Remove elements and then every ancestor they leave empty (a list without items),
    level by level: each level's removals go together (_drop_trees)."""
    while elements:
        parents = dict.fromkeys(e.getparent() for e in elements if e.getparent() is not None)
        _drop_trees(elements)
        elements = [
            parent
            for parent in parents
            if parent.tag in EMPTY_WHEN_CHILDLESS_TAGS
            and len(parent) == 0
            and not (parent.text or "").strip()
            and parent.getparent() is not None
        ]


def _drop_trees(elements: list[Element]) -> None:
    """Remove elements (none inside another) with their content; the text after each stays.

    Siblings next to each other go as one run whose tails are joined once: removing them one by
    one appends each tail to the same text before them, copying it again every time.
    """
    doomed = set(elements)  # lxml hands out the same proxy while one is referenced: identity
    for element in elements:
        parent = element.getparent()
        if parent is None or element.getprevious() in doomed:
            continue  # gone with the run of an earlier sibling, or goes with its run below
        run = [element]
        following = element.getnext()
        while following is not None and following in doomed:
            run.append(following)
            following = following.getnext()
        _append_text_before(element, "".join(each.tail or "" for each in run))
        for each in run:
            parent.remove(each)


def _drop_tree(element: Element) -> None:
    """Remove an element with its content; the text after it stays."""
    parent = element.getparent()
    if parent is None:
        return
    _append_text_before(element, element.tail)
    parent.remove(element)


def _append_text_after(parent: Element, child: Element | None, text: str) -> None:
    """Append text to `child`'s tail, or to the parent's own text if `child` is None."""
    if child is None:
        parent.text = (parent.text or "") + text
    else:
        child.tail = (child.tail or "") + text


def _append_text_before(element: Element, text: str | None) -> None:
    """Append text to whatever precedes `element`: its previous sibling's tail or parent's text."""
    if text:
        _append_text_after(element.getparent(), element.getprevious(), text)


def _serialise(root: Element, unwrap: list[Element]) -> str:
    # Unwrapped in one pass of lxml's strip_tags, in C: splicing each element out in Python
    # looks up its index among its siblings, quadratic in a paragraph of thousands of spans.
    for element in unwrap:
        element.tag = _UNWRAP  # harmless on what was dropped as boilerplate meanwhile
    etree.strip_tags(root, _UNWRAP)
    root.text = None
    for child in root:
        child.tail = "\n"
    html = etree.tostring(root, encoding="unicode", method="html")
    # one slice, not removeprefix() then removesuffix(): each copies a body of megabytes
    start = len("<body>") if html.startswith("<body>") else 0
    end = -len("</body>") if html.endswith("</body>") else len(html)
    html = html[start:end].replace("\u00a0", " ")
    if _ODD_CHARACTER.search(html):
        html = _ZERO_WIDTH.sub("", _UNICODE_SPACE.sub(" ", html))
    return unicodedata.normalize("NFC", html.replace("&nbsp;", " "))
