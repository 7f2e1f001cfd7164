"""`scrapy articles ...` and `scrapy runs`, run as users run them (subprocesses), against a
real server seeded by one crawl of the replica, plus one run against the embedded default."""

from __future__ import annotations

import csv
import json
import os
import pty
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pymongo import MongoClient

from crawler.commands._inspect import MIN_SHRUNK_WIDTH, table
from crawler.dates import WIB
from crawler.exitcodes import EXIT_NOT_STARTED
from crawler.store import ArticleStore, EmbeddedServer
from replica import ReplicaServer
from tests.crawl import ROOT, run_scrapy, scrapy_command

SITE = "radartangsel"
SEED_TITLE = "Bahas Strategi Melawan Korea Utara"
OTHER_SITE = "contoh.co.id"  # as the generic `wordpress` spider names a site: no spider has it
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$")
UNREACHABLE = "mongodb://127.0.0.1:1/"


@dataclass(frozen=True)
class Seeded:
    uri: str
    db: str
    articles: list[dict]  # every stored article, read back independently
    seed_url: str
    multi_page_url: str

    @property
    def crawled(self) -> int:
        """How many articles the crawl stored (the fixture added two more)."""
        return len(self.articles) - 2

    def of_site(self, site: str) -> list[dict]:
        return [doc for doc in self.articles if doc["site"] == site]

    def run(self, *args: str):
        return run_scrapy(*args, MONGO_URI=self.uri, MONGO_DATABASE=self.db)

    def run_many(self, *commands: tuple[str, ...]) -> list:
        """Several commands at once (each is a process that spends ~1.5 s starting up)."""
        with ThreadPoolExecutor(max_workers=(os.cpu_count() or 1) + 1) as pool:
            return list(pool.map(lambda args: self.run(*args), commands))


@pytest.fixture(scope="module")
def seeded(mongo_uri) -> Seeded:
    """One crawl of the replica; then, written through the store, a changed fetch of the seed
    article (its version 2), an article published today (for the per-day chart) and one of a
    site without a spider of its own."""
    db = "articles_command"
    with ReplicaServer() as replica:
        crawl = run_scrapy(
            "crawl", SITE, "-a", f"base_url={replica.url}", MONGO_URI=mongo_uri, MONGO_DATABASE=db
        )
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        today_url = f"{replica.url}/2099/01/01/berita-hari-ini/"
    now = datetime.now(UTC)
    with ArticleStore(mongo_uri, db) as store:
        (seed,) = store.find({"title": {"$regex": f"^{SEED_TITLE}"}})
        changed = {key: seed[key] for key in seed if key not in ("version", "fetch_count")}
        changed |= {
            "title": seed["title"] + " (diperbarui)",
            "body": seed["body"].replace("Yonhap News", "kantor berita Yonhap"),
            "content_hash": "edited-by-the-newsroom",
            "fetched_at": now,
        }
        today = {
            "url": today_url,
            "site": SITE,
            "title": "Berita hari ini",
            "body": "Isi berita hari ini.",
            "authors": [],
            "tags": [],
            "published_at": now,
            "fetched_at": now,
            "content_hash": "today",
        }
        other = {
            **today,
            "url": f"https://{OTHER_SITE}/2019/01/01/berita-lama/",
            "site": OTHER_SITE,
            "published_at": datetime(2019, 1, 1, tzinfo=UTC),
            "content_hash": "other",
        }
        counts = store.upsert_articles([changed, today, other])
        assert (counts.updated, counts.new) == (1, 2)
        articles = list(store.find({}))
    (multi_page,) = [doc for doc in articles if doc.get("pages") == 3]
    yield Seeded(mongo_uri, db, articles, seed["url"], multi_page["url"])
    with MongoClient(mongo_uri) as client:
        client.drop_database(db)


def newest_first(articles: list[dict]) -> list[dict]:
    return sorted(articles, key=lambda doc: doc["published_at"], reverse=True)


def wib_day(doc: dict) -> date:
    return doc["published_at"].astimezone(WIB).date()


def table_urls(stdout: str) -> list[str]:
    """The url column of a `list` or `search` table (its last cell), header skipped."""
    return [line.split()[-1] for line in stdout.splitlines()[1:]]


# --- list ---------------------------------------------------------------------------------------


