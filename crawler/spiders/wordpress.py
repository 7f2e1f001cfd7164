"""The generic spider: any WordPress news site without a site of its own, named by its address.

    scrapy crawl wordpress -a base_url=https://www.example.co.id [-a name=example] [-a rest_api=0]

A site record like any other (crawler/site.py), without an address: REST API first, then each
article page read by the theme profile its markup points to, or by the fallback extractor.
`-a name` sets the items' `site` (default: the host without www.).
"""

from crawler.site import Site
from crawler.spiders.base import site_spider

GENERIC_SITE = Site(name="wordpress")

WordPressSpider = site_spider(GENERIC_SITE, module=__name__)
