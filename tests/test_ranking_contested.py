"""A figure whose place a loud scope conflict contests is one problem, not several.

Provenance: developed on dev2, ecuador-hostages-2023-08 (AFP copies put "fifty guards and
seven police officers" in the one prison of Cuenca, where the prison agency counted them
across six prisons; the same fifty and seven then stood loud against a local radio's 34
guards and 10 police officers at that prison, two more warnings of the one misplaced
total). Written here with another country and prison (no corpus text)."""

from __future__ import annotations

from factcheck.extraction import extract_text
from factcheck.reconciliation import reconcile

DAY = "On Thursday 31 August 2023"
REPORTS = [
    (
        "a",
        f"{DAY} inmates took 50 guards and seven police officers hostage at Lurigancho prison in Lima, Peru, "
        "the interior minister said.",
    ),
    (
        "b",
        f"{DAY}, 50 guards and seven police officers were held hostage in six prisons across Peru, "
        "the prison agency said.",
    ),
    (
        "c",
        f"{DAY}, 34 guards and 10 police officers were held hostage at Lurigancho prison in Lima, Peru, "
        "the governor said.",
    ),
]


def _findings(reports: list[tuple[str, str]]) -> list:
    return reconcile([c for d, t in reports for c in extract_text(t, d, language="en")])


def test_the_scope_conflict_is_loud_and_its_figure_at_the_place_is_not_again() -> None:
    findings = _findings(REPORTS)
    loud = {(f.kind, tuple(p.label for p in f.positions)) for f in findings if f.severity != "info"}
    assert any(kind == "scope_conflict" for kind, _ in loud)
    # ten police at the prison against seven nationwide is another problem: it stays loud
    assert ("part_exceeds_whole", ("10", "seven")) in loud
    quiet = [f for f in findings if f.kind == "value_conflict"]
    assert quiet and all(f.severity == "info" for f in quiet)
    assert all(any("see the scope conflict" in n for n in f.evidence.notes) for f in quiet)


def test_without_the_report_that_spreads_the_total_the_figures_stay_loud() -> None:
    findings = _findings([REPORTS[0], REPORTS[2]])
    assert not any(f.kind == "scope_conflict" for f in findings)
    assert [f.severity for f in findings if f.kind == "value_conflict"] == ["warning", "warning"]


def test_a_report_that_contradicts_itself_at_the_place_stays_loud() -> None:
    # dev2 ecuador-hostages-2023-08 too: one report giving two accounts of the prison's
    # hostages, one of them the national total put at the prison
    own = (
        "d",
        f"{DAY} inmates held 15 guards and five police officers hostage at Lurigancho prison in Lima, Peru, "
        "a local radio said. Inmates held 50 guards and seven police officers hostage at Lurigancho prison, "
        "the interior minister said.",
    )
    findings = _findings([own, REPORTS[1]])
    assert any(f.kind == "scope_conflict" and f.severity == "warning" for f in findings)
    inside = [f for f in findings if f.kind == "value_conflict"]
    assert inside
    assert all({c.document for p in f.positions for c in p.claims} == {"d"} for f in inside)
    assert all(f.severity == "warning" for f in inside)
