"""`summarize batch`: good and bad files mixed, the manifest, resume, exit codes,
JUnit, worker processes, and shared generate batches, on real backends (extractive,
and the tiny T5 built by conftest)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from summarize.batch import BatchOptions, load_model_backend, run_batch
from summarize.cli import app
from summarize.manifest import ManifestLine

from .conftest import EXAMPLE, EXAMPLE_PROFILE
from .test_bad_input import ARTICLE, PROFILE, png_bytes

runner = CliRunner()
KINDS = ("briefing.json", "briefing.md", "eval.json")


def article(index: int) -> str:
    """A small article of its own (distinct text, so distinct hashes and summaries)."""
    return ARTICLE.replace("Tuesday", f"day {index}").replace("next month", f"in {index} weeks")


def make_corpus(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"a{i:02d}.txt"
        path.write_text(article(i), encoding="utf-8")
        paths.append(path)
    return paths


def profile_file(folder: Path) -> Path:
    path = folder / "water.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


def invoke(args: list[str]) -> tuple[int, str, str]:
    result = runner.invoke(app, ["batch", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def manifest(out: Path) -> list[dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def latest(out: Path) -> dict[str, dict[str, Any]]:
    """The last line per input; a torn line (left by a kill) is no line."""
    found: dict[str, dict[str, Any]] = {}
    for text in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            line = json.loads(text)
        except json.JSONDecodeError:
            continue
        found[line["path"]] = line
    return found


def test_mixed_good_and_bad_inputs(tmp_path: Path) -> None:
    good = make_corpus(tmp_path / "articles", 2)
    (tmp_path / "articles" / "empty.txt").write_bytes(b"")
    (tmp_path / "articles" / "photo.html").write_bytes(png_bytes())
    # a manifest naming the example with its own profile, relative to the manifest
    listing = tmp_path / "lists" / "more.jsonl"
    listing.parent.mkdir()
    shutil.copy(EXAMPLE, listing.parent / "example.txt")
    shutil.copy(EXAMPLE_PROFILE, listing.parent / "example.yaml")
    listing.write_text('{"path": "example.txt", "profile": "example.yaml"}\n', encoding="utf-8")
    missing = tmp_path / "gone.txt"
    out = tmp_path / "out"
    inputs = [str(tmp_path / "articles"), str(listing), str(missing)]
    options = ["--profile", str(profile_file(tmp_path)), "--out", str(out)]
    code, stdout, stderr = invoke([*inputs, *options, "--backend", "extractive"])
    assert code == 2
    lines = latest(out)
    bad = {
        str(tmp_path / "articles" / "empty.txt"): "file is empty",
        str(tmp_path / "articles" / "photo.html"): "PNG image",
        str(missing): "no such file",
    }
    ok = [*map(str, good), str(listing.parent / "example.txt")]
    assert sorted(lines) == sorted([*bad, *ok])
    assert len(manifest(out)) == 6  # one line per input, nothing twice
    for path, problem in bad.items():
        line = lines[path]
        assert line["status"] == "failed" and line["outputs"] == []
        assert line["error"].startswith(path) and problem in line["error"]
    errors = [e for e in stderr.splitlines() if e.startswith("summarize: error: ")]
    assert sorted(errors) == sorted(f"summarize: error: {lines[p]['error']}" for p in bad)
    for path in ok:
        line = lines[path]
        assert line["status"] == "ok" and line["error"] is None
        assert line["backend"] == "extractive"
        assert line["sha256"] == hashlib.sha256(Path(path).read_bytes()).hexdigest()
        assert line["faithfulness"] is not None and 0 <= line["faithfulness"] <= 1
        name = Path(path).stem
        assert line["outputs"] == [f"{name}.{kind}" for kind in KINDS]
        briefing = json.loads((out / f"{name}.briefing.json").read_text(encoding="utf-8"))
        assert briefing["schema"] == "summarize/briefing-v1" and briefing["source"]["path"] == path
        evaluation = json.loads((out / f"{name}.eval.json").read_text(encoding="utf-8"))
        assert evaluation["faithfulness"] == line["faithfulness"]
        assert (out / f"{name}.briefing.md").read_text(encoding="utf-8").startswith("#")
    # the per-article profile was used for the example, the --profile for the others
    example = json.loads((out / "example.briefing.json").read_text(encoding="utf-8"))
    assert example["profile"] == "xinjiang-unhrc"
    assert json.loads((out / "a00.briefing.json").read_text(encoding="utf-8"))["profile"] == "water"
    # what the profile leaves out is recorded: the example's "The Commons motion said ..."
    (warning,) = lines[str(listing.parent / "example.txt")]["warnings"]
    assert ": 1 speaker outside the profile, their passages on no side: The Commons" in warning
    assert lines[str(good[0])]["warnings"] == []
    # nothing else in the folder: no temp files, no outputs of failed inputs
    expected = {"manifest.jsonl"} | {f"{Path(p).stem}.{k}" for p in ok for k in KINDS}
    assert set(os.listdir(out)) == expected
    assert "6 inputs: 3 ok, 0 skipped, 3 failed" in stdout


def test_exit_code_follows_fail_under(tmp_path: Path, tiny_models: dict[str, Path]) -> None:
    make_corpus(tmp_path / "in", 2)
    common = [str(tmp_path / "in"), "--profile", str(profile_file(tmp_path))]
    model = ["--backend", "seq2seq", "--model", str(tiny_models["t5"]), "--max-new-tokens", "12"]
    code, stdout, _ = invoke([*common, *model, "--out", str(tmp_path / "o1"), "--fail-under", "1"])
    scores = [line["faithfulness"] for line in manifest(tmp_path / "o1")]
    # a random-weight model writes word salad: never all supported
    assert all(s is not None and s < 1 for s in scores)
    assert code == 1 and "below --fail-under 1" in stdout
    code, _, _ = invoke([*common, *model, "--out", str(tmp_path / "o2"), "--fail-under", "0"])
    assert code == 0


def test_resume_redoes_only_what_changed(tmp_path: Path) -> None:
    paths = make_corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    args = [str(tmp_path / "in"), "--profile", str(profile_file(tmp_path)), "--out", str(out)]
    args += ["--backend", "extractive"]
    assert invoke(args)[0] == 0
    stamps = {name: (out / name).stat().st_mtime_ns for name in os.listdir(out)}
    paths[1].write_text(article(101), encoding="utf-8")  # changed input
    (out / "a02.briefing.md").unlink()  # lost output
    (out / "a03.eval.json").write_text('{"trunc', encoding="utf-8")  # torn output
    with open(out / "manifest.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"path": "half a line')  # a kill mid-append
    code, _, stderr = invoke([*args, "--resume"])
    assert code == 0
    status = {Path(p).name: line["status"] for p, line in latest(out).items()}
    assert status == {
        "a00.txt": "skipped",
        "a01.txt": "ok",
        "a02.txt": "ok",
        "a03.txt": "ok",
        "a04.txt": "skipped",
    }
    for name in ("a00", "a04"):
        for kind in KINDS:
            assert (out / f"{name}.{kind}").stat().st_mtime_ns == stamps[f"{name}.{kind}"]
    assert "skipped" in stderr
    # an option that changes outputs redoes everything
    invoke([*args, "--resume", "--words", "20"])
    assert {line["status"] for line in latest(out).values()} == {"ok"}
    # without --resume, a new manifest and every input redone
    invoke(args)
    assert [line["status"] for line in manifest(out)] == ["ok"] * 5


def test_junit_aggregates_every_article(tmp_path: Path, tiny_models: dict[str, Path]) -> None:
    make_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    junit = tmp_path / "reports" / "junit.xml"
    junit.parent.mkdir()
    args = [str(tmp_path / "in"), "--profile", str(profile_file(tmp_path)), "--out", str(out)]
    args += ["--backend", "seq2seq", "--model", str(tiny_models["t5"]), "--max-new-tokens", "12"]
    code, _, _ = invoke([*args, "--junit", str(junit)])
    assert code == 2
    root = ET.parse(junit).getroot()
    suites = root.findall("testsuite")
    total = 0
    for path, line in latest(out).items():
        mine = [s for s in suites if s.get("name", "").startswith(f"{path} ")]
        if line["status"] == "failed":
            (suite,) = [s for s in suites if s.get("name") == path]
            (case,) = suite.findall("testcase")
            assert case.find("error") is not None and suite.get("errors") == "1"
            total += 1
            continue
        report = json.loads((out / line["outputs"][2]).read_text(encoding="utf-8"))
        assert len(mine) == len(report["sides"]) == 2
        for suite, side in zip(mine, report["sides"], strict=True):
            cases = suite.findall("testcase")
            assert len(cases) == len(side["sentences"])
            failing = sum(1 for s in side["sentences"] if s["verdict"] != "supported")
            assert int(suite.get("failures", "-1")) == failing
            assert sum(1 for c in cases if c.find("failure") is not None) == failing
            total += len(cases)
    assert int(root.get("tests", "0")) == total > 1


def test_worker_processes_give_the_same_bytes(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 4)
    shutil.copy(EXAMPLE, tmp_path / "in" / "example.txt")
    common = [str(tmp_path / "in"), "--profile", str(profile_file(tmp_path))]
    common += ["--backend", "extractive", "--batch-articles", "2"]
    assert invoke([*common, "--out", str(tmp_path / "one")])[0] == 0
    assert invoke([*common, "--out", str(tmp_path / "two"), "--jobs", "2"])[0] == 0
    names = sorted(n for n in os.listdir(tmp_path / "one") if n != "manifest.jsonl")
    assert names == sorted(n for n in os.listdir(tmp_path / "two") if n != "manifest.jsonl")
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_one_model_load_and_shared_generate_batches(
    tmp_path: Path, tiny_models: dict[str, Path]
) -> None:
    make_corpus(tmp_path / "in", 4)
    loads: list[Any] = []

    def load(options: BatchOptions) -> Any:
        backend = load_model_backend(options)
        loads.append(backend)
        return backend

    options = BatchOptions(
        out_dir=tmp_path / "out",
        profile=str(profile_file(tmp_path)),
        backend={"backend": "seq2seq", "model": str(tiny_models["t5"]), "max_new_tokens": 8},
        chunk_articles=4,
    )
    result = run_batch([str(tmp_path / "in")], options, load_backend=load)
    assert [line.status for line in result.lines] == ["ok"] * 4
    assert len(loads) == 1
    # 4 articles x 2 sides = 8 prompts, under the batch size of 16: one generate call
    # for all of them (one per article would be 4)
    assert loads[0].generate_calls == 1


def test_nothing_to_do_loads_no_model(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 1)
    options = BatchOptions(out_dir=tmp_path / "out", backend={"backend": "extractive"})
    run_batch([str(tmp_path / "in")], options)

    def refuse(options: BatchOptions) -> Any:
        raise AssertionError("no model should be loaded when every input is skipped")

    resumed = run_batch([str(tmp_path / "in")], replace_resume(options), load_backend=refuse)
    assert [line.status for line in resumed.lines] == ["skipped"]


def replace_resume(options: BatchOptions) -> BatchOptions:
    from dataclasses import replace

    return replace(options, resume=True)


def test_output_names_never_collide(tmp_path: Path) -> None:
    for sub in ("x", "y"):
        make_corpus(tmp_path / sub, 1)
    out = tmp_path / "out"
    code, _, _ = invoke([str(tmp_path / "x"), str(tmp_path / "y"), "--out", str(out)])
    assert code == 0
    outputs = [name for line in manifest(out) for name in line["outputs"]]
    assert len(outputs) == len(set(outputs)) == 6
    assert all(name.startswith("a00-") for name in outputs)


def test_unwritable_output_folder(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 1)
    blocker = tmp_path / "somefile"
    blocker.write_text("x", encoding="utf-8")
    code, stdout, stderr = invoke([str(tmp_path / "in"), "--out", str(blocker / "out")])
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1 and str(blocker / "out") in lines[0]
    assert "Traceback" not in stderr and stdout == ""
    assert blocker.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("backend", ["seq2seq", "causal"])
def test_model_that_cannot_load_offline_stops_before_any_output(
    tmp_path: Path, backend: str
) -> None:
    make_corpus(tmp_path / "in", 1)
    out = tmp_path / "out"
    args = [str(tmp_path / "in"), "--out", str(out), "--backend", backend]
    code, stdout, stderr = invoke([*args, "--model", "no-such-org/no-such-model"])
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1 and "no-such-org/no-such-model" in lines[0]
    assert "Traceback" not in stderr and stdout == "" and not out.exists()


def test_manifest_line_round_trips_what_the_run_wrote(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 1)
    out = tmp_path / "out"
    invoke([str(tmp_path / "in"), "--out", str(out), "--backend", "extractive"])
    (raw,) = manifest(out)
    assert ManifestLine.from_json(raw).to_json() == raw


def test_an_output_folder_that_cannot_be_made_fails_before_any_model_load() -> None:
    from summarize.errors import OutputError
    from summarize.files import check_folder

    # root passes every permission check, but nothing can be created under /proc
    with pytest.raises(OutputError, match="cannot create the output folder"):
        check_folder(Path("/proc/summarize-out"))
