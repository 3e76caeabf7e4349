"""Verbs without a tagger: a small English lexicon and the heuristics that find the
finite verb of a clause and read its group (speech or stance, passive, copula).
"""

from __future__ import annotations

import re

from summarize.lexicon import DETERMINERS, ROLE, Token
from summarize.quantities import WEEKDAYS

_SPEECH = (
    "say tell add write read state note continue ask explain insist argue claim allege accuse "
    "urge call deny admit acknowledge concede warn demand declare assert contend maintain "
    "stress suggest reply respond counter complain criticise criticize condemn reject dismiss "
    "welcome praise announce express propose recommend vow pledge promise threaten predict "
    "estimate believe fear hope rebut decline refuse agree confirm report testify tweet lash "
    "jab charge blame defend question challenge oppose dispute denounce decry applaud thank "
    "reiterate repeat comment describe emphasise emphasize highlight object protest appeal "
    "request seek want insist caution rebuke slam blast criticise acknowledge boast tout "
    "trumpet portray present cite disagree"
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
    "target investigate probe abstain participate struggle fail succeed allow permit drop sue"
).split()
_IRREGULAR = (
    "said says told wrote written read sought led brought sent struck made took taken gave "
    "given went gone came began begun won lost paid met left kept found got gotten grew grown "
    "knew known saw seen set put ran rose risen stood fell fallen built bought chose chosen "
    "drew drawn hit let meant understood became sold held spoke spoken thought felt heard lit "
    "fled shot hid stuck swung wore tore upheld withheld overtook "
    "fought threw thrown withdrew withdrawn broke broken drove driven spent swore sworn "
    "laid taught stole stolen slid dug sang flew flown forgot forgotten forgave "
    "undertook oversaw underwent overcame dealt slept swept sprang shook shaken "
    "forbade arose awoke blown eaten frozen hidden ridden shown woken worn done "
    "bled knelt leapt wept crept sank shrank spun strove strode clung flung froze "
    "mistook sped stank swam trod rode"
).split()
_IRREGULAR_SPEECH = frozenset("said says told wrote written read sought spoke spoken".split())
AUX = frozenset(
    "is are was were be been being am has have had do does did will would shall should can "
    "could may might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't "
    "didn't won't wouldn't can't cannot couldn't shouldn't mustn't".split()
)
BE = frozenset("is are was were be been being am isn't aren't wasn't weren't 's 're".split())
_RAISING = frozenset("expected set scheduled due poised slated likely going about".split())
ADVERB = frozenset(
    "not also still then now later again already previously repeatedly once further even "
    "never n't just only ever soon both all separately long almost nearly yet".split()
)
_NUMBER = re.compile(
    r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|dozens?)(?:-\w+)?$"
)
PREPOSITIONS = frozenset("of in on at by for from with to into about over under".split())
_PLURAL_PRONOUNS = frozenset("they we i you".split())
_NOT_PLURAL = frozenset("his this was has is its us".split())
# plurals without a final s: "Police say he ...", "Women say ..."
_PLURAL_NOUNS = frozenset("police people men women children personnel staff clergy".split())
# "he will attend": whatever follows a modal is its bare verb, listed or not
_MODALS = frozenset("will would can could should may might must shall".split())
# "he snuck in": a subject pronoun opening a clause is followed by its verb
_CLAUSE_PRONOUNS = _PLURAL_PRONOUNS | {"he", "she"}
_STOP_LOOKAHEAD = frozenset("that it he she they we its their his her".split()) | PREPOSITIONS
_HAVE = frozenset("has have had".split())
# Participles that state a stance rather than a passive: "officials were worried that ..."
_STANCE = frozenset(
    "worried concerned confident convinced determined pleased disappointed alarmed opposed "
    "committed dismayed frustrated outraged angered encouraged satisfied unhappy happy "
    "skeptical sceptical incensed infuriated appalled troubled furious angry upset irate livid "
    "adamant insistent unconvinced hopeful optimistic pessimistic wary critical agitated "
    "defensive combative circumspect cautious defiant unmoved unapologetic unrepentant "
    "resolute steadfast unwilling reluctant supportive dismissive".split()
)
# verbs whose clause may drop its "that": "The report shows the pit is safe"
_THAT_LESS = frozenset("shows show finds find indicates indicate reveals reveal suggests "
                       "means".split())
