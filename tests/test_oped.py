"""Op-eds signed by a side, on an invented dispute (no words of any corpus article)."""

from __future__ import annotations

from summarize.attribute import attribute_passages
from summarize.profile import parse_profile
from summarize.records import AttributedPassage, Source
from summarize.segment import segment

PROFILE = parse_profile(
    {"name": "t", "stakeholders": [
        {"id": "port", "label": "Port Authority and its allies",
         "aliases": ["Port Authority", "Mirela Kostov"]},
        {"id": "pilots", "label": "Pilots Guild", "aliases": ["Pilots Guild", "Oskar Brandt"]},
    ]},
    "t.yaml",
)
OPED = (
    "The toll keeps the harbour open\n\n"
    "The Pilots Guild wants free berths forever. Oskar Brandt calls the toll theft.\n\n"
    "In 1998, the harbour silted up and closed for a year.\n\n"
    '"We will never pay," Oskar Brandt told the council.\n\n'
    "We must dredge now, and dredging costs money.\n\n"
    "Mirela Kostov is the chair of the Port Authority.\n"
)


def _by_text(text: str) -> dict[str, AttributedPassage]:
    out = attribute_passages(segment(Source("t.txt", text, "0")), PROFILE, text)
    return {ap.passage.text: ap for ap in out}


def test_a_piece_signed_by_a_sides_person_argues_that_sides_case() -> None:
    got = _by_text(OPED)
    # the author's claims, about the other side too, are the author's side's
    assert got["The toll keeps the harbour open"].stakeholder == "port"
    assert got["The Pilots Guild wants free berths forever."].stakeholder == "port"
    assert got["We must dredge now, and dredging costs money."].stakeholder == "port"
    assert got["Oskar Brandt calls the toll theft."].evidence == "op-ed by Mirela Kostov → port"
    # history stays background; another side's quote stays that side's
    assert got["In 1998, the harbour silted up and closed for a year."].stakeholder is None
    assert got['"We will never pay," Oskar Brandt told the council.'].stakeholder == "pilots"
    # the tagline is furniture
    tagline = got["Mirela Kostov is the chair of the Port Authority."]
    assert tagline.passage.kind == "boilerplate" and tagline.stakeholder is None


def test_a_closing_line_about_someone_outside_the_profile_signs_nothing() -> None:
    text = OPED.replace("Mirela Kostov is the chair", "Ana Ruiz is the chair")
    got = _by_text(text)
    assert got["The Pilots Guild wants free berths forever."].stakeholder == "pilots"
    assert got["Ana Ruiz is the chair of the Port Authority."].passage.kind == "body"


def test_a_lone_line_that_reads_like_a_tagline_is_no_tagline() -> None:
    # found by the property test: one heading "X was the ..." is no op-ed's closing line
    text = "Mirela Kostov was the report"
    passages = segment(Source("t.txt", text, "0"))
    out = attribute_passages(passages, PROFILE, text)
    assert [ap.passage.kind for ap in out] == [p.kind for p in passages]


def test_a_column_whose_follow_line_names_a_sides_writer_carries_its_unowned_argument() -> None:
    text = ("Guild demands free berths\n\n"
            "On Monday, the Pilots Guild demanded free berths for every ship.\n\n"
            "That would empty the harbour within a year.\n\n"
            "Follow Mirela Kostov on Twitter: @mkostov.\n")
    got = _by_text(text)
    # the argument no side carries is the writer's; the other side's demand stays its own
    argued = got["That would empty the harbour within a year."]
    assert (argued.stakeholder, argued.evidence) == ("port", "column by Mirela Kostov → port")
    assert got["On Monday, the Pilots Guild demanded free berths for every ship."] \
        .stakeholder == "pilots"


def _editorial(labels: tuple[str, str]) -> dict[str, AttributedPassage]:
    profile = parse_profile(
        {"name": "t", "stakeholders": [
            {"id": "board", "label": labels[0], "aliases": ["Harbour Gazette"]},
            {"id": "pilots", "label": labels[1], "aliases": ["Pilots Guild"]},
        ]},
        "t.yaml",
    )
    text = ("The Pilots Guild demanded free berths on Monday.\n\n"
            "That would empty the harbour within a year.\n")
    out = attribute_passages(segment(Source("t.txt", text, "0")), profile, text)
    return {ap.passage.text: ap for ap in out}


def test_a_side_the_profile_names_as_the_editorial_board_carries_the_unowned_argument() -> None:
    got = _editorial(("Harbour Gazette editorial board", "Pilots Guild"))
    argued = got["That would empty the harbour within a year."]
    assert (argued.stakeholder, argued.evidence) == (
        "board", "column by Harbour Gazette editorial board → board")
    # what another side does stays its own
    assert got["The Pilots Guild demanded free berths on Monday."].stakeholder == "pilots"


def test_two_sides_named_as_writers_leave_the_voice_of_the_piece_unknown() -> None:
    got = _editorial(("Harbour Gazette editorial board", "Pilots Guild and its columnist"))
    assert got["That would empty the harbour within a year."].stakeholder is None
