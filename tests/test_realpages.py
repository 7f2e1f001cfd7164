"""The real-page corpus (issue 13): real article pages of Indonesian sites, read from
../shared/realpages/ (third-party content: never copied here), and the output a person wrote for
each by reading it (tests/realpages/expected/<id>.json). bench/realpages.py scores extractors
against it; this module checks the corpus itself and pins the figures ours has reached."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html
import pytest

from bench.realpages import corpus, ours, realpages_dir, scored

if not (realpages_dir() / "pages.json").is_file():
    pytest.skip(f"no real pages at {realpages_dir()} (REALPAGES_DIR)", allow_module_level=True)

PAGES = corpus()
KEYS = ["url", "title", "published_at", "authors", "body", "boilerplate", "notes"]


def visible_text(html: bytes) -> str:
    """The page's text as a reader sees it. Two KapanLagi pages declare iso-8859-1 and are
    UTF-8: bytes that decode as UTF-8 are read as UTF-8."""
    try:
        root = lxml.html.fromstring(html.decode("utf-8"))
    except UnicodeDecodeError:
        root = lxml.html.fromstring(html)
    for element in root.iter("script", "style", "noscript"):
        element.text = None
    return " ".join(root.text_content().split())


def test_every_real_page_has_an_expected_output():
    provenance = (realpages_dir() / "pages").glob("*.html")
    assert {page.id for page in PAGES} == {path.stem for path in provenance}


@pytest.mark.parametrize("page", PAGES, ids=[page.id for page in PAGES])
def test_expected_output_is_well_formed(page):
    expected = page.expected
    assert list(expected) == KEYS
    assert expected["title"] and expected["body"]
    assert all(paragraph == " ".join(paragraph.split()) for paragraph in expected["body"])
    if expected["published_at"] is not None:  # null: the page shows no date
        published = datetime.fromisoformat(expected["published_at"])
        assert published.utcoffset() == UTC.utcoffset(None)
        assert published.second == 0 and published.microsecond == 0


@pytest.mark.parametrize("page", PAGES, ids=[page.id for page in PAGES])
def test_listed_boilerplate_is_on_the_page_and_not_in_the_body(page):
    text = visible_text(page.html)
    body = "\n".join(page.expected["body"])
    for boilerplate in page.expected["boilerplate"]:
        assert boilerplate in text
        assert boilerplate not in body


# --- the CI gate: ours on the corpus, no worse than the figures reached -------------------------
# Raise a floor when a change lifts a figure; never lower one to let a change through.
FLOORS = {
    "title right": 31,
    "time right (minute, UTC)": 31,
    "writers right": 31,
    "body F1 mean": 1.0,
    "body F1 worst": 1.0,
}
MOST_PAGES_WITH_BOILERPLATE_LEFT = 0


@pytest.fixture(scope="module")
def our_scores():
    return [scored(ours, page) for page in PAGES]


def test_ours_on_the_real_pages_keeps_its_floors(our_scores):
    figures = {
        "title right": sum(score.title for score in our_scores),
        "time right (minute, UTC)": sum(score.published_at for score in our_scores),
        "writers right": sum(score.authors for score in our_scores),
        "body F1 mean": sum(score.body_f1 for score in our_scores) / len(our_scores),
        "body F1 worst": min(score.body_f1 for score in our_scores),
    }
    below = {name: figures[name] for name, floor in FLOORS.items() if figures[name] < floor}
    assert not below, f"below the floors {FLOORS}: {below}"
    left = [
        page.id for page, score in zip(PAGES, our_scores, strict=True) if score.boilerplate_left
    ]
    assert len(left) <= MOST_PAGES_WITH_BOILERPLATE_LEFT, left
