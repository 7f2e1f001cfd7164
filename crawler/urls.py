"""Canonical article URLs: one article is one URL, whatever variant led to it.

The rule of `canonical_url(url, base_url)`, applied in this order:

1. a relative URL is read against the site; the fragment is dropped;
2. the site's own hosts become the site's base scheme and host: http or https, with or without
   `www.`, `m.` (mobile) or `amp.` (AMP subdomain), any port. Other hosts are left as they are;
3. AMP variants become the article: a trailing `/amp/` segment (WordPress AMP plugin, legacy
   mode) and a leading `/amp/` segment are removed, and so are `?amp=1` / `?amp`;
4. the URL of a later page of a multi-page article (`/slug/2/`) becomes its first page: a
   last segment of 1 to 3 digits after a segment that is not a number nor `page` (WordPress's
   `<!--nextpage-->` links; date archives such as /2024/06/28/ and listings' /page/2/ keep
   theirs; news sites' numeric post ids are longer than 3 digits);
5. the path ends with a slash unless its last segment names a file (`.html`, `.php`), as
   WordPress permalinks do; repeated slashes are collapsed;
6. tracking parameters (utm_*, fbclid, gclid and the others of TRACKING_PARAMETERS) are
   dropped; the remaining query is sorted and percent-encoding is normalised (w3lib's
   canonicalize_url), so the same parameters in another order are the same URL.

The store keys articles by this URL, and the incremental check looks discovered URLs up by it,
so both must come from this function and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

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
    "_gl",
    "ref",
    "amp",
)
_UTM = re.compile(r"^utm_", re.IGNORECASE)
# Prefixes of one site's host names: the desktop, mobile and AMP editions of the same pages.
SITE_HOST_PREFIXES = ("www.", "m.", "amp.")
_AMP_SEGMENT = "amp"
_PAGE_SUFFIX = re.compile(r"^(?P<article>.*/(?P<before>[^/]+))/\d{1,3}/?$")


def canonical_url(url: str, base_url: str) -> str:
    """The one URL of the article `url` points to, on the site whose address is `base_url`
    (any URL of the site; its scheme and host are the site's). See the module docstring."""
    parts = urlsplit(urljoin(base_url, url.strip()))
    base = urlsplit(base_url)
    scheme, netloc = parts.scheme.lower(), parts.netloc.lower()
    if same_site(parts.hostname or "", base.hostname or ""):
        scheme, netloc = base.scheme.lower(), base.netloc.lower()
    path = _article_path(parts.path)
    return canonicalize_url(urlunsplit((scheme, netloc, path, _without_tracking(parts.query), "")))


def stored_url_candidates(url: str, base_urls: Iterable[str] = ()) -> list[str]:
    """The canonical URLs the article `url` points to can be stored under, most likely first:
    canonical_url on the URL's own scheme and host, on the other scheme and host variants of
    the same site (http/https, www./m./amp.), and on each of `base_urls` (the sites' known
    addresses) that is the same site. For finding an article by any URL a reader has."""
    url = url.strip()
    parts = urlsplit(url if "://" in url else "https://" + url)
    bare = _bare_host(parts.hostname or "")
    port = f":{parts.port}" if parts.port else ""
    guesses = [
        f"{scheme}://{prefix}{bare}{port}/"
        for scheme in (parts.scheme or "https", "https", "http")
        for prefix in ("", *SITE_HOST_PREFIXES)
    ]
    sites = [base for base in base_urls if same_site(host_of(base), bare)]
    bases = [parts.geturl(), *sites, *guesses]
    return list(dict.fromkeys(canonical_url(parts.geturl(), base) for base in bases))


def same_site(host: str, other: str) -> bool:
    """Whether two host names belong to one site: equal but for a www./m./amp. prefix."""
    return bool(host) and _bare_host(host) == _bare_host(other)


def host_of(url: str) -> str:
    """The host name of a URL, lower case, without port."""
    return (urlsplit(url).hostname or "").lower()


def _bare_host(host: str) -> str:
    host = host.lower()
    for prefix in SITE_HOST_PREFIXES:
        if host.startswith(prefix):
            return host.removeprefix(prefix)
    return host


def _without_tracking(query: str) -> str:
    kept = [pair for pair in query.split("&") if pair and not _UTM.match(pair.split("=", 1)[0])]
    return url_query_cleaner("?" + "&".join(kept), TRACKING_PARAMETERS, remove=True).lstrip("?")


def _article_path(path: str) -> str:
    segments = [segment for segment in (path or "/").split("/") if segment]
    if segments and segments[-1] == _AMP_SEGMENT:
        segments.pop()
    if segments and segments[0] == _AMP_SEGMENT:
        segments.pop(0)
    path = "/" + "/".join(segments)
    page = _PAGE_SUFFIX.match(path)
    if page and not page["before"].isdigit() and page["before"] != "page":
        path = page["article"]
    last = path.rsplit("/", 1)[-1]
    return path if path.endswith("/") or "." in last else path + "/"
