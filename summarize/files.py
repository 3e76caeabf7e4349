"""Atomic file output (write a temp file beside the target, then rename over it), and the
checks that an output folder can be made before a slow run starts."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from summarize.errors import OutputError


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new, never half.

    A symbolic link is written through (its target is replaced, the link kept). A target
    that exists and is not a regular file (``/dev/stdout``, a FIFO, a terminal) cannot be
    renamed over: it is written to directly, as a stream.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    if target.exists() and not target.is_file() and not target.is_dir():
        _write_stream(target, text)
        return
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise OutputError(f"{target}: cannot write: {e.strerror}") from None
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write: {e.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The target's current permissions, else the umask's default for a new file."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_stream(target: Path, text: str) -> None:
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as e:
        raise OutputError(f"{target}: cannot write: {e.strerror}") from None


def check_folder(out_dir: Path) -> None:
    """Fail early, creating nothing, when the output folder cannot be made: before a
    slow model load, and so that a run that cannot start leaves nothing behind."""
    if out_dir.exists():
        if not out_dir.is_dir():
            raise OutputError(f"{out_dir}: output folder is a file")
        return
    parent = out_dir.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{out_dir}: cannot create the output folder: {parent} is a file")
    # Permission bits do not tell root the truth (a read-only mount, /proc): try it,
    # with a probe folder removed at once.
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".summarize-probe-", dir=parent))
    except OSError as e:
        raise OutputError(f"{out_dir}: cannot create the output folder: {e.strerror}") from None


def prepare_folder(out_dir: Path) -> None:
    check_folder(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out_dir}: cannot create the output folder: {e.strerror}") from None
