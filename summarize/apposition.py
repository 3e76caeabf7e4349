"""References an article teaches about its sides, before any passage is attributed.

"the bank, NatWest," and "Russia Today, a television network" make "the bank" and "the
network" weak names of those sides; "Warren issued a report" makes "the report" hers; a
side the article gives a board or employees is an organisation, whatever its name looks
like. Pure functions over the alias mentions of ``aliases.AliasIndex``, and
``Organisations``, which finds the body a later "the group" or "Officials" stands for.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from summarize.aliases import Mention, is_person
from summarize.lexicon import ISSUED_DOCUMENTS, ROLE
from summarize.places import PLACES

_APPOSED_BEFORE = re.compile(r"\b(?:the|its)\s+(?:[a-z-]+\s+){0,2}(?P<noun>[a-z]+),\s*$")
_APPOSED_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?(?P<noun>[a-z]+)"
    r"(?=\s*[,.;]|\s+(?:that|which|who|based|meant|known|in|of|for|at|on|with)\b)"
)
_NOT_APPOSED = frozenset("one part most some many all each both".split())
# "Warren issued a report arguing ...": later "the report said" is hers.
_ISSUED = re.compile(
    r"\s+(?:has\s+|had\s+|also\s+)*(?:issued|released|published|sent|wrote|filed|signed|"
    r"unveiled|delivered|submitted|drafted|put out|launched|aired|ran)\s+"
    r"(?:a|an|the|its|his|her|their)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?P<noun>{'|'.join(ISSUED_DOCUMENTS)})\b"
)
# Nouns one kind of body goes by: a side the article calls "the network" is also "the
# broadcaster" when no other side claims that word.
_SAME_KIND = (
    frozenset("network broadcaster channel station outlet newspaper".split()),
    frozenset("agency regulator commission watchdog".split()),
    frozenset("bank lender".split()),
    frozenset("court panel tribunal".split()),
    frozenset("company firm corporation".split()),
    frozenset("ad spot commercial".split()),  # a campaign's "ad" is also its "spot"
)
# What only an organisation has: "Wells Fargo's board", "the Verizon workers".
_ORG_PART = re.compile(
    r"(?:'s)?\s+(?:board|branches|employees|workers|headquarters|executives|shareholders|"
    r"customers|website|staff|founder|account)\b"
)


def with_apposed_nouns(mentions: list[Mention], plain: str) -> list[Mention]:
    """Add the common nouns an article puts in apposition to a side's name ("the bank,
    NatWest," / "Russia Today, a television network") as weak references to that side."""
    learned: dict[str, set[str]] = {}
    for m in mentions:
        if not m.strong:
            continue
        # a surname issues papers too ("Warren issued a report"), but only a full name
        # is trusted with an apposition
        full = m.kind == "alias"
        before = _APPOSED_BEFORE.search(plain, max(0, m.start - 60), m.start) if full else None
        after = _APPOSED_AFTER.match(plain, m.end, m.end + 80) if full else None
        issued = _ISSUED.match(plain, m.end, m.end + 80)
        for found in (before, after, issued):
            noun = found.group("noun").lower() if found is not None else ""
            # a campaign "ad" is short, but a document it put out all the same
            if noun and (len(noun) > 2 or found is issued) and noun not in ROLE \
                    and noun not in _NOT_APPOSED:
                learned.setdefault(noun, set()).add(m.stakeholder)
    claimed = {m.alias.lower() for m in mentions} | {
        w.lower() for m in mentions if m.kind != "alias" for w in plain[m.start:m.end].split()
    }
    for kind in _SAME_KIND:
        sides = set().union(*(learned.get(n, set()) for n in kind))
        if len(sides) == 1:
            for noun in kind - claimed - set(learned):
                learned[noun] = set(sides)
    nouns = {n: next(iter(ids)) for n, ids in learned.items() if len(ids) == 1}
    if not nouns:
        return mentions
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, nouns))})(?!\w)", re.I)
    alias_of = {m.stakeholder: m.alias for m in mentions}
    extra = [
        Mention(x.start(), x.end(), nouns[x.group().lower()], alias_of[nouns[x.group().lower()]],
                "head", plain[x.end() : x.end() + 2] == "'s")
        for x in pattern.finditer(plain)
    ]
    merged = sorted([*mentions, *extra], key=lambda x: (x.start, x.kind != "head"))
    out: list[Mention] = []
    for mention in merged:
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return out


