"""Request meta keys: the one place a request's meta is named. Spiders set them, middlewares
read them; everything in a value travels pickled (JOBDIR, the Redis queue of distributed runs),
so values are plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# A Discovered, on the request of an article a source listed (read by crawler/incremental.py).
DISCOVERED = "discovered"
# True on a listing's next-page request: dropped when the page's articles were all known.
LISTING_NEXT_PAGE = "listing_next_page"
# How many pages of its listing a listing page is from the first (1 on the first).
LISTING_DEPTH = "listing_depth"
# The MultiPageArticle being completed, on the request of a later page of an article.
ARTICLE = "article"
# That later page's number.
PAGE_NUMBER = "page_number"


@dataclass(frozen=True)
class Discovered:
    """How an article request came about: its canonical URL (the store's key), the source that
    listed it (sitemap, feed, listing, rest) and the date the source gave, if any."""

    url: str
    source: str
    date: datetime | None = None


# True on the spider's request for a site's robots.txt: the robots.txt middleware answers it
# with its own download of the file (crawler/robots.py).
ROBOTS_TXT = "robots_txt"
# The log level of the line Scrapy's retries log when they give up on the request (default:
# RETRY_GIVE_UP_LOG_LEVEL): lower where the request's errback reports the failure itself.
GIVE_UP_LOG_LEVEL = "give_up_log_level"
