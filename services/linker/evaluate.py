"""Linking quality against gold clusters: pairwise precision/recall/F1 and B-cubed.

Both compare two partitions of the same items (gold event records matched to predicted mentions):
pairwise counts item pairs put together; B-cubed averages, per item, the precision and recall of
its predicted cluster against its gold cluster, so big clusters do not dominate.
"""

from __future__ import annotations

from itertools import combinations


def pairwise(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """``gold``/``predicted``: item -> cluster label, over the same items."""
    items = sorted(gold)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_gold = gold[a] == gold[b]
        same_pred = predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"pairs_gold": tp + fn, "pairs_predicted": tp + fp, "precision": p, "recall": r, "f1": _f1(p, r)}


def b_cubed(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    items = sorted(gold)
    if not items:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    p_sum = r_sum = 0.0
    for item in items:
        same_pred = {x for x in items if predicted[x] == predicted[item]}
        same_gold = {x for x in items if gold[x] == gold[item]}
        both = len(same_pred & same_gold)
        p_sum += both / len(same_pred)
        r_sum += both / len(same_gold)
    p, r = p_sum / len(items), r_sum / len(items)
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
