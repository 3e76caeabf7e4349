from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.errors import InputError
from summarize.faithfulness import (
    aggregate,
    evaluate_briefing,
    load_summaries,
    parse_summaries,
    score_sentence,
    split_summary,
)
from summarize.records import (
    BackendInfo,
    Briefing,
    SideSummary,
    SummarySentence,
)

from .evalcase import TEXT, grouping


def _kinds(sentence: str, side: str) -> tuple[str, list[str]]:
    v = score_sentence(sentence, grouping(), side)
    return v.verdict, [p.kind for p in v.problems]


def test_grouping_fixture_has_the_passages_the_tests_assume() -> None:
    g = grouping()
    assert [ap.passage.text for ap in g.passages][2] == "Bob denied the claims of abuse."
    assert [ap.stakeholder for ap in g.passages] == ["a", "a", "b", "b", None]


def test_a_faithful_sentence_is_supported_with_exact_offsets() -> None:
    sentence = "Alice said the council must allow 60 inspectors into the camps."
    v = score_sentence(sentence, grouping(), "a")
    assert (v.verdict, v.problems) == ("supported", ())
    best = v.support[0]
    # alic, council, allow, n:60, inspector, camp: all 6 in s1 -> 1.0
    assert (best.passage, best.start, best.end, best.stakeholder, best.score) == (
        "s1",
        0,
        63,
        "a",
        1.0,
    )
    assert TEXT[best.start : best.end] == sentence


@pytest.mark.parametrize(
    ("sentence", "side", "verdict", "kinds"),
    [
        (
            "Alice said the council must allow 70 inspectors into the camps.",
            "a",
            "contradicted",
            ["number"],
        ),
        (
            "Bob said the council must allow 60 inspectors into the camps.",
            "a",
            "contradicted",
            ["entity"],
        ),
        (
            "Carol said the council must allow 60 inspectors into the camps.",
            "a",
            "unsupported",
            ["entity"],
        ),
        ("Bob confirmed the claims of abuse.", "b", "contradicted", ["negation"]),
        (
            '"We will never accept any secret detention," Alice told reporters.',
            "a",
            "contradicted",
            ["quote"],
        ),
        ("Bob denied the claims of abuse.", "a", "misattributed", ["side"]),
        ("There is no abuse in the camps.", "b", "supported", ["unattributed"]),
        ("Bob Smith said there is no abuse in the camps.", "b", "supported", []),
        ("The weather in Paris is sunny.", "a", "unsupported", ["entity"]),
        ("The weather is sunny.", "a", "unsupported", []),
    ],
)
def test_verdicts_and_problems(sentence: str, side: str, verdict: str, kinds: list[str]) -> None:
    assert _kinds(sentence, side) == (verdict, kinds)


def test_an_unrelated_sentence_has_no_support() -> None:
    v = score_sentence("The weather is sunny.", grouping(), "a")
    assert v.support == ()


def test_aggregate_scores_per_side_and_overall() -> None:
    g = grouping()
    verdicts = [
        score_sentence("Alice said the council must allow 60 inspectors into the camps.", g, "a"),
        score_sentence("Alice said the council must allow 70 inspectors into the camps.", g, "a"),
        score_sentence("Bob denied the claims of abuse.", g, "b"),
    ]
    report = aggregate(verdicts, g)
    a, b = report.sides
    # side a: 1 of 2 supported -> 0.5; its passages s1, s2: s1 cited -> 1/2
    assert (a.stakeholder, a.faithfulness, a.coverage, a.covered) == ("a", 0.5, 0.5, ("s1",))
    # side b: 1 of 1 -> 1.0; s3 of s3, s4 cited -> 1/2
    assert (b.faithfulness, b.coverage) == (1.0, 0.5)
    # overall: 2 of 3 sentences; 2 of 4 passages
    assert report.faithfulness == pytest.approx(2 / 3)
    assert report.coverage == 0.5
    data = report.to_json()
    assert data["schema"] == "summarize/eval-v1"
    assert data["faithfulness"] == 0.6667
    assert data["problems"] == {
        "number": 1,
        "entity": 0,
        "quote": 0,
        "negation": 0,
        "side": 0,
        "unattributed": 0,
    }
    sentence = data["sides"][0]["sentences"][1]
    assert set(sentence) == {"text", "verdict", "support", "problems"}
    assert sentence["verdict"] == "contradicted"
    assert sentence["support"][0] == {"start": 0, "end": 63, "stakeholder": "a"}
    assert sentence["problems"][0]["kind"] == "number"
    assert data["attribution"] is None


def test_aggregate_of_an_empty_summary_has_no_faithfulness() -> None:
    report = aggregate([], grouping(), sides=["a"])
    assert report.sides[0].faithfulness is None
    assert report.sides[0].coverage == 0.0
    assert report.faithfulness is None


def test_split_summary_reads_bullets_and_sentences() -> None:
    text = "- Alice wants access. She said so twice.\n* Bob denied it.\n\n1. Geneva hosts it."
    assert split_summary(text) == [
        "Alice wants access.",
        "She said so twice.",
        "Bob denied it.",
        "Geneva hosts it.",
    ]


