"""The hand-written articles of the replica, oldest first.

Each one exercises something a crawler of a tagDiv site has to get right; the docstring of
`ARTICLES` lists what. The seed article reproduces shared/seed/radartangsel-article.txt word
for word, non-breaking spaces included. "Baca juga" links point at older articles, as editors'
links do.
"""

from __future__ import annotations

from datetime import datetime

from replica.model import (
    WIB,
    AdSlot,
    CodeSnippet,
    Comment,
    Credit,
    Figure,
    Image,
    Inline,
    Paragraph,
    Promo,
    RelatedLink,
    RelatedList,
    RelatedStyle,
    ReplicaArticle,
    ShareButtons,
    Strong,
    Subheading,
)
from replica.taxonomy import (
    AHMAD_RIFAI,
    BAGUS_SETIAWAN,
    DEWI_ANGGRAINI,
    EKONOMI,
    GAYA_HIDUP,
    HUKUM,
    INTERNASIONAL,
    KESEHATAN,
    NURUL_HIDAYAH,
    OLAHRAGA,
    PENDIDIKAN,
    POLITIK,
    REDAKSI,
    RIZKY_MAULANA,
    TANGSEL,
)

DATELINE = Strong("RADAR TANGSEL RATAS")
EDITOR = Credit("Editor", "Hendra Gunawan")


def _p(*parts: Inline) -> Paragraph:
    return Paragraph(tuple(parts))


def _wib(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=WIB)


def _upload(year: int, month: int, name: str) -> str:
    return f"/wp-content/uploads/{year}/{month:02d}/{name}"


def _related(article: ReplicaArticle, style: RelatedStyle) -> RelatedLink:
    return RelatedLink(article.title, article.path, style)


ANIES = ReplicaArticle(
    post_id=141872,
    slug="anies-siap-nyapres-2024-pks-ia-jadi-simbol-perubahan-untuk-indonesia",
    title="Anies Siap Nyapres 2024, PKS: Ia Jadi Simbol Perubahan untuk Indonesia",
    category=POLITIK,
    published=_wib(2023, 12, 5, 10, 15, 32),
    modified=_wib(2023, 12, 5, 10, 15, 32),
    template="classic",
    author=RIZKY_MAULANA,
    tags=["Anies Baswedan", "PKS", "Pilpres 2024", "Koalisi Perubahan"],
    image=Image(
        _upload(2023, 12, "anies-baswedan-pks.jpg"),
        "Anies Baswedan saat menyapa simpatisan dalam sebuah acara konsolidasi. "
        "(foto: dok. Radar Tangsel)",
    ),
    comment_count=2,
    view_count=1180,
    comments=[
        Comment(
            "Budi Santoso",
            _wib(2023, 12, 5, 12, 1),
            "Semoga kampanyenya tetap damai dan tidak memecah belah warga.",
        ),
        Comment(
            "Rina",
            _wib(2023, 12, 5, 19, 44),
            "Siapa pun presidennya, yang penting harga kebutuhan pokok stabil.",
        ),
    ],
    pages=[
        [
            _p(
                DATELINE,
                " – Partai Keadilan Sejahtera (PKS) menegaskan dukungan penuh kepada Anies "
                "Baswedan yang menyatakan siap maju sebagai calon presiden pada Pemilu 2024. PKS "
                "menilai mantan Gubernur DKI Jakarta itu menjadi simbol perubahan yang diharapkan "
                "banyak warga.",
            ),
            _p(
                "Hal itu disampaikan pengurus DPW PKS Banten, Hasbi Maulana, saat konsolidasi "
                "kader se-Tangerang Raya di Serpong, Selasa (5/12/2023). Menurutnya, mesin partai "
                "hingga tingkat ranting sudah diinstruksikan untuk bergerak memenangkan pasangan "
                "yang diusung Koalisi Perubahan."
            ),
            _p(
                "“Kami melihat antusiasme warga cukup tinggi. Pesan perubahan itu bukan sekadar "
                "slogan, tetapi harapan akan pemerataan pembangunan dan keadilan,” ujar Hasbi di "
                "hadapan ratusan kader."
            ),
            AdSlot("td_titled"),
            Subheading("Target Suara di Tangerang Raya"),
            _p(
                "PKS menargetkan kemenangan di atas 40 persen untuk pasangan capres-cawapres yang "
                "didukungnya di wilayah Tangerang Raya. Target itu dinilai realistis mengingat "
                "basis pemilih partai di Kota Tangerang Selatan cukup kuat pada dua pemilu "
                "terakhir."
            ),
            _p(
                "Ia menambahkan, kader diminta mengedepankan kampanye yang santun dan menghindari "
                "ujaran kebencian di media sosial. “Perbedaan pilihan itu biasa. Yang penting "
                "persaudaraan tetap terjaga,” katanya. (RMA)"
            ),
            Promo("google_news"),
            EDITOR,
        ]
    ],
)

