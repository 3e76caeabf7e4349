"""Light coreference for descriptions: "the nominee", "the director", "investigators".

A minute-profile names a side by its obvious names; articles go on to call it by a
description. The article itself says which: a title before a name ("Republican
nominee Jane Roe"), an apposition after one ("Jane Roe, the party's nominee,"), a
body's people ("the Agency investigators", "the Agency's inspectors") and the profile's
own label and description ("Widget Workers Union" → "the union"). Each such head noun
becomes a weak reference to that side wherever the article uses it as a definite
description ("the nominee", "the Republican nominee", bare plural "investigators"). A
noun two sides claim counts only where its modifiers pick one ("the Republican nominee"
against "the Democratic nominee"); a possessive ("her nominee", "its director") or an
indefinite ("a director") describes someone else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.aliases import TITLES, Mention, is_person
from summarize.phrases import DOCUMENT_NOUNS, ROLE
from summarize.records import Profile

# People nouns: the agentive endings of words that name people who act for a body.
_AGENTIVE = re.compile(r"[a-z]{3,}(?:ors|ists|ees|ians)$")
_PERSON_NOUN = re.compile(r"[a-z]{3,}(?:or|ist|ee|ian)s?$")
# Nouns that describe one person, not an office that speaks for a body: "the nominee",
# "the registered Democrat", "the real estate mogul" stand for someone just named.
PERSON_NOUNS = frozenset(
    "nominee candidate incumbent challenger contender democrat republican senator congressman "
    "congresswoman lawmaker governor mogul businessman businesswoman billionaire tycoon "
    "plaintiff defendant lawyer leader manager founder owner partner investor activist "
    "whistleblower millionaire politician populist veteran".split()
)
_PERSON_PLURAL = frozenset(
    "investigators prosecutors inspectors auditors agents lawyers workers members officers "
    "staffers employees negotiators regulators examiners".split()
)
# Words a description may carry before its head: adjectives, party names, office words.
_MODIFIER = re.compile(r"(?:[A-Z][\w.&-]*|[a-z][a-z-]*)$")
_STOP = frozenset(
    "the a an and or but of for in on at to from with by as that which who whom whose is are "
    "was were has have had will would said says told its his her their our your my this these "
    "those not no also then".split()
)
_PARTY = {"gop": "republican", "republicans": "republican", "democrat": "democratic",
          "democrats": "democratic", "dem": "democratic"}
_POSSESSIVE = frozenset("its his her their our your my".split())
_DEFINITE = frozenset({"the", "this", "that"})
_QUANTIFIERS = frozenset("a an another one some many several other two three few most all any "
                         "every each".split())
_PLACE_WORDS = frozenset("house street city county state country room office".split())
_APPOSITION = re.compile(
    r",\s+(?:the|a|an)\s+(?P<mods>(?:[\w.&'-]+\s+){0,3}?)(?P<noun>[a-z][a-z-]+)"
    r"(?=\s*[,.;)]|\s+(?:who|of|for|at|in|and)\b)"
)
_BEFORE_NAME = re.compile(r"(?P<words>(?:[\w.&'-]+\s+){1,4})$")
_LABEL_SPLIT = re.compile(r"\s+(?:and|&)\s+|,\s*")


@dataclass(frozen=True)
class Description:
    """A head noun the article or profile gives one side, with its modifiers."""

    noun: str
    stakeholder: str
    modifiers: frozenset[str]


def _norm(word: str) -> str:
    low = word.lower().rstrip(".")
    low = low[:-2] if low.endswith("'s") else low
    return _PARTY.get(low, low)


def _is_role_noun(noun: str) -> bool:
    """A noun that can name a person or a body's people, not a thing it made."""
    if noun in DOCUMENT_NOUNS or noun in _PLACE_WORDS or len(noun) < 4:
        return False
    return (noun in ROLE or noun in TITLES or noun in PERSON_NOUNS or noun in _PERSON_PLURAL
            or _PERSON_NOUN.fullmatch(noun) is not None) and noun != "general"


