"""Speech tags around quotes: '"...," said Wang Wenbin', '..., she said in an interview.',
'"...," the minister added', and the sentence that closes a quote left to run on.

Reads the masked view ``speakers`` reads (quotes blanked, same length); returns the
``Reading`` every speaker rule shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from summarize.clauses import SUBORDINATORS, Clause, clause_subject
from summarize.phrases import PhraseReader, Resolution
from summarize.quantities import NEWS_DAY_WORDS, NEWS_DAYS
from summarize.verbs import PREPOSITIONS, SPEECH_FORMS, VERB_FORMS

_SAID = (
    r"(?:said|says|say|told|tells|added|adds|wrote|writes|reads|stated|states|noted|notes|"
    r"explained|explains|insisted|insists|argued|argues|asked|asks|continued|continues|"
    r"declared|declares|warned|warns|replied|replies|responded|responds|countered|recalled|"
    r"conceded|acknowledged|admitted|complained|charged|alleged|maintained|tweeted|announced|"
    r"claimed|contended|suggested|observed|remarked|predicted|cautioned|emphasized|"
    r"stressed|testified|confirmed|agreed|concluded|reported|reports|"
    # the manner of saying it: '"Go back to Univision," Trump barked'
    r"barked|snapped|retorted|quipped|shouted|shouts|yelled|yells|screamed|screams|cried|"
    r"cries|whispered|whispers|joked|scoffed|boasted|exclaimed|lamented|mused|pleaded|pleads|"
    r"begged|begs|shot back|fired back|urged|pressed)"
)
# Possessive "\s*+": a masked quote is a long run of spaces; backtracking into it made
# every quote cost quadratic time.
_QUOTE_VERB_NP = re.compile(rf'"\s*+,?\s*+(?P<verb>{_SAID})\s+(?P<np>[^"]+)')
_QUOTE_NP_VERB = re.compile(
    rf'"\s*+,?\s*+(?P<np>\w[^"]{{0,160}}?)\s+(?:(?:has|had|have|also|then|later|again)\s+)*'
    rf"(?P<verb>{_SAID})\b"
)
# "..., she said in an interview earlier this year." / "..., said Bart Naylor, an advocate."
_TRAILING_PP = (
    rf'(?:\s+(?:in|at|on|during|to|after|before|last|this|earlier|on|{NEWS_DAYS})\b'
    r'[^,"]{0,60})?'
)
_TITLE_TAG = re.compile(r"\b(?:Says|Said|Tells|Told|Writes|Wrote|Claims|Warns)(?=[\s.!?]*$)")
_TRAILING_NP_VERB = re.compile(
    rf',\s*(?P<np>[^,"]{{1,80}}?)\s+(?:(?:has|had|also|then|later)\s+)*(?P<verb>{_SAID})'
    # "..., Kall said: "..."": the tag may lead into a quote of the same speaker
    rf'(?:{_TRAILING_PP}\s*[.!?]*|\s*:\s*"[^"]*"?\s*[.!?]*)\s*$'
)
_TRAILING_VERB_NP = re.compile(
    r',\s*(?P<verb>said|says)\s+(?P<np>[^,"]{1,80}?)(?:,\s+(?:a|an|the)\s[^,"]{1,100}?|,\s+'
    r'[a-z][^,"]{1,100}?)?\s*[.!?]*\s*$'
)
# "That culture, they said, emphasizes ...": a speech tag set off by commas mid-sentence
_PARENTHETICAL = re.compile(
    r',\s*(?P<np>[^,"]{1,60}?)\s+(?:also\s+)?(?P<verb>said|says|say|added|argued|argues|'
    r'noted|notes|wrote|contended|insisted|insists|maintained|maintains)'
    r'(?:\s+(?:then|later|again|afterward|previously|earlier))?'
    r'(?:\s+(?:after|before|in|at|on|during|while|when)\s[^,"]{1,60})?\s*,'  # "he said after ..."
)
_RELATIVE_WORD = re.compile(r"(?:that|which|who)\s+(?=\w)", re.I)
_QUOTED_AS_SAYING = re.compile(r'\bquoted\s+(?P<np>[^"]{1,120}?)\s+as\s+(?P<verb>saying)\b')
# "..., experts say.": a trailing tag naming a kind of commentator, outside any profile
_GENERIC_SOURCES = frozenset(
    "experts analysts critics observers economists scholars historians commentators "
    "researchers pollsters strategists".split()
)
# what opens a clause of its own after a quote, not a speech tag's subject
_CLAUSE_OPENERS = SUBORDINATORS | frozenset("and but or so yet".split())
# ", who Trump said at a rally were traitors,": a relative clause, not a mid-sentence tag
_RELATIVE_OPENERS = frozenset("that who whom which whose".split())


Rule = Literal["quote", "speech", "according", "relative", "acting", "none"]


@dataclass(frozen=True)
class Reading:
    """What one passage says about its own speaker, before any carry-over."""

    rule: Rule
    who: Resolution | None
    verb: str = ""
    clause: Clause | None = None


def quote_cue(masked: str, start: int, end: int, reader: PhraseReader,
               titled: bool) -> Reading | None:
    span = masked[start:end]
    if titled:  # "..., Former White House Doctor Says."
        span = _TITLE_TAG.sub(lambda m: m.group().lower(), span)
    for pattern in (_QUOTE_VERB_NP, _QUOTE_NP_VERB, _QUOTED_AS_SAYING):
        m = pattern.search(span)
        if m is not None:
            np_start = start + m.start("np")
            # '"phony polls" that he claimed were ...': the relative word is not the speaker
            relative = _RELATIVE_WORD.match(masked, np_start, start + m.end("np"))
            if relative is not None:
                np_start = relative.end()
            who = reader.resolve(np_start, start + m.end("np"))
            # '"..." to drive up the price, she said': a phrase that starts with a
            # preposition goes on with the sentence; it names no speaker
            # '"America first" appealed to him, he said': a phrase that starts with a
            # verb goes on with the sentence too
            first = (m.group("np").split(maxsplit=1) or [""])[0]
            if (first.lower() in PREPOSITIONS or (first.islower() and first in VERB_FORMS)) \
                    and not who.stakeholder:
                continue
            if first.lower() in _CLAUSE_OPENERS:
                continue  # '"a disaster" as Clinton pressed ahead': a new clause, no tag
            if relative is not None and who.pronoun:
                continue  # "he" in a relative clause is most likely the main subject
            if who.stakeholder or who.pronoun or who.surface:
                return Reading("quote", who, m.group("verb"))
    for pattern in (_TRAILING_NP_VERB, _TRAILING_VERB_NP, _PARENTHETICAL):
        m = pattern.search(span)
        first = (m.group("np").split(maxsplit=1) or [""])[0].lower() if m else ""
        if m is not None and (first in NEWS_DAY_WORDS or first in _RELATIVE_OPENERS or (
            pattern is _TRAILING_VERB_NP
            and clause_subject(masked, start + m.start("np"), start + m.end("np")) is not None
        )):
            # "..., said Wednesday he agrees", "..., said campaign strategists plan to":
            # a clause follows "said", no speaker
            continue
        if m is not None:
            who = reader.resolve(start + m.start("np"), start + m.end("np"))
            # an unknown speaker counts too: "..., said Bart Naylor, an advocate." ends
            # the carry-over of whoever spoke before
            if who.stakeholder or who.pronoun or who.surface[:1].isupper() \
                    or who.surface.lower() in _GENERIC_SOURCES:
                rule: Rule = "quote" if '"' in span else "speech"
                return Reading(rule, who, m.group("verb"))
    return None


def closing_speaker(masked: str, end: int, ahead: Reading | None) -> Resolution | None:
    """Who the sentence after a passage that is only a quote names as its speaker, when
    the quote runs on into it or a splitter cut '"...?" X said' (a speech verb, not a
    stance: "X was wary of it" opens a new thought)."""
    runs_on = masked[end - 1] != '"' or (
        ahead is not None and ahead.rule == "speech" and ahead.clause is not None
        and any(w.strip('.,;:!?"').lower() in SPEECH_FORMS for w in ahead.clause.verb.split())
    )
    if ahead is None or ahead.rule not in ("quote", "speech") or not runs_on:
        return None
    return ahead.who