SEED = ReplicaArticle(
    post_id=142105,
    slug=(
        "bahas-strategi-melawan-korea-utara-yang-dianggap-berbahaya-korsel-amerika-serikat"
        "-dan-jepang-bertemu-di-tokyo"
    ),
    title=(
        "Bahas Strategi Melawan Korea Utara yang Dianggap Berbahaya, Korsel, Amerika Serikat, "
        "dan Jepang Bertemu di Tokyo"
    ),
    category=INTERNASIONAL,
    published=_wib(2023, 12, 7, 14, 32, 10),
    modified=_wib(2023, 12, 7, 15, 5, 41),
    template="classic",
    author=AHMAD_RIFAI,
    tags=["Korea Utara", "Korea Selatan", "Jepang", "Amerika Serikat", "Keamanan Siber"],
    image=Image(
        _upload(2023, 12, "korea-utara-ancaman-nuklir.jpg"),
        "Korea Utara merupakan negara bersenjata nuklir yang mengancam menggunakan senjatanya "
        "untuk menghadapi Amerika Serikat selama bertahun-tahun. Ancaman dari Korea Utara adalah "
        "nyata dan serius, dan merupakan tantangan besar bagi tatanan keamanan global. "
        "(foto: istimewa)",
    ),
    comment_count=0,
    view_count=205,
    quiet_inline_ad=True,
    pages=[
        [
            _p(
                DATELINE,
                " – Korea Selatan (Korsel), Amerika Serikat dan Jepang mengadakan pembicaraan "
                "kerja trilateral pertama mereka untuk meningkatkan kerja sama melawan ancaman "
                "dunia maya yang semakin meningkat di Korea Utara (Korut).",
            ),
            _p(
                "Seperti yang dilansir Yonhap\u00a0News, Kementerian Luar Negeri Korsel pada hari "
                "Kamis (7/12/2023) waktu setempat menyebut pertemuan itu sebagai tindak lanjut "
                "dari pertemuan puncak para pemimpin mereka pada bulan Agustus lalu."
            ),
            _p(
                "Pembicaraan di Tokyo\u00a0tersebut dilakukan oleh Duta Besar\u00a0Bidang "
                "Kebijakan Siber dan Wakil Dirjen Biro Kebijakan Luar Negeri Kementerian Luar "
                "Negeri Jepang Ishizuki\u00a0Hideo; Wakil Perwakilan Khusus untuk Korea Utara "
                "Departemen Luar Negeri Negara Bagian Amerika Serikat Jung Pak; dan Direktur "
                "Jenderal Urusan Nuklir Korea Utara Kementerian Luar Negeri Republik "
                "Korea\u00a0Lee Jun-il."
            ),
            Subheading("Menurut Kementerian Luar Negeri Korsel"),
            _p(
                "Dialog tersebut diluncurkan sebagai bagian dari tindak lanjut kesepakatan yang "
                "dicapai antara Presiden Yoon Suk Yeol, Presiden AS Joe Biden, dan Perdana Menteri "
                "Jepang Fumio Kishida pada pertemuan puncak Camp David. Pertemuan itu bertujuan "
                "meningkatkan kerja sama tripartit di bidang keamanan dan membentuk kelompok kerja "
                "yang bertugas untuk memerangi ancaman dunia maya Korea Utara (Korut)."
            ),
            _related(ANIES, "irp"),
            _p(
                "Ketiga pihak membahas cara untuk melawan pencurian mata uang kripto Korea Utara, "
                "dan aktivitas siber ilegal lainnya yang bertujuan untuk mendanai program "
                "pengembangan nuklir dan rudalnya."
            ),
            _p(
                "Selain itu, Kementerian Luar Negeri Korsel juga sepakat untuk meningkatkan kerja "
                "sama dengan komunitas internasional dan sektor swasta untuk memblokir pekerja "
                "ilegal Korea Utara di sektor Teknologi informasi. (ARH)"
            ),
        ]
    ],
)

BEDAH_RUMAH = ReplicaArticle(
    post_id=145330,
    slug="pemkot-tangsel-targetkan-1-500-rumah-tidak-layak-huni-selesai-dibedah-tahun-ini",
    title="Pemkot Tangsel Targetkan 1.500 Rumah Tidak Layak Huni Selesai Dibedah Tahun Ini",
    subtitle="Program bedah rumah menyasar tujuh kecamatan dengan anggaran Rp30 miliar",
    category=TANGSEL,
    published=_wib(2024, 1, 16, 9, 20, 5),
    modified=_wib(2024, 1, 16, 11, 2, 17),
    template="classic",
    author=DEWI_ANGGRAINI,
    tags=["RTLH", "Bedah Rumah", "Pemkot Tangsel", "Disperkimta"],
    image=Image(
        _upload(2024, 1, "bedah-rumah-setu.jpg"),
        "Petugas memeriksa kondisi rumah tidak layak huni milik warga di Kecamatan Setu, "
        "Tangerang Selatan. (foto: Dewi Anggraini/Radar Tangsel)",
    ),
    view_count=932,
    pages=[
        [
            _p(
                DATELINE,
                " – Pemerintah Kota (Pemkot) Tangerang Selatan menargetkan sebanyak 1.500 rumah "
                "tidak layak huni (RTLH) selesai diperbaiki sepanjang 2024. Program bedah rumah "
                "itu tersebar di tujuh kecamatan, dengan prioritas bagi keluarga berpenghasilan "
                "rendah.",
            ),
            _p(
                "Kepala Dinas Perumahan, Kawasan Permukiman dan Pertanahan (Disperkimta) Tangsel, "
                "Suryadi Pratama, mengatakan anggaran yang disiapkan mencapai Rp30 miliar. Setiap "
                "rumah akan mendapat bantuan material dan upah tukang senilai Rp20 juta."
            ),
            _related(SEED, "strong_label"),
            _p(
                "“Verifikasi data sudah kami lakukan sejak November tahun lalu bersama pihak "
                "kelurahan. Jadi yang menerima benar-benar warga yang rumahnya tidak layak, "
                "misalnya atap bocor, dinding bilik, atau lantai masih tanah,” kata Suryadi, "
                "Selasa (16/1/2024)."
            ),
            Subheading("Sasar Tujuh Kecamatan"),
            _p(
                "Dari tujuh kecamatan, Pamulang dan Setu menjadi wilayah dengan jumlah usulan "
                "terbanyak, masing-masing lebih dari 300 unit. Sementara Serpong Utara tercatat "
                "paling sedikit karena sebagian besar wilayahnya sudah berupa kawasan perumahan."
            ),
            _p(
                "Menurut Suryadi, pengerjaan dilakukan secara bertahap mulai Maret agar tidak "
                "terganggu musim hujan. Warga penerima juga diminta berswadaya, misalnya dengan "
                "menyediakan konsumsi bagi para pekerja."
            ),
        ],
        [
            _p(
                "Sementara itu, Ketua Komisi IV DPRD Tangsel, Andi Wijaya, meminta dinas terkait "
                "mengawasi kualitas bahan bangunan yang dipakai. Ia tidak ingin rumah yang sudah "
                "diperbaiki kembali rusak dalam waktu singkat."
            ),
            _p(
                "“Jangan sampai kejar target jumlah, tapi kualitasnya dikorbankan. Kami akan "
                "turun langsung mengecek ke lapangan,” ujarnya."
            ),
            _p(
                "Salah satu calon penerima, Saminah (62), warga Kelurahan Kademangan, Setu, "
                "mengaku bersyukur rumahnya masuk daftar. Selama ini ia tinggal bersama dua "
                "cucunya di rumah berdinding bilik bambu yang atapnya kerap bocor saat hujan."
            ),
            _p(
                "“Kalau hujan deras kami tidur di dapur karena kamar depan basah semua. "
                "Alhamdulillah sekarang mau dibangun,” tuturnya. (DEW)"
            ),
            Promo("telegram"),
            EDITOR,
        ],
    ],
)

