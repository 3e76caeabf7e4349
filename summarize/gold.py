"""Hand labels for attribution, and scoring a grouping against them.

MINIMAL STAND-IN written on the ``eval`` branch so ``summarize eval --gold`` works before
the ``attribute`` branch is merged: same names and signatures as that branch's
``summarize/gold.py`` (``load_gold``, ``score_attribution`` → ``AttributionScore`` with
``to_json``). When merging, keep the ``attribute`` branch's file.

A gold file is JSONL: ``{"text": "<exact sentence or distinctive substring>", "label":
"<side id>|none|boilerplate"}``. Each line is matched to the passage holding the start of
its text (white space, quote style and case ignored), searching on from the last match.
"""

from __future__ import annotations

import json
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
    support: int

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


@dataclass(frozen=True)
class AttributionScore:
    total: int
    correct: int
    labels: tuple[LabelScore, ...]
    confusion: dict[str, dict[str, int]]  # gold label → predicted label → count

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
        }


def load_gold(path: str | Path) -> tuple[GoldLabel, ...]:
    """Read a gold JSONL file; errors name the file and line."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
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
        out.append(GoldLabel(text, label.strip(), number))
    if not out:
        raise InputError(f"{path}: no gold labels")
    return tuple(out)


def predicted_label(ap: AttributedPassage) -> str:
    if ap.passage.kind in ("boilerplate", "duplicate"):
        return BOILERPLATE_LABEL
    return ap.stakeholder or NONE_LABEL


def _flat(text: str) -> tuple[str, list[int]]:
    """Case-folded normalised text, white space runs made one space, with source offsets."""
    chars: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(normalise(text)):
        if ch.isspace():
            if not space:
                chars.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        chars.append(ch.lower()[:1])
        where.append(i)
    return "".join(chars), where


def score_attribution(
    grouping: Grouping, gold: tuple[GoldLabel, ...], where: str = "gold"
) -> AttributionScore:
    """Accuracy, per-label precision/recall/F1 and confusion of a grouping against gold."""
    flat, offsets = _flat(grouping.source.text)
    pairs: list[tuple[str, str]] = []
    cursor = 0
    for g in gold:
        needle = _flat(g.text)[0].strip()
        at = flat.find(needle, cursor)
        at = flat.find(needle) if at < 0 else at
        if at < 0:
            raise InputError(f"{where}:{g.line}: text not found in the article: {g.text[:60]!r}")
        cursor = at + 1
        hit = next(
            (ap for ap in grouping.passages if ap.passage.start <= offsets[at] < ap.passage.end),
            None,
        )
        if hit is None:
            raise InputError(f"{where}:{g.line}: text lies outside every passage: {g.text[:60]!r}")
        pairs.append((g.label, predicted_label(hit)))
    order = [s.id for s in grouping.profile.stakeholders] + [NONE_LABEL, BOILERPLATE_LABEL]
    seen = {x for pair in pairs for x in pair}
    labels = [x for x in order if x in seen] + sorted(seen - set(order))
    confusion: dict[str, Counter[str]] = {}
    for g_label, p_label in pairs:
        confusion.setdefault(g_label, Counter())[p_label] += 1
    scores: list[LabelScore] = []
    for label in labels:
        row = confusion.get(label, Counter())
        tp, gold_n = row[label], sum(row.values())
        pred_n = sum(r[label] for r in confusion.values())
        precision = tp / pred_n if pred_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.append(LabelScore(label, precision, recall, f1, gold_n))
    matrix = {
        g: {p: confusion[g][p] for p in labels if confusion[g][p]} for g in labels if g in confusion
    }
    correct = sum(1 for g_label, p_label in pairs if g_label == p_label)
    return AttributionScore(len(pairs), correct, tuple(scores), matrix)
