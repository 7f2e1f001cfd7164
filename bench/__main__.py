"""python -m bench [--quick] [--only NAME[,NAME...]]: run every benchmark and write the results.

A full run of every benchmark writes bench/RESULTS.md: the machine and versions, every target
met or missed, and each benchmark's tables and findings. A quick run (a smoke test: small sizes,
one or two rounds) or a run of some benchmarks only writes bench/out/RESULTS-quick.md or
bench/out/RESULTS-partial.md instead, so it never replaces the complete results. A benchmark
module that is absent or fails is reported as skipped, with the reason; the others still run.
"""

from __future__ import annotations

import argparse
import importlib
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from bench import report
from bench.report import TARGETS, Row

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
QUICK_RESULTS = HERE / "out" / "RESULTS-quick.md"
PARTIAL_RESULTS = HERE / "out" / "RESULTS-partial.md"
# In the order they run: the cheap ones first, the long memory crawls last.
BENCHMARKS = ("extraction", "realpages", "pagesize", "crawl", "store", "incremental", "memory")
REPRODUCE = "make bench"


@dataclass
class Section:
    name: str
    summary: str = ""
    rows: list[Row] = field(default_factory=list)
    tables: str = ""
    findings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    skipped: str = ""


def run_benchmark(name: str, quick: bool) -> Section:
    """One benchmark module's results; never raises: a failure becomes a skipped section."""
    section = Section(name)
    started = time.monotonic()
    try:
        module = importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as error:
        section.skipped = (
            f"bench/{name}.py is not there"
            if error.name == f"bench.{name}"
            else f"cannot import bench.{name}: {error}"
        )
        return section
    except Exception as error:  # a broken module must not stop the other benchmarks
        section.skipped = f"cannot import bench.{name}: {error!r}"
        return section
    section.summary = _summary(module)
    try:
        section.rows = module.run(quick=quick)
        section.tables = _render(module, section.rows)
        section.findings = list(getattr(module, "findings", lambda rows: [])(section.rows))
    except Exception:
        section.skipped = "failed:\n\n```\n" + traceback.format_exc(limit=6) + "```"
    section.seconds = time.monotonic() - started
    return section


def _summary(module: ModuleType) -> str:
    """The first paragraph of the module's docstring: what it measures, against what."""
    return " ".join((module.__doc__ or "").strip().split("\n\n")[0].split())


def _render(module: ModuleType, rows: list[Row]) -> str:
    """The module's own tables if it renders them, else the shared renderer; targets are left
    to the summary at the top."""
    render: Callable[[list[Row]], str] = getattr(module, "markdown", report.markdown)
    if render is report.markdown:
        rows = [row for row in rows if row.get("table") != TARGETS]
    return render(rows)


def results_markdown(sections: list[Section], quick: bool, seconds: float) -> str:
    command = f"{REPRODUCE} ARGS=--quick" if quick else REPRODUCE
    lines = [
        "# Benchmark results" + (" (quick smoke run: small sizes, not results)" if quick else ""),
        "",
        f"Written by `{command}` (`.venv/bin/python -m bench`) in {seconds / 60:.1f} minutes. "
        "One benchmark: `.venv/bin/python -m bench.<name> [--quick]`. Every figure is a median "
        "over repeated rounds, and every comparison a ratio measured within one run: compare "
        "results only with results from the same machine.",
        "",
        "## Machine",
        "",
        report.markdown([{"": name, "value": value} for name, value in report.machine().items()]),
        "## Targets",
        "",
    ]
    targets = [
        {key: value for key, value in row.items() if key != "table"}  # the heading says it
        for section in sections
        for row in section.rows
        if row.get("table") == TARGETS
    ]
    lines.append(report.markdown(targets) if targets else "No benchmark reported a target.\n")
    for section in sections:
        lines += _section_markdown(section)
    return "\n".join(lines)


def _section_markdown(section: Section) -> list[str]:
    lines = [f"## {section.name}", ""]
    if section.skipped:
        return [*lines, f"Skipped: {section.skipped}", ""]
    lines += [
        f"`python -m bench.{section.name}`, {section.seconds:.0f} s. {section.summary}",
        "",
        section.tables,
    ]
    if section.findings:
        lines += ["Findings:", "", *(f"- {finding}" for finding in section.findings), ""]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run of every benchmark")
    parser.add_argument("--only", default="", help="comma-separated benchmark names")
    args = parser.parse_args()
    names = [name for name in args.only.split(",") if name] or list(BENCHMARKS)
    started = time.monotonic()
    sections = []
    for name in names:
        print(f"bench: {name}...", flush=True)
        section = run_benchmark(name, args.quick)
        print(f"bench: {name}: {section.skipped or f'done in {section.seconds:.0f} s'}", flush=True)
        sections.append(section)
    output = QUICK_RESULTS if args.quick else PARTIAL_RESULTS if args.only else RESULTS
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        results_markdown(sections, args.quick, time.monotonic() - started), encoding="utf-8"
    )
    print(f"bench: wrote {output.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
