"""The claim archive: adding, checking, stats, errors, schema migration (developed on the
seeds and synthetic articles; the dev corpora from ../shared where present)."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import Archive, ArchiveError, Document, Settings, check
from factcheck.archive.blocking import blocking_keys, key_hash, window_months
from factcheck.archive.records import claim_from_json, claim_to_json
from factcheck.archive.schema import SCHEMA_VERSION
from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

JULY = SEEDS / "ecuador-state-of-emergency-2023-07.md"
SEPTEMBER = SEEDS / "ecuador-hostages-released-2023-09.md"


def _doc(i: int, killed: int, day: str = "2024-03-04", country: str = "Chile") -> Document:
    return Document(
        id=f"doc{i:03d}",
        outlet=f"Outlet {i}",
        published=day,
        body=f"Officials said {killed} people were killed in {country} on Monday.",
    )


# developed on: the seeds --------------------------------------------------------------


def test_add_skips_articles_already_archived(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "news.db")
    first = archive.add([JULY])
    again = archive.add([SEEDS])
    assert (first.added, first.unchanged) == (1, 0)
    assert (again.added, again.unchanged) == (1, 1)
    stats = archive.stats()
    assert stats.documents == 2 and stats.claims == first.claims + again.claims
    assert stats.schema_version == SCHEMA_VERSION


def test_claims_round_trip_losslessly(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "news.db")
    archive.add([SEEDS])
    from factcheck import extract

    for claim in extract([SEEDS]):
        assert claim_from_json(claim_to_json(claim)) == claim
    stored = archive.claims("ecuador-hostages-released-2023-09")
    assert stored == extract([SEPTEMBER])


def test_document_comes_back_with_its_body(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "news.db")
    archive.add([SEPTEMBER])
    from factcheck import read_document

    original = read_document(SEPTEMBER)
    stored = archive.document(original.id)
    assert stored is not None
    assert (stored.body, stored.outlet, stored.published, stored.url) == (
        original.body,
        original.outlet,
        original.published,
        original.url,
    )


def test_document_infos_are_the_documents_as_a_report_gives_them(tmp_path: Path) -> None:
    from factcheck.report import document_info

    archive = Archive(tmp_path / "news.db")
    archive.add([SEEDS])
    ids = archive.document_ids()
    expected = [document_info(d) for d in (archive.document(i) for i in reversed(ids)) if d is not None]
    # read without the bodies, in the order asked, unknown ids left out
    assert archive.document_infos([*reversed(ids), "no-such-article"]) == expected
    assert len(expected) == len(ids) == 2


def test_a_check_pauses_the_cycle_collector_and_restores_it(tmp_path: Path) -> None:
    import gc

    from factcheck.cycles import cycles_paused

    archive = Archive(tmp_path / "news.db")
    archive.add([JULY])
    assert gc.isenabled()
    with cycles_paused():
        assert not gc.isenabled()
        with cycles_paused():  # nested: the outer pause still holds after the inner one
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    archive.check([SEPTEMBER], Settings())
    assert gc.isenabled()


def test_check_against_archive_equals_folder_check(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "news.db")
    archive.add([JULY])
    # an archive check pairs with the prior model (docs/archive.md): the folder run compared
    # with it must too
    settings = Settings(pairing="prior")
    got = archive.check([SEPTEMBER], settings)
    folder = check([SEEDS], settings)
    new_claims = {c.id for f in got.conflicts for p in f.positions for c in p.claims}
    assert got.conflicts, "the seeds disagree on the released guards"
    involving = [
        f for f in folder.conflicts if any(c.document == SEPTEMBER.stem for p in f.positions for c in p.claims)
    ]
    assert [f.model_dump() for f in got.conflicts] == [f.model_dump() for f in involving]
    # the archived side carries its full provenance
    archived = [c for f in got.conflicts for p in f.positions for c in p.claims if c.document == JULY.stem]
    assert archived and all(c.sentence and c.line and c.outlet for c in archived)
    assert new_claims
    assert {d.id for d in got.documents} == {JULY.stem, SEPTEMBER.stem}


def test_replaced_version_of_an_article(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "news.db")
    archive.add([_doc(1, 12)])
    summary = archive.add([_doc(1, 14)])
    assert (summary.added, summary.replaced) == (0, 1)
    assert [c.quantity.value for c in archive.claims("doc001")] == [14]
    assert archive.stats().documents == 1


def test_ledger_decisions_apply_to_archive_findings(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "news.db")
    archive.add([_doc(1, 12)])
    draft = _doc(2, 40)
    report = archive.check([draft], Settings())
    assert len(report.conflicts) == 1
    from factcheck import Ledger

    ledger = tmp_path / "claims"
    ledger.mkdir()
    Ledger(ledger).record(report.conflicts[0].id, "dismissed-different-events", "ed", "two incidents")
    again = archive.check([draft], Settings(), ledger=ledger)
    assert again.conflicts == [] and [f.id for f in again.decided] == [report.conflicts[0].id]


# blocking -----------------------------------------------------------------------------


def test_blocking_keeps_other_countries_and_far_months_apart(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "news.db")
    archive.add([_doc(1, 12), _doc(2, 13, country="Peru"), _doc(3, 14, day="2019-01-07")])
    draft = Archive(tmp_path / "news.db")
    from factcheck.extraction import extract_document

    claims = extract_document(_doc(9, 40))
    assert {c.document for c in draft.candidates(claims)} == {"doc001"}


def test_probe_reaches_every_stored_key_within_the_window() -> None:
    from factcheck.extraction import extract_text

    near = extract_text("Officials said 12 people were killed in Chile.", "a")[0]
    for days in (0, 27, 100, 180):
        import datetime as dt

        a = near.model_copy(update={"published": dt.date(2024, 1, 31)})
        b = near.model_copy(update={"published": dt.date(2024, 1, 31) + dt.timedelta(days=days)})
        assert blocking_keys(a, probe=window_months(180)) & blocking_keys(b), days
        assert key_hash("x") != key_hash("y")


def test_blocking_keeps_other_event_families_apart_but_not_chains_or_unread_events(tmp_path: Path) -> None:
    from factcheck.extraction import extract_text

    def keys(text: str, probe: int | None = None) -> set[str]:
        claims = extract_text(text, "a")
        assert claims, text
        return set().union(*(blocking_keys(c, "Chile", probe) for c in claims))

    killed = keys("Officials said 12 people were killed in Chile.", probe=window_months(180))
    assert not killed & keys("Officials said 40 people were injured in Chile.")
    assert killed & keys("Officials said 40 people were killed in Chile.")
    held = keys("Officials said 40 guards were held hostage in Chile.", probe=window_months(180))
    assert held & keys("Officials said 57 guards were released in Chile.")


# regressions --------------------------------------------------------------------------


def test_spark_probe_reads_a_missing_country_as_none_not_nan() -> None:
    """pandas 3 gives a null string cell as NaN, which was read as a country named "nan"
    (the Spark run then missed the documents a document with no country reaches)."""
    pd = pytest.importorskip("pandas")
    from factcheck.archive.spark import _probe_keys
    from factcheck.extraction import extract_text

    record = claim_to_json(extract_text("Officials said 12 people were killed.", "a")[0])

    def probed(country: object) -> list[int]:
        frame = pd.DataFrame({"draft": ["b"], "member": ["a"], "records": [[record]], "country": [country]})
        return sorted(next(iter(_probe_keys(Settings())([frame])))["key"])

    assert probed(float("nan")) == probed(None) != []


# CLI ----------------------------------------------------------------------------------


def test_cli_add_check_stats(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "news.db")
    added = runner.invoke(main, ["archive", "add", str(JULY), "--archive", db])
    assert added.exit_code == 0, added.output
    assert "1 added" in added.output
    again = runner.invoke(main, ["archive", "add", str(SEEDS), "--archive", db])
    assert "1 added" in again.output and "1 unchanged" in again.output
    checked = runner.invoke(main, ["check", str(SEPTEMBER), "--archive", db, "--no-ledger", "--format", "json"])
    assert checked.exit_code == 1, checked.output
    report = json.loads(checked.output)
    assert any(c["document"] == JULY.stem for f in report["conflicts"] for p in f["positions"] for c in p["claims"])
    stats = runner.invoke(main, ["archive", "stats", "--archive", db, "--format", "json"])
    assert json.loads(stats.output)["documents"] == 2


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"this is not a database at all, just words" * 200, "not a factcheck archive"),
        (b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 4000, "not a factcheck archive"),
    ],
)
def test_corrupt_or_foreign_file_is_one_line_exit_2(tmp_path: Path, content: bytes, problem: str) -> None:
    bad = tmp_path / "news.db"
    bad.write_bytes(content)
    for args in (["archive", "stats"], ["archive", "add", str(SEEDS)], ["check", str(SEEDS)]):
        result = CliRunner().invoke(main, [*args, "--archive", str(bad)])
        assert result.exit_code == 2, (args, result.output)
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and problem in lines[0] and str(bad) in lines[0], result.output
        assert "Traceback" not in result.output


def test_sqlite_file_of_another_program_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    result = CliRunner().invoke(main, ["archive", "add", str(SEEDS), "--archive", str(other)])
    assert result.exit_code == 2 and "not a factcheck archive" in result.output
    assert [n for (n,) in sqlite3.connect(other).execute("SELECT name FROM sqlite_master")] == ["t"]


def test_missing_archive_is_an_error_for_check(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no such archive"):
        Archive(tmp_path / "none.db").check([SEEDS])
    assert not (tmp_path / "none.db").exists()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Archive(path).add([_doc(1, 12)])
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(ArchiveError, match="newer"):
        Archive(path).stats()


# migration ----------------------------------------------------------------------------

V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE,
    path TEXT, title TEXT, outlet TEXT, author TEXT, published TEXT, published_precision TEXT, url TEXT,
    language TEXT, body_line INTEGER NOT NULL DEFAULT 1, meta TEXT NOT NULL DEFAULT '{}', body BLOB NOT NULL,
    added TEXT NOT NULL);
CREATE TABLE claims (id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL, published TEXT, language TEXT, country TEXT, dimension TEXT, month TEXT,
    event_class TEXT, subject_class TEXT, value REAL, record TEXT NOT NULL);
CREATE INDEX claims_doc ON claims(doc);
CREATE TABLE blocks (key INTEGER NOT NULL, claim INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    PRIMARY KEY (key, claim)) WITHOUT ROWID;
INSERT INTO meta VALUES ('format', 'factcheck-archive'), ('schema_version', '1');
"""
"""Schema version 1, as the first archives were written (kept here to test the migration)."""


