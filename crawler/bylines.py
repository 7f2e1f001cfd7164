"""Indonesian credit lines -> the writers, told from the editors.

News pages credit their people in a line or a block of the article, in forms no extraction
library reads (trafilatura and newspaper4k keep the label, or take the editor or the site for
an author). Forms seen on real pages (../shared/realpages/, bench/realpages.py):

    Pewarta: Monalisa  Editor: B Kunto Wibisono             (Antara)
    Penulis: Kontributor Lhokseumawe, Masriadi  Editor : Ervan Hardoko   (Kompas)
    Reporter : Issha Harruma  Redaktur : Bilal Ramadhan       (Republika)
    Reporter : Ramadhian Fadillah | Jumat, 19 Juni 2015 03:40 (Merdeka)
    Oleh : Adrianus Mandey                                     (VIVA)
    Author Silvanus Alvin  Editor Mevi Linawati                (Liputan6)
    Laporan Wartawan Tribunnews.com, Glery Lazuardi            (Tribun)
    Oleh Liputan6.com pada 26 Jun 2020, 13:58 WIB              (the site, not a writer)

`read_credits(text)` splits a text at its labels: what follows a writer's label ("Penulis",
"Pewarta", "Reporter", "Wartawan", "Oleh", "Kontributor", "Laporan wartawan <outlet>,",
"By", "Author") names writers, what follows an editor's ("Editor", "Redaktur", "Penyunting")
names editors, and other roles ("Fotografer", "Foto", "Sumber") are neither. Names are split
at "dan", "and", "&", ";" and ","; a name that is a web address or the site's own name is
dropped (`site_names`), as is anything that does not look like a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

WRITER_LABELS = (
    r"laporan\s+(?:wartawan|reporter|koresponden)(?:\s+[\w.]+)*?\s*,",
    r"penulis",
    r"pewarta",
    r"reporter",
    r"wartawan",
    r"kontributor(?:\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*,)?",
    r"oleh",
    r"ditulis\s+oleh",
    r"by",
    r"author",
    r"rep(?=\s*:)",  # Republika's "Rep: C31/ Red: Israr Itah"
)
EDITOR_LABELS = (
    r"editor",
    r"redaktur(?:\s+pelaksana)?",
    r"penyunting",
    r"diedit\s+oleh",
    r"red(?=\s*:)",
)
OTHER_LABELS = (r"fotografer", r"foto", r"videografer", r"sumber", r"grafis", r"ilustrasi")

_LABEL = re.compile(
    r"(?:^|(?<=[\s|/(]))(?:"
    + "|".join(
        f"(?P<{role}{index}>{label})"
        for role, labels in (("w", WRITER_LABELS), ("e", EDITOR_LABELS), ("o", OTHER_LABELS))
        for index, label in enumerate(labels)
    )
    + r")(?:\s*[:|]\s*|\s+)",
    re.IGNORECASE,
)
# What ends a name list: a date or time after the names, a separator bar, "pada <date>".
_TAIL = re.compile(
    r"\s*(?:\||\bpada\b|\bdiperbarui\b|\bupdated\b|\d{1,2}[/.-]\d{1,2}|\d{1,2}\s+\w+\s+\d{4}|"
    r"\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)\b).*$",
    re.IGNORECASE | re.DOTALL,
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\bdan\b|\band\b)\s*", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"\.(?:com|co\.id|id|net|org|tv)\b|https?://|www\.", re.IGNORECASE)
# A person's name: words starting with a letter, at most six, no digits.
_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,5}$")
_STARTS_WITH_LETTER = re.compile(r"^[^\W\d_]")
# A name read from a visible credit line is capitalised, but for the particles of names: a
# lower-case word means the line goes on as a sentence ("Wartawan Radar Tangsel yang
# meliput isu hukum", an author box's biography).
_NAME_PARTICLES = frozenset({"bin", "binti", "al", "el", "van", "der", "de", "la", "von", "di"})
# WordPress's default account names: never a byline, even in structured data (where a
# newsroom's collective byline, "Redaksi", is the site's own choice and stays).
# A desk code, not a name: "bgs" (detik's meta name=author), lower case, one short word.
_INITIALS = re.compile(r"[a-z]{2,4}")
_ACCOUNTS = frozenset({"admin", "administrator"})
_NOT_PEOPLE = frozenset({"redaksi", "admin", "tim redaksi", "humas", "rilis", "press release"})


@dataclass(frozen=True)
class Credits:
    writers: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()


def read_credits(text: str, site_names: Iterable[str] = ()) -> Credits:
    """The writers and editors a credit line or block names (see the module docstring)."""
    text = " ".join(text.split())
    matches = list(_LABEL.finditer(text))
    writers: list[str] = []
    editors: list[str] = []
    for index, match in enumerate(matches):
        following = matches[index + 1] if index + 1 < len(matches) else None
        role = match.lastgroup[0] if match.lastgroup else "o"
        names = text[match.end() : following.start() if following else len(text)]
        found = person_names(names, site_names)
        if role == "w":
            writers += found
        elif role == "e":
            editors += found
    return Credits(tuple(dict.fromkeys(writers)), tuple(dict.fromkeys(editors)))


# A credit line is short: a longer line that starts with "By" or "Oleh" is a sentence.
MAX_CREDIT_LINE_WORDS = 12
_BARE_LABEL = re.compile(
    r"(?:" + "|".join((*WRITER_LABELS, *EDITOR_LABELS)) + r")\s*:?", re.IGNORECASE
)


def read_credit_lines(lines: Iterable[str], site_names: Iterable[str] = ()) -> Credits:
    """The writers and editors the credit lines among `lines` (a page's visible lines) name:
    short lines that start with a label; a label alone on its line ("Penulis", then
    ": Anju Christian" on the next: Kompas) takes the next line as its names."""
    lines = list(lines)
    sites = list(site_names)
    writers: list[str] = []
    editors: list[str] = []
    for index, line in enumerate(lines):
        if _BARE_LABEL.fullmatch(line) and index + 1 < len(lines):
            line = f"{line} {lines[index + 1]}"
        if not _LABEL.match(line) or len(line.split()) > MAX_CREDIT_LINE_WORDS:
            continue
        credits = read_credits(line, sites)
        writers += filter(_capitalised, credits.writers)
        editors += filter(_capitalised, credits.editors)
    return Credits(tuple(dict.fromkeys(writers)), tuple(dict.fromkeys(editors)))


def _capitalised(name: str) -> bool:
    return all(
        word[0].isupper() or word[0].isdigit() or word in _NAME_PARTICLES for word in name.split()
    )


def person_names(text: str, site_names: Iterable[str] = (), *, strict: bool = True) -> list[str]:
    """The people a name list names: cut before any date or separator that follows, split at
    "dan"/"and"/"&"/","/";", without sites, web addresses and what is no person's name.
    `strict=False` (a name from structured data, which needs no guessing where it ends) only
    asks that a name start with a letter."""
    sites = {name.casefold() for name in site_names}
    text = _TAIL.sub("", text).strip(" .:-–—")
    names = []
    for part in _SPLIT.split(text):
        name = part.strip(" .:-–—()/")
        if not (_NAME if strict else _STARTS_WITH_LETTER).match(name) or _WEB_ADDRESS.search(name):
            continue
        if name.casefold() in sites or name.casefold() in (_NOT_PEOPLE if strict else _ACCOUNTS):
            continue
        if _INITIALS.fullmatch(name):
            continue
        names.append(name)
    return names


def strip_writer_label(name: str) -> str:
    """A name as a byline element holds it, without a writer's label ("Pewarta Nur Imansyah",
    "Oleh: Adrianus Mandey" -> the name); unchanged when it has none."""
    match = _LABEL.match(" ".join(name.split()))
    if match and match.lastgroup and match.lastgroup[0] == "w":
        return " ".join(name.split())[match.end() :].strip()
    return name.strip()
