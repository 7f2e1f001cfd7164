"""Extraction and cleaning per article page: ours against a bare lxml parse of the same bytes
(the floor), trafilatura (standard and fast=True) and newspaper4k, and how close each one's
body text is to the truth.

Pages: the replica's hand-written articles and generated ones, rendered in memory
(replica.pages.render_article, no server), and the BantenNews page built from real
tagDiv markup (tests/fixtures/bantennews/). "Ours" is what the crawl does with a page: an
HtmlResponse, the site spider's parser's fields() and the cleaning pipeline's clean_item.

Time: in each round every extractor reads every page, taking turns page by page in a rotating
order; ms/page is the median over rounds, a ratio is the median of the ratios of the same
round. The single real-markup page is read several times per round.

Quality: bag-of-words F1 of the body (lower-cased, split on anything but letters and digits)
against the truth: for the replica, replica.content.expected()["body"] (page 1 of a
multi-page article: only page 1's blocks), for the fixture its checked JSON; the mean over
pages. Leaks: pages whose body holds more "Baca juga" links, promo, comment-form or ad text
than the truth does.

Breakdown: where ours spends its time, stage by stage (each parser getter timed inside the real
fields() call), with what to change where a stage is large.

    python -m bench.extraction [--quick]
"""

from __future__ import annotations

import json
import logging
import re
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura
from itemadapter import ItemAdapter
from scrapy.http import HtmlResponse
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings

from bench.report import Row, benchmark_main, median, median_ratio, target_row
from crawler.items import ArticleItem
from crawler.pipelines import clean_item
from crawler.spiders.base import NewsSiteSpider, page_problem
from crawler.themes import page as page_module
from replica import ReplicaOptions, ReplicaSite
from replica.content import ReplicaArticle, body_text, expected
from replica.pages import render_article

ROOT = Path(__file__).resolve().parent.parent
REAL_MARKUP = ROOT / "tests" / "fixtures" / "bantennews"
REPLICA_URL = "https://radartangsel.com"  # the replica renders absolute links to its base URL
REPLICA_SPIDER = "radartangsel"

OURS = "ours (parser fields + clean_item)"
FLOOR = "bare lxml parse (floor)"
SELECTOR = "HtmlResponse + parsel Selector only"
TRAFILATURA = "trafilatura"
TRAFILATURA_FAST = "trafilatura fast=True"
NEWSPAPER = "newspaper4k"

MAX_OURS_OVER_FLOOR = 2.0
MIN_TRAFILATURA_OVER_OURS = 5.0
# A breakdown stage this large a share of ours gets its suggested fix printed.
NOTABLE_SHARE = 0.08

TOKEN = re.compile(r"\w+")
LEAKS = {
    "related links": re.compile(r"\bbaca juga\b|\bberita terkait\b|\bartikel terkait\b", re.I),
    "promo": re.compile(r"grup telegram|whatsapp channel|google news", re.I),
    "comment form": re.compile(r"tinggalkan komentar|silakan masukkan", re.I),
    "ads": re.compile(r"advertisement", re.I),
}


@dataclass(frozen=True)
class Page:
    url: str
    html: bytes
    truth: str  # the body a correct extraction gives
    spider: type[NewsSiteSpider]


@dataclass(frozen=True)
class PageSet:
    name: str
    pages: list[Page]
    reads_per_round: int = 1  # a tiny set is read several times per round for a steadier time


# --- pages ----------------------------------------------------------------------------------


def spider_class(name: str) -> type[NewsSiteSpider]:
    return get_spider_loader(get_project_settings()).load(name)


def replica_pages(generated: int) -> list[Page]:
    """Every replica article (hand-written, then `generated` generated ones), page 1, as the
    replica server would send it."""
    site = ReplicaSite(
        REPLICA_URL, extra_articles=generated, options=ReplicaOptions(broken_pages=False)
    )
    spider = spider_class(REPLICA_SPIDER)
    return [
        Page(
            url=site.url(article.path),
            html=render_article(site, article).encode("utf-8"),
            truth=first_page_truth(article, site.base_url),
            spider=spider,
        )
        for article in site.articles()
    ]


