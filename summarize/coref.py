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
from summarize.lexicon import DOCUMENT_NOUNS, ROLE
from summarize.quantities import NEWS_DAYS
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
    "whistleblower millionaire politician populist veteran secretary president".split()
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
_PLURAL_OPENER = re.compile(r"[A-Z][a-z]{3,}[^s]s")
_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ing|ed)")


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


_STAFF = frozenset("spokesman spokeswoman spokesperson aide aides lawyer lawyers attorney "
                   "attorneys adviser advisers advisor advisors".split())


def _people_of(plain: str, m: Mention, person: bool) -> Description | None:
    """"the Agency investigators", "the Agency's inspectors": a body's people;
    "Cameron's spokesman said ...": a person's staff, "the spokesman" later on."""
    after = re.match(r"(?P<own>'s)?\s+(?P<noun>[a-z]+)\b", plain[m.end : m.end + 30])
    if after is None:
        return None
    noun = after.group("noun")
    if person:
        fits = after.group("own") is not None and noun in _STAFF
    else:
        fits = noun in _PERSON_PLURAL or _AGENTIVE.fullmatch(noun) is not None
    return Description(noun, m.stakeholder, frozenset()) if fits else None


def profile_descriptions(profile: Profile) -> list[Description]:
    """Head nouns of each side's label and description ("... and her campaign" →
    campaign), unless the label is a person's name."""
    out: list[Description] = []
    for s in profile.stakeholders:
        for text in (s.label, s.description):
            for k, piece in enumerate(_LABEL_SPLIT.split(text)):
                words = re.findall(r"[\w.'-]+", piece)
                # the head ends before a stop word, or a participle that opens a phrase
                # ("former DNC chairman calling for a plan", "groups opposing the rule")
                words = words[: next((i for i, w in enumerate(words) if i and (
                    w.lower() in _STOP or (_PARTICIPLE.fullmatch(w) and i + 1 < len(words)
                    and words[i + 1].lower() in _STOP))), len(words))]
                if not words or is_person(words):
                    continue
                if k == 0 and _PLURAL_OPENER.fullmatch(words[0]):
                    # "States led by West Virginia ...": a group whose capital is by place
                    out.append(Description(words[0].lower(), s.id, frozenset()))
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
        # a one-word alias ("Obama") is a person where the article puts a title before it
        titled = person or len(m.alias.split()) == 1
        for found in (_title_before(plain, m) if titled else None, _apposed_after(plain, m),
                      _people_of(plain, m, person)):
            if found is not None:
                out.append(found)
    return out


_PERSON_DESCRIPTION = re.compile(
    r"^the\s+(?:[\w.-]+\s+){0,5}?(?P<noun>[A-Za-z]+)$", re.I
)


_TRAILING_DAY = re.compile(rf"\s+(?:on|last|this|early|late)\s+(?:{NEWS_DAYS})$", re.I)


def is_person_description(phrase: str) -> bool:
    """A definite description of one person ("The GOP presidential nominee", "the
    registered Democrat"): like "he" or "she", it stands for the person just named."""
    # "The former secretary of state": the head comes before its "of"; "the Kentucky
    # Republican on Tuesday": a day after the head is no part of it
    head = re.split(r"\s+of\s+", phrase.split(",")[0].strip(), maxsplit=1)[0]
    head = _TRAILING_DAY.sub("", head)
    found = _PERSON_DESCRIPTION.match(head)
    return found is not None and found.group("noun").lower() in PERSON_NOUNS


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


@dataclass(frozen=True)
class LabelNoun:
    """A head noun the profile's label gives a side, with all the label's words."""

    noun: str
    stakeholder: str
    words: frozenset[str]
    acronyms: frozenset[str]
    groups: frozenset[str] = frozenset()  # plural nouns: "other governments" → government


def _singular(word: str) -> str:
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"  # "companies", "parties"
    if low.endswith("sses"):
        return low[:-2]  # "businesses"
    return low[:-1] if low.endswith("s") and not low.endswith(("ss", "us", "is")) else low


# "Business groups opposing the rule": a side whose label takes a stance is the group
# that stance names ("Opponents argued ...", "Many critics say ...")
_STANCE_GROUPS = (
    (re.compile(r"\b(?:oppos(?:e|es|ed|ing)|against|critical of|critics of)\b", re.I), "critic"),
    (re.compile(r"\b(?:back(?:s|ed|ing)|support(?:s|ed|ing)|favou?r(?:s|ed|ing)?)\b", re.I),
     "supporter"),
)


