"""The per-sentence checks of the faithfulness harness, each a pure function returning
problem details (an empty list: nothing wrong).

- numbers: every quantity of the sentence appears in its support (by value);
- entities: named entities appear in the source, and in the support (or, when the
  support speaks through a pronoun, in the passages just before it);
- quotes: quoted text appears verbatim in the source (after quote/space normalisation);
- negation: a word the sentence negates is affirmed by the support, or the reverse;
- attribution: a side's claim restated without a speaker or attribution verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarize.align import STOPWORDS, stem, tokens
from summarize.quantities import MONTHS, WEEKDAYS, quantities
from summarize.read import normalise

# ---------------------------------------------------------------- numbers


def number_problems(sentence: str, support: str) -> list[str]:
    """Quantities (numbers, years, months, weekdays) of the sentence missing from the support."""
    have = {q.key for q in quantities(support)}
    out: list[str] = []
    for q in quantities(sentence):
        if q.key not in have:
            stated = sorted({x.surface for x in quantities(support)})
            shown = ", ".join(stated[:6]) if stated else "none"
            out.append(f"'{q.surface}' is not in the support (its quantities: {shown})")
    return out


# ---------------------------------------------------------------- quotes

_DOUBLE_QUOTED = re.compile(r'"([^"]+)"|"([^"]+)$')
_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z0-9])'([^']{3,}?)'(?![A-Za-z0-9])")
_ELLIPSIS = re.compile(r"\.{2,}|\[[^\]]*\]")
_EDGE_PUNCT = " \t\n,.;:!?-'\""


def _squash(text: str) -> str:
    return " ".join(normalise(text).replace('"', " ").lower().split())


def quoted_parts(sentence: str) -> list[str]:
    """The quoted passages of a sentence, split at ellipses and bracketed insertions."""
    plain = normalise(sentence)
    found: list[str] = []
    for m in _DOUBLE_QUOTED.finditer(plain):
        found.append(m.group(1) or m.group(2) or "")
    if not found:
        found.extend(m.group(1) for m in _SINGLE_QUOTED.finditer(plain))
    parts: list[str] = []
    for quote in found:
        for part in _ELLIPSIS.split(quote):
            clean = part.strip(_EDGE_PUNCT)
            if clean and any(c.isalnum() for c in clean):
                parts.append(clean)
    return parts


def quote_problems(sentence: str, source_text: str) -> list[str]:
    """Quoted text of the sentence that is not verbatim in the source."""
    haystack = _squash(source_text)
    out: list[str] = []
    for part in quoted_parts(sentence):
        if _squash(part) not in haystack:
            out.append(f'quoted text is not in the source verbatim: "{part}"')
    return out


# ---------------------------------------------------------------- entities

_CAP_WORD = re.compile(r"[A-Z][A-Za-z]*(?:[.'-][A-Za-z]+)*\.?|[A-Z]{2,}\d*|[A-Z]\d+")
_ALL_WORDS = re.compile(r"[a-z0-9]+")
TITLES = frozenset(
    """mr mrs ms dr rep sen gov gen prof president prime minister secretary senator
    representative chairman chairwoman chair spokesperson spokesman spokeswoman deputy vice
    chief director ambassador commissioner governor mayor premier congressman congresswoman
    sir lord madam st jr sr""".split()
)
_STARTERS = frozenset(
    """however meanwhile separately also still yet instead despite while although though since
    during after before in on at for as but and or so then thus therefore both neither either
    according under over among between against without within through because if when where
    overall finally first second later earlier today yesterday""".split()
)
_PRONOUNS = re.compile(r"\b(?:he|she|they|his|her|their|them|it|its)\b", re.I)


@dataclass(frozen=True)
class Entity:
    """A capitalised word of a sentence taken for (part of) a name, with offsets."""

    word: str
    start: int
    end: int


def _key(word: str) -> str:
    word = word.lower().rstrip(".")
    if word.endswith("'s"):
        word = word[:-2]
    return word


def entities(sentence: str, source_text: str) -> list[Entity]:
    """Capitalised words of the sentence that read as names.

    A word that starts the sentence (or a quote) is a name only if the source never
    writes it in lower case, so 'The' or 'Facts' are skipped but 'China' is kept.
    """
    plain = normalise(sentence)
    lower_source = set(_ALL_WORDS.findall(normalise(source_text)))
    out: list[Entity] = []
    for m in _CAP_WORD.finditer(plain):
        word = m.group()
        key = _key(word)
        if not key or key in TITLES or key in MONTHS or key in WEEKDAYS or key == "i":
            continue
        before = plain[: m.start()].rstrip()
        initial = not before or before[-1] in '".:;!?(' or before.endswith(("--", " -"))
        if initial:
            if key in STOPWORDS or key in _STARTERS:
                continue
            plain_key = key.replace(".", "")
            if plain_key.isalpha() and plain_key in lower_source and not word.isupper():
                continue
        elif key in STOPWORDS and not word.isupper():
            continue
        out.append(Entity(word.rstrip("."), m.start(), m.start() + len(word.rstrip("."))))
    return out


_JOINERS = ("of", "on", "the", "and", "for")


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _JOINERS).lower()


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words ('Inter-Parliamentary Alliance on China')."""
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for m in re.finditer(r"[A-Za-z][A-Za-z'.-]*|[^\sA-Za-z]", normalise(text)):
        word = m.group()
        if word[0].isupper() or (run and word.lower() in _JOINERS):
            run.append(m)
            continue
        while run and run[-1].group().lower() in _JOINERS:
            run.pop()
        if run:
            runs.append(run)
        run = []
    while run and run[-1].group().lower() in _JOINERS:
        run.pop()
    if run:
        runs.append(run)
    return runs


