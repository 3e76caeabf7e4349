"""The faithfulness harness: each summary sentence checked against the source spans
that support it (``score_sentence``), then scored per side and overall (``aggregate``).

Verdicts, strongest first:
- ``misattributed``: another side's passages support the sentence clearly better
  (by SIDE_MARGIN) than the side's own;
- ``unsupported``: no span reaches SUPPORT_THRESHOLD, or a name is not in the support
  (nor the speaker in force for it) and stands in no other name's place;
- ``contradicted``: a span supports it, but a number, quote or polarity disagrees, or a
  name stands where the support names someone else;
- ``supported``: otherwise (an ``unattributed`` warning may still be attached).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from summarize.align import (
    SUPPORT_THRESHOLD,
    Scored,
    SemanticScorer,
    Support,
    content_words,
    rank,
    score_candidates,
)
from summarize.checks import (
    entity_problems,
    names_dropped,
    negation_problems,
    number_problems,
    quote_problems,
    unattributed_problem,
)
from summarize.errors import InputError
from summarize.nli import NLIJudge
from summarize.records import (
    BRIEFING_SCHEMA,
    Briefing,
    EvalReport,
    Grouping,
    Problem,
    SentenceVerdict,
    SideEval,
    SupportSpan,
    Verdict,
)
from summarize.segment import split_sentences

SIDE_MARGIN = 0.15  # another side must beat the own side by this much to be "misattributed"
NEAR_TIE = 0.1  # supports within this of the best are all checked against
CONTEXT_PASSAGES = 3  # passages before the support searched for a pronoun's antecedent
SPEAKER_PASSAGES = 2  # same-side passages before the support whose speaker may carry over
NLI_THRESHOLD = 0.5
NLI_RESCUE_FLOOR = 0.3  # lexical score an NLI entailment may lift to "supported"
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")


def _support_text(grouping: Grouping, supports: Sequence[Support]) -> tuple[str, str]:
    """The full passages of the supports, and the passages just before the first."""
    ids = list(dict.fromkeys(s.passage for s in supports))
    order = {ap.passage.id: i for i, ap in enumerate(grouping.passages)}
    text = " \n".join(grouping.passage(pid).passage.text for pid in ids)
    first = min(order[pid] for pid in ids)
    before = grouping.passages[max(0, first - CONTEXT_PASSAGES) : first]
    return text, " \n".join(ap.passage.text for ap in before)


def _speaker_text(grouping: Grouping, supports: Sequence[Support]) -> str:
    """The passages whose speaker is in force for the supports: for each, the same
    side's passages earlier in its paragraph or among the SPEAKER_PASSAGES before it."""
    index = {ap.passage.id: i for i, ap in enumerate(grouping.passages)}
    out: dict[int, str] = {}
    for pid in dict.fromkeys(s.passage for s in supports):
        i = index[pid]
        here = grouping.passages[i]
        if here.stakeholder is None:
            continue
        j = i - 1
        while j >= 0:
            ap = grouping.passages[j]
            if i - j > SPEAKER_PASSAGES and ap.passage.paragraph != here.passage.paragraph:
                break
            if ap.stakeholder != here.stakeholder:
                break
            out[j] = ap.passage.text
            j -= 1
    return " \n".join(out[j] for j in sorted(out))


def _side_problem(
    grouping: Grouping, side: str, scored: list[Scored], own_best: float
) -> Problem | None:
    order = {s.id: i for i, s in enumerate(grouping.profile.stakeholders)}
    best: dict[str, tuple[float, str]] = {}
    for s in scored:
        owner = s.candidate.stakeholder
        if owner is None or owner == side:
            continue
        if s.score > best.get(owner, (0.0, ""))[0]:
            best[owner] = (s.score, s.candidate.passages[0])
    if not best:
        return None
    other = min(best, key=lambda k: (-best[k][0], order.get(k, len(order)), k))
    score, passage = best[other]
    if score >= SUPPORT_THRESHOLD and score - own_best >= SIDE_MARGIN:
        return Problem(
            "side",
            f"best support is the side '{other}' ({passage}, score {score:.2f}); "
            f"the side '{side}' scores at best {own_best:.2f}",
        )
    return None


