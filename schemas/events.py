"""The ``events`` contract: one event as reported by one article (an ``EventMention``).

Field names are fixed (downstream consumers and evaluation tools rely on them). Every
``span`` points into the article's clean text: ``text == article.text[start:end]``;
``None`` marks a value that was inferred rather than read (a country from context).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from schemas.records import Record

ONTOLOGY_VERSION = "plover-2023+newswire-ct-1"

RecordKind = Literal["event", "aggregate", "statistic", "background"]
Factuality = Literal["asserted", "reported", "hedged", "negated", "future"]
Subtype = Literal[
    "cell_dismantled",
    "arrest",
    "raid_search",
    "seizure",
    "extradition_deportation",
    "charge_indict",
    "conviction_sentence",
    "plot_foiled",
    "attack",
    "airstrike",
    "abduction",  # PLOVER ASSAULT, mode abduct: people taken by force (hostages, schoolgirls)
    "release",  # PLOVER CONCEDE, mode release: captives or detainees set free
    "cooperation_agreement",
    "other",
]
Country = str  # ISO 3166-1 alpha-3


# Every integer of a record is stored as a Parquet int64: a larger one validated but could not be
# written (the sink dead-lettered it). With this bound, what validates also writes.
INT64_MAX = 2**63 - 1


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Part):
    """Characters ``[start, end)`` of the article's clean text."""

    start: int = Field(ge=0, le=INT64_MAX)
    end: int = Field(ge=0, le=INT64_MAX)
    text: str

    @model_validator(mode="after")
    def _length_matches(self) -> Span:
        if self.end < self.start or len(self.text) != self.end - self.start:
            raise ValueError(
                f"span [{self.start}, {self.end}) does not fit its text of {len(self.text)} chars"
            )
        return self


class Actor(_Part):
    text: str
    name: str = Field(description="Canonical name, e.g. Central Bureau of Judicial Investigations")
    country: Country | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: str | None = Field(default=None, description="PLOVER sector code: COP, SPY, GOV, JUD, MIL, ...")
    span: Span | None = None


class Target(_Part):
    text: str
    kind: Literal["cell", "network", "individual", "group", "unknown"]
    affiliation: str | None = Field(default=None, description="Canonical group, e.g. Islamic State")
    span: Span | None = None
    # Optional, so records written without it still decode.
    role: Literal["group", "detainee", "defendant", "deportee", "victim", "target"] | None = Field(
        default=None,
        description="What the target is to the action: the group behind it (affiliation), or the "
        "people or thing it was done to, as the text names them ('12 people', 'Camp Shorabak')",
    )
    head: Span | None = Field(default=None, description="The head word of the target's phrase")


class Site(_Part):
    text: str
    name: str
    country: Country | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    admin1: str | None = None
    geonameid: int | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    precision: Literal["city", "admin2", "admin1", "country", "region"]
    role: Literal["event_site", "operating_area", "origin", "destination"] = "event_site"
    count: int | None = Field(
        default=None, ge=0, le=INT64_MAX, description="People arrested at this site, when the text says"
    )
    span: Span | None = None
    # Optional, so records written without it still decode.
    resolution: Literal["exact", "alternate", "fuzzy", "contained", "unresolved"] | None = Field(
        default=None,
        description="How the name was resolved: exact or alternate gazetteer name, fuzzy (a misspelling, "
        "lower confidence), contained (an unknown name located by the place around it), unresolved "
        "(an unknown name with only a country)",
    )


class Quantity(_Part):
    kind: Literal["arrested", "cell_members", "cells", "killed", "injured", "other"]
    value: int | None = Field(default=None, ge=0, le=INT64_MAX)
    min: int | None = Field(default=None, ge=0, le=INT64_MAX)
    max: int | None = Field(default=None, ge=0, le=INT64_MAX)
    approx: bool = False
    span: Span | None = None


class EventTime(_Part):
    text: str | None = None
    start: date | None = None
    end: date | None = None
    precision: Literal["day", "week", "month", "part_of_year", "year", "unknown"] = "unknown"
    anchor: Literal["explicit", "publication_date", "previous_event", "none"] = "none"

    @model_validator(mode="after")
    def _ordered(self) -> EventTime:
        if self.start and self.end and self.end < self.start:
            raise ValueError("time end before start")
        return self


class EventMention(Record):
    """One event as reported by one article (topic ``events``, key: article_id)."""

    mention_id: str = Field(description="Deterministic from article_id + evidence offsets + type")
    article_id: str
    url: str
    published_at: date | None = None
    record_kind: RecordKind
    event_type: str = Field(
        description="PLOVER event type: COERCE, ASSAULT, SANCTION, ACCUSE, AGREE, COOPERATE, ..."
    )
    modes: list[str] = Field(default_factory=list)
    contexts: list[str] = Field(default_factory=list)
    subtype: Subtype | None = None
    factuality: Factuality = "asserted"
    joint_operation: bool = False
    actors: list[Actor] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    sites: list[Site] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    time: EventTime = EventTime()
    evidence: list[Span] = Field(min_length=1)
    confidence: float = Field(ge=0, le=1)
    event_id: str | None = Field(default=None, description="Set by event linking")
    extractor_version: str
    ontology_version: str = ONTOLOGY_VERSION

    def spans(self) -> list[Span]:
        """Every span of the record, for the invariant ``text == article.text[start:end]``."""
        parts: list[Actor | Target | Site | Quantity] = [
            *self.actors,
            *self.targets,
            *self.sites,
            *self.quantities,
        ]
        return [*self.evidence, *(p.span for p in parts if p.span is not None)]