def test_list_shows_the_newest_first_in_wib_whole_into_a_pipe(seeded, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")  # a terminal's width: not for a pipe
    result = seeded.run("articles", "list", "--limit", "0")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["published", "(WIB)", "site", "title", "url"]
    assert table_urls(result.stdout) == [doc["url"] for doc in newest_first(seeded.articles)]
    assert "…" not in result.stdout, "nothing is cut into a pipe"
    for doc in seeded.articles:
        assert f"  {doc['title']}  " in result.stdout
    (seed_line,) = [line for line in lines if line.endswith(seeded.seed_url)]
    assert seed_line.startswith("2023-12-07 14:32  radartangsel  Bahas Strategi")  # 07:32 UTC


def run_in_terminal(seeded: Seeded, *args: str, columns: int) -> tuple[int, str]:
    """A command with its standard output on a terminal (a pseudo-terminal) `columns` wide."""
    command, env = scrapy_command(*args, MONGO_URI=seeded.uri, MONGO_DATABASE=seeded.db)
    env["COLUMNS"] = str(columns)
    terminal, its_end = pty.openpty()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=its_end, stderr=subprocess.PIPE)
    os.close(its_end)
    chunks = []
    while True:
        try:
            chunk = os.read(terminal, 65536)
        except OSError:  # EIO: the process closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(terminal)
    assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else ""
    return process.returncode, b"".join(chunks).decode().replace("\r\n", "\n")


def test_list_on_an_80_column_terminal_shortens_urls_before_titles(seeded):
    _, output = run_in_terminal(seeded, "articles", "list", "--limit", "0", columns=80)
    lines = output.splitlines()
    assert lines[0].split() == ["published", "(WIB)", "site", "title", "url"]
    assert all(len(line) <= 80 for line in lines), lines
    (seed_line,) = [line for line in lines if SEED_TITLE[:20] in line]
    # The URL column gave way (down to 12 characters) before the title was cut.
    url_cell = seed_line.split()[-1]
    assert url_cell.endswith("…") and len(url_cell) == 12
    assert SEED_TITLE[:24] in seed_line


def test_list_filters_and_limit(seeded):
    by_newest = newest_first(seeded.articles)
    limited, politics, tagged, days, other = seeded.run_many(
        ("articles", "list", "--limit", "3"),
        ("articles", "list", "--site", SITE, "--category", "politik"),
        ("articles", "list", "--tag", "KOREA UTARA", "--json"),
        ("articles", "list", "--since", "2024-03-02", "--until", "2024-06-09", "--json"),
        ("articles", "list", "--site", OTHER_SITE),
    )
    assert table_urls(limited.stdout) == [doc["url"] for doc in by_newest[:3]]
    want = [doc["url"] for doc in by_newest if doc.get("category") == "Politik"]
    assert len(want) == 2 and table_urls(politics.stdout) == want
    assert [doc["url"] for doc in json.loads(tagged.stdout)] == [seeded.seed_url]
    listed = json.loads(days.stdout)
    in_range = [
        doc["url"] for doc in by_newest if date(2024, 3, 2) <= wib_day(doc) <= date(2024, 6, 9)
    ]
    assert len(in_range) >= 4 and [doc["url"] for doc in listed] == in_range
    assert all(ISO_WITH_OFFSET.match(doc["published_at"]) for doc in listed)
    assert table_urls(other.stdout) == [doc["url"] for doc in seeded.of_site(OTHER_SITE)]


# --- show ---------------------------------------------------------------------------------------


