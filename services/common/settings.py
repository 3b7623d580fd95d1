"""Configuration: one :class:`Settings` object, built in the entry point and passed down.

Environment variables use the prefix ``NEWSWIRE_`` and ``__`` between nested
names, e.g. ``NEWSWIRE_KAFKA__BOOTSTRAP=kafka:9092`` or
``NEWSWIRE_SINK__MAX_RECORDS=5000``. Lists are given as JSON
(``NEWSWIRE_FETCHER__FEEDS='["https://example.com/rss"]'``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MiB = 1024 * 1024


# The sink's tables (services/sink/tables.py describes each; a test keeps the two the same).
TableName = Literal["articles", "events", "event_clusters", "deadletter"]
TABLE_NAMES: tuple[TableName, ...] = get_args(TableName)


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KafkaSettings(_Section):
    bootstrap: str | None = Field(
        default=None, description="HOST:PORT[,HOST:PORT]; unset means `run`/`demo` start the embedded broker"
    )
    topic_prefix: str = Field(
        default="newswire.", pattern=r"^[A-Za-z0-9._-]*$", description="Prefix of every topic and group id"
    )
    partitions: int = Field(default=4, ge=1, le=1024, description="Partitions of the topics newswire creates")
    replication_factor: int = Field(default=1, ge=1, description="Replicas of the topics newswire creates")
    # Group timings measured on Tansu: joins take ~3 s instead of ~30 s with these.
    session_timeout_s: float = Field(
        default=6.0, gt=0, description="Consumer group session timeout: a silent member is dropped after it"
    )
    rebalance_timeout_s: float = Field(default=6.0, gt=0, description="Time members get to rejoin a group")
    heartbeat_interval_s: float = Field(default=1.0, gt=0, description="Consumer heartbeat interval")
    # aiokafka's send_and_wait/stop can hang forever with the broker down (aiokafka#1101).
    send_timeout_s: float = Field(
        default=30.0, gt=0, description="Deadline of one produce; past it the service exits unacked"
    )
    stop_timeout_s: float = Field(default=10.0, gt=0, description="Deadline of closing a Kafka client")
    max_request_bytes: int = Field(
        default=16 * MiB, ge=MiB, description="Largest record produced or accepted by decode"
    )
    # Pages are most of the bytes a deployment moves and keeps: zstd stores the benchmark pages in
    # a quarter of the space (75 MB -> 17.5 MB on Tansu) at a lower produce cost than gzip. Off by
    # default until the chaos suite (broker crash on S3 storage) has run with it.
    compression: Literal["none", "gzip", "lz4", "zstd"] = Field(
        default="none", description="Compression of the batches newswire produces (consumers read any)"
    )


class FetcherSettings(_Section):
    feeds: list[str] = Field(default_factory=list, description="Feed or sitemap URLs to poll")
    feeds_file: Path | None = Field(default=None, description="feeds.toml; re-read while running")
    feeds_reload_s: float = Field(default=10.0, gt=0, description="How often the feeds file is checked")
    poll_interval_s: float = Field(default=300.0, gt=0, description="First interval of a feed")
    min_poll_interval_s: float = Field(default=60.0, gt=0, description="Shortest interval of a feed")
    max_poll_interval_s: float = Field(default=3600.0, gt=0, description="Longest interval of a feed")
    batch_size: int = Field(
        default=100, ge=1, description="URLs fetched concurrently (across hosts) per batch"
    )
    host_rate_per_s: float = Field(
        default=1.0, ge=0, description="Requests per second per host; 0 = no limit"
    )
    host_concurrency: int = Field(default=1, ge=1, description="Requests in flight per host")
    max_crawl_delay_s: float = Field(
        default=60.0, ge=0, description="Longest robots.txt Crawl-delay honoured; a longer one is capped"
    )
    respect_robots: bool = Field(default=True, description="Obey robots.txt (RFC 9309)")
    robots_ttl_s: float = Field(default=86_400.0, gt=0, le=86_400.0, description="RFC 9309: at most 24 h")
    robots_error_ttl_s: float = Field(
        default=60.0,
        gt=0,
        description="Retry an unreachable robots.txt after; shorter than url_deadline_s, so a URL waiting "
        "for it is retried in time",
    )
    robots_max_bytes: int = Field(default=512 * 1024, ge=500 * 1024, description="RFC 9309: at least 500 KiB")
    allow_private_networks: bool = Field(
        default=False, description="Fetch private/loopback/link-local addresses (tests and the demo only)"
    )
    allowed_networks: list[str] = Field(default_factory=list, description="CIDRs allowed even if private")
    allowed_content_types: list[str] = Field(
        default=["text/html", "application/xhtml+xml"], description="Media types fetched as pages"
    )
    url_deadline_s: float = Field(default=300.0, gt=0, description="Total time for one URL, retries included")
    retry_after_cap_s: float = Field(default=120.0, ge=0, description="Longest Retry-After honoured")
    metrics_port: int | None = Field(
        default=None, ge=0, le=65535, description="Prometheus endpoint; off if unset"
    )
    connect_timeout_s: float = Field(default=10.0, gt=0, description="TCP/TLS connect timeout")
    read_timeout_s: float = Field(default=20.0, gt=0, description="Longest wait for the next bytes")
    total_timeout_s: float = Field(default=60.0, gt=0, description="Deadline for one URL, redirects included")
    max_body_bytes: int = Field(default=5 * MiB, ge=1024, description="Limit on the decoded body")
    max_feed_bytes: int = Field(default=10 * MiB, ge=1024, description="Limit on a decoded feed")
    feed_parse_timeout_s: float = Field(
        default=30.0, gt=0, description="Longest parse of one feed document (in a thread, off the event loop)"
    )
    max_redirects: int = Field(default=5, ge=0, le=20, description="Redirects followed per URL")
    max_retries: int = Field(default=2, ge=0, le=10, description="Retries of a transient page failure")
    retry_backoff_s: float = Field(default=1.0, ge=0, description="First retry delay; doubles per retry")
    user_agent: str = Field(
        default="newswire/0.1 (+https://github.com/newswire/newswire; news monitoring bot)",
        description="User-Agent of every request (and the robots.txt agent)",
    )

    @model_validator(mode="after")
    def _limits_compose(self) -> FetcherSettings:
        # a URL refused because its host's robots.txt is unreachable waits for the next robots
        # fetch before its retry: that fetch must come within the URL's deadline
        if self.robots_error_ttl_s >= self.url_deadline_s:
            raise ValueError(
                f"robots_error_ttl_s ({self.robots_error_ttl_s:g}) must be shorter than url_deadline_s "
                f"({self.url_deadline_s:g})"
            )
        return self


class ExtractorSettings(_Section):
    workers: int = Field(default=1, ge=1, description="Processes running trafilatura off the event loop")
    timeout_s: float = Field(
        default=30.0, gt=0, description="Hard limit per page; the worker is killed past it"
    )
    max_html_chars: int = Field(
        default=5 * MiB, ge=1024, description="Longer pages are dead-lettered as too_large"
    )
    min_words: int = Field(default=20, ge=0, description="Shorter extractions are dead-lettered as empty")
    near_duplicate_capacity: int = Field(
        default=200_000,
        ge=0,
        description="Recent articles remembered (and reloaded at start) for duplicate_of",
    )
    events: bool = Field(default=True, description="Extract event mentions onto the events topic")
    metrics_port: int | None = Field(
        default=None, ge=0, le=65535, description="Prometheus endpoint; off if unset"
    )


class LinkerSettings(_Section):
    metrics_port: int | None = Field(
        default=None, ge=0, le=65535, description="Prometheus endpoint; off if unset"
    )
    horizon_days: int = Field(
        default=180,
        ge=0,
        description="An event whose latest date is this many days behind the newest report seen leaves "
        "the linker's memory (a later report of it starts a new event); 0 keeps every event",
    )
    state_dir: Path | None = Field(
        default=None,
        description="Keep the linker's state in an SQLite file here (the events' full records out of "
        "memory, and a checkpoint with the event-clusters offsets it reflects, so a restart reads only "
        "the versions written after it); unset: in memory, rebuilt from event-clusters on every start",
    )


class SinkSettings(_Section):
    out_dir: Path = Field(default=Path("newswire-data"), description="Root of the Parquet tables")
    tables: list[TableName] = Field(
        default=["articles", "events", "event_clusters", "deadletter"],
        min_length=1,
        description="Tables this sink writes (one topic each)",
    )
    max_records: int = Field(default=10_000, ge=1, description="Rotate a file after this many records")
    max_bytes: int = Field(default=64 * MiB, ge=1024, description="Rotate after this many buffered bytes")
    max_age_s: float = Field(
        default=60.0, gt=0, description="Rotate when the oldest buffered record is this old"
    )
    # 1 s keeps a quiet feed's rows queryable within about 1.5 s of their fetch (measured by
    # `bench/commands.py latency`: 2 s gave a p50 of 2.5 s); the small files it makes are what
    # `newswire compact` merges.
    idle_flush_s: float = Field(default=1.0, gt=0, description="Flush when nothing arrived for this long")
    write_retries: int = Field(default=5, ge=0, description="Retries of a failed write before the sink exits")
    dedup_capacity: int = Field(
        default=200_000,
        ge=0,
        description="Row identities remembered per partition: a record that arrives again within them "
        "is written once",
    )
    s3_url: str | None = Field(
        default=None, description="s3://bucket/prefix: write the tables there instead of out_dir"
    )
    s3_endpoint: str | None = Field(
        default=None, description="S3-compatible endpoint URL (MinIO, Ceph...); None: AWS"
    )
    s3_region: str = Field(default="us-east-1", description="Region of the S3 bucket")
    metrics_port: int | None = Field(
        default=None, ge=0, le=65535, description="Prometheus endpoint; off if unset"
    )


class UISettings(_Section):
    host: str = Field(
        default="127.0.0.1",
        description="Address `newswire ui` listens on; anything but loopback needs `ui.token`",
    )
    port: int = Field(default=8765, ge=0, le=65535, description="Port of `newswire ui` (0: any free port)")
    token: str | None = Field(
        default=None,
        min_length=16,
        description="Access token (Bearer header, or ?token= once, then a cookie); required off loopback",
    )
    tile_url: str | None = Field(
        default=None,
        description="Raster tile server under the map, e.g. https://tile.example.org/{z}/{x}/{y}.png; "
        "unset: the shipped country outlines only (works offline)",
    )
    refresh_s: float = Field(
        default=2.0, gt=0, description="How often the UI looks for new files in the tables"
    )


class SupervisorSettings(_Section):
    stall_after_s: float = Field(
        default=600.0,
        gt=0,
        description="A service whose input waits while it commits nothing for this long is stalled: "
        "`newswire run` restarts it (longer than `fetcher.url_deadline_s`, one URL's longest handling)",
    )
    watch_interval_s: float = Field(
        default=10.0, gt=0, description="How often `newswire run` samples progress"
    )


class Settings(BaseSettings):
    """All of newswire's settings; CLI flags override the environment."""

    model_config = SettingsConfigDict(
        env_prefix="NEWSWIRE_", env_nested_delimiter="__", frozen=True, extra="forbid"
    )

    kafka: KafkaSettings = KafkaSettings()
    fetcher: FetcherSettings = FetcherSettings()
    extractor: ExtractorSettings = ExtractorSettings()
    linker: LinkerSettings = LinkerSettings()
    sink: SinkSettings = SinkSettings()
    supervisor: SupervisorSettings = SupervisorSettings()
    ui: UISettings = UISettings()
    log_level: Literal["debug", "info", "warning", "error"] = Field(default="info", description="Log level")
    log_format: Literal["text", "json"] = Field(
        default="text", description="Text lines, or one JSON object per line (for log shippers)"
    )
    cache_dir: Path = Field(
        default_factory=lambda: Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newswire",
        description="Where the compact gazetteer is cached (built at install)",
        json_schema_extra={"shown_default": "`$XDG_CACHE_HOME/newswire`, else `~/.cache/newswire`"},
    )

    @model_validator(mode="after")
    def _stall_window_composes(self) -> Settings:
        # a fetcher may rightly commit nothing while one URL runs to its deadline (a slow host, its
        # retries): a stall window shorter than that would restart a working fetcher
        if self.supervisor.stall_after_s <= self.fetcher.url_deadline_s:
            raise ValueError(
                f"supervisor.stall_after_s ({self.supervisor.stall_after_s:g}) must be longer than "
                f"fetcher.url_deadline_s ({self.fetcher.url_deadline_s:g})"
            )
        return self


def load_settings(**overrides: Any) -> Settings:
    """Build settings from the environment, with ``overrides`` (nested dicts) taking precedence."""
    return Settings(**overrides)


def settings_to_env(settings: Settings) -> dict[str, str]:
    """The ``NEWSWIRE_*`` variables that rebuild ``settings`` in a child process."""
    env: dict[str, str] = {}
    for section, values in settings.model_dump(mode="json").items():
        if not isinstance(values, dict):
            env[f"NEWSWIRE_{section.upper()}"] = str(values)
            continue
        for name, value in values.items():
            if value is None:
                continue
            key = f"NEWSWIRE_{section.upper()}__{name.upper()}"
            env[key] = json.dumps(value) if isinstance(value, list | dict) else str(value)
    return env
