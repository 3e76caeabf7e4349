from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.backends import ExtractiveBackend, SideRequest
from summarize.backends.extractive import (
    needs_speaker,
    select,
    speaker_in,
    truncate,
    words_in,
)
from summarize.cite import cite_summary
from summarize.read import normalise
from summarize.records import Grouping

from .briefing_helpers import harbour_grouping

GROUPING = harbour_grouping()


def summarize(grouping: Grouping, side: str, words: int) -> str:
    request = SideRequest(grouping, grouping.profile.stakeholder(side), words)
    return ExtractiveBackend().summarize([request])[0]


@settings(max_examples=40, deadline=None)
@given(words=st.integers(min_value=1, max_value=120), side=st.sampled_from(["board", "fishers"]))
def test_budget_is_respected(words: int, side: str) -> None:
    summary = summarize(GROUPING, side, words)
    assert summary
    assert words_in(summary) <= words


@pytest.mark.parametrize("words", [12, 30, 200])
def test_every_sentence_is_a_verbatim_span_of_the_side(words: int) -> None:
    for side in ("board", "fishers"):
        summary = summarize(GROUPING, side, words)
        own = {ap.passage.id for ap in GROUPING.side(side)}
        for sentence in cite_summary(summary, GROUPING, side):
            assert sentence.supported
            (citation,) = sentence.citations
            assert citation.passage in own
            cited = normalise(GROUPING.source.text[citation.start : citation.end])
            assert " ".join(cited.split()) in " ".join(normalise(sentence.text).split())


def test_redundant_passages_are_not_both_chosen() -> None:
    # s2 and s6 say the same thing ("wants to dredge the old channel ... spring")
    chosen = {
        ap.passage.id for ap in select(SideRequest(GROUPING, GROUPING.profile.stakeholders[0], 200))
    }
    assert chosen == {"s3", "s4", "s5", "s6"} or chosen == {"s2", "s3", "s4", "s5"}


def test_chosen_passages_keep_article_order() -> None:
    summary = summarize(GROUPING, "board", 200)
    assert summary.index("We will not wait") < summary.index("Every week of delay")


def test_a_bare_quote_is_given_its_speaker_from_the_passages_before_it() -> None:
    summary = summarize(GROUPING, "board", 200)
    # s5 is only a quotation; its speaker is named two passages earlier (s3)
    assert 'Mara Quist: "Every week of delay costs the port money."' in summary
    # s3 names its own speaker and stays as written, curly quotes included
    assert (
        "\u201cWe will not wait another year for a safe channel,\u201d said Mara Quist" in summary
    )


def test_a_bare_quote_with_no_named_speaker_nearby_gets_the_side_label() -> None:
    text = 'Town news\n\nThe vote is close.\n\n"We want the channel dredged now."\n'
    grouping = harbour_grouping(text)
    quote = next(ap for ap in grouping.passages if "dredged now" in ap.passage.text)
    board = grouping.profile.stakeholder("board")
    # hand-made grouping: give the quote to the board
    from dataclasses import replace

    grouping = replace(
        grouping,
        passages=tuple(
            replace(ap, stakeholder="board") if ap is quote else ap for ap in grouping.passages
        ),
    )
    summary = ExtractiveBackend().summarize([SideRequest(grouping, board, 50)])[0]
    assert summary == 'Harbour board: "We want the channel dredged now."'


@pytest.mark.parametrize(
    ("text", "speaker", "bare"),
    [
        ('"Ships are turning away," said Mara Quist, the chair.', "Mara Quist", False),
        ('"Ships are turning away," Mara Quist said.', "Mara Quist", False),
        ('"Ships are turning away," the draft statement says.', "The draft statement", False),
        ('"Ships are turning away."', None, True),
        ('"Ships are turning away," he said.', None, True),
        ("Ships are turning away, the chair said.", None, False),  # no quotation at all
    ],
)
def test_speaker_detection(text: str, speaker: str | None, bare: bool) -> None:
    if '"' in text:
        assert speaker_in(text) == speaker
    assert needs_speaker(text) is bare


def test_truncate_marks_the_cut_and_closes_an_open_quote() -> None:
    assert truncate("one two three four", 2) == "one two…"
    assert truncate('"We will not wait another year," said she.', 3) == '"We will not…"'
    assert words_in(truncate("a b c d e f", 4)) == 4


def test_a_side_without_passages_gets_an_empty_summary() -> None:
    assert summarize(GROUPING, "council", 60) == ""


def test_many_requests_in_one_call_match_single_calls() -> None:
    requests = [
        SideRequest(GROUPING, s, w) for s in GROUPING.profile.stakeholders for w in (10, 40)
    ]
    together = ExtractiveBackend().summarize(requests)
    assert together == [ExtractiveBackend().summarize([r])[0] for r in requests]


PRONOUN_ARTICLE = (
    "Port dispute\n\n"
    "They say the fishers will fight the dredging plan for the harbour channel.\n\n"
    "The fishers call the dredging plan for the harbour channel a threat.\n\n"
    "The town council will vote in May."
)


def test_a_passage_opening_with_a_pronoun_is_not_chosen_without_its_antecedent() -> None:
    # Both fishers' passages fit a 13-word budget alone and are about equally central;
    # the one opening with "They" has no antecedent in the summary, so the other wins.
    summary = summarize(harbour_grouping(PRONOUN_ARTICLE), "fishers", words=13)
    assert summary == "The fishers call the dredging plan for the harbour channel a threat."


def test_without_the_penalty_the_pronoun_passage_would_lead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import summarize.backends.extractive as extractive

    monkeypatch.setattr(extractive, "DANGLING_PENALTY", 0.0)
    summary = summarize(harbour_grouping(PRONOUN_ARTICLE), "fishers", words=13)
    assert summary.startswith("They say")
