"""factcheck: check numbers in news text for consistency.

Parse claims out of articles into typed records, reconcile them across articles, and
report the numbers that disagree, with the provenance of every side.

>>> from factcheck import extract_text
>>> [c.quantity.text for c in extract_text("Inmates released 57 guards, AP reports.")]
['57']
"""

from __future__ import annotations

__version__ = "0.1.0"

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
from .formats import CLAIM_FORMATS, REPORT_FORMATS
from .intervals import Interval
from .ledger import Decision, Ledger, VettedFact
from .models import AsOf, Background, Claim, Document, Place, Quantity, Source, TimeRef
from .reconciliation import reconcile
from .report import check, failing

__all__ = [
    "CLAIM_FORMATS",
    "REPORT_FORMATS",
    "ArticleReadError",
    "Claim",
    "AsOf",
    "Background",
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
    "read_document",
    "reconcile",
]
