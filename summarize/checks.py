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
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from summarize.align import STOPWORDS, stem, tokens
from summarize.quantities import MONTHS, WEEKDAYS, is_number_word, quantities
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


@lru_cache(maxsize=64)
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

_CAP_WORD = re.compile(r"[A-Z]+\d+\b|[A-Z][A-Za-z]*(?:[.'-][A-Za-z]+)*\.?")
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
# The support names its speaker by a pronoun or a role: '"...," he said', 'the minister added'.
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|they|spokesperson|spokesman|spokeswoman|minister|secretary|official|"
    r"president|chairman|director|lawmaker|congressman|senator)\s+(\w+)(?:\s+(\w+))?",
    re.I,
)


def speaks_by_pronoun(text: str) -> bool:
    for m in _PRONOUN_SPEAKER.finditer(normalise(text)):
        if any((w or "").lower() in CLAIM_VERBS for w in m.groups()):
            return True
    return False


@dataclass(frozen=True)
class Entity:
    """A capitalised word of a sentence taken for (part of) a name, with offsets."""

    word: str
    start: int
    end: int


_CONTRACTION = re.compile(r"'(?:s|re|ll|ve|d|m)$")


def _key(word: str) -> str:
    return _CONTRACTION.sub("", word.lower().rstrip("."))


@lru_cache(maxsize=64)
def _mid_capitals(text: str) -> frozenset[str]:
    """Capitalised words the text uses after another word of the same sentence."""
    plain = normalise(text)
    out: set[str] = set()
    for m in re.finditer(r"(?<=[A-Za-z0-9,'] )[A-Z][A-Za-z'-]*", plain):
        out.add(_CONTRACTION.sub("", m.group()))
    return frozenset(out)


