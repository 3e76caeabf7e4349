"""Encoder-decoder models (T5 / FLAN-T5, BART, Pegasus) through AutoModelForSeq2SeqLM."""

from __future__ import annotations

from typing import Any

from summarize.backends.base import register_backend
from summarize.backends.generation import ModelBackend
from summarize.backends.loading import Family

# Encoder micro-batches hold at most this many (padded) tokens. On a CPU the encoder's
# attention over a long batch is memory-bound (batch x heads x length² scores), so a
# few prompts at a time run faster than all at once, while the decoder, which reads the
# stored encoder states step by step, gains from the whole batch.
ENCODER_BATCH_TOKENS = 1024


def encoder_groups(lengths: list[int], budget: int = ENCODER_BATCH_TOKENS) -> list[list[int]]:
    """Consecutive rows whose padded size (rows x longest) stays within ``budget``;
    a row longer than the budget goes alone."""
    groups: list[list[int]] = []
    for row, length in enumerate(lengths):
        if groups:
            group = groups[-1]
            width = max(length, *(lengths[r] for r in group))
            if (len(group) + 1) * width <= budget:
                group.append(row)
                continue
        groups.append([row])
    return groups


@register_backend("seq2seq")
class Seq2SeqBackend(ModelBackend):
    name = "seq2seq"
    family: Family = "seq2seq"
    padding_side = "right"
    encoder_batch_tokens = ENCODER_BATCH_TOKENS

    def prompt_ids(self, prompt: str) -> list[int]:
        ids: list[int] = self.tokenizer(prompt, add_special_tokens=True)["input_ids"]
        return ids

    def generate_batch(self, input_ids: Any, attention: Any, config: Any) -> Any:
        """Encode in small micro-batches, then decode the whole batch at once from the
        stored encoder states (``generate`` accepts them as ``encoder_outputs``)."""
        import torch
        from transformers.modeling_outputs import BaseModelOutput

        lengths = [int(n) for n in attention.sum(dim=1).tolist()]
        encoder = self.model.get_encoder()
        hidden: Any = None
        for group in encoder_groups(lengths, self.encoder_batch_tokens):
            width = max(lengths[r] for r in group)
            rows = torch.tensor(group, device=input_ids.device)
            states = encoder(
                input_ids=input_ids[rows, :width], attention_mask=attention[rows, :width]
            ).last_hidden_state
            if hidden is None:
                hidden = states.new_zeros((len(lengths), input_ids.shape[1], states.shape[-1]))
            hidden[rows, :width] = states
        return self.model.generate(
            encoder_outputs=BaseModelOutput(last_hidden_state=hidden),
            attention_mask=attention,
            generation_config=config,
        )