def test_parse_summaries_plain_object() -> None:
    parsed = parse_summaries({"a": "Alice wants access. Geneva hosts it."}, grouping(), "s.json")
    assert parsed == {"a": ["Alice wants access.", "Geneva hosts it."]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "s.json: expected a summarize/briefing-v1 JSON"),
        ({}, "s.json: expected a summarize/briefing-v1 JSON"),
        ({"c": "text"}, "s.json: unknown side id 'c' (profile t has: a, b)"),
        ({"a": ["text"]}, "s.json: the summary of 'a' must be a string"),
        ({"schema": "summarize/grouping-v1"}, "s.json: schema 'summarize/grouping-v1' is not"),
        ({"schema": "summarize/briefing-v1"}, "s.json: briefing has no 'sides' list"),
        (
            {"schema": "summarize/briefing-v1", "source": {"sha256": "ffff"}, "sides": []},
            "s.json: the briefing was made from another article",
        ),
        (
            {"schema": "summarize/briefing-v1", "sides": [{"stakeholder": "z", "summary": ""}]},
            "s.json: sides[0]: unknown side id 'z'",
        ),
    ],
)
def test_parse_summaries_rejects_bad_shapes(data: object, message: str) -> None:
    with pytest.raises(InputError) as e:
        parse_summaries(data, grouping(), "s.json")
    assert str(e.value).startswith(message)


def test_parse_summaries_briefing_uses_its_sentences() -> None:
    data = {
        "schema": "summarize/briefing-v1",
        "source": {"sha256": "abc123"},
        "sides": [
            {"stakeholder": "b", "summary": "ignored", "sentences": [{"text": "Bob denied it."}]},
            {"stakeholder": "a", "summary": "Alice wants access. Geneva hosts it."},
        ],
    }
    assert parse_summaries(data, grouping(), "b.json") == {
        "b": ["Bob denied it."],
        "a": ["Alice wants access.", "Geneva hosts it."],
    }


def test_load_summaries_reports_bad_json_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{\n  "a": "x",\n}', encoding="utf-8")
    with pytest.raises(InputError, match=r"s\.json: not valid JSON at line 3"):
        load_summaries(str(path), grouping())
    with pytest.raises(InputError, match="no such file"):
        load_summaries(str(tmp_path / "missing.json"), grouping())
    path.write_text(json.dumps({"b": "Bob denied the claims of abuse."}), encoding="utf-8")
    assert load_summaries(str(path), grouping()) == {"b": ["Bob denied the claims of abuse."]}


def test_evaluate_briefing_checks_the_briefing_in_memory() -> None:
    g = grouping()
    briefing = Briefing(
        g,
        BackendInfo("extractive", None),
        (
            SideSummary(
                "a",
                "Side A",
                ("s1",),
                "Alice said the council must allow 60 inspectors into the camps.",
                (
                    SummarySentence(
                        "Alice said the council must allow 60 inspectors into the camps.", True
                    ),
                ),
            ),
            SideSummary("b", "Side B", ("s3",), "Bob denied the claims of abuse. Bob is in Paris."),
        ),
    )
    report = evaluate_briefing(briefing)
    assert [s.stakeholder for s in report.sides] == ["a", "b"]
    assert [v.verdict for v in report.verdicts] == ["supported", "supported", "unsupported"]
    assert report.faithfulness == pytest.approx(2 / 3)


# s1 names Alice as speaker; s2, the same side's next paragraph, is a bare quote: Alice
# is still the speaker in force for it.
CARRY_TEXT = (
    '"Inspectors must enter the camps now," Alice said on Friday.\n\n'
    '"The camps hide secret detention centres across the region."\n\n'
    "Bob denied the claims of abuse in the camps."
)
CARRY_SIDES: dict[str, str | None] = {"s1": "a", "s2": "a", "s3": "b"}
QUOTE = '"The camps hide secret detention centres across the region."'


@pytest.mark.parametrize(
    ("sentence", "side", "verdict", "kinds"),
    [
        # the extractive briefing's own form: speaker carried over from s1
        (f"Alice: {QUOTE}", "a", "supported", []),
        # Bob is in the source but speaks in neither s2 nor the passages before it;
        # s2 names no one else, so the name is unsupported, not a swap
        (f"Bob: {QUOTE}", "a", "unsupported", ["entity"]),
        # Carol is nowhere in the source
        (f"Carol: {QUOTE}", "a", "unsupported", ["entity"]),
        # s3 names Bob: Alice in his place contradicts it
        ("Alice denied the claims of abuse in the camps.", "b", "contradicted", ["entity"]),
    ],
)
def test_speaker_in_force_and_missing_names(
    sentence: str, side: str, verdict: str, kinds: list[str]
) -> None:
    v = score_sentence(sentence, grouping(CARRY_TEXT, CARRY_SIDES), side)
    assert (v.verdict, sorted(p.kind for p in v.problems)) == (verdict, kinds)


def test_a_sentence_opening_with_a_label_and_colon_is_not_a_name() -> None:
    # only 'Word: "quote"' names a speaker; 'Background:' before plain text does not
    sentence = "Background: the council must allow 60 inspectors into the camps, Alice said."
    assert score_sentence(sentence, grouping(), "a").verdict == "supported"


def test_a_speaker_does_not_carry_over_from_another_side() -> None:
    # s3 is side b's: s1's speaker Alice is not in force for it
    sides: dict[str, str | None] = {"s1": "a", "s2": "b", "s3": "b"}
    v = score_sentence(f"Alice: {QUOTE}", grouping(CARRY_TEXT, sides), "b")
    assert v.verdict != "supported"


def test_problem_texts_name_sides_plainly_and_show_words_as_written() -> None:
    g = grouping()
    side = score_sentence("Bob denied the claims of abuse.", g, "a").problems[0]
    # no "b's": a possessive would garble ids ending in s ('parliamentarians's')
    assert side.kind == "side" and "the side 'b'" in side.detail and "'s" not in side.detail
    verdict = score_sentence("Bob never denied the claims of abuse.", g, "b")
    details = [p.detail for p in verdict.problems if p.kind == "negation"]
    # the words as the sentence writes them, not their stems 'deni' and 'claim'
    assert details == [
        "the sentence negates 'denied' but the support affirms it",
        "the support negates 'claims' but the sentence affirms it",
    ]
