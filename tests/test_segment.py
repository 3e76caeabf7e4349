from __future__ import annotations

from summarize.read import read_source
from summarize.segment import segment, split_sentences

from .conftest import EXAMPLE


def test_offsets_are_exact_on_the_example() -> None:
    source = read_source(str(EXAMPLE))
    for p in segment(source):
        assert source.text[p.start : p.end] == p.text


def test_split_sentences_keeps_abbreviations_together() -> None:
    text = "He met U.S. officials on Feb. 24 in Geneva. Then he left."
    spans = split_sentences(text)
    # two sentences: "He met ... Geneva." (0..43) and "Then he left." (44..57)
    assert spans == [(0, 43), (44, 57)]
