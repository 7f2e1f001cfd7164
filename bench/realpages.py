"""Quality on real pages: ours (the generic path), trafilatura and newspaper4k on the real
article pages of ../shared/realpages/, against the output a person wrote for each page by
reading it (tests/realpages/expected/<id>.json).

Per page and extractor: body F1 (bag of words, as bench/extraction.py scores it), boilerplate
left (how many of the page's listed boilerplate strings the body still holds), the title (the
visible headline, whitespace and case aside), the published time to the minute (UTC), the
writers (as a set, case aside), and the time taken (ms/page, the median over rounds).
"Ours" is what the generic spider (GENERIC_SPIDER: `scrapy crawl news`, whose extraction is
`scrapy crawl wordpress`'s) does with a page it fetched: theme detection or the fallback
extractor, then the cleaning pipeline (crawler/reextract.py, as `scrapy reparse`).
trafilatura gives a day without a time and newspaper4k rarely a time: their dates count as
right only when the page's time is what they give.

The pages are third-party content and stay outside the repository: REALPAGES_DIR (default
../shared/realpages beside the project) holds pages.json and pages/<id>.html.

    python -m bench.realpages [--quick]
"""

from __future__ import annotations

import json
import os
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import trafilatura
from scrapy.http import HtmlResponse
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings

from bench.extraction import precision_recall_f1
from bench.report import Row, benchmark_main, median, target_row
from crawler.dates import parse_date
from crawler.reextract import reextract
from crawler.titles import site_label
from crawler.urls import host_of

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "realpages" / "expected"
GENERIC_SPIDER = "news"

OURS = f"ours ({GENERIC_SPIDER} spider)"
TRAFILATURA = "trafilatura"
NEWSPAPER = "newspaper4k"


def realpages_dir() -> Path:
    return Path(os.environ.get("REALPAGES_DIR") or ROOT.parent / "shared" / "realpages")


@dataclass(frozen=True)
class RealPage:
    id: str
    url: str
    html: bytes
    expected: dict[str, Any]


@dataclass
class Extracted:
    """What an extractor read from a page: the fields the corpus scores."""

    title: str | None = None
    published_at: datetime | None = None
    authors: list[str] = field(default_factory=list)
    body: str = ""


