"""The verb heuristics on their own: which word is a clause's verb, and its group."""

from __future__ import annotations

import pytest

from summarize.clauses import clause_subject


@pytest.mark.parametrize(
    ("sentence", "subject", "verb", "copula"),
    [
        # whatever follows a modal is its verb, listed or not
        ("On Wednesday, she will attend the opening.", "she", "will attend", False),
        # "long" sits inside the group; "have ... ruled out" is an act, not possession
        ("Port leaders have long ruled out a toll.", "Port leaders", "have long ruled out",
         False),
        # "shows" is the verb even with an auxiliary in the that-less clause after it
        ("The guild's report shows the pit is safe.", "The guild's report", "shows", False),
        # a number's comma is not the end of an opening phrase
        ("Before 15,000 people gathered, the mayor spoke.", "the mayor", "spoke.", False),
        # a year's comma ends an opening phrase; a thousands comma does not
        ("In 2016, 12 states sued the agency.", "12 states", "sued", False),
        # the comma closing an aside after a plural subject; "his" is no plural
        ("Critics, including Ana Ruiz, argue the toll is unfair.", "Critics, including Ana Ruiz",
         "argue", False),
        ("In his speech, support for the toll grew.", "support for the toll", "grew.", False),
        # a clause-opening "he" is followed by its verb, listed or not
        ("As the vote neared, he snuck in a jab.", "he", "snuck", False),
        # a time phrase may open the clause without a comma
        ("Last week Ana Ruiz in an interview blamed the port.", "Ana Ruiz in an interview",
         "blamed", False),
        ("On Monday the mayor rejected the toll.", "the mayor", "rejected", False),
        # "late" or "early" may lead a time phrase and its comma
        ("Late last month, the guild wrote a letter.", "the guild", "wrote", False),
        # two appositions in a row
        ("One backer, Ana Ruiz, Mayor of Dover, gave a speech.", "One backer, Ana Ruiz, "
         "Mayor of Dover", "gave", False),
        # a verb and the noun completing it, not a compound noun before a verb
        ("Ana Ruiz takes issue with the toll.", "Ana Ruiz", "takes issue", False),
        # a relative "that" inside an opening phrase runs to its comma
        ("At a rally in Dover, Del., on the day that was set aside for it, Ana Ruiz lit "
         "into the port.", "Ana Ruiz", "lit", False),
        # an irregular past spelled like its base, after a name; a bare verb after an -ly
        # adverb
        ("Mr. Ruiz and Mr. Tan cast their votes early.", "Mr. Ruiz and Mr. Tan", "cast", False),
        ("Ana Ruiz mostly read from her notes.", "Ana Ruiz", "read", False),
        # an -ing aside runs to its comma, even one that ends inside a quote
        ('Ana Ruiz, noting that "the port is full," added that tolls must rise.',
         'Ana Ruiz, noting that "the port is full,"', "added", False),
        # "appeared" with a time or a place is an appearance; "appeared to be" links
        ("Ana Ruiz appeared Tuesday with dock workers.", "Ana Ruiz", "appeared", False),
        ("Ana Ruiz appeared to be tired.", "Ana Ruiz", "appeared to be tired.", True),
        # an opening phrase that goes on after "but before ..."
        ("After the vote, but before the port had replied, Ana Ruiz sued the city.",
         "Ana Ruiz", "sued", False),
        # a quoted name inside the subject phrase; openers in a row; an unlisted verb
        # after a name and an -ly adverb
        ('The bill, known as "the Harbour Act," was passed by the council.',
         'The bill, known as "the Harbour Act,"', "was passed", False),
        ("However, over the past week, the council has blocked the toll.", "the council",
         "has blocked", False),
        ("Ana Ruiz apparently disagrees with the toll.", "Ana Ruiz", "disagrees", False),
        # two names joined take a plural verb; so does a plural head before its examples
        ("Mr. Ruiz and Mr. Tan say the toll is unfair.", "Mr. Ruiz and Mr. Tan", "say", False),
        ("Critics of the toll, like Ana Ruiz, mayor of Dover, and Tom Tan, see a tax.",
         "Critics of the toll, like Ana Ruiz, mayor of Dover, and Tom Tan", "see", False),
        # a bare verb with a plural object and its preposition; the object is no verb
        ("Both ports face questions about their tolls.", "Both ports", "face", False),
        # a day and its comma open the clause
        ("Wednesday, she called for a toll.", "she", "called", False),
        ("Tuesday night, the mayor spoke.", "the mayor", "spoke.", False),
        ("Even Friday, she called for a toll.", "she", "called", False),
        # a kicker in capitals before a dash, however long, opens the paragraph
        ("TOLLS HAVE BEEN CALLED UNFAIR BY PILOTS - The port raised them.", "The port",
         "raised", False),
        ("Earlier Friday, the mayor spoke.", "the mayor", "spoke.", False),
        # "'s" before "been" or a participle is "has", and the verb goes on
        ("He's been fined by the port.", "He", "'s been fined", False),
        ("She's given the port a week.", "She", "'s given", False),
        ("It's a toll.", "It's", "It's", True),
        # a time phrase and its comma, then a subordinate clause, open the sentence
        ("The next year, when the port closed, Ana Ruiz sued.", "Ana Ruiz", "sued.", False),
        ("That month, the mayor spoke.", "the mayor", "spoke.", False),
        # an apposition after an age closes with its comma; "named X" is no verb after a
        # common noun, but is after a name or an adverb
        ("Ana Ruiz, 20, a nurse from Dover, chimed in.", "Ana Ruiz, 20, a nurse from Dover",
         "chimed", False),
        ("A pilot named Ana Ruiz sued the port.", "A pilot named Ana Ruiz", "sued", False),
        ("The port named Ana Ruiz its chief.", "The port", "named", False),
        ("It again called Ana Ruiz unworthy.", "It", "called", False),
        ("Rather than backing down, the mayor doubled down.", "the mayor", "doubled", False),
        ("In Dover, for instance, after attacking the port, the mayor pivoted.", "the mayor",
         "pivoted.", False),
        ("Pilots almost universally condemned the toll.", "Pilots", "condemned", False),
        # irregular pasts beyond the common ones
        ("In a memo, Ana Ruiz laid out the plan.", "Ana Ruiz", "laid out", False),
        ("The mayor oversaw the vote.", "The mayor", "oversaw", False),
    ],
)
def test_clause_subject_and_verb_group(sentence: str, subject: str, verb: str,
                                       copula: bool) -> None:
    clause = clause_subject(sentence, 0, len(sentence))
    assert clause is not None
    assert sentence[clause.np_start : clause.np_end] == subject
    assert (clause.verb, clause.copula) == (verb, copula)


