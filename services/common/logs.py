"""Logging setup: plain lines, or one JSON object per line (setting ``log_format``).

JSON lines carry the standard fields (time, level, logger, message) and every ``extra`` a call
passes, e.g. ``log.info("...", extra={"article_id": ..., "topic": ..., "partition": ..., "offset": ...})``.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else came from ``extra=``.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure_logging(level: str, log_format: str = "text") -> None:
    """Root logging for a newswire process (idempotent: replaces earlier handlers)."""
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._newswire = True  # type: ignore[attr-defined]  # ours: replaced on the next call, others kept
    root = logging.getLogger()
    root.handlers[:] = [h for h in root.handlers if not getattr(h, "_newswire", False)] + [handler]
    root.setLevel(level.upper())
