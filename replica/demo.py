"""`make demo`: see the product work without internet access.

Serves the replica of Radar Tangsel on 127.0.0.1, crawls it with the real spider into the
default store (MONGO_URI, or the embedded server under ./data/mongo) exactly as `make crawl`
would crawl the real site, then says what was stored and how to look at it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from scrapy.utils.project import get_project_settings

from crawler.store import open_store
from replica import ReplicaServer

SITE = "radartangsel"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765, help="replica port (0: any free one)")
    parser.add_argument("--extra", type=int, default=0, help="generated articles to add")
    args = parser.parse_args(argv)

    with ReplicaServer(port=args.port, extra_articles=args.extra) as replica:
        print(f"replica of {SITE} serving at {replica.url}")
        crawl = [sys.executable, "-m", "scrapy", "crawl", SITE, "-a", f"base_url={replica.url}"]
        status = subprocess.call(crawl)
    if status != 0:
        print(f"the crawl failed with exit status {status}", file=sys.stderr)
        return status

    with open_store(get_project_settings()) as store:
        stored = store.count({"site": SITE})
        newest = list(store.find({"site": SITE}, sort=[("published_at", -1)], limit=3))
        print(f"\n{stored} {SITE} articles stored in {store.describe()}")
    for doc in newest:
        print(f"  {doc['published_at']:%Y-%m-%d %H:%M} UTC  {doc['title']}")
    print(
        "\nLook at them with:\n"
        f"  .venv/bin/scrapy articles list --site {SITE}\n"
        f"  .venv/bin/scrapy articles show URL\n"
        f"  .venv/bin/scrapy articles stats"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
