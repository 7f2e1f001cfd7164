"""The directories the crawler writes in (data, locks, spool): made when missing, and, when one
cannot be made, one error that says which directory and why, instead of a traceback from deep
inside a run (issue #16, point 9)."""

from __future__ import annotations

import os
from pathlib import Path


class DirectoryError(OSError):
    """A directory the crawler needs cannot be created or written in."""


def ensure_directory(path: Path, purpose: str) -> None:
    """Create `path` and its parents unless they exist; raise DirectoryError, naming the
    directory, its purpose (e.g. "lock") and the system's reason, when that fails."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        where = (
            f" ({exc.filename})" if exc.filename and os.fspath(exc.filename) != str(path) else ""
        )
        raise DirectoryError(
            f"the {purpose} directory {path} cannot be created: {reason}{where}"
        ) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise DirectoryError(f"the {purpose} directory {path} is not writable")
