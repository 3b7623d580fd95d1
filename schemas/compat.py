"""Backward compatibility of the published contracts (JSON Schemas) between two releases.

Within a major version a contract may only gain optional fields or widen a type (a new enum
value, a new alternative in a union); it must not remove or rename a field, change a type, or
make a field required. Records written under the old schema then still validate under the new
one, which is what lets a consumer replay a topic from the beginning.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from schemas.events import INT64_MAX

RELEASED_DIR = Path(__file__).parent / "released"

Schema = dict[str, Any]


def _resolve(node: Schema, root: Schema) -> Schema:
    ref = node.get("$ref")
    if not ref:
        return node
    name = ref.rsplit("/", 1)[-1]
    return root.get("$defs", {})[name]


def _alternatives(node: Schema, root: Schema) -> list[Schema]:
    node = _resolve(node, root)
    if "anyOf" in node:
        return [a for alt in node["anyOf"] for a in _alternatives(alt, root)]
    return [node]


def _signature(node: Schema, root: Schema) -> str:
    """What identifies an alternative's kind: its type, or the object it refers to."""
    if "$ref" in node:
        return "ref:" + node["$ref"].rsplit("/", 1)[-1]
    resolved = _resolve(node, root)
    if "const" in resolved:
        return "type:" + type(resolved["const"]).__name__
    return "type:" + str(resolved.get("type", "any"))


def incompatibilities(old: Schema, new: Schema) -> list[str]:
    """Why records valid under ``old`` could fail under ``new`` ([] when the change is compatible)."""
    problems: list[str] = []
    _compare(old, new, old, new, "", problems, set())
    return problems


def _compare(
    old: Schema,
    new: Schema,
    old_root: Schema,
    new_root: Schema,
    path: str,
    problems: list[str],
    seen: set[str],
) -> None:
    key = f"{path}|{old.get('$ref')}|{new.get('$ref')}"
    if key in seen:
        return
    seen.add(key)
    old_alts = _alternatives(old, old_root)
    new_alts = _alternatives(new, new_root)
    new_by_signature = {_signature(a, new_root): a for a in new_alts}
    for old_alt in old_alts:
        signature = _signature(old_alt, old_root)
        new_alt = new_by_signature.get(signature)
        if new_alt is None:
            problems.append(f"{path or '<root>'}: type changed ({signature} is no longer accepted)")
            continue
        _compare_one(
            _resolve(old_alt, old_root), _resolve(new_alt, new_root), old_root, new_root, path, problems, seen
        )


def _compare_one(
    old: Schema,
    new: Schema,
    old_root: Schema,
    new_root: Schema,
    path: str,
    problems: list[str],
    seen: set[str],
) -> None:
    where = path or "<root>"
    old_values = old.get("enum", [old["const"]] if "const" in old else None)
    if old_values is not None:
        new_values = new.get("enum", [new["const"]] if "const" in new else None)
        if new_values is not None:
            dropped = [v for v in old_values if v not in new_values]
            if dropped:
                problems.append(f"{where}: values {dropped} are no longer allowed")
    for name, old_prop in old.get("properties", {}).items():
        new_prop = new.get("properties", {}).get(name)
        if new_prop is None:
            problems.append(f"{path}.{name}: removed (or renamed)")
            continue
        _compare(old_prop, new_prop, old_root, new_root, f"{path}.{name}", problems, seen)
    added_required = set(new.get("required", [])) - set(old.get("required", []))
    for name in sorted(added_required):
        problems.append(f"{path}.{name}: required now (old records may lack it)")
    if "items" in old and "items" in new:
        _compare(old["items"], new["items"], old_root, new_root, f"{path}[]", problems, seen)
    if isinstance(old.get("additionalProperties"), dict) and isinstance(
        new.get("additionalProperties"), dict
    ):
        _compare(
            old["additionalProperties"],
            new["additionalProperties"],
            old_root,
            new_root,
            f"{path}{{}}",
            problems,
            seen,
        )
    for bound in ("maxLength", "maximum", "maxItems"):
        if bound == "maximum" and new.get(bound) == INT64_MAX and bound not in old:
            continue  # every table stores int64: no record past it was ever written to be refused now
        if bound in new and (bound not in old or new[bound] < old[bound]):
            problems.append(f"{where}: {bound} tightened to {new[bound]}")
    for bound in ("minLength", "minimum", "minItems"):
        if bound in new and (bound not in old or new[bound] > old[bound]):
            problems.append(f"{where}: {bound} tightened to {new[bound]}")
    if "pattern" in new and new.get("pattern") != old.get("pattern"):
        problems.append(f"{where}: pattern changed to {new['pattern']!r}")


def widenings(old: Schema, new: Schema) -> list[str]:
    """The compatible changes from ``old`` to ``new``: values a field now also allows, optional
    fields added. A consumer on the old contract must ignore them; one on the new may use them."""
    found: list[str] = []
    _widen(old, new, old, new, "", found, set())
    return found


def _widen(
    old: Schema, new: Schema, old_root: Schema, new_root: Schema, path: str, found: list[str], seen: set[str]
) -> None:
    key = f"{path}|{old.get('$ref')}|{new.get('$ref')}"
    if key in seen:
        return
    seen.add(key)
    new_by_signature = {_signature(a, new_root): a for a in _alternatives(new, new_root)}
    for old_alt in _alternatives(old, old_root):
        new_alt = new_by_signature.get(_signature(old_alt, old_root))
        if new_alt is None:
            continue
        o, n = _resolve(old_alt, old_root), _resolve(new_alt, new_root)
        old_values = o.get("enum", [o["const"]] if "const" in o else None)
        new_values = n.get("enum", [n["const"]] if "const" in n else None)
        if old_values is not None and new_values is not None:
            added = [v for v in new_values if v not in old_values]
            if added:
                found.append(f"{path or '<root>'}: values {added} added")
        for name, new_prop in n.get("properties", {}).items():
            old_prop = o.get("properties", {}).get(name)
            if old_prop is None:
                found.append(f"{path}.{name}: optional field added")
            else:
                _widen(old_prop, new_prop, old_root, new_root, f"{path}.{name}", found, seen)
        if "items" in o and "items" in n:
            _widen(o["items"], n["items"], old_root, new_root, f"{path}[]", found, seen)


def released_versions() -> list[str]:
    return sorted((p.name for p in RELEASED_DIR.iterdir() if p.is_dir()), key=_version_key)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def load(directory: Path) -> dict[str, Schema]:
    return {p.stem: json.loads(p.read_text()) for p in sorted(directory.glob("*.json"))}