def test_version_1_archive_is_migrated_and_checks_the_same(tmp_path: Path) -> None:
    from factcheck.extraction import extract_document

    old = tmp_path / "old.db"
    db = sqlite3.connect(old)
    db.executescript(V1)
    doc = _doc(1, 12)
    claims = extract_document(doc)
    db.execute(
        "INSERT INTO documents (id, doc_id, hash, outlet, published, body, added) VALUES (1, ?, 'h', ?, ?, ?, 'now')",
        (doc.id, doc.outlet, "2024-03-04", zlib.compress(doc.body.encode())),
    )
    db.executemany(
        "INSERT INTO claims (doc, claim_id, record) VALUES (1, ?, ?)", [(c.id, claim_to_json(c)) for c in claims]
    )
    db.commit()
    db.close()
    fresh = Archive(tmp_path / "new.db")
    fresh.add([doc])
    draft = _doc(2, 40)
    assert Archive(old).stats().schema_version == SCHEMA_VERSION
    migrated = Archive(old).check([draft], Settings())
    assert migrated.conflicts and migrated.conflicts == fresh.check([draft], Settings()).conflicts
    with sqlite3.connect(old) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
        assert db.execute("SELECT count(*) FROM blocks").fetchone()[0] > 0


# evaluated on: the dev corpora (../shared) ---------------------------------------------


