"""Prompt templates: files in ``prompts/`` (shipped in the wheel as ``summarize/prompts``),
rendered with checked ``string.Template`` variables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template

from summarize.errors import InputError

PROMPT_VARIABLES: dict[str, str] = {
    "label": "the side's label",
    "description": "the side's description from the profile (may be empty)",
    "passages": "the side's passages, numbered [1], [2], ... in article order",
    "title": "the article's title",
    "words": "the word budget of the summary",
}
REQUIRED_VARIABLES = ("passages",)
PROMPT_SUFFIX = ".txt"
_BAD_PLACEHOLDER = re.compile(r"\$(?!\$|[_a-zA-Z]|\{[_a-zA-Z][_a-zA-Z0-9]*\})\S{0,12}")


def prompts_folder() -> Path:
    """The installed package's templates first, else the repository's ``prompts/``."""
    installed = Path(__file__).resolve().parent / "prompts"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "prompts"


def prompt_names() -> tuple[str, ...]:
    folder = prompts_folder()
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.stem for p in folder.glob(f"*{PROMPT_SUFFIX}")))


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    path: str
    text: str

    def render(
        self, *, label: str, description: str, passages: Sequence[str], title: str, words: int
    ) -> str:
        return Template(self.text).substitute(
            label=label,
            description=description,
            passages=number_passages(passages),
            title=title,
            words=str(words),
        )


def number_passages(texts: Sequence[str]) -> str:
    """``[1] first``, ``[2] second``, ... one per line, inner white space collapsed."""
    return "\n".join(f"[{i}] {' '.join(t.split())}" for i, t in enumerate(texts, start=1))


def check_template(text: str, where: str) -> None:
    """Raise InputError on an invalid placeholder, an unknown variable or a missing one."""
    template = Template(text)
    if not template.is_valid():
        bad = _BAD_PLACEHOLDER.search(text)
        shown = bad.group(0) if bad else "$"
        raise InputError(
            f"{where}: invalid placeholder '{shown}' (write $$ for a literal dollar sign)"
        )
    used = template.get_identifiers()
    unknown = [name for name in used if name not in PROMPT_VARIABLES]
    if unknown:
        raise InputError(
            f"{where}: unknown variable ${unknown[0]} "
            f"(known: {', '.join('$' + v for v in PROMPT_VARIABLES)})"
        )
    missing = [name for name in REQUIRED_VARIABLES if name not in used]
    if missing:
        raise InputError(f"{where}: template never uses ${missing[0]}, so the model sees no text")


def _is_path(name_or_path: str) -> bool:
    return "/" in name_or_path or "\\" in name_or_path or name_or_path.endswith(PROMPT_SUFFIX)


def load_prompt(name_or_path: str) -> PromptTemplate:
    """A template by name (``prompts/NAME.txt``) or by path; checked before use."""
    if _is_path(name_or_path):
        path = Path(name_or_path).expanduser()
        if not path.is_file():
            raise InputError(f"{name_or_path}: no such prompt template file")
        name = path.stem
    else:
        path = prompts_folder() / f"{name_or_path}{PROMPT_SUFFIX}"
        if not path.is_file():
            known = ", ".join(prompt_names()) or "none found"
            raise InputError(f"prompt '{name_or_path}': no such template (known: {known})")
        name = name_or_path
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read prompt template: {e}") from None
    check_template(text, str(path))
    return PromptTemplate(name=name, path=str(path), text=text)
