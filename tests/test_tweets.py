"""Embedded posts: a side's tweet is its statement; a bystander's stays furniture."""

from __future__ import annotations

from summarize.attribute import attribute_passages
from summarize.profile import parse_profile
from summarize.records import AttributedPassage, Profile, Source
from summarize.segment import segment
from summarize.transcript import sides_by_form
from summarize.tweets import Post, author_side, embedded_posts


def _profile() -> Profile:
    return parse_profile({"name": "t", "stakeholders": [
        {"id": "mayor", "label": "Mayor Ana Ruiz", "aliases": ["Ana Ruiz"]},
        {"id": "union", "label": "Harbour Pilots Guild", "aliases": ["Pilots Guild"]},
    ]}, "t.yaml")


def _attributed(text: str) -> list[AttributedPassage]:
    return list(attribute_passages(segment(Source("t.txt", text, "0")), _profile(), text))


def _at(out: list[AttributedPassage], start: str) -> AttributedPassage:
    return next(ap for ap in out if ap.passage.text.startswith(start))


def test_a_sides_tweet_in_markup_is_its_statement_sentence_by_sentence() -> None:
    text = ("Port dispute.\n\nThe guild walked out on Monday.\n\n"
            '<tweet id="1" author="@MayorAnaRuiz" datetime="2016-06-29">The strike is '
            "unlawful. We will not pay! SIGN UP FOR OUR NEWSLETTER — Ana Ruiz "
            "(@MayorAnaRuiz) June 29, 2016</tweet>.\n")
    out = _attributed(text)
    first, second = _at(out, "<tweet"), _at(out, "We will not pay")
    assert (first.passage.kind, first.stakeholder) == ("body", "mayor")
    assert first.evidence == "post by @MayorAnaRuiz (Ana Ruiz) → mayor"
    assert (second.passage.kind, second.stakeholder) == ("body", "mayor")
    # the scraped sign-up line and the credit stay furniture
    tail = _at(out, "SIGN UP")
    assert (tail.passage.kind, tail.stakeholder) == ("boilerplate", None)


def test_a_bystanders_tweet_and_a_bare_link_stay_furniture() -> None:
    text = ("Port dispute.\n\nThe guild walked out on Monday.\n\n"
            '<tweet author="@harbourwatcher">Boats are stuck in the bay.</tweet>.\n\n'
            '<tweet author="@MayorAnaRuiz">https://t.co/abc — Ana Ruiz (@MayorAnaRuiz) '
            "June 29, 2016</tweet>.\n")
    out = _attributed(text)
    assert _at(out, '<tweet author="@harbourwatcher"').passage.kind == "boilerplate"
    link = _at(out, '<tweet author="@MayorAnaRuiz"')
    assert (link.passage.kind, link.stakeholder) == ("boilerplate", None)


def test_a_plain_text_embed_is_found_by_its_credit_line() -> None:
    text = ("Intro.\n\nWe stand with the pilots. pic.twitter.com/x1 — Pilots Guild "
            "(@pilotsguild) July 5, 2016\n")
    posts = embedded_posts(text)
    assert [(text[p.start : p.start + 7], p.handle, p.name) for p in posts] == [
        ("We stan", "pilotsguild", "Pilots Guild")]


def test_the_author_is_found_by_credited_name_then_inside_the_handle() -> None:
    forms = sides_by_form(_profile())
    # "Ana J. Ruiz" without the middle initial is a form of the mayor
    assert author_side(Post(0, 1, "xyz", "Ana J. Ruiz"), forms) == ("mayor", "Ana J. Ruiz")
    # no credited name: the surname "ruiz" lies inside the handle "MayorRuiz"
    assert author_side(Post(0, 1, "MayorRuiz", ""), forms) == ("mayor", "ruiz")
    assert author_side(Post(0, 1, "portwatch", ""), forms) is None


def test_review_a_critics_handle_with_a_sides_name_inside_is_no_sides() -> None:
    forms = sides_by_form(_profile())
    assert author_side(Post(0, 1, "StopRuizNow", ""), forms) is None


def test_review_a_hyphen_in_the_post_does_not_break_its_credit() -> None:
    text = ("Port dispute.\n\nThe guild walked out on Monday.\n\n"
            '<tweet author="@ar2016">A long-shot no more, we will win this. — Ana Ruiz '
            "(@ar2016) June 29, 2016</tweet>.\n")
    out = _attributed(text)
    assert _at(out, "<tweet").stakeholder == "mayor"


def test_review_a_plain_text_embed_by_a_side_is_its_statement() -> None:
    text = ("Port dispute.\n\nThe guild walked out on Monday.\n\n"
            "We stand with the pilots. pic.twitter.com/x1 — Pilots Guild (@pilotsguild) "
            "July 5, 2016\n")
    out = _attributed(text)
    ap = _at(out, "We stand")
    assert (ap.passage.kind, ap.stakeholder) == ("body", "union")


def test_review_an_unclosed_tag_runs_to_the_end_of_its_paragraph() -> None:
    text = 'Intro.\n\n<tweet author="@x">Boats are stuck.\n\nThe guild voted.\n'
    (post,) = embedded_posts(text)
    assert text[post.start : post.end] == '<tweet author="@x">Boats are stuck.'
