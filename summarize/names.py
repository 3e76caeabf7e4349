"""Names in a summary sentence, checked against the source and the sentence's support
(the ``entity`` check of the faithfulness harness): the names must appear in the support,
or for a speaker named only by a pronoun there ("he said"), just before it; a name said
where the support has another in its role is caught by the count of names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarize.align import STOPWORDS
from summarize.quantities import MONTHS, WEEKDAYS, is_number_word
from summarize.read import normalise
from summarize.speech import CLAIM_VERBS

_CAP_WORD = re.compile(r"[A-Z]+\d+\b|[A-Z][A-Za-z]*(?:[.'-][A-Za-z]+)*\.?")
_ALL_WORDS = re.compile(r"[a-z0-9]+")
_NOT_PROSE = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S+|@\w+|<[^<>]*>", re.I)
TITLES = frozenset(
    """mr mrs ms dr rep sen gov gen prof president prime minister secretary senator
    representative chairman chairwoman chair spokesperson spokesman spokeswoman deputy vice
    chief director ambassador commissioner governor mayor premier congressman congresswoman
    sir lord madam st jr sr""".split()
)
_STARTERS = frozenset(
    """however meanwhile separately also still yet instead despite while although though since
    during after before in on at for as but and or so then thus therefore both neither either
    according under over among between against without within through because if when where
    overall finally first second later earlier today yesterday""".split()
)
# The support names its speaker by a pronoun or a role: '"...," he said', 'the minister added'.
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|they|spokesperson|spokesman|spokeswoman|minister|secretary|official|"
    r"president|chairman|director|lawmaker|congressman|senator)\s+(\w+)(?:\s+(\w+))?",
    re.I,
)


def speaks_by_pronoun(text: str) -> bool:
    for m in _PRONOUN_SPEAKER.finditer(normalise(text)):
        if any((w or "").lower() in CLAIM_VERBS for w in m.groups()):
            return True
    return False


@dataclass(frozen=True)
class Entity:
    """A capitalised word of a sentence taken for (part of) a name, with offsets."""

    word: str
    start: int
    end: int


_CONTRACTION = re.compile(r"'(?:s|re|ll|ve|d|m)$")


def _key(word: str) -> str:
    return _CONTRACTION.sub("", word.lower().rstrip("."))


@lru_cache(maxsize=64)
def _mid_capitals(text: str) -> frozenset[str]:
    """Capitalised words the text uses after another word of the same sentence."""
    plain = normalise(text)
    out: set[str] = set()
    for m in re.finditer(r"(?<=[A-Za-z0-9,'] )[A-Z][A-Za-z'-]*", plain):
        out.add(_CONTRACTION.sub("", m.group()))
    return frozenset(out)


@lru_cache(maxsize=64)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![A-Za-z])[a-z][a-z'-]*", normalise(text)))


def _name_at_start(word: str, sentence: str, end: int, source_text: str) -> bool:
    """Whether a capitalised word at a sentence or quote start is a name: the source
    capitalises it mid-sentence, or uses it only capitalised, or a name word follows."""
    bare = _CONTRACTION.sub("", word.rstrip("."))
    if bare in _mid_capitals(source_text):
        return True
    if re.match(r"\s+[A-Z][a-z]", sentence[end:]) or re.match(r"\s*:\s*\"", sentence[end:]):
        return True  # a name word follows, or 'Carol: "..."' names a speaker
    following = re.findall(r"[A-Za-z]+", sentence[end : end + 40])[:2]
    if following and following[0].lower() in _LINKS:
        following = following[1:]
    if following and following[0].lower() in CLAIM_VERBS:
        return True  # 'Carol said ...': a speaker, known to the source or not
    return bare.lower() not in _lower_words(source_text) and bare in source_text


def entities(sentence: str, source_text: str) -> list[Entity]:
    """Capitalised words of the sentence that read as names.

    A word that starts the sentence (or a quote) is a name only if the source also
    capitalises it mid-sentence, so 'The' or 'Speaking' are skipped but 'China' is kept.
    """
    plain = normalise(sentence)
    # a link, a handle or a tag is no name ("https://t.co/8FtYoYE0G3", "@realDonaldTrump",
    # '<tweet author="...">'), nor the inside of a word ("iPhone")
    skipped = [(x.start(), x.end()) for x in _NOT_PROSE.finditer(plain)]
    out: list[Entity] = []
    for m in _CAP_WORD.finditer(plain):
        if any(a <= m.start() < b for a, b in skipped) or (
            m.start() > 0 and plain[m.start() - 1].isalnum()
        ):
            continue
        word = m.group()
        key = _key(word)
        if not key or key in TITLES or key in MONTHS or key in WEEKDAYS or key == "i":
            continue
        if is_number_word(key):
            continue
        before = plain[: m.start()].rstrip()
        initial = not before or before[-1] in '".:;!?' or before.endswith(("--", " -"))
        if initial:
            if key in STOPWORDS or key in _STARTERS:
                continue
            # Capitalised only by position: a name only if the source capitalises it
            # mid-sentence too (or it is an acronym).
            if not word.isupper() and not _name_at_start(word, plain, m.end(), source_text):
                continue
        elif key in STOPWORDS and not word.isupper():
            continue
        out.append(Entity(word.rstrip("."), m.start(), m.start() + len(word.rstrip("."))))
    return out


_JOINERS = ("of", "on", "the", "and", "for")


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _JOINERS).lower()


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words ('Inter-Parliamentary Alliance on China')."""
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for m in re.finditer(r"[A-Za-z][A-Za-z'.-]*|[^\sA-Za-z]", normalise(text)):
        word = m.group()
        if word[0].isupper() or (run and word.lower() in _JOINERS):
            run.append(m)
            continue
        while run and run[-1].group().lower() in _JOINERS:
            run.pop()
        if run:
            runs.append(run)
        run = []
    while run and run[-1].group().lower() in _JOINERS:
        run.pop()
    if run:
        runs.append(run)
    return runs


