"""Hostile and broken servers, for real, on loopback: every URL ends in exactly one typed outcome."""

from __future__ import annotations

import gzip
import itertools
import socket
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import brotli
import pytest
from backports import zstd

from schemas import FetchedPage
from services.common.errors import NewswireError
from services.fetcher.errors import (
    BlockedDestination,
    BodyTooLarge,
    ConnectionFailed,
    DnsFailure,
    FetchTimeout,
    InvalidUrl,
    RedirectLoop,
    ServerError,
    TooManyRedirects,
    UnsupportedContent,
    UnsupportedScheme,
)
from tests.httpserver import TestServer, html_doc, page, redirect
from tests.integration.fetcher_helpers import outcome, settings

pytestmark = pytest.mark.integration

MiB = 1024 * 1024
BOMB_SIZE = 256 * MiB  # what each bomb expands to


@pytest.fixture
def server() -> Iterator[TestServer]:
    with TestServer("127.0.0.2") as s:
        yield s


def _stream_compress(compressor: object, total: int) -> bytes:
    """Compress ``total`` zero bytes without ever holding them."""
    chunk = b"\0" * MiB
    out = [compressor.compress(chunk) for _ in range(total // MiB)]  # type: ignore[attr-defined]
    flush = compressor.flush if hasattr(compressor, "flush") else compressor.finish  # type: ignore[attr-defined]
    out.append(flush())
    return b"".join(out)


def make_bombs() -> dict[str, bytes]:
    brotli_bomb = brotli.Compressor(quality=1)
    return {
        "gzip": _stream_compress(zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS), BOMB_SIZE),
        "deflate": _stream_compress(zlib.compressobj(1), BOMB_SIZE),
        "br": b"".join(
            [*(brotli_bomb.process(b"\0" * MiB) for _ in range(BOMB_SIZE // MiB)), brotli_bomb.finish()]
        ),
        "zstd": _stream_compress(zstd.ZstdCompressor(level=1), BOMB_SIZE),
    }


def test_decompression_bombs_and_size_lies_stop_at_the_limit(server: TestServer) -> None:
    bombs = make_bombs()
    for encoding, bomb in bombs.items():
        assert len(bomb) < 2 * MiB  # small on the wire
        server.routes[f"/bomb/{encoding}"] = page(bomb, headers={"Content-Encoding": encoding})

    def endless_chunked(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        chunk = b"<p>" + b"x" * 65_000 + b"</p>"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            h.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")

    def lying_length(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "1000")  # then sends far more and closes
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(b"<p>" + b"y" * (3 * MiB))

    server.routes["/endless"] = endless_chunked
    server.routes["/lying-length"] = lying_length
    server.routes["/raw.gz"] = page(
        gzip.compress(b"<html>" + b"\0" * (8 * MiB)), headers={"Content-Type": "text/html"}
    )
    limit = MiB
    s = settings(max_body_bytes=limit)
    for encoding in bombs:
        result = outcome(s, server.url(f"/bomb/{encoding}"))
        assert isinstance(result, BodyTooLarge), (encoding, result)
    assert isinstance(outcome(s, server.url("/endless")), BodyTooLarge)
    lied = outcome(s, server.url("/lying-length"))
    # h11 reads exactly Content-Length bytes: the page is cut there, never more than the limit.
    assert isinstance(lied, FetchedPage) and lied.body_bytes == 1000
    raw = outcome(s, server.url("/raw.gz"))
    assert isinstance(raw, UnsupportedContent) and "compressed" in str(raw)  # never handed to trafilatura


def test_peak_memory_of_a_fetcher_process_stays_under_budget_with_bombs(server: TestServer) -> None:
    for encoding, bomb in make_bombs().items():
        server.routes[f"/bomb/{encoding}"] = page(bomb, headers={"Content-Encoding": encoding})
    script = f"""
import resource, sys
from tests.integration.fetcher_helpers import outcome, settings
s = settings(max_body_bytes={MiB})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
results = [type(outcome(s, "{server.base}/bomb/" + e)).__name__ for e in ("gzip", "deflate", "br", "zstd")]
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(results, before // 1024, after // 1024)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    names, before_mb, after_mb = (
        result.stdout.rsplit("]", 1)[0] + "]",
        *map(int, result.stdout.rsplit("]", 1)[1].split()),
    )
    assert names == "['BodyTooLarge', 'BodyTooLarge', 'BodyTooLarge', 'BodyTooLarge']"
    # Each bomb expands to 256 MiB; the fetcher may grow by little more than the 1 MiB limit.
    assert after_mb - before_mb < 64, (before_mb, after_mb)


def test_retries_are_bounded_and_retry_after_is_honoured(server: TestServer) -> None:
    server.routes["/503"] = page(b"busy", 503, {"Retry-After": "1"})
    server.routes["/429"] = page(b"slow down", 429)

    def reset_mid_body(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        h.wfile.write(b"<p>partial")
        h.wfile.flush()
        h.close_connection = True
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.shutdown(socket.SHUT_RDWR)  # the peer drops mid-body

    def slowloris(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "1000")
        h.end_headers()
        for _ in range(30):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(1)

    server.routes["/reset"] = reset_mid_body
    server.routes["/slow"] = slowloris
    s = settings(max_retries=2, total_timeout_s=2.5, read_timeout_s=5)

    started = time.monotonic()
    result = outcome(s, server.url("/503"))
    assert isinstance(result, ServerError) and result.status == 503
    hits = server.hits("/503")
    assert len(hits) == 3  # 1 + max_retries
    assert all(b.at - a.at >= 0.95 for a, b in itertools.pairwise(hits))  # Retry-After: 1
    assert time.monotonic() - started >= 2

    assert isinstance(outcome(s, server.url("/429")), ServerError)
    assert len(server.hits("/429")) == 3
    assert isinstance(outcome(s, server.url("/reset")), ConnectionFailed)
    assert len(server.hits("/reset")) == 3
    assert isinstance(
        outcome(settings(max_retries=0, total_timeout_s=2.5, read_timeout_s=5), server.url("/slow")),
        FetchTimeout,
    )
    assert len(server.hits("/slow")) == 1
    dns = outcome(settings(max_retries=1), "http://newswire-test.invalid/a")
    assert isinstance(dns, DnsFailure)


def test_retry_after_longer_than_the_cap_is_capped(server: TestServer) -> None:
    server.routes["/503"] = page(b"busy", 503, {"Retry-After": "3600"})
    started = time.monotonic()
    result = outcome(settings(max_retries=1, retry_after_cap_s=0.5), server.url("/503"))
    assert isinstance(result, ServerError)
    assert len(server.hits("/503")) == 2
    assert time.monotonic() - started < 30  # the hour was capped to half a second


def test_redirect_traps_and_forbidden_targets_get_typed_failures_and_no_request(server: TestServer) -> None:
    with TestServer("::1") as forbidden:
        forbidden.routes["/secret"] = page(html_doc("secret"))
        server.routes["/loop/a"] = redirect("/loop/b")
        server.routes["/loop/b"] = redirect("/loop/a")
        for i in range(10):
            server.routes[f"/chain/{i}"] = redirect(f"/chain/{i + 1}")
        server.routes["/file"] = redirect("file:///etc/passwd")
        server.routes["/metadata"] = redirect("http://169.254.169.254/latest/meta-data/")
        server.routes["/ipv6-loopback"] = redirect(forbidden.url("/secret"))
        server.routes["/mapped"] = redirect(f"http://[::ffff:127.0.0.1]:{server.port}/x")
        # Private networks disallowed, except the test server's own address.
        s = settings(allow_private_networks=False, allowed_networks=["127.0.0.2/32"], max_redirects=5)
        assert isinstance(outcome(s, server.url("/loop/a")), RedirectLoop)
        assert isinstance(outcome(s, server.url("/chain/0")), TooManyRedirects)
        page_hits = [h for h in server.hits() if h.path != "/robots.txt"]
        assert len(page_hits) == 2 + 6  # the loop's two hops, then the chain up to the limit and no further
        assert isinstance(outcome(s, server.url("/file")), UnsupportedScheme)
        assert isinstance(outcome(s, server.url("/metadata")), BlockedDestination)
        assert isinstance(outcome(s, server.url("/ipv6-loopback")), BlockedDestination)
        assert isinstance(outcome(s, server.url("/mapped")), BlockedDestination)
        assert forbidden.hits() == []  # zero requests reached the forbidden target
        blocked_first_hop = outcome(settings(allow_private_networks=False), server.url("/loop/a"))
        assert isinstance(blocked_first_hop, BlockedDestination)


def test_hostile_redirects_and_charsets_are_typed_failures_or_pages_never_escaping_errors(
    server: TestServer,
) -> None:
    # Each of these once raised an error the fetch agent did not catch: the URL was acked and lost.
    for i, location in enumerate(["http://a]b/", "http://[::1/x", "http://h:99999/x"]):
        server.routes[f"/bad-location/{i}"] = redirect(location)
    server.routes["/undefined"] = page(
        html_doc("undefined"), headers={"Content-Type": "text/html; charset=undefined"}
    )
    server.routes["/escape"] = page(
        "<p>\\ud800 escaped</p>" + html_doc("escape"),
        headers={"Content-Type": "text/html; charset=unicode_escape"},
    )
    server.routes["/meta-undefined"] = page('<meta charset="undefined">' + html_doc("meta"))
    s = settings()
    assert isinstance(outcome(s, server.url("/bad-location/0")), InvalidUrl)
    for i in (1, 2):  # refused by httpx or by us: a typed failure of this URL, never retried
        failed = outcome(s, server.url(f"/bad-location/{i}"))
        assert isinstance(failed, NewswireError) and failed.kind == "permanent", failed
        assert len(server.hits(f"/bad-location/{i}")) == 1  # issue 20: a bad Location was retried
    for path, source in (("/undefined", "utf-8"), ("/escape", "utf-8"), ("/meta-undefined", "header")):
        fetched = outcome(s, server.url(path))
        assert isinstance(fetched, FetchedPage), fetched
        assert fetched.encoding_source == source
        fetched.model_dump_json().encode("utf-8")  # a record the broker can carry


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (
            "<p>Fès, café, naïve — 10 €</p>".encode("cp1252"),
            "text/html; charset=windows-1252",
            "Fès, café, naïve — 10 €",
        ),
        (
            "<p>東京で会議が開かれた</p>".encode("shift_jis"),
            "text/html; charset=Shift_JIS",
            "東京で会議が開かれた",
        ),
        (b"\xef\xbb\xbf" + "<p>Tétouan</p>".encode(), "text/html", "Tétouan"),
        # header says latin-1, meta says utf-8: the header wins (HTTP before <meta>)
        ('<meta charset="utf-8"><p>Salé</p>'.encode("latin-1"), "text/html; charset=iso-8859-1", "Salé"),
        (
            ("<p>" + "La police a arrêté à Fès un réseau présumé. " * 10 + "</p>").encode("cp1252"),
            "text/html",
            "arrêté à Fès",
        ),
    ],
    ids=["windows-1252", "shift_jis", "utf8-bom", "header-meta-disagree", "undeclared"],
)
def test_charsets_decode_to_the_expected_text(
    server: TestServer, body: bytes, content_type: str, expected: str
) -> None:
    server.routes["/page"] = page(body, headers={"Content-Type": content_type})
    result = outcome(settings(), server.url("/page"))
    assert isinstance(result, FetchedPage), result
    assert expected in result.html
    assert "\ufffd" not in result.html
