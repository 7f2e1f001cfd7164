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
    Fotografer: Grandyos Zafna                                 (detik's photo stories)

and as blocks of lines (`read_credit_lines`), the role on a line of its own:

    Penulis / : Anju Christian                                 (Kompas: the label alone)
    Redaktur / : / Mohamad Amin Madani                         (Republika: a table's cells)
    Author / Silvanus Alvin / Hanz Jimenez Salim / Editor / ...  (Liputan6's credits panel)
    Fakhrizal Fakhri / Jurnalis                                (Okezone: the role after the name)

`read_credits(text)` splits a text at its labels: what follows a writer's label ("Penulis",
"Pewarta", "Reporter", "Wartawan", "Oleh", "Kontributor", "Laporan wartawan <outlet>,",
"Jurnalis", "Koresponden", "By", "Author", "Posted by") names writers, what follows an
editor's ("Editor", "Redaktur", "Penyunting", "Edited by") names editors, what follows
"Fotografer" names photographers (the credited author of a photo story, where nobody else
is: crawler/themes/base.py), and other roles ("Foto", a caption's credit, "Sumber", ...) are
none of these. Names are split at "dan", "and", "&", ";" and ","; a name that is a web
address, a company or the site's own name is dropped (`site_names`), as is anything that
does not look like a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

WRITER_LABELS = (
    # an outlet of a few words before the comma: bounded, or each label re-reads to the end
    r"laporan\s+(?:wartawan|reporter|koresponden|kontributor|jurnalis)(?:\s+[\w.]+){0,4}?\s*,",
    r"penulis",
    r"pewarta",
    r"reporter",
    r"wartawan",
    r"jurnalis",
    r"koresponden",
    r"kontributor(?:\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s*,)?",
    r"oleh",
    r"(?:ditulis|dilaporkan|diposting)\s+oleh",
    r"(?:written|reported|posted)\s+by",
    r"by",
    r"author",
    r"rep(?=\s*:)",  # Republika's "Rep: C31/ Red: Israr Itah"
)
EDITOR_LABELS = (
    r"editor",
    r"redaktur(?:\s+pelaksana)?",
    r"penyunting",
    r"diedit\s+oleh",
    r"edited\s+by",
    r"red(?=\s*:)",
)
PHOTOGRAPHER_LABELS = (r"fotografer",)
OTHER_LABELS = (r"foto", r"videografer", r"sumber", r"grafis", r"ilustrasi")

_LABEL = re.compile(
    r"(?:^|(?<=[\s|/(]))(?:"
    + "|".join(
        f"(?P<{role}{index}>{label})"
        for role, labels in (
            ("w", WRITER_LABELS),
            ("e", EDITOR_LABELS),
            ("p", PHOTOGRAPHER_LABELS),
            ("o", OTHER_LABELS),
        )
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
# A company, by its Indonesian legal form or a word no person's name holds: the publisher as
# meta name=author ("PT. Agranet Multicitra Siberkom", detik's; "Tribun Network"; "MNC Portal
# Indonesia"), never a person.
_COMPANY = re.compile(
    r"^(?:PT|CV)\b\.?\s|\s\(?Tbk\.?\)?$|"
    r"\b(?:Network|Media|Group|Portal|Online|News|Digital|Corp|Inc|Ltd)\b",
    re.IGNORECASE,
)
# An academic degree after a name and a comma ("Budi Santoso, S.H.", "M.Si", "S.Pd.I"): the
# name's, not another person.
_DEGREE = re.compile(r"(?:[A-Z][a-z]{0,2}\.)+[A-Z][A-Za-z]{0,3}")
_NOT_PEOPLE = frozenset(
    {"redaksi", "admin", "tim", "tim redaksi", "humas", "rilis", "press release"}
)


@dataclass(frozen=True)
class Credits:
    writers: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()


def read_credits(text: str, site_names: Iterable[str] = ()) -> Credits:
    """The people a credit line or block names, by role (see the module docstring)."""
    text = " ".join(text.split())
    matches = list(_LABEL.finditer(text))
    named: dict[str, list[str]] = {"w": [], "e": [], "p": [], "o": []}
    for index, match in enumerate(matches):
        following = matches[index + 1] if index + 1 < len(matches) else None
        role = match.lastgroup[0] if match.lastgroup else "o"
        names = text[match.end() : following.start() if following else len(text)]
        named[role] += person_names(names, site_names)
    return Credits(*(tuple(dict.fromkeys(named[role])) for role in "wep"))


# A credit line is short: a longer line that starts with "By" or "Oleh" is a sentence.
MAX_CREDIT_LINE_WORDS = 12
_BARE_LABEL = re.compile(
    r"(?:" + "|".join((*WRITER_LABELS, *EDITOR_LABELS, *PHOTOGRAPHER_LABELS)) + r")\s*:?",
    re.IGNORECASE,
)
# A line of a credits table that only separates the label's cell from the names' (": ").
_SEPARATOR_CELL = re.compile(r"[:|\-–—]+")
# The roles a box prints under the name ("Fakhrizal Fakhri", then "Jurnalis": Okezone): nouns,
# never "Oleh"/"By", which only ever come before a name.
_ROLES_AFTER_NAMES = (
    r"penulis|pewarta|reporter|wartawan|jurnalis|kontributor|author|editor|redaktur|"
    r"penyunting|fotografer"
)
_ROLE_AFTER_NAME = re.compile(_ROLES_AFTER_NAMES, re.IGNORECASE)
# The names, a comma and the role on one line, a date after a dot or a bar: "Pradita Ananda,
# Jurnalis · Senin 17 September 2018 07:32 WIB" (Okezone).
_NAMES_COMMA_ROLE = re.compile(
    rf"(?P<names>[^,|·•]{{3,80}}),\s+(?P<role>{_ROLES_AFTER_NAMES})(?:\s*[·•|].*)?",
    re.IGNORECASE,
)


def read_credit_lines(lines: Iterable[str], site_names: Iterable[str] = ()) -> Credits:
    """The people the credit lines among `lines` (a page's visible lines) name: short lines
    that start with a label, and a label alone on its line, whose names are
    - on the next line ("Penulis", then ": Anju Christian": Kompas), after any separator cell
      of a table (": "), and on the lines after it, one name each, up to the next label
      ("Author", "Silvanus Alvin", "Hanz Jimenez Salim", "Editor", ...: Liputan6);
    - else on the line before, for a role printed under a name of two words or more
      ("Fakhrizal Fakhri", then "Jurnalis": Okezone), unless a label above claimed that line
      or the line above that is a name too (a menu: "Tentang Kami", "Kontak Kami", "Penulis");
      a box of such pairs ("Anju Christian", "Penulis", "Jalu Wisnu", "Editor") is read so;
    and lines of names, a comma and their role ("Pradita Ananda, Jurnalis · Senin ...").
    """
    lines = list(lines)
    sites = list(site_names)
    found: list[Credits] = []
    claimed: set[int] = set()  # lines read as the names of a label above them
    for index, line in enumerate(lines):
        if _BARE_LABEL.fullmatch(line):
            name_first = index - 1 not in claimed and _pairs_name_then_role(lines, index, sites)
            credits, names_at = (Credits(), range(0))
            if not name_first:
                credits, names_at = _names_below(lines, index, sites)
            if credits == Credits() and index - 1 not in claimed:
                credits, names_at = _name_above(lines, index, sites)
            claimed.update(names_at)
        elif _LABEL.match(line) and len(line.split()) <= MAX_CREDIT_LINE_WORDS:
            credits = _capitalised_credits(read_credits(line, sites))
        elif match := _NAMES_COMMA_ROLE.fullmatch(line):
            credits = _capitalised_credits(read_credits(f"{match['role']} {match['names']}", sites))
        else:
            continue
        found.append(credits)
    return Credits(
        *(
            tuple(dict.fromkeys(name for credits in found for name in getattr(credits, role)))
            for role in ("writers", "editors", "photographers")
        )
    )


def _names_below(lines: list[str], at: int, sites: list[str]) -> tuple[Credits, range]:
    """The names a label alone on line `at` gives the lines below it, and where they are."""
    first = at + 1
    while first < len(lines) and _SEPARATOR_CELL.fullmatch(lines[first]):
        first += 1
    if first >= len(lines):
        return Credits(), range(0)
    text = f"{lines[at]} {lines[first]}"
    if len(text.split()) > MAX_CREDIT_LINE_WORDS:
        return Credits(), range(0)
    credits = _capitalised_credits(read_credits(text, sites))
    if credits == Credits():
        return credits, range(0)
    last = first + 1
    while last < len(lines) and _one_name(lines[last], sites):
        last += 1
    if last > first + 1 and last < len(lines) and _BARE_LABEL.fullmatch(lines[last]):
        # one name a line, up to the next role's label: all of them the label's
        names = ", ".join(lines[first + 1 : last])
        credits = _capitalised_credits(read_credits(f"{text}, {names}", sites))
        return credits, range(first, last)
    return credits, range(first, first + 1)


def _name_above(lines: list[str], at: int, sites: list[str]) -> tuple[Credits, range]:
    """The name a role alone on line `at` gives the line above it ("Jurnalis" under
    "Fakhrizal Fakhri"), and where it is."""
    if at == 0 or not _ROLE_AFTER_NAME.fullmatch(lines[at]):
        return Credits(), range(0)
    name = _one_name(lines[at - 1], sites)
    if name is None or len(name.split()) < 2:  # one word above a role is a menu's item
        return Credits(), range(0)
    if at >= 2 and _one_name(lines[at - 2], sites):  # a run of short capitalised lines: a menu
        return Credits(), range(0)
    return _capitalised_credits(read_credits(f"{lines[at]} {name}", sites)), range(at - 1, at)


def _pairs_name_then_role(lines: list[str], at: int, sites: list[str]) -> bool:
    """Whether the label alone on line `at` starts a box of (name, role) pairs: a name above
    it, then a name and a role below, and no name after that role (which, in a box of
    (role, name) pairs, would be its name)."""
    return (
        at >= 1
        and at + 2 < len(lines)
        and _ROLE_AFTER_NAME.fullmatch(lines[at]) is not None
        and _ROLE_AFTER_NAME.fullmatch(lines[at + 2]) is not None
        and _one_name(lines[at - 1], sites) is not None
        and _one_name(lines[at + 1], sites) is not None
        and (at + 3 == len(lines) or _one_name(lines[at + 3], sites) is None)
    )


def _one_name(line: str, sites: list[str]) -> str | None:
    """The line, if all it holds is one capitalised person's name (no label, no date)."""
    if _LABEL.match(line) or _BARE_LABEL.fullmatch(line):
        return None
    names = person_names(line, sites)
    if len(names) == 1 and names[0] == line.strip() and is_capitalised_name(names[0]):
        return names[0]
    return None


def _capitalised_credits(credits: Credits) -> Credits:
    """Only the capitalised names: a visible line that goes on in lower case is a sentence."""
    return Credits(
        *(
            tuple(filter(is_capitalised_name, getattr(credits, role)))
            for role in ("writers", "editors", "photographers")
        )
    )


def is_capitalised_name(name: str) -> bool:
    """Whether every word of a name is capitalised (or a particle of names: "bin", "al"):
    a name read from visible text is, where a sentence goes on in lower case."""
    return all(
        word[0].isupper() or word[0].isdigit() or word in _NAME_PARTICLES for word in name.split()
    )


def person_names(text: str, site_names: Iterable[str] = (), *, strict: bool = True) -> list[str]:
    """The people a name list names: cut before any date or separator that follows, split at
    "dan"/"and"/"&"/","/";", without sites, companies, web addresses and what is no person's
    name. `strict=False` (a name from structured data, which needs no guessing where it
    ends) only asks that a name start with a letter."""
    sites = {name.casefold() for name in site_names}
    # spaces collapsed first: structured data gives names as the site typed them, and the
    # patterns below, tried from each space of a long run, were quadratic in it
    text = _TAIL.sub("", " ".join(text.split())).strip(" .:-–—")
    names = []
    for index, part in enumerate(_SPLIT.split(text)):
        name = part.strip(" .:-–—()/")
        if not (_NAME if strict else _STARTS_WITH_LETTER).match(name) or _WEB_ADDRESS.search(name):
            continue
        if name.casefold() in sites or name.casefold() in (_NOT_PEOPLE if strict else _ACCOUNTS):
            continue
        # a degree follows a name ("Budi Santoso, S.H."): first, "M.Ali" is Muhammad Ali
        degree = index > 0 and _DEGREE.fullmatch(name)
        if _INITIALS.fullmatch(name) or degree or _COMPANY.search(name):
            continue
        names.append(name)
    return names


def is_collective_byline(name: str) -> bool:
    """Whether a byline names a newsroom or an account rather than a person ("Redaksi",
    "Tim Redaksi", "admin")."""
    return name.casefold() in _NOT_PEOPLE


def strip_writer_label(name: str) -> str:
    """A name as a byline element holds it, without a writer's label ("Pewarta Nur Imansyah",
    "Oleh: Adrianus Mandey" -> the name); unchanged when it has none."""
    match = _LABEL.match(" ".join(name.split()))
    if match and match.lastgroup and match.lastgroup[0] == "w":
        return " ".join(name.split())[match.end() :].strip()
    return name.strip()
