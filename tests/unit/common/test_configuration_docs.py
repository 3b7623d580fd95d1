"""docs/configuration.md is generated from the settings and must not drift from them."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from services.common.settings import Settings
from services.common.settings_docs import render_configuration

PAGE = Path(__file__).resolve().parents[3] / "docs" / "configuration.md"


def test_the_configuration_page_is_what_the_settings_generate() -> None:
    assert PAGE.read_text(encoding="utf-8") == render_configuration(), "run `make docs`"


def test_every_setting_is_described_and_listed() -> None:
    page = render_configuration()
    for name, field in Settings.model_fields.items():
        model = field.annotation
        subfields = (
            model.model_fields.items() if isinstance(model, type) and issubclass(model, BaseModel) else []
        )
        for sub, subfield in subfields:
            assert subfield.description, f"{name}.{sub} has no description"
            assert f"`NEWSWIRE_{name.upper()}__{sub.upper()}`" in page
        if not subfields:
            assert field.description, f"{name} has no description"
            assert f"`NEWSWIRE_{name.upper()}`" in page


def test_a_machine_dependent_default_is_shown_as_a_rule_not_a_path() -> None:
    assert str(Path.home()) not in render_configuration()
