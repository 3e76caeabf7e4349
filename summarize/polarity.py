"""Negation and polarity of a summary sentence against its support (the ``negation`` check
of the faithfulness harness): a word negated in one and only affirmed in the other, in the
same context; a negated clause restated without negation or the reverse; opposite
directions (rose/fell); a negative prefix added or dropped (fair/unfair)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarize.align import STOPWORDS, stem
from summarize.read import normalise

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
        word = _surface(negated[0], sentence, clause)
        return f"the support negates '{word}' ('{clause}'); the sentence has no negation"
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
            word = _surface(h, sentence, support)
            out.append(f"the sentence negates '{word}' but the support affirms it")
    for h in sorted(p.heads):
        if _affirmed(s, h) > _affirmed(p, h) and _same_context(s, 0, p, 1, h):
            word = _surface(h, sentence, support)
            out.append(f"the support negates '{word}' but the sentence affirms it")
    if not out:
        dropped = _dropped_negation(sentence, s, support)
        if dropped is not None:
            out.append(dropped)
    if not out:
        added = _added_negation(sentence, support)
        if added is not None:
            out.append(added)
    return out


def _surface(key: str, *texts: str) -> str:
    """The word as written for a stem ('denied' for 'deni'), from the first text using it."""
    for text in texts:
        for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)?", normalise(text)):
            if stem(word.lower()) == key:
                return str(word)
    return key


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
                f"the sentence negates '{_surface(negated[0], clause)}' ('{clause.strip()}'); "
                f"the support does not ('{best.strip()}')"
            )
    return None


def _has_negator(text: str) -> bool:
    words = _NEG_TOKEN.findall(normalise(text).lower())
    return any(
        _is_negator(w, words[i + 1] if i + 1 < len(words) else "") for i, w in enumerate(words)
    )
