from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import InputError
from summarize.gold import load_gold, score_attribution

from .evalcase import grouping


def _gold(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_score_attribution_counts_like_a_classification_report(tmp_path: Path) -> None:
    # the hand grouping predicts s1 a, s2 a, s3 b, s4 b, s5 none
    path = _gold(
        tmp_path,
        [
            '{"text": "Alice said the council", "label": "a"}',
            '{"text": "\\"We will never accept", "label": "a"}',
            '{"text": "Bob denied the claims", "label": "a"}',
            '{"text": "There is no abuse", "label": "b"}',
            '{"text": "The council meets", "label": "b"}',
        ],
    )
    score = score_attribution(grouping(), load_gold(path), str(path))
    # correct: s1, s2, s4 -> 3 of 5
    assert (score.total, score.correct, score.accuracy) == (5, 3, 0.6)
    by = {s.label: s for s in score.labels}
    # a: predicted for s1, s2 (both gold a) -> P 2/2; gold a is s1, s2, s3 -> R 2/3; F1 0.8
    assert (by["a"].precision, by["a"].recall, by["a"].f1) == (1.0, pytest.approx(2 / 3), 0.8)
    # b: predicted for s3 (gold a), s4 (gold b) -> P 1/2; gold b is s4, s5 -> R 1/2
    assert (by["b"].precision, by["b"].recall, by["b"].f1) == (0.5, 0.5, 0.5)
    # none: predicted for s5 (gold b) -> P 0/1; no gold none -> R 0
    assert (by["none"].precision, by["none"].recall) == (0.0, 0.0)
    assert score.confusion == {"a": {"a": 2, "b": 1}, "b": {"b": 1, "none": 1}}
    assert score.to_json()["accuracy"] == 0.6


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{oops", "gold.jsonl:1: not JSON"),
        ('{"text": "x"}', 'gold.jsonl:1: expected {"text": ..., "label": ...}'),
        ('{"text": "", "label": "a"}', "gold.jsonl:1: text must be a non-empty string"),
    ],
)
def test_load_gold_names_the_bad_line(tmp_path: Path, line: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace("{", r"\{")):
        load_gold(_gold(tmp_path, [line]))