def label_nouns(profile: Profile) -> list[LabelNoun]:
    """Each side's label head nouns: "other unions" → union; "Former DNC chairman Don
    Fowler" → chairman, the role before a name."""
    out: list[LabelNoun] = []
    for s in profile.stakeholders:
        text = f"{s.label} {s.description}"
        words = frozenset(_singular(w) for w in re.findall(r"[\w'-]+", text)
                          if w.lower() not in _STOP)
        acronyms = frozenset(w for w in re.findall(r"\b[A-Z]{2,5}\b", text))
        stances = frozenset(group for stance, group in _STANCE_GROUPS if stance.search(text))
        groups = frozenset(_singular(w) for k, w in enumerate(re.findall(r"[\w'-]+", text))
                           if (w.islower() or k == 0) and w.endswith("s")
                           and not w.endswith(("ss", "'s")) and len(w) > 4) | stances
        # a stance is a noun of the side even where its label is a proper name
        nouns = {d.noun for d in profile_descriptions(Profile(profile.name, (s,)))} | stances
        for piece in _LABEL_SPLIT.split(s.label):
            run = re.findall(r"[\w.'-]+", piece)
            # "Former DNC chairman Don Fowler": the lower-case role before the name
            k = len(run)
            while k > 0 and run[k - 1][:1].isupper():
                k -= 1
            if 0 < k < len(run) and run[k - 1].isalpha() and run[k - 1].islower():
                nouns.add(run[k - 1])
        out.extend(LabelNoun(_singular(n), s.id, words, acronyms, groups) for n in nouns
                   if n.lower() not in _STOP and len(n) > 3)
    return out


_PHRASE_CUT = re.compile(r"^(?:of|for|from|with|who|that|which|in|at|on|by|to)$|ing$")


def label_side(phrase: str, nouns: Sequence[LabelNoun]) -> str | None:
    """The one side whose label a description fits by its head noun and one more word
    of the label ("A union representing flight attendants" → "Association of Flight
    Attendants and other unions"; "A former Democratic National Committee chairman" →
    "Former DNC chairman ..."), however indefinite; None when no side or two do."""
    words = re.findall(r"[\w'-]+", phrase.split(",")[0])
    while words and (words[0].lower() in _QUANTIFIERS or words[0].lower() in _DEFINITE
                     or words[0].isdigit()):
        words = words[1:]
    cut = next((k for k, w in enumerate(words) if k and _PHRASE_CUT.search(w.lower())),
               len(words))
    if not words or cut == 0:
        return None
    head = _singular(words[cut - 1].rstrip("'s"))
    rest = [w for k, w in enumerate(words) if k != cut - 1]
    sides = set()
    for n in nouns:
        if n.noun != head:
            continue
        shared = {_singular(w) for w in rest} & n.words - {"former", head}
        initials = "".join(w[0] for w in rest if w[:1].isupper())
        if shared or any(a in initials for a in n.acronyms):
            if "former" in (w.lower() for w in rest) and "former" not in n.words:
                continue  # a former chairman speaks for nobody, unless the label says so
            sides.add(n.stakeholder)
    if not sides and cut == len(words) and phrase.split()[0].lower() not in ("other", "another"):
        sides = _group_sides(words, nouns)  # "Other officials": not the label's own
    return next(iter(sides)) if len(sides) == 1 else None


# Plural nouns that name the same kind of group: "World leaders" are among the
# "governments" a label names, "physicians" among its "doctors".
_GROUP_KIN = (
    frozenset("government nation country leader diplomat capital".split()),
    frozenset("lawmaker legislator congressman congresswoman senator representative".split()),
    frozenset("doctor physician surgeon".split()),
    frozenset("worker employee staffer".split()),
    frozenset("activist campaigner protester demonstrator advocate".split()),
    frozenset("critic opponent detractor".split()),
    frozenset("supporter backer ally loyalist proponent".split()),
    frozenset("official officer".split()),
    frozenset("company firm corporation business".split()),
)
# What may stand before such a plural and still leave the group the label's
_GROUP_MODIFIERS = frozenset(
    "world top senior fellow local foreign international global leading prominent key "
    "some many several most".split()
)


def _kin(a: str, b: str) -> bool:
    return a == b or any(a in g and b in g for g in _GROUP_KIN)


def _group_sides(words: list[str], nouns: Sequence[LabelNoun]) -> set[str]:
    """"World leaders and diplomats", "Developers": a bare plural group whose noun (or
    its kin) is a plural noun of exactly one side's label, when every modifier before it is
    general or the label's own. A named modifier the label lacks ("Chinese leaders")
    or a complement ("lawyers for the city") leaves the group to nobody."""
    first = words[: words.index("and")] if "and" in words else words
    if not first:  # "Two and a half million voters", "Some and perhaps many leaders"
        return set()
    head = first[-1].lower() if len(first) == 1 else first[-1]  # "Developers say ..."
    if len(head) < 4 or not head.islower() or not head.endswith("s") or head.endswith("ss"):
        return set()
    noun = _singular(head)
    sides: set[str] = set()
    for n in nouns:
        if not any(_kin(noun, w) for w in n.groups):
            continue
        if all(w.lower() in _GROUP_MODIFIERS or _singular(w) in n.words for w in first[:-1]):
            sides.add(n.stakeholder)
    return sides
