"""What a batch shows while it runs and leaves behind: progress (a rich bar on a
terminal, one plain line per article otherwise, as CI logs want), the summary table,
and the JUnit file that aggregates every article's evaluation."""

from __future__ import annotations

import io
import json
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
        if fail_under is not None and line.faithfulness is not None:
            if line.faithfulness < fail_under:
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


def _case(suite: Any, classname: str, name: str, failure: tuple[str, str] | None) -> None:
    from xml.etree import ElementTree as ET

    case = ET.SubElement(suite, "testcase", classname=classname, name=name, time="0")
    if failure is not None:
        ET.SubElement(case, "failure", message=failure[0], type=failure[0]).text = failure[1]


def junit_xml(lines: Sequence[ManifestLine], out_dir: Path) -> str:
    """One test suite per input: a test case per summary sentence (failed unless its
    verdict is ``supported``, the problems in the failure), or one errored case for an
    input that failed. Skipped inputs count too: their evaluation is still on disk."""
    from xml.etree import ElementTree as ET

    root = ET.Element("testsuites", name="summarize batch")
    for line in lines:
        suite = ET.SubElement(root, "testsuite", name=line.path)
        if line.status == "failed":
            case = ET.SubElement(suite, "testcase", classname=line.path, name="brief", time="0")
            ET.SubElement(case, "error", message="input failed", type="error").text = line.error
        else:
            report = _eval_json(out_dir, line)
            for side in report.get("sides", []):
                classname = f"{line.path}.{side.get('stakeholder')}"
                for number, sentence in enumerate(side.get("sentences", []), start=1):
                    verdict = sentence.get("verdict", "unknown")
                    problems = "; ".join(
                        f"{p.get('kind')}: {p.get('detail')}" for p in sentence.get("problems", [])
                    )
                    failure = None if verdict == "supported" else (verdict, problems or verdict)
                    name = f"{number}: {sentence.get('text', '')}"
                    _case(suite, classname, name, failure)
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
        suite.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _eval_json(out_dir: Path, line: ManifestLine) -> dict[str, Any]:
    for name in line.outputs:
        if name.endswith(".eval.json"):
            data = json.loads((out_dir / name).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
    return {}
