"""Imports follow the data flow (discover -> fetch -> extract -> clean -> validate -> store):
a spider, a site or a parser imports no store code and not the cleaning pipeline."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.crawl import ROOT

UPSTREAM = ("crawler.spiders", "crawler.themes")
UPSTREAM_MODULES = ("crawler.site", "crawler.sites", "crawler.discovery", "crawler.article")
DOWNSTREAM = ("pymongo", "crawler.store", "crawler.pipelines")


def test_spiders_sites_and_parsers_import_no_store_and_no_pipeline():
    script = textwrap.dedent(
        f"""
        import importlib, pkgutil, sys

        imported = []
        for name in {UPSTREAM_MODULES!r}:
            importlib.import_module(name)
            imported.append(name)
        for package_name in {UPSTREAM!r}:
            package = importlib.import_module(package_name)
            for module in pkgutil.walk_packages(package.__path__, package_name + "."):
                importlib.import_module(module.name)
                imported.append(module.name)
        assert "crawler.spiders.base" in imported and "crawler.themes.registry" in imported
        print(sorted(name for name in sys.modules if name.startswith({DOWNSTREAM!r})))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
