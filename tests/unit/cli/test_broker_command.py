"""``newswire broker`` stops its Tansu child even when the interrupt comes while it is starting."""

from __future__ import annotations

import argparse
import signal

import pytest

from services.cli.commands import broker as broker_command
from services.common import broker as broker_module


def test_an_interrupt_during_start_still_stops_the_child_and_exits_cleanly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # found by CI: SIGTERM right after the port answered, before the wait loop, left Tansu running
    events: list[str] = []

    class StartingBroker:
        def __init__(self, **_: object) -> None:
            pass

        def start(self) -> None:
            events.append("started the child")
            raise KeyboardInterrupt  # the SIGTERM handler fires while start() waits for readiness

        def stop(self) -> None:
            events.append("stopped the child")

    monkeypatch.setattr(broker_module, "EmbeddedBroker", StartingBroker)
    monkeypatch.setattr(signal, "signal", lambda *_: None)  # keep pytest's own SIGTERM handling
    assert broker_command.run(argparse.Namespace(port=1)) == 0
    assert events == ["started the child", "stopped the child"]
