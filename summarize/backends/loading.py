"""Model resolution and loading: a local folder, a ``.gguf`` file, or a hub id found in
the local Hugging Face cache (downloaded only when online and the hub answers fast).

Safetensors (or GGUF) weights only, never ``trust_remote_code``; the family comes from
the model's config, not its name. Resolution that fails does so in well under a second
offline, so ``--backend auto`` can fall back without waiting on a network timeout.
"""

from __future__ import annotations

import io
import json
import os
import re
import socket
import struct
import threading
import time
from contextlib import AbstractContextManager, nullcontext, redirect_stderr
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal
from urllib.parse import urlparse

from summarize.errors import ModelError

Family = Literal["seq2seq", "causal"]
FAMILIES: tuple[Family, ...] = ("seq2seq", "causal")
DEFAULT_MODELS: dict[Family, str] = {
    "seq2seq": "google/flan-t5-base",
    "causal": "Qwen/Qwen2.5-0.5B-Instruct",
}
DEVICES = ("auto", "cpu", "cuda", "mps")
DTYPES = ("auto", "float32", "float16", "bfloat16")
HUB_PROBE_SECONDS = 1.0
# What a summariser needs from a hub repo: config, tokenizer, safetensors weights.
_HUB_PATTERNS = ["*.json", "*.safetensors", "*.model", "*.txt", "*.jinja", "tokenizer*"]
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(?:/[\w.-]+)?$")


@dataclass(frozen=True)
class ResolvedModel:
    """Where a model's files are: ``folder`` (and ``gguf_file`` inside it, for GGUF)."""

    name: str
    folder: Path
    gguf_file: str | None = None


@dataclass(frozen=True)
class LoadSettings:
    device: str = "auto"
    dtype: str = "auto"
    threads: int | None = None


@dataclass(frozen=True)
class LoadedModel:
    model: Any
    tokenizer: Any
    family: Family
    device: str
    dtype: str
    resolved: ResolvedModel
    seconds: float


def _truthy(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def hub_offline() -> bool:
    """HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE), read now, not at import time."""
    return _truthy("HF_HUB_OFFLINE") or _truthy("TRANSFORMERS_OFFLINE")


def hub_cache() -> Path:
    """The hub cache folder, honouring HF_HUB_CACHE, then HF_HOME, then the default."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    home = os.environ.get("HF_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or "~/.cache", "huggingface"
    )
    return Path(home).expanduser() / "hub"


def _hub_reachable(timeout: float = HUB_PROBE_SECONDS) -> bool:
    """Can the hub endpoint be connected to within ``timeout`` (DNS included)?"""
    endpoint = urlparse(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    host = endpoint.hostname or ""
    port = endpoint.port or (80 if endpoint.scheme == "http" else 443)
    result: list[bool] = []

    def probe() -> None:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            result.append(True)
        except OSError:
            result.append(False)

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout)
    return bool(result and result[0])


def _require_weights(resolved: ResolvedModel) -> ResolvedModel:
    if resolved.gguf_file is None and not any(resolved.folder.glob("*.safetensors")):
        raise ModelError(
            f"model '{resolved.name}': no .safetensors weights in {resolved.folder} "
            "(pickled .bin weights are refused)"
        )
    return resolved


def _looks_like_path(name: str) -> bool:
    return name.startswith((".", "/", "~")) or name.endswith(".gguf") or name.count("/") > 1


def resolve_model(name: str) -> ResolvedModel:
    """A folder, a .gguf file, or a hub id → the local folder holding the model's files."""
    path = Path(name).expanduser()
    if path.is_file():
        if path.suffix.lower() != ".gguf":
            raise ModelError(f"model '{name}': a file, but not a .gguf model (expected a folder)")
        return ResolvedModel(name, path.resolve().parent, path.name)
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelError(f"model '{name}': folder has no config.json")
        return _require_weights(ResolvedModel(name, path.resolve()))
    if _looks_like_path(name) or not _HUB_ID.match(name):
        raise ModelError(f"model '{name}': no such model folder or .gguf file")
    return _require_weights(_resolve_hub_id(name))


def _resolve_hub_id(repo_id: str) -> ResolvedModel:
    from huggingface_hub import snapshot_download, try_to_load_from_cache

    cache = hub_cache()
    cached = try_to_load_from_cache(repo_id, "config.json", cache_dir=cache)
    if isinstance(cached, str):
        return ResolvedModel(repo_id, Path(cached).parent)
    if hub_offline():
        raise ModelError(
            f"model '{repo_id}' is not in the local Hugging Face cache ({cache}) "
            "and HF_HUB_OFFLINE is set"
        )
    if not _hub_reachable():
        raise ModelError(
            f"model '{repo_id}' is not in the local Hugging Face cache ({cache}) "
            "and the hub cannot be reached"
        )
    try:
        folder = snapshot_download(repo_id, cache_dir=cache, allow_patterns=_HUB_PATTERNS)
    except Exception as e:  # the hub client raises many types; all mean "cannot get it"
        raise ModelError(f"model '{repo_id}': download failed: {_one_line(e)}") from None
    return ResolvedModel(repo_id, Path(str(folder)))


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}".rstrip(": ")


