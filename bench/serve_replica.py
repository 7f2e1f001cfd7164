"""python -m bench.serve_replica --extra N [--port P]: the replica for crawl benchmarks, in a
process of its own, so rendering pages never competes with the crawl for a GIL.

Unlike `python -m replica`, it leaves the broken pages out of the sitemaps: a benchmark
measures article throughput, not retries and timeouts. The first line printed is the base URL.
"""

from __future__ import annotations

import argparse
import threading

from replica import ReplicaOptions, ReplicaServer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.serve_replica")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--extra", type=int, default=2000, help="generated articles to add")
    args = parser.parse_args(argv)
    options = ReplicaOptions(broken_pages=False)
    with ReplicaServer(port=args.port, extra_articles=args.extra, options=options) as server:
        print(server.url, flush=True)
        threading.Event().wait()  # until the benchmark terminates the process


if __name__ == "__main__":
    main()
