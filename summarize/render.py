"""Rendering records for people (tables, markdown) and machines (JSON)."""

from __future__ import annotations

import io
import json
from typing import Any

from summarize.records import Briefing, Grouping


def to_json_text(data: dict[str, Any] | list[dict[str, Any]]) -> str:
    """Stable JSON: same record, same bytes."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def grouping_table(grouping: Grouping, width: int = 120) -> str:
    """A readable table of passages by side, rendered to plain text by rich."""
    from rich.console import Console
    from rich.table import Table

    labels = {s.id: s.label for s in grouping.profile.stakeholders}
    table = Table(title=f"{grouping.source.path} — {grouping.profile.name}", show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("¶", justify="right")
    table.add_column("kind")
    table.add_column("side")
    table.add_column("conf", justify="right")
    table.add_column("text", overflow="fold")
    for ap in grouping.passages:
        p = ap.passage
        side = labels.get(ap.stakeholder, ap.stakeholder) if ap.stakeholder else "—"
        text = p.text if len(p.text) <= 160 else p.text[:157] + "..."
        # people count paragraphs from 1, as the briefing does; JSON keeps 0-based indices
        table.add_row(p.id, str(p.paragraph + 1), p.kind, side, f"{ap.confidence:.2f}", text)
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(table)
    return console.export_text()


# --- brief: the briefing as markdown ---------------------------------------------------

BACKGROUND_SHOWN = 5
BACKGROUND_CHARS = 200
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})


def source_name(path: str) -> str:
    """How a person reads the input's name: ``-`` is standard input."""
    return "standard input" if path == "-" else path


def md_text(text: str) -> str:
    """Article text made inert in markdown (no emphasis, links or raw HTML), one line."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


def briefing_markdown(briefing: Briefing) -> str:
    """A briefing a person can hand on: per side the summary, then the cited quotes."""
    grouping = briefing.grouping
    text = grouping.source.text
    backend = briefing.backend
    model = f" ({md_text(backend.model)})" if backend.model else ""
    lines = [
        f"# {md_text(grouping.title) or md_text(source_name(grouping.source.path))}",
        "",
        f"*Briefing by side · {md_text(source_name(grouping.source.path))} · profile "
        f"{md_text(grouping.profile.name)} · {backend.name} backend{model}*",
        "",
    ]
    if backend.fallback_reason:
        lines += [f"> Extractive fallback: {md_text(backend.fallback_reason)}", ""]
    for side in briefing.sides:
        lines += [f"## {md_text(side.label)}", ""]
        if not side.summary:
            lines += ["*No passages of the article carry this side's position.*", ""]
            continue
        lines += [md_text(side.summary), ""]
        cited: list[tuple[str, int, int]] = []
        for sentence in side.sentences:
            for c in sentence.citations:
                if (c.passage, c.start, c.end) not in cited:
                    cited.append((c.passage, c.start, c.end))
        if cited:
            lines.append("Sources:")
            lines.append("")
            for passage_id, start, end in cited:
                paragraph = grouping.passage(passage_id).passage.paragraph + 1
                # a blockquote marks the source's own words without adding quote marks
                # around text that often begins and ends with its own
                lines.append(f"- ¶{paragraph} ({passage_id})")
                lines.append(f"  > {md_text(text[start:end])}")
            lines.append("")
        unsupported = [s for s in side.sentences if not s.supported]
        if unsupported:
            lines.append("Not supported by any source span:")
            lines.append("")
            lines += [f"- {md_text(s.text)}" for s in unsupported]
            lines.append("")
    background = grouping.background()
    if background:
        lines += ["## Background", ""]
        lines.append(f"Passages not attributed to any side ({len(background)} in all):")
        lines.append("")
        for ap in background[:BACKGROUND_SHOWN]:
            quote = " ".join(ap.passage.text.split())
            if len(quote) > BACKGROUND_CHARS:
                quote = quote[: BACKGROUND_CHARS - 1].rstrip() + "…"
            lines.append(f"- ¶{ap.passage.paragraph + 1} ({ap.passage.id}): {md_text(quote)}")
        if len(background) > BACKGROUND_SHOWN:
            lines.append(f"- … and {len(background) - BACKGROUND_SHOWN} more")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
