"""The published contracts evolve only backwards-compatibly (new optional fields, wider types)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from schemas.compat import RELEASED_DIR, incompatibilities, load, released_versions
from schemas.export import JSONSCHEMA_DIR


def test_current_contracts_are_compatible_with_every_release_of_this_major_version() -> None:
    current = load(JSONSCHEMA_DIR)
    versions = released_versions()
    assert versions, "no released contracts to compare with"
    major = versions[-1].split(".")[0]
    for version in (v for v in versions if v.split(".")[0] == major):
        for name, old in load(RELEASED_DIR / version).items():
            assert name in current, f"contract {name} of release {version} was removed"
            assert incompatibilities(old, current[name]) == [], f"{name} vs release {version}"


@pytest.fixture
def article() -> dict[str, Any]:
    return load(RELEASED_DIR / released_versions()[-1])["Article"]


def _changed(schema: dict[str, Any], change: Any) -> dict[str, Any]:
    changed = copy.deepcopy(schema)
    change(changed)
    return changed


def test_a_new_optional_field_and_a_wider_type_are_compatible(article: dict[str, Any]) -> None:
    def add_optional(s: dict[str, Any]) -> None:
        s["properties"]["paywalled"] = {"anyOf": [{"type": "boolean"}, {"type": "null"}], "default": None}
        s["properties"]["word_count"] = {"anyOf": [{"type": "integer"}, {"type": "string"}]}

    assert incompatibilities(article, _changed(article, add_optional)) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s["properties"].pop("title"), ".title: removed"),
        (
            lambda s: s["properties"].__setitem__("word_count", {"type": "string"}),
            ".word_count: type changed",
        ),
        (lambda s: s["required"].append("title"), ".title: required now"),
        (
            lambda s: s["properties"].__setitem__("schema_version", {"const": 2, "type": "integer"}),
            "no longer allowed",
        ),
    ],
    ids=["removal", "type change", "newly required", "narrowed literal"],
)
def test_breaking_changes_are_reported(article: dict[str, Any], change: Any, expected: str) -> None:
    problems = incompatibilities(article, _changed(article, change))
    assert any(expected in p for p in problems), problems


def test_a_change_inside_a_nested_definition_is_found() -> None:
    mention = load(RELEASED_DIR / released_versions()[-1])["EventMention"]

    def drop_site_count(s: dict[str, Any]) -> None:
        s["$defs"]["Site"]["properties"].pop("count")

    problems = incompatibilities(mention, _changed(mention, drop_site_count))
    assert any(p.startswith(".sites[].count: removed") for p in problems), problems


def test_the_int64_bound_on_an_integer_is_compatible_but_any_smaller_maximum_is_not(
    article: dict[str, Any],
) -> None:
    # issue 20: counts validated past int64 and then could not be written; the bound closes that,
    # and no record past it was ever written, so adding it breaks no stored data
    def bound(limit: int) -> Any:
        return lambda s: s["properties"]["word_count"].__setitem__("maximum", limit)

    assert incompatibilities(article, _changed(article, bound(2**63 - 1))) == []
    assert any("maximum tightened" in p for p in incompatibilities(article, _changed(article, bound(10**12))))