_ABBREVIATED_TITLES = {"gov": "governor", "sen": "senator", "rep": "congressman",
                       "atty": "attorney", "sec": "secretary", "supt": "superintendent"}


def _title_before(plain: str, m: Mention) -> Description | None:
    """"Republican presidential nominee Jane Roe" → nominee (republican, presidential)."""
    found = _BEFORE_NAME.search(plain, max(0, m.start - 60), m.start)
    if found is None:
        return None
    words = found.group("words").split()
    run: list[str] = []
    for w in reversed(words):
        if w.lower() in _STOP or not _MODIFIER.fullmatch(w.rstrip(".")) or w.endswith("'s"):
            break
        run.insert(0, w)
    if not run or not run[-1][:1].isalpha():
        return None
    noun = run[-1].lower().rstrip(".")
    # "New Jersey Gov. Chris Christie" is "the governor" afterwards
    noun = _ABBREVIATED_TITLES.get(noun, noun)
    if not _is_role_noun(noun) or noun in ("mr", "mrs", "ms", "dr"):
        return None
    return Description(noun, m.stakeholder, frozenset(_norm(w) for w in run[:-1]))


def _apposed_after(plain: str, m: Mention) -> Description | None:
    """"Jane Roe, the Republican presidential nominee," → nominee."""
    found = _APPOSITION.match(plain, m.end, m.end + 90)
    if found is None:
        return None
    noun = found.group("noun").lower()
    if not _is_role_noun(noun):
        return None
    mods = frozenset(_norm(w) for w in found.group("mods").split())
    return Description(noun, m.stakeholder, mods)


def _people_of(plain: str, m: Mention) -> Description | None:
    """"the Agency investigators", "the Agency's inspectors": the body's people."""
    after = re.match(r"(?:'s)?\s+(?P<noun>[a-z]+)\b", plain[m.end : m.end + 30])
    if after is None:
        return None
    noun = after.group("noun")
    if noun not in _PERSON_PLURAL and _AGENTIVE.fullmatch(noun) is None:
        return None
    return Description(noun, m.stakeholder, frozenset())


def profile_descriptions(profile: Profile) -> list[Description]:
    """Head nouns of each side's label and description ("... and her campaign" →
    campaign), unless the label is a person's name."""
    out: list[Description] = []
    for s in profile.stakeholders:
        for text in (s.label, s.description):
            for piece in _LABEL_SPLIT.split(text):
                words = re.findall(r"[\w.'-]+", piece)
                words = words[: next((i for i, w in enumerate(words) if i and w.lower() in
                                      _STOP), len(words))]
                if not words or is_person(words):
                    continue
                noun = words[-1]
                if noun.isalpha() and noun.islower() and len(noun) > 3 and noun not in _STOP:
                    out.append(Description(noun, s.id, frozenset(_norm(w) for w in words[:-1])))
    return out


def learn_descriptions(mentions: Sequence[Mention], plain: str) -> list[Description]:
    """Every description the article attaches to a side's name."""
    out: list[Description] = []
    for m in mentions:
        if m.kind not in ("alias", "short"):
            continue
        person = is_person(m.alias.split())
        for found in (_title_before(plain, m) if person else None, _apposed_after(plain, m),
                      _people_of(plain, m) if not person else None):
            if found is not None:
                out.append(found)
    return out


_PERSON_DESCRIPTION = re.compile(
    r"^the\s+(?:[\w.-]+\s+){0,3}?(?P<noun>[A-Za-z]+)$", re.I
)


def is_person_description(phrase: str) -> bool:
    """A definite description of one person ("The GOP presidential nominee", "the
    registered Democrat"): like "he" or "she", it stands for the person just named."""
    found = _PERSON_DESCRIPTION.match(phrase.split(",")[0].strip())
    return found is not None and found.group("noun").lower() in PERSON_NOUNS


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


