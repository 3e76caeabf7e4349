"""Rendering records for people (tables, markdown) and machines (JSON)."""

from __future__ import annotations

import io
import json
from typing import Any

from summarize.records import Grouping


def to_json_text(data: dict[str, Any]) -> str:
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
        table.add_row(p.id, str(p.paragraph), p.kind, side, f"{ap.confidence:.2f}", text)
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(table)
    return console.export_text()

