"""Shared fixtures: the development set in ../shared and the sample site's articles."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def norm(text: str) -> str:
    """Whitespace-normalised, case-folded text, as the gold file's matching rule says."""
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    path = SHARED / "gold" / "seed-events.json"
    assert path.exists(), f"the development set is expected beside the repo at {path}"
    return json.loads(path.read_text(encoding="utf-8"))
