"""Typer option declarations shared by several commands (brief and batch take the same
model and decoding options), so each is declared, documented and bounded once; and the
few output helpers every command uses (errors and warnings on stderr, data to stdout)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any, TextIO

import typer
from typer.core import TyperGroup

from summarize.files import write_atomic


class OneLineErrors(TyperGroup):
    """A usage error is one line on stderr and exit 2, like every other bad input (click
    would print the usage, a hint and a boxed message)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args,
                                **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args,
                                **extra)
        except Exception as e:
            # click's exceptions, by shape: Typer vendors click from 0.22 on (typer._click)
            kind = type(e).__name__
            if kind == "Abort":
                typer.echo("summarize: aborted", err=True)
                sys.exit(1)
            code = getattr(e, "exit_code", None)
            message = getattr(e, "format_message", None)
            if not callable(message) or not isinstance(code, int):
                raise
            if kind == "NoArgsIsHelpError":
                e.show()  # type: ignore[attr-defined]  # bare 'summarize': the help
                sys.exit(code)
            context = getattr(e, "ctx", None)
            where = f" (see '{context.command_path} --help')" \
                if context is not None and hasattr(context, "command_path") else ""
            typer.echo(f"summarize: error: {' '.join(str(message()).split())}{where}", err=True)
            sys.exit(code)
        sys.exit(code if isinstance(code, int) else 0)


MODEL_PANEL = "Model"
DECODING_PANEL = "Decoding"


class BackendChoice(StrEnum):
    auto = "auto"
    extractive = "extractive"
    seq2seq = "seq2seq"
    causal = "causal"


class DeviceChoice(StrEnum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"
    mps = "mps"


class DtypeChoice(StrEnum):
    auto = "auto"
    float32 = "float32"
    float16 = "float16"
    bfloat16 = "bfloat16"


class QuantizeChoice(StrEnum):
    int8 = "int8"


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
FailUnderOption = Annotated[
    float | None,
    typer.Option("--fail-under", min=0.0, max=1.0, help="Exit 1 when faithfulness is below this."),
]
JunitOption = Annotated[
    str | None, typer.Option("--junit", help="Also write the evaluation as JUnit XML here.")
]

BackendOption = Annotated[
    BackendChoice,
    typer.Option(
        help="auto: the model if it loads, else extractive (saying why). "
        "seq2seq/causal never fall back.",
        rich_help_panel=MODEL_PANEL,
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        help="Hub id (local cache, or downloaded when online), local folder, or .gguf file. "
        "Default: google/flan-t5-base (auto, seq2seq), Qwen/Qwen2.5-0.5B-Instruct (causal).",
        show_default=False,
        rich_help_panel=MODEL_PANEL,
    ),
]
PromptOption = Annotated[
    str | None,
    typer.Option(
        help="Prompt template: a name in prompts/ or a file path (default: the family's).",
        show_default=False,
        rich_help_panel=MODEL_PANEL,
    ),
]
DeviceOption = Annotated[DeviceChoice, typer.Option(rich_help_panel=MODEL_PANEL)]
DtypeOption = Annotated[DtypeChoice, typer.Option(rich_help_panel=MODEL_PANEL)]
ThreadsOption = Annotated[
    int | None, typer.Option(min=1, help="CPU threads for torch.", rich_help_panel=MODEL_PANEL)
]
QuantizeOption = Annotated[
    QuantizeChoice | None,
    typer.Option(help="Dynamic int8 quantisation (CPU).", rich_help_panel=MODEL_PANEL),
]
WordsOption = Annotated[int, typer.Option(min=1, help="Word budget of each side's summary.")]
NumBeamsOption = Annotated[int, typer.Option(min=1, rich_help_panel=DECODING_PANEL)]
MaxNewTokensOption = Annotated[int, typer.Option(min=1, rich_help_panel=DECODING_PANEL)]
MinNewTokensOption = Annotated[int, typer.Option(min=0, rich_help_panel=DECODING_PANEL)]
MaxInputTokensOption = Annotated[
    int | None,
    typer.Option(
        min=8,
        help="Prompt length limit (default: the model's); longer sides are chunked.",
        rich_help_panel=DECODING_PANEL,
    ),
]
BatchSizeOption = Annotated[
    int, typer.Option(min=1, help="Prompts per generate call.", rich_help_panel=DECODING_PANEL)
]


def backend_settings(
    backend: BackendChoice,
    model: str | None,
    prompt: str | None,
    device: DeviceChoice,
    dtype: DtypeChoice,
    threads: int | None,
    quantize: QuantizeChoice | None,
    num_beams: int,
    max_new_tokens: int,
    min_new_tokens: int,
    max_input_tokens: int | None,
    batch_size: int,
) -> dict[str, Any]:
    """The keyword arguments of ``backends.load_backend`` from the parsed options."""
    return {
        "backend": backend.value,
        "model": model,
        "prompt": prompt,
        "device": device.value,
        "dtype": dtype.value,
        "threads": threads,
        "num_beams": num_beams,
        "max_new_tokens": max_new_tokens,
        "min_new_tokens": min_new_tokens,
        "batch_size": batch_size,
        "max_input_tokens": max_input_tokens,
        "quantize": quantize.value if quantize else None,
    }


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error on stderr and return the Exit to raise."""
    typer.echo(f"summarize: error: {message}", err=True)
    return typer.Exit(code)


def warn(messages: list[str]) -> None:
    """Diagnostics that do not stop the run: one line each on stderr."""
    for message in messages:
        typer.echo(f"summarize: warning: {message}", err=True)


def check_fail_under(score: float | None, fail_under: float) -> None:
    """Exit 1 when faithfulness is below the threshold (no sentences counts as below)."""
    if score is None or score < fail_under:
        shown = "n/a (no sentences)" if score is None else f"{score:.3f}"
        typer.echo(f"summarize: faithfulness {shown} is below --fail-under {fail_under}", err=True)
        raise typer.Exit(1)


def table_width(stream: TextIO, default: int = 120) -> int:
    """A terminal's own width; a fixed width for files and pipes (stable output)."""
    if stream.isatty():
        return max(60, shutil.get_terminal_size((default, 24)).columns)
    return default


def emit(text: str, out: str | None) -> None:
    """Data goes to stdout, or atomically to --out."""
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(out, text)
