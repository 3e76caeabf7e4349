"""The Typer CLI: parse options, call the library function of the same name, map errors
to exit codes (0 ok, 1 a quality threshold not met, 2 bad input or usage)."""

from __future__ import annotations

import sys
import time
from enum import StrEnum
from typing import Annotated, Any

import typer

from summarize import pipeline
from summarize.backends import SummaryBackend, load_backend
from summarize.backends.base import DEFAULT_WORDS
from summarize.cli_batch import batch
from summarize.cli_options import (
    BackendChoice,
    BackendOption,
    BatchSizeOption,
    DeviceChoice,
    DeviceOption,
    DtypeChoice,
    DtypeOption,
    FailUnderOption,
    JunitOption,
    MaxCharsOption,
    MaxInputTokensOption,
    MaxNewTokensOption,
    MinNewTokensOption,
    ModelOption,
    NumBeamsOption,
    OneLineErrors,
    OutOption,
    ProfileOption,
    PromptOption,
    QuantizeOption,
    ThreadsOption,
    WordsOption,
    backend_settings,
    check_fail_under,
    emit,
    fail,
    table_width,
    warn,
)
from summarize.errors import SummarizeError
from summarize.files import write_atomic
from summarize.profile import alias_warnings, load_profile, profile_warnings
from summarize.read import DEFAULT_MAX_CHARS
from summarize.render import briefing_markdown, grouping_table, to_json_text

app = typer.Typer(
    cls=OneLineErrors,
    name="summarize",
    help="Turn news coverage of a dispute into a briefing by side, every sentence cited.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def root() -> None:
    """Turn news coverage of a dispute into a briefing by side, every sentence cited."""


class GroupFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def group(
    files: Annotated[list[str], typer.Argument(help="Articles (.txt, .md, .html) or - for stdin.")],
    profile: ProfileOption = None,
    format: Annotated[
        GroupFormat | None,
        typer.Option("--format", "-f", help="table (default on a terminal) or json."),
    ] = None,
    out: OutOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
) -> None:
    """Group an article's passages by stakeholder, with offsets and evidence."""
    on_terminal = sys.stdout.isatty() and out is None
    chosen = format or (GroupFormat.table if on_terminal else GroupFormat.json)
    rendered: list[str] = []
    documents: list[dict[str, Any]] = []
    failed = False
    try:  # a bad profile is one error, not one per article
        loaded = load_profile(profile) if profile else None
    except SummarizeError as e:
        raise fail(str(e)) from None
    for path in files:
        try:
            grouping = pipeline.group(path, loaded, max_chars=max_chars)
        except SummarizeError as e:
            typer.echo(f"summarize: error: {e}", err=True)
            failed = True
            continue
        warn(profile_warnings(grouping))
        if chosen is GroupFormat.table:
            rendered.append(grouping_table(grouping, width=table_width(sys.stdout)))
        else:
            documents.append(grouping.to_json())
    # Several files as JSON: one array, so the output stays one parseable document
    # (its shape follows the number of files named, not how many of them succeeded).
    if documents and len(files) > 1:
        rendered.append(to_json_text(documents))
    elif documents:
        rendered.append(to_json_text(documents[0]))
    if rendered:
        try:
            emit("".join(rendered), out)
        except SummarizeError as e:
            raise fail(str(e)) from None
    if failed:
        raise typer.Exit(2)


def main() -> None:
    app()


# --- brief ------------------------------------------------------------------------------


class BriefFormat(StrEnum):
    md = "md"
    json = "json"


@app.command()
def brief(
    file: Annotated[str, typer.Argument(help="Article (.txt, .md, .html) or - for stdin.")],
    profile: ProfileOption = None,
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
    format: Annotated[
        BriefFormat, typer.Option("--format", "-f", help="md (a readable briefing) or json.")
    ] = BriefFormat.md,
    out: OutOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Timings and speakers outside the profile on stderr."),
    ] = False,
    evaluate: Annotated[
        bool,
        typer.Option("--eval", help="Check the briefing as `summarize eval` does (on stderr)."),
    ] = False,
    junit: JunitOption = None,
    fail_under: FailUnderOption = None,
) -> None:
    """Summarise each side of an article with a local model, every sentence cited.

    --junit and --fail-under imply --eval."""
    settings = backend_settings(
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
    )
    timings: dict[str, float] = {}
    loaded: list[SummaryBackend] = []

    def load() -> SummaryBackend:
        started = time.perf_counter()
        chosen = load_backend(**settings)
        timings["load"] = time.perf_counter() - started
        loaded.append(chosen)
        return chosen

    started = time.perf_counter()
    try:
        briefing = pipeline.brief(
            file, profile, load, pipeline.BriefOptions(words=words), max_chars=max_chars
        )
        grouping = briefing.grouping
        # the speakers it leaves out are for tuning a profile: 'group' lists them, or -v here
        warn(profile_warnings(grouping) if verbose else
             alias_warnings(grouping.profile, grouping.source.text, grouping.source.path))
        if briefing.backend.fallback_reason:
            typer.echo(
                f"summarize: using the extractive backend: {briefing.backend.fallback_reason}",
                err=True,
            )
        if format is BriefFormat.json:
            rendered = to_json_text(briefing.to_json())
        else:
            rendered = briefing_markdown(briefing)
        emit(rendered, out)
        if evaluate or junit is not None or fail_under is not None:
            from summarize.faithfulness import evaluate_briefing
            from summarize.render_eval import eval_junit, eval_table

            report = evaluate_briefing(briefing)
            sys.stderr.write(eval_table(report, width=table_width(sys.stderr)))
            if junit is not None:
                write_atomic(junit, eval_junit(report))
    except SummarizeError as e:
        raise fail(str(e), e.exit_code) from None
    if fail_under is not None:
        check_fail_under(report.faithfulness, fail_under)
    if verbose:
        total = time.perf_counter() - started
        generating = getattr(loaded[0], "generate_seconds", None) if loaded else None
        calls = getattr(loaded[0], "generate_calls", None) if loaded else None
        parts = [f"backend {briefing.backend.name}", f"load {timings.get('load', 0.0):.1f} s"]
        if generating is not None:
            parts.append(f"generation {generating:.1f} s in {calls} generate call(s)")
        parts.append(f"total {total:.1f} s")
        typer.echo("summarize: " + "; ".join(parts), err=True)


