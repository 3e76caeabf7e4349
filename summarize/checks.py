"""The per-sentence checks of the faithfulness harness, each a pure function returning
problem details (an empty list: nothing wrong).

- numbers: every quantity of the sentence appears in its support (by value);
- quotes: quoted text appears verbatim in the source (after quote/space normalisation);
- entities (``summarize.names``): names appear in the source and in the support;
- negation (``summarize.polarity``): negation and polarity agree with the support;
- attribution (``summarize.speech``): a side's claim restated without a speaker.
"""

from __future__ import annotations

from summarize.names import entities, entity_problems, found_in, names_dropped
from summarize.polarity import negation_problems, polarity
from summarize.quantities import quantities
from summarize.speech import (
    has_attribution,
    quote_problems,
    quoted_parts,
    unattributed_problem,
)

__all__ = [
    "entities",
    "entity_problems",
    "found_in",
    "has_attribution",
    "names_dropped",
    "negation_problems",
    "number_problems",
    "polarity",
    "quote_problems",
    "quoted_parts",
    "unattributed_problem",
]


def number_problems(sentence: str, support: str) -> list[str]:
    """Quantities (numbers, years, months, weekdays) of the sentence missing from the support."""
    have = {q.key for q in quantities(support)}
    out: list[str] = []
    for q in quantities(sentence):
        if q.key not in have:
            stated = sorted({x.surface for x in quantities(support)})
            shown = ", ".join(stated[:6]) if stated else "none"
            out.append(f"'{q.surface}' is not in the support (its quantities: {shown})")
    return out
