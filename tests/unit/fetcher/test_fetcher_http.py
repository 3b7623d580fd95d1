"""Fetching with limits, on httpx.MockTransport (no sockets)."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st

from schemas import FetchedPage
from services.common.charset import decode_body
from services.common.settings import FetcherSettings
from services.fetcher.body import read_bounded
from services.fetcher.errors import (
    BodyTooLarge,
    ClientStatusError,
    ConnectionFailed,
    FetchTimeout,
    InvalidUrl,
    MalformedResponse,
    ServerError,
    TooManyRedirects,
    UnsupportedContent,
    UnsupportedScheme,
)
from services.fetcher.http import HttpFetcher, check_status, redirect_target
from services.fetcher.pages import PageFetcher
from tests.factories import discovered

MiB = 1024 * 1024


async def _chunks(data: bytes, size: int = 16 * 1024) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


def _read(data: bytes, encoding: str, limit: int, chunk: int = 16 * 1024) -> bytes:
    return asyncio.run(read_bounded(_chunks(data, chunk), encoding, limit))


def test_gzip_bomb_stops_at_the_limit_even_within_one_chunk() -> None:
    bomb = gzip.compress(b"\0" * (50 * MiB))
    assert len(bomb) < 100 * 1024
    with pytest.raises(BodyTooLarge):
        _read(bomb, "gzip", MiB, chunk=len(bomb))  # the whole bomb arrives as one chunk


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_every_member_of_a_multi_member_gzip_body_is_read(chunk: int) -> None:
    # issue 20: the members after the first were dropped
    parts = [b"<html><body>", b"<p>second member</p>" * 50, b"</body></html>"]
    body = b"".join(gzip.compress(part) for part in parts)
    assert _read(body, "gzip", MiB, chunk=chunk) == b"".join(parts)
    assert _read(body + b"\n\x00trailing", "gzip", MiB, chunk=chunk) == b"".join(parts)  # garbage after
    bombs = gzip.compress(b"\0" * MiB) * 3  # each member under the limit, together over it
    with pytest.raises(BodyTooLarge):
        _read(bombs, "gzip", 2 * MiB, chunk=chunk if chunk > 1 else 4096)


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib-wrapped", "raw"])
def test_deflate_both_flavours_decode_and_are_bounded(wbits: int) -> None:
    compressor = zlib.compressobj(wbits=wbits)
    body = compressor.compress(b"<p>hello</p>" * 1000) + compressor.flush()
    assert _read(body, "deflate", MiB) == b"<p>hello</p>" * 1000
    with pytest.raises(BodyTooLarge):
        _read(body, "deflate", 1000)


def test_identity_body_is_bounded_and_exact_limit_passes() -> None:
    assert _read(b"x" * 1000, "", 1000) == b"x" * 1000
    with pytest.raises(BodyTooLarge):
        _read(b"x" * 1001, "identity", 1000)


@pytest.mark.parametrize("encoding", ["compress", "sdch", "gzip, gzip"])
def test_unsupported_encodings_are_refused(encoding: str) -> None:
    with pytest.raises(UnsupportedContent):
        _read(b"abc", encoding, MiB)


def test_corrupt_gzip_is_a_typed_error() -> None:
    with pytest.raises(UnsupportedContent):
        _read(b"\x1f\x8b\x08\x00garbage-garbage", "gzip", MiB)


@pytest.mark.parametrize(
    ("body", "content_type", "expected", "source"),
    [
        ("café".encode("cp1252"), "text/html; charset=windows-1252", ("café", "cp1252"), "header"),
        (
            b'<meta charset="iso-8859-1"><p>caf\xe9</p>',
            "text/html",
            ('<meta charset="iso-8859-1"><p>café</p>', "iso8859-1"),
            "meta",
        ),
        ("\ufeffcafé".encode(), None, ("café", "utf-8-sig"), "bom"),
        ("café".encode(), "text/html", ("café", "utf-8"), "utf-8"),
    ],
)
def test_charset_order_bom_header_meta_utf8(
    body: bytes, content_type: str | None, expected: tuple[str, str], source: str
) -> None:
    text, encoding, found = decode_body(body, content_type)
    assert (text, encoding, found) == (*expected, source)


def test_undeclared_legacy_charset_is_detected_not_replaced() -> None:
    body = (
        "<p>" + "Le président a déclaré à la presse que l'opération était réussie. " * 20 + "</p>"
    ).encode("cp1252")
    text, _, source = decode_body(body, "text/html")
    assert source == "detected"
    assert "président" in text and "\ufffd" not in text


Handler = Callable[[httpx.Request], httpx.Response]


def _pages(http: HttpFetcher, **settings: object) -> PageFetcher:
    """A page fetcher without robots.txt or rate limits: those have tests of their own."""
    return PageFetcher(http, FetcherSettings(respect_robots=False, host_rate_per_s=0, **settings))  # type: ignore[arg-type]


def _fetch_page(handler: Handler, **settings: object) -> FetchedPage:
    async def go() -> FetchedPage:
        fetcher = _fetcher(handler)
        try:
            return await _pages(fetcher, **settings).fetch(discovered())
        finally:
            await fetcher.aclose()

    return asyncio.run(go())


def resp(status: int, content: bytes = b"", headers: dict[str, str] | None = None) -> httpx.Response:
    """A response whose body is still a stream, as from a real server (aiter_raw works on it)."""
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(content))


def _fetcher(handler: Handler, **settings: object) -> HttpFetcher:
    return HttpFetcher(FetcherSettings(**settings), transport=httpx.MockTransport(handler))  # type: ignore[arg-type]


def _get(fetcher: HttpFetcher, url: str, max_bytes: int = MiB) -> object:
    async def go() -> object:
        try:
            return await fetcher.get(url, max_bytes=max_bytes)
        finally:
            await fetcher.aclose()

    return asyncio.run(go())


def test_redirects_are_followed_up_to_the_cap() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        n = int(request.url.path.strip("/") or 0)
        if n < 3:
            return resp(302, headers={"Location": f"/{n + 1}"})
        return resp(200, b"done", {"content-type": "text/html"})

    response = _get(_fetcher(handler, max_redirects=3), "http://127.0.0.1/0")
    assert response.final_url == "http://127.0.0.1/3"  # type: ignore[attr-defined]
    assert response.body == b"done"  # type: ignore[attr-defined]
    with pytest.raises(TooManyRedirects):
        _get(_fetcher(handler, max_redirects=2), "http://127.0.0.1/0")


@pytest.mark.parametrize(
    ("location", "error"),
    [
        ("file:///etc/passwd", UnsupportedScheme),
        ("ftp://127.0.0.1/x", UnsupportedScheme),
        ("javascript:alert(1)", InvalidUrl),
    ],
)
def test_redirect_to_a_non_http_target_is_refused(location: str, error: type[Exception]) -> None:
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return resp(301, headers={"Location": location})

    with pytest.raises(error):
        _get(_fetcher(handler), "http://127.0.0.1/")
    assert requested == ["http://127.0.0.1/"]


def test_declared_content_length_over_the_limit_is_refused_before_reading() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return resp(200, b"x" * 2000, {"content-length": "2000"})

    with pytest.raises(BodyTooLarge):
        _get(_fetcher(handler), "http://127.0.0.1/", max_bytes=1000)


def test_timeouts_become_fetch_timeout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(FetchTimeout):
        _get(_fetcher(handler), "http://127.0.0.1/")


def test_crawler_client_ignores_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://10.0.0.1:3128")
    fetcher = HttpFetcher(FetcherSettings())
    assert fetcher._client._trust_env is False
    asyncio.run(fetcher.aclose())


@pytest.mark.parametrize(
    ("status", "error"),
    [(404, ClientStatusError), (410, ClientStatusError), (429, ServerError), (503, ServerError)],
)
def test_status_errors_are_typed_transient_or_permanent(status: int, error: type[Exception]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return resp(status)

    with pytest.raises(error) as info:
        check_status(_get(_fetcher(handler), "http://127.0.0.1/"))  # type: ignore[arg-type]
    assert info.value.reason == "http_status"  # type: ignore[attr-defined]
    assert info.value.status == status  # type: ignore[attr-defined]


def test_transient_failures_are_retried_a_bounded_number_of_times() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return resp(503)

    with pytest.raises(ServerError):
        _fetch_page(handler, max_retries=2, retry_backoff_s=0)
    assert len(calls) == 3


@pytest.mark.parametrize(
    "message",  # h11's words, as httpx raises them for a real server (checked on a raw socket)
    ["Receive buffer too long", "illegal header line: bytearray(b'Bad Header Line')", "illegal status line"],
)
def test_a_response_that_is_not_http_fails_once_and_is_not_retried(message: str) -> None:
    # issue 20: headers over the client's buffer and malformed header lines were retried as transient
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise httpx.RemoteProtocolError(message, request=request)

    with pytest.raises(MalformedResponse) as info:
        _fetch_page(handler, max_retries=2, retry_backoff_s=0)
    assert len(calls) == 1 and info.value.reason == "malformed_response"


def test_a_connection_closed_before_any_answer_is_retried() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)

    with pytest.raises(ConnectionFailed):
        _fetch_page(handler, max_retries=2, retry_backoff_s=0)
    assert len(calls) == 3


def test_permanent_failures_are_not_retried_and_non_html_is_refused() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return resp(200, b"%PDF-1.4", {"content-type": "application/pdf"})

    with pytest.raises(UnsupportedContent):
        _fetch_page(handler, max_retries=2, retry_backoff_s=0)
    assert len(calls) == 1


def test_fetched_page_records_decoded_html_and_hash_of_the_bytes() -> None:
    import hashlib

    raw = "<html><body><p>Fès café</p></body></html>".encode("cp1252")

    def handler(request: httpx.Request) -> httpx.Response:
        return resp(
            200,
            gzip.compress(raw),
            {"content-type": "text/html; charset=windows-1252", "content-encoding": "gzip", "etag": '"e1"'},
        )

    page = _fetch_page(handler)
    assert page.html == raw.decode("cp1252")
    assert page.html_sha256 == hashlib.sha256(raw).hexdigest()
    assert page.headers["etag"] == '"e1"'
    assert page.encoding_source == "header"


# Generated hostile inputs: whatever a server sends, the result is a usable value or a typed error.
_CODEC_NAMES = ["undefined", "unicode_escape", "raw_unicode_escape", "utf-16", "utf-7", "punycode", "idna"]


@examples(max_examples=200, deadline=None)
@given(body=st.binary(max_size=300), charset=st.sampled_from(_CODEC_NAMES) | st.text(max_size=20))
def test_any_body_under_any_declared_charset_decodes_to_text_a_record_can_carry(
    body: bytes, charset: str
) -> None:
    for content_type, page in (
        (f"text/html; charset={charset}", body),
        (None, b"<meta charset=%b>" % charset.encode("utf-8", "replace") + body),
    ):
        text, encoding, _ = decode_body(page, content_type)
        text.encode("utf-8")  # no lone surrogate: it becomes JSON on a topic
        assert encoding


@examples(max_examples=300, deadline=None)
@given(
    location=st.text(max_size=60) | st.from_regex(r"http://[\[\]a-z0-9:.]{0,12}(/[a-z]*)?", fullmatch=True)
)
def test_any_location_header_is_a_url_or_an_invalid_url_error(location: str) -> None:
    try:
        target = redirect_target("http://127.0.0.1/a", location)
    except InvalidUrl:
        return
    assert isinstance(target, str)
