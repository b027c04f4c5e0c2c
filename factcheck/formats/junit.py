"""JUnit XML, for CI systems that show test reports: one test case per finding (failed
unless decided) and one per document with no findings."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..findings import Report
from .locations import RULES, message


def render_junit(report: Report) -> str:
    suite = ET.Element(
        "testsuite", name="factcheck", tests="0", failures="0", skipped="0", errors=str(len(report.errors))
    )
    failures = skipped = 0
    cases = 0
    decided_ids = {f.id for f in report.decided}
    for f in list(report.conflicts) + [f for f in report.decided if f.id not in {g.id for g in report.conflicts}]:
        cases += 1
        case = ET.SubElement(suite, "testcase", classname=f"factcheck.{RULES[f.kind][1]}", name=f"{f.id} {f.title}")
        if f.id in decided_ids or f.status == "decided":
            ET.SubElement(case, "skipped", message=f"decided: {f.decision}")
            skipped += 1
        else:
            fail = ET.SubElement(case, "failure", type=f.severity, message=f.title)
            fail.text = message(f)
            failures += 1
    involved = {c.document for f in report.conflicts for p in f.positions for c in p.claims}
    for d in report.documents:
        if d.id not in involved:
            cases += 1
            ET.SubElement(suite, "testcase", classname="factcheck.document", name=d.id)
    for err in report.errors:
        cases += 1
        case = ET.SubElement(suite, "testcase", classname="factcheck.input", name=err.split(":")[0])
        ET.SubElement(case, "error", message=err)
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
