"""JUnit XML, for CI systems that show test reports: one test case per finding and one
per document with no findings. A finding fails only when the check fails on it (undecided
and at or above the report's ``fail_on``); one below it passes with its message in
``system-out``, so the test report agrees with the exit code; a decided one is skipped."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..findings import SEVERITY_RANK, Report
from .escape import xml
from .locations import RULES, message
from .run import RunInfo, utc
from .words import clean


def render_junit(report: Report, run: RunInfo | None = None) -> str:
    """The report as one JUnit ``testsuite`` (with ``run``, its ``time`` and ``timestamp``)."""
    fail_on = str(report.settings.get("fail_on", "warning"))
    floor = SEVERITY_RANK.get(fail_on, len(SEVERITY_RANK))  # "never": nothing fails
    suite = ET.Element(
        "testsuite", name="factcheck", tests="0", failures="0", skipped="0", errors=str(len(report.errors))
    )
    if run is not None:
        suite.set("timestamp", utc(run.started))
        suite.set("time", f"{run.seconds:.3f}")
    failures = skipped = cases = 0
    decided_ids = {f.id for f in report.decided}
    listed = {g.id for g in report.conflicts}
    for f in list(report.conflicts) + [f for f in report.decided if f.id not in listed]:
        cases += 1
        case = ET.SubElement(
            suite, "testcase", classname=f"factcheck.{RULES[f.kind][1]}", name=f"{f.id} {clean(f.title)}", time="0"
        )
        if f.id in decided_ids or f.status == "decided":
            ET.SubElement(case, "skipped", message=f"decided: {f.decision}")
            skipped += 1
        elif SEVERITY_RANK[f.severity] >= floor:
            fail = ET.SubElement(case, "failure", type=f.severity, message=clean(f.title))
            fail.text = message(f, report)
            failures += 1
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{f.severity} (below fail-on {fail_on}): {message(f, report)}"
    involved = {c.document for f in report.conflicts for p in f.positions for c in p.claims}
    for d in report.documents:
        if d.id not in involved:
            cases += 1
            ET.SubElement(suite, "testcase", classname="factcheck.document", name=d.id, time="0")
    for err in report.errors:
        cases += 1
        case = ET.SubElement(suite, "testcase", classname="factcheck.input", name=err.split(":")[0], time="0")
        ET.SubElement(case, "error", message=err)
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))
    ET.indent(suite)
    # a control character in a document id or title must not make the file unreadable
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml(ET.tostring(suite, encoding="unicode")) + "\n"
