"""Article body markup: content blocks and the boilerplate injected between them.

Boilerplate is rendered the way each producer really writes it (the Inline Related Posts
plugin, editors typing "Baca juga", tagDiv's ad boxes, AdSense, sharing plugins), which is
what makes it hard to strip.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from replica.markup import BlockIds, attr, text
from replica.model import (
    AdSlot,
    Block,
    CodeSnippet,
    Credit,
    Em,
    EntityStyle,
    Figure,
    Image,
    Inline,
    Link,
    Paragraph,
    Promo,
    RelatedLink,
    RelatedList,
    ShareButtons,
    Strong,
    Subheading,
)

ADSENSE_CLIENT = "ca-pub-5831967262543125"
TELEGRAM_URL = "https://t.me/radartangselcom"
WHATSAPP_URL = "https://whatsapp.com/channel/0029VaRadarTangsel7Qk1a"
GOOGLE_NEWS_URL = (
    "https://news.google.com/publications/CAAqBwgKMKKQ1AswzJzqAw?hl=id&gl=ID&ceid=ID:id"
)
TRANSPARENT_GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


@dataclass
class BodyContext:
    base_url: str
    page_url: str
    entities: EntityStyle
    ids: BlockIds
    quiet_inline_ad: bool = False

    def href(self, target: str) -> str:
        return self.base_url + target if target.startswith("/") else target

    def text(self, value: str) -> str:
        return text(value, self.entities)


def render_body(blocks: list[Block], context: BodyContext) -> str:
    """The post content with tagDiv's inline ad after the second paragraph, as the theme's
    get_content() inserts it (counting <p> tags, boilerplate paragraphs included)."""
    rendered = [render_block(block, context) for block in blocks]
    paragraph_ends = [i for i, chunk in enumerate(rendered) if chunk.startswith("<p")]
    position = paragraph_ends[1] + 1 if len(paragraph_ends) >= 2 else len(rendered)
    rendered.insert(position, theme_inline_ad(context))
    return "\n".join(rendered)


def render_block(block: Block, context: BodyContext) -> str:
    return _RENDERERS[type(block)](block, context)


def inline(part: Inline, context: BodyContext) -> str:
    if isinstance(part, str):
        return context.text(part)
    if isinstance(part, Strong):
        return f"<strong>{context.text(part.text)}</strong>"
    if isinstance(part, Em):
        return f"<em>{context.text(part.text)}</em>"
    assert isinstance(part, Link)
    return f'<a href="{attr(context.href(part.href))}">{context.text(part.text)}</a>'


def _paragraph(block: Paragraph, context: BodyContext) -> str:
    return "<p>" + "".join(inline(part, context) for part in block.parts) + "</p>"


def _subheading(block: Subheading, context: BodyContext) -> str:
    # Gutenberg marks its headings; the Classic editor writes bare tags.
    css = ' class="wp-block-heading"' if block.level == 2 else ""
    return f"<h{block.level}{css}>{context.text(block.text)}</h{block.level}>"


def image_tag(image: Image, base_url: str, css_class: str, extra: str = "") -> str:
    """An <img>, lazy-loaded the way the image says (with the <noscript> copy lazy loaders add)."""
    src = attr(image.url(base_url))
    size = f'width="{image.width}" height="{image.height}"'
    alt = f'alt="{attr(image.alt)}"'
    plain = f'<img decoding="async" {extra}class="{css_class}" src="{src}" {alt} {size} />'
    if image.lazy == "none":
        return plain
    noscript = f"<noscript>{plain}</noscript>"
    if image.lazy == "data-src":
        return (
            f'<img decoding="async" {extra}class="lazyload {css_class}" src="{TRANSPARENT_GIF}" '
            f'data-src="{src}" {alt} {size} />{noscript}'
        )
    placeholder = (
        "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20"
        f"{image.width}%20{image.height}'%3E%3C/svg%3E"
    )
    return (
        f'<img decoding="async" {extra}class="{css_class}" src="{placeholder}" '
        f'data-lazy-src="{src}" {alt} {size} />{noscript}'
    )


def _figure(block: Figure, context: BodyContext) -> str:
    image, number = block.image, block.attachment_id
    caption = context.text(image.caption or "")
    if block.style == "gutenberg":
        img = image_tag(image, context.base_url, f"wp-image-{number}")
        return (
            f'<figure class="wp-block-image size-large">{img}'
            f'<figcaption class="wp-element-caption">{caption}</figcaption></figure>'
        )
    img = image_tag(image, context.base_url, f"size-full wp-image-{number}")
    return (
        f'<figure id="attachment_{number}" aria-describedby="caption-attachment-{number}" '
        f'style="width: {image.width}px" class="wp-caption aligncenter">{img}'
        f'<figcaption id="caption-attachment-{number}" class="wp-caption-text">{caption}'
        "</figcaption></figure>"
    )


def _related_link(block: RelatedLink, context: BodyContext) -> str:
    href, title = attr(context.href(block.href)), context.text(block.title)
    if block.style == "irp":
        return _irp_box(href, title)
    if block.style == "plain":
        return f'<p>BACA JUGA :&nbsp; <a href="{href}">{title}</a></p>'
    if block.style == "strong_label":
        return f'<p><strong>Baca juga:</strong> <a href="{href}">{title}</a></p>'
    return (
        f'<p><strong>Baca Juga: <a href="{href}" target="_blank" rel="noopener">{title}</a>'
        "</strong></p>"
    )


def _irp_box(href: str, title: str) -> str:
    """Inline Related Posts ("Minimalist" template), as the plugin prints it: minified, with its
    own <style> whose CSS leaks into text extraction unless <style> is dropped. The colon is in
    the site's configured ctaText "BACA JUGA :"; "&nbsp; " follows it, hence "BACA JUGA :  "."""
    css_class = "u" + hashlib.md5(href.encode()).hexdigest()
    style = (
        f" .{css_class} {{ padding:0px; margin: 0; padding-top:1em!important; "
        "padding-bottom:1em!important; width:100%; display: block; font-weight:bold; "
        "background-color:#eaeaea; border:0!important; border-left:4px solid #E67E22!important; "
        f"text-decoration:none; }} .{css_class}:active, .{css_class}:hover {{ opacity: 1; "
        "transition: opacity 250ms; webkit-transition: opacity 250ms; text-decoration:none; } "
        f".{css_class} .ctaText {{ font-weight:bold; color:#464646; text-decoration:none; "
        f"font-size: 16px; }} .{css_class} .postTitle {{ color:#000000; "
        "text-decoration: underline!important; font-size: 16px; }\n"
    )
    marker = "<!-- INLINE RELATED POSTS 1/3 //-->"
    return (
        f'{marker}<a href="{href}" target="_blank" rel="dofollow" class="{css_class}">'
        f'<style>{style}</style><div style="padding-left:1em; padding-right:1em;">'
        f'<span class="ctaText">BACA JUGA :</span>&nbsp; <span class="postTitle">{title}</span>'
        f"</div></a>{marker}"
    )


