"""Shared fixtures: the seed articles and the gold annotation (from ../shared when present)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


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
