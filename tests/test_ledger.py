"""The editors' ledger: fingerprints, decisions, stale entries, bad files, concurrency."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from factcheck import Document, Ledger, LedgerError, check

BODY_A = "In Ecuador, police said 12 people were killed on Monday in Quito."
BODY_B = "In Ecuador, officials said 40 people were killed on Monday in Quito."


def docs(a: str = BODY_A, b: str = BODY_B, ida: str = "a", idb: str = "b") -> list[Document]:
    day = dt.date(2023, 9, 1)
    return [Document(id=ida, outlet="AP", published=day, body=a), Document(id=idb, outlet="BBC", published=day, body=b)]


def fp(documents: list[Document]) -> str:
    (finding,) = check(documents).conflicts
    return finding.id


def test_fingerprint_survives_reordering_whitespace_and_moving_text() -> None:
    base = fp(docs())
    assert fp(list(reversed(docs()))) == base
    assert fp(docs(a="  " + BODY_A.replace(" police", "   police") + "\n\n")) == base
    assert fp(docs(a="Breaking news from the region. " + BODY_A + " More later.")) == base


def test_fingerprint_survives_renamed_files(tmp_path: Path) -> None:
    for name, (id_, body) in {"one.md": ("a", BODY_A), "two.md": ("b", BODY_B)}.items():
        (tmp_path / name).write_text(f"---\nid: {id_}\noutlet: X\npublished: 2023-09-01\n---\n{body}\n")
    first = check([tmp_path]).conflicts[0].id
    (tmp_path / "one.md").rename(tmp_path / "zzz.md")
    assert check([tmp_path]).conflicts[0].id == first


def test_fingerprint_changes_with_a_number() -> None:
    assert fp(docs(b=BODY_B.replace("40", "41"))) != fp(docs())


def test_decisions_hide_findings_and_stale_ones_are_reported(tmp_path: Path) -> None:
    book = Ledger(tmp_path)
    finding = check(docs()).conflicts[0]
    book.record(finding.id, "dismissed-different-events", "Ana", "two events", finding)
    report = check(docs(), ledger=tmp_path)
    assert report.conflicts == [] and [f.id for f in report.decided] == [finding.id]
    assert check(docs(), ledger=tmp_path, show_all=True).conflicts[0].status == "decided"
    changed = check(docs(b=BODY_B.replace("40", "41")), ledger=tmp_path)
    assert len(changed.conflicts) == 1
    assert [s.fingerprint for s in changed.stale] == [finding.id]


def test_flagged_keeps_a_finding_open(tmp_path: Path) -> None:
    finding = check(docs()).conflicts[0]
    Ledger(tmp_path).record(finding.id, "flagged", "Ana", "look again tomorrow")
    assert len(check(docs(), ledger=tmp_path).conflicts) == 1


def test_history_is_kept(tmp_path: Path) -> None:
    book = Ledger(tmp_path)
    fid = "0123456789abcdef"
    book.record(fid, "confirmed", "Ana", "first")
    d = book.record(fid, "resolved", "Ben", "second", value=40, value_source="ministry")
    assert d.decision == "resolved" and [h.decision for h in d.history] == ["confirmed"]
    on_disk = yaml.safe_load((tmp_path / "decisions" / f"{fid}.yaml").read_text())
    assert on_disk["value"] == 40 and on_disk["history"][0]["reviewer"] == "Ana"


@pytest.mark.parametrize(
    "content",
    [
        "",
        "fingerprint: 0123456789abcdef\ndecision: [",
        "just text",
        "fingerprint: 0123456789abcdef\ndecision: maybe\nreviewer: x\ndecided_at: 2023-01-01T00:00:00\n",
    ],
)
def test_malformed_file_is_a_clear_error_and_never_overwritten(tmp_path: Path, content: str) -> None:
    path = tmp_path / "decisions" / "0123456789abcdef.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(content)
    with pytest.raises(LedgerError) as err:
        Ledger(tmp_path).decisions()
    assert str(path) in str(err.value)
    with pytest.raises(LedgerError):
        Ledger(tmp_path).record("0123456789abcdef", "confirmed", "Ana")
    assert path.read_text() == content


def test_concurrent_writers_lose_no_decision(tmp_path: Path) -> None:
    book = Ledger(tmp_path)
    fid = "fedcba9876543210"
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            Ledger(tmp_path).record(fid, "flagged", f"editor {i}", f"note {i}")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    d = book.decisions()[fid][0]
    assert len(d.history) + 1 == 12
    assert {e.reviewer for e in d.history} | {d.reviewer} == {f"editor {i}" for i in range(12)}


def test_vetted_fact_contradicted(tmp_path: Path) -> None:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "quito-deaths.yaml").write_text(
        "id: quito-deaths\nevent: killed\nsubject: person\nplace: Quito\nvalue: 12\nsource: ministry\n"
    )
    report = check(docs(b=BODY_A.replace("12", "30")), ledger=tmp_path)
    assert any(f.kind == "contradicts_vetted_fact" for f in report.conflicts)


def test_seed_ledger_settles_both_seed_findings(seeds_dir: Path, tmp_path: Path) -> None:
    ledger = seeds_dir.parent / "claims"
    report = check([seeds_dir], ledger=ledger)
    assert report.conflicts == [] and len(report.decided) >= 2 and report.stale == []
    copy = tmp_path / "claims"
    shutil.copytree(ledger, copy)
    for f in (copy / "decisions").glob("*.yaml"):
        assert yaml.safe_load(f.read_text())["note"]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FILLER = st.text(alphabet=st.sampled_from(list("abcdefghij klmnop")), max_size=40).map(
    lambda t: (t.strip().capitalize() + ". ") if t.strip() else ""
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FILLER, FILLER, st.sampled_from([" ", "  ", "\n"]), st.booleans())
def test_fingerprint_is_stable_under_the_edits_the_ledger_allows(
    before: str, after: str, space: str, swap: bool
) -> None:
    base = fp(docs())
    a = before + BODY_A.replace(" ", space, 2) + " " + after
    edited = docs(a=a)
    assert fp(list(reversed(edited)) if swap else edited) == base


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=41, max_value=10_000))
def test_fingerprint_changes_when_a_figure_changes(n: int) -> None:
    assert fp(docs(b=BODY_B.replace("40", str(n)))) != fp(docs())


def test_decisions_about_other_articles_are_not_stale(tmp_path: Path) -> None:
    finding = check(docs()).conflicts[0]
    Ledger(tmp_path).record(finding.id, "confirmed", "Ana", "", finding)
    other = [Document(id="c", outlet="X", published=dt.date(2023, 9, 1), body="In Peru, 3 guards were held.")]
    assert check(other, ledger=tmp_path).stale == []


def test_a_note_alone_keeps_the_decision(tmp_path: Path) -> None:
    book = Ledger(tmp_path)
    fid = "00000000000000aa"
    book.record(fid, "dismissed-different-events", "Ana", "two events")
    d = book.record(fid, "noted", "Ben", "checked the July article again")
    assert d.decision == "dismissed-different-events" and d.settled
    assert [h.decision for h in d.history] == ["noted"] and d.history[0].note.startswith("checked")
