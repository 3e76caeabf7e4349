from __future__ import annotations

import pytest

from summarize.read import read_source
from summarize.records import Source
from summarize.segment import segment, split_sentences

from .conftest import EXAMPLE


def test_offsets_are_exact_on_the_example() -> None:
    source = read_source(str(EXAMPLE))
    for p in segment(source):
        assert source.text[p.start : p.end] == p.text


def test_split_sentences_keeps_abbreviations_together() -> None:
    text = "He met U.S. officials on Feb. 24 in Geneva. Then he left."
    spans = split_sentences(text)
    # two sentences: "He met ... Geneva." (0..43) and "Then he left." (44..57)
    assert spans == [(0, 43), (44, 57)]


def _kinds(text: str) -> dict[str, str]:
    from summarize.records import Source

    return {p.text: p.kind for p in segment(Source("t.txt", text, "0"))}


def test_page_furniture_is_boilerplate() -> None:
    text = (
        "Bank drops accounts\n\nABSTRACT.\n\nThe bank closed the accounts.\n\nFULL TEXT.\n\n"
        "The network complained on Monday.\n\n"
        "Follow Jane Doe @janedoe on Twitter.\n\n"
        "John Roe contributed reporting from Moscow.\n\n"
        "READERS: Tell us more. Email tips to tips@example.com.\n\n"
        "GARLAND STEPS ASIDE."
    )
    kinds = _kinds(text)
    for line in (
        "ABSTRACT.",
        "FULL TEXT.",
        "Follow Jane Doe @janedoe on Twitter.",
        "John Roe contributed reporting from Moscow.",
        "READERS: Tell us more.",
        "Email tips to tips@example.com.",
    ):
        assert kinds[line] == "boilerplate", line
    # a news body line and an all-caps subhead stay what they are
    assert kinds["The network complained on Monday."] == "body"
    assert kinds["GARLAND STEPS ASIDE."] == "heading"


def test_a_byline_is_boilerplate_but_a_sentence_opening_with_by_is_not() -> None:
    kinds = _kinds(
        "Port dispute\n\nBy Jane Doe, Staff Writer\n\n"
        "By contrast, the port handled 26 ships in the 18 years before.\n\n"
        "By then, the union had walked out."
    )
    assert kinds["By Jane Doe, Staff Writer"] == "boilerplate"
    assert kinds["By contrast, the port handled 26 ships in the 18 years before."] == "body"
    assert kinds["By then, the union had walked out."] == "body"
    # a byline with its dateline after a separator
    dated = _kinds("Port dispute\n\nJane Doe \u00b7 Harbour News \u00b7 Posted: Feb 24, 2021 "
                   "4:00 AM ET | Last Updated: February 24, 2021\n\nThe port shut.\n")
    assert [k for t, k in dated.items() if t.startswith("Jane Doe")] == ["boilerplate"]


def test_a_first_paragraph_of_three_sentences_is_a_lede_but_a_two_sentence_title_a_title(
) -> None:
    lede = _kinds("Ana Ruiz said the port would shut. The union said it would not. "
                  "Talks resume on Monday.\n\nShips waited offshore.\n")
    assert lede == {"Ana Ruiz said the port would shut.": "body",
                    "The union said it would not.": "body", "Talks resume on Monday.": "body",
                    "Ships waited offshore.": "body"}
    title = _kinds("The real strike came at dawn. The port must live with it.\n\n"
                   "Ships waited offshore.\n")
    assert title["The real strike came at dawn. The port must live with it."] == "heading"
    assert _kinds("Share prices fall as strike drags on\n\nShips waited.\n")[
        "Share prices fall as strike drags on"] == "heading"