def test_a_name_like_a_past_tense_stays_a_name_in_a_headline() -> None:
    text = "Rep. Hung Cao Slams Port Over Tolls"
    clause = clause_subject(text, 0, len(text), headline=True)
    assert clause is not None and text[clause.np_start : clause.np_end] == "Rep. Hung Cao"


def test_continue_to_is_no_speech_verb() -> None:
    clause = clause_subject("The guild is likely to continue to strike.", 0, 41)
    assert clause is not None and not clause.speech
    said = clause_subject("The guild continued, angrily.", 0, 29)
    assert said is not None and said.speech


def test_a_linking_verb_before_a_speech_verb_reports_that_speech() -> None:
    # "appeared to blame" blames; "seems to have left" only links
    blamed = clause_subject("The chief appeared to blame the workers.", 0, 40)
    assert blamed is not None and blamed.speech and not blamed.copula
    gone = clause_subject("The chief seems to have left.", 0, 29)
    assert gone is not None and not gone.speech and gone.copula


@pytest.mark.parametrize("adjective", ["incensed", "furious", "critical"])
def test_a_stance_adjective_is_the_subjects_position(adjective: str) -> None:
    sentence = f"The senators were {adjective} that the deal passed."
    clause = clause_subject(sentence, 0, len(sentence))
    assert clause is not None and clause.speech and not clause.passive


@pytest.mark.parametrize("degree", ["too", "very", "increasingly"])
def test_a_degree_word_before_a_stance_keeps_the_stance(degree: str) -> None:
    # "weren't too concerned" is still the subject's position, not a plain copula
    sentence = f"The senators weren't {degree} concerned about the deal."
    clause = clause_subject(sentence, 0, len(sentence))
    assert clause is not None and clause.speech and not clause.copula
    plain = clause_subject("The senators were too late for the vote.", 0, 40)
    assert plain is not None and not plain.speech and plain.copula


@pytest.mark.parametrize("past", ["sank", "strode", "wept"])
def test_an_irregular_past_is_the_verb_after_a_compound_subject(past: str) -> None:
    sentence = f"Ana Ruiz and her allies {past} into the record on Tuesday."
    clause = clause_subject(sentence, 0, len(sentence))
    assert clause is not None and sentence[clause.np_start : clause.np_end] == (
        "Ana Ruiz and her allies") and clause.verb == past


@pytest.mark.parametrize(("sentence", "subject"), [
    ("Sources close to her campaign say she backs the plan.", "Sources close to her campaign"),
    ("Critics of the plan argue it fails.", "Critics of the plan"),
    # a plural without a final s
    ("Police say he posed a threat.", "Police"),
    ("The harbour's people say the toll is unfair.", "The harbour's people"),
])
def test_a_bare_verb_of_saying_after_a_plural_heads_complement(sentence: str,
                                                               subject: str) -> None:
    clause = clause_subject(sentence, 0, len(sentence))
    assert clause is not None and clause.speech
    assert sentence[clause.np_start : clause.np_end] == subject


@pytest.mark.parametrize(("sentence", "subject", "verb"), [
    # "by" before a gerund is the manner, not a passive's agent
    ("Ana Ruiz responded by using the example of the port to prove it.", "Ana Ruiz",
     "responded"),
    # an opener that no comma closes: the subject is the first name a verb follows
    ("In a radio interview Ana Ruiz declared that the port was closed.", "Ana Ruiz",
     "declared"),
    ("In an interview with reporters Tom Berg said that the toll was fair.", "Tom Berg",
     "said"),
    ("In an interview with the network RT he blasted the port.", "he", "blasted"),
    ("At the convention in Bergen his operatives forced a change.", "his operatives",
     "forced"),
])
def test_the_verb_after_by_and_after_an_opener_without_a_comma(sentence: str, subject: str,
                                                               verb: str) -> None:
    clause = clause_subject(sentence, 0, len(sentence))
    assert clause is not None
    assert (sentence[clause.np_start : clause.np_end], clause.verb) == (subject, verb)


def test_says_is_a_verb_before_a_clause_with_its_own_auxiliary() -> None:
    sentence = "Ana Ruiz says political correctness has run amok in the port."
    clause = clause_subject(sentence, 0, len(sentence))
    assert clause is not None and clause.verb == "says" and clause.speech
    assert sentence[clause.np_start : clause.np_end] == "Ana Ruiz"
