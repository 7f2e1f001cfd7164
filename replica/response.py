"""What a route answers, independent of the HTTP server that sends it."""

from __future__ import annotations

from dataclasses import dataclass, field

HTML = "text/html; charset=UTF-8"
XML = "text/xml; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
TEXT = "text/plain; charset=utf-8"
JSON = "application/json; charset=UTF-8"


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    # Set above len(body) to announce more bytes than are sent, then drop the connection,
    # as a server that dies mid-response does.
    declared_length: int | None = None

    @classmethod
    def html(cls, status: int, markup: str, **headers: str) -> Response:
        return cls(status, markup.encode("utf-8"), HTML, dict(headers))

    @classmethod
    def redirect(cls, location: str, status: int = 301) -> Response:
        return cls(status, b"", HTML, {"Location": location, "X-Redirect-By": "WordPress"})
