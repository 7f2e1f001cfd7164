"""All MongoDB access of the crawler, behind one class: the only module that imports pymongo.

Plain pymongo, correct against any MongoDB and against the embedded SecantusDB server, which
lacks text indexes only (search then matches the words in order instead of ranking them).

`articles` holds one document per canonical url: the item's fields as they are
(crawler/items.py) plus the store's bookkeeping:

    first_seen   when the url was first fetched              (aware UTC datetime)
    last_seen    when it was last fetched                    (aware UTC datetime)
    fetch_count  how many times it was fetched
    version      1, plus one for every change of content_hash
    refetch_reason, refetch_count
                 only while the stored copy lacks something a later fetch may bring
                 (missing_part: incomplete, no_body, no_date): what it lacks, and how many
                 refetches in a row brought it without it (0 after the first fetch). The
                 incremental middleware stops refetching it at INCREMENTAL_MAX_REFETCHES
                 (crawler/incremental.py); a fetch that brings the part removes both fields.

The times are the item's fetched_at (the write time for an item without one), so an article
written late, from the spool, keeps the time it was really fetched. A fetch no newer than
last_seen is already recorded (a replayed or retried write) and is not written again.

When a fetch brings a new content_hash (an editor fixed the article), the article takes the new
fields and `article_versions` keeps the previous version: url, version, fetched_at,
content_hash, replaced_at, and the old value of every field that changed.

`pages` holds the raw HTML of the fetched article pages, zlib-compressed as BSON Binary, with
what re-parsing needs: url, article_url (the canonical url of the article), site, page number,
status, headers (Content-Type, Last-Modified, ETag), fetched_at. Only the newest fetch of each
page url is kept (an insert for a new url, else an upsert by url that an older fetch never
overwrites). With a retention, each crawl deletes the pages fetched more than that many days
before it (`delete_expired_pages`, on the fetched_at index). Not a TTL index: SecantusDB's TTL
sweeper reads every stored page once a minute under its storage lock (writes stalled ~1 s per
25,000 pages, bench/memory.py), and the embedded server, stopped when its last crawl ends,
seldom lives the minute it waits before its first sweep.

`runs` holds one document per crawl (crawler/store/runs.py builds it), keyed by run_id.

`dead_urls` remembers the article URLs that answered 404 or 410, one document per url: status
(the last answer), failures (how many runs in a row got it) and last_failed_at, from which the
crawl decides when to fetch it again (crawler/incremental.py). A URL that answers again is
deleted from it.

One writer per url at a time is assumed (one crawl per site); every write is an upsert, safe
to retry or replay after a failure.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bson import Binary
from bson.errors import InvalidDocument
from pymongo import ASCENDING, DESCENDING, TEXT, IndexModel, InsertOne, MongoClient, UpdateOne
from pymongo.errors import (
    BulkWriteError,
    ConfigurationError,
    ConnectionFailure,
    InvalidName,
    OperationFailure,
    PyMongoError,
)

from crawler.store.errors import StoreError, mask_uri

logger = logging.getLogger(__name__)

ARTICLES = "articles"
ARTICLE_VERSIONS = "article_versions"
PAGES = "pages"
RUNS = "runs"
DEAD_URLS = "dead_urls"

CANNOT_CREATE_INDEX = 67  # what SecantusDB answers to a text index
TEXT_INDEX = "title_body_text"
AUTHENTICATION_FAILED = 18
DUPLICATE_KEY = 11000

# Recorded in every version document, so never listed among the changed fields.
VERSION_IDENTITY = ("url", "content_hash", "fetched_at")
# What the store adds to an article's item fields (the module docstring says what they mean).
# (refetch_reason and refetch_count are the crawl's bookkeeping of what an article still lacks,
# not exported.)
STORE_FIELDS = ("first_seen", "last_seen", "fetch_count", "version")
REFETCH_FIELDS = ("refetch_reason", "refetch_count")
KNOWN_URL_FIELDS = ("content_hash", "published_at", "complete", "last_seen", *REFETCH_FIELDS)
URLS_PER_LOOKUP = 1000  # keeps each $in query well under the 16 MB command limit
PAGE_COMPRESSION = "zlib"
# zlib's default (6) spends twice the CPU of level 4 on a WordPress page for 4% fewer bytes
# (0.8 against 0.37 ms for a 42 KB replica page, 20.1% against 20.9% of its size); the store
# pipeline compresses every fetched page, reparse decompresses at the same speed either way.
PAGE_COMPRESSION_LEVEL = 4
LEGACY_PAGES_TTL_INDEX = "fetched_at_ttl"  # how stores kept the retention before

# unique url: one document per article; the others serve the crawl (what is known of a site,
# what went stale) and the queries people run (a site's newest articles, a tag).
ARTICLE_INDEXES = (
    IndexModel([("url", ASCENDING)], unique=True, name="url_unique"),
    IndexModel([("site", ASCENDING), ("published_at", DESCENDING)], name="site_published_at"),
    IndexModel([("site", ASCENDING), ("last_seen", ASCENDING)], name="site_last_seen"),
    IndexModel([("tags", ASCENDING)], name="tags"),
)
VERSION_INDEXES = (
    IndexModel([("url", ASCENDING), ("version", ASCENDING)], unique=True, name="url_version"),
)
# An article's pages, in order, for re-parsing; a site's pages by age, for `reparse --since`.
PAGE_INDEXES = (
    IndexModel([("url", ASCENDING)], unique=True, name="url_unique"),
    IndexModel([("article_url", ASCENDING), ("page", ASCENDING)], name="article_url_page"),
    IndexModel([("site", ASCENDING), ("fetched_at", ASCENDING)], name="site_fetched_at"),
    IndexModel([("fetched_at", ASCENDING)], name="fetched_at"),  # the retention's deletes
)
DEAD_URL_INDEXES = (IndexModel([("url", ASCENDING)], unique=True, name="url_unique"),)
RUN_INDEXES = (
    IndexModel([("run_id", ASCENDING)], unique=True, name="run_id_unique"),
    IndexModel([("spider", ASCENDING), ("started_at", DESCENDING)], name="spider_started_at"),
)


def missing_part(article: dict[str, Any]) -> str | None:
    """What an article (stored, or an item about to be) lacks that a later fetch may bring:
    incomplete (a later page stayed missing), no_body (no content), no_date (no published_at);
    None when it lacks none of them."""
    if article.get("complete") is False:
        return "incomplete"
    if not article.get("content_hash"):
        return "no_body"
    if article.get("published_at") is None:
        return "no_date"
    return None


@dataclass(frozen=True)
class UpsertCounts:
    new: int = 0
    updated: int = 0  # content_hash changed: version + 1, old values in article_versions
    unchanged: int = 0  # same content_hash: only last_seen and fetch_count moved
    stale: int = 0  # fetched no later than last_seen: already recorded, not written
    # (url, missing part) of the articles whose refetch_count reached max_refetches with
    # this write: the incremental middleware refetches them no more.
    given_up: tuple[tuple[str, str], ...] = ()

    def __add__(self, other: UpsertCounts) -> UpsertCounts:
        return UpsertCounts(
            new=self.new + other.new,
            updated=self.updated + other.updated,
            unchanged=self.unchanged + other.unchanged,
            stale=self.stale + other.stale,
            given_up=self.given_up + other.given_up,
        )


class ArticleStore:
    """Articles in one MongoDB database. A malformed URI raises StoreError at once; whether
    the server answers (and accepts the credentials) is what `check()` finds out."""

    def __init__(
        self, uri: str, database: str, *, timeout_ms: int = 5000, location: str | None = None
    ) -> None:
        self.uri = mask_uri(uri)
        self.database = database
        self.location = location or f"MongoDB at {self.uri}"  # for people: see describe()
        self.timeout_ms = timeout_ms
        self.supports_text_search: bool | None = None  # known after ensure_indexes()
        try:
            self._client: MongoClient = MongoClient(
                uri,
                tz_aware=True,
                serverSelectionTimeoutMS=timeout_ms,
                connectTimeoutMS=timeout_ms,
                appname="regional-news-crawler",
            )
        except (ConfigurationError, ValueError, TypeError) as exc:
            raise StoreError(f"malformed MongoDB URI {self.uri}: {exc}") from exc
        try:
            db = self._client[database]
        except InvalidName as exc:
            self._client.close()
            raise StoreError(f"invalid MongoDB database name {database!r}: {exc}") from exc
        self._articles = db[ARTICLES]
        self._versions = db[ARTICLE_VERSIONS]
        self._pages = db[PAGES]
        self._runs = db[RUNS]
        self._dead_urls = db[DEAD_URLS]

    def __enter__(self) -> ArticleStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def describe(self) -> str:
        """Where the articles are, for messages to people."""
        return f"{self.location}, database {self.database!r}"

    def check(self) -> None:
        """Raise StoreError unless the server answers and accepts the credentials."""
        with self._errors("ping"):
            self._client.admin.command("ping")

    def ensure_indexes(self) -> None:
        """Create the indexes the crawl and the queries need; safe to call every run."""
        with self._errors("create indexes"):
            self._articles.create_indexes(list(ARTICLE_INDEXES))
            self._versions.create_indexes(list(VERSION_INDEXES))
            # A store from before kept the retention as a TTL index on the same key: it goes
            # first (the plain index could not be created beside it), and its sweeps with it.
            if LEGACY_PAGES_TTL_INDEX in self._pages.index_information():
                self._pages.drop_index(LEGACY_PAGES_TTL_INDEX)
            self._pages.create_indexes(list(PAGE_INDEXES))
            self._runs.create_indexes(list(RUN_INDEXES))
            self._dead_urls.create_indexes(list(DEAD_URL_INDEXES))
            if self.supports_text_search is not False:
                self.supports_text_search = self._create_text_index()

    def delete_expired_pages(self, retention_days: int, now: datetime | None = None) -> int:
        """Delete the pages fetched more than `retention_days` days before `now` (0: none);
        return how many. Every site's: a site no longer crawled must not keep its pages."""
        if retention_days <= 0:
            return 0
        cutoff = (now or datetime.now(UTC)) - timedelta(days=retention_days)
        with self._errors("delete expired pages"):
            return self._pages.delete_many({"fetched_at": {"$lt": cutoff}}).deleted_count

    def _create_text_index(self) -> bool:
        try:
            self._articles.create_index(
                [("title", TEXT), ("body", TEXT)],
                name=TEXT_INDEX,
                weights={"title": 3, "body": 1},
                # MongoDB has no Indonesian stemmer; "none" also keeps English stop words
                # from being dropped out of Indonesian text.
                default_language="none",
            )
        except OperationFailure as exc:
            if exc.code != CANNOT_CREATE_INDEX:
                raise
            logger.info(
                "MongoDB at %s has no text indexes (%s): `scrapy articles search` matches the "
                "words in that order, newest first, instead of ranking them",
                self.uri,
                _reason(exc),
            )
            return False
        return True

    def save_fetched(
        self,
        articles: list[dict[str, Any]],
        pages: list[dict[str, Any]],
        *,
        now: datetime | None = None,
        max_refetches: int = 0,
    ) -> UpsertCounts:
        """Store fetched articles with their raw pages: what the store pipeline and the spool
        replay write. Pages first, so that a retry after a failure rewrites both.
        `max_refetches`: see upsert_articles."""
        self.upsert_pages(pages)
        return self.upsert_articles(articles, now=now, max_refetches=max_refetches)

    def upsert_articles(
        self,
        items: list[dict[str, Any]],
        *,
        now: datetime | None = None,
        fetched: bool = True,
        max_refetches: int = 0,
    ) -> UpsertCounts:
        """Store a batch of items keyed by their canonical url (the last item of a url wins).

        A fetched item that lacks what its stored copy lacked (missing_part) counts one more
        refetch in vain (refetch_count); those whose count reaches `max_refetches` (0: none)
        with this write are named in the counts' given_up.

        fetched=False: the items were extracted again from stored pages (`scrapy reparse`),
        which is not a fetch: last_seen and fetch_count stay, and only a changed content_hash
        is written (as a new version).

        One read of the stored (url, content_hash, version, last_seen) of the batch, one more
        read and one insert_many only when some articles changed, then one unordered
        bulk_write: inserts for the new urls (cheaper than upserts: SecantusDB takes them
        twice as fast), updates for the others. Should another writer store a new url between
        the read and the write, its insert meets the unique url and the item goes through
        the whole path again, as a stored article.
        """
        now = _as_stored(now or datetime.now(UTC))
        latest = {item["url"]: item for item in items}
        if not latest:
            return UpsertCounts()
        with self._errors(f"store {len(latest)} articles"):
            stored = self._stored(list(latest))
            stale = {url for url, doc in stored.items() if fetched and _is_stale(latest[url], doc)}
            changed = [
                url
                for url, doc in stored.items()
                if url not in stale and doc.get("content_hash") != latest[url].get("content_hash")
            ]
            if changed:
                self._archive_previous_versions(changed, latest, now)
            writes = [
                (url, operation)
                for url, item in latest.items()
                if url not in stale
                and (operation := _write_op(item, stored.get(url), now, fetched=fetched))
            ]
            raced = self._bulk_write(writes)
        given_up = tuple(
            (url, reason)
            for url, doc in stored.items()
            if fetched
            and max_refetches
            and url not in stale
            and (reason := missing_part(latest[url])) is not None
            and _refetches(latest[url], doc) == max_refetches
        )
        counts = UpsertCounts(
            new=len(latest) - len(stored) - len(raced),
            updated=len(changed),
            unchanged=len(stored) - len(changed) - len(stale),
            stale=len(stale),
            given_up=given_up,
        )
        if raced:
            counts += self.upsert_articles(
                [latest[url] for url in raced],
                now=now,
                fetched=fetched,
                max_refetches=max_refetches,
            )
        return counts

    def _stored(self, urls: list[str]) -> dict[str, dict[str, Any]]:
        """url -> what the write path needs of the stored articles among `urls`."""
        fields = ("content_hash", "version", "last_seen", "complete", "published_at")
        projection = {"_id": 0, "url": 1, **dict.fromkeys(fields + REFETCH_FIELDS, 1)}
        return {doc["url"]: doc for doc in self._articles.find({"url": {"$in": urls}}, projection)}

    def _bulk_write(self, writes: list[tuple[str, InsertOne | UpdateOne]]) -> list[str]:
        """Write (url, operation) pairs; return the urls whose insert met an article stored
        in the meantime."""
        if not writes:
            return []
        try:
            self._articles.bulk_write([operation for _, operation in writes], ordered=False)
        except BulkWriteError as exc:
            errors = exc.details["writeErrors"]
            if not all(
                error["code"] == DUPLICATE_KEY and isinstance(writes[error["index"]][1], InsertOne)
                for error in errors
            ):
                raise
            return [writes[error["index"]][0] for error in errors]
        return []

    def upsert_pages(self, pages: list[dict[str, Any]]) -> int:
        """Store raw pages (dicts as crawler.spiders.base.raw_page makes them, plus article_url
        and site), keeping the newest fetch of each page url. Returns how many were given.

        One read of which page urls are stored, then inserts for the others: SecantusDB takes
        an insert for a fifth of the CPU of an upsert, and a first crawl stores only new pages.
        Stored urls, and inserts that meet a page stored in the meantime (or earlier in the same
        batch), are upserted over an older fetch only."""
        if not pages:
            return 0
        documents = [_page_document(page) for page in pages]
        with self._errors(f"store {len(pages)} pages"):
            stored = self._stored_page_urls([document["url"] for document in documents])
            raced = self._insert_pages([doc for doc in documents if doc["url"] not in stored])
            self._upsert_older_pages([doc for doc in documents if doc["url"] in stored] + raced)
        return len(pages)

    def _stored_page_urls(self, urls: list[str]) -> set[str]:
        cursor = self._pages.find({"url": {"$in": urls}}, {"_id": 0, "url": 1})
        return {doc["url"] for doc in cursor}

    def _insert_pages(self, documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Insert pages; return those whose url was stored meanwhile (a duplicate key)."""
        if not documents:
            return []
        try:
            operations = [InsertOne(_in_upsert_order(doc)) for doc in documents]
            self._pages.bulk_write(operations, ordered=False)
        except BulkWriteError as exc:
            errors = exc.details["writeErrors"]
            if any(error["code"] != DUPLICATE_KEY for error in errors):
                raise
            return [documents[error["index"]] for error in errors]
        return []

    def _upsert_older_pages(self, documents: list[dict[str, Any]]) -> None:
        if not documents:
            return
        operations = [
            UpdateOne(
                # Matches only an older fetch: when the stored one is newer, the upsert's insert
                # hits the unique url (a duplicate key, ignored) and the newer page stays.
                {"url": doc["url"], "fetched_at": {"$lt": doc["fetched_at"]}},
                {"$set": doc},
                upsert=True,
            )
            for doc in documents
        ]
        try:
            self._pages.bulk_write(operations, ordered=False)
        except BulkWriteError as exc:
            if any(error["code"] != DUPLICATE_KEY for error in exc.details["writeErrors"]):
                raise

    def page_article_urls(
        self, *, site: str | None = None, since: datetime | None = None
    ) -> list[str]:
        """The article urls with stored pages, of one site and fetched since a time if given."""
        query: dict[str, Any] = {}
        if site is not None:
            query["site"] = site
        if since is not None:
            query["fetched_at"] = {"$gte": since}
        with self._errors("list stored pages"):
            cursor = self._pages.find(query, {"_id": 0, "article_url": 1})
            return list(dict.fromkeys(doc["article_url"] for doc in cursor))

    def article_pages(self, article_urls: list[str]) -> dict[str, list[dict[str, Any]]]:
        """article url -> its stored pages in page order, bodies decompressed; when a page
        number was stored under two urls (tracking parameters), the newest fetch."""
        newest: dict[tuple[str, int], dict[str, Any]] = {}
        with self._errors("read stored pages"):
            for start in range(0, len(article_urls), URLS_PER_LOOKUP):
                chunk = article_urls[start : start + URLS_PER_LOOKUP]
                for doc in self._pages.find({"article_url": {"$in": chunk}}, {"_id": 0}):
                    key = (doc["article_url"], doc["page"])
                    if key not in newest or newest[key]["fetched_at"] < doc["fetched_at"]:
                        newest[key] = doc
        pages: dict[str, list[dict[str, Any]]] = {}
        for (article_url, _), doc in sorted(newest.items()):
            pages.setdefault(article_url, []).append(_read_page(doc))
        return pages

    def record_run(self, run: dict[str, Any]) -> None:
        """Store a crawl's run document (runs.py); again with the same run_id replaces it."""
        with self._errors("record the run"):
            self._runs.replace_one({"run_id": run["run_id"]}, run, upsert=True)

    def _archive_previous_versions(
        self, urls: list[str], latest: dict[str, dict[str, Any]], now: datetime
    ) -> None:
        previous = self._articles.find({"url": {"$in": urls}}, {"_id": 0})
        records = [_previous_version(doc, latest[doc["url"]], now) for doc in previous]
        try:
            self._versions.insert_many(records, ordered=False)
        except BulkWriteError as exc:
            # A retry of a batch whose articles were not updated yet archives the same
            # versions again: those are already there, and nothing else may fail.
            if any(error["code"] != DUPLICATE_KEY for error in exc.details["writeErrors"]):
                raise

    def get(self, url: str) -> dict[str, Any] | None:
        with self._errors("read an article"):
            return self._articles.find_one({"url": url}, {"_id": 0})

    def get_first(self, urls: list[str]) -> dict[str, Any] | None:
        """The stored article of the first of `urls` that is stored, or None: one query."""
        with self._errors("read an article"):
            found = {
                doc["url"]: doc for doc in self._articles.find({"url": {"$in": urls}}, {"_id": 0})
            }
        return next((found[url] for url in urls if url in found), None)

    def find(
        self,
        filter: dict[str, Any] | None = None,
        *,
        sort: list[tuple[str, int]] | None = None,
        limit: int = 0,
        fields: list[str] | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Articles matching a MongoDB filter, e.g. find({"site": "radartangsel"},
        sort=[("published_at", -1)], limit=20). `fields` limits the keys returned."""
        projection = {"_id": 0, **dict.fromkeys(fields, 1)} if fields else {"_id": 0}
        cursor = self._articles.find(filter or {}, projection, sort=sort, limit=limit)
        with self._errors("query articles"), cursor:
            yield from cursor

    def count(self, filter: dict[str, Any] | None = None) -> int:
        with self._errors("count articles"):
            return self._articles.count_documents(filter or {})

    def versions(self, url: str) -> list[dict[str, Any]]:
        """The previous versions of an article, oldest first."""
        with self._errors("read article versions"):
            return list(self._versions.find({"url": url}, {"_id": 0}, sort=[("version", 1)]))

    def search(
        self, text: str, *, filter: dict[str, Any] | None = None, limit: int = 0
    ) -> Iterator[dict[str, Any]]:
        """Articles whose title or body contain the words of `text`, which is never read as a
        pattern or an operator: ranked by MongoDB's text search where the text index exists,
        else (SecantusDB) a case-insensitive match of the words in that order, newest first."""
        if self.supports_text_search is None:
            with self._errors("list indexes"):
                self.supports_text_search = TEXT_INDEX in self._articles.index_information()
        if self.supports_text_search:
            score = {"$meta": "textScore"}
            query = {**(filter or {}), "$text": {"$search": text}}
            cursor = self._articles.find(
                query, {"_id": 0, "score": score}, sort=[("score", score)], limit=limit
            )
            with self._errors("search articles"), cursor:
                for doc in cursor:
                    doc.pop("score", None)
                    yield doc
            return
        words = {"$regex": r"\s+".join(map(re.escape, text.split())), "$options": "i"}
        query = {"$and": [filter or {}, {"$or": [{"title": words}, {"body": words}]}]}
        yield from self.find(query, sort=[("published_at", DESCENDING)], limit=limit)

    def count_by(self, field: str, filter: dict[str, Any] | None = None) -> dict[Any, int]:
        """How many articles have each value of `field`, e.g. count_by("site")."""
        pipeline = [
            {"$match": filter or {}},
            {"$group": {"_id": f"${field}", "count": {"$sum": 1}}},
        ]
        with self._errors(f"count articles by {field}"):
            return {doc["_id"]: doc["count"] for doc in self._articles.aggregate(pipeline)}

    def runs(self, *, spider: str | None = None, limit: int = 0) -> list[dict[str, Any]]:
        """Recorded crawl runs (runs.py), newest first; of one spider if given."""
        query = {} if spider is None else {"spider": spider}
        with self._errors("read runs"):
            cursor = self._runs.find(query, {"_id": 0}, sort=[("started_at", -1)], limit=limit)
            return list(cursor)

    def known_urls(self, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
        """url -> {content_hash, published_at, complete, last_seen} for the stored ones."""
        wanted = list(dict.fromkeys(urls))
        projection = {"_id": 0, "url": 1, **dict.fromkeys(KNOWN_URL_FIELDS, 1)}
        known: dict[str, dict[str, Any]] = {}
        with self._errors("look up known urls"):
            for start in range(0, len(wanted), URLS_PER_LOOKUP):
                chunk = wanted[start : start + URLS_PER_LOOKUP]
                for doc in self._articles.find({"url": {"$in": chunk}}, projection):
                    known[doc["url"]] = {field: doc.get(field) for field in KNOWN_URL_FIELDS}
        return known

    def dead_urls(self, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
        """url -> {failures, last_failed_at} of the given URLs that answered 404/410 when
        last fetched."""
        wanted = list(dict.fromkeys(urls))
        dead: dict[str, dict[str, Any]] = {}
        projection = {"_id": 0, "url": 1, "failures": 1, "last_failed_at": 1}
        with self._errors("look up dead urls"):
            for start in range(0, len(wanted), URLS_PER_LOOKUP):
                chunk = wanted[start : start + URLS_PER_LOOKUP]
                for doc in self._dead_urls.find({"url": {"$in": chunk}}, projection):
                    dead[doc.pop("url")] = doc
        return dead

    def record_dead_urls(self, failures: dict[str, int], now: datetime) -> None:
        """Remember URLs that answered 404/410 (url -> status) at `now`, one failure more."""
        if not failures:
            return
        with self._errors(f"record {len(failures)} dead urls"):
            writes = [
                UpdateOne(
                    {"url": url},
                    {"$set": {"status": status, "last_failed_at": now}, "$inc": {"failures": 1}},
                    upsert=True,
                )
                for url, status in failures.items()
            ]
            self._dead_urls.bulk_write(writes, ordered=False)

    def forget_dead_urls(self, urls: Iterable[str]) -> int:
        """URLs that answer again: fetched like any other from now on."""
        wanted = list(urls)
        if not wanted:
            return 0
        with self._errors("forget dead urls"):
            return self._dead_urls.delete_many({"url": {"$in": wanted}}).deleted_count

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn driver errors into one StoreError naming the server and what failed."""
        try:
            yield
        except ConnectionFailure as exc:
            raise StoreError(
                f"MongoDB at {self.uri} did not answer within {self.timeout_ms} ms "
                f"({action}): {_reason(exc)}",
                retryable=True,
            ) from exc
        except OperationFailure as exc:
            if exc.code == AUTHENTICATION_FAILED:
                message = f"MongoDB at {self.uri} rejected the credentials: {_reason(exc)}"
            else:
                message = f"MongoDB at {self.uri} could not {action}: {_reason(exc)}"
            raise StoreError(message, retryable=exc.has_error_label("RetryableWriteError")) from exc
        except (PyMongoError, InvalidDocument) as exc:
            raise StoreError(f"MongoDB at {self.uri} could not {action}: {exc}") from exc


def _write_op(
    item: dict[str, Any], stored: dict[str, Any] | None, now: datetime, *, fetched: bool
) -> InsertOne | UpdateOne | None:
    url = item["url"]
    fields = {key: value for key, value in item.items() if key != "url"}
    seen = _seen_at(item, now)
    if stored is None:
        first = {"url": url, **fields, "first_seen": seen, "last_seen": seen}
        missing = missing_part(item) if fetched else None
        refetch = {"refetch_reason": missing, "refetch_count": 0} if missing else {}
        return InsertOne({**first, "fetch_count": 1, "version": 1, **refetch})
    if not fetched:  # extracted again, not fetched: only a change of content is written
        if stored.get("content_hash") == item.get("content_hash"):
            return None
        return UpdateOne({"url": url}, {"$set": fields, "$inc": {"version": 1}})
    refetch = _refetch_update(item, stored)
    if stored.get("content_hash") == item.get("content_hash"):
        # The content hash leaves the site out: an article crawled again under another name
        # (`scrapy crawl wordpress -a name=...`) is that site's from now on, as the run says.
        moved = {"last_seen": seen, "site": item["site"]} if "site" in item else {"last_seen": seen}
        update = {"$set": moved, "$inc": {"fetch_count": 1}}
        if missing_part(stored) not in (None, missing_part(item)):
            # The refetch brought what the stored copy lacked; a date is not in content_hash,
            # so without this the date would never be written, and refetched on every run.
            update["$set"].update(fields)
    else:
        update = {"$set": {**fields, "last_seen": seen}, "$inc": {"version": 1, "fetch_count": 1}}
    update["$set"].update(refetch.get("$set", {}))
    if "$unset" in refetch:
        update["$unset"] = refetch["$unset"]
    return UpdateOne({"url": url}, update)


def _refetches(item: dict[str, Any], stored: dict[str, Any] | None) -> int:
    """The refetch_count of an article once `item`, which lacks something, is written over
    `stored`: one more when the stored copy lacked the same, else 0 (a first fetch lacking it)."""
    if stored is None or missing_part(stored) != missing_part(item):
        return 0
    previous = stored.get("refetch_count") if stored.get("refetch_reason") else None
    return (previous if isinstance(previous, int) else 0) + 1


def _refetch_update(item: dict[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
    """The refetch fields' part of the update of a fetched article ($set or $unset)."""
    missing = missing_part(item)
    if missing is not None:
        return {"$set": {"refetch_reason": missing, "refetch_count": _refetches(item, stored)}}
    if any(field in stored for field in REFETCH_FIELDS):
        return {"$unset": dict.fromkeys(REFETCH_FIELDS, "")}
    return {}


def _seen_at(item: dict[str, Any], now: datetime) -> datetime:
    fetched_at = item.get("fetched_at")
    return _as_stored(fetched_at) if isinstance(fetched_at, datetime) else now


def _is_stale(item: dict[str, Any], stored: dict[str, Any]) -> bool:
    """Whether this fetch is already recorded: no newer than the stored last_seen."""
    last_seen = stored.get("last_seen")
    fetched_at = item.get("fetched_at")
    if not isinstance(last_seen, datetime) or not isinstance(fetched_at, datetime):
        return False
    return _as_stored(fetched_at) <= last_seen


def _page_document(page: dict[str, Any]) -> dict[str, Any]:
    document = {key: value for key, value in page.items() if key != "body"}
    document["fetched_at"] = _as_stored(page["fetched_at"])
    document["body"] = Binary(zlib.compress(page["body"], PAGE_COMPRESSION_LEVEL))
    document["compression"] = PAGE_COMPRESSION
    return document


def _in_upsert_order(document: dict[str, Any]) -> dict[str, Any]:
    """A copy with the fields in the order an upsert stores them: the url of its query, then the
    $set fields in lexicographic order (as MongoDB 5+ and SecantusDB apply them). A page then
    reads back the same whichever way it was written; and the copy keeps the _id the driver
    adds to an insert out of the document a retry may upsert."""
    return {
        "url": document["url"],
        **{key: document[key] for key in sorted(document) if key != "url"},
    }


def _read_page(document: dict[str, Any]) -> dict[str, Any]:
    """A stored page as it was given to upsert_pages: the body as bytes."""
    page = {key: value for key, value in document.items() if key != "compression"}
    page["body"] = zlib.decompress(document["body"])
    return page


def _previous_version(
    stored: dict[str, Any], item: dict[str, Any], now: datetime
) -> dict[str, Any]:
    record = {
        "url": stored["url"],
        "version": stored.get("version", 1),
        "fetched_at": stored.get("fetched_at", stored.get("last_seen")),
        "content_hash": stored.get("content_hash"),
        "replaced_at": now,
    }
    for field, value in item.items():
        if field not in VERSION_IDENTITY and _as_stored(value) != stored.get(field):
            record[field] = stored.get(field)
    return record


def _as_stored(value: Any) -> Any:
    """The value as it reads back from MongoDB: datetimes in UTC to the millisecond (naive
    ones taken as UTC), tuples as lists."""
    if isinstance(value, datetime):
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    if isinstance(value, list | tuple):
        return [_as_stored(element) for element in value]
    if isinstance(value, dict):
        return {key: _as_stored(element) for key, element in value.items()}
    return value


def _reason(exc: PyMongoError) -> str:
    """The driver's message without the topology dump and the raw server reply."""
    if isinstance(exc, OperationFailure) and exc.details:
        write_errors = exc.details.get("writeErrors")
        if write_errors:
            first = write_errors[0].get("errmsg")
            return f"{len(write_errors)} write error(s), the first: {first}"
        return str(exc.details.get("errmsg", exc))
    text = re.sub(r" \(configured timeouts:[^)]*\)", "", str(exc))
    return text.split(", Timeout:", 1)[0]
