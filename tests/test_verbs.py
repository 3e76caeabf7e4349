"""The verb heuristics on their own: which word is a clause's verb, and its group."""

from __future__ import annotations

import pytest

from summarize.speakers import clause_subject


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
    ],
)
def test_clause_subject_and_verb_group(sentence: str, subject: str, verb: str,
                                       copula: bool) -> None:
    clause = clause_subject(sentence, 0, len(sentence))
    assert clause is not None
    assert sentence[clause.np_start : clause.np_end] == subject
    assert (clause.verb, clause.copula) == (verb, copula)


def test_continue_to_is_no_speech_verb() -> None:
    clause = clause_subject("The guild is likely to continue to strike.", 0, 41)
    assert clause is not None and not clause.speech
    said = clause_subject("The guild continued, angrily.", 0, 29)
    assert said is not None and said.speech
