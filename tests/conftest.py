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


# Tests that start a browser or build and install the wheel take tens of seconds to
# minutes each: they count as slow, so a bare pytest leaves them to `make test` and CI.
_SLOW_KINDS = ("browser", "packaging")


def pytest_itemcollected(item: pytest.Item) -> None:
    if any(item.get_closest_marker(kind) is not None for kind in _SLOW_KINDS):
        item.add_marker(pytest.mark.slow)
