"""Transcript turns, on an invented interview (no words of any corpus article)."""

from __future__ import annotations

from summarize.attribute import CONTENT_KINDS, attribute_passages
from summarize.profile import parse_profile
from summarize.read import normalise
from summarize.records import Source
from summarize.segment import segment
from summarize.transcript import speaker_turns

PROFILE = parse_profile(
    {"name": "t", "stakeholders": [
        {"id": "port", "label": "Port Authority", "aliases": ["Mirela Kostov"]},
        {"id": "pilots", "label": "Pilots Guild", "aliases": ["Oskar Brandt"]},
    ]},
    "t.yaml",
)
INTERVIEW = (
    "Kostov defends the toll\n\n"
    "Kostov spoke to the Harbour Hour on Sunday. Partial transcript:\n\n"
    '"HOST: Let me start with the toll. Oskar Brandt calls it theft.\n\n'
    '"KOSTOV: Well, look, Oskar Brandt wants free berths forever. That is not a plan.\n\n'
    '"The harbour needs dredging, and dredging costs money.\n\n'
    '"(CROSSTALK.)\n\n'
    '"HOST: Will you meet him?\n\n'
    '"KOSTOV: Next week.\n\n'
    "The pilots did not respond to a request for comment.\n"
)


def _attributed(text: str) -> list[tuple[str, str | None, str]]:
    source = Source("t.txt", text, "0")
    out = attribute_passages(segment(source), PROFILE, text)
    return [(ap.passage.text, ap.stakeholder, ap.evidence) for ap in out]


def test_every_sentence_of_a_turn_is_its_speakers_until_the_next_name() -> None:
    got = {text: side for text, side, _ in _attributed(INTERVIEW)}
    # the host is no side, whatever his question says about whom
    assert got['"HOST: Let me start with the toll.'] is None
    assert got["Oskar Brandt calls it theft."] is None
    # "KOSTOV" is the surname of a side's alias; the turn runs over her next paragraph,
    # which opens on a quote mark as every turn does
    assert got['"KOSTOV: Well, look, Oskar Brandt wants free berths forever.'] == "port"
    assert got["That is not a plan."] == "port"
    assert got['"The harbour needs dredging, and dredging costs money.'] == "port"
    assert got['"KOSTOV: Next week.'] == "port"
    # reporting after the transcript, without the quote mark, is no turn
    assert got["The pilots did not respond to a request for comment."] != "port"


def test_a_stage_direction_is_boilerplate_and_evidence_names_the_turn() -> None:
    kinds = {p.text: p.kind for p in segment(Source("t.txt", INTERVIEW, "0"))}
    assert kinds['"(CROSSTALK.)'] == "boilerplate"
    evidence = {text: ev for text, _, ev in _attributed(INTERVIEW)}
    assert evidence['"KOSTOV: Next week.'] == "transcript turn of KOSTOV → port"
    assert evidence['"HOST: Will you meet him?'] == "transcript turn of HOST, not in profile"


def test_fewer_than_three_named_paragraphs_are_no_transcript() -> None:
    # one "UPDATE:" line and one quoted name are not an interview
    text = ("Toll vote\n\nUPDATE: The vote moved to Friday.\n\n"
            "KOSTOV: the vote is fair, her office wrote.\n\nThe pilots walked out.\n")
    source = Source("t.txt", text, "0")
    assert speaker_turns(segment(source), normalise(text), CONTENT_KINDS) == {}
