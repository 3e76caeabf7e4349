from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.errors import OutputError
from summarize.manifest import (
    ManifestLine,
    append_line,
    can_skip,
    file_sha256,
    options_hash,
    read_manifest,
    start_manifest,
)

OUTPUTS = ("a.briefing.json", "a.briefing.md", "a.eval.json")


def ok_line(path: str = "in/a.txt", sha: str = "s1", opts: str = "o1") -> ManifestLine:
    return ManifestLine(path, "ok", sha, opts, "extractive", None, 1.5, 0.9, OUTPUTS)


def write_outputs(folder: Path) -> None:
    (folder / OUTPUTS[0]).write_text("{}", encoding="utf-8")
    (folder / OUTPUTS[1]).write_text("# A\n", encoding="utf-8")
    (folder / OUTPUTS[2]).write_text('{"faithfulness": 1}', encoding="utf-8")


def test_options_hash_ignores_key_order_and_sees_values() -> None:
    assert options_hash({"a": 1, "b": [1, 2]}) == options_hash({"b": [1, 2], "a": 1})
    assert options_hash({"a": 1}) != options_hash({"a": 2})
    assert len(options_hash({})) == 16


def test_file_sha256(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_bytes(b"abc")
    # sha256("abc"), the FIPS 180-2 test vector
    assert file_sha256(str(f)) == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    assert file_sha256(str(tmp_path / "missing")) is None


def test_lines_round_trip_and_the_latest_line_wins(tmp_path: Path) -> None:
    m = start_manifest(tmp_path, fresh=True)
    first = ManifestLine("in/a.txt", "failed", "s0", "o1", error="in/a.txt: file is empty")
    append_line(m, first)
    append_line(m, ok_line())
    append_line(m, ok_line("in/b.txt"))
    lines = m.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    assert json.loads(lines[0])["error"] == "in/a.txt: file is empty"
    assert set(json.loads(lines[1])) >= {
        "path", "status", "sha256", "options_hash", "backend", "model",
        "seconds", "faithfulness", "outputs", "error",
    }  # fmt: skip
    latest = read_manifest(m)
    assert latest["in/a.txt"] == ok_line()
    assert latest["in/b.txt"].path == "in/b.txt"


def test_a_torn_last_line_is_ignored_and_the_next_append_starts_fresh(tmp_path: Path) -> None:
    m = start_manifest(tmp_path, fresh=True)
    append_line(m, ok_line())
    whole = json.dumps(ok_line("in/b.txt").to_json())
    with open(m, "a", encoding="utf-8") as handle:
        handle.write(whole[: len(whole) // 2])  # a kill mid-write
    assert set(read_manifest(m)) == {"in/a.txt"}
    append_line(m, ok_line("in/c.txt"))
    assert set(read_manifest(m)) == {"in/a.txt", "in/c.txt"}


def test_start_manifest_keeps_the_log_on_resume_and_empties_it_otherwise(tmp_path: Path) -> None:
    m = start_manifest(tmp_path, fresh=True)
    append_line(m, ok_line())
    start_manifest(tmp_path, fresh=False)
    assert set(read_manifest(m)) == {"in/a.txt"}
    start_manifest(tmp_path, fresh=True)
    assert read_manifest(m) == {}


def test_start_manifest_in_a_folder_that_cannot_exist(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write the manifest"):
        start_manifest(blocker / "out", fresh=True)


def test_can_skip_only_a_whole_matching_success(tmp_path: Path) -> None:
    write_outputs(tmp_path)
    assert can_skip(ok_line(), "s1", "o1", tmp_path, OUTPUTS)
    assert not can_skip(None, "s1", "o1", tmp_path, OUTPUTS)
    assert not can_skip(ok_line(), "changed", "o1", tmp_path, OUTPUTS)
    assert not can_skip(ok_line(), "s1", "other-options", tmp_path, OUTPUTS)
    assert not can_skip(ok_line(), None, "o1", tmp_path, OUTPUTS)
    failed = ManifestLine("in/a.txt", "failed", "s1", "o1", outputs=OUTPUTS)
    assert not can_skip(failed, "s1", "o1", tmp_path, OUTPUTS)
    # a skipped line from an earlier resume is as good as the ok line it carried on
    skipped = ManifestLine("in/a.txt", "skipped", "s1", "o1", outputs=OUTPUTS)
    assert can_skip(skipped, "s1", "o1", tmp_path, OUTPUTS)


@pytest.mark.parametrize("broken", [0, 1, 2])
def test_can_skip_redoes_a_missing_or_unparsable_output(tmp_path: Path, broken: int) -> None:
    write_outputs(tmp_path)
    target = tmp_path / OUTPUTS[broken]
    if broken == 0:
        target.unlink()
    elif broken == 1:
        target.write_text("  \n", encoding="utf-8")
    else:
        target.write_text('{"faithful', encoding="utf-8")
    assert not can_skip(ok_line(), "s1", "o1", tmp_path, OUTPUTS)