PERDA_TIBUM = ReplicaArticle(
    post_id=148012,
    slug="wali-kota-ajak-warga-pahami-perda-ketertiban-umum-bukan-untuk-menakut-nakuti",
    title="Wali Kota Ajak Warga Pahami Perda Ketertiban Umum: “Bukan untuk Menakut-nakuti”",
    category=TANGSEL,
    published=_wib(2024, 2, 20, 13, 5, 44),
    modified=_wib(2024, 2, 21, 8, 10, 0),
    template="classic",
    author=None,
    entity_style="named",
    tags=["Perda Ketertiban Umum", "PKL", "Satpol PP", "Ciputat"],
    image=Image(
        _upload(2024, 2, "sosialisasi-perda-tibum.jpg"),
        "Wali Kota & jajaran Satpol PP menyosialisasikan Perda Ketertiban Umum kepada pedagang "
        "di Ciputat, Selasa (20/2/2024). (foto: Humas Pemkot Tangsel)",
    ),
    view_count=1543,
    pages=[
        [
            _p(
                DATELINE,
                " – Pemerintah Kota Tangerang Selatan mulai menyosialisasikan Peraturan Daerah "
                "(Perda) tentang Ketertiban Umum & Ketenteraman Masyarakat yang baru disahkan awal "
                "bulan ini. Sosialisasi digelar serentak di 54 kelurahan.",
            ),
            _p(
                "Wali Kota mengajak warga membaca juga peraturan daerah tersebut secara utuh, "
                "bukan hanya potongan pasal yang beredar di grup percakapan. Menurutnya, banyak "
                "informasi keliru yang membuat warga khawatir."
            ),
            _p(
                "“Perda ini bukan untuk menakut-nakuti pedagang kecil. Tujuannya agar trotoar "
                "kembali bisa dipakai pejalan kaki dan lingkungan lebih tertib,” ujarnya dalam "
                "acara sosialisasi di Kecamatan Ciputat, Selasa (20/2/2024)."
            ),
            _related(BEDAH_RUMAH, "plain"),
            _p(
                "Salah satu ketentuan yang banyak ditanyakan adalah larangan berjualan di atas "
                'saluran air dan trotoar. Pemkot menyiapkan program "Tangsel Tertib" yang '
                "menyediakan lokasi relokasi bagi pedagang kaki lima di sejumlah titik."
            ),
            Subheading("Pedagang Minta Kepastian Lokasi"),
            _p(
                "Ketua paguyuban pedagang Pasar Ciputat, Darsono, mengatakan pedagang pada "
                "dasarnya siap mematuhi aturan. Namun, ia meminta kepastian lokasi relokasi "
                "sebelum penertiban dilakukan."
            ),
            _p(
                "“Kami ini cari makan, bukan cari masalah. Kalau tempatnya sepi pembeli, ya "
                "percuma…” kata Darsono. Ia enggan memberikan komentar terkait besaran sanksi "
                "denda yang diatur dalam perda tersebut."
            ),
            _p(
                "Sementara itu, seorang penulis buku sejarah Tangerang yang hadir dalam "
                "sosialisasi, Hadi Kusuma, menilai penataan kota perlu memperhatikan kawasan pasar "
                "lama yang memiliki nilai sejarah. ‘Pasar bukan hanya tempat jual beli, tapi juga "
                "ruang hidup warga,’ katanya."
            ),
            Credit("Reporter", "Lia Marlina"),
            EDITOR,
        ]
    ],
)

FUTSAL = ReplicaArticle(
    post_id=148950,
    slug="tim-futsal-pelajar-tangsel-juarai-piala-gubernur-banten-2024",
    title="Tim Futsal Pelajar Tangsel Juarai Piala Gubernur Banten 2024",
    category=OLAHRAGA,
    published=_wib(2024, 3, 2, 21, 45, 9),
    modified=_wib(2024, 3, 3, 7, 12, 30),
    template="classic",
    author=BAGUS_SETIAWAN,
    tags=["Futsal", "Piala Gubernur Banten", "Dispora Tangsel"],
    image=Image(
        _upload(2024, 3, "juara-futsal-pelajar.jpg"),
        "Para pemain futsal pelajar Tangsel merayakan gelar juara Piala Gubernur Banten 2024 di "
        "GOR Maulana Yusuf, Serang. (foto: Bagus Setiawan/Radar Tangsel)",
    ),
    comment_count=3,
    view_count=3120,
    comments=[
        Comment("Andri", _wib(2024, 3, 2, 22, 30), "Mantap! Bangga jadi warga Tangsel."),
        Comment(
            "Yuni Kartika",
            _wib(2024, 3, 3, 6, 15),
            "Selamat untuk Raka dan kawan-kawan, semoga juara juga di tingkat nasional.",
        ),
        Comment(
            "Pak Harun",
            _wib(2024, 3, 3, 9, 2),
            "Fasilitas lapangan futsal di sekolah juga perlu diperhatikan pemkot.",
        ),
    ],
    pages=[
        [
            _p(
                DATELINE,
                " – Tim futsal pelajar Kota Tangerang Selatan keluar sebagai juara Piala Gubernur "
                "Banten 2024 setelah menundukkan Kabupaten Serang 4-2 pada laga final di GOR "
                "Maulana Yusuf, Kota Serang, Sabtu (2/3/2024) malam.",
            ),
            _p(
                "Tangsel sempat tertinggal 0-1 di babak pertama lewat gol cepat pemain Kabupaten "
                "Serang. Namun, perubahan strategi pada babak kedua membuat anak asuh pelatih Yudi "
                "Hermawan tampil lebih agresif dan mencetak empat gol beruntun."
            ),
            _p(
                "“Anak-anak tidak panik meskipun tertinggal. Kami minta mereka bermain sabar dan "
                "memanfaatkan kecepatan di sayap,” kata Yudi usai pertandingan."
            ),
            RelatedList(
                "BERITA TERKAIT",
                (
                    (PERDA_TIBUM.title, PERDA_TIBUM.path),
                    (BEDAH_RUMAH.title, BEDAH_RUMAH.path),
                ),
            ),
            _p(
                "Kapten tim, Raka Pradipta, dinobatkan sebagai pemain terbaik turnamen. Siswa SMA "
                "Negeri 2 Tangsel itu mencetak tujuh gol sepanjang kompetisi yang diikuti delapan "
                "kabupaten dan kota se-Provinsi Banten."
            ),
            _p(
                "Kepala Dinas Pemuda dan Olahraga Tangsel, Wahyu Kurniawan, mengatakan para pemain "
                "akan dipersiapkan untuk mengikuti kejuaraan tingkat nasional di Surabaya pada "
                "Juli "
                "mendatang. Pemkot juga akan memberikan bonus kepada para pemain dan ofisial."
            ),
            ShareButtons(),
            Credit("Penulis", "Bagus Setiawan"),
        ]
    ],
)

