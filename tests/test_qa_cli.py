"""QA defects at the CLI: a missing --prompt with the extractive backend, several
files grouped as JSON, and markdown headings in the briefing title."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarize.cli import app

from .test_bad_input import ARTICLE, PROFILE

runner = CliRunner()


def write_inputs(folder: Path) -> tuple[Path, Path]:
    article = folder / "water.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    profile = folder / "water.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    return article, profile


def test_brief_refuses_a_missing_prompt_even_when_extractive(tmp_path: Path) -> None:
    article, profile = write_inputs(tmp_path)
    args = ["brief", str(article), "--profile", str(profile), "--backend", "extractive"]
    result = runner.invoke(app, [*args, "--prompt", "nosuch"])
    assert result.exit_code == 2
    assert "prompt 'nosuch': no such template" in result.stderr
    assert result.stdout == ""


def test_batch_refuses_a_missing_prompt_even_when_extractive(tmp_path: Path) -> None:
    article, profile = write_inputs(tmp_path)
    args = ["batch", str(article), "--profile", str(profile), "--out", str(tmp_path / "out")]
    result = runner.invoke(app, [*args, "--backend", "extractive", "--prompt", "nosuch"])
    assert result.exit_code == 2
    assert "prompt 'nosuch': no such template" in result.stderr
    assert not (tmp_path / "out" / "water.briefing.md").exists()


def test_group_json_of_two_files_is_one_array(tmp_path: Path) -> None:
    article, profile = write_inputs(tmp_path)
    second = tmp_path / "water2.txt"
    second.write_text(ARTICLE.replace("Tuesday", "Friday"), encoding="utf-8")
    result = runner.invoke(
        app, ["group", str(article), str(second), "--profile", str(profile), "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert isinstance(parsed, list) and len(parsed) == 2
    assert [item["source"]["path"] for item in parsed] == [str(article), str(second)]


def test_group_json_of_one_file_is_one_object(tmp_path: Path) -> None:
    article, profile = write_inputs(tmp_path)
    result = runner.invoke(app, ["group", str(article), "--profile", str(profile), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert isinstance(json.loads(result.stdout), dict)


def test_markdown_title_loses_its_marks_but_the_source_keeps_them(tmp_path: Path) -> None:
    from summarize import pipeline

    _, profile = write_inputs(tmp_path)
    article = tmp_path / "water.md"
    article.write_text("## " + ARTICLE, encoding="utf-8")
    grouping = pipeline.group(str(article), str(profile))
    assert grouping.title == "Council rejects water plan"
    assert grouping.source.text.startswith("## Council rejects water plan")
    # a hashtag is a word, not heading marks
    tagged = tmp_path / "tag.txt"
    tagged.write_text("#MeToo " + ARTICLE, encoding="utf-8")
    assert pipeline.group(str(tagged), str(profile)).title.startswith("#MeToo")
