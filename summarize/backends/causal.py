"""Decoder-only instruction models through AutoModelForCausalLM and the tokenizer's chat
template (a ``.gguf`` file is accepted as the model: transformers dequantises it)."""

from __future__ import annotations

from typing import Any

from summarize.backends.base import register_backend
from summarize.backends.generation import ModelBackend
from summarize.backends.loading import Family


@register_backend("causal")
class CausalBackend(ModelBackend):
    name = "causal"
    family: Family = "causal"
    # Left padding keeps every prompt's last token next to the first generated one.
    padding_side = "left"

    def chat_text(self, prompt: str) -> str:
        """The prompt as the model's chat turn; a base model without a template gets it raw."""
        if not getattr(self.tokenizer, "chat_template", None):
            return prompt
        text: str = self.tokenizer.apply_chat_template(
            [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True
        )
        return text

    def prompt_ids(self, prompt: str) -> list[int]:
        # The chat template already holds the special tokens; add none twice.
        ids: list[int] = self.tokenizer(self.chat_text(prompt), add_special_tokens=False)[
            "input_ids"
        ]
        return ids

    def _input_limit(self) -> int:
        if self.decode.max_input_tokens is not None:
            return self.decode.max_input_tokens
        # Prompt and answer share the context window.
        context = self.model_context() or 2048
        return max(8, context - self.decode.max_new_tokens)

    def new_tokens(self, generated: Any, prompt_width: int) -> Any:
        return generated[:, prompt_width:]