HARGA_CABAI = ReplicaArticle(
    post_id=149207,
    slug="harga-cabai-bawang-merah-di-pasar-ciputat-melonjak-jelang-ramadan",
    title="Harga Cabai & Bawang Merah di Pasar Ciputat Melonjak Jelang Ramadan",
    category=EKONOMI,
    published=_wib(2024, 3, 5, 7, 45, 0),
    modified=_wib(2024, 3, 5, 7, 45, 0),
    template="classic",
    author=RIZKY_MAULANA,
    tags=["Harga Cabai", "Bawang Merah", "Pasar Ciputat", "Ramadan"],
    image=Image(_upload(2024, 3, "harga-cabai-pasar-ciputat.jpg"), None),
    comment_count=2,
    view_count=1766,
    comments=[
        Comment(
            "Ibu Sari",
            _wib(2024, 3, 5, 9, 12),
            "Tiap mau puasa pasti naik. Tolong operasi pasarnya sampai ke Pondok Aren juga.",
        ),
        Comment("Dodi", _wib(2024, 3, 5, 11, 40), "Di Serpong sudah Rp85 ribu sekilo."),
    ],
    pages=[
        [
            _p(
                DATELINE,
                " – Harga sejumlah bahan pokok di Pasar Ciputat, Tangerang Selatan, merangkak naik "
                "menjelang bulan suci Ramadan. Kenaikan paling tajam terjadi pada cabai rawit "
                "merah "
                "dan bawang merah.",
            ),
            _p(
                "Pantauan Radar Tangsel, Selasa (5/3/2024), cabai rawit merah dijual Rp80.000 per "
                "kilogram, naik dari Rp55.000 sepekan sebelumnya. Adapun bawang merah kini "
                "dihargai Rp45.000 per kilogram dari sebelumnya Rp32.000."
            ),
            _related(PERDA_TIBUM, "strong_label"),
            _p(
                "“Pasokan dari Brebes berkurang karena banyak lahan yang terendam banjir. Jadi "
                "harga di tingkat agen sudah tinggi,” kata Umar (47), pedagang cabai di Blok B "
                "Pasar Ciputat."
            ),
            _p(
                "Kenaikan harga membuat sebagian pembeli mengurangi jumlah belanja. Siti Aminah "
                "(39), warga Ciputat Timur, mengaku kini hanya membeli seperempat kilogram cabai "
                "untuk kebutuhan sepekan."
            ),
            RelatedList(
                "ARTIKEL TERKAIT",
                ((ANIES.title, ANIES.path), (FUTSAL.title, FUTSAL.path)),
            ),
            Subheading("Operasi Pasar Disiapkan"),
            _p(
                "Kepala Dinas Perindustrian dan Perdagangan Tangsel, Maya Kartika, mengatakan "
                "pihaknya akan menggelar operasi pasar murah di tujuh kecamatan mulai pekan depan. "
                "Pemkot juga berkoordinasi dengan Perum Bulog untuk menjaga stok beras dan minyak "
                "goreng."
            ),
            _p(
                "“Kami pastikan stok aman sampai Lebaran. Masyarakat tidak perlu panik & membeli "
                "berlebihan,” ujar Maya."
            ),
            Promo("whatsapp"),
            Credit("Reporter", "Rizky Maulana"),
            EDITOR,
        ]
    ],
)

