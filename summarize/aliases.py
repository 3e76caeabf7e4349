"""Alias matching: the names a profile gives each side, found in article text.

From each alias the index derives the other ways an article names that side:
plural/singular of a common-noun alias ("G7 partner"), a person's surname or given
name alone ("Zhao", "Mr. Lou"), a person's title ("the president"), the head noun of a
multi-word alias ("the statement" for "joint statement") and, for an alias built on a
demonym ("Chinese government"), the country itself ("China"). Full aliases and names
are *strong*; the derived references are *weak* and only count where a noun phrase
is headed by them (see ``summarize.phrases``). A form claimed by two sides is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from summarize.lexicon import DETERMINERS
from summarize.places import COUNTRIES, PLACES
from summarize.quantities import MONTHS, WEEKDAYS
from summarize.read import normalise
from summarize.records import Profile
from summarize.verbs import PREPOSITIONS, VERB_FORMS

MentionKind = Literal["alias", "short", "title", "head", "country", "demonym"]
STRONG_KINDS: frozenset[str] = frozenset({"alias", "short"})
_PRIORITY: dict[str, int] = {
    "alias": 0, "short": 1, "title": 2, "head": 3, "country": 4, "demonym": 5
}

TITLES = frozenset(
    "mr mrs ms dr prof president secretary minister senator sen rep representative gov "
    "governor premier chancellor judge justice chairman chairwoman chair mayor general "
    "ambassador commissioner director spokesperson spokesman spokeswoman prince king queen "
    "sheikh lord sir dame cardinal pope".split()
)
# Words that make a capitalised alias an organisation or place, not a person.
_ORG_WORDS = frozenset(
    "government ministry department agency office council committee commission court union "
    "unions party alliance coalition association federation institute university company "
    "corporation inc corp ltd group groups administration house senate congress parliament "
    "bank fund board authority service services news times post press network league bureau "
    "center centre foundation organization organisation nations states republic kingdom "
    "america workers parliamentarians army police industry gazette tribune herald journal "
    "chronicle telegraph magazine daily embassy consulate mission cabinet".split()
)
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())  # "Jr.", "III": no given name
# Capitalised words before a surname that are not somebody else's given name
# Capitalised words before or after a name that are no other person's given name or
# surname: titles, party words, days and months, and the words that open a clause
_NOT_GIVEN = TITLES | DETERMINERS | PREPOSITIONS | frozenset(WEEKDAYS) | frozenset(MONTHS) | (
    frozenset(
        "and but or nor so yet when if as after before while since though although because "
        "unless until like unlike both neither either even only former then now today "
        "yesterday tonight democrat democratic republican gop vice first lady candidate "
        "nominee rival lt gen col sgt capt rev st".split()
    )
)
# The formal and familiar forms of a given name, one person's either way ("Joseph R. Biden
# Jr." is the alias "Joe Biden")
_NICKNAMES = {
    "joe": "joseph", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
    "jim": "james", "jimmy": "james", "mike": "michael", "tom": "thomas", "chuck": "charles",
    "charlie": "charles", "dick": "richard", "rick": "richard", "ted": "edward",
    "ed": "edward", "tim": "timothy", "dan": "daniel", "dave": "david", "steve": "stephen",
    "ben": "benjamin", "pat": "patrick", "tony": "anthony", "nick": "nicholas",
    "chris": "christopher", "matt": "matthew", "andy": "andrew", "sam": "samuel",
    "jon": "jonathan", "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine",
    "kathy": "katherine", "jen": "jennifer", "jenny": "jennifer", "mitch": "mitchell",
    "newt": "newton", "al": "albert", "hank": "henry", "jack": "john", "johnny": "john",
}
# on one line only: a paragraph break is no space between two names
_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\"(]\s*)$")


def _given(word: str) -> str:
    return _NICKNAMES.get(word.lower(), word.lower())


def _namelike(word: str) -> bool:
    """A capitalised word that can be somebody's name: not a title, a function word, a
    particle, or a verb in a Title-Case headline ("Obama Slams Trump")."""
    low = word.lower()
    return low not in _NOT_GIVEN and low not in _NAME_PARTICLES and low not in VERB_FORMS


def _anothers_name(text: str, start: int, end: int, alias: str) -> bool:
    """A short form that is part of another person's name: "Brittany" of "Brittany Lockwood"
    in "said Brittany Self", "Clinton" of "Hillary Clinton" in "and Chelsea Clinton". A
    word that opens the sentence, a middle name ("Hillary Rodham Clinton") and the formal
    form of the given name ("Joseph Biden") are no other person's."""
    words = alias.split()
    given = {_given(w) for w in words[:-1]}
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[start:end] == words[0] and len(words) > 1:
        nxt = _NAME_AFTER.match(text, end, line_end)
        if nxt is None or nxt.group(1) in words or not _namelike(nxt.group(1)):
            return False
        then = _NAME_AFTER.match(text, nxt.end(), line_end)
        return then is None or then.group(1) != words[-1]
    prev = _NAME_BEFORE.search(text, max(line_start, start - 40), start)
    if prev is None or prev.group(1) in words or _given(prev.group(1)) in given \
            or not _namelike(prev.group(1)):
        return False
    if _SENTENCE_OPEN.search(text, max(line_start, prev.start() - 3), prev.start()):
        return False  # "Because Trump won": any word may open a sentence
    middle = _NAME_BEFORE.search(text, max(line_start, prev.start() - 40), prev.start())
    return middle is None or _given(middle.group(1)) not in given


