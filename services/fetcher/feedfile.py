"""The feeds file: which feeds to poll, re-read while the fetcher runs.

::

    [defaults]                 # optional
    min_interval_s = 120
    max_interval_s = 3600

    [[feed]]
    url = "https://example.com/rss"
    name = "Example"           # optional
    tags = ["morocco", "security"]
    min_interval_s = 60        # optional, overrides the defaults

Feeds and sitemaps are listed the same way: the fetcher tells them apart by content.
"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from services.common.settings import FetcherSettings

log = logging.getLogger(__name__)


class FeedConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    url: str = Field(pattern=r"^https?://")
    name: str | None = None
    tags: tuple[str, ...] = ()
    min_interval_s: float = Field(default=60.0, gt=0)
    max_interval_s: float = Field(default=3600.0, gt=0)

    @model_validator(mode="after")
    def _bounds(self) -> FeedConfig:
        if self.min_interval_s > self.max_interval_s:
            raise ValueError(f"{self.url}: min_interval_s > max_interval_s")
        return self


class FeedsFileError(ValueError):
    """The feeds file cannot be read or is invalid."""


def parse_feeds_file(text: str, settings: FetcherSettings) -> list[FeedConfig]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FeedsFileError(f"invalid TOML: {exc}") from exc
    defaults = {
        "min_interval_s": settings.min_poll_interval_s,
        "max_interval_s": settings.max_poll_interval_s,
    }
    defaults.update(doc.get("defaults", {}))
    feeds: dict[str, FeedConfig] = {}
    try:
        for raw in doc.get("feed", []):
            config = FeedConfig(**{**defaults, **raw})
            feeds.setdefault(config.url, config)
    except (ValidationError, TypeError) as exc:
        raise FeedsFileError(str(exc)) from exc
    return list(feeds.values())


def feeds_from_settings(settings: FetcherSettings) -> list[FeedConfig]:
    return [
        FeedConfig(
            url=url, min_interval_s=settings.min_poll_interval_s, max_interval_s=settings.max_poll_interval_s
        )
        for url in dict.fromkeys(settings.feeds)
    ]


class FeedsSource:
    """The current feed list: settings' feeds plus the file's, reloaded when the file changes.

    A broken file is reported and the previous list kept, so an editing mistake
    never stops the polling of every feed.
    """

    def __init__(self, settings: FetcherSettings) -> None:
        self._settings = settings
        self._path: Path | None = settings.feeds_file
        self._mtime: int | None = None
        self._from_file: list[FeedConfig] = []

    def current(self) -> list[FeedConfig]:
        self._maybe_reload()
        merged = {f.url: f for f in feeds_from_settings(self._settings)}
        merged.update({f.url: f for f in self._from_file})
        return list(merged.values())

    def _maybe_reload(self) -> None:
        if self._path is None:
            return
        try:
            mtime = self._path.stat().st_mtime_ns
        except FileNotFoundError:
            if self._from_file:
                log.warning("feeds file %s removed: polling no feeds from it", self._path)
            self._from_file, self._mtime = [], None
            return
        if mtime == self._mtime:
            return
        self._mtime = mtime
        try:
            feeds = parse_feeds_file(self._path.read_text(encoding="utf-8"), self._settings)
        except (FeedsFileError, OSError) as exc:
            log.error(
                "feeds file %s not reloaded, keeping %d feeds: %s", self._path, len(self._from_file), exc
            )
            return
        added = {f.url for f in feeds} - {f.url for f in self._from_file}
        removed = {f.url for f in self._from_file} - {f.url for f in feeds}
        if added or removed:
            log.info("feeds file reloaded: +%d -%d feeds", len(added), len(removed))
        self._from_file = feeds