def _related_list(block: RelatedList, context: BodyContext) -> str:
    items = "".join(
        f'<li><a href="{attr(context.href(href))}">{context.text(title)}</a></li>'
        for title, href in block.items
    )
    return f"<p><strong>{context.text(block.heading)}</strong></p>\n<ul>{items}</ul>"


def adsense_code(slot: str) -> str:
    return (
        '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?'
        f'client={ADSENSE_CLIENT}" crossorigin="anonymous"></script>\n'
        '<ins class="adsbygoogle" style="display:block; text-align:center;" '
        'data-ad-layout="in-article" data-ad-format="fluid" '
        f'data-ad-client="{ADSENSE_CLIENT}" data-ad-slot="{slot}"></ins>\n'
        "<script>\n     (adsbygoogle = window.adsbygoogle || []).push({});\n</script>"
    )


def _ad_slot(block: AdSlot, context: BodyContext) -> str:
    if block.kind == "adsense":
        return adsense_code("7316482950")
    block_id = context.ids.next()
    return (
        f'<div class="td-a-rec td-a-rec-id-custom_ad_1 {block_id} td_block_template_1">\n'
        f'<span class="td-adspot-title">- Advertisement -</span>{adsense_code("4821593017")}'
        "</div>"
    )


def theme_inline_ad(context: BodyContext) -> str:
    """tagDiv's content_inline spot. Its title is empty on this site (the seed page shows no
    "- Advertisement -" line); some posts have no ad code at all, leaving an empty box."""
    block_id = context.ids.next()
    opening = f'<div class="td-a-rec td-a-rec-id-content_inline  {block_id} td_block_template_1">'
    if context.quiet_inline_ad:
        return opening + "\n</div>"
    return (
        f"{opening}<style>.{block_id}.td-a-rec-img{{text-align:left}}"
        f".{block_id}.td-a-rec-img img{{margin:0 auto 0 0}}</style>"
        f"{adsense_code('9104728365')}</div>"
    )


