"""Indonesian date strings -> aware UTC datetimes: the one place the crawler parses dates.

Machine-readable forms (ISO 8601 / W3C from `time[datetime]`, `article:published_time`, JSON-LD;
RFC 822 from feeds) take a fast exact path, and so do the forms structured data is misprinted
in: ISO with a space before the "T", dashes in the time or an offset followed by "Z", and
JavaScript's Date.toString() ("Mon Nov 01 2021 07:08:56 GMT+0000"). Everything else is what a
page prints ("Kamis, 7 Desember 2023 | 14:30 WIB", "Senin 27 Des 2021 16:12 WIB"): it is
normalised first, because dateparser returns None for common Indonesian spellings ("Jum'at",
"pukul 14.30", "Diterbitkan:"), then parsed with dateparser. A string without a zone is
Asia/Jakarta (WIB), where the sites are. dateparser.search.search_dates is never used: on these
strings it returns wrong dates silently (notes/anchors.md 7.1).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from types import MappingProxyType

from dateparser.date import DateDataParser

# Asia/Jakarta has been UTC+7 without DST since 1964, so a fixed offset is exact for every date
# we accept and needs no tz database.
WIB = timezone(timedelta(hours=7), "WIB")

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
# A page's clock may run a little ahead of ours; later than this after `now` is a wrong date.
CLOCK_SKEW = timedelta(minutes=10)
# Longer strings are sentences, not dates; dateparser would be slow on them and may still "find"
# a date in them.
MAX_DATE_TEXT_LENGTH = 80

_LANGUAGES = ("id", "en")
_DATEPARSER_SETTINGS = MappingProxyType(
    {
        "TIMEZONE": "Asia/Jakarta",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        # A news date printed without a year ("7 Desember") lies in the past, never ahead.
        "PREFER_DATES_FROM": "past",
    }
)
# Built once: with no RELATIVE_BASE it resolves relative forms ("2 jam yang lalu") against the
# clock, which is what a live crawl wants. A caller passing its own `now` gets a parser per call
# (constructing one costs about 0.05 ms; parsing costs 1-2 ms).
_CLOCK_PARSER = DateDataParser(languages=list(_LANGUAGES), settings=dict(_DATEPARSER_SETTINGS))

_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")
# ISO 8601 as sites misprint it: a space before the "T" (detik: "2015-11-05 T10:08:58Z"),
# dashes between the time's fields (detik: "2015-06-16T14-05-11Z"), an offset and a "Z" both
# (Merdeka: "2015-06-19T03:40:00+07:00Z").
_ISO_SPACE_BEFORE_T = re.compile(r"(?<=\d)\s+T(?=\d)")
_ISO_DASHED_TIME = re.compile(r"(?<=\dT)(\d{2})-(\d{2})(?:-(\d{2}))?")
_ISO_OFFSET_AND_Z = re.compile(r"(?<=[+-]\d{2}:\d{2})Z$|(?<=[+-]\d{4})Z$")
# JavaScript's Date.toString(), which some CMSes print into JSON-LD and <meta>: "Mon Nov 01 2021
# 07:08:56 GMT+0000", often with the zone's name after it ("(Western Indonesia Time)").
_JAVASCRIPT_DATE = re.compile(
    r"(?:[A-Za-z]{3}\s+)?(?P<month>[A-Za-z]{3})\s+(?P<day>\d{1,2})\s+(?P<year>\d{4})\s+"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s+"
    r"(?:GMT|UTC)(?P<sign>[+-])(?P<hours>\d{2}):?(?P<minutes>\d{2})(?:\s*\([^)]*\))?"
)
_RFC822 = re.compile(
    r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"\s*(?:[+-]\d{4}|GMT|UTC?|Z)",
)

# --- normalisation patterns, applied in this order by normalise_date_text ---
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "´": "'"})
_SITE_PREFIX = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|co|org)\s*[,|:-]\s*", re.I)
_LABELS = re.compile(
    r"\b(?:diterbitkan|dipublikasikan|dipublish|diposting|diperbarui|diperbaharui|"
    r"tanggal yang diubah|terakhir diperbarui|last updated|published|updated|modified|posted|"
    r"terbit|update|tanggal|tgl)\b(?:\s+(?:pada|on|at))?\s*:?",
    re.I,
)
# Abbreviated weekdays only before a comma or a day number: "min" and "sen" are also words.
_WEEKDAYS = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b\s*,?"
    r"|\b(?:sen|sel|rab|kam|jum|sab|min|mon|tue|wed|thu|fri|sat|sun)\b\.?(?:\s*,|(?=\s+\d))",
    re.I,
)
# "jam" alone also means "hours" ("2 jam yang lalu"), so it is a label only before a time.
# "at" too, where a date in English is written "18 Jun 2015 at 06:25 WIB" (Liputan6).
_TIME_WORDS = re.compile(r"\b(?:pukul|pkl|pk)\b\.?|\b(?:jam|at)\b(?=\s*\d{1,2}[.:]\d{2})", re.I)
_ZONES = re.compile(r"\b(WIB|WITA|WIT)\b", re.I)
_ZONE_OFFSETS = MappingProxyType({"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"})
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b", re.I)
# "14.30" (Indonesian time notation) but not part of a dotted date such as "07.12.2023".
_DOTTED_TIME = re.compile(r"(?<![\d.:/])([01]?\d|2[0-3])\.([0-5]\d)(?:\.([0-5]\d))?(?!\d|\.\d)")
_MONTH_ABBREVIATIONS = re.compile(
    r"\b(jan|feb|mar|apr|jun|jul|agu|agt|ags|agus|agust|sep|sept|okt|nov|des)\b\.?", re.I
)
_MONTH_NAMES = MappingProxyType(
    {
        "jan": "Januari",
        "feb": "Februari",
        "mar": "Maret",
        "apr": "April",
        "jun": "Juni",
        "jul": "Juli",
        "agu": "Agustus",
        "agt": "Agustus",
        "ags": "Agustus",
        "agus": "Agustus",
        "agust": "Agustus",
        "sep": "September",
        "sept": "September",
        "okt": "Oktober",
        "nov": "November",
        "des": "Desember",
    }
)
_MONTH_NUMBERS = MappingProxyType(
    {
        name: number
        for names in (
            ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
             "september", "oktober", "november", "desember"),
            ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"),
        )
        for number, name in enumerate(names, start=1)
    }
    # English abbreviations, as JavaScript and RFC 822 write them ("Nov", "Dec")
    | {
        name: number
        for number, name in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
            start=1,
        )
    }
)  # fmt: skip
_DAY_MONTH_YEAR = re.compile(
    r"(?P<day>\d{1,2}) (?P<month>[A-Za-z]+) (?P<year>\d{4})"
    r"(?: (?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?"
    r"(?: (?P<offset>[+-]\d{2}:\d{2}))?"
)
# "|" and spaced dashes separate date from time ("28 Nov 2021 | 13:05", "12 Agustus 2024 - 09:15");
# an unspaced "-" belongs to numeric dates ("7-12-2023") and is kept.
_SEPARATORS = re.compile(r"[|,()\[\]]|\s[-\u2013\u2014]+(?=\s)")


def normalise_date_text(raw: str) -> str:
    """Rewrite a printed Indonesian date into a form dateparser reads without guessing."""
    text = raw.translate(_APOSTROPHES)
    text = " ".join(text.split())  # NBSP and other Unicode spaces included
    text = _SITE_PREFIX.sub("", text)
    text = _LABELS.sub(" ", text)
    text = _WEEKDAYS.sub(" ", text)
    text = _TIME_WORDS.sub(" ", text)
    text, offset = _pop_zone(text)
    text = _DOTTED_TIME.sub(_colon_time, text)
    text = _MONTH_ABBREVIATIONS.sub(lambda m: _MONTH_NAMES[m.group(1).lower()], text)
    text = _SEPARATORS.sub(" ", text)
    return " ".join(f"{text} {offset}".split())


def parse_date(raw: str | None, *, now: datetime | None = None) -> datetime | None:
    """Parse a date string into an aware UTC datetime, or None if it is no plausible date.

    Rejected: empty or unparseable strings, strings without a day ("Desember 2023"), dates more
    than CLOCK_SKEW after `now` (default: the current time) and dates before 1990. Relative forms
    ("2 jam yang lalu", "kemarin") count from `now`. Pass `now` aware; a naive one is read as
    Asia/Jakarta time, like every naive datetime here.
    """
    if not raw or not raw.strip():
        return None
    text = raw.strip()
    parsed = _parse_machine_readable(text) or _parse_printed(text, now)
    if parsed is None:
        return None
    result = to_utc(parsed).replace(microsecond=0)
    reference = to_utc(now) if now is not None else datetime.now(UTC)
    if result < EARLIEST or result > reference + CLOCK_SKEW:
        return None
    return result


def to_utc(dt: datetime) -> datetime:
    """Convert to UTC; a naive datetime is taken as Asia/Jakarta time."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        dt = dt.replace(tzinfo=WIB)
    return dt.astimezone(UTC)


