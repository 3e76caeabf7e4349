"""The extractive backend: no weights. Per side, the most central passages that are not
redundant with one already chosen, within the word budget, verbatim and in article order.

A quotation keeps its quote marks and words; when the passage itself does not say who
is speaking (a bare quote, or only "he said"), the speaker found in the passages just
before it (else the side's label) is put in front: ``Speaker: "..."``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from summarize.align import content_words
from summarize.backends.base import SideRequest, register_backend
from summarize.read import normalise
from summarize.records import AttributedPassage, Grouping

# Weight of centrality against redundancy in maximal marginal relevance.
MMR_LAMBDA = 0.7
# A passage this similar (cosine) to one already chosen adds nothing new.
REDUNDANT_SIMILARITY = 0.6
LOOK_BACK = 4
# Centrality lost by a passage that opens with a pronoun while the passage before it (its
# antecedent) is not in the summary: "They argue ..." alone leaves the reader guessing.
DANGLING_PENALTY = 0.3
_OPENS_WITH_PRONOUN = re.compile(r"^\W*(?:he|she|they|it|its|their|his|her|them)\b", re.I)
ELLIPSIS = "…"

_QUOTED = re.compile(r'"[^"]*"?')
_VERB = (
    r"(?:said|says|say|told|tells|added|adds|stated|states|wrote|writes|reads|read|"
    r"warned|insisted|argued|declared|claimed|noted|asked|accused|alleges|alleged)"
)
_AUX = r"(?:(?:did|also|has|had|have|then|later|further)\s+)?"
_NAME = r"(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*"
_THING = r"(?:the|a|an)\s+[\w-]+(?:\s+(?:of\s+the\s+)?[\w-]+){0,3}?"
_NAME_BEFORE = re.compile(rf"(?P<who>{_NAME})\s*,?\s+{_AUX}{_VERB}\b")
_NAME_AFTER = re.compile(rf"\b{_VERB}\s+(?P<who>{_NAME})")
_THING_BEFORE = re.compile(rf"\b(?P<who>{_THING})\s+{_AUX}{_VERB}\b", re.I)
_PRONOUN = re.compile(
    rf"\b(?:he|she|they|it)\s+{_AUX}{_VERB}\b|\b{_VERB}\s+(?:he|she|they)\b", re.I
)


def words_in(text: str) -> int:
    return len(text.split())


def outside_quotes(text: str) -> str:
    """The text with every double-quoted stretch removed (on the normalised view)."""
    return _QUOTED.sub(" ", normalise(text))


def is_quotation(text: str) -> bool:
    return '"' in normalise(text)


def speaker_in(text: str) -> str | None:
    """Who the passage says is speaking, from the words outside its quotes; None if
    nobody is named (a bare quote, or only a pronoun)."""
    rest = outside_quotes(text)
    for pattern in (_NAME_AFTER, _NAME_BEFORE, _THING_BEFORE):
        match = pattern.search(rest)
        if match:
            who = match.group("who").strip()
            if who.lower() not in ("he", "she", "they", "it", "the", "a", "an"):
                return who[0].upper() + who[1:]
    return None


def needs_speaker(text: str) -> bool:
    """A quotation whose own words do not name the speaker."""
    if not is_quotation(text):
        return False
    rest = outside_quotes(text)
    if not re.search(r"[A-Za-z]{2,}", rest):
        return True
    return speaker_in(text) is None and bool(_PRONOUN.search(rest))


def find_speaker(grouping: Grouping, passage_id: str, fallback: str) -> str:
    """The nearest named speaker in the few passages before this one, else ``fallback``."""
    ids = [ap.passage.id for ap in grouping.passages]
    at = ids.index(passage_id)
    for ap in reversed(grouping.passages[max(0, at - LOOK_BACK) : at]):
        if ap.passage.kind not in ("body", "heading"):
            continue
        who = speaker_in(ap.passage.text)
        if who:
            return who
    return fallback


def rendered(ap: AttributedPassage, request: SideRequest) -> str:
    """The passage verbatim (white space collapsed), with its speaker in front if needed."""
    text = " ".join(ap.passage.text.split())
    if needs_speaker(text):
        who = find_speaker(request.grouping, ap.passage.id, request.stakeholder.label)
        return f"{who}: {text}"
    return text


def _tfidf(texts: Sequence[str], df: Counter[str], total: int) -> list[dict[str, float]]:
    vectors = []
    for text in texts:
        counts = Counter(content_words(text))
        vector = {w: c * (math.log((total + 1) / (df[w] + 1)) + 1) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({w: v / norm for w, v in vector.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def truncate(text: str, words: int) -> str:
    """The first ``words`` words, marked as cut; an opened quote is closed again."""
    cut = " ".join(text.split()[:words]) + ELLIPSIS
    if normalise(cut).count('"') % 2 == 1:
        cut += '"'
    return cut


def select(request: SideRequest) -> list[AttributedPassage]:
    """The chosen passages of one side, in article order."""
    side = list(request.passages)
    body = [ap for ap in side if ap.passage.kind == "body"]
    candidates = body or side
    if not candidates:
        return []
    article = [ap.passage.text for ap in request.grouping.passages if ap.passage.kind == "body"]
    df: Counter[str] = Counter()
    for text in article:
        df.update(set(content_words(text)))
    vectors = _tfidf([ap.passage.text for ap in candidates], df, len(article))
    centroid: Counter[str] = Counter()
    for vector in vectors:
        centroid.update(vector)
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    central = [_cosine(v, {w: c / norm for w, c in centroid.items()}) for v in vectors]
    chosen: list[int] = []
    used = 0
    remaining = list(range(len(candidates)))
    while remaining:

        def gain(i: int) -> tuple[float, int]:
            overlap = max((_cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
            dangling = (i - 1) not in chosen and bool(
                _OPENS_WITH_PRONOUN.match(candidates[i].passage.text)
            )
            penalty = DANGLING_PENALTY if dangling else 0.0
            return (MMR_LAMBDA * central[i] - (1 - MMR_LAMBDA) * overlap - penalty, -i)

        best = max(remaining, key=gain)
        remaining.remove(best)
        if any(_cosine(vectors[best], vectors[j]) > REDUNDANT_SIMILARITY for j in chosen):
            continue
        size = words_in(rendered(candidates[best], request))
        if used + size <= request.words:
            chosen.append(best)
            used += size
    if not chosen:
        # Nothing fits whole: the most central passage, cut at the budget.
        chosen = [max(range(len(candidates)), key=lambda i: (central[i], -i))]
    return [candidates[i] for i in sorted(chosen)]


def summarize_side(request: SideRequest) -> str:
    picked = select(request)
    parts = [rendered(ap, request) for ap in picked]
    if len(parts) == 1 and words_in(parts[0]) > request.words:
        return truncate(parts[0], request.words)
    return " ".join(parts)


@register_backend("extractive")
class ExtractiveBackend:
    name = "extractive"

    def __init__(self, fallback_reason: str | None = None) -> None:
        self.model_id: str | None = None
        self.fallback_reason = fallback_reason

    def options(self) -> dict[str, Any]:
        return {
            "mmr_lambda": MMR_LAMBDA,
            "redundant_similarity": REDUNDANT_SIMILARITY,
            "dangling_penalty": DANGLING_PENALTY,
        }

    def summarize(self, requests: Sequence[SideRequest]) -> list[str]:
        return [summarize_side(r) for r in requests]
