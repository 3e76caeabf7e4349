"""Who speaks or acts in one sentence: speech cues and speakers, over the clause that
``clauses`` reads.

Works on a *masked* view of the text, where the inside of every double-quoted span is
blanked (same length), so a name inside a quote is never taken for its speaker and
cue patterns see only the reporter's words: ``"  ," said Wang Wenbin``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from summarize.aliases import is_person
from summarize.clauses import SUBORDINATORS, Clause, clause_subject, title_case
from summarize.phrases import PhraseReader, Resolution
from summarize.reports import evidence_subject
from summarize.tags import Reading, Rule, quote_cue
from summarize.verbs import SPEECH_FORMS

_SPEAKING = re.compile(
    r",\s+(?:while\s+|and\s+)?(?:saying|telling|arguing|insisting|adding|noting|warning|claiming|vowing|"
    r"declaring|stressing)\b"
)
_AND_SPOKE = re.compile(
    r"\band\s+(?:then\s+|also\s+)?(?P<verb>spoke|said|told|added|began\s+by\s+saying|"
    r"argued|insisted|warned|called|urged|accused|denied)\b"
)
_RELATIVE_WORDS = frozenset("who whom which that".split())
_SPEAKING_SETTING = re.compile(
    r"\s*(?:In|During|At)\s+(?:a|an|his|her|its|their|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|speech|letter|tweet|post|remarks|op-ed|appearance|"
    r"press conference|news conference|rally|hearing|town hall|debate)\b"
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<np>[^\",;:\u2014]+)", re.I)
_RELATIVE = re.compile(r"\s*,\s*who\s+(?P<words>(?:[\w']+\s+){0,2}[\w']+)")
# "Republicans who have called for Trump to be replaced.": a list's header has no main
# clause, so a restrictive relative (no comma, maybe a head noun between) speaks too
_ANY_RELATIVE = re.compile(
    r"(?:\s*,\s*|(?:\s+[a-z]+)?\s+)who\s+(?P<words>(?:[\w']+\s+){0,2}[\w']+)"
)
# "... a post where Robert Doe III claimed to have voted twice": a side speaking inside a
# subordinate clause, when the main clause names no side.
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?:where|when|after|as|that|because|while|since|although|though|whereas|before|"
    r"until|once|if|but)\s+(?:the\s+)?$", re.I
)
_OPENING_SUBORDINATE = re.compile(
    r"\s*(?:although|though|while|as|when|after|before|because|since|even as|even though)"
    r"\s+(?:the\s+)?$", re.I
)
_SUBORDINATE_VERB = re.compile(
    r"(?:\s*,?\s+(?:Jr|Sr|II|III|IV)\.?)?\s+(?:(?:has|had|have|also|repeatedly|publicly)\s+)*"
    r"(?P<verb>[a-z]+)\b"
)

# A kicker in capitals before a headline's colon ("EXCLUSIVE:", "FACT CHECK:") is a label
# of the page, not a speaker, unless it names a side ("FBI: ...")
_KICKER = re.compile(r"\s*(?P<word>[A-Z]{3,}(?:\s[A-Z]{3,})?):\s+(?=\S)")


def read_passage(masked: str, start: int, end: int, reader: PhraseReader,
                 heading: bool = False) -> Reading:
    """The strongest speaker cue of ``masked[start:end]``, in a fixed order of trust; when
    it names no side, that of the clause after a semicolon ("It's unlikely; Clinton's team
    says she'll go on")."""
    kicker = _KICKER.match(masked, start, end)
    if kicker is not None and reader.resolve(start, kicker.end("word")).stakeholder is None:
        start = kicker.end()  # "EXCLUSIVE: In memo to Congress, Saudis insist ..."
    reading = _read_clause(masked, start, end, reader, heading)
    semicolon = masked.find(";", start, end)
    if (reading.who is None or reading.who.stakeholder is None) and 0 <= semicolon < end - 1:
        after = _read_clause(masked, semicolon + 1, end, reader, heading)
        if after.who is not None and after.who.stakeholder is not None \
                and after.rule in ("speech", "quote"):
            return after
    return reading


def _read_clause(masked: str, start: int, end: int, reader: PhraseReader,
                 heading: bool) -> Reading:
    titled = title_case(masked, start, end)
    cue = quote_cue(masked, start, end, reader, titled)
    if cue is not None and cue.who is not None and cue.who.stakeholder:
        return cue
    clause = clause_subject(masked, start, end, titled)
    if heading and clause is None:
        clause = _headline_future(masked, start, end)
    cleft = _CLEFT.match(masked, start, end)
    if cleft is not None:  # "It is with that history in mind ... that Clinton begins"
        clause = clause_subject(masked, cleft.end(), end) or clause
    if heading and clause is not None and not clause.passive and " " not in clause.verb.strip():
        clause = _headline_passive(masked, end, clause)
    subject: Resolution | None = None
    if clause is not None and clause.pronoun is None:
        subject = reader.resolve(clause.np_start, clause.np_end, loose=True)
    if cue is not None and cue.who is not None and cue.who.pronoun:
        # 'Sen. Jo Roe scolded him: "...," she said.': the pronoun is the sentence's
        # own subject, named before the quote opened
        opened = masked.find('"', start, end)
        own = clause is not None and not clause.passive and subject is not None \
            and subject.stakeholder is not None and subject.strength >= 2 \
            and 0 <= clause.np_end <= opened
        return Reading("quote", subject, cue.verb, clause) if own and subject else cue
    felt = _experiencer(masked, end, clause, reader) if clause is not None else None
    if felt is not None:
        return felt
    if clause is not None and clause.speech and not clause.passive and subject is not None \
            and subject.strength >= 2:
        return Reading("speech", subject, clause.verb, clause)
    if clause is not None and subject is not None:
        shown = evidence_subject(masked, start, end, subject.phrase)
        actor = reader.resolve(*shown) if shown is not None else None
        act = clause_subject(masked, shown[0], end) if shown is not None else None
        if actor is not None and actor.stakeholder is not None and actor.strength >= 2 \
                and act is not None:
            return Reading("acting", actor, act.verb, act)  # its act, dated or not
    if clause is not None and not clause.passive and subject is not None \
            and subject.stakeholder is not None and subject.strength >= 2 \
            and _SPEAKING_SETTING.match(masked, start, end):
        # "In a statement issued Tuesday, Clinton was more circumspect": what the side
        # says there, whatever the verb
        return Reading("speech", subject, clause.verb, clause)
    if clause is not None and (clause.copula or clause.passive) and subject is not None \
            and subject.strength >= 2:
        # "Sessions ... was on hand and spoke to reporters", "Trump was asked about it and
        # said ...": speech in a second verb
        spoke = _AND_SPOKE.search(masked, clause.np_end, end)
        if spoke is not None:
            return Reading("speech", subject, spoke.group("verb"), clause)
    m = _ACCORDING.search(masked, start, end)
    if m is not None:
        who = reader.resolve(m.start("np"), min(end, m.end("np")))
        if who.stakeholder is not None and who.strength >= 2:
            return Reading("according", who, "according to")
    relative = _RELATIVE if clause is not None else _ANY_RELATIVE
    # "Ted Cruz endorses Trump, who says he is honored": the main clause's side first
    acting_side = clause is not None and not clause.passive and not clause.copula \
        and subject is not None and subject.stakeholder is not None and subject.strength >= 2
    for mention in reader.within(start, end) if not acting_side else ():
        # "former aides to Mr. Weiner, who spoke ...": the clause is the aides', not his
        complement = _COMPLEMENT_BEFORE.search(masked, max(start, mention.start - 12),
                                               mention.start)
        if mention.strong and complement is None:
            rel = relative.match(masked, mention.end, end)
            verb = next((w for w in rel.group("words").lower().split()
                         if w in SPEECH_FORMS and not w.endswith("ing")),  # "under questioning"
                        None) if rel is not None else None
            if verb is not None:
                who = reader.resolve(mention.start, mention.end)
                if who.stakeholder is not None:
                    return Reading("relative", who, verb)
    if cue is not None and _speaker_like(cue.who):  # a quote whose speaker is no side
        return cue
    if clause is not None and clause.pronoun is not None and not clause.passive:
        # "Although the IMF did not name him, it referenced ...": the pronoun is the
        # subject of the clause that opened the sentence
        opener = _opening_subject(masked, start, clause, reader)
        if opener is not None and (clause.speech or not clause.copula):
            return Reading("speech" if clause.speech else "acting", opener, clause.verb, clause)
    reading = _main_clause(masked, end, reader, clause, subject)
    main = reading.who
    if main is None or (main.stakeholder is None and (
        not main.pronoun or main.surface.lower() == "it"
        # "While Ramos said ..., he appears uneasy": the speech that opens the sentence is
        # its news (not "He was furious because Clinton said ...")
        or (reading.clause is not None and reading.clause.copula
            and (masked[start:end].split(maxsplit=1) or [""])[0].lower() in SUBORDINATORS)
    )):
        inner = _subordinate_speaker(masked, start, end, reader)
        if inner is not None:
            return inner
    return reading


_CLEFT = re.compile(
    r"\s*(?:It\s+(?:is|was)\s+(?:with|in|for|because|on|at|amid|after|only|then|there|here)\b"
    r"[^\"]{0,240}?\bthat\s+(?=[A-Z])"
    r"|(?:At\s+least\s+)?(?:that|this)(?:'s|\s+is|\s+was)\s+what\s+)"  # "that's what X hopes"
)
_COMPLEMENT_BEFORE = re.compile(r"\b(?:to|of|for|with)\s+(?:[A-Z][a-z]{1,3}\.\s+)?$")
_HEADLINE_AGENT = re.compile(r"\bby\s+(?=\w)")
# a passive participle has no object: "by" or a preposition follows it
_HEADLINE_AFTER = re.compile(r"\s+(?:by|from|at|in|on|over|for|after|to|as|with)\b", re.I)


# "Democrats to sue Ariz. on poll access", "Obama to veto bill": a headline's future
_HEADLINE_TO = re.compile(r"\s*(?P<np>[A-Z][^,:;\"]{1,60}?)\s+to\s+(?P<verb>[a-z]{3,})\b")


def _headline_future(masked: str, start: int, end: int) -> Clause | None:
    """The subject and "to" verb of a headline that has no finite verb."""
    found = _HEADLINE_TO.match(masked, start, end)
    if found is None:
        return None
    verb = found.group("verb")
    return Clause(found.start("np"), found.end("np"), f"to {verb}", verb in SPEECH_FORMS,
                  passive=False, copula=verb == "be")


def _headline_passive(masked: str, end: int, clause: Clause) -> Clause:
    """"Jill Stein removed from debate site by police": a headline drops the "was" of a
    passive; a bare participle with a "by" phrase after it is one."""
    verb = clause.verb.strip().rstrip(".").lower()
    at = masked.find(clause.verb.strip(), clause.np_end, end)
    after = _HEADLINE_AFTER.match(masked, at + len(clause.verb.strip()), end) if at >= 0 else None
    agent = _HEADLINE_AGENT.search(masked, at, end) if after is not None else None
    if not verb.endswith("ed") or agent is None:  # "rejected plan by 5-4 vote": an object
        return clause
    stop = next((k for k in range(agent.end(), end) if masked[k] in ",;:"), end)
    return replace(clause, passive=True, agent=(agent.end(), stop))


# "His sexting habits embarrassed them", "... alarmed Clinton": a feeling is the position
# of whoever has it, the verb's object
_PSYCH = frozenset(
    "alarmed angered annoyed dismayed disgusted embarrassed enraged frustrated frightened "
    "infuriated irritated outraged troubled unsettled upset worried".split()
)
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_OBJECT = re.compile(r"\s+(?P<np>[\w.' -]+?)(?=[.,;:]|\s+(?:by|with|about|over|that|when)\b|$)")


def _experiencer(masked: str, end: int, clause: Clause, reader: PhraseReader) -> Reading | None:
    words = clause.verb.lower().rstrip(".").split()
    if clause.passive or not words or words[-1] not in _PSYCH:
        return None
    at = masked.find(clause.verb.rstrip("."), clause.np_end, end)
    found = _OBJECT.match(masked, at + len(clause.verb.rstrip(".")), end) if at >= 0 else None
    if found is None:
        return None
    np = found.group("np").strip()
    if np.lower() in _OBJECT_PRONOUNS:
        who = Resolution(None, _OBJECT_PRONOUNS[np.lower()], "", 0, pronoun=True)
        return Reading("acting", who, clause.verb, replace(clause, pronoun=who.surface))
    who = reader.resolve(found.start("np"), found.end("np"))
    return Reading("acting", who, clause.verb, clause) \
        if who.stakeholder is not None and who.strength >= 2 else None


def _speaker_like(who: Resolution | None) -> bool:
    """A phrase that can name a speaker: short, and no clause of its own ('a designated
    day during which ...', 'radio program who')."""
    if who is None:
        return False
    words = who.surface.lower().split()
    if not words or words[-1] in _RELATIVE_WORDS or "which" in words or "during" in words:
        return False
    head = next((k for k, w in enumerate(words) if w in _RELATIVE_WORDS), len(words))
    return head <= 8  # "an industry lobbyist who spoke on ...": its head is short


def _opening_subject(masked: str, start: int, clause: Clause,
                     reader: PhraseReader) -> Resolution | None:
    """The one side that is the subject of a subordinate clause opening the sentence,
    when it agrees with the main clause's pronoun (a person for "he" or "she")."""
    found: dict[str, Resolution] = {}
    for mention in reader.within(start, clause.np_start):
        if not mention.strong or mention.possessive or _OPENING_SUBORDINATE.fullmatch(
            masked, start, mention.start
        ) is None:
            continue
        if clause.pronoun in ("he", "she") and not is_person(mention.alias.split()):
            continue
        who = reader.resolve(mention.start, mention.end)
        if who.stakeholder is not None:
            found.setdefault(who.stakeholder, who)
    return next(iter(found.values())) if len(found) == 1 else None


def _subordinate_speaker(masked: str, start: int, end: int,
                         reader: PhraseReader) -> Reading | None:
    for mention in reader.within(start, end):
        if not mention.strong or mention.possessive:
            continue
        if _SUBORDINATE_BEFORE.search(masked, max(start, mention.start - 12),
                                      mention.start) is None:
            continue
        m = _SUBORDINATE_VERB.match(masked, mention.end, end)
        if m is None or m.group("verb") not in SPEECH_FORMS or m.group("verb").endswith("ing"):
            continue
        who = reader.resolve(mention.start, mention.end)
        if who.stakeholder is not None:
            return Reading("relative", who, m.group("verb"))
    return None


def _main_clause(masked: str, end: int, reader: PhraseReader, clause: Clause | None,
                 subject: Resolution | None) -> Reading:
    """The acting subject (or passive agent) of the main clause, or none."""
    if clause is not None and clause.passive and clause.agent is not None:
        agent = reader.resolve(clause.agent[0], clause.agent[1])
        if agent.stakeholder is not None and agent.strength >= 2:
            return Reading("acting", agent, f"{clause.verb} by", clause)
    if clause is None or clause.passive:
        return Reading("none", None, clause=clause)
    if clause.pronoun is not None:
        who = Resolution(None, masked[clause.np_start : clause.np_end], "", 0, pronoun=True)
        return Reading("acting", who, clause.verb, clause)
    if subject is not None and subject.stakeholder is not None and clause.copula and (
        _SPEAKING.search(masked, clause.np_end, end)
    ):
        # "Mr. Sloan remained a staunch defender of it, telling an interviewer that ..."
        return Reading("speech", subject, clause.verb, clause)
    if subject is not None and subject.how.startswith("position of"):
        return Reading("speech", subject, clause.verb, clause)  # "X's defense is that"
    if subject is not None and not clause.copula and (
        subject.stakeholder is not None or clause.speech
    ):
        rule: Rule = "speech" if clause.speech else "acting"
        return Reading(rule, subject, clause.verb, clause)
    return Reading("none", subject, clause.verb, clause)
