"""The fallback extractor, for pages no theme profile knows (or whose profile finds no body):
trafilatura finds the main text; metadata comes from the page's structured data first (JSON-LD,
<meta>, as every profile reads it), trafilatura's metadata last.

trafilatura alone keeps what an editor typed into the text ("BACA JUGA: ..." paragraphs,
"Ikuti berita ... di Google News" promos, "Editor: ..." credits): its output is raw body
markup like any profile's, and the cleaning pipeline applies the same rules to it.

trafilatura keeps LRU caches (its own, htmldate's, courlan's) that grow over a long crawl; the
spider that uses this parser calls `release_caches` every FALLBACK_RESET_CACHES_EVERY pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

import lxml.html
import trafilatura
from lxml.html import HtmlElement
from parsel import Selector
from trafilatura.meta import reset_caches

from crawler.bylines import person_names, strip_writer_label
from crawler.cleaning import clean_text, drop_embedded_posts
from crawler.extract import text_of
from crawler.themes.base import ArticleParser

# Precision over recall: a fallback that drags the sidebar into the body is worse than one
# that misses a paragraph. Links stay, so the cleaning rules can tell a "Baca juga" link list.
TRAFILATURA_OPTIONS = {
    "output_format": "html",
    "with_metadata": True,
    "include_comments": False,
    "favor_precision": True,
    "include_links": True,
    "include_tables": True,
    "include_images": False,
    "include_formatting": True,
}


# Where loose text is wrapped into paragraphs (paragraphs_of_loose_text): containers of blocks;
# a <p> holding a <div> (tag soup) already makes its text a paragraph.
LOOSE_TEXT_CONTAINERS = frozenset({"div", "section", "article", "main", "td", "body"})
# Children that end a run of loose text: blocks, which are paragraphs or containers of their own.
PARAGRAPH_BREAKING_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1",
        "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre", "figure",
        "figcaption", "form", "hr", "center", "address", "details", "fieldset", "iframe",
        "script", "style", "noscript",
    }
)  # fmt: skip
# The article's region (narrow_to_article): paragraph containers are elements whose <p>s of
# at least SUBSTANTIAL_PARAGRAPH_CHARS hold PARAGRAPH_CONTAINER_SHARE of the text the richest
# one's do. What trafilatura reads in the region keeps REGION_MIN_SHARE of its reading of the
# page, or the region is not the article.
SUBSTANTIAL_PARAGRAPH_CHARS = 25
PARAGRAPH_CONTAINER_SHARE = 0.2
REGION_MIN_SHARE = 0.5
# Each block trafilatura took is looked up in the region's text: a page so big that this would
# cost seconds (a hostile page, not an article: ~50 blocks in 5,000 characters is typical)
# keeps the page's reading.
NARROWING_MAX_SEARCH = 50_000_000
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TEXT_BLOCK_TAGS = ("p", *HEADING_TAGS, "li", "blockquote", "pre", "td")
# A body that repeats its headline does so after at most a date line, a kicker, breadcrumbs or
# a sidebar item (drop_up_to_headline): within this many characters of its start (detik puts
# a list of ten dates before it).
HEADLINE_WITHIN_CHARS = 600
# and none of them is a paragraph longer than a date line, a kicker or breadcrumbs are
LONGEST_LINE_BEFORE_HEADLINE = 200
HEADLINE_BLOCK_TAGS = ("p", "div", *HEADING_TAGS, "ul", "ol", "li", "blockquote")


class FallbackParser(ArticleParser):
    # No theme to trust: the <h1> a declared title agrees with, else the declared title
    # without the site's name (ArticleParser.declared_headline), else the article's <h1>.
    title = ("article h1", "main h1")
    # Dates: JSON-LD and <meta>, then the article's first <time> (get_published): a later one
    # may be a related post's.
    published = ()
    published_text = ()
    body = ()
    # WordPress core's wp_link_pages() wrappers, which themes without a profile mostly keep.
    page_links = (".page-links a", ".post-nav-links a")

    @cached_property
    def extracted(self) -> Selector | None:
        """trafilatura's output (an HTML document: metadata in <head>, the text in <body>),
        computed once per page, on the page without its embedded social posts
        (crawler.cleaning.drop_embedded_posts) and with its loose text in paragraphs
        (`paragraphs_of_loose_text`), from the article's region where trafilatura strayed
        beyond it (`narrow_to_article`), and with the body starting after the headline
        (`drop_up_to_headline`)."""
        tree = trafilatura.load_html(self.response.text)
        if tree is None:
            return None
        drop_embedded_posts(tree)
        paragraphs_of_loose_text(tree)
        output = trafilatura.extract(tree, url=self.response.url, **TRAFILATURA_OPTIONS)
        if not output:
            return None
        extracted = Selector(text=output)
        # the headline as get_title reads it, without trafilatura's title (computed here)
        headline = self.declared_headline or self.first(self.title)
        narrow_to_article(extracted.root, tree, headline)
        drop_up_to_headline(extracted.root, headline)
        return extracted

    def extracted_meta(self, name: str) -> str | None:
        if self.extracted is None:
            return None
        return clean_text(self.extracted.xpath(f'//head/meta[@name="{name}"]/@content').get())

    def extracted_list(self, name: str) -> list[str]:
        """A list of trafilatura's metadata (it joins lists with semicolons)."""
        values = (clean_text(value) for value in (self.extracted_meta(name) or "").split(";"))
        return [value for value in values if value]

    def get_title(self) -> str | None:
        return self.declared_headline or self.first(self.title) or self.extracted_meta("title")

    def _published_candidates(self) -> Iterator[Any]:
        yield from super()._published_candidates()
        yield from self.first_time_in_article()
        # trafilatura's date (htmldate's) is a day without the time: the last resort, which
        # the date line then gives its time (ArticleParser.checked_against_date_line).
        yield self.extracted_meta("date")

    def first_time_in_article(self) -> list[str | None]:
        """The datetime attribute and the text of the article's first <time>."""
        # on the page parsed once (self.select): response.css() would parse it a second time
        first = next(iter(self.select("article time") or self.select("main time")), None)
        if first is None:
            return []
        return [first.get("datetime"), clean_text(text_of(first))]

    def get_authors(self) -> list[str]:
        authors = super().get_authors()
        if authors:
            return authors
        # trafilatura's author: what the page's <meta> and bylines gave it, held to the same
        # rules as the structured authors (people, not the site, not an editor)
        names = (
            name
            for entry in self.extracted_list("author")
            for name in person_names(strip_writer_label(entry), self.site_names)
            if not self.is_no_writer(name)
        )
        return list(dict.fromkeys(names))

    def get_category(self) -> str | None:
        return super().get_category() or next(iter(self.extracted_list("categories")), None)

    def get_tags(self) -> list[str]:
        tags = (
            self.select('meta[property="article:tag"]::attr(content)')
            or _keywords(self.jsonld_article.get("keywords"))
            or self.extracted_list("tags")
        )
        cleaned = (clean_text(tag) for tag in tags)
        return list(dict.fromkeys(tag for tag in cleaned if tag))

    def get_body_html(self) -> str | None:
        if self.extracted is None:
            return None
        return "".join(self.extracted.xpath("//body/node()").getall()) or None


