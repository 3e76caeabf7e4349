"""Where a batch's grouping and evaluation run: worker functions at top level (so a
pool of spawned processes can pickle them), their results, and the pool itself, which is
restarted if a worker dies so the rest of the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from summarize.errors import SummarizeError

if TYPE_CHECKING:
    from summarize.records import Briefing, EvalReport, Grouping

T = TypeVar("T")


def evaluate_article(briefing: Briefing) -> EvalReport:
    from summarize.faithfulness import evaluate_briefing

    return evaluate_briefing(briefing)


@dataclass(frozen=True)
class Grouped:
    grouping: Grouping | None
    error: str | None
    warnings: tuple[str, ...]
    seconds: float


def group_worker(path: str, profile: str | None, max_chars: int) -> Grouped:
    from summarize.pipeline import group
    from summarize.profile import profile_warnings

    started = time.perf_counter()
    try:
        grouping = group(path, profile, max_chars=max_chars)
    except SummarizeError as e:
        return Grouped(None, str(e), (), time.perf_counter() - started)
    except Exception as e:  # one odd article must not end the batch
        return Grouped(None, internal_error(path, e), (), time.perf_counter() - started)
    warnings = tuple(profile_warnings(grouping))
    return Grouped(grouping, None, warnings, time.perf_counter() - started)


@dataclass(frozen=True)
class Evaluated:
    eval_json: dict[str, Any] | None
    faithfulness: float | None
    error: str | None
    seconds: float


def eval_worker(briefing: Briefing) -> Evaluated:
    started = time.perf_counter()
    try:
        report = evaluate_article(briefing)
    except SummarizeError as e:
        return Evaluated(None, None, str(e), time.perf_counter() - started)
    except Exception as e:
        path = briefing.grouping.source.path
        return Evaluated(None, None, internal_error(path, e), time.perf_counter() - started)
    return Evaluated(report.to_json(), report.faithfulness, None, time.perf_counter() - started)


def grouped_result(future: Future[Grouped], path: str) -> Grouped:
    try:
        return future.result()
    except Exception as e:  # the worker died (a crash, out of memory)
        return Grouped(None, internal_error(path, e), (), 0.0)


def evaluated_result(future: Future[Evaluated], path: str) -> Evaluated:
    try:
        return future.result()
    except Exception as e:
        return Evaluated(None, None, internal_error(path, e), 0.0)


def internal_error(path: str, error: BaseException) -> str:
    return f"{path}: internal error: {type(error).__name__}: {error}".replace("\n", " ")


class Workers:
    """Where grouping and evaluation run: in this process (``jobs`` 1) or in a pool of
    spawned processes, restarted if a worker dies so the rest of the batch goes on."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing

        # spawn, not fork: the parent holds torch's thread pools, which a fork breaks.
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        return self.pool

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        if self.jobs <= 1:
            done: Future[T] = Future()
            done.set_result(fn(*args))
            return done
        pool = self.pool or self._start()
        try:
            return pool.submit(fn, *args)
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            return self._start().submit(fn, *args)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
