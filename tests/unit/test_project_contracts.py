"""Contracts of the project itself: import layering, JSON Schema drift, CLI surface, docker-compose."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from schemas.export import JSONSCHEMA_DIR, render_all
from services.cli.main import build_parser
from services.common.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is a test dependency"
    result = subprocess.run([lint_imports], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken" in result.stdout


def test_committed_json_schemas_match_the_models() -> None:
    rendered = render_all()
    committed = {p.name: p.read_text(encoding="utf-8") for p in JSONSCHEMA_DIR.glob("*.json")}
    assert set(committed) == set(rendered), "run `newswire schemas export`"
    for name, text in rendered.items():
        assert committed[name] == text, f"{name} drifted from its model: run `newswire schemas export`"


def test_schemas_export_writes_the_files(tmp_path: Path) -> None:
    from services.cli.main import main

    assert main(["schemas", "export", "--dir", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(render_all())


def test_cli_flags_override_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from services.cli.commands._shared import settings_from

    monkeypatch.setenv("NEWSWIRE_KAFKA__BOOTSTRAP", "kafka:9092")
    monkeypatch.setenv("NEWSWIRE_KAFKA__PARTITIONS", "8")
    args = build_parser().parse_args(
        ["run", "--feed", "http://127.0.0.1/a", "--bootstrap", "127.0.0.1:1", "--out", "/x"]
    )
    settings = settings_from(args)
    assert settings.kafka.bootstrap == "127.0.0.1:1"
    assert settings.kafka.partitions == 8
    assert settings.fetcher.feeds == ["http://127.0.0.1/a"]
    assert settings.sink.out_dir == Path("/x")
    check = build_parser().parse_args(["check", "--out", "/y"])
    assert settings_from(check, out_is_sink_dir=False).sink.out_dir != Path("/y")  # --out is its own


def test_every_command_module_registers_its_commands_and_a_handler() -> None:
    from services.cli.commands import COMMANDS

    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert len(subparsers.choices) == 24
    for name, command in subparsers.choices.items():
        handlers = {command.get_default("run")} | {
            p.get_default("run")
            for a in command._actions
            if isinstance(a, argparse._SubParsersAction)
            for p in a.choices.values()
        }
        assert handlers - {None}, f"{name} has no handler"
    assert len({c.__name__ for c in COMMANDS}) == len(COMMANDS)


def test_cli_choices_come_from_the_registries() -> None:
    from schemas.records import Stage
    from services.common.settings import TABLE_NAMES
    from services.sink.tables import TABLES

    assert set(TABLES) == set(TABLE_NAMES)
    deadletter = build_parser().parse_args(["deadletter", "list", "--stage", "linker"])
    assert deadletter.stage in get_args(Stage)


def _setting_exists(env_name: str) -> bool:
    path = env_name.removeprefix("NEWSWIRE_").lower().split("__")
    model: Any = Settings
    for part in path:
        fields = model.model_fields
        if part not in fields:
            return False
        model = fields[part].annotation
    return True


def test_docker_compose_uses_only_commands_and_variables_the_cli_accepts() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    parser = build_parser()
    ours = {
        name: svc
        for name, svc in compose["services"].items()
        if svc.get("build") or "newswire" in str(svc.get("image", ""))
    }
    assert {"fetcher", "extractor", "sink"} <= set(ours)
    checked_vars = 0
    for name, service in ours.items():
        command = service["command"]
        argv = command if isinstance(command, list) else command.split()
        assert argv[0] == "newswire", f"{name}: {argv}"
        parser.parse_args(argv[1:])  # exits (fails the test) on an unknown command or flag
        env = service.get("environment", {})
        names = env.keys() if isinstance(env, dict) else [e.split("=", 1)[0] for e in env]
        for var in names:
            if var.startswith("NEWSWIRE_"):
                assert _setting_exists(var), f"{name}: {var} is not a setting"
                checked_vars += 1
        assert "healthcheck" in service, f"{name} has no healthcheck"
    assert checked_vars >= 3
    kafka = compose["services"]["kafka"]
    assert "KAFKA_PROCESS_ROLES" in str(kafka["environment"])  # KRaft, no ZooKeeper
    assert any(v.get("profiles") for v in compose["services"].values())  # the three-broker profile
    assert "parquet" in compose["volumes"]


def test_every_kafka_client_is_built_by_the_factories() -> None:
    # The factories in services/common/kafka.py carry the limits every client needs (record size,
    # deadlines, acks=all, no auto-commit); a client built elsewhere silently misses one.
    root = Path(__file__).resolve().parents[2]
    factories = root / "services" / "common" / "kafka.py"
    built_elsewhere = [
        f"{path.relative_to(root)}:{n}"
        for path in [*(root / "services").rglob("*.py"), *(root / "newswire").rglob("*.py")]
        if path != factories
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(f"{cls}(" in line for cls in ("AIOKafkaConsumer", "AIOKafkaProducer", "AIOKafkaAdminClient"))
    ]
    assert built_elsewhere == []
