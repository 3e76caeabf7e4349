"""Transcripts: paragraphs that open on a speaker's name in capitals ("PENCE: Well, ...").

An interview printed as a transcript names its speaker once per turn, and every sentence
of the turn is that speaker's, whatever it says about whom. A turn runs on over the
paragraphs after it until the next speaker's name. An article is read as a transcript
only when several paragraphs open so, so that one "UPDATE:" or a dateline is no turn.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from summarize.aliases import alias_forms
from summarize.records import AttributedPassage, Passage, Profile

# "PENCE:", "SEN. KAINE:", "CHRIS WALLACE:", after an optional opening quote mark
_TURN = re.compile(
    r"[\"\u201c]?\s*(?P<name>[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,2})\s*:\s+(?=\S)"
)
# labels that head a note, not a speaker's turn
_NOT_SPEAKERS = frozenset(
    "update updated clarification correction note editor's watch read related photos photo "
    "video advertisement breaking exclusive source sources".split()
)
_QUOTES = "\"\u201c"
MIN_TURNS = 3
TURN_CONFIDENCE = 0.85  # paragraphs opening on a name before an article counts as a transcript


@dataclass(frozen=True)
class Turn:
    """A speaker's turn: the name as printed and where it stands in the text."""

    name: str
    start: int
    end: int


def _turn_at(text: str, p: Passage) -> Turn | None:
    found = _TURN.match(text, p.start, p.end)
    if found is None:
        return None
    name = found.group("name")
    if name.lower().rstrip(".") in _NOT_SPEAKERS or len(name.strip(".")) < 2:
        return None
    return Turn(name, found.start("name"), found.end("name"))


def speaker_turns(passages: Sequence[Passage], text: str,
                  kinds: Collection[str]) -> dict[str, Turn]:
    """The turn each passage of a transcript belongs to, by passage id; empty when the
    article is no transcript. Only passages of ``kinds`` open or continue a turn; where
    the turns open on a quote mark, only a paragraph that opens on one continues a turn."""
    firsts: dict[int, Passage] = {}
    for p in passages:
        if p.kind in kinds:
            firsts.setdefault(p.paragraph, p)
    opening = {n: t for n, p in firsts.items() if (t := _turn_at(text, p)) is not None}
    if len(opening) < MIN_TURNS:
        return {}
    quoted = all(text[firsts[n].start] in _QUOTES for n in opening)
    out: dict[str, Turn] = {}
    current: Turn | None = None
    for p in passages:
        if p.kind not in kinds:
            continue
        if p is firsts[p.paragraph]:
            current = opening.get(p.paragraph) or (
                current if not quoted or text[p.start] in _QUOTES else None
            )
        if current is not None:
            out[p.id] = current
    return out


def sides_by_form(profile: Profile) -> dict[str, str | None]:
    """Lower-cased name forms of each side; None for a form two sides share."""
    out: dict[str, str | None] = {}
    for side in profile.stakeholders:
        for alias in side.aliases:
            for form, (sid, _, kind) in alias_forms(side.id, alias):
                if kind in ("alias", "short"):
                    key = form.lower()
                    out[key] = sid if out.get(key, sid) == sid else None
    return out


def with_turns(attributed: Sequence[AttributedPassage], text: str, profile: Profile,
               kinds: Collection[str]) -> list[AttributedPassage]:
    """``attributed`` with every passage of a transcript turn given to its speaker's side,
    or to none when the speaker (an interviewer, say) is no side."""
    turns = speaker_turns([ap.passage for ap in attributed], text, kinds)
    if not turns:
        return list(attributed)
    forms = sides_by_form(profile)
    out: list[AttributedPassage] = []
    for ap in attributed:
        turn = turns.get(ap.passage.id)
        if turn is None:
            out.append(ap)
            continue
        name = turn.name.lower()
        sid = forms.get(name, forms.get(name.split()[-1].strip(".")))
        if sid is None:
            out.append(AttributedPassage(ap.passage, None, TURN_CONFIDENCE,
                                         f"transcript turn of {turn.name}, not in profile",
                                         turn.name))
        else:
            out.append(AttributedPassage(ap.passage, sid, TURN_CONFIDENCE,
                                         f"transcript turn of {turn.name} → {sid}"))
    return out
