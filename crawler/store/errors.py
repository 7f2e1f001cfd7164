"""The one error the store raises, and the URI masking its messages rely on."""

from __future__ import annotations

import re

# "scheme://user:password@": the password runs to the LAST "@", so that an unescaped "@" or "/"
# in it (a malformed URI, exactly when the message matters) is never half shown.
_CREDENTIALS = re.compile(r"^(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:@/]*):.*@", re.I)


class StoreError(Exception):
    """The store cannot be used: malformed URI, failed auth, unreachable server, failed write.

    `retryable` is True when trying the same operation again later may succeed (network
    failures, timeouts), False when it cannot (a bad URI, a document the server rejects).
    """

    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable


def mask_uri(uri: str) -> str:
    """The URI with its password replaced by "***", fit for logs and error messages."""
    return _CREDENTIALS.sub(r"\g<scheme>\g<user>:***@", uri, count=1)
