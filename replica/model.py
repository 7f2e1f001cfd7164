"""The replica's data model: what an article *is*, independent of how a page shows it.

An article body is a list of pages; a page is a list of blocks. A block is either article
content (paragraph, subheading, in-body figure) or a boilerplate injection (related links,
promos, ads, credit lines...). Rendering turns blocks into markup; `expected()` reads the same
blocks to say what a correct crawler stores, so the two never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Literal

# Asia/Jakarta has kept UTC+7 without daylight saving since 1964: a fixed offset is exact and
# needs no tz database on the machine.
WIB = timezone(timedelta(hours=7), "WIB")

Template = Literal["classic", "composer"]
EntityStyle = Literal["wp", "named", "raw"]
LazyStyle = Literal["none", "data-src", "data-lazy-src"]
RelatedStyle = Literal["irp", "plain", "strong_label", "strong_link"]


@dataclass(frozen=True)
class Category:
    name: str
    slug: str


@dataclass(frozen=True)
class Author:
    name: str
    slug: str
    description: str = ""


@dataclass(frozen=True)
class Image:
    """An uploaded image; `path` is site-relative (/wp-content/uploads/...)."""

    path: str
    caption: str | None = None
    width: int = 696
    height: int = 464
    alt: str = ""
    lazy: LazyStyle = "none"

    def url(self, base_url: str) -> str:
        return base_url + self.path


# --- inline markup inside a paragraph ---------------------------------------------------------


@dataclass(frozen=True)
class Strong:
    text: str


@dataclass(frozen=True)
class Em:
    text: str


@dataclass(frozen=True)
class Link:
    """A link; `href` is absolute (external) or site-relative (starts with "/")."""

    text: str
    href: str


Inline = str | Strong | Em | Link


def inline_text(part: Inline) -> str:
    return part if isinstance(part, str) else part.text


# --- content blocks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    parts: tuple[Inline, ...]

    @property
    def text(self) -> str:
        return "".join(inline_text(part) for part in self.parts)


@dataclass(frozen=True)
class Subheading:
    text: str
    level: int = 3


@dataclass(frozen=True)
class Figure:
    """An in-body image. Its caption is not body text (a crawler may keep it elsewhere)."""

    image: Image
    style: Literal["caption_shortcode", "gutenberg"] = "caption_shortcode"
    attachment_id: int = 0


# --- boilerplate blocks: rendered inside the body markup, never part of the stored body -------


@dataclass(frozen=True)
class Boilerplate:
    """Marker base: everything below is noise a crawler must strip from the body."""


@dataclass(frozen=True)
class RelatedLink(Boilerplate):
    """An inline "read also" link.

    irp: the Inline Related Posts plugin box (`<a class="u<md5>"><style>…` + ctaText/postTitle).
    plain: `<p>BACA JUGA :&nbsp; <a>Title</a></p>` typed by the editor.
    strong_label: `<p><strong>Baca juga:</strong> <a>Title</a></p>`.
    strong_link: `<p><strong>Baca Juga: <a>Title</a></strong></p>`.
    """

    title: str
    href: str
    style: RelatedStyle = "irp"


@dataclass(frozen=True)
class RelatedList(Boilerplate):
    """An editor-pasted list of related stories under a heading such as "BERITA TERKAIT"."""

    heading: str
    items: tuple[tuple[str, str], ...]  # (title, href)


@dataclass(frozen=True)
class AdSlot(Boilerplate):
    """An ad inside the body.

    td_titled: tagDiv ad box with "- Advertisement -" and AdSense code.
    adsense: a bare `ins.adsbygoogle` + its scripts pasted into the post.
    """

    kind: Literal["td_titled", "adsense"] = "td_titled"


@dataclass(frozen=True)
class CodeSnippet(Boilerplate):
    """script / style / noscript pasted into the post (tracking pixels, widget CSS, embeds)."""

    kind: Literal["script", "style", "noscript"] = "script"


@dataclass(frozen=True)
class Promo(Boilerplate):
    """Follow/subscribe prompts the newsroom appends to stories."""

    kind: Literal["telegram", "whatsapp", "google_news"]


@dataclass(frozen=True)
class Credit(Boilerplate):
    """A trailing credit line: "Editor: X", "Penulis: X", "Reporter: X"."""

    label: str
    name: str


@dataclass(frozen=True)
class ShareButtons(Boilerplate):
    """A social sharing plugin's buttons appended to the content ("Bagikan:")."""


Block = Paragraph | Subheading | Figure | Boilerplate


def is_content(block: Block) -> bool:
    """Blocks whose text belongs in the stored body (figures are content, captions are not)."""
    return isinstance(block, Paragraph | Subheading)


@dataclass(frozen=True)
class Comment:
    author: str
    posted: datetime
    text: str


@dataclass(frozen=True)
class ReplicaArticle:
    post_id: int
    slug: str
    title: str
    category: Category
    published: datetime  # aware, WIB
    modified: datetime  # aware, WIB; equal to published when the post was never edited
    template: Template
    pages: list[list[Block]]
    subtitle: str | None = None
    tags: list[str] = field(default_factory=list)
    author: Author | None = None
    image: Image | None = None  # the featured image; its caption is the stored image_caption
    comment_count: int = 0
    view_count: int = 0
    comments: list[Comment] = field(default_factory=list)
    entity_style: EntityStyle = "wp"
    # The date appears only as visible text ("Jum'at, 3 Mei 2024 21:05 WIB"): no datetime
    # attribute, no article:published_time, no JSON-LD date.
    date_visible_only: bool = False
    # The theme's inline ad spot renders only an empty container (as on the seed page).
    quiet_inline_ad: bool = False

    @property
    def path(self) -> str:
        # WordPress builds the date part of the permalink from the local (WIB) post date.
        return f"/{self.published.astimezone(WIB):%Y/%m/%d}/{self.slug}/"

    def page_path(self, page: int) -> str:
        return self.path if page == 1 else f"{self.path}{page}/"

    @property
    def was_modified(self) -> bool:
        return self.modified > self.published
