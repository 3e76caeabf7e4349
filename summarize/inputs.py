"""Batch inputs: what ``summarize batch INPUT...`` names → a list of articles, and the
file names their outputs get in the output folder.

An INPUT is a file, a folder (searched recursively for supported suffixes), a glob, or
a JSONL manifest of ``{"path": ..., "profile": ...}`` lines whose relative paths are
relative to the manifest's own folder. Expansion never fails as a whole: a problem
with one INPUT becomes one ``BatchInput`` with an ``error``, so the rest still run.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from summarize.read import SUPPORTED_SUFFIXES

MANIFEST_SUFFIXES = (".jsonl",)
_GLOB_CHARS = re.compile(r"[*?\[]")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_NAME_CHARS = 80


@dataclass(frozen=True)
class BatchInput:
    """One article of a batch. ``path`` is as the user gave it (joined to the manifest's
    folder for manifest lines); ``error`` is set when it could not even be listed."""

    path: str
    profile: str | None = None
    error: str | None = None


def _is_glob(text: str) -> bool:
    return bool(_GLOB_CHARS.search(text)) and not os.path.lexists(text)


def _walk(folder: str, exclude: Path | None) -> Iterator[str]:
    """Supported files under ``folder``, sorted, skipping hidden entries and ``exclude``."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and (exclude is None or Path(root, d).resolve() != exclude)
        )
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(SUPPORTED_SUFFIXES):
                yield os.path.join(root, name)


def _manifest_lines(path: str, default_profile: str | None) -> Iterator[BatchInput]:
    folder = os.path.dirname(path)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except UnicodeDecodeError:
        yield BatchInput(path, default_profile, f"{path}: manifest is not UTF-8 text")
        return
    except OSError as e:
        yield BatchInput(path, default_profile, f"{path}: cannot read manifest: {e.strerror}")
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as e:
            yield BatchInput(where, default_profile, f"{where}: not a JSON object: {e.msg}")
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            yield BatchInput(where, default_profile, f'{where}: expected {{"path": "...", ...}}')
            continue
        unknown = sorted(set(entry) - {"path", "profile"})
        if unknown:
            yield BatchInput(
                where,
                default_profile,
                f"{where}: unknown key '{unknown[0]}' (expected path, profile)",
            )
            continue
        profile = entry.get("profile", default_profile)
        if profile is not None and not isinstance(profile, str):
            yield BatchInput(where, default_profile, f"{where}: profile must be a path string")
            continue
        article = os.path.join(folder, entry["path"])
        if profile is not None and "profile" in entry:
            profile = os.path.join(folder, profile)
        yield BatchInput(article, profile)


def expand_inputs(
    inputs: Sequence[str], profile: str | None = None, exclude: str | Path | None = None
) -> list[BatchInput]:
    """Every article the INPUTs name, in order, each once (first mention wins).

    ``exclude`` (the output folder) is never searched, so a rerun does not read its own
    ``.briefing.md`` files back as articles.
    """
    skip = Path(exclude).resolve() if exclude is not None else None
    found: list[BatchInput] = []
    for given in inputs:
        if given == "-":
            found.append(BatchInput(given, profile, "-: a batch reads files, not stdin"))
        elif given.lower().endswith(MANIFEST_SUFFIXES) and os.path.isfile(given):
            found.extend(_manifest_lines(given, profile))
        elif os.path.isdir(given):
            walked = list(_walk(given, skip))
            if not walked:
                found.append(
                    BatchInput(
                        given,
                        profile,
                        f"{given}: folder has no articles ({', '.join(SUPPORTED_SUFFIXES)})",
                    )
                )
            found.extend(BatchInput(p, profile) for p in walked)
        elif _is_glob(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                found.append(BatchInput(given, profile, f"{given}: no files match this pattern"))
            for match in matches:
                if os.path.isdir(match):
                    found.extend(BatchInput(p, profile) for p in _walk(match, skip))
                else:
                    found.append(BatchInput(match, profile))
        else:
            found.append(BatchInput(given, profile))
    return _unique(found)


def _unique(found: Sequence[BatchInput]) -> list[BatchInput]:
    seen: set[str] = set()
    out: list[BatchInput] = []
    for item in found:
        key = item.path if item.error else os.path.realpath(item.path)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def sanitise_name(path: str) -> str:
    """A safe file-name stem from an input path: ASCII letters, digits, ``._-``; never
    hidden, never empty, never a path."""
    stem = Path(path.replace("\\", "/")).name
    for suffix in (*SUPPORTED_SUFFIXES, *MANIFEST_SUFFIXES):
        if stem.lower().endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            break
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    safe = _UNSAFE.sub("-", ascii_stem).strip(".-_")[:MAX_NAME_CHARS].strip(".-_")
    return safe or "article"


def output_names(paths: Sequence[str]) -> list[str]:
    """One unique name per input path, the same for the same paths in any run.

    Names that collide (case-insensitively, for case-insensitive file systems) get a
    short hash of their path as given; anything still colliding gets a counter.
    """
    bases = [sanitise_name(p) for p in paths]
    counts: dict[str, int] = {}
    for b in bases:
        counts[b.lower()] = counts.get(b.lower(), 0) + 1
    names: list[str] = []
    taken: set[str] = set()
    for path, base in zip(paths, bases, strict=True):
        name = base
        if counts[base.lower()] > 1:
            name = f"{base}-{hashlib.sha256(path.encode('utf-8')).hexdigest()[:8]}"
        candidate, n = name, 2
        while candidate.lower() in taken:
            candidate, n = f"{name}-{n}", n + 1
        taken.add(candidate.lower())
        names.append(candidate)
    return names


OUTPUT_KINDS = ("briefing.json", "briefing.md", "eval.json")


def output_path(folder: Path, name: str, kind: str) -> Path:
    """``folder/<name>.<kind>``, refusing any name that would leave ``folder``."""
    if kind not in OUTPUT_KINDS:
        raise ValueError(f"unknown output kind {kind!r}")
    if not name or name.startswith(".") or "/" in name or "\\" in name or os.sep in name:
        raise ValueError(f"output name {name!r} is not a plain file name")
    target = folder / f"{name}.{kind}"
    if target.resolve().parent != folder.resolve():
        raise ValueError(f"output name {name!r} leaves the output folder")
    return target
