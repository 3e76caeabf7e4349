"""Verbs of saying and quotation marks: whether a sentence says whose words it gives, where
a passage gives someone's words or view, and the warning for a side's claim restated as
plain fact (the ``unattributed`` check of the faithfulness harness)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from summarize.align import tokens
from summarize.read import normalise

_DOUBLE_QUOTED = re.compile(r'"([^"]+)"|"([^"]+)$')
_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z0-9])'([^']{3,}?)'(?![A-Za-z0-9])")
_ELLIPSIS = re.compile(r"\.{2,}|\[[^\]]*\]")
_EDGE_PUNCT = " \t\n,.;:!?-'\""


@lru_cache(maxsize=64)
def _squash(text: str) -> str:
    return " ".join(normalise(text).replace('"', " ").lower().split())


def _quotes(plain: str) -> list[tuple[int, int]]:
    """Spans inside the quotation marks of a normalised sentence: double quotes, or single
    quotes when it has no double ones."""
    found = [m.span(1) if m.group(1) else m.span(2) for m in _DOUBLE_QUOTED.finditer(plain)]
    if not found:
        found = [m.span(1) for m in _SINGLE_QUOTED.finditer(plain)]
    return found


def _parts(quote: str) -> list[str]:
    parts: list[str] = []
    for part in _ELLIPSIS.split(quote):
        clean = part.strip(_EDGE_PUNCT)
        if clean and any(c.isalnum() for c in clean):
            parts.append(clean)
    return parts


def quoted_parts(sentence: str) -> list[str]:
    """The quoted passages of a sentence, split at ellipses and bracketed insertions."""
    plain = normalise(sentence)
    return [part for s, e in _quotes(plain) for part in _parts(plain[s:e])]


def quote_problems(sentence: str, source_text: str) -> list[str]:
    """Quoted text of the sentence that is not verbatim in the source."""
    haystack = _squash(source_text)
    out: list[str] = []
    for part in quoted_parts(sentence):
        if _squash(part) not in haystack:
            out.append(f'quoted text is not in the source verbatim: "{part}"')
    return out


# Inflected forms, not stems: 'report' and 'claims' are often nouns, 'reported' and
# 'claimed' are not.
CLAIM_VERBS = frozenset(
    """say says said saying stated told tell tells claimed argue argues argued arguing
    accuse accuses accused accusing deny denies denied denying urge urges urged urging
    demanded demanding allege alleges alleged alleging insist insists insisted insisting
    warn warns warned warning assert asserts asserted maintain maintains maintained describe
    describes described suggest suggests suggested suggesting express expresses expressed
    condemn condemns condemned criticize criticizes criticized criticise criticises criticised
    declare declares declared declaring write writes wrote reads contend contends contended
    admit admits admitted acknowledge acknowledges acknowledged complain complains complained
    believe believes believed charged blame blames blamed insisting asserting stressing
    stress stresses stressed add adds added note notes noted remarked commented observed
    reiterated emphasized emphasised explained explains conceded confirmed announced
    predicted vowed pledged promised threatened proposed recommended rejected rejects
    dismissed dismisses questioned countered rebuked rebutted responded replied retorted
    lashed jabbed testified cites cited raises raised voices voiced highlights highlighted
    insists alleges labelled labeled dubbed branded termed""".split()
)
# Phrases that attribute without a verb of saying.
_ATTRIBUTION_PHRASES = re.compile(
    r"\baccording to\b|\bin the words of\b|\bin (?:his|her|their|its) (?:view|words|letter|"
    r"statement|remarks)\b|\bcalls? (?:on|for)\b|\bcalled (?:on|for)\b|(?-i:\bstates? that\b)",
    re.I,
)
# A document as the subject of a verb: 'the letter warns', 'the statement also raises'.
_DOCUMENT_SUBJECT = re.compile(
    r"\b(?:statement|letter|report|motion|declaration|resolution|complaint|lawsuit|filing|"
    r"petition|memo|ruling|indictment)\s+(?:also\s+|further\s+)?[a-z]+s\b",
    re.I,
)
# 'states' as a verb: before a quote, a name or a clause ('the panel states "..."', 'states
# U.S. ...', 'the campaign states it is ...'); never 'the United States'.
_STATES_VERB = re.compile(
    r"\bstates:?\s+(?:\"|[A-Z])|(?<=[a-z] )states\s+(?:that|it|he|she|they|we|a|an|the|"
    r"no|its|his|her|their)\b"  # "the commissioner states an internal review shows ..."
)
# 'claims', 'reports', 'demands' are verbs after a subject pronoun or a name ('It claims',
# 'the letter, which Smith reports', 'Trump called'), nouns in 'Credible reports indicate'.
_SUBJECT_VERB = re.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)|(?<=[a-z,] )[A-Z][a-z]+)\s+"
    r"(?:also\s+)?(?:claims|reports|demands|states|notes|calls|called)\b"
    r"|^[A-Z][a-z]+\s+(?:also\s+)?(?:calls|called)\s+(?:the|him|her|them|it|[A-Z])"
)


_FIRST_PERSON = frozenset({"i", "we"})
# Words in a row that make a span of a sentence a copy of a quotation.
COPIED_RUN = 4
_WORD = re.compile(r"[a-z0-9]+")


def has_attribution(sentence: str, copied: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the sentence says whose words or view it gives (a verb of saying, or quotes).

    ``copied``: spans of the sentence copied from inside someone's quotation
    (``copied_from_quotes``). A cue there belongs to the quoted words ('they say your
    call is important'), and quote marks that such a span runs across are the quotation's
    own inner quotes; neither says who is speaking."""
    plain = normalise(sentence)

    def in_copy(at: int) -> bool:
        return any(s <= at < e for s, e in copied)

    cues = (_ATTRIBUTION_PHRASES, _SUBJECT_VERB, _STATES_VERB, _DOCUMENT_SUBJECT)
    if any(not in_copy(m.start()) for r in cues for m in r.finditer(plain)):
        return True
    words = list(re.finditer(r"[a-z]+", plain.lower()))
    for i, m in enumerate(words):
        before = {w.group() for w in words[max(0, i - 3) : i]}
        # 'We urge', 'I have observed': the speaker's own words, which name no one.
        # "the United States": a capitalised word inside the sentence is a name
        named = m.start() > 0 and plain[m.start()].isupper()
        if m.group() in CLAIM_VERBS and not _FIRST_PERSON & before and not in_copy(m.start()) \
                and not named:
            return True
    # Words in quotation marks are presented as someone's words, not as fact.
    for s, e in _quotes(plain):
        if any(cs < s - 1 and s < ce for cs, ce in copied) or any(
            cs < e and e + 1 < ce for cs, ce in copied
        ):
            continue
        if any(len(part.split()) >= 3 for part in _parts(plain[s:e])):
            return True
    # A lone closing mark ends a quotation begun in an earlier sentence.
    return plain.count('"') % 2 == 1


