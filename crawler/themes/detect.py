"""Which theme profile reads a page of a site that has no site file: markup fingerprints ->
profile, else the fallback extractor.

Fingerprints are markup the theme prints on its single-post pages and other themes do not;
they are tried in order, and the first that matches picks the profile. A page whose profile
finds no body container, or that no fingerprint matches, goes to the fallback extractor.
"""

from __future__ import annotations

from functools import cache

from scrapy.http import TextResponse

from crawler.themes.base import ArticleParser
from crawler.themes.fallback import FallbackParser
from crawler.themes.jnews import JNewsParser
from crawler.themes.page import Lead, Page, leads_of
from crawler.themes.tagdiv import TagDivParser
from crawler.themes.wordpress import WordPressParser

# Profile names, as a site's `theme` setting in the sites file names them.
THEMES: dict[str, type[ArticleParser]] = {
    "tagdiv": TagDivParser,
    "jnews": JNewsParser,
    "wordpress": WordPressParser,
    "fallback": FallbackParser,
}

FINGERPRINTS: tuple[tuple[str, str], ...] = (
    # tagDiv Newspaper: the classic single template's body, the Composer template's content
    # block and body class, the theme's page wrapper (crawler/themes/tagdiv.py)
    ("tagdiv", "div.td-post-content, .tdb_single_content, body.tdb-template, #td-outer-wrap"),
    # JNews: its title and main wrapper (crawler/themes/jnews.py)
    ("jnews", "h1.jeg_post_title, .jeg_main, body.jnews"),
    # Any theme that keeps WordPress's markup conventions; checked last because tagDiv and
    # JNews pages may carry .entry-content elsewhere too.
    ("wordpress", ".entry-content, .wp-block-post-content"),
)


def detect_theme(response: TextResponse, page: Page | None = None) -> str | None:
    """The name of the profile whose fingerprint the page carries, or None."""
    page = page or Page.of(response, _detection_leads())
    for theme, fingerprint in FINGERPRINTS:
        if page.matches(fingerprint):
            return theme
    return None


@cache
def _detection_leads() -> frozenset[Lead]:
    """The fingerprints' leads and every profile's: detection and then the profile's fields
    share one parse and one walk."""
    profiles = frozenset().union(*(profile.leads() for profile in THEMES.values()))
    return profiles | leads_of(fingerprint for _, fingerprint in FINGERPRINTS)


def parser_for(
    response: TextResponse, base_url: str | None = None, theme: str | None = None
) -> ArticleParser:
    """The parser for a page: the profile `theme` names, else the detected one, as long as it
    finds a body container; the fallback extractor otherwise."""
    page = Page.of(response, _detection_leads())
    profile = THEMES.get(theme or detect_theme(response, page) or "fallback", FallbackParser)
    parser = profile(response, base_url, page)
    if isinstance(parser, FallbackParser) or parser.get_body_html() is not None:
        return parser
    return FallbackParser(response, base_url, page)