_PLACE_FIRST = frozenset("west east north south new upper lower saint st san los las el great "
                         "united central northern southern western eastern".split())
# Which kind of body a side is, from the words of its aliases, so that a generic noun
# ("the company", "employees") can stand for the one side of that kind.
_COMPANY_WORDS = frozenset("company corporation inc corp ltd group groups bank".split())
_NOT_COMPANY = (_ORG_WORDS - _COMPANY_WORDS) | frozenset(
    "secretary minister president statement letter motion parliamentarians campaign".split()
)
_UNION_WORDS = frozenset("union unions workers strikers employees guild teamsters".split())
TYPE_NOUNS: dict[str, tuple[str, ...]] = {
    "company": ("company", "firm", "corporation", "carrier", "giant", "employer", "automaker",
                "retailer", "manufacturer", "insurer", "conglomerate", "companies", "firms"),
    "union": ("employees", "workers", "strikers", "union members"),
}
# A party's members, by the forms that name one of them or qualify a role of theirs.
_PARTY_MEMBERS = {"republicans": ("Republican",), "democrats": ("Democrat", "Democratic")}
_NAME_PARTICLES = frozenset("de da del della di du van von der den la le bin ibn al el dos das "
                            "y".split())
_HEAD_STOP = frozenset("of on for in at to from with against".split())


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    stakeholder: str
    alias: str
    kind: MentionKind
    possessive: bool

    @property
    def strong(self) -> bool:
        return self.kind in STRONG_KINDS


_Form = tuple[str, str, MentionKind]  # stakeholder id, alias, kind


def _clean(alias: str) -> str:
    text = " ".join(normalise(alias).split()).strip(" ,;:")
    return re.sub(r"^the\s+", "", text, flags=re.I)


def _inflections(word: str) -> list[str]:
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return [word[:-3] + "y"]
    if low.endswith(("ches", "shes", "sses", "xes")):
        return [word[:-2]]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return [word[:-1]]
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if low.endswith(("ch", "sh", "s", "x", "z")):
        return [word + "es"]
    return [word + "s"]


def is_person(tokens: list[str]) -> bool:
    if not 2 <= len(tokens) <= 5:
        return False
    if any(t.lower().rstrip(".") in _ORG_WORDS for t in tokens):
        return False
    # "Bill de Blasio", "Ludwig van Beethoven": a lower-case particle inside a name
    if not all(t[:1].isupper() or (0 < k < len(tokens) - 1 and t in _NAME_PARTICLES)
               for k, t in enumerate(tokens)):
        return False
    if tokens[-1].lower().rstrip(".") in TITLES or tokens[0].lower() in _PLACE_FIRST:
        return False
    if tokens[0].lower() in COUNTRIES:  # "Russian Embassy", "British Council"
        return False
    if any(t.lower() in PLACES for t in tokens):  # "Russia Today" is no person
        return False
    return not any(t.isupper() and len(t) > 1 and not t.endswith(".") for t in tokens)


def _head(tokens: list[str]) -> str:
    for i, t in enumerate(tokens):
        if i > 0 and t.lower() in _HEAD_STOP:
            return tokens[i - 1]
    return tokens[-1]


