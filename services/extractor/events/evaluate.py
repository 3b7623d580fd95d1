"""Scoring event mentions against a gold file in the format of ../shared/gold/seed-events.json.

Matching (the gold file's ``about``): a predicted record matches a gold record when one of its
evidence texts contains the gold anchor (whitespace-normalised, case-insensitive); sites match by
accent-folded name or alias, or by coordinates within 30 km; ``optional`` gold records are
neither required nor counted as false positives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from schemas.events import EventMention
from services.extractor.events.places import fold, km


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


@dataclass
class Scores:
    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    non_events: int = 0
    non_events_as_events: int = 0
    non_events_of_their_kind: int = 0  # an aggregate emitted as an aggregate, a statistic as a statistic
    fields: dict[str, list[bool]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # what went wrong, one line each (eval --verbose)
    linking: dict[str, float] = field(
        default_factory=dict
    )  # pairwise and B-cubed, when the gold has clusters

    def note(self, name: str, ok: bool) -> None:
        self.fields.setdefault(name, []).append(ok)

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
                scores.problems.append(f"{gold['id']}: a {gold['record_kind']} emitted as an event")
            elif hit is not None:
                used.add(hit.mention_id)
                if hit.record_kind == gold["record_kind"]:
                    scores.non_events_of_their_kind += 1
                else:
                    scores.problems.append(
                        f"{gold['id']}: a {gold['record_kind']} emitted as {hit.record_kind}"
                    )
            else:
                scores.problems.append(f"{gold['id']}: {gold['record_kind']} not emitted")
            continue
        scores.gold_events += 1
        if hit is None or hit.record_kind != "event" or hit.mention_id in used:
            why = (
                "no record"
                if hit is None
                else f"record is {hit.record_kind}"
                if hit.record_kind != "event"
                else "merged into another gold event"
            )
            scores.problems.append(f"{gold['id']}: missed ({why})")
            continue
        used.add(hit.mention_id)
        scores.matched += 1
        _score_fields(gold, hit, scores)
    counted = [m for m in predicted if m.record_kind == "event" and m.mention_id not in optional_hits]
    scores.predicted_events += len(counted)
    for m in counted:
        if m.mention_id not in used:
            scores.problems.append(
                f"{gold_article['id']}: extra {m.subtype} event: {norm_text(m.evidence[0].text)[:100]}"
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


def _score_fields(gold: dict[str, Any], hit: EventMention, scores: Scores) -> None:
    results: dict[str, bool] = {"subtype": hit.subtype == gold.get("subtype")}
    # Where it happened: every required gold site found, and no predicted event site or operating
    # area that the gold does not list (optional gold sites may be found or not; destinations and
    # origins are not sites of the event).
    gold_sites = gold.get("sites", [])
    predicted_sites = [p for p in hit.sites if p.role in ("event_site", "operating_area")]
    results["sites"] = all(
        any(site_matches(g, p) for p in predicted_sites) for g in gold_sites if not g.get("optional")
    ) and all(any(site_matches(g, p) for g in gold_sites) for p in predicted_sites)
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
    if time.get("start"):
        same = str(hit.time.start) == time["start"] and str(hit.time.end) == time["end"]
        results["time"] = same and hit.time.precision == time.get("precision")
    countries = {a["country"] for a in gold.get("actors", []) if not a.get("optional")}
    results["actor_countries"] = countries <= {a.country for a in hit.actors}
    if gold.get("affiliation"):
        results["affiliation"] = any(t.affiliation == gold["affiliation"] for t in hit.targets)
    for name, ok in results.items():
        scores.note(name, ok)
        if not ok:
            scores.problems.append(f"{gold['id']}: {name} wrong: {_got(name, hit)}")
    scores.note("fully_correct", all(results.values()))
