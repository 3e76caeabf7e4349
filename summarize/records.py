"""The typed records that flow between pipeline stages, and their JSON shapes.

Every offset is a Python string index into ``Source.text``, end-exclusive
(like spaCy's ``Doc.char_span``): ``source.text[p.start:p.end] == p.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

GROUPING_SCHEMA = "summarize/grouping-v1"
BRIEFING_SCHEMA = "summarize/briefing-v1"
EVAL_SCHEMA = "summarize/eval-v1"

PassageKind = Literal["body", "heading", "boilerplate", "duplicate"]
PASSAGE_KINDS: tuple[PassageKind, ...] = ("body", "heading", "boilerplate", "duplicate")
# A markdown ATX heading's marks ("## "), not part of the title's words.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+")


@dataclass(frozen=True)
class Source:
    """A decoded article. ``text`` is what every offset points into."""

    path: str
    text: str
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "chars": len(self.text)}


@dataclass(frozen=True)
class Passage:
    """One sentence-sized span of the source."""

    id: str
    start: int
    end: int
    text: str
    paragraph: int
    kind: PassageKind


@dataclass(frozen=True)
class Stakeholder:
    id: str
    label: str
    description: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    name: str
    stakeholders: tuple[Stakeholder, ...]
    path: str = ""

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        for s in self.stakeholders:
            if s.id == stakeholder_id:
                return s
        raise KeyError(stakeholder_id)


@dataclass(frozen=True)
class AttributedPassage:
    """A passage with the side whose position it carries (None: background)."""

    passage: Passage
    stakeholder: str | None
    confidence: float
    evidence: str
    # The speaker outside the profile that this passage quotes, as the article names them:
    # a name the user may add to a side's aliases ('group' lists them).
    outsider: str | None = None

    @property
    def unowned(self) -> bool:
        """Content no rule gave to anyone, not even to a speaker outside the profile: what
        a block quote's lead-in or a column's writer may claim."""
        return self.stakeholder is None and self.passage.kind in ("body", "heading") \
            and self.evidence.startswith(("no stakeholder", "quote with no speaker"))

    def to_json(self) -> dict[str, Any]:
        p = self.passage
        return {
            "id": p.id,
            "start": p.start,
            "end": p.end,
            "text": p.text,
            "paragraph": p.paragraph,
            "kind": p.kind,
            "stakeholder": self.stakeholder,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Grouping:
    source: Source
    profile: Profile
    passages: tuple[AttributedPassage, ...]

    @property
    def title(self) -> str:
        """The first heading, else the first passage: the article's title, without the
        ``#`` marks of a markdown heading (the source text keeps them: offsets stay exact)."""
        for ap in self.passages:
            if ap.passage.kind == "heading":
                return _MARKDOWN_HEADING.sub("", ap.passage.text.strip())
        first = self.passages[0].passage.text.strip() if self.passages else ""
        return _MARKDOWN_HEADING.sub("", first)

    def side(self, stakeholder_id: str) -> tuple[AttributedPassage, ...]:
        """The content passages (body/heading) of one side, in article order."""
        return tuple(
            ap
            for ap in self.passages
            if ap.stakeholder == stakeholder_id and ap.passage.kind in ("body", "heading")
        )

    def background(self) -> tuple[AttributedPassage, ...]:
        return tuple(
            ap for ap in self.passages if ap.stakeholder is None and ap.passage.kind == "body"
        )

    def passage(self, passage_id: str) -> AttributedPassage:
        for ap in self.passages:
            if ap.passage.id == passage_id:
                return ap
        raise KeyError(passage_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": GROUPING_SCHEMA,
            "source": self.source.to_json(),
            "profile": self.profile.name,
            "stakeholders": [{"id": s.id, "label": s.label} for s in self.profile.stakeholders],
            "passages": [ap.to_json() for ap in self.passages],
        }


@dataclass(frozen=True)
class Citation:
    """A source span that supports a summary sentence."""

    passage: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"passage": self.passage, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class SummarySentence:
    text: str
    supported: bool
    citations: tuple[Citation, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "supported": self.supported,
            "citations": [c.to_json() for c in self.citations],
        }


