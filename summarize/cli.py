"""The Typer CLI: parse options, call the library function of the same name, map errors
to exit codes (0 ok, 1 a quality threshold not met, 2 bad input or usage)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from summarize import pipeline
from summarize.errors import SummarizeError
from summarize.files import write_atomic
from summarize.read import DEFAULT_MAX_CHARS
from summarize.render import grouping_table, to_json_text

app = typer.Typer(
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


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error on stderr and return the Exit to raise."""
    typer.echo(f"summarize: error: {message}", err=True)
    return typer.Exit(code)


def emit(text: str, out: str | None) -> None:
    """Data goes to stdout, or atomically to --out."""
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(out, text)


ProfileOption = Annotated[
    str | None,
    typer.Option("--profile", "-p", help="Stakeholder profile (YAML).", show_default=False),
]
OutOption = Annotated[
    str | None, typer.Option("--out", "-o", help="Write here (atomically) instead of stdout.")
]
MaxCharsOption = Annotated[
    int, typer.Option("--max-chars", min=1, help="Refuse articles longer than this.")
]


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
    failed = False
    for path in files:
        try:
            grouping = pipeline.group(path, profile, max_chars=max_chars)
        except SummarizeError as e:
            typer.echo(f"summarize: error: {e}", err=True)
            failed = True
            continue
        if chosen is GroupFormat.table:
            rendered.append(grouping_table(grouping))
        else:
            rendered.append(to_json_text(grouping.to_json()))
    if rendered:
        try:
            emit("".join(rendered), out)
        except SummarizeError as e:
            raise fail(str(e)) from None
    if failed:
        raise typer.Exit(2)


def main() -> None:
    app()


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
            help='A summarize/briefing-v1 JSON, or {"<side id>": "<summary text>", ...}.',
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
    junit: Annotated[
        str | None, typer.Option("--junit", help="Also write JUnit XML here (atomically).")
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under", min=0.0, max=1.0, help="Exit 1 when faithfulness is below this."
        ),
    ] = None,
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
        on_terminal = sys.stdout.isatty() and out is None
        chosen = format or (EvalFormat.table if on_terminal else EvalFormat.json)
        if chosen is EvalFormat.table:
            text = eval_table(report)
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
        score = report.faithfulness
        if score is None or score < fail_under:
            shown = "n/a (no sentences)" if score is None else f"{score:.3f}"
            typer.echo(
                f"summarize: faithfulness {shown} is below --fail-under {fail_under}", err=True
            )
            raise typer.Exit(1)