DBD = ReplicaArticle(
    post_id=150644,
    slug="kasus-dbd-di-tangsel-naik-dua-kali-lipat-dinkes-minta-warga-gencarkan-3m-plus",
    title="Kasus DBD di Tangsel Naik Dua Kali Lipat, Dinkes Minta Warga Gencarkan 3M Plus",
    subtitle="Hingga pertengahan Maret tercatat 412 kasus demam berdarah, tiga di antaranya "
    "meninggal dunia",
    category=KESEHATAN,
    published=_wib(2024, 3, 18, 15, 50, 27),
    modified=_wib(2024, 3, 18, 16, 20, 0),
    template="classic",
    author=REDAKSI,
    tags=["DBD", "Demam Berdarah", "Dinkes Tangsel", "Kesehatan"],
    image=Image(
        _upload(2024, 3, "nyamuk-aedes-aegypti.jpg"),
        "Ilustrasi nyamuk Aedes aegypti penyebab demam berdarah dengue. (foto: ilustrasi)",
    ),
    view_count=640,
    pages=[
        [
            _p(
                DATELINE,
                " – Dinas Kesehatan (Dinkes) Kota Tangerang Selatan mencatat lonjakan kasus demam "
                "berdarah dengue (DBD) sejak awal 2024. Hingga pertengahan Maret, jumlah kasus "
                "mencapai 412, atau naik dua kali lipat dibandingkan periode yang sama tahun lalu.",
            ),
            _p(
                "Kepala Dinkes Tangsel, Rina Marlina, mengatakan tiga pasien di antaranya "
                "meninggal dunia. Sebagian besar kasus ditemukan di Kecamatan Pamulang, Pondok "
                "Aren dan Ciputat yang padat permukiman."
            ),
            Figure(
                Image(
                    _upload(2024, 3, "fogging-pondok-aren.jpg"),
                    "Petugas melakukan pengasapan (fogging) di permukiman warga Pondok Aren, "
                    "Senin (18/3/2024). (foto: istimewa)",
                    lazy="data-lazy-src",
                ),
                attachment_id=150651,
            ),
            _p(
                "“Curah hujan yang tinggi membuat banyak genangan menjadi tempat berkembang biak "
                "nyamuk. Kami minta warga menggencarkan 3M Plus: menguras, menutup dan mendaur "
                "ulang, ditambah mencegah gigitan nyamuk,” kata Rina."
            ),
            AdSlot("td_titled"),
            Subheading("Fogging Bukan Solusi Utama"),
            _p(
                "Rina menegaskan pengasapan atau fogging hanya membunuh nyamuk dewasa dan tidak "
                "efektif jika jentik masih dibiarkan. Karena itu, pemberantasan sarang nyamuk oleh "
                "warga tetap menjadi kunci."
            ),
            _p(
                "Dinkes juga mengaktifkan kembali gerakan satu rumah satu juru pemantau jentik "
                "(jumantik). Setiap keluarga diminta menunjuk satu anggota untuk memeriksa tempat "
                "penampungan air setiap pekan."
            ),
            CodeSnippet("noscript"),
            Promo("telegram"),
        ]
    ],
)

FESTIVAL_KULINER = ReplicaArticle(
    post_id=153018,
    slug="festival-kuliner-nusantara-digelar-di-bsd-hadirkan-150-umkm",
    title="Festival Kuliner Nusantara Digelar di BSD, Hadirkan 150 UMKM",
    category=GAYA_HIDUP,
    published=_wib(2024, 4, 13, 10, 30, 0),
    modified=_wib(2024, 4, 13, 10, 30, 0),
    template="composer",
    author=DEWI_ANGGRAINI,
    tags=["Festival Kuliner", "UMKM", "BSD City", "Serpong"],
    image=Image(
        _upload(2024, 4, "festival-kuliner-bsd.jpg"),
        "Pengunjung memadati area Festival Kuliner Nusantara di kawasan BSD City, Sabtu "
        "(13/4/2024). (foto: Dewi Anggraini/Radar Tangsel)",
        lazy="data-lazy-src",
    ),
    view_count=1460,
    pages=[
        [
            _p(
                DATELINE,
                " – Sebanyak 150 pelaku usaha mikro, kecil dan menengah (UMKM) meramaikan Festival "
                "Kuliner Nusantara yang digelar di kawasan BSD City, Serpong, Sabtu (13/4/2024). "
                "Festival berlangsung selama tiga hari hingga Senin (15/4/2024).",
            ),
            _p(
                "Pengunjung dapat mencicipi beragam hidangan khas daerah, mulai dari rendang "
                "Padang, coto Makassar, hingga kuliner khas Tangerang seperti laksa Tangerang dan "
                "sayur besan."
            ),
            _related(HARGA_CABAI, "irp"),
            Figure(
                Image(
                    _upload(2024, 4, "laksa-tangerang.jpg"),
                    "Laksa Tangerang menjadi salah satu menu yang paling banyak dicari "
                    "pengunjung. (foto: Dewi Anggraini/Radar Tangsel)",
                    width=1024,
                    height=683,
                    lazy="data-src",
                ),
                style="gutenberg",
                attachment_id=153021,
            ),
            _p(
                "Ketua panitia, Intan Permatasari, mengatakan festival ini digelar untuk membantu "
                "pemulihan usaha kuliner setelah Lebaran. Ia menargetkan jumlah pengunjung "
                "menembus 30.000 orang."
            ),
            _p(
                "“Selain kuliner, ada lomba memasak untuk ibu-ibu PKK dan pertunjukan musik "
                "tradisional gambang kromong setiap sore,” kata Intan."
            ),
            AdSlot("td_titled"),
            Subheading("Pembayaran Nontunai", level=2),
            _p(
                "Panitia mewajibkan seluruh tenant menyediakan pembayaran nontunai menggunakan "
                "QRIS. Langkah itu diambil untuk mempercepat transaksi sekaligus mengenalkan "
                "digitalisasi kepada pelaku UMKM."
            ),
            _p(
                "Salah satu pengunjung, Andika (28), warga Pagedangan, mengaku senang karena bisa "
                "menemukan banyak makanan daerah di satu tempat. “Harganya juga masih terjangkau, "
                "mulai Rp15.000,” ujarnya."
            ),
            EDITOR,
        ]
    ],
)

