"""The library functions behind each CLI command, composed from the stage modules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarize.attribute import attribute_passages
from summarize.backends import SideRequest, SummaryBackend, backend_info, load_backend
from summarize.backends.base import DEFAULT_WORDS
from summarize.cite import DEFAULT_TOP_K, cite_summary
from summarize.errors import InputError
from summarize.profile import default_profile, load_profile
from summarize.read import DEFAULT_MAX_CHARS, read_source
from summarize.records import BackendInfo, Briefing, EvalReport, Grouping, Profile, SideSummary
from summarize.segment import segment


def group(
    path: str, profile: str | Profile | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Grouping:
    """Read, segment and attribute one article. ``profile``: a YAML path, or a profile
    already loaded (one profile read once for many articles)."""
    loaded = profile if isinstance(profile, Profile) else \
        load_profile(profile) if profile else default_profile()
    source = read_source(path, max_chars=max_chars)
    passages = segment(source)
    return Grouping(source, loaded, attribute_passages(passages, loaded, source.text))


# --- brief: per-side summaries, every sentence cited ---------------------------------


@dataclass(frozen=True)
class BriefOptions:
    """Options of a briefing that are not the backend's: the word budget per side and
    how many spans to cite per sentence."""

    words: int = DEFAULT_WORDS
    top_k: int = DEFAULT_TOP_K

    def check(self) -> None:
        if self.words < 1:
            raise InputError(f"--words must be at least 1, got {self.words}")
        if self.top_k < 1:
            raise InputError(f"--top-k must be at least 1, got {self.top_k}")


def side_requests(grouping: Grouping, options: BriefOptions) -> list[SideRequest]:
    return [SideRequest(grouping, s, options.words) for s in grouping.profile.stakeholders]


def brief_many(
    groupings: Sequence[Grouping],
    backend: SummaryBackend,
    options: BriefOptions | None = None,
) -> list[Briefing]:
    """Briefings for many articles with one backend: every side of every article goes
    to the backend in one call, so a model shares its generate batches across articles."""
    options = options or BriefOptions()
    options.check()
    requests = [r for g in groupings for r in side_requests(g, options)]
    summaries = backend.summarize(requests)
    info = backend_info(backend)
    info = BackendInfo(
        info.name,
        info.model,
        info.fallback_reason,
        {**info.options, "words": options.words, "top_k": options.top_k},
    )
    by_request = iter(zip(requests, summaries, strict=True))
    briefings = []
    for grouping in groupings:
        sides = []
        for _ in grouping.profile.stakeholders:
            request, summary = next(by_request)
            side_id = request.stakeholder.id
            sides.append(
                SideSummary(
                    stakeholder=side_id,
                    label=request.stakeholder.label,
                    passages=tuple(ap.passage.id for ap in request.passages),
                    summary=summary,
                    sentences=cite_summary(summary, grouping, side_id, options.top_k),
                )
            )
        briefings.append(Briefing(grouping, info, tuple(sides)))
    return briefings


def brief(
    path: str,
    profile_path: str | None = None,
    backend: SummaryBackend | Callable[[], SummaryBackend] | None = None,
    options: BriefOptions | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Briefing:
    """Group one article, summarise each side, cite every summary sentence.

    ``backend`` is a loaded backend, or a function that loads one: it is called only
    after the article has been read, so a bad article fails before a slow model load.
    Without one, the ``auto`` backend is loaded (the model, else extractive).
    """
    (options or BriefOptions()).check()
    grouping = group(path, profile_path, max_chars=max_chars)
    if backend is None:
        backend = load_backend
    if not isinstance(backend, SummaryBackend):
        backend = backend()
    return brief_many([grouping], backend, options)[0]


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
