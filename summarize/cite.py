"""Citing: each summary sentence → the source spans that support it.

A sentence (or a quotation inside it) found word for word in the source is cited at its
exact span; otherwise the shared alignment (``summarize.align``, also used by the
faithfulness harness) supplies the supporting passages. A sentence without support
above the threshold is kept and marked unsupported, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarize.align import SUPPORT_THRESHOLD, align_sentence
from summarize.read import normalise
from summarize.records import AttributedPassage, Citation, Grouping, SummarySentence
from summarize.segment import split_sentences

DEFAULT_TOP_K = 3
MIN_VERBATIM_WORDS = 3
_SPEAKER_PREFIX = re.compile(r'^[^"]{1,80}?:\s+(?=")')
_TRAILING_CUT = re.compile(r'\s*(?:…|\.\.\.)["\u201d]?\s*$')
_QUOTATION = re.compile(r'"([^"]+)"')


def _candidates(grouping: Grouping, side: str | None) -> Iterator[AttributedPassage]:
    """Content passages, the side's own first, each group in article order."""
    content = [ap for ap in grouping.passages if ap.passage.kind in ("body", "heading")]
    yield from (ap for ap in content if side is not None and ap.stakeholder == side)
    yield from (ap for ap in content if side is None or ap.stakeholder != side)


def find_verbatim(fragment: str, grouping: Grouping, side: str | None) -> Citation | None:
    """The exact span of ``fragment`` inside one passage (white space and quote styles
    may differ), the side's own passages first."""
    words = normalise(fragment).split()
    if len(words) < MIN_VERBATIM_WORDS:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    plain = normalise(grouping.source.text)
    for ap in _candidates(grouping, side):
        match = pattern.search(plain, ap.passage.start, ap.passage.end)
        if match:
            return Citation(ap.passage.id, match.start(), match.end())
    return None


def _whole_forms(sentence: str) -> list[str]:
    """The sentence; without a ``Speaker:`` lead-in; without a cut mark; without its
    final punctuation (a quoted sentence ends in ``,"`` in the source, not ``.``).
    Matched on the normalised view, which has the same length, then sliced raw: the
    normalised view turns the ellipsis into a full stop."""
    prefix = _SPEAKER_PREFIX.match(normalise(sentence))
    unprefixed = sentence[prefix.end() :] if prefix else sentence
    uncut = _TRAILING_CUT.sub("", unprefixed)
    forms = [sentence, unprefixed, uncut, uncut.rstrip().rstrip(".!?;:,")]
    return list(dict.fromkeys(forms))


def exact_citations(
    sentence: str, grouping: Grouping, side: str | None
) -> tuple[bool, list[Citation]]:
    """(whole sentence verbatim?, exact citations of it or of its quotations)."""
    for form in _whole_forms(sentence):
        found = find_verbatim(form, grouping, side)
        if found is not None:
            return True, [found]
    quotes: list[Citation] = []
    for match in _QUOTATION.finditer(normalise(sentence)):
        inner = match.group(1).strip().rstrip(",.;:!?").strip()
        found = find_verbatim(inner, grouping, side)
        if found is not None and found not in quotes:
            quotes.append(found)
    return False, quotes


def cite_sentence(
    sentence: str, grouping: Grouping, side: str | None, top_k: int = DEFAULT_TOP_K
) -> SummarySentence:
    """A verbatim sentence cites its exact span alone; any other cites the exact spans of
    its quotations, then the passages that support it above the alignment threshold."""
    verbatim, citations = exact_citations(sentence, grouping, side)
    if verbatim:
        return SummarySentence(text=sentence, supported=True, citations=tuple(citations))
    supports = align_sentence(sentence, grouping, side=side, top_k=top_k)
    strong = [s for s in supports if s.score >= SUPPORT_THRESHOLD]
    for support in strong:
        if len(citations) >= top_k:
            break
        citation = Citation(support.passage, support.start, support.end)
        if citation not in citations:
            citations.append(citation)
    return SummarySentence(text=sentence, supported=bool(strong), citations=tuple(citations))


def cite_summary(
    summary: str, grouping: Grouping, side: str | None, top_k: int = DEFAULT_TOP_K
) -> tuple[SummarySentence, ...]:
    """Every sentence of ``summary``, in order, with its citations."""
    return tuple(
        cite_sentence(summary[start:end], grouping, side, top_k)
        for start, end in split_sentences(summary)
    )
