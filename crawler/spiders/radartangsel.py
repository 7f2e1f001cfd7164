"""Radar Tangsel: Tangerang Selatan regional news, WordPress with the tagDiv Newspaper theme
(>= 10: its comment form prints the 11.x Indonesian strings, seed README).

The domain could not be confirmed offline; override it with `-a base_url=...` or the
SITE_BASE_URLS setting.
"""

from crawler.spiders.base import NewsSiteSpider
from crawler.themes.tagdiv import TagDivParser


class RadarTangselSpider(NewsSiteSpider):
    name = "radartangsel"
    default_base_url = "https://radartangsel.com"
    parser = TagDivParser
