"""The example article's whole grouping JSON, compared byte for byte with a saved copy.

Any change in segmenting or attribution shows up here as a diff to review. After an
intended change, regenerate the file and review the diff before committing:

    SUMMARIZE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os

import pytest

from summarize.pipeline import group
from summarize.render import to_json_text

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "xinjiang.grouping.json"


def test_example_grouping_matches_the_golden_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the JSON records the path as given: keep it relative
    text = to_json_text(group("examples/xinjiang-unhrc-cbc.txt", "examples/xinjiang-unhrc.yaml")
                        .to_json())
    if os.environ.get("SUMMARIZE_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert GOLDEN.exists(), f"missing {GOLDEN}; regenerate it (see this module's docstring)"
    assert text == GOLDEN.read_text(encoding="utf-8")
