"""The ``batch`` command: many articles → briefings and a manifest in one folder, with a
summary table and a JUnit report for CI. ``cli`` registers it on its app."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from summarize.backends import SummaryBackend
from summarize.backends.base import DEFAULT_WORDS
from summarize.cli_options import (
    BackendChoice,
    BackendOption,
    BatchSizeOption,
    DeviceChoice,
    DeviceOption,
    DtypeChoice,
    DtypeOption,
    MaxCharsOption,
    MaxInputTokensOption,
    MaxNewTokensOption,
    MinNewTokensOption,
    ModelOption,
    NumBeamsOption,
    ProfileOption,
    PromptOption,
    QuantizeOption,
    ThreadsOption,
    WordsOption,
    backend_settings,
    fail,
    table_width,
)
from summarize.errors import SummarizeError
from summarize.files import write_atomic
from summarize.read import DEFAULT_MAX_CHARS

# --- batch ------------------------------------------------------------------------------

BATCH_PANEL = "Batch"


def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Articles: files, folders (searched recursively), globs, or JSONL manifests "
            'of {"path": ..., "profile": ...} lines.',
            show_default=False,
        ),
    ],
    out: Annotated[
        str,
        typer.Option(
            "--out", "-o", help="Output folder (created if missing).", rich_help_panel=BATCH_PANEL
        ),
    ],
    profile: ProfileOption = None,
    jobs: Annotated[
        int,
        typer.Option(
            min=1, help="Processes for grouping and evaluation.", rich_help_panel=BATCH_PANEL
        ),
    ] = 1,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Skip inputs whose outputs are whole and whose bytes and options are unchanged.",
            rich_help_panel=BATCH_PANEL,
        ),
    ] = False,
    fail_under: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Exit 1 when some article's faithfulness is below this.",
            rich_help_panel=BATCH_PANEL,
        ),
    ] = None,
    junit: Annotated[
        str | None,
        typer.Option(
            help="Write a JUnit XML of every article's evaluation here.",
            rich_help_panel=BATCH_PANEL,
        ),
    ] = None,
    batch_articles: Annotated[
        int,
        typer.Option(
            min=1,
            help="Articles whose sides share one backend call (generate batches).",
            rich_help_panel=BATCH_PANEL,
        ),
    ] = 8,
    backend: BackendOption = BackendChoice.auto,
    model: ModelOption = None,
    prompt: PromptOption = None,
    device: DeviceOption = DeviceChoice.auto,
    dtype: DtypeOption = DtypeChoice.auto,
    threads: ThreadsOption = None,
    quantize: QuantizeOption = None,
    words: WordsOption = DEFAULT_WORDS,
    num_beams: NumBeamsOption = 1,
    max_new_tokens: MaxNewTokensOption = 128,
    min_new_tokens: MinNewTokensOption = 0,
    max_input_tokens: MaxInputTokensOption = None,
    batch_size: BatchSizeOption = 16,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
) -> None:
    """Brief and evaluate many articles into a folder, with a manifest; resumable."""
    from summarize.batch import BatchOptions, load_model_backend, run_batch
    from summarize.batch_report import ProgressReport, junit_xml, summary_table

    options = BatchOptions(
        out_dir=Path(out),
        profile=profile,
        max_chars=max_chars,
        backend=backend_settings(
            backend,
            model,
            prompt,
            device,
            dtype,
            threads,
            quantize,
            num_beams,
            max_new_tokens,
            min_new_tokens,
            max_input_tokens,
            batch_size,
        ),
        brief={"words": words},
        jobs=jobs,
        resume=resume,
        fail_under=fail_under,
        chunk_articles=batch_articles,
    )

    def load(chosen: BatchOptions) -> SummaryBackend:
        loaded = load_model_backend(chosen)
        if loaded.fallback_reason:
            typer.echo(
                f"summarize: using the extractive backend: {loaded.fallback_reason}", err=True
            )
        return loaded

    try:
        with ProgressReport(sys.stderr) as report:
            result = run_batch(inputs, options, report, load)
        if junit is not None:
            write_atomic(junit, junit_xml(result.lines, options.out_dir))
    except SummarizeError as e:
        raise fail(str(e), e.exit_code) from None
    sys.stdout.write(summary_table(result.lines, fail_under, width=table_width(sys.stdout)))
    sys.stdout.flush()
    raise typer.Exit(result.exit_code)
