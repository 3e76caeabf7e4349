"""Property tests: offsets are exact, in order and disjoint on any text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.read import normalise
from summarize.records import Source
from summarize.segment import MAX_PIECE_CHARS, segment, split_sentences

# The characters that have broken offset bookkeeping before: NBSP and other spaces,
# CRLF, curly and doubled quotes, dashes, ellipses, a BOM, emoji (astral, and ZWJ
# sequences), combining marks, plus ordinary words and sentence ends.
TRICKY = [
    "\u00a0", "\u202f", "\u2009", "\r\n", "\r", "\n", "\n\n", "\t", " ",
    "\u201c", "\u201d", "\u2018", "\u2019", "''", "``", '"', "'", "\u00ab", "\u00bb",
    "\u2014", "\u2013", "-", "\u2026", "...", "\ufeff",
    "\U0001f600", "\U0001f469\u200d\U0001f4bb", "e\u0301", "\u4e2d\u6587",
    ".", "!", "?", ";", ":", "(", ")", "U.S.", "Dr.", "No.", "3.5",
]  # fmt: skip
WORDS = ["The", "minister", "said", "we", "deny", "it", "Officials", "a", "Reuters", "(AP)"]

tokens = st.one_of(st.sampled_from(TRICKY), st.sampled_from(WORDS), st.text(max_size=3))
texts = st.lists(tokens, max_size=80).map("".join)

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert 0 <= previous_end <= start < end <= len(text)
        previous_end = end


@PROPERTY_SETTINGS
@given(texts)
def test_normalise_keeps_length(text: str) -> None:
    assert len(normalise(text)) == len(text)


@PROPERTY_SETTINGS
@given(texts)
def test_passage_offsets_are_exact_ordered_and_disjoint(text: str) -> None:
    source = Source(path="prop.txt", text=text, sha256="0" * 64)
    passages = segment(source)
    for p in passages:
        assert source.text[p.start : p.end] == p.text
        assert p.text == p.text.strip() and p.text
    check_spans(text, [(p.start, p.end) for p in passages])
    assert [p.id for p in passages] == [f"s{i}" for i in range(1, len(passages) + 1)]


@PROPERTY_SETTINGS
@given(texts, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=40))
def test_sentence_spans_stay_inside_their_window(text: str, lo: int, cut: int) -> None:
    start = min(lo, len(text))
    end = max(start, len(text) - cut)
    spans = split_sentences(text, start, end)
    check_spans(text, spans)
    assert all(start <= s and e <= end for s, e in spans)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["word ", "\u00a0x", "\U0001f600 ", "ab"]), st.integers(2_000, 12_000))
def test_a_long_run_without_a_sentence_end_is_cut_into_pieces(unit: str, chars: int) -> None:
    text = (unit * (chars // len(unit) + 1))[:chars]
    spans = split_sentences(text)
    check_spans(text, spans)
    assert all(e - s <= MAX_PIECE_CHARS for s, e in spans)
    # nothing but white space is lost between pieces
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