# GGUF value types → byte sizes of fixed-size scalars (8 string, 9 array).
_GGUF_SCALAR = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}


def _gguf_skip(handle: BinaryIO, value_type: int) -> None:
    if value_type in _GGUF_SCALAR:
        handle.seek(_GGUF_SCALAR[value_type], os.SEEK_CUR)
    elif value_type == 8:
        (length,) = struct.unpack("<Q", handle.read(8))
        handle.seek(length, os.SEEK_CUR)
    elif value_type == 9:
        item_type, count = struct.unpack("<IQ", handle.read(12))
        if item_type in _GGUF_SCALAR:
            handle.seek(_GGUF_SCALAR[item_type] * count, os.SEEK_CUR)
        else:
            for _ in range(count):
                _gguf_skip(handle, item_type)
    else:
        raise ValueError(f"unknown GGUF value type {value_type}")


def gguf_architecture(path: Path) -> str:
    """``general.architecture`` from a GGUF header, reading only the keys before it
    (the gguf package's reader maps every tensor first, which takes seconds)."""
    try:
        with path.open("rb") as handle:
            magic, version = struct.unpack("<4sI", handle.read(8))
            if magic != b"GGUF" or version < 2:
                raise ValueError("not a GGUF v2+ file")
            _tensors, keys = struct.unpack("<QQ", handle.read(16))
            for _ in range(keys):
                (length,) = struct.unpack("<Q", handle.read(8))
                key = handle.read(length).decode("utf-8")
                (value_type,) = struct.unpack("<I", handle.read(4))
                if key == "general.architecture" and value_type == 8:
                    (length,) = struct.unpack("<Q", handle.read(8))
                    return handle.read(length).decode("utf-8")
                _gguf_skip(handle, value_type)
    except (OSError, ValueError, struct.error, UnicodeDecodeError) as e:
        raise ModelError(f"model '{path}': cannot read GGUF header: {e}") from None
    raise ModelError(f"model '{path}': GGUF header has no general.architecture")


