"""crawler.dates: Indonesian date strings -> aware UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawler import dates
from crawler.dates import normalise_date_text, parse_date, printed_dates_with_time, to_utc

NOW = datetime(2025, 1, 15, 12, 0, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # machine-readable: time[datetime], article:published_time, JSON-LD, feeds
        ("2021-12-27T16:12:03+07:00", utc(2021, 12, 27, 9, 12, 3)),
        ("2023-12-07T07:30:00Z", utc(2023, 12, 7, 7, 30)),
        ("2023-12-07 14:30:00", utc(2023, 12, 7, 7, 30)),  # no zone: WIB
        ("2023-12-07", utc(2023, 12, 6, 17, 0)),
        ("Thu, 07 Dec 2023 14:30:00 +0700", utc(2023, 12, 7, 7, 30)),
        ("Thu, 07 Dec 2023 07:30:00 GMT", utc(2023, 12, 7, 7, 30)),
        ("07 Dec 2023 14:30:00 +0700", utc(2023, 12, 7, 7, 30)),  # RFC 2822 without a weekday
        # misprinted in structured data: JavaScript's Date.toString(), with its zone's name
        ("Mon Nov 01 2021 07:08:56 GMT+0000", utc(2021, 11, 1, 7, 8, 56)),
        ("Mon Nov 01 2021 14:08:56 GMT+0700 (Western Indonesia Time)", utc(2021, 11, 1, 7, 8, 56)),
        ("Thu Dec 07 2023 14:30 GMT+0700 (Waktu Indonesia Barat)", utc(2023, 12, 7, 7, 30)),
        ("2021-11-01 07:08:56", utc(2021, 11, 1, 0, 8, 56)),  # no offset: WIB
        ("01/11/2021 07:08", utc(2021, 11, 1, 0, 8)),  # day first
        ("2015-11-05 T10:08:58Z", utc(2015, 11, 5, 10, 8, 58)),  # detik's space before the T
        ("2015-06-16T14-05-11Z", utc(2015, 6, 16, 14, 5, 11)),  # detik's dashes in the time
        ("2015-06-19T03:40:00+07:00Z", utc(2015, 6, 18, 20, 40)),  # Merdeka's offset and Z
        ("2021-11-01T07:08:56+0700", utc(2021, 11, 1, 0, 8, 56)),
        ("18 Jun 2015 at 06:25 WIB", utc(2015, 6, 17, 23, 25)),  # Liputan6's microdata
        # printed by the sites
        ("Kamis, 7 Desember 2023 | 14:30 WIB", utc(2023, 12, 7, 7, 30)),
        ("Jum'at, 3 Mei 2024 21:05", utc(2024, 5, 3, 14, 5)),
        ("Jum\u2019at, 3 Mei 2024 21:05", utc(2024, 5, 3, 14, 5)),
        ("Jum\u2018at, 3 Mei 2024 21:05", utc(2024, 5, 3, 14, 5)),
        ("Jumat, 3 Mei 2024 21:05 WIT", utc(2024, 5, 3, 12, 5)),
        ("Diterbitkan: 7 Desember 2023 pukul 14.30 WIB", utc(2023, 12, 7, 7, 30)),
        ("Diperbarui: 8 Desember 2023 pukul 09.15 WITA", utc(2023, 12, 8, 1, 15)),
        ("Dipublikasikan: 7 Desember 2023, 14:30 WIB", utc(2023, 12, 7, 7, 30)),
        ("Senin 27 Des 2021 16:12 WIB", utc(2021, 12, 27, 9, 12)),  # bantennews article
        ("Minggu, 28 Nov 2021 | 13:05 WIB", utc(2021, 11, 28, 6, 5)),  # bantennews homepage
        ("Senin, 12 Agustus 2024 - 09:15 WITA", utc(2024, 8, 12, 1, 15)),
        ("Rabu, 17/01/2024 10:00 WIB", utc(2024, 1, 17, 3, 0)),
        ("07 Desember 2023, 14.30 WIB", utc(2023, 12, 7, 7, 30)),
        ("Selasa, 5 Des. 2023 jam 08.00 WIB", utc(2023, 12, 5, 1, 0)),
        ("Pkl. 14.30 WIB, 7 Des 2023", utc(2023, 12, 7, 7, 30)),
        ("7\u00a0Desember\u00a02023\u00a014:30\u00a0WIB", utc(2023, 12, 7, 7, 30)),
        ("Kompas.com - 07/12/2023, 14:30 WIB", utc(2023, 12, 7, 7, 30)),
        ("Published: December 7, 2023 at 14:30", utc(2023, 12, 7, 7, 30)),
        ("7 Desember 2023 14:30:15 WITA", utc(2023, 12, 7, 6, 30, 15)),
        # month abbreviations and time notations
        ("12 Agt 2024 10:00", utc(2024, 8, 12, 3, 0)),
        ("12 Agu 2024 10:00", utc(2024, 8, 12, 3, 0)),
        ("12 Ags 2024 10:00", utc(2024, 8, 12, 3, 0)),
        ("5 Okt 2023 14.30", utc(2023, 10, 5, 7, 30)),
        ("3 Mei 2024 14:30", utc(2024, 5, 3, 7, 30)),
        ("9 Sept 2023 14.30", utc(2023, 9, 9, 7, 30)),
        ("07/12/2023 14:30", utc(2023, 12, 7, 7, 30)),  # day first
        ("07.12.2023 14.30", utc(2023, 12, 7, 7, 30)),
        ("7 Desember 2023", utc(2023, 12, 6, 17, 0)),  # date only: midnight WIB
        # relative forms count from `now`
        ("2 jam yang lalu", utc(2025, 1, 15, 10, 0)),
        ("kemarin", utc(2025, 1, 14, 12, 0)),
    ],
)
def test_parse_date(raw: str, expected: datetime) -> None:
    parsed = parse_date(raw, now=NOW)
    assert parsed == expected
    assert parsed.tzinfo is UTC


@pytest.mark.parametrize(
    ("zone", "hours"),
    [("WIB", 7), ("WITA", 8), ("WIT", 9), ("GMT+7", 7), ("GMT+8", 8), ("UTC+9", 9)],
)
def test_zone_offsets(zone: str, hours: int) -> None:
    parsed = parse_date(f"Kamis, 7 Desember 2023 14:30 {zone}", now=NOW)
    assert parsed == utc(2023, 12, 7, 14, 30) - timedelta(hours=hours)


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        "garbage",
        "205",
        "Senin",  # a weekday alone is no date
        "Desember 2023",  # no day: too coarse for a publication time
        "1 Januari 1989",  # before 1990
        "1989-12-31T23:59:00Z",
        "7 Desember 2030 14:30 WIB",  # future
        "2025-01-15T19:11:00+07:00",  # 11 minutes after NOW
        "Ia enggan memberikan komentar lebih lanjut soal kasus tersebut pada 7 Desember 2023.",
        "Mon Nov 31 2021 07:08:56 GMT+0000",  # no such day
    ],
)
def test_rejected(raw: str | None) -> None:
    assert parse_date(raw, now=NOW) is None


def test_clock_skew_tolerated() -> None:
    assert parse_date("2025-01-15T19:09:00+07:00", now=NOW) == utc(2025, 1, 15, 12, 9)


def test_default_now_is_the_clock() -> None:
    assert parse_date("Kamis, 7 Desember 2023 | 14:30 WIB") == utc(2023, 12, 7, 7, 30)
    assert parse_date("7 Desember 2999") is None
    recent = parse_date("1 jam yang lalu")
    assert recent is not None
    assert abs(datetime.now(UTC) - timedelta(hours=1) - recent) < timedelta(minutes=1)


def test_microseconds_dropped() -> None:
    assert parse_date("2023-12-07T14:30:05.123456+07:00", now=NOW) == utc(2023, 12, 7, 7, 30, 5)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kamis, 7 Desember 2023 | 14:30 WIB", "7 Desember 2023 14:30 +07:00"),
        ("Jum\u2019at, 3 Mei 2024 21:05", "3 Mei 2024 21:05"),
        ("Diterbitkan: 7 Desember 2023 pukul 14.30 WITA", "7 Desember 2023 14:30 +08:00"),
        ("Senin 27 Des 2021 16:12 WIT", "27 Desember 2021 16:12 +09:00"),
        ("Senin, 12 Agustus 2024 - 09:15", "12 Agustus 2024 09:15"),
        ("7-12-2023 14.30", "7-12-2023 14:30"),  # a numeric date keeps its dashes
        ("2 jam yang lalu", "2 jam yang lalu"),  # "jam" (hours) is no label here
        ("18 Jun 2015 at 06:25 WIB", "18 Juni 2015 06:25 +07:00"),
        ("Ia datang at least twice", "Ia datang at least twice"),  # "at" before no time stays
    ],
)
def test_normalise_date_text(raw: str, expected: str) -> None:
    assert normalise_date_text(raw) == expected


def test_to_utc() -> None:
    assert to_utc(datetime(2023, 12, 7, 14, 30)) == utc(2023, 12, 7, 7, 30)  # naive is WIB
    aware = datetime.fromisoformat("2023-12-07T14:30:00+08:00")
    assert to_utc(aware) == utc(2023, 12, 7, 6, 30)
    assert to_utc(aware).tzinfo is UTC


@pytest.mark.parametrize(
    "raw",
    [
        "Kamis, 7 Desember 2023 | 14:30 WIB",
        "Jum'at, 3 Mei 2024 21:05",
        "Senin 27 Des 2021 16:12 WIB",
        "Diperbarui: 8 Desember 2023 pukul 09.15 WITA",
        "7 Desember 2023 14:30:15 WITA",
        "1 Januari 2024 00:00 GMT+7",
        "12 Agt 2024 10:00",
        "7 December 2023 14:30",
        "7 Desember 2023",
        "29 Februari 2024 23:59 WIT",
    ],
)
def test_the_exact_path_reads_printed_dates_as_dateparser_does(raw: str) -> None:
    normalised = normalise_date_text(raw)
    exact = dates._parse_day_month_year(normalised)
    assert exact is not None, normalised  # the form the exact path is for
    by_dateparser = dates._CLOCK_PARSER.get_date_data(normalised).date_obj
    assert to_utc(exact) == to_utc(by_dateparser)


@pytest.mark.parametrize("normalised", ["31 Februari 2024 10:00", "7 Desemberr 2023 14:30"])
def test_the_exact_path_leaves_what_it_cannot_read_to_dateparser(normalised: str) -> None:
    assert dates._parse_day_month_year(normalised) is None


def test_printed_dates_with_time_reads_date_lines_inside_longer_texts():
    text = (
        "Selasa, 23 Februari 2016 15:06 WIB | 998 Views ... on 18 Jun 2015 at 06:25 WIB ... "
        "08/1/2026 20:19 ... Rabu, 17 Juni 2015 | 22:26 WIB ... Kamis (5/11/2015) tanpa jam"
    )
    assert [moment.isoformat() for moment in printed_dates_with_time(text)] == [
        "2016-02-23T08:06:00+00:00",
        "2015-06-17T23:25:00+00:00",
        "2026-01-08T13:19:00+00:00",
        "2015-06-17T15:26:00+00:00",
    ]


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("2015-11-05 T10:08:58Z", "2015-11-05T10:08:58Z"),
        ("2015-06-16T14-05-11Z", "2015-06-16T14:05:11Z"),
        ("2015-06-19T03:40:00+07:00Z", "2015-06-19T03:40:00+07:00"),
        ("2021-12-27T16:12:03+07:00", "2021-12-27T16:12:03+07:00"),  # right already
        ("2023-12-07", "2023-12-07"),
    ],
)
def test_repair_iso(raw: str, repaired: str) -> None:
    assert dates.repair_iso(raw) == repaired


def test_javascript_dates_take_the_exact_path_and_read_as_dateparser_does() -> None:
    raw = "Mon Nov 01 2021 07:08:56 GMT+0000"
    exact = dates._parse_javascript(raw)
    assert exact is not None
    assert to_utc(exact) == to_utc(dates._CLOCK_PARSER.get_date_data(raw).date_obj)


@pytest.mark.parametrize(
    ("raw", "wall"),
    [
        ("2016-02-23 T16:00:20Z", datetime(2016, 2, 23, 16, 0)),
        ("2021-12-27T16:12:03+07:00", datetime(2021, 12, 27, 16, 12)),
        ("Mon Nov 01 2021 07:08:56 GMT+0000", datetime(2021, 11, 1, 7, 8)),
        ("Thu, 07 Dec 2023 14:30:00 +0000", datetime(2023, 12, 7, 14, 30)),
        ("2023-12-07", datetime(2023, 12, 7)),
        ("Kamis, 7 Desember 2023 | 14:30 WIB", None),  # printed: no offset to distrust
    ],
)
def test_written_wall_time(raw: str, wall: datetime | None) -> None:
    assert dates.written_wall_time(raw) == wall


@pytest.mark.parametrize(
    "raw",
    [
        "Mon Nov 01 2021 07:08:56 GMT+9900",  # no clock is 99 hours ahead
        "Mon Nov 01 2021 07:08:56 GMT+0099",
        "7 Desember 2023 14:30 GMT+99",
    ],
)
def test_an_offset_past_what_a_clock_shows_is_no_date(raw: str) -> None:
    assert parse_date(raw) is None
