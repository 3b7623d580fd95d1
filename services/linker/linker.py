"""Assigning event mentions to real-world events (clusters), deterministically and explainably.

Rule (event-extraction notes, "Dedup"; thresholds in ``similarity``):

1. Only ``record_kind == "event"`` mentions are linked.
2. **Blocking.** A mention is compared only with clusters of its family (arrest, strike, ...)
   that share a blocking key: each calendar month its time interval touches, or "undated", crossed
   with each country it names. So the state to search stays small.
3. **Merge** with the best candidate when the family matches, time is not in conflict, and
   - time is compatible and places agree (``place >= 0.5``), or
   - time is compatible, one side names no place, and at least two of {actors/affiliation overlap,
     equal counts, text >= 0.3}, or
   - time is unknown on one side and places agree and one more of those signals holds; an undated
     report is taken to be about something in the 30 days before it was published, so it never
     joins an event dated outside that window.
   Both naming places with none in common blocks a merge (same agency, same day, other city: another
   operation). Counts that disagree outright ("10 arrested" vs "14 arrested") block a merge unless
   the places agree; the disagreement is then recorded as a conflict.
4. **Deterministic.** Event ids derive from the first mention's id; candidates are visited in a
   fixed order; the same mentions in the same order give the same ids. A mention joins at most one
   cluster and clusters never merge, so an event id, once given, is never split or retired.
5. **Canonical values.** The most precise non-conflicting time (a day beats a month that contains
   it), the union of sites (a resolved place replaces an unresolved or misspelled one), the first
   value of each count with later disagreements as conflicts, the union of actors and groups.
"""

from __future__ import annotations

import hashlib
import heapq
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from schemas.clusters import Conflict, EventCluster, MergeEvidence, SourcedActor, SourcedQuantity, SourcedSite
from schemas.events import EventMention, EventTime, Quantity, Site
from schemas.ontology import SUBTYPE_RANK, family_of
from services.linker.similarity import (
    Interval,
    PlaceKey,
    content_words,
    cosine,
    counts_conflict,
    counts_far_apart,
    counts_score,
    overlap,
    place_key,
    place_score,
    same_site,
    time_verdict,
)
from services.linker.state import (
    ClusterStore,
    EventProfile,
    RecordStore,
    digest,
    holds,
    interned,
    profile_of,
)

PLACE_AGREES = 0.5
TEXT_AGREES = 0.3
SUMMARY_CHARS = 600
_PRECISION_RANK = {"day": 5, "week": 4, "month": 3, "part_of_year": 2, "year": 1, "unknown": 0}


def countries_of(mention: EventMention) -> set[str]:
    return {a.country for a in mention.actors if a.country} | {s.country for s in mention.sites if s.country}


def months(t: EventTime) -> list[str]:
    if t.start is None:
        return ["undated"]
    end = t.end or t.start
    out: list[str] = []
    year, month = t.start.year, t.start.month
    while (year, month) <= (end.year, end.month) and len(out) < 24:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out if len(out) < 24 else ["long"]


REPORT_WINDOW = timedelta(days=30)
RECENT_PER_COUNTRY = 500  # events per family and country an undated report is compared with


def blocking_keys(family: str, t: EventTime, countries: set[str]) -> list[str]:
    places = sorted(countries) or ["any"]
    return [f"{family}|{c}|{m}" for m in months(t) for c in places]


def index_keys(cluster: EventCluster) -> list[str]:
    """Where a cluster is filed: its months, and its family and countries for undated reports."""
    countries = set(cluster.countries)
    places = sorted(countries) or ["any"]
    return blocking_keys(cluster.family, cluster.time, countries) + [
        f"{cluster.family}|{c}|*" for c in places
    ]


def lookup_keys(family: str, t: EventTime, countries: set[str]) -> list[str]:
    """Where to look for a mention's event: its months and the undated events of its countries,
    or, when the mention itself is undated, every recent event of its countries."""
    undated = blocking_keys(family, EventTime(), countries)
    if t.start is None:
        return undated + [f"{family}|{c}|*" for c in sorted(countries) or ["any"]]
    return blocking_keys(family, t, countries) + undated