def score_sentence(
    sentence: str,
    grouping: Grouping,
    side: str,
    *,
    semantic: SemanticScorer | None = None,
    nli: NLIJudge | None = None,
    top_k: int = 3,
) -> SentenceVerdict:
    """Check one summary sentence of ``side`` against the source."""
    source_text = grouping.source.text
    scored = score_candidates(sentence, grouping, semantic)
    supports = rank(scored, side, top_k)
    best = supports[0].score if supports else 0.0
    own_best = max((s.score for s in scored if s.candidate.stakeholder == side), default=0.0)
    problems: list[Problem] = []
    side_problem = _side_problem(grouping, side, scored, own_best)
    if side_problem is not None:
        problems.append(side_problem)

    contradicted = False
    invented = False
    for detail in quote_problems(sentence, source_text):
        problems.append(Problem("quote", detail))
        contradicted = True
    if best >= SUPPORT_THRESHOLD:
        near = [s for s in supports if s.score >= max(SUPPORT_THRESHOLD, best - NEAR_TIE)]
        support_text, context = _support_text(grouping, near)
        for detail in number_problems(sentence, support_text):
            problems.append(Problem("number", detail))
            contradicted = True
        speakers = _speaker_text(grouping, near)
        named = entity_problems(sentence, support_text, context, source_text, speakers)
        # A name missing from the support is unsupported; it contradicts the support
        # only when it stands where the support names someone else.
        swapped = bool(named) and names_dropped(sentence, support_text, source_text)
        for detail, in_source in named:
            problems.append(Problem("entity", detail))
            contradicted = contradicted or (in_source and swapped)
            invented = invented or not in_source or not swapped
        for detail in negation_problems(sentence, support_text):
            problems.append(Problem("negation", detail))
            contradicted = True
        top = grouping.passage(supports[0].passage).passage
        warning = unattributed_problem(
            content_words(sentence), sentence, source_text, top.start, top.end
        )
        if warning is not None and side_problem is None:
            problems.append(Problem("unattributed", warning))
    else:
        for detail, in_source in entity_problems(sentence, "", "", source_text):
            if not in_source:
                problems.append(Problem("entity", detail))

    supported_enough = best >= SUPPORT_THRESHOLD
    if nli is not None and supports and side_problem is None:
        premise, _ = _support_text(grouping, supports[:2])
        judgement = nli.judge(premise, sentence)
        if judgement.contradiction >= NLI_THRESHOLD and judgement.contradiction > (
            judgement.entailment
        ):
            problems.append(
                Problem(
                    "negation",
                    f"the NLI model reads the support as contradicting the sentence "
                    f"(p={judgement.contradiction:.2f})",
                )
            )
            contradicted = True
        elif judgement.entailment >= NLI_THRESHOLD and best >= NLI_RESCUE_FLOOR:
            supported_enough = True

    verdict: Verdict
    if side_problem is not None:
        verdict = "misattributed"
    elif not supported_enough or invented:
        verdict = "unsupported"
    elif contradicted:
        verdict = "contradicted"
    else:
        verdict = "supported"
    spans = tuple(SupportSpan(s.passage, s.start, s.end, s.stakeholder, s.score) for s in supports)
    return SentenceVerdict(sentence, side, verdict, spans, tuple(problems))


def aggregate(
    verdicts: Sequence[SentenceVerdict],
    grouping: Grouping,
    sides: Sequence[str] | None = None,
    attribution: dict[str, Any] | None = None,
) -> EvalReport:
    """Per side and overall: faithfulness (share supported) and coverage (share of the
    side's content passages that support some sentence of its summary: a span at least
    SUPPORT_THRESHOLD and within NEAR_TIE of that sentence's best)."""
    wanted = list(dict.fromkeys(sides if sides is not None else [v.side for v in verdicts]))
    profile_order = [s.id for s in grouping.profile.stakeholders]
    wanted.sort(key=lambda sid: profile_order.index(sid) if sid in profile_order else 1 << 30)
    labels = {s.id: s.label for s in grouping.profile.stakeholders}
    side_evals: list[SideEval] = []
    covered_total = 0
    passages_total = 0
    for sid in wanted:
        mine = tuple(v for v in verdicts if v.side == sid)
        own_ids = [ap.passage.id for ap in grouping.side(sid)]
        hit = {
            s.passage
            for v in mine
            if v.verdict != "misattributed" and v.support
            for s in v.support
            if s.score >= max(SUPPORT_THRESHOLD, v.support[0].score - NEAR_TIE)
            and s.stakeholder == sid
        }
        covered = tuple(pid for pid in own_ids if pid in hit)
        supported = sum(1 for v in mine if v.verdict == "supported")
        side_evals.append(
            SideEval(
                stakeholder=sid,
                label=labels.get(sid, sid),
                faithfulness=supported / len(mine) if mine else None,
                coverage=len(covered) / len(own_ids) if own_ids else None,
                sentences=mine,
                covered=covered,
            )
        )
        covered_total += len(covered)
        passages_total += len(own_ids)
    all_verdicts = [v for s in side_evals for v in s.sentences]
    supported_all = sum(1 for v in all_verdicts if v.verdict == "supported")
    return EvalReport(
        source=grouping.source,
        profile=grouping.profile.name,
        faithfulness=supported_all / len(all_verdicts) if all_verdicts else None,
        coverage=covered_total / passages_total if passages_total else None,
        sides=tuple(side_evals),
        attribution=attribution,
    )