def alias_forms(sid: str, alias: str, inflect: bool = True) -> list[tuple[str, _Form]]:
    """Every (surface form, (side, alias, kind)) one alias contributes."""
    text = _clean(alias)
    if not text:
        return []
    tokens = text.split()
    low = text.lower()
    out: list[tuple[str, _Form]] = [(text, (sid, text, "alias"))]
    if tokens[-1].rstrip(".").lower() in NAME_SUFFIXES and len(tokens) > 2:
        # "Donald Trump Jr.": the son is never "Trump" or "Donald Trump" alone (that is
        # the father), but he is "Donald Trump Jr" without the dot and "Trump Jr."
        suffix = tokens[-1].rstrip(".")
        out.append((f"{' '.join(tokens[:-1])} {suffix}", (sid, text, "alias")))
        out.append((f"{tokens[-2]} {suffix}.", (sid, text, "short")))
        out.append((f"{tokens[-2]} {suffix}", (sid, text, "short")))
        if suffix.lower() == "jr":  # "Donald Trump's son", "Donald Trump's eldest son"
            father = " ".join(tokens[:-1])
            out.extend((f"{father}'s {age}son", (sid, text, "alias"))
                       for age in ("", "eldest ", "oldest "))
        return out
    if len(tokens) == 1 and text.isalpha() and text.isupper() and 2 <= len(text) <= 6:
        # "FBI" is "F.B.I." in the house style of some papers
        out.append(("".join(f"{c}." for c in text), (sid, text, "alias")))
    # "State Board of Elections" is also "State Board Of Election" in a headline
    capitalised = len(tokens) > 1 and tokens[-1][1:].islower() and not is_person(tokens)
    if inflect and (tokens[-1].islower() or capitalised):
        for form in _inflections(tokens[-1]):
            out.append((" ".join([*tokens[:-1], form]), (sid, text, "alias")))
    if is_person(tokens):
        title = tokens[0].lower().rstrip(".") in TITLES
        names = [t for t in tokens[1:] if not t.endswith(".")] if title else tokens
        names = [t for t in names if not (len(t) <= 2 and t.endswith("."))]
        if title:
            out.append((tokens[0].rstrip("."), (sid, text, "title")))
        if names:
            out.append((names[-1], (sid, text, "short")))
            if len(names) >= 2 and not title:
                out.append((names[0], (sid, text, "short")))
                out.append((f"{names[0]} {names[-1]}", (sid, text, "alias")))
    elif len(tokens) > 1:
        head = _head(tokens)
        if head[:1].isalpha() and len(head) > 2:
            out.append((head, (sid, text, "head")))
            if head.islower() or head[1:].islower():
                out.extend((f, (sid, text, "head")) for f in _inflections(head))
    if len(tokens) > 1 and low.endswith(" administration"):
        # a president's administration speaks as the White House; below an alias, so a
        # side the profile names "White House" keeps it
        out.append(("White House", (sid, text, "short")))
    if len(tokens) == 1 and low in _PARTY_MEMBERS:
        # "Republicans" is also "One Republican", "a Republican source"
        out.extend((form, (sid, text, "demonym")) for form in _PARTY_MEMBERS[low])
    for demonym, places in COUNTRIES.items():
        named = len(tokens) > 1 and re.search(rf"\b{demonym}\b", low)
        if named or low in (p.lower() for p in places):
            # "United States" is also "U.S." and "America": "U.S. leaders have ruled out"
            out.extend((place, (sid, text, "country")) for place in places
                       if named or place.lower() != low)
            out.append((demonym, (sid, text, "demonym")))
            if not demonym.endswith(("ese", "sh", "ch", "s")):
                # "The Saudis have warned ...": the country's people as its voice
                out.append((f"{demonym}s", (sid, text, "demonym")))
    return out


_SHORT_WORDS = frozenset("of in on at to by an or as is it no so up we my me he be do go".split())


def _id_names(sid: str) -> list[str]:
    """A side id read as a name: "eu-leaders" is "eu leaders", also "E.U. leaders" (a
    two-letter piece is an initialism, dotted in some papers' style)."""
    words = sid.split("-")
    dotted = [f"{w[0].upper()}.{w[1].upper()}." if len(w) == 2 and w.isalpha()
              and w not in _SHORT_WORDS else w for w in words]
    names = [" ".join(words)]
    return names if dotted == words else [*names, " ".join(dotted)]


def _kind_of_body(aliases: tuple[str, ...]) -> str | None:
    """'union' or 'company' when a side's aliases say so, else None."""
    words = {w.lower().rstrip(".") for a in aliases for w in _clean(a).split()}
    if words & _UNION_WORDS:
        return "union"
    proper = [
        _clean(a) for a in aliases
        if _clean(a)[:1].isupper() and not is_person(_clean(a).split())
        and _clean(a).split()[0].lower() not in _PLACE_FIRST
    ]
    if any(a.lower() in PLACES for a in map(_clean, aliases)) or words & _NOT_COMPANY:
        return None
    return "company" if proper else None


def _case_sensitive(form: str, kind: MentionKind) -> bool:
    if kind == "short":
        return True
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


