from __future__ import annotations

from summarize.aliases import AliasIndex
from summarize.people import misspelt_person
from summarize.profile import parse_profile
from summarize.records import Profile


def _profile(*sides: tuple[str, list[str]]) -> Profile:
    return parse_profile(
        {"name": "t", "stakeholders": [{"id": i, "label": i, "aliases": a} for i, a in sides]},
        "t.yaml",
    )


def _found(index: AliasIndex, text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.stakeholder, m.kind) for m in index.find(text)]


def test_whole_words_only_and_the_longest_alias_wins() -> None:
    index = AliasIndex(_profile(("ipac", ["Inter-Parliamentary Alliance on China"]),
                                ("gov", ["China"])))
    text = "The Inter-Parliamentary Alliance on China wrote; anti-China voices; Chinatown; China."
    assert _found(index, text) == [
        ("Inter-Parliamentary Alliance on China", "ipac", "alias"),
        ("China", "gov", "alias"),
    ]


def test_plural_singular_case_and_possessive() -> None:
    index = AliasIndex(_profile(("mps", ["parliamentarians"]), ("co", ["G7 partners"])))
    text = "A Parliamentarian spoke; Canada's G7 partner's view"
    found = index.find(text)
    assert [(text[m.start : m.end], m.stakeholder) for m in found] == [
        ("Parliamentarian", "mps"), ("G7 partner", "co")
    ]
    assert found[1].possessive


def test_surnames_titles_and_head_nouns_are_weaker_forms() -> None:
    index = AliasIndex(_profile(("gov", ["Zhao Lijian", "President Obama"]),
                                ("co", ["joint statement"])))
    text = "Mr. Zhao said; the president agreed; the statement says; zhao lower"
    assert _found(index, text) == [
        ("Zhao", "gov", "short"),
        ("president", "gov", "title"),
        ("statement", "co", "head"),
    ]


def test_a_demonym_alias_claims_its_country_and_a_shared_form_is_dropped() -> None:
    index = AliasIndex(_profile(("cn", ["Chinese government"]), ("us", ["US government"])))
    text = "China said the government and Beijing"
    # "government" is the head noun of both sides' aliases: it names neither
    assert _found(index, text) == [("China", "cn", "country"), ("Beijing", "cn", "country")]


def test_a_country_side_is_also_its_people_in_the_plural() -> None:
    # "The Saudis have warned ...": the plural demonym; one with no plural form has none
    index = AliasIndex(_profile(("sa", ["Saudi Arabia"]), ("cn", ["China"])))
    assert _found(index, "The Saudis warned; the Chinese said; Chineses") == [
        ("Saudis", "sa", "demonym"), ("Chinese", "cn", "demonym")]


def test_the_one_company_side_owns_company_nouns() -> None:
    index = AliasIndex(_profile(("firm", ["Verizon"]), ("union", ["CWA", "unions"]),
                                ("gov", ["Labor Department"])))
    text = "The company said; employees walked out"
    assert _found(index, text) == [("company", "firm", "head"), ("employees", "union", "head")]


def test_an_acronym_alias_also_matches_its_dotted_spelling() -> None:
    index = AliasIndex(_profile(("fbi", ["FBI"])))
    text = "The F.B.I. said; the F.B.I.'s agents; FBI; fbi; F.B.I.S."
    found = index.find(text)
    # "F.B.I." twice (once possessive) and "FBI"; lower case and a longer acronym are not it
    assert [(text[m.start : m.end], m.possessive) for m in found] == [
        ("F.B.I.", False), ("F.B.I.", True), ("FBI", False)
    ]


def test_a_two_letter_piece_of_a_side_id_is_an_initialism_dotted_or_not() -> None:
    index = AliasIndex(_profile(("eu-leaders", ["Angela Merkel"]), ("us-pressure", ["Obama"])))
    text = "E.U. leaders met; EU leaders left; U.S. pressure grew; the Europe leaders."
    assert _found(index, text) == [
        ("E.U. leaders", "eu-leaders", "alias"), ("EU leaders", "eu-leaders", "alias"),
        ("U.S. pressure", "us-pressure", "alias"), ("leaders", "eu-leaders", "head"),
    ]


def test_a_short_form_inside_another_persons_name_is_no_mention() -> None:
    index = AliasIndex(_profile(("ruiz", ["Ana Ruiz"]), ("blasio", ["Bill de Blasio"])))
    text = ("Ana Ruiz left. Ruiz spoke. Mrs. Ruiz. Then came Tom Ruiz and Ana Tan. "
            "De Blasio. Because Ruiz won, he smiled. Ana Maria Ruiz. Port Talks\n\nRuiz won.")
    # "Tom Ruiz" and "Ana Tan" are other people; a title, a particle, a word that opens a
    # sentence, a middle name and a line break are no other person's name
    assert _found(index, text) == [
        ("Ana Ruiz", "ruiz", "alias"), ("Ruiz", "ruiz", "short"), ("Ruiz", "ruiz", "short"),
        ("Blasio", "blasio", "short"), ("Ruiz", "ruiz", "short"), ("Ana", "ruiz", "short"),
        ("Ruiz", "ruiz", "short"), ("Ruiz", "ruiz", "short"),
    ]
    # a verb of a Title-Case headline is no given name either
    assert _found(index, "Mayor Slams Ruiz Over Tolls") == [("Ruiz", "ruiz", "short")]


def test_a_given_names_formal_form_is_the_same_person() -> None:
    index = AliasIndex(_profile(("biden", ["Joe Biden"])))
    text = "Joseph Biden spoke, and so did Hunter Biden."
    assert _found(index, text) == [("Biden", "biden", "short")]


