from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from summarize.inputs import (
    BatchInput,
    expand_inputs,
    output_names,
    output_path,
    sanitise_name,
)


def touch(path: Path, text: str = "Text.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_is_searched_recursively_by_supported_suffix(tmp_path: Path) -> None:
    touch(tmp_path / "a.txt")
    touch(tmp_path / "sub" / "b.md")
    touch(tmp_path / "sub" / "deeper" / "c.html")
    touch(tmp_path / "sub" / "notes.pdf")
    touch(tmp_path / ".hidden.txt")
    touch(tmp_path / ".git" / "x.txt")
    found = expand_inputs([str(tmp_path)], profile="p.yaml")
    rel = [os.path.relpath(i.path, tmp_path) for i in found]
    assert rel == ["a.txt", "sub/b.md", "sub/deeper/c.html"]
    assert all(i.profile == "p.yaml" and i.error is None for i in found)


def test_output_folder_inside_an_input_folder_is_not_read_back(tmp_path: Path) -> None:
    touch(tmp_path / "a.txt")
    touch(tmp_path / "out" / "a.briefing.md")
    found = expand_inputs([str(tmp_path)], exclude=tmp_path / "out")
    assert [Path(i.path).name for i in found] == ["a.txt"]


def test_glob_expands_sorted_and_an_empty_glob_is_an_error_entry(tmp_path: Path) -> None:
    touch(tmp_path / "b.txt")
    touch(tmp_path / "a.txt")
    touch(tmp_path / "c.md")
    found = expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "*.nothing")])
    assert [Path(i.path).name for i in found[:2]] == ["a.txt", "b.txt"]
    assert found[2].error is not None and "no files match" in found[2].error


def test_manifest_paths_resolve_against_the_manifest_folder(tmp_path: Path) -> None:
    touch(tmp_path / "arts" / "one.txt")
    touch(tmp_path / "arts" / "two.txt")
    manifest = tmp_path / "arts" / "list.jsonl"
    manifest.write_text(
        json.dumps({"path": "one.txt", "profile": "p1.yaml"})
        + "\n\n"
        + json.dumps({"path": "two.txt"})
        + "\n"
        + "{not json\n"
        + json.dumps({"path": "x.txt", "colour": "red"})
        + "\n",
        encoding="utf-8",
    )
    found = expand_inputs([str(manifest)], profile="default.yaml")
    arts = str(tmp_path / "arts")
    assert found[0] == BatchInput(os.path.join(arts, "one.txt"), os.path.join(arts, "p1.yaml"))
    # no profile on the line: the --profile of the command line
    assert found[1] == BatchInput(os.path.join(arts, "two.txt"), "default.yaml")
    # bad lines become error entries named by line number (4 and 5; line 2 is blank)
    assert found[2].path == f"{manifest}:4" and found[2].error is not None
    assert "unknown key 'colour'" in (found[3].error or "")


def test_a_file_named_twice_is_listed_once(tmp_path: Path) -> None:
    a = touch(tmp_path / "a.txt")
    found = expand_inputs([str(a), str(tmp_path), str(tmp_path / "." / "a.txt")])
    assert [i.path for i in found] == [str(a)]


def test_missing_path_is_kept_for_the_run_to_report(tmp_path: Path) -> None:
    found = expand_inputs([str(tmp_path / "gone.txt")])
    assert found == [BatchInput(str(tmp_path / "gone.txt"))]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("news/Court rules.txt", "Court-rules"),
        ("../../etc/passwd", "passwd"),
        ("..", "article"),
        ("../.bashrc", "bashrc"),
        ("a/b/..txt", "article"),
        ("Café Ünïcode.html", "Cafe-Unicode"),
        ("C:\\docs\\report.md", "report"),
        ("x" * 300 + ".txt", "x" * 80),
    ],
)
def test_sanitise_name(path: str, name: str) -> None:
    assert sanitise_name(path) == name


def test_colliding_names_get_a_stable_hash_and_stay_unique() -> None:
    paths = ["a/report.txt", "b/report.txt", "c/Report.md", "solo.txt"]
    names = output_names(paths)
    assert names[3] == "solo"
    assert len({n.lower() for n in names}) == 4
    assert all(n.startswith(("report-", "Report-")) for n in names[:3])
    # deterministic, and independent of the order the inputs came in
    assert output_names(list(reversed(paths))) == list(reversed(names))


def test_a_hashed_name_that_meets_a_natural_one_gets_a_counter() -> None:
    import hashlib

    taken = "r-" + hashlib.sha256(b"x/r.txt").hexdigest()[:8]
    names = output_names([f"{taken}.txt", "x/r.txt", "y/r.txt"])
    assert names[0] == taken and names[1] == f"{taken}-2"


@pytest.mark.parametrize("name", ["../evil", "..", ".hidden", "a/b", "", "a\\b"])
def test_output_path_refuses_names_that_leave_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        output_path(tmp_path, name, "briefing.json")


def test_every_derived_name_stays_in_the_folder(tmp_path: Path) -> None:
    nasty = ["../../x.txt", "/etc/passwd", "..\\..\\win.txt", "a/../../b.md", "~/.ssh/id.txt"]
    for name in output_names(nasty):
        for kind in ("briefing.json", "briefing.md", "eval.json"):
            assert output_path(tmp_path, name, kind).parent == tmp_path


def test_stdin_is_refused_in_a_batch() -> None:
    (entry,) = expand_inputs(["-"])
    assert entry.error == "-: a batch reads files, not stdin"
