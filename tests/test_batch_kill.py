"""Never lose work: SIGKILL a batch midway, resume it, and find every output whole,
every input done, and nothing that was finished before the kill written again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app

from .test_batch import KINDS, latest, make_corpus, profile_file

ARTICLES = 30
KILL_AFTER_LINES = 3
STARTUP_LIMIT_S = 180.0  # a generous bound on a loaded 2-core machine, not a speed target


def whole_lines(manifest: Path) -> int:
    try:
        return manifest.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_midway_then_resume(tmp_path: Path, tiny_models: dict[str, Path]) -> None:
    make_corpus(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    args = [str(tmp_path / "in"), "--profile", str(profile_file(tmp_path)), "--out", str(out)]
    # A real model, one article per generate call: slow enough to be killed midway.
    args += ["--backend", "seq2seq", "--model", str(tiny_models["t5"]), "--max-new-tokens", "16"]
    args += ["--batch-articles", "1"]
    process = subprocess.Popen(
        [sys.executable, "-m", "summarize", "batch", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    deadline = time.monotonic() + STARTUP_LIMIT_S
    try:
        while whole_lines(out / "manifest.jsonl") < KILL_AFTER_LINES:
            assert process.poll() is None, "the batch ended before it could be killed"
            assert time.monotonic() < deadline, "the batch wrote no manifest lines in time"
            time.sleep(0.005)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL

    finished = {p: line for p, line in latest(out).items() if line["status"] == "ok"}
    assert KILL_AFTER_LINES <= len(finished) < ARTICLES
    stamps = {
        name: (out / name).stat().st_mtime_ns
        for line in finished.values()
        for name in line["outputs"]
    }

    result = CliRunner().invoke(app, ["batch", *args, "--resume"])
    assert result.exit_code == 0, result.stderr

    after = latest(out)
    assert len(after) == ARTICLES
    for path, line in after.items():
        assert line["status"] == ("skipped" if path in finished else "ok"), path
        assert len(line["outputs"]) == len(KINDS)
        for name in line["outputs"]:
            text = (out / name).read_text(encoding="utf-8")
            if name.endswith(".json"):
                json.loads(text)
            else:
                assert text.strip()
    for name, stamp in stamps.items():
        assert (out / name).stat().st_mtime_ns == stamp, f"{name} was written again"
    assert not [name for name in os.listdir(out) if name.endswith(".tmp")]
