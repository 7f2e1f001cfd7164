"""python -m replica --port 8765 [--extra N] [--host 127.0.0.1]: serve until Ctrl-C."""

from __future__ import annotations

import argparse
import threading

from replica.server import ReplicaServer
from replica.site import ReplicaOptions


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m replica", description="Serve the Radar Tangsel replica site."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--extra", type=int, default=0, help="generated articles to add")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated articles")
    args = parser.parse_args(argv)
    options = ReplicaOptions(seed=args.seed)
    with ReplicaServer(args.host, args.port, extra_articles=args.extra, options=options) as server:
        print(server.url)
        print(
            f"Radar Tangsel replica: {len(server.site.posts)} articles. Ctrl-C to stop.", flush=True
        )
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print()


if __name__ == "__main__":
    main()
