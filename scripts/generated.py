"""What the build scripts share: write a generated data file, or with ``--check`` only say
whether the committed one is what the script would write (exit 1 when it is not)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def write_or_check(target: Path, build: Callable[[], bytes], script: str, description: str | None) -> int:
    """Parse ``--check``, build the bytes, and write them to ``target`` or compare them."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="Exit 1 if the committed file differs; write nothing.")
    args = parser.parse_args()
    data = build()
    if args.check:
        current = target.read_bytes() if target.exists() else b""
        print("up to date" if current == data else f"{target} is out of date: run scripts/{script}")
        return 0 if current == data else 1
    target.write_bytes(data)
    print(f"wrote {target} ({len(data) / 1e6:.2f} MB)")
    return 0
