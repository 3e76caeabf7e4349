"""Quotation masking keeps every offset and leaves only the reporter's words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarize.quotes import mask_quotes, quote_shape


def test_the_inside_of_a_quote_is_blanked_and_its_closing_comma_kept() -> None:
    text = '"We will sue, and win," Okafor said. "Never," he said'
    # '"Never,"': five letters blanked, the comma that ends the reporter's clause kept
    assert mask_quotes(text) == '"                    ," Okafor said. "     ," he said'


def test_an_unclosed_quote_runs_to_the_end() -> None:
    assert mask_quotes('Okafor said: "we will sue') == 'Okafor said: "           '


def test_quote_shape() -> None:
    assert quote_shape('"        ."') == "pure"
    assert quote_shape('"      ," Okafor said.') == "some"
    assert quote_shape("Okafor said so.") == "none"


@given(st.text(alphabet='ab "\n,.', max_size=60))
def test_masking_keeps_length_and_every_character_outside_quotes(text: str) -> None:
    masked = mask_quotes(text)
    assert len(masked) == len(text)
    assert all(m == c or m == " " for m, c in zip(masked, text, strict=True))


def test_a_quote_left_open_at_a_line_end_runs_on_no_further_than_the_next_quote() -> None:
    from summarize.quotes import mask_paragraphs
    from summarize.records import Passage

    # line 1 leaves its quote open (it runs on, by the news convention); line 2 opens a
    # new one, so "added Ana Ruiz" stays the reporter's words
    text = '"We will sue," Ruiz said. "And win\n"Again," added Ana Ruiz.'
    passages = [Passage("s1", 0, 34, text[0:34], 0, "body"),
                Passage("s2", 35, len(text), text[35:], 0, "body")]
    masked = mask_paragraphs(text, passages, ("body",))
    assert masked.endswith(', " added Ana Ruiz.') or masked.endswith('," added Ana Ruiz.')
    assert "Ruiz said." in masked
