"""WikiEvents arguments: the Place and Detainee of arrests, the Place and Target of attacks.

    python bench/wikievents_args.py [--data-root DIR]

Two ways, both against the gold triggers. Gold trigger: newswire's argument binders are run on
each gold trigger (the places that hang on it, the phrase it acts on), as argument-extraction
benchmarks are usually scored. End to end: newswire's extractor reads each document (its sentences
joined by line breaks, since the dataset's ``text`` glues sentences together without spaces) and
emits records; for each gold trigger of Justice.ArrestJailDetain or Conflict.Attack.*, the record
whose evidence holds the trigger gives its arguments in the trigger's sentence (every gold
argument of these events lies in it): its sites as Place, its targets as Detainee (arrests) or
Target (attacks). A trigger the extractor made no record of gets no arguments.

Scoring is the dataset's head-word matching (Li, Ji and Han, 2021): a predicted argument is right
when its head word is the gold argument's head word, for the same trigger and role. The head of a
span is its last word, or the word before its first "of" ("members of the group" -> "members").

Baseline, in the same run, from the trigger's sentence only: Place is the first capitalised run
after "in", "at" or "near"; Detainee/Target is the first words after the trigger up to a
preposition or punctuation, or for a passive trigger the words just before its auxiliary.

Tune on dev, report on test (the issue's protocol); the data stays in ../shared (not copied).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROLES = {"Justice.ArrestJailDetain": ("Place", "Detainee"), "Conflict.Attack": ("Place", "Target")}
ARREST_SUBTYPES = {
    "arrest",
    "cell_dismantled",
    "raid_search",
    "seizure",
    "plot_foiled",
    "charge_indict",
    "other",
}
ATTACK_SUBTYPES = {"attack", "airstrike", "abduction", "other"}
_STOP = re.compile(
    r"^(?:in|on|at|for|from|with|after|before|during|near|by|to|into|over|and|or|but|was|were|is|are|had|has"
    r"|have|who|which|that|said|,|\.|;|:|\(|\))$",
    re.I,
)
PUBLISHED = date(2020, 1, 1)  # the documents carry no date; records of every kind are read


@dataclass
class Sentence:
    start: int
    tokens: list[tuple[str, int, int]]  # word, start, end in the rebuilt text


@dataclass
class Document:
    doc_id: str
    text: str
    sentences: list[Sentence]
    events: list[dict]


def load(path: Path) -> list[Document]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        parts, sentences, cursor = [], [], 0
        for tokens, sentence_text in raw["sentences"]:
            first = tokens[0][1]
            sentences.append(
                Sentence(cursor, [(w, cursor + s - first, cursor + e - first) for w, s, e in tokens])
            )
            parts.append(sentence_text)
            cursor += len(sentence_text) + 1
        text = "\n".join(parts)
        entities = {e["id"]: e for e in raw["entity_mentions"]}
        events = []
        for mention in raw["event_mentions"]:
            kind = next((k for k in ROLES if mention["event_type"].startswith(k)), None)
            if kind is None:
                continue
            sentence = sentences[mention["trigger"]["sent_idx"]]
            trigger = sentence.tokens[
                mention["trigger"]["start"] - _offset(raw, mention["trigger"]["sent_idx"])
            ]
            gold = set()
            for argument in mention["arguments"]:
                if argument["role"] not in ROLES[kind]:
                    continue
                entity = entities[argument["entity_id"]]
                words = sentences[entity["sent_idx"]].tokens[
                    entity["start"] - _offset(raw, entity["sent_idx"]) : entity["end"]
                    - _offset(raw, entity["sent_idx"])
                ]
                gold.add((argument["role"], head_start(words)))
            events.append({"kind": kind, "sentence": sentence, "trigger": trigger, "gold": gold})
        docs.append(Document(raw["doc_id"], text, sentences, events))
    return docs


def _offset(raw: dict, sent_idx: int) -> int:
    """Token indices in event mentions count from the document's start."""
    return sum(len(tokens) for tokens, _ in raw["sentences"][:sent_idx])


def head_start(words: list[tuple[str, int, int]]) -> int:
    lowered = [w.lower() for w, _, _ in words]
    if "of" in lowered[1:]:
        return words[lowered.index("of") - 1][1]
    return words[-1][1]


def _head_of_text(text: str, start: int, end: int) -> int:
    words = [
        (m.group(0), m.start(), m.end())
        for m in re.finditer(r"[\w\u00c0-\u024f'\u2019-]+", text[:end])
        if m.start() >= start
    ]
    return head_start(words) if words else start


def newswire(docs: list[Document]) -> list[set[tuple[str, int]]]:
    from services.extractor.events.assemble import EventExtractor

    extractor = EventExtractor()
    out: list[set[tuple[str, int]]] = []
    for doc in docs:
        records = extractor.extract(doc.text, article_id=doc.doc_id, url="", published_at=PUBLISHED)
        for event in doc.events:
            sentence = event["sentence"]
            s_start, s_end = sentence.start, sentence.tokens[-1][2]
            trigger_at = event["trigger"][1]
            subtypes = ARREST_SUBTYPES if event["kind"] == "Justice.ArrestJailDetain" else ATTACK_SUBTYPES
            record = next(
                (
                    r
                    for r in records
                    if r.subtype in subtypes and any(e.start <= trigger_at < e.end for e in r.evidence)
                ),
                None,
            )
            found: set[tuple[str, int]] = set()
            if record is not None:
                second = "Detainee" if event["kind"] == "Justice.ArrestJailDetain" else "Target"
                for site in record.sites:
                    if site.span is not None and s_start <= site.span.start < s_end:
                        found.add(("Place", _head_of_text(doc.text, site.span.start, site.span.end)))
                for target in record.targets:
                    if target.role in (None, "group") or target.head is None:
                        continue
                    if s_start <= target.head.start < s_end:
                        found.add((second, target.head.start))
            out.append(found)
    return out


