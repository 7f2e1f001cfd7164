"""Deterministic generated articles for benchmarks with thousands of pages.

Generation runs in two stages so a server with 50,000 articles stays small: `generate_heads`
makes every article's metadata (title, slug, dates, category...) with an empty body, in order,
newest first; `with_body` builds one article's body on demand. The same index and seed always
give the same article, so a crawl can be checked against `generate_articles(n, seed)`.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from replica.articles import ARTICLES
from replica.model import (
    WIB,
    AdSlot,
    Block,
    CodeSnippet,
    Comment,
    Credit,
    EntityStyle,
    Figure,
    Image,
    Paragraph,
    Promo,
    RelatedLink,
    RelatedList,
    ReplicaArticle,
    Strong,
    Subheading,
)
from replica.taxonomy import AUTHORS, CATEGORIES, slugify

NEWEST_GENERATED = datetime(2024, 6, 28, 9, 0, tzinfo=WIB)
FIRST_POST_ID = 900_000
NEW_ARTICLES_STREAM = "new-body"

KECAMATAN = ("Serpong", "Serpong Utara", "Pamulang", "Ciputat", "Ciputat Timur", "Pondok Aren")
KECAMATAN += ("Setu",)
KELURAHAN = (
    "Rawa Buntu",
    "Lengkong Gudang",
    "Pondok Benda",
    "Bambu Apus",
    "Cempaka Putih",
    "Jurang Mangu",
    "Pondok Kacang Barat",
    "Kademangan",
    "Babakan",
    "Serua",
    "Pisangan",
    "Rengas",
    "Pakulonan",
    "Paku Jaya",
)
ROADS = ("Jalan Raya Serpong", "Jalan Siliwangi", "Jalan Ir H Juanda", "Jalan Pajajaran")
ROADS += ("Jalan Otista", "Jalan Raya Puspiptek", "Jalan Ceger Raya")
OFFICIALS = (
    "Kepala Bidang Pelayanan, Heru Prasetyo",
    "Camat setempat, Sugianto",
    "Lurah setempat, Wawan Setiawan",
    "Sekretaris Daerah Kota Tangsel, Bambang Irawan",
    "Ketua RW 05, Muhammad Yusuf",
    "Kepala Seksi Operasional, Ratna Sari",
    "anggota DPRD Tangsel, Indra Gunawan",
    "pengamat kebijakan publik, Dr. Arif Nugroho",
)
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
TOPIC_TITLES: dict[str, tuple[str, ...]] = {
    "tangsel": (
        "Pemkot Tangsel Perbaiki {n} Titik Jalan Rusak di {kec}",
        "Warga {kel} Keluhkan Sampah Menumpuk {n} Hari di Pinggir Jalan",
        "Lurah {kel} Gelar Kerja Bakti Bersihkan Saluran Air Sepanjang {n} Meter",
        "Dishub Tangsel Uji Coba Rekayasa Lalu Lintas di {road} Selama {n} Hari",
        "Pemkot Tangsel Salurkan Bantuan Sembako untuk {n} Keluarga di {kec}",
        "Ruang Terbuka Hijau Seluas {n} Hektare Dibuka di {kel}",
    ),
    "nasional": (
        "Pemerintah Siapkan Rp{n} Triliun untuk Program Makan Bergizi di {month}",
        "BMKG Prakirakan Hujan Lebat Landa Jabodetabek hingga {n} {month}",
        "Kementerian PUPR Tinjau Proyek Tol {n} Kilometer di Wilayah Banten",
    ),
    "politik": (
        "DPRD Tangsel Gelar Rapat Paripurna Bahas Raperda Nomor {n} pada {month}",
        "Bawaslu Tangsel Temukan {n} Pelanggaran Alat Peraga Kampanye di {kec}",
        "Fraksi DPRD Soroti Serapan Anggaran {n} Persen di {kec}",
    ),
    "ekonomi": (
        "Harga Beras di Pasar {kec} Turun {n} Persen, Pedagang Lega",
        "{n} UMKM di {kel} Didorong Manfaatkan Pemasaran Digital",
        "Pajak Daerah Tangsel Capai Rp{n} Miliar hingga {month}",
    ),
    "hukum-kriminal": (
        "Polisi Tangkap {n} Pelaku Pencurian Motor di {kel}",
        "Satpol PP Tangsel Segel {n} Bangunan Tanpa Izin di {kec}",
        "Komplotan Pembobol {n} Rumah Kosong di {kel} Dibekuk Polisi",
    ),
    "pendidikan": (
        "SMP Negeri {n} Tangsel Raih Penghargaan Sekolah Adiwiyata di {month}",
        "Dindikbud Tangsel Salurkan Beasiswa untuk {n} Pelajar dari {kec}",
        "{n} Guru Honorer di {kec} Ikuti Seleksi PPPK",
    ),
    "kesehatan": (
        "Puskesmas {kec} Gelar Imunisasi Gratis untuk {n} Balita",
        "Dinkes Tangsel Catat {n} Kasus Diare di {kec} Sepanjang {month}",
        "Posyandu di {kel} Kini Layani {n} Lansia Setiap Pekan",
    ),
    "olahraga": (
        "Atlet Tangsel Sabet {n} Medali Emas di Porprov Banten pada {month}",
        "Turnamen Sepak Bola Antarkelurahan Diikuti {n} Tim di {kec}",
        "{n} Ribu Pelari Ikuti Fun Run di {road}",
    ),
    "gaya-hidup": (
        "Kafe Bertema Tempo Dulu di {kel} Jadi Favorit, Dikunjungi {n} Orang Sehari",
        "Pameran Batik Tangerang Digelar {n} Hari di {kec}",
        "Komunitas Sepeda Ajak {n} Warga {kel} Hidup Sehat",
    ),
    "internasional": (
        "Jepang dan Korea Selatan Sepakati {n} Poin Kerja Sama Energi pada {month}",
        "{n} WNI di Malaysia Diimbau Waspada Penipuan Lowongan Kerja",
        "Harga Minyak Dunia Naik {n} Persen Sepanjang {month}",
    ),
}
SENTENCES = (
    "Kegiatan tersebut dihadiri perwakilan kecamatan, kelurahan dan tokoh masyarakat setempat.",
    "Warga menyambut baik langkah itu karena persoalan serupa sudah berlangsung cukup lama.",
    "Pemerintah kota berjanji akan mengevaluasi pelaksanaan program tersebut setiap tiga bulan.",
    "Anggaran kegiatan bersumber dari APBD Kota Tangerang Selatan tahun berjalan.",
    "Sejumlah warga berharap program serupa bisa menjangkau wilayah lain di {kec}.",
    "Petugas gabungan dari kecamatan dan kepolisian turut diterjunkan untuk mengawal kegiatan.",
    "Menurut data kelurahan, sedikitnya {n} keluarga merasakan dampak langsung dari kebijakan itu.",
    "Koordinasi dengan dinas terkait terus dilakukan agar pelaksanaan di lapangan berjalan lancar.",
    "Warga yang membutuhkan informasi lebih lanjut dapat mendatangi kantor kelurahan {kel}.",
    "Hingga berita ini diturunkan, pihak terkait masih melakukan pendataan di lapangan.",
    "Kondisi tersebut dikeluhkan pengendara yang melintas di {road} setiap pagi dan sore.",
    "Ia mengingatkan agar masyarakat tidak mudah percaya pada informasi yang belum jelas "
    "sumbernya.",
)
QUOTES = (
    "Kami ingin pelayanan kepada masyarakat semakin cepat dan tepat sasaran",
    "Ini bagian dari komitmen kami untuk mewujudkan Tangsel yang lebih nyaman",
    "Kami mohon dukungan warga agar program ini berjalan sesuai rencana",
    "Evaluasi akan kami lakukan secara berkala bersama kelurahan dan kecamatan",
    "Kalau ada kendala di lapangan, silakan langsung laporkan kepada kami",
)
SUBHEADINGS = ("Tanggapan Warga", "Evaluasi Berkala", "Rencana ke Depan", "Kendala di Lapangan")
COMMENTERS = ("Agus", "Mega", "Warga Pamulang", "Rahmat Hidayat", "Nina", "Yoga Pratama")
COMMENT_TEXTS = (
    "Semoga cepat terealisasi.",
    "Di wilayah kami juga perlu perhatian yang sama.",
    "Terima kasih infonya, sangat bermanfaat.",
    "Pengawasannya harus diperketat.",
)
EDITORS = ("Hendra Gunawan", "Maria Ulfa", "Taufik Hidayat")


def generate_articles(n: int, seed: int = 0) -> list[ReplicaArticle]:
    """`n` generated articles, newest first, with bodies; the same (n, seed) gives the same list."""
    heads = list(generate_heads(n, seed))
    return [with_body(heads, index, seed) for index in range(n)]


def generate_heads(n: int, seed: int = 0) -> Iterator[ReplicaArticle]:
    """Articles without bodies (pages == []), newest first, with slugs unique site-wide."""
    slugs = _SlugRegistry({article.slug for article in ARTICLES})
    rng = random.Random(f"{seed}:heads")
    published = NEWEST_GENERATED
    for index in range(n):
        yield _head(index, rng, published, slugs)
        published -= timedelta(minutes=rng.randint(20, 240), seconds=rng.randint(0, 59))


def with_body(
    heads: Sequence[ReplicaArticle], index: int, seed: int = 0, *, stream: str = "body"
) -> ReplicaArticle:
    """The article at `index` with its body; older heads supply "Baca juga" link targets.
    `stream` names the random stream, so that two lists of heads get different bodies."""
    rng = _rng(seed, index, stream)
    older = heads[index + 1 : index + 6]
    blocks = _blocks(heads[index], rng, older)
    pages = _split_pages(blocks, rng)
    return replace(heads[index], pages=pages)


def generate_new_heads(
    n: int, newest: datetime, taken: Iterable[str], seed: int = 0
) -> list[ReplicaArticle]:
    """`n` articles published since the last crawl (ReplicaOptions.new_articles), without
    bodies, newest first: the newest at `newest`, then one every 15 minutes before it, never
    edited. Their slugs avoid `taken` and their post ids are above every generated one, so the
    articles a site already had keep their URLs. Bodies: with_body(heads, i, seed,
    stream=NEW_ARTICLES_STREAM)."""
    slugs = _SlugRegistry(set(taken))
    rng = random.Random(f"{seed}:new-heads")
    heads = []
    for index in range(n):
        published = newest - timedelta(minutes=15 * index)
        head = _head(index, rng, published, slugs)
        post_id = FIRST_POST_ID + 3 * (n - index)
        heads.append(replace(head, post_id=post_id, modified=published))
    return heads


def edit_heads(
    heads: Sequence[ReplicaArticle], count: int, edited_at: datetime
) -> list[ReplicaArticle]:
    """`heads` with `count` of them, spread evenly, edited at `edited_at`
    (ReplicaOptions.edited_articles): the title gains an update note, which the lead
    paragraph repeats, so the stored content changes, and the modification date moves."""
    if count > len(heads):
        raise ValueError(f"cannot edit {count} of {len(heads)} generated articles")
    step = len(heads) / count if count else 0
    chosen = {int(number * step) for number in range(count)}
    return [
        replace(head, title=f"{head.title} (Diperbarui)", modified=edited_at)
        if index in chosen
        else head
        for index, head in enumerate(heads)
    ]


def _rng(seed: int, index: int, stage: str) -> random.Random:
    return random.Random(f"{seed}:{index}:{stage}")


class _SlugRegistry:
    """WordPress appends -2, -3... to a slug already taken."""

    def __init__(self, taken: set[str]) -> None:
        self._taken = set(taken)
        self._next_suffix: dict[str, int] = {}

    def claim(self, slug: str) -> str:
        candidate = slug
        while candidate in self._taken:
            suffix = self._next_suffix.get(slug, 2)
            self._next_suffix[slug] = suffix + 1
            candidate = f"{slug}-{suffix}"
        self._taken.add(candidate)
        return candidate


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        n=rng.randint(2, 95),
        kec=rng.choice(KECAMATAN),
        kel=rng.choice(KELURAHAN),
        road=rng.choice(ROADS),
        month=rng.choice(MONTHS),
    )


def _head(
    index: int, rng: random.Random, published: datetime, slugs: _SlugRegistry
) -> ReplicaArticle:
    category = rng.choice(CATEGORIES)
    title = _fill(rng.choice(TOPIC_TITLES[category.slug]), rng)
    edited = rng.random() < 0.4
    modified = published + timedelta(minutes=rng.randint(5, 4000)) if edited else published
    comment_count = rng.choice((0, 0, 0, 0, 1, 2, 3))
    return ReplicaArticle(
        post_id=FIRST_POST_ID - 3 * index,
        slug=slugs.claim(slugify(title)),
        title=title,
        category=category,
        published=published,
        modified=modified,
        template="composer" if rng.random() < 0.3 else "classic",
        pages=[],
        subtitle=_fill(rng.choice(SENTENCES), rng).rstrip(".") if rng.random() < 0.2 else None,
        tags=_tags(category.name, rng),
        author=None if rng.random() < 0.05 else rng.choice(AUTHORS),
        image=_featured_image(index, published, rng),
        comment_count=comment_count,
        view_count=min(int(rng.paretovariate(1.2) * 120), 250_000),
        comments=[_comment(published, rng) for _ in range(comment_count)],
        entity_style=_entity_style(rng.random()),
    )


def _entity_style(draw: float) -> EntityStyle:
    # Most posts come out of wptexturize; a few were pasted as HTML or carry raw UTF-8.
    return "named" if draw < 0.1 else "raw" if draw < 0.2 else "wp"


def _tags(category_name: str, rng: random.Random) -> list[str]:
    pool = [category_name, *rng.sample(KECAMATAN, 2), "Tangerang Selatan", "Pemkot Tangsel"]
    return sorted(set(rng.sample(pool, rng.randint(1, 4))), key=pool.index)


def _featured_image(index: int, published: datetime, rng: random.Random) -> Image | None:
    if rng.random() < 0.1:
        return None
    path = f"/wp-content/uploads/{published:%Y/%m}/berita-{index}.jpg"
    caption = None
    if rng.random() < 0.75:
        caption = f"Suasana kegiatan di {rng.choice(KECAMATAN)}. (foto: istimewa)"
    return Image(path, caption, lazy="data-lazy-src" if rng.random() < 0.1 else "none")


def _comment(published: datetime, rng: random.Random) -> Comment:
    posted = published + timedelta(minutes=rng.randint(10, 3000))
    return Comment(rng.choice(COMMENTERS), posted, rng.choice(COMMENT_TEXTS))


def _paragraph(rng: random.Random) -> Paragraph:
    sentences = [_fill(rng.choice(SENTENCES), rng) for _ in range(rng.randint(2, 3))]
    if rng.random() < 0.35:
        quote, speaker = rng.choice(QUOTES), rng.choice(OFFICIALS)
        sentences.append(f"“{quote},” kata {speaker}.")
    return Paragraph((" ".join(sentences),))


def _lead(head: ReplicaArticle, rng: random.Random) -> Paragraph:
    day = head.published.astimezone(WIB)
    date = f"{day.day}/{day.month}/{day.year}"
    text = (
        f" – {head.title}. Hal itu disampaikan {rng.choice(OFFICIALS)} kepada wartawan di "
        f"{rng.choice(KECAMATAN)}, Tangerang Selatan ({date})."
    )
    return Paragraph((Strong("RADAR TANGSEL RATAS"), text))


def _blocks(
    head: ReplicaArticle, rng: random.Random, older: Sequence[ReplicaArticle]
) -> list[Block]:
    blocks: list[Block] = [_lead(head, rng)]
    blocks += [_paragraph(rng) for _ in range(rng.randint(3, 8))]
    if rng.random() < 0.4:
        blocks.insert(rng.randint(2, len(blocks) - 1), Subheading(rng.choice(SUBHEADINGS)))
    if rng.random() < 0.15:
        blocks.insert(2, _figure(head, rng))
    _inject_boilerplate(blocks, rng, older)
    return blocks


def _figure(head: ReplicaArticle, rng: random.Random) -> Figure:
    path = f"/wp-content/uploads/{head.published:%Y/%m}/foto-{head.post_id}.jpg"
    caption = f"Warga {rng.choice(KELURAHAN)} mengikuti kegiatan tersebut. (foto: istimewa)"
    lazy = rng.choice(("none", "data-src", "data-lazy-src"))
    style = rng.choice(("caption_shortcode", "gutenberg"))
    return Figure(Image(path, caption, lazy=lazy), style=style, attachment_id=head.post_id + 1)


def _inject_boilerplate(
    blocks: list[Block], rng: random.Random, older: Sequence[ReplicaArticle]
) -> None:
    middle = max(2, len(blocks) // 2)
    if older and rng.random() < 0.5:
        target = rng.choice(older)
        style = rng.choice(("irp", "plain", "strong_label", "strong_link"))
        blocks.insert(middle, RelatedLink(target.title, target.path, style))
    if len(older) >= 2 and rng.random() < 0.05:
        items = tuple((article.title, article.path) for article in older[:2])
        blocks.insert(middle, RelatedList("BERITA TERKAIT", items))
    if rng.random() < 0.1:
        blocks.insert(middle + 1, AdSlot(rng.choice(("td_titled", "adsense"))))
    if rng.random() < 0.05:
        blocks.insert(1, CodeSnippet(rng.choice(("script", "style", "noscript"))))
    if rng.random() < 0.3:
        blocks.append(Promo(rng.choice(("telegram", "whatsapp", "google_news"))))
    if rng.random() < 0.4:
        blocks.append(Credit("Editor", rng.choice(EDITORS)))


def _split_pages(blocks: list[Block], rng: random.Random) -> list[list[Block]]:
    if len(blocks) < 6 or rng.random() >= 0.05:
        return [blocks]
    cut = len(blocks) // 2
    return [blocks[:cut], blocks[cut:]]
