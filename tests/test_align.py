from __future__ import annotations

from summarize.align import align_sentence, content_words, overlap_score
from summarize.attribute import attribute_passages
from summarize.profile import parse_profile
from summarize.records import Grouping, Source
from summarize.segment import segment


def _grouping(text: str) -> Grouping:
    profile = parse_profile(
        {"name": "t", "stakeholders": [{"id": "a", "label": "A", "aliases": ["Alice"]}]}, "t.yaml"
    )
    source = Source(path="t.txt", text=text, sha256="0")
    return Grouping(source, profile, attribute_passages(segment(source), profile, text))


def test_overlap_score_is_share_of_sentence_content_words() -> None:
    # content words of "Alice demanded access to the camps": alice, demand, access, camp (4);
    # the span has alice, demand, camp -> 3/4
    words = content_words("Alice demanded access to the camps")
    assert overlap_score(words, {"alice", "demand", "camp"}) == 0.75


def test_align_returns_exact_offsets_best_first() -> None:
    text = "Alice demanded access to the camps.\n\nThe weather was mild in Geneva."
    grouping = _grouping(text)
    supports = align_sentence("Alice wants access to the camps.", grouping, side="a")
    assert supports[0].passage == "s1"
    assert text[supports[0].start : supports[0].end] == "Alice demanded access to the camps."
    assert supports[0].stakeholder == "a"
    # alice, want, access, camp -> want is missing: 3/4
    assert supports[0].score == 0.75
