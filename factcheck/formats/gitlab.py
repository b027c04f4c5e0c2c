"""GitLab Code Quality (the JSON GitLab's merge-request widget reads from
``artifacts: reports: codequality``): one issue per open finding, at the newest figure,
with our fingerprint, which GitLab uses to tell new issues from fixed ones. Every other
figure of the finding is in ``other_locations`` (Code Climate's field) and named in the
description, so no side of a disagreement is lost."""

from __future__ import annotations

import json

from ..findings import Report
from .locations import RULES, every, input_error, message, paths

SEVERITY = {"error": "critical", "warning": "major", "info": "info"}
"""Our severities on GitLab's scale (info, minor, major, critical, blocker)."""


def render_gitlab(report: Report) -> str:
    """The report as a GitLab Code Quality JSON array; decided findings are left out."""
    where = paths(report)
    issues: list[dict[str, object]] = []
    for f in report.conflicts:
        if f.status == "decided":
            continue
        places = [{"path": where.get(c.document, c.document), "lines": {"begin": c.line or 1}} for _, c in every(f)]
        issues.append(
            {
                "type": "issue",
                "check_name": f"{RULES[f.kind][0]} {RULES[f.kind][1]}",
                "description": message(f, report),
                "categories": ["Bug Risk"],
                "severity": SEVERITY[f.severity],
                "fingerprint": f.id,
                "location": places[0],
                # the Code Climate spec's field for a finding's other places: every figure
                # of every side, so no side is lost (the widget shows the first; the
                # description names the others too)
                "other_locations": places[1:],
            }
        )
    for err in report.errors:
        path, problem = input_error(err)
        issues.append(
            {
                "type": "issue",
                "check_name": "FC900 unreadable-input",
                "description": f"{path}: {problem}",
                "categories": ["Bug Risk"],
                "severity": "blocker",
                "fingerprint": "input-" + path,
                "location": {"path": path, "lines": {"begin": 1}},
            }
        )
    return json.dumps(issues, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
