"""A replica of the Radar Tangsel site (WordPress + tagDiv Newspaper 11, Yoast SEO) served on
127.0.0.1, for tests, `make demo` and benchmarks, which cannot fetch the real site.

    from replica import ReplicaServer, ReplicaOptions
    with ReplicaServer(extra_articles=2000, options=ReplicaOptions(feed=False)) as server:
        ...  # crawl server.url; compare with server.site.expected()

Modules: content (the data and `expected()`), pages (HTML rendering), site (indexes and
options), routes (URL -> response), server (HTTP), broken (pages a crawler must drop); portal
(a news portal that is not WordPress, for the generic `news` spider, on the same articles).
"""

from replica.content import ARTICLES, ReplicaArticle, expected, generate_articles
from replica.server import ReplicaServer
from replica.site import ReplicaOptions, ReplicaSite

__all__ = [
    "ARTICLES",
    "ReplicaArticle",
    "ReplicaOptions",
    "ReplicaServer",
    "ReplicaSite",
    "expected",
    "generate_articles",
]
