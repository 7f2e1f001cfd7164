"""`scrapy store replay | stop`: look after the store outside a crawl.

replay  write the spool (STORE_SPOOL_PATH) into the store now, instead of at the next crawl.
        Exit status 0 when the spool is empty afterwards, 1 when the store is unusable,
        3 when records stay in the spool (refused, meant for another MONGO_DATABASE, or
        another process is replaying it).
stop    stop the embedded server of MONGO_EMBEDDED_DIR if it runs and no crawl uses it
        (one left behind by a killed crawl). Exit status 0 when none runs any more, 75 when
        a crawl still uses it (try again later).
Bad usage exits 2 (crawler/exitcodes.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.utils.log import configure_logging

from crawler.exitcodes import EXIT_LOCKED, EXIT_NOT_STARTED, EXIT_SPOOLED, EXIT_USAGE
from crawler.store import EmbeddedServer, StoreError, open_store
from crawler.store.spool import spool_from

ACTIONS = ("replay", "stop")


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return " | ".join(ACTIONS)

    def short_desc(self) -> str:
        return "Replay the spool into the store, or stop an unused embedded server"

    def long_desc(self) -> str:
        # Scrapy's help formatter joins the lines into one paragraph: each action is a sentence.
        return (
            "replay: write the spool (STORE_SPOOL_PATH) into the store now, instead of at the "
            "next crawl; exit 0 when the spool is empty afterwards, 1 when the store is "
            "unusable, 3 when records stay in the spool. "
            "stop: stop the embedded server of MONGO_EMBEDDED_DIR if no crawl uses it (one left "
            "behind by a killed crawl); exit 0 when none runs any more, 75 when a crawl still "
            "uses it (try again later)."
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        configure_logging(self.settings)
        if len(args) != 1 or args[0] not in ACTIONS:
            self._fail(
                EXIT_USAGE, f"expected one of {', '.join(ACTIONS)}, got {' '.join(args) or 'none'}"
            )
        elif args[0] == "replay":
            self.replay()
        else:
            self.stop()

    def replay(self) -> None:
        assert self.settings is not None
        spool = spool_from(self.settings)
        if not spool.pending():
            print(f"nothing to replay: the spool {spool.path} is empty or absent")
            return
        try:
            with open_store(self.settings) as store:
                store.ensure_indexes()
                result = spool.replay(store, batch_size=self.settings.getint("STORE_BATCH_SIZE"))
        except StoreError as exc:
            self._fail(EXIT_NOT_STARTED, f"the store is unavailable: {exc}")
            return
        if result.busy:
            self._fail(EXIT_SPOOLED, f"another process is replaying {spool.path}; try again later")
            return
        print(f"replayed {spool.path}: {result.summary()}")
        if result.kept:
            self.exitcode = EXIT_SPOOLED

    def stop(self) -> None:
        assert self.settings is not None
        if self.settings.get("MONGO_URI"):
            print("MONGO_URI is set: there is no embedded server to stop")
            return
        data_dir = Path(self.settings.get("MONGO_EMBEDDED_DIR")).resolve()
        stopped = EmbeddedServer(data_dir).stop_unused()
        if stopped is False:
            self._fail(
                EXIT_LOCKED, f"the embedded server of {data_dir} is in use by a crawl: not stopped"
            )
        elif stopped:
            print(f"stopped the embedded server of {data_dir}")
        else:
            print(f"no embedded server runs for {data_dir}")

    def _fail(self, status: int, message: str) -> None:
        print(f"scrapy store: error: {message}", file=sys.stderr)
        self.exitcode = status
