"""Who speaks or acts in one sentence: speech cues, speakers and clause subjects.

Works on a *masked* view of the text, where the inside of every double-quoted span is
blanked (same length), so a name inside a quote is never taken for its speaker and
cue patterns see only the reporter's words: ``"  ," said Wang Wenbin``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from summarize.phrases import DETERMINERS, PhraseReader, Resolution, Token, tokens

_SPEECH = (
    "say tell add write read state note continue ask explain insist argue claim allege accuse "
    "urge call deny admit acknowledge concede warn demand declare assert contend maintain "
    "stress suggest reply respond counter complain criticise criticize condemn reject dismiss "
    "welcome praise announce express propose recommend vow pledge promise threaten predict "
    "estimate believe fear hope rebut decline refuse agree confirm report testify tweet lash "
    "jab charge blame defend question challenge oppose dispute denounce decry applaud thank "
    "reiterate repeat comment describe emphasise emphasize highlight object protest appeal "
    "request seek want insist caution rebuke slam blast criticise acknowledge"
).split()
_ACTION = (
    "lead push plan issue deliver vote file sue reach offer provide commit try work draft "
    "bring send fight strike establish cover follow face include expect begin create help end "
    "make take give go come hold meet leave keep find get grow know see set put run rise "
    "stand fall build buy choose draw hit let mean understand become sell act move launch "
    "sign approve block ban impose lift raise cut reduce increase spend invest order rule hear "
    "consider weigh prepare negotiate decide adopt pass introduce release publish submit join "
    "form back host visit travel arrive return relocate postpone automate weather serve "
    "control curb support need emit walk picket strike seem remain stay look attack smear "
    "target investigate probe abstain participate struggle fail succeed allow permit"
).split()
_IRREGULAR = (
    "said says told wrote written read sought led brought sent struck made took taken gave "
    "given went gone came began begun won lost paid met left kept found got gotten grew grown "
    "knew known saw seen set put ran rose risen stood fell fallen built bought chose chosen "
    "drew drawn hit let meant understood became sold held spoke spoken thought felt heard "
    "fought threw thrown withdrew withdrawn broke broken drove driven spent swore sworn"
).split()
_IRREGULAR_SPEECH = frozenset("said says told wrote written read sought spoke spoken".split())
AUX = frozenset(
    "is are was were be been being am has have had do does did will would shall should can "
    "could may might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't "
    "didn't won't wouldn't can't cannot couldn't shouldn't mustn't".split()
)
BE = frozenset("is are was were be been being am isn't aren't wasn't weren't 's 're".split())
_RAISING = frozenset("expected set scheduled due poised slated likely going about".split())
_ADVERB = frozenset(
    "not also still then now later again already previously repeatedly once further even "
    "never n't just only ever soon both all separately".split()
)
_OPENERS = frozenset(
    "in on at during after before since to aware although though while when if as with "
    "despite because unlike like for earlier later last this next under amid following "
    "meanwhile however instead once until without by from within among throughout".split()
)
_NUMBER = re.compile(
    r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|dozens?)(?:-\w+)?$"
)
_PREPOSITIONS = frozenset("of in on at by for from with to into about over under".split())
_PLURAL_PRONOUNS = frozenset("they we i you".split())
_SUBORDINATORS = frozenset("if when while although though because as since unless after "
                           "before once until whereas".split())
_CONJ = frozenset("but and yet so still however meanwhile".split())
_INFINITIVE = frozenset({"to", "be", "been", "being"})
_APPOSITIVE_HEADS = frozenset("director chief head president secretary member chairman "
                              "spokesperson spokesman spokeswoman minister".split())
_STOP_LOOKAHEAD = frozenset("that it he she they we its their his her".split()) | _PREPOSITIONS
SUBJECT_PRONOUNS = frozenset("he she they it this that".split())
_HAVE = frozenset("has have had".split())
# Participles that state a stance rather than a passive: "officials were worried that ..."
_STANCE = frozenset(
    "worried concerned confident convinced determined pleased disappointed alarmed opposed "
    "committed dismayed frustrated outraged angered encouraged satisfied unhappy happy "
    "skeptical sceptical".split()
)
_PARTICLES = frozenset("back out up down off on in away over".split())
_CONTRACTED = {"it's": "it", "he's": "he", "she's": "she", "they're": "they"}


def _inflect(base: str) -> set[str]:
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    else:
        plural = base + "es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else base + "s"
        forms |= {plural, base + "ed", base + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", base):
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


SPEECH_FORMS = frozenset(f for b in _SPEECH for f in _inflect(b)) | _IRREGULAR_SPEECH
_BASES = frozenset(_SPEECH) | frozenset(_ACTION)
VERB_FORMS = (
    SPEECH_FORMS | frozenset(f for b in _ACTION for f in _inflect(b)) | frozenset(_IRREGULAR)
) - _BASES

_SAID = (
    r"(?:said|says|told|tells|added|adds|wrote|writes|reads|stated|states|noted|notes|"
    r"explained|explains|insisted|insists|argued|argues|asked|asks|continued|continues|"
    r"declared|declares|warned|warns|replied|replies|responded|responds|countered|recalled|"
    r"conceded|acknowledged|admitted|complained|charged|alleged|maintained|tweeted|announced)"
)
# Possessive "\s*+": a masked quote is a long run of spaces; backtracking into it made
# every quote cost quadratic time.
_QUOTE_VERB_NP = re.compile(rf'"\s*+,?\s*+(?P<verb>{_SAID})\s+(?P<np>[^"]+)')
_QUOTE_NP_VERB = re.compile(
    rf'"\s*+,?\s*+(?P<np>\w[^"]{{0,160}}?)\s+(?:(?:has|had|have|also|then|later|again)\s+)*'
    rf"(?P<verb>{_SAID})\b"
)
_TRAILING_NP_VERB = re.compile(
    rf',\s*(?P<np>[^,"]{{1,80}}?)\s+(?:(?:has|had|also|then|later)\s+)*(?P<verb>{_SAID})'
    r'\s*[.!?]*\s*$'
)
_TRAILING_VERB_NP = re.compile(r',\s*(?P<verb>said|says)\s+(?P<np>[^,"]{1,80}?)\s*[.!?]*\s*$')
_ACCORDING = re.compile(r'\baccording to\s+(?P<np>[^"]+)', re.I)
_RELATIVE = re.compile(r"\s*,\s*who\s+(?P<words>(?:[\w']+\s+){0,2}[\w']+)")
_QUOTED = re.compile(r'"[^"]*"')
_NOT_BLANK = re.compile(r"[^\s]")

Rule = Literal["quote", "speech", "according", "relative", "acting", "none"]


def mask_quotes(text: str) -> str:
    """Blank the inside of double-quoted spans (an unclosed quote runs to the end)."""
    masked = _QUOTED.sub(lambda m: '"' + " " * (len(m.group()) - 2) + '"', text)
    if text.count('"') % 2:
        last = masked.rfind('"')
        masked = masked[: last + 1] + " " * (len(masked) - last - 1)
    return masked


def _modifier(t: Token | None) -> bool:
    """Tokens after which a verb-looking word is a noun or adjective ("the claims", "60
    elected officials", "of reports")."""
    if t is None:
        return False
    low = t.low
    return (
        low in DETERMINERS or low.endswith("'s") or low in _PREPOSITIONS
        or bool(_NUMBER.match(low))
    )


def is_verb(toks: list[Token], k: int) -> bool:
    """Whether toks[k] can be the finite verb of a clause (a heuristic, no tagger)."""
    t = toks[k]
    low = t.low
    if low in AUX:
        return True
    if not t.text[:1].islower():
        return False
    prev = toks[k - 1] if k > 0 else None
    if _modifier(prev):
        return False
    if low in _BASES and low not in VERB_FORMS:
        # A bare form ("argue") follows a plural subject, a pronoun or an adverb.
        if prev is None or not (
            prev.low.endswith("s") or prev.low in _PLURAL_PRONOUNS or prev.low in _ADVERB
        ):
            return False
    elif not (low in VERB_FORMS or (low.endswith("ed") and len(low) > 4 and "-" not in low)):
        return False
    if low.endswith("s") or low in _BASES:
        # "The eventual appeals court ruling could ...", "diplomatic moves follow": a noun
        # before the real verb.
        after = toks[k + 1] if k + 1 < len(toks) else None
        if after is not None and after.text[:1].islower() and not after.low.endswith("ing") and (
            after.low in VERB_FORMS or after.low in _BASES
        ) and after.low not in _ADVERB and after.low not in _PARTICLES:
            return False
        for nxt in toks[k + 1 : k + 4]:
            if nxt.low in AUX:
                return False
            if not nxt.word or not nxt.text[:1].islower() or nxt.low in _STOP_LOOKAHEAD:
                break
    return True


def _participle(t: Token) -> bool:
    low = t.low
    return (low.endswith("ed") or low in _IRREGULAR) and low not in AUX


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


def _skip_to_comma(toks: list[Token], k: int, limit: int = 30) -> int | None:
    for j in range(k, min(len(toks), k + limit)):
        if toks[j].text in (",", "-"):
            return j + 1
    return None


def _verb_group(toks: list[Token], k: int) -> tuple[str, bool, bool, bool, int]:
    """(text, speech, passive, copula, index after the group) of the verb group at k."""
    group = [toks[k]]
    j = k + 1
    while j < len(toks) and len(group) < 6:
        t = toks[j]
        if t.low in AUX or t.low in _ADVERB or t.low in {"on", "to", "back", "out", "go"} or (
            t.low.endswith("ly") and len(t.low) > 4
        ) or (t.text[:1].islower() and (t.low in VERB_FORMS or t.low in _BASES
                                         or (t.low.endswith("ed") and len(t.low) > 3))):
            group.append(t)
            j += 1
        else:
            break
    words = [t.low for t in group]
    content = [t for t in group[1:] if t.low not in _ADVERB and t.low not in AUX]
    stance = bool(content) and content[0].low in _STANCE
    speech = stance or any(w in SPEECH_FORMS for w in words)
    passive = words[0] in BE and bool(content) and _participle(content[0]) and not stance and not (
        content[0].low in _RAISING and len(content) > 1 and content[1].low == "to"
    )
    following = content[0] if content else (toks[j] if j < len(toks) else None)
    active = following is not None and following.text[:1].islower() and (
        following.low.endswith("ing") or _participle(following)
    )
    auxiliaries = [w for w in words if w in AUX]
    copula = (words[0] in BE or (words[0] in _HAVE and auxiliaries == words[:1])) and not (
        passive or active
    )
    return " ".join(t.text for t in group), speech, passive, copula, j


def clause_subject(text: str, start: int, end: int) -> Clause | None:
    """The main clause's subject phrase and verb group, or None when none is plain."""
    toks = tokens(text, start, end)
    i = 0
    while i < len(toks) and (toks[i].low in _CONJ or toks[i].text == ","):
        i += 1
    if i >= len(toks) or toks[i].text == '"':
        return None
    first = toks[i]
    if first.low in _OPENERS or (
        first.low in {"more", "most"} and i + 1 < len(toks) and toks[i + 1].low.endswith("ly")
    ) or (first.low.endswith("ly") and i + 1 < len(toks) and toks[i + 1].text == ","):
        nxt = _skip_to_comma(toks, i)
        if nxt is None:
            return None
        i = nxt
    if i >= len(toks):
        return None
    if toks[i].low in _CONTRACTED:
        return Clause(toks[i].start, toks[i].end, toks[i].text, False, False, True,
                      _CONTRACTED[toks[i].low])
    k = i + 1
    apposition_open = False
    while k < len(toks) and k - i < 40:
        t = toks[k]
        if t.text == '"':
            return None
        if t.low in {"who", "which", "whose"}:
            nxt = _skip_to_comma(toks, k)
            if nxt is None:
                return None
            k, apposition_open = nxt, False
            continue
        if t.text == "," and k + 1 < len(toks):
            if apposition_open:  # this comma closes "X, Lou Jiwei, ..."
                apposition_open = False
                k += 1
                continue
            after = toks[k + 1]
            skip = after.low in DETERMINERS or after.text[:1].isdigit() or (
                after.text[:1].islower() and _participle(after)
            ) or after.low in _APPOSITIVE_HEADS or after.low in _SUBORDINATORS
            if not skip:
                apposition_open = True
                k += 1
                continue
            nxt = _skip_to_comma(toks, k + 1)
            if nxt is None:
                return None
            k = nxt
            continue
        if is_verb(toks, k):
            nxt_low = toks[k + 1].low if k + 1 < len(toks) else ""
            prev = toks[k - 1].low
            non_finite = (t.low.endswith("ing") and t.low not in AUX) or prev in _INFINITIVE
            reduced = _participle(t) and nxt_low == "by"
            if not (non_finite or reduced):
                verb, speech, passive, copula, group_end = _verb_group(toks, k)
                np_toks = [x for x in toks[i:k] if x.text != ","]
                while np_toks and (np_toks[-1].low in _ADVERB or (
                    np_toks[-1].text.islower() and np_toks[-1].low.endswith("ly")
                )):
                    np_toks.pop()
                if not np_toks:
                    return None
                low = np_toks[0].low
                pronoun = low if len(np_toks) == 1 and low in SUBJECT_PRONOUNS else None
                agent = None
                if passive and group_end < len(toks) and toks[group_end].low == "by":
                    rest = toks[group_end + 1 :]
                    stop = next((x.start for x in rest if x.text in ",;:"), end)
                    agent = (toks[group_end].end, stop)
                return Clause(toks[i].start, np_toks[-1].end, verb, speech, passive, copula,
                              pronoun, agent)
        k += 1
    return None


@dataclass(frozen=True)
class Reading:
    """What one passage says about its own speaker, before any carry-over."""

    rule: Rule
    who: Resolution | None
    verb: str = ""
    clause: Clause | None = None


def _quote_cue(masked: str, start: int, end: int, reader: PhraseReader) -> Reading | None:
    span = masked[start:end]
    for pattern in (_QUOTE_VERB_NP, _QUOTE_NP_VERB):
        m = pattern.search(span)
        if m is not None:
            who = reader.resolve(start + m.start("np"), start + m.end("np"))
            if who.stakeholder or who.pronoun or who.surface:
                return Reading("quote", who, m.group("verb"))
    for pattern in (_TRAILING_NP_VERB, _TRAILING_VERB_NP):
        m = pattern.search(span)
        if m is not None:
            who = reader.resolve(start + m.start("np"), start + m.end("np"))
            if who.stakeholder or who.pronoun:
                rule: Rule = "quote" if '"' in span else "speech"
                return Reading(rule, who, m.group("verb"))
    return None


def read_passage(masked: str, start: int, end: int, reader: PhraseReader) -> Reading:
    """The strongest speaker cue of ``masked[start:end]``, in a fixed order of trust."""
    cue = _quote_cue(masked, start, end, reader)
    if cue is not None:
        return cue
    clause = clause_subject(masked, start, end)
    subject: Resolution | None = None
    if clause is not None and clause.pronoun is None:
        subject = reader.resolve(clause.np_start, clause.np_end, loose=True)
    if clause is not None and clause.speech and subject is not None and subject.strength >= 2:
        return Reading("speech", subject, clause.verb, clause)
    m = _ACCORDING.search(masked, start, end)
    if m is not None:
        who = reader.resolve(m.start("np"), min(end, m.end("np")))
        if who.stakeholder is not None and who.strength >= 2:
            return Reading("according", who, "according to")
    for mention in reader.within(start, end):
        if mention.strong:
            rel = _RELATIVE.match(masked, mention.end, end)
            verb = next((w for w in rel.group("words").lower().split() if w in SPEECH_FORMS),
                        None) if rel is not None else None
            if verb is not None:
                who = reader.resolve(mention.start, mention.end)
                if who.stakeholder is not None:
                    return Reading("relative", who, verb)
    if clause is not None and clause.passive and clause.agent is not None:
        agent = reader.resolve(clause.agent[0], clause.agent[1])
        if agent.stakeholder is not None and agent.strength >= 2:
            return Reading("acting", agent, f"{clause.verb} by", clause)
    if clause is None or clause.passive:
        return Reading("none", None, clause=clause)
    if clause.pronoun is not None:
        who = Resolution(None, masked[clause.np_start : clause.np_end], "", 0, pronoun=True)
        return Reading("acting", who, clause.verb, clause)
    if subject is not None and not clause.copula and (
        subject.stakeholder is not None or clause.speech
    ):
        rule: Rule = "speech" if clause.speech else "acting"
        return Reading(rule, subject, clause.verb, clause)
    return Reading("none", subject, clause.verb, clause)
