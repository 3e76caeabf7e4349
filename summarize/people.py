"""The people of the sides an article names, as pronouns and surnames reach them.

"He said" means somebody the reader met a sentence or two before; "Zhao" means the
person introduced earlier as "spokesperson Zhao Lijian". ``People`` keeps the side's
people named outside quotes, in order, and learns which of "he" and "she" the article
uses for each of them, so a pronoun of the other gender skips to the next person back.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from summarize.aliases import TITLES, Mention, is_person
from summarize.phrases import Resolution
from summarize.records import Profile

_TITLE_GENDER = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
PERSON_REACH = 400  # "Mr. Sloan ... He made no pronouncements": a person named just before
_NAME = re.compile(r"[A-Z][\w'-]+")


@dataclass(frozen=True)
class Voice:
    """The speaker in force: who, as named, and where they were last established."""

    stakeholder: str
    name: str
    passage: str


def learned_name(who: Resolution) -> str | None:
    """The surname a resolved speaker phrase introduces ("... spokesperson Zhao Lijian")."""
    names = [w for w in _NAME.findall(who.phrase.split(",")[0])
             if w.lower().rstrip(".") not in TITLES]
    return names[-1] if len(names) >= 2 else None


def surname_of(surface: str) -> str | None:
    """The one name of a speaker met by surname alone ("Zhao", "Mr. Lou")."""
    words = [w for w in surface.split() if w.lower().rstrip(".") not in TITLES]
    return words[0] if len(words) == 1 and _NAME.fullmatch(words[0]) else None


class People:
    """The side's people named (outside quotes) in an article, and their he/she."""

    def __init__(self, mentions: Sequence[Mention], plain: str) -> None:
        self.plain = plain
        self.mentions = [m for m in mentions if m.kind in ("alias", "short")
                         and is_person(m.alias.split()) and not m.possessive]
        self._starts = [m.start for m in self.mentions]
        self.genders: dict[str, str] = {}  # surname → "he" / "she", as the article uses them

    def knows(self, name: str) -> bool:
        """Whether ``name`` (as a voice was named) is one of the side's people."""
        last = name.split()[-1] if name.split() else ""
        return any(last in m.alias.split() for m in self.mentions)

    def before(self, at: int, reach: int = PERSON_REACH) -> Iterator[Mention]:
        """The side's people named within reach before ``at``, the nearest first."""
        i = bisect_left(self._starts, at) - 1
        while i >= 0 and at - self.mentions[i].start <= reach:
            yield self.mentions[i]
            i -= 1

    def none_before(self, at: int) -> bool:
        """Whether no person of a side is named anywhere before ``at``."""
        return not self.mentions or self.mentions[0].start >= at

    def first_after(self, at: int, passage: str) -> Voice | None:
        """The side's person named first after ``at``, within reach: whom an article's
        opening "He ..." means before it names him."""
        i = bisect_left(self._starts, at)
        if i == len(self.mentions) or self.mentions[i].start - at > 2 * PERSON_REACH:
            return None
        m = self.mentions[i]
        return Voice(m.stakeholder, self.plain[m.start : m.end], passage)

    def last(self, at: int, since: int, passage: str) -> Voice | None:
        """The person named last before ``at``, if named at or after ``since`` (the
        previous paragraph, or where somebody outside the profile last spoke)."""
        m = next(self.before(at), None)
        if m is None or m.start < since:
            return None
        return Voice(m.stakeholder, self.plain[m.start : m.end], passage)

    def known_as(self, at: int, since: int, pronoun: str, passage: str) -> Voice | None:
        """The side's person named last, after ``since`` and within three times the usual
        reach, whom the article already called ``pronoun``: a speech tag's "she" after a
        paragraph about something else ('"He better live," she said'). ``since``: where
        somebody outside the profile who may be that "she" last spoke or acted."""
        for m in self.before(at, 3 * PERSON_REACH):
            name = self.plain[m.start : m.end]
            if m.start < since:
                return None
            if self.genders.get(name.split()[-1]) == pronoun:
                return Voice(m.stakeholder, name, passage)
        return None

    def agreeing(self, at: int, v: Voice, pronoun: str, passage: str) -> Voice:
        """``v``, unless it was met as the other gender: then the person a side named
        last, close before, if not met as the other gender too ("Ruhle asked Flynn ...
        He did not do so" after "..., she said" was Ruhle's). A gender is learnt from
        the first he/she that carries a person's words or acts on."""
        said = next((m for m in self.before(at) if m.stakeholder == v.stakeholder
                     and self.plain[m.start : m.end] == v.name), None)
        if self._is(v.name, pronoun, said):
            return v
        for m in self.before(at):
            name = self.plain[m.start : m.end]
            if m.stakeholder != v.stakeholder and self._is(name, pronoun, m):
                return Voice(m.stakeholder, name, passage)
        return v

    def _is(self, name: str, pronoun: str, m: Mention | None) -> bool:
        """Whether ``name`` may be ``pronoun``: the title the article put before it says
        ("Ms. Khan" beside her husband "Mr. Khan"), else the first he/she the article gave
        the surname, learnt here."""
        if m is not None:
            title = _TITLE.search(self.plain, max(0, m.start - 6), m.start)
            if title is not None:
                return _TITLE_GENDER[title.group(1).lower()] == pronoun
        return self.genders.setdefault(name.split()[-1], pronoun) == pronoun


def misspelt_person(name: str, profile: Profile) -> tuple[str, str] | None:
    """The side and alias of the one person the profile names whose surname is ``name``'s
    last word but for one letter ("McLenney" for "Tyresha McClenney", "Wines" for "Leslie
    Wimes"): news copy misspells names, and a speaker so close to a side's person is that
    person. A plural ("Clintons") is no misspelling."""
    words = name.split()
    last = words[-1].rstrip(".,;:") if words else ""
    if len(last) < 5 or not last[:1].isupper():
        return None
    people = [(s.id, a.split()) for s in profile.stakeholders for a in s.aliases]
    found = {(sid, " ".join(words)) for sid, words in people
             if is_person(words) and _one_letter_apart(last, words[-1])}
    return next(iter(found)) if len({sid for sid, _ in found}) == 1 else None


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped, the first two kept: "Wines"/"Wimes"."""
    a, b = a.lower(), b.lower()
    if a == b or a[:2] != b[:2] or abs(len(a) - len(b)) > 1 or a in (b + "s", b + "es") \
            or b in (a + "s", a + "es"):
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


_PRONOUN = re.compile(r"\b(?:(?P<he>he|him|his|himself)|(?P<she>she|her|hers|herself))\b",
                      re.I)


def pronoun_gender(sentence: str) -> tuple[str, ...]:
    """The subject pronouns that may stand for the person a sentence is about: those of
    the first gendered pronoun in it ("... with his wife": "he"), else both."""
    m = _PRONOUN.search(sentence)
    if m is None:
        return ("he", "she")
    return ("he",) if m.group("he") else ("she",)
