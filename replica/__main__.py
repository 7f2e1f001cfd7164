"""python -m replica --port 8765 [--extra N] [--host 127.0.0.1] [--portal]: serve until Ctrl-C.

--portal serves the news portal that is not WordPress (replica/portal.py) instead of Radar
Tangsel, for `scrapy crawl news`."""

from __future__ import annotations

import argparse
import threading

from replica.portal import PortalOptions, PortalServer
from replica.server import ReplicaServer
from replica.site import ReplicaOptions


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m replica", description="Serve a replica site (Radar Tangsel by default)."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--extra", type=int, default=0, help="generated articles to add")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated articles")
    parser.add_argument(
        "--portal", action="store_true", help="serve the news portal that is not WordPress"
    )
    args = parser.parse_args(argv)
    if args.portal:
        server = PortalServer(
            args.host, args.port, options=PortalOptions(extra_articles=args.extra, seed=args.seed)
        )
        name = "News portal replica"
    else:
        options = ReplicaOptions(seed=args.seed)
        server = ReplicaServer(args.host, args.port, extra_articles=args.extra, options=options)
        name = "Radar Tangsel replica"
    with server:
        print(server.url)
        print(f"{name}: {len(server.site.posts)} articles. Ctrl-C to stop.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print()


if __name__ == "__main__":
    main()
