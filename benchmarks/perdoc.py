"""Extraction per document against quantulum3, on documents of about 5 kB (issue 22 asks
15x quantulum3 including the first call, 30x warm). Run on demand; results go in
docs/accuracy.md.

    .venv/bin/python benchmarks/perdoc.py [--pairs 7] [--documents 12]

The documents are the English articles of ../shared/dev (front matter stripped), joined in
order within each incident until a document holds 5,000 characters or more; they are built
at run time and never written into the repository.

Two figures, each the median of ratios taken pair by pair (factcheck, quantulum3,
factcheck, ...), so the shared machine's drift moves both sides of a pair alike:

- ``first_call``: ``factcheck extract`` of one document (``one_document``) or of all of
  them (``all_documents``: the first call's cost spread over the documents), claims written
  as JSON lines, against a fresh process that imports quantulum3 and parses the same
  documents (CPU seconds of each child: start-up, imports, first-call set-up, the work);
- ``warm``: in one process after a warm-up, the CPU time of reading every document with
  each, per document; quantulum3 is given each document whole, as issue 22 measured it,
  and in ``warm_quantulum3_by_line`` line by line, which it reads about three times faster.

The fresh factcheck process reads the indexes an earlier run kept (factcheck/kept.py), as
every run after an install's first does; ``--cold`` points it at an empty cache folder."""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "dev" / "articles"
SIZE = 5000

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)

FACTCHECK = str(Path(sys.executable).parent / "factcheck")

# quantulum3 has no command line: a script reads the documents named on its own, in a
# fresh process, as `factcheck extract` does
_QUANTULUM = """
import sys, warnings
warnings.filterwarnings("ignore")
from quantulum3 import parser
for path in sys.argv[1:]:
    parser.parse(open(path, encoding="utf-8").read().split("---\\n", 2)[2])  # the text after the front matter
"""


def documents(limit: int) -> list[str]:
    """English documents of about :data:`SIZE` characters from the dev articles."""
    out: list[str] = []
    for incident in sorted(p for p in ARTICLES.iterdir() if p.is_dir()):
        current = ""
        for f in sorted(incident.glob("*.md")):
            text = f.read_text(encoding="utf-8")
            head = _FRONT.match(text)
            if head is None or not re.search(r"^language:\s*[\"']?en\b", head.group(1), re.M):
                continue
            current = (current + "\n\n" if current else "") + text[head.end() :].strip()
            if len(current) >= SIZE:
                out.append(current)
                current = ""
    return out[:limit]


def _child_cpu(cmd: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def first_call(docs: list[str], pairs: int, cold: bool) -> dict[str, object]:
    """Fresh processes, pair by pair: one reading a single document, and one reading all
    of them (the first call's cost spread over the documents)."""
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        paths = []
        for k, doc in enumerate(docs):
            path = Path(tmp) / f"doc{k}.md"
            path.write_text(f"---\nlanguage: en\n---\n{doc}", encoding="utf-8")
            paths.append(str(path))
        fc = [FACTCHECK, "extract", "--format", "jsonl"]
        q3 = [sys.executable, "-c", _QUANTULUM]
        _child_cpu([*fc, paths[0]], env)  # warm-up: the OS's file cache, and the kept indexes
        _child_cpu([*q3, paths[0]], env)
        for name, chosen in (("one_document", None), ("all_documents", paths)):
            ours, theirs, ratios = [], [], []
            for k in range(pairs):
                args = chosen if chosen is not None else [paths[k % len(paths)]]
                if cold:
                    env["FACTCHECK_CACHE"] = tempfile.mkdtemp(dir=tmp)
                a = _child_cpu([*fc, *args], env)
                b = _child_cpu([*q3, *args], env)
                ours.append(a)
                theirs.append(b)
                ratios.append(b / a)
            out[name] = {
                "factcheck_s": round(statistics.median(ours), 3),
                "quantulum3_s": round(statistics.median(theirs), 3),
                "ratio": round(statistics.median(ratios), 1),
                "ratio_pairs": [round(r, 1) for r in sorted(ratios)],
            }
    return out


def _cpu(fn: Callable[[], object]) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def warm(docs: list[str], pairs: int, by_line: bool) -> dict[str, object]:
    """One process, every document read by each, pair by pair, after a warm-up; quantulum3
    given each document whole, or (``by_line``) line by line, which it reads faster."""
    from quantulum3 import parser

    from factcheck import Document
    from factcheck.extraction import extract_document, memo

    def ours() -> None:
        memo.forget()  # each reading does all its work, as for documents never seen
        for k, doc in enumerate(docs):
            extract_document(Document(id=f"doc{k}", body=doc, language="en"))

    def theirs() -> None:
        for doc in docs:
            for part in doc.split("\n") if by_line else [doc]:
                if part.strip():
                    parser.parse(part)

    ours()
    theirs()
    a_runs, b_runs, ratios = [], [], []
    for _ in range(pairs):
        a = _cpu(ours)
        b = _cpu(theirs)
        c = _cpu(ours)
        a_runs.append((a + c) / 2)
        b_runs.append(b)
        ratios.append(b / ((a + c) / 2))
    n = len(docs)
    return {
        "factcheck_ms_per_doc": round(1000 * statistics.median(a_runs) / n, 2),
        "quantulum3_ms_per_doc": round(1000 * statistics.median(b_runs) / n, 2),
        "ratio": round(statistics.median(ratios), 1),
        "ratio_pairs": [round(r, 1) for r in sorted(ratios)],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--documents", type=int, default=12)
    parser.add_argument("--cold", action="store_true", help="fresh processes start with an empty cache folder")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, children too
    docs = documents(args.documents)
    if not docs:
        print(json.dumps({"error": f"no English articles under {ARTICLES}"}))
        return 2
    result = {
        "documents": len(docs),
        "mean_chars": round(sum(map(len, docs)) / len(docs)),
        "first_call": first_call(docs, args.pairs, args.cold),
        "warm": warm(docs, args.pairs, by_line=False),
        "warm_quantulum3_by_line": warm(docs, args.pairs, by_line=True),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