# "is likely to continue to hone": a speech verb that only leads into another verb
_CATENATIVE = frozenset("continue continues continued continuing".split())
# linking and stative verbs: "Russia seems to ...", "they belong to her aide": no act
# "weren't too concerned", "is very confident": a degree word before a stance
_DEGREE = frozenset("too very so quite rather more less most deeply increasingly".split())
# verbs of saying that are never a plural noun: "Trump says political correctness has ..."
_NEVER_NOUNS = frozenset("says tells argues insists contends asserts explains admits "
                         "acknowledges warns adds".split())
_LINKING = frozenset("seem seems seemed seeming become becomes became remain remains remained "
                     "appear appears appeared belong belongs belonged".split())
_APPEAR = frozenset("appear appears appeared".split())
_APPEARANCE_AFTER = frozenset("with at on before alongside together onstage".split())
# Irregular pasts spelled like their base: after a name they are the past ("Mr. Clyburn
# cast their arguments", "Trump mostly read from his remarks")
_PAST_AS_BASE = frozenset("read cast put set cut hit let quit spread shut hurt cost bet "
                          "bid broadcast forecast upset".split())
_PARTICLES = frozenset("back out up down off on in away over".split())


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
BASES = _BASES  # base forms, for readers of Title-Case headlines
VERB_FORMS = (
    SPEECH_FORMS | frozenset(f for b in _ACTION for f in _inflect(b)) | frozenset(_IRREGULAR)
) - _BASES

# "Sanders takes issue with ...": a verb and the noun that completes it, not a compound
# noun before a verb
_LIGHT_VERB_IDIOMS = frozenset(
    (verb, noun) for verb in ("take", "takes", "took")
    for noun in ("issue", "aim", "credit", "note")
) | frozenset((verb, "clear") for verb in ("make", "makes", "made"))


def _modifier(t: Token | None) -> bool:
    """Tokens after which a verb-looking word is a noun or adjective ("the claims", "60
    elected officials", "of reports")."""
    if t is None:
        return False
    low = t.low
    return (
        low in DETERMINERS or low.endswith("'s") or low in PREPOSITIONS
        or bool(_NUMBER.match(low))
    )


def _unknown_present(low: str, prev: Token | None) -> bool:
    """An unlisted "-s" word right after a name or a pronoun: "RT boasts", "It trumpets"."""
    if prev is None or not low.endswith("s") or low.endswith(("ss", "us", "is", "'s")) \
            or low in ROLE:  # "Top staffers in the campaign": a role noun, not a verb
        return False
    after_name = prev.word and prev.text[:1].isupper() and prev.low not in DETERMINERS
    return len(low) > 3 and (after_name or prev.low in {"it", "he", "she"})


def _after_adverb(toks: list[Token], k: int) -> bool:
    """An unlisted "-s" word after a name and an "-ly" adverb: "Clinton apparently
    disagrees"."""
    if k < 2:
        return False
    adverb = toks[k - 1]
    return adverb.text.islower() and adverb.low.endswith("ly") and len(adverb.low) > 4 \
        and _unknown_present(toks[k].low, toks[k - 2])