def repair_iso(text: str) -> str:
    """An ISO 8601 date as a site misprinted it, written right (see _ISO_SPACE_BEFORE_T...)."""
    text = _ISO_SPACE_BEFORE_T.sub("T", text.strip())
    text = _ISO_DASHED_TIME.sub(lambda m: ":".join(part for part in m.groups() if part), text)
    return _ISO_OFFSET_AND_Z.sub("", text)


def _parse_iso(text: str) -> datetime | None:
    if not _ISO_START.match(text):
        return None
    try:
        return datetime.fromisoformat(repair_iso(text))
    except ValueError:
        return None


def _parse_machine_readable(text: str) -> datetime | None:
    """ISO 8601 (as sites misprint it too), RFC 822 or JavaScript's Date.toString()."""
    return _parse_iso(text) or _parse_rfc822(text) or _parse_javascript(text)


def _zone(sign: str, hours: str, minutes: str) -> timezone | None:
    """The offset a date writes ("+", "07", "00"), or None past what a clock shows ("+99")."""
    if int(hours) > 23 or int(minutes) > 59:
        return None
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-offset if sign == "-" else offset)


def _parse_javascript(text: str) -> datetime | None:
    match = _JAVASCRIPT_DATE.fullmatch(text)
    month = _MONTH_NUMBERS.get(match["month"].lower()) if match else None
    if match is None or month is None:
        return None
    zone = _zone(match["sign"], match["hours"], match["minutes"])
    if zone is None:
        return None
    day, year, hour, minute = (int(match[name]) for name in ("day", "year", "hour", "minute"))
    try:
        return datetime(year, month, day, hour, minute, int(match["second"] or 0), tzinfo=zone)
    except ValueError:
        return None


