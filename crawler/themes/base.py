"""The article parser base: one article page in, the item's fields out.

A parser reads one response. Selectors are class attributes (tuples tried in order, first match
wins); each field is a small method that prefers structured sources (JSON-LD, <meta>,
machine-readable attributes) and falls back to visible text last. Theme profiles (tagDiv, ...)
subclass it and only set selectors; a site overrides a selector or a method where its markup
really differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from scrapy.http import TextResponse

from crawler.bylines import (
    Credits,
    is_capitalised_name,
    is_collective_byline,
    person_names,
    read_credit_lines,
    read_credits,
    strip_writer_label,
)
from crawler.cleaning import clean_text
from crawler.dates import WIB, parse_date, printed_dates_with_time, written_wall_time
from crawler.extract import LinesAsNeeded, iter_visible_lines, parse_count, text_of
from crawler.structured import (
    article_node,
    jsonld_names,
    jsonld_nodes,
    meta_index,
    meta_values,
    microdata_article,
    microdata_nodes,
)
from crawler.themes.page import Lead, Page, leads_of
from crawler.titles import (
    agreeing_headline,
    letters_of,
    site_label,
    strip_site_name,
    with_printed_rubric,
)
from crawler.urls import canonical_url, host_of, same_site

Selectors = tuple[str, ...]

# Where the article's date line is printed: above the headline on some sites (Republika,
# detik), below it on most, before the body in both cases.
DATE_LINE_BEFORE_HEADLINE = 300
DATE_LINE_AFTER_HEADLINE = 1500
# Texts (a page's lines) joined at a time while looking for the headline in them (text_around).
TEXT_CHUNK_TEXTS = 64
# Where credit lines are printed: by the headline, or after the body (Kompas's "Penulis"
# comes ~20 lines after the headline, Antara's "Editor" ~12), before the related articles.
CREDIT_LINES_BEFORE_HEADLINE = 3
CREDIT_LINES_AFTER_HEADLINE = 60
# A byline without a writer's label (an unlabelled "<writer> - <site or channel>", a photo
# story's "Fotografer: <name>") comes within this many lines of the headline, or it is no byline.
BYLINE_LINES = 4
# A declared site name holding a title of this many words or more is a title (site_names).
MIN_WORDS_OF_A_TITLE = 3
# Byline markup the web shares: the HTML link type rel=author, schema.org microdata's
# itemprop=author (its itemprop=name, where it is a Person item).
_MARKED_UP_AUTHORS = etree.XPath(
    "//*[contains(concat(' ', normalize-space(@rel), ' '), ' author ')"
    " or contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]"
)
_ITEM_NAME = etree.XPath(".//*[@itemprop='name']")
# "<writers> - <site or channel>" (detik: "Fino Yurio Kristo - detikinet"), or with a comma and
# a date after a bar (CNN Indonesia: "Helmi Firdaus & Rinaldy Sofwan, CNN Indonesia | Kamis,
# 03/09/2015 09:56 WIB").
_SITE_BYLINE = re.compile(
    r"(?P<names>[^\d|:–-]{3,80}?)(?:\s+[-–|]\s+|(?P<comma>,)\s+)(?P<site>[\w.]+(?:\s+[\w.]+){0,2})"
    r"(?:\s+[|·•]\s.*)?"
)

# The class attributes that hold a field's selectors: their leads are indexed in one walk.
SELECTOR_ATTRIBUTES = (
    "title", "subtitle", "published", "published_text", "modified", "authors", "category",
    "tags", "featured_image", "image_caption", "comment_count", "view_count", "body",
    "page_links",
)  # fmt: skip


class ArticleParser:
    # WordPress body classes say what a page is. They come before og:type, which SEO plugins
    # set loosely: BantenNews's home page says og:type=article (AIOSEO).
    article_body_classes = frozenset({"single", "single-post"})
    other_body_classes = frozenset(
        {
            "home",
            "blog",
            "archive",
            "category",
            "tag",
            "author",
            "date",
            "search",
            "page",
            "error404",
        }
    )
    title: Selectors = ("h1.entry-title",)
    subtitle: Selectors = ()
    published: Selectors = ("time.entry-date::attr(datetime)",)  # machine-readable first
    published_text: Selectors = ("time.entry-date::text",)  # visible text, last resort
    modified: Selectors = ()
    authors: Selectors = ()
    category: Selectors = ()
    tags: Selectors = ()
    tag_labels: frozenset[str] = frozenset({"TOPIK", "LABEL", "TAGS", "TAG"})
    featured_image: Selectors = ()
    image_caption: Selectors = ()
    comment_count: Selectors = ()
    view_count: Selectors = ()
    body: Selectors = ("article .entry-content",)
    page_links: Selectors = ()  # anchors of a multi-page article's page navigation
    # A profile with several page templates: (probe CSS, template class) pairs, the first
    # whose probe matches wins, the last (probe None) otherwise. Built by the parser factory
    # (crawler/themes/registry.py), never instantiated directly.
    templates: tuple[tuple[str | None, type[ArticleParser]], ...] = ()
    # A version of a VersionedParser: the last day (in the site's time zone) of the pages it
    # reads; None for the newest (crawler/themes/registry.py).
    valid_until: date | None = None

    def __init__(
        self, response: TextResponse, base_url: str | None = None, page: Page | None = None
    ) -> None:
        if self.templates:
            raise TypeError(
                f"{type(self).__name__} has page templates: build it with "
                "crawler.themes.registry.make_parser or build_parser"
            )
        self.response = response
        self.base_url = base_url or response.url  # the site's address: see crawler/urls.py
        if page is not None:  # parsed already (theme detection): else parsed when first needed
            self.page = page

    # --- structured sources, read once -----------------------------------------------------
    @classmethod
    def leads(cls) -> frozenset[Lead]:
        """The leads of every selector this parser declares (crawler/themes/page.py)."""
        if "_leads" not in cls.__dict__:  # per class: a subclass declares its own selectors
            cls._leads = leads_of(css for name in SELECTOR_ATTRIBUTES for css in getattr(cls, name))
        return cls._leads

    @cached_property
    def page(self) -> Page:
        return Page.of(self.response, self.leads())

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """The page's JSON-LD objects, containers flattened (crawler/structured.py)."""
        return jsonld_nodes(self.root)

    @cached_property
    def jsonld_article(self) -> dict[str, Any]:
        """The page's JSON-LD Article/NewsArticle node, or an empty dict."""
        return article_node(self.jsonld)

    @cached_property
    def microdata_article(self) -> dict[str, Any]:
        """The article the page declares in microdata, in JSON-LD's shape (crawler/structured.py),
        or an empty dict: read after JSON-LD, and for dates after <meta> too, only where they
        lack the field."""
        return microdata_article(microdata_nodes(self.root, self.response.url))

    @cached_property
    def metas(self) -> dict[str, str]:
        """The page's <meta> contents by key, case aside (crawler/structured.py)."""
        return meta_index(self.root)

    def meta(self, *keys: str) -> str | None:
        """The first non-empty <meta> content among property=/name=/itemprop= keys (case
        aside)."""
        return next((self.metas[key] for key in map(str.casefold, keys) if key in self.metas), None)

    def meta_values(self, field: str) -> list[str]:
        """What the <meta> conventions give a field ("published", "loosely_published",
        "modified", "author", "title", "section": crawler.structured.META_CONVENTIONS), most
        specific first."""
        return meta_values(self.metas, field)

    # --- selectors -------------------------------------------------------------------------
    @property
    def root(self) -> etree._Element:
        return self.page.root

    @cached_property
    def head(self) -> etree._Element:
        """The <head>, found among the root's children: a CSS lookup of `head link` would
        walk the whole page to find it."""
        head = self.root.find("head")
        return head if head is not None else self.root

    def head_link(self, rel: str) -> str | None:
        """The href of the first <link rel=...> in the head naming `rel`."""
        for link in self.head.iter("link"):
            if rel in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
                return link.get("href").strip()
        return None

    @cached_property
    def _base_href(self) -> str:
        base = self.head.find("base")
        href = (base.get("href") or "").strip() if base is not None else ""
        return urljoin(self.response.url, href) if href else self.response.url

    def urljoin(self, url: str) -> str:
        """A link of the page made absolute, as a browser does (<base href> first); read from
        the parsed page, where response.urljoin would decode the whole body again."""
        return urljoin(self._base_href, url)

    def select(self, css: str) -> list[Any]:
        """Matches of a CSS selector (parsel's ::text and ::attr() included): elements, or
        strings for the pseudo-elements."""
        return self.page.select(css)

    def first(self, selectors: Selectors) -> str | None:
        """The first non-empty text among the selectors (all text of the first match)."""
        for css in selectors:
            for found in self.select(css):
                text = clean_text(text_of(found))
                if text:
                    return text
        return None

    def all(self, selectors: Selectors) -> list[str]:
        """Texts of every match of the first selector that matches anything."""
        for css in selectors:
            found = self.select(css)
            if found:
                texts = (clean_text(text_of(match)) for match in found)
                return [text for text in texts if text]
        return []

    # --- fields ----------------------------------------------------------------------------
    def is_article(self) -> bool:
        body = self.root.find("body")
        body_classes = set((body.get("class", "") if body is not None else "").split())
        if body_classes & self.article_body_classes:
            return True
        if body_classes & self.other_body_classes:
            return False
        # Outside WordPress no body class says it: the page's own declaration does. But not on
        # the home page, which SEO set-ups often declare an article too, or carry the JSON-LD
        # NewsArticle of the lead story.
        if self.is_home_page():
            return False
        og_type = (self.meta("og:type") or "").strip().lower()  # okezone: "Article"
        # older portal templates declare it in microdata only (itemtype=".../NewsArticle"); a
        # listing marking every teaser so declares none of them the page's (microdata_article)
        return og_type == "article" or bool(self.jsonld_article) or bool(self.microdata_article)

    def is_home_page(self) -> bool:
        """Whether the page is the site's home page: at the path of the site's address, or at
        the root when the parser was not told the address (then base_url is the page's own)."""
        site_url = self.base_url if self.base_url != self.response.url else "/"
        home = urlsplit(site_url).path.rstrip("/")
        return urlsplit(self.response.url).path.rstrip("/") == home

    def canonical_url(self) -> str:
        canonical = self.head_link("canonical")
        url = self.urljoin(canonical) if canonical else self.response.url
        # A canonical link to another site (a syndicated copy) is not this article's address here.
        if not same_site(host_of(url), host_of(self.base_url)):
            url = self.response.url
        return canonical_url(url, self.base_url)

    def get_title(self) -> str | None:
        return self.first(self.title) or self.declared_headline

    def declared_titles(self) -> list[str]:
        """The titles the page declares for itself, most specific first."""
        titles = (
            self.jsonld_article.get("headline"),
            next(iter(self.meta_values("title")), None),
            next((text_of(title) for title in self.head.iter("title")), None),
        )
        cleaned = (clean_text(title) if isinstance(title, str) else None for title in titles)
        return [title for title in cleaned if title]

    @cached_property
    def declared_headline(self) -> str | None:
        """The page's <h1> that a declared title agrees with, else the first declared title
        without the site's name, as the page prints it with a rubric before it where it does
        (crawler/titles.py)."""
        declared = self.declared_titles()
        headlines = (clean_text(text_of(h1)) or "" for h1 in self.root.iter("h1"))
        # an <h1> may carry the site's name too (Okezone prints the <title> in one)
        agreeing = agreeing_headline(headlines, declared)
        if agreeing:
            return strip_site_name(agreeing, self.site_names)
        if not declared:
            return None
        headline = strip_site_name(declared[0], self.site_names)
        return with_printed_rubric(headline, self.body_lines) or headline

    @cached_property
    def site_names(self) -> frozenset[str]:
        """What the site calls itself (og:site_name, application-name, the JSON-LD
        publisher) and its host's name ("kompas" for bola.kompas.com): never a title's or an
        author's part. A declared name that holds the page's own title is a <title> copied
        into it (Okezone's og:site_name "Ahok Dukung Jokowi ... :: Okezone News"), no name:
        else any name in the headline would be taken for the site's."""
        publisher = jsonld_names(self.jsonld_article.get("publisher"), self.jsonld)
        declared = {self.meta("og:site_name"), self.meta("application-name"), *publisher}
        titles = [
            letters_of(title)
            for title in (self.jsonld_article.get("headline"), self.meta("og:title"))
            if isinstance(title, str) and len(title.split()) >= MIN_WORDS_OF_A_TITLE
        ]
        names = {
            name
            for name in declared
            if name and not any(title in letters_of(name) for title in titles)
        }
        names.add(site_label(host_of(self.response.url)))
        return frozenset(name for name in names if name)

    def get_subtitle(self) -> str | None:
        return self.first(self.subtitle)

    def get_published(self) -> tuple[datetime | None, str | None]:
        """(aware UTC datetime, the raw string it came from), best source first, checked
        against the page's visible date line (`checked_against_date_line`)."""
        published, raw = self._first_date(self._published_candidates())
        return self.checked_against_date_line(published, raw)

    def checked_against_date_line(
        self, published: datetime | None, raw: str | None
    ) -> tuple[datetime | None, str | None]:
        """The visible date line's time where it is the better reading of the same moment:
        where the structured date is a day without a time (midnight, Jakarta time) and the
        line shows that day with its time, or where the structured date writes the line's
        wall time with another offset (detik writes WIB wall time with a "Z"). A line of
        another day is a sidebar's, never the article's."""
        if published is None or raw is None:
            # no structured date: the date line is the one source (Liputan6's malformed
            # itemprop=datePublished)
            shown = next(iter(self.date_line_times), None)
            return (shown, shown.isoformat()) if shown else (published, raw)
        if any(_minute(shown) == _minute(published) for shown in self.date_line_times):
            return published, raw  # the same moment, to the second where the line has minutes
        local = published.astimezone(WIB)
        written = written_wall_time(raw)
        first = next(iter(self.date_line_times), None)
        if (
            first is not None
            and raw.strip().endswith("Z")
            and first.astimezone(WIB).date() == local.date()
            and _minute(first) != _minute(published)
        ):
            # "Z" written by a site that thinks in WIB (detik: "2016-02-23 T16:00:20Z" over a
            # line "Selasa, 23/02/2016 15:32 WIB"): the line the reader sees wins
            return first, raw
        for shown in self.date_line_times:
            shown_local = shown.astimezone(WIB)
            if local.time() == time() and shown_local.date() == local.date():
                return shown, raw
            if written is not None and shown_local.replace(tzinfo=None) == written:
                return shown, raw
        return published, raw

    @cached_property
    def date_line_times(self) -> list[datetime]:
        """The dates with a time printed in the page's visible text around the headline
        (DATE_LINE_BEFORE_HEADLINE characters before it, DATE_LINE_AFTER_HEADLINE after), in
        order (crawler/dates.py reads them). Farther away, a date is a sidebar's or a
        ticker's; without the headline in the text, no date line is known."""
        headline = self.get_title()
        if not headline:
            return []
        around = text_around(
            self.body_lines, headline, DATE_LINE_BEFORE_HEADLINE, DATE_LINE_AFTER_HEADLINE
        )
        return printed_dates_with_time(around) if around is not None else []

    def _published_candidates(self) -> Iterator[Any]:
        # A generator: the sources are read only until one parses (JSON-LD, on most pages).
        yield self.jsonld_article.get("datePublished")
        # the meta conventions, most specific first (Open Graph, microdata, the Parse.ly,
        # Sailthru and Dublin Core tags, detik's and kompas's "pubdate"), each in turn
        yield from self.meta_values("published")
        yield self.microdata_article.get("datePublished")
        for css in self.published:
            yield next(iter(self.select(css)), None)
        yield from self.meta_values("loosely_published")
        for css in self.published_text:
            yield self.first((css,))

    def get_modified(self) -> tuple[datetime | None, str | None]:
        return self._first_date(self._modified_candidates())

    def _modified_candidates(self) -> Iterator[Any]:
        yield self.jsonld_article.get("dateModified")
        yield from self.meta_values("modified")
        yield self.microdata_article.get("dateModified")
        for css in self.modified:
            yield next(iter(self.select(css)), None)

    @staticmethod
    def _first_date(candidates: Iterable[Any]) -> tuple[datetime | None, str | None]:
        for raw in candidates:
            if isinstance(raw, str) and raw.strip():
                value = parse_date(raw)
                if value is not None:
                    return value, raw.strip()
        return None, None

    def get_authors(self) -> list[str]:
        """The writers: the theme's byline elements, else the structured authors (JSON-LD,
        meta name=author) that are people, else the credit lines printed near the headline
        ("Pewarta: X Editor: Y" gives [X]), else the byline the page marks up by the
        headline; never an editor the page credits (crawler/bylines.py).

        The credit lines are the fuller list where they name every writer the byline or the
        structured data names, or these name only a newsroom ("Redaksi"): a byline may show
        the first of the writers a credits panel lists (Liputan6)."""
        names = self._byline_writers() or self._structured_writers()
        credited = list(self.credits.writers)
        if credited and (
            _all_among(names, credited) or all(is_collective_byline(name) for name in names)
        ):
            names = credited
        names = names or self._marked_up_writers()
        editors = self.credits.editors
        return list(dict.fromkeys(name for name in names if not _among(name, editors)))

    def _structured_writers(self) -> list[str]:
        """The people among the JSON-LD (or microdata) authors, else among the first <meta>
        author convention that names one (meta name=author, parsely-author, DC.creator...:
        crawler/structured.py): not the site or its company, not an editor the page credits.
        An author that credits other roles too ("Penulis: X, Editor: Y") gives its writers
        only."""
        structured = jsonld_names(self.jsonld_article.get("author"), self.jsonld) or jsonld_names(
            self.microdata_article.get("author")
        )
        # one <meta> value at a time: article:author is mostly a profile's URL, no name
        groups = [structured] if structured else [[value] for value in self.meta_values("author")]
        for group in groups:
            names = [
                name
                for entry in group
                for name in self._writers_in_author_field(entry)
                if not self.is_no_writer(name)
            ]
            if names:
                return names
        return []

    def _writers_in_author_field(self, entry: str) -> list[str]:
        credits = read_credits(entry, self.site_names)
        if credits.editors or credits.photographers:
            return list(credits.writers)
        return person_names(strip_writer_label(entry), self.site_names, strict=False)

    def _byline_writers(self) -> list[str]:
        """The writers the theme's byline elements name, labels removed, "A dan B" split
        (the theme's byline is the site's choice: a newsroom it names stays)."""
        names: list[str] = []
        for byline in self._bylines():
            credits = read_credits(byline, self.site_names)
            if credits.writers or credits.editors:
                names += credits.writers
            else:
                names += person_names(strip_writer_label(byline), strict=False)
        return names

    def _bylines(self) -> list[str]:
        """The texts of the first author selector that matches, from the article the first
        match is in: other <article>s on the page are teasers of other posts, with their
        own bylines (Gramedia's related posts)."""
        for css in self.authors:
            found = self.select(css)
            if not found:
                continue
            article = _enclosing_article(found[0])
            if article is not None:
                found = [match for match in found if _enclosing_article(match) is article]
            texts = (clean_text(text_of(match)) for match in found)
            return [text for text in texts if text]
        return []

    @cached_property
    def body_lines(self) -> LinesAsNeeded:
        """The visible lines of the page's <body> (crawler/extract.py), read once, and only as
        far as the readers of them go."""
        body = self.root.find("body")
        return LinesAsNeeded(iter_visible_lines(body) if body is not None else iter(()))

    @cached_property
    def headline_at(self) -> int | None:
        """Which of body_lines is the headline: the first that is the whole headline, else
        the first that holds it (a breadcrumb, or a logo's <h1> holding the <title>, may come
        before the headline: Okezone, Blogger templates)."""
        headline = self.get_title()
        if not headline:
            return None
        holding = None
        for index, line in enumerate(self.body_lines):
            if line == headline:
                return index
            if holding is None and headline in line:
                holding = index
        return holding

    @cached_property
    def credit_lines(self) -> list[str]:
        """The lines where credit lines are printed: from a few above the headline to
        CREDIT_LINES_AFTER_HEADLINE below (farther, a "By ..." is a teaser's)."""
        at = self.headline_at
        if at is None:
            return []
        return self.body_lines[
            max(at - CREDIT_LINES_BEFORE_HEADLINE, 0) : at + CREDIT_LINES_AFTER_HEADLINE
        ]

    @cached_property
    def credits(self) -> Credits:
        """The writers and editors the credit lines near the headline name; without a
        credited writer, the writer of an unlabelled byline just under the headline
        (`_site_bylines`), else the photographer credited there: a photo story's byline
        (detik's "Fotografer: Grandyos Zafna")."""
        credits = read_credit_lines(self.credit_lines, self.site_names)
        if credits.writers or self.headline_at is None:
            return credits
        below = self.body_lines[self.headline_at + 1 : self.headline_at + BYLINE_LINES]
        writers = self._site_bylines(below)
        writers = writers or read_credit_lines(below, self.site_names).photographers
        return Credits(writers, credits.editors)

    def _site_bylines(self, lines: list[str]) -> tuple[str, ...]:
        """Writers of an unlabelled byline just under the headline that names the site or
        its channel after the writer ("Fino Yurio Kristo - detikinet": detik)."""
        for line in lines:
            match = _SITE_BYLINE.fullmatch(line)
            if match and self.names_site(match["site"]):
                names = person_names(match["names"], self.site_names)
                return tuple(name for name in names if _bylines_name(name, bool(match["comma"])))
        return ()

    def _marked_up_writers(self) -> list[str]:
        """The people the page's byline markup names (rel=author, itemprop=author) where
        the name is a line of its own among the credit lines: elsewhere such markup is a
        teaser's, a comment's or a hidden one (Blogger's post-info byline)."""
        lines = set(self.credit_lines)
        names: list[str] = []
        for element in _MARKED_UP_AUTHORS(self.root):
            named = next(iter(_ITEM_NAME(element)), element)
            text = clean_text(text_of(named)) or ""
            if text not in lines:
                continue
            names += (
                name
                for name in person_names(strip_writer_label(text), self.site_names)
                if not self.is_no_writer(name)
            )
        return list(dict.fromkeys(names))

    def is_no_writer(self, name: str) -> bool:
        """Whether a name an author source gives is the site's or its company's, or an
        editor's the page credits (case aside)."""
        return self.names_site(name) or _among(name, self.credits.editors)

    def names_site(self, name: str) -> bool:
        """Whether a name is the site's or its company's ("Kompas Cyber Media" on kompas.com,
        "PT. VIVA MEDIA BARU - VIVA.co.id"), or a site name cut short (trafilatura gives
        "Liputan" for "Liputan6.com")."""
        letters = letters_of(name)
        sites = [letters_of(site) for site in self.site_names]
        return any(
            site and (site in letters or (len(letters) >= 5 and letters in site)) for site in sites
        )

    def get_category(self) -> str | None:
        section = self.jsonld_article.get("articleSection")
        if isinstance(section, list):
            section = section[0] if section else None
        declared = next(iter(self.meta_values("section")), None)
        return self.first(self.category) or clean_text(section) or declared

    def get_tags(self) -> list[str]:
        tags = [tag for tag in self.all(self.tags) if tag.upper() not in self.tag_labels]
        return list(dict.fromkeys(tags))

    def get_image_url(self) -> str | None:
        image = self.meta("og:image") or self.first(self.featured_image)
        return self.urljoin(image) if image else None

    def get_image_caption(self) -> str | None:
        return self.first(self.image_caption)

    def get_comment_count(self) -> int | None:
        return parse_count(self.first(self.comment_count))

    def get_view_count(self) -> int | None:
        return parse_count(self.first(self.view_count))

    def get_language(self) -> str | None:
        lang = (self.root.get("lang") if self.root.tag == "html" else None) or self.meta(
            "og:locale"
        )
        return re.split(r"[-_]", lang)[0].lower() if lang else None

    def get_body_html(self) -> str | None:
        """The raw markup of the body container: cleaning happens later, in the pipeline."""
        for css in self.body:
            found = self.select(css)
            if found:
                return etree.tostring(found[0], encoding="unicode", method="html", with_tail=False)
        return None

    def get_page_urls(self) -> dict[int, str]:
        """Page number -> absolute URL, from the multi-page navigation (current page included
        when the theme links it)."""
        return dict(self._page_urls)

    @cached_property
    def _page_urls(self) -> dict[int, str]:
        pages: dict[int, str] = {}
        for css in self.page_links:
            for anchor in self.select(css):
                text = clean_text(text_of(anchor)) or ""
                href = anchor.get("href")
                if text.isdigit() and href:
                    pages[int(text)] = self.urljoin(href)
        return pages

    def current_page(self) -> int:
        """Which page of a multi-page article this response is (1 for single-page ones)."""
        match = re.search(r"/(\d{1,3})/?$", self.response.url)
        pages = self.get_page_urls()
        if match and pages and int(match.group(1)) not in pages:
            # the theme links every page but the current one
            return int(match.group(1))
        return 1

    def fields(self) -> dict[str, Any]:
        """Every field this parser can read from the page (the spider adds crawl fields)."""
        published_at, published_raw = self.get_published()
        # WordPress keeps post_modified equal to post_date until an edit: a page that shows no
        # modification date was never modified, as far as anyone can tell.
        modified_at = self.get_modified()[0] or published_at
        return {
            "url": self.canonical_url(),
            "title": self.get_title(),
            "subtitle": self.get_subtitle(),
            "published_at": published_at,
            "published_at_raw": published_raw,
            "modified_at": modified_at,
            "authors": self.get_authors(),
            "category": self.get_category(),
            "tags": self.get_tags(),
            "image_url": self.get_image_url(),
            "image_caption": self.get_image_caption(),
            "comment_count": self.get_comment_count(),
            "view_count": self.get_view_count(),
            "language": self.get_language(),
            "body_html": self.get_body_html(),
        }


