"""Shared fixtures: the seed articles' gold annotations and the sample site's articles.

The gold file is vendored in tests/data (from ../shared/gold/seed-events.json; a test checks
the copy while ../shared is there), so the unit tier runs on a bare clone."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_GOLD = REPO / "tests" / "data" / "seed-events.json"


def norm(text: str) -> str:
    """Whitespace-normalised, case-folded text, as the gold file's matching rule says."""
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))
