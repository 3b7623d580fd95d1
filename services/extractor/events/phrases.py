"""Finding any of many fixed phrases in text, fast: a dictionary of token n-grams.

A regex alternation of hundreds of names is tried at every character (Python's ``re`` builds no
trie), which made agency and country look-ups most of the event extractor's time. Here the text
is tokenised once and each token position looks up the n-grams that start there, longest first.
Matching is case-insensitive and treats curly and straight apostrophes alike; a phrase matches
whole tokens only ("IS" never matches inside "ISIS").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Generic, TypeVar

V = TypeVar("V")

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _norm(token: str) -> str:
    return token.lower().replace("\u2019", "'")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    end = len(text) if end is None else end
    if start == 0 and end == len(text):
        return _all_tokens(text)  # the country and actor tables read the same article: tokenise it once
    return [(m.start(), m.end(), _norm(m.group(0))) for m in _TOKEN.finditer(text, start, end)]


@lru_cache(maxsize=4)
def _all_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _norm(m.group(0))) for m in _TOKEN.finditer(text)]


class PhraseTable(Generic[V]):
    def __init__(self, phrases: Iterable[tuple[str, V]]) -> None:
        self._table: dict[tuple[str, ...], V] = {}
        for phrase, value in phrases:
            key = tuple(t for _, _, t in tokens(phrase))
            if key:
                self._table.setdefault(key, value)  # the first value given for a phrase wins
        self._longest = max((len(k) for k in self._table), default=0)
        self._firsts = {k[0] for k in self._table}

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, V]]:
        """Leftmost-longest, non-overlapping matches as ``(start, end, value)``."""
        toks = tokens(text, start, end)
        found: list[tuple[int, int, V]] = []
        i = 0
        while i < len(toks):
            if toks[i][2] in self._firsts:
                for n in range(min(self._longest, len(toks) - i), 0, -1):
                    key = tuple(t for _, _, t in toks[i : i + n])
                    if key in self._table:
                        found.append((toks[i][0], toks[i + n - 1][1], self._table[key]))
                        i += n
                        break
                else:
                    i += 1
            else:
                i += 1
        return found
