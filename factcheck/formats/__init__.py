"""Report and claim formats. Each module writes one format from the pydantic records;
:data:`REPORT_FORMATS` and :data:`CLAIM_FORMATS` map format names to writers."""

from __future__ import annotations

from collections.abc import Callable

from ..findings import Report
from ..models import Claim, Document
from . import claims as _claims
from . import github as _github
from . import jsonreport as _json
from . import junit as _junit
from . import markdown as _markdown
from . import provenance as _prov
from . import sarif as _sarif
from . import text as _text

ReportWriter = Callable[[Report], str]
ClaimWriter = Callable[[list[Claim], list[Document]], str]

REPORT_FORMATS: dict[str, ReportWriter] = {
    "text": _text.render_text,
    "json": _json.render_json,
    "markdown": _markdown.render_markdown,
    "sarif": _sarif.render_sarif,
    "junit": _junit.render_junit,
    "github": _github.render_github,
    "prov": _prov.render_prov,
}
CLAIM_FORMATS: dict[str, ClaimWriter] = {
    "table": _claims.render_table,
    "json": _claims.render_json,
    "jsonl": _claims.render_jsonl,
}


def register_report_format(name: str, writer: ReportWriter) -> None:
    REPORT_FORMATS[name] = writer


__all__ = ["CLAIM_FORMATS", "REPORT_FORMATS", "register_report_format"]
