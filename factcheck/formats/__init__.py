"""Report and claim formats. Each module writes one format from the pydantic records;
:data:`REPORT_FORMATS` and :data:`CLAIM_FORMATS` map format names to writers, and
:func:`register_report_format` adds one of your own (the CLI's ``--format`` offers it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Report
from ..models import Claim, Document
from . import claims as _claims
from . import github as _github
from . import gitlab as _gitlab
from . import html as _html
from . import jsonreport as _json
from . import junit as _junit
from . import markdown as _markdown
from . import provenance as _prov
from . import sarif as _sarif
from . import text as _text
from .run import RunInfo

ReportWriter = Callable[[Report], str]
ClaimWriter = Callable[[list[Claim], list[Document]], str]

REPORT_FORMATS: dict[str, ReportWriter] = {
    "text": _text.render_text,
    "json": _json.render_json,
    "markdown": _markdown.render_markdown,
    "markdown-full": _markdown.render_markdown_full,
    "html": _html.render_html,
    "sarif": _sarif.render_sarif,
    "junit": _junit.render_junit,
    "github": _github.render_github,
    "gitlab": _gitlab.render_gitlab,
    "prov": _prov.render_prov,
}
CLAIM_FORMATS: dict[str, ClaimWriter] = {
    "table": _claims.render_table,
    "json": _claims.render_json,
    "jsonl": _claims.render_jsonl,
}


def register_report_format(name: str, writer: ReportWriter) -> None:
    """Add (or replace) a report format: ``writer`` turns a :class:`~factcheck.Report`
    into text. The CLI's ``check --format`` offers it when registered before the CLI
    starts (e.g. from a wrapper script that then calls ``factcheck.cli.main()``).

    >>> from factcheck import Document, check
    >>> register_report_format("count", lambda report: f"{len(report.conflicts)} findings\\n")
    >>> REPORT_FORMATS["count"](check(Document(id="a", body="At least 31 people died.")))
    '0 findings\\n'
    >>> del REPORT_FORMATS["count"]
    """
    if not name or not callable(writer):
        raise TypeError("register_report_format(name, writer): a non-empty name and a callable writer")
    REPORT_FORMATS[name] = writer


def render_report(name: str, report: Report, run: RunInfo | None = None, color: bool = False) -> str:
    """The report in format ``name``; the built-in writers that can use them get the run's
    timings (JUnit, SARIF) and colour (text)."""
    writer = REPORT_FORMATS[name]
    if writer is _junit.render_junit or writer is _sarif.render_sarif:
        return writer(report, run=run)
    if writer is _text.render_text:
        return _text.render_text(report, color=color)
    return writer(report)


def report_pieces(name: str, report: Report, run: RunInfo | None = None, color: bool = False) -> Iterable[str]:
    """The report in format ``name`` as pieces of text to write in turn: the built-in JSON
    report a record at a time (so that a large one is never held whole), any other format
    in one piece (:func:`render_report`)."""
    if REPORT_FORMATS[name] is _json.render_json:
        return _json.render_json_pieces(report)
    return [render_report(name, report, run, color)]


__all__ = ["CLAIM_FORMATS", "REPORT_FORMATS", "RunInfo", "register_report_format", "render_report", "report_pieces"]
