"""The article fingerprint: the byte-column count must give the bits of SimHash's definition.

Stored ``articles`` records carry these hashes and a restarted extractor reads them back to
find syndicated copies, so a change of even one bit would hide every copy of an older story.
"""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from services.extractor.neardup import _WORD, SHINGLE, simhash


def simhash_by_definition(text: str) -> int:
    """Per shingle and bit: +1 when the shingle's hash has the bit, -1 when not; keep the positive sums."""
    words = _WORD.findall(text.lower())
    grams = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    weights = [0] * 64
    for gram in grams:
        value = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


@given(
    st.lists(st.sampled_from(["police", "cell", "Tangier", "arrested", "the", "três", "2024"]), max_size=300)
)
def test_the_counted_bits_are_the_definitions_bits(words: list[str]) -> None:
    text = " ".join(words)
    assert simhash(text) == simhash_by_definition(text)


def test_hashes_already_stored_stay_the_same() -> None:
    # values written by the earlier per-bit implementation, as records on the articles topic hold them
    story = (
        "Police in Tangier arrested three suspected members of a cell on Tuesday, the interior ministry said."
    )
    assert simhash(story) == 0x3442338A58C933A7
    assert simhash("") == 0xE4A6A0577479B2B4
    assert simhash("one") == 0x34F2DDAA8B7615C9
