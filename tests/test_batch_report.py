from __future__ import annotations

import io
import json
from pathlib import Path
from xml.etree import ElementTree as ET

from summarize.batch_report import ProgressReport, article_line, junit_xml, summary_table
from summarize.manifest import ManifestLine

OK = ManifestLine("in/a.txt", "ok", "s", "o", "extractive", None, 1.234, 0.5, ("a.eval.json",))
SKIPPED = ManifestLine("in/b.txt", "skipped", "s", "o", "extractive", None, 0.0, None, ())
FAILED = ManifestLine("in/c.txt", "failed", None, "o", error="in/c.txt: file is empty")


def test_article_lines() -> None:
    assert article_line(OK, 1, 3) == "summarize: [1/3] ok in/a.txt (1.23 s, faithfulness 0.50)"
    assert article_line(SKIPPED, 2, 3) == (
        "summarize: [2/3] skipped in/b.txt (unchanged; faithfulness n/a)"
    )
    assert article_line(FAILED, 3, 3) == "summarize: error: in/c.txt: file is empty"


def test_plain_progress_is_one_line_per_article_and_its_warnings() -> None:
    stream = io.StringIO()
    warned = ManifestLine("in/d.txt", "ok", "s", "o", warnings=("in/d.txt: no alias of x",))
    with ProgressReport(stream, terminal=False) as report:
        for done, line in enumerate((OK, FAILED, warned), start=1):
            report(line, done, 3)
    assert stream.getvalue().splitlines() == [
        "summarize: [1/3] ok in/a.txt (1.23 s, faithfulness 0.50)",
        "summarize: error: in/c.txt: file is empty",
        "summarize: warning: in/d.txt: no alias of x",
        "summarize: [3/3] ok in/d.txt (0.00 s, faithfulness n/a)",
    ]


def test_terminal_progress_keeps_errors_and_leaves_no_bar() -> None:
    stream = io.StringIO()
    with ProgressReport(stream, terminal=True) as report:
        report(OK, 1, 2)
        report(FAILED, 2, 2)
    text = stream.getvalue()
    # the bar is transient; what stays is the error line (ok articles are the bar's job)
    assert "summarize: error: in/c.txt: file is empty" in text
    assert "[1/2] ok" not in text


def test_summary_table_counts_and_flags_low_scores() -> None:
    text = summary_table([OK, SKIPPED, FAILED], fail_under=0.6)
    assert "3 inputs: 1 ok, 1 skipped, 1 failed; mean faithfulness 0.500" in text
    # OK (0.5) and SKIPPED (no sentences) are under 0.6; the failed input has its error
    assert text.count("below --fail-under 0.6") == 2
    assert "in/c.txt: file is empty" in text


def test_junit_aggregates_sides_sentences_and_failed_inputs(tmp_path: Path) -> None:
    report = {
        "sides": [
            {
                "stakeholder": "council",
                "label": "Council",
                "sentences": [
                    {"text": "It voted no.", "verdict": "supported", "problems": []},
                    {
                        "text": "It voted 7\x07 times.",  # a control character XML cannot hold
                        "verdict": "contradicted",
                        "problems": [{"kind": "number", "detail": "7 not in the support"}],
                    },
                ],
            },
            {"stakeholder": "residents", "label": "Residents", "sentences": []},
        ]
    }
    (tmp_path / "a.eval.json").write_text(json.dumps(report), encoding="utf-8")
    root = ET.fromstring(junit_xml([OK, FAILED], tmp_path).encode("utf-8"))
    # 2 sentence cases + 1 errored case for the failed input
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "1")
    names = [s.get("name") for s in root.findall("testsuite")]
    assert names == ["in/a.txt council: Council", "in/a.txt residents: Residents", "in/c.txt"]
    failure = root.find(".//failure")
    assert failure is not None and failure.get("type") == "contradicted"
    assert "number: 7 not in the support" in (failure.text or "")
    case_names = [c.get("name") for c in root.iter("testcase")]
    assert case_names[1] == "02 It voted 7\ufffd times."
