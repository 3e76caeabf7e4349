from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.cli_options import table_width

from .conftest import EXAMPLE


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_tables_take_the_terminal_width_and_a_fixed_one_in_pipes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert table_width(_Terminal()) == 80
    # a pipe or a file gets the same width everywhere, so output stays byte-identical
    assert table_width(io.StringIO()) == 120
    monkeypatch.setenv("COLUMNS", "20")
    assert table_width(_Terminal()) == 60


@pytest.mark.parametrize(("args", "line"), [
    (["group", "a.txt", "--format", "xml"],
     "summarize: error: Invalid value for '--format' / '-f': Value error, 'xml' is not one of "
     "'table', 'json'. (see 'summarize group --help')"),
    (["group"], "summarize: error: Missing argument 'files'. (see 'summarize group --help')"),
    (["frob"], "summarize: error: No such command 'frob'. (see 'summarize --help')"),
    (["brief", "a.txt", "--words", "0"],
     "summarize: error: Invalid value for '--words': Input should be greater than or equal to "
     "1 (see 'summarize brief --help')"),
])
def test_a_usage_error_is_one_line_and_exit_2(args: list[str], line: str) -> None:
    result = CliRunner().invoke(app, args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, line + "\n", "")


def test_help_is_not_an_error() -> None:
    result = CliRunner().invoke(app, ["group", "--help"])
    assert result.exit_code == 0 and "Usage: summarize group" in result.stdout
    bare = CliRunner().invoke(app, [])  # no command: the help, and a usage exit
    assert bare.exit_code == 2 and "Commands" in bare.stdout + bare.stderr


def test_a_bad_profile_is_one_error_however_many_articles(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("name: x\nstakeholders: []\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["group", str(EXAMPLE), str(EXAMPLE), "-p", str(bad)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"summarize: error: {bad}: stakeholders must be a non-empty list\n"
