"""``newswire broker``: the embedded Kafka-compatible broker alone."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("broker", help="run the embedded Kafka-compatible broker (Tansu) on 127.0.0.1")
    parser.add_argument("--port", type=int, default=9092)
    parser.set_defaults(run=run)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # leaves the broker's context, which stops the Tansu child


def run(args: argparse.Namespace) -> int:
    import signal
    import time

    from services.common.broker import EmbeddedBroker

    # SIGTERM (a supervisor, systemd, docker stop) stops the broker child like Ctrl-C does; with
    # Python's default handler the process died at once and left Tansu bound to the port
    signal.signal(signal.SIGTERM, _stop)
    broker = EmbeddedBroker(port=args.port)
    # The interrupt may come while the broker is still starting (its port already answers): the
    # child is stopped then too, not only once the loop below runs
    try:
        broker.start()
        print(
            f"broker listening on {broker.bootstrap} (Tansu, in-memory storage); Ctrl-C to stop", flush=True
        )
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        broker.stop()
    return 0