def test_live_blog_furniture_and_repeated_entries() -> None:
    text = (
        "Port dispute: the latest\n\n"
        "HARBOUR (AP) \u2014 The Latest on the port strike (all times EDT):\n\n"
        "12:50 p.m.\n\n"
        "The guild says its members will stay out until the toll is dropped.\n\n"
        "___.\n\n"
        "11 a.m.\n\n"
        "The port authority says the re-election of its board will go ahead.\n\n"
        "The port authority says the reelection of its board will go ahead.\n\n"
        "The guild says its members will stay out until the toll is dropped. A vote is due.\n\n"
        "Contributing: Jane Doe, John Roe."
    )
    from summarize.records import Source

    passages = segment(Source("t.txt", text, "0"))
    kinds = [(p.text, p.kind) for p in passages]
    assert kinds == [
        ("Port dispute: the latest", "heading"),
        ("HARBOUR (AP) \u2014 The Latest on the port strike (all times EDT):", "boilerplate"),
        ("12:50 p.m.", "boilerplate"),
        ("The guild says its members will stay out until the toll is dropped.", "body"),
        ("___.", "boilerplate"),
        ("11 a.m.", "boilerplate"),
        ("The port authority says the re-election of its board will go ahead.", "body"),
        # the same paragraph again, "re-election" spelled "reelection"
        ("The port authority says the reelection of its board will go ahead.", "duplicate"),
        # a sentence filed again in a new paragraph with a new line after it
        ("The guild says its members will stay out until the toll is dropped.", "duplicate"),
        ("A vote is due.", "body"),
        ("Contributing: Jane Doe, John Roe.", "boilerplate"),
    ]


def test_a_call_for_tips_on_a_line_of_its_own_is_boilerplate_inside_a_long_block() -> None:
    body = "The guild says the toll is unfair. " * 20
    kinds = _kinds(
        "Port dispute\n\n" + body.strip() + "\n"
        "READERS: What is happening in your port? Email any tips to tips@example.com.\n"
        + body.strip()
    )
    assert kinds["READERS: What is happening in your port?"] == "boilerplate"
    assert kinds["Email any tips to tips@example.com."] == "boilerplate"
    assert kinds["The guild says the toll is unfair."] == "body"


def test_a_title_abbreviation_ends_no_sentence_but_a_glued_one_may() -> None:
    from summarize.records import Source
    from summarize.segment import _rejoin_titles

    text = 'Port dispute\n\n"This is a waste of time," said Del. Ana Ruiz of the harbour.'
    spans = [p.text for p in segment(Source("t.txt", text, "0"))]
    assert '"This is a waste of time," said Del. Ana Ruiz of the harbour.' in spans
    # "RuizRep." is a list item run into a title: a cut there stays
    items = "Sen. Kelly RuizRep. Tom Berg"
    assert _rejoin_titles(items, [(0, 19), (20, 28)]) == [(0, 19), (20, 28)]
    assert _rejoin_titles("said Del. Ana Ruiz", [(0, 9), (10, 18)]) == [(0, 18)]
    assert _rejoin_titles("accused then-Gov. Ana Ruiz", [(0, 17), (18, 26)]) == [(0, 26)]
    # a party-state tag ends its sentence: "..., D-Del. The vote is Monday."
    assert _rejoin_titles("Sen. Tom Carper, D-Del. The vote", [(0, 23), (24, 32)]) == [
        (0, 23), (24, 32)]
    # a place abbreviation, and a span that opens on a comma (a stray one in the source)
    assert _rejoin_titles("in St. Paul", [(0, 6), (7, 11)]) == [(0, 11)]
    assert _rejoin_titles("in St., Paul.", [(0, 6), (6, 13)]) == [(0, 13)]
    # a clock time goes on with its day; a new sentence after it does not
    assert _rejoin_titles("By 9 a.m. Sunday, he", [(0, 9), (10, 20)]) == [(0, 20)]
    assert _rejoin_titles("at 9 a.m. He left.", [(0, 9), (10, 18)]) == [(0, 9), (10, 18)]
    # a dateline's dash goes on with the dateline: "CHATTANOOGA, Tenn. - Behind ..."
    assert _rejoin_titles("DOVER, Del. - The port", [(0, 11), (12, 22)]) == [(0, 22)]
    # a closing quote left alone by an unbalanced one before it is no sentence
    assert _rejoin_titles('He said "no. Ever."', [(0, 18), (18, 19)]) == [(0, 19)]


