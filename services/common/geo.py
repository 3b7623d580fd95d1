"""Place-name keys and distances, shared by the extractor's gazetteer and the linker."""

from __future__ import annotations

import math
import re
import unicodedata


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


def fold(name: str) -> str:
    """Lower-case, accent-free, punctuation-free key: "Aït Baha" -> "ait baha"; el-/al- -> "al"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\u2019'`\-_.,()]", " ", text)
    return " ".join("al" if word == "el" else word for word in text.split())
