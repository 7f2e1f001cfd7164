"""Site fixtures, as in fundus: a saved article page and the JSON a person checked.

    tests/fixtures/<site>/<name>.html       the saved page
    tests/fixtures/<site>/<name>.json       what our extraction + cleaning must give for it
    tests/fixtures/<site>/pages.json        {"<name>.html": {"url": <the URL it was served at>}}

<site> is a name of the registry (crawler/sites.py); every site with a parser of its own has at
least one page (sites_without_fixtures). The generic spider's pages are under `wordpress`.

Expected JSON holds every item field but the crawl bookkeeping (fetched_at), the cleaned markup
and its hash; `body` is stored as a list of paragraphs so a reviewer can read it.

After an intended change, re-record and review the diff (never accept it blindly):
    .venv/bin/python -m tests.site_fixtures [SITE ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings

from crawler.reextract import reextract
from crawler.sites import SiteSpiderLoader

FIXTURES = Path(__file__).parent / "fixtures"
# Crawl bookkeeping and derived values; `extraction` is the spider class's, not the page's.
NOT_RECORDED = (
    "fetched_at",
    "body_html",
    "content_hash",
    "extraction",
    "pages",
    "complete",
    "missing_pages",
)


def fixture_pages(sites: list[str] | None = None) -> list[Path]:
    return sorted(
        path for path in FIXTURES.glob("*/*.html") if not sites or path.parent.name in sites
    )


def registry() -> SiteSpiderLoader:
    return get_spider_loader(get_project_settings())


def sites_without_fixtures(sites: SiteSpiderLoader) -> list[str]:
    """The sites of the registry with a parser of their own and no fixture page."""
    return sorted(
        site.name
        for site in sites.sites()
        if site.has_own_parser and not any((FIXTURES / site.name).glob("*.html"))
    )


def extract(page: Path) -> dict[str, Any]:
    """The stored fields our site spider's parser and the cleaning stage give for a page:
    the code path of `scrapy reparse` (crawler/reextract.py)."""
    site = page.parent.name
    url = json.loads((page.parent / "pages.json").read_text())[page.name]["url"]
    spider_class = registry().load(site)
    response = HtmlResponse(url=url, body=page.read_bytes(), encoding="utf-8")
    item = reextract(spider_class, {1: response})
    return {
        name: _jsonable(name, value)
        for name, value in sorted(item.items())
        if name not in NOT_RECORDED
    }


def _jsonable(name: str, value: Any) -> Any:
    if name == "body":
        return value.split("\n\n") if value else []
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def expected(page: Path) -> dict[str, Any]:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


def record(sites: list[str] | None = None) -> None:
    for page in fixture_pages(sites):
        output = page.with_suffix(".json")
        output.write_text(
            json.dumps(extract(page), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"recorded {output.relative_to(FIXTURES.parent.parent)}")


if __name__ == "__main__":
    record(sys.argv[1:] or None)
