"""Alignment: a summary sentence → the source spans that support it.

One function serves both ``cite`` (briefing citations) and ``faithfulness`` (eval).
The lexical score of a span is the share of the sentence's content words found in it
(ROUGE-1 precision of the sentence against the span, on stemmed content words of the
normalised view; numbers compare by value, so "sixty" matches "60").

Candidate spans are the article's body and heading passages, their clauses (pieces
between ``;``, ``:``, dashes, quote marks and comma + connective, and runs of adjacent
pieces), and windows of two adjacent passages for sentences fused from both. A window
scores its precision less ``WINDOW_PENALTY`` and is reported as its two passages.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from summarize.quantities import quantities
from summarize.read import normalise
from summarize.records import Grouping

SUPPORT_THRESHOLD = 0.5
WINDOW_PENALTY = 0.2
CONTENT_KINDS = ("body", "heading")

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into about over after before
    under than then that this these those it its it's is are was were be been being has have had
    do does did will would shall should can could may might must not no nor so such also very
    he she they them their his her him we our us you your i me my who whom which what when where
    why how there here all any both each few more most other some own same only just said says
    say told according there's that's stated noted""".split()
)
# A comma followed by one of these starts a new clause.
_CONNECTIVES = (
    "and|but|which|who|whom|while|whereas|including|citing|according|as|after|because|"
    "although|though|where|when|with|without|saying|adding|accusing|calling|asking|urging"
)
_CLAUSE_BREAK = re.compile(rf'[;:]\s|\s[-]{{1,2}}\s|"|,\s+(?=(?:{_CONNECTIVES})\b)', re.I)


@dataclass(frozen=True)
class Support:
    """A source span supporting a summary sentence."""

    passage: str
    start: int
    end: int
    stakeholder: str | None
    score: float


class SemanticScorer(Protocol):
    """Similarity (0..1) of a sentence to each of several texts, e.g. sentence embeddings."""

    def similarities(self, sentence: str, texts: Sequence[str]) -> list[float]: ...