def _code_snippet(block: CodeSnippet, context: BodyContext) -> str:
    if block.kind == "script":
        return (
            '<script type="text/javascript">window.dataLayer = window.dataLayer || []; '
            'dataLayer.push({"event": "article_view", "kanal": "berita", "penulis": "redaksi"}); '
            "var tdInfografisUrl = 'https://infografis.radartangsel.com/embed/pilkada';</script>"
        )
    if block.kind == "style":
        return (
            "<style>.infografis-pilkada{border:1px solid #e5e5e5;padding:12px}"
            ".infografis-pilkada p{font-size:14px;color:#333}</style>"
        )
    return (
        '<noscript><img height="1" width="1" style="display:none" alt="" '
        'src="https://www.facebook.com/tr?id=918273645501234&amp;ev=PageView&amp;noscript=1" />'
        "Aktifkan JavaScript untuk melihat infografis interaktif.</noscript>"
    )


def _promo(block: Promo, context: BodyContext) -> str:
    if block.kind == "telegram":
        lead = context.text(
            "Dapatkan update berita pilihan dan breaking news setiap hari dari RadarTangsel.com. "
            'Mari bergabung di Grup Telegram "Radar Tangsel", caranya klik link '
        )
        return (
            f'<p><strong>{lead}<a href="{TELEGRAM_URL}">{TELEGRAM_URL}</a> kemudian join.'
            "</strong> Anda harus install aplikasi Telegram terlebih dahulu di ponsel.</p>"
        )
    if block.kind == "whatsapp":
        return (
            "<p>Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran "
            "andalanmu akses berita Radar Tangsel WhatsApp Channel : "
            f'<a href="{WHATSAPP_URL}">{WHATSAPP_URL}</a>. Pastikan Kamu sudah install aplikasi '
            "WhatsApp ya.</p>"
        )
    return (
        "<p><em>Ikuti berita Radar Tangsel lainnya di "
        f'<a href="{attr(GOOGLE_NEWS_URL)}" target="_blank" rel="noopener">Google News</a></em></p>'
    )


def _credit(block: Credit, context: BodyContext) -> str:
    label, name = context.text(block.label), context.text(block.name)
    if block.label == "Editor":
        return f"<p><strong>Editor: {name}</strong></p>"
    if block.label == "Reporter":
        return f"<p><strong>{label}</strong>: {name}</p>"
    return f"<p><em>{label}: {name}</em></p>"


def _share_buttons(block: ShareButtons, context: BodyContext) -> str:
    encoded = quote(context.page_url, safe="")
    networks = (
        ("Facebook", "facebook", f"https://www.facebook.com/sharer/sharer.php?u={encoded}"),
        ("Twitter", "twitter", f"https://twitter.com/intent/tweet?url={encoded}"),
        ("Whatsapp", "whatsapp", f"https://api.whatsapp.com/send?text={encoded}"),
    )
    buttons = "".join(
        f'<a aria-label="{name}" class="heateor_sss_{css}" href="{attr(url)}" title="{name}" '
        f'rel="nofollow noopener" target="_blank"><span class="heateor_sss_svg"></span>'
        f'<span class="heateor_sss_square_count">{name}</span></a>'
        for name, css, url in networks
    )
    return (
        '<div class="heateor_sss_sharing_container heateor_sss_horizontal_sharing" '
        f'data-heateor-sss-href="{attr(context.page_url)}"><div class="heateor_sss_sharing_title" '
        'style="font-weight:bold">Bagikan:</div>'
        f'<div class="heateor_sss_sharing_ul">{buttons}</div>'
        '<div class="heateorSssClear"></div></div>'
    )


_RENDERERS: dict[type, Callable[[Any, BodyContext], str]] = {
    Paragraph: _paragraph,
    Subheading: _subheading,
    Figure: _figure,
    RelatedLink: _related_link,
    RelatedList: _related_list,
    AdSlot: _ad_slot,
    CodeSnippet: _code_snippet,
    Promo: _promo,
    Credit: _credit,
    ShareButtons: _share_buttons,
}
