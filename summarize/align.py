"""Alignment: a summary sentence → the source spans that support it.

One function serves both ``cite`` (briefing citations) and ``faithfulness`` (eval).
The lexical score is the share of the sentence's content words found in a span
(ROUGE-1 precision of the sentence against the span, on stemmed content words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarize.read import normalise
from summarize.records import Grouping

SUPPORT_THRESHOLD = 0.5

_WORD = re.compile(r"[a-z0-9]+(?:[.,'][a-z0-9]+)*")
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into about over after before
    under than then that this these those it its it's is are was were be been being has have had
    do does did will would shall should can could may might must not no nor so such also very
    he she they them their his her him we our us you your i me my who whom which what when where
    why how there here all any both each few more most other some own same only just said says
    say told according""".split()
)


@dataclass(frozen=True)
class Support:
    """A source span supporting a summary sentence."""

    passage: str
    start: int
    end: int
    stakeholder: str | None
    score: float


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'demands'/'demanded'/'demanding'."""
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ies", "ied", "es", "ed", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word


def content_words(text: str) -> list[str]:
    """Stemmed content words of ``text``, in order (numbers kept)."""
    return [stem(w) for w in _WORD.findall(normalise(text).lower()) if w not in STOPWORDS]


def overlap_score(sentence_words: list[str], span_words: set[str]) -> float:
    """Share of the sentence's content words present in the span (0 for an empty sentence)."""
    if not sentence_words:
        return 0.0
    return sum(1 for w in sentence_words if w in span_words) / len(sentence_words)


def align_sentence(
    sentence: str, grouping: Grouping, side: str | None = None, top_k: int = 3
) -> tuple[Support, ...]:
    """The best supporting spans for ``sentence``, best first.

    Candidates are the article's body and heading passages; at equal score the
    side's own passages come first, then article order.
    """
    words = content_words(sentence)
    scored: list[tuple[float, int, int, Support]] = []
    for order, ap in enumerate(grouping.passages):
        p = ap.passage
        if p.kind not in ("body", "heading"):
            continue
        score = overlap_score(words, set(content_words(p.text)))
        if score <= 0:
            continue
        own = 0 if side is not None and ap.stakeholder == side else 1
        scored.append(
            (-score, own, order, Support(p.id, p.start, p.end, ap.stakeholder, round(score, 4)))
        )
    scored.sort(key=lambda item: item[:3])
    return tuple(item[3] for item in scored[:top_k])
