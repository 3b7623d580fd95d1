"""A learned second opinion on whether an event record is the article's news.

The rules decide a record's kind from cue lists (a period makes an aggregate, an old date makes
background, ...). On articles nobody tuned on, most of their remaining false events are actions
told as context in words no cue list holds. The gate is a logistic regression over the words of a
record's evidence and a few facts of the record (its subtype, whether it counts anyone and names
places), trained by ``scripts/train_record_gate.py`` on the read labelled sets. It only ever
demotes: an ``event`` it finds unlikely becomes ``background`` (kept, so nothing is lost to a
wrong call), and it never makes an event of anything.

The model is plain data (``data/record_gate.json``: each word's inverse document frequency and
weight, the intercept, the threshold) read here without scikit-learn: the features are computed
exactly as scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)`` computes them,
and the file carries probabilities scikit-learn gave for some of its training texts so a test can
hold this reading to them.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from schemas.events import EventMention

MODEL_PATH = Path(__file__).parent / "data" / "record_gate.json"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


def gate_text(mention: EventMention) -> str:
    """What the gate reads of one record: its evidence, then marker words for its facts.

    Not its date: how old an action must be to be context is the rules' arithmetic (relative to
    the story's latest action, not to the page's date alone), and a date marker learned from the
    labelled sets overruled it ("In June, two men were arrested" beside news of 18 July).
    """
    words = " ".join(span.text for span in mention.evidence)
    markers = (
        f"sub_{mention.subtype}",
        f"nq_{min(len(mention.quantities), 2)}",
        f"ns_{min(len(mention.sites), 2)}",
    )
    return f"{words} {' '.join(markers)}"


def _features(text: str) -> Counter[str]:
    tokens = _TOKEN.findall(text.lower())
    grams = tokens + [f"{a} {b}" for a, b in pairwise(tokens)]
    return Counter(grams)


@dataclass(frozen=True)
class RecordGate:
    """Demotes the event records it finds unlikely (probability below ``threshold``)."""

    weights: dict[str, tuple[float, float]] = field(default_factory=dict)  # term -> (idf, weight)
    intercept: float = 0.0
    threshold: float = 0.0  # 0: never demotes

    @classmethod
    def disabled(cls) -> RecordGate:
        """A gate that keeps every record (the rules alone: training, comparisons)."""
        return cls()

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> RecordGate:
        model = json.loads(path.read_text(encoding="utf-8"))
        weights = {term: (float(idf), float(w)) for term, (idf, w) in model["features"].items()}
        return cls(weights=weights, intercept=float(model["intercept"]), threshold=float(model["threshold"]))

    def probability(self, text: str) -> float:
        """The model's probability that a record read as ``text`` is the article's news."""
        vector = {
            term: (1.0 + math.log(count)) * self.weights[term][0]
            for term, count in _features(text).items()
            if term in self.weights
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        z = self.intercept + sum(v / norm * self.weights[term][1] for term, v in vector.items())
        return 1.0 / (1.0 + math.exp(-z))

    def review(self, mentions: list[EventMention]) -> list[EventMention]:
        """The records, with the events the model doubts made background."""
        if self.threshold <= 0.0:
            return mentions
        return [
            m.model_copy(update={"record_kind": "background"})
            if m.record_kind == "event" and self.probability(gate_text(m)) < self.threshold
            else m
            for m in mentions
        ]


@lru_cache(maxsize=1)
def default_gate() -> RecordGate:
    """The shipped model, read once per process."""
    return RecordGate.load()
