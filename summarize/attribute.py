"""Attributing: each content passage → the stakeholder whose position it carries.

(First cut: alias mentions only. To be replaced by speaker/cue/carry-over analysis.)
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.read import normalise
from summarize.records import AttributedPassage, Passage, Profile


def attribute_passages(
    passages: Sequence[Passage], profile: Profile, text: str
) -> tuple[AttributedPassage, ...]:
    plain = normalise(text).lower()
    out: list[AttributedPassage] = []
    for p in passages:
        chosen: str | None = None
        evidence = "no stakeholder named"
        if p.kind in ("body", "heading"):
            span = plain[p.start : p.end]
            for s in profile.stakeholders:
                hit = next((a for a in s.aliases if a.lower() in span), None)
                if hit is not None:
                    chosen, evidence = s.id, f"mentions '{hit}' -> {s.id}"
                    break
        else:
            evidence = p.kind
        out.append(AttributedPassage(p, chosen, 0.3 if chosen else 0.5, evidence))
    return tuple(out)
