"""The replica's content and the ground truth a correct crawl must store.

`ARTICLES` are hand-written (replica.articles); `generate_articles` makes more for
benchmarks. `expected()` derives the stored fields from the article's blocks, never from
rendered HTML, so a rendering bug shows up as a mismatch instead of hiding in both.
"""

from __future__ import annotations

import re
from datetime import UTC
from typing import Any

from replica.articles import ARTICLES
from replica.generator import generate_articles
from replica.model import (
    Author,
    Block,
    Boilerplate,
    Category,
    Credit,
    Figure,
    Image,
    Paragraph,
    ReplicaArticle,
    Subheading,
    is_content,
)

__all__ = [
    "ARTICLES",
    "Author",
    "Block",
    "Boilerplate",
    "Category",
    "Figure",
    "Image",
    "Paragraph",
    "ReplicaArticle",
    "Subheading",
    "body_text",
    "clean_text",
    "expected",
    "generate_articles",
]

_WHITESPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Collapse whitespace (NBSP included: str.split treats it as whitespace) and trim."""
    return _WHITESPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def body_text(pages: list[list[Block]]) -> str:
    """Content paragraphs and subheadings of every page, in order, joined by blank lines."""
    texts = (clean_text(block.text) for page in pages for block in page if is_content(block))
    return "\n\n".join(text for text in texts if text)


# Credit labels that name the article's writer (crawler/bylines.py reads them).
WRITER_CREDIT_LABELS = frozenset({"Penulis", "Reporter", "Pewarta"})


def credited_writers(article: ReplicaArticle) -> list[str]:
    """The writers an article without a WordPress author names in its credit lines
    ("Reporter: Lia Marlina"): its byline, for a reader (issue 13)."""
    credits = (block for page in article.pages for block in page if isinstance(block, Credit))
    return [credit.name for credit in credits if credit.label in WRITER_CREDIT_LABELS]


def expected(article: ReplicaArticle, base_url: str) -> dict[str, Any]:
    """What a correct crawler stores for `article` served at `base_url` (no trailing slash).

    modified_at equals published_at for posts that were never edited; the date-only-visible
    article shows no modification date anywhere, so falling back to published_at is correct.
    """
    image = article.image
    return {
        "url": base_url + article.path,
        "title": clean_text(article.title),
        "subtitle": clean_text(article.subtitle) if article.subtitle else None,
        "authors": [article.author.name] if article.author else credited_writers(article),
        "category": article.category.name,
        "tags": list(article.tags),
        "published_at": article.published.astimezone(UTC),
        "modified_at": article.modified.astimezone(UTC),
        "image_url": image.url(base_url) if image else None,
        "image_caption": clean_text(image.caption) if image and image.caption else None,
        "body": body_text(article.pages),
        "pages": len(article.pages),
        "comment_count": article.comment_count,
        "view_count": article.view_count,
    }
