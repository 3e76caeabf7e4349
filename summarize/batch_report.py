"""What a batch shows while it runs and leaves behind: progress (a rich bar on a
terminal, one plain line per article otherwise, as CI logs want), the summary table,
and the JUnit file that aggregates every article's evaluation."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from summarize.manifest import ManifestLine

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID


def article_line(line: ManifestLine, done: int, total: int) -> str:
    """The log line of one finished article (failures are error lines naming the input)."""
    if line.status == "failed":
        return f"summarize: error: {line.error}"
    faith = "n/a" if line.faithfulness is None else f"{line.faithfulness:.2f}"
    if line.status == "skipped":
        return f"summarize: [{done}/{total}] skipped {line.path} (unchanged; faithfulness {faith})"
    return (
        f"summarize: [{done}/{total}] ok {line.path} ({line.seconds:.2f} s, faithfulness {faith})"
    )


class ProgressReport:
    """A context manager that is the ``report`` callback of ``run_batch``."""

    def __init__(self, stream: TextIO, terminal: bool | None = None):
        self.stream = stream
        self.terminal = stream.isatty() if terminal is None else terminal
        self.console: Console | None = None
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def __enter__(self) -> ProgressReport:
        if self.terminal:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            self.console = Console(file=self.stream, stderr=True)
            self.progress = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self.progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.progress is not None:
            self.progress.stop()

    def __call__(self, line: ManifestLine, done: int, total: int) -> None:
        messages = [f"summarize: warning: {w}" for w in line.warnings]
        if self.progress is None or self.console is None:
            messages.append(article_line(line, done, total))
            for message in messages:
                print(message, file=self.stream, flush=True)
            return
        if self.task is None:
            self.task = self.progress.add_task("batch", total=total)
        if line.status == "failed":
            messages.append(article_line(line, done, total))
        for message in messages:
            self.console.print(message, markup=False, highlight=False)
        self.progress.update(self.task, completed=done, description=line.path[-40:])


def summary_table(lines: Sequence[ManifestLine], fail_under: float | None, width: int = 120) -> str:
    """Every input with its status, faithfulness and time, then the totals."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="summarize batch", show_lines=False)
    table.add_column("input", overflow="fold")
    table.add_column("status")
    table.add_column("faithfulness", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("note", overflow="fold")
    for line in lines:
        faith = "—" if line.faithfulness is None else f"{line.faithfulness:.2f}"
        note = line.error or ""
        if fail_under is not None and line.status != "failed":
            if line.faithfulness is None or line.faithfulness < fail_under:
                note = f"below --fail-under {fail_under}"
        table.add_row(line.path, line.status, faith, f"{line.seconds:.2f}", note)
    counts = {s: sum(1 for line in lines if line.status == s) for s in ("ok", "skipped", "failed")}
    scored = [line.faithfulness for line in lines if line.faithfulness is not None]
    mean = f"{sum(scored) / len(scored):.3f}" if scored else "n/a"
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(table)
    console.print(
        f"{len(lines)} inputs: {counts['ok']} ok, {counts['skipped']} skipped, "
        f"{counts['failed']} failed; mean faithfulness {mean}",
        markup=False,
        highlight=False,
    )
    return console.export_text()


# --- JUnit ---------------------------------------------------------------------------------

# Characters XML 1.0 cannot carry, even escaped; article text may hold them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: object) -> str:
    return _XML_ILLEGAL.sub("\ufffd", str(text))


def junit_xml(lines: Sequence[ManifestLine], out_dir: Path) -> str:
    """The test cases of every article, as ``summarize eval --junit`` writes them for one
    (a suite per side, a case per summary sentence, failed unless ``supported``), with
    the article's path in each suite name; plus one errored case per failed input.
    Skipped inputs count too: their evaluation is read back from disk."""
    from xml.etree import ElementTree as ET

    root = ET.Element("testsuites", name="summarize batch")
    for line in lines:
        if line.status == "failed":
            suite = ET.SubElement(root, "testsuite", name=_xml(line.path))
            case = ET.SubElement(suite, "testcase", classname="summarize.batch", name="input")
            error = ET.SubElement(case, "error", message=_xml(line.error), type="input")
            error.text = _xml(line.error)
            continue
        for side in _eval_json(out_dir, line).get("sides", []):
            suite = ET.SubElement(
                root, "testsuite", name=_xml(f"{line.path} {side['stakeholder']}: {side['label']}")
            )
            for i, sentence in enumerate(side.get("sentences", []), start=1):
                case = ET.SubElement(
                    suite,
                    "testcase",
                    classname=_xml(f"summarize.eval.{side['stakeholder']}"),
                    name=_xml(f"{i:02d} {sentence['text']}"),
                )
                problems = [f"{p['kind']}: {p['detail']}" for p in sentence.get("problems", [])]
                detail = _xml("; ".join(problems))
                if sentence["verdict"] != "supported":
                    failure = ET.SubElement(
                        case,
                        "failure",
                        message=_xml(f"{sentence['verdict']}: {detail or 'no support'}"),
                    )
                    failure.set("type", _xml(sentence["verdict"]))
                    failure.text = _xml("\n".join(problems) or "no support")
                elif detail:
                    ET.SubElement(case, "system-out").text = detail
    for suite in root:
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
        suite.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
        suite.set("skipped", "0")
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _eval_json(out_dir: Path, line: ManifestLine) -> dict[str, Any]:
    for name in line.outputs:
        if name.endswith(".eval.json"):
            data = json.loads((out_dir / name).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
    return {}
