"""Op-eds: an article written by one of the sides.

A piece signed by a side's own person ("Rudy Giuliani is the former mayor of New York
City." closing it, or "By Rudy Giuliani" opening it) argues that side's case in every
sentence, including those about the other side ("Obama and Clinton continue to ignore
..."). Its background (history, figures) stays background, and what it quotes another
side as saying stays that side's. The closing tagline is furniture.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import NamedTuple

from summarize.background import dated_in_past
from summarize.records import AttributedPassage, Profile
from summarize.transcript import sides_by_form

_NAME = r"(?P<name>[A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|de|van|von|del|da)){1,3})"
# "Rudy Giuliani is the former mayor of New York City.", "Jane Roe, a senator from Ohio,
# is the author of ..."
_TAGLINE = re.compile(rf"\s*{_NAME}(?:,[^,]{{3,80}},)?\s+(?:is|was|serves as)\s+(?:a|an|the)\s")
_BYLINE = re.compile(rf"\s*By\s+{_NAME}\s*$")
_FOLLOW = re.compile(rf"\s*Follow\s+{_NAME}\s+on\s+(?:Twitter|Facebook|Instagram)\b")
# a side the profile itself names as the piece's writer: "USA Today editorial board",
# "Breitbart News and writer AWR Hawkins", "the columnist"
_WRITER_SIDE = re.compile(r"\b(?:editorial(?:\s+board)?|editors|columnist|op-ed|writer)\b",
                          re.IGNORECASE)
_TAGLINE_WORDS = 40
OPED_CONFIDENCE = 0.6
# what keeps its own label inside an op-ed: background, furniture, another side's quote
_KEEP = ("background", "quote attributed to", "continued quote", "boilerplate",
         "duplicate")


class _Author(NamedTuple):
    side: str
    name: str
    tagline: int | None  # the index of the closing tagline, made furniture
    column: bool = False  # named only by a closing follow line: a columnist's piece


def _author(attributed: Sequence[AttributedPassage], text: str,
            profile: Profile) -> _Author | None:
    """The side and name of the writer of a piece a side signed, with its tagline."""
    forms = sides_by_form(profile)
    content = [k for k, ap in enumerate(attributed) if ap.passage.kind != "duplicate"]
    if not content:
        return None
    last = content[-1]
    p = attributed[last].passage
    line = text[p.start : p.end]
    # a tagline closes a piece of some length, in a body paragraph of its own
    found = _TAGLINE.match(line) if len(content) >= 4 and p.kind == "body" else None
    if found is not None and len(line.split()) <= _TAGLINE_WORDS and (
        sid := forms.get(found.group("name").lower())
    ):
        return _Author(sid, found.group("name"), last)
    for ap in attributed[:3]:
        found = _BYLINE.match(text, ap.passage.start, ap.passage.end)
        if found is not None and (sid := forms.get(found.group("name").lower())):
            return _Author(sid, found.group("name"), None)
    for ap in attributed[-3:]:  # "Follow AWR Hawkins on Twitter": the writer's own line
        found = _FOLLOW.match(text, ap.passage.start, ap.passage.end)
        if found is not None and ap.passage.kind == "boilerplate" \
                and (sid := forms.get(found.group("name").lower())):
            return _Author(sid, found.group("name"), None, column=True)
    writers = [s for s in profile.stakeholders
               if _WRITER_SIDE.search(f"{s.label} {s.description or ''}")]
    if len(writers) == 1:  # two would leave the voice of the piece unknown
        return _Author(writers[0].id, writers[0].label, None, column=True)
    return None


def with_author(attributed: Sequence[AttributedPassage], text: str, profile: Profile,
                kinds: Collection[str]) -> list[AttributedPassage]:
    """``attributed`` with every passage of a side's op-ed given to that side, and its
    tagline made boilerplate (of a column, only the passages no side holds); unchanged
    when no side signed the piece."""
    author = _author(attributed, text, profile)
    if author is None:
        return list(attributed)
    sid, name, tagline, column = author
    out: list[AttributedPassage] = []
    for k, ap in enumerate(attributed):
        if column:
            # a columnist's piece: the argument nobody else carries is the writer's, while
            # what other sides say or do stays theirs
            out.append(AttributedPassage(ap.passage, sid, OPED_CONFIDENCE,
                                         f"column by {name} → {sid}") if ap.unowned else ap)
        elif k == tagline:
            out.append(AttributedPassage(replace(ap.passage, kind="boilerplate"), None, 0.9,
                                         f"tagline of the author, {name}"))
        elif ap.passage.kind in kinds and ap.stakeholder != sid \
                and not ap.evidence.startswith(_KEEP) and not (
                    ap.stakeholder is None
                    and dated_in_past(text[ap.passage.start : ap.passage.end], "")
                ):  # "In 1993, radical Islamists bombed ...": history, whoever tells it
            out.append(AttributedPassage(ap.passage, sid, OPED_CONFIDENCE,
                                         f"op-ed by {name} → {sid}"))
        else:
            out.append(ap)
    return out
