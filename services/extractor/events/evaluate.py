"""Scoring event mentions against a gold file in the format of ../shared/gold/seed-events.json.

Matching (the gold file's ``about``): a predicted record matches a gold record when one of its
evidence texts contains the gold anchor (whitespace-normalised, case-insensitive); sites match by
accent-folded name or alias, or by coordinates within 30 km; ``optional`` gold records are
neither required nor counted as false positives. A group matches when both names stand for the
same entry of the actor table ("JNIM" and "Jama'at Nusrat al-Islam wal-Muslimin").

Every problem found is filed under an error class (``ERROR_CLASSES``), so that ``newswire eval``
can say where the remaining errors are, with counts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from schemas.events import EventMention
from services.common.geo import fold, km
from services.extractor.events.actors import default_actors

# What can go wrong, in the order a reader fixes things: records first, then their fields.
ERROR_CLASSES = {
    "missed": "a required event with no record (or a record of another kind)",
    "non_event_as_event": "an aggregate or a statistic emitted as an event",
    "spurious": "an event record that matches nothing in the gold (a trap, a generic mention)",
    "merged": "two gold events in one record",
    "subtype": "wrong subtype",
    "sites_missing": "a gold site not found",
    "sites_too_wide": "a site the gold does not list (birthplace, destination, a country, ...)",
    "site_counts": "a per-site count wrong or missing",
    "quantities": "a count wrong, missing or extra",
    "time": "wrong event date or precision",
    "actor_countries": "an acting country missing",
    "affiliation": "the group missing or wrong",
    "non_event_kind": "an aggregate or statistic emitted with another non-event kind, or not at all",
    "linking_split": "two reports of one event not linked",
    "linking_merged": "two different events linked",
}


def norm_text(text: str) -> str:
    """Whitespace-normalised, lower-cased: how anchors are matched (the gold file's rule)."""
    return re.sub(r"\s+", " ", text).strip().lower()


def site_matches(gold: dict[str, Any], predicted: Any) -> bool:
    names = {fold(gold["name"]), *(fold(a) for a in gold.get("aliases", []))}
    if fold(predicted.name) in names or fold(predicted.text) in names:
        return True
    if predicted.lat is not None and gold.get("lat") is not None:
        return km(gold["lat"], gold["lon"], predicted.lat, predicted.lon) <= 30
    return False


def same_group(gold: str, predicted: str | None) -> bool:
    if predicted is None:
        return False
    if fold(gold) == fold(predicted):
        return True
    table = default_actors()
    a, b = table.canonical(gold), table.canonical(predicted)
    return a is not None and a is b


@dataclass
class Problem:
    error_class: str
    record: str  # gold record or article id
    detail: str

    def __str__(self) -> str:
        return f"[{self.error_class}] {self.record}: {self.detail}"


@dataclass
class Scores:
    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    non_events: int = 0
    non_events_as_events: int = 0
    non_events_of_their_kind: int = 0  # an aggregate emitted as an aggregate, a statistic as a statistic
    fields: dict[str, list[bool]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # what went wrong, one line each (eval --verbose)
    linking: dict[str, float] = field(
        default_factory=dict
    )  # pairwise and B-cubed, when the gold has clusters

    def note(self, name: str, ok: bool) -> None:
        self.fields.setdefault(name, []).append(ok)

    def add(self, error_class: str, record: str, detail: str) -> None:
        self.problems.append(Problem(error_class, record, detail))

    def error_counts(self) -> dict[str, int]:
        found = Counter(p.error_class for p in self.problems)
        return {name: found[name] for name in ERROR_CLASSES if found[name]}

    def summary(self) -> dict[str, float | int]:
        precision = self.matched / self.predicted_events if self.predicted_events else 0.0
        recall = self.matched / self.gold_events if self.gold_events else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out: dict[str, float | int] = {
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "matched": self.matched,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "non_events": self.non_events,
            "non_events_as_events": self.non_events_as_events,
            "non_event_as_event_rate": round(self.non_events_as_events / self.non_events, 3)
            if self.non_events
            else 0.0,
            "non_event_kind_accuracy": round(self.non_events_of_their_kind / self.non_events, 3)
            if self.non_events
            else 0.0,
        }
        for name, oks in sorted(self.fields.items()):
            out[f"accuracy_{name}"] = round(sum(oks) / len(oks), 3) if oks else 0.0
        out.update(self.linking)
        return out


def score_article(gold_article: dict[str, Any], predicted: list[EventMention], scores: Scores) -> None:
    evidence = [(norm_text(" ".join(s.text for s in m.evidence)), m) for m in predicted]
    used: set[str] = set()
    optional_hits: set[str] = set()
    for gold in gold_article["events"]:
        anchor = norm_text(gold["anchor"])
        hit = next((m for text, m in evidence if anchor in text), None)
        if gold.get("optional"):
            if hit is not None:
                optional_hits.add(hit.mention_id)
            continue
        if gold["record_kind"] != "event":
            scores.non_events += 1
            if hit is not None and hit.record_kind == "event":
                scores.non_events_as_events += 1
                scores.add("non_event_as_event", gold["id"], f"a {gold['record_kind']} emitted as an event")
            elif hit is not None:
                used.add(hit.mention_id)
                if hit.record_kind == gold["record_kind"]:
                    scores.non_events_of_their_kind += 1
                else:
                    scores.add(
                        "non_event_kind", gold["id"], f"a {gold['record_kind']} emitted as {hit.record_kind}"
                    )
            else:
                scores.add("non_event_kind", gold["id"], f"{gold['record_kind']} not emitted")
            continue
        scores.gold_events += 1
        if hit is None or hit.record_kind != "event" or hit.mention_id in used:
            if hit is not None and hit.record_kind == "event":
                scores.add("merged", gold["id"], "its anchor is in a record matched to another gold event")
            else:
                why = "no record" if hit is None else f"record is {hit.record_kind}"
                scores.add("missed", gold["id"], why)
            continue
        used.add(hit.mention_id)
        scores.matched += 1
        _score_fields(gold, hit, scores)
    # a record that matched only optional mentions is neither right nor wrong; one that matched a
    # required event counts once, whatever optional mention its evidence also holds
    counted = [
        m
        for m in predicted
        if m.record_kind == "event" and (m.mention_id in used or m.mention_id not in optional_hits)
    ]
    scores.predicted_events += len(counted)
    for m in counted:
        if m.mention_id not in used:
            scores.add(
                "spurious",
                gold_article["id"],
                f"extra {m.subtype} event: {norm_text(m.evidence[0].text)[:100]}",
            )


def _got(name: str, hit: EventMention) -> str:
    if name in ("sites", "site_counts"):
        return "; ".join(f"{s.name} ({s.country}, count={s.count})" for s in hit.sites) or "none"
    if name == "quantities":
        return "; ".join(f"{q.kind}={q.value}" for q in hit.quantities) or "none"
    if name == "time":
        return f"{hit.time.start}..{hit.time.end} {hit.time.precision} ({hit.time.text!r})"
    if name == "actor_countries":
        return ", ".join(f"{a.name} ({a.country})" for a in hit.actors) or "none"
    if name == "affiliation":
        return ", ".join(f"{t.affiliation}" for t in hit.targets) or "none"
    return str(getattr(hit, name, ""))


def _expected(name: str, gold: dict[str, Any]) -> str:
    if name in ("sites", "site_counts"):
        return "; ".join(f"{s['name']} (count={s.get('count')})" for s in gold.get("sites", [])) or "none"
    if name == "quantities":
        return "; ".join(f"{k}={v}" for k, v in (gold.get("quantities") or {}).items()) or "none"
    if name == "time":
        t = gold.get("time") or {}
        return f"{t.get('start')}..{t.get('end')} {t.get('precision')}"
    if name == "actor_countries":
        return ", ".join(sorted({a["country"] for a in gold.get("actors", []) if not a.get("optional")}))
    if name == "affiliation":
        return str(gold.get("affiliation"))
    return str(gold.get(name))


def _score_fields(gold: dict[str, Any], hit: EventMention, scores: Scores) -> None:
    results: dict[str, bool] = {"subtype": hit.subtype == gold.get("subtype")}
    # Where it happened: every required gold site found, and no predicted event site or operating
    # area that the gold does not list (optional gold sites may be found or not; destinations and
    # origins are not sites of the event).
    gold_sites = gold.get("sites", [])
    predicted_sites = [p for p in hit.sites if p.role in ("event_site", "operating_area")]
    missing = [
        g
        for g in gold_sites
        if not g.get("optional") and not any(site_matches(g, p) for p in predicted_sites)
    ]
    extra = [p for p in predicted_sites if not any(site_matches(g, p) for g in gold_sites)]
    results["sites"] = not missing and not extra
    if any("count" in g for g in gold_sites):
        results["site_counts"] = all(
            any(site_matches(g, p) and p.count == g["count"] for p in hit.sites)
            for g in gold_sites
            if "count" in g
        )
    predicted_q = {q.kind: q.value for q in hit.quantities}
    gold_q = gold.get("quantities") or {}
    results["quantities"] = all(predicted_q.get(k) == v for k, v in gold_q.items()) and set(
        predicted_q
    ) <= set(gold_q)
    time = gold.get("time") or {}
    if time.get("start") and time.get("lenient"):
        # the text bounds the date without stating it ("have been released, the governor said on
        # Sunday"): any predicted date inside the bounds is right
        start, end = hit.time.start, hit.time.end or hit.time.start
        results["time"] = bool(start and end) and time["start"] <= str(start) <= str(end) <= time["end"]
    elif time.get("start"):
        same = str(hit.time.start) == time["start"] and str(hit.time.end) == time["end"]
        results["time"] = same and hit.time.precision == time.get("precision")
    countries = {a["country"] for a in gold.get("actors", []) if not a.get("optional")}
    results["actor_countries"] = countries <= {a.country for a in hit.actors}
    if gold.get("affiliation"):
        results["affiliation"] = any(same_group(gold["affiliation"], t.affiliation) for t in hit.targets)
    for name, ok in results.items():
        scores.note(name, ok)
        if ok:
            continue
        if name == "sites":
            if missing:
                scores.add(
                    "sites_missing",
                    gold["id"],
                    f"missing {', '.join(g['name'] for g in missing)}; got {_got(name, hit)}",
                )
            if extra:
                scores.add(
                    "sites_too_wide",
                    gold["id"],
                    f"extra {', '.join(p.name for p in extra)}; expected {_expected(name, gold)}",
                )
            continue
        scores.add(name, gold["id"], f"got {_got(name, hit)}; expected {_expected(name, gold)}")
    scores.note("fully_correct", all(results.values()))
