"""Segmenting: ``Source.text`` → paragraphs → sentence ``Passage``s, each with a kind.

Kinds: ``heading`` (title, subheads), ``boilerplate`` (captions with credits, video
blocks, bylines, share lines), ``duplicate`` (a paragraph printed again, such as a
repeated lede) and ``body``. Offsets are exact and end-exclusive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from summarize.clauses import clause_subject
from summarize.paragraphs import TERMINAL, line_paragraphs, paragraphs, strip_span
from summarize.quantities import NEWS_DAYS
from summarize.read import normalise
from summarize.records import Passage, PassageKind, Source

if TYPE_CHECKING:
    import pysbd

# pysbd's regexes go quadratic on a long run with no sentence end; cut such runs first.
MAX_PIECE_CHARS = 2_000

_TIME_AGO = re.compile(
    r"^\s*(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\s*$", re.I
)
_VIDEO = re.compile(r"^\s*(?:duration\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*$", re.I)
# A live blog's furniture: the time stamp of an entry ("12:50 p.m."), the rule between
# entries ("___"), its standing header ("... (all times EDT):").
_CLOCK = re.compile(r"^\s*\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?(?:\s+[A-Z]{2,4})?\s*:?\s*$", re.I)
_RULE = re.compile(r"^\s*(?:[_*=~\u2014-]\s*){3,}\.?\s*$")
_ALL_TIMES = re.compile(r"\(all times [A-Z]{2,4}\)\s*:?\s*$", re.I)
# "(Andy Wong/The Associated Press)", "(Photo: Reuters)", "(AP Photo/Mark ...)", "Getty Images"
_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,80}/[^()]{0,80}|(?:photo|image|file photo|credit|video)[^()]{0,80})\)"
    r"|\b(?:Getty Images|Shutterstock|AFP via Getty|Associated Press photo))\.?\s*$",
    re.I,
)
_BOILER_LINE = re.compile(
    r"^\s*(?:\(?(?:reporting|additional reporting|editing|writing|compiled) by\b"
    # a byline's name is capitalised even under re.I: "By contrast, ..." is a sentence
    r"|by (?-i:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})\s*(?:[,|]|$)"
    r"|(?:updated|published|posted)\s*:?\s*\w{3,9}\.? \d{1,2},? \d{4})"
    # "Evan Dyer · CBC News · Posted: Feb 24, 2021 4:00 AM ET | Last Updated: ..."
    r"|^[^.!?]{2,80}[\u00b7\u2022|]\s*(?:last\s+)?(?:updated|published|posted)\s*:?\s*"
    r"\w{3,9}\.? \d{1,2},? \d{4}",
    re.I,
)
# Share, sign-up and follow lines: furniture only when short, since a sentence of the
# article may begin with the same word ("Email records show ...", "Related documents ...").
_SHARE_LINE = re.compile(
    r"^\s*(?:share|tweet|email|print|subscribe|sign up|follow us|click here|read more|related|"
    r"watch|listen|advertisement|copyright|all rights reserved|\u00a9)\b",
    re.I,
)
LEDE_WORDS = 12
# A page's buttons and calls to act, copied with the text: the whole line, so a headline
# that starts with the same word ("Share prices fall", "Follow the money") is not one
_UI_LINE = re.compile(
    r"^\s*(?:(?:share|tweet|email|print|save)(?: (?:this|the) (?:article|story|page|post))?"
    r"(?: (?:on|via) \w+)?"
    r"|(?:subscribe|sign up|register)(?: (?:to|for) (?:our|the) [\w -]{0,30}"
    r"(?:newsletter|updates|alerts|podcast|channel))?(?: here| now| today)?"
    r"|follow us(?: on \w+)?|like us on facebook|read more|advertisement|comments?"
    r"|related (?:stories|articles|coverage|content|links))\s*[.!:]?\s*$",
    re.I,
)
# Page furniture that news archives print as text: section labels ("ABSTRACT.", "FULL
# TEXT."), editor's notes, corrections; always short or clearly labelled.
_FURNITURE = re.compile(
    r"^\s*(?:abstract|full text|editor'?s note)\s*[.:]?\s*$"
    r"|^\s*_{2,}\s*\.?\s*$"  # the rule a wire story draws above its trailer
    # an embed's lead-in and a show's air times: "Listen to ... interviews below:"
    r"|^\s*(?:listen|watch|see|read)\b[^.]{0,80}\b(?:below|above)\s*[:.]?\s*$"
    # an excerpt's source and the link to the rest: "From Bloomberg:", "Read the rest of
    # the story here."
    r"|^\s*(?:from|via)\s+(?-i:[A-Z])[\w.&' -]{1,40}:\s*$"
    r"|^\s*(?:read|see)\s+the\s+(?:rest|full|whole|entire)\b[^.]{0,40}\b(?:here|below)\s*[.:]?\s*$"
    r"|^[\w .'-]{2,60}\bairs\s+(?:on|live|weekdays|every)\b[^.]{0,80}\d\s*[ap]\.?m\b"
    r"[^,;]{0,20}$"
    r"|^\s*(?:editor'?s note|correction|clarification)\s*:"
    r"|^\s*this (?:post|story|article|report) has been (?:updated|corrected|amended)\b"
    r"|^\s*</?(?:tweet|blockquote|iframe|embed|script|div|img)\b"
    # a transcript's stage direction: "(CROSSTALK)", "(APPLAUSE.)", "(BEGIN VIDEO CLIP)"
    r"|^\s*[\"\u201c]?\s*\((?-i:[A-Z][A-Z ,'-]{2,40})\.?\)\.?\s*[\"\u201d]?\s*$",
    re.I,
)
# Contact, follow and credit lines: boilerplate only as a short line of their own, never a
# sentence that merely mentions an address, a handle or a tag.
_CONTACT = re.compile(
    r"^\s*(?:on twitter,?\s+)?follow\b.*(?:@\w|twitter\.com/)"
    # a wire story's trailer: "Lerer reported from Los Angeles.", "Associated Press
    # writer Jill Colvin contributed from Albuquerque."
    r"|^[\w.' -]{2,60}\b(?:reported|contributed|wrote this story) from "
    r"(?-i:[A-Z][\w.'-]*(?:,? [A-Z][\w.'-]*){0,3})\.?\s*$"
    r"|[\w.+-]+@[\w-]+\.(?:com|org|net|gov|edu|co\.uk|ca)\b"
    r"|\bcontributed (?:reporting|research|to (?:this|the) (?:report|article|story))\b"
    r"|^\s*contributing\s*:",
    re.I,
)
SHORT_LINE_WORDS = 25
# letters and digits a paragraph or sentence needs before a repeat of it is a duplicate,
# not a short line that recurs ("Advertisement", "He said no.")
MIN_REPEAT = 32
_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_LABEL = re.compile(r"^\s*[\w\u00a9]+(?: \w+)?\s*[:|]")
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]")
# A run with no sentence end before its last character, and no quote or bracket (on
# which pysbd sometimes splits oddly), is one sentence: pysbd is skipped for it.
_NOT_PLAIN = re.compile(r"[.!?\u2026\r\n\"()\[\]]|(?<!\w)'|'(?!\w)")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut ``text[start:end]`` into runs of at most MAX_PIECE_CHARS, at white space."""
    while end - start > MAX_PIECE_CHARS:
        cut = text.rfind(" ", start + MAX_PIECE_CHARS // 2, start + MAX_PIECE_CHARS)
        if cut <= start:
            cut = start + MAX_PIECE_CHARS
        yield start, cut
        start = cut
    yield start, end


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of ``text[start:end]``, stripped, end-exclusive.

    pysbd reads a normalised copy (same length, CR and NBSP made spaces), which also
    sidesteps its CRLF offset bug; spans are found back in the text by position.
    """
    end = len(text) if end is None else end
    return _split_sentences(text, normalise(text), start, end)


def _split_sentences(text: str, plain: str, start: int, end: int) -> list[tuple[int, int]]:
    """``split_sentences`` with the normalised text given (normalise once per article,
    not once per paragraph, or a long article costs quadratic time)."""
    spans: list[tuple[int, int]] = []
    for lo, hi in _pieces(plain, start, end):
        s, e = strip_span(plain, lo, hi)
        body_end = e - 1 if e > s and plain[e - 1] in ".!?" else e
        if e > s and _NOT_PLAIN.search(plain, s, body_end) is None and (
            body_end == e or _NOT_PLAIN.search(plain, body_end - 1, body_end) is None
        ):
            spans.append(strip_span(text, s, e))
            continue
        # A line break inside one line span is a joined narrow column, not a sentence
        # end; a space of the same length keeps the offsets.
        piece = plain[lo:hi].replace("\n", " ")
        cursor = 0
        for sent in _segmenter().segment(piece):
            stripped = sent.strip()
            if not stripped:
                continue
            found = piece.find(stripped, cursor)
            if found < 0:  # pysbd altered the text: fall back to the rest of the piece
                found = cursor
                stripped = piece[cursor:].strip()
            at = lo + found
            s, e = strip_span(text, at, at + len(stripped))
            if e > s:
                spans.append((s, e))
            cursor = max(cursor, e - lo)
    return _rejoin_titles(plain, spans)


# A title abbreviation standing as a word of its own ("... said Del. Stacey Plaskett")
# ends no sentence; glued to a name ("AyotteRep.") it may end a list item.
_TITLE_END = re.compile(
    r"(?:\s|\b[a-z]+-)(?:Del|Rep|Reps|Sen|Sens|Gov|Lt|Gen|Sgt|Col|Capt|Adm|Cmdr|Dr|Mr|Mrs|Ms|Prof|Rev|"
    r"Hon|Amb|Atty|Supt|Insp|St|Ft|Mt)\.$"
)


# "By 9 a.m. Sunday, ...": a clock time goes on with its day or time zone
_CLOCK_END = re.compile(r"\b[ap]\.m\.$")
_CLOCK_GOES_ON = re.compile(rf"(?:{NEWS_DAYS}|tomorrow|[ECMP][SD]?T)\b|[a-z]")


def _rejoin_titles(plain: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a span that ends on a title abbreviation to the next one on the same line, a
    clock time to its day ("9 a.m. Sunday"), a span that opens on a comma, semicolon or
    dash ("St., Louis.", "CHATTANOOGA, Tenn. - Behind ...") and one of closing quotes
    alone: no sentence starts so."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and "\n" not in plain[out[-1][1] : s] and (
            (_TITLE_END.search(plain, out[-1][0], out[-1][1]) and plain[s : s + 1].isupper())
            or plain[s : s + 1] in (",", ";", "-") or not plain[s:e].strip("\"') \t")
            or (_CLOCK_END.search(plain, out[-1][0], out[-1][1])
                and _CLOCK_GOES_ON.match(plain, s) is not None)
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _is_heading(
    line: str, paragraph: int, single_line_block: bool, first_block_lines: int = 1
) -> bool:
    if _MD_HEADING.match(line):
        return True
    words = line.split()
    if not words or len(words) > 25:
        return False
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(words) <= 12:
        return True
    if paragraph == 0 and (single_line_block or first_block_lines <= 3):
        # a title, or a headline and its standfirst on lines of their own
        return True
    return single_line_block and not TERMINAL.search(line)


def _line_kind(line: str) -> PassageKind | None:
    if any(p.match(line) for p in (_TIME_AGO, _VIDEO, _BOILER_LINE, _CLOCK, _RULE)) \
            or _ALL_TIMES.search(line):
        return "boilerplate"
    if len(line) < 400 and _FURNITURE.search(line):
        return "boilerplate"
    if _CREDIT.search(line):
        return "boilerplate"
    return None


def _is_contact_or_share(line: str, heading: bool = False) -> bool:
    """A short line or sentence of its own that is a follow/contact/credit/share line."""
    line = line.strip().strip("\"\u201c\u201d")  # a transcript wraps each line in quotes
    words = len(line.split())
    short = words <= SHORT_LINE_WORDS and not _QUOTE_MARK.search(line)
    if short and _CONTACT.search(line):
        return True
    # "Share this article", "Related: ...", "Watch | ..." - not a sentence that starts
    # with the same word ("Related documents were handed over, the agency said.").
    if short and _UI_LINE.match(line):
        return True
    if short and _SHARE_LINE.match(line):
        labelled = _LABEL.match(line) is not None
        # a headline has no sentence end either: only a labelled one is furniture
        return labelled or (not heading and not TERMINAL.search(line))
    return False


def _is_short_aside(block: str) -> bool:
    return len(block.split()) <= 60 and not _QUOTE_MARK.search(block)


def _fingerprint(text: str) -> str:
    # letters and digits only: a repeat that spells "re-election" as "reelection" is one
    return "".join(c for c in normalise(text).lower() if c.isalnum())


_SHINGLE = 5
# "Source: NATO." under a chart, and the chart's short title a paragraph or two above it
_SOURCE_LINE = re.compile(r"^(?:Sources?|Data|Graphic|Chart)\s*:\s*\S.{0,80}$")


def _graphics(passages: list[Passage]) -> list[Passage]:
    """A chart's source line is furniture, and so are the chart's title and caption
    above it when the title is a short paragraph of its own."""
    by_paragraph: dict[int, list[Passage]] = {}
    for q in passages:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    furniture: set[int] = set()
    for index, block in by_paragraph.items():
        if len(block) != 1 or not _SOURCE_LINE.match(block[0].text.strip()):
            continue
        furniture.add(index)
        caption = by_paragraph.get(index - 1, [])
        for back in (1, 2):
            title = by_paragraph.get(index - back, [])
            short_caption = back == 1 or sum(len(q.text.split()) for q in caption) <= 40
            # a chart's title has no verb ("Highest share of defense spending in NATO.")
            if len(title) == 1 and len(title[0].text.split()) <= 8 and short_caption \
                    and clause_subject(title[0].text, 0, len(title[0].text)) is None:
                furniture.update(range(index - back, index))
                break
    return [replace(q, kind="boilerplate") if q.paragraph in furniture
            and q.kind in ("body", "heading") else q for q in passages]


def _shingles(sentence: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", sentence.lower())
    return {tuple(words[k : k + _SHINGLE]) for k in range(len(words) - _SHINGLE + 1)}


def _said_before(sentence: str, seen: set[tuple[str, ...]]) -> bool:
    """Every run of five words of a sentence of six or more was in earlier paragraphs."""
    shingles = _shingles(sentence)
    return len(shingles) >= 2 and shingles <= seen


def segment(source: Source) -> list[Passage]:
    """All passages of the source, in order; ``source.text[p.start:p.end] == p.text``."""
    text = source.text
    plain = normalise(text)
    blocks = paragraphs(text)
    seen: set[str] = set()
    seen_sentences: set[str] = set()
    seen_shingles: set[tuple[str, ...]] = set()
    out: list[Passage] = []
    for index, lines in enumerate(blocks):
        block_text = plain[lines[0][0] : lines[-1][1]]
        fingerprint = _fingerprint(block_text)
        duplicate = len(fingerprint) >= MIN_REPEAT and fingerprint in seen
        seen.add(fingerprint)
        video_block = any(_TIME_AGO.match(plain[s:e]) or _VIDEO.match(plain[s:e]) for s, e in lines)
        next_is_video = index + 1 < len(blocks) and any(
            _TIME_AGO.match(plain[s:e]) or _VIDEO.match(plain[s:e]) for s, e in blocks[index + 1]
        )
        credit_block = bool(_CREDIT.search(block_text))
        block: list[Passage] = []
        for s, e in lines:
            line = plain[s:e]
            kind: PassageKind
            if duplicate:
                kind = "duplicate"
            elif video_block or credit_block:
                kind = "boilerplate"
            elif (line_kind := _line_kind(line)) is not None:
                kind = line_kind
            elif _is_heading(line, index, len(lines) == 1, len(lines)):
                # A title line just above a video block is that video's title.
                kind = "boilerplate" if next_is_video and not TERMINAL.search(line) else "heading"
            else:
                kind = "body"
            spans = [(s, e)] if kind == "heading" else _split_sentences(text, plain, s, e)
            if kind == "heading" and index == 0 and TERMINAL.search(line) \
                    and len(line.split()) >= LEDE_WORDS:
                # a short lede of three whole sentences or more, each its own; a title may
                # be two ("Virginian could make history. Again.")
                sentences = _split_sentences(text, plain, s, e)
                if len(sentences) > 2 and all(TERMINAL.search(plain[a:b]) for a, b in sentences):
                    kind, spans = "body", sentences
            furniture = [
                kind in ("body", "heading") and _is_contact_or_share(plain[a:b], kind == "heading")
                for a, b in spans
            ]
            # A short call for tips or follow line takes its paragraph with it ("READERS:
            # Tell us more. Email tips to ..."); a quote never does.
            if any(furniture) and (_is_short_aside(block_text) or _is_short_aside(line)):
                furniture = [kind in ("body", "heading")] * len(spans)
            for (ss, se), aside in zip(spans, furniture, strict=True):
                # a sentence repeated in a later paragraph (a live blog's entry filed again,
                # a pull quote) is a duplicate on its own
                repeated = False
                if kind == "body":
                    sentence = _fingerprint(plain[ss:se])
                    repeated = (len(sentence) >= MIN_REPEAT and sentence in seen_sentences) \
                        or _said_before(plain[ss:se], seen_shingles)
                    seen_sentences.add(sentence)
                block.append(Passage(
                    id=f"s{len(out) + len(block) + 1}", start=ss, end=se, text=text[ss:se],
                    paragraph=index,
                    kind="boilerplate" if aside else "duplicate" if repeated else kind,
                ))
        # a pull quote: most of a paragraph said before, its credit line with it
        body = [q for q in block if q.kind in ("body", "duplicate")]
        if len(body) > 1 and 2 * sum(q.kind == "duplicate" for q in body) > len(body):
            block = [replace(q, kind="duplicate") if q.kind == "body" else q for q in block]
        for q in block:
            if q.kind in ("body", "duplicate"):  # what a caption said first is no repeat
                seen_shingles.update(_shingles(plain[q.start : q.end]))
        out.extend(block)
    return line_paragraphs(_graphics(out), {s for lines in blocks for s, _ in lines})
