"""Summary backends behind one small protocol, registered by name, and the choice
between them (``auto``: the model when it loads, else extractive, saying why)."""

from __future__ import annotations

from typing import Any

from summarize.backends.base import (
    SideRequest,
    SummaryBackend,
    backend_info,
    backend_names,
    get_backend,
    register_backend,
)
from summarize.backends.causal import CausalBackend
from summarize.backends.extractive import ExtractiveBackend
from summarize.backends.generation import DecodeOptions, ModelBackend
from summarize.backends.loading import DEFAULT_MODELS, model_family, resolve_model
from summarize.backends.seq2seq import Seq2SeqBackend
from summarize.errors import ModelError
from summarize.prompts import load_prompt

BACKEND_CHOICES = ("auto", "extractive", "seq2seq", "causal")

__all__ = [
    "BACKEND_CHOICES",
    "CausalBackend",
    "ExtractiveBackend",
    "ModelBackend",
    "Seq2SeqBackend",
    "SideRequest",
    "SummaryBackend",
    "backend_info",
    "backend_names",
    "get_backend",
    "load_backend",
    "register_backend",
]


def load_backend(
    backend: str = "auto",
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
    quantize: str | None = None,
) -> SummaryBackend:
    """Load a backend once; reuse it for any number of articles.

    ``auto`` tries the model (default: the seq2seq default model) and falls back to
    the extractive backend with ``fallback_reason`` set when it cannot be loaded;
    ``seq2seq`` and ``causal`` raise ModelError instead.
    """
    if backend not in BACKEND_CHOICES:
        raise ModelError(
            f"unknown backend '{backend}' (expected one of: {', '.join(BACKEND_CHOICES)})"
        )
    # A prompt that does not exist is the user's mistake even where no model reads it.
    if prompt is not None:
        load_prompt(prompt)
    if backend == "extractive":
        return get_backend("extractive")
    # Bad options are the user's mistake in every mode: never hide them behind a fallback.
    DecodeOptions(num_beams, max_new_tokens, min_new_tokens, batch_size, max_input_tokens).check()
    options: dict[str, Any] = {
        "prompt": prompt,
        "device": device,
        "dtype": dtype,
        "threads": threads,
        "num_beams": num_beams,
        "max_new_tokens": max_new_tokens,
        "min_new_tokens": min_new_tokens,
        "batch_size": batch_size,
        "max_input_tokens": max_input_tokens,
        "quantize": quantize,
    }
    if backend != "auto":
        return get_backend(backend, model=model, **options)
    name = model or DEFAULT_MODELS["seq2seq"]
    try:
        family = model_family(resolve_model(name))
        return get_backend(family, model=name, **options)
    except ModelError as e:
        return get_backend("extractive", fallback_reason=str(e))