def organisation_mentions(mentions: Sequence[Mention], plain: str) -> list[Mention]:
    """Mentions of sides that are organisations: an alias that is no person and no
    place, or one the article gives a board, employees, a website..."""
    org_aliases = {
        m.alias for m in mentions
        if m.kind == "alias" and _ORG_PART.match(plain, m.end, m.end + 40) is not None
    }
    # "Wells" for "Wells Fargo": a body goes by its first word; a person is not called by
    # a given name alone in news copy
    shorts = {m.alias for m in mentions if m.kind == "short"
              and plain[m.start:m.end] == m.alias.split()[0]}
    org_aliases |= shorts
    return [
        m for m in mentions
        if m.kind == "alias" and m.alias.lower() not in PLACES and (
            m.alias in org_aliases or not is_person(m.alias.split())
        )
    ]


# "the group claimed", "the organization announced": a definite body noun read as the
# organisation side named last before it.
_BODY_NOUN = re.compile(
    r"^the\s+(?:[a-z-]+\s+){0,2}(?:organization|organisation|group|company|firm|bank|lender|"
    r"network|broadcaster|agency|union|campaign|corporation|party|outlet|channel|newspaper|"
    r"paper|daily|magazine|publication)$"
    # a bare plural of a body's people: "Officials said ...", "Investigators found ...",
    # "Party officials said ...", and "the official" met again
    r"|^(?:(?:party|campaign|company|bank|agency|committee|union)\s+)?"
    r"(?:officials|investigators|agents|prosecutors|executives|staffers)$|^the\s+official$",
    re.I
)
_ORG_REACH = 1500  # characters back to look for the body that "the group" stands for


class Organisations:
    """The mentions of organisation sides, in text order."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = list(mentions)
        self._starts = [m.start for m in self.mentions]

    def named_before(self, at: int, phrase: str, speaking: str | None) -> Mention | None:
        """The organisation side named last (within two paragraphs' reach) before a
        definite body noun such as "the group" at ``at``."""
        if not _BODY_NOUN.match(phrase.split(",")[0].strip()):
            return None
        lo = bisect_left(self._starts, at - _ORG_REACH)
        near = self.mentions[lo : bisect_left(self._starts, at)]
        if not near:
            return None
        # the body that was speaking goes on ("The group claimed ... Ecuador ...",
        # then "the group tweeted"); else the body named last
        return next((m for m in reversed(near) if m.stakeholder == speaking), near[-1])


# "Smith and Woods have filed a wrongful death lawsuit ...", then "The lawsuit contends":
# a later "the lawsuit" is the paper a side was last reported putting out
_PAPER_KIN = {"lawsuit": "suit", "suit": "suit", "complaint": "suit", "filing": "suit",
              "report": "report", "study": "report", "letter": "letter", "memo": "memo"}
_PUT_OUT = re.compile(
    r"\b(?:(?:filed|files|file|wrote|writes|sent|sends|issued|issues|released|releases|"
    r"published|publishes|submitted|drafted|unveiled)\s+(?:a|an|the|its|his|her|their)\s+"
    rf"(?:[\w,-]+\s+){{0,4}}?(?P<noun>{'|'.join(_PAPER_KIN)})\b|(?P<sue>sued?|sues|suing)\b)",
    re.I,
)
_THE_PAPER = re.compile(rf"the\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{'|'.join(_PAPER_KIN)})", re.I)


class Papers:
    """The papers (lawsuits, reports, letters) the sides were reported putting out: the
    side a later "the lawsuit says" stands for."""

    def __init__(self) -> None:
        self._last: dict[str, Mention] = {}  # kin of paper → where, whose, by which name

    def note(self, text: str, start: int, end: int, stakeholder: str, name: str) -> None:
        """Remember the papers a passage given to ``stakeholder`` says were put out."""
        for found in _PUT_OUT.finditer(text, start, end):
            kin = "suit" if found.group("sue") else _PAPER_KIN[found.group("noun").lower()]
            self._last[kin] = Mention(found.start(), found.end(), stakeholder, name, "head", False)

    def named_before(self, at: int, phrase: str) -> Mention | None:
        """The side whose paper a definite "the lawsuit" at ``at`` means, within reach."""
        found = _THE_PAPER.fullmatch(phrase.split(",")[0].strip())
        last = self._last.get(_PAPER_KIN[found.group("noun").lower()]) if found else None
        return last if last is not None and 0 < at - last.start <= 2 * _ORG_REACH else None