app.command()(batch)  # after ``brief`` in the help, before ``eval``

# ---------------------------------------------------------------- eval


class EvalFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"


@app.command("eval")
def eval_command(
    article: Annotated[str, typer.Argument(help="The article the summaries summarise.")],
    profile: ProfileOption = None,
    summaries: Annotated[
        str | None,
        typer.Option(
            "--summaries",
            "-s",
            help='A summarize/briefing-v1 JSON, or {"<side id>": "<summary text>", ...}; '
            "- for stdin.",
        ),
    ] = None,
    gold: Annotated[
        str | None,
        typer.Option("--gold", help="Hand labels (JSONL) to score the attribution against."),
    ] = None,
    format: Annotated[
        EvalFormat | None,
        typer.Option("--format", "-f", help="table (default on a terminal), json or md."),
    ] = None,
    junit: JunitOption = None,
    fail_under: FailUnderOption = None,
    semantic: Annotated[
        bool, typer.Option("--semantic", help="Also align by sentence embeddings (MiniLM).")
    ] = False,
    nli_model: Annotated[
        str | None,
        typer.Option("--nli-model", help="NLI model (folder or cached hub id) to judge support."),
    ] = None,
    out: OutOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
) -> None:
    """Check each summary sentence against the source spans that support it."""
    from summarize.render_eval import eval_junit, eval_markdown, eval_table

    if summaries is None and gold is None:
        raise fail("nothing to evaluate: give --summaries FILE and/or --gold LABELS.jsonl")
    if article == "-" and summaries == "-":
        raise fail("-: stdin can carry the article or the summaries, not both")
    try:
        report = pipeline.evaluate(
            article,
            profile,
            summaries,
            gold,
            semantic=semantic,
            nli_model=nli_model,
            max_chars=max_chars,
        )
        if profile is not None:
            from summarize.profile import load_profile

            warn(alias_warnings(load_profile(profile), report.source.text, report.source.path))
        on_terminal = sys.stdout.isatty() and out is None
        chosen = format or (EvalFormat.table if on_terminal else EvalFormat.json)
        if chosen is EvalFormat.table:
            text = eval_table(report, width=table_width(sys.stdout))
        elif chosen is EvalFormat.md:
            text = eval_markdown(report)
        else:
            text = to_json_text(report.to_json())
        if junit is not None:
            write_atomic(junit, eval_junit(report))
        emit(text, out)
    except SummarizeError as e:
        raise fail(str(e)) from None
    if fail_under is not None and summaries is not None:
        check_fail_under(report.faithfulness, fail_under)