_INFLECTIONS = ("ingly", "edly", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s")
_DERIVATIONS = ("ations", "ation", "ators", "ator", "ate", "at")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A light suffix stripper: 'demands'/'demanded'/'demanding' → 'demand',
    'committed' → 'commit', 'denies'/'denied'/'deny' → 'deni',
    'investigation'/'investigated'/'investigate' → 'investig'."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: -len(suffix)] + ("i" if suffix in ("ies", "ied") else "")
            break
    for suffix in _DERIVATIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsaeiou":
        word = word[:-1]
    if word.endswith("y") and len(word) > 3:
        word = word[:-1] + "i"
    return word


@dataclass(frozen=True)
class Token:
    """A content word (stemmed) or a quantity key, with offsets into the text."""

    key: str
    start: int
    end: int


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Content tokens of ``text[start:end]`` in order; offsets are into ``text``."""
    end = len(text) if end is None else end
    plain = normalise(text[start:end]).lower()
    out: list[Token] = []
    taken: list[tuple[int, int]] = []
    for q in quantities(text[start:end]):
        out.append(Token(q.key, start + q.start, start + q.end))
        taken.append((q.start, q.end))
    for m in _WORD.finditer(plain):
        word = m.group()
        if word in STOPWORDS or word.endswith("n't"):
            continue
        if any(s <= m.start() < e for s, e in taken):
            continue
        out.append(Token(stem(word), start + m.start(), start + m.end()))
    out.sort(key=lambda t: t.start)
    return out


def content_words(text: str) -> list[str]:
    """Stemmed content words of ``text``, in order (numbers as value keys)."""
    return [t.key for t in tokens(text)]


def overlap_score(sentence_words: list[str], span_words: set[str] | frozenset[str]) -> float:
    """Share of the sentence's content words present in the span (0 for an empty sentence)."""
    if not sentence_words:
        return 0.0
    return sum(1 for w in sentence_words if w in span_words) / len(sentence_words)


@dataclass(frozen=True)
class Candidate:
    """A span that may support a sentence: a passage, a clause of one, or a window of two."""

    passages: tuple[str, ...]
    start: int
    end: int
    stakeholder: str | None
    words: frozenset[str]
    order: int
    parts: tuple[tuple[str, int, int], ...]  # (passage id, start, end) as reported
    whole: bool = False  # a whole passage (the only spans the semantic layer embeds)


def clause_spans(
    text: str, start: int, end: int, plain: str | None = None
) -> list[tuple[int, int]]:
    """Runs of adjacent clauses inside ``text[start:end]`` (the whole span excluded);
    ``plain`` is ``normalise(text)`` when the caller has it."""
    plain = normalise(text) if plain is None else plain
    cuts = [start]
    for m in _CLAUSE_BREAK.finditer(plain, start, end):
        cuts.append(m.start())
        cuts.append(m.end())
    cuts.append(end)
    pieces: list[tuple[int, int]] = []
    for i in range(0, len(cuts), 2):
        s, e = cuts[i], cuts[i + 1]
        while s < e and not plain[s].isalnum():
            s += 1
        while e > s and not (plain[e - 1].isalnum() or plain[e - 1] in ".!?"):
            e -= 1
        if e > s:
            pieces.append((s, e))
    spans: list[tuple[int, int]] = []
    for i in range(len(pieces)):
        for j in range(i, len(pieces)):
            if (i, j) != (0, len(pieces) - 1):
                spans.append((pieces[i][0], pieces[j][1]))
    return spans


def build_candidates(grouping: Grouping) -> tuple[Candidate, ...]:
    text = grouping.source.text
    plain = normalise(text)
    content = [ap for ap in grouping.passages if ap.passage.kind in CONTENT_KINDS]
    out: list[Candidate] = []
    words_of: list[frozenset[str]] = []
    for ap in content:
        p = ap.passage
        # Tokenised once per passage; its clauses take their share by offset.
        passage_tokens = tokens(text, p.start, p.end)
        words = frozenset(t.key for t in passage_tokens)
        words_of.append(words)
        part = ((p.id, p.start, p.end),)
        out.append(Candidate((p.id,), p.start, p.end, ap.stakeholder, words, len(out), part, True))
        for s, e in clause_spans(text, p.start, p.end, plain):
            sub = frozenset(t.key for t in passage_tokens if s <= t.start and t.end <= e)
            if len(sub) >= 2:
                out.append(Candidate((p.id,), s, e, ap.stakeholder, sub, len(out), ((p.id, s, e),)))
    for i in range(len(content) - 1):
        a, b = content[i], content[i + 1]
        if b.passage.paragraph - a.passage.paragraph > 1:
            continue
        if a.stakeholder is not None and b.stakeholder is not None:
            if a.stakeholder != b.stakeholder:
                continue
        owner = a.stakeholder if a.stakeholder is not None else b.stakeholder
        parts = (
            (a.passage.id, a.passage.start, a.passage.end),
            (b.passage.id, b.passage.start, b.passage.end),
        )
        out.append(
            Candidate(
                (a.passage.id, b.passage.id),
                a.passage.start,
                b.passage.end,
                owner,
                words_of[i] | words_of[i + 1],
                len(out),
                parts,
            )
        )
    return tuple(out)


_CACHE: dict[int, tuple[weakref.ref[Grouping], tuple[Candidate, ...]]] = {}


def candidates(grouping: Grouping) -> tuple[Candidate, ...]:
    """The candidate spans of a grouping, built once per grouping object."""
    key = id(grouping)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is grouping:
        return hit[1]
    built = build_candidates(grouping)

    def forget(_ref: weakref.ref[Grouping]) -> None:
        _CACHE.pop(key, None)

    _CACHE[key] = (weakref.ref(grouping, forget), built)
    return built


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    score: float


def score_candidates(
    sentence: str,
    grouping: Grouping,
    semantic: SemanticScorer | None = None,
) -> list[Scored]:
    """Every candidate with a positive score for ``sentence`` (unsorted)."""
    words = content_words(sentence)
    cands = candidates(grouping)
    lexical = [overlap_score(words, c.words) for c in cands]
    if semantic is not None:
        # Whole passages only: embedding every clause and window costs more than it adds.
        text = grouping.source.text
        whole = [i for i, c in enumerate(cands) if c.whole]
        sims = semantic.similarities(sentence, [text[cands[i].start : cands[i].end] for i in whole])
        for i, sim in zip(whole, sims, strict=True):
            lexical[i] = max(lexical[i], sim)
    out: list[Scored] = []
    for c, raw in zip(cands, lexical, strict=True):
        score = raw - WINDOW_PENALTY if len(c.passages) > 1 else raw
        if score > 0:
            out.append(Scored(c, round(score, 4)))
    return out


def _rank_key(side: str | None) -> Callable[[Scored], tuple[float, int, int, int]]:
    def key(s: Scored) -> tuple[float, int, int, int]:
        own = 0 if side is not None and s.candidate.stakeholder == side else 1
        return (-s.score, own, s.candidate.end - s.candidate.start, s.candidate.order)

    return key


def rank(scored: list[Scored], side: str | None, top_k: int) -> tuple[Support, ...]:
    """Best first, overlapping spans dropped, windows reported as their passages."""
    chosen: list[tuple[int, int]] = []
    out: list[Support] = []
    for s in sorted(scored, key=_rank_key(side)):
        c = s.candidate
        if any(c.start < e and b < c.end for b, e in chosen):
            continue
        chosen.append((c.start, c.end))
        for pid, start, end in c.parts:
            out.append(Support(pid, start, end, c.stakeholder, s.score))
        if len(chosen) >= top_k:
            break
    return tuple(out)


def align_sentence(
    sentence: str,
    grouping: Grouping,
    side: str | None = None,
    top_k: int = 3,
    *,
    semantic: SemanticScorer | None = None,
) -> tuple[Support, ...]:
    """The best supporting spans for ``sentence``, best first.

    At equal score the side's own spans come first, then the shorter span, then
    article order. Spans never overlap; a window counts once toward ``top_k``.
    """
    return rank(score_candidates(sentence, grouping, semantic), side, top_k)


def best_by_side(
    sentence: str, grouping: Grouping, semantic: SemanticScorer | None = None
) -> dict[str | None, float]:
    """The best score any span of each side (None: background) reaches for ``sentence``."""
    best: dict[str | None, float] = {}
    for s in score_candidates(sentence, grouping, semantic):
        owner = s.candidate.stakeholder
        if s.score > best.get(owner, 0.0):
            best[owner] = s.score
    return best
