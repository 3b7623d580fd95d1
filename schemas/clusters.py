"""The ``event-clusters`` contract: one real-world event, as reported by one or more articles.

A cluster is emitted again on every change, with ``version`` incremented; the latest version per
``event_id`` is the current state. Every merged value keeps the mention it came from, so the
cluster can be audited back to the articles' text.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from schemas.events import EventTime, Site, _Part
from schemas.records import Record


class SourcedSite(_Part):
    site: Site
    mention_id: str


class SourcedQuantity(_Part):
    kind: str
    value: int | None = None
    min: int | None = None
    max: int | None = None
    approx: bool = False
    mention_id: str


class SourcedActor(_Part):
    name: str
    country: str | None = None
    sector: str | None = None
    mention_id: str


class Conflict(_Part):
    """Reports that disagree on a field: ``values[i]`` was reported by ``mention_ids[i]``."""

    field: str = Field(description="e.g. quantities.arrested, time")
    values: list[str]
    mention_ids: list[str]


class MergeEvidence(_Part):
    """Why a mention joined the cluster: its scores against the cluster and the rule that merged."""

    mention_id: str
    rule: str = Field(description="time+place, time+2-of(actors,counts,text), or first")
    time: str = Field(description="compatible | unknown | conflict")
    place: float = Field(ge=0, le=1)
    actors: float = Field(ge=0, le=1)
    counts: float = Field(ge=0, le=1)
    text: float = Field(ge=0, le=1)


class EventCluster(Record):
    """One real-world event (topic ``event-clusters``, key: event_id)."""

    event_id: str = Field(description="Stable: derived from the first mention; never split or renamed")
    version: int = Field(ge=1, description="Incremented on every update; the latest version is current")
    family: str = Field(description="Event family used for blocking: arrest, strike, ...")
    subtype: str | None = None
    event_type: str
    mention_ids: list[str]
    article_ids: list[str]
    n_sources: int = Field(ge=1, description="Articles reporting the event")
    n_outlets: int = Field(ge=1, description="Distinct outlets (hosts) among them")
    outlets: list[str] = Field(default_factory=list, description="Their hosts")
    first_reported_at: date | None = None
    last_reported_at: date | None = None
    countries: list[str] = Field(default_factory=list, description="ISO alpha-3 of actors and sites")
    time: EventTime = EventTime()
    time_mention_id: str | None = Field(default=None, description="The mention the time was taken from")
    sites: list[SourcedSite] = Field(default_factory=list)
    quantities: list[SourcedQuantity] = Field(default_factory=list)
    actors: list[SourcedActor] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    merge_evidence: list[MergeEvidence] = Field(default_factory=list)
    summary: str = Field(default="", description="The first mention's evidence (up to 600 characters)")
