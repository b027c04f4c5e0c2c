"""SARIF 2.1.0, for code-scanning dashboards: one result per finding, anchored at the
newest figure with the other sides as related locations; our fingerprint in
``partialFingerprints``; decided findings carried as suppressed."""

from __future__ import annotations

import json

from .. import __version__
from ..findings import Finding, Report
from ..models import Claim
from .locations import RULES, anchor, message, paths

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _location(c: Claim, where: dict[str, str], note: str | None = None) -> dict[str, object]:
    loc: dict[str, object] = {
        "physicalLocation": {
            "artifactLocation": {"uri": where.get(c.document, c.document)},
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


def _result(f: Finding, where: dict[str, str], decisions: dict[str, str]) -> dict[str, object]:
    main = anchor(f)
    related: list[dict[str, object]] = []
    for p in f.positions:
        for c in p.claims:
            if c is not main:
                related.append({**_location(c, where, f"{p.role}: {c.quantity.text}"), "id": len(related) + 1})
    result: dict[str, object] = {
        "ruleId": RULES[f.kind][0],
        "level": LEVEL[f.severity],
        "message": {"text": message(f)},
        "locations": [_location(main, where)],
        "relatedLocations": related,
        "partialFingerprints": {"factcheck/v1": f.id},
        "properties": {"classification": f.classification, "kind": f.kind, "quantity": f.quantity},
    }
    if f.status == "decided":
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": decisions.get(f.id, f.decision or "decided")}
        ]
    return result


def render_sarif(report: Report) -> str:
    where = paths(report)
    decided_ids = {f.id for f in report.conflicts}
    findings = list(report.conflicts) + [f for f in report.decided if f.id not in decided_ids]
    decisions = {f.id: f.decision or "decided" for f in report.decided}
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
                        "informationUri": "https://github.com/factcheck/factcheck",
                        "rules": [
                            {
                                "id": rid,
                                "name": name,
                                "shortDescription": {"text": text},
                                "defaultConfiguration": {"level": "warning"},
                            }
                            for rid, name, text in sorted(RULES.values())
                        ],
                    }
                },
                "results": [_result(f, where, decisions) for f in findings],
                "properties": {"schemaVersion": report.schema_version},
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
