"""Categories and authors of the replica site, shared by hand-written and generated articles."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from replica.model import Author, Category

TANGSEL = Category("Tangsel", "tangsel")
NASIONAL = Category("Nasional", "nasional")
INTERNASIONAL = Category("Internasional", "internasional")
POLITIK = Category("Politik", "politik")
EKONOMI = Category("Ekonomi", "ekonomi")
PENDIDIKAN = Category("Pendidikan", "pendidikan")
KESEHATAN = Category("Kesehatan", "kesehatan")
OLAHRAGA = Category("Olahraga", "olahraga")
GAYA_HIDUP = Category("Gaya Hidup", "gaya-hidup")
# "&" in a category name exercises entity decoding in menus, breadcrumbs and JSON-LD.
HUKUM = Category("Hukum & Kriminal", "hukum-kriminal")

# Menu order of the header.
CATEGORIES: tuple[Category, ...] = (
    TANGSEL,
    NASIONAL,
    POLITIK,
    EKONOMI,
    HUKUM,
    PENDIDIKAN,
    KESEHATAN,
    OLAHRAGA,
    GAYA_HIDUP,
    INTERNASIONAL,
)

REDAKSI = Author("Redaksi", "redaksi", "Akun redaksi Radar Tangsel untuk rilis dan berita kiriman.")
AHMAD_RIFAI = Author(
    "Ahmad Rifai Hasan",
    "ahmad-rifai",
    "Wartawan Radar Tangsel yang meliput isu hukum, keamanan dan hubungan internasional.",
)
DEWI_ANGGRAINI = Author(
    "Dewi Anggraini",
    "dewi-anggraini",
    "Menulis tentang pemerintahan kota, perumahan dan gaya hidup warga Tangerang Selatan.",
)
BAGUS_SETIAWAN = Author(
    "Bagus Setiawan", "bagus-setiawan", "Redaktur olahraga dan kesehatan Radar Tangsel."
)
NURUL_HIDAYAH = Author(
    "Nurul Hidayah", "nurul-hidayah", "Reporter pendidikan dan lingkungan Radar Tangsel."
)
RIZKY_MAULANA = Author(
    "Rizky Maulana", "rizky-maulana", "Reporter politik dan ekonomi Radar Tangsel."
)

AUTHORS: tuple[Author, ...] = (
    REDAKSI,
    AHMAD_RIFAI,
    DEWI_ANGGRAINI,
    BAGUS_SETIAWAN,
    NURUL_HIDAYAH,
    RIZKY_MAULANA,
)


@lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """WordPress-like sanitize_title: lowercase ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("&", " ").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
