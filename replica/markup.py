"""Low-level markup helpers: entity encoding as WordPress emits it, dates, tagDiv block ids."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from email.utils import format_datetime

from replica.model import WIB, EntityStyle

# wptexturize writes typographic characters as numeric references; hand-typed HTML (the
# Classic editor's text tab) often carries named ones. Both decode to the same text.
_NUMERIC = {"“": "&#8220;", "”": "&#8221;", "‘": "&#8216;", "’": "&#8217;", "–": "&#8211;"}
_NUMERIC |= {"—": "&#8212;", "…": "&#8230;", "\u00a0": "&nbsp;"}
_NAMED = {"“": "&ldquo;", "”": "&rdquo;", "‘": "&lsquo;", "’": "&rsquo;", "–": "&ndash;"}
_NAMED |= {"—": "&mdash;", "…": "&hellip;", "\u00a0": "&nbsp;", '"': "&quot;"}

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jum'at", "Sabtu", "Minggu")
MONTH_NAMES = (
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


def text(value: str, style: EntityStyle = "wp") -> str:
    """Escape text content the way the post's source would carry it."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    table = {"wp": _NUMERIC, "named": _NAMED, "raw": {}}[style]
    return "".join(table.get(char, char) for char in escaped)


def attr(value: str) -> str:
    """esc_attr: quotes and ampersands escaped, as WordPress writes attribute values."""
    return html.escape(value, quote=True).replace("&#x27;", "&#039;")


def visible_date(moment: datetime) -> str:
    """The site's date_format + time_format: "Jum'at, 3 Mei 2024 21:05 WIB"."""
    local = moment.astimezone(WIB)
    day, month = DAY_NAMES[local.weekday()], MONTH_NAMES[local.month - 1]
    return f"{day}, {local.day} {month} {local.year} {local:%H:%M} WIB"


def short_date(moment: datetime) -> str:
    """Date without weekday or time, as in comment stamps: "7 Desember 2023"."""
    local = moment.astimezone(WIB)
    return f"{local.day} {MONTH_NAMES[local.month - 1]} {local.year}"


def w3c(moment: datetime) -> str:
    """date(DATE_W3C) in the site's timezone: 2023-12-07T14:32:10+07:00."""
    return moment.astimezone(WIB).isoformat()


def gmt_iso(moment: datetime) -> str:
    """Yoast's JSON-LD dates: 2023-12-07T07:32:10+00:00."""
    return moment.astimezone(UTC).isoformat()


def rfc822(moment: datetime) -> str:
    """RSS pubDate as WordPress writes it: Thu, 07 Dec 2023 07:32:10 +0000."""
    return format_datetime(moment.astimezone(UTC))


class BlockIds:
    """tagDiv numbers its blocks tdi_1, tdi_2... in render order, so ids change from page to
    page (and from one site to another); crawlers must never select on them."""

    def __init__(self, start: int) -> None:
        self._last = start

    def next(self) -> str:
        self._last += 1
        return f"tdi_{self._last}"
