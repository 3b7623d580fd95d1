"""The chaos report (one JSON line per scenario) as a Markdown table.

``python -m tests.chaos.report chaos-output/report.jsonl``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def table(lines: list[dict[str, object]]) -> str:
    head = (
        "| scenario | faults | inputs | terminal (articles + dead letters) | lost | duplicated | gaps "
        "| commits ahead / samples | recovered in | watchdog restarts |"
    )
    rows = [head, "|" + "---|" * 10]
    for o in lines:
        dup = o["duplicated"]
        assert isinstance(dup, dict)
        faults = o["faults"]
        assert isinstance(faults, list)
        gaps = o["gaps"]
        assert isinstance(gaps, list)
        extra = o.get("extra") or {}
        assert isinstance(extra, dict)
        rows.append(
            f"| {o['scenario']} | {len(faults)}: {'; '.join(map(str, faults))} | {o['inputs']} | "
            f"{o['terminal']} ({o['articles']} + {o['dead_letters']}) | {o['lost']} | "
            f"{sum(int(v) for v in dup.values())} ({', '.join(f'{k} {v}' for k, v in dup.items())}) | "
            f"{len(gaps)} | {o['commits_ahead']} / {o['commit_samples']} | {o['recover_s']} s | "
            f"{', '.join(extra.get('stalled_and_restarted', [])) or 0} |"
        )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "chaos-output/report.jsonl")
    if not path.exists():
        print(f"no chaos report at {path}")
        return 1
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(table(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
