"""The report as JSON: the :class:`~factcheck.findings.Report` model, dumped with sorted
keys so that the same input gives byte-identical output. Its schema is docs/report.schema.json."""

from __future__ import annotations

import json

from ..findings import Report


def render_json(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
