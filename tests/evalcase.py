"""A hand-built grouping for eval tests: sides assigned by hand, not by the engine."""

from __future__ import annotations

from summarize.profile import parse_profile
from summarize.records import AttributedPassage, Grouping, Source
from summarize.segment import segment

TEXT = (
    "Alice said the council must allow 60 inspectors into the camps.\n\n"
    '"We will never accept secret detention," Alice told reporters in Geneva.\n\n'
    "Bob denied the claims of abuse.\n\n"
    '"There is no abuse in the camps," said Bob Smith.\n\n'
    "The council meets on Monday in Geneva."
)
SIDES = {"s1": "a", "s2": "a", "s3": "b", "s4": "b", "s5": None}


def grouping(text: str = TEXT, sides: dict[str, str | None] | None = None) -> Grouping:
    profile = parse_profile(
        {
            "name": "t",
            "stakeholders": [
                {"id": "a", "label": "Side A", "aliases": ["Alice"]},
                {"id": "b", "label": "Side B", "aliases": ["Bob"]},
            ],
        },
        "t.yaml",
    )
    source = Source(path="t.txt", text=text, sha256="abc123")
    chosen = SIDES if sides is None else sides
    passages = tuple(
        AttributedPassage(p, chosen.get(p.id), 1.0, "by hand") for p in segment(source)
    )
    return Grouping(source, profile, passages)
