"""The typed records that flow between pipeline stages, and their JSON shapes.

Every offset is a Python string index into ``Source.text``, end-exclusive
(like spaCy's ``Doc.char_span``): ``source.text[p.start:p.end] == p.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

GROUPING_SCHEMA = "summarize/grouping-v1"
BRIEFING_SCHEMA = "summarize/briefing-v1"
EVAL_SCHEMA = "summarize/eval-v1"

PassageKind = Literal["body", "heading", "boilerplate", "duplicate"]
PASSAGE_KINDS: tuple[PassageKind, ...] = ("body", "heading", "boilerplate", "duplicate")


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
        """The first heading, else the first passage: the article's title."""
        for ap in self.passages:
            if ap.passage.kind == "heading":
                return ap.passage.text.strip()
        return self.passages[0].passage.text.strip() if self.passages else ""

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
