"""SARIF 2.1.0, for code-scanning dashboards: one result per finding, anchored at the
newest figure with the other sides as related locations; our fingerprint in
``partialFingerprints``; decided findings carried as suppressed; unreadable inputs as
tool execution notifications; artifact URIs percent-encoded."""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..findings import Finding, Report
from ..models import Claim
from ..project import HOMEPAGE, RULES_URL, rule_url
from .locations import RULES, anchor, input_error, message, paths, uri
from .run import RunInfo, utc
from .words import clean, iso

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _location(c: Claim, where: dict[str, str], index: dict[str, int], note: str | None = None) -> dict[str, object]:
    art: dict[str, object] = {"uri": uri(where.get(c.document, c.document))}
    if c.document in index:
        art["index"] = index[c.document]  # the artifact that carries the article's title and url
    loc: dict[str, object] = {
        "physicalLocation": {
            "artifactLocation": art,
            "region": {
                "startLine": c.line or 1,
                "startColumn": c.column or 1,
                "endLine": c.line or 1,
                "endColumn": (c.column or 1) + len(c.quantity.text),
                "snippet": {"text": c.quantity.text},
            },
        }
    }
    if note:
        loc["message"] = {"text": note}
    return loc


def _result(f: Finding, where: dict[str, str], decisions: dict[str, str], report: Report) -> dict[str, object]:
    main = anchor(f)
    index = {d.id: k for k, d in enumerate(report.documents)}
    related: list[dict[str, object]] = []
    for p in f.positions:
        for c in p.claims:
            if c is not main:
                related.append({**_location(c, where, index, f"{p.role}: {c.quantity.text}"), "id": len(related) + 1})
    result: dict[str, object] = {
        "ruleId": RULES[f.kind][0],
        "level": LEVEL[f.severity],
        "message": {"text": message(f, report)},
        "locations": [_location(main, where, index)],
        "relatedLocations": related,
        "partialFingerprints": {"factcheck/v1": f.id},
        "properties": {"classification": f.classification, "kind": f.kind, "quantity": f.quantity},
    }
    if f.status == "decided":
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": decisions.get(f.id, f.decision or "decided")}
        ]
    return result


def _rule(rid: str, name: str, text: str) -> dict[str, object]:
    return {
        "id": rid,
        "name": name,
        "shortDescription": {"text": text},
        "help": {"text": f"{text} See {RULES_URL} for what to check and how to record a decision."},
        "helpUri": rule_url(rid, name),
        "defaultConfiguration": {"level": "warning"},
    }


def _invocation(report: Report, run: RunInfo | None) -> dict[str, object]:
    notes = []
    for err in report.errors:
        path, problem = input_error(err)
        notes.append(
            {
                "level": "error",
                "message": {"text": f"{path}: {problem}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(path)}}}],
                "descriptor": {"id": "FC900"},
            }
        )
    invocation: dict[str, object] = {"executionSuccessful": not report.errors, "toolExecutionNotifications": notes}
    if run is not None:
        invocation["startTimeUtc"] = utc(run.started)
        invocation["endTimeUtc"] = utc(run.ended)
    return invocation


def _artifacts(report: Report) -> list[dict[str, object]]:
    """Each article once, with its title, outlet, date (at its precision) and address."""
    out: list[dict[str, object]] = []
    for d in report.documents:
        art: dict[str, object] = {"location": {"uri": uri(Path(d.path).as_posix() if d.path else d.id)}}
        if d.title:
            art["description"] = {"text": clean(d.title)}
        props = {
            "document": d.id,
            "outlet": d.outlet or "",
            "published": iso(d.published, d.published_precision or "day"),
            "url": d.url or "",
        }
        art["properties"] = {k: v for k, v in props.items() if v}
        out.append(art)
    return out


def render_sarif(report: Report, run: RunInfo | None = None) -> str:
    """The report as a SARIF 2.1.0 log (with ``run``, the invocation's start and end times)."""
    where = paths(report)
    decided_ids = {f.id for f in report.conflicts}
    findings = list(report.conflicts) + [f for f in report.decided if f.id not in decided_ids]
    decisions = {f.id: f.decision or "decided" for f in report.decided}
    results = [_result(f, where, decisions, report) for f in findings]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": [_rule(*rule) for rule in sorted(RULES.values())],
                        "notifications": [
                            {
                                "id": "FC900",
                                "name": "unreadable-input",
                                "shortDescription": {"text": "An article could not be read; it was skipped."},
                            }
                        ],
                    }
                },
                "invocations": [_invocation(report, run)],
                "artifacts": _artifacts(report),
                "results": results,
                "properties": {"schemaVersion": report.schema_version},
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
