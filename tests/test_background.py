"""The background checks on their own: each reason, and what anchors a sentence in the news."""

from __future__ import annotations

import pytest

from summarize.background import background_reason, dated_in_past


@pytest.mark.parametrize(
    ("sentence", "verb", "reason"),
    [
        ("Assange has lived in the embassy since 2012.", "has lived", "biography (has lived)"),
        ("Stumpf made $19.3 million in 2015.", "made", "history (2015)"),
        ("In March 2013, Obama appointed White.", "appointed", "history (2013)"),
        # a decade dates an act too; "the 2016 race" is no decade
        ("Ana Ruiz had fought the toll in the 1990s.", "had fought", "history (1990s)"),
        ("Ana Ruiz fought the toll in the 2016 race.", "fought", None),
        ("Mr. Sloan might target the branches.", "might target", "speculation (might target)"),
        # a year anchored in the news of the day is not history
        ("On Tuesday the fund cut its 2016 forecast.", "cut", None),
        ("The bank said this week it would drop the 2015 plan.", "said", None),
        # a year inside what was ruled dates the content, not the act
        ("The court ruled that the 1993 law applies.", "ruled", None),
        # a year after "of" names a thing ("the floods of 2010"), not when the act was
        ("They cite the floods of 2010.", "cite", None),
        # a year in what is recalled dates the recollection's content
        ("Okafor invoked the floods, recalling how in 2004 the dam broke.", "invoked", None),
        # a plan for a year to come is not history
        ("The union will strike in 2017.", "will strike", None),
        # years counted back are history, whatever weekday is named beside them
        ("The port held its first ballot exactly 10 years ago Sunday.", "held",
         "history (10 years ago)"),
        ("The guild struck a year ago.", "struck", "history (a year ago)"),
        ("The guild has been fighting the tolls for decades.", "has been",
         "history (for decades)"),
        ("The mayor has vetoed 49 budgets in the almost five years since she took over.",
         "has vetoed", "history (in the almost five years since)"),
        # what a side undergoes is its situation, not its move
        ("For her part, Ana Ruiz has faced sharp criticism.", "has faced",
         "situation (faced sharp criticism)"),
        ("The port came under fire for the toll.", "came", "situation (came under fire)"),
        ("Ana Ruiz faced the crowd.", "faced", None),
        ("Ana Ruiz enjoyed wide support among pilots.", "enjoyed",
         "situation (enjoyed wide support)"),
        ("The port has had trouble filling berths.", "has had", "situation (had trouble)"),
        ("Ana Ruiz held a rally, which drew support.", "held", None),
        # support whose givers are named is their act too
        ("Ana Ruiz enjoyed support in the fight from pilots.", "enjoyed", None),
        # money moved, told as a figure right after the verb
        ("The guild also sent $341,560 to the county party.", "sent", "numbers (sent an amount)"),
        ("The port received only a few million dollars from the fund.", "received only",
         "numbers (received an amount)"),
        # the amount far from the verb is what the act is about, not the act itself
        ("The memo paid heed to the contracts and talks that added tens of millions of dollars.",
         "paid", None),
        ("By contrast, the port held 26 ballots in the 18 years that Ruiz was mayor.", "held",
         "history (in the 18 years that)"),
        # a schedule says where a side will be, not what it holds
        ("Okafor was slated to hold rallies in the valley.", "was slated to hold",
         "schedule (was slated to hold)"),
        ("Okafor planned to spend Tuesday in the capital.", "planned to spend",
         "schedule (planned to spend)"),
        ("The union plans to strike on Monday.", "plans to strike", None),
        ("On Wednesday, she will attend the opening of the new dock.", "will attend",
         "schedule (will attend)"),
        ("Okafor is holding rallies Tuesday in the valley.", "is holding",
         "schedule (is holding)"),
        ("Okafor is holding the permit back.", "is holding", None),
        ("During his 11 months in those jobs, he oversaw the docks.", "oversaw",
         "history (During his 11 months)"),
        # "for years" is as often the dispute itself, going on
        ("Warren has been battling White for years.", "has been", None),
    ],
)
def test_background_reason(sentence: str, verb: str, reason: str | None) -> None:
    assert background_reason(sentence, verb) == reason


def test_a_pronoun_subjects_guess_goes_on_with_the_side() -> None:
    # "That could include sanctions" continues what a side proposed
    assert background_reason("That could include sanctions.", "could include", True) is None
    assert background_reason("Smith could include sanctions.", "could include") is not None


def test_dated_in_past_reads_the_first_dating_year() -> None:
    assert dated_in_past("From 2005 until 2010 he ran the firm.", "ran") == "2005"
    assert dated_in_past("He ran the firm in 2005, and now he is back.", "ran") is None


def test_a_holding_a_filing_lists_is_a_figure_for_the_record() -> None:
    assert background_reason("Trump owns between $15,000 and $50,000 in Disney stock.",
                             "owns") is not None
    assert background_reason("Trump owns the argument now.", "owns") is None


def test_holdings_a_disclosure_lists_are_a_situation() -> None:
    assert background_reason("Ana Ruiz holds multiple investments in the port.", "holds") \
        is not None
    assert background_reason("Ana Ruiz listed stakes in two shipping firms.", "listed") \
        is not None
    assert background_reason("Ana Ruiz holds the council to its word.", "holds") is None


def test_a_year_that_names_an_election_does_not_date_the_act() -> None:
    # "the nominee in 2016" names the race; "in 2013" dates what was done
    assert dated_in_past("He listed the qualities of a nominee in 2016:", "listed") is None
    assert dated_in_past("He listed the qualities of a nominee in 2013.", "listed") is None
    assert dated_in_past("He listed the qualities in 2013.", "listed") == "2013"
