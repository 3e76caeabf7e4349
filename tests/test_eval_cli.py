"""`summarize eval` end to end on the example article: exit codes, JSON, markdown, JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize import pipeline
from summarize.cli import app

from .conftest import EXAMPLE, EXAMPLE_PROFILE

runner = CliRunner()


def _faithful_summaries() -> dict[str, str]:
    """Each side's first two plain passages, copied: a summary that must pass."""
    grouping = pipeline.group(str(EXAMPLE), str(EXAMPLE_PROFILE))
    out: dict[str, str] = {}
    for s in grouping.profile.stakeholders:
        plain = [
            ap.passage.text
            for ap in grouping.side(s.id)
            if ap.passage.kind == "body" and '"' not in ap.passage.text
        ]
        if plain:
            out[s.id] = " ".join(plain[:2])
    assert out, "the example grouping gives no side a plain passage"
    return out


def _write(tmp_path: Path, data: object, name: str = "summaries.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _eval(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["eval", str(EXAMPLE), "--profile", str(EXAMPLE_PROFILE), *args])
    return result.exit_code, result.stdout, result.stderr


def test_faithful_summaries_pass_the_threshold(tmp_path: Path) -> None:
    summaries = _write(tmp_path, _faithful_summaries())
    code, out, err = _eval("--summaries", summaries, "--format", "json", "--fail-under", "0.9")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["schema"] == "summarize/eval-v1"
    assert data["faithfulness"] == 1.0
    assert {s["stakeholder"] for s in data["sides"]} == set(_faithful_summaries())
    for side in data["sides"]:
        assert set(side) >= {"stakeholder", "faithfulness", "coverage", "sentences"}
        for sentence in side["sentences"]:
            assert sentence["verdict"] == "supported"
            span = sentence["support"][0]
            assert set(span) == {"start", "end", "stakeholder"}


def test_output_is_deterministic(tmp_path: Path) -> None:
    summaries = _write(tmp_path, _faithful_summaries())
    first = _eval("--summaries", summaries, "--format", "json")[1]
    assert _eval("--summaries", summaries, "--format", "json")[1] == first


def test_an_unfaithful_summary_fails_the_threshold_with_exit_1(tmp_path: Path) -> None:
    summaries = _faithful_summaries()
    side = next(iter(summaries))
    summaries[side] += " Turnips grow slowly in the lunar soil."
    path = _write(tmp_path, summaries)
    code, out, err = _eval("--summaries", path, "--format", "json", "--fail-under", "0.99")
    assert code == 1
    assert "is below --fail-under 0.99" in err
    verdicts = [s["verdict"] for x in json.loads(out)["sides"] for s in x["sentences"]]
    assert verdicts.count("unsupported") == 1
    # without --fail-under the same report exits 0
    assert _eval("--summaries", path, "--format", "json")[0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON at line 1"),
        ('["a list"]', "expected a summarize/briefing-v1 JSON"),
        ('{"martians": "We come in peace."}', "unknown side id 'martians'"),
        ('{"coalition": 3}', "the summary of 'coalition' must be a string"),
    ],
)
def test_bad_summaries_exit_2_with_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = _eval("--summaries", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith(f"summarize: error: {path}: ")
    assert message in err
    assert err.count("\n") == 1


def test_missing_inputs_exit_2(tmp_path: Path) -> None:
    code, _, err = _eval("--summaries", str(tmp_path / "nope.json"))
    assert code == 2 and "no such file" in err
    code, _, err = _eval()
    assert code == 2 and "nothing to evaluate" in err


def test_junit_has_one_case_per_sentence_and_failures(tmp_path: Path) -> None:
    summaries = _faithful_summaries()
    side = next(iter(summaries))
    summaries[side] += ' Turnips <grow> & "sing" in the lunar soil.'
    junit = tmp_path / "eval.xml"
    code, out, _ = _eval(
        "--summaries", _write(tmp_path, summaries), "--format", "json", "--junit", str(junit)
    )
    assert code == 0
    report = json.loads(out)
    sentences = [s for x in report["sides"] for s in x["sentences"]]
    root = ET.parse(junit).getroot()
    cases = root.findall("./testsuite/testcase")
    assert root.tag == "testsuites"
    assert int(root.get("tests", "-1")) == len(cases) == len(sentences)
    failed = [c for c in cases if c.find("failure") is not None]
    assert int(root.get("failures", "-1")) == len(failed) == 1
    failure = failed[0].find("failure")
    assert failure is not None and failure.get("type") == "unsupported"
    assert 'Turnips <grow> & "sing"' in failed[0].get("name", "")
    for suite in root.findall("testsuite"):
        assert int(suite.get("tests", "-1")) == len(suite.findall("testcase"))
    assert not list(tmp_path.glob(".eval.xml.*"))  # no temp file left behind


def test_markdown_and_table_formats(tmp_path: Path) -> None:
    summaries = _write(tmp_path, {"coalition": "Canada | leads | a pipe-laden effort."})
    code, out, _ = _eval("--summaries", summaries, "--format", "md")
    assert code == 0
    assert out.startswith("# Faithfulness: ")
    assert "Canada \\| leads \\| a pipe-laden effort." in out
    code, out, _ = _eval("--summaries", summaries, "--format", "table")
    assert code == 0 and "faithfulness" in out


def test_gold_labels_add_attribution_scores(tmp_path: Path) -> None:
    grouping = pipeline.group(str(EXAMPLE), str(EXAMPLE_PROFILE))
    body = [ap for ap in grouping.passages if ap.passage.kind == "body"][:3]
    lines = [
        json.dumps({"text": ap.passage.text[:50], "label": ap.stakeholder or "none"}) for ap in body
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = _eval("--gold", str(gold), "--format", "json")
    assert code == 0
    attribution = json.loads(out)["attribution"]
    assert attribution["accuracy"] == 1.0 and attribution["total"] == 3
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "no such sentence anywhere", "label": "none"}\n', encoding="utf-8")
    code, _, err = _eval("--gold", str(bad))
    assert code == 2 and f"{bad}:1: text not found in the article" in err


def test_an_unloadable_nli_model_exits_2(tmp_path: Path) -> None:
    summaries = _write(tmp_path, {"coalition": "Canada leads an effort."})
    code, _, err = _eval("--summaries", summaries, "--nli-model", str(tmp_path / "no-model"))
    assert code == 2
    assert err.startswith("summarize: error: ") and "NLI model" in err


def test_summaries_are_read_from_stdin_with_dash(tmp_path: Path) -> None:
    data = json.dumps(_faithful_summaries())
    from_file = _eval("--summaries", _write(tmp_path, json.loads(data)), "-f", "json")
    result = runner.invoke(
        app,
        ["eval", str(EXAMPLE), "--profile", str(EXAMPLE_PROFILE), "--summaries", "-", "-f", "json"],
        input=data,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == from_file[1]


def test_stdin_cannot_carry_both_article_and_summaries() -> None:
    result = runner.invoke(
        app, ["eval", "-", "--profile", str(EXAMPLE_PROFILE), "--summaries", "-"], input="{}"
    )
    assert result.exit_code == 2
    assert "not both" in result.stderr
