"""Benchmark: `summarize batch` against `summarize brief` run once per article as
separate processes, measured in the same run.

Workload: 30 small articles x 3 sides (sentences of the corpus dealt to three named
sides), a random-weight T5 with t5-small dimensions (vocab 32128; built by
bench/generate.py's builder), every output exactly --new-tokens long.

  batch:        one process: `summarize batch` over all 30 (one model load, the sides
                of --batch-articles articles per generate batch, plus evaluation)
  per-process:  `summarize brief ARTICLE` as its own process for each article (a model
                load each); timed on --sample articles and scaled to 30, as printed

Prints both wall times, the ratio, and the batch process's peak RSS.
Last line: {"speedup_vs_per_process": ..., "peak_rss_mb": ...}.

    .venv/bin/python bench/batch.py [--new-tokens 32] [--sample 6] [--jobs 1] [--threads 1]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 30
SIDES = (
    ("alder", "Alder Coalition", "the Alder Coalition"),
    ("birch", "Birch Council", "the Birch Council"),
    ("cedar", "Cedar Union", "the Cedar Union"),
)
SENTENCES_PER_ARTICLE = 12


def load_builder() -> object:
    """bench/generate.py's t5-small builder, so both benches run the same model."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_sentences(module: object) -> list[str]:
    from summarize.read import read_source
    from summarize.segment import segment

    sentences: list[str] = []
    for path in module.corpus_files():  # type: ignore[attr-defined]
        source = read_source(str(path))
        sentences += [p.text for p in segment(source) if p.kind == "body" and len(p.text) > 60]
    return sentences


def write_workload(folder: Path, sentences: list[str]) -> tuple[list[Path], Path]:
    """30 articles, each of 12 corpus sentences credited in turn to the three sides, so
    every side has 4 passages; and the profile naming the sides."""
    folder.mkdir(parents=True)
    articles = []
    for n in range(ARTICLES):
        paragraphs = [f"Dispute number {n} goes on"]
        for k in range(SENTENCES_PER_ARTICLE):
            sentence = sentences[(n * SENTENCES_PER_ARTICLE + k) % len(sentences)]
            side = SIDES[k % len(SIDES)]
            paragraphs.append(f"According to {side[2]}, {sentence[0].lower()}{sentence[1:]}")
        path = folder / f"article-{n:02d}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        articles.append(path)
    profile = folder.parent / "sides.yaml"
    lines = ["name: bench", "stakeholders:"]
    for sid, label, alias in SIDES:
        lines += [f"  - id: {sid}", f"    label: {label}", f"    aliases: [{alias[4:]}]"]
    profile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return articles, profile


def run_measured(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process; it must succeed."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: faithfulness under a threshold, not a failure here
        raise SystemExit(f"failed ({code}): {' '.join(command)}\n{stderr}")
    return seconds, usage.ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new-tokens", type=int, default=32)
    parser.add_argument("--sample", type=int, default=6, help="articles timed per-process")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--batch-articles", type=int, default=8)
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="torch threads, for both sides of the comparison (default 1: on a small shared "
        "machine, OpenMP threads competing for cores cost more than they give)",
    )
    args = parser.parse_args()
    sample = max(1, min(args.sample, ARTICLES))

    builder = load_builder()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        root = Path(tmp)
        articles, profile = write_workload(root / "articles", corpus_sentences(builder))
        model = root / "t5-small-random"
        builder.build_model(  # type: ignore[attr-defined]
            model, [a.read_text(encoding="utf-8") for a in articles]
        )
        summarize = [sys.executable, "-m", "summarize"]
        model_options = ["--backend", "seq2seq", "--model", str(model), "--device", "cpu"]
        model_options += ["--threads", str(args.threads)]
        model_options += ["--max-new-tokens", str(args.new_tokens)]
        model_options += ["--min-new-tokens", str(args.new_tokens)]
        common = ["--profile", str(profile), *model_options]

        batch_command = [*summarize, "batch", str(root / "articles"), "--out", str(root / "out")]
        batch_command += [*common, "--jobs", str(args.jobs)]
        batch_command += ["--batch-articles", str(args.batch_articles)]
        batch_s, batch_rss = run_measured(batch_command)
        manifest = [
            json.loads(line)
            for line in (root / "out" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        assert len(manifest) == ARTICLES and all(m["status"] == "ok" for m in manifest)

        per_process: list[float] = []
        rss: list[float] = []
        same = 0
        for article in articles[:sample]:
            out = root / "single" / f"{article.stem}.json"
            out.parent.mkdir(exist_ok=True)
            seconds, peak = run_measured(
                [*summarize, "brief", str(article), *common, "--format", "json", "--out", str(out)]
            )
            per_process.append(seconds)
            rss.append(peak)
            single = json.loads(out.read_text(encoding="utf-8"))
            batched = json.loads(
                (root / "out" / f"{article.stem}.briefing.json").read_text(encoding="utf-8")
            )
            same += [s["summary"] for s in single["sides"]] == [
                s["summary"] for s in batched["sides"]
            ]
        mean = sum(per_process) / len(per_process)
        scaled = mean * ARTICLES
        print(
            f"workload: {ARTICLES} articles x {len(SIDES)} sides, t5-small dimensions "
            f"(random weights, vocab 32128), {args.new_tokens} new tokens per side, "
            f"torch threads {args.threads}"
        )
        print(
            f"batch (1 process, --jobs {args.jobs}, --batch-articles {args.batch_articles}, "
            f"with evaluation): {batch_s:8.2f} s, peak RSS {batch_rss:.0f} MB"
        )
        estimate = "measured" if sample == ARTICLES else f"mean of {sample} x {ARTICLES}"
        print(
            f"brief, one process per article ({estimate}): {scaled:8.2f} s "
            f"({mean:.2f} s per article; peak RSS {max(rss):.0f} MB each)"
        )
        print(f"batch vs per-process: {scaled / batch_s:.2f}x faster")
        print(f"same summaries batched as alone: {same}/{sample} articles")
        print(
            json.dumps(
                {
                    "speedup_vs_per_process": round(scaled / batch_s, 2),
                    "peak_rss_mb": round(batch_rss, 1),
                }
            )
        )


if __name__ == "__main__":
    main()
