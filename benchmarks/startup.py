"""Start-up time: how long ``import factcheck``, ``factcheck --help`` and a check of the
two seed articles take in a fresh process (the median of several runs: wall clock, and the
CPU time of the process, which a machine shared with other jobs inflates less). Every CLI
call and every pre-commit run pays the import, so it is kept small: public names are
imported on first use, each CLI command imports its modules when it runs, and heavy
dependencies (simplemma, pint, prov) are imported inside the functions that need them.

    .venv/bin/python benchmarks/startup.py [--repeat 7]

Results go in docs/accuracy.md ("Start-up")."""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = str(Path(sys.executable).parent / "factcheck")

CASES = {
    "python (no import, baseline)": [sys.executable, "-c", "pass"],
    "import factcheck": [sys.executable, "-c", "import factcheck"],
    "from factcheck import check, Document, Settings": [
        sys.executable,
        "-c",
        "from factcheck import check, Document, Settings",
    ],
    "factcheck --version": [FACTCHECK, "--version"],
    "factcheck --help": [FACTCHECK, "--help"],
    "factcheck check seeds --quiet (whole run)": [FACTCHECK, "check", str(ROOT / "seeds"), "--no-ledger", "--quiet"],
}

# inflect (1.7-2.5 s of CPU at its first use, compiling itself through typeguard) is being
# replaced; while it is installed, this case shows the seed check without it: a stub
# module stands in (its singulars are wrong, its cost is nil)
_STUB = (
    "import sys, types\n"
    "m = types.ModuleType('inflect')\n"
    "m.engine = type('engine', (), {'singular_noun': lambda self, w: False})\n"
    "sys.modules['inflect'] = m\n"
    "from factcheck.cli import main\n"
    "main(sys.argv[1:])\n"
)
try:
    import inflect  # type: ignore[import-not-found, unused-ignore]  # noqa: F401
except ImportError:
    pass
else:
    CASES["factcheck check seeds --quiet, inflect stubbed"] = [
        sys.executable,
        "-c",
        _STUB,
        "check",
        str(ROOT / "seeds"),
        "--no-ledger",
        "--quiet",
    ]


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def timed(cmd: list[str], repeat: int) -> dict[str, float]:
    """Median wall and CPU seconds of ``cmd`` over ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), _children_cpu()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - t)
        cpus.append(_children_cpu() - c)
    return {"wall": round(statistics.median(walls), 3), "cpu": round(statistics.median(cpus), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    result = {name: timed(cmd, args.repeat) for name, cmd in CASES.items()}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
