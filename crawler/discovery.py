"""The discovery state of one run of a site spider: which sources listed articles, which child
sitemaps are still to read, whether the listings walk has started and who starts it.

The spider owns it (crawler/spiders/base.py: `spider.discovery`); the distributed scheduler
(crawler/distributed.py) talks to it through these named methods, never through the spider's
attributes, so a rename fails loudly instead of silently changing a distributed run.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable


class DiscoveryState:
    def __init__(
        self,
        walk_listings: Callable[[], None],
        limit_reached: Callable[[], bool],
        max_sitemaps: int = 0,
    ):
        """`walk_listings` queues the listing requests (the spider's); `limit_reached` says
        whether the run has its articles (`-a limit`); `max_sitemaps` bounds the child sitemaps
        queued in a run (DISCOVERY_MAX_SITEMAPS; 0: no bound)."""
        self._walk_listings = walk_listings
        self._limit_reached = limit_reached
        self._listed: Counter[str] = Counter()  # article URLs found, per source
        # Child sitemaps of indexes not read yet, in reading order. They are read one at a
        # time, the next one when the crawl goes idle: the scheduler then holds one sitemap's
        # articles (Yoast: 1,000), not the whole site's, so memory does not grow with the site.
        # First in, first out: the children of an index before those of an index it lists, so
        # an index that chains to another without end cannot starve the real post sitemaps
        # (read last-in first-out, it did: 30 of 40 articles never fetched).
        self._child_sitemaps: deque[str] = deque()
        self._sitemaps_queued: set[str] = set()
        self.max_sitemaps = max_sitemaps
        self._listings_started = False
        # Who starts the listings fallback: the spider itself when it goes idle, or, in a
        # distributed run, the run, once for all of its workers.
        self._listings_by_run = False

    # --- what the spider records ------------------------------------------------------------
    def article_listed(self, source: str) -> None:
        self._listed[source] += 1

    def listed_by(self, source: str) -> int:
        return self._listed[source]

    def queue_child_sitemaps(self, urls: list[str]) -> int:
        """Queue the child sitemaps of an index, given oldest first, to be read newest first;
        one queued before is not queued again (an index listing itself). Returns how many were
        refused because the run already queued DISCOVERY_MAX_SITEMAPS."""
        refused = 0
        for url in reversed(urls):
            if url in self._sitemaps_queued:
                continue
            if self.max_sitemaps and len(self._sitemaps_queued) >= self.max_sitemaps:
                refused += 1
                continue
            self._sitemaps_queued.add(url)
            self._child_sitemaps.append(url)
        return refused

    def next_child_sitemap(self) -> str:
        """The child sitemap queued first among those not read yet."""
        return self._child_sitemaps.popleft()

    def has_child_sitemaps(self) -> bool:
        """Whether a child sitemap is still to read (none once the limit is reached)."""
        return bool(self._child_sitemaps) and not self._limit_reached()

    def listings_due_on_idle(self) -> bool:
        """Whether the spider, gone idle, walks the listings itself: no sitemap listed an
        article, the walk has not started, and no distributed run decides it instead."""
        return (
            not self._listings_by_run and self.may_walk_listings() and not self._listed["sitemap"]
        )

    def start_listings(self) -> None:
        self._listings_started = True
        self._walk_listings()

    # --- what the distributed scheduler asks and tells ---------------------------------------
    def leave_listings_to_the_run(self) -> None:
        """A distributed run decides the listings fallback for all its workers."""
        self._listings_by_run = True

    def listed_articles(self) -> Counter[str]:
        """Article URLs found so far, per source (a copy)."""
        return Counter(self._listed)

    def may_walk_listings(self) -> bool:
        return not (self._listings_started or self._limit_reached())

    def start_listings_for_run(self) -> None:
        """The run chose this worker to walk the listings."""
        self.start_listings()