def first_page_truth(article: ReplicaArticle, base_url: str) -> str:
    """What a correct extraction of page 1 gives: the whole expected body for a single-page
    article, the blocks of page 1 for a multi-page one (the page shows no more)."""
    if len(article.pages) == 1:
        return expected(article, base_url)["body"]
    return body_text(article.pages[:1])


def real_markup_pages() -> list[Page]:
    """The saved BantenNews pages (real tagDiv markup) with the body a person checked."""
    served_at = json.loads((REAL_MARKUP / "pages.json").read_text(encoding="utf-8"))
    spider = spider_class(REAL_MARKUP.name)
    return [
        Page(
            url=served_at[path.name]["url"],
            html=path.read_bytes(),
            truth="\n\n".join(json.loads(path.with_suffix(".json").read_text())["body"]),
            spider=spider,
        )
        for path in sorted(REAL_MARKUP.glob("*.html"))
    ]


# --- the extractors: a page in, its body text out ---------------------------------------------


def response_of(page: Page) -> HtmlResponse:
    return HtmlResponse(url=page.url, body=page.html, encoding="utf-8")


def ours(page: Page) -> str:
    item = ArticleItem(**page.spider.parser(response_of(page)).fields())
    clean_item(ItemAdapter(item))
    return item.get("body") or ""


def bare_parse(page: Page) -> str:
    lxml.html.fromstring(page.html)
    return ""


def selector_only(page: Page) -> str:
    """What a callback that reads fields with response.css() pays before the first one (ours
    parses the bytes itself: crawler/themes/page.py)."""
    response_of(page).selector  # noqa: B018 - building it is the point
    return ""


def trafilatura_standard(page: Page) -> str:
    return trafilatura.extract(page.html, url=page.url) or ""


def trafilatura_fast(page: Page) -> str:
    return trafilatura.extract(page.html, url=page.url, fast=True) or ""


def newspaper_text(page: Page) -> str:
    # Imported here: the bench extra is optional and warns about nltk on import.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import newspaper

    # fetch_images=False: scoring the top image would download every image.
    article = newspaper.Article(page.url, language="id", fetch_images=False)
    article.download(input_html=page.html.decode("utf-8"))
    article.parse()
    return article.text or ""


EXTRACTORS: dict[str, Callable[[Page], str]] = {
    FLOOR: bare_parse,
    SELECTOR: selector_only,
    OURS: ours,
    TRAFILATURA: trafilatura_standard,
    TRAFILATURA_FAST: trafilatura_fast,
    NEWSPAPER: newspaper_text,
}
EXTRACTING = [name for name in EXTRACTORS if name not in (FLOOR, SELECTOR)]


# --- time -------------------------------------------------------------------------------------


def timed_round(page_set: PageSet, round_number: int) -> dict[str, float]:
    """Extractor name -> ms/page over the set. Extractors take turns page by page (in an order
    that rotates), so a burst of load on this noisy machine slows them all alike."""
    seconds: Counter[str] = Counter()
    names = list(EXTRACTORS)
    pages = page_set.pages * page_set.reads_per_round
    for number, page in enumerate(pages, start=round_number):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            started = time.perf_counter()
            EXTRACTORS[name](page)
            seconds[name] += time.perf_counter() - started
    return {name: 1000 * seconds[name] / len(pages) for name in names}


def timed_rounds(page_set: PageSet, rounds: int) -> dict[str, list[float]]:
    """Extractor name -> ms/page of each round."""
    times: dict[str, list[float]] = defaultdict(list)
    for number in range(rounds):
        for name, ms in timed_round(page_set, number).items():
            times[name].append(ms)
    return times


def time_rows(page_set: PageSet, times: dict[str, list[float]]) -> list[Row]:
    return [
        {
            "table": "Time per page (ms, median of rounds)",
            "pages": f"{page_set.name} ({len(page_set.pages)})",
            "extractor": name,
            "ms/page": median(times[name]),
            "× ours": median_ratio(times[name], times[OURS]),
        }
        for name in EXTRACTORS
    ]


