"""What a news page declares about itself: JSON-LD and microdata, read by extruct from the tree
parsed once (crawler/themes/page.py), and the <meta> conventions, in one table.

JSON-LD comes in many shapes: one object, a top-level array, Yoast's `@graph`, the article
nested in a WebPage's `mainEntity`, `@type` as a list (["NewsArticle", "Article"]) or a URL
("http://schema.org/NewsArticle"); authors and publishers as a string, an object with a
"name", a list of them, or an {"@id"} pointer into the graph. `jsonld_nodes` flattens the
containers, `node_types` reads the types, `jsonld_names` the names.

Older portals declare the article in microdata instead (`itemprop=datePublished` on an
`itemscope itemtype=.../NewsArticle`: Antara, Liputan6): `microdata_nodes` gives its items in
JSON-LD's shape, so that every reader of the article node reads both alike.

Broken JSON-LD is common (raw newlines and tabs inside strings, trailing commas, `//` comment
lines around the object): extruct reads those (json with strict=False, then jstyleson); a
block it cannot read is skipped alone, the page's other blocks and metadata still count.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from lxml import etree

if TYPE_CHECKING:
    from extruct.jsonld import JsonLdExtractor
    from extruct.w3cmicrodata import MicrodataExtractor

logger = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "LiveBlogPosting",
    }
)
# Where an object carries the article inside it (a WebPage's "mainEntity": schema.org's
# pattern for a page about one article).
_NESTED_ENTITIES = ("mainEntity", "mainEntityOfPage")

# The <meta> conventions, per field, most specific first; keys are matched case aside
# (`meta_index`): "DC.date.issued" and "dc.date.issued" are both seen.
META_CONVENTIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "published": (
            "article:published_time",  # Open Graph (Yoast, most WordPress SEO plugins)
            "og:article:published_time",  # Merdeka
            "og:published_time",
            "datePublished",  # microdata on a <meta> (itemprop)
            "parsely-pub-date",  # Parse.ly
            "sailthru.date",  # Sailthru
            "DC.date.issued",  # Dublin Core
            "dcterms.issued",
            "dcterms.created",
            "DC.date.created",
            "citation_publication_date",  # Highwire/Google Scholar, also set by some news CMSes
            "pubdate",  # detik, kompas
            "publishdate",
            "publish-date",
        ),
        # A date that says of what only loosely: the publication on Merdeka, but the page's
        # generation time on some CMSes. Read after a theme's own date element.
        "loosely_published": ("DC.date", "date"),
        "modified": (
            "article:modified_time",
            "og:updated_time",
            "dateModified",
            "dcterms.modified",
            "DC.date.modified",
        ),
        # People only: "article:author" is mostly a Facebook profile's URL, which the
        # byline rules drop (crawler/bylines.py: person_names).
        "author": (
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "DC.creator",
            "dcterms.creator",
            "citation_author",
        ),
        "title": ("og:title", "twitter:title", "parsely-title", "sailthru.title", "DC.title"),
        "section": ("article:section", "parsely-section"),
    }
)
# Parse.ly's JSON in one <meta> (its older tag, still on many pages, and the free-form one):
# the keys it defines for the fields.
PARSELY_JSON_KEYS = ("parsely-page", "parsely-metadata")
PARSELY_FIELDS: Mapping[str, str] = MappingProxyType(
    {"published": "pub_date", "author": "authors", "title": "title", "section": "section"}
)
# Twitter's label/data pairs ("twitter:label1" = "Written by", "twitter:data1" = the writer):
# Yoast writes them, in the site's language. Only a writer's label makes the data a name; the
# other pairs are reading times and prices.
TWITTER_WRITER_LABEL = re.compile(
    r"^\s*(?:written\s+by|ditulis\s+oleh|penulis|author|oleh|by)\s*:?\s*$", re.IGNORECASE
)
TWITTER_PAIRS = 4


@cache
def _jsonld_extractor() -> JsonLdExtractor:
    # Imported when the first page is read, not by every command: extruct's package imports
    # all its extractors, rdflib and pyRdfa among them (0.15-0.3 s).
    from extruct.jsonld import JsonLdExtractor

    return JsonLdExtractor()


@cache
def _microdata_extractor() -> MicrodataExtractor:
    from extruct.w3cmicrodata import MicrodataExtractor

    class Microdata(MicrodataExtractor):
        """extruct's microdata reader on the tree parsed once: its text values come from
        lxml.html's Cleaner, which needs lxml.html elements and copies the node; the page's
        tree is a plain lxml one (crawler/themes/page.py), and a property's text is all that
        is wanted."""

        def _extract_textContent(self, node: etree._Element) -> str:  # noqa: N802 - extruct's
            return " ".join(" ".join(self._xp_clean_text(node)).split())

        # extruct numbers every item of the whole page before reading a scope (its ids only
        # tell items already read apart): per scope, a walk of the page, quadratic in a page
        # of many scopes. Numbered as met instead.
        def _build_itemids(self, document: etree._Element) -> dict[etree._Element, int]:
            return {}

        def get_docid(self, node: etree._Element, itemids: dict[etree._Element, int]) -> int:
            return itemids.setdefault(node, len(itemids) + 1)

    return Microdata()


# Every type in ARTICLE_TYPES has one of these in its name.
_ARTICLE_SCOPES = etree.XPath(
    "//*[@itemscope][contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')]"
)


def jsonld_nodes(root: etree._Element) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, containers flattened (see the module docstring)."""
    nodes: list[dict[str, Any]] = []
    for script in root.iter("script"):  # lxml filters by tag in C: no XPath walk of the page
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            items = _jsonld_extractor().extract_items(script)
        except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
            # Past what extruct repairs; the page's other metadata still works, so this is worth
            # a debug line, not an error.
            logger.debug("unparseable JSON-LD block skipped")
            continue
        nodes.extend(_flatten(items))
    return nodes