def test_show_prints_every_field_and_the_wrapped_body(seeded, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    result, as_json = seeded.run_many(
        ("articles", "show", seeded.seed_url), ("articles", "show", seeded.seed_url, "--json")
    )
    assert result.returncode == 0, result.stderr
    seed = next(doc for doc in seeded.articles if doc["url"] == seeded.seed_url)
    labels = {line.split()[0] for line in result.stdout.splitlines() if line[:1].isalpha()}
    assert set(seed) - {"body"} <= labels
    assert "published_at      2023-12-07 14:32:10 WIB" in result.stdout
    body = result.stdout.split("\nbody:\n\n", 1)[1]
    assert all(len(line) <= 100 for line in body.splitlines())
    assert " ".join(body.split()) == " ".join(seed["body"].split())

    as_json = json.loads(as_json.stdout)
    assert set(as_json) == set(seed)
    assert as_json["body_html"] == seed["body_html"]
    assert ISO_WITH_OFFSET.match(as_json["first_seen"])


def url_variants(url: str) -> list[str]:
    """What readers paste for one article (crawler/urls.py maps each to the stored URL)."""
    scheme, rest = url.split("://", 1)
    other_scheme = "https" if scheme == "http" else "http"
    return [
        url.rstrip("/"),
        url + "?utm_source=whatsapp&utm_medium=share",
        url + "amp/",
        f"{other_scheme}://{rest}",
    ]


def test_show_finds_the_article_by_any_variant_of_its_url(seeded):
    variants = url_variants(seeded.seed_url)
    results = seeded.run_many(
        *(("articles", "show", variant, "--json") for variant in variants),
        ("articles", "show", variants[0], "--versions"),
    )
    for variant, result in zip(variants, results, strict=False):
        assert result.returncode == 0, (variant, result.stderr)
        assert json.loads(result.stdout)["url"] == seeded.seed_url
    assert "versions: 2" in results[-1].stdout


def test_show_of_a_url_not_stored_is_status_1(seeded):
    result = seeded.run("articles", "show", seeded.seed_url + "tidak-ada/")
    assert result.returncode == 1
    assert result.stderr == f"no article stored with url {seeded.seed_url}tidak-ada/\n"


def test_show_versions_diffs_the_changed_fetch(seeded):
    result = seeded.run("articles", "show", seeded.seed_url, "--versions")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "versions: 2" in out and "--- version 1\n+++ version 2" in out
    removed = [line for line in out.splitlines() if line.startswith("-") and "---" not in line]
    added = [line for line in out.splitlines() if line.startswith("+") and "+++" not in line]
    assert any("Yonhap News" in line for line in removed)
    assert any("kantor berita Yonhap" in line for line in added)
    assert any(line.startswith("+title: ") for line in added)
    assert any("(diperbarui)" in line for line in added)


def test_show_raw_prints_the_stored_html_of_every_page(seeded):
    single, multi = seeded.run_many(
        ("articles", "show", seeded.seed_url, "--raw"),
        ("articles", "show", seeded.multi_page_url, "--raw"),
    )
    assert single.returncode == 0, single.stderr
    assert single.stdout.lstrip().lower().startswith("<!doctype html")
    assert f"<title>{SEED_TITLE}" in single.stdout
    assert [int(n) for n in re.findall(r"<!-- page (\d+): ", multi.stdout)] == [1, 2, 3]
    assert multi.stdout.count("</html>") == 3


# --- search -------------------------------------------------------------------------------------


def test_search_finds_the_seed_article(seeded):
    result, in_site = seeded.run_many(
        ("articles", "search", "korea utara"),
        ("articles", "search", "KOREA   UTARA", "--site", SITE, "--json"),
    )
    assert result.returncode == 0, result.stderr
    assert seeded.seed_url in table_urls(result.stdout)
    assert seeded.seed_url in [doc["url"] for doc in json.loads(in_site.stdout)]


def test_search_takes_patterns_and_operators_literally(seeded):
    # "(Korut)." is in the seed body: parentheses and the dot are matched as characters
    patterns = (".*", '{"$where": "true"}', "k.rea utara")
    literal, *nothing = seeded.run_many(
        ("articles", "search", "utara (korut)."),
        *(("articles", "search", query) for query in patterns),
    )
    assert table_urls(literal.stdout) == [seeded.seed_url]
    for query, result in zip(patterns, nothing, strict=True):
        assert result.returncode == 1, (query, result.stdout, result.stderr)
        assert result.stderr == "no articles matched\n"


# --- stats, export, runs ----------------------------------------------------------------------


def test_stats_counts_coverage_chart_and_last_crawl(seeded):
    result, as_json = seeded.run_many(("articles", "stats"), ("articles", "stats", "--json"))
    assert result.returncode == 0, result.stderr
    total, in_site = len(seeded.articles), len(seeded.of_site(SITE))
    assert result.stdout.startswith(f"{total} articles\n")
    assert re.search(rf"^  {SITE}\s+{in_site}$", result.stdout, re.M)
    assert re.search(rf"^  {re.escape(OTHER_SITE)}\s+1$", result.stdout, re.M)
    assert re.search(r"^  bantennews\s+0$", result.stdout, re.M)
    today = datetime.now(WIB).date()
    assert re.search(rf"^  {today:%Y-%m-%d}  █+ 1$", result.stdout, re.M)
    last_crawl = (
        rf"^  {SITE}\s+.* WIB, .*, ok \[exit 0\], finish reason finished: new {seeded.crawled}, "
    )
    assert re.search(last_crawl, result.stdout, re.M)

    stats = json.loads(as_json.stdout)
    with_authors = sum(1 for doc in seeded.articles if doc.get("authors"))
    with_captions = sum(1 for doc in seeded.articles if doc.get("image_caption"))
    assert stats["articles"] == total
    per_site = {site: len(seeded.of_site(site)) for site in stats["per_site"]}
    assert stats["per_site"] == per_site and per_site[OTHER_SITE] == 1
    assert stats["coverage"]["author"] == {
        "articles": with_authors,
        "share": round(with_authors / total, 4),
    }
    assert stats["coverage"]["caption"]["articles"] == with_captions
    assert len(stats["per_day"]) == 30 and stats["per_day"][today.isoformat()] == 1
    assert stats["last_runs"][SITE]["finish_reason"] == "finished"
    assert stats["last_runs"][SITE]["outcome"] == {"status": "ok", "exit_status": 0, "reason": ""}
    assert "bantennews" in stats["last_runs"], "every site is listed"
    assert "wordpress" not in stats["per_site"], "the generic spider is no site"
    assert not re.search(r"^  wordpress ", result.stdout, re.M)
    assert all(run is None for site, run in stats["last_runs"].items() if site != SITE)
    assert OTHER_SITE in stats["last_runs"]


def test_export_in_every_format(seeded, tmp_path):
    since = [doc for doc in seeded.articles if wib_day(doc) >= date(2024, 6, 1)]
    formats = ("jsonl", "csv", "json")
    paths = [tmp_path / f"articles.{file_format}" for file_format in formats]
    results = seeded.run_many(
        *(("articles", "export", "-o", str(path), "--since", "2024-06-01") for path in paths)
    )
    for file_format, path, result in zip(formats, paths, results, strict=True):
        assert result.returncode == 0, result.stderr
        assert result.stderr == f"exported {len(since)} articles to {path} ({file_format})\n"
    lines = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader((tmp_path / "articles.csv").open(encoding="utf-8")))
    array = json.loads((tmp_path / "articles.json").read_text(encoding="utf-8"))
    assert len(lines) == len(rows) == len(array) == len(since)
    assert {json.loads(line)["url"] for line in lines} == {doc["url"] for doc in since}
    assert all(ISO_WITH_OFFSET.match(doc["published_at"]) for doc in array)
    assert all(ISO_WITH_OFFSET.match(row["first_seen"]) for row in rows)
    tags = {row["url"]: row["tags"] for row in rows}
    assert all(tags[doc["url"]] == "; ".join(doc["tags"]) for doc in since)
    assert not list(tmp_path.glob("*.part"))


