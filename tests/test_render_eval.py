from __future__ import annotations

import xml.etree.ElementTree as ET

from summarize.faithfulness import aggregate, score_sentence
from summarize.records import EvalReport
from summarize.render_eval import eval_junit, eval_markdown, eval_table

from .evalcase import grouping


def _report() -> EvalReport:
    g = grouping()
    verdicts = [
        score_sentence("Alice said the council must allow 60 inspectors into the camps.", g, "a"),
        score_sentence("Alice said <the> council & 70 inspectors\x07 entered the camps.", g, "a"),
        score_sentence("There is no abuse in the camps.", g, "b"),
    ]
    return aggregate(verdicts, g)


def test_junit_escapes_text_and_counts_failures() -> None:
    root = ET.fromstring(eval_junit(_report()))
    assert (root.get("tests"), root.get("failures")) == ("3", "1")
    suites = root.findall("testsuite")
    assert [s.get("tests") for s in suites] == ["2", "1"]
    failing = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert len(failing) == 1
    name = failing[0].get("name", "")
    # markup characters survive escaping; the control character is replaced, not dropped
    assert "<the> council & 70" in name and "\ufffd" in name
    failure = failing[0].find("failure")
    assert failure is not None and failure.get("type") == "contradicted"
    assert "number: '70'" in (failure.text or "")
    # a supported sentence with a warning passes and carries the warning as output
    warned = root.findall("./testsuite/testcase")[2]
    assert warned.find("failure") is None
    assert "unattributed" in (warned.findtext("system-out") or "")


def test_markdown_and_table_show_every_sentence() -> None:
    report = _report()
    md = eval_markdown(report)
    assert md.count("| supported |") == 2 and md.count("| contradicted |") == 1
    assert "Faithfulness **67%**" in md
    table = eval_table(report)
    assert "faithfulness 67%" in table and "contradicted" in table


def test_markdown_escapes_summary_text_like_the_briefing() -> None:
    g = grouping()
    sentence = "Alice said <script>x</script> the [council](http://e.x) must *allow* 60 inspectors."
    md = eval_markdown(aggregate([score_sentence(sentence, g, "a")], g))
    assert "<script>" not in md and "[council](http" not in md
    assert r"\<script\>x\</script\>" in md and r"\[council\](http://e.x)" in md
    assert r"\*allow\*" in md


def test_markdown_says_why_a_sentence_without_problems_is_unsupported() -> None:
    g = grouping()
    md = eval_markdown(aggregate([score_sentence("The weather is sunny.", g, "a")], g))
    # no span shares a content word with it: best score 0.00, below SUPPORT_THRESHOLD 0.5
    # ('<' escaped for markdown)
    assert "| unsupported | none | The weather is sunny. | best support scores 0.00 \\< 0.5 |" in md
