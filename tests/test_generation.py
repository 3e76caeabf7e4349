from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from summarize import pipeline
from summarize.backends import CausalBackend, Seq2SeqBackend, SideRequest
from summarize.backends.generation import ModelBackend, bucket_order
from summarize.errors import ModelError
from summarize.records import Grouping

from .conftest import EXAMPLE, EXAMPLE_PROFILE

PROMPTS = [
    "Canada is leading an international effort at the United Nations.",
    "The Chinese government has denied the claims.",
    "Sixty parliamentarians from 18 countries plan to issue a separate public letter asking "
    "the council to set up an independent commission of inquiry.",
    "Failure will be their fate!",
    "The statement also expresses concerns about Hong Kong and Tibet.",
]
DECODING = {"max_new_tokens": 10, "min_new_tokens": 3}


class RecordingSeq2Seq(Seq2SeqBackend):
    """The real backend, keeping every round of prompts it generates for."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.rounds: list[list[str]] = []

    def generate_batched(self, prompts: Sequence[str]) -> list[str]:
        self.rounds.append(list(prompts))
        return super().generate_batched(prompts)


@pytest.fixture(scope="module")
def example_grouping() -> Grouping:
    return pipeline.group(str(EXAMPLE), str(EXAMPLE_PROFILE))


def requests_of(grouping: Grouping) -> list[SideRequest]:
    return pipeline.side_requests(grouping, pipeline.BriefOptions(words=30))


def test_bucket_order_is_longest_first_and_stable() -> None:
    assert bucket_order([3, 9, 3, 5], bucket=True) == [1, 3, 0, 2]
    assert bucket_order([3, 9, 3, 5], bucket=False) == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("name", "backend_class"), [("t5", Seq2SeqBackend), ("qwen2", CausalBackend)]
)
def test_batched_equals_one_by_one(
    tiny_models: dict[str, Path], name: str, backend_class: type[ModelBackend]
) -> None:
    model = str(tiny_models[name])
    batched = backend_class(model, batch_size=8, **DECODING).generate_batched(PROMPTS)
    single = backend_class(model, batch_size=1, **DECODING).generate_batched(PROMPTS)
    unbucketed = backend_class(model, batch_size=3, bucket=False, **DECODING)
    assert batched == single == unbucketed.generate_batched(PROMPTS)
    # the prompts do lead to different outputs, so a mix-up of order would show
    assert len(set(batched)) > 1
    assert all(batched)


def test_batches_are_counted(tiny_models: dict[str, Path]) -> None:
    backend = Seq2SeqBackend(str(tiny_models["t5"]), batch_size=2, **DECODING)
    backend.generate_batched(PROMPTS)
    assert backend.generate_calls == 3  # 5 prompts in batches of 2: 2 + 2 + 1


def test_beam_search_runs_and_is_recorded(tiny_models: dict[str, Path]) -> None:
    backend = Seq2SeqBackend(str(tiny_models["bart"]), num_beams=3, **DECODING)
    assert backend.options()["num_beams"] == 3
    first = backend.generate_batched(PROMPTS[:2])
    assert first == backend.generate_batched(PROMPTS[:2])
    assert all(isinstance(text, str) for text in first)


def test_determinism_across_loads(tiny_models: dict[str, Path], example_grouping: Grouping) -> None:
    requests = requests_of(example_grouping)
    one = Seq2SeqBackend(str(tiny_models["t5"]), **DECODING).summarize(requests)
    two = Seq2SeqBackend(str(tiny_models["t5"]), **DECODING).summarize(requests)
    assert one == two
    assert len(one) == len(example_grouping.profile.stakeholders)


def test_a_side_that_fits_is_one_prompt_of_its_own_passages(
    tiny_models: dict[str, Path], example_grouping: Grouping
) -> None:
    backend = RecordingSeq2Seq(str(tiny_models["t5"]), max_input_tokens=4000, **DECODING)
    requests = requests_of(example_grouping)
    backend.summarize(requests)
    assert len(backend.rounds) == 1
    assert len(backend.rounds[0]) == sum(1 for r in requests if r.passages)
    for request, prompt in zip(requests, backend.rounds[0], strict=False):
        own = [ap.passage.text for ap in request.passages]
        others = [
            ap.passage.text
            for ap in example_grouping.passages
            if ap.stakeholder != request.stakeholder.id and ap.passage.kind == "body"
        ]
        positions = [prompt.index(" ".join(text.split())) for text in own]
        assert positions == sorted(positions)  # article order
        assert not any(" ".join(t.split()) in prompt for t in others if t not in own)


def test_an_over_long_side_is_chunked_then_combined(
    tiny_models: dict[str, Path], example_grouping: Grouping
) -> None:
    limit = 160
    backend = RecordingSeq2Seq(str(tiny_models["t5"]), max_input_tokens=limit, **DECODING)
    requests = requests_of(example_grouping)
    summaries = backend.summarize(requests)
    sides = sum(1 for r in requests if r.passages)
    assert len(backend.rounds[0]) > sides  # at least one side needed several chunks
    assert len(backend.rounds) >= 2  # ... and its partial summaries were summarised
    for prompts in backend.rounds:
        assert all(backend.count(p) <= limit for p in prompts)
    # Nothing truncated: every word of every side's passages reached the model, in order.
    first_round = " ".join(" ".join(p.split()) for p in backend.rounds[0])
    for request in requests:
        for ap in request.passages:
            for word in ap.passage.text.split():
                assert word in first_round
    assert len(summaries) == len(requests)
    assert all(summaries[i] for i, r in enumerate(requests) if r.passages)


def test_pack_cuts_a_passage_too_long_for_the_model_into_windows(
    tiny_models: dict[str, Path], example_grouping: Grouping
) -> None:
    backend = Seq2SeqBackend(str(tiny_models["t5"]), max_input_tokens=200, **DECODING)
    request = requests_of(example_grouping)[0]
    render = backend._renderer(request)
    long_text = " ".join(ap.passage.text for ap in example_grouping.passages[:12])
    chunks = backend.pack([long_text], render)
    assert len(chunks) > 1
    assert " ".join(piece for chunk in chunks for piece in chunk).split() == long_text.split()
    assert all(backend.count(render(chunk)) <= 200 for chunk in chunks)


def test_a_template_longer_than_the_input_limit_is_an_error(
    tiny_models: dict[str, Path], example_grouping: Grouping
) -> None:
    backend = Seq2SeqBackend(str(tiny_models["t5"]), max_input_tokens=10, **DECODING)
    with pytest.raises(ModelError, match=r"prompt 'seq2seq' alone is \d+ tokens"):
        backend.summarize(requests_of(example_grouping))


def test_causal_prompts_use_the_chat_template(tiny_models: dict[str, Path]) -> None:
    backend = CausalBackend(str(tiny_models["qwen2"]), **DECODING)
    text = backend.chat_text("Summarise this.")
    assert text.startswith("<|im_start|>user\nSummarise this.<|im_end|>")
    assert text.endswith("<|im_start|>assistant\n")
    assert backend.options()["max_input_tokens"] == 512 - DECODING["max_new_tokens"]


def test_sides_without_passages_get_no_prompt(
    tiny_models: dict[str, Path], example_grouping: Grouping
) -> None:
    from summarize.records import Stakeholder

    backend = RecordingSeq2Seq(str(tiny_models["t5"]), **DECODING)
    silent = SideRequest(example_grouping, Stakeholder("nobody", "Nobody"), 30)
    assert backend.summarize([silent]) == [""]
    assert backend.rounds == []


def test_int8_quantisation_runs(tiny_models: dict[str, Path]) -> None:
    backend = Seq2SeqBackend(str(tiny_models["t5"]), quantize="int8", **DECODING)
    assert backend.options()["quantize"] == "int8"
    outputs = backend.generate_batched(PROMPTS[:2])
    assert outputs == backend.generate_batched(PROMPTS[:2])