def corpus() -> list[RealPage]:
    """Every page that has an expected output, in id order."""
    pages_dir = realpages_dir()
    provenance = json.loads((pages_dir / "pages.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted(EXPECTED.glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        html_name = f"{path.stem}.html"
        pages.append(
            RealPage(
                id=path.stem,
                url=provenance[html_name]["url"],
                html=(pages_dir / "pages" / html_name).read_bytes(),
                expected=expected,
            )
        )
    return pages


# --- the extractors: a page in, the scored fields out -----------------------------------------


@cache
def _generic_spider() -> Any:
    return get_spider_loader(get_project_settings()).load(GENERIC_SPIDER)


def ours(page: RealPage) -> Extracted:
    response = HtmlResponse(url=page.url, body=page.html)
    item = reextract(_generic_spider(), {1: response}, base_url=page.url)
    return Extracted(
        title=item.get("title"),
        published_at=item.get("published_at"),
        authors=list(item.get("authors") or []),
        body=item.get("body") or "",
    )


def trafilatura_fields(page: RealPage) -> Extracted:
    document = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if document is None:
        return Extracted()
    authors = [name.strip() for name in (document.author or "").split(";") if name.strip()]
    return Extracted(
        title=document.title,
        published_at=parse_date(document.date) if document.date else None,
        authors=authors,
        body=document.text or "",
    )


def newspaper_fields(page: RealPage) -> Extracted:
    # Imported here: the bench extra is optional and warns about nltk on import.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import newspaper

    article = newspaper.Article(page.url, language="id", fetch_images=False)
    article.download(input_html=page.html.decode("utf-8", errors="replace"))
    article.parse()
    published = article.publish_date
    if published is not None and published.tzinfo is None:
        published = parse_date(published.isoformat())
    return Extracted(
        title=article.title,
        published_at=published.astimezone(UTC) if published else None,
        authors=list(article.authors or []),
        body=article.text or "",
    )


EXTRACTORS: dict[str, Callable[[RealPage], Extracted]] = {
    OURS: ours,
    TRAFILATURA: trafilatura_fields,
    NEWSPAPER: newspaper_fields,
}


# --- scoring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    body_f1: float
    boilerplate_left: int
    title: bool
    published_at: bool
    authors: bool


def normalised(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def score(got: Extracted, expected: dict[str, Any]) -> Score:
    truth_body = "\n\n".join(expected["body"])
    body = normalised(got.body)
    # null: the page shows no date at all, and the right answer is none
    want = expected["published_at"]
    want_time = _minute(datetime.fromisoformat(want)) if want else None
    got_time = _minute(got.published_at)
    return Score(
        body_f1=precision_recall_f1(got.body, truth_body)[2],
        boilerplate_left=sum(1 for text in expected["boilerplate"] if normalised(text) in body),
        title=normalised(got.title) == normalised(expected["title"]),
        published_at=got_time == want_time,
        authors={normalised(name) for name in got.authors}
        == {normalised(name) for name in expected["authors"]},
    )


def _minute(moment: datetime | None) -> datetime | None:
    """To the minute, in UTC: what the corpus asks of a published time."""
    return moment.astimezone(UTC).replace(second=0, microsecond=0) if moment else None


def scored(extractor: Callable[[RealPage], Extracted], page: RealPage) -> Score:
    return score(extractor(page), page.expected)


# --- the benchmark ----------------------------------------------------------------------------


def _available(name: str) -> bool:
    if name != NEWSPAPER:
        return True
    try:
        import newspaper  # noqa: F401
    except ImportError:
        return False
    return True


def run(quick: bool = False) -> list[Row]:
    pages = corpus()
    rounds = 1 if quick else 3
    names = [name for name in EXTRACTORS if _available(name)]
    results: dict[str, dict[str, Score]] = {name: {} for name in names}
    times: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(rounds):
        totals = dict.fromkeys(names, 0.0)
        for page in pages:
            for name in names:
                started = time.perf_counter()
                results[name][page.id] = scored(EXTRACTORS[name], page)
                totals[name] += time.perf_counter() - started
        for name in names:
            times[name].append(totals[name] * 1000 / len(pages))
    rows: list[Row] = []
    for name in names:
        scores = list(results[name].values())
        rows.append(
            {
                "table": f"Real pages ({len(pages)} pages, {len(_sites(pages))} sites)",
                "extractor": name,
                "body F1 mean": sum(s.body_f1 for s in scores) / len(scores),
                "body F1 worst": min(s.body_f1 for s in scores),
                "pages with boilerplate left": sum(1 for s in scores if s.boilerplate_left),
                "title right": sum(s.title for s in scores),
                "time right (minute, UTC)": sum(s.published_at for s in scores),
                "writers right": sum(s.authors for s in scores),
                "ms/page": median(times[name]),
            }
        )
    for page in pages:
        for name in names:
            s = results[name][page.id]
            rows.append(
                {
                    "table": "Per page",
                    "page": page.id,
                    "extractor": name,
                    "body F1": s.body_f1,
                    "boilerplate left": s.boilerplate_left,
                    "title": s.title,
                    "time": s.published_at,
                    "writers": s.authors,
                }
            )
    if TRAFILATURA in names:
        ratio = median(times[OURS]) / median(times[TRAFILATURA])
        rows.append(
            target_row(
                "realpages", "ours / trafilatura, ms per real page", ratio, "≤ 1", ratio <= 1
            )
        )
    return rows


def _sites(pages: list[RealPage]) -> set[str]:
    # a site by its host's name: inet.detik.com and finance.detik.com are one site
    return {site_label(host_of(page.url)) for page in pages}


def findings(rows: list[Row]) -> list[str]:
    return []


if __name__ == "__main__":
    benchmark_main(run, __doc__, findings)
