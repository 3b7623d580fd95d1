"""``newswire run``: the embedded broker if needed, three supervised services, a live progress view."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

from rich.console import Console
from rich.live import Live

from services.cli.progress import Progress, ProgressProbe, render_all
from services.cli.supervisor import Supervisor, service_child
from services.cli.watchdog import StallGuard, Watchdog, sample
from services.common.broker import EmbeddedBroker
from services.common.kafka import ensure_topics
from services.common.settings import Settings, settings_to_env
from services.common.topics import TopicNames

log = logging.getLogger(__name__)

SERVICES = ("fetcher", "extractor", "linker", "sink")


async def run_pipeline(
    settings: Settings,
    *,
    console: Console,
    until: Callable[[Progress], bool] | None = None,
    timeout_s: float | None = None,
    title: str = "newswire",
) -> tuple[bool, Progress]:
    """Run fetcher, extractor, linker and sink until Ctrl-C/SIGTERM, ``until(progress)``, or the timeout.

    Returns whether ``until`` was met (always False without it) and the last progress.
    Requires ``settings.kafka.bootstrap``; see :func:`with_broker`.
    """
    assert settings.kafka.bootstrap
    topics = TopicNames.from_settings(settings.kafka)
    await ensure_topics(settings.kafka, topics.all())
    log_dir = Path(settings.sink.out_dir) / "logs"
    env = settings_to_env(settings)
    supervisor = Supervisor([service_child(name, env, log_dir) for name in SERVICES])
    guard = StallGuard(
        supervisor, Watchdog(settings.supervisor.stall_after_s), lambda: sample(settings.kafka)
    )
    probe = ProgressProbe(settings.kafka, topics, Path(settings.sink.out_dir))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await probe.start()
    supervisor.start()
    met = False
    progress = Progress()
    deadline = loop.time() + timeout_s if timeout_s else None
    next_watch = loop.time() + settings.supervisor.watch_interval_s
    try:
        with Live(
            render_all(progress, supervisor, title), console=console, refresh_per_second=2, transient=False
        ) as live:
            while not stop.is_set():
                supervisor.check()
                if loop.time() >= next_watch:
                    await guard.tick(loop.time())
                    next_watch = loop.time() + settings.supervisor.watch_interval_s
                progress = await probe.read()
                live.update(render_all(progress, supervisor, title))
                if until is not None and until(progress):
                    met = True
                    break
                if deadline is not None and loop.time() > deadline:
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), 0.5)
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        codes = await asyncio.to_thread(supervisor.stop)
        await probe.stop()
        for child in supervisor.children:
            for event in child.events:
                console.print(f"[yellow]{event}[/yellow]")
        bad = {name: code for name, code in codes.items() if code not in (0, None)}
        if bad:
            console.print(f"[red]services exited with errors: {bad}; logs in {log_dir}[/red]")
    progress = await _final_progress(settings, topics)
    return met, progress


async def _final_progress(settings: Settings, topics: TopicNames) -> Progress:
    assert settings.kafka.bootstrap
    probe = ProgressProbe(settings.kafka, topics, Path(settings.sink.out_dir))
    await probe.start()
    try:
        return await probe.read()
    finally:
        await probe.stop()


@contextlib.contextmanager
def with_broker(settings: Settings, console: Console, log_path: Path) -> Iterator[Settings]:
    """Yield settings with a bootstrap: the configured Kafka, or a fresh embedded broker."""
    if settings.kafka.bootstrap:
        yield settings
        return
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with EmbeddedBroker(log_path=log_path) as broker:
        console.print(f"embedded broker (Tansu, in memory) on [bold]{broker.bootstrap}[/bold]")
        kafka = settings.kafka.model_copy(update={"bootstrap": broker.bootstrap})
        yield settings.model_copy(update={"kafka": kafka})