@lru_cache(maxsize=64)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![A-Za-z])[a-z][a-z'-]*", normalise(text)))


def _name_at_start(word: str, sentence: str, end: int, source_text: str) -> bool:
    """Whether a capitalised word at a sentence or quote start is a name: the source
    capitalises it mid-sentence, or uses it only capitalised, or a name word follows."""
    bare = _CONTRACTION.sub("", word.rstrip("."))
    if bare in _mid_capitals(source_text):
        return True
    if re.match(r"\s+[A-Z][a-z]", sentence[end:]):
        return True
    following = re.findall(r"[A-Za-z]+", sentence[end : end + 40])[:2]
    if following and following[0].lower() in _LINKS:
        following = following[1:]
    if following and following[0].lower() in CLAIM_VERBS:
        return True  # 'Carol said ...': a speaker, known to the source or not
    return bare.lower() not in _lower_words(source_text) and bare in source_text


def entities(sentence: str, source_text: str) -> list[Entity]:
    """Capitalised words of the sentence that read as names.

    A word that starts the sentence (or a quote) is a name only if the source also
    capitalises it mid-sentence, so 'The' or 'Speaking' are skipped but 'China' is kept.
    """
    plain = normalise(sentence)
    out: list[Entity] = []
    for m in _CAP_WORD.finditer(plain):
        word = m.group()
        key = _key(word)
        if not key or key in TITLES or key in MONTHS or key in WEEKDAYS or key == "i":
            continue
        if is_number_word(key):
            continue
        before = plain[: m.start()].rstrip()
        initial = not before or before[-1] in '".:;!?' or before.endswith(("--", " -"))
        if initial:
            if key in STOPWORDS or key in _STARTERS:
                continue
            # Capitalised only by position: a name only if the source capitalises it
            # mid-sentence too (or it is an acronym).
            if not word.isupper() and not _name_at_start(word, plain, m.end(), source_text):
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
    support_words = {
        w.replace(".", "").lower()
        for w in re.findall(r"\b[A-Z](?:\.?[A-Z])+\.?", normalise(support))
    }
    for run in _runs(sentence):
        if not run[0].start() <= at < run[-1].end():
            continue
        words = [m.group() for m in run]
        index = next(i for i, m in enumerate(run) if m.start() <= at < m.end())
        for i in range(index + 1):
            for j in range(index + 1, len(words) + 1):
                if any(not any(c.islower() for c in w) for w in words[i:j]):
                    continue  # initials of spelled-out words only, not of 'U.N.' itself
                initials = _initials(words[i:j])
                if len(initials) >= 2 and initials in support_words:
                    return True
    return False


def found_in(word: str, text: str) -> bool:
    """Whether a name word appears in ``text``: as a word, as a close form sharing a long
    prefix ('Chinese'/'China'), or through an acronym ('UN'/'United Nations')."""
    key = _key(word)
    if "-" in word.strip("-"):
        parts = [p for p in word.split("-") if p[:1].isupper()]
        return all(found_in(part, text) for part in parts)
    words = set(_ALL_WORDS.findall(normalise(text).lower()))
    dotted = key.replace(".", "")
    if dotted in words or key in words:
        return True
    plain = normalise(text).lower()
    if "." in key and key in plain:
        return True
    if len(dotted) >= 4 and dotted.isalpha():
        # close forms are looked for among the text's capitalised words only
        for other in {w.lower() for w in re.findall(r"\b[A-Z][a-z]{3,}", normalise(text))}:
            n = 0
            for a, b in zip(dotted, other, strict=False):
                if a != b:
                    break
                n += 1
            if n >= 4 and n >= min(len(dotted), len(other)) - 2:
                return True
    if dotted.isalpha() and 2 <= len(dotted) <= 6 and word.replace(".", "").isupper():
        return dotted in _acronyms(text)
    return False


_LINKS = frozenset("also then later again has had have was separately further previously".split())


def _speaker_position(sentence: str, e: Entity) -> bool:
    """Whether a name word speaks in the sentence: 'Zhao (Lijian) (also) said', 'said Zhao',
    'according to Zhao'."""
    plain = normalise(sentence)
    after = re.findall(r"[A-Za-z][A-Za-z.'-]*", plain[e.end :])
    while after and after[0][:1].isupper():  # the rest of the name
        after = after[1:]
    if after and after[0].lower() in _LINKS:
        after = after[1:]
    if after and after[0].lower() in CLAIM_VERBS:
        return True
    before = re.findall(r"[A-Za-z][A-Za-z.'-]*", plain[: e.start])
    while before and before[-1][:1].isupper():
        before = before[:-1]
    if before and before[-1].lower() in CLAIM_VERBS:
        return True
    return len(before) >= 2 and [w.lower() for w in before[-2:]] == ["according", "to"]


def entity_problems(
    sentence: str, support: str, context: str, source_text: str
) -> list[tuple[str, bool]]:
    """(detail, in_source) for each name of the sentence the support does not carry.

    ``context`` is the text just before the support, searched only when the support
    refers to its speaker by a pronoun ('he said').
    """
    via_pronoun = speaks_by_pronoun(support)
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
        if via_pronoun and _speaker_position(sentence, e) and found_in(e.word, context):
            continue
        in_source = found_in(e.word, source_text)
        where = "the support" if in_source else "the source"
        out.append((f"'{e.word}' is not in {where}", in_source))
    if not out:
        swap = _swapped_roles(sentence, support, source_text)
        if swap is not None:
            out.append((swap, True))
    return out


def _name_group(word: str) -> str:
    """Names compared by their first four letters: 'China'/'Chinese', 'Canada'/'Canadian'."""
    key = _key(word).replace(".", "")
    return key[:4] if len(key) > 4 else key


def _swapped_roles(sentence: str, support: str, source_text: str) -> str | None:
    """A name said more often than the support says it while another of the support's
    names is dropped: the signature of one name written in place of another."""
    said = Counter(_name_group(e.word) for e in entities(sentence, source_text))
    held = Counter(_name_group(e.word) for e in entities(support, source_text))
    extra = sorted(n for n in said if held[n] and said[n] > held[n])
    dropped = sorted(n for n in held if n not in said)
    if extra and dropped:
        return (
            f"'{extra[0]}…' appears {said[extra[0]]} times but {held[extra[0]]} in the "
            f"support, which also names '{dropped[0]}…': a name in the wrong role?"
        )
    return None


# ---------------------------------------------------------------- negation

_NEG_TOKEN = re.compile(r"[a-z]+n't|[a-z]+(?:'[a-z]+)?|[0-9]+|[.,;:!?\"()]|-{1,2}")
NEGATORS = frozenset(
    """not no never none nothing nobody neither nor without cannot deny denies denied denying
    refuse refuses refused refusing reject rejects rejected rejecting lack lacks lacked
    lacking oppose opposes opposed opposing""".split()
)
# Negators that count only before "to": "declined to comment", not "rates declined".
NEGATORS_BEFORE_TO = frozenset(
    "fail fails failed failing decline declines declined declining".split()
)
# A quote mark does not end a negation's scope: 'is not "the most-watched network"'.
_BOUNDARY = frozenset(".,;:!?()--")
_SKIP = STOPWORDS | frozenset({"to", "be", "been", "being", "even", "yet", "ever", "any"})
NEGATION_SCOPE = 4


@dataclass(frozen=True)
class Polarity:
    """How a text negates its words: for each stem, the parity (odd: negated) of the
    negators covering each occurrence (within NEGATION_SCOPE tokens before it, same
    clause); ``heads`` are the negated first content words after a negator."""

    parities: dict[str, tuple[int, ...]]
    heads: frozenset[str]
    # per stem, per occurrence: (parity, the content words either side of it in its clause)
    contexts: dict[str, tuple[tuple[int, frozenset[str]], ...]] = field(default_factory=dict)

    def negated_only(self, word: str) -> bool:
        return word in self.parities and all(p for p in self.parities[word])

    def affirmed_only(self, word: str) -> bool:
        return word in self.parities and not any(p for p in self.parities[word])


# Verbs that report speech, one token for polarity: "did not state" negates "said".
SAY = "<say>"
SAY_VERBS = frozenset(
    """say says said saying state states stated stating tell tells told note notes noted
    add adds added remark remarks remarked comment comments commented""".split()
)


def _negated(pol: Polarity, word: str) -> int:
    return sum(1 for p in pol.parities.get(word, ()) if p)


def _affirmed(pol: Polarity, word: str) -> int:
    return sum(1 for p in pol.parities.get(word, ()) if not p)


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
    occurrences: list[tuple[str, int, int]] = []  # (key, parity, clause)
    negator_keys: set[str] = set()  # 'deni', 'refus': never a neighbour
    last_boundary = -1
    for i, w in enumerate(words):
        if w in _BOUNDARY:
            last_boundary = i
            continue
        if (w in _SKIP and w not in SAY_VERBS) or w.endswith("n't"):
            continue
        covering = [
            j for j in range(max(last_boundary + 1, i - NEGATION_SCOPE), i) if negator_at[j]
        ]
        parity = len(covering) % 2
        key = SAY if w in SAY_VERBS else stem(w)
        parities.setdefault(key, []).append(parity)
        occurrences.append((key, parity, last_boundary))
        if negator_at[i] or w in NEGATORS_BEFORE_TO:
            negator_keys.add(key)
        # The first content word after a negator is its head.
        if parity and covering:
            between = words[covering[-1] + 1 : i]
            if all(v in _SKIP or v in NEGATORS or v.endswith("n't") for v in between):
                heads.add(key)
    contexts: dict[str, list[tuple[int, frozenset[str]]]] = {}
    for n, (key, parity, clause) in enumerate(occurrences):
        around = {
            occurrences[m][0]
            for m in (n - 2, n - 1, n + 1, n + 2)
            if 0 <= m < len(occurrences)
            and occurrences[m][2] == clause
            and occurrences[m][0] not in negator_keys
        }
        contexts.setdefault(key, []).append((parity, frozenset(around)))
    return Polarity(
        {k: tuple(v) for k, v in parities.items()},
        frozenset(heads),
        {k: tuple(v) for k, v in contexts.items()},
    )


def _same_context(a: Polarity, a_parity: int, b: Polarity, b_parity: int, word: str) -> bool:
    """Whether ``word`` with one parity in ``a`` and the other in ``b`` shares a neighbour
    (two content words either side, negators left out) or stands alone in both: the same
    statement negated, not the word used in another sense ('no genocide in Xinjiang'
    against 'genocide in Xinjiang', not against 'the genocide claims')."""
    return any(
        ca & cb or not (ca or cb)
        for pa, ca in a.contexts.get(word, ())
        if pa == a_parity
        for pb, cb in b.contexts.get(word, ())
        if pb == b_parity
    )


_UP = frozenset(
    stem(w)
    for w in """rise rises rose risen rising increase increased increases increasing grow grows
    grew grown growing gain gains gained higher more up surge surged soar soared climb climbed
    expand expanded boost boosted""".split()
)
_DOWN = frozenset(
    stem(w)
    for w in """fall falls fell fallen falling decline declined declines declining decrease
    decreased decreases decreasing shrink shrank shrunk drop dropped drops dropping lower less
    down plunge plunged slump slumped cut cuts reduce reduced""".split()
)
_PREFIXES = ("non-", "non", "un", "dis", "in", "im", "il", "ir")


def _direction(stems: frozenset[str] | set[str]) -> set[str]:
    return ({"up"} if stems & _UP else set()) | ({"down"} if stems & _DOWN else set())


def _opposites(sentence_words: set[str], support_words: set[str]) -> list[str]:
    """A sentence word that is a support word with a negative prefix added or dropped
    ('unfair'/'fair', 'non-binding'/'binding'), its own form not in the support."""
    out: list[str] = []
    for w in sorted(sentence_words - support_words):
        for prefix in _PREFIXES:
            root = w[len(prefix) :]
            if w.startswith(prefix) and len(root) >= 4 and root in support_words:
                out.append(f"the sentence has '{w}' where the support has '{root}'")
            if len(w) >= 4 and prefix + w in support_words and prefix + w not in sentence_words:
                out.append(f"the sentence has '{w}' where the support has '{prefix + w}'")
    return out


_CLAUSE_SPLIT = re.compile(r"[,;:()\".!?]|\s-{1,2}\s|\bbut\b|\bwhile\b|\bwhereas\b")


def _dropped_negation(sentence: str, s: Polarity, support: str) -> str | None:
    """The sentence restates a negated clause of the support with no negation at all."""
    if any(any(p) for p in s.parities.values()):
        return None
    words = set(s.parities)
    best: tuple[int, str] = (0, "")
    for clause in _CLAUSE_SPLIT.split(normalise(support)):
        pol = polarity(clause)
        shared = len(words & set(pol.parities))
        if shared > best[0]:
            best = (shared, clause)
    if not best[1]:
        return None
    clause_pol = polarity(best[1])
    negated = sorted(h for h in clause_pol.heads if clause_pol.negated_only(h))
    if negated and best[0] >= 0.5 * len(clause_pol.parities):
        clause = best[1].strip()
        return f"the support negates '{negated[0]}' ('{clause}'); the sentence has no negation"
    return None


def negation_problems(sentence: str, support: str) -> list[str]:
    """Words whose polarity differs: negated in one, only affirmed in the other; an
    opposite direction (rose/fell); a negative prefix added or dropped (fair/unfair)."""
    s, p = polarity(sentence), polarity(support)
    out: list[str] = []
    s_words, p_words = set(s.parities), set(p.parities)
    s_dir, p_dir = _direction(s_words), _direction(p_words)
    if s_dir and p_dir and not s_dir & p_dir:
        out.append(
            f"the sentence says {'/'.join(sorted(s_dir))}, the support {'/'.join(sorted(p_dir))}"
        )
    raw_s = set(re.findall(r"[a-z]+(?:-[a-z]+)?", normalise(sentence).lower()))
    raw_p = set(re.findall(r"[a-z]+(?:-[a-z]+)?", normalise(support).lower()))
    out.extend(_opposites(raw_s - STOPWORDS, raw_p - STOPWORDS))
    for h in sorted(s.heads):
        if _negated(s, h) > _negated(p, h) and _same_context(s, 1, p, 0, h):
            out.append(f"the sentence negates '{h}' but the support affirms it")
    for h in sorted(p.heads):
        if _affirmed(s, h) > _affirmed(p, h) and _same_context(s, 0, p, 1, h):
            out.append(f"the support negates '{h}' but the sentence affirms it")
    if not out:
        dropped = _dropped_negation(sentence, s, support)
        if dropped is not None:
            out.append(dropped)
    if not out:
        added = _added_negation(sentence, support)
        if added is not None:
            out.append(added)
    return out


def _best_clause(words: set[str], support: str) -> tuple[int, str]:
    best: tuple[int, str] = (0, "")
    for clause in _CLAUSE_SPLIT.split(normalise(support)):
        shared = len(words & set(polarity(clause).parities))
        if shared > best[0]:
            best = (shared, clause)
    return best


def _added_negation(sentence: str, support: str) -> str | None:
    """A negated clause of the sentence whose closest support clause has no negation
    ('leaders have never endorsed cutting output' against 'leaders have backed cutting
    output')."""
    support_words = set(polarity(support).parities)
    for clause in _CLAUSE_SPLIT.split(normalise(sentence)):
        pol = polarity(clause)
        negated = sorted(h for h in pol.heads if _negated(pol, h))
        # A negated word the support also has is compared directly, occurrence by
        # occurrence; this is for a negated verb the sentence words differently.
        if not negated or any(h in support_words for h in negated):
            continue
        words = set(pol.parities)
        shared, best = _best_clause(words, support)
        if not best or shared < 2 or shared < 0.5 * len(words):
            continue
        best_pol = polarity(best)
        if not any(any(p) for p in best_pol.parities.values()) and not _has_negator(best):
            return (
                f"the sentence negates '{negated[0]}' ('{clause.strip()}'); "
                f"the support does not ('{best.strip()}')"
            )
    return None


def _has_negator(text: str) -> bool:
    words = _NEG_TOKEN.findall(normalise(text).lower())
    return any(
        _is_negator(w, words[i + 1] if i + 1 < len(words) else "") for i, w in enumerate(words)
    )


# ---------------------------------------------------------------- attribution

# Inflected forms, not stems: 'report' and 'claims' are often nouns, 'reported' and
# 'claimed' are not.
CLAIM_VERBS = frozenset(
    """say says said saying stated told tell tells claimed argue argues argued arguing
    accuse accuses accused accusing deny denies denied denying urge urges urged urging
    demanded demanding allege alleges alleged alleging insist insists insisted insisting
    warn warns warned warning assert asserts asserted maintain maintains maintained describe
    describes described suggest suggests suggested suggesting express expresses expressed
    condemn condemns condemned criticize criticizes criticized criticise criticises criticised
    declare declares declared declaring write writes wrote reads contend contends contended
    admit admits admitted acknowledge acknowledges acknowledged complain complains complained
    believe believes believed charged blame blames blamed insisting asserting stressing
    stress stresses stressed add adds added note notes noted remarked commented observed
    reiterated emphasized emphasised explained explains conceded confirmed announced
    predicted vowed pledged promised threatened proposed recommended rejected rejects
    dismissed dismisses questioned countered rebuked rebutted responded replied retorted
    lashed jabbed testified cites cited raises raised voices voiced highlights highlighted
    insists alleges labelled labeled dubbed branded termed""".split()
)
# Phrases that attribute without a verb of saying.
_ATTRIBUTION_PHRASES = re.compile(
    r"\baccording to\b|\bin the words of\b|\bin (?:his|her|their|its) (?:view|words|letter|"
    r"statement|remarks)\b|\bcalls? (?:on|for)\b|\bcalled (?:on|for)\b|\bstates? that\b",
    re.I,
)
# A document as the subject of a verb: 'the letter warns', 'the statement also raises'.
_DOCUMENT_SUBJECT = re.compile(
    r"\b(?:statement|letter|report|motion|declaration|resolution|complaint|lawsuit|filing|"
    r"petition|memo|ruling|indictment)\s+(?:also\s+|further\s+)?[a-z]+s\b",
    re.I,
)
# 'states' as a verb: before a quote or a name ('the panel states "..."', 'states U.S. ...').
_STATES_VERB = re.compile(r"\bstates:?\s+(?:\"|[A-Z])")
# 'claims', 'reports', 'demands' are verbs after a subject pronoun or a mid-sentence name
# ('It claims', 'the letter, which Smith reports'), nouns in 'Credible reports indicate'.
_SUBJECT_VERB = re.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)|(?<=[a-z,] )[A-Z][a-z]+)\s+"
    r"(?:also\s+)?(?:claims|reports|demands|states|notes|calls|called)\b"
)