def paragraphs_of_loose_text(root: HtmlElement) -> None:
    """Put the text that sits directly in a container beside its blocks into paragraphs of
    its own, in place: each run of text and inline elements between two blocks, or between
    double line breaks ("text<br><br>text").

    Older Indonesian CMS templates write a body that way: kompas (2016) opens with
    `<div><strong>Jakarta, KompasOtomotif</strong> – Tahun depan, ...<br><br>...<p>`,
    KapanLagi with `<b>Kapanlagi.com</b> - Pesona ...<p><p>`, detik with a photo's <div>
    and then `text<br><br>text`. trafilatura reads such text poorly: it drops a lead before
    the first <p>, and splits a run at each inline element, losing the spaces around it
    ("Robot for Footatau"). In paragraphs it reads them like any other.

    A container without blocks is left as it is: it is a paragraph itself (Antara writes
    paragraphs as <div>s, one of them with "<br><br>" inside; <p>s in that one alone would
    make trafilatura take it for the whole body). In a container whose paragraphs are <div>s
    (Blogger's editor) the new paragraphs are <div>s too."""
    containers = {paragraph.getparent() for paragraph in root.iter("p")}
    containers.update(br.getparent() for br in root.iter("br") if _is_paragraph_break(br))
    for container in containers:
        if (
            container is not None
            and container.tag in LOOSE_TEXT_CONTAINERS
            and any(child.tag in PARAGRAPH_BREAKING_TAGS for child in container)
        ):
            _wrap_loose_runs(container)


def _is_paragraph_break(br: HtmlElement) -> bool:
    """Whether a <br> is the first of two in a row (only spaces between them) with text right
    after them: two <br class='clear'> between layout blocks are no break between
    paragraphs."""
    second = br.getnext()
    if second is None or second.tag != "br" or (br.tail or "").strip():
        return False
    if (second.tail or "").strip():
        return True
    following = second.getnext()
    return (
        following is not None
        and following.tag not in PARAGRAPH_BREAKING_TAGS
        and following.tag != "br"
        and bool(following.text_content().strip())
    )


