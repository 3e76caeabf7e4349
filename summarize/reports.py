"""Whose act a sentence reports when its own subject is no side: the one an outlet or
an unnamed source reports on ("NBC News reported that the Agency obtained ..."), the one
papers show acting ("The emails show that Clinton decided ..."), the one at whose urging
an act was done, the side whose move a possessed noun names ("Trump's
threats to sue"), the source of a stance a headline ends on ("... Skepticism From
Regulators"), and the critics a side suffers ("Oz has been called a charlatan by fellow
physicians" is the move of the side the profile names as Oz's critics).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.aliases import AliasIndex, Mention
from summarize.read import normalise
from summarize.records import Profile

_OUTLET = re.compile(
    r"\b(?:News|Times|Post|Journal|Reuters|Associated Press|AP|CNN|NBC|ABC|CBS|Fox|Politico|"
    r"Bloomberg|Guardian|BBC|Tribune|Herald|Gazette|Telegraph|outlets?|newspapers?|"
    r"media|reports?)\b"
)
_REPORTED_THAT = re.compile(
    r"\b(?:reported|reports|report|reporting)\b[^.;:\"]{0,40}?\bthat\s+"
    r"(?P<np>(?:the\s+)?[\w.'-]+(?:\s+[A-Z][\w.'-]*){0,3})"
)
# "Sources said that Attorney General Loretta Lynch discussed ...": an unnamed source,
# like an outlet, passes on somebody else's act
_ANONYMOUS = re.compile(
    r"^(?:sources?|(?:a|one|two|several|some)\s+(?:sources?|(?:people|persons?)\s+familiar\b.*)|"
    r"(?:people|persons?)\s+familiar\b.*)$", re.I
)
# "Spokeswoman Kathryn Stack said Microsoft declined to comment": a spokesperson named
# without the body she speaks for passes on that body's act
_SPOKESPERSON = re.compile(
    r"^(?:a\s+|the\s+)?(?:spokes(?:wo)?man|spokesperson)\s+"
    r"(?-i:[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,2})$", re.I
)
_SAID_SUBJECT = re.compile(
    r"\b(?:said|says)\s+(?:that\s+)?(?P<np>(?:the\s+)?[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]*){0,3})"
)
_SAID_THAT = re.compile(
    r"\b(?:said|say|says|told\s+[\w ]{1,30}?)\b[^.;:\"]{0,40}?\bthat\s+"
    r"(?P<np>(?:the\s+)?[\w.'-]+(?:\s+[A-Z][\w.'-]*){0,3})"
)


def reported_subject(plain: str, start: int, end: int, speaker: str) -> tuple[int, int] | None:
    """"NBC News reported that the Agency obtained ...": a news outlet's report, an
    unnamed source's, or that of a spokesperson named without her body, carries the act
    of the one it reports on. The span of that subject, for such a speaker."""
    if _ANONYMOUS.match(speaker.strip()) is not None:
        found = _SAID_THAT.search(plain, start, end)
    elif _SPOKESPERSON.match(speaker.strip()) is not None:
        found = _SAID_SUBJECT.search(plain, start, end)
    elif _OUTLET.search(speaker) is not None:
        found = _REPORTED_THAT.search(plain, start, end)
    else:
        return None
    return found.span("np") if found is not None else None


# "The emails show that Clinton decided ...": papers that are nobody's voice show the
# act of the one they show acting
_EVIDENCE = re.compile(
    r"^(?:the|these|those|other|new)?\s*(?:(?:leaked|hacked|released|newly)\s+)?"
    r"(?:e-?mails?|documents?|records?|messages?|memos?|files?|filings?|papers)$", re.I
)
_SHOWS_THAT = re.compile(
    r"\b(?:show|shows|showed|reveal|reveals|revealed|indicate|indicates|indicated)\s+"
    r"(?:that\s+)?(?P<np>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}(?:'s\s+[a-z]+)?)"
)


def evidence_subject(plain: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """The span of whom papers that are nobody's voice show acting ("The emails show that
    Clinton's aides were ..." → "Clinton's aides")."""
    if _EVIDENCE.match(phrase.strip()) is None:
        return None
    found = _SHOWS_THAT.search(plain, start, end)
    return found.span("np") if found is not None else None


