"""What the command modules share: the connection options, datetime parsing, settings from flags."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, get_args

from schemas.records import Stage
from services.common.settings import TABLE_NAMES

if TYPE_CHECKING:
    from services.common.settings import Settings

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


STAGES = get_args(Stage)
__all__ = ["STAGES", "TABLE_NAMES", "aware_datetime", "connection_options", "settings_from"]


def connection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bootstrap", help="Kafka bootstrap HOST:PORT (env NEWSWIRE_KAFKA__BOOTSTRAP)")
    parser.add_argument("--topic-prefix", help="topic name prefix (env NEWSWIRE_KAFKA__TOPIC_PREFIX)")
    parser.add_argument(
        "--log-level", choices=["debug", "info", "warning", "error"], help="env NEWSWIRE_LOG_LEVEL"
    )


def aware_datetime(text: str) -> datetime:
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _overrides(args: argparse.Namespace, *, out_is_sink_dir: bool) -> dict[str, Any]:
    """Nested settings overrides from the flags that were given."""
    out: dict[str, dict[str, Any]] = {"kafka": {}, "fetcher": {}, "sink": {}}
    if getattr(args, "bootstrap", None):
        out["kafka"]["bootstrap"] = args.bootstrap
    if getattr(args, "topic_prefix", None) is not None:
        out["kafka"]["topic_prefix"] = args.topic_prefix
    if getattr(args, "feed", None):
        out["fetcher"]["feeds"] = args.feed
    if out_is_sink_dir and getattr(args, "out", None) is not None:
        out["sink"]["out_dir"] = args.out
    result: dict[str, Any] = {k: v for k, v in out.items() if v}
    if getattr(args, "log_level", None):
        result["log_level"] = args.log_level
    return result


def settings_from(args: argparse.Namespace, *, out_is_sink_dir: bool = True) -> Settings:
    """The environment's settings with the flags on top, and logging configured from them.

    ``out_is_sink_dir``: whether the command's ``--out`` is the sink's output root (for
    ``demo``, ``check`` and ``backfill`` it is a directory of their own)."""
    from services.common.logs import configure_logging
    from services.common.settings import Settings, load_settings

    data = load_settings().model_dump()
    for section, values in _overrides(args, out_is_sink_dir=out_is_sink_dir).items():
        data[section] = {**data[section], **values} if isinstance(values, dict) else values
    settings = Settings.model_validate(data)
    configure_logging(settings.log_level, settings.log_format)
    return settings