def _acronyms(text: str) -> set[str]:
    """Initials of each run of two or more capitalised words ('United Nations' → 'un')."""
    out: set[str] = set()
    for run in _runs(text):
        words = [m.group() for m in run]
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                out.add(_initials(words[i:j]))
    return out


def _spelled_out_acronym(sentence: str, at: int, support: str) -> bool:
    """Whether the name word at offset ``at`` is part of a spelled-out name whose
    acronym the support uses ('United' of 'United Nations' against 'UN' or 'U.N.')."""
    support_words = set(_ALL_WORDS.findall(normalise(support).lower().replace(".", "")))
    for run in _runs(sentence):
        if not run[0].start() <= at < run[-1].end():
            continue
        words = [m.group() for m in run]
        index = next(i for i, m in enumerate(run) if m.start() <= at < m.end())
        for i in range(index + 1):
            for j in range(index + 1, len(words) + 1):
                initials = _initials(words[i:j])
                if len(initials) >= 2 and initials in support_words:
                    return True
    return False


def found_in(word: str, text: str) -> bool:
    """Whether a name word appears in ``text``: as a word, as a close form sharing a long
    prefix ('Chinese'/'China'), or through an acronym ('UN'/'United Nations')."""
    key = _key(word)
    words = set(_ALL_WORDS.findall(normalise(text).lower()))
    dotted = key.replace(".", "")
    if dotted in words or key in words:
        return True
    plain = normalise(text).lower()
    if "." in key and key in plain:
        return True
    if len(dotted) >= 4 and dotted.isalpha():
        for other in words:
            n = 0
            for a, b in zip(dotted, other, strict=False):
                if a != b:
                    break
                n += 1
            if n >= 4 and n >= min(len(dotted), len(other)) - 3:
                return True
    if dotted.isalpha() and 2 <= len(dotted) <= 6 and word.replace(".", "").isupper():
        return dotted in _acronyms(text)
    return False


