"""Near-duplicate detection: SimHash over word shingles, looked up through LSH bands.

Syndicated copies of one wire story differ in their header, footer and a few
words; their 64-bit SimHashes differ in a few bits. Splitting the hash into
``BANDS`` bands finds candidates sharing one band exactly (pigeonhole: within
``BANDS - 1`` differing bits at least one band matches), then the Hamming
distance decides.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, OrderedDict
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 3
BANDS = 4
BAND_BITS = 64 // BANDS
MAX_DISTANCE = 3  # bits


# The byte values with bit ``b`` set, for b = 0..7: the counting below works a byte column at a time.
_BYTES_WITH_BIT = [tuple(value for value in range(256) if value >> bit & 1) for bit in range(8)]


def simhash(text: str) -> int:
    """64-bit SimHash of ``text``'s lower-cased word 3-shingles.

    Bit ``b`` is set when more than half of the shingles' 64-bit hashes have it set (the
    +1 / -1 weights summed per bit, all weights 1). The hashes are counted a byte column at a
    time, which gives the same bits as summing weights per shingle and bit, five times faster:
    this runs once per article, on the stream's hot path.
    """
    words = _WORD.findall(text.lower())
    grams = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    digests = [hashlib.blake2b(gram.encode(), digest_size=8).digest() for gram in grams]
    value = 0
    for column in range(8):  # digest byte 0 holds the most significant bits (big-endian)
        counts = [0] * 256
        for byte, seen in Counter(digest[column] for digest in digests).items():
            counts[byte] = seen
        shift = (7 - column) * 8
        for bit, with_bit in enumerate(_BYTES_WITH_BIT):
            if 2 * sum([counts[byte] for byte in with_bit]) > len(digests):
                value |= 1 << (shift + bit)
    return value


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


@dataclass(frozen=True)
class Match:
    article_id: str
    distance: int


class NearDuplicateIndex:
    """The SimHashes of the last ``capacity`` articles seen by this worker."""

    def __init__(self, capacity: int = 200_000) -> None:
        self._capacity = capacity
        self._hashes: OrderedDict[str, int] = OrderedDict()
        self._bands: dict[tuple[int, int], set[str]] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    @staticmethod
    def _band_keys(value: int) -> list[tuple[int, int]]:
        mask = (1 << BAND_BITS) - 1
        return [(band, value >> (band * BAND_BITS) & mask) for band in range(BANDS)]

    def find(self, value: int, *, exclude: str | None = None) -> Match | None:
        """The closest earlier article within ``MAX_DISTANCE`` bits, if any."""
        best: Match | None = None
        for key in self._band_keys(value):
            for candidate in self._bands.get(key, ()):
                if candidate == exclude:
                    continue
                distance = hamming(value, self._hashes[candidate])
                if distance <= MAX_DISTANCE and (best is None or distance < best.distance):
                    best = Match(candidate, distance)
        return best

    def add(self, article_id: str, value: int) -> None:
        if article_id in self._hashes:
            return
        self._hashes[article_id] = value
        for key in self._band_keys(value):
            self._bands.setdefault(key, set()).add(article_id)
        while len(self._hashes) > self._capacity:
            old_id, old_value = self._hashes.popitem(last=False)
            for key in self._band_keys(old_value):
                self._bands[key].discard(old_id)
