"""Attributing: each content passage → the stakeholder whose position it carries.

In order of trust: a quote or reported speech with a resolved speaker (``speakers``), an acting
subject unless ``background`` files it as context, carry-over (a pronoun, a surname met before, a
quote going on, "the lawsuit" a side filed), a side's named critics, a side's possessed move, and
last a passage saturated with one side's names. A new paragraph with a new speaker ends carry-over.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize import apposition, headlines, people, reports
from summarize.aliases import alias_index, dominant_side, is_person
from summarize.background import acting_background
from summarize.coref import is_person_description, label_nouns, label_side, with_descriptions
from summarize.lexicon import AD_WORD, BARE_ROLE_PHRASE, NARRATOR, POSSESSED_PHRASE
from summarize.oped import with_author
from summarize.people import People, Voice, learned_name, misspelt_person, surname_of
from summarize.phrases import PhraseReader, Resolution
from summarize.quotes import mask_paragraphs, quote_shape, unmask_names, with_block_quotes
from summarize.read import normalise
from summarize.records import AttributedPassage, Passage, Profile
from summarize.speakers import read_passage
from summarize.tags import Reading, closing_speaker
from summarize.transcript import with_turns
from summarize.tweets import with_posts

CONTENT_KINDS = ("body", "heading")
_BASE_CONFIDENCE = {"quote": 0.95, "speech": 0.9, "according": 0.85, "relative": 0.85,
                    "acting": 0.75}
_STRENGTH_PENALTY = {3: 0.0, 2: 0.1, 1: 0.2, 0: 0.3}
CARRY_QUOTE, CARRY_CONTINUED, CARRY_PRONOUN, POSSESSED_MOVE, MENTIONS = 0.8, 0.7, 0.65, 0.5, 0.35
_RULE_WORDS = {"quote": "quote attributed to", "speech": "reported speech:", "according":
               "according to", "relative": "reported speech:", "acting": "acting subject"}


class _Attributor:
    def __init__(self, passages: Sequence[Passage], profile: Profile, text: str) -> None:
        self.passages, self.profile = passages, profile
        self.plain = normalise(text)
        self.masked = mask_paragraphs(self.plain, passages, CONTENT_KINDS)
        index = alias_index(profile)
        self.critics = reports.critics_of(profile, index)
        mentions = apposition.with_apposed_nouns(index.find(self.plain), self.plain)
        mentions = with_descriptions(mentions, self.plain, profile)
        self.masked = unmask_names(self.masked, self.plain, mentions)
        outside = [m for m in mentions if self.masked[m.start] != " "]
        nouns = label_nouns(profile)
        self.reader = PhraseReader(self.masked, outside, lambda phrase: label_side(phrase, nouns))
        self.organisations = apposition.Organisations(
            apposition.organisation_mentions(outside, self.plain))
        self.papers = apposition.Papers()
        self.people = People(outside, self.plain)
        self.starts = {q.id: q.start for q in passages}
        self.in_force: Voice | None = None
        self.quote_voice: Voice | None = None  # owner of the previous paragraph's quote
        self.names: dict[str, Voice] = {}
        self.headline_speakers: dict[str, str] = {}  # headline id → its role-noun speaker
        self.unknown_speaker_at = -1  # where a speaker outside the profile last spoke
        self.outsider_at = -1  # where a person outside the profile was last a subject
        self.outsider_is: tuple[str, ...] = ()  # the pronouns that may stand for that person
        self.paragraph_at = self.previous_paragraph_at = 0
        self.para_attributed = False  # someone spoke or acted in the current paragraph
        self.para_quote: Voice | None = None  # who owns a quote in the current paragraph
        self.background_at = -1  # the paragraph whose last passage was a background act
        self.subject: Voice | None = None  # the side's person last seen as a subject
        self.subject_at = -1
        self.ad_voice: Voice | None = None  # whose ad the article last spoke of

    def _label(self, p: Passage, voice: Voice, confidence: float, evidence: str,
               has_quote: bool) -> AttributedPassage:
        self.in_force = voice
        self.papers.note(self.masked, p.start, p.end, voice.stakeholder, voice.name)
        self.para_attributed = True
        if has_quote:
            self.para_quote = voice
        return AttributedPassage(p, voice.stakeholder, confidence, evidence)

    def _voice_of(self, who: Resolution, p: Passage) -> Voice | None:
        if who.stakeholder is not None:
            voice = Voice(who.stakeholder, who.surface, p.id)
            learned = learned_name(who)
            if learned is not None:
                self.names[learned] = voice
            return voice
        surname = surname_of(who.surface) if not who.pronoun else None
        if surname is not None and surname in self.names:
            return self.names[surname]
        near = misspelt_person(who.surface, self.profile) if who.surface[:1].isupper() else None
        if near is not None:  # learnt like a surname: met again, the same person
            self.names[who.surface.rstrip(".,;: ").split()[-1]] = Voice(*near, p.id)
        return Voice(*near, p.id) if near is not None else None

    def attribute(self, p: Passage, reading: Reading, ahead: Reading | None,
                  first_in_paragraph: bool) -> AttributedPassage:
        shape = quote_shape(self.masked[p.start : p.end])
        has_quote = shape != "none"
        who = reading.who
        if who is not None and who.stakeholder is not None and reading.clause is not None \
                and (is_person(who.surface.split()) or who.how.startswith("name of")):
            # "Michael Flynn, a surrogate for Donald Trump, became agitated ...": the
            # subject, not the last name, is whom a following "he" means
            self.subject = Voice(who.stakeholder, who.surface, p.id)
            self.subject_at = p.start
        if who is not None and who.stakeholder and AD_WORD.search(self.masked, p.start, p.end):
            self.ad_voice = Voice(who.stakeholder, who.surface, p.id)  # "X released an ad"
        if who is not None and who.stakeholder is None and not who.pronoun \
                and is_person(who.surface.split()):
            # "George Wallace was ..., and he carried ...; he declared": his "he"; his own
            # sentence tells which pronoun is his ("with his wife": not a later "she")
            self.outsider_at = p.start
            self.outsider_is = people.pronoun_gender(self.masked[p.start : p.end])
        why = acting_background(self.masked[p.start : p.end], reading,
                                self.background_at == p.paragraph)
        self.background_at = p.paragraph if why is not None else -1
        if why is not None and who is not None:
            evidence = f"background: {who.surface} {reading.verb}, {why}"
            return AttributedPassage(p, None, 0.6, evidence)
        urged = reports.urging_source(self.masked, p.start, p.end) \
            if reading.rule == "acting" else None
        urger = self.reader.resolve(*urged[1]) if urged is not None else None
        if urged is not None and urger is not None and urger.stakeholder is not None \
                and urger.strength >= 2:
            voice = Voice(urger.stakeholder, urger.surface, p.id)
            evidence = f"acting at the {urged[0]} of {urger.named} → {voice.stakeholder}"
            return self._label(p, voice, _BASE_CONFIDENCE["acting"], evidence, has_quote)
        if who is not None and reading.rule != "none" and not who.pronoun:
            found = self._explicit(p, reading, who, has_quote)
            if found is not None:
                return found
        if who is not None and who.pronoun:
            found = self._pronoun(p, reading, who, has_quote, first_in_paragraph)
            if found is not None:
                return found
        if who is not None and reading.rule == "none" and reading.clause is not None \
                and not reading.clause.copula and is_person_description(who.phrase):
            # "The registered Tidist, who ..., provided a sworn statement": an act of the
            # person a definite description stands for
            person = self._topic_person(p)
            if person is not None:
                evidence = (f"acting subject {who.surface} (the person named last: "
                            f"{person.name}) {reading.verb} → {person.stakeholder}")
                return self._label(p, person, CARRY_PRONOUN, evidence, has_quote)
        suffered = self._criticism(p, reading)
        if suffered is not None:
            return suffered
        if shape == "pure":
            return self._quote_only(p, ahead, first_in_paragraph)
        source = reports.stance_source(self.masked, p.start, p.end) if p.kind == "heading" else None
        how = "headline reports the stance of"
        if source is None:
            source = headlines.headline_speaker(self.masked, p.start, p.end, p.kind == "heading")
            how = "headline names its speaker before a colon:" if p.kind == "heading" \
                else "a reply before a colon, of"
        held = self.reader.resolve(*source) if source is not None else None
        if held is not None and held.stakeholder is not None and held.strength >= 2:
            return AttributedPassage(p, held.stakeholder, headlines.PULL_QUOTE,
                                     f"{how} {held.named} → "
                                     f"{held.stakeholder}")
        within = self.reader.within(p.start, p.end)
        owned = reports.possessed_move(within, self.masked, p.end)
        if owned is not None:
            m, noun = owned
            alias = self.plain[m.start : m.end]
            return AttributedPassage(p, m.stakeholder, POSSESSED_MOVE,
                                     f"reports {alias}'s {noun} → {m.stakeholder}")
        mentioned = dominant_side(within, self.plain)
        if mentioned is not None:
            sid, alias, n = mentioned
            return AttributedPassage(p, sid, MENTIONS, f"mentions {alias} {n} times → {sid}")
        return AttributedPassage(p, None, 0.6, "no stakeholder speaks or acts")

    def _explicit(self, p: Passage, reading: Reading, who: Resolution,
                  has_quote: bool) -> AttributedPassage | None:
        """A named speaker or actor; a surname met before; or a speaker not in the profile."""
        rule = _RULE_WORDS[reading.rule]
        voice = self._voice_of(who, p)
        if voice is not None and who.stakeholder is not None:
            conf = _BASE_CONFIDENCE[reading.rule] - _STRENGTH_PENALTY[who.strength]
            verb = f" {reading.verb}" if reading.rule in ("speech", "relative", "acting") else ""
            evidence = f"{rule} {who.named}{verb} → {voice.stakeholder}"
            return self._label(p, voice, conf, evidence, has_quote)
        if voice is not None:
            named = who.surface.rstrip(".,;: ")
            evidence = (f"{rule} {named}, misspelt for {voice.name} → {voice.stakeholder}"
                        if voice.passage == p.id and not who.pronoun else
                        f"{rule} {who.surface}: carry-over from {voice.passage} "
                        f"({voice.name}) → {voice.stakeholder}")
            return self._label(p, voice, CARRY_QUOTE, evidence, has_quote)
        referent = self._referent(p, who)
        if referent is not None:
            v, how = referent
            conf = _BASE_CONFIDENCE[reading.rule] - _STRENGTH_PENALTY[1]
            verb = f" {reading.verb}" if reading.rule in ("speech", "relative", "acting") else ""
            evidence = f"{rule} {who.surface} ({how}){verb} → {v.stakeholder}"
            return self._label(p, v, conf, evidence, has_quote)
        reported = reports.reported_subject(self.masked, p.start, p.end, who.phrase) \
            if reading.rule == "speech" else None
        subject = self.reader.resolve(*reported) if reported is not None else None
        if subject is not None and subject.stakeholder is not None and subject.strength >= 2:
            voice = Voice(subject.stakeholder, subject.surface, p.id)
            evidence = f"{who.surface} reported the act of {subject.named} → {voice.stakeholder}"
            return self._label(p, voice, CARRY_PRONOUN, evidence, has_quote)
        if who.surface and reading.rule != "acting" and BARE_ROLE_PHRASE.match(who.phrase) \
                and self.in_force is not None and self.para_attributed:
            # '"...," a spokeswoman said' right after the Treasury spoke: its spokeswoman
            v = self.in_force
            evidence = (f"{rule} {who.surface}: carry-over from {v.passage} ({v.name}) → "
                        f"{v.stakeholder}")
            return self._label(p, v, CARRY_QUOTE, evidence, has_quote)
        if NARRATOR.search(who.phrase) and self.ad_voice is not None and reading.rule != "acting":
            v = self.ad_voice  # '"...," the narrator in the 30-second spot says': the ad's
            evidence = f"{rule} {who.surface}: the narrator of {v.name}'s ad → {v.stakeholder}"
            return self._label(p, v, CARRY_QUOTE, evidence, has_quote)
        if who.surface and reading.rule != "acting":
            self.in_force, self.para_attributed, self.para_quote = None, True, None
            self.unknown_speaker_at = p.start
            named = who.surface.rstrip(".,;: ")
            if p.paragraph == self.passages[0].paragraph and headlines.headlinese(who.phrase):
                self.headline_speakers[p.id] = named
            return AttributedPassage(p, None, 0.8, f"speaker '{named}' not in profile", named)
        return None

    def _criticism(self, p: Passage, reading: Reading) -> AttributedPassage | None:
        """"Oz has been called a charlatan by fellow physicians": criticism a side suffers
        from nobody the profile names is the move of the side it names as its critics."""
        clause = reading.clause
        if not self.critics or reading.rule != "none" or clause is None \
                or not clause.passive or not reports.criticised(clause.verb):
            return None
        if clause.pronoun in ("he", "she"):
            topic = self._topic_person(p)
            side = None if topic is None else \
                self.people.agreeing(p.start, topic, clause.pronoun, p.id).stakeholder
        else:
            side = self.reader.resolve(clause.np_start, clause.np_end).stakeholder
        critic = self.critics.get(side) if side is not None else None
        return None if critic is None else AttributedPassage(
            p, critic, CARRY_PRONOUN, f"{side} {clause.verb.rstrip('.')} by critics → {critic}")

    def _referent(self, p: Passage, who: Resolution) -> tuple[Voice, str] | None:
        """Whom "His lawyer", "the nominee", "the group" or "the lawsuit" stands for."""
        owner = self._possessor(p, who)
        if owner is not None:
            return owner, f"of {owner.name}, from {owner.passage}"
        person = self._topic_person(p) if is_person_description(who.phrase) else None
        if person is not None:
            return person, f"the person named last: {person.name}"
        speaking = self.in_force.stakeholder if self.in_force is not None else None
        body = self.organisations.named_before(p.start, who.phrase, speaking)
        paper = self.papers.named_before(p.start, who.phrase) if body is None else None
        m, how = (body, "the body named last") if body is not None else (paper, "a paper of")
        return None if m is None else (Voice(m.stakeholder, m.alias, p.id), f"{how}: {m.alias}")

    def _possessor(self, p: Passage, who: Resolution) -> Voice | None:
        """Whose lawyer, spokesman, campaign or letter "His/Her/Their/Its ..." is: the
        speaker in force, else the person a side named last, close before."""
        if POSSESSED_PHRASE.match(who.phrase.split(",")[0].strip()) is None:
            return None
        v = self.in_force
        if v is not None and {"his", "her"} & set(who.phrase.split(",")[0].lower().split()) \
                and not self.people.knows(v.name):
            v = None  # "His lawyer" is no body's: the person named last
        return v if v is not None else self._last_person(p)

    def _topic_person(self, p: Passage) -> Voice | None:
        """The side's person who was the subject just before (this paragraph or the one
        before, nobody outside the profile speaking since), else the person named last;
        before anyone is named, the one named first after (a lede's "He vowed ...")."""
        if self.subject is not None and self.subject_at >= max(
            self.previous_paragraph_at, self.unknown_speaker_at
        ) and self.subject_at < p.start:
            return self.subject
        return self.people.first_after(p.end, p.id) if self.people.none_before(p.start) \
            else self._last_person(p)

    def _last_person(self, p: Passage) -> Voice | None:
        """The person a side named last, in this paragraph or the one before, nobody
        outside the profile speaking since."""
        since = max(self.previous_paragraph_at, self.unknown_speaker_at)
        return self.people.last(p.start, since, p.id)

    def _pronoun(self, p: Passage, reading: Reading, who: Resolution, has_quote: bool,
                 first_in_paragraph: bool) -> AttributedPassage | None:
        """'"...," he said' and 'He also accused ...' inherit the speaker in force, or
        else the person a side named last, close before."""
        v = self.in_force
        pronoun = who.surface.lower()
        if pronoun in ("he", "she") and (v is None or (
                self.subject is not None and self.subject_at >= self.paragraph_at
                and self.subject_at > self.starts[v.passage])):
            # "Trump has record low support ... He recently pitched himself": the
            # subject of this paragraph, met after the last speaker spoke
            v = self._topic_person(p)
        if v is None and pronoun in ("he", "she") and reading.rule in ("quote", "speech"):
            v = self.people.known_as(p.start, max(self.unknown_speaker_at, self.outsider_at
                                     if pronoun in self.outsider_is else -1), pronoun, p.id)
        if v is not None and pronoun in ("he", "she"):
            v = self.people.agreeing(p.start, v, pronoun, p.id)
        if v is not None and pronoun in self.outsider_is \
                and self.outsider_at > self.starts[v.passage]:
            v = None
        if v is None or reading.rule == "none":  # "We must ...": no clause of a side's
            return None
        if reading.rule != "acting":  # a cue named the pronoun as speaker: "..., it noted."
            evidence = (f"{_RULE_WORDS[reading.rule]} {who.surface}: carry-over from "
                        f"{v.passage} ({v.name}) → {v.stakeholder}")
            return self._label(p, v, CARRY_QUOTE, evidence, has_quote)
        clause = reading.clause
        opens = self.masked[p.start : p.end].lstrip().lower().startswith("it ")
        if clause is not None and clause.copula and pronoun == "it" and opens \
                and not first_in_paragraph and self.para_attributed:
            # "The fund cut its forecast ... It is the biggest cut since ...": what the side
            # just put out, described on
            evidence = f"copular continuation of {v.passage} ({who.surface}) → {v.stakeholder}"
            return self._label(p, v, CARRY_PRONOUN - 0.1, evidence, has_quote)
        if clause is None or (clause.copula and not clause.speech):  # a stance is no link
            return None
        if pronoun in ("this", "that"):  # "That could include ...": the report goes on
            usable = not first_in_paragraph and self.para_attributed
        elif pronoun == "it" and not clause.speech:
            # "It edged up its forecast": the body that just acted in this paragraph
            usable = not first_in_paragraph and self.para_attributed
        else:
            usable = pronoun != "it" or clause.speech
        if not usable:
            return None
        evidence = f"carry-over from {v.passage} ({who.surface}) → {v.stakeholder}"
        return self._label(p, v, CARRY_PRONOUN, evidence, has_quote)

    def _quote_only(self, p: Passage, ahead: Reading | None,
                    first_in_paragraph: bool) -> AttributedPassage:
        """A passage that is only a quote: its speaker comes later or went before."""
        named = closing_speaker(self.masked, p.end, ahead)
        if named is not None and named.stakeholder is not None:
            v = Voice(named.stakeholder, named.surface, p.id)
            evidence = f"quote closed later, attributed to {named.named} → {v.stakeholder}"
            return self._label(p, v, CARRY_CONTINUED, evidence, True)
        source = self.quote_voice if first_in_paragraph else self.in_force
        if source is None and first_in_paragraph:
            # A quote paragraph right after one where a side spoke in reported speech
            # ("She said the process ...") is still that speaker's.
            source = self.in_force
        if source is not None:
            evidence = (f"continued quote from {source.passage} ({source.name}) → "
                        f"{source.stakeholder}")
            return self._label(p, source, CARRY_CONTINUED, evidence, True)
        return AttributedPassage(p, None, 0.5, "quote with no speaker")

    def run(self) -> list[AttributedPassage]:
        content = [p for p in self.passages if p.kind in CONTENT_KINDS]
        readings = {p.id: read_passage(self.masked, p.start, p.end, self.reader,
                                       p.kind == "heading") for p in content}
        out: list[AttributedPassage] = []
        paragraph, in_paragraph = -1, 0
        self.para_attributed, self.para_quote = False, None
        for index, p in enumerate(self.passages):
            if p.kind not in CONTENT_KINDS:
                kind = "duplicate of an earlier paragraph" if p.kind == "duplicate" else p.kind
                out.append(AttributedPassage(p, None, 0.95, kind))
                continue
            first = p.paragraph != paragraph
            if first:
                if not self.para_attributed:
                    self.in_force = None
                self.quote_voice = self.para_quote
                self.para_attributed, self.para_quote = False, None
                # a subhead between two paragraphs leaves the people before it in reach
                previous = self.passages[index - 1] if index else None
                if not (in_paragraph == 1 and previous is not None and previous.id in readings
                        and headlines.verbless_subhead(previous, readings[previous.id])):
                    self.previous_paragraph_at = self.paragraph_at
                paragraph, in_paragraph, self.paragraph_at = p.paragraph, 0, p.start
            in_paragraph += 1
            nxt = self.passages[index + 1] if index + 1 < len(self.passages) else None
            same = nxt is not None and nxt.paragraph == p.paragraph
            ahead = readings.get(nxt.id) if nxt is not None and same else None
            ap = self.attribute(p, readings[p.id], ahead, first)
            if p.kind == "heading":
                self.in_force = None if ap.stakeholder is None else self.in_force
                self.para_attributed, self.para_quote = True, None
            out.append(ap)
        out = headlines.lede_speaks_for_headlines(out, self.headline_speakers)
        out = headlines.list_items(headlines.pull_quotes(out, self.plain))
        return with_block_quotes(out, self.plain)


def attribute_passages(passages: Sequence[Passage], profile: Profile,
                       text: str) -> tuple[AttributedPassage, ...]:
    """Each passage with the side whose position it carries (None: background)."""
    if not profile.stakeholders:
        return tuple(
            AttributedPassage(p, None, 1.0, "no profile" if p.kind in CONTENT_KINDS else p.kind)
            for p in passages
        )
    out, plain = _Attributor(passages, profile, text).run(), normalise(text)
    out = with_turns(out, plain, profile, CONTENT_KINDS)
    out = with_author(out, plain, profile, CONTENT_KINDS)
    return tuple(with_posts(out, text, profile))  # a credit's dash is plain only in text