def entity_problems(
    sentence: str, support: str, context: str, source_text: str
) -> list[tuple[str, bool]]:
    """(detail, in_source) for each name of the sentence the support does not carry.

    ``context`` is the text just before the support, searched only when the support
    refers to its speaker by a pronoun ('he said').
    """
    via_pronoun = bool(_PRONOUNS.search(support))
    out: list[tuple[str, bool]] = []
    seen: set[str] = set()
    for e in entities(sentence, source_text):
        key = _key(e.word)
        if key in seen:
            continue
        seen.add(key)
        if found_in(e.word, support):
            continue
        if _spelled_out_acronym(sentence, e.start, support):
            continue
        if via_pronoun and found_in(e.word, context):
            continue
        in_source = found_in(e.word, source_text)
        where = "the support" if in_source else "the source"
        out.append((f"'{e.word}' is not in {where}", in_source))
    return out


# ---------------------------------------------------------------- negation

_NEG_TOKEN = re.compile(r"[a-z]+n't|[a-z]+(?:'[a-z]+)?|[0-9]+|[.,;:!?\"()]|-{1,2}")
NEGATORS = frozenset(
    """not no never none nothing nobody neither nor without cannot deny denies denied denying
    refuse refuses refused refusing reject rejects rejected rejecting lack lacks lacked
    lacking""".split()
)
# Negators that count only before "to": "declined to comment", not "rates declined".
NEGATORS_BEFORE_TO = frozenset(
    "fail fails failed failing decline declines declined declining".split()
)
_BOUNDARY = frozenset('.,;:!?"()--')
_SKIP = STOPWORDS | frozenset({"to", "be", "been", "being", "even", "yet", "ever", "any"})
NEGATION_SCOPE = 4


@dataclass(frozen=True)
class Polarity:
    """How a text negates its words: for each stem, the parity (odd: negated) of the
    negators covering each occurrence (within NEGATION_SCOPE tokens before it, same
    clause); ``heads`` are the negated first content words after a negator."""

    parities: dict[str, tuple[int, ...]]
    heads: frozenset[str]

    def negated_only(self, word: str) -> bool:
        return word in self.parities and all(p for p in self.parities[word])

    def affirmed_only(self, word: str) -> bool:
        return word in self.parities and not any(p for p in self.parities[word])


def _is_negator(word: str, nxt: str) -> bool:
    return (
        (word in NEGATORS and not (word == "not" and nxt == "only"))
        or word.endswith("n't")
        or (word in NEGATORS_BEFORE_TO and nxt == "to")
    )


def polarity(text: str) -> Polarity:
    words = _NEG_TOKEN.findall(normalise(text).lower())
    negator_at = [
        _is_negator(w, words[i + 1] if i + 1 < len(words) else "") for i, w in enumerate(words)
    ]
    parities: dict[str, list[int]] = {}
    heads: set[str] = set()
    last_boundary = -1
    for i, w in enumerate(words):
        if w in _BOUNDARY:
            last_boundary = i
            continue
        if w in _SKIP or w.endswith("n't"):
            continue
        covering = [
            j for j in range(max(last_boundary + 1, i - NEGATION_SCOPE), i) if negator_at[j]
        ]
        parity = len(covering) % 2
        key = stem(w)
        parities.setdefault(key, []).append(parity)
        # The first content word after a negator is its head.
        if parity and covering:
            between = words[covering[-1] + 1 : i]
            if all(v in _SKIP or v in NEGATORS or v.endswith("n't") for v in between):
                heads.add(key)
    return Polarity({k: tuple(v) for k, v in parities.items()}, frozenset(heads))


def negation_problems(sentence: str, support: str) -> list[str]:
    """Words whose polarity differs: negated in one, only affirmed in the other."""
    s, p = polarity(sentence), polarity(support)
    out: list[str] = []
    for h in sorted(s.heads):
        if s.negated_only(h) and p.affirmed_only(h):
            out.append(f"the sentence negates '{h}' but the support affirms it")
    for h in sorted(p.heads):
        if p.negated_only(h) and s.affirmed_only(h):
            out.append(f"the support negates '{h}' but the sentence affirms it")
    return out


# ---------------------------------------------------------------- attribution

