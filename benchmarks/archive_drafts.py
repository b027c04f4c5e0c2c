"""What the archive benchmarks that time one check share (archive_steps.py,
copies_speed.py): their command line, the dated real articles of ../shared/dev and dev2
sampled as drafts, and the median and 95th percentile of a list of timings."""

from __future__ import annotations

import argparse
import random
import statistics
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    from factcheck import Archive, Document, Settings

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "dev" / "articles", ROOT.parent / "shared" / "dev2" / "articles"]


def quantiles(xs: list[float]) -> dict[str, float]:
    """The median and the 95th percentile, rounded to a tenth."""
    ordered = sorted(xs)
    return {"median": round(statistics.median(ordered), 1), "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1)}


@overload
def drafts(
    description: str | None, forget_verdicts: bool = ..., forget_blocks: bool = ..., *, best_of: Literal[False] = ...
) -> tuple[list[Document], Archive, Settings]: ...


@overload
def drafts(
    description: str | None, forget_verdicts: bool = ..., forget_blocks: bool = ..., *, best_of: Literal[True]
) -> tuple[list[Document], Archive, Settings, argparse.Namespace]: ...


def drafts(
    description: str | None, forget_verdicts: bool = False, forget_blocks: bool = False, *, best_of: bool = False
) -> tuple[Any, ...]:
    """The drafts (dated real articles, a fixed sample of ``--drafts``), the archive named on
    the command line and the settings of the checks (``--window-days``); with
    ``forget_verdicts``, a ``--forget-verdicts`` option that keeps no verdicts on pairs of
    claims between checks (``Archive.judged``), to compare with keeping them; with
    ``forget_blocks``, a ``--forget-blocks`` option that keeps no blocks' archived facets
    (``Archive.blocks``); with ``best_of``, a ``--best-of`` option, and the parsed options
    are returned too."""
    from factcheck import Archive, Settings, load_documents

    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive", type=Path)
    parser.add_argument("--drafts", type=int, default=20)
    parser.add_argument("--window-days", type=int, default=180)
    parser.add_argument(
        "--cache-claims",
        type=int,
        default=0,
        help="archived claims kept in memory between checks (Archive's cache_claims); 0, the default, "
        "times every check cold, as a fresh process does",
    )
    parser.add_argument("--passes", type=int, default=1, help="check the drafts this many times and time the last pass")
    if best_of:
        parser.add_argument(
            "--best-of", type=int, default=1, help="report each draft's least time over this many last passes"
        )
    if forget_verdicts:
        parser.add_argument(
            "--forget-verdicts", action="store_true", help="keep no verdicts on pairs of claims between checks"
        )
    if forget_blocks:
        parser.add_argument(
            "--forget-blocks",
            action="store_true",
            help="keep no blocks' archived facets between checks (each check runs the steps over its block)",
        )
    args = parser.parse_args()
    docs, _ = load_documents([c for c in CORPORA if c.is_dir()])
    docs = sorted((d for d in docs if d.published is not None), key=lambda d: d.id)
    docs = random.Random(4).sample(docs, min(args.drafts, len(docs)))
    archive = Archive(args.archive, args.cache_claims)
    if getattr(args, "forget_verdicts", False):
        archive.forget_verdicts()
    if getattr(args, "forget_blocks", False):
        archive.forget_blocks()
    if best_of:
        return docs * args.passes, archive, Settings(window_days=args.window_days), args
    return docs * args.passes, archive, Settings(window_days=args.window_days)
