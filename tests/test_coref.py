"""Coreference of descriptions, on invented disputes (no words of any corpus article)."""

from __future__ import annotations

from summarize.aliases import alias_index
from summarize.coref import (
    is_person_description,
    label_nouns,
    label_side,
    learn_descriptions,
    profile_descriptions,
    with_descriptions,
)
from summarize.read import normalise
from summarize.records import Profile, Stakeholder

PROFILE = Profile(
    name="harbour-toll",
    stakeholders=(
        Stakeholder("kostov", "Mirela Kostov", "", ("Mirela Kostov",)),
        Stakeholder("brandt", "Oskar Brandt", "", ("Oskar Brandt",)),
        Stakeholder("authority", "Zorbia Port Authority", "", ("Zorbia Port Authority", "ZPA")),
        Stakeholder("pilots", "Pilots and their guild", "Boat pilots who oppose the toll",
                    ("Pilots Guild",)),
    ),
)


def _refs(text: str) -> list[tuple[str, str]]:
    plain = normalise(text)
    found = alias_index(PROFILE).find(plain)
    added = [m for m in with_descriptions(found, plain, PROFILE) if m not in found]
    return [(plain[m.start : m.end], m.stakeholder) for m in added]


def test_a_title_before_a_name_is_learned_with_its_modifiers() -> None:
    plain = "Harbour Party mayoral nominee Mirela Kostov spoke."
    found = learn_descriptions(alias_index(PROFILE).find(plain), plain)
    assert [(d.noun, d.stakeholder, sorted(d.modifiers)) for d in found] == [
        ("nominee", "kostov", ["harbour", "mayoral", "party"])
    ]


def test_a_definite_description_refers_to_the_side_it_was_learned_for() -> None:
    text = ("Mirela Kostov, the mayoral nominee, opposed the toll. "
            "The nominee said it would ruin the docks.")
    # the apposition itself and the later "The nominee"
    assert _refs(text) == [("nominee", "kostov"), ("nominee", "kostov")]


def test_two_sides_with_one_noun_are_told_apart_by_modifiers_or_not_at_all() -> None:
    text = ("Harbour Party nominee Mirela Kostov and Tide Party nominee Oskar Brandt met. "
            "The Tide nominee left. The nominee stayed.")
    # "The Tide nominee": modifier "tide" matches Brandt's title only (1 vs 0);
    # "The nominee": no modifier, both sides claim it, so no reference
    assert _refs(text) == [("nominee", "brandt")]


def test_possessive_and_indefinite_descriptions_refer_to_someone_else() -> None:
    text = "Mirela Kostov, the mayoral nominee, spoke. Her nominee left. A nominee arrived."
    assert _refs(text) == [("nominee", "kostov")]  # only the apposition


def test_a_bodys_people_and_a_bare_plural_reference() -> None:
    text = "ZPA inspectors boarded the ship. Inspectors said the toll stands."
    # the first "inspectors" follows the alias ZPA, the second is a bare plural
    assert _refs(text) == [("inspectors", "authority"), ("Inspectors", "authority")]


def test_profile_label_and_description_give_lowercase_head_nouns() -> None:
    nouns = {(d.noun, d.stakeholder) for d in profile_descriptions(PROFILE)}
    # "Pilots and their guild" → guild; "Boat pilots who oppose ..." → pilots;
    # person and proper-name labels give nothing
    assert nouns == {("guild", "pilots"), ("pilots", "pilots")}


def test_person_description() -> None:
    assert is_person_description("The Harbour Party mayoral nominee")
    assert is_person_description("the registered Tidist") is False
    assert not is_person_description("a nominee")
    assert not is_person_description("The port")
    # a day after the head is no part of it; a day alone is no person
    assert is_person_description("the Harbour Party nominee on Tuesday")
    assert not is_person_description("the vote on Tuesday")


def test_a_description_owned_by_a_name_refers_only_where_the_label_names_that_owner() -> None:
    profile = Profile(
        name="harbour-toll",
        stakeholders=(
            Stakeholder("kostov", "Mirela Kostov", "", ("Mirela Kostov",)),
            Stakeholder("vidal", "Ana Vidal, Kostov's former strategist", "", ("Ana Vidal",)),
        ),
    )
    plain = "Kostov's former campaign strategist spoke. Brandt's strategist did too."
    found = alias_index(profile).find(plain)
    added = [m for m in with_descriptions(found, plain, profile) if m not in found]
    # 'strategist' is Vidal's only as Kostov's: Brandt's strategist is someone else
    assert [(plain[m.start : m.end], m.stakeholder) for m in added] == [("strategist", "vidal")]


def test_a_name_with_a_lower_case_particle_learns_its_title() -> None:
    profile = Profile(name="t", stakeholders=(
        Stakeholder("city", "City hall", "", ("Ana de Souza",)),
        Stakeholder("port", "Port", "", ("Oskar Brandt",)),
    ))
    plain = "Mayor Ana de Souza spoke. The mayor said the port must pay."
    found = alias_index(profile).find(plain)
    learned = learn_descriptions(found, plain)
    assert [(d.noun, d.stakeholder) for d in learned] == [("mayor", "city")]
    added = [m for m in with_descriptions(found, plain, profile) if m not in found]
    assert [(plain[m.start : m.end], m.stakeholder) for m in added] == [("mayor", "city")]


def test_a_description_fits_a_side_by_its_labels_head_noun_and_one_more_word() -> None:
    profile = Profile(name="t", stakeholders=(
        Stakeholder("guild", "Pilots Guild and other unions", "", ("Pilots Guild",)),
        Stakeholder("chair", "Former HPA chairman Oskar Brandt", "", ("Oskar Brandt",)),
        Stakeholder("port", "Port Authority and its lawyer Ana Ruiz", "", ("Ana Ruiz",)),
    ))
    nouns = label_nouns(profile)
    # head "union" and "pilots", however indefinite
    assert label_side("A union representing harbour pilots", nouns) == "guild"
    # head "chairman"; "Harbour Port Authority" has the initials of the label's "HPA"
    assert label_side("A former Harbour Port Authority chairman", nouns) == "chair"
    # the head alone is not enough: "a lawyer for the council" is someone else's
    assert label_side("a lawyer for the council", nouns) is None
    # "former" fits only a label that says so
    assert label_side("A former union of harbour pilots", nouns) is None


def test_a_bare_plural_group_fits_the_one_label_that_names_its_kind() -> None:
    profile = Profile(name="t", stakeholders=(
        Stakeholder("others", "Other governments condemning the test", "", ("Japan",)),
        Stakeholder("builders", "Developers and investors", "", ("Ana Ruiz",)),
        Stakeholder("council", "Security Council", "", ("Security Council",)),
    ))
    nouns = label_nouns(profile)
    # "leaders" is kin to the label's "governments"; "World" is a general modifier
    assert label_side("World leaders and diplomats", nouns) == "others"
    assert label_side("Developers", nouns) == "builders"
    # a named modifier the label lacks, or a complement, makes it someone else's
    assert label_side("Chinese leaders", nouns) is None
    assert label_side("Other developers", nouns) is None  # others than the label's
    assert label_side("developers of the port", nouns) is None
    # a lone person is no group
    assert label_side("A developer", nouns) is None


def test_review_a_quantity_run_with_and_is_no_group() -> None:
    nouns = label_nouns(Profile(name="t", stakeholders=(
        Stakeholder("voters", "Angry voters", "", ("Ana Ruiz",)),)))
    assert label_side("Two and a half million voters", nouns) is None
    assert label_side("Some and perhaps many voters", nouns) is None
