"""Defaults live in settings/base.py only: code reads a setting without an inline fallback
(`settings.getint("STORE_BATCH_SIZE")`, never `...("STORE_BATCH_SIZE", 100)`, which drifts:
STORE_PAGES_RETENTION_DAYS once fell back to 0 in the store pipeline and was 90 in base), and
every setting the code reads is defined there, with a comment (or is Scrapy's own, with
Scrapy's default)."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from scrapy.settings import default_settings

import crawler
import settings.base

PACKAGE = Path(crawler.__file__).parent
BASE = Path(settings.base.__file__)
GETTERS = frozenset(
    {"get", "getint", "getfloat", "getbool", "getlist", "getdict", "getdictorlist", "getwithbase"}
)


@dataclass(frozen=True)
class Read:
    name: str
    where: str
    has_default: bool


def settings_reads(path: Path) -> list[Read]:
    """`<...settings>.get*("NAME"...)` calls and `<...settings>["NAME"]` lookups of a module."""
    reads = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in GETTERS
            and _is_settings(node.func.value)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            has_default = len(node.args) > 1 or any(k.arg == "default" for k in node.keywords)
            reads.append(Read(node.args[0].value, f"{path.name}:{node.lineno}", has_default))
        elif (
            isinstance(node, ast.Subscript)
            and _is_settings(node.value)
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            reads.append(Read(node.slice.value, f"{path.name}:{node.lineno}", False))
    return reads


def _is_settings(node: ast.expr) -> bool:
    """`settings`, `self.settings`, `crawler.settings`, `self.crawler.settings`..."""
    return (isinstance(node, ast.Name) and node.id == "settings") or (
        isinstance(node, ast.Attribute) and node.attr == "settings"
    )


def all_reads() -> list[Read]:
    return [read for path in sorted(PACKAGE.rglob("*.py")) for read in settings_reads(path)]


def commented_in_base() -> set[str]:
    """The names settings/base.py assigns in a block (lines between blank lines) that holds a
    comment, or on a line with a comment of its own."""
    names = set()
    for block in BASE.read_text(encoding="utf-8").split("\n\n"):
        if "#" not in block:
            continue
        for node in ast.walk(ast.parse(block)):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            names.update(t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper())
    return names


def test_the_scan_finds_the_reads_it_judges():
    names = {read.name for read in all_reads()}
    assert {"STORE_BATCH_SIZE", "STORE_PAGES_RETENTION_DAYS", "MONGO_URI", "REDIS_URL"} <= names


def test_no_setting_is_read_with_an_inline_default():
    assert [f"{read.where} {read.name}" for read in all_reads() if read.has_default] == []


def test_every_setting_read_is_defined_in_base_with_a_comment_or_is_scrapys():
    ours = {read.name for read in all_reads()} - set(dir(default_settings))
    assert sorted(ours - set(dir(settings.base))) == []
    assert sorted(ours - commented_in_base()) == []
