from __future__ import annotations

import io

import pytest

from summarize.cli_options import table_width


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
