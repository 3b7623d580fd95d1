"""A local news site for the pipeline benchmarks: saved pages served over several loopback hosts.

    python bench/local_site.py FOLDER HOSTS PORT COUNT

``http://127.0.0.{2..HOSTS+1}:PORT/story/N`` answers with ``FOLDER/NNNNN.html`` (the files that
``bench/commands.py`` decompresses; with fewer files than stories, story N is file N mod the number
of files: the same pages under new URLs), ``/sitemap.xml`` lists the host's stories (story N is on
host N mod HOSTS, N < COUNT), ``/robots.txt`` allows everything. One threaded server per host, in
this process, until it is terminated.
"""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def url(host_index: int, port: int, n: int) -> str:
    return f"http://127.0.0.{2 + host_index}:{port}/story/{n}"


def sitemap_url(host_index: int, port: int) -> str:
    return f"http://127.0.0.{2 + host_index}:{port}/sitemap.xml"


def serve(folder: Path, hosts: int, port: int, count: int) -> None:
    files = len(list(folder.glob("*.html")))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                self._send(b"User-agent: *\nAllow: /\n", "text/plain")
                return
            if self.path == "/sitemap.xml":
                host_index = (
                    int(str(self.headers.get("Host", "127.0.0.2")).split(":")[0].rsplit(".", 1)[1]) - 2
                )
                entries = "".join(
                    f"<url><loc>{url(host_index, port, n)}</loc></url>"
                    for n in range(host_index, count, hosts)
                )
                sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
                self._send(sitemap.encode(), "application/xml")
                return
            name = self.path.removeprefix("/story/")
            path = folder / f"{int(name) % max(1, files):05d}.html" if name.isdigit() else None
            if path is None or not path.is_file():
                self.send_error(404)
                return
            self._send(path.read_bytes(), "text/html; charset=utf-8")

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    servers = [ThreadingHTTPServer((f"127.0.0.{2 + i}", port), Handler) for i in range(hosts)]
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    print("ready", flush=True)
    threads[0].join()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