_URGING = "urging|request|behest|direction|insistence|invitation"
_AT_URGING = (
    re.compile(rf"\s*(?:at|on)\s+the\s+(?P<how>{_URGING})\s+of\s+(?P<np>[^,]{{2,60}}),", re.I),
    re.compile(rf"\s*(?:at|on)\s+(?P<np>[^,]{{2,60}}?)'s?\s+(?P<how>{_URGING})\s*,", re.I),
)
# A side's own move named as a thing it owns: "Trump's threat to sue", "China's denial".
_MOVE_NOUN = re.compile(
    r"(?:'s|')?\s+(?:[a-z]+\s+)?(?P<noun>threats?|demands?|calls?|accusations?|denials?|"
    r"criticism|attacks?|warnings?|vows?|pledges?|refusal|complaints?|concerns|objections?|"
    r"ultimatum|rebuke|rejection|appeal|plea|bid|decision|announcement|endorsements?)\b"
)


def urging_source(plain: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """"At the Justice Department's urging, the F.B.I. agreed ...": an act done at
    somebody's urging is that somebody's move. The kind of urging and its source's span."""
    for pattern in _AT_URGING:
        found = pattern.match(plain, start, end)
        if found is not None:
            return found.group("how").lower(), found.span("np")
    return None


def possessed_move(mentions: Sequence[Mention], plain: str, end: int) -> tuple[Mention, str] | None:
    """ "This followed Trump's recent threats to sue ...": the one side whose move a
    sentence reports by a possessed noun, with that noun."""
    found: dict[str, tuple[Mention, str]] = {}
    for m in mentions:
        if m.strong and m.possessive:
            move = _MOVE_NOUN.match(plain, m.end, end)
            if move is not None:
                found.setdefault(m.stakeholder, (m, move.group("noun")))
    return next(iter(found.values())) if len(found) == 1 else None


_STANCE_FROM = re.compile(
    r"\b(?:skepticism|scepticism|criticism|criticisms|pressure|anger|outrage|backlash|warning|"
    r"warnings|demands?|calls?|support|praise|opposition|attack|attacks|rebuke|threat|threats|"
    r"questions|fire|scrutiny|complaints?|objections?|resistance|pushback|condemnation)\s+"
    r"(?:from|by)\s+(?P<np>(?:the\s+)?[\w.'-]+(?:\s+[\w.'-]+){0,3}?)\s*[.!?]?\s*$", re.I
)


def stance_source(plain: str, start: int, end: int) -> tuple[int, int] | None:
    """A headline ending on whose stance it reports ("... Fails to Dispel Skepticism From
    Regulators"): the span of that source."""
    found = _STANCE_FROM.search(plain, start, end)
    return found.span("np") if found is not None else None


# A side whose label says it is the critics of another ("Oz's critics among doctors",
# "Lawmakers and other critics of the bank")
_CRITICS = re.compile(r"\b(?:critics|opponents|detractors)\b", re.I)
_CRITICISM = frozenset(
    "accused criticized criticised attacked investigated pilloried denounced condemned "
    "blasted slammed discredited dogged dragged hauled sued rebuked censured scolded mocked "
    "ridiculed lambasted derided faulted called branded labeled labelled".split()
)


def critics_of(profile: Profile, index: AliasIndex) -> dict[str, str]:
    """Each side the profile names critics for → the side of those critics."""
    out: dict[str, str] = {}
    for s in profile.stakeholders:
        if _CRITICS.search(s.label) is None:
            continue
        targets = {m.stakeholder for m in index.find(normalise(s.label)) if m.stakeholder != s.id}
        if len(targets) == 1:
            out.setdefault(targets.pop(), s.id)
    return out


def criticised(verb: str) -> bool:
    """A passive verb group of criticism ("has been called", "was investigated"), not one
    that goes on into another verb ("was called to testify")."""
    words = verb.lower().rstrip(".").split()
    return "to" not in words and any(w in _CRITICISM for w in words)
