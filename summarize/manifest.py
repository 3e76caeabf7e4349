"""The batch manifest ``DIR/manifest.jsonl``: one JSON line per input, appended (flushed
and fsynced) as each finishes, and the ``--resume`` decision read back from it.

The file is a log: the latest line for a path wins. A run killed mid-write leaves at
worst one truncated last line; readers skip it and writers start on a fresh line.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from summarize.errors import OutputError

MANIFEST_NAME = "manifest.jsonl"
Status = Literal["ok", "failed", "skipped"]
STATUSES: tuple[Status, ...] = ("ok", "failed", "skipped")


@dataclass(frozen=True)
class ManifestLine:
    path: str
    status: Status
    sha256: str | None
    options_hash: str
    backend: str | None = None
    model: str | None = None
    seconds: float = 0.0
    faithfulness: float | None = None
    outputs: tuple[str, ...] = ()
    error: str | None = None
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "sha256": self.sha256,
            "options_hash": self.options_hash,
            "backend": self.backend,
            "model": self.model,
            "seconds": round(self.seconds, 3),
            "faithfulness": None if self.faithfulness is None else round(self.faithfulness, 4),
            "outputs": list(self.outputs),
            "error": self.error,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ManifestLine:
        """Raises ``ValueError`` (or ``KeyError``/``TypeError``) on a line of the wrong shape."""
        status = data["status"]
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        faith = data.get("faithfulness")
        return cls(
            path=str(data["path"]),
            status=status,
            sha256=data.get("sha256"),
            options_hash=str(data["options_hash"]),
            backend=data.get("backend"),
            model=data.get("model"),
            seconds=float(data.get("seconds") or 0.0),
            faithfulness=None if faith is None else float(faith),
            outputs=tuple(str(o) for o in data.get("outputs") or ()),
            error=data.get("error"),
            warnings=tuple(str(w) for w in data.get("warnings") or ()),
        )


def options_hash(options: Mapping[str, Any]) -> str:
    """A stable short hash of the options that change an article's outputs."""
    text = json.dumps(options, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]


def file_sha256(path: str) -> str | None:
    """The sha256 of a file's bytes; None when it cannot be read (the run reports why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def start_manifest(folder: Path, fresh: bool) -> Path:
    """The manifest path, created if missing; emptied when ``fresh`` (a run without
    ``--resume`` starts a new log). Raises ``OutputError`` when it cannot be written."""
    path = folder / MANIFEST_NAME
    try:
        if fresh or not path.exists():
            with open(path, "w", encoding="utf-8") as handle:
                handle.flush()
                os.fsync(handle.fileno())
    except OSError as e:
        raise OutputError(f"{path}: cannot write the manifest: {e.strerror}") from None
    return path


def append_line(path: Path, line: ManifestLine) -> None:
    """Append one line and make it durable before returning."""
    text = json.dumps(line.to_json(), ensure_ascii=False, sort_keys=False) + "\n"
    try:
        with open(path, "a+b") as handle:
            # A kill mid-write leaves a line without its newline: end it first so the
            # new line parses on its own.
            size = handle.seek(0, os.SEEK_END)
            if size:
                handle.seek(size - 1)
                if handle.read(1) != b"\n":
                    text = "\n" + text
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as e:
        raise OutputError(f"{path}: cannot append to the manifest: {e.strerror}") from None


def read_manifest(path: Path) -> dict[str, ManifestLine]:
    """The latest well-formed line per input path; torn or foreign lines are ignored."""
    latest: dict[str, ManifestLine] = {}
    try:
        raw = path.read_bytes()
    except OSError:
        return latest
    for chunk in raw.split(b"\n"):
        try:
            line = ManifestLine.from_json(json.loads(chunk.decode("utf-8")))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        latest[line.path] = line
    return latest


def output_parses(path: Path) -> bool:
    """An output file is whole: JSON parses, markdown is non-empty UTF-8."""
    try:
        data = path.read_bytes()
        if path.name.endswith(".json"):
            json.loads(data.decode("utf-8"))
            return True
        return bool(data.decode("utf-8").strip())
    except (OSError, ValueError):
        return False


def can_skip(
    previous: ManifestLine | None,
    sha256: str | None,
    opts_hash: str,
    folder: Path,
    expected_outputs: Sequence[str],
) -> bool:
    """``--resume`` skips an input only when its last run succeeded on the same bytes with
    the same options, and every output it should have is there and whole."""
    if previous is None or previous.status == "failed" or sha256 is None:
        return False
    if previous.sha256 != sha256 or previous.options_hash != opts_hash:
        return False
    if sorted(previous.outputs) != sorted(expected_outputs):
        return False
    return all(output_parses(folder / name) for name in expected_outputs)
