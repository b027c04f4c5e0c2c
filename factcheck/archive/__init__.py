"""The claim archive: documents, their claims and blocking keys in one SQLite file, so a
new article is checked against everything published before without reading it again.

``blocking`` decides which archived claims can pair with a draft's; ``records`` writes
records into rows and back; ``schema`` owns the file's tables, version and migrations;
``store`` is the :class:`Archive` itself; ``checking`` reconciles a draft with what the
archive retrieves, computing only the findings that can involve it (``focus``);
``export`` writes Parquet and ``spark`` runs the same checks on Spark; ``cli`` holds the
``archive`` commands."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .schema import SCHEMA_VERSION, ArchiveError
    from .store import AddSummary, Archive, Stats

_HOME = {
    "SCHEMA_VERSION": "schema",
    "ArchiveError": "schema",
    "AddSummary": "store",
    "Archive": "store",
    "Stats": "store",
}
"""Imported on first use, so the CLI starts fast (see factcheck/__init__.py)."""


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'factcheck.archive' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{home}", __name__), name)


__all__ = ["SCHEMA_VERSION", "AddSummary", "Archive", "ArchiveError", "Stats"]
