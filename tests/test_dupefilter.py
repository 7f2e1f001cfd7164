"""RunDupeFilter (crawler/dupefilter.py): each request of a run is let through once, and nothing
is remembered beyond the run, also with JOBDIR."""

from __future__ import annotations

from scrapy import Request
from scrapy.utils.test import get_crawler

from crawler.dupefilter import RunDupeFilter


class LastByteFingerprinter:
    """Fingerprints that differ in one byte only, at either end: a filter that kept part of
    them would take these requests for one another."""

    def fingerprint(self, request: Request) -> bytes:
        number = int(request.url.rsplit("/", 1)[1])
        return number.to_bytes(20) if number < 256 else (number >> 8).to_bytes(1) + bytes(19)


def filter_for(**settings: str) -> RunDupeFilter:
    return RunDupeFilter.from_crawler(get_crawler(settings_dict=settings))


def test_a_request_is_let_through_once_per_run():
    dupefilter = filter_for()
    article = "http://news.example/2024/01/02/a/"
    assert not dupefilter.request_seen(Request(article))
    assert dupefilter.request_seen(Request(article))
    assert dupefilter.request_seen(Request(article + "#comments"))  # same fingerprint in Scrapy
    assert not dupefilter.request_seen(Request("http://news.example/2024/01/02/b/"))
    assert not dupefilter.request_seen(Request(article, method="POST", body=b"q=1"))
    assert not filter_for().request_seen(Request(article))  # a new run has seen nothing


def test_fingerprints_are_kept_whole():
    dupefilter = RunDupeFilter(fingerprinter=LastByteFingerprinter())
    requests = [Request(f"http://news.example/{number}") for number in (0, 1, 2, 256, 512)]
    assert [dupefilter.request_seen(request) for request in requests] == [False] * 5
    assert [dupefilter.request_seen(request) for request in requests] == [True] * 5


def test_nothing_is_kept_in_the_job_directory(tmp_path):
    job = tmp_path / "job"
    job.mkdir()
    article = Request("http://news.example/2024/01/02/a/")
    dupefilter = filter_for(JOBDIR=str(job))
    dupefilter.open()
    assert not dupefilter.request_seen(article)
    dupefilter.close("shutdown")
    assert list(job.iterdir()) == []
    resumed = filter_for(JOBDIR=str(job))
    assert not resumed.request_seen(article)  # the resumed run fetches it if it is not stored
