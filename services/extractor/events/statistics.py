"""Stock figures: how many fighters a group or a country counts, said with no action.

"There are 1,631 Moroccan fighters in Syria and Iraq" is not an event (nothing happened on a
date), but users monitoring recruitment want it, kept apart from events: it becomes a record of
kind ``statistic``. Only sentences without an action trigger qualify (an arrest of 71 militants is
an event or an aggregate), only counts of combatants (a company's 1,200 employees is not news of
this kind), only sizeable ones (a stock, not a handful of people doing something), and never
casualty counts ("1,500 fighters were killed" reports deaths).
"""

from __future__ import annotations

import re

from services.extractor.events.numbers import NumberMention, find_numbers

STOCK_NOUNS = frozenset(
    "fighters jihadists militants combatants recruits insurgents extremists terrorists returnees".split()  # noqa: SIM905
)
MIN_STOCK = 20  # smaller counts are people doing something, not a stock
# One pass over the whole text before any number is parsed: most articles never name combatants.
_STOCK_NOUN = re.compile(r"\b(?:" + "|".join(sorted(STOCK_NOUNS)) + r")\b")  # run on lower-cased text
# A count of MIN_STOCK or more is written with two digits or more, or with one of these words:
# sentences with neither are not parsed for numbers at all.
_LARGE_NUMBER = re.compile(
    r"\d\d|\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozens|scores)"
)
_CASUALTIES = re.compile(r"\b(?:kill\w*|dead|died|deaths?|wound\w*|injur\w*|casualt\w+)\b", re.IGNORECASE)

STATISTIC_EVENT_TYPE = "MOBILIZE"  # PLOVER: forces (fighters) standing ready, not an action


def mentions_combatants(text: str) -> bool:
    return _STOCK_NOUN.search(text.lower()) is not None


def stock_figure(sentence: str) -> NumberMention | None:
    """The count of combatants a sentence states as a stock, if it does."""
    lowered = sentence.lower()
    if not _STOCK_NOUN.search(lowered) or not _LARGE_NUMBER.search(lowered) or _CASUALTIES.search(sentence):
        return None
    for number in find_numbers(sentence):
        size = number.value if number.value is not None else number.min
        if (number.unit or "").lower() in STOCK_NOUNS and size is not None and size >= MIN_STOCK:
            return number
    return None
