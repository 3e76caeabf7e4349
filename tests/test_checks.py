"""Each check on hand-written cases: one it must catch, one it must let pass."""

from __future__ import annotations

import pytest

from summarize.align import content_words
from summarize.checks import (
    entities,
    entity_problems,
    has_attribution,
    negation_problems,
    number_problems,
    quote_problems,
    quoted_parts,
    unattributed_problem,
)
from summarize.quantities import quantities
from summarize.speech import quoted_regions

SOURCE = (
    "Canada is leading an effort at the United Nations to demand that China allow "
    '"meaningful and unfettered access" to Xinjiang.\n\n'
    "The international effort comes as 60 parliamentarians from 18 countries plan a letter.\n\n"
    '"At least one million people are held in arbitrary detention," the letter says.\n\n'
    "China did not commit to providing the access that the joint statement demands.\n\n"
    '"Facts have proven that there\'s no genocide in Xinjiang," said Wang Wenbin.\n\n'
    "Zhao Lijian spoke to reporters in Beijing on Feb. 24, 2020.\n\n"
    '"They have human rights issues like racism," he said.\n\n'
    "Birth rates have declined dramatically since 2015.\n\n"
    "MPs voted in favour of the non-binding motion."
)


# ---------------------------------------------------------------- quantities


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("a million people", ["n:1000000"]),
        ("1,000,000 people", ["n:1000000"]),
        ("1 million people", ["n:1000000"]),
        ("sixty-one members", ["n:61"]),
        ("1.8 million workers", ["n:1800000"]),
        ("two hundred and five", ["n:205"]),
        ("in Feb. on Monday", ["month:feb", "day:mon"]),
        ("one of them, and no one else", []),
        ("G7 partners and COVID-19", []),
    ],
)
def test_quantities_read_numbers_by_value(text: str, keys: list[str]) -> None:
    assert [q.key for q in quantities(text)] == keys


# ---------------------------------------------------------------- numbers


def test_number_check_catches_a_changed_number() -> None:
    support = "The international effort comes as 60 parliamentarians from 18 countries plan."
    problems = number_problems("61 parliamentarians from 18 countries plan a letter.", support)
    assert len(problems) == 1 and "'61'" in problems[0]


def test_number_check_catches_a_changed_scale_and_month() -> None:
    support = "At least one million people are held, the letter said in February."
    assert len(number_problems("At least ten million people are held in March.", support)) == 2


def test_number_check_accepts_other_spellings_of_the_same_value() -> None:
    support = "At least one million people from 60 countries, since 2015."
    assert number_problems("Over a million people from sixty countries since 2015.", support) == []
    assert number_problems("1,000,000 people, the letter says.", support) == []


# ---------------------------------------------------------------- quotes


def test_quote_check_catches_an_altered_quote() -> None:
    sentence = 'Canada wants "meaningful and unrestricted access" to Xinjiang.'
    problems = quote_problems(sentence, SOURCE)
    assert problems == [
        'quoted text is not in the source verbatim: "meaningful and unrestricted access"'
    ]


def test_quote_check_catches_words_dropped_inside_a_quote() -> None:
    sentence = 'The letter says "at least one million people are held in detention."'
    assert len(quote_problems(sentence, SOURCE)) == 1


def test_quote_check_accepts_a_verbatim_quote_with_other_marks_and_an_ellipsis() -> None:
    # curly quotes, a different case for the first letter, an ellipsis joining two pieces
    sentence = "The letter says \u201cat least one million people ... in arbitrary detention.\u201d"
    assert quoted_parts(sentence) == ["at least one million people", "in arbitrary detention"]
    assert quote_problems(sentence, SOURCE) == []


def test_quote_check_ignores_apostrophes() -> None:
    assert quoted_parts("China's 'no genocide' line isn't new.") == ["no genocide"]


# ---------------------------------------------------------------- entities


def test_entities_skip_capitalised_sentence_starts_but_keep_names() -> None:
    words = [e.word for e in entities("The letter says Zhao Lijian spoke in Beijing.", SOURCE)]
    assert words == ["Zhao", "Lijian", "Beijing"]
    assert [e.word for e in entities("China did not commit.", SOURCE)] == ["China"]
    assert [e.word for e in entities("Speaking in Beijing, Zhao said so.", SOURCE)] == [
        "Beijing",
        "Zhao",
    ]