def test_export_of_one_article_says_article(seeded, tmp_path):
    today = datetime.now(WIB).date().isoformat()
    path = tmp_path / "today.jsonl"
    result = seeded.run("articles", "export", "-o", str(path), "--since", today)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"exported 1 article to {path} (jsonl)\n"


def test_help_lists_every_subcommands_options(seeded):
    result = seeded.run("articles", "-h")
    assert result.returncode == 0, result.stderr
    for usage in (
        "scrapy articles list [--site S] [--since D]",
        "scrapy articles show [--versions] [--raw] [--json] URL",
        "scrapy articles search [--site S] [--limit N] [--json] WORDS",
        "scrapy articles stats [--site S] [--json]",
        "scrapy articles export -o FILE",
    ):
        assert usage in result.stdout


def test_export_to_stdout(seeded):
    result = seeded.run("articles", "export", "-o", "-", "--format", "jsonl", "--site", SITE)
    assert len(result.stdout.splitlines()) == len(seeded.of_site(SITE))


def test_runs_lists_the_crawl(seeded):
    result, as_json = seeded.run_many(("runs",), ("runs", "--site", SITE, "--json"))
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.splitlines()
    assert header.split() == [
        "started", "(WIB)", "site", "took", "outcome", "exit", "finish", "reason", "new",
        "updated", "unchanged", "dropped", "why",
    ]  # fmt: skip
    assert re.search(rf"\s{SITE}\s+\S+\s+ok\s+0\s+finished\s+{seeded.crawled}\s", row)
    (run,) = json.loads(as_json.stdout)
    assert run["outcome"] == {"status": "ok", "exit_status": 0, "reason": ""}
    assert run["counts"]["new"] == seeded.crawled
    assert ISO_WITH_OFFSET.match(run["started_at"])


# --- exit statuses ------------------------------------------------------------------------------