BANJIR = ReplicaArticle(
    post_id=155462,
    slug="hujan-deras-semalaman-ratusan-rumah-di-pondok-aren-terendam-banjir",
    title="Hujan Deras Semalaman, Ratusan Rumah di Pondok Aren Terendam Banjir",
    category=TANGSEL,
    # A Friday: the visible date reads "Jum'at, 3 Mei 2024 21:05 WIB".
    published=_wib(2024, 5, 3, 21, 5, 0),
    modified=_wib(2024, 5, 3, 21, 5, 0),
    template="composer",
    author=NURUL_HIDAYAH,
    date_visible_only=True,
    entity_style="raw",
    tags=["Banjir", "Pondok Aren", "BPBD Tangsel"],
    image=Image(
        _upload(2024, 5, "banjir-pondok-aren.jpg"),
        "Warga mengevakuasi barang-barang dari rumah yang terendam banjir di Pondok Aren, Jumat "
        "(3/5/2024). (foto: Nurul Hidayah/Radar Tangsel)",
    ),
    view_count=876,
    pages=[
        [
            _p(
                DATELINE,
                " – Ratusan rumah di Kecamatan Pondok Aren, Tangerang Selatan, terendam banjir "
                "setelah hujan deras mengguyur wilayah tersebut sejak Kamis malam hingga Jumat "
                "(3/5/2024) pagi. Ketinggian air di sejumlah titik mencapai 120 sentimeter.",
            ),
            _p(
                "Banjir paling parah terjadi di Perumahan Pondok Maharta dan Kelurahan Pondok "
                "Kacang Timur yang berada di dekat aliran Kali Angke. Sebagian warga terpaksa "
                "mengungsi ke musala dan balai warga."
            ),
            _related(BEDAH_RUMAH, "strong_link"),
            _p(
                "Kepala Pelaksana Badan Penanggulangan Bencana Daerah (BPBD) Tangsel, Teguh "
                "Santoso, mengatakan sebanyak 340 kepala keluarga terdampak. Petugas menyiagakan "
                "perahu karet dan dapur umum di dua lokasi pengungsian."
            ),
            _p(
                "“Kami prioritaskan evakuasi lansia, ibu hamil dan anak-anak. Kebutuhan yang "
                "paling mendesak saat ini adalah selimut, air bersih dan obat-obatan,” kata Teguh."
            ),
            Subheading("Tanggul Jebol", level=2),
            _p(
                "Menurut warga, air masuk ke permukiman setelah tanggul kali sepanjang sekitar 15 "
                "meter jebol akibat derasnya arus. Warga berharap pemerintah segera memperbaiki "
                "tanggul sebelum musim hujan berikutnya."
            ),
            _p(
                "“Setiap tahun begini terus. Kami sudah lapor berkali-kali, tapi perbaikannya "
                "hanya sementara,” ujar Suparman (55), warga setempat."
            ),
            Promo("whatsapp"),
        ]
    ],
)

CISADANE = ReplicaArticle(
    post_id=158031,
    slug="menyusuri-jejak-sejarah-cisadane-sungai-yang-membelah-tangerang",
    title="Menyusuri Jejak Sejarah Cisadane, Sungai yang Membelah Tangerang",
    subtitle="Dari jalur dagang kolonial hingga ruang rekreasi warga, Cisadane menyimpan banyak "
    "cerita",
    category=GAYA_HIDUP,
    published=_wib(2024, 6, 9, 8, 0, 0),
    modified=_wib(2024, 6, 10, 9, 30, 0),
    template="composer",
    author=AHMAD_RIFAI,
    tags=["Cisadane", "Sejarah Tangerang", "Peh Cun", "Lingkungan"],
    image=Image(
        _upload(2024, 6, "sungai-cisadane-sore.jpg"),
        "Suasana Sungai Cisadane di kawasan Kota Tangerang pada sore hari. "
        "(foto: Ahmad Rifai Hasan/Radar Tangsel)",
        width=1200,
        height=800,
    ),
    comment_count=2,
    view_count=2875,
    comments=[
        Comment(
            "Lim Siu Hong",
            _wib(2024, 6, 9, 10, 5),
            "Terima kasih sudah mengangkat tradisi Peh Cun. Tahun ini ramai sekali.",
        ),
        Comment(
            "Dian Purnama",
            _wib(2024, 6, 9, 14, 33),
            "Semoga ada aksi bersih sungai rutin yang melibatkan sekolah.",
        ),
    ],
    pages=[
        [
            _p(
                DATELINE,
                " – Sungai Cisadane mengalir sepanjang kurang lebih 138 kilometer dari kaki Gunung "
                "Salak di Bogor hingga bermuara di Laut Jawa. Bagi warga Tangerang Raya, sungai "
                "ini bukan sekadar sumber air, melainkan saksi perjalanan panjang kota mereka.",
            ),
            _p(
                "Pada masa kolonial, Cisadane menjadi jalur perdagangan penting yang menghubungkan "
                "daerah pedalaman dengan pelabuhan di pesisir utara. Perahu-perahu pengangkut "
                "hasil "
                "bumi hilir mudik membawa beras, gula dan kayu."
            ),
            _related(BANJIR, "irp"),
            Subheading("Jalur Dagang Masa Lalu", level=2),
            _p(
                "Sejarawan lokal, Sri Wahyuni, menyebut permukiman di sepanjang tepian sungai "
                "tumbuh karena aktivitas dagang tersebut. Kawasan Pasar Lama di Kota Tangerang, "
                "misalnya, berkembang sebagai titik pertemuan pedagang dari berbagai daerah."
            ),
            _p(
                "“Kalau kita bicara identitas Tangerang, kita tidak bisa lepas dari Cisadane. "
                "Banyak tradisi warga lahir dari sungai ini,” ujarnya."
            ),
        ],
        [
            Subheading("Tradisi Peh Cun", level=2),
            _p(
                "Salah satu tradisi yang masih bertahan adalah perayaan Peh Cun yang digelar "
                "komunitas Tionghoa Benteng setiap tahun. Lomba perahu naga di Cisadane selalu "
                "menarik ribuan penonton dari dalam dan luar kota."
            ),
            _p(
                "Tradisi itu, kata Sri, menunjukkan akulturasi budaya yang sudah berlangsung "
                "ratusan tahun. Warga dari berbagai latar belakang turut terlibat, baik sebagai "
                "peserta maupun panitia."
            ),
            _related(FESTIVAL_KULINER, "plain"),
            _p(
                "Di wilayah hulu yang melintasi Tangerang Selatan, tepian Cisadane kini mulai "
                "ditata menjadi ruang terbuka. Sejumlah komunitas rutin menggelar kegiatan susur "
                "sungai sambil memungut sampah plastik."
            ),
        ],
        [
            Subheading("Ancaman Pencemaran", level=2),
            _p(
                "Di balik nilai sejarahnya, Cisadane menghadapi persoalan serius berupa pencemaran "
                "limbah domestik dan industri. Hasil pemantauan kualitas air menunjukkan kadar "
                "bakteri coli di sejumlah titik melampaui baku mutu."
            ),
            _p(
                "Pegiat lingkungan dari Komunitas Peduli Cisadane, Fajar Ramadhan, berharap "
                "pemerintah daerah yang dilalui sungai ini bekerja sama menindak pembuang limbah. "
                "“Cisadane milik bersama. Kalau hulunya bersih tapi hilirnya kotor, ya percuma,” "
                "katanya."
            ),
            _p(
                "Ia juga mengajak warga tidak lagi menjadikan sungai sebagai tempat sampah. "
                "Menurutnya, perubahan kecil dari rumah tangga akan berdampak besar bagi "
                "kelestarian Cisadane. (ARH)"
            ),
            EDITOR,
            Promo("telegram"),
        ],
    ],
)

