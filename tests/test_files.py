from __future__ import annotations

import os
from pathlib import Path

from summarize.files import write_atomic


def test_new_files_get_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.json", "{}\n")
    finally:
        os.umask(old)
    # 0666 & ~0022 = 0644, as open() would create it (mkstemp alone gives 0600)
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o644


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_a_symlink_is_written_through_and_kept(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "target.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(Path("real") / "target.json")
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_a_fifo_is_written_as_a_stream_not_replaced(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    write_atomic(fifo, "streamed")
    reader.join(timeout=10)
    assert received == ["streamed"]
    assert fifo.is_fifo()
