"""Benchmark: grouping the example article, and a 50x concatenation of it.

Run: .venv/bin/python bench/group.py [--repeats N]

Everything is imported and warmed up first; each figure is the median of several runs.
The 50x text repeats the article 50 times; the duplicate detector would skip the copies
(cheap), so each copy is made distinct with a zero-width space at the start of every
paragraph, which makes all 50 copies be segmented and attributed in full. The plain
concatenation is timed too. The last line is JSON:
{"ms_per_1000_words": ..., "linearity": ...} with linearity = t(50x) / (50 * t(1x)).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.attribute import attribute_passages  # noqa: E402
from summarize.pipeline import group  # noqa: E402
from summarize.profile import load_profile  # noqa: E402
from summarize.read import read_source  # noqa: E402
from summarize.segment import segment  # noqa: E402

EXAMPLE = ROOT / "examples" / "xinjiang-unhrc-cbc.txt"
PROFILE = ROOT / "examples" / "xinjiang-unhrc.yaml"
COPIES = 50


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    """Median wall time. re's pattern cache is emptied before each run: pysbd compiles
    text-specific patterns, and a warm cache would flatter the repeated small input."""
    times = []
    for _ in range(repeats):
        re.purge()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def distinct_copies(text: str, copies: int) -> str:
    parts = []
    for k in range(copies):
        mark = "\u200b" * (k + 1)
        parts.append("\n\n".join(mark + para for para in text.strip().split("\n\n")))
    return "\n\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    text = EXAMPLE.read_text(encoding="utf-8")
    words = len(text.split())
    profile = load_profile(str(PROFILE))
    with tempfile.TemporaryDirectory() as tmp:
        plain_50 = Path(tmp) / "plain50.txt"
        plain_50.write_text(("\n\n".join([text.strip()] * COPIES)) + "\n", encoding="utf-8")
        distinct_50 = Path(tmp) / "distinct50.txt"
        distinct_50.write_text(distinct_copies(text, COPIES), encoding="utf-8")
        group(str(EXAMPLE), str(PROFILE))  # warm up: imports, pysbd, regexes
        one = median_seconds(lambda: group(str(EXAMPLE), str(PROFILE)), args.repeats)
        many = max(3, args.repeats // 2)
        fifty = median_seconds(lambda: group(str(distinct_50), str(PROFILE)), many)
        fifty_plain = median_seconds(lambda: group(str(plain_50), str(PROFILE)), many)
        source = read_source(str(distinct_50))
        passages = segment(source)
        seg_time = median_seconds(lambda: segment(source), many)
        attr_time = median_seconds(lambda: attribute_passages(passages, profile, source.text), many)
    ms_per_1000 = one * 1000 / words * 1000
    linearity = fifty / (COPIES * one)
    print(f"example: {words} words, median {one * 1000:.1f} ms ({ms_per_1000:.1f} ms/1000 words)")
    print(f"50x distinct copies: {fifty * 1000:.1f} ms, linearity {linearity:.2f}")
    print(f"  of which segment {seg_time * 1000:.1f} ms, attribute {attr_time * 1000:.1f} ms")
    print(
        f"50x plain concatenation (copies are duplicates): {fifty_plain * 1000:.1f} ms, "
        f"linearity {fifty_plain / (COPIES * one):.2f}"
    )
    print(
        json.dumps({"ms_per_1000_words": round(ms_per_1000, 2), "linearity": round(linearity, 3)})
    )


if __name__ == "__main__":
    main()
