"""Every `scrapy` example of README.md's shell blocks, run as written, in the order a new user
meets them, against replicas of the site on 127.0.0.1 and a real store: none may end in a
traceback, a failure or an empty result (an empty `-O items.jsonl` included: after a first
crawl everything is stored, which is why the README's example says `-a full=1`).

What the README leaves to the reader is filled in: the real site's address becomes a replica's,
the "another site" examples (`127.0.0.1:8765`, `www.example.co.id`) get replicas of their own
(new addresses: new articles), URL and FILE get a stored article's URL and a temporary file, and
optional `[...]` parts are left out. Examples that need another machine (a Redis, a remote
MongoDB) or another tool (make, the benchmarks) are not run here."""

from __future__ import annotations

import re
import shlex

import pytest

from replica import ReplicaServer
from tests.crawl import ROOT, run_scrapy

SCRAPY = ".venv/bin/scrapy"
SHELL_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.M | re.S)
OPTIONAL = re.compile(r"\s*\[[^\]]*\]")
# Outside the replicas and this machine's store: not for this test.
ELSEWHERE = ("MONGO_URI=mongodb://10.", "SCRAPY_SETTINGS_MODULE=settings.distributed")


def readme_examples() -> list[str]:
    """The `scrapy` command lines of README.md's ```sh blocks, in order, comments left out."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [
        line.split("  #", 1)[0].strip()
        for block in SHELL_BLOCK.findall(text)
        for line in block.replace("\\\n", " ").splitlines()
    ]
    return [line for line in lines if line.startswith(SCRAPY) and not line.startswith(ELSEWHERE)]


def test_the_readme_has_the_examples_this_test_runs():
    examples = readme_examples()
    assert any(" -O items.jsonl" in line for line in examples)
    assert any(line.startswith(f"{SCRAPY} articles show URL") for line in examples)
    assert len(examples) >= 12, examples


@pytest.mark.slow
def test_every_readme_example_works_as_written(tmp_path, mongo_uri, mongo_db_name):
    with ReplicaServer() as site, ReplicaServer() as own, ReplicaServer() as other:
        addresses = {
            "http://127.0.0.1:8765": own.url,
            "https://www.example.co.id": other.url,
        }
        seed_url = None
        for example in readme_examples():
            line = OPTIONAL.sub("", example).replace(" ...", "")
            for written, served in addresses.items():
                line = line.replace(written, served)
            args = shlex.split(line)[1:]
            if args[:2] == ["crawl", "radartangsel"] and "base_url" not in line:
                args += ["-a", f"base_url={site.url}"]  # "the real site"
            output = None
            if "items.jsonl" in args:
                output = tmp_path / f"items-{len(list(tmp_path.iterdir()))}.jsonl"
                args[args.index("items.jsonl")] = str(output)
            if "FILE" in args:
                output = tmp_path / "export.jsonl"
                args[args.index("FILE")] = str(output)
            if "URL" in args:
                # as a reader pastes it: without the trailing slash
                args[args.index("URL")] = (seed_url or "").rstrip("/")
            result = run_scrapy(*args, MONGO_URI=mongo_uri, MONGO_DATABASE=mongo_db_name)
            log = result.stderr
            assert result.returncode == 0, (example, log[-3000:])
            assert "Traceback" not in log.split("[Spidermon]")[0], (example, log[-3000:])
            if output is not None:
                assert output.stat().st_size > 0, f"{example}: an empty {output.name}"
            elif args[0] in ("articles", "runs", "store"):
                assert result.stdout.strip(), f"{example}: nothing printed"
            if seed_url is None:
                seed_url = first_stored_url(mongo_uri, mongo_db_name)


def first_stored_url(uri: str, database: str) -> str | None:
    from crawler.store import ArticleStore

    with ArticleStore(uri, database) as store:
        found = list(store.find({"site": "radartangsel"}, limit=1, fields=["url"]))
    return found[0]["url"] if found else None
