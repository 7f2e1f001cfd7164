"""crawler/themes/page.py: a page of nested lead blocks costs one lookup per selector, not one per
nesting level (issue #16, point 2). Counted, never timed: each selector part's XPath counts the
elements it is evaluated from."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawler.themes import page as page_module
from crawler.themes.registry import build_parser
from crawler.themes.tagdiv import TagDivParser

FIXTURE = (
    Path(__file__).parent / "fixtures" / "radartangsel" / "seed-korsel-as-jepang-2023-12-07.html"
)


class CountingXPath:
    def __init__(self, xpath, calls: list[int]) -> None:
        self.xpath, self.calls = xpath, calls

    def __call__(self, element):
        self.calls.append(1)
        return self.xpath(element)


@pytest.fixture
def xpath_calls(monkeypatch) -> list[int]:
    calls: list[int] = []
    compile_selector = page_module.compile_selector

    def counting(css: str):
        return tuple(replace(p, xpath=CountingXPath(p.xpath, calls)) for p in compile_selector(css))

    monkeypatch.setattr(page_module, "compile_selector", counting)
    return calls


def page_nested(depth: int) -> HtmlResponse:
    """The saved article with its header wrapped in `depth` more tagDiv header blocks."""
    html = FIXTURE.read_text(encoding="utf-8")
    start = html.index('<div class="td-post-header')
    end = html.index('<div class="td-post-content')
    wrapped = '<div class="td-post-header">' * depth + html[start:end] + "</div>" * depth
    body = (html[:start] + wrapped + html[end:]).encode()
    return HtmlResponse(url="https://radartangsel.example/a/", body=body, encoding="utf-8")


def fields_and_lookups(response: HtmlResponse, calls: list[int]) -> tuple[dict, int]:
    calls.clear()
    fields = build_parser(TagDivParser, response).fields()
    return fields, len(calls)


def test_nested_lead_blocks_are_looked_into_once(xpath_calls):
    plain, plain_lookups = fields_and_lookups(page_nested(0), xpath_calls)
    nested, nested_lookups = fields_and_lookups(page_nested(100), xpath_calls)
    assert nested == plain
    assert plain["title"] and plain["authors"]
    assert nested_lookups <= plain_lookups + 10, (plain_lookups, nested_lookups)


def test_a_child_selector_still_asks_every_nested_lead():
    html = (
        '<html><body><div class="box"><p>a</p><div class="box"><p>b</p></div></div></body></html>'
    )
    response = HtmlResponse(url="https://x.test/", body=html.encode(), encoding="utf-8")
    page = page_module.Page.of(response)
    assert [p.text for p in page.select("div.box > p")] == ["a", "b"]
    assert [p.text for p in page.select("div.box p")] == ["a", "b"]
    assert page.select("div.box p::text") == ["a", "b"]