def is_verb(toks: list[Token], k: int) -> bool:
    """Whether toks[k] can be the finite verb of a clause (a heuristic, no tagger)."""
    t = toks[k]
    low = t.low
    if low in AUX:
        # "Prime Minister Theresa May said": a capitalised word after a name is a name
        return not (t.text[:1].isupper() and k > 0 and toks[k - 1].text[:1].isupper()
                    and toks[k - 1].word)
    if not t.text[:1].islower():
        return False
    prev = toks[k - 1] if k > 0 else None
    if _modifier(prev):
        return False
    if prev is not None and prev.low in _CLAUSE_PRONOUNS and (k < 2 or not toks[k - 2].word) \
            and low not in ADVERB and low not in PREPOSITIONS and low not in DETERMINERS:
        return True  # "They cite ...": a clause-initial pronoun is followed by its verb
    if (low in _BASES or low in _PAST_AS_BASE) and low not in VERB_FORMS:
        # A bare form ("argue") follows a plural subject, a pronoun or an adverb, or the
        # comma closing an aside after a plural subject ("critics, including Trump, argue").
        opened = next((j for j in range(k - 2, -1, -1) if toks[j].text == ","), None) \
            if prev is not None and prev.text == "," else None
        # the plural is the word before the aside, or the sentence's own first word:
        # "Critics of the program, like Senators Ana Ruiz and Tom Berg, see ..."
        heads = [toks[opened - 1], toks[0]] if opened is not None and opened > 0 else []
        closes_aside = any(h.word and h.low.endswith("s") and h.low not in _NOT_PLURAL
                           and len(h.low) > 3 for h in heads)
        adverb = prev is not None and (prev.low in ADVERB or (
            prev.text.islower() and prev.low.endswith("ly") and len(prev.low) > 4))
        named = prev is not None and low in _PAST_AS_BASE and prev.word \
            and prev.text[:1].isupper() and prev.low not in DETERMINERS
        # "Mr. Grassley and Mr. Leahy say": two names joined are a plural subject
        joined = prev is not None and prev.word and prev.text[:1].isupper() and any(
            toks[j].low == "and" and toks[j - 1].text[:1].isupper()
            for j in range(max(1, k - 5), k - 1)
        )
        # "Sources close to her campaign say", "Critics of the plan argue": a plural
        # head before its complement, for a verb of saying
        complement = low in SPEECH_FORMS and any(
            (toks[j].low in ("of", "to", "for", "from", "in", "at", "with")
            and (toks[j - 1].text.islower() or j == 1) and toks[j - 1].low.endswith("s")
            and toks[j - 1].low not in _NOT_PLURAL and len(toks[j - 1].low) > 3)
            or (toks[j].low == "to" and j > 1 and toks[j - 1].low == "close"
                and toks[j - 2].low.endswith("s") and len(toks[j - 2].low) > 3)
            for j in range(max(1, k - 6), k - 1))
        if prev is None or not (
            prev.low.endswith("s") or prev.low in _PLURAL_PRONOUNS or prev.low in _PLURAL_NOUNS
            or adverb or named
            or joined or closes_aside or complement
        ):
            return False
    elif not (low in VERB_FORMS or low in _THAT_LESS
              or (low.endswith("ed") and len(low) > 4 and "-" not in low)
              or _unknown_present(low, prev) or _after_adverb(toks, k)):
        return False
    if low.endswith("s") or low in _BASES:
        # "The eventual appeals court ruling could ...", "diplomatic moves follow": a noun
        # before the real verb.
        after = toks[k + 1] if k + 1 < len(toks) else None
        then = toks[k + 2] if k + 2 < len(toks) else None
        if after is not None and then is not None and after.text[:1].islower() and (
            after.low not in VERB_FORMS and after.low not in _BASES and not _modifier(after)
            and after.low not in ADVERB and then.text[:1].islower()
            and then.low.endswith("ed") and then.low in VERB_FORMS
        ):
            return False  # "an appeals court ruled": a noun modifying a noun, then the verb
        # "Both candidates face questions about ...": a bare verb after its plural
        # subject, then a plural object and its preposition
        bare_then_object = low in _BASES and after is not None and then is not None \
            and after.low.endswith("s") and then.low in PREPOSITIONS
        if after is not None and after.text[:1].islower() and not after.low.endswith("ing") and (
            after.low in VERB_FORMS or after.low in _BASES
        ) and after.low not in ADVERB and after.low not in _PARTICLES and not bare_then_object \
                and (low, after.low) not in _LIGHT_VERB_IDIOMS:
            return False
        # "The report shows the pit is safe": a verb whose complement drops its "that"
        # has a clause of its own right after it, auxiliary and all
        complement = ((low in SPEECH_FORMS or low in _THAT_LESS) and k + 1 < len(toks)
                      and toks[k + 1].low in DETERMINERS) or low in _NEVER_NOUNS
        for nxt in toks[k + 1 : k + 4]:
            if nxt.low in AUX and not complement:
                return False
            if not nxt.word or not nxt.text[:1].islower() or nxt.low in _STOP_LOOKAHEAD:
                break
    return True


