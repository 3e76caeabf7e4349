"""The library functions behind each CLI command, composed from the stage modules."""

from __future__ import annotations

from summarize.attribute import attribute_passages
from summarize.profile import default_profile, load_profile
from summarize.read import DEFAULT_MAX_CHARS, read_source
from summarize.records import EvalReport, Grouping
from summarize.segment import segment


def group(
    path: str, profile_path: str | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Grouping:
    """Read, segment and attribute one article."""
    profile = load_profile(profile_path) if profile_path else default_profile()
    source = read_source(path, max_chars=max_chars)
    passages = segment(source)
    return Grouping(source, profile, attribute_passages(passages, profile, source.text))


# ---------------------------------------------------------------- eval


def evaluate(
    path: str,
    profile_path: str | None,
    summaries_path: str | None,
    gold_path: str | None = None,
    *,
    semantic: bool = False,
    nli_model: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> EvalReport:
    """Check summaries of an article's sides against it, and/or its grouping against gold."""
    from summarize.faithfulness import evaluate_summaries, load_summaries

    grouping = group(path, profile_path, max_chars=max_chars)
    summaries = load_summaries(summaries_path, grouping) if summaries_path else {}
    attribution = None
    if gold_path is not None:
        from summarize.gold import load_gold, score_attribution

        attribution = score_attribution(grouping, load_gold(gold_path), gold_path).to_json()
    scorer = None
    if semantic:
        from summarize.semantic import load_semantic

        scorer = load_semantic()
    judge = None
    if nli_model:
        from summarize.nli import load_nli

        judge = load_nli(nli_model)
    return evaluate_summaries(
        grouping, summaries, semantic=scorer, nli=judge, attribution=attribution
    )
