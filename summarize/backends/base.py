"""The backend contract: every summariser takes all side requests at once and returns
one summary text per request, in order. Backends register by name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from summarize.errors import ModelError
from summarize.records import AttributedPassage, BackendInfo, Grouping, Stakeholder

DEFAULT_WORDS = 60


@dataclass(frozen=True)
class SideRequest:
    """One side of one article to summarise: its passages (article order) and a word budget."""

    grouping: Grouping
    stakeholder: Stakeholder
    words: int = DEFAULT_WORDS

    @property
    def passages(self) -> tuple[AttributedPassage, ...]:
        return self.grouping.side(self.stakeholder.id)

    @property
    def title(self) -> str:
        return self.grouping.title


@runtime_checkable
class SummaryBackend(Protocol):
    """A summariser. ``summarize`` gets every request of a run (all sides, possibly of
    many articles) so that a model backend can share generate batches between them."""

    name: str
    model_id: str | None
    fallback_reason: str | None

    def options(self) -> dict[str, Any]:
        """The settings that shape the output (recorded in the briefing)."""
        ...

    def summarize(self, requests: Sequence[SideRequest]) -> list[str]: ...


BackendFactory = Callable[..., SummaryBackend]
_REGISTRY: dict[str, BackendFactory] = {}


def register_backend(name: str) -> Callable[[BackendFactory], BackendFactory]:
    """Class decorator: make a backend available as ``get_backend(name, ...)``."""

    def register(factory: BackendFactory) -> BackendFactory:
        _REGISTRY[name] = factory
        return factory

    return register


def backend_names() -> tuple[str, ...]:
    return tuple(sorted(_REGISTRY))


def get_backend(name: str, **options: Any) -> SummaryBackend:
    """Construct the backend registered as ``name`` (a model backend loads its model here)."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise ModelError(
            f"unknown backend '{name}' (expected one of: {', '.join(backend_names())})"
        ) from None
    return factory(**options)


def backend_info(backend: SummaryBackend) -> BackendInfo:
    return BackendInfo(
        name=backend.name,
        model=backend.model_id,
        fallback_reason=backend.fallback_reason,
        options=backend.options(),
    )
