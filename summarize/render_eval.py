"""Rendering an EvalReport: a table for people, markdown, and JUnit XML for CI dashboards
(one test case per summary sentence; a failure carries the sentence's problems)."""

from __future__ import annotations

import io
import re
from typing import Any

from summarize.align import SUPPORT_THRESHOLD
from summarize.records import EvalReport, SentenceVerdict, problem_counts
from summarize.render import md_text

# XML 1.0 cannot carry most control characters, even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _problems_text(v: SentenceVerdict) -> str:
    if not v.problems and v.verdict == "unsupported":
        # no check failed: the sentence is unsupported because nothing matches it well
        best = v.support[0].score if v.support else 0.0
        return f"best support scores {best:.2f} < {SUPPORT_THRESHOLD}"
    return "; ".join(f"{p.kind}: {p.detail}" for p in v.problems)


def _support_text(v: SentenceVerdict) -> str:
    return ", ".join(f"{s.passage} {s.score:.2f}" for s in v.support[:2]) or "none"


def eval_table(report: EvalReport, width: int = 120) -> str:
    """Per-side scores and one row per sentence, as plain text."""
    from rich.console import Console
    from rich.table import Table

    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    for side in report.sides:
        table = Table(
            title=f"{side.label} ({side.stakeholder}): faithfulness {_pct(side.faithfulness)}, "
            f"coverage {_pct(side.coverage)}",
        )
        table.add_column("verdict", no_wrap=True)
        table.add_column("support", no_wrap=True)
        table.add_column("sentence", overflow="fold", ratio=3)
        table.add_column("problems", overflow="fold", ratio=2)
        for v in side.sentences:
            table.add_row(v.verdict, _support_text(v), v.text, _problems_text(v) or "-")
        console.print(table)
    counts = problem_counts(report.verdicts)
    console.print(
        f"{report.source.path}: faithfulness {_pct(report.faithfulness)}, "
        f"coverage {_pct(report.coverage)}, {len(report.verdicts)} sentences; problems: "
        + ", ".join(f"{k} {n}" for k, n in counts.items())
    )
    if report.attribution is not None:
        console.print(_attribution_line(report.attribution))
    return console.export_text()


def _attribution_line(attribution: dict[str, Any]) -> str:
    accuracy = attribution.get("accuracy")
    shown = f"{accuracy:.0%}" if isinstance(accuracy, (int, float)) else "n/a"
    parts = [f"attribution accuracy {shown} ({attribution.get('total', '?')} labels)"]
    for label in attribution.get("labels", []):
        parts.append(
            f"{label['label']} P {label['precision']:.2f} R {label['recall']:.2f} "
            f"F1 {label['f1']:.2f}"
        )
    return "; ".join(parts)


def eval_markdown(report: EvalReport) -> str:
    lines = [
        f"# Faithfulness: {md_text(report.source.path)}",
        "",
        f"Faithfulness **{_pct(report.faithfulness)}**, coverage **{_pct(report.coverage)}** "
        f"({len(report.verdicts)} sentences, profile `{report.profile}`).",
        "",
    ]
    for side in report.sides:
        lines += [
            f"## {md_text(side.label)} (`{side.stakeholder}`)",
            "",
            f"Faithfulness {_pct(side.faithfulness)}, coverage {_pct(side.coverage)}.",
            "",
            "| verdict | support | sentence | problems |",
            "|---|---|---|---|",
        ]
        for v in side.sentences:
            lines.append(
                f"| {v.verdict} | {_support_text(v)} | {md_text(v.text)} | "
                f"{md_text(_problems_text(v)) or '-'} |"
            )
        lines.append("")
    if report.attribution is not None:
        lines += ["## Attribution", "", md_text(_attribution_line(report.attribution)), ""]
    return "\n".join(lines)


def _xml(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", text)


def eval_junit(report: EvalReport) -> str:
    """JUnit XML: a suite per side, a case per sentence, a failure unless supported."""
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", name=_xml(f"summarize eval {report.source.path}"))
    total = failures = 0
    for side in report.sides:
        failed = sum(1 for v in side.sentences if v.verdict != "supported")
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_xml(f"{side.stakeholder}: {side.label}"),
            tests=str(len(side.sentences)),
            failures=str(failed),
            errors="0",
            skipped="0",
        )
        for i, v in enumerate(side.sentences, start=1):
            case = ET.SubElement(
                suite,
                "testcase",
                classname=_xml(f"summarize.eval.{side.stakeholder}"),
                name=_xml(f"{i:02d} {v.text}"),
            )
            detail = _xml(_problems_text(v))
            if v.verdict != "supported":
                failure = ET.SubElement(
                    case, "failure", message=_xml(f"{v.verdict}: {detail or 'no support'}")
                )
                failure.set("type", v.verdict)
                failure.text = "\n".join(
                    [_xml(f"{p.kind}: {p.detail}") for p in v.problems]
                    + [f"support: {_support_text(v)}"]
                )
            elif detail:
                ET.SubElement(case, "system-out").text = detail
        total += len(side.sentences)
        failures += failed
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