def test_entity_check_catches_a_swapped_name() -> None:
    support = '"Facts have proven that there\'s no genocide in Xinjiang," said Wang Wenbin.'
    sentence = "Zhao Lijian said facts have proven there is no genocide in Xinjiang."
    problems = entity_problems(sentence, support, "", SOURCE)
    assert [d for d, _ in problems] == [
        "'Zhao' is not in the support",
        "'Lijian' is not in the support",
    ]
    assert all(in_source for _, in_source in problems)


def test_entity_check_finds_a_name_with_an_apostrophe_in_either_spelling() -> None:
    support = "Tapper told host Larry O\u2019Connor that the leak was troubling."
    sentence = "Tapper told Larry O'Connor the leak was troubling."
    assert entity_problems(sentence, support, "", support) == []
    # "Connor" alone is another name: O'Connor is not found in it
    other = "Tapper told host Larry Connor that the leak was troubling."
    problems = entity_problems(sentence, other, "", other)
    assert problems == [("'O'Connor' is not in the source", False)]


def test_entity_check_catches_an_invented_name() -> None:
    support = '"Facts have proven that there\'s no genocide in Xinjiang," said Wang Wenbin.'
    problems = entity_problems("Wang Yi said there is no genocide.", support, "", SOURCE)
    assert problems == [("'Yi' is not in the source", False)]


def test_entity_check_catches_a_name_put_in_another_names_role() -> None:
    support = "Canada is leading an effort to demand that China allow access to Xinjiang."
    sentence = "China is leading an effort to demand that China allow access to Xinjiang."
    problems = entity_problems(sentence, support, "", SOURCE)
    assert len(problems) == 1 and "wrong role" in problems[0][0]


def test_entity_check_accepts_close_forms_acronyms_and_a_pronoun_speaker() -> None:
    support = "Canada is leading an effort at the United Nations to demand that China allow it."
    sentence = "The Canadian-led effort at the UN asks the Chinese government to allow it."
    assert entity_problems(sentence, support, "", SOURCE) == []
    # the support says "he said"; the name is in the passage just before
    support = '"They have human rights issues like racism," he said.'
    context = "Zhao Lijian spoke to reporters in Beijing on Feb. 24, 2020."
    sentence = "Zhao said the countries have human rights issues like racism."
    assert entity_problems(sentence, support, context, SOURCE) == []
    # without a pronoun speaker the context is not searched
    support = '"They have human rights issues like racism."'
    assert len(entity_problems(sentence, support, context, SOURCE)) == 1


# ---------------------------------------------------------------- negation


@pytest.mark.parametrize(
    "sentence",
    [
        "China committed to providing the access that the joint statement demands.",
        "China has committed to providing the access the joint statement demands.",
        "China agreed to give the access that the joint statement demands.",
    ],
)
def test_negation_check_catches_a_removed_negation(sentence: str) -> None:
    support = "China did not commit to providing the access that the joint statement demands."
    assert negation_problems(sentence, support) != []


@pytest.mark.parametrize(
    ("sentence", "support"),
    [
        ("China has not denied the claims.", "The Chinese government has denied the claims."),
        ("China never denied the claims.", "The Chinese government has denied the claims."),
        ("The letter says there is genocide.", "The letter says there's no genocide."),
        ("MPs voted against the binding motion.", "MPs voted in favour of the non-binding motion."),
        (
            "Birth rates have risen since 2015.",
            "Birth rates have declined dramatically since 2015.",
        ),
        ("The minister opposed the deal.", "The minister supported the deal."),
        ("Lew did not state his worries.", "Lew said his worries again."),
        (
            "Leaders have never endorsed cutting the output this year.",
            "Leaders have backed cutting the output this year.",
        ),
    ],
)
def test_negation_check_catches_flipped_polarity(sentence: str, support: str) -> None:
    assert negation_problems(sentence, support) != []


@pytest.mark.parametrize(
    ("sentence", "support"),
    [
        (
            "China didn't commit to giving UN investigators access.",
            "China did not commit to providing the access for UN investigators.",
        ),
        (
            "China refused to commit to providing access.",
            "China did not commit to providing the access.",
        ),
        ("The government rejected the claims.", "The Chinese government has denied the claims."),
        (
            "Wang called the genocide claims the lie of the century.",
            "Facts have proven that there's no genocide. This is the lie of the century.",
        ),
        (
            "Birth rates fell sharply since 2015.",
            "Birth rates have declined dramatically since 2015.",
        ),
        (
            "This is the lie of the century.",
            "Facts have proven there's no genocide. This is the lie of the century.",
        ),
        (
            "The agreement sets up a contract covering store employees.",
            "Details have not been disclosed, but the agreement sets up a contract covering "
            "store employees.",
        ),
    ],
)
def test_negation_check_accepts_agreeing_polarity(sentence: str, support: str) -> None:
    assert negation_problems(sentence, support) == []


