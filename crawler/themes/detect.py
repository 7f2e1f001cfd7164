"""Which theme profile reads a page of a site without a parser of its own: markup
fingerprints -> profile name (the factory, crawler/themes/registry.py, then builds it, and
falls back to the fallback extractor where it finds no body).

Fingerprints are markup the theme prints on its single-post pages and other themes do not;
they are tried in order, and the first that matches picks the profile.
"""

from __future__ import annotations

from crawler.themes.page import Page

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


def detect_theme(page: Page) -> str | None:
    """The name of the profile whose fingerprint the page carries, or None."""
    for theme, fingerprint in FINGERPRINTS:
        if page.matches(fingerprint):
            return theme
    return None
