"""The generic news spider: any news site, WordPress or not, named by its address.

    scrapy crawl news -a base_url=https://www.example.co.id [-a name=example] [-a rest_api=1]

A site record like any other (crawler/site.py), without an address, whose options fit sites of
any CMS: no REST API unless `-a rest_api=1`; the sitemaps robots.txt names, else those at the
paths news CMSs use, and every child sitemap of an index but those of pages, sections, tags,
authors and media; the feeds at the usual paths; the listings as the fallback, their article
links read from the headlines. Each article page is read by the theme profile its markup points
to, or by the fallback extractor (structured data, meta conventions, the visible headline,
byline and date line), exactly as under `scrapy crawl wordpress`.
"""

from crawler.site import Site
from crawler.spiders.base import site_spider
from crawler.spiders.wordpress import GENERIC_SITE

NEWS_SITE = Site(
    name="news",
    rest_api=False,
    sitemap_paths=(
        "/sitemap.xml",
        "/sitemap_index.xml",
        "/sitemap-index.xml",
        "/sitemap-news.xml",
        "/news-sitemap.xml",
        "/wp-sitemap.xml",
    ),
    # Every child sitemap but the kinds that list no article, by a word of the file's path:
    # Yoast's page-/category-/post_tag-/author-sitemap, core's wp-sitemap-users, image and
    # video sitemaps. Monthly or daily post sitemaps are named anyhow (sitemap-2026-12.xml,
    # /sitemap/news/2026/12/04.xml): naming what to read would miss some.
    sitemap_follow=(
        r"^(?!.*(?<![a-z])(?:pages?|categor(?:y|ies)|tags?|authors?|users?|taxonom(?:y|ies)"
        r"|images?|videos?)(?![a-z]))"
    ),
    feed_paths=("/feed/", "/rss", "/rss.xml", "/feed.xml", "/atom.xml"),
    # Every CMS prints a teaser's title as a heading linking to the article.
    listing_links=("h2 a::attr(href)", "h3 a::attr(href)"),
    # The sections are the site's navigation menu.
    section_links=("nav a::attr(href)",),
)

NewsSpider = site_spider(NEWS_SITE, module=__name__)

# The generic spiders, no sites of their own: their crawls store each site under its host or
# `-a name`.
GENERIC_SPIDER_NAMES = frozenset(site.name for site in (GENERIC_SITE, NEWS_SITE))
