"""Encoder-decoder models (T5 / FLAN-T5, BART, Pegasus) through AutoModelForSeq2SeqLM."""

from __future__ import annotations

from summarize.backends.base import register_backend
from summarize.backends.generation import ModelBackend
from summarize.backends.loading import Family


@register_backend("seq2seq")
class Seq2SeqBackend(ModelBackend):
    name = "seq2seq"
    family: Family = "seq2seq"
    padding_side = "right"

    def prompt_ids(self, prompt: str) -> list[int]:
        ids: list[int] = self.tokenizer(prompt, add_special_tokens=True)["input_ids"]
        return ids
