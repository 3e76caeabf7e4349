from __future__ import annotations

import shutil
import socket
import struct
from pathlib import Path
from typing import Any

import pytest

from summarize.backends import load_backend
from summarize.backends.loading import (
    LoadSettings,
    ResolvedModel,
    gguf_architecture,
    load_model,
    model_family,
    resolve_model,
)
from summarize.errors import ModelError


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record (and refuse) any attempt to open a socket."""
    attempts: list[object] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


@pytest.mark.parametrize(
    ("name", "family"), [("t5", "seq2seq"), ("bart", "seq2seq"), ("qwen2", "causal")]
)
def test_local_folder_and_family_from_config(
    tiny_models: dict[str, Path], name: str, family: str
) -> None:
    resolved = resolve_model(str(tiny_models[name]))
    assert resolved.folder == tiny_models[name].resolve()
    assert resolved.gguf_file is None
    assert model_family(resolved) == family


def test_family_is_read_from_the_config_not_the_name(
    tiny_models: dict[str, Path], tmp_path: Path
) -> None:
    misleading = tmp_path / "flan-t5-base"
    shutil.copytree(tiny_models["qwen2"], misleading)
    assert model_family(resolve_model(str(misleading))) == "causal"


def test_loads_a_folder(tiny_models: dict[str, Path]) -> None:
    resolved = resolve_model(str(tiny_models["t5"]))
    loaded = load_model(resolved, "seq2seq", LoadSettings(device="cpu", dtype="float32"))
    assert loaded.device == "cpu" and loaded.dtype == "float32"
    assert loaded.model.config.is_encoder_decoder
    assert not loaded.model.training


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("./no-such-model", "no such model folder or .gguf file"),
        ("/nowhere/model.gguf", "no such model folder or .gguf file"),
        ("not a valid id!", "no such model folder or .gguf file"),
    ],
)
def test_missing_models(name: str, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        resolve_model(name)


def test_folder_without_config(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"folder has no config\.json"):
        resolve_model(str(tmp_path))


def test_pickled_weights_are_refused(tiny_models: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "pickled"
    shutil.copytree(tiny_models["t5"], folder)
    (folder / "model.safetensors").rename(folder / "pytorch_model.bin")
    with pytest.raises(ModelError, match=r"no \.safetensors weights .*pickled \.bin weights"):
        resolve_model(str(folder))


def test_a_file_that_is_not_gguf(tmp_path: Path) -> None:
    path = tmp_path / "weights.bin"
    path.write_bytes(b"\0" * 16)
    with pytest.raises(ModelError, match=r"not a \.gguf model"):
        resolve_model(str(path))


def test_unknown_model_type(tiny_models: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    shutil.copytree(tiny_models["t5"], folder)
    (folder / "config.json").write_text('{"model_type": "no-such-architecture"}')
    with pytest.raises(ModelError, match="cannot read config"):
        model_family(resolve_model(str(folder)))


def test_uncached_hub_id_offline_fails_without_touching_the_network(
    no_network: list[object],
) -> None:
    with pytest.raises(ModelError) as error:
        resolve_model("google/flan-t5-base")
    message = str(error.value)
    assert "not in the local Hugging Face cache" in message and "HF_HUB_OFFLINE" in message
    assert no_network == []


def _fake_cache_entry(hub: Path, repo_id: str, source: Path) -> Path:
    """The hub cache layout: models--org--name/refs/main → snapshots/<commit>/files."""
    repo = hub / ("models--" + repo_id.replace("/", "--"))
    commit = "0123456789abcdef0123456789abcdef01234567"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    snapshot = repo / "snapshots" / commit
    shutil.copytree(source, snapshot)
    return snapshot


def test_cached_hub_id_resolves_from_hf_hub_cache(
    tiny_models: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub-cache"))
    snapshot = _fake_cache_entry(tmp_path / "hub-cache", "acme/tiny-t5", tiny_models["t5"])
    resolved = resolve_model("acme/tiny-t5")
    assert resolved.folder == snapshot
    assert model_family(resolved) == "seq2seq"


def test_hf_home_is_honoured(
    tiny_models: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HF_HUB_CACHE")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "home"))
    snapshot = _fake_cache_entry(tmp_path / "home" / "hub", "acme/tiny-qwen", tiny_models["qwen2"])
    assert resolve_model("acme/tiny-qwen").folder == snapshot


def _gguf_string(text: str) -> bytes:
    data = text.encode()
    return struct.pack("<Q", len(data)) + data


def write_gguf_header(path: Path, architecture: str) -> None:
    """A GGUF v3 header: an array of strings and an int before general.architecture."""
    keys = [
        _gguf_string("tokenizer.ggml.tokens")
        + struct.pack("<IIQ", 9, 8, 2)
        + _gguf_string("a")
        + _gguf_string("bc"),
        _gguf_string("general.file_type") + struct.pack("<II", 4, 15),
        _gguf_string("general.architecture") + struct.pack("<I", 8) + _gguf_string(architecture),
    ]
    path.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 0, len(keys)) + b"".join(keys))


@pytest.mark.parametrize(("architecture", "family"), [("qwen2", "causal"), ("t5", "seq2seq")])
def test_gguf_file(tmp_path: Path, architecture: str, family: str) -> None:
    path = tmp_path / "model.gguf"
    write_gguf_header(path, architecture)
    resolved = resolve_model(str(path))
    assert resolved == ResolvedModel(str(path), tmp_path.resolve(), "model.gguf")
    assert gguf_architecture(path) == architecture
    assert model_family(resolved) == family


def test_truncated_gguf(tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    write_gguf_header(path, "qwen2")
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(ModelError, match="cannot read GGUF header"):
        model_family(resolve_model(str(path)))


def test_unavailable_device(tiny_models: dict[str, Path]) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("a GPU is present")
    with pytest.raises(ModelError, match="device 'cuda' was requested but is not available"):
        load_model(resolve_model(str(tiny_models["t5"])), "seq2seq", LoadSettings(device="cuda"))


def test_auto_falls_back_with_the_reason(no_network: list[object]) -> None:
    backend = load_backend("auto", "acme/not-cached")
    assert backend.name == "extractive"
    assert backend.fallback_reason is not None
    assert "acme/not-cached" in backend.fallback_reason
    assert no_network == []


def test_auto_picks_the_family_of_the_model(tiny_models: dict[str, Path]) -> None:
    assert load_backend("auto", str(tiny_models["qwen2"])).name == "causal"
    assert load_backend("auto", str(tiny_models["bart"])).name == "seq2seq"


def test_named_backends_never_fall_back(tiny_models: dict[str, Path]) -> None:
    with pytest.raises(ModelError, match="not in the local Hugging Face cache"):
        load_backend("seq2seq")  # the default model, not cached here
    with pytest.raises(ModelError, match="is a causal model, not seq2seq"):
        load_backend("seq2seq", str(tiny_models["qwen2"]))
    with pytest.raises(ModelError, match="is a seq2seq model, not causal"):
        load_backend("causal", str(tiny_models["t5"]))


def test_bad_options_are_errors_even_in_auto_mode() -> None:
    with pytest.raises(ModelError, match="--num-beams must be at least 1"):
        load_backend("auto", "acme/not-cached", num_beams=0)
    with pytest.raises(ModelError, match="--min-new-tokens must be between 0 and"):
        load_backend("auto", "acme/not-cached", max_new_tokens=4, min_new_tokens=5)
    with pytest.raises(ModelError, match="unknown backend 'fast'"):
        load_backend("fast")