def copied_from_quotes(sentence: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``sentence`` that repeat COPIED_RUN or more words in a row from inside the
    quotation marks of ``text[start:end]`` (words of any kind: 'you say you' is as much
    the quotation's as its content words)."""
    inside = quoted_regions(text, start, end)
    if not inside:
        return []
    mine = list(_WORD.finditer(normalise(sentence).lower()))
    theirs = [
        m.group() if any(s <= start + m.start() < e for s, e in inside) else None
        for m in _WORD.finditer(normalise(text[start:end]).lower())
    ]
    spans: list[tuple[int, int]] = []
    # run[j]: length of the common run starting at sentence word i and passage word j.
    following = [0] * (len(theirs) + 1)
    for i in range(len(mine) - 1, -1, -1):
        run = [0] * (len(theirs) + 1)
        for j, word in enumerate(theirs):
            if word is not None and word == mine[i].group():
                run[j] = following[j + 1] + 1
                if run[j] >= COPIED_RUN:
                    spans.append((mine[i].start(), mine[i + run[j] - 1].end()))
        following = run
    return spans


def quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside double quotes in ``text[start:end]`` (an unclosed quote runs to the end,
    an unopened closing quote from the start)."""
    plain = normalise(text)
    marks = [i for i in range(start, end) if plain[i] == '"']
    regions: list[tuple[int, int]] = []
    if not marks:
        return regions
    # A first mark followed by space or punctuation closes a quote begun before ``start``,
    # unless it opens the passage ('" At that time' from a doubled-apostrophe quote).
    # A mark after a space opens a quote even when a space follows it ('said, " We' from
    # a doubled apostrophe).
    opens_passage = not plain[start : marks[0]].strip() or plain[marks[0] - 1].isspace()
    if not opens_passage and (marks[0] + 1 >= end or plain[marks[0] + 1] in " ,.;:!?)"):
        regions.append((start, marks[0]))
        marks = marks[1:]
    for i in range(0, len(marks), 2):
        regions.append((marks[i] + 1, marks[i + 1] if i + 1 < len(marks) else end))
    return regions


def claim_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a passage gives a side's words or view: quotes, and what follows a verb of
    saying ('alleges that ...', 'accused them of ...')."""
    regions = quoted_regions(text, start, end)
    plain = normalise(text)
    for m in re.finditer(r"[A-Za-z]+", plain[start:end]):
        if m.group().lower() in CLAIM_VERBS:
            regions.append((start + m.end(), end))
            break
    return regions


def unattributed_problem(
    sentence_words: Iterable[str], sentence: str, text: str, start: int, end: int
) -> str | None:
    """A warning when a sentence without attribution restates the claim part of a passage."""
    if has_attribution(sentence, copied_from_quotes(sentence, text, start, end)):
        return None
    regions = claim_regions(text, start, end)
    if not regions:
        return None
    first: dict[str, int] = {}
    for t in tokens(text, start, end):
        first.setdefault(t.key, t.start)
    hits = [first[w] for w in set(sentence_words) if w in first]
    if not hits:
        return None
    inside = sum(1 for h in hits if any(s <= h < e for s, e in regions))
    if inside / len(hits) >= 0.6:
        return "a side's claim is stated as fact: say who claims it"
    return None
