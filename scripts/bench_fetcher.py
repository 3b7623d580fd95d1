"""Fetcher benchmark: newswire's page fetcher vs a plain httpx client, against local servers.

    make bench-fetcher            # or: python scripts/bench_fetcher.py [--pages N] [--hosts H]

Politeness is off (no rate limit) so the figures measure the fetcher itself:
bounded decoding, SSRF-guarded connections, charset detection, record building.
Each variant runs in its own process, so CPU time and peak RSS are its own.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import resource
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PAGE = (
    "<html><head><meta charset='utf-8'><title>Page {n}</title></head><body><article>"
    + "".join(
        f"<p>Paragraph {i}: security forces dismantled a cell in the region, officials said.</p>"
        for i in range(300)
    )
    + "</article></body></html>"
)


def serve(host: str) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                body, ctype, enc = b"User-agent: *\nAllow: /\n", "text/plain", None
            else:
                body, ctype, enc = (
                    gzip.compress(PAGE.format(n=self.path).encode(), 5),
                    "text/html; charset=utf-8",
                    "gzip",
                )
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if enc:
                self.send_header("Content-Encoding", enc)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


async def run_variant(variant: str, urls: list[str], concurrency: int) -> None:
    import httpx

    from schemas import DiscoveredUrl, encode
    from services.common.settings import FetcherSettings
    from services.common.urls import canonicalize, host_of
    from services.fetcher.http import HttpFetcher
    from services.fetcher.pages import PageFetcher

    now = __import__("datetime").datetime.now(__import__("datetime").UTC)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    total_bytes = 0
    if variant == "httpx-baseline":
        limit = asyncio.Semaphore(concurrency * len({u.split("/")[2] for u in urls}))  # same in-flight total
        async with httpx.AsyncClient(trust_env=False) as client:

            async def one(url: str) -> int:
                async with limit:
                    response = await client.get(url)
                    return len(response.text)

            total_bytes = sum(await asyncio.gather(*(one(u) for u in urls)))
    else:
        settings = FetcherSettings(
            allow_private_networks=True, host_rate_per_s=0, host_concurrency=concurrency
        )
        http = HttpFetcher(settings)
        pages = PageFetcher(http, settings)
        try:

            async def one(url: str) -> int:
                c = canonicalize(url)
                page = await pages.fetch(
                    DiscoveredUrl(url=url, canonical_url=c, host=host_of(c), discovered_at=now)
                )
                return len(encode(page))

            total_bytes = sum(await asyncio.gather(*(one(u) for u in urls)))
        finally:
            await http.aclose()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "variant": variant,
                "pages": len(urls),
                "wall_s": wall,
                "cpu_s": cpu,
                "rss_mb": rss_mb,
                "bytes": total_bytes,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--hosts", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight per host")
    parser.add_argument("--variant")
    parser.add_argument("--urls-file")
    args = parser.parse_args()
    if args.variant:
        urls = json.loads(Path(args.urls_file).read_text())
        asyncio.run(run_variant(args.variant, urls, args.concurrency))
        return
    servers = [serve(f"127.0.0.{i + 2}") for i in range(args.hosts)]
    urls = [
        f"http://{s.server_address[0]}:{s.server_address[1]}/p/{n}"
        for n in range(args.pages)
        for s in servers
    ]
    urls = urls[: args.pages]
    urls_file = Path("/tmp/newswire-bench-urls.json")  # noqa: S108 - a scratch file for the child processes
    urls_file.write_text(json.dumps(urls))
    rows = []
    for variant in (
        "httpx-baseline",
        "newswire",
        "httpx-baseline",
        "newswire",
    ):  # alternate: the machine is noisy
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--variant",
                variant,
                "--urls-file",
                str(urls_file),
                "--concurrency",
                str(args.concurrency),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    page_kb = len(PAGE) / 1024
    print(
        f"{args.pages} pages of {page_kb:.0f} KiB (gzip) over {args.hosts} loopback hosts, "
        f"{args.concurrency} in flight per host, politeness off"
    )
    print(f"{'variant':<16}{'pages/s':>10}{'CPU ms/page':>14}{'wall s':>9}{'peak RSS MB':>14}")
    for row in rows:
        rate, cpu_ms = row["pages"] / row["wall_s"], 1000 * row["cpu_s"] / row["pages"]
        print(f"{row['variant']:<16}{rate:>10.0f}{cpu_ms:>14.2f}{row['wall_s']:>9.2f}{row['rss_mb']:>14.0f}")
    for s in servers:
        s.shutdown()


if __name__ == "__main__":
    main()
