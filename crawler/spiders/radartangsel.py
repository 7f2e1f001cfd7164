"""Radar Tangsel: Tangerang Selatan regional news, WordPress with the tagDiv Newspaper theme
(>= 10: its comment form prints the 11.x Indonesian strings, seed README).

The domain could not be confirmed offline; override it with `-a base_url=...` or the
SITE_BASE_URLS setting. No REST API: the tagDiv profile reads fields the API lacks (view and
comment counts, the image caption).
"""

from crawler.site import Site
from crawler.themes.tagdiv import TagDivParser

SITE = Site(
    name="radartangsel",
    base_url="https://radartangsel.com",
    parser=TagDivParser,
    rest_api=False,
)
