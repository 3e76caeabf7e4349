from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.align import (
    SUPPORT_THRESHOLD,
    WINDOW_PENALTY,
    align_sentence,
    best_by_side,
    clause_spans,
    content_words,
    overlap_score,
    stem,
)
from summarize.attribute import attribute_passages
from summarize.profile import parse_profile
from summarize.records import Grouping, Source
from summarize.segment import segment


def _grouping(text: str) -> Grouping:
    profile = parse_profile(
        {
            "name": "t",
            "stakeholders": [
                {"id": "a", "label": "A", "aliases": ["Alice"]},
                {"id": "b", "label": "B", "aliases": ["Bob"]},
            ],
        },
        "t.yaml",
    )
    source = Source(path="t.txt", text=text, sha256="0")
    return Grouping(source, profile, attribute_passages(segment(source), profile, text))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["demands", "demanded", "demanding"], "demand"),
        (["committed", "commits", "commit"], "commit"),
        (["denies", "denied", "deny"], "deni"),
        (["investigation", "investigated", "investigators"], "investig"),
        (["countries", "country"], "countri"),
    ],
)
def test_stem_joins_inflections(words: list[str], expected: str) -> None:
    assert {stem(w) for w in words} == {expected}


def test_stem_keeps_short_and_ss_words() -> None:
    assert stem("access") == "access"
    assert stem("was") == "was"


def test_content_words_drop_stopwords_and_read_numbers_by_value() -> None:
    # "the", "of", "from" are stopwords; "sixty" and "60" are both the number 60
    assert content_words("Sixty of the delegates") == ["n:60", "deleg"]
    assert content_words("60 delegates from Geneva") == ["n:60", "deleg", "geneva"]
    # a speech verb carries no content; "noted" must not stem to the negation "not"
    assert content_words("Okafor noted the toll rose") == content_words("Okafor said the toll rose")


def test_overlap_score_is_share_of_sentence_content_words() -> None:
    # content words of "Alice demanded access to the camps": alic, demand, access, camp (4);
    # the span has alic, demand, camp -> 3/4
    words = content_words("Alice demanded access to the camps")
    assert words == ["alic", "demand", "access", "camp"]
    assert overlap_score(words, {"alic", "demand", "camp"}) == 0.75
    assert overlap_score([], {"alic"}) == 0.0


def test_clause_spans_cut_at_semicolons_and_quotes() -> None:
    text = 'Alice demanded access; Bob said "no way" today.'
    spans = [text[s:e] for s, e in clause_spans(text, 0, len(text))]
    # pieces: "Alice demanded access" | "Bob said" | "no way" | "today." and their runs,
    # less the whole passage
    assert "Alice demanded access" in spans
    assert "no way" in spans
    assert 'Bob said "no way" today.' in spans
    assert text not in spans


def test_align_prefers_the_tighter_clause_at_equal_score() -> None:
    text = "Alice demanded access to the camps; Bob refused.\n\nThe weather was mild in Geneva."
    grouping = _grouping(text)
    supports = align_sentence("Alice wants access to the camps.", grouping, side="a")
    # sentence: alic, want, access, camp (4); the clause and the whole passage both hold
    # alic, access, camp -> 3/4 = 0.75; the shorter clause wins the tie
    best = supports[0]
    assert (best.passage, best.start, best.end, best.score) == ("s1", 0, 34, 0.75)
    assert text[best.start : best.end] == "Alice demanded access to the camps"
    assert best.stakeholder == "a"
    # spans never overlap: the passage holding the clause is not offered again
    assert all(s.start >= best.end or s.end <= best.start for s in supports[1:])


def test_align_reports_a_window_as_its_two_passages() -> None:
    text = "Alice demanded access.\nShe cited the camps.\n\nThe weather was mild."
    grouping = _grouping(text)
    supports = align_sentence("Alice demanded access to the camps", grouping, side="a", top_k=1)
    # alone, s1 holds alic, demand, access of 4 words -> 0.75; the window s1+s2 holds all 4
    # -> 1.0 - WINDOW_PENALTY = 0.8, which beats 0.75
    assert WINDOW_PENALTY == 0.2
    assert [(s.passage, s.score) for s in supports] == [("s1", 0.8), ("s2", 0.8)]
    assert text[supports[1].start : supports[1].end] == "She cited the camps."


def test_align_prefers_the_own_side_at_equal_score() -> None:
    text = "Alice said the camps must open.\n\nBob said the camps must open."
    grouping = _grouping(text)
    # both passages hold camp, open (2/2 = 1.0): the side decides the order
    assert [s.stakeholder for s in align_sentence("The camps must open.", grouping, "b")] == [
        "b",
        "a",
    ]
    assert [s.stakeholder for s in align_sentence("The camps must open.", grouping, "a")] == [
        "a",
        "b",
    ]
    assert best_by_side("The camps must open.", grouping) == {"a": 1.0, "b": 1.0}


def test_align_finds_nothing_for_an_unrelated_sentence() -> None:
    grouping = _grouping("Alice demanded access to the camps.")
    assert align_sentence("Turnips grow slowly.", grouping) == ()
    assert SUPPORT_THRESHOLD == 0.5


_WORDS = st.sampled_from(
    ["Alice", "Bob", "camps", "access", "said", "60", "sixty", "the", "“open”", "—", ";", ","]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=12), min_size=1, max_size=4))
def test_support_offsets_are_exact_spans_of_the_source(paragraphs: list[list[str]]) -> None:
    text = "\n\n".join(" ".join(words) + "." for words in paragraphs)
    grouping = _grouping(text)
    for s in align_sentence("Alice said the camps open sixty", grouping, top_k=5):
        passage = grouping.passage(s.passage).passage
        assert passage.start <= s.start < s.end <= passage.end
        assert 0 < s.score <= 1
        assert text[s.start : s.end].strip() == text[s.start : s.end]
