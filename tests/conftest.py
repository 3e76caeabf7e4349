from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# CI (CI=true) replays the same examples on every run, so a red build is always
# reproducible; a developer's run keeps exploring new ones (``--hypothesis-seed`` replays).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xinjiang-unhrc-cbc.txt"
EXAMPLE_PROFILE = ROOT / "examples" / "xinjiang-unhrc.yaml"


@pytest.fixture(autouse=True)
def offline_hub(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test may reach a model hub, or share a cache with the user."""
    cache = tmp_path_factory.getbasetemp() / "hf-home"
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(cache))
    monkeypatch.setenv("HF_HUB_CACHE", str(cache / "hub"))
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")


# --- tiny real models for the brief tests (built offline once per session) -------------

TINY_D_MODEL = 64
WEIGHT_SCALE = 8.0


def _train_tokenizer(specials: list[str], text: str, vocab_size: int = 400) -> Any:
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.Unigram())
    tokenizer.normalizer = normalizers.NFKC()
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace()
    tokenizer.decoder = decoders.Metaspace()
    trainer = trainers.UnigramTrainer(
        vocab_size=vocab_size, special_tokens=specials, unk_token="<unk>"
    )
    tokenizer.train_from_iterator(text.splitlines(), trainer)
    return tokenizer


def _train_bpe_tokenizer(specials: list[str], text: str, vocab_size: int = 600) -> Any:
    """Byte-level BPE: what Qwen2's tokenizer class expects to find in tokenizer.json."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=specials,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tokenizer.train_from_iterator(text.splitlines(), trainer)
    return tokenizer


def _save(folder: Path, model: Any, tokenizer: Any) -> Path:
    import torch

    # At the default init scale a tiny random model says the same thing whatever its
    # input; larger weights make outputs depend on the prompt, so batching and
    # chunking tests can tell prompts apart.
    with torch.no_grad():
        for parameter in model.parameters():
            if parameter.dim() == 2:
                parameter.mul_(WEIGHT_SCALE)
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    return folder


def build_tiny_models(root: Path) -> dict[str, Path]:
    """A T5, a BART and a Qwen2 (chat template) with d_model 64 and random weights,
    with tokenizers trained on the example article (Unigram; byte-level BPE for Qwen2)."""
    import torch
    from tokenizers import processors
    from transformers import (
        BartConfig,
        BartForConditionalGeneration,
        PreTrainedTokenizerFast,
        Qwen2Config,
        Qwen2ForCausalLM,
        T5Config,
        T5ForConditionalGeneration,
    )

    text = EXAMPLE.read_text(encoding="utf-8")
    torch.manual_seed(0)
    paths: dict[str, Path] = {}

    raw = _train_tokenizer(["<pad>", "</s>", "<unk>"], text)
    raw.post_processor = processors.TemplateProcessing(
        single="$A </s>", special_tokens=[("</s>", raw.token_to_id("</s>"))]
    )
    tok = PreTrainedTokenizerFast(
        tokenizer_object=raw,
        pad_token="<pad>",
        eos_token="</s>",
        unk_token="<unk>",
        model_max_length=512,
    )
    t5 = T5ForConditionalGeneration(
        T5Config(
            vocab_size=raw.get_vocab_size(),
            d_model=TINY_D_MODEL,
            d_ff=128,
            d_kv=16,
            num_layers=2,
            num_decoder_layers=2,
            num_heads=4,
            pad_token_id=0,
            eos_token_id=1,
            decoder_start_token_id=0,
        )
    )
    # A random T5 tends to emit only <pad>; keep it talking.
    t5.generation_config.suppress_tokens = [0]
    paths["t5"] = _save(root / "tiny-t5", t5, tok)

    raw = _train_tokenizer(["<s>", "<pad>", "</s>", "<unk>", "<mask>"], text)
    raw.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        special_tokens=[("<s>", raw.token_to_id("<s>")), ("</s>", raw.token_to_id("</s>"))],
    )
    tok = PreTrainedTokenizerFast(
        tokenizer_object=raw,
        bos_token="<s>",
        pad_token="<pad>",
        eos_token="</s>",
        unk_token="<unk>",
        mask_token="<mask>",
        model_max_length=256,
    )
    bart = BartForConditionalGeneration(
        BartConfig(
            vocab_size=raw.get_vocab_size(),
            d_model=TINY_D_MODEL,
            encoder_layers=2,
            decoder_layers=2,
            encoder_attention_heads=4,
            decoder_attention_heads=4,
            encoder_ffn_dim=128,
            decoder_ffn_dim=128,
            max_position_embeddings=256,
            bos_token_id=0,
            pad_token_id=1,
            eos_token_id=2,
            decoder_start_token_id=2,
            forced_bos_token_id=None,
            forced_eos_token_id=None,
        )
    )
    bart.generation_config.suppress_tokens = [1]
    paths["bart"] = _save(root / "tiny-bart", bart, tok)

    raw = _train_bpe_tokenizer(["<|endoftext|>", "<|im_start|>", "<|im_end|>"], text)
    tok = PreTrainedTokenizerFast(
        tokenizer_object=raw,
        pad_token="<|endoftext|>",
        eos_token="<|im_end|>",
        model_max_length=512,
    )
    tok.chat_template = (
        "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n"
        "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
    )
    qwen = Qwen2ForCausalLM(
        Qwen2Config(
            vocab_size=raw.get_vocab_size(),
            hidden_size=TINY_D_MODEL,
            intermediate_size=128,
            num_hidden_layers=2,
            num_attention_heads=4,
            num_key_value_heads=2,
            max_position_embeddings=512,
            tie_word_embeddings=True,
            bos_token_id=0,
            pad_token_id=0,
            eos_token_id=2,
        )
    )
    qwen.generation_config.suppress_tokens = [0]
    paths["qwen2"] = _save(root / "tiny-qwen2", qwen, tok)
    return paths


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_tiny_models(tmp_path_factory.mktemp("tiny-models"))
