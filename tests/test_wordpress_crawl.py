"""End to end: the `wordpress` spider (and a site of the sites file) crawling the replica over
HTTP into a real store, checked field by field against what the replica's articles are.

What each path can know:
- theme (tagDiv profile): every field;
- theme (generic WordPress profile, plain markup): all but subtitle and view_count, which plain
  themes do not print;
- rest: all but subtitle, comment_count and view_count, which the REST API does not give;
- fallback (trafilatura): title, dates, authors, category, tags, image and body; it knows no
  subtitle, caption or counters.
"""

from __future__ import annotations

import re

from crawler.store import ArticleStore
from replica import ARTICLES, ReplicaOptions, ReplicaServer, expected
from tests.crawl import dumped_stat, run_scrapy

NOT_IN_PLAIN_MARKUP = ("subtitle", "view_count")
NOT_IN_REST = ("subtitle", "comment_count", "view_count")
NOT_IN_FALLBACK = ("subtitle", "image_caption", "comment_count", "view_count")


def crawl(spider: str, mongo_uri: str, db: str, *args: str, **settings: str):
    result = run_scrapy("crawl", spider, *args, MONGO_URI=mongo_uri, MONGO_DATABASE=db, **settings)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Traceback" not in result.stderr
    return result


def assert_stored(store: ArticleStore, wanted: list[dict], site: str, extraction: str, unknown=()):
    """Every wanted article stored once, from the path, with every field the path can know;
    the others empty."""
    assert store.count({"site": site}) == len(wanted)
    for want in wanted:
        stored = store.get(want["url"])
        assert stored is not None, f"not stored: {want['url']}"
        assert (stored["site"], stored["extraction"]) == (site, extraction), want["url"]
        for name, value in want.items():
            assert stored[name] == (None if name in unknown else value), f"{want['url']}: {name}"
        assert stored["complete"] is True


def test_wordpress_spider_reads_both_tagdiv_templates_like_the_site_file(mongo_uri, mongo_db_name):
    with ReplicaServer() as replica:
        result = crawl("wordpress", mongo_uri, mongo_db_name, "-a", f"base_url={replica.url}")
        wanted = [expected(article, replica.url) for article in ARTICLES]
    assert {article.template for article in ARTICLES} == {"classic", "composer"}
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        assert_stored(store, wanted, "127.0.0.1", "theme")
    assert dumped_stat(result, "discovery/unavailable") >= 1  # the REST API answered 401
    assert dumped_stat(result, "extraction/fallback") == 0
    dropped = set(re.findall(r"'articles/dropped/([\w/]+)'", result.stderr))
    assert dropped >= {"challenge", "truncated", "bad_encoding", "http_404", "no_body"}


def test_plain_wordpress_markup_goes_to_the_generic_profile(mongo_uri, mongo_db_name):
    options = ReplicaOptions(theme="plain", broken_pages=False)
    with ReplicaServer(options=options) as replica:
        crawl("wordpress", mongo_uri, mongo_db_name, "-a", f"base_url={replica.url}")
        wanted = [expected(article, replica.url) for article in ARTICLES]
    assert any(want["pages"] > 1 for want in wanted)
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        assert_stored(store, wanted, "127.0.0.1", "theme", unknown=NOT_IN_PLAIN_MARKUP)


def test_an_open_rest_api_gives_every_post_without_fetching_article_pages(mongo_uri, mongo_db_name):
    # 133 posts: two pages of the API at 100 a page.
    options = ReplicaOptions(theme="plain", rest_api=True)
    with ReplicaServer(extra_articles=120, options=options) as replica:
        result = crawl(
            "wordpress",
            mongo_uri,
            mongo_db_name,
            "-a",
            f"base_url={replica.url}",
            "-a",
            "name=radar",
        )
        wanted = replica.site.expected()
    assert len(wanted) == 133 and any(want["pages"] > 1 for want in wanted)
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        assert_stored(store, wanted, "radar", "rest", unknown=NOT_IN_REST)
        leaks = re.compile(r"BACA JUGA|Baca juga|Google News|WhatsApp Channel|^Editor:", re.M)
        assert not any(leaks.search(doc["body"]) for doc in store.find({"site": "radar"}))
    assert dumped_stat(result, "discovery/read/rest") == 2
    assert dumped_stat(result, "pages/fetched/article") == 0
    assert dumped_stat(result, "discovery/articles/sitemap") == 0


def test_a_site_of_the_sites_file_crawls_by_its_name(mongo_uri, mongo_db_name, tmp_path):
    """`scrapy crawl <name>` for a configured site, with its overrides: the REST API skipped
    although open, and the fallback extractor on every page."""
    options = ReplicaOptions(theme="plain", rest_api=True, broken_pages=False)
    with ReplicaServer(options=options) as replica:
        sites = tmp_path / "sites.toml"
        sites.write_text(
            f'[sites.radarplain]\nbase_url = "{replica.url}"\ntheme = "fallback"\n'
            "rest_api = false\n",
            encoding="utf-8",
        )
        listed = run_scrapy("list", SITES_FILE=str(sites))
        result = crawl("radarplain", mongo_uri, mongo_db_name, SITES_FILE=str(sites))
        wanted = [expected(article, replica.url) for article in ARTICLES]
    assert "radarplain" in listed.stdout.split()
    assert dumped_stat(result, "discovery/read/rest") == 0
    with ArticleStore(mongo_uri, mongo_db_name) as store:
        assert_stored(store, wanted, "radarplain", "fallback", unknown=NOT_IN_FALLBACK)