PPDB = ReplicaArticle(
    post_id=158377,
    slug="ppdb-smp-negeri-di-tangsel-dibuka-24-juni-ini-jadwal-dan-syaratnya",
    title="PPDB SMP Negeri di Tangsel Dibuka 24 Juni, Ini Jadwal dan Syaratnya",
    category=PENDIDIKAN,
    published=_wib(2024, 6, 14, 11, 25, 18),
    modified=_wib(2024, 6, 14, 13, 0, 0),
    template="composer",
    author=NURUL_HIDAYAH,
    tags=["PPDB 2024", "SMP Negeri", "Dindikbud Tangsel"],
    image=None,
    view_count=5310,
    pages=[
        [
            _p(
                DATELINE,
                " – Dinas Pendidikan dan Kebudayaan (Dindikbud) Kota Tangerang Selatan resmi "
                "membuka Penerimaan Peserta Didik Baru (PPDB) jenjang SMP negeri tahun ajaran "
                "2024/2025 mulai Senin, 24 Juni 2024. Pendaftaran dilakukan secara daring melalui "
                "laman resmi PPDB Tangsel.",
            ),
            _p(
                "Sekretaris Dindikbud Tangsel, Agus Salim, mengatakan tahun ini tersedia 8.960 "
                "kursi di 24 SMP negeri. Kuota tersebut dibagi ke dalam empat jalur, yakni "
                "zonasi, afirmasi, perpindahan tugas orang tua dan prestasi."
            ),
            _related(PERDA_TIBUM, "plain"),
            Subheading("Jalur Zonasi Terbesar", level=2),
            _p(
                "Jalur zonasi mendapat porsi paling besar, yaitu 50 persen dari daya tampung "
                "setiap sekolah. Jarak rumah ke sekolah dihitung berdasarkan titik koordinat "
                "alamat pada kartu keluarga yang diterbitkan paling lambat satu tahun sebelum "
                "pendaftaran."
            ),
            _p(
                "“Kami imbau orang tua tidak menitipkan alamat anak di kartu keluarga orang lain. "
                "Tim verifikasi akan mengecek langsung ke lapangan jika ada data yang "
                "mencurigakan,” kata Agus."
            ),
            _p(
                "Adapun jalur afirmasi diperuntukkan bagi siswa dari keluarga tidak mampu yang "
                "terdaftar dalam Data Terpadu Kesejahteraan Sosial (DTKS) dengan kuota 15 persen. "
                "Sementara jalur prestasi mencakup prestasi akademik maupun nonakademik."
            ),
            _p(
                "Orang tua yang mengalami kendala dapat mendatangi posko pengaduan PPDB yang "
                "dibuka di setiap SMP negeri pada hari kerja pukul 08.00–15.00 WIB."
            ),
            Promo("google_news"),
        ]
    ],
)

SABU = ReplicaArticle(
    post_id=161902,
    slug="polisi-ungkap-peredaran-sabu-2-kilogram-di-serpong-tiga-orang-ditangkap",
    title="Polisi Ungkap Peredaran Sabu 2 Kilogram di Serpong, Tiga Orang Ditangkap",
    category=HUKUM,
    published=_wib(2024, 7, 25, 19, 20, 40),
    modified=_wib(2024, 7, 26, 10, 0, 0),
    template="composer",
    author=AHMAD_RIFAI,
    tags=["Narkoba", "Sabu", "Polres Tangsel", "Serpong"],
    image=Image(
        _upload(2024, 7, "barang-bukti-sabu-polres-tangsel.jpg"),
        "Polisi menunjukkan barang bukti sabu seberat 2 kilogram dalam konferensi pers di "
        "Mapolres Tangsel, Kamis (25/7/2024). (foto: Ahmad Rifai Hasan/Radar Tangsel)",
    ),
    view_count=4021,
    pages=[
        [
            _p(
                DATELINE,
                " – Satuan Reserse Narkoba Polres Tangerang Selatan mengungkap peredaran narkotika "
                "jenis sabu seberat 2 kilogram di sebuah rumah kontrakan di Kecamatan Serpong. "
                "Tiga "
                "orang pria ditangkap dalam penggerebekan yang berlangsung Rabu (24/7/2024) malam.",
            ),
            _p(
                "Kepala Satuan Reserse Narkoba Polres Tangsel, AKP Dedi Kurniawan, mengatakan "
                "pengungkapan bermula dari laporan warga yang curiga dengan aktivitas keluar masuk "
                "orang tak dikenal di rumah tersebut pada malam hari."
            ),
            _related(BANJIR, "irp"),
            _p(
                "“Dari tangan para tersangka kami amankan dua bungkus besar sabu, timbangan "
                "digital "
                "dan puluhan plastik klip. Barang itu rencananya akan diedarkan di wilayah "
                "Tangerang Raya,” kata Dedi, Kamis (25/7/2024)."
            ),
            Subheading("Dikendalikan dari Lapas", level=2),
            _p(
                "Hasil pemeriksaan sementara menunjukkan jaringan ini diduga dikendalikan oleh "
                "seorang narapidana dari dalam lembaga pemasyarakatan. Polisi masih berkoordinasi "
                "dengan pihak lapas untuk mendalami keterlibatan yang bersangkutan."
            ),
            _p(
                "Kuasa hukum salah satu tersangka, Rudi Hartono, membenarkan kliennya telah "
                "didampingi selama pemeriksaan. Ia enggan memberikan komentar terkait dugaan "
                "keterlibatan kliennya dalam jaringan tersebut."
            ),
            AdSlot("td_titled"),
            _p(
                "Ketiga tersangka dijerat Pasal 114 ayat (2) dan Pasal 112 ayat (2) Undang-Undang "
                "Nomor 35 Tahun 2009 tentang Narkotika dengan ancaman hukuman maksimal pidana mati."
            ),
            Promo("google_news"),
            EDITOR,
        ]
    ],
)

