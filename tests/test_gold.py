from __future__ import annotations

from pathlib import Path

import pytest

from summarize.attribute import attribute_passages
from summarize.errors import InputError
from summarize.gold import GoldLabel, load_gold, match_gold, score_attribution, score_pairs
from summarize.profile import default_profile, parse_profile
from summarize.records import Grouping, Source
from summarize.segment import segment


def test_score_pairs_arithmetic() -> None:
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("none", "a"), ("none", "none")]
    score = score_pairs(pairs, ["a", "b", "none"])
    # correct: (a,a) (b,b) (none,none) -> 3/5 = 0.6
    assert score.accuracy == pytest.approx(0.6)
    by = {s.label: s for s in score.labels}
    # a: tp 1, predicted a twice ((a,a), (none,a)), gold a twice -> P 1/2, R 1/2, F1 0.5
    assert (by["a"].precision, by["a"].recall, by["a"].f1) == pytest.approx((0.5, 0.5, 0.5))
    # b: tp 1, predicted b twice ((a,b), (b,b)), gold b once -> P 1/2, R 1, F1 2*.5*1/1.5 = 2/3
    assert (by["b"].precision, by["b"].recall, by["b"].f1) == pytest.approx((0.5, 1.0, 2 / 3))
    # none: tp 1, predicted none once, gold none twice -> P 1, R 1/2, F1 2/3
    assert (by["none"].precision, by["none"].recall) == pytest.approx((1.0, 0.5))
    assert by["none"].support == 2
    assert score.confusion == {"a": {"a": 1, "b": 1}, "b": {"b": 1}, "none": {"a": 1, "none": 1}}


def _grouping(text: str) -> Grouping:
    profile = parse_profile(
        {"name": "t", "stakeholders": [{"id": "council", "label": "Council",
                                        "aliases": ["Tomas Lindqvist"]}]},
        "t.yaml",
    )
    source = Source("t.txt", text, "0")
    return Grouping(source, profile, attribute_passages(segment(source), profile, text))


TEXT = (
    "Mine dispute\n\n"
    "\u201cThe permit is unlawful,\u201d said Tomas Lindqvist.\n\n"
    "The mine opened in 1998 and employs 400 people.\n\n"
    "\u201cThe permit is unlawful,\u201d said Tomas Lindqvist.\n"
)


def test_score_attribution_matches_in_order_and_reads_duplicates_as_boilerplate() -> None:
    gold = (
        GoldLabel("Mine dispute", "none", 1),
        GoldLabel('"The permit is unlawful," said', "council", 2),  # straight quotes match
        GoldLabel("the MINE opened   in 1998", "none", 3),  # case and spaces do not matter
        GoldLabel('"The permit is unlawful," said', "boilerplate", 4),  # the second copy
    )
    score = score_attribution(_grouping(TEXT), gold)
    assert (score.correct, score.total) == (4, 4)


def test_a_miss_is_reported_with_its_passage() -> None:
    gold = (GoldLabel("The mine opened", "council", 1),)
    score = score_attribution(_grouping(TEXT), gold)
    assert score.accuracy == 0.0
    assert [(m.gold, m.predicted) for m in score.misses] == [("council", "none")]


def test_text_not_in_the_article_is_an_error_naming_the_line() -> None:
    with pytest.raises(InputError, match=r"labels.jsonl:7: text not found"):
        score_attribution(_grouping(TEXT), (GoldLabel("no such words", "none", 7),),
                          "labels.jsonl")


def test_load_gold_reads_jsonl_and_rejects_bad_lines(tmp_path: Path) -> None:
    good = tmp_path / "g.jsonl"
    good.write_text('{"text": "A b", "label": "none"}\n\n{"text": "C", "label": "x"}\n')
    assert [(g.text, g.label, g.line) for g in load_gold(good)] == [
        ("A b", "none", 1), ("C", "x", 3)
    ]
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"text": "A", "label": "none"}\n{"text": "B"}\n')
    with pytest.raises(InputError, match=r"b.jsonl:2: expected"):
        load_gold(bad)
    broken = tmp_path / "c.jsonl"
    broken.write_text("{not json\n")
    with pytest.raises(InputError, match=r"c.jsonl:1: not JSON"):
        load_gold(broken)
    with pytest.raises(InputError, match="no such gold label file"):
        load_gold(tmp_path / "missing.jsonl")


def test_a_gold_line_cut_inside_a_doubled_apostrophe_still_matches(tmp_path: Path) -> None:
    # NYT copy quotes with two apostrophes; a label cut after the first of the closing
    # pair ends in a lone "'" that the normalised article does not have
    text = "Port strike.\n\n''We won,'' Ana Ruiz said. The vote was close.\n"
    source = Source("t.txt", text, "0")
    labels = tmp_path / "g.jsonl"
    labels.write_text('{"text": "Port strike.", "label": "none"}\n'
                      '{"text": "\'\'We won,\'", "label": "none"}\n'
                      '{"text": "The vote", "label": "none"}\n', encoding="utf-8")
    grouping = Grouping(source, default_profile(), attribute_passages(
        segment(source), default_profile(), text))
    pairs = match_gold(grouping, load_gold(labels))
    assert [ap.passage.text[:6] for _, ap in pairs] == ["Port s", "''We w", "The vo"]
