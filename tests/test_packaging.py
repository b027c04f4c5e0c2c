"""Packaging, as a user meets it: the sdist carries what its tests need, the metadata
names the project and its licence, and the built wheel, installed into a fresh virtual
environment, checks a copy of the seeds outside the repository and serves review --help.

The wheel test builds with ``python -m build`` (isolated, so pip fetches setuptools from
the configured package index) and installs the wheel's dependencies with pip; where that
cannot be done without a network it skips, saying why."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

from factcheck import project

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_metadata_names_the_distribution_and_its_urls() -> None:
    meta = PYPROJECT["project"]
    assert meta["name"] == project.DISTRIBUTION != "factcheck"  # PyPI's "factcheck" is another project
    assert meta["scripts"] == {"factcheck": "factcheck.cli:main"}
    assert meta["urls"]["Homepage"] == project.HOMEPAGE
    assert meta["urls"]["Rules"] == project.RULES_URL
    # a licence expression needs setuptools 77 (PEP 639); the build requirement says so
    assert meta["license"] == "MIT" and (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "setuptools>=77" in PYPROJECT["build-system"]["requires"]


def test_every_install_hint_uses_the_distribution_name() -> None:
    texts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            if "pip install" in line and "-e " not in line and "pip install -q" not in line:
                assert project.DISTRIBUTION in line, f"{path.name}: {line.strip()}"


def _build(outdir: Path) -> None:
    if os.environ.get("FACTCHECK_SKIP_PACKAGING"):
        pytest.skip("FACTCHECK_SKIP_PACKAGING is set")
    pytest.importorskip("build", reason="the 'build' package is not installed (pip install -e '.[test]')")
    # build from a clean copy, so no build/ left in the checkout leaks into the wheel
    source = outdir.parent / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "*.lock"
        ),
    )
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(outdir), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
        pytest.skip("could not build without a package index: " + " / ".join(tail))


@pytest.mark.packaging
def test_built_wheel_works_in_a_fresh_venv(tmp_path: Path, seeds_dir: Path) -> None:
    dist = tmp_path / "dist"
    _build(dist)
    sdist = next(dist.glob("*.tar.gz"))
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in ("tests/conftest.py", "seeds/ecuador-hostages-released-2023-09.md", "docs/cli.md", "LICENSE"):
        assert needed in names, f"the sdist lacks {needed}, which its tests need"
    assert any(n.startswith("claims/decisions/") and n.endswith(".yaml") for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    wheel = next(dist.glob("*.whl"))
    installed = subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "-q", f"{wheel}[review]"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if installed.returncode != 0:
        pytest.skip("could not install the wheel's dependencies: " + installed.stderr.strip()[-300:])

    articles = tmp_path / "elsewhere" / "articles"
    shutil.copytree(seeds_dir, articles)
    factcheck = str(bindir / "factcheck")
    done = subprocess.run(
        [factcheck, "check", "articles", "--format", "json"], cwd=articles.parent, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stderr  # undecided findings, no ledger here
    report = json.loads(done.stdout)
    assert len(report["documents"]) == 2 and len(report["conflicts"]) >= 2
    helped = subprocess.run([factcheck, "review", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "--ledger" in helped.stdout
