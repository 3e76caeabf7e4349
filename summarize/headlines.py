"""The article's shorthand: headlines and lists, read per passage and in passes.

A headline is written after the story and in its shorthand: "Official says ..." names
the lede's speaker by a bare role noun, and a subhead that only quotes a sentence of the
body carries the side of that sentence. A list of names under a header ("Republicans
who have called for Trump to be replaced." then "Sen. Kelly Ayotte", "Rep. Mike
Coffman", ...) carries the header's side item by item. ``headline_speaker`` and
``headlinese`` read one headline while attributing; the passes read the finished
attribution and return it with those passages resolved.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarize.lexicon import ROLE
from summarize.records import AttributedPassage, Passage

if TYPE_CHECKING:
    from summarize.tags import Reading

PULL_QUOTE = 0.6
GENERIC_ACTORS = ROLE | frozenset(
    "lawmaker lawmakers legislator legislators congressman congresswoman member senator union "
    "unions company firm group activist activists expert experts analyst judge court panel "
    "regulator regulators agency campaigners critics protesters workers".split()
)
_ELLIPSIS = re.compile(r"\.{2,}|\u2026")
_HEADING_QUOTE = re.compile(r'"([^"]{12,})"')
_PULL_QUOTE_REACH = 30  # passages after a subhead to look for the sentence it quotes
# "Tapper on Brazile Leak: 'Unethical'", "McCaul: Clinton could be impeached": a
# headline naming its speaker before a colon
_SPEAKER_COLON = re.compile(r"\s*(?P<np>[^:\s][^:]{1,58}?)(?:\s+on\s+[^:]{2,80})?:\s+\S")


# 'Abedin's succinct reply: "JEB BUSH."': a body line giving a side's words after a colon
_REPLY_COLON = re.compile(
    r"\s*(?P<np>[A-Z][^:']{1,40}?)'s\s+(?:[a-z-]+\s+){0,2}(?:reply|response|answer|"
    r"retort|message|verdict|explanation|defen[cs]e|rejoinder|comeback)\s*:\s+\S"
)


def headline_speaker(plain: str, start: int, end: int,
                     heading: bool = True) -> tuple[int, int] | None:
    """The span of the speaker a headline names before a colon, if it does; of a body
    line, the owner of the reply it gives after a colon."""
    found = (_SPEAKER_COLON if heading else _REPLY_COLON).match(plain, start, end)
    return found.span("np") if found is not None else None


def headlinese(phrase: str) -> bool:
    """A bare role noun as speaker ("Lawmaker urges ...", "Official says ...")."""
    words = phrase.split()
    return bool(words) and words[0][:1].isupper() and words[0].lower() in GENERIC_ACTORS


def lede_speaks_for_headlines(
    out: list[AttributedPassage], pending: dict[str, str]
) -> list[AttributedPassage]:
    """A headline's unnamed speaker (``pending``: headline id → the role noun that
    speaks there) is the lede's: the first side that speaks or acts in the first body
    paragraph after the headline block."""
    if not pending:
        return out
    first = out[0].passage.paragraph
    body = [ap for ap in out if ap.passage.paragraph != first and ap.passage.kind == "body"]
    if not body:
        return out
    lede = [ap for ap in body if ap.passage.paragraph == body[0].passage.paragraph]
    actor = next((ap for ap in lede if ap.stakeholder and ap.confidence >= 0.7), None)
    if actor is None:
        return out
    for i, ap in enumerate(out):
        if ap.passage.id in pending:
            out[i] = AttributedPassage(
                ap.passage, actor.stakeholder, 0.5,
                f"headline speaker {pending[ap.passage.id]!r} read as the lede's "
                f"({actor.passage.id}) → {actor.stakeholder}",
            )
    return out


def pull_quotes(out: list[AttributedPassage], plain: str) -> list[AttributedPassage]:
    """A heading that is only a quote takes the side of the passage it quotes."""
    for i, ap in enumerate(out):
        p = ap.passage
        text = plain[p.start : p.end].strip()
        if p.kind != "heading" or ap.stakeholder is not None or len(text) < 3:
            continue
        if text[0] in "'\"" and text[-1] in "'\"":
            quoted = text[1:-1]
        else:  # 'RIVAL FOCUSED "ON HIS GOLF GAME"': a subhead quoting part of a passage
            inner = _HEADING_QUOTE.findall(text)
            if not inner:
                continue
            quoted = max(inner, key=len)
        pieces = [s.strip(" ,;:.'\"").lower() for s in _ELLIPSIS.split(quoted)]
        needle = max(pieces, key=len)
        if len(needle) < 12:
            continue
        for later in out[i + 1 : i + 1 + _PULL_QUOTE_REACH]:
            q = later.passage
            if q.kind == "body" and later.stakeholder and needle in plain[q.start : q.end].lower():
                out[i] = AttributedPassage(p, later.stakeholder, PULL_QUOTE,
                                           f"pull quote of {q.id} → {later.stakeholder}")
                break
    return out


_LIST_WORD = re.compile(r"[A-Za-z][\w.'-]*")
_LIST_LOWER = frozenset("of the and de van von da chief chair former nominee".split())
_LIST_MAX_WORDS = 12


def _list_item(text: str) -> bool:
    """A run of names with no sentence of its own ("Sen. Kelly Ayotte", "Mike CoffmanRep.")."""
    words = _LIST_WORD.findall(text)
    if not words or len(words) > _LIST_MAX_WORDS or text.rstrip()[-1:] in "?!:":
        return False
    lower = [w for w in words if w[:1].islower() and w.lower() not in _LIST_LOWER]
    return not lower


def list_items(out: list[AttributedPassage]) -> list[AttributedPassage]:
    """A run of at least two unattributed name-only passages right after a header that
    carries a side (in the same or the next paragraph) takes the header's side; one
    short line after a sentence is a subhead, not a list."""
    content = [i for i, ap in enumerate(out) if ap.passage.kind in ("body", "heading")]
    k = 0
    while k < len(content):
        header = out[content[k]]
        run: list[int] = []
        last = header.passage.paragraph
        for i in content[k + 1 :]:
            ap = out[i]
            if ap.stakeholder is not None or not _list_item(ap.passage.text) \
                    or ap.passage.paragraph - last > 1:
                break
            run.append(i)
            last = ap.passage.paragraph
        if header.stakeholder is not None and len(run) >= 2:
            for i in run:
                out[i] = AttributedPassage(out[i].passage, header.stakeholder, 0.5,
                                           f"list item under {header.passage.id} → "
                                           f"{header.stakeholder}")
        k += 1 + len(run)
    return out


def verbless_subhead(p: Passage, reading: Reading) -> bool:
    """A paragraph of a few words with no clause, speaker or quote ("Baiting the
    moderators."): a subhead, whatever its kind."""
    return reading.clause is None and reading.rule == "none" and '"' not in p.text \
        and "\u201c" not in p.text and len(p.text.split()) <= 6
