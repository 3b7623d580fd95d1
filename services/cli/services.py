"""Running one service in this process: ``newswire fetcher|extractor|sink`` (the linker's is
``services/linker/worker.py``)."""

from __future__ import annotations

import asyncio
import logging

import faust

from services import extractor, fetcher, sink
from services.common.kafka import ensure_topics
from services.common.logs import configure_logging
from services.common.metrics import ServiceMetrics, serve
from services.common.runtime import run_until_signal
from services.common.settings import Settings
from services.common.topics import TopicNames
from services.sink.storage import Storage, StorageError

log = logging.getLogger(__name__)


def _ensure_topics(settings: Settings) -> None:
    asyncio.run(ensure_topics(settings.kafka, TopicNames.from_settings(settings.kafka).all()))


def run_faust_service(name: str, settings: Settings) -> int:
    """Run the fetcher or the extractor as a faust worker until SIGTERM/SIGINT."""
    _ensure_topics(settings)
    if name == "fetcher":
        from prometheus_client import CollectorRegistry, start_http_server

        from services.fetcher.metrics import FetcherMetrics

        metrics = FetcherMetrics(CollectorRegistry())
        if settings.fetcher.metrics_port is not None:
            start_http_server(settings.fetcher.metrics_port, addr="0.0.0.0", registry=metrics.registry)  # noqa: S104
            log.info("fetcher metrics on :%d/metrics", settings.fetcher.metrics_port)
        app = fetcher.build(settings, metrics=metrics)
    else:
        extractor_metrics = ServiceMetrics("extractor")
        serve(extractor_metrics, settings.extractor.metrics_port)
        app = extractor.build(settings, extractor_metrics)
    worker = faust.Worker(app, loglevel=settings.log_level.upper(), quiet=True)
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def run_sink(settings: Settings, storage: Storage | None = None) -> int:
    """Run the sink until SIGTERM/SIGINT, then flush, commit and exit 0 (``storage``: see
    :func:`services.sink.build`)."""
    configure_logging(settings.log_level, settings.log_format)
    metrics = ServiceMetrics("sink")
    serve(metrics, settings.sink.metrics_port)
    try:
        service = sink.build(settings, metrics, storage)
    except (StorageError, OSError) as exc:  # no such bucket, bad URL, unreachable endpoint
        log.error("sink output unusable: %s", exc)
        return 78  # EX_CONFIG: a restart will not help

    run_until_signal(service)
    log.info("sink stopped: %d rows in %d files this run", service.rows_written, service.files_written)
    return 0