def model_family(resolved: ResolvedModel) -> Family:
    """seq2seq or causal, from the config (``is_encoder_decoder``, ``model_type``)."""
    if resolved.gguf_file is not None:
        arch = gguf_architecture(resolved.folder / resolved.gguf_file)
        return "seq2seq" if arch.startswith("t5") else "causal"
    try:
        raw = json.loads((resolved.folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(f"model '{resolved.name}': unreadable config.json: {e}") from None
    if not isinstance(raw, dict) or "model_type" not in raw:
        raise ModelError(f"model '{resolved.name}': config.json has no model_type")
    from transformers import AutoConfig
    from transformers.models.auto.modeling_auto import (
        MODEL_FOR_CAUSAL_LM_MAPPING_NAMES,
        MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES,
    )

    try:
        config = AutoConfig.from_pretrained(
            resolved.folder, local_files_only=True, trust_remote_code=False
        )
    except (OSError, ValueError, KeyError) as e:
        raise ModelError(f"model '{resolved.name}': cannot read config: {_one_line(e)}") from None
    model_type = str(config.model_type)
    if getattr(config, "is_encoder_decoder", False):
        if model_type not in MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES:
            raise ModelError(
                f"model '{resolved.name}': encoder-decoder type '{model_type}' "
                "has no sequence-to-sequence head in transformers"
            )
        return "seq2seq"
    if model_type in MODEL_FOR_CAUSAL_LM_MAPPING_NAMES:
        return "causal"
    raise ModelError(
        f"model '{resolved.name}': type '{model_type}' is neither an encoder-decoder "
        "nor a causal language model"
    )


def pick_device(device: str) -> str:
    import torch

    if device not in DEVICES:
        raise ModelError(f"unknown device '{device}' (expected one of: {', '.join(DEVICES)})")
    cuda = torch.cuda.is_available()
    mps = torch.backends.mps.is_available()
    if device == "auto":
        return "cuda" if cuda else "mps" if mps else "cpu"
    if (device == "cuda" and not cuda) or (device == "mps" and not mps):
        raise ModelError(f"device '{device}' was requested but is not available here")
    return device


def pick_dtype(dtype: str, device: str) -> str:
    if dtype not in DTYPES:
        raise ModelError(f"unknown dtype '{dtype}' (expected one of: {', '.join(DTYPES)})")
    if dtype != "auto":
        return dtype
    if device == "cuda":
        import torch

        return "bfloat16" if torch.cuda.is_bf16_supported() else "float32"
    return "float32"


def quiet_transformers() -> None:
    """Progress bars and advice from the libraries would drown our one-line diagnostics."""
    from huggingface_hub.utils.tqdm import disable_progress_bars
    from transformers.utils import logging

    logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    disable_progress_bars()


def load_model(resolved: ResolvedModel, family: Family, settings: LoadSettings) -> LoadedModel:
    """Load tokenizer and model (eval mode, on the chosen device)."""
    started = time.perf_counter()
    import torch
    from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer

    quiet_transformers()
    if settings.threads is not None:
        if settings.threads < 1:
            raise ModelError(f"--threads must be at least 1, got {settings.threads}")
        torch.set_num_threads(settings.threads)
    device = pick_device(settings.device)
    dtype = pick_dtype(settings.dtype, device)
    common: dict[str, Any] = {"local_files_only": True, "trust_remote_code": False}
    if resolved.gguf_file is not None:
        common["gguf_file"] = resolved.gguf_file
    auto_model = AutoModelForSeq2SeqLM if family == "seq2seq" else AutoModelForCausalLM
    weights: dict[str, Any] = {"dtype": getattr(torch, dtype)}
    if resolved.gguf_file is None:
        weights["use_safetensors"] = True
    # transformers' GGUF conversion draws its own tqdm bar, which no setting turns off.
    silenced: AbstractContextManager[object] = (
        redirect_stderr(io.StringIO()) if resolved.gguf_file else nullcontext()
    )
    try:
        with silenced:
            tokenizer = AutoTokenizer.from_pretrained(resolved.folder, **common)
            model: Any = auto_model.from_pretrained(resolved.folder, **common, **weights)
    except ImportError as e:
        hint = " (install the 'gguf' extra)" if resolved.gguf_file else ""
        raise ModelError(f"model '{resolved.name}': {_one_line(e)}{hint}") from None
    except (OSError, ValueError, KeyError, RuntimeError, TypeError) as e:
        raise ModelError(f"model '{resolved.name}': cannot load: {_one_line(e)}") from None
    if tokenizer.pad_token_id is None:
        if tokenizer.eos_token is None:
            raise ModelError(f"model '{resolved.name}': tokenizer has neither pad nor eos token")
        tokenizer.pad_token = tokenizer.eos_token
    model.to(device)
    model.eval()
    return LoadedModel(
        model, tokenizer, family, device, dtype, resolved, time.perf_counter() - started
    )
