"""factcheck: check numbers in news text for consistency.

Parse claims out of articles into typed records, reconcile them across articles, and
report the numbers that disagree, with the provenance of every side.

The public names below are imported on first use (PEP 562), so ``import factcheck`` and
every CLI call start fast; ``from factcheck import check`` works as usual and type
checkers see the real signatures.

>>> from factcheck import extract_text
>>> [c.quantity.text for c in extract_text("Inmates released 57 guards, AP reports.")]
['57']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .archive import Archive, ArchiveError
    from .config import Settings, load_settings
    from .documents import load_documents, parse_document, read_document
    from .errors import (
        ArticleReadError,
        ConfigError,
        FactcheckError,
        FindingNotFoundError,
        LedgerError,
        NoArticlesError,
        VocabularyError,
    )
    from .extraction import extract, extract_document, extract_text
    from .findings import Estimate, Evidence, Finding, Position, Report
    from .formats import CLAIM_FORMATS, REPORT_FORMATS, register_report_format
    from .formats.provenance import Provenance, provenance
    from .intervals import Interval
    from .ledger import Decision, Ledger, VettedFact
    from .models import AsOf, Background, Claim, Document, Place, Quantity, Source, TimeRef
    from .reconciliation import reconcile
    from .report import check, failing

_HOME = {
    "Archive": "archive",
    "ArchiveError": "archive",
    "Settings": "config",
    "load_settings": "config",
    "load_documents": "documents",
    "parse_document": "documents",
    "read_document": "documents",
    "ArticleReadError": "errors",
    "ConfigError": "errors",
    "FactcheckError": "errors",
    "FindingNotFoundError": "errors",
    "LedgerError": "errors",
    "NoArticlesError": "errors",
    "VocabularyError": "errors",
    "extract": "extraction",
    "extract_document": "extraction",
    "extract_text": "extraction",
    "Estimate": "findings",
    "Evidence": "findings",
    "Finding": "findings",
    "Position": "findings",
    "Report": "findings",
    "CLAIM_FORMATS": "formats",
    "REPORT_FORMATS": "formats",
    "register_report_format": "formats",
    "Provenance": "formats.provenance",
    "provenance": "formats.provenance",
    "Interval": "intervals",
    "Decision": "ledger",
    "Ledger": "ledger",
    "VettedFact": "ledger",
    "AsOf": "models",
    "Background": "models",
    "Claim": "models",
    "Document": "models",
    "Place": "models",
    "Quantity": "models",
    "Source": "models",
    "TimeRef": "models",
    "reconcile": "reconciliation",
    "check": "report",
    "failing": "report",
}
"""Public name -> the module (under ``factcheck``) that defines it."""


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME})


__all__ = [
    "CLAIM_FORMATS",
    "REPORT_FORMATS",
    "Archive",
    "ArchiveError",
    "ArticleReadError",
    "AsOf",
    "Background",
    "Claim",
    "ConfigError",
    "Decision",
    "Document",
    "Estimate",
    "Evidence",
    "FactcheckError",
    "Finding",
    "FindingNotFoundError",
    "Interval",
    "Ledger",
    "LedgerError",
    "NoArticlesError",
    "Place",
    "Position",
    "Provenance",
    "Quantity",
    "Report",
    "Settings",
    "Source",
    "TimeRef",
    "VettedFact",
    "VocabularyError",
    "__version__",
    "check",
    "extract",
    "extract_document",
    "extract_text",
    "failing",
    "load_documents",
    "load_settings",
    "parse_document",
    "provenance",
    "read_document",
    "reconcile",
    "register_report_format",
]
