"""Build factcheck/data/langid.xz, the language identification model factcheck reads at run
time, from py3langid's (naive Bayes over byte n-grams, found by a finite automaton), cut to
the languages factcheck chooses from (factcheck.language.LANGUAGES). factcheck scores it
in pure Python (factcheck/langmodel.py), so an install carries neither py3langid nor the
numpy it needs (73 MB installed).

Run it when LANGUAGES changes or to take a newer py3langid model; a test
(tests/test_langmodel.py) rebuilds the file when the pinned py3langid is installed and fails
if it differs:

    .venv/bin/pip install py3langid==0.4.0
    .venv/bin/python scripts/build_langid.py

The file is an LZMA stream: one line of JSON (the languages, the array lengths and types),
then the arrays, little-endian: the automaton's distinct rows of 256 next states (uint32),
each state's row (uint16), each state's feature or -1 (int32), the languages' priors
(float32), and each feature's weight per language (float32, from the model's float16)."""

from __future__ import annotations

import json
import lzma
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generated import write_or_check  # noqa: E402  # scripts/generated.py, beside this script

from factcheck.language import LANGUAGES  # noqa: E402

TARGET = ROOT / "factcheck" / "data" / "langid.xz"


def build() -> bytes:
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE  # type: ignore[import-untyped]
    from py3langid.modelio import load_model  # type: ignore[import-untyped]

    ptc, pc, classes, _, _, out = load_model(MODEL_DIR / MODEL_FILE)
    keep = [i for i, c in enumerate(classes) if c in set(LANGUAGES)]
    chosen = [classes[i] for i in keep]
    if len(set(chosen)) != len(chosen):
        raise SystemExit(f"a language has two columns in the model: {chosen}")
    # the automaton as the model file keeps it: distinct rows, and each state's row
    with lzma.open(MODEL_DIR / MODEL_FILE) as src, np.load(src, allow_pickle=False) as data:
        rows = np.asarray(data["nextmove"], dtype="<u4")
        row_of = np.asarray(data["nextmove_row"], dtype="<u2")
    arrays = {
        "rows": rows.ravel(),
        "row_of": row_of.ravel(),
        "feature": np.asarray(out, dtype="<i4"),
        "prior": np.asarray(pc[keep], dtype="<f4"),
        "weights": np.ascontiguousarray(np.asarray(ptc[:, keep], dtype="<f4")).ravel(),
    }
    header = {
        "source": f"py3langid {version('py3langid')}",
        "languages": chosen,
        "arrays": [[name, str(a.dtype), int(a.size)] for name, a in arrays.items()],
    }
    blob = json.dumps(header).encode("utf-8") + b"\n" + b"".join(a.tobytes() for a in arrays.values())
    return lzma.compress(blob, format=lzma.FORMAT_XZ, preset=9)


def main() -> int:
    return write_or_check(TARGET, lambda: build(), "build_langid.py", __doc__)


if __name__ == "__main__":
    sys.exit(main())