def _wrap_loose_runs(container: HtmlElement) -> None:
    """Wrap each run of loose text and inline elements of `container` that holds text into a
    paragraph; a run ends at a block-level child or a line break (a <br> between paragraphs, or
    before the desk's initials: detik's "...pungkas Nabil.<br><strong>(bgs/rul)</strong>"),
    as the cleaning splits the text of the containers it keeps (crawler/cleaning/clean.py)."""
    tag = "div" if _writes_paragraphs_as_divs(container) else "p"
    lead, run = container.text, []
    container.text = None
    for child in list(container):
        if child.tag in PARAGRAPH_BREAKING_TAGS or child.tag == "br":
            _wrap_run(container, child, lead, run, tag)
            lead, run = child.tail, []
            child.tail = None
        else:
            run.append(child)
    _wrap_run(container, None, lead, run, tag)


def _writes_paragraphs_as_divs(container: HtmlElement) -> bool:
    """Whether a container's paragraphs are <div>s of text and not <p>s (Blogger's editor,
    Antara): <p>s among them would make trafilatura read the <p>s and drop the <div>s."""
    paragraphs = [child for child in container if child.tag in ("p", "div")]
    return not any(child.tag == "p" for child in paragraphs) and (
        sum(len((child.text or "").strip()) >= SUBSTANTIAL_PARAGRAPH_CHARS for child in paragraphs)
        >= 2
    )


def _wrap_run(
    container: HtmlElement,
    before: HtmlElement | None,
    lead: str | None,
    run: list[HtmlElement],
    tag: str,
) -> None:
    """Wrap `lead` and the `run` of elements into a `tag` right before `before` (None: at the
    end). A run without text (spaces between blocks, an image) stays as it is."""
    has_text = bool((lead or "").strip()) or any(
        (element.text_content() + (element.tail or "")).strip() for element in run
    )
    if not has_text:
        return
    paragraph = container.makeelement(tag, {})
    paragraph.text = lead
    for element in run:
        paragraph.append(element)  # moves it, tail included
    if before is None:
        container.append(paragraph)
    else:
        before.addprevious(paragraph)


def narrow_to_article(extracted: HtmlElement, page: HtmlElement, headline: str | None) -> None:
    """Replace trafilatura's body by what it reads in the article's own region of the page,
    when all it took beyond that region are stray paragraphs: each alone in its block and
    above the headline or after the region (a sidebar card's blurb, the summaries in a
    "Berita Lainnya" list, the copyright line), or too short for a paragraph (a teaser's
    date). Media Indonesia's body is a <div class="article"> that trafilatura does not
    recognise: it falls back to every <p> of the page, and to no <h2>.

    The region (`_article_region`) holds the page's paragraph containers; anything else
    trafilatura took outside it -- a paragraph between the headline and the region (a lead
    in a block of its own), a heading amid the article's paragraphs (Elementor puts each
    subheading in a widget of its own), a list, a paragraph among others, more than a minor
    share of the text -- says the region misses part of the article, and the page's reading
    stays. `page` is used up (its body becomes the region)."""
    body = extracted.find("body")
    paragraphs = _paragraphs_by_parent(page)
    region = _article_region(paragraphs)
    if body is None or region is None:
        return
    inside = _squashed(region.text_content())
    taken = [(block.tag, _squashed(block.text_content())) for block in body.iter(TEXT_BLOCK_TAGS)]
    taken = [(tag, text) for tag, text in taken if text]
    if len(taken) * len(inside) > NARROWING_MAX_SEARCH:
        return
    within = [text in inside for _, text in taken]
    if all(within) or not any(within):
        return
    strays = _stray_paragraphs(page, paragraphs, region, headline)
    first_within = within.index(True)
    for index, ((tag, text), is_within) in enumerate(zip(taken, within, strict=True)):
        stray = tag == "p" and (text in strays or len(text) < SUBSTANTIAL_PARAGRAPH_CHARS)
        label = index < first_within and tag in HEADING_TAGS  # a sidebar card's
        if not (is_within or stray or label):
            return
    narrowed = _extracted_body(page, region)
    kept = _squashed(narrowed.text_content()) if narrowed is not None else ""
    if len(kept) < REGION_MIN_SHARE * len(_squashed(body.text_content())):
        return
    body.text = narrowed.text
    for child in list(body):
        body.remove(child)
    body.extend(narrowed)


def _paragraphs_by_parent(page: HtmlElement) -> dict[HtmlElement, list[tuple[str, HtmlElement]]]:
    """The page's substantial <p>s (squashed text, element), by the element they are in."""
    paragraphs: dict[HtmlElement, list[tuple[str, HtmlElement]]] = {}
    for paragraph in page.iter("p"):
        text = _squashed(paragraph.text_content())
        parent = paragraph.getparent()
        if parent is not None and len(text) >= SUBSTANTIAL_PARAGRAPH_CHARS:
            paragraphs.setdefault(parent, []).append((text, paragraph))
    return paragraphs


