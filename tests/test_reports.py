"""Whose act a sentence reports, on invented text (no words of any corpus article)."""

from __future__ import annotations

from summarize.aliases import alias_index
from summarize.profile import parse_profile
from summarize.reports import (
    criticised,
    critics_of,
    evidence_subject,
    reported_subject,
    stance_source,
)


def test_reported_subject_only_for_news_outlets_and_unnamed_sources() -> None:
    text = "Harbour News reported that ZPA had seized the boats."
    span = reported_subject(text, 0, len(text), "Harbour News")
    assert span is not None and text[span[0] : span[1]] == "ZPA"
    assert reported_subject(text, 0, len(text), "Oskar Brandt") is None
    said = "Sources said on Friday that Director Ilse Varga had signed the order."
    span = reported_subject(said, 0, len(said), "Sources")
    assert span is not None and said[span[0] : span[1]] == "Director Ilse Varga"
    familiar = "People familiar with the talks said that ZPA would sign."
    span = reported_subject(familiar, 0, len(familiar), "People familiar with the talks")
    assert span is not None and familiar[span[0] : span[1]] == "ZPA"
    spokes = "Spokeswoman Ana Ruiz said ZPA declined to comment."
    span = reported_subject(spokes, 0, len(spokes), "Spokeswoman Ana Ruiz")
    assert span is not None and spokes[span[0] : span[1]] == "ZPA"
    # a named person's "said that" is that person's own claim, not a report of another's
    assert reported_subject(said, 0, len(said), "Oskar Brandt") is None


def test_stance_source_in_a_headline() -> None:
    text = "Toll Plan Meets Fierce Criticism From Pilots Guild"
    span = stance_source(text, 0, len(text))
    assert span is not None and text[span[0] : span[1]] == "Pilots Guild"
    assert stance_source("Toll plan comes from the port", 0, 29) is None


def test_a_side_labelled_as_critics_of_another_is_found_by_that_sides_name() -> None:
    sides = [
        {"id": "port", "label": "Harbour authority", "aliases": ["Ilse Varga"]},
        {"id": "port-critics", "label": "Varga's critics among pilots",
         "aliases": ["Oskar Brandt"]},
        {"id": "pilots", "label": "Pilots guild", "aliases": ["Pilots Guild"]},
    ]
    profile = parse_profile({"name": "t", "stakeholders": sides}, "t.yaml")
    assert critics_of(profile, alias_index(profile)) == {"port": "port-critics"}
    # critics of nobody the profile names are nobody's critics
    vague = [{**sides[1], "label": "Critics of the toll"}, sides[0]]
    profile = parse_profile({"name": "t", "stakeholders": vague}, "t.yaml")
    assert critics_of(profile, alias_index(profile)) == {}


def test_criticised_passive_verb_groups() -> None:
    assert criticised("has been called")
    assert criticised("'s been investigated")
    assert not criticised("was called to testify.")
    assert not criticised("was elected")


def test_papers_that_are_nobodys_voice_show_whom_they_show_acting() -> None:
    text = "The emails show that Ana Ruiz's aides were focused on the port."
    span = evidence_subject(text, 0, len(text), "The emails")
    assert span is not None and text[span[0] : span[1]] == "Ana Ruiz's aides"
    records = "Records show ZPA paid the mayor $2 million."
    span = evidence_subject(records, 0, len(records), "Records")
    assert span is not None and records[span[0] : span[1]] == "ZPA"
    # a side's own report is its voice, not evidence of another's act
    assert evidence_subject(text, 0, len(text), "Ana Ruiz") is None
