from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize import pipeline
from summarize.backends import ExtractiveBackend, Seq2SeqBackend, SideRequest
from summarize.cli import app
from summarize.records import BRIEFING_SCHEMA

from .briefing_helpers import harbour_grouping
from .conftest import EXAMPLE, EXAMPLE_PROFILE

runner = CliRunner()
ARTICLE = [str(EXAMPLE), "--profile", str(EXAMPLE_PROFILE)]
TINY_DECODING = ["--max-new-tokens", "8", "--min-new-tokens", "2"]


def brief_cli(*args: str) -> Any:
    return runner.invoke(app, ["brief", *ARTICLE, *args])


def stderr_lines(result: Any) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


class CountingExtractive(ExtractiveBackend):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[int] = []

    def summarize(self, requests: Sequence[SideRequest]) -> list[str]:
        self.calls.append(len(requests))
        return super().summarize(requests)


def test_brief_many_sends_every_side_of_every_article_in_one_call() -> None:
    groupings = [harbour_grouping(), pipeline.group(str(EXAMPLE), str(EXAMPLE_PROFILE))]
    backend = CountingExtractive()
    briefings = pipeline.brief_many(groupings, backend)
    assert backend.calls == [3 + 3]
    assert [b.grouping for b in briefings] == groupings
    alone = pipeline.brief_many([groupings[1]], ExtractiveBackend())[0]
    assert briefings[1].to_json() == alone.to_json()


def test_brief_many_with_a_model_equals_one_article_at_a_time(
    tiny_models: dict[str, Path],
) -> None:
    groupings = [harbour_grouping(), pipeline.group(str(EXAMPLE), str(EXAMPLE_PROFILE))]
    backend = Seq2SeqBackend(
        str(tiny_models["t5"]), max_new_tokens=8, min_new_tokens=2, max_input_tokens=4000
    )
    together = pipeline.brief_many(groupings, backend)
    calls = backend.generate_calls
    separately = [pipeline.brief_many([g], backend)[0] for g in groupings]
    assert [b.to_json() for b in together] == [b.to_json() for b in separately]
    assert calls == 1  # both articles' six sides went through one batch


def test_brief_loads_the_backend_only_after_the_article_was_read(tmp_path: Path) -> None:
    loaded: list[bool] = []

    def loader() -> ExtractiveBackend:
        loaded.append(True)
        return ExtractiveBackend()

    from summarize.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        pipeline.brief(str(tmp_path / "missing.txt"), None, loader)
    assert loaded == []
    briefing = pipeline.brief(str(EXAMPLE), str(EXAMPLE_PROFILE), loader)
    assert loaded == [True] and briefing.backend.name == "extractive"


