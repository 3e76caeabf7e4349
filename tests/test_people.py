"""The people a pronoun can reach: order, reach, the `since` fence and he/she."""

from __future__ import annotations

from summarize.aliases import Mention
from summarize.people import PERSON_REACH, People, Voice, surname_of

TEXT = "Maria Okafor spoke. Tomas Lindqvist replied. He left."
#       0           12      20             35


def _people() -> People:
    okafor = Mention(0, 12, "company", "Maria Okafor", "alias", False)
    lindqvist = Mention(20, 35, "council", "Tomas Lindqvist", "alias", False)
    return People([okafor, lindqvist], TEXT)


def test_before_yields_the_nearest_person_first() -> None:
    names = [m.alias for m in _people().before(45)]
    assert names == ["Tomas Lindqvist", "Maria Okafor"]


def test_before_stops_at_the_reach() -> None:
    # Lindqvist starts at 20: at 20 + PERSON_REACH he is just in reach, one further not
    assert [m.alias for m in _people().before(20 + PERSON_REACH)] == ["Tomas Lindqvist"]
    assert list(_people().before(21 + PERSON_REACH)) == []


def test_last_is_fenced_by_since() -> None:
    people = _people()
    assert people.last(45, since=0, passage="s3") == Voice("council", "Tomas Lindqvist", "s3")
    # somebody outside the profile spoke at 30, after Lindqvist was named (20)
    assert people.last(45, since=30, passage="s3") is None


def test_a_pronoun_of_the_other_gender_skips_to_the_next_person_back() -> None:
    people = _people()
    lindqvist = Voice("council", "Tomas Lindqvist", "s2")
    assert people.agreeing(45, lindqvist, "he", "s3") == lindqvist  # learns: Lindqvist is "he"
    # "she" cannot be Lindqvist now: the next person back, of another side, is Okafor
    assert people.agreeing(45, lindqvist, "she", "s3") == Voice("company", "Maria Okafor", "s3")


def test_surname_of_drops_titles_and_refuses_full_names() -> None:
    assert surname_of("Mr. Lou") == "Lou"
    assert surname_of("Lou Jiwei") is None


def test_a_title_says_which_of_a_couple_a_pronoun_is() -> None:
    text = "Mr. Roe spoke. Ms. Roe wrote. Mr. Lee replied. She went on."
    #       0   4          15  19         30  34
    sam = Mention(4, 7, "family", "Sam Roe", "short", False)
    ann = Mention(19, 22, "family", "Sam Roe", "short", False)  # one surname, both Roes
    lee = Mention(34, 37, "council", "Bo Lee", "short", False)
    people = People([sam, ann, lee], text)
    people.genders["Roe"] = "he"  # learnt from Mr. Roe
    # "She" after Ms. Roe wrote is hers, not Mr. Lee's (whose title says he), however
    # the surname "Roe" was learnt
    assert people.agreeing(52, Voice("family", "Roe", "s2"), "she", "s4") == Voice(
        "family", "Roe", "s2")
    # without a title, the surname's gender decides and the next person back is tried
    untitled = "Abe Roe spoke. Ann Roe wrote. Dr. Lee replied. She went on."
    plain = People([sam, ann, lee], untitled)  # the same offsets
    plain.genders["Roe"] = "he"
    assert plain.agreeing(52, Voice("family", "Roe", "s2"), "she", "s4").stakeholder == "council"
