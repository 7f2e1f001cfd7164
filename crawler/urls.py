"""Canonical article URLs: one article is one URL, whatever variant led to it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import url_query_cleaner

# Query parameters that only say where a reader came from (campaigns, ad clicks, share
# buttons). Seen on Indonesian portals' shared links: utm_*, fbclid, gclid, amp share flags.
TRACKING_PARAMETERS = (
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "ref",
    "amp",
)
_UTM = re.compile(r"^utm_", re.IGNORECASE)


def strip_tracking(url: str) -> str:
    """The URL without tracking parameters and without its fragment."""
    parts = urlsplit(url)
    kept = [
        pair for pair in parts.query.split("&") if pair and not _UTM.match(pair.split("=", 1)[0])
    ]
    query = url_query_cleaner(
        "?" + "&".join(kept), TRACKING_PARAMETERS, remove=True, keep_fragments=False
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query.lstrip("?"), ""))


def host_of(url: str) -> str:
    """The host name of a URL, lower case, without port."""
    return (urlsplit(url).hostname or "").lower()
