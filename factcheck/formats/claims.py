"""Claim formats: a terminal table, JSON and JSON Lines (one claim a line)."""

from __future__ import annotations

import json
import shutil

from ..models import Claim, Document
from .escape import terminal


def render_jsonl(claims: list[Claim], docs: list[Document] | None = None) -> str:
    """One JSON object a line; the fields ``../shared/tools/score.py`` reads are all there."""
    return "".join(c.model_dump_json() + "\n" for c in claims)


def render_json(claims: list[Claim], docs: list[Document] | None = None) -> str:
    payload = {"schema_version": "1.0", "claims": [c.model_dump(mode="json") for c in claims]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _cut(text: str | None, width: int) -> str:
    text = terminal((text or "").replace("\n", " "))
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def render_table(claims: list[Claim], docs: list[Document] | None = None) -> str:
    """A fixed-width table for a terminal, one claim a row, grouped by document."""
    width = max(100, min(shutil.get_terminal_size((140, 20)).columns, 180))
    cols = [("quantity", 20), ("qualifier", 13), ("unit", 8), ("subject", 24), ("event", 10), ("place", 16)]
    rest = width - sum(w + 1 for _, w in cols) - 1
    cols.append(("source", max(12, rest)))
    lines: list[str] = []
    current = None
    for c in claims:
        if c.document != current:
            current = c.document
            when = f" ({c.outlet or '?'}, {c.published})" if c.outlet or c.published else ""
            lines.append(("" if not lines else "\n") + terminal(f"{c.document}{when}"))
            lines.append(" ".join(name.ljust(w) for name, w in cols).rstrip())
            lines.append(" ".join("-" * w for _, w in cols))
        place = c.place.name or (c.place.text if c.place else None) if c.place else None
        row = [
            c.quantity.text,
            c.quantity.qualifier,
            c.quantity.unit or "",
            c.subject,
            c.event,
            place,
            c.source.name if c.source else "",
        ]
        lines.append(" ".join(_cut(str(v or ""), w).ljust(w) for v, (_, w) in zip(row, cols, strict=True)).rstrip())
    lines.append(f"\n{len(claims)} claims in {len({c.document for c in claims})} documents")
    return "\n".join(lines) + "\n"