@dataclass(frozen=True)
class SideSummary:
    stakeholder: str
    label: str
    passages: tuple[str, ...]
    summary: str
    sentences: tuple[SummarySentence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "stakeholder": self.stakeholder,
            "label": self.label,
            "passages": list(self.passages),
            "summary": self.summary,
            "sentences": [s.to_json() for s in self.sentences],
        }


@dataclass(frozen=True)
class BackendInfo:
    name: str
    model: str | None
    fallback_reason: str | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "model": self.model,
            "fallback_reason": self.fallback_reason,
            "options": dict(sorted(self.options.items())),
        }


@dataclass(frozen=True)
class Briefing:
    grouping: Grouping
    backend: BackendInfo
    sides: tuple[SideSummary, ...]

    def to_json(self) -> dict[str, Any]:
        g = self.grouping.to_json()
        return {
            "schema": BRIEFING_SCHEMA,
            "source": g["source"],
            "profile": g["profile"],
            "backend": self.backend.to_json(),
            "sides": [s.to_json() for s in self.sides],
            "passages": g["passages"],
        }


# ---------------------------------------------------------------- eval (summarize/eval-v1)

Verdict = Literal["supported", "unsupported", "contradicted", "misattributed"]
VERDICTS: tuple[Verdict, ...] = ("supported", "unsupported", "contradicted", "misattributed")
ProblemKind = Literal["number", "entity", "quote", "negation", "side", "unattributed"]
PROBLEM_KINDS: tuple[ProblemKind, ...] = (
    "number",
    "entity",
    "quote",
    "negation",
    "side",
    "unattributed",
)


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "detail": self.detail}


@dataclass(frozen=True)
class SupportSpan:
    """A source span supporting a summary sentence, as the eval report shows it."""

    passage: str
    start: int
    end: int
    stakeholder: str | None
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "stakeholder": self.stakeholder}


@dataclass(frozen=True)
class SentenceVerdict:
    """One summary sentence of one side, checked against the source."""

    text: str
    side: str
    verdict: Verdict
    support: tuple[SupportSpan, ...]
    problems: tuple[Problem, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "verdict": self.verdict,
            "support": [s.to_json() for s in self.support],
            "problems": [p.to_json() for p in self.problems],
        }


def problem_counts(verdicts: tuple[SentenceVerdict, ...]) -> dict[str, int]:
    """Problems per kind, every kind listed (zero included), in PROBLEM_KINDS order."""
    counts: dict[str, int] = dict.fromkeys(PROBLEM_KINDS, 0)
    for v in verdicts:
        for p in v.problems:
            counts[p.kind] += 1
    return counts


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class SideEval:
    """Scores of one side's summary: faithfulness is None when it has no sentence."""

    stakeholder: str
    label: str
    faithfulness: float | None
    coverage: float | None  # None: the side has no content passage
    sentences: tuple[SentenceVerdict, ...]
    covered: tuple[str, ...] = ()  # the side's passage ids some sentence is supported by

    def to_json(self) -> dict[str, Any]:
        return {
            "stakeholder": self.stakeholder,
            "label": self.label,
            "faithfulness": _ratio(self.faithfulness),
            "coverage": _ratio(self.coverage),
            "problems": problem_counts(self.sentences),
            "sentences": [s.to_json() for s in self.sentences],
        }


@dataclass(frozen=True)
class EvalReport:
    """Per-side and overall faithfulness and coverage; ``attribution`` is the gold score
    (its JSON) when hand labels were given."""

    source: Source
    profile: str
    faithfulness: float | None
    coverage: float | None
    sides: tuple[SideEval, ...]
    attribution: dict[str, Any] | None = None

    @property
    def verdicts(self) -> tuple[SentenceVerdict, ...]:
        return tuple(v for side in self.sides for v in side.sentences)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": EVAL_SCHEMA,
            "source": self.source.to_json(),
            "profile": self.profile,
            "faithfulness": _ratio(self.faithfulness),
            "coverage": _ratio(self.coverage),
            "problems": problem_counts(self.verdicts),
            "sides": [s.to_json() for s in self.sides],
            "attribution": self.attribution,
        }