# ---------------------------------------------------------------- attribution


def test_attribution_cues() -> None:
    assert has_attribution("Wang Wenbin said there is no genocide in Xinjiang.")
    assert has_attribution("According to the letter, a million people are held.")
    assert has_attribution('"There is no genocide in Xinjiang."')
    assert not has_attribution("There is no genocide in Xinjiang.")
    assert has_attribution("It claims there is no genocide in Xinjiang.")
    assert has_attribution("The statement also raises concerns about Hong Kong.")
    assert has_attribution("Wang Wenbin called the claims the lie of the century.")
    assert not has_attribution("A group called the alliance met.")
    # a name that opens the sentence; "states" before a clause, never "the United States"
    assert has_attribution('Lindqvist called the mayor a "nasty guy" and "unstable."')
    assert has_attribution("The council states it is focusing on the river.")
    assert has_attribution("The tax commissioner states an internal review shows no leak.")
    assert not has_attribution("Trade with the United States that year fell by half.")
    # "reports" here is a noun of the claim itself, not an attribution
    assert not has_attribution("Credible reports indicate that a million people are held.")


def _unattributed(sentence: str, passage: str) -> str | None:
    return unattributed_problem(content_words(sentence), sentence, passage, 0, len(passage))


def test_unattributed_catches_a_quoted_claim_stated_as_fact() -> None:
    passage = '"Facts have proven that there\'s no genocide in Xinjiang," said Wang Wenbin.'
    assert _unattributed("There is no genocide in Xinjiang.", passage) is not None
    passage = "The letter alleges that China is committing crimes against humanity."
    assert _unattributed("China is committing crimes against humanity.", passage) is not None


def test_unattributed_lets_attributed_claims_and_reported_facts_pass() -> None:
    passage = '"Facts have proven that there\'s no genocide in Xinjiang," said Wang Wenbin.'
    assert _unattributed("Wang Wenbin said there is no genocide in Xinjiang.", passage) is None
    passage = "Canada is leading an effort at the United Nations to demand that China allow it."
    assert _unattributed("Canada is leading an effort at the United Nations.", passage) is None


def test_unattributed_ignores_a_verb_of_saying_copied_from_the_quotation() -> None:
    passage = '"They say your call is important to us and then nothing happens," he said.'
    # 'say' belongs to the quoted words, so it does not say who is speaking
    assert _unattributed("They say your call is important to us.", passage) is not None
    # the same verb outside the copied words is the sentence's own attribution
    assert _unattributed("He said your call is important to us.", passage) is None


def test_unattributed_ignores_inner_quote_marks_of_a_copied_quotation() -> None:
    passage = (
        "\"A state cannot cut 'voters who simply stayed home' from its rolls,\" the ruling said."
    )
    # the single quotes sit inside the copied quotation: they are its own inner quotes
    sentence = "A state cannot cut 'voters who simply stayed home' from its rolls."
    assert _unattributed(sentence, passage) is not None
    # quote marks the summary adds around the quoted words still attribute them
    assert _unattributed('"A state cannot cut voters who simply stayed home."', passage) is None


def test_unattributed_reads_a_doubled_apostrophe_after_a_space_as_an_opening_mark() -> None:
    passage = "In an interview, Mr. Lee said, ''We are going to enact the changes announced,''"
    # the quotation runs from just after the first apostrophe pair to the second
    start, end = quoted_regions(passage, 0, len(passage))[0]
    assert "We are going" in passage[start:end] and "said" not in passage[start:end]
    assert _unattributed("We are going to enact the changes announced.", passage)
    assert _unattributed("Mr. Lee said they will enact the changes announced.", passage) is None


def test_a_lone_closing_quote_mark_attributes_the_sentence() -> None:
    # the end of a quotation begun in an earlier sentence: presented as someone's words
    assert has_attribution('That is not accepting responsibility at all."')
    assert not has_attribution("That is not accepting responsibility at all.")


def test_a_link_a_handle_a_tag_or_the_inside_of_a_word_is_no_name() -> None:
    sentence = ('<tweet author="@CanadaUN">Canada wants access https://t.co/8FtYoYE0G3 '
                "— Canada Team (@CanadaUN) June 28, 2016, said the iPhone owner.")
    found = [e.word for e in entities(sentence, SOURCE)]
    assert "Canada" in found
    for word in ("FtYoYE", "G3", "CanadaUN", "Phone", "tweet"):
        assert word not in found, word
