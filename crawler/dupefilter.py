"""RunDupeFilter: Scrapy's duplicate filter, remembering the requests of this run only.

With JOBDIR, Scrapy's RFPDupeFilter keeps every request fingerprint in `requests.seen`, while the
queue of pending requests is saved only when the crawl stops cleanly. A run killed with SIGKILL
(or by the OOM killer, or a reboot) therefore leaves fingerprints of requests it queued but never
completed, and the resumed run would filter those articles out for good. Here the store is the
record of what was crawled: every run re-reads the sources and the incremental middleware skips
what is stored, so the fingerprints need not outlive the run, and a resumed run misses nothing.
A cleanly stopped job still resumes its saved queue; an article that is both in that queue and
found again may be fetched twice, which stores it once (the store keys articles by URL).

The fingerprints are the one thing a crawl keeps for every request it makes, so they are kept
as ints: the same 160 bits, in a 48-byte object where Scrapy's 20-byte `bytes` takes a 64-byte
block (bench/memory.py).
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.request import RequestFingerprinterProtocol


class RunDupeFilter(RFPDupeFilter):
    def __init__(
        self, debug: bool = False, *, fingerprinter: RequestFingerprinterProtocol | None = None
    ) -> None:
        # No job directory: nothing written to, nor read from, requests.seen.
        super().__init__(None, debug, fingerprinter=fingerprinter)
        self._seen: set[int] = set()  # the fingerprints of this run's requests, as ints

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunDupeFilter:
        return cls(
            crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=crawler.request_fingerprinter,
        )

    def request_seen(self, request: Request) -> bool:
        # Scrapy's public fingerprinter (the crawler's REQUEST_FINGERPRINTER_CLASS); the whole
        # digest as one int, lossless: no false duplicates.
        fingerprint = int.from_bytes(self.fingerprinter.fingerprint(request))
        if fingerprint in self._seen:
            return True
        self._seen.add(fingerprint)
        return False
