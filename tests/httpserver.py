"""A real HTTP server for fetcher tests: programmable routes, fault routes, and its own request log.

Bind several on 127.0.0.2, 127.0.0.3, ... to get several "hosts" (Linux routes all
of 127.0.0.0/8 to loopback, no root needed). Tests assert on ``requests``, the
server's own view, not only on what the fetcher reports.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class Hit:
    at: float  # time.monotonic() when the request line was read
    path: str  # with query
    headers: dict[str, str]


class TestServer:
    __test__ = False  # not a pytest class

    def __init__(self, host: str = "127.0.0.2", port: int = 0) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Hit] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with server._lock:
                    server.requests.append(
                        Hit(time.monotonic(), self.path, {k.lower(): v for k, v in self.headers.items()})
                    )
                route = server.routes.get(urlsplit(self.path).path)
                if route is None:
                    send(self, 404, b"not found", {"Content-Type": "text/plain"})
                    return
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    route(self)

            def log_message(self, format: str, *args: Any) -> None:
                return

        family = socket.AF_INET6 if ":" in host else socket.AF_INET

        class Server(ThreadingHTTPServer):
            address_family = family
            daemon_threads = True

        self._server = Server((host, port), Handler)
        self.host = host
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self.requests if path is None or urlsplit(h.path).path == path]

    def start(self) -> TestServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> TestServer:
        return self.start()

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def send(
    handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> None:
    handler.send_response(status)
    headers = dict(headers or {})
    headers.setdefault("Content-Length", str(len(body)))
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.end_headers()
    if body:
        handler.wfile.write(body)


def page(body: bytes | str, status: int = 200, headers: dict[str, str] | None = None, **kw: str) -> Route:
    data = body.encode() if isinstance(body, str) else body
    all_headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}

    def route(h: BaseHTTPRequestHandler) -> None:
        send(h, status, data, all_headers)

    return route


def redirect(location: str, status: int = 302) -> Route:
    return page(b"", status, {"Location": location})


def html_doc(marker: str, words: int = 60) -> str:
    text = " ".join(f"word{i}" for i in range(words))
    return (
        f"<html><head><title>{marker}</title></head>"
        f"<body><article><p>{marker} {text}</p></article></body></html>"
    )
