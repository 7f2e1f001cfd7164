"""What is boilerplate in Indonesian news article bodies: data only, applied by `clean.py`.

Every selector and pattern says where it was seen. Sources:
- seed: ../shared/seed/radartangsel-article.txt (Radar Tangsel, tagDiv Newspaper >= 10)
- po: tagDiv Newspaper 11.4.3 id_ID.po (and 9.2.2 where it differs), exact theme strings
- bantennews: real tagDiv classic article markup (reference/tagdiv/bantennews-article-*.html)
- research: notes/site-research.md sections 3 and 5 (theme templates, public scrapers that strip
  these from kompas, detik, okezone, tribun, tempo, jpnn, liputan6, viva, ntvnews, mojok)
- irp: Inline Related Posts plugin templates (site-research 0.4)
- realpages: the real article pages of ../shared/realpages/ (issue 13), by page id

A rule's `name` is the key under which the crawl stats count what it removed
(`cleaning/removed/<name>`). DOM rules and text rules about the same thing share a name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DomRule:
    """Elements to drop with everything inside them, by CSS selector.

    Selectors must be compound (no combinators): the cleaner tests them against each element.
    """

    name: str
    selectors: tuple[str, ...]


@dataclass(frozen=True)
class TextRule:
    """Blocks (p, h1-h6, li, ...) to drop when their whole collapsed text matches a pattern.

    Patterns are regular expressions matched case-insensitively against the entire text of one
    block, never searched inside a paragraph, so a real sentence that merely mentions a word
    ("Ia enggan memberikan komentar ...") is kept. With `drops_following_links`, the block is a
    heading of a link list, and the link-only blocks right after it go too.
    """

    name: str
    patterns: tuple[str, ...]
    drops_following_links: bool = False


# The words that introduce an inline related-article link.
RELATED_LINK_LABEL = r"(?:baca|simak|lihat)\s+(?:juga|pula)"

DOM_RULES: tuple[DomRule, ...] = (
    DomRule(
        "code",
        (
            # noscript is read for lazy images before it goes; style also carries the IRP
            # box's CSS, which would leak into the text (irp).
            "script",
            "style",
            "noscript",
            "template",
            "link",
            "meta",  # bantennews: itemprop meta inside article footer
            "svg",
            "canvas",
            "button",
        ),
    ),
    DomRule("embed", ("iframe", "object", "embed")),
    DomRule(
        "featured_image",
        (
            # tagDiv classic: inside div.td-post-content before the body (bantennews, seed);
            # its caption goes to the item's image_caption field, not the body
            ".td-post-featured-image",
            ".tdb_single_featured_image",  # tagDiv Composer (research 3)
        ),
    ),
    DomRule(
        "related_link",
        (
            # irp: <a class="u<md5>"><style>..</style><div><span class="ctaText">BACA JUGA :
            # </span>&nbsp; <span class="postTitle">..</span></div></a> (seed line "BACA JUGA :")
            "a:has(> style)",
            "a:has(span.ctaText)",
            "[class*=baca-juga]",  # research: kompas inject-baca-juga, ntvnews .baca-juga
            "[class*=baca_juga]",  # research: ntvnews
            "[class*=bacajuga]",  # research 5
            "[id*=bacajuga]",  # research: okezone #bacajuga
            ".jnews_inline_related_post",  # research: JNews theme (mojok)
            "[class*=read__others]",  # research: jawapos strong.read__others
        ),
    ),
    DomRule(
        "related_posts",
        (
            ".td_block_related_posts",  # bantennews, "BERITA TERKAIT"
            ".td-related-title",
            ".tdb_single_related",  # tagDiv Composer (research 3)
            "#relatedNews",  # research: ntvnews
            ".berita--terkait",  # research: ntvnews
            ".recommended-article",  # research: viva
            ".widget-other-article",  # research: viva
            "[class*=kompasidRec]",  # research: kompas
            "#jp-relatedposts",  # Jetpack's related posts, appended to the_content
        ),
    ),
    DomRule(
        "comments",
        (
            # tagDiv comments.php: the form's warnings are hidden by CSS but are still text
            # nodes, so a naive extraction leaks them (seed: "Silakan masukkan komentar anda!")
            "#comments",
            ".comments",
            "#respond",
            ".comment-respond",
            ".comment-list",
            ".tdb_single_comments",
            "form",
        ),
    ),
    DomRule(
        "share_bar",
        (
            "[class*=td-post-sharing]",  # bantennews: td-post-sharing-top/-bottom
            ".td-social-sharing-button",  # bantennews
            ".tdb_single_post_share",  # research 3
            # Sassy Social Share plugin inside the post content ("Bagikan:" + buttons), as the
            # project's replica of Radar Tangsel renders it (replica/body.py)
            ".heateor_sss_sharing_container",
            # Jetpack's sharing buttons, which it appends to the_content on WordPress sites
            ".sharedaddy",
        ),
    ),
    DomRule(
        "ads",
        (
            ".td-a-rec",  # bantennews: inline ad slot after paragraph 2 of the body
            ".td-g-rec",  # bantennews sidebar
            ".td-adspot-title",  # bantennews: "- Advertisement -"
            "ins.adsbygoogle",  # bantennews
            ".SC_TBlock",  # bantennews sidebar ad widget ("loading...")
            ".detads-bottom",  # research: okezone
            "#rctiplus",  # research: okezone
            # JNews ad slots (jnews_content_inline_ads: a linked banner image and its label)
            ".jeg_ad",
        ),
    ),
    DomRule(
        "promo",
        (".box-gnews",),  # research: okezone "Google News" box
    ),
    DomRule(
        "author_box",
        (".author-box-wrap", ".tdb_single_author_box"),  # research 3
    ),
    DomRule(
        "next_prev",
        (".td-post-next-prev", ".tdb_single_next_prev"),  # research 3
    ),
    DomRule(
        "page_nav",
        (
            ".page-nav",  # research 3: wp_link_pages in tagDiv, div.page-nav.page-nav-post
            ".page-links",  # WordPress core default themes' wp_link_pages wrapper
            ".post-nav-links",  # wp_link_pages() with its default arguments (WordPress core)
            ".jeg_pagelinks",  # research: JNews (mojok)
            ".pagination",  # research: jpnn
            ".paging",  # research: okezone
        ),
    ),
    DomRule(
        "tags_box",
        (
            ".td-post-source-tags",  # bantennews footer
            ".td-tags",  # bantennews: ul.td-tags with a "LABEL" item
            ".tdb_single_tags",  # research 3
            ".post-tags",  # research: news-watch bantennews scraper
        ),
    ),
    DomRule(
        "post_meta",
        (
            # header blocks that come along when a fallback passes a whole <article>
            # (bantennews; seed: the "0" and "205" counters under the title)
            ".td-post-header",
            ".entry-crumbs",
            ".td-category",
            ".td-post-author-name",
            ".td-author-name",  # bantennews: hidden duplicate author in the footer
            ".td-post-date",
            ".td-post-views",
            ".td-post-comments",
            ".td-page-meta",
            ".tdb_title",  # tagDiv Composer blocks (research 3)
            ".tdb_breadcrumbs",
            ".tdb_single_categories",
            ".tdb_single_author",
            ".tdb_single_date",
            ".tdb_single_post_views",
            ".tdb_single_comments_count",
        ),
    ),
    DomRule("page_chrome", ("nav", "aside")),  # research: news-watch drops both
)

# Whole-block patterns. Lengths are bounded so that a long real paragraph never matches.
TEXT_RULES: tuple[TextRule, ...] = (
    TextRule(
        "related_link",
        (
            # seed "BACA JUGA :\xa0 Anies Siap Nyapres 2024, ..."; research: kompas, okezone,
            # ntvnews "Baca juga:", kabar6 "**Baca Juga:"
            rf"[*»>•\-\s]*{RELATED_LINK_LABEL}\s*:.{{1,300}}",
            # without a colon: a title, which, unlike a sentence, does not end with a period
            rf"[*»>•\-\s]*{RELATED_LINK_LABEL}\s+.{{1,300}}(?<!\.)",
            r"pilihan editor\s*:.{1,300}",  # research: tempo
            r"baca selengkapnya(?:\s*(?:di sini|disini))?\s*:?.{0,200}",  # po "Read more"
        ),
    ),
    TextRule(
        "related_posts",
        (
            r"(?:berita|artikel|baca|postingan|tulisan)\s+terkait\s*:?",  # po 9.2.2 / 11.4.3
            r"dari penulis",  # po "MORE FROM AUTHOR"
            r"(?:artikel|berita) (?:lainnya|lain|lebih|pilihan)\s*:?",  # po "EVEN MORE NEWS"
            rf"{RELATED_LINK_LABEL}\s*:?",  # bantennews sidebar heading "Baca Juga"
            r"pilihan editor\s*:?",  # po "EDITOR PICKS"; research: tempo
            r"related (?:articles|posts)\s*:?|more from author",  # po msgids, untranslated
        ),
        drops_following_links=True,
    ),
    TextRule(
        "comments",
        (
            # every comment-form string of po 11.4.3, plus the English msgids of an
            # untranslated theme (po 9.2.2 leaves "LEAVE A REPLY" in English)
            r"tinggalkan komentar|leave a reply",
            r"silakan masukkan komentar anda!?|please enter your comment!?",
            r"silakan masukkan nama anda di sini|please enter your name here",
            r"silakan masukkan alamat email anda di sini|please enter your email address here",
            r"anda telah memasukkan alamat email yang salah!?",
            r"you have entered an incorrect email address!?",
            r"simpan nama, email, dan situs web saya di browser ini untuk lain kali saya"
            r" berkomentar\.?",
            r"save my name, email, and website in this browser for the next time i comment\.?",
            r"kirim komentar|post comment",
            r"batal membalas|cancel reply|balas|reply",
            r"login untuk meninggalkan komentar|log in to leave a comment",
            r"tidak ada komentar|no comments",
            r"\d+ (?:komentar|comments?)|komentar|comments",
            r"(?:komentar|nama|email|website|comment|name)\s*:\s*\*?",
            r"komentar dari anda sedang menunggu moderasi\.?",
            r"your comment is awaiting moderation\.?",
            r"komentar ditutup\.?|comments are closed\.?",
            r"masuk sebagai .{1,80}|keluar\?",  # po "Logged in as %s. Edit your profile."
        ),
    ),
    TextRule(
        "share_bar",
        (
            r"bagikan\s*:?|share\s*:?",  # po "SHARE" -> "BAGIKAN"
            r"share ke facebook|tweet on twitter",  # po
            # button labels of share bars (bantennews: Facebook, Twitter, Pinterest, WhatsApp,
            # Linkedin, Telegram, LINE), alone or run together ("FacebookTwitterWhatsapp").
            # The separator is atomic: its two \s* could share a space either way, and a
            # paragraph of 40 such words that fails at its end took 2^40 tries.
            r"(?:(?:facebook|twitter|pinterest|whatsapp|linkedin|telegram|line|email)"
            r"(?>\s*[|,·•]?\s*))+",
        ),
    ),
    TextRule(
        "ads",
        (
            r"[-–—\s]*advertisements?[-–—\s]*",  # bantennews "- Advertisement -"; detik
            r"scroll to continue with content",  # research: detik
            r"scroll untuk melanjutkan(?: membaca)?",  # research: IDN Times
            r"[-–—\s]*iklan[-–—\s]*",  # the Indonesian label of the same slot
        ),
    ),
    TextRule(
        "promo",
        (
            # research: kompas ("... dari Kompas.com. Mari bergabung di Grup Telegram ...")
            r"dapatkan update berita pilihan dan breaking news setiap hari dari .{1,400}",
            r"simak breaking news dan berita pilihan kami langsung di ponselmu.{0,400}",
            # research: liputan6 "Follow official WhatsApp Channel ...", okezone
            r"(?:ikuti|follow|gabung|bergabung|join|simak|dapatkan)\b.{0,200}"
            r"\bwhatsapp channel\b.{0,200}",
            r"(?:ikuti|follow|gabung|bergabung|join)\b.{0,200}\btelegram\b.{0,200}",
            # research: okezone "Follow Berita Okezone di Google News", tempo, kontan "Cek
            # Berita dan Artikel yang lain di Google News", genpi, tribun "Ikuti berita ..."
            r"(?:ikuti|follow|cek|simak|silakan baca|silahkan baca|baca|pantau|dapatkan|update"
            r"|klik)\b.{0,200}\bgoogle news\b.{0,200}",
            r"artikel ini (?:telah|sudah) (?:tayang|terbit|dimuat|diterbitkan) di .{1,400}",
            r"\[gambas:[^\]]{0,300}\]",  # research: detik, CNN Indonesia video embeds
            r"simak (?:juga )?video\b.{0,200}",  # research: detik
            r"telusuri berita .{0,200}lainnya.{0,200}",  # research: okezone
            r"silakan baca konten menarik lainnya.{0,300}",  # research: jpnn, genpi
            r"(?:ikuti kami|follow us)\b.{0,150}",  # po "FOLLOW US", "Follow us on Instagram"
        ),
    ),
    TextRule(
        "credit_line",
        (
            # research 5: "Editor:", "Penulis:", "Reporter:", "Pewarta:" (antara), "Sumber:";
            # one or more "Label: Name" pairs, e.g. "Penulis: Budi | Editor: Ani". A label
            # without a colon starts a sentence ("Penulis buku itu ...") and is kept.
            r"(?:\(?\s*(?:editor|penulis|reporter|pewarta|sumber|redaktur|penyunting"
            r"|kontributor|wartawan|foto|fotografer|editing)(?:\s*/\s*(?:editor|penulis|reporter|pewarta"
            r"|redaktur|foto))*\s*:\s*[^\s:|;!?][^:|;!?]{0,60}?\s*\)?\s*[|/,;–-]?\s*){1,4}",
        ),
    ),
    TextRule(
        "copyright",
        (
            # realpages antaranews-*: "COPYRIGHT © 2016", "COPYRIGHT © ANTARA 2015" after the
            # body; a © or a year is required: "Hak cipta lagu itu ..." starts a sentence
            r"(?:copyright|hak cipta)?\s*(?:©|\(c\))\s*.{0,100}",
            # mediaindonesia: "Copyright @ 2026 Media Group - mediaindonesia. All Rights ..."
            r"(?:copyright|hak cipta)\s*@?\s*\d{4}\b.{0,100}",
            # detik-gardu-induk: "Redaksi: redaksi[at]detikfinance.com Informasi pemasangan
            # iklan hubungi : sales[at]detik.com", the site's imprint under the article
            r"redaksi\s*:.{0,200}\[at\].{0,200}",
        ),
    ),
    TextRule(
        "date_line",
        (
            # a printed date and time alone in a block: the article's date line, or a
            # teaser's when a fallback passes a list of them (realpages detik-galaxy: "Kamis,
            # 05/11/2015 09:25 WIB" over and under the body). A dateline that opens a
            # paragraph ("Jakarta, Kamis (5/11/2015) - ...") goes on and is kept.
            r"(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)\s*,?\s*)?\d{1,2}[/ .-]\w{1,9}"
            r"[/ .-]\d{2,4}\s*[,|-]?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:wib|wita|wit)?",
        ),
    ),
    TextRule(
        "editor_initials",
        (
            # the desk's initials closing an article, on a line of their own: realpages
            # detik-* "(fyk/ash)", "(bgs/rul)", kapanlagi-* "(kpl/sry)"; viva "(ren)"
            r"\(\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5}){0,3}\s*\)",
            r"\(\s*[a-z]{1,3}-\d{1,3}\s*\)",  # realpages mediaindonesia "(H-4)"
        ),
    ),
    TextRule(
        "table_of_contents",
        # realpages gramedia: Easy Table of Contents' box heading, then its list of links
        (r"table of contents|daftar isi|isi artikel",),
        drops_following_links=True,
    ),
    TextRule(
        "counter",
        (
            # seed: "0" and "205" under the title (tagDiv comment and view counters)
            r"\d{1,7}",
            r"\d[\d.,]*\s*(?:x\s*|kali\s+)?(?:dilihat|views?|dibaca|pembaca)",  # po "views"
            r"(?:dilihat|dibaca)\s*:?\s*\d[\d.,]*(?:\s*(?:x|kali))?",
        ),
    ),
    TextRule(
        "next_prev",
        (
            # po 11.4.3 ships Albanian strings for Previous/Next article; 9.2.2 "Berita
            # sebelumya" (sic) / "Berita berikutnya"
            r"(?:artikulli paraprak|artikulli tjetër|berita sebelumn?ya|berita berikutnya"
            r"|artikel sebelumnya|artikel (?:selanjutnya|berikutnya)|previous article"
            # followed by the title, which, unlike a sentence, does not end with a period
            r"|next article)\s*:?.{0,300}(?<!\.)",
        ),
    ),
    TextRule(
        "page_nav",
        (
            r"halaman\s*\d+\s*(?:dari|/)\s*\d+",  # po "Page %CURRENT_PAGE% of %TOTAL_PAGES%"
            r"(?:halaman\s*)?(?:selanjutnya|berikutnya|sebelumnya)\s*[»›>]*",  # po Next/Prev
        ),
    ),
    TextRule(
        "tags_box",
        (r"(?:tags?|topik|label)\s*:?",),  # po "TAGS" -> "TOPIK"; bantennews "LABEL"
        drops_following_links=True,
    ),
)

# The desk's initials fused to the end of the last paragraph ("... di rumah masing-masing.
# (ren)": realpages viva; "(Mvi/Ali)": liputan6; "(H-4)": mediaindonesia), cut from its end.
# Matched case-sensitively: in lower case or with a slash, unlike a source that closes a
# sentence, "(AFP)" or "(Antara)", which stays.
TRAILING_EDITOR_INITIALS = (
    r"\s*\((?:[a-z]{2,5}|[A-Za-z]{2,5}(?:\s*/\s*[A-Za-z]{2,5}){1,3}|[A-Z]{1,3}-\d{1,3})\)\s*$"
)

# Lazy-loading attributes holding the real image URL, in order of preference.
LAZY_IMAGE_ATTRIBUTES: tuple[str, ...] = (
    "data-src",  # lazysizes: transparent-GIF src + data-src (the project's replica)
    "data-lazy-src",  # WP Rocket style: SVG placeholder src + data-lazy-src (replica)
    "data-img-url",  # bantennews: tagDiv related-post thumbnails with an empty src
    "data-original",  # jQuery lazyload (generic WordPress lazy-load plugins)
)
# An img src that is only a stand-in until the lazy loader runs.
PLACEHOLDER_IMAGE_SRC = r"^\s*$|^data:|(?:^|/)(?:blank|spacer|pixel|placeholder|lazy)[^/]*$"

# WordPress captioned images written as <div class="wp-caption"><img><p class="wp-caption-text">:
# the caption is a caption, not a paragraph of the body (research 3).
FIGURE_CLASSES: frozenset[str] = frozenset({"wp-caption"})
FIGCAPTION_CLASSES: frozenset[str] = frozenset({"wp-caption-text"})
