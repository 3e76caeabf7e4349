"""Run the planted-error suite through the faithfulness harness.

Prints, per planted kind, how many cases were caught (the sentence got a verdict other
than ``supported`` or any problem), the false-alarm rate on the faithful sentences, and
eval time of one briefing over its generation time on the bench model of ``brief``.
Last line: ``{"caught": ..., "false_alarms": ..., "eval_vs_generate": ...}``.

Usage: python bench/eval_suite.py [--suite eval/suite/planted.jsonl] [--misses] [--no-timing]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import build_model  # noqa: E402

from summarize import pipeline  # noqa: E402
from summarize.faithfulness import evaluate_briefing, score_sentence  # noqa: E402
from summarize.records import (  # noqa: E402
    BackendInfo,
    Briefing,
    Grouping,
    SentenceVerdict,
    SideSummary,
    SummarySentence,
)

EXAMPLE = ROOT / "examples" / "xinjiang-unhrc-cbc.txt"
EXAMPLE_PROFILE = ROOT / "examples" / "xinjiang-unhrc.yaml"
NEW_TOKENS = 64
SENTENCES_PER_SIDE = 4


def flagged(v: SentenceVerdict) -> bool:
    return v.verdict != "supported" or bool(v.problems)


def run_suite(path: Path, show_misses: bool) -> dict[str, Any]:
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    groupings: dict[tuple[str, str], Grouping] = {}
    totals: dict[str, int] = defaultdict(int)
    hits: dict[str, int] = defaultdict(int)
    missing: set[str] = set()
    for case in cases:
        key = (case["article"], case["profile"])
        if not (ROOT / key[0]).is_file() or not (ROOT / key[1]).is_file():
            missing.add(key[0])
            continue
        if key not in groupings:
            groupings[key] = pipeline.group(str(ROOT / key[0]), str(ROOT / key[1]))
        v = score_sentence(case["sentence"], groupings[key], case["side"])
        kind = case["kind"]
        totals[kind] += 1
        if flagged(v):
            hits[kind] += 1
        wrong = flagged(v) if kind == "faithful" else not flagged(v)
        if show_misses and wrong:
            print(
                f"[{kind} {'false alarm' if kind == 'faithful' else 'missed'}] "
                f"{case['article']} {case['side']}: {case['sentence']}\n"
                f"    planted: {case.get('detail')}; got {v.verdict} "
                f"{[(p.kind, p.detail) for p in v.problems]} "
                f"{[(s.passage, s.stakeholder, s.score) for s in v.support[:2]]}"
            )
    if missing:
        print(f"skipped the cases of {len(missing)} missing articles: {', '.join(sorted(missing))}")
    print(f"{'kind':<14}{'cases':>7}{'flagged':>9}{'rate':>8}")
    caught: dict[str, float] = {}
    for kind in sorted(totals, key=lambda k: (k == "faithful", k)):
        rate = hits[kind] / totals[kind]
        label = "false alarm" if kind == "faithful" else "caught"
        print(f"{kind:<14}{totals[kind]:>7}{hits[kind]:>9}{rate:>8.1%}  {label}")
        if kind != "faithful":
            caught[kind] = round(rate, 4)
    planted = sum(totals[k] for k in caught)
    overall = sum(hits[k] for k in caught) / planted if planted else 0.0
    false_alarms = hits["faithful"] / totals["faithful"] if totals["faithful"] else 0.0
    print(f"{'all planted':<14}{planted:>7}{sum(hits[k] for k in caught):>9}{overall:>8.1%}")
    return {"caught": round(overall, 4), "per_kind": caught, "false_alarms": round(false_alarms, 4)}


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def eval_vs_generate(repeats: int = 3) -> float:
    """Eval time of one briefing of the example (lexical layer) over the time of one
    padded ``generate`` of its 3 sides on the bench model, medians of ``repeats`` runs."""
    import tempfile

    import torch
    from transformers import AutoTokenizer, T5ForConditionalGeneration

    grouping = pipeline.group(str(EXAMPLE), str(EXAMPLE_PROFILE))
    sides = [s for s in grouping.profile.stakeholders if grouping.side(s.id)]
    prompts = [
        "summarize: " + " ".join(ap.passage.text for ap in grouping.side(s.id)) for s in sides
    ]
    with tempfile.TemporaryDirectory() as folder:
        # the bench model of brief, built by bench/generate.py
        build_model(Path(folder), [grouping.source.text])
        tokenizer = AutoTokenizer.from_pretrained(folder)
        model = T5ForConditionalGeneration.from_pretrained(folder, use_safetensors=True).eval()
    batch = tokenizer(prompts, padding=True, truncation=True, max_length=512, return_tensors="pt")

    # An extractive briefing of the same sides: its sentences are what eval checks.
    summaries = tuple(
        SideSummary(
            s.id,
            s.label,
            tuple(ap.passage.id for ap in grouping.side(s.id)[:SENTENCES_PER_SIDE]),
            " ".join(ap.passage.text for ap in grouping.side(s.id)[:SENTENCES_PER_SIDE]),
            tuple(
                SummarySentence(ap.passage.text, True)
                for ap in grouping.side(s.id)[:SENTENCES_PER_SIDE]
            ),
        )
        for s in sides
    )

    def generate() -> int:
        with torch.no_grad():
            out = model.generate(
                **batch, min_new_tokens=NEW_TOKENS, max_new_tokens=NEW_TOKENS, do_sample=False
            )
        return int(out.shape[1])

    def evaluate() -> int:
        # A new Grouping object each run, so the alignment index is rebuilt and timed.
        fresh = Grouping(grouping.source, grouping.profile, grouping.passages)
        return len(
            evaluate_briefing(Briefing(fresh, BackendInfo("bench", None), summaries)).verdicts
        )

    generate()  # warm-up: first-call allocations are not generation
    evaluate()
    generate_times: list[float] = []
    eval_times: list[float] = []
    sentences = 0
    # Interleaved, so a busy machine slows both sides of the ratio alike.
    for _ in range(repeats):
        started = time.perf_counter()
        assert generate() >= NEW_TOKENS
        generate_times.append(time.perf_counter() - started)
        for _ in range(3):
            started = time.perf_counter()
            sentences = evaluate()
            eval_times.append(time.perf_counter() - started)
    gen, ev = _median(generate_times), _median(eval_times)
    print(
        f"generate: {len(prompts)} sides x {NEW_TOKENS} tokens, {batch['input_ids'].shape[1]} "
        f"input tokens: {gen:.3f} s; eval of the briefing ({sentences} sentences, lexical): "
        f"{ev * 1000:.1f} ms; ratio {ev / gen:.2%}"
    )
    return ev / gen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="faithfulness harness on the planted suite")
    parser.add_argument("--suite", default=str(ROOT / "eval" / "suite" / "planted.jsonl"))
    parser.add_argument("--misses", action="store_true", help="print each miss and false alarm")
    parser.add_argument("--no-timing", action="store_true", help="skip eval_vs_generate")
    args = parser.parse_args(argv)
    result = run_suite(Path(args.suite), args.misses)
    ratio = None if args.no_timing else round(eval_vs_generate(), 4)
    print(
        json.dumps(
            {
                "caught": result["caught"],
                "false_alarms": result["false_alarms"],
                "eval_vs_generate": ratio,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
