"""Reading a response body with a hard limit on the *decoded* size.

httpx decodes each network chunk without an output limit, so one small
compressed chunk can expand without bound (a decompression bomb; Scrapy learned to apply
its size limit to the decompressed body for the same reason). We read the
raw stream and decompress it ourselves, never asking a decompressor for more
than ``limit - read + 1`` bytes at a time: a bomb trips the limit within one chunk.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Protocol

import brotli

try:  # Python 3.14+
    from compression import zstd  # type: ignore[import-not-found, unused-ignore]
except ImportError:
    from backports import zstd  # type: ignore[no-redef, unused-ignore]

from services.fetcher.errors import BodyTooLarge, UnsupportedContent

SUPPORTED_ENCODINGS = ("gzip", "deflate", "br", "zstd")
ACCEPT_ENCODING = ", ".join(SUPPORTED_ENCODINGS)

# Magic numbers of compressed files: served without Content-Encoding they are
# archives, not pages, and must never be handed on (trafilatura would inflate them unbounded).
_COMPRESSED_MAGIC = (b"\x1f\x8b", b"\x28\xb5\x2f\xfd", b"BZh", b"\xfd7zXZ", b"PK\x03\x04")


class _Decoder(Protocol):
    def decode(self, data: bytes, max_length: int) -> Iterator[bytes]:
        """Yield the output for ``data``, each piece at most ``max_length`` bytes."""
        ...

    def finish(self) -> bytes: ...


class _Identity:
    def decode(self, data: bytes, max_length: int) -> Iterator[bytes]:
        yield data

    def finish(self) -> bytes:
        return b""


class _Zlib:
    """gzip, or deflate (zlib-wrapped per the RFC, but raw from many servers: try both)."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._inner: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None

    def decode(self, data: bytes, max_length: int) -> Iterator[bytes]:
        if self._inner is None:
            self._inner = zlib.decompressobj()
            try:
                first = self._inner.decompress(data, max_length)
            except zlib.error:
                self._inner = zlib.decompressobj(-zlib.MAX_WBITS)
                first = self._inner.decompress(data, max_length)
            yield first
            data = self._inner.unconsumed_tail
        while data:
            yield self._inner.decompress(data, max_length)
            data = self._inner.unconsumed_tail
            if not data and self._gzip and self._inner.eof and self._inner.unused_data:
                # a gzip body may be several members one after the other (RFC 1952 2.2): each is
                # read in turn; bytes after the last member that are no gzip header are ignored
                rest = self._inner.unused_data
                if not rest.startswith(b"\x1f\x8b"):
                    return
                self._inner = zlib.decompressobj(16 + zlib.MAX_WBITS)
                data = rest

    def finish(self) -> bytes:
        return self._inner.flush() if self._inner else b""


class _Brotli:
    def __init__(self) -> None:
        self._inner = brotli.Decompressor()

    def decode(self, data: bytes, max_length: int) -> Iterator[bytes]:
        yield self._inner.process(data, output_buffer_limit=max_length)
        while not self._inner.can_accept_more_data():
            yield self._inner.process(b"", output_buffer_limit=max_length)

    def finish(self) -> bytes:
        return b""


class _Zstd:
    def __init__(self) -> None:
        self._inner = zstd.ZstdDecompressor()

    def decode(self, data: bytes, max_length: int) -> Iterator[bytes]:
        while True:
            yield self._inner.decompress(data, max_length)
            data = b""
            if self._inner.eof:
                rest = self._inner.unused_data
                if not rest:
                    return
                self._inner = zstd.ZstdDecompressor()  # a further frame
                data = rest
            elif self._inner.needs_input:
                return

    def finish(self) -> bytes:
        return b""


def _decoder(content_encoding: str) -> _Decoder:
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return _Identity()
    if len(codings) > 1:
        raise UnsupportedContent(f"stacked content encodings not supported: {content_encoding!r}")
    coding = codings[0]
    if coding in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if coding == "deflate":
        return _Zlib(gzip=False)
    if coding == "br":
        return _Brotli()
    if coding == "zstd":
        return _Zstd()
    raise UnsupportedContent(f"content encoding {coding!r} not supported (we ask for {ACCEPT_ENCODING})")


_DECODE_ERRORS = (zlib.error, brotli.error, zstd.ZstdError, EOFError)


async def read_bounded(
    raw_chunks: AsyncIterator[bytes], content_encoding: str, limit: int, *, truncate: bool = False
) -> bytes:
    """Decode ``raw_chunks``; past ``limit`` decoded bytes raise :class:`BodyTooLarge`
    (or, with ``truncate``, return the first ``limit`` bytes, as robots.txt parsing wants).

    Never holds more than ``limit + 1`` decoded bytes plus one raw chunk.
    """
    decoder = _decoder(content_encoding)
    parts: list[bytes] = []
    total = 0
    try:
        async for chunk in raw_chunks:
            for out in decoder.decode(chunk, limit - total + 1):
                total += len(out)
                parts.append(out)
                if total > limit:
                    if truncate:
                        return b"".join(parts)[:limit]
                    raise BodyTooLarge(f"body exceeds {limit} bytes (decoded)")
        tail = decoder.finish()
    except _DECODE_ERRORS as exc:
        raise UnsupportedContent(f"corrupt {content_encoding} body: {exc}") from exc
    total += len(tail)
    parts.append(tail)
    if total > limit:
        if truncate:
            return b"".join(parts)[:limit]
        raise BodyTooLarge(f"body exceeds {limit} bytes (decoded)")
    return b"".join(parts)


def looks_compressed(body: bytes) -> bool:
    """Whether an undeclared body is a compressed file (gzip, zstd, bzip2, xz, zip)."""
    return body.startswith(_COMPRESSED_MAGIC)