BAD_INPUT = {
    ("articles", "list", "--since", "2024-13-01"): "--since takes a date as YYYY-MM-DD",
    ("articles", "export", "-o", "x.csv", "--until", "kemarin"): "--until takes a date",
    ("articles", "list", "--site", "nowhere"): "unknown site 'nowhere' (known: bantennews, ",
    ("runs", "--site", "nowhere"): "unknown site 'nowhere'",
    ("articles", "search", "  "): "search needs some words",
    ("articles", "show", "https://a.test/", "--raw", "--json"): "--raw prints the stored HTML",
    ("articles", "list", "surplus"): "unexpected argument(s): surplus",
}


def test_bad_input_is_one_line_and_status_2(seeded):
    for args, result in zip(BAD_INPUT, seeded.run_many(*BAD_INPUT), strict=True):
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.startswith(f"error: {BAD_INPUT[args]}"), (args, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert not (ROOT / "x.csv").exists()


@pytest.mark.parametrize("command", [("articles", "list"), ("runs",)])
def test_an_unreachable_store_is_status_1_as_for_a_crawl_without_traceback(command):
    result = run_scrapy(*command, MONGO_URI=UNREACHABLE, MONGO_TIMEOUT_MS="300")
    assert result.returncode == EXIT_NOT_STARTED == 1, result.stderr
    assert result.stderr.startswith(
        "error: the store is unavailable: MongoDB at mongodb://127.0.0.1:1/ did not answer"
    )
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_nothing_matched_is_status_1(seeded, tmp_path):
    nothing = [
        ("articles", "list", "--category", "tidak ada"),
        ("articles", "show", seeded.seed_url + "tidak-ada/"),
        ("articles", "export", "-o", str(tmp_path / "none.csv"), "--tag", "tidak ada"),
        ("runs", "--site", "bantennews"),
        ("articles", "list", "--tag", "tidak ada", "--json"),
    ]
    results = seeded.run_many(*nothing)
    for args, result in zip(nothing, results, strict=True):
        assert result.returncode == 1, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir()), "no file for an export of nothing"
    assert json.loads(results[-1].stdout) == [], "scripts get an empty array"


# --- the embedded default -----------------------------------------------------------------------


def test_list_works_against_the_embedded_default_and_stops_it(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    data_dir = tmp_path / "mongo"
    published = datetime(2024, 5, 3, 14, 5, tzinfo=UTC)
    with EmbeddedServer(data_dir) as uri, ArticleStore(uri, "news") as store:
        store.upsert_articles(
            [{"url": "https://radartangsel.test/a/", "site": SITE, "title": "Banjir di Pondok "
              "Aren", "published_at": published, "content_hash": "a"}]
        )  # fmt: skip
    result = run_scrapy("articles", "list", MONGO_EMBEDDED_DIR=str(data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split() == [
        "2024-05-03", "21:05", SITE, "Banjir", "di", "Pondok", "Aren", "https://radartangsel.test/a/"
    ]  # fmt: skip
    assert not (data_dir / "server.json").exists()
    assert not _server_pids(data_dir)


def _server_pids(data_dir: Path) -> list[str]:
    """The secantusd-py processes serving this directory (their command line names it)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            if b"secantusd" in cmdline and str(data_dir).encode() in cmdline:
                pids.append(proc.name)
    return pids


# --- tables (crawler/commands/_inspect.py) ------------------------------------------------------

HEADERS = ["published (WIB)", "site", "title", "url"]
ROW = [
    "2024-06-28 09:00",
    "radartangsel",
    "Pemkot Tangsel Perbaiki Jalan Rusak di Pamulang Jelang Musim Hujan",
    "https://radartangsel.com/2024/06/28/pemkot-tangsel-perbaiki-jalan-rusak-di-pamulang/",
]


def test_a_table_shortens_the_url_before_the_title():
    lines = table(HEADERS, [ROW], width=120, shrink=(3, 2))
    assert all(len(line) <= 120 for line in lines)
    assert ROW[2] in lines[1], "the title stays whole while the URL can give way"
    assert lines[1].endswith("…")


def test_a_table_shortens_the_title_once_the_url_is_as_short_as_it_goes():
    lines = table(HEADERS, [ROW], width=80, shrink=(3, 2))
    assert all(len(line) <= 80 for line in lines)
    title, url = lines[1].split("  ")[2:4]
    assert len(url) == MIN_SHRUNK_WIDTH and title.endswith("…")


def test_a_table_without_a_width_cuts_nothing():
    assert table(HEADERS, [ROW], width=None, shrink=(3, 2))[1].split("  ") == ROW
