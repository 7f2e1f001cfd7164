"""RunDupeFilter: Scrapy's duplicate filter, remembering the requests of this run only.

With JOBDIR, Scrapy's RFPDupeFilter keeps every request fingerprint in `requests.seen`, while the
queue of pending requests is saved only when the crawl stops cleanly. A run killed with SIGKILL
(or by the OOM killer, or a reboot) therefore leaves fingerprints of requests it queued but never
completed, and the resumed run would filter those articles out for good. Here the store is the
record of what was crawled: every run re-reads the sources and the incremental middleware skips
what is stored, so the fingerprints need not outlive the run, and a resumed run misses nothing.
A cleanly stopped job still resumes its saved queue; an article that is both in that queue and
found again may be fetched twice, which stores it once (the store keys articles by URL).
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter


class RunDupeFilter(RFPDupeFilter):
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunDupeFilter:
        return cls(
            None,  # no job directory: nothing written to, nor read from, requests.seen
            crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=crawler.request_fingerprinter,
        )
