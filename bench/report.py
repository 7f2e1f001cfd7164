"""What the benchmarks share: medians and ratios, Markdown tables of result rows, the machine
and versions a result was measured on, and the command-line entry point of each benchmark.

A result row is a flat dict, one table row. A row may name the table it belongs to under
`table`: rows are grouped by it, in order; the other keys are the columns. Rows in the table
TARGETS (benchmark, measure, value, target, met) are also gathered at the top of RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

Row = dict[str, Any]

TARGETS = "Targets"
VERSIONS_OF = ("scrapy", "lxml", "parsel", "trafilatura", "newspaper4k", "dateparser", "pymongo")


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def median_ratio(numerators: Sequence[float], denominators: Sequence[float]) -> float:
    """The median of the ratios measured in the same round: a noisy machine slows both sides of
    one round alike, so the ratio is steadier than a ratio of medians."""
    return median(n / d for n, d in zip(numerators, denominators, strict=True))


def target_row(benchmark: str, measure: str, value: float, target: str, met: bool) -> Row:
    return {
        "table": TARGETS,
        "benchmark": benchmark,
        "measure": measure,
        "value": f"{value:.2f}",
        "target": target,
        "met": "yes" if met else "**no**",
    }


def pick(rows: list[Row], table_prefix: str, **match: Any) -> Row | None:
    """The first row of a table whose name starts with `table_prefix` and whose columns hold
    the values in `match` (for findings written from a benchmark's own rows)."""
    for row in rows:
        in_table = str(row.get("table", "")).startswith(table_prefix)
        if in_table and all(row.get(key) == value for key, value in match.items()):
            return row
    return None


def format_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value).replace("|", "\\|")


def markdown(rows: list[Row]) -> str:
    """Markdown tables of the rows, one per `table` value, in order of first appearance."""
    tables: dict[str | None, list[Row]] = {}
    for row in rows:
        tables.setdefault(row.get("table"), []).append(row)
    return "\n".join(_table(name, table_rows) for name, table_rows in tables.items())


def _table(name: str | None, rows: list[Row]) -> str:
    columns = list(dict.fromkeys(key for row in rows for key in row if key != "table"))
    lines = [f"**{name}**\n"] if name else []
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|" + "|".join("---" for _ in columns) + "|")
    for row in rows:
        lines.append("| " + " | ".join(format_value(row.get(c)) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def machine() -> dict[str, str]:
    """What a result was measured on: it only compares with results from the same machine."""
    memory_kb = _meminfo_kb("MemTotal")
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": f"{memory_kb / 2**20:.1f} GiB" if memory_kb else "unknown",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        **{name: _version(name) for name in VERSIONS_OF},
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load average at start": " ".join(f"{load:.2f}" for load in os.getloadavg()),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _meminfo_kb(key: str) -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def benchmark_main(
    run: Callable[[bool], list[Row]],
    description: str | None,
    findings: Callable[[list[Row]], list[str]] | None = None,
) -> None:
    """`python -m bench.<name> [--quick]`: run one benchmark, print its tables and findings."""
    summary = (description or "").strip().splitlines()[0] if description else None
    parser = argparse.ArgumentParser(description=summary)
    parser.add_argument("--quick", action="store_true", help="a small, fast smoke run")
    args = parser.parse_args()
    rows = run(args.quick)
    print(markdown(rows))
    for finding in findings(rows) if findings else []:
        print(f"- {finding}")