def written_wall_time(raw: str) -> datetime | None:
    """The wall time a machine-readable date string writes (ISO, RFC 822, JavaScript's), to the
    minute and naive, whatever its offset says: what the page's visible date line is compared
    with, where a site writes its WIB wall time with a UTC offset."""
    text = raw.strip()
    written = _parse_machine_readable(text)
    return written.replace(tzinfo=None, second=0, microsecond=0) if written else None


def _parse_rfc822(text: str) -> datetime | None:
    if not _RFC822.fullmatch(text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None


def _parse_printed(text: str, now: datetime | None) -> datetime | None:
    normalised = normalise_date_text(text)
    if not normalised or len(normalised) > MAX_DATE_TEXT_LENGTH:
        return None
    exact = _parse_day_month_year(normalised)
    if exact is not None:
        return exact
    parser = _CLOCK_PARSER if now is None else _parser_relative_to(now)
    data = parser.get_date_data(normalised)
    # Without a day the string names a month or a year, too coarse for a publication time.
    if data.date_obj is None or "day" not in data.parts:
        return None
    return data.date_obj


def _parse_day_month_year(normalised: str) -> datetime | None:
    """The form most printed dates normalise to ("7 Desember 2023 14:30 +07:00"), read
    exactly: dateparser reads it the same way (tests/test_dates.py) at a thousandth of the
    cost, and it is the one date source of pages without JSON-LD or <meta> dates."""
    match = _DAY_MONTH_YEAR.fullmatch(normalised)
    month = _MONTH_NUMBERS.get(match.group("month").lower()) if match else None
    if match is None or month is None:
        return None
    day, year, hour, minute, second = (
        int(match.group(name) or 0) for name in ("day", "year", "hour", "minute", "second")
    )
    offset = match.group("offset")
    zone = _zone(offset[0], offset[1:3], offset[4:6]) if offset else WIB
    if zone is None:
        return None
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:  # "31 Februari": let dateparser have its say
        return None


def _parser_relative_to(now: datetime) -> DateDataParser:
    base = to_utc(now).astimezone(WIB).replace(tzinfo=None)
    settings = {**_DATEPARSER_SETTINGS, "RELATIVE_BASE": base}
    return DateDataParser(languages=list(_LANGUAGES), settings=settings)


def _pop_zone(text: str) -> tuple[str, str]:
    """Take the zone out of the text as an explicit offset, to be put back at the end.

    dateparser reads an offset reliably only after the time ("Pkl. 14.30 WIB, 7 Des 2023" fails).
    """
    zone = _ZONES.search(text)
    if zone:
        return _ZONES.sub(" ", text), _ZONE_OFFSETS[zone.group(1).upper()]
    gmt = _GMT_OFFSET.search(text)
    if gmt:
        sign, hours, minutes = gmt.groups()
        return _GMT_OFFSET.sub(" ", text), f"{sign}{int(hours):02d}:{minutes or '00'}"
    return text, ""


def _colon_time(match: re.Match[str]) -> str:
    hours, minutes, seconds = match.groups()
    return f"{hours}:{minutes}" + (f":{seconds}" if seconds else "")


# --- days as readers count them: in WIB --------------------------------------------------------
def wib_day_start(day: date) -> datetime:
    """The midnight (WIB) that starts `day`, as an aware UTC datetime."""
    return datetime.combine(day, time(), tzinfo=WIB).astimezone(UTC)


def parse_wib_day(value: str, name: str) -> date:
    """A day given as YYYY-MM-DD by a user (`-a since=`, `--since`); ValueError naming `name`
    and the value otherwise."""
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(f"{name} must be a date as YYYY-MM-DD, got {value!r}") from None


def parse_since(value: str | None, name: str = "since") -> datetime | None:
    """`since=YYYY-MM-DD`: from that day's midnight in WIB, as the sites' readers count days."""
    return wib_day_start(parse_wib_day(value, name)) if value else None


def parse_until(value: str | None, name: str = "until") -> datetime | None:
    """`until=YYYY-MM-DD`, that day included: up to the next midnight in WIB."""
    if not value:
        return None
    return wib_day_start(parse_wib_day(value, name) + timedelta(days=1))


# A printed date with a time, inside a longer text: "Selasa, 23 Februari 2016 15:06 WIB |
# 998 Views" (Antara), "Rabu, 17 Juni 2015 | 22:26 WIB" (Kompas), "on 18 Jun 2015 at 06:25
# WIB" (Liputan6), "08/1/2026 20:19" (Media Indonesia), "Jum'at, 19 Juni 2015 - 11:58 wib".
PRINTED_DATE_TIME = re.compile(
    r"(?P<day>\b\d{1,2}(?:\s+[A-Za-z]{3,9}\.?\s+|/\d{1,2}/)\d{4})"
    r"(?:\s*[,|\-\u2013]\s*|\s+)(?:(?:at|pukul|pkl\.?|jam)\s+)?"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:WIB|WITA|WIT)\b)?)",
    re.IGNORECASE,
)


def printed_dates_with_time(text: str) -> list[datetime]:
    """Every date with a time printed in a text, in order (aware UTC; WIB when no zone is
    printed), the forms PRINTED_DATE_TIME finds and parse_date reads."""
    found = (
        parse_date(f"{match['day']} {match['time']}") for match in PRINTED_DATE_TIME.finditer(text)
    )
    return [moment for moment in found if moment is not None]