def test_dev_corpus_archive_then_check_a_new_article(tmp_path: Path) -> None:
    dev = SHARED / "dev" / "articles"
    if not dev.is_dir():
        pytest.skip("../shared/dev is not beside this checkout")
    cluster = sorted(p for p in dev.iterdir() if p.is_dir())[0]
    draft = sorted(cluster.glob("*.md"))[0]
    archived = [p for p in sorted(dev.rglob("*.md")) if p != draft]
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    added = runner.invoke(main, ["archive", "add", *map(str, archived), "--archive", db])
    assert added.exit_code == 0, added.output
    checked = runner.invoke(main, ["check", str(draft), "--archive", db, "--no-ledger", "--format", "json"])
    assert checked.exit_code in (0, 1), checked.output
    got = json.loads(checked.output)["conflicts"]
    folder = check([dev], Settings(pairing="prior")).conflicts
    expected = [f for f in folder if any(c.document == draft.stem for p in f.positions for c in p.claims)]
    assert [f["id"] for f in got] == [f.id for f in expected]
    # the JSON report cites claims by id from a claims table: compare what each finding says
    said = [(f.id, f.severity, f.classification, f.strength, [p.label for p in f.positions]) for f in expected]
    shown = [
        (f["id"], f["severity"], f["classification"], f["strength"], [p["label"] for p in f["positions"]]) for f in got
    ]
    assert shown == said


def test_review_page_shows_archive_findings(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from factcheck.review import create_app

    db = tmp_path / "news.db"
    Archive(db).add([JULY])
    report = Archive(db).check([SEPTEMBER], Settings())
    app, keys = create_app([str(SEPTEMBER)], tmp_path / "ledger", archive=str(db))
    client = TestClient(app, base_url="http://127.0.0.1:8000")
    listing = client.get(f"/?token={keys.url_token}")
    assert listing.status_code == 200
    assert report.conflicts[0].id in listing.text
    # the archived article is shown beside the draft, from the archive's copy of its body
    page = client.get(f"/article/{JULY.stem}")
    assert page.status_code == 200 and "Ecuador" in page.text


def test_archive_keyed_by_another_blocking_version_is_rekeyed(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Archive(path).add([_doc(1, 12)])
    draft = _doc(2, 40)
    before = Archive(path).check([draft], Settings()).conflicts
    with sqlite3.connect(path) as db:
        keys = db.execute("SELECT key, doc FROM blocks ORDER BY 1, 2").fetchall()
        db.execute("DELETE FROM blocks")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'blocking'")
    after = Archive(path).check([draft], Settings()).conflicts
    assert before and after == before
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT key, doc FROM blocks ORDER BY 1, 2").fetchall() == keys
