"""Start-up time: how long ``import factcheck`` and a few first calls take in a fresh
Python process (the median of several runs, wall clock). Every CLI call and every
pre-commit run pays the import, so it is kept small: public names are imported on first
use and heavy dependencies (simplemma, pint, prov) inside the functions that need them.

    .venv/bin/python benchmarks/startup.py [--repeat 7]

Results go in docs/accuracy.md ("Start-up")."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "python (no import, baseline)": [sys.executable, "-c", "pass"],
    "import factcheck": [sys.executable, "-c", "import factcheck"],
    "from factcheck import check, Document, Settings": [
        sys.executable,
        "-c",
        "from factcheck import check, Document, Settings",
    ],
    "factcheck --version": [sys.executable, "-m", "factcheck", "--version"],
    "factcheck check seeds --quiet (whole run)": [
        sys.executable,
        "-m",
        "factcheck",
        "check",
        str(ROOT / "seeds"),
        "--no-ledger",
        "--quiet",
    ],
}


def timed(cmd: list[str], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    result = {name: round(timed(cmd, args.repeat), 3) for name, cmd in CASES.items()}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