def test_a_line_without_inner_sentence_ends_is_one_span_like_pysbd() -> None:
    import re

    import summarize.segment as seg

    lines = [
        "Bank drops accounts",
        "The network complained on Monday.",
        "  It said no   ",
        "Who knows?",
        "Costs rose 5% in Q3!",
    ]
    fast = [seg.split_sentences(t) for t in lines]
    original = seg._NOT_PLAIN
    try:
        seg._NOT_PLAIN = re.compile(r"[\s\S]")  # force pysbd for every run
        slow = [seg.split_sentences(t) for t in lines]
    finally:
        seg._NOT_PLAIN = original
    assert fast == slow
    # "  It said no   " is one span, stripped: (2, 12)
    assert fast[2] == [(2, 12)]


def test_an_editors_note_paragraph_is_boilerplate() -> None:
    text = (
        "Title\n\nThe bank closed the accounts.\n\n"
        "EDITOR'S NOTE: This story has been amended. The first report was wrong."
    )
    kinds = _kinds(text)
    assert kinds["EDITOR'S NOTE: This story has been amended."] == "boilerplate"
    assert kinds["The first report was wrong."] == "boilerplate"
    assert kinds["The bank closed the accounts."] == "body"


def test_embedded_markup_and_update_notes_are_boilerplate() -> None:
    text = (
        "Title\n\nThe senator spoke.\n\n"
        '<tweet author="someone">The blue arrow is her.</tweet>.\n\n'
        "This post has been updated with comment from the bank."
    )
    kinds = _kinds(text)
    assert kinds["This post has been updated with comment from the bank."] == "boilerplate"
    assert all(k == "boilerplate" for t, k in kinds.items() if "tweet" in t)
    assert kinds["The senator spoke."] == "body"


def test_sentences_that_merely_start_like_furniture_stay_body() -> None:
    text = (
        "Senator accuses agency\n\n"
        "Email records obtained by the committee show that the director was warned.\n\n"
        'King denied it. "We answered every request," he said in a letter sent from '
        "press@agency.gov on Friday.\n\n"
        "Related documents were handed over in March, the agency said.\n\n"
        "Related: Agency under fire"
    )
    kinds = _kinds(text)
    assert kinds["Email records obtained by the committee show that the director was warned."] == (
        "body"
    )
    assert kinds["King denied it."] == "body"
    assert kinds["Related documents were handed over in March, the agency said."] == "body"
    # a labelled share line is still furniture
    assert kinds["Related: Agency under fire"] == "boilerplate"


def test_markdown_heading_lines_are_headings() -> None:
    text = (
        "# Union rejects offer\n\nThe union said on Monday it would strike.\n\n"
        "## What comes next\n\nTalks resume today."
    )
    kinds = _kinds(text)
    assert kinds["# Union rejects offer"] == "heading"
    assert kinds["## What comes next"] == "heading"
    assert kinds["Talks resume today."] == "body"


def test_a_headline_and_standfirst_on_lines_of_their_own_are_headings() -> None:
    text = (
        "Union rejects offer;\n"
        "Members say the pay deal leaves them behind.\n\n"
        "The union said on Monday it would strike.\nTalks resume today."
    )
    kinds = _kinds(text)
    assert kinds["Union rejects offer;"] == "heading"
    assert kinds["Members say the pay deal leaves them behind."] == "heading"
    # the same shape further down is body text
    assert kinds["The union said on Monday it would strike."] == "body"


def test_a_line_opening_in_lower_case_goes_on_with_the_line_before() -> None:
    from summarize.records import Source

    text = "Board dispute\n\nThe senator said the board\nhas failed its members.\nIt met again.\n"
    got = [(p.text, p.kind) for p in segment(Source("t.txt", text, "0"))]
    # "has failed ..." continues the unfinished line above; "It met again." opens a new one
    assert got == [
        ("Board dispute", "heading"),
        ("The senator said the board\nhas failed its members.", "body"),
        ("It met again.", "body"),
    ]