def test_a_side_id_does_not_turn_a_persons_surname_into_a_body() -> None:
    index = AliasIndex(_profile(("flynn", ["Michael Flynn"]), ("msnbc", ["Stephanie Ruhle"])))
    text = "Michael Flynn spoke. Flynn left. The msnbc anchor asked."
    # "Flynn" stays the short form of the person; the id "msnbc", claimed by no alias,
    # still names its side
    assert _found(index, text) == [
        ("Michael Flynn", "flynn", "alias"), ("Flynn", "flynn", "short"),
        ("msnbc", "msnbc", "alias"),
    ]


def test_a_candidates_campaign_is_no_company() -> None:
    index = AliasIndex(_profile(("cole", ["Dana Cole", "Cole campaign"]),
                                ("union", ["Dockers Union"])))
    text = "several law firms that had represented him; the company"
    # "Cole campaign" is capitalised and no person, but a campaign is not a firm
    assert _found(index, text) == []


def test_a_country_alias_also_matches_its_other_names_as_weak_references() -> None:
    index = AliasIndex(_profile(("us", ["United States"]), ("nk", ["North Korea"])))
    text = "U.S. leaders; America; American officials"
    assert _found(index, text) == [
        ("U.S.", "us", "country"), ("America", "us", "country"), ("American", "us", "demonym")
    ]


def test_a_junior_is_never_his_father_and_matches_without_his_dot() -> None:
    index = AliasIndex(_profile(("cole-jr", ["Dana Cole Jr."]), ("cole", ["Dana Cole"])))
    text = ("Dana Cole Jr: no; Cole Jr. said; Martin Luther King Jr. spoke; Dana Cole said; "
            "Dana Cole's son said; Dana Cole's eldest son said")
    assert [(f, sid) for f, sid, _ in _found(index, text)] == [
        ("Dana Cole Jr", "cole-jr"), ("Cole Jr.", "cole-jr"), ("Dana Cole", "cole"),
        ("Dana Cole's son", "cole-jr"), ("Dana Cole's eldest son", "cole-jr"),
    ]


def test_a_junior_no_other_alias_shares_a_surname_with_goes_by_his_surname() -> None:
    # "Joseph R. Biden Jr." ... "Mr. Biden": the suffix is house style, not a son
    index = AliasIndex(_profile(("cole-jr", ["Dana R. Cole Jr."]), ("port", ["Port Authority"])))
    text = "Dana R. Cole Jr. spoke; Mr. Cole said; Cole added"
    assert [(f, sid) for f, sid, _ in _found(index, text)] == [
        ("Dana R. Cole Jr.", "cole-jr"), ("Cole", "cole-jr"), ("Cole", "cole-jr"),
    ]
    assert {m.alias for m in index.find(text)} == {"Dana R. Cole Jr."}


def test_a_seat_of_government_speaks_as_its_country() -> None:
    # "White House" and "Downing Street" are their governments: "U.S. condemns ..."
    index = AliasIndex(_profile(("wh", ["White House"]), ("uk", ["Downing Street"])))
    text = "U.S. officials; Britain said"
    assert _found(index, text) == [("U.S.", "wh", "country"), ("Britain", "uk", "country")]


def test_a_party_side_is_also_named_by_one_member() -> None:
    index = AliasIndex(_profile(("gop", ["Republicans"]), ("dems", ["Democrats"])))
    text = "One Republican; a Democratic source; a Democrat"
    assert _found(index, text) == [
        ("Republican", "gop", "demonym"), ("Democratic", "dems", "demonym"),
        ("Democrat", "dems", "demonym"),
    ]


def test_a_surname_one_letter_off_a_sides_person_is_that_person() -> None:
    profile = _profile(("port", ["Leslie Wimes", "Harbour Board"]), ("city", ["Tyresha McClenney"]))
    # one letter changed or dropped, the first two letters kept
    assert misspelt_person("Wines", profile) == ("port", "Leslie Wimes")
    assert misspelt_person("Ms. McLenney", profile) == ("city", "Tyresha McClenney")
    # a plural is no misspelling
    assert misspelt_person("The Wimess", profile) is None
    # too short, two letters off, another first letter, or no surname at all
    assert misspelt_person("Wims", profile) is None
    assert misspelt_person("Wanes", profile) is None
    assert misspelt_person("Mimes", profile) is None
    assert misspelt_person("Boards", profile) is None


def test_a_body_named_by_a_demonym_or_an_embassy_has_no_surname() -> None:
    # "Russian Embassy" is no person: its "Russian" is the country's people, a weak
    # reference, never the surname-like short form a "he said" could reach back to
    index = AliasIndex(_profile(("moscow", ["Russian Embassy"]), ("paris", ["French Mission"])))
    found = _found(index, "A Russian analyst spoke; the French Mission and Embassy replied.")
    assert ("Russian", "moscow", "short") not in found
    assert ("Embassy", "moscow", "short") not in found
    assert ("French Mission", "paris", "alias") in found


def test_an_administration_speaks_as_the_white_house_unless_another_side_is_it() -> None:
    admin = ("admin", ["Harbour administration"])
    assert ("White House", "admin", "short") in _found(
        AliasIndex(_profile(admin)), "The White House said no.")
    # a side the profile names "White House" keeps it
    assert _found(AliasIndex(_profile(admin, ("staff", ["White House"]))),
                  "The White House said no.") == [("White House", "staff", "alias")]
