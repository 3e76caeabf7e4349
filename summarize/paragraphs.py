"""Paragraphs: the blocks of a text between blank lines, their lines, and where copy
that marks paragraphs by single newlines starts a new one. Spans are end-exclusive
offsets into the text."""

from __future__ import annotations

import re
from dataclasses import replace

from summarize.records import Passage

_BLANK_LINE = re.compile(r"\n[ \t\r\u00a0]*\n")
TERMINAL = re.compile(r"[.!?:;][\"'\u2019\u201d)\]\s]*$")


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[list[tuple[int, int]]]:
    """Blocks between blank lines, each as its line spans (stripped, non-empty)."""
    blocks: list[list[tuple[int, int]]] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)] + [(len(text), len(text))]
    for b_start, b_end in bounds:
        lines: list[tuple[int, int]] = []
        line_start = pos
        for i in range(pos, b_start + 1):
            if i == b_start or text[i] == "\n":
                s, e = strip_span(text, line_start, i)
                if e > s:
                    lines.append((s, e))
                line_start = i + 1
        if lines:
            blocks.append(_join_wrapped(text, lines))
        pos = b_end
    return blocks


def _join_wrapped(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Hard-wrapped prose (long lines running on without an end) reads as one line."""
    if len(lines) < 2:
        return lines
    runs_on = sum(1 for s, e in lines[:-1] if e - s >= 50 and not TERMINAL.search(text[s:e]))
    if runs_on >= (len(lines) - 1) / 2:
        return [(lines[0][0], lines[-1][1])]
    # A line that opens in lower case goes on with a line that did not end ("... who
    # has" / "repeatedly pledged ..."): one sentence cut by a narrow column.
    joined = [lines[0]]
    for s, e in lines[1:]:
        ps, pe = joined[-1]
        if text[s].islower() and not TERMINAL.search(text[ps:pe]):
            joined[-1] = (ps, e)
        else:
            joined.append((s, e))
    return joined


def line_paragraphs(passages: list[Passage], line_starts: set[int]) -> list[Passage]:
    """Number paragraphs so that a line of its own (``line_starts``: where the lines of
    ``paragraphs`` start, hard-wrapped prose already joined) after a finished body
    sentence starts one: copy that marks paragraphs by single newlines, with no blank
    lines, would otherwise be one paragraph."""
    out: list[Passage] = []
    number = -1
    for k, q in enumerate(passages):
        prev = passages[k - 1] if k else None
        if prev is None or q.paragraph != prev.paragraph or (
            q.start in line_starts and TERMINAL.search(prev.text)
            and prev.kind == q.kind == "body"
        ):
            number += 1
        out.append(replace(q, paragraph=number))
    return out
