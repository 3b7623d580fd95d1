"""``docs/configuration.md``, generated from the settings' own ``Field(description=...)``.

One source for the names, defaults, limits and meanings: a drift test fails when the page
and the code disagree (``make docs`` rewrites it).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from services.common.settings import Settings

_LIMITS = {"ge": ">=", "gt": ">", "le": "<=", "lt": "<", "min_length": "at least", "pattern": "matches"}
_HEADER = """# Configuration

Generated from `services/common/settings.py` by `make docs`; do not edit by hand.

Every setting is an environment variable: prefix `NEWSWIRE_`, `__` between section and name
(`NEWSWIRE_SINK__OUT_DIR`). Lists and maps are JSON. Command-line flags override the environment.
Unknown variables under a section are refused at start, so a typo fails loudly.
"""


def _default(field: FieldInfo) -> str:
    extra = field.json_schema_extra
    if isinstance(extra, dict) and "shown_default" in extra:  # a default that depends on the machine
        return str(extra["shown_default"])
    if field.default_factory is not None:
        value: Any = field.default_factory()  # type: ignore[call-arg]
    else:
        value = field.default
    if value is None:
        return "unset"
    if isinstance(value, BaseModel):
        return ""
    return f"`{json.dumps(value, default=str)}`"


def _limits(field: FieldInfo) -> str:
    found = []
    for meta in field.metadata:
        for attr, word in _LIMITS.items():
            bound = getattr(meta, attr, None)
            if bound is not None:
                found.append(f"{word} {bound}")
    return ", ".join(found)


def _row(variable: str, field: FieldInfo) -> str:
    cells = [f"`{variable}`", _default(field), _limits(field), (field.description or "").replace("|", "\\|")]
    return "| " + " | ".join(cells) + " |"


def render_configuration() -> str:
    """The whole page, deterministic."""
    top: list[str] = []
    sections: list[str] = []
    for name, field in Settings.model_fields.items():
        model = field.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):
            rows = [
                _row(f"NEWSWIRE_{name.upper()}__{sub.upper()}", f) for sub, f in model.model_fields.items()
            ]
            sections += [
                f"\n## {name}\n",
                "| variable | default | limits | meaning |",
                "|---|---|---|---|",
                *rows,
            ]
        else:
            top.append(_row(f"NEWSWIRE_{name.upper()}", field))
    head = ["\n## process\n", "| variable | default | limits | meaning |", "|---|---|---|---|", *top]
    return _HEADER + "\n".join(head + sections) + "\n"


if __name__ == "__main__":
    print(render_configuration(), end="")
