"""The main clause of one sentence, without a tagger: where its subject phrase starts
and ends, past openers, datelines, kickers and asides, and its verb group.

Works on the masked view ``speakers`` reads (quotes blanked), so a quote's words are
never taken for the reporter's clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarize.lexicon import DETERMINERS, TIME_LEAD, TIME_WORDS, Token, tokens
from summarize.quantities import NEWS_DAY_WORDS, WEEKDAYS
from summarize.verbs import (
    ADVERB,
    AUX,
    BASES,
    PREPOSITIONS,
    VERB_FORMS,
    is_verb,
    participle,
    verb_group,
)

_OPENERS = frozenset(
    "in on at during after before since to aware although though while when if as with "
    "despite because unlike like for earlier later last this next under amid following "
    "meanwhile however instead once until without by from within among throughout overall "
    "still indeed moreover furthermore nonetheless nevertheless separately similarly "
    "likewise additionally ultimately rather".split()
)
# "Over the past week, ...", but "Over 100 people attended"
_OPENERS_BEFORE_DET = frozenset("over across around against toward towards beyond through "
                                "near inside outside".split())
SUBORDINATORS = frozenset("if when while although though because as since unless after "
                           "before once until whereas".split())
_CONJ = frozenset("but and yet so still however meanwhile".split())
# "Late last month, the company wrote ...": "late" and "early" may lead a time phrase
_TIME_DETERMINERS = frozenset("the that this last next same following previous late early".split())
# "Looking out at ...", "Insisting it wasn't ...": what may follow an opening participle
_PARTICIPLE_OBJECTS = frozenset("out up down back over off it he she they we his her their "
                                "its".split())
_INFINITIVE = frozenset({"to", "be", "been", "being"})
_APPOSITIVE_HEADS = frozenset("director chief head president secretary member chairman "
                              "spokesperson spokesman spokeswoman minister".split())
SUBJECT_PRONOUNS = frozenset("he she they it this that".split())
# who may follow an opener that no comma closes: "In an interview on RT he blasted ...",
# "At the convention his operatives forced ..."
_OPENER_SUBJECTS = frozenset("he she they we".split())
_POSSESSIVES = frozenset("his her their its".split())
_CONTRACTED = {"it's": "it", "he's": "he", "she's": "she", "they're": "they"}


@dataclass(frozen=True)
class Clause:
    """The subject phrase of a clause and what its verb group says about it."""

    np_start: int
    np_end: int
    verb: str
    speech: bool
    passive: bool
    copula: bool
    pronoun: str | None = None
    agent: tuple[int, int] | None = None  # "... was welcomed by <agent>"


def _skip_to_comma(toks: list[Token], k: int, limit: int = 60) -> int | None:
    for j in range(k, min(len(toks), k + limit)):
        if toks[j].text in (",", "-"):
            return j + 2 if j + 1 < len(toks) and toks[j + 1].text == '"' else j + 1
    return None


def _after_dateline(toks: list[Token], i: int) -> int:
    """Skip a dateline such as "MOSCOW -" or "GENEVA, Switzerland -", or a kicker in
    capitals ("HE'S BEEN CALLED OUT BY FELLOW DOCTORS - He's been ...")."""
    j = i
    while j < len(toks) and j - i < 12 and toks[j].text != "-":
        if toks[j].word and not toks[j].text[:1].isupper():
            return i
        j += 1
    kicker = all(t.text.isupper() for t in toks[i:j] if t.word)
    caps = j > i and toks[i].text.isupper() and len(toks[i].text) > 1 and (j - i < 6 or kicker)
    return j + 1 if caps and j < len(toks) and toks[j].text == "-" else i


_DAY_PARTS = frozenset("morning afternoon evening night".split())
_DAY_LEAD = frozenset("even earlier later late early only just again also".split())


def _agent(toks: list[Token], group_end: int, end: int) -> tuple[int, int] | None:
    """The span of a passive verb's "by" phrase, up to its clause's end."""
    if group_end >= len(toks) or toks[group_end].low != "by":
        return None
    stop = next((x.start for x in toks[group_end + 1 :] if x.text in ",;:"), end)
    return (toks[group_end].end, stop)


def _after_time_opener(toks: list[Token], i: int) -> int:
    """Skip a time phrase that opens the clause without a comma: "Last week Trump ...",
    "On Monday the senator ...", or a day with its comma: "Wednesday, he called ..."."""
    day = i + 1 if toks[i].low in _DAY_LEAD and i + 1 < len(toks) else i  # "Even Friday,"
    if day + 1 < len(toks) and toks[day].low in NEWS_DAY_WORDS:
        j = day + 2 if day + 2 < len(toks) and toks[day + 1].low in _DAY_PARTS else day + 1
        if j + 1 < len(toks) and toks[j].text == ",":
            return j + 1
    if i + 2 >= len(toks) or toks[i + 2].text == ",":
        return i
    first, second = toks[i].low, toks[i + 1].low
    if (first in TIME_LEAD and second in TIME_WORDS) or (
        first == "on" and second in WEEKDAYS
    ):
        return i + 2
    return i


def title_case(text: str, start: int, end: int) -> bool:
    """A Title-Case Headline: nearly every longer word capitalised."""
    words = [t for t in tokens(text, start, end) if t.word and len(t.text) > 3]
    caps = sum(1 for t in words if t.text[:1].isupper())
    return len(words) >= 3 and caps >= 0.8 * len(words) and not all(
        t.text.isupper() for t in words
    )


def _verbish(t: Token) -> bool:
    low = t.low
    return low in AUX or low in ADVERB or low in VERB_FORMS or low in BASES or (
        len(low) > 3 and low.endswith(("s", "ed", "ly")) and not low.endswith("'s")
    )


def clause_subject(text: str, start: int, end: int, headline: bool = False) -> Clause | None:
    """The main clause's subject phrase and verb group, or None when none is plain.
    ``headline``: a Title-Case Headline, where a verb is capitalised like the names
    ("Board Investigated A Claim"), so words are read in lower case."""
    toks = tokens(text, start, end)
    if headline:
        # only words that may be verbs or adverbs lose their capital: "Warren Hammers
        # Wells Fargo CEO" keeps "Warren" a name before the verb "hammers"
        toks = [Token(t.start, t.end, t.text.lower()) if k > 0 and _verbish(t) else t
                for k, t in enumerate(toks)]
    i = 0
    while i < len(toks) and (toks[i].low in _CONJ or toks[i].text == ","):
        i += 1
    i = _after_dateline(toks, i)
    if i >= len(toks) or toks[i].text == '"':
        return None
    if toks[i].low == "even" and i + 1 < len(toks) and toks[i + 1].low in SUBORDINATORS:
        i += 1  # "Even as regulators were digging ..., Mr. Sloan remained ..."
    i = _after_time_opener(toks, i)
    first = toks[i]
    # "Meeting in Washington, the ministers ...", "Frightened by ..., leaders have ...":
    # an opening participle phrase before the subject.
    opening_participle = first.text[:1].isupper() and (
        first.low.endswith(("ing", "ed"))
    ) and i + 1 < len(toks) and (toks[i + 1].low in PREPOSITIONS
                                 or toks[i + 1].low in DETERMINERS
                                 or toks[i + 1].low in _PARTICIPLE_OBJECTS)
    # "The next year, when Clinton ..., Saban sent": a time phrase and its comma
    time_phrase = next((j for j in range(i + 1, min(i + 4, len(toks) - 1))
                        if toks[j].low in TIME_WORDS and toks[j + 1].text == ","), None) \
        if first.low in _TIME_DETERMINERS else None
    if time_phrase is not None and all(t.low in TIME_LEAD or t.low in _TIME_DETERMINERS
                                       for t in toks[i + 1 : time_phrase]):
        i = time_phrase + 2
        first = toks[i] if i < len(toks) else first
    if first.low in _OPENERS or opening_participle or (first.low in SUBORDINATORS and i > 0) or (
        first.low in _OPENERS_BEFORE_DET and i + 1 < len(toks) and toks[i + 1].low in DETERMINERS
    ) or (
        first.low in {"more", "most"} and i + 1 < len(toks) and toks[i + 1].low.endswith("ly")
    ) or (first.low.endswith("ly") and i + 1 < len(toks) and toks[i + 1].text == ","):
        nxt = _skip_to_comma(toks, i)
        if nxt is None:
            # "In a Bloomberg interview Trump declared ...": no comma closes the opener;
            # the subject is the first name that a verb follows
            nxt = next((j for j in range(i + 2, min(len(toks) - 1, i + 12))
                        if (((toks[j].text[:1].isupper() and toks[j].word)
                            or toks[j].low in _OPENER_SUBJECTS) and is_verb(toks, j + 1))
                        or (toks[j].low in _POSSESSIVES and j + 2 < len(toks)
                            and is_verb(toks, j + 2))), None)
            if nxt is None:
                return None
            while nxt > i + 2 and toks[nxt].text[:1].isupper() \
                    and toks[nxt - 1].text[:1].isupper() and toks[nxt - 1].word:
                nxt -= 1  # the whole name: "Donald Trump declared"
        i = nxt
        opened = True
        # "Following initial reports, but before officials had weighed in, Trump ...":
        # the opening phrase goes on after a conjunction and a subordinator
        while i + 1 < len(toks) and ((toks[i].low in _CONJ and (
            toks[i + 1].low in SUBORDINATORS or toks[i + 1].low in _OPENERS
        )) or ((toks[i].low in PREPOSITIONS or toks[i].low in SUBORDINATORS)
               and toks[i].low != "of" and toks[i].text.islower())):
            # "However, over the past few days, the administration ...": openers in a row
            nxt = _skip_to_comma(toks, i + 1)
            if nxt is None:
                return None
            i = nxt
    else:
        opened = False
    if i >= len(toks):
        return None
    if toks[i].low in _CONTRACTED:
        subject = _CONTRACTED[toks[i].low]
        after = toks[i + 1] if i + 1 < len(toks) else None
        if after is not None and after.text[:1].islower() and (
            after.low == "been" or participle(after)
        ):
            # "He's been investigated by Congress", "She's given ...": "'s" is "has"
            verb, speech, passive, copula, group_end = verb_group(toks, i + 1)
            return Clause(toks[i].start, toks[i].start + len(subject),
                          f"{toks[i].text[len(subject):]} {verb}", speech, passive, copula,
                          subject, _agent(toks, group_end, end) if passive else None)
        return Clause(toks[i].start, toks[i].end, toks[i].text, False, False, True, subject)
    k = i + 1
    apposition_open = False
    while k < len(toks) and k - i < 40:
        t = toks[k]
        if t.text == '"':
            if k + 1 < len(toks) and toks[k + 1].text == '"':
                k += 2  # a quoted name inside the phrase: 'the bill, known as "..."'
                continue
            close = next((j for j in range(k + 1, min(len(toks), k + 7))
                          if toks[j].text == '"'), None)
            if close is not None and close > k + 1 and all(
                x.text[:1].isupper() or x.low in ("the", "of", "and", "for")
                for x in toks[k + 1 : close]
            ):
                k = close + 1  # a name left unmasked in its quote marks: 'PAC "Keep It"'
                continue
            return None
        relative_that = t.low == "that" and k + 1 < len(toks) and (
            toks[k + 1].low in AUX or toks[k + 1].low in VERB_FORMS
        )  # "the weekend that was supposed to be ..., Trump lit into"
        if t.low in {"who", "whom", "which", "whose"} or relative_that:
            nxt = _skip_to_comma(toks, k)
            if nxt is None:
                return None
            k, apposition_open = nxt, False
            if relative_that and opened:  # the opening phrase ran on; the subject follows
                i, k = nxt, nxt + 1
            continue
        if t.text == "," and k + 1 < len(toks):
            if apposition_open:  # this comma closes "X, Lou Jiwei, ..."; a second may
                # follow it: "One supporter, Lee Zeldin, Republican of New York, gave ..."
                nxt_tok = toks[k + 1]
                apposition_open = not is_verb(toks, k + 1) and (
                    nxt_tok.low in ("a", "an", "the") or nxt_tok.text[:1].isupper())
                k += 1
                continue
            after = toks[k + 1]
            skip = after.low in DETERMINERS or after.text[:1].isdigit() or (
                after.text[:1].islower() and (participle(after) or after.low.endswith("ing"))
            ) or after.low in _APPOSITIVE_HEADS or after.low in SUBORDINATORS
            if not skip:
                apposition_open = True
                k += 1
                continue
            nxt = _skip_to_comma(toks, k + 1)
            if nxt is None:
                return None
            # "Ana Ruiz, 20, a major from Dover, chimed in": an apposition after the age
            k, apposition_open = nxt, nxt < len(toks) and toks[nxt].low in ("a", "an", "the")
            continue
        if is_verb(toks, k):
            nxt_low = toks[k + 1].low if k + 1 < len(toks) else ""
            prev = toks[k - 1].low
            non_finite = (t.low.endswith("ing") and t.low not in AUX) or prev in _INFINITIVE
            # "the rally led by Trump", "A freshman named Hailey Puckett posted ...": a
            # reduced relative, not the verb
            named = t.low in ("named", "called", "dubbed") and k + 1 < len(toks) \
                and toks[k + 1].text[:1].isupper() and toks[k - 1].text.isalpha() \
                and toks[k - 1].text.islower() and toks[k - 1].low not in SUBJECT_PRONOUNS \
                and toks[k - 1].low not in ADVERB and toks[k - 1].low not in AUX \
                and any(is_verb(toks, j) for j in range(k + 2, min(len(toks), k + 10)))
            # "responded by using ...": a manner, not an agent after "by"
            by_agent = nxt_low == "by" and not (
                k + 2 < len(toks) and toks[k + 2].low.endswith("ing"))
            reduced = (participle(t) and by_agent) or named
            if not (non_finite or reduced):
                verb, speech, passive, copula, group_end = verb_group(toks, k)
                np_toks = [x for x in toks[i:k] if x.text != ","]
                while np_toks and (np_toks[-1].low in ADVERB or (
                    np_toks[-1].text.islower() and np_toks[-1].low.endswith("ly")
                )):
                    np_toks.pop()
                if not np_toks:
                    return None
                low = np_toks[0].low
                pronoun = low if len(np_toks) == 1 and low in SUBJECT_PRONOUNS else None
                return Clause(toks[i].start, np_toks[-1].end, verb, speech, passive, copula,
                              pronoun, _agent(toks, group_end, end) if passive else None)
        k += 1
    return None
