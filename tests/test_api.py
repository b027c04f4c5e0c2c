"""The library as a new user meets it: paths as strings, Path or Document records (or
iterables of them); Settings the one source of settings; named errors; a typed API that
strict mypy accepts without the pydantic plugin; provenance as a record; a fast import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck
from factcheck import ConfigError, Document, Ledger, LedgerError, Settings, check, failing, provenance

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CLAIMS = ROOT / "claims"


def _ids(report: factcheck.Report) -> list[str]:
    return sorted(f.id for f in report.conflicts)


def test_a_string_is_one_path_not_its_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    by_str = check("seeds")
    assert [d.id for d in by_str.documents] == sorted(p.stem for p in SEEDS.glob("*.md"))
    assert _ids(check(Path("seeds"))) == _ids(by_str) == _ids(check(["seeds"])) == _ids(check("seeds/"))
    assert len(factcheck.extract("seeds")) == by_str.claims


def test_documents_alone_or_in_a_list() -> None:
    a = Document(id="a", outlet="AP", body="Officials said 12 people were killed on Monday.")
    b = Document(id="b", outlet="BBC", body="Police said 40 people were killed on Monday.")
    assert len(check([a, b]).conflicts) == 1
    assert check(a).documents[0].id == "a"
    mixed = check([a, SEEDS / "ecuador-hostages-released-2023-09.md"])
    assert {d.id for d in mixed.documents} == {"a", "ecuador-hostages-released-2023-09"}


def test_settings_ledger_is_honoured() -> None:
    open_report = check(SEEDS)
    n = len(open_report.conflicts)
    assert n >= 2 and not open_report.decided
    decided = check(SEEDS, settings=Settings(ledger=CLAIMS))  # claims/ decides every seed finding
    assert not decided.conflicts and len(decided.decided) == n
    assert not failing(decided, "warning")
    assert len(check(SEEDS, settings=Settings(ledger=CLAIMS), ledger=None).decided) == n


def test_a_missing_ledger_is_an_error_not_an_empty_ledger(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="no such ledger folder"):
        check(SEEDS, settings=Settings(ledger=tmp_path / "nope"))


def test_failing_names_the_valid_severities() -> None:
    report = check(SEEDS)
    with pytest.raises(ConfigError) as err:
        failing(report, "warnings")
    assert "warnings" in str(err.value) and "info, warning, error, never" in str(err.value)
    assert isinstance(err.value, factcheck.FactcheckError)


def test_ledger_takes_a_string(tmp_path: Path) -> None:
    shutil.copytree(CLAIMS, tmp_path / "claims")
    assert set(Ledger(str(tmp_path / "claims")).decisions()) == set(Ledger(tmp_path / "claims").decisions())


def test_settings_default_tolerance_is_the_intervals_default() -> None:
    from factcheck.intervals import DEFAULT_TOLERANCE

    assert Settings().tolerance == DEFAULT_TOLERANCE


def test_provenance_is_a_typed_record() -> None:
    lineage = provenance(check(SEEDS))
    assert isinstance(lineage, factcheck.Provenance)
    assert {a.id for a in lineage.articles} == {p.stem for p in SEEDS.glob("*.md")}
    claim = lineage.findings[0].claims[0]
    body = factcheck.read_document(next(p for p in SEEDS.glob("*.md") if p.stem == claim.document)).body
    assert body[claim.start : claim.end] == claim.text
    chains = [c.sources for f in lineage.findings for c in f.claims]
    assert ["Reuters", "Ecuador government"] in chains  # outermost first


def test_every_public_name_resolves() -> None:
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None, name
    with pytest.raises(AttributeError):
        factcheck.no_such_name  # noqa: B018


def test_import_loads_nothing_heavy() -> None:
    """Start-up is measured by benchmarks/startup.py; this checks the reason it is fast."""
    heavy = "('simplemma', 'pint', 'prov', 'pydantic', 'yaml')"
    code = f"import sys, factcheck; print(sorted(m for m in {heavy} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    code = "import sys; from factcheck import check, Document; print('simplemma' in sys.modules, 'pint' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False False"


USER_CODE = """
from pathlib import Path

import factcheck
from factcheck import Claim, Document, Ledger, Position, Quantity, Settings, Source, check, failing, provenance

doc = Document(id="a", body="Police said 12 people were killed.")
dated = Document(id="b", outlet="AP", body="Officials said 40 people were killed.", title="t")
report = check([doc, dated], settings=Settings(ledger=Path("claims"), tolerance=0.2))
again = check("seeds")
bad: list[factcheck.Finding] = failing(report, "warning")
names: list[str] = [c.document for f in provenance(report).findings for c in f.claims]
book = Ledger("claims")
q = Quantity(text="12", start=0, end=2, value=12.0, low=12.0, high=12.0)
s = Source(name="Police", cue="said", start=0, end=6)
c = Claim(id="a:0-2", document="a", quantity=q, sentence="x", sentence_start=0, sentence_end=1, sentence_index=0)
p = Position(label="12", low=12.0, high=12.0, claims=[c], sources=1)
"""


@pytest.mark.slow  # seconds: run by make test and CI (issue 22 keeps a bare pytest under 120 s)
def test_strict_mypy_without_the_pydantic_plugin_accepts_ordinary_use(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    (tmp_path / "user.py").write_text(USER_CODE, encoding="utf-8")
    (tmp_path / "mypy.ini").write_text("[mypy]\nstrict = True\nfollow_imports = silent\n", encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--no-incremental", "user.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout
