"""The CLI as users run it: `newswire run` with its supervisor, `newswire broker`, `newswire check`."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from services.common.broker import free_port
from services.common.kafka import ensure_topics
from services.common.settings import settings_to_env
from services.common.topics import TopicNames
from tests.integration.conftest import wait_until
from tests.oracle import parquet_rows

pytestmark = pytest.mark.integration


def _newswire(*args: str, env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "services", *args],
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **kwargs,
    )


def test_run_supervises_the_pipeline_and_stops_cleanly_on_sigterm(
    make_settings: Any, sample_site: Any, tmp_path: Path
) -> None:
    settings = make_settings(fetcher={"poll_interval_s": 5.0})
    env = settings_to_env(settings)
    out = settings.sink.out_dir
    feeds = [arg for url in sample_site.feed_urls for arg in ("--feed", url)]
    proc = _newswire("run", *feeds, "--out", str(out), env={**env, "COLUMNS": "120"})
    try:
        wait_until(
            lambda: len(parquet_rows(out / "articles")) == 5, timeout_s=90, what="5 rows via `newswire run`"
        )
    finally:
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, output
    assert "services exited with errors" not in output
    assert "articles extracted" in output  # the progress view was drawn
    for name in ("fetcher", "extractor", "sink"):
        assert (out / "logs" / f"{name}.log").exists()
    assert len(parquet_rows(out / "articles")) == 5


def test_broker_command_prints_its_address_and_serves_check(make_settings: Any) -> None:
    port = free_port()
    proc = _newswire("broker", "--port", str(port))
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert f"127.0.0.1:{port}" in line
        settings = make_settings(kafka={"bootstrap": f"127.0.0.1:{port}"})

        def check() -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, "-m", "services", "check", "--bootstrap", f"127.0.0.1:{port}"],
                env={**os.environ, **settings_to_env(settings)},
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )

        before = check()
        assert before.returncode == 1 and "topics missing" in before.stdout  # nothing created yet
        asyncio.run(ensure_topics(settings.kafka, TopicNames.from_settings(settings.kafka).all()))
        after = check()
        assert after.returncode == 0, after.stdout
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=15)
    assert proc.returncode == 0
