"""ReplicaServer: the replica site over real HTTP on 127.0.0.1, in a daemon thread.

By default the pages name the server's own address (http://127.0.0.1:PORT). With `public_url`,
they name that address instead, and the server also answers as an HTTP proxy for it: a client
whose `http_proxy` is the server asks for `GET http://radartangsel.replica/... HTTP/1.1`
(absolute form). `make demo` crawls so, and stores the replica under one address whatever the
port (replica/demo.py).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from replica.response import TEXT, Response
from replica.routes import route
from replica.site import ReplicaOptions, ReplicaSite


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # set on the per-server subclass: the site and its router (a path -> its response)
    site: Any
    route: Callable[[Any, str], Response]

    def version_string(self) -> str:
        return "nginx"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._send(self._response(), with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._send(self._response(), with_body=False)

    def _response(self) -> Response:
        if self.path.startswith("/"):
            return self.route(self.site, self.path)
        # Absolute form: asked as a proxy. Only the replica's own address is served; anything
        # else is refused as a proxy that reaches nowhere would (502), never fetched.
        parts = urlsplit(self.path)
        if f"{parts.scheme}://{parts.netloc}" != self.site.base_url:
            message = f"this replica serves {self.site.base_url} only, not {self.path}\n"
            return Response(502, message.encode(), TEXT)
        return self.route(self.site, urlunsplit(("", "", parts.path or "/", parts.query, "")))

    def _send(self, response: Response, *, with_body: bool) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        length = response.declared_length or len(response.body)
        self.send_header("Content-Length", str(length))
        for name, value in response.headers.items():
            self.send_header(name, value)
        if response.declared_length:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if with_body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: a crawl of thousands of pages must not flood stderr."""


class LocalServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 for a crawler to fetch from: a thread per connection, and a
    listen backlog as deep as a crawl's bursts. Scrapy opens up to CONCURRENT_REQUESTS_PER_DOMAIN
    connections at once (a new one per request: http.server speaks HTTP/1.0); past socketserver's
    default backlog of 5, the kernel takes a connection only on a retransmission 1-3 s later,
    and a crawl with a short DOWNLOAD_TIMEOUT counts a page that was never slow as a timeout."""

    daemon_threads = True
    request_queue_size = 128


class _QuietServer(LocalServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # Crawlers drop connections (timeouts, cancelled requests): not worth a traceback.
        # Anything else is a bug in the replica and is reported as usual.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class ReplicaServer:
    """Serves a ReplicaSite on `host`:`port` (0: a free port) until stop(); its pages name
    `public_url` when given (see the module's docstring), else http://`host`:`port`.

    with ReplicaServer(extra_articles=2000) as server:
        crawl(server.url)
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        extra_articles: int = 0,
        options: Any = None,
        public_url: str | None = None,
    ) -> None:
        self._host = host
        self._public_url = public_url
        self._requested_port = port
        self._extra_articles = extra_articles
        self._options = options or ReplicaOptions()
        self._httpd: _QuietServer | None = None
        self._thread: threading.Thread | None = None
        self._site: ReplicaSite | None = None

    def start(self) -> ReplicaServer:
        if self._httpd is not None:
            return self
        httpd = _QuietServer((self._host, self._requested_port), _Handler)
        # Absolute URLs in pages need the real port, known only once the socket is bound.
        port = httpd.server_address[1]
        self._site = self._build_site(self._public_url or f"http://{self._host}:{port}")
        httpd.RequestHandlerClass = type(
            "ReplicaHandler", (_Handler,), {"site": self._site, "route": staticmethod(self.route)}
        )
        self._httpd = httpd
        # A short poll interval lets stop() return at once instead of after half a second.
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"replica-{port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def _build_site(self, base_url: str) -> Any:
        """The site served, its pages naming `base_url`."""
        return ReplicaSite(base_url, extra_articles=self._extra_articles, options=self._options)

    @staticmethod
    def route(site: Any, target: str) -> Response:
        """The site's response to a GET of `target` (path and query)."""
        return route(site, target)

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("ReplicaServer is not started")
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """Where the server listens: http://host:port (see `site.base_url` for the address
        its pages name)."""
        return f"http://{self._host}:{self.port}"

    @property
    def site(self) -> Any:
        if self._site is None:
            raise RuntimeError("ReplicaServer is not started")
        return self._site