def newswire_given_trigger(docs: list[Document]) -> list[set[tuple[str, int]]]:
    """newswire's argument binders on the gold trigger: the places that hang on it, the phrase it
    acts on (``targets.participants``), whether or not the extractor made a record of it."""
    from services.extractor.events.assemble import EventExtractor, _Builder
    from services.extractor.events.document import read
    from services.extractor.events.lexicon import Hit, TriggerRule
    from services.extractor.events.sites import refine
    from services.extractor.events.targets import participants

    extractor = EventExtractor()
    out: list[set[tuple[str, int]]] = []
    for doc in docs:
        document = read(doc.text, PUBLISHED, None, extractor.lexicon, extractor.actors)
        builder = _Builder(document, extractor.places, doc.doc_id, "")
        for event in doc.events:
            word, at, end = event["trigger"]
            i = document.sentence_at(at)
            hit = next((h for h in document.hits[i] if h.start <= at < h.end), None)
            if hit is None:  # a trigger newswire's table does not have: read it by its form
                arrest = event["kind"] == "Justice.ArrestJailDetain"
                rule = TriggerRule(
                    "arrest" if arrest else "attack",
                    "operation" if arrest else "violence",
                    "COERCE" if arrest else "ASSAULT",
                    ("arrest",) if arrest else (),
                    "verb" if re.search(r"(?:ed|en|ing)$", word) else "noun",
                    re.compile(re.escape(word)),
                    None,
                    None,
                    (),
                    0,
                )
                hit = Hit(rule, at, end, word)
            sentence = document.sentences[i]
            found: set[tuple[str, int]] = set()
            places = []
            for site in builder.sites_in(i):
                anchor = document.attachment(i, site.start)
                mine = anchor is None or anchor.hit is hit or hit not in document.hits[i]
                if mine and site.role in ("event_site", "operating_area"):
                    places.append(site)
            for site in refine(
                places, keep_countries=True, text=doc.text
            ):  # the record's rule: a country beside its towns goes
                found.add(("Place", _head_of_text(doc.text, site.start, site.end)))
            second = "Detainee" if event["kind"] == "Justice.ArrestJailDetain" else "Target"
            for phrase in participants(doc.text, (sentence.start, sentence.end), hit):
                found.add((second, phrase.head_start))
            out.append(found)
    return out


def baseline(docs: list[Document]) -> list[set[tuple[str, int]]]:
    out: list[set[tuple[str, int]]] = []
    for doc in docs:
        for event in doc.events:
            tokens = event["sentence"].tokens
            i = next(k for k, t in enumerate(tokens) if t[1] == event["trigger"][1])
            found: set[tuple[str, int]] = set()
            for k in range(len(tokens) - 1):
                if tokens[k][0].lower() in ("in", "at", "near") and tokens[k + 1][0][:1].isupper():
                    run = [tokens[k + 1]]
                    while k + 1 + len(run) < len(tokens) and tokens[k + 1 + len(run)][0][:1].isupper():
                        run.append(tokens[k + 1 + len(run)])
                    found.add(("Place", run[-1][1]))
                    break
            second = "Detainee" if event["kind"] == "Justice.ArrestJailDetain" else "Target"
            if i > 0 and tokens[i - 1][0].lower() in ("was", "were", "been", "be", "is", "are"):
                j = i - 2
                if j >= 0 and not _STOP.match(tokens[j][0]):
                    found.add((second, tokens[j][1]))
            else:
                run = []
                for word, start, end in tokens[i + 1 : i + 5]:
                    if _STOP.match(word):
                        break
                    run.append((word, start, end))
                if run:
                    found.add((second, run[-1][1]))
            out.append(found)
    return out


def score(
    docs: list[Document], predicted: list[set[tuple[str, int]]]
) -> dict[str, tuple[float, float, float, int]]:
    gold = [event["gold"] for doc in docs for event in doc.events]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        for role, _ in p & g:
            tp[role] += 1
        for role, _ in p - g:
            fp[role] += 1
        for role, _ in g - p:
            fn[role] += 1
    out = {}
    for role in ("Place", "Detainee", "Target", "all"):
        t = sum(tp.values()) if role == "all" else tp[role]
        f_p = sum(fp.values()) if role == "all" else fp[role]
        f_n = sum(fn.values()) if role == "all" else fn[role]
        precision = t / (t + f_p) if t + f_p else 0.0
        recall = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[role] = (precision, recall, f1, t + f_n)
    return out


def report(data_root: Path) -> None:
    print("\nWikiEvents arguments (head-word match; Place+Detainee of arrests, Place+Target of attacks)")
    print("| split | system | role | gold | P | R | F1 |\n|---|---|---|---|---|---|---|")
    for split in ("dev", "test"):
        docs = load(data_root / f"{split}.jsonl")
        systems = (
            ("baseline", baseline),
            ("newswire, gold trigger", newswire_given_trigger),
            ("newswire, end to end", newswire),
        )
        for name, system in systems:
            for role, (p, r, f, n) in score(docs, system(docs)).items():
                print(f"| {split} | {name} | {role} | {n} | {p:.3f} | {r:.3f} | {f:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data-root", type=Path, default=ROOT.parent / "shared" / "bench-data" / "events" / "wikievents"
    )
    report(parser.parse_args().data_root)


if __name__ == "__main__":
    main()
