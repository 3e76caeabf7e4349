"""Noun phrases → the side they name, decided by the phrase's head, not by any mention.

"The coalition of international parliamentarians" is the parliamentarians (a
collective noun passes its head to what follows "of"); "a Verizon customer" is not
Verizon (the alias only modifies the head "customer"), but "Verizon executives" is (a
role noun: people who speak for the body); "a spokesperson for China's foreign
ministry" is the ministry; "Verizon, striking unions" names two sides, so neither.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from summarize.aliases import NAME_SUFFIXES, Mention
from summarize.lexicon import (
    DETERMINERS,
    DOCUMENT_NOUNS,
    INDEFINITE,
    ORG_SUFFIXES,
    PRONOUNS,
    ROLE,
    STANCE_NOUNS,
    TIME_LEAD,
    TIME_WORDS,
    TRANSPARENT,
    Token,
    tokens,
)

_CUT = frozenset(
    "who whom whose which that where when while by in at on from with to into during after "
    "before since as about according citing including because if than amid over under "
    "against without across".split()
)
_RELATIVES = frozenset("who whom whose which".split())
_COORD = frozenset({"and", "&", "or", "nor"})
_FORMER = frozenset({"former", "ex", "retired", "onetime", "one-time"})
# nouns that end like adverbs: "the influential US daily wrote"
_LY_NOUNS = frozenset("daily weekly monthly quarterly family ally assembly rally supply".split())
_SEPARATORS = frozenset({",", "(", ")", "-", ";", ":", "[", "]"})
_LEADING = frozenset("and but or so yet then also neither either both".split())
_TRAILING = frozenset(
    "also then later again still previously repeatedly earlier once further now both all "
    "even really only just".split()
)
FUNCTION = _CUT | _COORD | frozenset("of for is are was were has have had will would".split())


@dataclass(frozen=True)
class Resolution:
    """What a phrase resolved to. strength: 3 named, 2 referred to, 1 named loosely, 0 none."""

    stakeholder: str | None
    surface: str
    how: str
    strength: int
    pronoun: bool = False
    phrase: str = ""  # the whole phrase it was read from

    @property
    def named(self) -> str:
        return f"{self.surface} ({self.how})" if self.how else self.surface


def _former(toks: list[Token]) -> bool:
    """A role once held ("a former executive"): it no longer speaks for the body."""
    return any(t.low in _FORMER for t in toks)


def _describe(m: Mention, surface: str) -> str:
    if m.kind == "alias":
        return "" if surface.lower() == m.alias.lower() else m.alias
    word = {"short": "name", "title": "title", "head": "head noun",
            "country": "country", "demonym": "demonym"}[m.kind]
    return f"{word} of {m.alias}"


class PhraseReader:
    """Resolves phrases of one text against the mentions found in it."""

    def __init__(self, text: str, mentions: Sequence[Mention],
                 described: Callable[[str], str | None] | None = None) -> None:
        self.text = text
        self.mentions = mentions
        # the side a description fits by the profile's label, for a phrase nothing names
        self.described = described
        self._starts = [m.start for m in mentions]
        self._first: dict[str, int] = {}
        for m in mentions:
            self._first.setdefault(m.alias, m.start)

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _met_before(self, m: Mention) -> bool:
        return self._first.get(m.alias, m.start) < m.start

    def _covering(self, pos: int) -> Mention | None:
        i = bisect_left(self._starts, pos + 1) - 1
        if i >= 0 and self.mentions[i].start <= pos < self.mentions[i].end:
            return self.mentions[i]
        return None

    def resolve(self, start: int, end: int, loose: bool = False) -> Resolution:
        toks = tokens(self.text, start, end)
        while toks and (not toks[0].word or toks[0].low in _LEADING):
            toks = toks[1:]
        while len(toks) > 2 and toks[-1].low in TIME_WORDS and toks[-2].low in TIME_LEAD:
            toks = toks[:-2]  # "Wells Fargo just this month announced"
        while toks and (not toks[-1].word or toks[-1].low in _TRAILING or (
            toks[-1].text.islower() and toks[-1].low.endswith("ly") and len(toks[-1].low) > 4
            and toks[-1].low not in _LY_NOUNS
        )):
            toks = toks[:-1]
        if not toks:
            return Resolution(None, "", "", 0)
        surface = self.text[toks[0].start : toks[-1].end]
        if len(toks) == 1 and toks[0].low in PRONOUNS:
            return Resolution(None, toks[0].text, "", 0, pronoun=True)
        segments: list[list[Token]] = [[]]
        for k, t in enumerate(toks):
            if t.text in _SEPARATORS:
                segments.append([])
            elif t.low == "and" and segments[-1] and segments[0] is not segments[-1] and (
                k + 1 < len(toks) and toks[k + 1].low in ("a", "an")
            ):
                # "Jerry Nadler, a Democrat from New York and a Clinton ally": two
                # appositions, each its own description
                segments.append([])
            else:
                segments[-1].append(t)
        head = segments[0]
        first = self._segment(head) if head else None
        if first is not None and first.strength >= 3:
            # "Debra Steger, a former Canadian negotiator, ...": an indefinite apposition
            # describes the named one; it names no second side.
            segments = [head] + [seg for seg in segments[1:]
                                 if not (seg and seg[0].low in INDEFINITE)]
            # "Don Fowler, who helmed the party ... and has backed X": a relative clause
            # after the name describes him, to its end
            relative = next((k for k, seg in enumerate(segments)
                             if k and seg and seg[0].low in _RELATIVES), len(segments))
            # "Leahy, the ranking member ... who received one of the DOJ's letters": so
            # does one inside an apposition
            segments = [head] + [seg[: next((j for j, t in enumerate(seg) if t.low in
                                             _RELATIVES), len(seg))]
                                 for seg in segments[1:relative]]
        pairs = [(seg, r) for seg in segments if seg and (r := self._segment(seg)) is not None]
        results = [r for _, r in pairs]
        unknown_head = bool(head) and head[0].text[:1].isupper() \
            and head[0].low not in DETERMINERS and self._segment(head) is None
        if unknown_head:
            # "Barclays, the company's previous bank": an unknown name heads the phrase;
            # only an affiliation that names a side ("..., spokesperson for X") may speak,
            # never a name met in passing ("Kall -- co-editor of a book on Trump --").
            # "Hillary Clinton, like Obama, has ...": a name compared with a named head is
            # not the speaker (but "Critics, like Obama," gives the critics' examples)
            named = sum(t.text[:1].isupper() for t in head) >= 2
            results = [r for seg, r in pairs if r.strength >= 3
                       and not (named and seg[0].low in ("like", "unlike"))]
            loose = loose and not any(seg and seg[0].text[:1].islower() for seg in segments[1:])
        sides = {r.stakeholder for r in results if r.strength >= 2}
        if len(sides) > 1:
            return Resolution(None, surface, "names several sides", 0, phrase=surface)
        found = results[0] if results else (self._loose(toks) if loose else None)
        if found is not None:
            return replace(found, phrase=surface)
        # never where an alias heads the phrase: "an appeals court" after "the appeals
        # court" was left to nobody on purpose
        core = segments[0] or toks
        cut = next((k for k, t in enumerate(core) if k and (
            t.low in _CUT or t.low.endswith("ing"))), len(core))
        sid = self.described(surface) if self.described is not None and not results \
            and self._covering(core[cut - 1].start) is None else None
        if sid is not None:
            return Resolution(sid, self._short(segments[0] or toks), "as the profile describes it",
                              2, phrase=surface)
        return Resolution(None, self._short(segments[0] or toks), "", 0, phrase=surface)

    def _short(self, toks: list[Token]) -> str:
        words = self.text[toks[0].start : toks[-1].end]
        return words if len(words) <= 60 else words[:57] + "..."

    def _participle(self, seg: list[Token], i: int) -> bool:
        """A reduced relative or participle phrase starts here ("led by", "suing the EPA")."""
        low = seg[i].low
        nxt = seg[i + 1].low if i + 1 < len(seg) else ""
        verbish = low.endswith(("ed", "ing")) or low in {"led", "seen", "set", "held", "made"}
        return verbish and (nxt in _CUT or nxt in DETERMINERS or nxt in {"of", "for"})

    def _segment(self, seg: list[Token]) -> Resolution | None:
        n = len(seg)
        core_end, complement, of_proper = n, None, False
        i = 0
        while i < n:
            t = seg[i]
            m = self._covering(t.start)
            if m is not None and m.strong:
                while i < n and seg[i].start < m.end:
                    i += 1
                continue
            # "members of", "a spokesperson for"; "to" only after a role ("an adviser to")
            # "officials at the Justice Department", "an official with the union"
            if i > 0 and (t.low in ("of", "for") or (
                t.low in ("to", "at", "from", "with", "in") and seg[i - 1].base in ROLE
            )):
                prev = seg[i - 1].base
                if prev in TRANSPARENT or prev in ROLE:
                    complement = seg[i + 1 :]
                else:
                    of_proper = i + 1 < n and seg[i + 1].text[:1].isupper()
                core_end = i
                break
            if i > 0 and (t.low in _CUT or self._participle(seg, i)):
                if seg[i - 1].base in DOCUMENT_NOUNS and i + 2 < n and seg[i + 1].low == "by" \
                        and self._participle(seg, i):
                    # "the documents released by WikiLeaks": the agent's paper
                    agent = self._segment(seg[i + 2 :])
                    if agent is not None and agent.strength >= 2:
                        surface = self.text[seg[0].start : seg[-1].end]
                        return Resolution(agent.stakeholder, surface,
                                          f"document of {agent.named}", 2)
                core_end = i
                break
            i += 1
        if complement and _former(seg[:core_end]):
            # "a former executive at Wells Fargo" no longer speaks for it
            return None
        if complement:
            found = self._segment(complement)
            if found is not None and found.strength >= 2:
                return found
            if seg[core_end - 1].base in ROLE:
                # "the finance ministers of the G20 economies": the one side named in a
                # role's complement is the body the role speaks for.
                named = {m.stakeholder: m for m in self.within(complement[0].start,
                                                                complement[-1].end) if m.strong}
                if len(named) == 1:
                    m = next(iter(named.values()))
                    surface = self.text[m.start : m.end]
                    # "an adviser to Mr. Comey and a law professor": an affiliation
                    strength = 3 if seg[0].low in INDEFINITE else 2
                    return Resolution(m.stakeholder, surface, _describe(m, surface), strength)
        core = seg[:core_end]
        return self._core(core, of_proper) if core else None

    def _core(self, core: list[Token], of_proper: bool) -> Resolution | None:
        parts: list[list[Token]] = [[]]
        for t in core:
            m = self._covering(t.start)
            if t.low in _COORD and not (m is not None and m.strong):
                parts.append([])
            else:
                parts[-1].append(t)
        parts = [p for p in parts if p]
        if len(parts) == 1:
            return self._single(parts[0], of_proper)
        found = [self._single(p, of_proper) for p in parts]
        sides = {r.stakeholder for r in found if r is not None}
        blocked = any(
            r is None and p[-1].base not in ROLE for r, p in zip(found, parts, strict=True)
        )
        if len(sides) != 1 or blocked:
            return None
        return next(r for r in found if r is not None)

    def _single(self, core: list[Token], of_proper: bool) -> Resolution | None:
        words = [t for t in core if t.word]
        if not words:
            return None
        inside = self.within(core[0].start, core[-1].end)
        strong = [m for m in inside if m.strong]
        if strong:
            m = strong[-1]
            tail = [t for t in words if t.start >= m.end]
            lead = [t for t in words if t.end <= m.start]
            surface = self.text[m.start : m.end]
            if lead and lead[0].low in INDEFINITE and surface.islower() \
                    and surface.lower() == m.alias.lower() and self._met_before(m):
                # after "the appeals court ruled", "an appeals court" is some other court
                return None
            # "Wells Fargo & Co."; "Joseph R. Biden Jr." for "Joe Biden" (but "Donald Trump
            # Jr." is never "Donald Trump": a suffix counts after a given name of its own)
            named = all(t.text[:1].isupper() and (
                t.low in ORG_SUFFIXES or (t.low in NAME_SUFFIXES and bool(lead))
            ) for t in tail)
            # "X campaign spokesman Glen Caplin": a role of X, then the person's name
            role_at = next((k for k in range(len(tail) - 1, -1, -1) if tail[k].base in ROLE), None)
            titled = role_at is not None and 0 < len(tail) - role_at - 1 <= 3 and all(
                t.text[:1].isupper() for t in tail[role_at + 1 :]
            ) and not m.possessive
            if tail and tail[-1].base in ROLE and _former(lead + tail):
                return None  # "a former Wells Fargo executive" speaks for nobody
            if not tail or tail[-1].base in ROLE or named or titled:
                surface = self.text[m.start : m.end]
                return Resolution(m.stakeholder, surface, _describe(m, surface), 3)
            if m.possessive and 1 <= len(tail) <= 3 and tail[-1].low in STANCE_NOUNS \
                    and all(t.text.islower() for t in tail):  # "Abedin's succinct reply"
                surface = self.text[m.start : tail[-1].end]
                return Resolution(m.stakeholder, surface, f"position of {m.alias}", 2)
            if 1 <= len(tail) <= 2 and tail[-1].base in DOCUMENT_NOUNS:
                # "X's brief said", "the X report stated"
                surface = self.text[m.start : tail[-1].end]
                return Resolution(m.stakeholder, surface, f"document of {m.alias}", 2)
        head = words[-1]
        surface = self._short(core)
        weak = [m for m in inside if not m.strong]
        at_head = next((m for m in weak if m.end >= head.end - 2 and m.start >= head.start), None)
        det = words[0].low if words[0].low in DETERMINERS else None
        if at_head is not None and at_head.kind in ("head", "title"):
            # "the State Department", "the Commons motion": a proper compound, not a reference
            capitalised_modifier = len(words) > 2 and words[-2].text[:1].isupper()
            if det in INDEFINITE or of_proper or capitalised_modifier:
                return None
            return Resolution(at_head.stakeholder, surface, _describe(at_head, surface), 2)
        if at_head is not None and at_head.kind in ("country", "demonym"):
            # "the U.S.", "One Republican": the side itself, or one of its members
            if all(t.low in DETERMINERS or t.low in INDEFINITE or t.low == "one"
                   for t in words[:-1]):
                return Resolution(at_head.stakeholder, surface, _describe(at_head, surface), 2)
        if head.base in ROLE:
            # "Chinese officials", "administration officials", "company executives"
            modifier = next((m for m in weak if m.end <= head.start and m.kind in (
                "demonym", "country", "head")), None)
            if modifier is not None:
                return Resolution(modifier.stakeholder, surface, _describe(modifier, surface), 2)
        return None

    def _loose(self, toks: list[Token]) -> Resolution | None:
        """Aliases heading their own little phrase anywhere in the span, all of one side."""
        found: dict[str, Mention] = {}
        positions = {t.start: k for k, t in enumerate(toks)}
        for m in self.within(toks[0].start, toks[-1].end):
            if not m.strong or m.possessive:
                continue
            k = next((positions[p] for p in range(m.end, m.end + 3) if p in positions), None)
            if k is not None and toks[k].word and toks[k].low not in FUNCTION:
                continue
            # "Trucks from X": X only owns the head; "led by X", "and X" may act.
            before = [t for t in toks if t.end <= m.start][-3:]
            marker = next((t.low for t in reversed(before) if t.low in FUNCTION or not t.word),
                          None)
            if marker is not None and marker in _CUT and marker not in ("by", "including"):
                continue
            found.setdefault(m.stakeholder, m)
        if len(found) != 1:
            return None
        m = next(iter(found.values()))
        return Resolution(m.stakeholder, self.text[m.start : m.end], "named in the phrase", 1)
