"""Hand labels for attribution, and scoring a grouping against them.

A gold file is JSONL, one object per line: ``{"text": "<exact sentence or distinctive
substring>", "label": "<side id>|none|boilerplate"}``. Each line is matched to the
passage that holds the start of its text (whitespace, quotes and case ignored), searching
on from the previous match so a repeated paragraph finds its second copy. Scoring then
counts like scikit-learn's classification report: accuracy, per-label precision, recall
and F1, and a confusion matrix (gold label → predicted label → count).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import InputError
from summarize.read import normalise
from summarize.records import AttributedPassage, Grouping

NONE_LABEL = "none"
BOILERPLATE_LABEL = "boilerplate"


@dataclass(frozen=True)
class GoldLabel:
    text: str
    label: str
    line: int


@dataclass(frozen=True)
class LabelScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold lines with this label

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


@dataclass(frozen=True)
class Miss:
    passage: str
    text: str
    gold: str
    predicted: str
    evidence: str


@dataclass(frozen=True)
class AttributionScore:
    total: int
    correct: int
    labels: tuple[LabelScore, ...]
    confusion: dict[str, dict[str, int]]
    misses: tuple[Miss, ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "accuracy": round(self.accuracy, 4),
            "total": self.total,
            "correct": self.correct,
            "labels": [s.to_json() for s in self.labels],
            "confusion": self.confusion,
            "misses": [
                {"passage": m.passage, "text": m.text, "gold": m.gold, "predicted": m.predicted}
                for m in self.misses
            ],
        }


def load_gold(path: str | Path) -> tuple[GoldLabel, ...]:
    """Read a gold JSONL file; errors name the file and line."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold label file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read gold labels: {e}") from None
    out: list[GoldLabel] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{number}: not JSON: {e.msg}") from None
        if not isinstance(data, dict) or set(data) != {"text", "label"}:
            raise InputError(f'{path}:{number}: expected {{"text": ..., "label": ...}}')
        text, label = data["text"], data["label"]
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{path}:{number}: text must be a non-empty string")
        if not isinstance(label, str) or not label.strip():
            raise InputError(f"{path}:{number}: label must be a side id, none or boilerplate")
        out.append(GoldLabel(text=text, label=label.strip(), line=number))
    if not out:
        raise InputError(f"{path}: no gold labels")
    return tuple(out)


def predicted_label(ap: AttributedPassage) -> str:
    if ap.passage.kind in ("boilerplate", "duplicate"):
        return BOILERPLATE_LABEL
    return ap.stakeholder or NONE_LABEL


def _flatten(text: str) -> tuple[str, list[int]]:
    """Normalised, case-folded text with runs of white space made one space, and for
    each of its characters the offset it came from."""
    plain = normalise(text)
    chars: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(plain):
        if ch.isspace():
            if not space:
                chars.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        for low in ch.lower():
            chars.append(low)
            where.append(i)
    return "".join(chars), where


def match_gold(
    grouping: Grouping, gold: tuple[GoldLabel, ...], where: str = "gold"
) -> list[tuple[GoldLabel, AttributedPassage]]:
    """Each gold line with the passage that holds the start of its text."""
    flat, offsets = _flatten(grouping.source.text)
    passages = grouping.passages
    starts = [ap.passage.start for ap in passages]
    pairs: list[tuple[GoldLabel, AttributedPassage]] = []
    cursor = 0
    for g in gold:
        needle, _ = _flatten(g.text)
        needle = needle.strip()
        at = flat.find(needle, cursor)
        if at < 0 and needle.endswith("'"):
            # a line cut inside a doubled apostrophe (''...'' as quote marks): its lone half
            needle = needle[:-1]
            at = flat.find(needle, cursor)
        if at < 0:
            at = flat.find(needle)
        if at < 0:
            raise InputError(f"{where}:{g.line}: text not found in the article: {g.text[:60]!r}")
        cursor = at + 1
        index = bisect_right(starts, offsets[at]) - 1
        if index < 0 or offsets[at] >= passages[index].passage.end:
            raise InputError(f"{where}:{g.line}: text lies outside every passage: {g.text[:60]!r}")
        pairs.append((g, passages[index]))
    return pairs


def score_pairs(pairs: list[tuple[str, str]], order: list[str] | None = None) -> AttributionScore:
    """Score (gold, predicted) label pairs. ``order`` fixes the label order of the report."""
    confusion: dict[str, Counter[str]] = {}
    for gold, predicted in pairs:
        confusion.setdefault(gold, Counter())[predicted] += 1
    seen = {g for g, _ in pairs} | {p for _, p in pairs}
    labels = [x for x in (order or []) if x in seen] + sorted(seen - set(order or []))
    scores = []
    for label in labels:
        tp = confusion.get(label, Counter())[label]
        gold_n = sum(confusion.get(label, Counter()).values())
        pred_n = sum(row[label] for row in confusion.values())
        precision = tp / pred_n if pred_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.append(LabelScore(label, precision, recall, f1, gold_n))
    matrix = {
        g: {p: confusion[g][p] for p in labels if confusion[g][p]} for g in labels if g in confusion
    }
    correct = sum(1 for g, p in pairs if g == p)
    return AttributionScore(len(pairs), correct, tuple(scores), matrix, ())


def score_attribution(
    grouping: Grouping, gold: tuple[GoldLabel, ...], where: str = "gold"
) -> AttributionScore:
    """Accuracy, per-label precision/recall/F1 and confusion of a grouping against gold."""
    matched = match_gold(grouping, gold, where)
    pairs = [(g.label, predicted_label(ap)) for g, ap in matched]
    order = [s.id for s in grouping.profile.stakeholders] + [NONE_LABEL, BOILERPLATE_LABEL]
    base = score_pairs(pairs, order)
    misses = tuple(
        Miss(ap.passage.id, ap.passage.text, g.label, predicted_label(ap), ap.evidence)
        for g, ap in matched
        if g.label != predicted_label(ap)
    )
    return AttributionScore(base.total, base.correct, base.labels, base.confusion, misses)