KPU_DPT = ReplicaArticle(
    post_id=166485,
    slug="kpu-tangsel-tetapkan-1-38-juta-dpt-untuk-pilkada-2024",
    title="KPU Tangsel Tetapkan 1,38 Juta DPT untuk Pilkada 2024",
    subtitle="Jumlah pemilih pemula mencapai 18 persen dari total daftar pemilih tetap",
    category=POLITIK,
    published=_wib(2024, 9, 20, 15, 10, 33),
    modified=_wib(2024, 9, 20, 18, 45, 2),
    template="classic",
    author=RIZKY_MAULANA,
    tags=["Pilkada 2024", "KPU Tangsel", "DPT", "Bawaslu"],
    image=Image(
        _upload(2024, 9, "logistik-kpu-tangsel.jpg"),
        "Petugas KPU Tangsel menata logistik pemilu di gudang penyimpanan. "
        "(foto: dok. KPU Tangsel)",
    ),
    comment_count=1,
    view_count=2210,
    comments=[
        Comment(
            "Warga Setu",
            _wib(2024, 9, 20, 17, 2),
            "Nama ibu saya belum masuk DPT, padahal sudah pindah KTP ke Setu sejak tahun lalu.",
        )
    ],
    pages=[
        [
            _p(
                DATELINE,
                " – Komisi Pemilihan Umum (KPU) Kota Tangerang Selatan menetapkan daftar pemilih "
                "tetap (DPT) untuk Pemilihan Kepala Daerah (Pilkada) 2024 sebanyak 1.384.427 "
                "pemilih. Penetapan dilakukan dalam rapat pleno terbuka di Serpong, Jumat "
                "(20/9/2024).",
            ),
            _p(
                "Ketua KPU Tangsel, Yusuf Hidayat, menjelaskan jumlah tersebut terdiri atas "
                "681.902 pemilih laki-laki dan 702.525 pemilih perempuan. Mereka tersebar di 2.987 "
                "tempat pemungutan suara (TPS) di tujuh kecamatan."
            ),
            Figure(
                Image(
                    _upload(2024, 9, "pleno-dpt-kpu-tangsel.jpg"),
                    "Suasana rapat pleno terbuka penetapan DPT Pilkada 2024 di kantor KPU "
                    "Tangsel, Jumat (20/9/2024). (foto: Rizky Maulana/Radar Tangsel)",
                    lazy="data-src",
                ),
                attachment_id=166490,
            ),
            _p(
                "“Dibandingkan Pemilu Februari lalu, ada penambahan sekitar 9.000 pemilih, "
                "sebagian besar pemilih pemula yang baru berusia 17 tahun,” kata Yusuf."
            ),
            _related(ANIES, "strong_link"),
            AdSlot("adsense"),
            Subheading("Pemilih Pemula"),
            _p(
                "Pemilih pemula atau generasi Z tercatat mencapai 18 persen dari total DPT. KPU "
                "berencana menggencarkan sosialisasi ke sekolah dan kampus agar partisipasi mereka "
                "meningkat."
            ),
            CodeSnippet("style"),
            _p(
                "Sementara itu, Badan Pengawas Pemilu (Bawaslu) Tangsel meminta KPU "
                "menindaklanjuti temuan 1.200 data pemilih ganda yang ditemukan saat pencocokan "
                "dan penelitian. Bawaslu juga membuka posko pengaduan bagi warga yang belum "
                "terdaftar."
            ),
            CodeSnippet("script"),
            _p(
                "“Warga yang belum masuk DPT masih bisa memilih menggunakan KTP elektronik di TPS "
                "sesuai alamat, satu jam sebelum pemungutan suara berakhir,” ujar anggota Bawaslu "
                "Tangsel, Fitri Handayani."
            ),
            CodeSnippet("noscript"),
            Promo("google_news"),
        ]
    ],
)

ARTICLES: list[ReplicaArticle] = [
    ANIES,  # classic; in-body tagDiv ad with "- Advertisement -"; Google News promo; Editor line
    SEED,  # the seed page: IRP "BACA JUGA :" box, NBSPs, caption "(foto: istimewa)", 0 / 205
    BEDAH_RUMAH,  # classic, two pages (/2/); subtitle; "<strong>Baca juga:</strong>"; Telegram
    PERDA_TIBUM,  # classic, NO author; named entities (&ldquo; &quot; &hellip; &amp;); keep-words
    FUTSAL,  # classic; BERITA TERKAIT list; share plugin; "Penulis:" credit; 3 comments
    HARGA_CABAI,  # classic; "&" in title; image without caption; ARTIKEL TERKAIT; WhatsApp promo
    DBD,  # classic; lazy in-body figure (data-lazy-src + noscript); ad box; noscript pixel
    FESTIVAL_KULINER,  # composer; lazy featured image; gutenberg figure (data-src); IRP in tdb
    BANJIR,  # composer; date ONLY as visible text "Jum'at, 3 Mei 2024 21:05 WIB"; raw UTF-8
    CISADANE,  # composer, three pages; subheadings; IRP and plain BACA JUGA on different pages
    PPDB,  # composer without featured image; plain BACA JUGA; Google News promo
    SABU,  # composer; "Ia enggan memberikan komentar" kept; ad box; Editor line
    KPU_DPT,  # classic; figure (data-src); bare AdSense; script/style/noscript in the body
]