def test_json_has_exactly_the_briefing_shape() -> None:
    result = brief_cli("--backend", "extractive", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["schema", "source", "profile", "backend", "sides", "passages"]
    assert data["schema"] == BRIEFING_SCHEMA
    assert list(data["backend"]) == ["name", "model", "fallback_reason", "options"]
    assert data["backend"]["name"] == "extractive" and data["backend"]["fallback_reason"] is None
    assert [s["stakeholder"] for s in data["sides"]] == [
        "coalition",
        "parliamentarians",
        "chinese-government",
    ]
    text = EXAMPLE.read_text(encoding="utf-8")
    passages = {p["id"]: p for p in data["passages"]}
    for side in data["sides"]:
        assert list(side) == ["stakeholder", "label", "passages", "summary", "sentences"]
        assert side["summary"]
        for sentence in side["sentences"]:
            assert list(sentence) == ["text", "supported", "citations"]
            assert sentence["text"] in side["summary"]
            for c in sentence["citations"]:
                assert list(c) == ["passage", "start", "end"]
                p = passages[c["passage"]]
                assert p["start"] <= c["start"] < c["end"] <= p["end"]
                assert text[p["start"] : p["end"]] == p["text"]


def test_auto_offline_falls_back_with_one_stderr_line_and_records_why() -> None:
    result = brief_cli("--format", "json")
    assert result.exit_code == 0
    (line,) = stderr_lines(result)
    assert line.startswith("summarize: using the extractive backend: model 'google/flan-t5-base'")
    reason = json.loads(result.stdout)["backend"]["fallback_reason"]
    assert reason and reason in line


@pytest.mark.parametrize(
    "args",
    [
        ["--backend", "seq2seq", "--model", "./no-such-model"],
        ["--backend", "seq2seq"],  # the default hub model, not cached, offline
        ["--backend", "causal", "--model", "acme/absent"],
    ],
)
def test_named_backend_and_unloadable_model_is_exit_2_in_one_line(args: list[str]) -> None:
    result = brief_cli(*args)
    assert result.exit_code == 2
    (line,) = stderr_lines(result)
    assert line.startswith("summarize: error: model '")
    assert result.stdout == ""


def test_wrong_family_is_exit_2(tiny_models: dict[str, Path]) -> None:
    result = brief_cli("--backend", "causal", "--model", str(tiny_models["t5"]))
    assert result.exit_code == 2
    assert "is a seq2seq model, not causal" in result.stderr


def test_seq2seq_model_output_is_byte_identical_across_runs(tiny_models: dict[str, Path]) -> None:
    args = ["--backend", "seq2seq", "--model", str(tiny_models["t5"]), "-f", "json", *TINY_DECODING]
    first, second = brief_cli(*args), brief_cli(*args)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["backend"]["name"] == "seq2seq"
    assert data["backend"]["model"] == str(tiny_models["t5"])
    assert data["backend"]["options"]["max_new_tokens"] == 8
    assert stderr_lines(first) == []


def test_auto_with_a_causal_model_uses_the_causal_backend(tiny_models: dict[str, Path]) -> None:
    result = brief_cli("--model", str(tiny_models["qwen2"]), "-f", "json", *TINY_DECODING)
    assert result.exit_code == 0, result.output
    backend = json.loads(result.stdout)["backend"]
    assert backend["name"] == "causal" and backend["fallback_reason"] is None


def test_markdown_briefing(tmp_path: Path) -> None:
    out = tmp_path / "briefing.md"
    result = brief_cli("--backend", "extractive", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Canada leads international coalition")
    for label in (
        "## Canada-led coalition at the UN Human Rights Council",
        "## Inter-Parliamentary Alliance on China",
        "## Chinese government",
        "## Background",
    ):
        assert label in md
    assert "Sources:" in md
    assert md.count("- ¶") >= 3
    assert list(tmp_path.iterdir()) == [out]  # no temp file left behind


def test_markdown_makes_article_text_inert() -> None:
    from summarize.render import md_text

    assert md_text("<script>x</script> *bold* [link](u)") == (
        "\\<script\\>x\\</script\\> \\*bold\\* \\[link\\](u)"
    )


def test_verbose_prints_speakers_outside_the_profile_and_timings(
    tiny_models: dict[str, Path],
) -> None:
    result = brief_cli(
        "--model", str(tiny_models["t5"]), "-v", "--max-input-tokens", "4000", *TINY_DECODING
    )
    assert result.exit_code == 0
    outsiders, line = stderr_lines(result)
    # "The Commons motion said that ..." speaks for no side of the example's profile
    assert outsiders.startswith(f"summarize: warning: {EXAMPLE}: 1 speaker outside the profile")
    assert line.startswith("summarize: backend seq2seq; load ")
    assert "generation " in line and "1 generate call(s)" in line


def test_bad_article_fails_before_any_model_is_loaded(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["brief", str(tmp_path / "absent.txt"), "--backend", "seq2seq", "--model", "./nope"]
    )
    assert result.exit_code == 2
    (line,) = stderr_lines(result)
    assert "absent.txt: no such file" in line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--prompt", "nope"], "prompt 'nope': no such template"),
        (["--max-new-tokens", "4", "--min-new-tokens", "5"], "--min-new-tokens must be between"),
    ],
)
def test_bad_options_are_exit_2_even_in_auto_mode(args: list[str], message: str) -> None:
    result = brief_cli(*args)
    assert result.exit_code == 2
    (line,) = stderr_lines(result)
    assert message in line


def test_prompt_file_with_unknown_variable(tmp_path: Path, tiny_models: dict[str, Path]) -> None:
    prompt = tmp_path / "mine.txt"
    prompt.write_text("Summarise $side: $passages", encoding="utf-8")
    result = brief_cli("--model", str(tiny_models["t5"]), "--prompt", str(prompt))
    assert result.exit_code == 2
    assert "unknown variable $side" in result.stderr


def test_unwritable_out_is_exit_2(tmp_path: Path) -> None:
    result = brief_cli("--backend", "extractive", "--out", str(tmp_path / "no" / "b.md"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_eval_flag_checks_the_briefing_on_stderr_and_keeps_stdout_data(tmp_path: Path) -> None:
    junit = tmp_path / "brief.xml"
    result = brief_cli(
        "--backend", "extractive", "--format", "json", "--eval", "--junit", str(junit)
    )
    assert result.exit_code == 0, result.stderr
    briefing = json.loads(result.stdout)
    # the extractive briefing quotes the article, so every sentence is supported
    assert "faithfulness" in result.stderr
    import xml.etree.ElementTree as ET

    cases = ET.parse(junit).getroot().iter("testcase")
    sentences = sum(len(side["sentences"]) for side in briefing["sides"])
    assert sum(1 for _ in cases) == sentences


def test_fail_under_gates_the_brief_exit_code(tiny_models: dict[str, Path]) -> None:
    # a random-weight model writes gibberish: nothing it says is supported
    model = ["--backend", "seq2seq", "--model", str(tiny_models["t5"]), *TINY_DECODING]
    gated = brief_cli(*model, "--format", "json", "--fail-under", "0.9")
    assert gated.exit_code == 1, gated.stderr
    assert "below --fail-under 0.9" in gated.stderr
    assert json.loads(gated.stdout)["schema"] == BRIEFING_SCHEMA
    extractive = brief_cli("--backend", "extractive", "--fail-under", "0.9")
    assert extractive.exit_code == 0, extractive.stderr


def test_markdown_from_stdin_names_standard_input_and_quotes_sources_once() -> None:
    result = runner.invoke(
        app,
        ["brief", "-", "--profile", str(EXAMPLE_PROFILE), "--backend", "extractive"],
        input=EXAMPLE.read_text(encoding="utf-8"),
    )
    assert result.exit_code == 0, result.stderr
    assert "*Briefing by side · standard input · profile" in result.stdout
    # each cited source is a blockquote of the article's own words, not wrapped in new quotes
    assert "\n  > " in result.stdout
    assert '“"' not in result.stdout
