from __future__ import annotations

from summarize.align import SUPPORT_THRESHOLD
from summarize.cite import cite_sentence, cite_summary, find_verbatim
from summarize.read import normalise

from .briefing_helpers import harbour_grouping

GROUPING = harbour_grouping()
TEXT = GROUPING.source.text


def test_a_verbatim_sentence_cites_its_exact_span() -> None:
    sentence = cite_sentence("The town council will vote on the plan in May.", GROUPING, None)
    assert sentence.supported
    (citation,) = sentence.citations
    assert TEXT[citation.start : citation.end] == "The town council will vote on the plan in May."
    assert citation.passage == GROUPING.passages[-1].passage.id


def test_quote_styles_and_spaces_may_differ_offsets_stay_raw() -> None:
    # the source has curly quotes and a curly apostrophe; the summary straight ones
    sentence = (
        '"We will not wait another year for a safe channel," said Mara Quist, the board\'s chair.'
    )
    (citation,) = cite_sentence(sentence, GROUPING, "board").citations
    span = TEXT[citation.start : citation.end]
    assert span.startswith("\u201cWe will not wait")
    assert normalise(span) == sentence


def test_a_quotation_inside_a_paraphrase_is_cited_exactly() -> None:
    sentence = cite_sentence(
        'The chair warned that "every week of delay costs the port money" and pressed on.',
        GROUPING,
        "board",
    )
    spans = [TEXT[c.start : c.end] for c in sentence.citations]
    assert "Every week of delay costs the port money" not in spans  # case differs: not verbatim
    sentence = cite_sentence(
        'The chair said "delay costs the port money" and pressed on.', GROUPING, "board"
    )
    assert TEXT[sentence.citations[0].start : sentence.citations[0].end] == (
        "delay costs the port money"
    )


def test_an_unsupported_sentence_is_kept_and_marked() -> None:
    sentences = cite_summary(
        "The town council will vote on the plan in May. Bananas grow on volcanic islands.",
        GROUPING,
        "council",
    )
    assert [s.supported for s in sentences] == [True, False]
    assert sentences[1].text == "Bananas grow on volcanic islands."
    assert sentences[1].citations == ()


def test_a_paraphrase_is_cited_by_alignment_above_the_threshold() -> None:
    sentence = cite_sentence(
        "The fishers asked the council for an independent study of spawning grounds.",
        GROUPING,
        "fishers",
    )
    assert sentence.supported
    ids = [c.passage for c in sentence.citations]
    fishers_study = next(
        ap.passage for ap in GROUPING.passages if "independent study" in ap.passage.text
    )
    assert ids[0] == fishers_study.id
    c = sentence.citations[0]
    assert (c.start, c.end) == (fishers_study.start, fishers_study.end)
    assert SUPPORT_THRESHOLD <= 1


def test_the_sides_own_passage_is_cited_first() -> None:
    text = (
        "Harbour vote\n\nThe harbour board said the vote is set for May.\n\n"
        "The fishers said the vote is set for May.\n"
    )
    grouping = harbour_grouping(text)
    board = next(ap for ap in grouping.passages if ap.stakeholder == "board")
    fishers = next(ap for ap in grouping.passages if ap.stakeholder == "fishers")
    assert find_verbatim("the vote is set for May", grouping, "board").passage == board.passage.id  # type: ignore[union-attr]
    assert (
        find_verbatim("the vote is set for May", grouping, "fishers").passage  # type: ignore[union-attr]
        == fishers.passage.id
    )


def test_every_citation_lies_inside_its_passage() -> None:
    summary = (
        "The harbour board wants to dredge the old channel. "
        '"The channel is where the cod spawn," said Ole Brandt. The council votes in May.'
    )
    for sentence in cite_summary(summary, GROUPING, "board"):
        for c in sentence.citations:
            p = GROUPING.passage(c.passage).passage
            assert p.start <= c.start < c.end <= p.end


def test_a_quoted_sentence_retold_with_a_full_stop_still_gets_its_exact_span() -> None:
    # source: “We will not wait another year for a safe channel,” said ...
    sentence = cite_sentence("We will not wait another year for a safe channel.", GROUPING, "board")
    assert sentence.supported
    (citation,) = sentence.citations
    assert TEXT[citation.start : citation.end] == "We will not wait another year for a safe channel"
