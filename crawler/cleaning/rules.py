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
    heading of a link list, and the link-only blocks right after it go too (and the images
    between them). With `needs_following_links`, the block is such a heading only when a
    link-only block follows it; before prose it is the article's own subheading and stays.
    A block goes by the first rule it matches, so a rule that needs links comes last.
    """

    name: str
    patterns: tuple[str, ...]
    drops_following_links: bool = False
    needs_following_links: bool = False


@dataclass(frozen=True)
class EndingRule:
    """Blocks to drop when the end of their text matches a pattern: a caption that closes with
    its photo's credit. Only blocks of at most `max_chars` characters, and the pattern is
    searched in their last `tail_chars` only (which must hold what it matches): a whole-block
    pattern that must first skip up to 400 characters of caption costs several times more on
    every paragraph of every page.
    """

    name: str
    patterns: tuple[str, ...]
    max_chars: int
    tail_chars: int


# The words that introduce an inline related-article link: "Baca juga:" (seed, research: kompas,
# okezone, ntvnews; realpages koinworks, mediaindonesia, bacatekno), "Simak juga", "Lihat juga",
# "Cek juga", "Ketahui juga", "Baca selengkapnya", "Baca:" (research: tribun, viva; a sentence
# never opens "Baca:"); the English ones only with a colon ("Read
# also:", "Related:"), since "Read more about ..." and "Related to ..." start English sentences.
# Lower case and no case-sensitive parts: clean.py also searches it in lowercased text.
# Spelled out, one label per branch: searched through every paragraph that holds "juga", it
# costs half as much as the same with nested alternatives.
RELATED_LINK_LABEL = (
    r"(?:baca\s+(?:juga|pula|selengkapnya)|simak\s+(?:juga|pula)|lihat\s+(?:juga|pula)"
    r"|cek\s+(?:juga|pula)|ketahui\s+(?:juga|pula)|baca(?=\s*:)|read\s+also(?=\s*:)"
    r"|also\s+read(?=\s*:)"
    r"|see\s+also(?=\s*:)|read\s+more(?=\s*:)|related(?=\s*:))"
)

# Social posts embedded with their networks' standard embed codes: a <blockquote> holding
# the post's text, which the network's script turns into a card. X/Twitter's twitter-tweet
# and twitter-video, Instagram's instagram-media, TikTok's tiktok-embed, Threads'
# text-post-media, Facebook's fallback quote fb-xfbml-parse-ignore. Someone else's words
# quoted in the page, not the article's paragraphs (issue 13: a tweet left in a body).
EMBEDDED_POST_CLASSES = frozenset(
    {
        "twitter-tweet",
        "twitter-video",
        "instagram-media",
        "tiktok-embed",
        "text-post-media",
        "fb-xfbml-parse-ignore",
    }
)

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
    DomRule(
        "embed",
        (
            "iframe",
            "object",
            "embed",
            # the <blockquote> of a social network's embed code, holding the post's text until
            # the network's script turns it into a card (the fallback drops them before
            # trafilatura reads the page: clean.py, drop_embedded_posts)
            *(f"blockquote.{name}" for name in sorted(EMBEDDED_POST_CLASSES)),
        ),
    ),
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
            # Ad Inserter's WordPress blocks ("code-block code-block-4"), which put promo
            # banners and boxes into the_content (realpages gramedia: eperpus B2B box)
            ".code-block[class*=code-block-]",
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
    DomRule(
        "table_of_contents",
        (
            "#ez-toc-container",  # Easy Table of Contents (realpages gramedia)
            "#toc_container",  # Table of Contents Plus
            ".lwptoc",  # LuckyWP Table of Contents
            ".wp-block-rank-math-toc-block",  # Rank Math's TOC block
        ),
    ),
    DomRule(
        "page_chrome",
        (
            "nav",  # research: news-watch drops nav and aside
            "aside",
            "[class*=breadcrumb]",  # Yoast, Rank Math, most themes: breadcrumb, breadcrumbs
        ),
    ),
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
        # a teaser may be the first of several, the others bare links (realpages bacatekno:
        # "Baca Juga : <a>..</a>" then "<a>Tak Harga TV Polytron ..</a>"), or a heading
        # ending in a colon over a list (realpages gramedia: "Baca juga artikel lain berikut
        # ini :")
        drops_following_links=True,
    ),
    TextRule(
        "related_posts",
        (
            # po 9.2.2 / 11.4.3; realpages kapanlagi "Kumpulan Berita Terkait:", republika
            # "FOTO TERKAIT:"
            r"(?:kumpulan\s+)?(?:berita|artikel|baca|postingan|tulisan|foto|video|topik)"
            r"\s+terkait\s*:?",
            r"dari penulis",  # po "MORE FROM AUTHOR"
            r"(?:artikel|berita) (?:lainnya|lain|lebih|pilihan)\s*:?",  # po "EVEN MORE NEWS"
            rf"{RELATED_LINK_LABEL}\s*:?",  # bantennews sidebar heading "Baca Juga"
            r"pilihan editor\s*:?",  # po "EDITOR PICKS"; research: tempo
            r"related (?:articles|posts)\s*:?|more from author",  # po msgids, untranslated
            # realpages okezone "Berita Rekomendasi", kapanlagi "JANGAN LEWATKAN!!!", "Simak
            # Lifestyle Populer Lainnya", liputan6 "Related News", kompas "Ikuti perkembangan
            # berita ini dalam topik:" (over the topic's link)
            r"(?:berita|artikel) rekomendasi|rekomendasi(?: untuk (?:anda|kamu)| berita| artikel)?"
            r"\s*:?",
            # and research: jpnn "Jangan Lewatkan Video Terbaru:"
            r"jangan lewatkan(?:\s+(?:video|berita|artikel|foto)(?:\s+\w+){0,2})?\W*",
            r"(?:simak|baca|lihat)\s+(?:\S+\s+){0,3}lainnya\s*:?",
            r"(?:related|recommended)\s+(?:news|stories|reading)\s*:?|(?:read|see)\s+also\s*:?"
            r"|also\s+read\s*:?|you (?:may|might) also like\W*|more stories\s*:?",
            r"ikuti perkembangan berita ini(?:\s+dalam topik)?\s*:?",
            # widget headings over teaser lists (realpages detik "Berita Utama", mediaindonesia
            # "Headline", detik "MustRead"; research: kompas "Terpopuler")
            r"(?:berita\s+)?(?:terpopuler|populer|terkini|terbaru|utama)|headlines?"
            r"|most\s*popular|must\s*read|trending(?: now)?|latest news|pilihan redaksi"
            r"|editor'?s'?\s+picks?",
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
            # calls to comment: realpages okezone "berikan komentar anda", viva "KOMENTARI
            # ARTIKEL INI", tipsgaptek "Add a Comment", liputan6 "Comment (0)"
            r"(?:berikan|tulis|kirim|tambahkan|add|leave|write|post)\s+(?:an?\s+)?"
            r"(?:komentar|comments?|tanggapan)(?:\s+(?:anda|kamu|di ?sini))*\W*",
            r"komentari\s+(?:artikel|berita|tulisan)\s+ini\W*",
            r"(?:komentar|comments?)\s*\(\s*\d+\s*\)",
            # the disclaimer over a comment section (realpages kompas: "Pembaca dapat
            # mengirimkan komentar terkait artikel yang ditayangkan. Isi komentar bukan
            # merupakan pandangan ... KOMPAS.com dan sepenuhnya menjadi tanggung jawab
            # pengirim."; republika: "Komentar adalah tanggapan pribadi, tidak mewakili
            # kebijakan redaksi ..."). It opens with the comments and says whose they are:
            # the sender's, not the newsroom's; a sentence on whose responsibility comments
            # on social media are names no sender and stays.
            r"(?:pembaca dapat|isi komentar|setiap komentar|semua komentar|disclaimer\s*:?"
            r"|komentar (?:adalah|yang|anda|pembaca|merupakan|di ?bawah|dari))\b.{0,500}?"
            r"(?:tanggung ?jawab (?:pengirim|penulis|komentator|pemberi komentar|anda|pribadi"
            r"|masing-masing)|(?:kebijakan|pandangan|pendapat) redaksi|redaksi berhak).{0,500}",
        ),
    ),
    TextRule(
        "share_bar",
        (
            r"bagikan\s*:?|share\s*:?",  # po "SHARE" -> "BAGIKAN"
            # "Share this:" (Jetpack), realpages okezone "Share on Facebook", qoala "Share this
            # on", tribunnews "+ Share", "Bagikan artikel ini"
            r"\+?\s*(?:bagikan|share|sebarkan)(?:\s+(?:this|it|ini|artikel|berita|on|ke|via|di"
            r"|to|post|article|selection))*(?:\s+(?:facebook|twitter|x|whatsapp|telegram|line"
            r"|linkedin|pinterest|email))?\s*:?",
            # share counters: realpages detik "759 SHARES", republika "0 SHARE"; "Copy Link"
            r"\d[\d.,]*\s*[kmrb]?\s*(?:shares?|dibagikan)|(?:copy|salin)\s+(?:link|tautan|url)",
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
            # research: detik, CNN Indonesia (the two labels of one slot, alone or together)
            r"(?:advertisements?\s*)?scroll to continue with content(?:\s*advertisements?)?",
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
            # syndication notes: research: tribun, kompas "Artikel ini telah tayang di ...
            # dengan judul ..."; "Tulisan ini telah tayang di ...", "This article first
            # appeared on ..."
            r"(?:artikel|tulisan|berita|konten|postingan|naskah)\s+ini\s+(?:(?:telah|sudah"
            r"|pertama kali|sebelumnya|juga)\s+)*(?:tayang|terbit|dimuat|diterbitkan"
            r"|dipublikasikan|ditayangkan)\b.{1,400}",
            r"this (?:article|story|post) (?:was )?(?:first |originally )?(?:appeared|published"
            r"|posted)\b.{1,300}",
            r"\[gambas:[^\]]{0,300}\]",  # research: detik, CNN Indonesia video embeds
            r"simak (?:juga )?video\b.{0,200}",  # research: detik
            r"telusuri berita .{0,200}lainnya.{0,200}",  # research: okezone
            r"silakan baca konten menarik lainnya.{0,300}",  # research: jpnn, genpi
            r"(?:ikuti kami|follow us)\b.{0,150}",  # po "FOLLOW US", "Follow us on Instagram"
            r"ikuti\s+(?:juga\s+)?(?:akun|media sosial|sosial media|instagram|twitter|facebook"
            r"|tiktok|youtube)\b.{0,150}",
            # "Dapatkan update berita terkini ... di WhatsApp/aplikasi/<site>.com": a call to
            # a channel; "Dapatkan informasi syarat pendaftaran di kantor kelurahan." is prose
            r"dapatkan\s+(?:update|info(?:rmasi)?|berita|notifikasi)\b.{0,200}?\b(?:google news"
            r"|whatsapp|telegram|instagram|facebook|twitter|youtube|tiktok|newsletter|aplikasi"
            r"|channel|[\w-]{1,63}\.(?:com|co\.id|id))\b.{0,200}",  # a host name's label
            # subscribing: realpages liputan6 "Jangan sampai ketinggalan berita terkini,
            # langganan newsletter kami sekarang!", sugengsiswanto "Silahkan Berlangganan
            # Melalui Email Secara GRATIS."; "Langganan listrik ..." starts a sentence
            r"jangan sampai ketinggalan\b.{0,150}\b(?:langganan|berlangganan|subscribe|ikuti"
            r"|follow)\b.{0,150}",
            r"(?:berlangganan|subscribe)\s+(?:newsletter"
            r"|(?:melalui|via|lewat|ke)\s+email|gratis|sekarang)\b.{0,200}",
            r"(?:silahkan|silakan|yuk|ayo)\s+(?:berlangganan|langganan|subscribe)\b.{0,200}",
            # realpages liputan6 "Saksikan video di bawah ini:"
            r"(?:saksikan|tonton)\s+(?:juga\s+)?video(?:nya)?\b.{0,200}",
            # "Baca berita menarik lainnya di ...", "Simak artikel lainnya di sini"
            r"(?:simak|baca|cek|lihat|dapatkan|temukan)\s+(?:juga\s+)?(?:berita|artikel"
            r"|informasi|info|konten|tulisan|video|foto)\b.{0,40}\blainnya\s+(?:di|dari|hanya di"
            r"|melalui)\b.{0,150}",
            r"(?:lihat|putar)\s+video\s*:.{0,200}",  # research: detik "Lihat Video: ..."
        ),
    ),
    TextRule(
        "credit_line",
        (
            # research 5: "Editor:", "Penulis:", "Reporter:", "Pewarta:" (antara), "Sumber:";
            # one or more "Label: Name" pairs, e.g. "Penulis: Budi | Editor: Ani". A label
            # without a colon starts a sentence ("Penulis buku itu ...") and is kept.
            # Also realpages republika "Rep: C31/ Red: Israr Itah", qoala "Sumber foto:
            # AngieYeoh via Shutterstock".
            r"(?:\(?\s*(?:editor|penulis|reporter|pewarta|sumber|redaktur|penyunting"
            r"|kontributor|wartawan|foto|fotografer|editing|rep|red|(?:sumber|kredit)\s+(?:foto"
            r"|gambar)|photo|image|photo credits?|image source|ilustrasi)(?:\s*/\s*(?:editor"
            r"|penulis|reporter|pewarta|redaktur|foto))*\s*:\s*[^\s:|;!?][^:|;!?]{0,60}?\s*\)?\s*"
            r"[|/,;–-]?\s*){1,4}",
            # a writer credited with a place: realpages kompas "Kontributor Lhokseumawe,
            # Masriadi"; research: tribun "Laporan Wartawan Tribunnews.com, Glery Lazuardi".
            # A name ends it, not a period.
            r"(?:kontributor|koresponden)\s+[^\s,.:]+(?:\s+[^\s,.:]+){0,2}\s*,\s*[^,:.!?]{2,50}",
            r"laporan\s+(?:wartawan|reporter|koresponden|kontributor)\b[^!?]{1,100}(?<!\.)",
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
            # the reservation alone on its line ("All Rights Reserved.", "Hak cipta dilindungi
            # undang-undang."); "Hak cipta lagu itu ..." goes on, and stays
            r"all rights reserved\.?|hak cipta dilindungi(?:\s+undang-undang)?\.?",
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
            r"\[\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5}){0,3}\s*\]",  # realpages merdeka "[ian]"
            r"\(\s*\*+\s*\)",  # research: tribun "(*)"
        ),
    ),
    TextRule(
        "table_of_contents",
        # realpages gramedia: Easy Table of Contents' box heading, then its list of links
        # and its toggle ("Daftar Isi [tampilkan]", "Contents [hide]")
        (
            r"(?:table of contents|contents|daftar isi|isi artikel|daftar konten)\s*:?\s*"
            r"(?:\[?\s*(?:show|hide|toggle|tampilkan|sembunyikan|tutup)\s*\]?)?",
        ),
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
            r"|baca (?:berita|artikel) (?:selanjutnya|berikutnya)"
            r"|artikel sebelumnya|artikel (?:selanjutnya|berikutnya)|previous article"
            # followed by the title, which, unlike a sentence, does not end with a period
            r"|next article"
            # Blogger's links under a post (realpages sugengsiswanto "Newer Post", "Older
            # Post"; wadisipit26 "Post Selanjutnya", "Post Sebelumnya"; the Indonesian UI's
            # "Posting Lebih Baru", "Posting Lama")
            r"|(?:newer|older) posts?|posting(?:an)? (?:lebih baru|lama)|post (?:selanjutnya"
            r"|sebelumnya|berikutnya))\s*:?.{0,300}(?<!\.)",
        ),
    ),
    TextRule(
        "page_nav",
        (
            r"halaman\s*\d+\s*(?:dari|/)\s*\d+",  # po "Page %CURRENT_PAGE% of %TOTAL_PAGES%"
            r"(?:halaman\s*)?(?:selanjutnya|berikutnya|sebelumnya)\s*[»›>]*",  # po Next/Prev
            r"\d+\s*dari\s*\d+\s*halaman",  # realpages liputan6 "2 dari 3 halaman"
            # buttons that load more teasers or the rest of a folded article: realpages
            # liputan6, mediaindonesia "LOAD MORE", viva "Load More...", koinworks "Muat lebih
            # banyak"; liputan6 "Lanjutkan Membaca ↓"
            r"(?:load|show|view|see)\s+more\W*|muat\s+(?:lebih\s+banyak|lainnya|lagi)\W*"
            r"|tampilkan\s+(?:lebih\s+banyak|lainnya|semua)\W*|lihat\s+(?:lebih\s+banyak|semua)\W*",
            # the page numbers of a split article, with their links' labels (research: kompas
            # "Halaman: 1 2 Show All", detik "1 2 Selanjutnya")
            r"(?:halaman\s*:?\s*)?\d{1,2}(?:\s+\d{1,2}){1,20}(?:\s*(?:selanjutnya|berikutnya"
            r"|next|show all|tampilkan semua|lihat semua))?\s*[»›>]*|show all",
            r"(?:lanjutkan|lanjut)\s+membaca\W*|continue reading\W*|read more\W*"
            r"|selengkapnya\W*",
        ),
    ),
    TextRule(
        "tags_box",
        (r"(?:tags?|topik|label)\s*:?",),  # po "TAGS" -> "TOPIK"; bantennews "LABEL"
        drops_following_links=True,
    ),
    TextRule(
        "photo_caption",
        (
            # a credit on a line of its own (a caption that closes with one: ENDING_RULES):
            # realpages kompas "KOMPAS.com/NABILLA TASHANDRA", "Kompas.com / Anju Christian",
            # "Dok.Saleh Husin", republika "Republika/ Wihdan Hidayat", "Reuters"; research:
            # antara "ANTARA FOTO/Budi Setya", "Istimewa"
            r"\(?[\w-]+\.(?:com|co\.id|id|net|org|tv)\s*/\s*[^\W\d_][\w .'-]{1,40}\)?",
            r"(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s*/\s*(?-i:[A-Z][\w.']*(?:\s+[A-Z][\w.']*){1,3})",
            r"\(?\s*(?:reuters|afp|ap|antara(?:\s+foto)?|epa|getty images|shutterstock"
            r"|istock(?:photo)?|freepik|unsplash|pexels|pixabay)(?:\s+(?:photo|foto|images))?\s*\)?",
            r"\(?\s*(?:dok\.|dok\s*:|dokumentasi\s*:|ist\b|istimewa|ilustrasi|foto ilustrasi)"
            r"[^.!?()]{0,40}\)?",
        ),
    ),
    TextRule(
        "embed",
        (
            # the text an embedded post leaves when its script does not run: a tweet's ends
            # with its picture link (ENDING_RULES), then "— Name (@handle) November 1, 2021"
            r"[—–-]\s*[^()]{1,60}\(@\w{1,15}\)\s*(?:\w+\s+\d{1,2},\s*\d{4}|\d{1,2}\s+\w+\s+\d{4})",
            r"(?:view|lihat)\s+(?:this|postingan ini|kiriman ini)\s+(?:post\s+)?(?:on|di)"
            r"\s+instagram",
            r"(?:a post shared by|sebuah kiriman dibagikan oleh|postingan yang dibagikan oleh)"
            r"\s.{1,100}",
            r"♬\s.{1,100}",  # TikTok's sound line
        ),
    ),
    TextRule(
        "post_meta",
        (
            # reading time: realpages qoala "• 10 minutes read •"; "5 menit baca"
            r"[•·|\s]*\d+\s*(?:min(?:ute)?s?|menit)\s*(?:read|baca|membaca)[•·|\s]*",
            r"(?:waktu\s+)?baca\s*:?\s*\d+\s*menit",
            # realpages qoala "Artikel ini terakhir diperbarui June 27, 2021 by Zaky Afdika"
            r"(?:artikel|tulisan|postingan|halaman)\s+ini\s+(?:terakhir\s+)?(?:diperbarui"
            r"|diperbaharui|diupdate)\b.{0,150}",
            # an update line with its date; "Diperbarui setiap tahun, data itu ..." is prose
            r"(?:terakhir\s+|last\s+)?(?:diperbarui|updated)\s*(?:on\s*)?:?\s*"
            r"(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)\s*,?\s*)?"
            r"\d{1,2}[/ .-]\w{1,9}[/ .-]\d{2,4}.{0,30}",
        ),
    ),
    TextRule(
        "page_chrome",
        (
            # a breadcrumb (realpages republika-ihram "Home > Berita")
            r"(?:home|beranda|index|indeks)\s*[>»›/|]\s*[^.!?]{0,150}",
            # the buttons over a photo or video (research: kompas "Lihat Foto")
            r"lihat\s+(?:foto|video|galeri)|view\s+(?:photo|gallery)",
            # gallery and rating widgets: realpages detik "Vote Photo", "More Photos",
            # liputan6 "Rate artikel ini", "Credits (3)"
            r"(?:vote|rate|beri nilai)\s+(?:this\s+)?(?:photo|foto|artikel|article|berita|post)"
            r"(?:\s+ini)?\W*|more photos|(?:lihat\s+)?foto lainnya|credits?\s*\(\s*\d+\s*\)",
        ),
    ),
    TextRule(
        "server_error",
        (
            # PHP's notices printed into the page by a theme (realpages tipsgaptek:
            # "Notice: Undefined variable: point_single_tags_section in /var/www/vhosts/
            # ..../single.php on line 83"), whole or cut where the path was bold
            r"(?:php\s+)?(?:notice|warning|deprecated|fatal error|parse error)\s*:\s*.{1,300}?"
            r"\S{1,200}\.php(?:\s*on\s+line\s*\d*)?",  # bounded: each of 300 starts re-read it
            r"(?:php\s+)?(?:notice|warning|deprecated|fatal error|parse error)\s*:\s*(?:undefined"
            r"|use of undefined|trying to|array to string|invalid argument|cannot|call to"
            r"|attempt to|uncaught|creation of dynamic|a non-numeric|syntax error)\b.{0,300}?\s+in",
            r"\S*\.php\s*on\s+line(?:\s*\d+)?",
        ),
    ),
    TextRule(
        "related_list",
        (
            # a heading that names related reading, over a list of links (realpages gramedia:
            # "Rekomendasi Buku Terkait Instagram dan Sosial Media" over two product links),
            # which alone could be a subheading ("Fakta Terkait Kasus X"). Not "rekomendasi"
            # or "lainnya" alone: a how-to's "Rekomendasi Aplikasi Penambah Followers" over
            # the apps' links is the article's list; nor a lead-in sentence ("Berikut ini
            # ... terkait ...:"). (The possessive test first: most blocks are longer, or
            # sentences, and fail at once.)
            r"(?=[^.!?:]{0,121}+$)(?!.*\bberikut\b)[^.!?:]{0,60}\b(?:terkait|related)\b"
            r"[^.!?:]{0,60}",
        ),
        needs_following_links=True,
    ),
)

# The page's header when a body starts with it: its <h1> headline, and the short lines above the
# headline, a date line and a kicker or section label (realpages detik-robot: "Selasa 16 Jun
# 2015, 14:05 WIB", "MUDA DAN MENGINSPIRASI", then the <h1>; detik-gardu-induk: "FotoBisnis";
# detik-galaxy: "Berita Utama" over the times of six teasers). The headline is the item's title,
# not a paragraph of the body. Only short lines: a body whose first paragraphs are prose uses
# <h1> for a subheading, and everything stays.
HEADER_LINES_ABOVE_HEADLINE = 10
HEADER_LINE_MAX_CHARS = 60

ENDING_RULES: tuple[EndingRule, ...] = (
    EndingRule(
        "photo_caption",
        (
            # (Never the body's last block, which a closing credit may end: clean.py.)
            # A caption that ends with its photo's credit, as Indonesian sites print them:
            # realpages detik "... I-REBOT. (Bagus Kurniawan/detikcom)", "Galaxy S6 Edge & S6
            # (ist)", okezone "... (Foto: Okezone)", viva "(REUTERS/Chaiwat Subprasom)",
            # republika "... petugas medis (Ilustrasi)", kapanlagi "Dian Sastrowardoyo ©
            # KapanLagi.com®/", merdeka "Terry Holdbrooks. ©witnesstoguantanamo.com",
            # liputan6 "... Season City. Dok"; detik "... Foto: Ari Saputra/detikcom". A
            # slash credit needs a two-word name: "(Mvi/Ali)" closing a paragraph are the
            # desk's initials, and "(AFP/Reuters)" a source.
            r"\(\s*(?:foto|photo|dok|dokumentasi|ilustrasi|ist|istimewa)\b[^()]{0,80}\)",
            r"\((?=[^()]*[^\W\d_]\s+[^\W\d_])[^()/]{2,40}/[^()/]{2,40}\)",
            r"©[^©]{0,80}",
            r"[.!?]\s*(?:dok|ist|istimewa)\.?",
            r"\s(?:foto|photo)\s*:\s*[^:.!?]{1,50}(?:/\s*[\w.]{2,30})?",
        ),
        max_chars=480,
        tail_chars=120,
    ),
    EndingRule(
        "embed",
        # a tweet's text as its embed code holds it, ending with its picture's link
        (r"pic\.twitter\.com/\w+",),
        max_chars=700,
        tail_chars=60,
    ),
)

# The desk's initials fused to the end of the last paragraph ("... di rumah masing-masing.
# (ren)": realpages viva; "(Mvi/Ali)": liputan6; "(H-4)": mediaindonesia), cut from its end.
# Matched case-sensitively: in lower case or with a slash, unlike a source that closes a
# sentence, "(AFP)" or "(Antara)", which stays. Tribun closes with "(*)".
# From the start of the spaces before it: tried from each of a run's spaces, it was quadratic.
TRAILING_EDITOR_INITIALS = (
    r"(?<!\s)\s*"
    r"\((?:[a-z]{2,5}|[A-Za-z]{2,5}(?:\s*/\s*[A-Za-z]{2,5}){1,3}|[A-Z]{1,3}-\d{1,3}|\*+)\)\s*$"
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

# Captioned images written as <div class="wp-caption"><img><p class="wp-caption-text"> (WordPress,
# research 3), or as Blogger's editor writes them, <table class="tr-caption-container"><tr><td>
# <img></td></tr><tr><td class="tr-caption">caption</td></tr></table> (realpages bacatekno): the
# caption is a caption, not a paragraph of the body.
FIGURE_CLASSES: frozenset[str] = frozenset({"wp-caption", "tr-caption-container"})
FIGCAPTION_CLASSES: frozenset[str] = frozenset({"wp-caption-text", "tr-caption"})
