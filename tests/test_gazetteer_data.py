"""The gazetteer's archive (factcheck/data/gazetteer.zip) is current: it holds the country
names of every language factcheck reads, and rebuilding it from the packages it was built
from gives the same bytes (scripts/build_gazetteer.py; developed on issue 22, which replaced
four gazetteer packages, 250 MB installed, by the 1.3 MB archive)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import zipfile
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from factcheck import vocabulary
from factcheck.gazetteer import gazetteer

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = resources.files("factcheck") / "data" / "gazetteer.zip"


def _member(name: str) -> bytes:
    with zipfile.ZipFile(str(ARCHIVE)) as zf:
        return zf.read(name)


def test_archive_translates_country_names_into_every_language() -> None:
    translations = json.loads(_member("places.json"))["translations"]
    missing = sorted(set(vocabulary.languages()) - {"en"} - set(translations))
    assert not missing, f"rebuild the archive for {missing}: python scripts/build_gazetteer.py"


def test_archive_serves_countries_divisions_cities_and_towns() -> None:
    gaz = gazetteer()
    assert {e.kind for e in gaz.lookup("Ecuador")} == {"country"}
    assert gaz.lookup("Estados Unidos")[0].country == "US"
    assert gaz.within(gaz.lookup("Ciudad Juárez")[0]) == ("Chihuahua", "Mexico")
    town = gaz.lookup("Támara", ["HN"])[0]
    assert (town.kind, gaz.province_of(town) is not None) == ("city", True)


@pytest.mark.slow
def test_archive_rebuilds_to_the_same_bytes() -> None:
    recorded = json.loads(_member("sources.json"))
    installed = {}
    for name in recorded:
        try:
            installed[name] = version(name)
        except PackageNotFoundError:
            installed[name] = None
        if importlib.util.find_spec(name.replace("-", "_")) is None:
            installed[name] = None
    if installed != recorded:
        pytest.skip(f"the archive was built from {recorded}; installed: {installed}")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