def target_rows(page_set: PageSet, times: dict[str, list[float]]) -> list[Row]:
    over_floor = median_ratio(times[OURS], times[FLOOR])
    trafilatura_over_ours = median_ratio(times[TRAFILATURA], times[OURS])
    return [
        target_row(
            "extraction",
            f"ours / bare lxml parse, {page_set.name}",
            over_floor,
            f"≤ {MAX_OURS_OVER_FLOOR:g}",
            over_floor <= MAX_OURS_OVER_FLOOR,
        ),
        target_row(
            "extraction",
            f"trafilatura / ours, {page_set.name}",
            trafilatura_over_ours,
            f"≥ {MIN_TRAFILATURA_OVER_OURS:g}",
            trafilatura_over_ours >= MIN_TRAFILATURA_OVER_OURS,
        ),
    ]


# --- quality ----------------------------------------------------------------------------------


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.lower()))


def precision_recall_f1(got: str, truth: str) -> tuple[float, float, float]:
    got_tokens, truth_tokens = tokens(got), tokens(truth)
    overlap = sum((got_tokens & truth_tokens).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision = overlap / sum(got_tokens.values())
    recall = overlap / sum(truth_tokens.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def quality_rows(page_set: PageSet) -> list[Row]:
    rows = []
    for name in EXTRACTING:
        bodies = [EXTRACTORS[name](page) for page in page_set.pages]
        scores = [
            precision_recall_f1(body, page.truth)
            for body, page in zip(bodies, page_set.pages, strict=True)
        ]
        row: Row = {
            "table": "Body quality (mean over pages) and boilerplate left in the body",
            "pages": f"{page_set.name} ({len(page_set.pages)})",
            "extractor": name,
            "F1": _mean(f1 for _, _, f1 in scores),
            "precision": _mean(p for p, _, _ in scores),
            "recall": _mean(r for _, r, _ in scores),
        }
        for leak, pattern in LEAKS.items():
            row[f"pages with {leak}"] = sum(
                1
                for body, page in zip(bodies, page_set.pages, strict=True)
                if leaked(pattern, body, page.truth)
            )
        rows.append(row)
    return rows


def leaked(pattern: re.Pattern[str], body: str, truth: str) -> bool:
    """More matches than the truth has: "membaca juga" in a sentence is not a leak."""
    return len(pattern.findall(body)) > len(pattern.findall(truth))


def _mean(values: Iterator[float]) -> float:
    listed = list(values)
    return sum(listed) / len(listed)


# --- where ours spends its time ---------------------------------------------------------------

PARSE = "HtmlResponse + parse (parse_page: lxml from the bytes)"
INDEX = "lead index (one walk over the leads' tags)"
JSONLD = "JSON-LD blocks (json.loads)"
CLEAN = "clean_item (clean_body)"
FREE = "freeing the page (libxml2 frees the tree)"
SPIDER_CHECKS = "spider checks: page_problem, is_article, page links (not in ours)"
# What fields() calls, in its order: each is timed inside the real fields() call.
FIELD_GETTERS = (
    "get_published",
    "get_modified",
    "canonical_url",
    "get_title",
    "get_subtitle",
    "get_authors",
    "get_category",
    "get_tags",
    "get_image_url",
    "get_image_caption",
    "get_comment_count",
    "get_view_count",
    "get_language",
    "get_body_html",
)
# Why a large stage is large and what would make it small, from profiling ours (py-spy,
# pyinstrument). Printed only while the stage stays large.
SUGGESTED_FIXES = {
    PARSE: "the floor: libxml2 parsing the page, plus the HtmlResponse around it",
    FREE: "part of the floor too: a bare parse frees its tree as well",
    INDEX: (
        "a Python loop over the page's divs (lxml hands each one out as a proxy object): "
        "bounded by the element count, the price of every later lookup being small"
    ),
    JSONLD: "json.loads of every ld+json block (Yoast's whole @graph) to read the Article node",
    CLEAN: (
        "the boilerplate rules in Python over the body's blocks (one walk for the DOM rules, "
        "one regex per block for the text rules) and a parse of the body markup"
    ),
}
GETTER_FIX = (
    "XPath calls from the lead elements (a few dozen elements each), and the text "
    "normalisation of what they return"
)


class StageTimer:
    """Seconds per named stage, summed over calls (stages do not nest)."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started

    def wrap(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(method)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.stage(name):
                return method(*args, **kwargs)

        return timed


def time_stages(page: Page, timer: StageTimer) -> None:
    """Ours on one page, each stage timed; then the spider's own checks on the same page."""
    with timer.stage(PARSE):
        response = response_of(page)
    with _timed_page_steps(timer):
        parser = page.spider.parser(response)
    with timer.stage(JSONLD):
        parser.jsonld_article  # noqa: B018 - cached for the getters after it
    for name in FIELD_GETTERS:
        if hasattr(parser, name):  # fields() calls the instance's attribute: the timed one
            setattr(parser, name, timer.wrap(name, getattr(parser, name)))
    item = ArticleItem(**parser.fields())
    with timer.stage(CLEAN):
        clean_item(ItemAdapter(item))
    with timer.stage(SPIDER_CHECKS):
        page_problem(response)
        parser.is_article()
        parser.get_page_urls()
        parser.current_page()
    for name in FIELD_GETTERS:
        vars(parser).pop(name, None)  # the timed wrappers refer back to the parser: a cycle
    # Dropping the last references frees the tree here. Left to the garbage collector, it would
    # land in whichever later stage happened to trigger a collection.
    with timer.stage(FREE):
        del parser, response


@contextmanager
def _timed_page_steps(timer: StageTimer) -> Iterator[None]:
    """Time the parse and the lead walk where the parser calls them: a tagDiv parser does both
    in its constructor, to tell the templates apart (other parsers walk at their first lookup,
    which then counts in the first getter's time)."""
    parse, walk = page_module.parse_page, page_module._walk
    page_module.parse_page = timer.wrap(PARSE, parse)
    page_module._walk = timer.wrap(INDEX, walk)
    try:
        yield
    finally:
        page_module.parse_page, page_module._walk = parse, walk


def breakdown_rows(page_set: PageSet, rounds: int) -> list[Row]:
    count = len(page_set.pages)
    per_round: list[dict[str, float]] = []
    for _ in range(rounds):
        timer = StageTimer()
        for page in page_set.pages:
            time_stages(page, timer)
        per_round.append({name: 1000 * s / count for name, s in timer.seconds.items()})
    stages = list(per_round[0])
    ms = {name: median(times[name] for times in per_round) for name in stages}
    total = sum(value for name, value in ms.items() if name != SPIDER_CHECKS)
    table = f"Where ours spends its time ({page_set.name}, per page, median of rounds)"
    rows: list[Row] = [
        {
            "table": table,
            "stage": name,
            "ms/page": ms[name],
            "share of ours": f"{ms[name] / total:.0%}",
            "suggested fix": _fix(name) if ms[name] / total >= NOTABLE_SHARE else "",
        }
        for name in sorted(stages, key=lambda name: (name == SPIDER_CHECKS, -ms[name]))
    ]
    rows.append(
        {
            "table": table,
            "stage": "ours, all stages",
            "ms/page": total,
            "share of ours": "100%",
        }
    )
    return rows


def _fix(stage: str) -> str:
    if stage in SUGGESTED_FIXES:
        return SUGGESTED_FIXES[stage]
    return GETTER_FIX if stage in FIELD_GETTERS else ""


# --- the benchmark ----------------------------------------------------------------------------


def page_sets(quick: bool) -> list[PageSet]:
    replica = replica_pages(20 if quick else 200)
    return [
        PageSet("replica", replica),
        PageSet("BantenNews, real tagDiv markup", real_markup_pages(), reads_per_round=20),
    ]


def run(quick: bool = False) -> list[Row]:
    for name in ("trafilatura", "newspaper", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)  # their warnings are not results
    sets = page_sets(quick)
    rounds = 2 if quick else 5
    # Quality first: one untimed pass of every extractor, which also warms their caches.
    quality = [row for page_set in sets for row in quality_rows(page_set)]
    times = {page_set.name: timed_rounds(page_set, rounds) for page_set in sets}
    rows: list[Row] = []
    for page_set in sets:
        rows += target_rows(page_set, times[page_set.name])
    for page_set in sets:
        rows += time_rows(page_set, times[page_set.name])
    rows += quality
    rows += breakdown_rows(sets[0], rounds)
    return rows


def findings(rows: list[Row]) -> list[str]:
    """What the replica's numbers say, and what to change where a target is missed."""
    replica = [row for row in rows if str(row.get("pages", "")).startswith("replica")]
    ms = {row["extractor"]: row["ms/page"] for row in replica if "ms/page" in row}
    quality = {row["extractor"]: row for row in replica if "F1" in row}
    stages = {
        row["stage"]: row["ms/page"] for row in rows if str(row.get("table")).startswith("Where")
    }
    notes = []
    if ms[OURS] / ms[FLOOR] > MAX_OURS_OVER_FLOOR:
        notes.append(_over_floor(ms, stages))
    if ms[TRAFILATURA] / ms[OURS] < MIN_TRAFILATURA_OVER_OURS:
        needed = ms[TRAFILATURA] / MIN_TRAFILATURA_OVER_OURS
        notes.append(
            f"trafilatura is {ms[TRAFILATURA] / ms[OURS]:.1f}× ours (target ≥ "
            f"{MIN_TRAFILATURA_OVER_OURS:g}×: ours would need {needed:.1f} ms/page here, "
            "the same fixes), trafilatura fast=True "
            f"{ms[TRAFILATURA_FAST] / ms[OURS]:.1f}×, newspaper4k {ms[NEWSPAPER] / ms[OURS]:.1f}×."
        )
    notes.append("Quality on the replica: " + "; ".join(_quality(quality[n]) for n in EXTRACTING))
    return notes


def _over_floor(ms: dict[str, float], stages: dict[str, float]) -> str:
    """Where the parses' worth of time above the floor goes."""
    floor = ms[FLOOR]
    getters = sum(value for name, value in stages.items() if name in FIELD_GETTERS)
    shares = [
        ("the parse", stages.get(PARSE, 0)),
        ("freeing the tree", stages.get(FREE, 0)),
        ("the lead walk", stages.get(INDEX, 0)),
        (f"the {len(FIELD_GETTERS)} field getters", getters),
        ("the JSON-LD", stages.get(JSONLD, 0)),
        ("the cleaning", stages.get(CLEAN, 0)),
    ]
    spent = ", ".join(f"{name} {value / floor:.2f}" for name, value in shares)
    floor_work = (stages.get(PARSE, 0) + stages.get(FREE, 0)) / floor
    return (
        f"Ours is {ms[OURS] / floor:.1f}× a bare lxml parse (target ≤ {MAX_OURS_OVER_FLOOR:g}×);"
        f" in parses' worth: {spent}. A callback that reads fields through response.css()"
        f" would pay {ms[SELECTOR] / floor:.2f} before its first field (parsel decodes the body"
        " and encodes it again); ours parses the bytes once and finds every lead block in one"
        f" walk. The parse and the freeing of the tree are the floor's own work ({floor_work:.2f}"
        f" between them), which leaves {MAX_OURS_OVER_FLOOR - floor_work:.2f} for all the rest"
        " under the target. What remains is Python work per element and per block, spread over"
        " the stages of the breakdown below: no stage left is a walk over the whole page"
        " repeated per field. The walk is lxml handing out the page's divs (iterating them and"
        " reading their class is two thirds of it; an XPath class filter instead is 5.7×"
        " slower, 2026-11-24); each getter is one or"
        " two XPath calls from a lead element (2-8 µs each) and the text normalisation of what"
        " they return; the cleaning is ~5 µs per block of text (string value, rule regex) and"
        " a dict lookup per element of the body."
    )


def _quality(row: Row) -> str:
    leaks = [
        f"{column.removeprefix('pages with ')} on {row[column]}"
        for column in row
        if column.startswith("pages with ") and row[column]
    ]
    left = f"left {', '.join(leaks)} pages" if leaks else "left no boilerplate"
    return f"{row['extractor']} F1 {row['F1']:.3f} (precision {row['precision']:.2f}), {left}"


def main() -> None:
    benchmark_main(run, __doc__, findings)


if __name__ == "__main__":
    main()
