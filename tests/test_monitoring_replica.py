"""The replica's redesign for the monitoring tests (ReplicaOptions.redesign_without_dates):
four article pages in five lose every date and the byline, the fifth keeps them."""

from __future__ import annotations

from replica import ReplicaOptions, ReplicaSite
from replica.single import render_article

DATE_MARKS = ("<time", "datePublished", "dateModified", "article:published_time")
# Where tagDiv and Yoast put the byline (not the photo credit in a caption, which stays).
BYLINE_MARKS = (
    "td-post-author-name",
    "tdb-author-name",
    'itemprop="author"',
    '<meta name="author"',
)


def pages(site: ReplicaSite) -> dict[int, str]:
    tagdiv = [article for article in site.articles() if article.author]
    return {article.post_id: render_article(site, article) for article in tagdiv}


def test_the_redesign_drops_dates_and_byline_from_four_pages_in_five():
    normal = ReplicaSite(options=ReplicaOptions())
    redesigned = ReplicaSite(options=ReplicaOptions(redesign_without_dates=True))
    for post_id, html in pages(redesigned).items():
        if post_id % 5:
            assert not any(mark in html for mark in DATE_MARKS + BYLINE_MARKS), post_id
        else:
            assert "<time" in html and any(mark in html for mark in BYLINE_MARKS), post_id
    for html in pages(normal).values():
        assert "<time" in html and any(mark in html for mark in BYLINE_MARKS)


def test_the_redesign_keeps_the_article_itself():
    normal = ReplicaSite(options=ReplicaOptions())
    redesigned = ReplicaSite(options=ReplicaOptions(redesign_without_dates=True))
    article = next(article for article in normal.articles() if article.post_id % 5)
    html = render_article(redesigned, redesigned.full_article(article))
    assert article.title in html
    assert redesigned.expected() == normal.expected()  # what is listed and served is the same