def participle(t: Token) -> bool:
    low = t.low
    return (low.endswith("ed") or low in _IRREGULAR) and low not in AUX


def verb_group(toks: list[Token], k: int) -> tuple[str, bool, bool, bool, int]:
    """(text, speech, passive, copula, index after the group) of the verb group at k."""
    group = [toks[k]]
    j = k + 1
    while j < len(toks) and len(group) < 6:
        t = toks[j]
        after_modal = group[-1].low in _MODALS and t.word and t.text[:1].islower() \
            and t.low not in DETERMINERS and t.low not in PREPOSITIONS
        particle = t.low in {"on", "to", "back", "out", "go"}
        last = group[-1].low
        if t.low.endswith("s") and t.low not in AUX and last not in AUX and last not in ADVERB \
                and last not in _MODALS and not last.endswith("ly"):
            break  # "face questions", "see signs": an -s word after a verb is its object
        degree = t.low in _DEGREE and j + 1 < len(toks) and toks[j + 1].low in _STANCE
        if after_modal or particle or degree or t.low in AUX or t.low in ADVERB \
                or t.low in _STANCE or (
            t.low.endswith("ly") and len(t.low) > 4
        ) or (t.text[:1].islower() and (t.low in VERB_FORMS or t.low in _BASES
                                         or (t.low.endswith("ed") and len(t.low) > 3))):
            group.append(t)
            j += 1
        else:
            break
    words = [t.low for t in group]
    content = [t for t in group[1:] if t.low not in ADVERB and t.low not in AUX
               and t.low not in _DEGREE
               and not (t.low.endswith("ly") and len(t.low) > 4)]
    stance = bool(content) and content[0].low in _STANCE
    # "is likely to continue to hone": a speech verb that only leads into another verb
    speech = stance or any(w in SPEECH_FORMS and not (w in _CATENATIVE and nxt == "to")
                           for w, nxt in zip(words, [*words[1:], ""], strict=True))
    # "was rejected", "has been swallowed", "will be sent"
    passive = any(w in BE for w in words[:3]) and bool(content) and participle(content[0]) \
        and not stance and not (
        content[0].low in _RAISING and len(content) > 1 and content[1].low == "to"
    )
    following = content[0] if content else (toks[j] if j < len(toks) else None)
    active = following is not None and following.text[:1].islower() and (
        following.low.endswith("ing") or participle(following)
    )
    auxiliaries = [w for w in words if w in AUX]
    # "Russia seems to ...": no act; but "appeared to blame workers" blames, and "appeared
    # Tuesday with employees" is an appearance
    embedded = next((w for w, before in zip(words[1:], words, strict=False)
                     if before == "to" and w in SPEECH_FORMS and w not in _CATENATIVE),
                    None) if any(w in _LINKING for w in words) else None
    shown = words[-1] in _APPEAR and j < len(toks) and (
        toks[j].low in _APPEARANCE_AFTER or toks[j].low in WEEKDAYS
    )
    linking = any(w in _LINKING for w in words) and embedded is None and not shown
    speech = speech or embedded is not None
    copula = linking or (
        (words[0] in BE or (words[0] in _HAVE and auxiliaries == words[:1])) and not (
            passive or active
        )
    )
    return " ".join(t.text for t in group), speech, passive, copula, j
