"""Start-up time: how long ``import factcheck``, ``factcheck --help`` and a check of the
two seed articles take in a fresh process (the median of several runs: wall clock, and the
CPU time of the process, which a machine shared with other jobs inflates less). Every CLI
call and every pre-commit run pays the import, so it is kept small: public names are
imported on first use, each CLI command imports its modules when it runs, and heavy
dependencies (simplemma, pint, prov) are imported inside the functions that need them.

    .venv/bin/python benchmarks/startup.py [--repeat 7]

Results go in docs/accuracy.md ("Start-up"; "Seed check under a second")."""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = str(Path(sys.executable).parent / "factcheck")

SEEDS = [FACTCHECK, "check", str(ROOT / "seeds"), "--no-ledger", "--quiet"]

# a case is a command and what its environment adds: FACTCHECK_CACHE picks where the
# indexes kept between runs live (factcheck/kept.py); "{fresh}" is a new empty folder each
# run, so the case pays the first run's build and write every time
CASES: dict[str, tuple[list[str], dict[str, str]]] = {
    "python (no import, baseline)": ([sys.executable, "-c", "pass"], {}),
    "import factcheck": ([sys.executable, "-c", "import factcheck"], {}),
    "from factcheck import check, Document, Settings": (
        [sys.executable, "-c", "from factcheck import check, Document, Settings"],
        {},
    ),
    "factcheck --version": ([FACTCHECK, "--version"], {}),
    "factcheck --help": ([FACTCHECK, "--help"], {}),
    "factcheck check seeds --quiet (whole run)": (SEEDS, {}),
    "the same, first run (empty cache folder)": (SEEDS, {"FACTCHECK_CACHE": "{fresh}"}),
    "the same, nothing kept (FACTCHECK_CACHE=0)": (SEEDS, {"FACTCHECK_CACHE": "0"}),
}


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def timed(cmd: list[str], extra_env: dict[str, str], repeat: int) -> dict[str, float]:
    """Median wall and CPU seconds of ``cmd`` over ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as fresh:
            env = {**os.environ, **{k: v.replace("{fresh}", fresh) for k, v in extra_env.items()}}
            t, c = time.perf_counter(), _children_cpu()
            subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            walls.append(time.perf_counter() - t)
            cpus.append(_children_cpu() - c)
    return {"wall": round(statistics.median(walls), 3), "cpu": round(statistics.median(cpus), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    # one run first, so the kept indexes of the warm cases are in place
    subprocess.run(SEEDS, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    result = {name: timed(cmd, env, args.repeat) for name, (cmd, env) in CASES.items()}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
