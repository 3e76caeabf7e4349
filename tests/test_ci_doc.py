"""docs/ci.md's workflow stays valid: it is YAML of the expected shape, and its
`summarize batch` step runs (offline, so on the extractive fallback) and publishes a
JUnit file that parses."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import yaml
from typer.testing import CliRunner

from summarize.cli import app

from .conftest import ROOT

DOC = ROOT / "docs" / "ci.md"


def workflow() -> dict[str, Any]:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1
    data = yaml.safe_load(blocks[0])
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, Any]]:
    (job,) = workflow()["jobs"].values()
    return list(job["steps"])


def test_workflow_installs_cpu_torch_first_and_publishes_junit() -> None:
    runs = [s.get("run", "") for s in steps()]
    install = next(r for r in runs if "pip install" in r)
    assert install.index("torch==") < install.index("pip install .")
    batch = next(r for r in runs if "summarize batch" in r)
    junit = shlex.split(batch)[shlex.split(batch).index("--junit") + 1]
    reporters = [s for s in steps() if "junit" in str(s.get("uses", ""))]
    assert reporters and reporters[0]["with"]["report_paths"] == junit


def test_the_batch_step_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    batch = next(s["run"] for s in steps() if "summarize batch" in s.get("run", ""))
    args = shlex.split(batch)
    assert args[:2] == ["summarize", "batch"]
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args[1:])
    assert result.exit_code == 0, result.stderr
    assert "using the extractive backend" in result.stderr  # offline here: said once
    junit = Path(args[args.index("--junit") + 1])
    root = ET.parse(junit).getroot()
    assert root.tag == "testsuites" and int(root.get("tests", "0")) > 0
    assert (tmp_path / "briefings" / "manifest.jsonl").exists()
