"""Packaging: the wheel holds the crawler and its settings only (the replica, the tests and the
benchmarks are equipment, not the product); every package the code imports is declared; the
locks pin every declared package within its range; the lowest-versions lock tests the floors
that pyproject.toml declares."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT_EXTRAS = tuple(PYPROJECT["project"]["optional-dependencies"])
LOCAL_PACKAGES = {"crawler", "settings", "replica", "tests", "bench"}
# Imported by code that runs only with an extra this venv may lack (bench: newspaper4k).
NOT_INSTALLED_HERE = {"newspaper": "newspaper4k"}


def declared(*extras: str) -> list[Requirement]:
    project = PYPROJECT["project"]
    found = [Requirement(text) for text in project["dependencies"]]
    for extra in extras:
        found += [Requirement(text) for text in project["optional-dependencies"][extra]]
    return found


def pins(lock: str) -> dict[str, str]:
    """Name -> version of every `name==version` line of requirements/`lock`."""
    found = {}
    for line in (ROOT / "requirements" / lock).read_text(encoding="utf-8").splitlines():
        if line and line[0].isalnum() and "==" in line:
            name, version = line.split()[0].split(";")[0].split("==")
            found[canonicalize_name(name)] = version
    return found


def test_the_wheel_holds_the_crawler_and_its_settings_only(tmp_path):
    # A copy: setuptools' build/ directory in the checkout could hold stale modules.
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv*", "data", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/", 1)[0] for name in names if not name.startswith("regional_")}
    assert top_level == {"crawler", "settings"}
    assert "crawler/spiders/radartangsel.py" in names
    assert "settings/base.py" in names


def imported_top_level_modules() -> dict[str, Path]:
    """Top-level module -> a file importing it, over all the project's Python code."""
    found: dict[str, Path] = {}
    for package in sorted(LOCAL_PACKAGES):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.split(".")[0], path)
    return found


def test_every_imported_package_is_declared_directly():
    declared_names = {canonicalize_name(req.name) for req in declared(*PROJECT_EXTRAS)}
    distributions = packages_distributions()
    undeclared = []
    for module, path in imported_top_level_modules().items():
        if module in sys.stdlib_module_names or module in LOCAL_PACKAGES or module == "__future__":
            continue
        names = distributions.get(module) or [NOT_INSTALLED_HERE[module]]
        if not {canonicalize_name(name) for name in names} & declared_names:
            undeclared.append(f"{module} ({path.relative_to(ROOT)}): from {names}")
    assert undeclared == []


def test_each_lock_pins_every_declared_package_within_its_range():
    for lock, extras in [
        ("lock.txt", ("embedded", "test")),
        ("lowest.txt", ("embedded", "test")),
        ("bench.txt", ("embedded", "test", "bench")),
    ]:
        pinned = pins(lock)
        for requirement in declared(*extras):
            name = canonicalize_name(requirement.name)
            assert name in pinned, f"{lock} lacks {name}: run `make lock`"
            assert requirement.specifier.contains(pinned[name], prereleases=True), (
                f"{lock} pins {name}=={pinned[name]} outside {requirement}: run `make lock`"
            )
    assert "setuptools" in pins("lock.txt")  # the build backend, for --no-build-isolation


def test_the_lowest_lock_pins_the_declared_floors_of_scrapy_and_pymongo():
    floors = {}
    for requirement in declared():
        for specifier in requirement.specifier:
            if specifier.operator == ">=":
                floors[canonicalize_name(requirement.name)] = specifier.version
    lowest = pins("lowest.txt")
    for name in ("scrapy", "pymongo"):
        assert Version(lowest[name]) == Version(floors[name]), f"lowest.in: {name} != the floor"
