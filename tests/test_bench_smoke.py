"""The benchmarks still run: each in quick mode, or its logic on made-up results. Nothing here
looks at a time: timings on a shared machine prove nothing (bench/RESULTS.md has the figures)."""

from __future__ import annotations

import pytest

from bench import __main__ as aggregator
from bench import crawl, memory
from bench.crawls import NULL_SPIDER, SITE_SPIDER, CrawlResult
from bench.report import TARGETS, markdown


def test_extraction_quick_run_measures_every_extractor_and_ours_is_exact():
    pytest.importorskip("newspaper", reason="the [bench] extra is not installed")
    from bench import extraction

    rows = extraction.run(quick=True)
    timed = {row["extractor"] for row in rows if "ms/page" in row and "extractor" in row}
    assert timed == set(extraction.EXTRACTORS)
    ours = [row for row in rows if row.get("extractor") == extraction.OURS and "F1" in row]
    assert ours and all(row["F1"] > 0.99 for row in ours)
    assert all(isinstance(finding, str) for finding in extraction.findings(rows))


@pytest.mark.slow
def test_crawl_quick_run_crawls_the_replica_with_both_spiders():
    rows = crawl.run(quick=True)
    by_spider = {row["spider"]: row for row in rows if "spider" in row}
    assert set(by_spider) == {crawl.LABELS[NULL_SPIDER], crawl.LABELS[SITE_SPIDER]}
    assert by_spider[crawl.LABELS[SITE_SPIDER]]["stored"] >= 300
    assert by_spider[crawl.LABELS[NULL_SPIDER]]["responses"] >= 300
    assert [row["benchmark"] for row in rows if row.get("table") == TARGETS] == ["crawl"]


def _result(seconds: float, peak_mb: float, pending: int, scraper_mb: float = 0.5) -> CrawlResult:
    return CrawlResult(
        responses=pending,
        elapsed_seconds=seconds,
        cpu_seconds=seconds / 2,
        peak_rss_bytes=int(peak_mb * 2**20),
        max_pending=pending,
        items=pending,
        stored=pending,
        max_scraper_bytes=int(scraper_mb * 2**20),
    )


def test_memory_sizes_the_large_site_from_the_small_crawl():
    small = _result(seconds=100, peak_mb=190, pending=5000)  # 50 articles/s
    assert memory.large_size(small, 5000, budget=300) == 15000
    assert memory.large_size(small, 5000, budget=10_000) == memory.LARGEST
    assert memory.large_size(small, 5000, budget=1) == 10000  # never below twice the small


def test_memory_findings_explain_a_missed_target_of_an_unbounded_queue_only():
    small, large = _result(100, 190, 4900), _result(300, 225, 16900)
    rows = [
        {"table": TARGETS, "benchmark": "memory", "met": "**no**"},
        memory.result_row(5000, small, small),
        memory.result_row(17000, large, small),
    ]
    assert "pending" in memory.findings(rows)[0]
    rows[0]["met"] = "yes"
    assert memory.findings(rows) == []


def test_memory_findings_of_a_bounded_queue_say_what_the_growth_is_made_of():
    small = _result(20, 117, 300, scraper_mb=0.8)
    large = _result(230, 127, 400, scraper_mb=1.6)
    rows = [
        {"table": TARGETS, "benchmark": "memory", "met": "yes"},
        memory.result_row(5000, small, small),
        memory.result_row(50000, large, small),
    ]
    notes = memory.findings(rows)
    assert "+10.0 MB" in notes[0] and "7.9 of the 10.0 MB added" in notes[0]
    assert "1.6 MB at most" in " ".join(notes)


def test_a_missing_or_failing_benchmark_is_reported_and_the_run_goes_on(monkeypatch):
    missing = aggregator.run_benchmark("no_such_benchmark", quick=True)
    assert missing.skipped == "bench/no_such_benchmark.py is not there"

    def broken(quick: bool = False) -> list[dict]:
        raise RuntimeError("replica did not start")

    monkeypatch.setattr(crawl, "run", broken)
    failed = aggregator.run_benchmark("crawl", quick=True)
    assert "replica did not start" in failed.skipped
    text = aggregator.results_markdown([missing, failed], quick=True, seconds=1.0)
    assert "## crawl" in text and "Skipped" in text


def test_rows_render_as_one_markdown_table_per_table_name():
    text = markdown(
        [{"table": "A", "x": 1.5, "y": None}, {"table": "B", "z": 12345}, {"table": "A", "x": 2}]
    )
    assert text.count("| x | y |") == 1 and "| 12,345 |" in text


def test_pagesize_quick_run_times_every_size_of_both_pages_and_reports_the_ratio():
    from bench import pagesize

    rows = pagesize.run(quick=True)
    sized = [row for row in rows if row.get("table") == pagesize.TABLE]
    assert len(sized) == 2 * len(pagesize.QUICK_SIZES_MB)
    for row, size in zip(sized, pagesize.QUICK_SIZES_MB * 2, strict=True):
        assert abs(row["page MB"] - size) < 0.1 and row["cleaning ms"] > 0
    targets = [row for row in rows if row.get("table") == TARGETS]
    assert [row["benchmark"] for row in targets] == ["pagesize"] * 4
    beyond_walk = [row for row in targets if row["measure"].startswith(pagesize.GROWTH_BEYOND_WALK)]
    assert len(beyond_walk) == 2 and all(float(row["value"]) > 0 for row in beyond_walk)
    assert len(pagesize.findings(rows)) == 3
