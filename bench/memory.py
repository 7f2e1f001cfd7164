"""Memory: peak RSS of a full crawl (radartangsel, into the store) of a small replica against a
large one: 5,000 articles against as many as fit in the time budget (50,000 at most; quick
mode: 500 against 2,000). The crawl of the small site measures the crawl speed here, and the
large site is sized from it, so the run takes about --budget seconds on any machine.

Peak RSS is the crawl process's VmHWM, its exact high-water mark (bench/probe.py), and so
includes the ~100 MB of Scrapy, lxml and the rest that any crawl starts with. "max pending" is
the most requests the scheduler held at once (sampled every 0.2 s): what a crawl holds in
memory in proportion to the size of the site, besides the dupefilter's fingerprints.

One crawl per size (bench.crawl's "RSS spread" shows how much the peak of identical crawls
varies). When the time budget does not reach 50,000 articles,
the growth to 50,000 is also projected from the MB added per 1,000 articles: requests waiting
in the scheduler cost the same at any size, and that cost grows linearly with the site.

    python -m bench.memory [--quick] [--budget SECONDS]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.crawls import SITE_SPIDER, CrawlResult, crawl, replica_process, store_server
from bench.report import Row, markdown, target_row

MAX_GROWTH = 0.10
SMALL, LARGEST = 5000, 50_000
QUICK_SMALL, QUICK_LARGE = 500, 2000
# What a crawl must keep per article it has seen: the dupefilter's fingerprint and
# IncrementalMiddleware's key of the URL, a 48-byte int each, plus their set slots (~42 bytes
# each at 20,000 to 78,000 entries). Measured: 0.17 KB (pymalloc blocks and set tables,
# 5,000 → 50,000 articles, 2026-11-24); URL strings and bytes fingerprints took 0.3 KB.
PER_ARTICLE_STATE_KB = 0.18
BUDGET_SECONDS = 270.0  # keeps `make bench` under 20 minutes on the 2-core machine


def large_size(small: CrawlResult, small_articles: int, budget: float) -> int:
    """The most articles (in thousands, 50,000 at most) a crawl gets through in `budget`
    seconds at the speed of the small crawl, and never fewer than twice the small site."""
    articles_per_second = small_articles / small.elapsed_seconds
    affordable = int(articles_per_second * budget) // 1000 * 1000
    return max(2 * small_articles, min(LARGEST, affordable))


def crawl_site(articles: int, mongo_uri: str, workdir: Path) -> CrawlResult:
    with replica_process(articles) as base_url:
        database = f"bench_memory_{articles}"
        return crawl(SITE_SPIDER, base_url, workdir, MONGO_URI=mongo_uri, MONGO_DATABASE=database)


def mb_per_thousand(
    small: CrawlResult, small_articles: int, large: CrawlResult, large_articles: int
) -> float:
    """Peak RSS added per 1,000 more articles, between the two crawls."""
    added = (large.peak_rss_bytes - small.peak_rss_bytes) / 2**20
    return 1000 * added / (large_articles - small_articles)


def result_row(articles: int, result: CrawlResult, small: CrawlResult) -> Row:
    return {
        "table": "Full crawl, peak RSS by site size",
        "articles": articles,
        "responses": result.responses,
        "stored": result.stored,
        "elapsed s": result.elapsed_seconds,
        "pages/s": result.pages_per_second,
        "peak RSS MB": result.peak_rss_mb,
        "growth": f"{result.peak_rss_bytes / small.peak_rss_bytes - 1:+.1%}",
        "max pending requests": result.max_pending,
    }


def run(quick: bool = False, budget: float = BUDGET_SECONDS) -> list[Row]:
    with (
        tempfile.TemporaryDirectory(prefix="bench-memory-") as directory,
        store_server() as mongo_uri,
    ):
        workdir = Path(directory)
        small_articles = QUICK_SMALL if quick else SMALL
        small = crawl_site(small_articles, mongo_uri, workdir)
        large_articles = QUICK_LARGE if quick else large_size(small, small_articles, budget)
        large = crawl_site(large_articles, mongo_uri, workdir)
    growth = large.peak_rss_bytes / small.peak_rss_bytes - 1
    per_thousand = mb_per_thousand(small, small_articles, large, large_articles)
    rows = [
        target_row(
            "memory",
            f"peak RSS growth, {small_articles:,} → {large_articles:,} articles (measured)",
            growth,
            f"≤ {MAX_GROWTH:.2f}",
            growth <= MAX_GROWTH,
        )
    ]
    if not quick and large_articles < LARGEST:
        # What a pending request costs is the same at any size, so the growth is linear.
        projected = per_thousand * (LARGEST - small_articles) / 1000 / small.peak_rss_mb
        rows.append(
            target_row(
                "memory",
                f"peak RSS growth, {small_articles:,} → {LARGEST:,} articles (projected:"
                f" {per_thousand:.1f} MB per 1,000 articles)",
                projected,
                f"≤ {MAX_GROWTH:.2f}",
                projected <= MAX_GROWTH,
            )
        )
    return [
        *rows,
        result_row(small_articles, small, small),
        result_row(large_articles, large, small),
    ]


def findings(rows: list[Row]) -> list[str]:
    """Where the growth comes from, while the target is missed."""
    sizes = [row for row in rows if row.get("table") == "Full crawl, peak RSS by site size"]
    small, large = sizes[0], sizes[-1]
    targets = [row for row in rows if row.get("benchmark") == "memory"]
    if all(row["met"] == "yes" for row in targets) or large["articles"] == small["articles"]:
        return []
    added_mb = large["peak RSS MB"] - small["peak RSS MB"]
    per_thousand = 1000 * added_mb / (large["articles"] - small["articles"])
    growth = (
        f"The peak grows by {per_thousand:.1f} MB per 1,000 articles"
        f" ({small['articles']:,} → {large['articles']:,})."
    )
    if large["max pending requests"] < large["articles"] / 2:
        return bounded_queue_findings(growth, small, large, added_mb)
    return [
        f"{growth} The scheduler holds almost every article of the site at once"
        f" ({small['max pending requests']:,} and {large['max pending requests']:,} requests"
        " pending at most): every child sitemap is read before the articles it lists are"
        " fetched, so all the site's article requests wait in memory.",
        "What one pending request holds (tracemalloc at the peak of a 5,000-article crawl,"
        " 2026-11-24, about 4 KB traced per request): the Request and its meta dict with the"
        " Discovered note, the Headers object the RefererMiddleware adds, three copies of the URL"
        " (canonical_url, safe_url_string, the offsite middleware's urlparse cache), the"
        " fingerprint cache entry and the dupefilter's fingerprint.",
        "Suggested fix: bound the queue instead of the site. Read the child sitemaps one at a"
        " time (child-sitemap requests at a priority below the articles', while robots.txt, the"
        " index and the feed stay ahead), with the lookups still batched per sitemap (1,000"
        " URLs). Pending requests then stay near one sitemap's worth and only the dupefilter"
        " grows with the site (about 0.15 KB per article: ~7 MB at 50,000).",
    ]


def bounded_queue_findings(growth: str, small: Row, large: Row, added_mb: float) -> list[str]:
    """Where the growth comes from when the scheduler's queue stays bounded: the state kept per
    article, and the allocator's high-water mark (tracemalloc and malloc statistics of crawls of
    the replica, 2026-11-24)."""
    state_mb = PER_ARTICLE_STATE_KB * (large["articles"] - small["articles"]) / 1024
    return [
        f"{growth} The scheduler's queue stays bounded ({large['max pending requests']:,}"
        " requests pending at most). What the crawl keeps per article: the dupefilter's"
        " fingerprint and the incremental middleware's key of the URL, an int each in a set,"
        f" {PER_ARTICLE_STATE_KB} KB per article together ({state_mb:.1f} of the"
        f" {added_mb:.1f} MB added). tracemalloc between 5,000 and 20,000 articles of one crawl"
        " found nothing else growing: not the stats, the store pipeline, the run recorder,"
        " lxml, pymongo or Twisted.",
        f"The other {added_mb - state_mb:.1f} MB are the allocator's, not objects: the peak is"
        " the high-water mark of transient memory, and a longer crawl meets more of it. In one"
        " 50,000-article crawl profiled before the store pipeline's back-pressure, glibc's heap"
        " grew in two steps (+14 MB at 13,600 articles, +5 MB at 28,600), each when a slow"
        " store write held some 200 items in the store pipeline's buffer while Scrapy's"
        " scraper was at its limit of 5 MB of responses in progress"
        " (SCRAPER_SLOT_MAX_ACTIVE_SIZE), and glibc kept the freed space. Since, a full buffer"
        " waits for the write in flight (at most one batch buffered; tests/test_store_pipeline"
        ".py), and this run is after that change: the remaining steps are transient memory"
        " not yet attributed to a component. The baseline fell from 212 to 117 MB when the"
        " parser stopped building parsel Selectors (reference cycles that waited for the"
        " garbage collector), so the same megabytes are now a larger share.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 against 2,000 articles")
    parser.add_argument(
        "--budget", type=float, default=BUDGET_SECONDS, help="seconds for the large crawl"
    )
    args = parser.parse_args()
    rows = run(args.quick, args.budget)
    print(markdown(rows))
    for finding in findings(rows):
        print(f"- {finding}")


if __name__ == "__main__":
    main()