_FIRST_PERSON = frozenset({"i", "we"})


def has_attribution(sentence: str) -> bool:
    """Whether the sentence says whose words or view it gives (a verb of saying, or quotes)."""
    plain = normalise(sentence)
    cues = (_ATTRIBUTION_PHRASES, _SUBJECT_VERB, _STATES_VERB, _DOCUMENT_SUBJECT)
    if any(r.search(plain) for r in cues):
        return True
    words = re.findall(r"[a-z]+", plain.lower())
    for i, w in enumerate(words):
        # 'We urge', 'I have observed': the speaker's own words, which name no one.
        if w in CLAIM_VERBS and not _FIRST_PERSON & set(words[max(0, i - 3) : i]):
            return True
    # Words in quotation marks are presented as someone's words, not as fact.
    return any(len(part.split()) >= 3 for part in quoted_parts(sentence))


def quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside double quotes in ``text[start:end]`` (an unclosed quote runs to the end,
    an unopened closing quote from the start)."""
    plain = normalise(text)
    marks = [i for i in range(start, end) if plain[i] == '"']
    regions: list[tuple[int, int]] = []
    if not marks:
        return regions
    # A first mark followed by space or punctuation closes a quote begun before ``start``,
    # unless it opens the passage ('" At that time' from a doubled-apostrophe quote).
    opens_passage = not plain[start : marks[0]].strip()
    if not opens_passage and (marks[0] + 1 >= end or plain[marks[0] + 1] in " ,.;:!?)"):
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
        if m.group().lower() in CLAIM_VERBS:
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
