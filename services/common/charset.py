"""Turning body bytes into text: BOM, then the declared charset, then detection.

The order follows trafilatura's own (UTF-8 first, then a detector), after the
charset declared in the Content-Type header or a ``<meta>`` tag.
"""

from __future__ import annotations

import codecs
import re
import warnings
from typing import Literal

from charset_normalizer import from_bytes

EncodingSource = Literal["header", "meta", "bom", "utf-8", "detected"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _known(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try(body: bytes, encoding: str) -> str | None:
    """``body`` decoded with ``encoding``, or None when that is not a usable text.

    A page may declare any codec name Python knows, including ones that always fail
    (``undefined``) or that make text UTF-8 cannot carry (``unicode_escape`` turns ``\\ud800``
    into a lone surrogate, which no JSON record can hold): both fall through to the next rule."""
    try:
        with warnings.catch_warnings():  # unicode_escape warns on each invalid escape of a page
            warnings.simplefilter("ignore", DeprecationWarning)
            text = body.decode(encoding)
        text.encode("utf-8")
    except (UnicodeError, LookupError):
        return None
    return text


def decode_body(body: bytes, content_type: str | None) -> tuple[str, str, EncodingSource]:
    """Return ``(text, encoding, where the encoding came from)``."""
    for bom, bom_codec in _BOMS:
        if body.startswith(bom):
            return body.decode(bom_codec, errors="replace"), bom_codec, "bom"
    name: str | None
    header = _HEADER_CHARSET.search(content_type or "")
    if header and (name := _known(header.group(1))) and (text := _try(body, name)) is not None:
        return text, name, "header"
    meta = _META_CHARSET.search(body[:4096])
    if (
        meta
        and (name := _known(meta.group(1).decode("ascii", "ignore")))
        and (text := _try(body, name)) is not None
    ):
        return text, name, "meta"
    if (text := _try(body, "utf-8")) is not None:
        return text, "utf-8", "utf-8"
    best = from_bytes(body[:200_000]).best()
    detected = (best.encoding if best else None) or "utf-8"
    return body.decode(detected, errors="replace"), detected, "detected"