def _bylines_name(name: str, after_comma: bool) -> bool:
    """Whether a name before the site's in an unlabelled byline is a writer's: capitalised,
    not in capitals, and of two words or more before a comma ("JAKARTA, KOMPAS.com",
    "Jakarta, CNN Indonesia" on a line of their own are datelines)."""
    if after_comma and len(name.split()) < 2:
        return False
    return is_capitalised_name(name) and not name.isupper()


def _among(name: str, others: Iterable[str]) -> bool:
    """Whether a name is one of the others, case aside."""
    return name.casefold() in {other.casefold() for other in others}


def _all_among(names: list[str], others: list[str]) -> bool:
    """Whether every name is one of the others, case aside."""
    return all(_among(name, others) for name in names)


def text_around(texts: Iterable[str], wanted: str, before: int, after: int) -> str | None:
    """The text `before` characters ahead of the first `wanted` to `after` characters past its
    start, in `texts` joined as a reader sees them (whitespace collapsed); None without it.

    Read as far as needed and no farther, a bounded window carried between chunks: joining a
    page's whole text cost most where pages are largest, the headline being near the top."""
    carried = ""  # the last characters read, enough for a `wanted` that spans two chunks
    found: str | None = None  # from `before` ahead of `wanted` on, once it is found
    for chunk in _chunks(texts, TEXT_CHUNK_TEXTS):
        piece = " ".join(" ".join(chunk).split())
        if not piece:
            continue
        if found is not None:
            found = f"{found} {piece}"
        else:
            window = f"{carried} {piece}" if carried else piece
            at = window.find(wanted)
            if at < 0:
                carried = window[-(before + len(wanted)) :]
                continue
            found = window[max(at - before, 0) :]
            before = min(at, before)
        if len(found) >= before + after:
            break
    return None if found is None else found[: before + after]


def _chunks(items: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _enclosing_article(found: Any) -> etree._Element | None:
    """The <article> element a selector's match is in, if any (None for string matches)."""
    if not isinstance(found, etree._Element):
        return None
    return next(found.iterancestors("article"), None)
