"""Batch runs: many articles → briefings, evaluations and a manifest in one folder.

The model is loaded once, in this process; the sides of a chunk of articles go to
the backend in one call so they share generate batches. Grouping and evaluation, which
need no model, run in ``jobs`` worker processes, the next chunk's grouping overlapping
this chunk's generation. A failing article is recorded and the batch goes on; every
file is written atomically and the manifest line comes last, so a run killed at any
moment resumes with ``--resume`` redoing only what was not finished.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize import __version__
from summarize.errors import OutputError, SummarizeError
from summarize.files import check_folder, prepare_folder, write_atomic
from summarize.inputs import OUTPUT_KINDS, BatchInput, expand_inputs, output_names, output_path
from summarize.manifest import (
    ManifestLine,
    append_line,
    can_skip,
    file_sha256,
    options_hash,
    read_manifest,
    start_manifest,
)
from summarize.read import DEFAULT_MAX_CHARS
from summarize.render import to_json_text
from summarize.workers import (
    Evaluated,
    Grouped,
    Workers,
    eval_worker,
    evaluated_result,
    group_worker,
    grouped_result,
    internal_error,
)

if TYPE_CHECKING:
    from summarize.backends import SummaryBackend
    from summarize.records import Briefing, Grouping

DEFAULT_CHUNK_ARTICLES = 8


@dataclass(frozen=True)
class BatchOptions:
    """Everything a batch run needs besides its inputs. ``backend`` holds the keyword
    arguments of ``load_backend``; ``brief`` those of ``BriefOptions``."""

    out_dir: Path
    profile: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    backend: dict[str, Any] = field(default_factory=dict)
    brief: dict[str, Any] = field(default_factory=dict)
    jobs: int = 1
    resume: bool = False
    fail_under: float | None = None
    chunk_articles: int = DEFAULT_CHUNK_ARTICLES

    def output_options(self) -> dict[str, Any]:
        """The options that change an article's outputs (not jobs, chunking, threads or
        device, which change only how fast they come)."""
        speed_only = {"threads", "device", "batch_size"}
        prompt = self.backend.get("prompt")
        return {
            "summarize": __version__,
            "max_chars": self.max_chars,
            "backend": {k: v for k, v in sorted(self.backend.items()) if k not in speed_only},
            "brief": dict(sorted(self.brief.items())),
            # a template given as a file: its text, not just its name, shapes the output
            "prompt_sha256": file_sha256(prompt) if isinstance(prompt, str) else None,
        }


@dataclass(frozen=True)
class Article:
    """One input of the run with everything decided before any work: its output name,
    the hashes the manifest compares, and the previous manifest line if any."""

    input: BatchInput
    name: str
    sha256: str | None
    options_hash: str

    @property
    def outputs(self) -> tuple[str, ...]:
        return tuple(f"{self.name}.{kind}" for kind in OUTPUT_KINDS)


@dataclass(frozen=True)
class BatchResult:
    lines: tuple[ManifestLine, ...]
    fail_under: float | None

    @property
    def failed(self) -> tuple[ManifestLine, ...]:
        return tuple(line for line in self.lines if line.status == "failed")

    @property
    def below_threshold(self) -> tuple[ManifestLine, ...]:
        if self.fail_under is None:
            return ()
        # As in ``summarize eval``: no sentence to check is no evidence of faithfulness.
        return tuple(
            line
            for line in self.lines
            if line.status != "failed"
            and (line.faithfulness is None or line.faithfulness < self.fail_under)
        )

    @property
    def exit_code(self) -> int:
        """2: some input failed; 1: some faithfulness under the threshold; 0: all good."""
        if self.failed:
            return 2
        return 1 if self.below_threshold else 0


Report = Callable[[ManifestLine, int, int], None]


# --- the steps that need brief and eval -------------------------------------------------


def load_model_backend(options: BatchOptions) -> SummaryBackend:
    from summarize.backends import load_backend

    return load_backend(**options.backend)


def brief_chunk(
    groupings: Sequence[Grouping], backend: SummaryBackend, options: BatchOptions
) -> list[Briefing]:
    from summarize.pipeline import BriefOptions, brief_many

    return brief_many(groupings, backend, BriefOptions(**options.brief))


def briefing_markdown(briefing: Briefing) -> str:
    from summarize.render import briefing_markdown as render

    return render(briefing)


# --- planning -----------------------------------------------------------------------------


def plan(inputs: Sequence[BatchInput], options: BatchOptions) -> list[Article]:
    names = output_names([i.path for i in inputs])
    common = options.output_options()
    profile_hashes: dict[str | None, str | None] = {}
    articles: list[Article] = []
    for item, name in zip(inputs, names, strict=True):
        if item.profile not in profile_hashes:
            profile_hashes[item.profile] = file_sha256(item.profile) if item.profile else None
        opts = {**common, "profile_sha256": profile_hashes[item.profile]}
        sha = None if item.error else file_sha256(item.path)
        articles.append(Article(item, name, sha, options_hash(opts)))
    return articles


def remove_stale_temps(out_dir: Path, articles: Sequence[Article]) -> None:
    """Temp files a killed run left (``write_atomic`` names them ``.<target>.*.tmp``)."""
    for article in articles:
        for name in article.outputs:
            for stale in out_dir.glob(f".{name}.*.tmp"):
                stale.unlink(missing_ok=True)


def chunks(items: Sequence[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


# --- the run ------------------------------------------------------------------------------


class Run:
    """One batch run: writes outputs and manifest lines, and reports each article."""

    def __init__(self, options: BatchOptions, manifest: Path, report: Report, total: int):
        self.options = options
        self.manifest = manifest
        self.report = report
        self.total = total
        self.lines: list[ManifestLine] = []

    def record(self, line: ManifestLine) -> None:
        append_line(self.manifest, line)
        self.lines.append(line)
        self.report(line, len(self.lines), self.total)

    def fail(self, article: Article, error: str, seconds: float = 0.0, **extra: Any) -> None:
        # A failed input leaves no outputs, not even stale ones of an earlier run.
        for name in article.outputs:
            (self.options.out_dir / name).unlink(missing_ok=True)
        self.record(
            ManifestLine(
                article.input.path,
                "failed",
                article.sha256,
                article.options_hash,
                seconds=seconds,
                error=error,
                **extra,
            )
        )

    def write(
        self,
        article: Article,
        briefing: Briefing,
        evaluated: Evaluated,
        seconds: float,
        warnings: tuple[str, ...],
    ) -> None:
        texts = (
            to_json_text(briefing.to_json()),
            briefing_markdown(briefing),
            to_json_text(evaluated.eval_json or {}),
        )
        for kind, text in zip(OUTPUT_KINDS, texts, strict=True):
            write_atomic(output_path(self.options.out_dir, article.name, kind), text)
        self.record(
            ManifestLine(
                article.input.path,
                "ok",
                article.sha256,
                article.options_hash,
                briefing.backend.name,
                briefing.backend.model,
                seconds,
                evaluated.faithfulness,
                article.outputs,
                None,
                warnings,
            )
        )


def run_batch(
    given: Sequence[str],
    options: BatchOptions,
    report: Report = lambda line, done, total: None,
    load_backend: Callable[[BatchOptions], SummaryBackend] = load_model_backend,
) -> BatchResult:
    """Process every article the INPUTs name; see the module docstring.

    Raises ``SummarizeError`` only for what stops the whole run (an output folder that
    cannot be written, a model that cannot be loaded); everything about one article
    becomes its manifest line.
    """
    out_dir = options.out_dir
    check_folder(out_dir)
    articles = plan(expand_inputs(given, options.profile, exclude=out_dir), options)
    previous = read_manifest(out_dir / "manifest.jsonl") if options.resume else {}
    todo: list[Article] = []
    ready: list[tuple[Article, ManifestLine | None]] = []
    for article in articles:
        before = previous.get(article.input.path)
        if article.input.error is None and can_skip(
            before, article.sha256, article.options_hash, out_dir, article.outputs
        ):
            ready.append((article, before))
        else:
            todo.append(article)
            ready.append((article, None))
    # Load before touching the manifest: a model that cannot load changes nothing.
    backend = load_backend(options) if any(a.input.error is None for a in todo) else None
    prepare_folder(out_dir)
    remove_stale_temps(out_dir, articles)
    run = Run(options, start_manifest(out_dir, fresh=not options.resume), report, len(articles))
    for article, before in ready:
        if before is not None:
            run.record(replace(before, status="skipped", seconds=0.0))
        elif article.input.error is not None:
            run.fail(article, article.input.error)
    work = [a for a in todo if a.input.error is None]
    if work and backend is not None:
        workers = Workers(options.jobs)
        try:
            process(work, backend, workers, run)
        finally:
            workers.close()
    return BatchResult(tuple(run.lines), options.fail_under)


def submit_grouping(
    pool: Workers, chunk: Sequence[Article], max_chars: int
) -> list[Future[Grouped]]:
    return [pool.submit(group_worker, a.input.path, a.input.profile, max_chars) for a in chunk]


def process(work: Sequence[Article], backend: SummaryBackend, pool: Workers, run: Run) -> None:
    options = run.options
    pending = list(chunks(work, max(1, options.chunk_articles)))
    futures = submit_grouping(pool, pending[0], options.max_chars)
    for index, chunk in enumerate(pending):
        grouped = [grouped_result(f, a.input.path) for f, a in zip(futures, chunk, strict=True)]
        if index + 1 < len(pending):  # group the next chunk while this one generates
            futures = submit_grouping(pool, pending[index + 1], options.max_chars)
        good: list[tuple[Article, Grouped]] = []
        for article, g in zip(chunk, grouped, strict=True):
            if g.grouping is None:
                run.fail(article, blame(article.input.path, g.error or "failed"), g.seconds)
            else:
                good.append((article, g))
        if not good:
            continue
        started = time.perf_counter()
        briefings = brief_each(good, backend, options)
        share = (time.perf_counter() - started) / len(good)
        evals = [pool.submit(eval_worker, b) if not isinstance(b, str) else None for b in briefings]
        for (article, g), briefing, evaluation in zip(good, briefings, evals, strict=True):
            if isinstance(briefing, str) or evaluation is None:
                run.fail(article, str(briefing), g.seconds + share, warnings=g.warnings)
                continue
            evaluated = evaluated_result(evaluation, article.input.path)
            seconds = g.seconds + share + evaluated.seconds
            if evaluated.error is not None or evaluated.eval_json is None:
                error = blame(article.input.path, evaluated.error or "no evaluation")
                run.fail(article, error, seconds, warnings=g.warnings)
                continue
            try:
                run.write(article, briefing, evaluated, seconds, g.warnings)
            except OutputError:
                raise  # the output folder, not the article: nothing more can be written
            except SummarizeError as e:
                run.fail(article, blame(article.input.path, str(e)), seconds, warnings=g.warnings)
            except Exception as e:
                error = internal_error(article.input.path, e)
                run.fail(article, error, seconds, warnings=g.warnings)


def brief_each(
    good: Sequence[tuple[Article, Grouped]], backend: SummaryBackend, options: BatchOptions
) -> list[Briefing | str]:
    """Briefings for a chunk in one backend call; if that fails, one call per article,
    so only the article at fault fails (its entry is then the error message)."""
    groupings = [g.grouping for _, g in good if g.grouping is not None]
    try:
        return list(brief_chunk(groupings, backend, options))
    except Exception as e:
        if len(good) > 1:
            return [one for pair in good for one in brief_each([pair], backend, options)]
        path = good[0][0].input.path
        if isinstance(e, SummarizeError):
            return [blame(path, str(e))]
        return [internal_error(path, e)]


def blame(path: str, message: str) -> str:
    """An error line that names the input, whoever raised it."""
    return message if message.startswith(path) else f"{path}: {message}"
