"""Serving the sample site on a loopback address, in a background thread."""

from __future__ import annotations

import gzip
import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

from services.demo.pages import site_routes


class SampleSite:
    """The sample news site on ``http://host:port`` (port 0 picks a free one).

    Pages carry ETags and honour If-None-Match, and gzip is used when asked for,
    like a real news site; every request is logged in ``requests``.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        site = self
        self.requests: list[tuple[str, str]] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                site.requests.append(("GET", path))
                route = site.routes.get(path)
                if route is None:
                    self.send_error(404)
                    return
                content_type, text = route
                body = text.encode("utf-8")
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                if "gzip" in (self.headers.get("Accept-Encoding") or ""):
                    body = gzip.compress(body)
                    encoding = "gzip"
                else:
                    encoding = None
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                if encoding:
                    self.send_header("Content-Encoding", encoding)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self.host, self.port = str(self._server.server_address[0]), int(self._server.server_address[1])
        self.routes = site_routes(self.base_url)
        self._thread = threading.Thread(target=self._server.serve_forever, name="sample-site", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def feed_urls(self) -> list[str]:
        return [f"{self.base_url}/feed.rss", f"{self.base_url}/feed.atom"]

    def start(self) -> SampleSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> SampleSite:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
