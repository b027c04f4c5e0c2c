"""How many bytes a claim record holds: the claims of real articles (the dev corpora, the
replicated articles of ``scale.py``) and the synthetic claims of ``scaling.py``, walked
object by object (``sys.getsizeof`` of each distinct object reachable from the claims:
records, their ``__dict__``s and sets of names, strings, numbers, days and tuples; an
object several claims share is counted once). Prints the bytes per claim and the share of
each type. Run on demand; results go in docs/accuracy.md ("Scale, eleventh pass").

    .venv/bin/python benchmarks/claim_memory.py [--corpus dev dev2] [--articles 5000] [--synthetic 20000]

``--unshared`` builds the synthetic claims without :func:`factcheck.sharing.share` (as
``scaling.py`` built them before it), for the figure before sharing; real claims are
shared by extraction itself, so their "before" is an older checkout's run
(``PYTHONPATH=<export>``)."""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent
_ATOMS = (str, int, float, bool, type(None), dt.date, bytes)


def walk(roots: list[Any]) -> tuple[int, collections.Counter[str]]:
    """The bytes of every distinct object reachable from ``roots`` (type objects left out)
    and the bytes by type name."""
    seen: set[int] = set()
    by_type: collections.Counter[str] = collections.Counter()
    total = 0
    stack = list(roots)
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, type):
            continue
        seen.add(id(obj))
        if isinstance(obj, BaseModel):
            stack.extend((obj.__dict__, obj.__pydantic_fields_set__, obj.__pydantic_extra__, obj.__pydantic_private__))
        elif isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (tuple, list, set, frozenset)):
            stack.extend(obj)
        elif not isinstance(obj, _ATOMS):
            raise TypeError(f"unexpected {type(obj).__name__} in a claim")
        if obj is None or isinstance(obj, bool):
            continue  # singletons
        size = sys.getsizeof(obj)
        total += size
        by_type[type(obj).__name__] += size
    return total, by_type


def _row(name: str, claims: list[Any]) -> dict[str, object]:
    total, by_type = walk(claims)
    n = max(1, len(claims))
    return {
        "claims_of": name,
        "claims": len(claims),
        "bytes_per_claim": round(total / n),
        "by_type": {k: round(v / n) for k, v in by_type.most_common(8)},
    }


def _extracted(folder: Path) -> list[Any]:
    from factcheck.config import Settings
    from factcheck.cycles import cycles_paused
    from factcheck.documents import gather
    from factcheck.report import extract_each

    settings = Settings()
    docs, _ = gather([folder])
    docs.sort(key=lambda d: d.id)
    with cycles_paused():  # as a check runs
        claims, _, _ = extract_each(docs, settings.tolerance, estimate_dates=settings.estimate_dates)
    return claims


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="*", default=["dev", "dev2"], help="Corpora of ../shared to extract.")
    parser.add_argument("--articles", type=int, nargs="*", default=[], help="Replicated articles (scale.py).")
    parser.add_argument("--synthetic", type=int, nargs="*", default=[], help="Synthetic claims (scaling.py).")
    parser.add_argument("--unshared", action="store_true", help="Synthetic claims without sharing.")
    args = parser.parse_args()
    for corpus in args.corpus:
        print(json.dumps(_row(corpus, _extracted(ROOT.parent / "shared" / corpus / "articles"))), flush=True)
    for n in args.articles:
        from scale import build

        with tempfile.TemporaryDirectory(prefix="factcheck-memory-") as tmp:
            folder = Path(tmp) / "articles"
            build(n, folder)
            print(json.dumps(_row(f"{n} replicated articles", _extracted(folder))), flush=True)
    for n in args.synthetic:
        import scaling

        if args.unshared:
            scaling.share = lambda claims: None  # type: ignore[assignment]  # as built before sharing
        print(json.dumps(_row(f"{n} synthetic", scaling.synthetic(n))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
