"""Headline passes: the lede's speaker for a role-noun headline, the quoted sentence's
side for a pull-quote subhead."""

from __future__ import annotations

from summarize.headlines import headlinese, lede_speaks_for_headlines, list_items, pull_quotes
from summarize.records import AttributedPassage, Passage


def _ap(pid: str, start: int, text: str, paragraph: int, kind: str, side: str | None,
        confidence: float = 0.9, evidence: str = "e") -> AttributedPassage:
    passage = Passage(pid, start, start + len(text), text, paragraph, kind)  # type: ignore[arg-type]
    return AttributedPassage(passage, side, confidence, evidence)


def test_headlinese_needs_a_capitalised_role_noun() -> None:
    assert headlinese("Official")
    assert not headlinese("official")
    assert not headlinese("Maria Okafor")


def test_role_noun_headline_takes_the_ledes_first_confident_side() -> None:
    head = _ap("s1", 0, "Official says permit unlawful", 0, "heading", None,
               evidence="speaker 'Official' not in profile")
    weak = _ap("s2", 31, "Rain fell.", 1, "body", "company", confidence=0.35)
    strong = _ap("s3", 42, "The council sued.", 1, "body", "council")
    out = lede_speaks_for_headlines([head, weak, strong], {"s1": "Official"})
    assert out[0].stakeholder == "council"
    assert out[0].evidence == "headline speaker 'Official' read as the lede's (s3) → council"


def test_pull_quote_subhead_takes_the_side_of_the_sentence_it_quotes() -> None:
    body = "Okafor said the permit is simply unlawful today."
    sub = '"The permit is simply unlawful"'
    plain = sub + "\n\n" + body
    out = pull_quotes([_ap("s1", 0, sub, 0, "heading", None),
                       _ap("s2", len(sub) + 2, body, 1, "body", "company")], plain)
    assert out[0].stakeholder == "company"
    assert out[0].evidence == "pull quote of s2 → company"


def test_a_short_quoted_fragment_is_not_a_pull_quote() -> None:
    sub = '"Unlawful"'  # fewer than 12 characters: too common to find its sentence by
    body = "Okafor said it was unlawful."
    plain = sub + "\n\n" + body
    out = pull_quotes([_ap("s1", 0, sub, 0, "heading", None),
                       _ap("s2", len(sub) + 2, body, 1, "body", "company")], plain)
    assert out[0].stakeholder is None


def test_names_listed_under_a_header_take_its_side() -> None:
    header = "Council members who have called for the mine to close."
    names = ["Sen. Ana RuizRep.", "Tomas Berg", "Former ZPA chief Jon Hale."]
    out = [_ap("s1", 0, header, 0, "body", "council")]
    at = len(header) + 2
    for k, name in enumerate(names):
        out.append(_ap(f"s{k + 2}", at, name, 1, "body", None, evidence="none"))
        at += len(name) + 1
    out.append(_ap("s5", at, "Rain fell on the valley all week.", 2, "body", None))
    out.append(_ap("s6", at + 40, "Maria Okafor", 3, "body", None))
    sides = [ap.stakeholder for ap in list_items(out)]
    # the three names are the header's; a sentence ends the list; a name after a
    # sentence with no side has no header to take a side from
    assert sides == ["council", "council", "council", "council", None, None]
    assert list_items(out)[1].evidence == "list item under s1 → council"


def test_one_short_line_after_a_sides_sentence_is_a_subhead_not_a_list() -> None:
    said = "Spokeswoman Ana Ruiz said the council declined to comment."
    out = [_ap("s1", 0, said, 0, "body", "council"),
           _ap("s2", len(said) + 2, "High-Speed Rail.", 1, "heading", None),
           _ap("s3", len(said) + 20, "The rail plan was shelved in May.", 2, "body", None)]
    assert [ap.stakeholder for ap in list_items(out)] == ["council", None, None]
