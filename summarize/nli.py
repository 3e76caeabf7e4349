"""The optional NLI layer: does the support entail or contradict the sentence?

Any ``AutoModelForSequenceClassification`` with entailment and contradiction among its
labels (``config.id2label``), given as a local folder or a cached hub id. Safetensors
only, never remote code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from summarize.errors import ModelError


@dataclass(frozen=True)
class Judgement:
    entailment: float
    contradiction: float


def _label_index(id2label: dict[int, str], word: str, where: str) -> int:
    hits = [i for i, name in id2label.items() if word in str(name).lower()]
    if len(hits) != 1:
        names = ", ".join(str(id2label[i]) for i in sorted(id2label))
        raise ModelError(f"{where}: NLI model labels ({names}) have no single '{word}' label")
    return int(hits[0])


class NLIJudge:
    """Premise (support) → hypothesis (summary sentence): entailment and contradiction."""

    def __init__(self, model: str) -> None:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        from summarize.backends.loading import quiet_transformers

        quiet_transformers()

        local = Path(model).exists()
        if local and not Path(model).is_dir():
            raise ModelError(f"{model}: expected a model folder (config.json, safetensors)")
        try:
            self.tokenizer: Any = AutoTokenizer.from_pretrained(model)
            self.model: Any = AutoModelForSequenceClassification.from_pretrained(
                model, use_safetensors=True
            ).eval()
        except (OSError, ValueError) as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise ModelError(f"{model}: cannot load the NLI model: {first}") from None
        id2label = {int(k): v for k, v in self.model.config.id2label.items()}
        self.entailment = _label_index(id2label, "entail", model)
        self.contradiction = _label_index(id2label, "contradict", model)

    def judge(self, premise: str, hypothesis: str) -> Judgement:
        import torch

        enc = self.tokenizer(
            premise, hypothesis, truncation=True, max_length=512, return_tensors="pt"
        )
        with torch.no_grad():
            probs = self.model(**enc).logits.softmax(-1)[0]
        return Judgement(float(probs[self.entailment]), float(probs[self.contradiction]))


@lru_cache(maxsize=2)
def load_nli(model: str) -> NLIJudge:
    return NLIJudge(model)
