"""Background acts: a side's person doing something that is not a move in the dispute.

"Assange has lived inside the embassy since 2012", "Stumpf made $19.3 million in 2015",
"Mr. Sloan might target the branches", "Trump Victory sent $341,560 to ...": the acting
subject is a side's, but a reader files the sentence as context (biography, history, the
reporter's speculation, money moved told as a figure), not as that side's position.
These checks only ever take a label away from an acting subject; speech, quotes and
stance verbs never go through them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarize.quantities import NEWS_DAYS

if TYPE_CHECKING:
    from summarize.tags import Reading

# A clause dated by an explicit year ("in 2005", "since 2012", "In 2009,") reports
# history, unless the same sentence also anchors it in the news of the day.
_YEAR = re.compile(
    r"\b(?i:in|since|during|by|from|until|through)\s+(?:(?:early|late|mid)[\s-]+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+(?:\d{1,2},\s+)?)?"
    r"(?P<year>(?:19|20)\d\d)\b(?!\s*(?:percent|%))"
    # a decade: "in the 1990s", "during the early 2000s"
    r"|\b(?i:in|since|during|by|from|until|through)\s+the\s+(?:(?:early|late|mid)[\s-]+)?"
    r"(?P<decade>(?:19|20)\d0s)\b"
)
_TODAY = re.compile(
    rf"\b(?:{NEWS_DAYS}|"
    r"this (?:week|month|year|morning|afternoon|evening)|last (?:week|night)|recently|now)\b"
)
# "the Republican nominee in 2016", "the race in 2018": a year that names an election,
# not the date of the act
_ELECTION_BEFORE = re.compile(
    r"\b(?:nominee|nominees|nomination|election|elections|race|campaign|cycle|primary|"
    r"primaries|candidate|candidates|presidency|ticket)\s*$", re.I
)
# Time counted back in years ("10 years ago Sunday", "for decades", "in the 18 years that
# Kim Jong Il was leader"): history, whatever day of the week is named beside it.
_YEARS_BACK = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a|several|many)\s+"
    r"(?:years?|decades?)\s+ago\b"
    r"|\bfor\s+(?:decades|generations)\b"  # "for years" is as often the dispute itself
    r"|\bin\s+the\s+(?:(?:almost|nearly|roughly|about|past|last|first)\s+)?(?:\w+\s+)?"
    r"(?:years|decades)\s+(?:since|that|when|before|after)\b"
    # a career told in retrospect: "During his 11 months in those jobs, he oversaw ..."
    r"|\bduring\s+(?:his|her|their)\s+(?:\w+\s+)?(?:years|months|tenure|time)\b",
    re.I,
)
# Money moving ("Trump Victory sent $341,560 to ...", "UBS paid Clinton about $2 million"):
# a figure for the record, not a position, when the amount follows the verb closely.
_MONEY_VERBS = frozenset(
    "received receives receive sent sends send transferred transfers transfer paid pays pay "
    "raised raises raise spent spends spend gave gives give donated donates donate earned "
    "earns earn collected collects collect contributed contributes contribute owed owes owe "
    "passed".split()
)
_AMOUNT = (
    r"(?:\S+\s+){0,4}?(?:about\s+|nearly\s+|more\s+than\s+|only\s+)?"
    r"(?:\$\s?\d|(?:[\d.,]+|a\s+few|several|tens\s+of|hundreds\s+of)\s+"
    r"(?:(?:million|billion|thousand)s?\s+(?:of\s+)?)?dollars\b)"
)
# Biography: where someone lives, was born, studied or married.
_BIOGRAPHY = re.compile(
    r"^(?:(?:has|have|had)\s+)?(?:lives?|lived|living|resides?|resided|was\s+born|"
    r"grew\s+up|graduated|studied|married)\b"
)
# A schedule ("was slated to hold rallies", "planned to spend Tuesday in New York"):
# where a side will be, not what it holds.
_SCHEDULE = re.compile(
    r"^(?:(?:is|was|are|were)\s+(?:slated|scheduled|set|due)\s+to"
    r"|(?:plans?|planned)\s+to\s+(?:spend|travel|visit|campaign|hold|attend|fly|appear|stop)"
    r"|(?:will|is|are)\s+(?:attend|attending|visit|visiting|travel|traveling|travelling|"
    r"campaign|campaigning|tour|touring))\b"
)
# "Trump is holding rallies Tuesday in Sanford": holding an event, not a position
_HOLDING = re.compile(r"^(?:will|is|are)\s+(?:hold|holding)\b")
_EVENT = re.compile(r"\b(?:rall(?:y|ies)|concerts?|town halls?|fundraisers?)\b", re.I)
# The reporter's guess about what a side might do is not the side's move.
_SPECULATION = re.compile(r"^(?:might|may|could)\b")
# what was said or recalled: "ruled that ...", "recalling how in 2004 ..."; not "in the
# 18 years that ..."
_COMPLEMENT = re.compile(r"(?<!years )(?<!decades )\bthat\b|\b(?:recalling|noting|saying|how)\b")
# What a side undergoes or is in ("has faced sharp criticism", "came under fire", "enjoyed
# tremendous support", "holds a gaping advantage", "have had trouble"): its situation, not
# its move. Each phrase starts at its own main verb.
_SITUATION = re.compile(
    r"\b(?P<verb>fac(?:e|es|ed|ing)|c[ao]m(?:e|es|ing))\s+(?:under\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:criticism|pressure|questions|scrutiny|backlash|calls|charges|accusations|attacks|"
    r"investigations?|protests|opposition|fire|demands)\b"
    r"|\b(?P<holds>enjoy(?:s|ed)?|hold(?:s)?|held)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:support|advantage|lead|edge)\b"
    r"|\b(?P<had>had)\s+(?:[\w-]+\s+){0,2}?(?:trouble|difficulty|relationship)\b"
    # holdings a disclosure lists: "holds multiple investments in Apple", "owns between
    # $15,000 and $50,000 in Disney stock", "listed investments in V F Corp."
    r"|\b(?:owns?|owned|holds?|held|reports?|reported|lists?|listed)\s+"
    r"(?:(?:multiple|several|many|some|its|his|her|their)\s+)?"
    r"(?:investments?|stocks?|shares|stakes?|bonds|holdings)\s+in\b"
    r"|\b(?:owns?|owned|holds?|held)\s+(?:between\s+|about\s+|more\s+than\s+)?\$[\d.,]+"
    r"(?:\s+(?:million|billion))?(?:\s+and\s+\$[\d.,]+(?:\s+(?:million|billion))?)?"
    r"\s+(?:in|of|worth)\b",
    re.I,
)
# who gives the support a side enjoys: the backers are named, and they act
_BACKERS = re.compile(r"[^.;]{0,40}?\b(?:from|by|of)\s+[A-Za-z]")
_FUTURE = re.compile(r"^(?:will|would|is\s+to|are\s+to|plans?|expects?|intends?)\b")


def dated_in_past(sentence: str, verb: str) -> str | None:
    """What dates ``sentence`` as history: a count of years back, or a past year if
    nothing anchors the sentence in the present."""
    if _FUTURE.match(verb) or _SPECULATION.match(verb):
        return None
    back = _YEARS_BACK.search(sentence)
    if back is not None:
        return back.group().strip()
    found = next((m for m in _YEAR.finditer(sentence)
                  if not _ELECTION_BEFORE.search(sentence, 0, m.start())), None)
    if found is None or _TODAY.search(sentence) is not None:
        return None
    return found.group("year") or found.group("decade")


def background_reason(sentence: str, verb: str, pronoun: bool = False) -> str | None:
    """Why an acting subject's sentence is context rather than a move, or None.

    ``sentence`` is the passage with its quotes masked; ``verb`` the main verb group;
    ``pronoun`` whether the subject is a pronoun ("That could include ..." goes on with
    what a side proposed, so a guess is only the reporter's under a named subject).
    """
    verb = verb.strip().lower()
    if _BIOGRAPHY.match(verb):
        return f"biography ({verb})"
    if _SPECULATION.match(verb) and not pronoun:
        return f"speculation ({verb})"
    if _SCHEDULE.match(verb) or (_HOLDING.match(verb) and _EVENT.search(sentence)):
        return f"schedule ({verb})"
    # the phrase must start at the main verb: not "who faced questions", nor "She faced
    # the crowd, which met her with criticism"
    words = verb.split()
    situation = next((m for m in _SITUATION.finditer(sentence)
                      if m.group().split()[0].lower() in words), None)
    if situation is not None and situation.group("holds") is not None \
            and _BACKERS.match(sentence, situation.end()) is not None:
        situation = None  # "enjoyed support in fighting the deal from activist groups"
    if situation is not None:
        return f"situation ({situation.group()})"
    money = next((w for w in verb.split() if w in _MONEY_VERBS), None)
    if money is not None and re.search(rf"\b{money}\s+{_AMOUNT}", sentence, re.I):
        return f"numbers ({money} an amount)"
    # "The court ruled that the practice breaks a 1993 law": a year in what was ruled
    # or said dates that content, not the act
    main = _COMPLEMENT.split(sentence, maxsplit=1)[0]
    dated = dated_in_past(main, verb)
    if dated is not None:
        return f"history ({dated})"
    return None


def acting_background(sentence: str, reading: Reading, goes_on: bool) -> str | None:
    """Why a passage read as an acting subject's is context (its biography, history,
    schedule, money told as a figure, situation, or the reporter's guess), or None;
    ``goes_on``: the paragraph's last passage was such context, so a pronoun subject
    ("It ...") goes on with it."""
    who = reading.who
    if reading.rule != "acting" or who is None or not who.surface or (
        reading.clause is not None and reading.clause.speech
    ):
        return None
    why = background_reason(sentence, reading.verb, who.pronoun)
    if why is None and who.pronoun and goes_on:
        return "goes on from the background before it"
    return why
