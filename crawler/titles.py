"""The visible headline of an article, from the page's headline elements and its declared
titles (JSON-LD headline, og:title, <title>).

Declared titles often carry the site's name before or after the headline, and the site's
section too ("Kapanlagi.com: Musik - Bikin Gaduh Kota, ...", "... - Kompas.com Bola",
"... | Republika Online"), while the page's <h1> is the headline a reader sees; but pages also
print a section name, "TAG" or a sidebar title in an <h1>. So an <h1> is the headline when a
declared title agrees with it (`agreeing_headline`); without one, the site's name is cut off a
declared title (`strip_site_name`). Declared titles also leave out a rubric the page prints
before the headline ("In Picture: KPK Periksa ...": Republika's photo stories, whose <title>
has only "KPK Periksa ... | Republika Online"): the printed line wins (`with_printed_rubric`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# How titles join the site's name to the headline.
_SEPARATORS = re.compile(r"\s+[-|–—:»·]{1,2}\s+|\s*::\s*|(?<=\w):\s+|\s+\|\s*|\s*\|\s+")
# An <h1> shorter than this share of a declared title is a section name or a label.
MIN_SHARE_OF_TITLE = 0.6


def letters_of(text: str) -> str:
    """The letters and digits of a text, case aside: how titles are compared."""
    return "".join(character for character in text.casefold() if character.isalnum())


def agreeing_headline(headlines: Iterable[str], declared: Iterable[str]) -> str | None:
    """The first headline element's text that a declared title holds (punctuation and case
    aside) as most of its length, or None."""
    titles = [letters_of(title) for title in declared if title]
    for headline in headlines:
        letters = letters_of(headline)
        if not letters:
            continue
        for title in titles:
            if letters in title and len(letters) >= MIN_SHARE_OF_TITLE * len(title):
                return headline
    return None


# A rubric printed before a headline: one to three capitalised words and a colon ("In Picture:",
# "VIDEO:", "FOTO:", "Breaking News:"); lower-case words make it a sentence ("Anda di sini:").
_RUBRIC = re.compile(r"(?P<rubric>\w[\w.]*(?:\s+\w[\w.]*){0,2})\s*:\s+(?P<headline>.+)")


def with_printed_rubric(headline: str, lines: Iterable[str]) -> str | None:
    """The first of `lines` (a page's visible lines) that prints `headline` (punctuation and
    case aside) after a rubric and a colon, or None: none before a line printing it bare, which
    is the page's headline (lines are read as far as that only)."""
    wanted = letters_of(headline)
    if not wanted:  # no letters (a title that was all site name or punctuation): no headline
        return None
    for line in lines:
        if letters_of(line) == wanted:
            return None
        match = _RUBRIC.fullmatch(line)
        if (
            match
            and letters_of(match["headline"]) == wanted
            and all(word[0].isupper() for word in match["rubric"].split())
        ):
            return line
    return None


def strip_site_name(title: str, site_names: Iterable[str]) -> str:
    """The title without the site's name (and what stands with it, such as a section) at its
    start or end: a leading or trailing part, between separators, that holds a site name."""
    names = [letters_of(name) for name in site_names if letters_of(name)]
    parts = _SEPARATORS.split(title.strip())
    if len(parts) < 2 or not names:
        return title.strip()

    def is_site(part: str) -> bool:
        letters = letters_of(part)
        return any(name in letters for name in names)

    start, end = 0, len(parts)
    while end - start > 1 and is_site(parts[end - 1]):
        end -= 1
    if start == 0 and end - start > 1 and is_site(parts[0]):
        start = 1
        # a section that follows the site's name at the start ("Kapanlagi.com: Musik - ...")
        # cannot be told from the headline's own first words: it stays
    if (start, end) == (0, len(parts)):
        return title.strip()
    # Keep the headline's own separators: cut the original text, not the split parts.
    kept = title.strip()
    for part in parts[:start]:
        kept = kept[kept.index(part) + len(part) :]
    for part in reversed(parts[end:]):
        kept = kept[: kept.rindex(part)]
    return re.sub(r"^[\s\-|–—:»·]+|[\s\-|–—:»·]+$", "", kept)


# Labels of a host name that name no site: public suffixes and common subdomains.
_GENERIC_HOST_LABELS = frozenset(
    {"com", "co", "id", "net", "org", "or", "go", "ac", "sch", "web", "my", "tv", "www", "m"}
)


def site_label(host: str) -> str | None:
    """The name a host gives its site: the label before the public suffix ("kompas" for
    bola.kompas.com, "ihram" for ihram.co.id), or None."""
    labels = [label for label in host.lower().split(".") if label]
    while labels and labels[-1] in _GENERIC_HOST_LABELS:
        labels.pop()
    return labels[-1] if labels else None
