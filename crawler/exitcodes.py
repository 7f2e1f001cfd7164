"""Every exit status of the project's commands, one meaning each, in one place.

Commands import these names; no other module defines an exit status of its own (a test scans
the package for `EXIT_*` constants). A new status is added here, with its meaning, and placed
in SEVERITY.

    0   EXIT_OK                 done: for `crawl`/`crawlall`, new and changed articles are
                                stored or nothing was new; for the other commands, the work
                                was done (something shown, replayed, re-parsed, stopped)
    1   EXIT_NOT_STARTED        could not start: the store is unusable (a malformed MONGO_URI,
                                rejected credentials, an unreachable server), Redis is
                                unusable in distributed mode, or a Scrapy start failure.
                                `articles` and `runs` also exit 1 when nothing matched
                                (EXIT_NOTHING_MATCHED, as grep does): nothing to show either way
    2   EXIT_USAGE              bad usage: an unknown site or option, an invalid date (Scrapy's
                                own usage errors exit 2 as well)
    3   EXIT_SPOOLED            done, but records wait in the spool (STORE_SPOOL_PATH) for the
                                next crawl or `scrapy store replay`; or, when the disk failed
                                too, articles were neither stored nor spooled (logged CRITICAL)
    4   EXIT_UNREACHABLE        the site was unreachable: no sitemap, feed or listing answered
    5   EXIT_FAILED             the crawl failed: it ended early (time or memory limit, a
                                signal, Redis lost), or found articles and could store none
                                (crawler/outcome.py says exactly when)
    6   EXIT_DEGRADED           done, but the monitors found the run degraded (a field's coverage
                                fell below its threshold or the site's previous runs, too many
                                pages dropped, errors, schema errors: crawler/monitoring/); the
                                summary names the site and what failed
    75  EXIT_LOCKED             not done, try again later (EX_TEMPFAIL in sysexits.h): another
                                run of the site holds its lock, or a crawl still uses the
                                embedded server `scrapy store stop` was asked to stop
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOT_STARTED = 1
EXIT_NOTHING_MATCHED = 1  # `articles`, `runs`: the store holds nothing the user asked for
EXIT_USAGE = 2
EXIT_SPOOLED = 3
EXIT_UNREACHABLE = 4
EXIT_FAILED = 5
EXIT_DEGRADED = 6
EXIT_LOCKED = 75

# The worst first: what a run of several sites (`crawlall`) exits with.
SEVERITY = (
    EXIT_NOT_STARTED,
    EXIT_FAILED,
    EXIT_UNREACHABLE,
    EXIT_DEGRADED,
    EXIT_SPOOLED,
    EXIT_OK,
)


def worst(exit_statuses: list[int]) -> int:
    """The exit status of several crawls: the most severe of theirs."""
    return next((status for status in SEVERITY if status in exit_statuses), max(exit_statuses))
