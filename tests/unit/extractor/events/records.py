"""What the rule tests read: the records the event extractor makes of one text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from schemas.events import EventMention
from services.extractor.events.assemble import extract_events


@dataclass(frozen=True)
class Reader:
    """Reads texts as published on one day."""

    published: date

    def records(self, text: str, title: str | None = None) -> list[EventMention]:
        return extract_events(text, article_id="a", url="u", published_at=self.published, title=title)

    def events(self, text: str, title: str | None = None) -> list[EventMention]:
        return [m for m in self.records(text, title) if m.record_kind == "event"]


def quantity(event: EventMention, kind: str) -> int | None:
    return next((q.value for q in event.quantities if q.kind == kind), None)


def site_counts(event: EventMention) -> dict[str, int | None]:
    return {s.name: s.count for s in event.sites}


def of_subtype(found: list[EventMention], subtype: str) -> EventMention:
    (event,) = [m for m in found if m.subtype == subtype]
    return event
