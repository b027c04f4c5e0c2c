"""How `factcheck check` grows with the number of real articles: the articles of
../shared/dev and ../shared/dev2 (165) replicated with small perturbations up to N, written
to a temporary folder at run time (never committed), checked by a fresh `factcheck`
process each. Prints, per size, the wall and CPU seconds of the check, its peak RSS, the
JSON report's size, and the growth exponent of time between the first size of 500 or more
and the last (issue 22 asks at most 1.1 between 500 and 5,000 articles).

    .venv/bin/python benchmarks/scale.py [--sizes 165 500 1650 5000] [--timeout 1800] [--extract]

``--extract`` times ``factcheck extract`` of the same folders instead: the extraction side
of a check, which the reconciliation redesign leaves alone.

Copy k of an article (k >= 1) is a new article about the same incident: its own id and
outlet ("<outlet>-k"), its dates k days later, and about one figure in ten moved by one to
three (seeded by the copy and the article, so every run builds the same corpus). Copies
stand in for wire stories that outlets repeat with small changes, which is what makes
real corpora hard for a reconciler. Results go in docs/accuracy.md ("Start-up, install
size and scale")."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "dev" / "articles", ROOT.parent / "shared" / "dev2" / "articles"]
FACTCHECK = Path(sys.executable).parent / "factcheck"

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_FIGURE = re.compile(r"(?<![\w.,])(\d{1,6})(?![\w.,]\d)")

# A child's peak RSS and CPU time, measured by a Python process that runs only the check,
# so that each size's figures are its own (getrusage of children keeps the maximum).
# It stops the check itself at the timeout (argv[1]), so no check outlives the benchmark.
_RUNNER = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
try:
    done = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          timeout=float(sys.argv[1]))
except subprocess.TimeoutExpired:
    print(json.dumps({"timeout": True}))
    sys.exit(0)
wall = time.perf_counter() - t
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "wall": wall, "cpu": use.ru_utime + use.ru_stime,
                  "rss_kib": use.ru_maxrss, "stderr": done.stderr[-500:]}))
"""


def sources() -> list[Path]:
    found = sorted(p for corpus in CORPORA if corpus.is_dir() for p in corpus.rglob("*.md"))
    if not found:
        raise SystemExit("no articles: ../shared/dev and ../shared/dev2 must be beside this checkout")
    return found


def _shift_date(m: re.Match[str], days: int) -> str:
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return m.group(0)
    return (day + dt.timedelta(days=days)).isoformat()


def perturb(text: str, copy: int, seed: int) -> str:
    """Copy ``copy`` of an article: new id and outlet, dates shifted, a few figures moved."""
    if copy == 0:
        return text
    rnd = random.Random(seed * 100_003 + copy)
    front = _FRONT.match(text)
    head, body = (front.group(1), text[front.end() :]) if front else ("", text)
    head = re.sub(r'^(id:\s*"?)([^"\n]+)', lambda m: f"{m.group(1)}{m.group(2)}-c{copy}", head, flags=re.M)
    head = re.sub(r'^(outlet:\s*"?)([^"\n]+)', lambda m: f"{m.group(1)}{m.group(2)}-{copy}", head, flags=re.M)
    head = _DATE.sub(lambda m: _shift_date(m, copy), head)
    body = _DATE.sub(lambda m: _shift_date(m, copy), body)

    def figure(m: re.Match[str]) -> str:
        value = int(m.group(1))
        if value < 10 or 1900 <= value <= 2100 or rnd.random() > 0.1:
            return m.group(0)  # small counts, years and nine figures in ten stay
        return str(value + rnd.choice([-3, -2, -1, 1, 2, 3]))

    body = _FIGURE.sub(figure, body)
    return f"---\n{head}\n---\n{body}" if front else body


def build(n: int, into: Path) -> None:
    """``n`` articles in ``into``: the 165 originals, then copy 1 of each, copy 2, ..."""
    originals = sources()
    texts = [p.read_text(encoding="utf-8") for p in originals]
    for i in range(n):
        copy, j = divmod(i, len(originals))
        folder = into / originals[j].parent.name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{originals[j].stem}-c{copy}.md").write_text(perturb(texts[j], copy, j), encoding="utf-8")


def measure(n: int, timeout: float, extract: bool = False) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="factcheck-scale-") as tmp:
        corpus, report = Path(tmp) / "articles", Path(tmp) / "report.json"
        build(n, corpus)
        cmd = [str(FACTCHECK), "check", str(corpus), "--no-ledger", "--format", "json", "--output", str(report)]
        if extract:  # the extraction side alone: every claim, one JSON line each
            cmd = [str(FACTCHECK), "extract", str(corpus), "--format", "jsonl", "--quiet", "--output", str(report)]
        out = subprocess.run(
            [sys.executable, "-c", _RUNNER, str(timeout), *cmd], capture_output=True, text=True, check=True
        ).stdout
        got = json.loads(out)
        if got.get("timeout"):
            return {"articles": n, "timeout_s": timeout}
        row: dict[str, object] = {
            "articles": n,
            "seconds": round(got["wall"], 1),
            "cpu_seconds": round(got["cpu"], 1),
            "peak_rss_mib": round(got["rss_kib"] / 1024),
            "report_mb": round(report.stat().st_size / 1e6, 1) if report.exists() else None,
            "exit": got["rc"],
        }
        if got["rc"] not in (0, 1):
            row["stderr"] = got["stderr"]
        return row


def exponent(rows: list[dict[str, object]], key: str) -> float | None:
    """The growth exponent of ``key`` between the first size of 500 or more and the last."""
    # a check stopped or failed (exit other than 0 or 1) has no time to compare
    timed = [r for r in rows if r.get("exit") in (0, 1) and isinstance(r.get(key), float | int)]
    timed = [r for r in timed if int(str(r["articles"])) >= 500]
    if len(timed) < 2 or timed[0]["articles"] == timed[-1]["articles"]:
        return None
    a, b = timed[0], timed[-1]
    ratio = float(str(b[key])) / max(float(str(a[key])), 1e-9)
    return round(math.log(ratio) / math.log(int(str(b["articles"])) / int(str(a["articles"]))), 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[165, 500, 1650, 5000])
    parser.add_argument("--timeout", type=float, default=1800, help="Seconds allowed per size [default: 1800].")
    parser.add_argument(
        "--extract", action="store_true", help="Time `factcheck extract` (the extraction side alone), not `check`."
    )
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        clock = time.perf_counter()
        row = measure(n, args.timeout, args.extract)
        row["with_build_s"] = round(time.perf_counter() - clock, 1)
        rows.append(row)
        print(json.dumps(row), flush=True)
    growth = {f"growth_exponent_{k}": exponent(rows, k) for k in ("seconds", "cpu_seconds")}
    print(json.dumps(growth))
    return 0


if __name__ == "__main__":
    sys.exit(main())