class AliasIndex:
    """All forms of a profile's aliases, compiled into two regexes (case-(in)sensitive)."""

    def __init__(self, profile: Profile) -> None:
        claims: dict[tuple[str, bool], list[_Form]] = {}

        def claim_all(forms: list[tuple[str, _Form]], taken: frozenset[str]) -> None:
            for form, claim in forms:
                if form.lower() not in taken:
                    cs = _case_sensitive(form, claim[2])
                    claims.setdefault((form if cs else form.lower(), cs), []).append(claim)

        for s in profile.stakeholders:
            for alias in s.aliases:
                claim_all(alias_forms(s.id, alias), frozenset())
        # the id is a name of last resort: id "flynn" must not turn the surname "Flynn"
        # of alias "Michael Flynn" from a person into a body
        taken = frozenset(form.lower() for form, _ in claims)
        for s in profile.stakeholders:
            for name in _id_names(s.id):
                claim_all(alias_forms(s.id, name, inflect=False), taken)
            for alias in s.aliases:  # "Mr. Biden" for "Joseph R. Biden Jr.", when no other
                words = _clean(alias).split()  # alias is a Biden: a suffix is house style
                if len(words) > 2 and words[-1].rstrip(".").lower() in NAME_SUFFIXES:
                    claim_all([(form, (sid, " ".join(words), kind)) for form, (sid, _, kind)
                               in alias_forms(s.id, " ".join(words[:-1]), inflect=False)], taken)
        kinds: dict[str, list[str]] = {}
        for s in profile.stakeholders:
            kind = _kind_of_body(s.aliases)
            if kind is not None:
                kinds.setdefault(kind, []).append(s.id)
        for kind, ids in kinds.items():
            if len(ids) == 1:
                alias = _clean(profile.stakeholder(ids[0]).aliases[0])
                for noun in TYPE_NOUNS[kind]:
                    claims.setdefault((noun, False), []).append((ids[0], alias, "head"))
        self.forms: dict[tuple[str, bool], _Form] = {}
        for key, found in claims.items():
            best = min(_PRIORITY[k] for _, _, k in found)
            top = [c for c in found if _PRIORITY[c[2]] == best]
            if len({sid for sid, _, _ in top}) == 1:
                self.forms[key] = top[0]
        self._patterns = [
            (cs, self._compile([f for f, c in self.forms if c == cs], cs)) for cs in (False, True)
        ]

    @staticmethod
    def _compile(forms: list[str], cs: bool) -> re.Pattern[str] | None:
        if not forms:
            return None
        body = "|".join(
            r"\s+".join(re.escape(w) for w in f.split())
            for f in sorted(forms, key=len, reverse=True)
        )
        return re.compile(rf"(?<![\w-])(?:{body})(?!\w)", 0 if cs else re.IGNORECASE)

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions in ``text`` (already normalised), longest first."""
        found: list[Mention] = []
        for cs, pattern in self._patterns:
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                surface = " ".join(m.group().split())
                claim = self.forms.get((surface if cs else surface.lower(), cs))
                if claim is None:
                    continue
                if claim[2] == "short" and _anothers_name(text, m.start(), m.end(), claim[1]):
                    continue
                after = text[m.end() : m.end() + 2]
                possessive = after == "'s" or (after[:1] == "'" and surface.endswith("s"))
                found.append(Mention(m.start(), m.end(), claim[0], claim[1], claim[2], possessive))
        found.sort(key=lambda x: (x.start, -(x.end - x.start), _PRIORITY[x.kind]))
        out: list[Mention] = []
        for mention in found:
            if out and mention.start < out[-1].end:
                continue
            out.append(mention)
        return out


@lru_cache(maxsize=32)
def alias_index(profile: Profile) -> AliasIndex:
    return AliasIndex(profile)


MIN_MENTIONS = 3
_EMBEDDED = re.compile(r" [A-Z][a-z]")


def dominant_side(mentions: Sequence[Mention], text: str) -> tuple[str, str, int] | None:
    """One side named at least three times (two are often one name in apposition: "the
    network, RT, ... Russia Today"), twice as often as any other: its id, the alias it
    was first named by, and the count. A one-word name inside a longer proper name
    ("South China Sea") names something else."""
    counts = Counter(
        m.stakeholder for m in mentions
        if m.strong and not (" " not in m.alias and _EMBEDDED.match(text, m.end))
    )
    if not counts:
        return None
    (top, n), *rest = [*counts.most_common(), ("", 0)]
    second = rest[0][1] if rest else 0
    if n >= MIN_MENTIONS and n >= 2 * second:
        alias = next(m.alias for m in mentions if m.stakeholder == top and m.strong)
        return top, alias, n
    return None
