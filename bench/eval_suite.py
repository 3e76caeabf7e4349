"""Run the planted-error suite through the faithfulness harness.

Prints, per planted kind, how many cases were caught (the sentence got a verdict other
than ``supported`` or any problem), the false-alarm rate on the faithful sentences, and
eval time of one briefing over its generation time on the bench model of ``brief``.
Last line: ``{"caught": ..., "false_alarms": ..., "eval_vs_generate": ...}``.

Usage: python bench/eval_suite.py [--suite eval/suite/planted.jsonl] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize import pipeline  # noqa: E402
from summarize.faithfulness import score_sentence  # noqa: E402
from summarize.records import Grouping, SentenceVerdict  # noqa: E402


def flagged(v: SentenceVerdict) -> bool:
    return v.verdict != "supported" or bool(v.problems)


def run_suite(path: Path, show_misses: bool) -> dict[str, Any]:
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    groupings: dict[tuple[str, str], Grouping] = {}
    totals: dict[str, int] = defaultdict(int)
    hits: dict[str, int] = defaultdict(int)
    for case in cases:
        key = (case["article"], case["profile"])
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="faithfulness harness on the planted suite")
    parser.add_argument("--suite", default=str(ROOT / "eval" / "suite" / "planted.jsonl"))
    parser.add_argument("--misses", action="store_true", help="print each miss and false alarm")
    args = parser.parse_args(argv)
    result = run_suite(Path(args.suite), args.misses)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