def test_lines_that_end_in_a_curly_closing_quote_are_paragraphs_of_their_own() -> None:
    from summarize.records import Source

    ask = "\u201cThe last time we spoke, you told me you would talk to him. How did it go?\u201d"
    answer = "\u201cThe talk was very productive,\u201d Ruiz said."
    text = f"Port talks\n\n{ask}\n{answer}\nThe port closed.\n"
    got = [p.text for p in segment(Source("t.txt", text, "0"))]
    # each line ends a sentence, so none is a hard-wrapped piece of the next
    assert answer in got and ask.split(" How")[0] in got[1]


def test_a_photo_credit_ending_in_a_period_is_boilerplate() -> None:
    kinds = _kinds("Port talks\n\nANA RUIZ via Getty Images.\n\nThe port closed.\n")
    assert kinds["ANA RUIZ via Getty Images."] == "boilerplate"
    assert kinds["The port closed."] == "body"


def test_a_pull_quote_said_before_is_a_duplicate_with_its_credit_line() -> None:
    quote = "We want the port open by May. We will not wait for the council"
    kinds = _kinds(
        f"Port talks\n\n\u201c{quote},\u201d Ana Ruiz told reporters on Monday.\n\n"
        "The council met.\n\n"
        "\"We want the port open by May. We will not wait for the council.\n"
        "Ana Ruiz, harbour master.\"\n\nThe port closed.\n"
    )
    # both sentences of the pull quote were said before, and its credit goes with them
    assert kinds["\"We want the port open by May."] == "duplicate"
    assert kinds["We will not wait for the council."] == "duplicate"
    assert kinds["Ana Ruiz, harbour master.\""] == "duplicate"
    assert kinds["The council met."] == kinds["The port closed."] == "body"


def test_a_chart_its_title_caption_and_source_line_are_boilerplate() -> None:
    kinds = _kinds(
        "Port talks\n\nThe port closed on Monday.\n\nHighest share of tolls in Europe.\n\n"
        "Only three ports move more than 10 million boxes.\n\nSource: Eurostat.\n"
    )
    assert kinds["Highest share of tolls in Europe."] == "boilerplate"
    assert kinds["Only three ports move more than 10 million boxes."] == "boilerplate"
    assert kinds["Source: Eurostat."] == "boilerplate"
    assert kinds["The port closed on Monday."] == "body"


def test_a_sentence_a_caption_said_first_is_no_duplicate() -> None:
    kinds = _kinds("Port talks\n\nAna Ruiz speaks to pilots at the port in Dover on Monday. "
                   "(AP Photo/John Doe)\n\n"
                   "Ana Ruiz speaks to pilots at the port in Dover on Monday.\n")
    assert kinds["Ana Ruiz speaks to pilots at the port in Dover on Monday."] == "body"


def test_a_long_paragraph_above_a_source_line_is_no_chart_caption() -> None:
    long = ("Ana Ruiz said the permit was unlawful. She said the council would sue the port "
            "before the end of the month, and that the pilots would back the suit.")
    kinds = _kinds(f"Port talks\n\nThe port denied it.\n\n{long}\n\nSource: Company filings.\n")
    assert kinds["Ana Ruiz said the permit was unlawful."] == "body"
    assert kinds["The port denied it."] == "body"


def test_the_narrow_lines_of_a_note_after_a_credit_line_stay_boilerplate() -> None:
    text = (
        "Trade row\n\nThe minister spoke.\n(Additional reporting by Ann Lee)"
        "Editor's note: The minister regularly\nignores\nthe rules of the assembly.\n"
    )
    kinds = _kinds(text)
    assert kinds["The minister spoke."] == "body"
    rest = [t for t in kinds if t not in ("Trade row", "The minister spoke.")]
    assert rest and all(kinds[t] == "boilerplate" for t in rest)


def test_a_follow_line_wrapped_in_a_transcripts_quote_marks_is_boilerplate() -> None:
    kinds = _kinds('Toll talks\n\nThe mayor spoke on the radio and took questions.\n\n'
                   '"Follow Ana Ruiz on Twitter @anaruiz."\n')
    assert kinds['"Follow Ana Ruiz on Twitter @anaruiz."'] == "boilerplate"
    assert kinds["The mayor spoke on the radio and took questions."] == "body"