def _acronyms(text: str) -> set[str]:
    """Initials of each run of two or more capitalised words ('United Nations' → 'un')."""
    out: set[str] = set()
    for run in _runs(text):
        words = [m.group() for m in run]
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                out.add(_initials(words[i:j]))
    return out


def _spelled_out_acronym(sentence: str, at: int, support: str) -> bool:
    """Whether the name word at offset ``at`` is part of a spelled-out name whose
    acronym the support uses ('United' of 'United Nations' against 'UN' or 'U.N.')."""
    support_words = {
        w.replace(".", "").lower()
        for w in re.findall(r"\b[A-Z](?:\.?[A-Z])+\.?", normalise(support))
    }
    for run in _runs(sentence):
        if not run[0].start() <= at < run[-1].end():
            continue
        words = [m.group() for m in run]
        index = next(i for i, m in enumerate(run) if m.start() <= at < m.end())
        for i in range(index + 1):
            for j in range(index + 1, len(words) + 1):
                if any(not any(c.islower() for c in w) for w in words[i:j]):
                    continue  # initials of spelled-out words only, not of 'U.N.' itself
                initials = _initials(words[i:j])
                if len(initials) >= 2 and initials in support_words:
                    return True
    return False


def found_in(word: str, text: str) -> bool:
    """Whether a name word appears in ``text``: as a word, as a close form sharing a long
    prefix ('Chinese'/'China'), or through an acronym ('UN'/'United Nations')."""
    key = _key(word)
    if "-" in word.strip("-"):
        parts = [p for p in word.split("-") if p[:1].isupper()]
        return all(found_in(part, text) for part in parts)
    words = set(_ALL_WORDS.findall(normalise(text).lower()))
    dotted = key.replace(".", "")
    if dotted in words or key in words:
        return True
    plain = normalise(text).lower()
    if "." in key and key in plain:
        return True
    if "'" in key and re.search(rf"(?<![a-z]){re.escape(key)}(?![a-z])", plain):
        return True  # "O'Connor": the word pattern splits it at the apostrophe
    if len(dotted) >= 4 and dotted.isalpha():
        # close forms are looked for among the text's capitalised words only
        for other in {w.lower() for w in re.findall(r"\b[A-Z][a-z]{3,}", normalise(text))}:
            n = 0
            for a, b in zip(dotted, other, strict=False):
                if a != b:
                    break
                n += 1
            if n >= 4 and n >= min(len(dotted), len(other)) - 2:
                return True
    if dotted.isalpha() and 2 <= len(dotted) <= 6 and word.replace(".", "").isupper():
        return dotted in _acronyms(text)
    return False