_URGING = "urging|request|behest|direction|insistence|invitation"
_AT_URGING = (
    re.compile(rf"\s*(?:at|on)\s+the\s+(?P<how>{_URGING})\s+of\s+(?P<np>[^,]{{2,60}}),", re.I),
    re.compile(rf"\s*(?:at|on)\s+(?P<np>[^,]{{2,60}}?)'s?\s+(?P<how>{_URGING})\s*,", re.I),
)
# A side's own move named as a thing it owns: "Trump's threat to sue", "China's denial".
_MOVE_NOUN = re.compile(
    r"(?:'s|')?\s+(?:[a-z]+\s+)?(?P<noun>threats?|demands?|calls?|accusations?|denials?|"
    r"criticism|attacks?|warnings?|vows?|pledges?|refusal|complaints?|concerns|objections?|"
    r"ultimatum|rebuke|rejection|appeal|plea|bid|decision|announcement)\b"
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


def _choose(claims: list[Description], mods: set[str]) -> str | None:
    sides = {d.stakeholder for d in claims}
    if len(sides) == 1:
        return next(iter(sides))
    scored = {sid: max(len(d.modifiers & mods) for d in claims if d.stakeholder == sid)
              for sid in sides}
    best = max(scored.values())
    top = [sid for sid, n in scored.items() if n == best]
    return top[0] if best > 0 and len(top) == 1 else None


def _reference_at(plain: str, start: int, end: int) -> tuple[bool, set[str], str | None]:
    """Whether the noun at [start, end) heads a definite description; its modifiers; the
    name that owns it ("Obama's former strategist"), if any."""
    before = plain[max(0, start - 60) : start].split()
    mods: set[str] = set()
    for w in reversed(before):
        low = w.lower().rstrip(",")
        if w[-1:] in ",;:(\"" or low in _QUANTIFIERS:
            return False, mods, None
        if low.endswith("'s") and w[:1].isupper() and len(low) > 3:
            return True, mods, _norm(w)
        if low in _POSSESSIVE or low.endswith("'s"):
            return False, mods, None
        if low in _DEFINITE:
            return True, mods, None
        if low in _STOP or not _MODIFIER.fullmatch(w.rstrip(".")) or len(mods) >= 3:
            break
        mods.add(_norm(w))
    # no determiner: a bare plural ("Investigators said"), or a capitalised title
    # heading a sentence ("Nominee Roe")
    return plain[start:end].lower().endswith("s"), mods, None


def with_descriptions(mentions: list[Mention], plain: str, profile: Profile) -> list[Mention]:
    """``mentions`` plus a weak reference wherever a learned description is used."""
    learned = [*learn_descriptions(mentions, plain), *profile_descriptions(profile)]
    claims: dict[str, list[Description]] = {}
    for d in learned:
        claims.setdefault(d.noun, []).append(d)
    if not claims:
        return mentions
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, sorted(claims)))})(?![\w-])",
                         re.I)
    alias_of = {m.stakeholder: m.alias for m in mentions}
    for s in profile.stakeholders:
        alias_of.setdefault(s.id, s.aliases[0] if s.aliases else s.label)
    extra: list[Mention] = []
    for x in pattern.finditer(plain):
        if re.match(r"\s+[A-Z]", plain[x.end() : x.end() + 2]):
            continue  # a title before someone else's name
        definite, mods, owner = _reference_at(plain, x.start(), x.end())
        claimed = claims[x.group().lower()]
        if owner is not None:
            # someone's strategist is the side's only where its description names him
            claimed = [d for d in claimed if owner in d.modifiers]
        sid = _choose(claimed, mods) if definite and claimed else None
        if sid is not None:
            extra.append(Mention(x.start(), x.end(), sid, alias_of[sid], "head",
                                 plain[x.end() : x.end() + 2] == "'s"))
    if not extra:
        return mentions
    merged = sorted([*mentions, *extra], key=lambda m: (m.start, m.kind == "head"))
    out: list[Mention] = []
    for m in merged:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