def split_summary(text: str) -> list[str]:
    """Sentences of a summary: one per line item, then pysbd within each line."""
    out: list[str] = []
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        out.extend(line[s:e] for s, e in split_sentences(line))
    return out


def evaluate_summaries(
    grouping: Grouping,
    summaries: Mapping[str, Sequence[str]],
    *,
    semantic: SemanticScorer | None = None,
    nli: NLIJudge | None = None,
    attribution: dict[str, Any] | None = None,
) -> EvalReport:
    """Check every sentence of each side's summary (side id → its sentences)."""
    verdicts = [
        score_sentence(sentence, grouping, side, semantic=semantic, nli=nli)
        for side, sentences in summaries.items()
        for sentence in sentences
    ]
    return aggregate(verdicts, grouping, list(summaries), attribution)


def evaluate_briefing(
    briefing: Briefing,
    *,
    semantic: SemanticScorer | None = None,
    nli: NLIJudge | None = None,
) -> EvalReport:
    """The same checks on a Briefing in memory (``summarize brief ... --eval``)."""
    summaries = {
        side.stakeholder: [s.text for s in side.sentences] or split_summary(side.summary)
        for side in briefing.sides
    }
    return evaluate_summaries(briefing.grouping, summaries, semantic=semantic, nli=nli)


# ---------------------------------------------------------------- summaries files

SUMMARIES_SHAPE = 'a summarize/briefing-v1 JSON or an object {"<side id>": "<summary text>", ...}'


def _check_side(side: Any, grouping: Grouping, where: str) -> str:
    ids = [s.id for s in grouping.profile.stakeholders]
    if not isinstance(side, str) or side not in ids:
        known = ", ".join(ids) if ids else "no sides"
        raise InputError(
            f"{where}: unknown side id {side!r} (profile {grouping.profile.name} has: {known})"
        )
    return side


def parse_summaries(data: Any, grouping: Grouping, where: str) -> dict[str, list[str]]:
    """Side id → summary sentences, from a briefing-v1 document or a plain object."""
    if not isinstance(data, dict) or not data:
        raise InputError(f"{where}: expected {SUMMARIES_SHAPE}")
    if "schema" in data:
        if data["schema"] != BRIEFING_SCHEMA:
            raise InputError(
                f"{where}: schema {data['schema']!r} is not supported (expected {SUMMARIES_SHAPE})"
            )
        return _parse_briefing(data, grouping, where)
    out: dict[str, list[str]] = {}
    for side, text in data.items():
        sid = _check_side(side, grouping, where)
        if not isinstance(text, str):
            raise InputError(f"{where}: the summary of '{sid}' must be a string")
        out[sid] = split_summary(text)
    return out


def _parse_briefing(data: dict[str, Any], grouping: Grouping, where: str) -> dict[str, list[str]]:
    source = data.get("source")
    sha = source.get("sha256") if isinstance(source, dict) else None
    if isinstance(sha, str) and sha != grouping.source.sha256:
        raise InputError(
            f"{where}: the briefing was made from another article "
            f"(sha256 {sha[:12]}…, {grouping.source.path} is {grouping.source.sha256[:12]}…)"
        )
    sides = data.get("sides")
    if not isinstance(sides, list):
        raise InputError(f"{where}: briefing has no 'sides' list")
    out: dict[str, list[str]] = {}
    for i, item in enumerate(sides):
        if not isinstance(item, dict):
            raise InputError(f"{where}: sides[{i}] must be an object")
        sid = _check_side(item.get("stakeholder"), grouping, f"{where}: sides[{i}]")
        summary = item.get("summary", "")
        if not isinstance(summary, str):
            raise InputError(f"{where}: sides[{i}].summary must be a string")
        sentences = item.get("sentences") or []
        if not isinstance(sentences, list) or not all(
            isinstance(s, dict) and isinstance(s.get("text"), str) for s in sentences
        ):
            raise InputError(f"{where}: sides[{i}].sentences must be objects with a 'text'")
        texts = [s["text"] for s in sentences if s["text"].strip()]
        out[sid] = texts or split_summary(summary)
    return out


def load_summaries(path: str, grouping: Grouping) -> dict[str, list[str]]:
    """Summaries from a JSON file, or from stdin when ``path`` is ``-``."""
    p = Path(path)
    if path != "-" and not p.is_file():
        what = "is a folder" if p.is_dir() else "no such file"
        raise InputError(f"{path}: {what}, expected a summaries JSON file")
    try:
        raw = sys.stdin.buffer.read() if path == "-" else p.read_bytes()
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: summaries file is not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: not valid JSON at line {e.lineno}: {e.msg}") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from None
    return parse_summaries(data, grouping, path)
