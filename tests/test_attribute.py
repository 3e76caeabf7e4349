"""One small hand-written case per attribution rule, on an invented dispute.

Each case checks the side chosen and that the evidence names the rule that chose it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.attribute import attribute_passages
from summarize.profile import default_profile, parse_profile
from summarize.read import normalise
from summarize.records import AttributedPassage, Profile, Source
from summarize.segment import segment

STAKEHOLDERS: list[dict[str, Any]] = [
    {"id": "company", "label": "Northwind Mining",
     "aliases": ["Northwind Mining", "Maria Okafor"]},
    {"id": "council", "label": "River Valley Council",
     "aliases": ["River Valley Council", "Tomas Lindqvist"]},
    {"id": "ministry", "label": "Environment Ministry",
     "aliases": ["Environment Ministry", "ministry report"]},
]
TITLE = "Mine dispute\n\n"


def profile(stakeholders: list[dict[str, Any]] | None = None) -> Profile:
    data = {"name": "test", "stakeholders": stakeholders or STAKEHOLDERS}
    return parse_profile(data, "test.yaml")


def attribute(body: str, prof: Profile | None = None) -> list[AttributedPassage]:
    text = TITLE + body
    source = Source("t.txt", text, "0")
    return list(attribute_passages(segment(source), prof or profile(), text))


def find(out: list[AttributedPassage], start: str, nth: int = 0) -> AttributedPassage:
    hits = [ap for ap in out if normalise(ap.passage.text).startswith(start)]
    assert len(hits) > nth, f"no passage starts with {start!r}: {[a.passage.text for a in out]}"
    return hits[nth]


def test_quote_with_said_after_names_the_speaker() -> None:
    out = attribute('"The permit is unlawful," said Tomas Lindqvist.\n')
    ap = find(out, '"The permit')
    assert ap.stakeholder == "council"
    assert ap.evidence.startswith("quote attributed to Tomas Lindqvist")


def test_quote_then_speaker_and_verb_with_a_role_before_the_name() -> None:
    out = attribute(
        '"We followed every rule," Northwind spokesperson Maria Okafor told reporters.\n'
    )
    ap = find(out, '"We followed')
    assert ap.stakeholder == "company"
    assert "quote attributed to" in ap.evidence


def test_according_to() -> None:
    out = attribute("The mine will close in May, according to the Environment Ministry.\n")
    ap = find(out, "The mine will close")
    assert ap.stakeholder == "ministry"
    assert ap.evidence.startswith("according to")


def test_the_document_says_resolves_by_head_noun() -> None:
    out = attribute('"Water quality has fallen sharply," the report says.\n')
    ap = find(out, '"Water quality')
    assert ap.stakeholder == "ministry"
    assert "head noun of ministry report" in ap.evidence


def test_acting_subject_decides_not_the_side_it_mentions() -> None:
    stakeholders = [
        {"id": "appeal", "label": "Signatories", "aliases": ["joint appeal"]},
        {"id": "government", "label": "Norway", "aliases": ["Norwegian government"]},
    ]
    out = attribute(
        "Norway did not commit to providing the access that the joint appeal demands.\n",
        profile(stakeholders),
    )
    ap = find(out, "Norway did not")
    assert ap.stakeholder == "government"
    assert ap.evidence.startswith("acting subject Norway (country of Norwegian government)")


def test_passive_voice_gives_the_agent() -> None:
    out = attribute("The permit was challenged by the River Valley Council on Monday.\n")
    ap = find(out, "The permit was")
    assert ap.stakeholder == "council"
    assert "acting subject" in ap.evidence and "challenged by" in ap.evidence


def test_carry_over_by_pronoun() -> None:
    out = attribute(
        "Tomas Lindqvist said the permit was unlawful. "
        "He also accused the company of hiding data.\n"
    )
    first, second = find(out, "Tomas Lindqvist"), find(out, "He also")
    assert second.stakeholder == "council"
    assert second.evidence == f"carry-over from {first.passage.id} (He) → council"
    assert second.confidence < first.confidence


def test_carry_over_by_a_surname_learned_from_an_appositive() -> None:
    stakeholders = [
        {"id": "council", "label": "Council", "aliases": ["River Valley Council"]},
        {"id": "company", "label": "Northwind", "aliases": ["Northwind Mining"]},
    ]
    out = attribute(
        '"We will appeal," said Tomas Lindqvist, chair of the River Valley Council.\n\n'
        "Northwind Mining said it would keep digging.\n\n"
        "Lindqvist added that the ruling ignored the evidence.\n",
        profile(stakeholders),
    )
    ap = find(out, "Lindqvist added")
    assert ap.stakeholder == "council"
    assert "Lindqvist: carry-over from" in ap.evidence


def test_a_paragraph_that_only_continues_a_quote() -> None:
    out = attribute(
        '"The water is poisoned," the River Valley Council said.\n\n'
        '"Our farmers cannot wait another season."\n'
    )
    ap = find(out, '"Our farmers')
    assert ap.stakeholder == "council"
    assert ap.evidence.startswith("continued quote from")


def test_a_quote_split_over_sentences_takes_the_speaker_named_at_its_end() -> None:
    out = attribute('"We did nothing wrong. Every test was passed," Maria Okafor said.\n')
    assert [ap.stakeholder for ap in out[1:]] == ["company"] * (len(out) - 1)


def test_a_new_speaker_in_a_new_paragraph_ends_the_carry_over() -> None:
    out = attribute(
        "Tomas Lindqvist said the permit was unlawful.\n\n"
        "A local farmer, Ana Ruiz, said the dust was unbearable. She said she would move.\n"
    )
    farmer, she = find(out, "A local farmer"), find(out, "She said")
    assert farmer.stakeholder is None and "not in profile" in farmer.evidence
    assert she.stakeholder is None


def test_a_paragraph_of_plain_reporting_ends_the_carry_over() -> None:
    out = attribute(
        "Tomas Lindqvist said the permit was unlawful.\n\n"
        "The mine opened in 1998 and employs 400 people.\n\n"
        "He declined to comment further.\n"
    )
    assert find(out, "He declined").stakeholder is None


def test_head_noun_of_a_collective_decides() -> None:
    stakeholders = [
        {"id": "ngo", "label": "Clean Rivers", "aliases": ["Clean Rivers Coalition"]},
        {"id": "farmers", "label": "Farmers", "aliases": ["farmers"]},
    ]
    out = attribute("The coalition of local farmers is asking the court to intervene.\n",
                    profile(stakeholders))
    ap = find(out, "The coalition")
    assert ap.stakeholder == "farmers"
    assert "reported speech: farmers" in ap.evidence


def test_criticism_belongs_to_the_critic() -> None:
    out = attribute("Tomas Lindqvist accused Northwind Mining of ignoring the ministry report.\n")
    ap = find(out, "Tomas Lindqvist")
    assert ap.stakeholder == "council"
    assert ap.evidence.startswith("reported speech: Tomas Lindqvist accused")


def test_a_name_that_only_modifies_another_noun_is_not_the_speaker() -> None:
    out = attribute("Ana Ruiz, a Northwind Mining customer, said prices had doubled.\n")
    ap = find(out, "Ana Ruiz")
    assert ap.stakeholder is None


SATURATED = (
    "Inspections at Northwind Mining sites and Northwind Mining offices found dust above "
    "Maria Okafor's targets.\n"
)


def test_mentions_alone_decide_only_when_one_side_fills_the_sentence() -> None:
    out = attribute(
        SATURATED + "\n"
        "Trucks from Northwind Mining passed the River Valley Council offices.\n\n"
        "The mine, Northwind Mining, was sold to Maria Okafor in 2009.\n"
    )
    saturated = find(out, "Inspections")
    assert saturated.stakeholder == "company" and saturated.evidence.startswith("mentions")
    assert find(out, "Trucks").stakeholder is None  # two sides named once each
    assert find(out, "The mine").stakeholder is None  # named twice, and it only undergoes


def test_confidence_orders_explicit_over_carry_over_over_mentions() -> None:
    out = attribute(
        '"The permit is unlawful," said Tomas Lindqvist. He left the meeting early.\n\n'
        + SATURATED
    )
    quote, carried, mentioned = find(out, '"The permit'), find(out, "He left"), find(out, "Insp")
    assert quote.confidence > carried.confidence > mentioned.confidence


def test_a_pull_quote_heading_takes_the_side_of_the_passage_it_quotes() -> None:
    out = attribute(
        "'Our wells hold poisoned water'\n\n"
        '"Our wells hold poisoned water now," the River Valley Council said.\n'
    )
    ap = find(out, "'Our wells")
    assert ap.passage.kind == "heading"
    assert ap.stakeholder == "council" and ap.evidence.startswith("pull quote of")


def test_boilerplate_and_duplicates_stay_unattributed_and_say_why() -> None:
    out = attribute(
        '"The permit is unlawful," said Tomas Lindqvist of the River Valley Council.\n\n'
        "Tomas Lindqvist speaks at a council meeting. (Jane Doe/The Associated Press)\n\n"
        "Duration 2:30\n\n"
        '"The permit is unlawful," said Tomas Lindqvist of the River Valley Council.\n'
    )
    kinds = {ap.passage.kind: ap for ap in out}
    assert kinds["boilerplate"].stakeholder is None
    assert kinds["boilerplate"].evidence == "boilerplate"
    assert kinds["duplicate"].stakeholder is None
    assert "duplicate" in kinds["duplicate"].evidence


def test_without_a_profile_everything_is_background() -> None:
    text = TITLE + '"The permit is unlawful," said Tomas Lindqvist.\n'
    out = attribute_passages(segment(Source("t.txt", text, "0")), default_profile(), text)
    assert all(ap.stakeholder is None for ap in out)


WORDS = ["Tomas Lindqvist", "said", "he", "the report", "Northwind Mining's", "\u201c", "\u201d",
         '"', "'", ",", ".", "\n\n", "\n", " ", "according to", "the council", "They",
         "Mr. Lindqvist", "was", "by", "Duration 2:30", "(Jane Doe/AP)", "\u00a0", "\U0001f600",
         "ministry report", "of", "and", "MOSCOW -", "who said", "quoted", "as saying"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=60))
def test_any_text_gets_one_well_formed_verdict_per_passage(pieces: list[str]) -> None:
    text = " ".join(pieces)
    passages = segment(Source("t.txt", text, "0"))
    out = attribute_passages(passages, profile(), text)
    # the same passages; only an op-ed's closing tagline is refiled as furniture
    assert [replace(ap.passage, kind=q.kind) for ap, q in zip(out, passages, strict=True)] \
        == passages
    assert all(ap.passage.kind == q.kind or ap.evidence.startswith("tagline of the author")
               for ap, q in zip(out, passages, strict=True))
    ids = {s["id"] for s in STAKEHOLDERS}
    for ap in out:
        assert ap.stakeholder is None or ap.stakeholder in ids
        assert 0.0 <= ap.confidence <= 1.0 and ap.evidence
        if ap.passage.kind in ("boilerplate", "duplicate"):
            assert ap.stakeholder is None


# Rules added on the second round of held-out articles (eval/README.md).


def test_a_perfect_passive_gives_the_agent_not_the_subject() -> None:
    out = attribute("The ministry report has been rejected by Northwind Mining.\n")
    ap = find(out, "The ministry report")
    assert ap.stakeholder == "company"
    assert "has been rejected by" in ap.evidence


def test_an_adverb_between_auxiliary_and_verb_keeps_the_act() -> None:
    out = attribute("The River Valley Council is currently suing the mine's owners.\n")
    assert find(out, "The River Valley").stakeholder == "council"


def test_a_noun_before_a_noun_is_not_the_verb() -> None:
    from summarize.clauses import clause_subject

    text = "A federal appeals court ruled Friday against the state."
    clause = clause_subject(text, 0, len(text))
    # subject "A federal appeals court" is text[0:23]; the verb is "ruled"
    assert clause is not None and (clause.np_start, clause.np_end, clause.verb) == (0, 23, "ruled")


def test_a_clause_opening_pronoun_is_followed_by_its_verb() -> None:
    out = attribute("The River Valley Council voiced concern about the mine. "
                    "They cite the floods of 2010.\n")
    ap = find(out, "They cite")
    assert ap.stakeholder == "council"
    assert ap.evidence.startswith("carry-over")


def test_a_trailing_said_may_be_followed_by_when_and_where() -> None:
    out = attribute("Maria Okafor defended the permit. The company filed 40 reports, "
                    "she said in an interview last week.\n")
    ap = find(out, "The company filed")
    assert ap.stakeholder == "company"
    assert "carry-over" in ap.evidence


def test_a_trailing_said_speaker_with_an_apposition_is_read_and_ends_the_carry_over() -> None:
    out = attribute('Maria Okafor defended the permit.\n\nThe deal may hold, said Jan Berg, '
                    'an analyst at Nordbank. "It would avoid a fight."\n')
    assert find(out, "The deal may hold").stakeholder is None
    assert find(out, '"It would avoid').stakeholder is None


def test_an_opening_participle_phrase_is_skipped_to_find_the_subject() -> None:
    out = attribute("Meeting in Oslo last week, the lawyers of the River Valley Council legal "
                    "team argued the mine was illegal.\n")
    ap = find(out, "Meeting in Oslo")
    assert ap.stakeholder == "council"


def test_an_indefinite_apposition_describes_the_named_speaker() -> None:
    out = attribute("Maria Okafor, a former Environment Ministry official, rejects the claim.\n")
    assert find(out, "Maria Okafor").stakeholder == "company"


def test_a_quote_paragraph_after_reported_speech_keeps_the_speaker() -> None:
    out = attribute('Tomas Lindqvist said the permit was rushed.\n\n"We were never asked."\n')
    ap = find(out, '"We were never')
    assert ap.stakeholder == "council"
    assert ap.evidence.startswith("continued quote")


def test_a_title_case_headline_is_read_for_its_verb() -> None:
    stakeholders = [{"id": "board", "label": "Elections board",
                     "aliases": ["State Board of Elections"]}]
    text = ("State Board Of Election Investigated A Fraud Claim And Found Nothing\n\n"
            "The board said so on Monday.\n")
    out = list(attribute_passages(segment(Source("t.txt", text, "0")), profile(stakeholders),
                                  text))
    ap = find(out, "State Board Of Election")
    assert ap.stakeholder == "board"
    assert ap.evidence.endswith("investigated → board")


def test_a_side_speaking_in_a_subordinate_clause() -> None:
    out = attribute("It began with a post where Tomas Lindqvist claimed the mine leaked.\n")
    ap = find(out, "It began")
    assert ap.stakeholder == "council"
    assert "claimed" in ap.evidence


def test_a_document_a_side_issued_speaks_for_it() -> None:
    out = attribute("In May, Tomas Lindqvist sent a long letter to the mine. "
                    '"The mine is failing," the letter said.\n')
    ap = find(out, '"The mine is failing')
    assert ap.stakeholder == "council"
    assert "letter" in ap.evidence


def test_a_noun_of_the_same_kind_as_an_apposed_one_names_that_side() -> None:
    stakeholders = [{"id": "tv", "label": "Nordic TV", "aliases": ["NTV"]},
                    {"id": "lender", "label": "Fjord Bank", "aliases": ["Fjord Bank"]}]
    text = ("Accounts closed\n\nThe bank closed accounts of the network, NTV, on Monday. "
            "The broadcaster denied any wrongdoing.\n")
    out = list(attribute_passages(segment(Source("t.txt", text, "0")), profile(stakeholders),
                                  text))
    # "network" is apposed to NTV, so "the broadcaster" (same kind of body) is NTV
    assert find(out, "The broadcaster").stakeholder == "tv"


def test_a_sides_stated_position_is_its_speech() -> None:
    out = attribute("Northwind Mining's defense has been that the river was already dirty.\n")
    ap = find(out, "Northwind Mining's defense")
    assert ap.stakeholder == "company"
    assert ap.evidence.startswith("reported speech")


def test_an_indefinite_alias_after_the_definite_one_is_another_thing() -> None:
    stakeholders = [{"id": "court", "label": "Appeals court", "aliases": ["appeals court"]}]
    text = ("Ruling\n\nThe appeals court ruled for the voters.\n\n"
            "An earlier law was struck down by an appeals court in 2014.\n")
    out = list(attribute_passages(segment(Source("t.txt", text, "0")), profile(stakeholders),
                                  text))
    assert find(out, "The appeals court").stakeholder == "court"
    assert find(out, "An earlier law").stakeholder is None


def test_a_comma_closing_a_quote_ends_an_opening_clause() -> None:
    out = attribute('While the ministry called the mine "a danger to the river," Northwind '
                    "Mining kept digging.\n")
    ap = find(out, "While the ministry")
    assert ap.stakeholder == "company"
    assert ap.evidence.startswith("acting subject Northwind Mining")


def test_a_speech_tag_between_commas_names_the_speaker() -> None:
    out = attribute("Tomas Lindqvist criticised the permit. "
                    "That permit, he said, ignores the floods.\n")
    ap = find(out, "That permit")
    assert ap.stakeholder == "council"
    assert "carry-over" in ap.evidence


def test_the_group_is_the_organisation_named_before() -> None:
    out = attribute("Northwind Mining posted new data on Monday.\n\n"
                    "The company claimed the river was clean.\n\n"
                    '"We can confirm the tests," the group said.\n')
    claim, quote = find(out, "The company claimed"), find(out, '"We can confirm')
    assert claim.stakeholder == "company"
    assert quote.stakeholder == "company"
    assert "the body named last" in quote.evidence


def test_the_group_keeps_to_the_body_that_was_speaking() -> None:
    # "Northwind" alone marks Northwind Mining as a body, not a person
    out = attribute("Northwind Mining said the River Valley Council cut its power. Northwind "
                    "sued.\n\n"
                    '"The council did it," the group said.\n')
    assert find(out, '"The council did it').stakeholder == "company"


def test_a_document_of_a_side_speaks_for_it() -> None:
    out = attribute("Tomas Lindqvist's brief said the mine broke the law.\n")
    ap = find(out, "Tomas Lindqvist's brief")
    assert ap.stakeholder == "council"
    assert "document of Tomas Lindqvist" in ap.evidence


def test_neither_nor_coordination_of_one_side() -> None:
    out = attribute("Neither Northwind Mining nor Maria Okafor has answered the council.\n")
    assert find(out, "Neither Northwind").stakeholder == "company"


def test_a_side_that_only_is_something_but_says_it_speaks() -> None:
    out = attribute("Even as inspectors arrived, Maria Okafor remained a defender of the mine, "
                    "telling reporters it was safe.\n")
    ap = find(out, "Even as inspectors")
    assert ap.stakeholder == "company"
    assert ap.evidence.startswith("reported speech")


def test_he_after_a_paragraph_of_background_is_the_person_named_just_before() -> None:
    out = attribute("The task now falls to Tomas Lindqvist, a former teacher.\n\n"
                    "He made no promises on the mine.\n")
    ap = find(out, "He made no promises")
    assert ap.stakeholder == "council"


def test_he_after_a_speaker_outside_the_profile_is_not_an_earlier_person() -> None:
    out = attribute("Tomas Lindqvist spoke first. Jan Berg, an analyst, said the mine was safe. "
                    '"It is well run," he said.\n')
    assert find(out, '"It is well run').stakeholder is None


def test_a_capitalised_modal_after_a_name_is_part_of_the_name() -> None:
    stakeholders = [{"id": "uk", "label": "UK", "aliases": ["Theresa May"]}]
    text = "Brexit\n\nBritish Prime Minister Theresa May said the country would leave.\n"
    out = list(attribute_passages(segment(Source("t.txt", text, "0")), profile(stakeholders),
                                  text))
    assert find(out, "British Prime Minister").stakeholder == "uk"


def test_a_discourse_adverb_opens_the_sentence() -> None:
    out = attribute("Overall, the River Valley Council predicted more floods.\n")
    assert find(out, "Overall,").stakeholder == "council"


def test_a_document_named_after_a_side_speaks_for_it() -> None:
    out = attribute('"The river is clean," the Northwind Mining report stated.\n')
    ap = find(out, '"The river is clean')
    assert ap.stakeholder == "company"
    assert "document of Northwind Mining" in ap.evidence


def test_it_continues_the_body_that_just_acted_in_the_paragraph() -> None:
    out = attribute("Northwind Mining reduced its output on Monday. It also closed two pits.\n\n"
                    "It is a hard year for mining.\n")
    assert find(out, "It also closed").stakeholder == "company"
    assert find(out, "It is a hard year").stakeholder is None  # "it is": no act


def test_a_title_case_headline_keeps_names_capitalised() -> None:
    text = ("Tomas Lindqvist Hammers Northwind Mining: 'You Should Close'\n\n"
            "The council chief spoke on Monday.\n")
    out = list(attribute_passages(segment(Source("t.txt", text, "0")), profile(), text))
    assert find(out, "Tomas Lindqvist Hammers").stakeholder == "council"


def test_a_phrase_after_a_quote_that_starts_with_a_verb_is_no_speaker() -> None:
    out = attribute('Tomas Lindqvist spoke.\n\nThe plan to "save the river" appealed to him, '
                    "he said, because the mine was leaking.\n")
    ap = find(out, "The plan to")
    assert ap.stakeholder == "council"
    assert "appealed" not in ap.evidence


def test_a_phrase_after_a_quote_that_starts_with_a_preposition_is_no_speaker() -> None:
    out = attribute('"You squeezed the river dry" to raise profits, Tomas Lindqvist said, '
                    "pointing at the mine.\n")
    ap = find(out, '"You squeezed')
    assert ap.stakeholder == "council"


def test_under_questioning_is_not_speech() -> None:
    out = attribute("Tomas Lindqvist forced Maria Okafor, who was under questioning, to admit "
                    "the leak.\n")
    assert find(out, "Tomas Lindqvist forced").stakeholder == "council"


def test_a_time_phrase_after_the_subject_is_not_part_of_its_name() -> None:
    out = attribute("Northwind Mining just this month announced it would close two pits.\n")
    assert find(out, "Northwind Mining just").stakeholder == "company"


# --- description coreference, outlets, subheads (summarize.coref) ---


def test_a_definite_person_description_stands_for_the_person_named_last() -> None:
    out = attribute(
        "Council nominee Tomas Lindqvist filed papers on Monday.\n\n"
        "The Valley Party nominee argued that the permit was void.\n"
    )
    ap = find(out, "The Valley Party nominee")
    assert ap.stakeholder == "council"
    assert "person named last" in ap.evidence


def test_a_person_description_stands_for_the_subject_just_before() -> None:
    # Okafor is named last, but Lindqvist is the subject the description goes on with
    out = attribute(
        "Tomas Lindqvist, speaking after Maria Okafor at the forum, cited the map.\n\n"
        '"The river is dying," the Valley Party nominee said.\n'
    )
    assert find(out, '"The river is dying,"').stakeholder == "council"


def test_a_description_of_two_roles_stands_for_one_person() -> None:
    out = attribute("Maria Okafor defended the mine on Monday. The former engineer and "
                    "state senator said the dam was safe.\n")
    ap = find(out, "The former engineer")
    assert ap.stakeholder == "company"
    assert "not in profile" not in ap.evidence


def test_a_day_and_its_comma_open_the_clause_before_its_subject() -> None:
    out = attribute("Tomas Lindqvist cited the map on Tuesday.\n\n"
                    "Wednesday, he called for a ban on new pits.\n\n"
                    "He said that would save the river.\n")
    assert find(out, "Wednesday, he called").stakeholder == "council"
    assert find(out, "He said that").stakeholder == "council"


def test_a_pronoun_quote_tag_is_the_subject_named_before_the_quote() -> None:
    # Lindqvist was the speaker in force; the sentence names its own subject first
    out = attribute(
        "Tomas Lindqvist opened the hearing.\n\n"
        'Company engineer Maria Okafor (ret.) scolded him: "You never read the report," '
        "she said.\n"
    )
    ap = find(out, "Company engineer Maria Okafor")
    assert ap.stakeholder == "company"
    assert ap.evidence == "quote attributed to Maria Okafor → company"


def test_criticism_a_side_suffers_from_no_named_side_is_its_named_critics_move() -> None:
    sides = [*STAKEHOLDERS,
             {"id": "critics", "label": "Okafor's critics among engineers",
              "aliases": ["Lars Berg"]}]
    out = attribute(
        "Maria Okafor has been called reckless by fellow engineers.\n\n"
        "She's been investigated by the state for hiding leaks.\n\n"
        "She was elected by the board in May.\n",
        profile(sides),
    )
    ap = find(out, "Maria Okafor has been called")
    assert (ap.stakeholder, ap.evidence) == (
        "critics", "company has been called by critics → critics")
    assert find(out, "She's been investigated").stakeholder == "critics"
    assert find(out, "She was elected").stakeholder != "critics"


def test_a_verbless_subhead_leaves_the_person_named_before_it_in_reach() -> None:
    out = attribute(
        "Tomas Lindqvist isn't saying much about the permit.\n\n"
        "Baiting the board.\n\n"
        "The Valley Party nominee has repeatedly wondered whether the board is fair.\n"
    )
    assert find(out, "The Valley Party nominee").stakeholder == "council"


def test_a_side_named_in_a_comparison_with_a_named_head_is_not_the_speaker() -> None:
    out = attribute("Mayor Ana Ruiz, like Tomas Lindqvist, has opposed the pit.\n\n"
                    "Critics of the pit, like Tomas Lindqvist, say it leaks.\n")
    assert find(out, "Mayor Ana Ruiz").stakeholder is None
    assert find(out, "Critics of the pit").stakeholder == "council"


def test_a_side_speaking_after_a_semicolon_carries_the_sentence() -> None:
    out = attribute("Tomas Lindqvist spoke on Monday.\n\n"
                    "It is an unlikely outcome; Okafor's team says the mine will open.\n")
    ap = find(out, "It is an unlikely outcome")
    assert ap.evidence == "reported speech: Okafor (name of Maria Okafor) says → company"


def test_a_sides_organizers_and_strategists_act_for_it() -> None:
    out = attribute("Northwind Mining organizers have knocked on 3,000 doors.\n\n"
                    "A Northwind Mining strategist said the vote was close.\n")
    assert find(out, "Northwind Mining organizers").stakeholder == "company"
    assert find(out, "A Northwind Mining strategist").stakeholder == "company"


def test_emails_that_show_a_side_acting_carry_its_act_but_not_its_payments() -> None:
    out = attribute("The emails show that Maria Okafor decided to close the pit.\n\n"
                    "Records show Northwind Mining paid the council $2 million in 2015.\n")
    assert find(out, "The emails show").stakeholder == "company"
    assert find(out, "Records show").stakeholder is None


def test_a_headline_passive_without_its_was_is_the_agents_act() -> None:
    text = ("Maria Okafor removed from council hearing by Tomas Lindqvist\n\n"
            "Maria Okafor said the mine was safe.\n")
    out = list(attribute_passages(segment(Source("t.txt", text, "0")), profile(), text))
    assert find(out, "Maria Okafor removed").stakeholder == "council"


def test_a_title_case_subhead_in_the_body_is_read_like_a_headline() -> None:
    out = attribute("The council met on Monday.\n\n"
                    "Tomas Lindqvist Said The Permit Was Void From The Start.\n\n"
                    "The firm appealed.\n")
    ap = find(out, "Tomas Lindqvist Said")
    assert ap.stakeholder == "council"


def test_a_ledes_he_before_anyone_is_named_is_the_person_named_next() -> None:
    out = attribute("He vowed to close the mine.\n\n"
                    "He stalked across the stage.\n\n"
                    "Rather than backing down, council leader Tomas Lindqvist doubled down.\n\n"
                    "The firm disagreed. She said it was safe.\n")
    assert find(out, "He vowed").stakeholder == "council"
    assert find(out, "He stalked").stakeholder == "council"
    # once a person is named, a later pronoun reads back, never ahead
    assert find(out, "She said").stakeholder != "council"


def test_a_relative_clause_after_a_name_in_a_complement_is_not_that_persons() -> None:
    out = attribute("The vote is risky for Tomas Lindqvist, who said the mine must close.\n\n"
                    "Former aides to Mr. Lindqvist, who spoke anonymously, traded emails.\n")
    assert find(out, "The vote is risky").stakeholder is None
    assert find(out, "Former aides").stakeholder is None


def test_a_persons_full_name_with_initial_and_suffix_is_the_alias_but_a_junior_is_not() -> None:
    out = attribute("The council met.\n\nTomas K. Lindqvist Jr. said the mine leaks.\n\n"
                    "Maria Okafor Jr. said it was safe.\n")
    assert find(out, "Tomas K. Lindqvist Jr.").stakeholder == "council"
    assert find(out, "Maria Okafor Jr.").stakeholder is None


def test_a_cleft_sentence_is_read_from_its_that_clause() -> None:
    out = attribute("The vote neared.\n\nIt is with that history in mind that Tomas Lindqvist "
                    "begins his appeal.\n\nIt is clear that Tomas Lindqvist erred.\n")
    assert find(out, "It is with that history").stakeholder == "council"
    # an opinion about a side ("It is clear that ...") is no cleft
    assert find(out, "It is clear").stakeholder is None


def test_a_feeling_is_the_position_of_whoever_has_it() -> None:
    out = attribute("The council met on Monday.\n\n"
                    "The firm's secrecy alarmed Tomas Lindqvist.\n")
    ap = find(out, "The firm's secrecy")
    assert ap.stakeholder == "council"


def test_that_is_what_a_side_hopes_is_its_position() -> None:
    out = attribute("The vote neared.\n\nAt least that's what Northwind Mining now hopes.\n")
    assert find(out, "At least that's what").stakeholder == "company"


def test_a_description_with_its_of_phrase_stands_for_the_person_just_before() -> None:
    out = attribute("Maria Okafor spoke on Monday.\n\n"
                    "The former secretary of mines aggressively pushed the plan.\n")
    assert find(out, "The former secretary").stakeholder == "company"


def test_a_speaker_whose_surname_is_a_sides_person_misspelt_is_that_person() -> None:
    out = attribute("The council met.\n\nLindqvst said the permit was void.\n")
    ap = find(out, "Lindqvst said")
    assert ap.stakeholder == "council"


def test_a_title_case_headline_ending_in_its_speaker_and_says_is_that_speakers() -> None:
    text = ("Northwind Mining Hid The Leak, Council Chief Tomas Lindqvist Says.\n\n"
            "The firm denied it.\n")
    out = list(attribute_passages(segment(Source("t.txt", text, "0")), profile(), text))
    assert find(out, "Northwind Mining Hid").stakeholder == "council"


def test_a_quote_tag_with_a_double_space_is_no_crash() -> None:
    out = attribute('"The pit leaks" said  "and always has."\n')
    assert find(out, '"The pit leaks"').stakeholder is None


def test_a_headline_with_an_object_and_by_is_active() -> None:
    text = "River Valley Council rejected mine plan by 5-4 vote\n\nThe firm appealed.\n"
    out = list(attribute_passages(segment(Source("t.txt", text, "0")), profile(), text))
    assert find(out, "River Valley Council rejected").stakeholder == "council"


def test_an_outlets_report_carries_the_act_it_reports() -> None:
    out = attribute("Valley News reported that Northwind Mining had drained the lake.\n")
    ap = find(out, "Valley News")
    assert ap.stakeholder == "company"
    assert "reported the act of" in ap.evidence


def test_a_subhead_quoting_part_of_a_passage_takes_its_side() -> None:
    out = attribute(
        'MINING BOSS "FOLLOWED EVERY RULE"\n\n'
        'Maria Okafor said the firm "followed every rule" at the site.\n'
    )
    ap = find(out, "MINING BOSS")
    assert ap.stakeholder == "company"
    assert ap.evidence.startswith("pull quote")


def test_a_person_description_with_a_relative_clause_acts_for_the_person_named_last() -> None:
    out = attribute(
        "Tomas Lindqvist posted the map on Monday.\n\n"
        "The registered nominee, who received threats, provided a sworn statement.\n"
    )
    ap = find(out, "The registered nominee")
    assert ap.stakeholder == "council"
    assert ap.evidence.startswith("acting subject The registered nominee")


def test_an_unknown_speaker_is_named_without_trailing_punctuation() -> None:
    body = 'Ferries stop at noon.\n\n"This is a disaster," said Lars Berg of the shipping council.'
    quote = attribute(body)[-1]
    assert quote.stakeholder is None
    assert quote.evidence.startswith("speaker '") and ".' not in profile" not in quote.evidence


def test_his_lawyer_speaks_for_the_person_in_force() -> None:
    out = attribute("Maria Okafor rejected the council's claims. "
                    "Her lawyer said the permit was valid.\n")
    ap = find(out, "Her lawyer")
    assert ap.stakeholder == "company"
    assert "(of Maria Okafor" in ap.evidence


def test_his_or_her_lawyer_is_no_bodys_but_the_person_named_last() -> None:
    out = attribute("The River Valley Council said the firm lied.\n\n"
                    "The council held Maria Okafor in contempt for refusing to appear. "
                    "Her lawyer said she would not answer questions.\n")
    ap = find(out, "Her lawyer")
    assert ap.stakeholder == "company"


def test_a_possessive_description_with_no_one_in_force_stays_unattributed() -> None:
    out = attribute("The weather was poor.\n\nHis lawyer said the permit was valid.\n")
    assert find(out, "His lawyer").stakeholder is None


def test_a_sides_biography_history_and_the_reporters_guess_are_background() -> None:
    out = attribute("Maria Okafor rejected the council's claims on Monday.\n\n"
                    "Maria Okafor lives in the valley with her family.\n\n"
                    "In 2009, Maria Okafor founded Northwind Mining in a garage. "
                    "It grew quickly.\n\n"
                    "Tomas Lindqvist might target the mine's water permits next.\n")
    assert find(out, "Maria Okafor rejected").stakeholder == "company"
    for start, why in [("Maria Okafor lives", "biography (lives)"),
                       ("In 2009", "history (2009)"),
                       ("It grew", "goes on from the background"),
                       ("Tomas Lindqvist might", "speculation (might target)")]:
        ap = find(out, start)
        assert ap.stakeholder is None, start
        assert why in ap.evidence


def test_a_dated_act_of_the_day_or_a_year_in_what_was_said_is_still_the_sides() -> None:
    out = attribute("The River Valley Council sued Northwind Mining on Monday over the "
                    "2009 permit. The council ruled that the 1998 law applied.\n")
    assert find(out, "The River Valley Council sued").stakeholder == "council"
    assert find(out, "The council ruled").stakeholder == "council"


def test_an_ally_or_adviser_in_apposition_speaks_for_the_side() -> None:
    out = attribute('"The permit is sound," said Ana Ruiz, a geologist and a Northwind Mining '
                    "ally.\n\nJon Berg, an adviser to Tomas Lindqvist and a law professor, "
                    "argued that the mine must close.\n")
    assert find(out, '"The permit').stakeholder == "company"
    assert find(out, "Jon Berg").stakeholder == "council"


def test_a_sides_campaign_spokesman_named_after_the_role_speaks_for_it() -> None:
    out = attribute("Northwind Mining campaign spokesman Glen Hale declined to comment. "
                    "Tomas Lindqvist's allies said the vote was fair.\n")
    assert find(out, "Northwind Mining campaign").stakeholder == "company"
    assert find(out, "Tomas Lindqvist's allies").stakeholder == "council"


def test_he_after_a_copular_sentence_is_its_subject_not_the_name_in_apposition() -> None:
    out = attribute("Tomas Lindqvist, a fierce critic of Maria Okafor, was angry on Monday. "
                    '"Why now?" he asked.\n')
    ap = find(out, '"Why now?"')
    assert ap.stakeholder == "council"
    assert "Tomas Lindqvist" in ap.evidence


def test_a_pronoun_of_the_other_gender_skips_the_speaker_in_force() -> None:
    out = attribute("Maria Okafor pressed Tomas Lindqvist on the floods. "
                    '"Why wait?" she said.\n\n'
                    "Maria Okafor asked Tomas Lindqvist to name a date. He did not do so.\n")
    assert find(out, '"Why wait?"').stakeholder == "company"  # she: Okafor, in force
    ap = find(out, "He did not")
    # "she" was Okafor's, so "he" is the other person named close before: Lindqvist
    assert ap.stakeholder == "council"





def test_a_sides_document_and_its_host_speak_for_it() -> None:
    prof = profile([
        {"id": "network", "label": "Harbour TV", "aliases": ["Harbour TV"]},
        {"id": "union", "label": "Dockers union", "aliases": ["Dockers Union"]},
    ])
    out = attribute("A Harbour TV document suggests the union planned the strike.\n\n"
                    "The Harbour TV host went on to express dismay over the leak.\n", prof)
    assert find(out, "A Harbour TV document").stakeholder == "network"
    assert find(out, "The Harbour TV host").stakeholder == "network"


def test_a_country_alias_brings_its_other_names() -> None:
    # "United States" in the profile: "U.S. leaders" are its leaders; "have long ruled
    # out" is an act ("long" sits inside the verb group), not a copula
    prof = profile([
        {"id": "us", "label": "United States", "aliases": ["United States"]},
        {"id": "north", "label": "North Korea", "aliases": ["North Korea"]},
    ])
    out = attribute("U.S. leaders have long ruled out military action against North Korea.\n",
                    prof)
    ap = find(out, "U.S. leaders")
    assert ap.stakeholder == "us"
    assert "United States" in ap.evidence


def test_a_sentence_reporting_a_sides_possessed_move_is_that_sides() -> None:
    out = attribute("The vote followed Tomas Lindqvist's repeated threats to sue the mine.\n\n"
                    "Rain fell on Maria Okafor's garden and the valley.\n")
    ap = find(out, "The vote followed")
    assert ap.stakeholder == "council"
    assert ap.evidence == "reports Tomas Lindqvist's threats → council"
    # a possessed thing that is no move ("garden") reports nothing of the side
    assert find(out, "Rain fell").stakeholder is None


def test_a_headline_naming_its_speaker_before_a_colon() -> None:
    text = "Tomas Lindqvist on Mine Permit: 'Unlawful'\n\nThe hearing opened on Monday.\n"
    out = list(attribute_passages(segment(Source("t.txt", text, "0")), profile(), text))
    ap = find(out, "Tomas Lindqvist on")
    assert ap.stakeholder == "council"
    assert ap.evidence == ("headline names its speaker before a colon: Tomas Lindqvist "
                           "→ council")
    # a section label before a colon names nobody
    text = "Update: Mine Permit Hearing\n\nThe hearing opened on Monday.\n"
    out = list(attribute_passages(segment(Source("t.txt", text, "0")), profile(), text))
    assert find(out, "Update:").stakeholder is None


def test_more_speech_tags_roles_and_papers_of_a_side() -> None:
    out = attribute("The permit was void from the start, Tomas Lindqvist testified.\n\n"
                    "River Valley Council investigators found dead fish below the pit.\n\n"
                    "Northwind Mining's testimony shows the pit is safe.\n")
    ap = find(out, "The permit was void")
    assert (ap.stakeholder, ap.evidence.split(":")[0]) == ("council", "reported speech")
    assert find(out, "River Valley Council investigators").stakeholder == "council"
    ap = find(out, "Northwind Mining's testimony")
    assert ap.stakeholder == "company" and "document of" in ap.evidence


def test_a_role_at_a_body_speaks_for_it_unless_it_is_a_former_role() -> None:
    out = attribute('"The permit is void," said an official at River Valley Council.\n\n'
                    '"The mine will last," said Ana Ruiz, a former executive at Northwind '
                    'Mining.\n\n"It will close," said a former Northwind Mining executive.\n')
    assert find(out, '"The permit').stakeholder == "council"
    ap = find(out, '"The mine will')
    assert ap.stakeholder is None and ap.evidence.startswith("speaker 'Ana Ruiz")
    assert find(out, '"It will close').stakeholder is None


def test_an_act_at_a_sides_urging_is_the_urging_sides_move() -> None:
    out = attribute("At River Valley Council's urging, Northwind Mining closed the pit.\n\n"
                    "At the request of Maria Okafor, the Environment Ministry delayed its "
                    "report.\n")
    ap = find(out, "At River Valley")
    assert ap.stakeholder == "council"
    assert ap.evidence == "acting at the urging of River Valley Council → council"
    assert find(out, "At the request").stakeholder == "company"


def test_a_list_header_with_a_restrictive_relative_speaks_for_its_side() -> None:
    out = attribute("River Valley Council members who have called for the mine to close.\n\n"
                    "Sen. Ana RuizRep.\nTomas Berg\n")
    ap = find(out, "River Valley Council members")
    assert ap.stakeholder == "council" and ap.evidence.startswith("reported speech:")
    assert find(out, "Sen. Ana Ruiz").stakeholder == "council"
    assert find(out, "Tomas Berg").evidence.startswith("list item under")



def test_opening_phrases_before_the_subject() -> None:
    out = attribute(
        "Before a crowd of close to 15,000 people gathered outside the mine, Maria Okafor "
        "attacked the council.\n\n"
        "Looking out at the crowd, Maria Okafor defended the permit.\n\n"
        "Insisting it was lawful, Maria Okafor signed the permit.\n\n"
        "Maria Okafor spoke for an hour. As she neared the end, she snuck in a jab at the "
        "council.\n"
    )
    for start in ("Before a crowd", "Looking out", "Insisting it", "As she neared"):
        assert find(out, start).stakeholder == "company", start


@pytest.mark.parametrize(
    ("body", "start", "side", "evidence"),
    [
        # a trailing speech tag may end on a bare weekday
        ("The mine could be closed by spring, council leader Tomas Lindqvist said Wednesday.",
         "The mine could", "council", "reported speech:"),
        # commentators in a trailing tag are speakers outside the profile; "continue to"
        # only leads into "expand"
        ("Northwind Mining is likely to continue to expand the pit, experts say.",
         "Northwind Mining is", None, "speaker 'experts' not in profile"),
        # "according to" reads its source up to the first comma; a paper released by a side
        ("According to the documents released by River Valley Council, on March 12 Maria "
         "Okafor signed the permit.", "According to", "council",
         "according to the documents released by River Valley Council"),
        # a quantifier before a possessed role: the possessor's people
        ('"We will win the vote," said Maria Okafor. Many of her closest advisers want to '
         "close the council.", "Many of her", "company", "reported speech: Many of her"),
        # a bare verb after the comma that closes an aside after a plural subject
        ("But critics, including Maria Okafor, argue the permit is void.", "But critics",
         "company", "reported speech:"),
        # a role in a side's body; a stative verb is no act of "they"
        ("Top staffers in the River Valley Council were drafting a reply.", "Top staffers",
         "council", "acting subject River Valley Council"),
        # a copula, then speech in a second verb
        ("Tomas Lindqvist, a council veteran, was on hand and spoke to reporters.",
         "Tomas Lindqvist", "council", "reported speech: Tomas Lindqvist spoke"),
        # "many of whom ..." is an aside inside the subject
        ("But Northwind Mining engineers, many of whom live in the valley, have refused to "
         "sign.", "But Northwind", "company", "acting subject Northwind Mining"),
    ],
)
def test_one_sentence_readings(body: str, start: str, side: str | None, evidence: str) -> None:
    ap = find(attribute(body + "\n"), start)
    assert (ap.stakeholder, ap.evidence[: len(evidence)]) == (side, evidence)


def test_a_campaigns_ad_speaks_for_it_and_an_outlet_is_the_newspaper() -> None:
    out = attribute(
        "Maria Okafor released a second campaign ad Thursday that attacked the council.\n"
        "The first ad, launched Wednesday, argued the council could not be trusted.\n"
        "The second spot went a step further. In fact, they belong to the council.\n"
    )
    assert find(out, "The first ad").stakeholder == "company"
    assert find(out, "The second spot").stakeholder == "company"
    # "they belong to": a stative verb, no act to carry
    assert find(out, "In fact").stakeholder is None
    prof = profile([
        {"id": "paper", "label": "Harbour Gazette", "aliases": ["Harbour Gazette"]},
        {"id": "union", "label": "Dockers union", "aliases": ["Dockers Union"]},
    ])
    out = attribute("The Harbour Gazette endorsed the strike on Friday. The newspaper took note "
                    "of the union's demands. The Harbour Gazette editorial made little mention "
                    "of the port.\n", prof)
    assert find(out, "The newspaper").stakeholder == "paper"
    quoted = attribute('"The strike is just," the Harbour Gazette wrote. "It must go on," '
                       "the daily wrote.\n", prof)
    assert find(quoted, '"It must go on').stakeholder == "paper"  # "daily": no adverb here
    assert find(out, "The Harbour Gazette editorial").stakeholder == "paper"


def test_she_is_this_paragraphs_subject_once_named_after_the_last_speaker() -> None:
    out = attribute('"The permit is void," said Tomas Lindqvist.\n\n'
                    "Maria Okafor has little support in the valley. She recently pitched the "
                    "mine to farmers.\n")
    # "she" is not Lindqvist, who spoke a paragraph before: it is the subject just named
    ap = find(out, "She recently")
    assert ap.stakeholder == "company"


def test_an_abbreviated_title_before_a_name_teaches_the_full_title() -> None:
    prof = profile([
        {"id": "state", "label": "Valley state", "aliases": ["Ana Ruiz"]},
        {"id": "union", "label": "Dockers union", "aliases": ["Dockers Union"]},
    ])
    # the harbour master speaks in between, so "the governor" cannot be the person named
    # last: only the title learnt from "Gov. Ana Ruiz" reaches her
    out = attribute("Valley Gov. Ana Ruiz called the strike a disgrace on Monday.\n\n"
                    "The port was calm, harbour master Tom Berg said.\n\n"
                    "The governor added that the port would reopen.\n", prof)
    ap = find(out, "The governor")
    assert ap.stakeholder == "state" and "The governor" in ap.evidence


def test_a_pronoun_in_a_relative_clause_after_a_quote_is_the_main_subject() -> None:
    # '"phony polls" that he claimed': "he" is the sentence's own subject, not the last
    # speaker of the paragraph before
    out = attribute(
        '"We will appeal," said Tomas Lindqvist.\n\n'
        'Maria Okafor, on a tour of the mine, hammered the "phony studies" that she claimed '
        'were behind the "smear."\n'
    )
    ap = find(out, "Maria Okafor, on a tour")
    assert ap.stakeholder == "company"
    assert "Maria Okafor" in ap.evidence


PARTIES: list[dict[str, Any]] = [
    {"id": "republicans", "label": "Committee Republicans", "aliases": ["Republicans"]},
    {"id": "democrats", "label": "Committee Democrats", "aliases": ["Democrats"]},
]


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("One Republican threatened to subpoena the agency.", "republicans"),
        ("A Democratic source said the request came late.", "democrats"),
        ("Republican lawmakers demanded the files.", "republicans"),
        # a party word before someone outside the profile names no side
        ("Republican donor Al Smith said the hearing was a waste.", None),
    ],
)
def test_a_member_of_a_party_side_speaks_for_it(sentence: str, side: str | None) -> None:
    out = attribute(sentence + "\n", profile(PARTIES))
    assert find(out, sentence[:20]).stakeholder == side


def test_a_relative_clause_after_the_speakers_name_names_no_second_speaker() -> None:
    out = attribute(
        '"The permit is theft," said Tomas Lindqvist, who once advised Northwind Mining, '
        "and has fought the Environment Ministry since 2019.\n"
    )
    ap = find(out, '"The permit is theft')
    assert ap.stakeholder == "council"
    assert ap.evidence.startswith("quote attributed to Tomas Lindqvist")


def test_an_unknown_speaker_is_not_the_side_named_in_his_description() -> None:
    # "Kall -- co-editor of a book on X --" is no speaker for X; but a list of names
    # whose first is unknown still speaks for the side of the others
    out = attribute(
        "Ivo Kall -- author of a book about Maria Okafor -- said the mine will close.\n\n"
        "Councillors Ivo Kall, Tomas Lindqvist and Ana Berg said the permit is void.\n\n"
        'Northwind Mining will close the pit, Ivo Kall said: "They have no choice."\n'
    )
    assert find(out, "Ivo Kall -- author").stakeholder is None
    assert find(out, "Councillors Ivo Kall").stakeholder == "council"
    # a trailing tag that leads into a quote names the speaker of the whole sentence
    assert find(out, "Northwind Mining will close").stakeholder is None


def test_a_pronoun_after_an_opening_subordinate_clause_is_that_clauses_subject() -> None:
    out = attribute(
        "Although Northwind Mining did not name the council, it attacked the vote.\n\n"
        "If Northwind Mining loses the appeal, it would have to close the pit.\n"
    )
    assert find(out, "Although Northwind").stakeholder == "company"
    # a condition is no act of its subject
    assert find(out, "If Northwind Mining").stakeholder is None


def test_a_side_speaking_after_but_when_the_main_clause_names_none() -> None:
    out = attribute("The video shows the gate shut, but Tomas Lindqvist said it was open.\n")
    ap = find(out, "The video shows")
    assert ap.stakeholder == "council"


def test_what_a_side_does_in_a_statement_or_interview_is_its_position() -> None:
    out = attribute(
        "In a statement issued Tuesday, Maria Okafor was more careful than the council.\n\n"
        "Tomas Lindqvist was more careful than the company.\n\n"
        "Maria Okafor became agitated when asked about the spill.\n\n"
        "Northwind Mining's decision to reopen the pit angered the residents.\n"
    )
    assert find(out, "In a statement").stakeholder == "company"
    assert find(out, "Tomas Lindqvist was").stakeholder is None  # a plain copula
    assert find(out, "Maria Okafor became").stakeholder == "company"  # a stance
    assert find(out, "Northwind Mining's decision").stakeholder == "company"  # its move


def test_the_main_clauses_side_comes_before_a_relative_speaker() -> None:
    out = attribute(
        "Tomas Lindqvist backs Northwind Mining, which says it is honored.\n\n"
        'The vote, Maria Okafor said then, was "a farce."\n\n'
        'Tomas Lindqvist hosted callers on his "  Valley Talk  " radio show who said the '
        "permit was void.\n"
    )
    assert find(out, "Tomas Lindqvist backs").stakeholder == "council"
    # a speech tag with an adverb after it, set off by commas
    assert find(out, "The vote, Maria Okafor").stakeholder == "company"
    # "radio show who said" names no speaker: the main clause's subject acts
    assert find(out, "Tomas Lindqvist hosted").stakeholder == "council"


def test_a_first_person_clause_after_a_speaker_is_no_carry_over_and_no_crash() -> None:
    # a reading with no rule but a pronoun subject ("We must ...") once raised KeyError
    out = attribute('"We will never pay," Tomas Lindqvist said.\n\nWe must dredge now.\n')
    assert find(out, "We must dredge").stakeholder is None


def test_a_bare_plural_of_a_bodys_people_speaks_for_the_body_named_last() -> None:
    out = attribute(
        "The Environment Ministry reopened the file on Monday.\n\n"
        "Officials said the review would take a month.\n"
    )
    ap = find(out, "Officials said")
    assert ap.stakeholder == "ministry"
    assert "the body named last" in ap.evidence


def test_a_bodys_officials_and_the_official_met_again_speak_for_the_body_named_last() -> None:
    out = attribute(
        "The Environment Ministry reopened the file, an official said on Monday.\n\n"
        "The official, who was not authorized to speak, said the review would take a month.\n\n"
        "Agency officials said the dam was safe.\n"
    )
    assert find(out, "The official, who").stakeholder == "ministry"
    assert find(out, "Agency officials").stakeholder == "ministry"


def test_a_quote_is_closed_later_only_by_a_speech_verb_not_a_stance() -> None:
    # the sentence after a whole quote names its speaker only when it says so: "X was
    # wary of the plan" opens a new thought; "X said." closes the quote the splitter cut
    said = attribute('Maria Okafor spoke first. "We did nothing wrong." Tomas Lindqvist said.\n')
    assert find(said, '"We did nothing').stakeholder == "council"
    wary = attribute('Maria Okafor spoke first. "We did nothing wrong." '
                     "Tomas Lindqvist was wary of the plan.\n")
    assert find(wary, '"We did nothing').stakeholder == "company"
    assert find(wary, "Tomas Lindqvist was").stakeholder == "council"


@pytest.mark.parametrize("verb", ["barked", "reported", "shot back", "yells", "begged"])
def test_a_quote_tag_may_say_how_it_was_said(verb: str) -> None:
    out = attribute(f'"Go back to the valley," Maria Okafor {verb} as the guards moved in.\n')
    assert find(out, '"Go back').stakeholder == "company"


def test_what_a_side_said_in_an_opening_clause_outweighs_a_copular_he() -> None:
    out = attribute("Tomas Lindqvist spoke at noon.\n\nWhile Lindqvist said that the permit "
                    "was unlawful, he appears uneasy about a court fight.\n")
    ap = find(out, "While Lindqvist said")
    assert ap.stakeholder == "council" and ap.evidence.startswith("reported speech")


def test_a_former_president_described_stands_for_the_person_just_named() -> None:
    # "But the former Mexican president didn't stop there." is the person named before,
    # and the quote his "he continued" tags is his too
    out = attribute("Former Valley president Tomas Lindqvist called the mine a disgrace.\n\n"
                    "But the former Valley president didn't stop there.\n\n"
                    '"The first loser would be the river," he continued.\n')
    assert find(out, "But the former").stakeholder == "council"
    assert find(out, '"The first loser').stakeholder == "council"


def test_a_side_that_has_not_yet_responded_is_acting() -> None:
    out = attribute("Tomas Lindqvist called the mine a disgrace.\n\n"
                    "Maria Okafor has not yet responded to the remarks.\n")
    assert find(out, "Maria Okafor has not yet").stakeholder == "company"


def test_a_clause_after_said_is_what_was_said_not_who_said_it() -> None:
    # "X, a supporter, said Valley strategists plan to ...": the speaker is X
    out = attribute("Maria Okafor, a mine supporter, said River Valley Council planners "
                    "plan to block the permit.\n")
    ap = find(out, "Maria Okafor, a mine")
    assert ap.stakeholder == "company" and "Maria Okafor said" in ap.evidence


def test_a_speech_tag_mid_sentence_may_carry_a_time_phrase() -> None:
    out = attribute("Tomas Lindqvist spoke first.\n\nThe permit is void, he said after "
                    "meeting Thursday with the council, because the river is protected.\n")
    assert find(out, "The permit is void").stakeholder == "council"


def test_a_statement_printed_as_a_block_after_a_lead_in_is_the_speakers() -> None:
    # nested and unclosed quote marks: each paragraph opens with one and none closes
    out = attribute("Maria Okafor stated:\n\n"
                    '"The council isn\'t about "fair rules" anymore. It is about politics.\n\n'
                    '"The permit stands. Period.\n\n'
                    "The vote is on Friday.\n")
    for start in ('"The council', "It is about", '"The permit', "Period."):
        ap = find(out, start)
        assert ap.stakeholder == "company", start
    assert find(out, "It is about").evidence.startswith("block quote after the lead-in")
    # the block ends at the first paragraph that opens without a quote mark
    assert find(out, "The vote is").stakeholder is None


def test_urged_tags_a_quote_and_while_saying_reports_speech() -> None:
    out = attribute('"Compare him to the mine," Tomas Lindqvist urged.\n\n'
                    "Maria Okafor had a comparable view of the vote, while saying that the "
                    "permit was sound.\n")
    assert find(out, '"Compare him').stakeholder == "council"
    assert find(out, "Maria Okafor had").stakeholder == "company"


def test_an_endorsement_of_a_side_is_its_move() -> None:
    out = attribute("Tomas Lindqvist's impending endorsement seemed like a fait accompli.\n")
    ap = find(out, "Tomas Lindqvist's")
    assert ap.stakeholder == "council" and ap.evidence.endswith("'s endorsement → council")


def test_a_sides_name_in_quote_marks_alone_is_still_named() -> None:
    # 'The fund "Northwind Mining" sued ...': a name, not a quotation, and the evidence
    # shows it
    out = attribute('The fund "Northwind Mining" sued the valley on Monday.\n')
    ap = find(out, "The fund")
    assert ap.stakeholder == "company" and "Northwind Mining sued" in ap.evidence


def test_he_after_a_person_outside_the_profile_is_no_sides() -> None:
    # "George Wallace was the symbol ... In a 1963 speech, he declared:" is Wallace's
    out = attribute("Tomas Lindqvist pledged to fight the mine. "
                    "George Wallace was the symbol of the old valley.\n\n"
                    "In a speech that spring, he declared that the river was his.\n")
    assert find(out, "Tomas Lindqvist pledged").stakeholder == "council"
    assert find(out, "In a speech that spring").stakeholder is None
    # with no outsider in between, "he" is still the speaker in force
    kept = attribute("Tomas Lindqvist pledged to fight the mine.\n\n"
                     "In a speech, he declared that the river was his.\n")
    assert find(kept, "In a speech").stakeholder == "council"


def test_a_named_persons_wife_or_relatives_speak_for_that_persons_side() -> None:
    out = attribute("Tomas Lindqvist's relatives, including his wife, watched the hearing, "
                    "according to their lawyers.\n")
    assert find(out, "Tomas Lindqvist's relatives").stakeholder == "council"


def test_review_a_clause_after_a_quote_names_no_speaker() -> None:
    # '"..." as X pressed ahead', '"...," and X urged': a new clause, not a tag
    out = attribute('Maria Okafor called the plan "a disaster for the valley" as Tomas '
                    "Lindqvist pressed ahead with his own plan.\n\n"
                    'Maria Okafor called it "a terrible deal," and Tomas Lindqvist urged '
                    "the council to reject it.\n")
    assert find(out, "Maria Okafor called the plan").stakeholder == "company"
    assert find(out, "Maria Okafor called it").stakeholder == "company"


def test_review_a_relative_clause_with_said_is_no_mid_sentence_tag() -> None:
    out = attribute("The permits, which Tomas Lindqvist said at a hearing were unlawful, "
                    "were renewed.\n")
    assert find(out, "The permits").stakeholder is None


def test_review_a_block_quote_keeps_an_outsiders_own_tag() -> None:
    out = attribute("Maria Okafor told the crowd on Monday:\n\n"
                    '"We are going to win."\n\n'
                    '"She is wrong," said John Smith, a retired teacher.\n')
    assert find(out, '"We are going').stakeholder == "company"
    assert find(out, '"She is wrong').stakeholder is None


def test_review_an_outsider_of_the_other_gender_leaves_the_speaker_in_force() -> None:
    out = attribute("Maria Okafor spoke to workers on Monday. John Smith was in the crowd "
                    "with his wife. She declared that the mine needs a new permit.\n")
    assert find(out, "She declared").stakeholder == "company"


def test_review_a_dove_is_a_noun() -> None:
    out = attribute("The only dove in the race, Maria Okafor, said she would negotiate.\n")
    assert find(out, "The only dove").stakeholder == "company"


@pytest.mark.parametrize("sentence", [
    "Maria Okafor listed five ways to cut $1 trillion from the budget.",
    "Maria Okafor holds that a $15 minimum wage is fair to miners.",
    "Maria Okafor holds firm against any new investments in solar power.",
])
def test_review_a_position_with_money_in_it_is_no_holding(sentence: str) -> None:
    assert find(attribute(sentence + "\n"), "Maria Okafor").stakeholder == "company"


def test_review_a_home_address_is_no_move() -> None:
    out = attribute("Hackers published Maria Okafor's home address on Monday.\n")
    assert find(out, "Hackers published").stakeholder is None


def test_the_narrator_of_a_sides_ad_speaks_for_that_side() -> None:
    out = attribute("Maria Okafor released a new ad on Thursday that attacks the council.\n\n"
                    '"The river deserves better," the narrator in the 30-second spot says.\n\n'
                    '"Vote for jobs," a narrator in the Northwind ad concluded.\n')
    for start in ('"The river', '"Vote for'):
        ap = find(out, start)
        assert ap.stakeholder == "company" and "narrator" in ap.evidence, start


def test_a_speech_tags_she_reaches_back_to_the_woman_the_article_called_she() -> None:
    # a paragraph about something else (no side in it) broke the carry-over; the tag's
    # "she" is still the one person of a side the article has called "she"
    text = ('Maria Okafor reached the gate at noon. "Open it," she said.\n\n'
            "The gate stayed shut for an hour, and the crowd grew.\n\n"
            '"We will wait," she said.\n')
    assert find(attribute(text), '"We will wait,"').stakeholder == "company"
    # a woman outside the profile acting in between may be that "she"
    between = text.replace("the crowd grew.", "the crowd grew. Ana Ruiz, a nurse, "
                           "handed out water to her neighbours.")
    assert find(attribute(between), '"We will wait,"').stakeholder is None





def test_a_side_whose_label_takes_a_stance_is_the_group_that_stance_names() -> None:
    sides = [{**STAKEHOLDERS[0], "label": "Northwind Mining, backing the permit"},
             {**STAKEHOLDERS[1], "label": "River Valley Council, opposing the permit"}]
    out = attribute("Opponents argued that the permit was unlawful.\n\n"
                    "Many supporters said it brings jobs.\n", profile(sides))
    assert find(out, "Opponents argued").stakeholder == "council"
    assert find(out, "Many supporters said").stakeholder == "company"
    # the stance may stand in the side's description instead
    described = [STAKEHOLDERS[0], {**STAKEHOLDERS[1], "description": "Opposing the permit"}]
    assert find(attribute("Opponents argued that the permit was unlawful.\n",
                          profile(described)), "Opponents argued").stakeholder == "council"
    # two sides taking the same stance leave its group to nobody
    both = [sides[0], {**sides[1], "label": "River Valley Council, backing the permit"}]
    assert find(attribute("Many supporters said it brings jobs.\n", profile(both)),
                "Many supporters").stakeholder is None


def test_a_title_before_a_one_word_alias_is_that_persons_description() -> None:
    sides = [STAKEHOLDERS[0], {**STAKEHOLDERS[1], "aliases": ["Lindqvist"]}]
    text = ("Maria Okafor met Mayor Lindqvist at the mine.\n\n"
            "On Monday, the mayor said the permit was void.\n")
    ap = find(attribute(text, profile(sides)), "On Monday")
    assert (ap.stakeholder, ap.evidence) == (
        "council", "reported speech: the mayor (head noun of Lindqvist) said → council")


def test_a_persons_spokesman_is_hers_when_met_again_in_a_later_paragraph() -> None:
    text = ("Maria Okafor's spokesman said the pit is safe.\n\n"
            "Rain fell on the valley all week.\n\n"
            '"We stand by every word," the spokesman said.\n')
    ap = find(attribute(text), '"We stand by')
    assert (ap.stakeholder, ap.evidence) == (
        "company", "quote attributed to the spokesman (head noun of Maria Okafor) → company")


def test_a_labels_head_noun_ends_before_a_participle_phrase() -> None:
    # "..., former harbour board chairman calling for a vote": the head is "chairman", not
    # "calling"
    label = "Tomas Lindqvist, former harbour board chairman calling for a vote"
    sides = [STAKEHOLDERS[0], {**STAKEHOLDERS[1], "label": label}]
    text = "A former harbour board chairman says the permit must go to a vote.\n"
    assert find(attribute(text, profile(sides)), "A former harbour").stakeholder == "council"


def test_a_label_opening_with_a_plural_names_that_group_even_with_its_capital() -> None:
    # "States" opens one label, "the states" stands in the other: the group is both
    # sides', so the alias inside the phrase decides
    sides = [{**STAKEHOLDERS[0], "label": "Northwind Mining, the states and towns backing it"},
             {**STAKEHOLDERS[1], "label": "States led by the council"}]
    text = "Ten states led by Tomas Lindqvist are challenging the permit.\n"
    assert find(attribute(text, profile(sides)), "Ten states").stakeholder == "council"


@pytest.mark.parametrize(("body", "prefix", "side", "evidence", "nobodys"), [
    # a stance told with a linking verb is the side's position; a plain fact is not
    ("Tomas Lindqvist remained defiant on Monday.\n\nMaria Okafor is 70.\n",
     "Tomas Lindqvist remained", "council",
     "reported speech: Tomas Lindqvist remained defiant on → council",
     "Maria Okafor is 70"),
    ("Tomas Lindqvist spoke.\n\nHe is still adamant that the permit is void.\n", "He is still",
     "council", "carry-over from s2 (He) → council", ""),
    # a person's supporters speak for her side
    ("Maria Okafor spoke at noon.\n\nHer supporters said the mine is safe.\n",
     "Her supporters", "company",
     "reported speech: Her supporters (of Maria Okafor, from s2) said → company", ""),
    # a relative clause inside an apposition describes the named speaker; a side it names
    # in passing is not a second speaker
    ("Lindqvist, the ranking member of the Valley Committee who received one of Northwind "
     "Mining's letters, said it was rude.\n", "Lindqvist, the ranking", "council",
     "reported speech: Lindqvist (name of Tomas Lindqvist) said → council", ""),
    # adjectives may stand before a side's stance noun
    ("The council asked for the permit.\n\nMaria Okafor's blunt answer was no.\n",
     "Maria Okafor's blunt", "company",
     "reported speech: Maria Okafor's blunt answer (position of Maria Okafor) was → company", ""),
    # a lede's person description, before anyone is named, is the person named next
    ("The mining founder said the pit is safe.\n\nMaria Okafor built the mine in 1990.\n",
     "The mining founder said", "company",
     "reported speech: The mining founder (the person named last: Maria Okafor) said → company",
     ""),
    # a passive, then a verb of saying: the subject's speech
    ("Maria Okafor was asked about the spill and said the pit is safe.\n",
     "Maria Okafor was asked", "company", "reported speech: Maria Okafor said → company", ""),
    # a side's reply after a colon; a plan before a colon says nothing of who speaks
    ('The council asked for the permit.\n\nOkafor\'s succinct reply: "Never."\n\n'
     "Northwind's plan: a second pit.\n", "Okafor's succinct reply", "company",
     "a reply before a colon, of Okafor (name of Maria Okafor) → company", "Northwind's plan"),
    # "the lawsuit" is the side reported filing one; a paper nobody put out is nobody's
    ("Tomas Lindqvist, the council's chair, has filed a lawsuit against the mine.\n\n"
     "The lawsuit contends that the permit was unlawful.\n\nThe letter says the river is "
     "clean.\n", "The lawsuit contends", "council",
     "reported speech: The lawsuit (a paper of: Tomas Lindqvist) contends → council",
     "The letter says"),
])
def test_one_sentence_rules(body: str, prefix: str, side: str, evidence: str,
                            nobodys: str) -> None:
    out = attribute(body)
    ap = find(out, prefix)
    assert (ap.stakeholder, ap.evidence) == (side, evidence)
    assert not nobodys or find(out, nobodys).stakeholder is None


@pytest.mark.parametrize(("headline", "side", "evidence"), [
    # a kicker in capitals before the colon is no speaker (a side met by a description,
    # not a name, was read as less sure than the kicker)
    ("EXCLUSIVE: In a memo, the ministry insists the permit is void", "ministry",
     "reported speech: the ministry (head noun of Environment Ministry) insists → ministry"),
    # "Obama to veto bill": a headline's future, with no finite verb
    ("Tomas Lindqvist to sue Northwind over the permit", "council",
     "acting subject Tomas Lindqvist to sue → council"),
])
def test_headline_rules(headline: str, side: str, evidence: str) -> None:
    text = f"{headline}\n\nRain fell.\n"
    out = attribute_passages(segment(Source("t.txt", text, "0")), profile(), text)
    assert (out[0].passage.kind, out[0].stakeholder, out[0].evidence) == (
        "heading", side, evidence)
