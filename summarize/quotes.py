"""Quotation masking: the reporter's own words of a text, with the quoted words blanked.

Speaker cues ("..., she said") and acting subjects are read from what the reporter wrote,
never from inside a quote, so attribution works on a masked copy of the text that keeps
every offset: the inside of each double-quoted span is replaced by spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.aliases import Mention
from summarize.records import AttributedPassage, Passage

BLOCK_QUOTE = 0.8

_QUOTED = re.compile(r'"[^"]*"')
_REOPENED = re.compile(r'(?<=\n)(?=[ \t]*")')


def _blank(m: re.Match[str]) -> str:
    # a comma that closes the quote ('"..., " the critics said') also ends the reporter's
    # clause, so it stays: '"     ," the critics said'
    inner = m.group()[1:-1]
    if inner.endswith(","):
        return '"' + " " * (len(inner) - 1) + ',"'
    return '"' + " " * len(inner) + '"'


def mask_quotes(text: str) -> str:
    """Blank the inside of double-quoted spans (an unclosed quote runs to the end)."""
    masked = _QUOTED.sub(_blank, text)
    if text.count('"') % 2:
        last = masked.rfind('"')
        masked = masked[: last + 1] + " " * (len(masked) - last - 1)
    return masked


def mask_paragraphs(plain: str, passages: Sequence[Passage], kinds: Sequence[str]) -> str:
    """``plain`` with the quotes of each content paragraph (passages of ``kinds``) masked;
    a quote never runs on across paragraphs or into a line that opens a new quote, and
    furniture is left as it is."""
    pieces: list[str] = []
    pos = 0
    spans: dict[int, list[int]] = {}
    for p in passages:
        if p.kind in kinds:
            span = spans.setdefault(p.paragraph, [p.start, p.end])
            span[1] = max(span[1], p.end)
    for start, end in sorted(spans.values()):
        if start < pos:
            continue
        pieces.append(plain[pos:start])
        # a line that opens with a quote mark opens a quote: one left open at the end of
        # the line before was a quote running on, closed by the line break
        pieces.extend(mask_quotes(chunk) for chunk in _REOPENED.split(plain[start:end]))
        pos = end
    pieces.append(plain[pos:])
    return "".join(pieces)


def quote_shape(masked: str) -> str:
    """'pure' when nothing but a quote (and punctuation) is left unmasked, 'some' when a
    quote is part of the passage, 'none' when there is no quote."""
    if '"' not in masked:
        return "none"
    rest = masked.replace('"', "")
    return "pure" if not any(c.isalnum() for c in rest) else "some"


def with_block_quotes(attributed: Sequence[AttributedPassage],
                      plain: str) -> list[AttributedPassage]:
    """'Dr. Ward stated:' closing a paragraph, then paragraphs that each open with a quote
    mark: a statement printed as a block, every sentence of it the lead-in's side's
    (nested and unclosed quote marks make its sentences unreadable one by one)."""
    out = list(attributed)
    k = 0
    while k < len(out):
        lead = out[k]
        p = lead.passage
        last_of_paragraph = k + 1 == len(out) or out[k + 1].passage.paragraph != p.paragraph
        if not (p.kind == "body" and lead.stakeholder and last_of_paragraph
                and plain[p.start : p.end].rstrip().endswith(":")):
            k += 1
            continue
        j = k + 1
        while j < len(out) and out[j].passage.kind == "body" \
                and plain[out[j].passage.start : out[j].passage.end].startswith('"'):
            paragraph = out[j].passage.paragraph
            while j < len(out) and out[j].passage.paragraph == paragraph:
                q = out[j]
                # a named outsider's own tag ('"...," said John Smith') stays his
                if q.unowned and q.passage.kind == "body":
                    out[j] = AttributedPassage(q.passage, lead.stakeholder, BLOCK_QUOTE,
                                               f"block quote after the lead-in of {p.id} → "
                                               f"{lead.stakeholder}")
                j += 1
        k = max(j, k + 1)
    return out


def unmask_names(masked: str, plain: str, mentions: Sequence[Mention]) -> str:
    """``masked`` with a side's name that stands alone in quote marks put back ('The
    super PAC "Keep the Promise" has become ...'): a name quoted, not a quotation."""
    named = [m for m in mentions if plain[m.start - 1 : m.start] == '"'
             and plain[m.end : m.end + 2].lstrip(",.")[:1] == '"']
    if not named:
        return masked
    chars = list(masked)
    for m in named:
        chars[m.start : m.end] = plain[m.start : m.end]
    return "".join(chars)