_LINKS = frozenset("also then later again has had have was separately further previously".split())


def _speaker_position(sentence: str, e: Entity) -> bool:
    """Whether a name word speaks in the sentence: 'Zhao (Lijian) (also) said', 'said Zhao',
    'according to Zhao'."""
    plain = normalise(sentence)
    after = re.findall(r"[A-Za-z][A-Za-z.'-]*", plain[e.end :])
    while after and after[0][:1].isupper():  # the rest of the name
        after = after[1:]
    if after and after[0].lower() in _LINKS:
        after = after[1:]
    if after and after[0].lower() in CLAIM_VERBS:
        return True
    if re.match(r"(?:\s+[A-Z][A-Za-z.'-]*)*\s*:", plain[e.end :]):
        return True  # 'Zhao: "..."', the extractive briefing's way of naming a speaker
    before = re.findall(r"[A-Za-z][A-Za-z.'-]*", plain[: e.start])
    while before and before[-1][:1].isupper():
        before = before[:-1]
    if before and before[-1].lower() in CLAIM_VERBS:
        return True
    return len(before) >= 2 and [w.lower() for w in before[-2:]] == ["according", "to"]


def entity_problems(
    sentence: str, support: str, context: str, source_text: str, speakers: str = ""
) -> list[tuple[str, bool]]:
    """(detail, in_source) for each name of the sentence the support does not carry.

    ``context`` is the text just before the support, searched only when the support
    refers to its speaker by a pronoun ('he said'). ``speakers`` is the text of the
    passages whose speaker is still in force for the support (the same side's passages
    just before it): a name in speaker position found there is the support's speaker.
    """
    via_pronoun = speaks_by_pronoun(support)
    out: list[tuple[str, bool]] = []
    seen: set[str] = set()
    for e in entities(sentence, source_text):
        key = _key(e.word)
        if key in seen:
            continue
        seen.add(key)
        if found_in(e.word, support):
            continue
        if _spelled_out_acronym(sentence, e.start, support):
            continue
        if via_pronoun and _speaker_position(sentence, e) and found_in(e.word, context):
            continue
        if speakers and _speaker_position(sentence, e) and found_in(e.word, speakers):
            continue
        in_source = found_in(e.word, source_text)
        where = "the support" if in_source else "the source"
        out.append((f"'{e.word}' is not in {where}", in_source))
    if not out:
        swap = _swapped_roles(sentence, support, source_text)
        if swap is not None:
            out.append((swap, True))
    return out


def _name_group(word: str) -> str:
    """Names compared by their first four letters: 'China'/'Chinese', 'Canada'/'Canadian'."""
    key = _key(word).replace(".", "")
    return key[:4] if len(key) > 4 else key


def _swapped_roles(sentence: str, support: str, source_text: str) -> str | None:
    """A name said more often than the support says it while another of the support's
    names is dropped: the signature of one name written in place of another."""
    said = Counter(_name_group(e.word) for e in entities(sentence, source_text))
    held = Counter(_name_group(e.word) for e in entities(support, source_text))
    extra = sorted(n for n in said if held[n] and said[n] > held[n])
    dropped = sorted(n for n in held if n not in said)
    if extra and dropped:
        return (
            f"'{extra[0]}…' appears {said[extra[0]]} times but {held[extra[0]]} in the "
            f"support, which also names '{dropped[0]}…': a name in the wrong role?"
        )
    return None


def names_dropped(sentence: str, support: str, source_text: str) -> bool:
    """Whether the support names someone the sentence does not: with a name of the
    sentence missing from the support, the sign of a name put in another's role."""
    return any(not found_in(e.word, sentence) for e in entities(support, source_text))
