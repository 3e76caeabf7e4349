"""What the model backends share: packing a side's passages into prompts that fit the
model's input, map-reduce over chunks, and padded, length-bucketed batched ``generate``.

Every prompt of a run (all sides of all articles, all chunks of a round) goes through
one ``generate_batched`` call, so a model loaded once serves many articles.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from summarize.backends.base import SideRequest
from summarize.backends.loading import (
    DEFAULT_MODELS,
    Family,
    LoadedModel,
    LoadSettings,
    load_model,
    model_family,
    resolve_model,
)
from summarize.errors import ModelError
from summarize.prompts import PromptTemplate, load_prompt

QUANTIZE_CHOICES = ("int8",)
_SANE_LENGTH = 1_000_000  # tokenizers report a huge model_max_length when they know none


@dataclass(frozen=True)
class DecodeOptions:
    num_beams: int = 1
    max_new_tokens: int = 128
    min_new_tokens: int = 0
    batch_size: int = 16
    max_input_tokens: int | None = None
    bucket: bool = True

    def check(self) -> None:
        if self.num_beams < 1:
            raise ModelError(f"--num-beams must be at least 1, got {self.num_beams}")
        if self.max_new_tokens < 1:
            raise ModelError(f"--max-new-tokens must be at least 1, got {self.max_new_tokens}")
        if not 0 <= self.min_new_tokens <= self.max_new_tokens:
            raise ModelError(
                f"--min-new-tokens must be between 0 and --max-new-tokens "
                f"({self.max_new_tokens}), got {self.min_new_tokens}"
            )
        if self.batch_size < 1:
            raise ModelError(f"--batch-size must be at least 1, got {self.batch_size}")
        if self.max_input_tokens is not None and self.max_input_tokens < 8:
            raise ModelError(f"--max-input-tokens must be at least 8, got {self.max_input_tokens}")


def bucket_order(lengths: Sequence[int], bucket: bool) -> list[int]:
    """Indices longest first (ties in input order), so a batch holds similar lengths."""
    indices = list(range(len(lengths)))
    return sorted(indices, key=lambda i: (-lengths[i], i)) if bucket else indices


def quantize_int8(model: Any) -> Any:
    """Dynamic int8 quantisation of the Linear layers (CPU only)."""
    import torch

    with warnings.catch_warnings():
        # torch marks its eager quantisation API deprecated; it is still the CPU path.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        from torch.ao.quantization import quantize_dynamic

        return quantize_dynamic(  # type: ignore[no-untyped-call]
            model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True
        )


class ModelBackend:
    """A transformers model behind the SummaryBackend protocol; subclasses set the family."""

    name: str = "model"
    family: Family = "seq2seq"
    padding_side: str = "right"

    def __init__(
        self,
        model: str | None = None,
        *,
        prompt: str | None = None,
        device: str = "auto",
        dtype: str = "auto",
        threads: int | None = None,
        num_beams: int = 1,
        max_new_tokens: int = 128,
        min_new_tokens: int = 0,
        batch_size: int = 16,
        max_input_tokens: int | None = None,
        bucket: bool = True,
        quantize: str | None = None,
    ) -> None:
        self.decode = DecodeOptions(
            num_beams, max_new_tokens, min_new_tokens, batch_size, max_input_tokens, bucket
        )
        self.decode.check()
        if quantize is not None and quantize not in QUANTIZE_CHOICES:
            raise ModelError(f"unknown quantisation '{quantize}' (expected: int8)")
        self.template: PromptTemplate = load_prompt(prompt or self.family)
        self.model_id: str | None = model or DEFAULT_MODELS[self.family]
        self.fallback_reason: str | None = None
        resolved = resolve_model(self.model_id)
        found = model_family(resolved)
        if found != self.family:
            raise ModelError(
                f"model '{self.model_id}' is a {found} model, not {self.family} "
                f"(use --backend {found} or --backend auto)"
            )
        self.loaded: LoadedModel = load_model(resolved, found, LoadSettings(device, dtype, threads))
        self.quantize = quantize
        if quantize == "int8":
            if self.loaded.device != "cpu":
                raise ModelError("--quantize int8 works on the CPU only (use --device cpu)")
            self.model: Any = quantize_int8(self.loaded.model)
        else:
            self.model = self.loaded.model
        self.tokenizer: Any = self.loaded.tokenizer
        self.input_limit = self._input_limit()
        self.generate_seconds = 0.0
        self.generate_calls = 0

    # -- what subclasses provide -------------------------------------------------------
    def prompt_ids(self, prompt: str) -> list[int]:
        raise NotImplementedError

    def model_context(self) -> int | None:
        """The longest input the model takes, from tokenizer and config (None: unknown)."""
        config = self.loaded.model.config
        lengths = [
            int(v)
            for v in (
                getattr(self.tokenizer, "model_max_length", None),
                getattr(config, "max_position_embeddings", None),
                getattr(config, "n_positions", None),
            )
            if isinstance(v, int) and 0 < v < _SANE_LENGTH
        ]
        return min(lengths) if lengths else None

    def _input_limit(self) -> int:
        if self.decode.max_input_tokens is not None:
            return self.decode.max_input_tokens
        return self.model_context() or 512

    # -- the protocol ------------------------------------------------------------------
    def options(self) -> dict[str, Any]:
        return {
            "prompt": self.template.name,
            "num_beams": self.decode.num_beams,
            "max_new_tokens": self.decode.max_new_tokens,
            "min_new_tokens": self.decode.min_new_tokens,
            "max_input_tokens": self.input_limit,
            "device": self.loaded.device,
            "dtype": self.loaded.dtype,
            "quantize": self.quantize,
        }

    def summarize(self, requests: Sequence[SideRequest]) -> list[str]:
        """Map-reduce: chunk summaries first, then summaries of the partial summaries,
        until each side has one. All prompts of a round share the generate batches."""
        results = ["" for _ in requests]
        pending = {
            i: [ap.passage.text for ap in r.passages] for i, r in enumerate(requests) if r.passages
        }
        chunk_counts: dict[int, int] = {}
        while pending:
            jobs: list[tuple[int, str]] = []
            for i, texts in pending.items():
                render = self._renderer(requests[i])
                chunks = self.pack(texts, render)
                if i in chunk_counts and len(chunks) >= chunk_counts[i]:
                    raise ModelError(
                        f"partial summaries of '{requests[i].stakeholder.id}' do not fit "
                        f"fewer prompts of at most {self.input_limit} tokens "
                        "(raise --max-input-tokens or lower --max-new-tokens)"
                    )
                chunk_counts[i] = len(chunks)
                jobs.extend((i, render(chunk)) for chunk in chunks)
            outputs = self.generate_batched([prompt for _, prompt in jobs])
            partials: dict[int, list[str]] = {}
            for (i, _), text in zip(jobs, outputs, strict=True):
                partials.setdefault(i, []).append(text)
            pending = {}
            for i, texts in partials.items():
                kept = [t for t in texts if t]
                if len(texts) == 1 or len(kept) <= 1:
                    results[i] = kept[0] if kept else ""
                else:
                    pending[i] = kept
        return results

    # -- packing -----------------------------------------------------------------------
    def _renderer(self, request: SideRequest) -> Callable[[Sequence[str]], str]:
        def render(texts: Sequence[str]) -> str:
            return self.template.render(
                label=request.stakeholder.label,
                description=request.stakeholder.description,
                passages=texts,
                title=request.title,
                words=request.words,
            )

        return render

    def count(self, prompt: str) -> int:
        return len(self.prompt_ids(prompt))

    def pack(self, texts: Sequence[str], render: Callable[[Sequence[str]], str]) -> list[list[str]]:
        """Group passages (article order) into chunks whose prompt fits the input limit.
        A passage too long on its own is cut into word windows: nothing is dropped."""
        overhead = self.count(render([""]))
        if overhead >= self.input_limit:
            raise ModelError(
                f"prompt '{self.template.name}' alone is {overhead} tokens; the model input "
                f"limit is {self.input_limit} (raise --max-input-tokens or shorten the template)"
            )
        if self.count(render(texts)) <= self.input_limit:
            return [list(texts)]
        chunks: list[list[str]] = []
        current: list[str] = []
        for text in texts:
            for piece in self._fitting_pieces(text, render):
                if current and self.count(render([*current, piece])) > self.input_limit:
                    chunks.append(current)
                    current = []
                current.append(piece)
        if current:
            chunks.append(current)
        return chunks

    def _fitting_pieces(self, text: str, render: Callable[[Sequence[str]], str]) -> list[str]:
        if self.count(render([text])) <= self.input_limit:
            return [text]
        words = text.split()
        pieces: list[str] = []
        while words:
            lo, hi = 1, len(words)  # largest prefix that fits: binary search
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if self.count(render([" ".join(words[:mid])])) <= self.input_limit:
                    lo = mid
                else:
                    hi = mid - 1
            if self.count(render([" ".join(words[:lo])])) > self.input_limit:
                raise ModelError(
                    f"a single word does not fit the model input limit of {self.input_limit} "
                    "tokens with this prompt"
                )
            pieces.append(" ".join(words[:lo]))
            words = words[lo:]
        return pieces

    # -- generation --------------------------------------------------------------------
    def generation_config(self) -> Any:
        import copy

        config = copy.deepcopy(self.loaded.model.generation_config)
        # Greedy or beam search only: the model's sampling defaults would make runs differ.
        for sampling in ("temperature", "top_p", "top_k", "typical_p", "min_p"):
            setattr(config, sampling, None)
        config.update(
            do_sample=False,
            num_beams=self.decode.num_beams,
            num_return_sequences=1,
            max_new_tokens=self.decode.max_new_tokens,
            min_new_tokens=self.decode.min_new_tokens or None,
            max_length=None,
            pad_token_id=self.tokenizer.pad_token_id,
        )
        return config

    def generate_batched(self, prompts: Sequence[str]) -> list[str]:
        """Decode every prompt: longest first in batches of similar length, order restored."""
        import torch

        if not prompts:
            return []
        started = time.perf_counter()
        encoded = [self.prompt_ids(p) for p in prompts]
        order = bucket_order([len(ids) for ids in encoded], self.decode.bucket)
        config = self.generation_config()
        pad = int(self.tokenizer.pad_token_id)
        outputs: list[str] = ["" for _ in prompts]
        for at in range(0, len(order), self.decode.batch_size):
            batch = order[at : at + self.decode.batch_size]
            width = max(len(encoded[i]) for i in batch)
            ids, mask = [], []
            for i in batch:
                gap = width - len(encoded[i])
                if self.padding_side == "left":
                    ids.append([pad] * gap + encoded[i])
                    mask.append([0] * gap + [1] * len(encoded[i]))
                else:
                    ids.append(encoded[i] + [pad] * gap)
                    mask.append([1] * len(encoded[i]) + [0] * gap)
            device = self.loaded.device
            input_ids = torch.tensor(ids, dtype=torch.long, device=device)
            attention = torch.tensor(mask, dtype=torch.long, device=device)
            torch.manual_seed(0)
            with torch.inference_mode():
                generated = self.model.generate(
                    input_ids=input_ids, attention_mask=attention, generation_config=config
                )
            self.generate_calls += 1
            texts = self.tokenizer.batch_decode(
                self.new_tokens(generated, width), skip_special_tokens=True
            )
            for i, text in zip(batch, texts, strict=True):
                outputs[i] = " ".join(text.split())
        self.generate_seconds += time.perf_counter() - started
        return outputs

    def new_tokens(self, generated: Any, prompt_width: int) -> Any:
        """The generated part of ``generate``'s output."""
        return generated
