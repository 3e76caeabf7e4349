"""The planted-error generator (eval/plant.py): an unattributed case is a quotation's
words, never the writer's words between two quotations."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PLANT = Path(__file__).resolve().parent.parent / "eval" / "plant.py"


def _plant() -> ModuleType:
    spec = importlib.util.spec_from_file_location("plant", PLANT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the module runs
    sys.modules.setdefault("plant", module)
    spec.loader.exec_module(sys.modules["plant"])
    return sys.modules["plant"]


def _unattributed(text: str) -> tuple[str, str] | None:
    plant = _plant()
    base = plant.Base("a", text, "s1", text, text)
    result: tuple[str, str] | None = plant.plant_unattributed(base)
    return result


def test_unattributed_case_is_the_quoted_claim_without_marks() -> None:
    planted = _unattributed('"The new toll will ruin the harbour for good," Mirela Kostov said.')
    assert planted is not None
    assert planted[0] == "The new toll will ruin the harbour for good."


def test_unattributed_case_never_takes_the_words_between_two_quotations() -> None:
    # the first quotation is too short (under 25 characters), the second starts lower-case:
    # the narration between them ('Kostov said, referring to ...') is no claim to plant
    text = (
        "\u201cEvery time you say that,\u201d Kostov said, referring to the toll excuse, "
        "\u201cyou give the pilots a reason to strike.\u201d"
    )
    assert _unattributed(text) is None


def _paraphrases(text: str) -> list[str]:
    plant = _plant()
    return [t for t, _what in plant.paraphrases(plant.Base("a", text, "s1", text, text))]


def test_speech_verb_swaps_stay_outside_quotations() -> None:
    # "as she has said" is the speaker's own wording: "as she has noted" would misquote
    inside = '"She will not back down because, as she has said, the toll is unfair."'
    assert not any("noted" in t or "stated" in t for t in _paraphrases(inside))
    outside = 'Kostov said the toll is unfair to the pilots of the harbour.'
    assert "Kostov stated the toll is unfair to the pilots of the harbour." in _paraphrases(outside)
