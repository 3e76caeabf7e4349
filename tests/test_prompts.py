from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import InputError
from summarize.prompts import (
    PROMPT_VARIABLES,
    load_prompt,
    number_passages,
    prompt_names,
    prompts_folder,
)


def test_each_family_has_a_shipped_template_using_every_variable() -> None:
    assert {"seq2seq", "causal"} <= set(prompt_names())
    for name in ("seq2seq", "causal"):
        template = load_prompt(name)
        assert Path(template.path).parent == prompts_folder()
        for variable in PROMPT_VARIABLES:
            assert f"${variable}" in template.text, (name, variable)


def test_render_fills_every_variable() -> None:
    template = load_prompt("seq2seq")
    text = template.render(
        label="Harbour board",
        description="Runs the port",
        passages=["First  passage.", "Second\npassage."],
        title="Harbour plan",
        words=42,
    )
    assert "$" not in text
    assert "Harbour board" in text and "Harbour plan" in text and "42" in text
    # white space inside a passage collapses; numbering starts at 1
    assert "[1] First passage.\n[2] Second passage." in text


def test_number_passages() -> None:
    assert number_passages(["a b", "c"]) == "[1] a b\n[2] c"
    assert number_passages([]) == ""


def test_template_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("Summarise $label in $words words, dollars: $$5.\n$passages", encoding="utf-8")
    template = load_prompt(str(path))
    assert template.name == "mine"
    text = template.render(label="L", description="", passages=["p"], title="T", words=3)
    assert text == "Summarise L in 3 words, dollars: $5.\n[1] p"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Use $side and $passages", "unknown variable $side"),
        ("Only $label here", "never uses $passages"),
        ("Costs $5 for $passages", "invalid placeholder '$5"),
    ],
)
def test_bad_templates_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_prompt(str(path))
    assert message in str(error.value)
    assert str(path) in str(error.value)
    assert "\n" not in str(error.value)


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(InputError, match=r"prompt 'nope': no such template \(known: .*causal"):
        load_prompt("nope")


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such prompt template file"):
        load_prompt(str(tmp_path / "absent.txt"))