def test_a_line_break_after_a_finished_sentence_starts_a_paragraph() -> None:
    # copy with one paragraph per line and no blank lines between them
    text = ("Port strike ends;\nPilots return to work.\n\n"
            "The guild voted on Monday. Ships moved at dawn.\n"
            '"We won," Ana Ruiz said.\n'
            "The vote was close, and the talks that led to it\nran for nine days.\n")
    passages = segment(Source("t.txt", text, "0"))
    numbers = {q.text: q.paragraph for q in passages}
    # the two headline lines stay one block; a body line after a full stop is a new one
    assert numbers["Port strike ends;"] == numbers["Pilots return to work."]
    assert numbers["The guild voted on Monday."] == numbers["Ships moved at dawn."]
    assert numbers['"We won," Ana Ruiz said.'] == numbers["Ships moved at dawn."] + 1
    # a line cut mid-sentence goes on in the same paragraph
    last = next(q for q in passages if q.text.startswith("The vote was close"))
    assert last.paragraph == numbers['"We won," Ana Ruiz said.'] + 1
    assert last.text.endswith("nine days.")


# (lines of an article after "Port strike ends.", which are furniture, which are body)
FURNITURE_LINES = [
    pytest.param(  # a wire story's trailer
        ["Our reporter reported from Oslo that the talks ran late.", "__.",
         "Ruiz reported from Los Angeles.",
         "Associated Press writer Jo Lee contributed from Bergen, Norway.",
         "On Twitter follow Ana Ruiz https://twitter.com/anaruiz."],
        {"Our reporter reported from Oslo that the talks ran late."}, id="wire-trailer"),
    pytest.param(  # an embed's lead-in and a show's air times, but not a sentence with them
        ["Port Talk airs on Harbour Radio weekdays from 6:00AM to 9:00AM.",
         "Listen to both interviews below:", "Listen to the pilots, the mayor said.",
         "The debate airs on Harbour TV at 9 p.m. Eastern, and the mayor said she would "
         "attend anyway."],
        {"Listen to the pilots, the mayor said.", "The debate airs on Harbour TV at 9 p.m. "
         "Eastern, and the mayor said she would attend anyway."}, id="air-times"),
    pytest.param(  # an excerpt's source line and its read-more link
        ["From Bloomberg:", "The guild voted on Monday.", "Read the rest of the story here.",
         "From Monday, the ships moved: all of them."],
        {"The guild voted on Monday.", "From Monday, the ships moved: all of them."},
        id="excerpt"),
    pytest.param(  # a page's buttons, copied as lines of their own
        ["Share this article", "Subscribe to our newsletter", "Tweet", "Follow us on Twitter",
         "Sign up for our daily newsletter", "Share prices fell 3 percent on Monday.",
         "Follow the money, the union said."],
        {"Share prices fell 3 percent on Monday.", "Follow the money, the union said."},
        id="buttons"),
    pytest.param(  # a live blog's time stamps, with a colon or without
        ["4:40 p.m.:", "The guild voted on Monday.", "12 p.m.:", "Ships moved at dawn."],
        {"The guild voted on Monday.", "Ships moved at dawn."}, id="time-stamps"),
]


@pytest.mark.parametrize(("lines", "body"), FURNITURE_LINES)
def test_page_furniture_lines_and_the_sentences_beside_them(lines: list[str],
                                                            body: set[str]) -> None:
    text = "Port strike ends.\n\n" + "\n\n".join(lines) + "\n"
    passages = segment(Source("t.txt", text, "0"))
    for line in lines:
        kinds = {q.kind for q in passages if line.startswith(q.text) or q.text == line}
        assert kinds == ({"body"} if line in body else {"boilerplate"}), line


def test_review_hard_wrapped_prose_stays_one_paragraph() -> None:
    text = ("Port strike.\n\n\"The toll is rigged,\" Ana Ruiz said at a rally in the port on "
            "Monday\nnight. Tom Berg answered her on Tuesday at a rally in the suburbs of "
            "Bergen.\n\"We have the better plan for every worker in this harbour, and they "
            "know it.\"\n")
    body = [q for q in segment(Source("t.txt", text, "0")) if q.kind == "body"]
    assert len({q.paragraph for q in body}) == 1