def _counts(quantities: Iterator[tuple[str, int | None]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for kind, value in quantities:
        if value is not None and kind != "other":
            out.setdefault(kind, value)
    return out


@dataclass(frozen=True)
class Assignment:
    """What linking one mention did: the cluster's new version, and whether it was created."""

    cluster: EventCluster
    created: bool


# A report dated later than this past today is taken as dated today for the linker's clock, so one
# record with a wrong year cannot age every event out of memory.
CLOCK_SLACK = timedelta(days=1)
FORGET_EVERY = 1000  # mentions between two passes that let old events go (a bound on the overshoot)


def latest_date(cluster: EventCluster) -> date | None:
    """The last day an event is known to concern: its time's end, or its latest report."""
    days = [d for d in (cluster.time.end or cluster.time.start, cluster.last_reported_at) if d]
    return max(days) if days else None


class Linker:
    """The events seen, searched through the blocking index.

    Each event is held as a profile (what the rules compare, see ``state``) and its full record,
    compressed; a record is decoded only when a mention joins its event, so memory per event is
    a fraction of the model's.

    ``horizon_days``: an event whose latest date is that far behind the newest report seen (the
    stream's clock, not the wall clock: a backfill of old news ages events as the live stream
    did) leaves memory, and a later report of it starts a new event. Memory and the state
    rebuilt on start stay bounded by the events of the horizon, not by the whole history.
    Old events are let go in passes, every ``forget_every`` mentions, and never one that a
    mention joined or started since the last pass: reports arriving out of date order (an
    archive read newest first) still meet their events. ``None`` keeps every event (the offline
    commands: one folder, one evaluation).

    ``records``: where the full records are kept (default: in memory, compressed; a
    ``SpilledClusterStore`` keeps them in a file, for states of a million events).
    """

    def __init__(
        self,
        *,
        horizon_days: int | None = None,
        forget_every: int = FORGET_EVERY,
        records: RecordStore | None = None,
    ) -> None:
        # the state: profiles and records by event id, and the blocking index (key -> event ids,
        # oldest first; a dict as an ordered set: a block of a busy month holds hundreds of
        # events, and a list's membership test and removal read all of them)
        self._profiles: dict[str, EventProfile] = {}
        self._records: RecordStore = records if records is not None else ClusterStore()
        self._blocks: dict[str, dict[str, None]] = {}
        self._horizon = timedelta(days=horizon_days) if horizon_days else None
        self._forget_every = forget_every
        self._clock: date | None = None
        self._ages: list[tuple[date, str]] = []  # min-heap of (latest date, event id); stale entries skipped
        self._linked = 0  # mentions linked so far
        self._touched: dict[str, int] = {}  # event id -> the count of mentions linked when it last changed

    def __len__(self) -> int:
        return len(self._profiles)

    @property
    def blocking_entries(self) -> int:
        """(key, event) entries of the blocking index: at most the events in memory times the
        keys each was filed under, so it shrinks as they are let go."""
        return sum(len(ids) for ids in self._blocks.values())

    def clusters(self) -> Iterator[EventCluster]:
        """The latest version of every event in memory (decoded one at a time)."""
        return iter(self._records)

    def restore(self, cluster: EventCluster) -> None:
        """Put back a cluster read from ``event-clusters`` (its latest version); call
        ``forget_old`` once all are back."""
        self._file(cluster, self._profiles.get(cluster.event_id))

    def adopt(self, profile: EventProfile) -> None:
        """Put back an event from a checkpoint (``state_file``): its profile, filed under every key
        it was filed under; its record is already in the record store. Call ``forget_old`` once
        all are back."""
        self._add_to_blocks(profile.event_id, profile.keys)
        self._hold(profile)

    def profile(self, event_id: str) -> EventProfile:
        return self._profiles[event_id]

    def _file(self, cluster: EventCluster, previous: EventProfile | None) -> None:
        """Store the cluster and file it under its blocking keys (recent ones only for undated
        look-ups). ``previous``: the profile of the version it replaces."""
        keys = index_keys(cluster)
        self._add_to_blocks(cluster.event_id, keys)
        # the summary is the first mention's evidence and never changes: its words are read once
        words = previous.words if previous else interned(content_words(cluster.summary))
        profile = profile_of(
            cluster,
            keys=[*(previous.keys if previous else ()), *keys],
            words=words,
            counts=_counts((q.kind, q.value) for q in cluster.quantities),
            latest=latest_date(cluster),
        )
        self._records.put(cluster)
        self._hold(profile)

    def _add_to_blocks(self, event_id: str, keys: Iterable[str]) -> None:
        for key in keys:
            ids = self._blocks.get(key)
            if ids is None:
                self._blocks[sys.intern(key)] = {event_id: None}
            elif event_id not in ids:
                if key.endswith("|*"):
                    while len(ids) >= RECENT_PER_COUNTRY:
                        del ids[next(iter(ids))]  # the oldest
                ids[event_id] = None

    def _hold(self, profile: EventProfile) -> None:
        """Keep the profile, and move the stream's clock (with a horizon)."""
        self._profiles[profile.event_id] = profile
        if self._horizon is None:
            return
        if profile.latest is not None:
            heapq.heappush(self._ages, (profile.latest, profile.event_id))
        if profile.last_reported_at is not None:
            reported = min(profile.last_reported_at, date.today() + CLOCK_SLACK)
            self._clock = reported if self._clock is None else max(self._clock, reported)

    def forget_old(self) -> int:
        """Let go of the events past the horizon that no mention touched since the last pass;
        returns how many."""
        if self._horizon is None or self._clock is None or self._clock - date.min <= self._horizon:
            return 0  # no horizon, nothing dated yet, or a clock too near year 1 to subtract from
        cutoff, recent = self._clock - self._horizon, self._linked - self._forget_every
        kept: list[tuple[date, str]] = []
        forgotten = 0
        while self._ages and self._ages[0][0] < cutoff:
            latest, event_id = heapq.heappop(self._ages)
            profile = self._profiles.get(event_id)
            if profile is None or profile.latest != latest:
                continue  # an entry of an earlier version, or of an event already forgotten
            touched = self._touched.get(event_id)  # restored events were touched by no mention here
            if touched is not None and touched > recent:
                kept.append((latest, event_id))
                continue
            self._forget(profile)
            forgotten += 1
        for entry in kept:
            heapq.heappush(self._ages, entry)
        return forgotten

    def _forget(self, profile: EventProfile) -> None:
        event_id = profile.event_id
        del self._profiles[event_id]
        self._records.discard(event_id)
        self._touched.pop(event_id, None)
        for key in profile.keys:
            ids = self._blocks.get(key)
            if ids is not None and event_id in ids:
                del ids[event_id]
                if not ids:
                    del self._blocks[key]

    def link(self, mention: EventMention, outlet: str) -> Assignment | None:
        """Assign ``mention`` (from an article of ``outlet``) to an event; None for non-events."""
        if mention.record_kind != "event":
            return None
        family = family_of(mention)
        countries = countries_of(mention)
        candidates = self._candidates(family, mention.time, countries)
        seen = _Mention.of(mention)
        best: tuple[float, EventProfile, MergeEvidence] | None = None
        for profile in candidates:
            if holds(profile.mention_digests, seen.digest):  # redelivered: already linked
                return Assignment(self._records.get(profile.event_id), created=False)
            if holds(profile.article_digests, seen.article_digest) and not _same_record(seen, profile):
                continue  # an article tells each event once: its other records are other events
            evidence = self._compare(seen, profile)
            if evidence is None:
                continue
            score = evidence.place + evidence.actors + evidence.counts + evidence.text
            if best is None or score > best[0]:
                best = (score, profile, evidence)
        if best is None:
            cluster = self._new(mention, family, outlet)
            previous = None
            created = True
        else:
            previous = best[1]
            cluster = self._merge(self._records.get(previous.event_id), mention, outlet, best[2])
            created = False
        self._file(cluster, previous)
        self._linked += 1
        if self._horizon is not None:
            self._touched[cluster.event_id] = self._linked
            if self._linked % self._forget_every == 0:
                self.forget_old()
        return Assignment(cluster, created)

    def _candidates(self, family: str, t: EventTime, countries: set[str]) -> list[EventProfile]:
        seen: dict[str, EventProfile] = {}
        for key in lookup_keys(family, t, countries):
            for event_id in self._blocks.get(key, ()):
                if event_id not in seen and (profile := self._profiles.get(event_id)) is not None:
                    seen[event_id] = profile
        return [seen[k] for k in sorted(seen)]  # a fixed order: determinism

    def _compare(self, seen: _Mention, event: EventProfile) -> MergeEvidence | None:
        mention = seen.mention
        time = time_verdict(mention.time, event.time)
        if time == "unknown":  # an undated report is of something shortly before it was published
            ours = (
                mention.time if mention.time.start else _reported(mention.published_at, mention.published_at)
            )
            theirs = (
                event.time if event.time.start else _reported(event.first_reported_at, event.last_reported_at)
            )
            if time_verdict(ours, theirs) == "conflict":
                return None
        if time == "conflict":
            return None
        place = place_score(seen.sites, event.sites)
        if seen.sites and event.sites and place == 0:
            return None  # both name where it happened, and nowhere in common: another operation
        actors = max(
            overlap(seen.actor_names, event.actor_names),
            overlap(seen.affiliations, event.affiliations),
        )
        event_counts = dict(event.counts)
        counts = counts_score(seen.counts, event_counts)
        text = cosine(seen.words, event.words)
        signals = sum((actors > 0, counts > 0, text >= TEXT_AGREES))
        places_agree = place >= PLACE_AGREES
        if counts_conflict(seen.counts, event_counts) and not places_agree:
            return None
        if (
            places_agree
            and _other_day(mention.time, event.time)
            and counts_far_apart(seen.counts, event_counts)
        ):
            # "one man arrested in Granollers on Tuesday", "five held in four provinces on Thursday":
            # the same area, another day and another number of people is a look-alike operation
            return None
        if time == "compatible" and places_agree:
            rule = "time+place"
        elif time == "compatible" and signals >= 2:
            rule = "time+2-of(actors,counts,text)"
        elif time == "unknown" and places_agree and signals >= 1:
            rule = "undated+place+1-of(actors,counts,text)"
        else:
            return None
        return MergeEvidence(
            mention_id=mention.mention_id,
            rule=rule,
            time=time,
            place=round(place, 3),
            actors=round(actors, 3),
            counts=counts,
            text=round(min(1.0, text), 3),
        )

    def _new(self, mention: EventMention, family: str, outlet: str) -> EventCluster:
        event_id = "ev-" + hashlib.sha256(mention.mention_id.encode()).hexdigest()[:24]
        return EventCluster(
            event_id=event_id,
            version=1,
            family=family,
            subtype=mention.subtype,
            event_type=mention.event_type,
            mention_ids=[mention.mention_id],
            article_ids=[mention.article_id],
            n_sources=1,
            n_outlets=1,
            first_reported_at=mention.published_at,
            last_reported_at=mention.published_at,
            countries=sorted(countries_of(mention)),
            time=mention.time,
            time_mention_id=mention.mention_id if mention.time.start else None,
            sites=[SourcedSite(site=s, mention_id=mention.mention_id) for s in _event_sites(mention)],
            quantities=[_sourced(q, mention.mention_id) for q in mention.quantities],
            actors=[
                SourcedActor(name=a.name, country=a.country, sector=a.sector, mention_id=mention.mention_id)
                for a in mention.actors
            ],
            affiliations=sorted({t.affiliation for t in mention.targets if t.affiliation}),
            merge_evidence=[
                MergeEvidence(
                    mention_id=mention.mention_id,
                    rule="first",
                    time="unknown",
                    place=0,
                    actors=0,
                    counts=0,
                    text=0,
                )
            ],
            summary=" ".join(e.text for e in mention.evidence)[:SUMMARY_CHARS],
            outlets=[outlet],
        )

    def _merge(
        self, cluster: EventCluster, mention: EventMention, outlet: str, evidence: MergeEvidence
    ) -> EventCluster:
        conflicts = list(cluster.conflicts)
        time, time_from = cluster.time, cluster.time_mention_id
        if _more_precise(mention.time, cluster.time):
            time, time_from = mention.time, mention.mention_id
        sites = list(cluster.sites)
        for site in _event_sites(mention):
            same = next((i for i, s in enumerate(sites) if same_site(s.site, site)), None)
            if same is None:
                sites.append(SourcedSite(site=site, mention_id=mention.mention_id))
            elif _better_site(site, sites[same]):
                sites[same] = SourcedSite(site=site, mention_id=mention.mention_id)
        quantities = list(cluster.quantities)
        for q in mention.quantities:
            known = next((x for x in quantities if x.kind == q.kind), None)
            if known is None:
                quantities.append(_sourced(q, mention.mention_id))
            elif q.value is not None and known.value is not None and q.value != known.value:
                conflicts = _add_conflict(
                    conflicts, f"quantities.{q.kind}", known, q.value, mention.mention_id
                )
        actors = list(cluster.actors)
        for a in mention.actors:
            if all(a.name != x.name for x in actors):
                actors.append(
                    SourcedActor(
                        name=a.name, country=a.country, sector=a.sector, mention_id=mention.mention_id
                    )
                )
        article_ids = cluster.article_ids + (
            [mention.article_id] if mention.article_id not in cluster.article_ids else []
        )
        outlets = sorted({*cluster.outlets, outlet})
        reported = [
            d for d in (cluster.first_reported_at, cluster.last_reported_at, mention.published_at) if d
        ]
        return cluster.model_copy(
            update={
                "version": cluster.version + 1,
                "subtype": _more_specific(cluster.subtype, mention.subtype),
                "mention_ids": [*cluster.mention_ids, mention.mention_id],
                "article_ids": article_ids,
                "n_sources": len(article_ids),
                "n_outlets": len(outlets),
                "outlets": outlets,
                "first_reported_at": min(reported) if reported else None,
                "last_reported_at": max(reported) if reported else None,
                "countries": sorted(set(cluster.countries) | countries_of(mention)),
                "time": time,
                "time_mention_id": time_from,
                "sites": sites,
                "quantities": quantities,
                "actors": actors,
                "affiliations": sorted(
                    set(cluster.affiliations) | {t.affiliation for t in mention.targets if t.affiliation}
                ),
                "conflicts": conflicts,
                "merge_evidence": [*cluster.merge_evidence, evidence],
            }
        )


@dataclass(frozen=True, slots=True)
class _Mention:
    """A mention as the rules compare it with every candidate: each of its values read once."""

    mention: EventMention
    digest: bytes
    article_digest: bytes
    sites: list[PlaceKey]
    actor_names: set[str]
    affiliations: set[str]
    counts: dict[str, int]
    words: set[str]

    @classmethod
    def of(cls, mention: EventMention) -> _Mention:
        return cls(
            mention=mention,
            digest=digest(mention.mention_id),
            article_digest=digest(mention.article_id),
            sites=[place_key(s) for s in mention.sites],
            actor_names={a.name for a in mention.actors},
            affiliations={t.affiliation for t in mention.targets if t.affiliation},
            counts=_counts((q.kind, q.value) for q in mention.quantities),
            words=content_words(" ".join(e.text for e in mention.evidence)),
        )


def _same_record(seen: _Mention, event: EventProfile) -> bool:
    """A record of an article already in the event is the same record only when it says the same
    (the article extracted again): same subtype, same dates, the same places."""
    mention = seen.mention
    same_time = (mention.time.start, mention.time.end) == (event.time.start, event.time.end)
    same_place = place_score(seen.sites, event.sites) >= PLACE_AGREES or not (seen.sites or event.sites)
    return mention.subtype == event.subtype and same_time and same_place


def _sourced(q: Quantity, mention_id: str) -> SourcedQuantity:
    return SourcedQuantity(
        kind=q.kind, value=q.value, min=q.min, max=q.max, approx=q.approx, mention_id=mention_id
    )


def _reported(first: date | None, last: date | None) -> EventTime:
    """The window an undated report's event falls in: up to REPORT_WINDOW before its publication."""
    if first is None or last is None:
        return EventTime()
    return EventTime(start=first - REPORT_WINDOW, end=last, precision="unknown")


def _event_sites(mention: EventMention) -> list[Site]:
    return [s for s in mention.sites if s.role in ("event_site", "operating_area")]


def _more_precise(new: EventTime, old: EventTime) -> bool:
    """A day inside the known month refines it; a coarser or disjoint time does not replace it."""
    if new.start is None:
        return False
    if old.start is None:
        return True
    inside = old.start <= new.start and (new.end or new.start) <= (old.end or old.start)
    return inside and _PRECISION_RANK[new.precision] > _PRECISION_RANK[old.precision]


def _better_site(new: Site, old: SourcedSite) -> bool:
    """A resolved name replaces a misspelled or unresolved one ("Almaeria" -> "Almeria")."""
    rank = {"exact": 3, "alternate": 3, "contained": 2, "fuzzy": 1, "unresolved": 0}
    return rank.get(new.resolution or "exact", 2) > rank.get(old.site.resolution or "exact", 2)


def _more_specific(a: str | None, b: str | None) -> str | None:
    if a in SUBTYPE_RANK and b in SUBTYPE_RANK:
        return a if SUBTYPE_RANK.index(a) <= SUBTYPE_RANK.index(b) else b
    return a or b


def _add_conflict(
    conflicts: list[Conflict], field_name: str, known: SourcedQuantity, value: int, mention_id: str
) -> list[Conflict]:
    existing = next((c for c in conflicts if c.field == field_name), None)
    if existing is None:
        return [
            *conflicts,
            Conflict(
                field=field_name,
                values=[str(known.value), str(value)],
                mention_ids=[known.mention_id, mention_id],
            ),
        ]
    updated = existing.model_copy(
        update={"values": [*existing.values, str(value)], "mention_ids": [*existing.mention_ids, mention_id]}
    )
    return [updated if c is existing else c for c in conflicts]


def _other_day(a: Interval, b: Interval) -> bool:
    """Both are single, known days, and not the same one."""
    return (
        a.precision == "day"
        and b.precision == "day"
        and a.start is not None
        and b.start is not None
        and (a.end or a.start) == a.start
        and (b.end or b.start) == b.start
        and a.start != b.start
    )
