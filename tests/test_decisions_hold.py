"""Decisions that hold as articles arrive, and copies that never multiply findings.

The articles written here are short wire-style reports made up for the tests, in the
shape of the seeds (the September 2023 release of 57 guards and police officers in
Ecuador); the dev corpus is read from ../shared/dev when it is beside the checkout."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import check
from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "articles"

AGREEING = """---
id: wire-guards-freed-2023-09
outlet: Example Wire
published: 2023-09-02
---
Ecuador's prison service said 57 law enforcement officers held hostage in six prisons were released.
"""

NEW_FIGURE = AGREEING.replace("wire-guards-freed", "other-wire-guards-freed").replace("57 law", "61 law")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout


@pytest.fixture()
def workspace(tmp_path: Path, seeds_dir: Path) -> Path:
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    return tmp_path


def test_an_agreeing_article_joins_the_decided_finding(workspace: Path) -> None:
    (workspace / "seeds" / "wire.md").write_text(AGREEING, encoding="utf-8")
    code, out = _run("check", str(workspace / "seeds"), "--ledger", str(workspace / "claims"))
    assert code == 0, out
    assert re.search(r"DECIDED \w+ \(dismissed-different-events\): 1 new source since decided", out), out
    report = check([workspace / "seeds"], ledger=workspace / "claims")
    joined = [f for f in report.decided if f.new_sources]
    assert joined and all(
        "wire-guards-freed-2023-09" in {c.document for p in f.positions for c in p.claims} for f in joined
    )


def test_a_new_figure_opens_a_new_finding(workspace: Path) -> None:
    (workspace / "seeds" / "wire.md").write_text(NEW_FIGURE, encoding="utf-8")
    code, out = _run("check", str(workspace / "seeds"), "--ledger", str(workspace / "claims"))
    assert code == 1, out
    report = check([workspace / "seeds"], ledger=workspace / "claims")
    assert any("61" in p.label for f in report.conflicts for p in f.positions)


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/dev is not beside this checkout")
@pytest.mark.parametrize(
    "cluster", ["ecuador-quake-2016", "honduras-prison-2023", "juarez-fire-2023", "mexico-quake-2017", "otis-2023"]
)
def test_the_corpus_twice_over_gives_no_more_findings(tmp_path: Path, cluster: str) -> None:
    # every article of a dev cluster copied under a new id: copies are one source
    once = check([DEV / cluster])
    twice_dir = tmp_path / cluster
    shutil.copytree(DEV / cluster, twice_dir)
    for path in sorted((DEV / cluster).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        copy = re.sub(r'^id: "?([^"\n]+)"?$', r"id: \1-copy", text, count=1, flags=re.M)
        (twice_dir / f"{path.stem}-copy.md").write_text(copy, encoding="utf-8")
    twice = check([twice_dir])
    assert len(twice.documents) == 2 * len(once.documents)
    assert len(twice.conflicts) <= len(once.conflicts)
    assert {f.id for f in twice.conflicts} <= {f.id for f in once.conflicts}
