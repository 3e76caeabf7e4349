"""A hand-made article and its grouping, built without the attribution stage, so the
brief tests do not move when attribution improves."""

from __future__ import annotations

from summarize.read import source_from_bytes
from summarize.records import AttributedPassage, Grouping, Profile, Stakeholder
from summarize.segment import segment

HARBOUR = """Harbour plan splits the town

The harbour board wants to dredge the old channel this spring, the board said on Monday.

\u201cWe will not wait another year for a safe channel,\u201d said Mara Quist, the board\u2019s \
chair. "Ships are already turning away."

"Every week of delay costs the port money."

The harbour board wants to dredge the old channel in the spring.

Fishers oppose the dredging. "The channel is where the cod spawn," said Ole Brandt of the \
fishers' union.

The fishers' union has asked the council for an independent study of the spawning grounds.

The town council will vote on the plan in May.
"""

PROFILE = Profile(
    name="harbour",
    stakeholders=(
        Stakeholder("board", "Harbour board", "Runs the port"),
        Stakeholder("fishers", "Fishers' union"),
        Stakeholder("council", "Town council"),
    ),
)

# Which side each passage carries, by a phrase it contains (first match wins).
SIDE_BY_PHRASE = (
    ("Mara Quist", "board"),
    ("Ships are already", "board"),
    ("Every week of delay", "board"),
    ("harbour board", "board"),
    ("fishers", "fishers"),
    ("cod spawn", "fishers"),
)


def harbour_grouping(text: str = HARBOUR) -> Grouping:
    source = source_from_bytes(text.encode("utf-8"), "harbour.txt")
    passages = []
    for p in segment(source):
        side = None
        if p.kind in ("body", "heading"):
            side = next((s for phrase, s in SIDE_BY_PHRASE if phrase in p.text), None)
        passages.append(AttributedPassage(p, side, 1.0 if side else 0.5, "test"))
    return Grouping(source, PROFILE, tuple(passages))
