"""Shared fixtures: the seed articles and the gold annotation (from ../shared when present)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import Claim, load_documents
from factcheck.extraction import extract_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def corpus_claims(name: str) -> list[Claim]:
    """The claims of a corpus of ../shared ("dev", "dev2") or of the seeds, moments left out,
    in claim id order; the test is skipped where the corpus is not beside this checkout."""
    folder = SHARED / name / "articles" if name != "seeds" else SEEDS
    if not folder.is_dir():
        pytest.skip(f"{folder} is not beside this checkout")
    docs, _ = load_documents([folder])
    return sorted((c for d in docs for c in extract_document(d) if not c.moment), key=lambda c: c.id)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_claims():
    from factcheck import extract

    return extract([SEEDS])


@pytest.fixture(scope="session")
def gold():
    import yaml

    path = SHARED / "gold" / "seeds.yaml"
    if not path.exists():
        pytest.skip("../shared/gold/seeds.yaml is not beside this checkout")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# Tests that start a browser or build and install the wheel take tens of seconds to
# minutes each: they count as slow, so a bare pytest leaves them to `make test` and CI.
_SLOW_KINDS = ("browser", "packaging")


def pytest_itemcollected(item: pytest.Item) -> None:
    if any(item.get_closest_marker(kind) is not None for kind in _SLOW_KINDS):
        item.add_marker(pytest.mark.slow)