def microdata_nodes(root: etree._Element, base_url: str | None = None) -> list[dict[str, Any]]:
    """The microdata items in and under the page's article-typed scopes, in JSON-LD's shape
    ("@type" and the properties; nested items as nested objects), containers flattened as for
    JSON-LD. extruct reads the outermost article scopes only, not the whole page: a tagDiv page
    marks up its header, menus and footer too, and reading them all cost several times more."""
    items: list[Any] = []
    read: set[etree._Element] = set()
    for scope in _ARTICLE_SCOPES(root):
        if any(ancestor in read for ancestor in scope.iterancestors()):
            continue  # read with the scope it is in
        read.add(scope)
        items += _microdata_extractor().extract_items(scope, base_url)
    return list(_flatten([_from_microdata(item) for item in items]))


def _from_microdata(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    node: dict[str, Any] = {}
    if item.get("type"):
        node["@type"] = item["type"]
    if item.get("id"):
        node["@id"] = item["id"]
    properties = item.get("properties")
    if properties:
        for name, value in properties.items():
            node[name] = (
                [_from_microdata(entry) for entry in value]
                if isinstance(value, list)
                else _from_microdata(value)
            )
    elif isinstance(item.get("value"), str):
        # an item without properties is named by its text: <span itemprop="author" itemscope
        # itemtype=".../Person">Adrianus Mandey</span>
        node["name"] = item["value"]
    return node


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for entry in data:
            yield from _flatten(entry)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten(data["@graph"])
            return
        yield data
        for key in _NESTED_ENTITIES:
            nested = data.get(key)
            if isinstance(nested, dict | list):
                yield from _flatten(nested)


def node_types(node: dict[str, Any]) -> set[str]:
    """The schema.org types of a node, by their short names ("NewsArticle" for
    "http://schema.org/NewsArticle" and "schema:NewsArticle")."""
    kind = node.get("@type") or ()
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    return {re.split(r"[/#:]", entry)[-1] for entry in kinds if isinstance(entry, str)}


def article_node(nodes: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The page's Article/NewsArticle node, or an empty dict."""
    return next((node for node in nodes if node_types(node) & ARTICLE_TYPES), {})


def microdata_article(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """The article among microdata items: the only one, or the one that holds the body. Pages
    that mark each teaser of a list as a NewsArticle give several, and a teaser has no body;
    without one of them telling itself apart, none is taken."""
    articles = [node for node in nodes if node_types(node) & ARTICLE_TYPES]
    if len(articles) == 1:
        return articles[0]
    with_body = [node for node in articles if node.get("articleBody")]
    return with_body[0] if len(with_body) == 1 else {}


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
        if isinstance(name, list):  # a microdata item with its name given twice
            name = next((part for part in name if isinstance(part, str)), None)
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def meta_index(root: etree._Element) -> dict[str, str]:
    """Every <meta> of the page by its property=/name=/itemprop= key, case aside (first one
    wins), read in one pass instead of three XPath scans per lookup."""
    index: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = meta.get(attribute)
            if key:
                index.setdefault(key.strip().casefold(), content)
    return index


def meta_values(metas: Mapping[str, str], field: str) -> list[str]:
    """The values the page's <meta> conventions give a field (a key of META_CONVENTIONS), most
    specific first: each convention's tag, then Parse.ly's JSON, then, for the author, a
    Twitter data tag whose label names a writer."""
    values = [metas[key.casefold()] for key in META_CONVENTIONS[field] if key.casefold() in metas]
    values += _parsely_values(metas, field)
    if field == "author":
        values += twitter_writers(metas)
    return values


def _parsely_values(metas: Mapping[str, str], field: str) -> list[str]:
    key = PARSELY_FIELDS.get(field)
    values: list[str] = []
    for name in PARSELY_JSON_KEYS:
        if key is None or name not in metas:
            continue
        try:
            data = json.loads(metas[name])
        except (ValueError, RecursionError):
            continue
        value = data.get(key) if isinstance(data, dict) else None
        entries = value if isinstance(value, list) else [value]
        values += [entry.strip() for entry in entries if isinstance(entry, str) and entry.strip()]
    return values


def twitter_writers(metas: Mapping[str, str]) -> list[str]:
    """The writers Twitter's label/data tags name ("twitter:label1" "Written by",
    "twitter:data1" the name)."""
    return [
        metas[f"twitter:data{number}"]
        for number in range(1, TWITTER_PAIRS + 1)
        if TWITTER_WRITER_LABEL.match(metas.get(f"twitter:label{number}", ""))
        and f"twitter:data{number}" in metas
    ]
