"""Reading a response body with a hard limit on the *decoded* size.

httpx decodes gzip/deflate chunks without an output limit, so one small
compressed chunk can expand without bound (reliability notes B7). We read the
raw stream and decompress it ourselves, at most ``limit + 1`` bytes at a time.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

from services.fetcher.errors import BodyTooLarge, UnsupportedContent

SUPPORTED_ENCODINGS = ("gzip", "deflate")
ACCEPT_ENCODING = ", ".join(SUPPORTED_ENCODINGS)


class _Identity:
    def decompress(self, data: bytes, max_length: int) -> bytes:
        return data

    unconsumed_tail = b""

    def flush(self) -> bytes:
        return b""


class _Deflate:
    """``deflate`` is zlib-wrapped by the RFC but raw in many servers: try both."""

    def __init__(self) -> None:
        self._inner: zlib._Decompress | None = None
        self.unconsumed_tail = b""

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._inner is None:
            self._inner = zlib.decompressobj()
            try:
                out = self._inner.decompress(data, max_length)
            except zlib.error:
                self._inner = zlib.decompressobj(-zlib.MAX_WBITS)
                out = self._inner.decompress(data, max_length)
        else:
            out = self._inner.decompress(data, max_length)
        self.unconsumed_tail = self._inner.unconsumed_tail
        return out

    def flush(self) -> bytes:
        return self._inner.flush() if self._inner else b""


def _decoder(content_encoding: str) -> _Identity | _Deflate | zlib._Decompress:
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return _Identity()
    if len(codings) > 1:
        raise UnsupportedContent(f"stacked content encodings not supported: {content_encoding!r}")
    if codings[0] in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if codings[0] == "deflate":
        return _Deflate()
    raise UnsupportedContent(f"content encoding {codings[0]!r} not supported (we ask for {ACCEPT_ENCODING})")


async def read_bounded(raw_chunks: AsyncIterator[bytes], content_encoding: str, limit: int) -> bytes:
    """Decode ``raw_chunks`` and return the body; raise :class:`BodyTooLarge` past ``limit`` bytes.

    Never holds more than ``limit + 1`` decoded bytes plus one compressed chunk.
    """
    decoder = _decoder(content_encoding)
    parts: list[bytes] = []
    total = 0
    try:
        async for chunk in raw_chunks:
            data = chunk
            while data:
                out = decoder.decompress(data, limit - total + 1)
                total += len(out)
                if total > limit:
                    raise BodyTooLarge(f"body exceeds {limit} bytes (decoded)")
                parts.append(out)
                data = decoder.unconsumed_tail
        tail = decoder.flush()
    except zlib.error as exc:
        raise UnsupportedContent(f"corrupt {content_encoding} body: {exc}") from exc
    total += len(tail)
    if total > limit:
        raise BodyTooLarge(f"body exceeds {limit} bytes (decoded)")
    parts.append(tail)
    return b"".join(parts)
