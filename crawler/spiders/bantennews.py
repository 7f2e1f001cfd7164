"""BantenNews (bantennews.co.id): Banten regional news, WordPress with the tagDiv Newspaper
theme, classic single template. Its differences from Radar Tangsel are all theme variants the
profile already handles: the "Oleh" byline label, the "LABEL" tag label (Newspaper 9.x
strings), the body inside div.dable-content-wrapper, the inline ad slot, and the visible date
"Senin 27 Des 2021 16:12 WIB" (time[datetime] is read first anyway). Its SEO plugin (AIOSEO)
serves /sitemap.xml, which the default sitemap paths include. No REST API: the tagDiv profile
reads fields the API lacks.
"""

from crawler.site import Site
from crawler.themes.tagdiv import TagDivParser

SITE = Site(
    name="bantennews",
    base_url="https://www.bantennews.co.id",
    parser=TagDivParser,
    rest_api=False,
)