ATTRIBUTION_STEMS = frozenset(
    stem(w)
    for w in """say said says saying state stated states told tell tells claim claims claimed
    argue argued argues accuse accused accuses deny denied denies urge urged urges call called
    calls demand demanded demands allege alleged alleges insist insisted insists warn warned
    warns assert asserted maintain maintained reject rejected describe described ask asked
    asks add added stress stressed suggest suggested express expressed expresses
    condemn condemned criticize criticized criticise criticised announce announced declare
    declared write wrote writes read reads according contend contended dismiss dismissed
    acknowledge acknowledged admit admitted complain complained testify testified respond
    responded counter countered rebuke rebuked accusation allegation believe believes believed
    contends charge charged blame blamed praise praised vow vowed pledge pledged promise
    promised threaten threatened propose proposed recommend recommended view position argument
    statement letter report reported remarks comment commented explain explained concede
    conceded agree agreed disagree disagreed lash lashed
    rebut rebutted jab jabbed respond""".split()
)


# Verbs after which a passage gives the speaker's words or view.
CLAIM_STEMS = frozenset(
    stem(w)
    for w in """say said says state stated states told tell tells claim claimed claims argue
    argued argues accuse accused accuses deny denied denies urge urged urges demand demanded
    demands allege alleged alleges insist insisted insists warn warned warns assert asserted
    maintain maintained describe described suggest suggested suggests express expressed
    expresses condemn condemned criticize criticized criticise criticised declare declared
    write wrote writes reads contend contended admit admitted acknowledge acknowledged complain
    complained believe believes believed charge charged blame blamed""".split()
)


def has_attribution(sentence: str) -> bool:
    """Whether the sentence says whose words or view it gives (a verb of saying, or quotes)."""
    plain = normalise(sentence)
    lower = plain.lower()
    if "according to" in lower:
        return True
    words = [stem(w) for w in re.findall(r"[a-z]+", lower)]
    if any(w in ATTRIBUTION_STEMS for w in words):
        return True
    quoted = sum(len(q) for q in re.findall(r'"[^"]*"?', plain))
    return quoted >= 0.5 * len(plain.strip())


def quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside double quotes in ``text[start:end]`` (an unclosed quote runs to the end,
    an unopened closing quote from the start)."""
    plain = normalise(text)
    marks = [i for i in range(start, end) if plain[i] == '"']
    regions: list[tuple[int, int]] = []
    if not marks:
        return regions
    # A first mark followed by space or punctuation closes a quote begun before ``start``.
    if marks[0] + 1 >= end or plain[marks[0] + 1] in " ,.;:!?)":
        regions.append((start, marks[0]))
        marks = marks[1:]
    for i in range(0, len(marks), 2):
        regions.append((marks[i] + 1, marks[i + 1] if i + 1 < len(marks) else end))
    return regions


def claim_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a passage gives a side's words or view: quotes, and what follows a verb of
    saying ('alleges that ...', 'accused them of ...')."""
    regions = quoted_regions(text, start, end)
    plain = normalise(text)
    for m in re.finditer(r"[A-Za-z]+", plain[start:end]):
        if stem(m.group().lower()) in CLAIM_STEMS:
            regions.append((start + m.end(), end))
            break
    return regions


def unattributed_problem(
    sentence_words: Iterable[str], sentence: str, text: str, start: int, end: int
) -> str | None:
    """A warning when a sentence without attribution restates the claim part of a passage."""
    if has_attribution(sentence):
        return None
    regions = claim_regions(text, start, end)
    if not regions:
        return None
    first: dict[str, int] = {}
    for t in tokens(text, start, end):
        first.setdefault(t.key, t.start)
    hits = [first[w] for w in set(sentence_words) if w in first]
    if not hits:
        return None
    inside = sum(1 for h in hits if any(s <= h < e for s, e in regions))
    if inside / len(hits) >= 0.6:
        return "a side's claim is stated as fact: say who claims it"
    return None