def _stray_paragraphs(
    page: HtmlElement,
    paragraphs: dict[HtmlElement, list[tuple[str, HtmlElement]]],
    region: HtmlElement,
    headline: str | None,
) -> set[str]:
    """The texts of the <p>s that are the only substantial one in their parent and stand
    above the headline or after the region, in the page's order."""
    order = {element: index for index, element in enumerate(page.iter())}
    wanted = _comparable(headline or "")
    top = next(
        (h for h in page.iter(*HEADING_TAGS) if wanted and _comparable(h.text_content()) == wanted),
        None,
    )
    return {
        text
        for texts in paragraphs.values()
        if len(texts) == 1
        for text, paragraph in texts
        if order[paragraph] > order[region] or (top is not None and order[paragraph] < order[top])
    }


def _article_region(
    paragraphs: dict[HtmlElement, list[tuple[str, HtmlElement]]],
) -> HtmlElement | None:
    """The smallest element that holds every paragraph container of the page: an element
    whose own <p>s hold at least PARAGRAPH_CONTAINER_SHARE of the text the richest one's do
    (the sections of a long article, not a teaser's lone summary). None if that is the whole
    page."""
    scores = {parent: sum(len(text) for text, _ in texts) for parent, texts in paragraphs.items()}
    if not scores:
        return None
    best = max(scores.values())
    containers = [
        parent for parent, score in scores.items() if score >= PARAGRAPH_CONTAINER_SHARE * best
    ]
    region = containers[0]
    for container in containers[1:]:
        ancestry = {container, *container.iterancestors()}
        while region not in ancestry:
            region = region.getparent()
    return None if region.tag in ("html", "body") else region


def _extracted_body(page: HtmlElement, region: HtmlElement) -> HtmlElement | None:
    """trafilatura's body of the page reduced to `region`, in an <article>: trafilatura
    reads that with its main extractor, a bare <div> with its baseline, which keeps <p>s and
    drops subheadings."""
    page_body = page.find("body")
    if page_body is None:
        return None
    for child in list(page_body):
        page_body.remove(child)
    page_body.text = None
    article = page_body.makeelement("article", {})
    article.append(region)
    page_body.append(article)
    output = trafilatura.extract(page, **{**TRAFILATURA_OPTIONS, "with_metadata": False})
    return lxml.html.fromstring(output).find("body") if output else None


def _squashed(text: str) -> str:
    """Text without any whitespace: lxml's text_content() runs blocks together, trafilatura
    separates them, and either may keep a line break inside a paragraph."""
    return "".join(text.split())


def drop_up_to_headline(root: HtmlElement, headline: str | None) -> None:
    """Drop the headline from the start of an extracted body, with what comes before it (a
    kicker, breadcrumbs, the date line, a sidebar item): the body starts after the headline.
    trafilatura keeps the page's headline when it sits in the block it chose (tribunnews's
    <h1>, republika's <p class="h5"> in a header <div>); an article's own text never repeats
    its headline as a block."""
    body = root.find("body")
    if body is None or not headline:
        return
    wanted = _comparable(headline)
    if not 0 <= _comparable(body.text_content()).find(wanted) <= HEADLINE_WITHIN_CHARS:
        return
    for block in body.iter(HEADLINE_BLOCK_TAGS):
        text = _comparable(block.text_content())
        if text == wanted:
            _drop_through(block, body)
            return
        if block.tag in ("p", "li", "blockquote") and len(text) > LONGEST_LINE_BEFORE_HEADLINE:
            return  # a paragraph, maybe the article's own: the headline here is no heading


def _drop_through(element: HtmlElement, top: HtmlElement) -> None:
    """Remove `element` and everything before it inside `top` (the text after it stays)."""
    parent = element.getparent()
    for earlier in list(element.itersiblings(preceding=True)):
        parent.remove(earlier)
    parent.text = element.tail
    parent.remove(element)
    while parent is not top:
        ancestor = parent.getparent()
        for earlier in list(parent.itersiblings(preceding=True)):
            ancestor.remove(earlier)
        ancestor.text = None
        parent = ancestor


def _comparable(text: str) -> str:
    return " ".join(text.split()).casefold()


def _keywords(value: Any) -> list[str]:
    """JSON-LD keywords: a list, or one comma-separated string."""
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, list):
        return [keyword for keyword in value if isinstance(keyword, str)]
    return []


def release_caches() -> None:
    """Empty trafilatura's caches (and collect garbage): memory grows ~1 MB a page without it
    over long runs (trafilatura #216, htmldate #56; its docs' "Memory use" advice)."""
    reset_caches()
