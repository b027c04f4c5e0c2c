"""Score factcheck and quantulum3 on NewsQuant in the same run, with the reference scorer
in ../shared/tools/newsquant.py. Evaluation only: nothing here ships in the package.

    .venv/bin/python benchmarks/newsquant_eval.py [--gold PATH] [--out DIR]

Writes DIR/factcheck.jsonl and DIR/quantulum3.jsonl (the scorer's prediction format) and
prints one JSON line of P/R/F1 per system, plus sentences and characters per second."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

from factcheck import Document, vocabulary
from factcheck.extraction import extract_document
from factcheck.extraction.subjects import singular

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# The scorer compares normalised unit names with NewsQuant's vocabulary; these map
# factcheck's pint names onto it. Counts are scored with the counted noun as unit.
UNIT_NAMES = {
    "percent": "percentage",
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "INR": "indian rupee",
    "CAD": "canadian dollar",
    "AUD": "australian dollar",
    "CHF": "swiss franc",
    "cent": "cent",
    "kilometer": "kilometre",
    "meter": "metre",
    "centimeter": "centimetre",
    "millimeter": "millimetre",
    "liter": "litre",
    "metric_ton": "metric ton",
    "pound": "pound-mass",
    "degree_Celsius": "celsius",
    "degree_Fahrenheit": "fahrenheit",
    "kilometer / hour": "kilometre per hour",
    "mile / hour": "mile per hour",
    "kilometer ** 2": "square kilometre",
    "mile ** 2": "square mile",
    "kilowatt_hour": "kilowatt hour",
    "HKD": "hong kong dollar",
    "MYR": "malaysian ringgit",
    "kip_per_square_inch": "kilopound per square inch",
    "gigametric_ton": "gigaton",
    "milliampere_hour": "milliampere-hour",
    "foot_pound": "foot pound-force",
    "revolutions_per_minute": "revolution per minute",
}


@cache
def _hedges() -> tuple[str, ...]:
    quals = vocabulary.qualifiers("en").qualifiers
    return tuple(p.lower() for name in ("approximately", "nearly") for p in quals[name].before)


@cache
def _change_nouns() -> frozenset[str]:
    return frozenset(f for ev in vocabulary.events("en").events.values() if ev.trend for f in ev.forms)


def change_of(claim, text: str) -> str:  # type: ignore[no-untyped-def]
    """NewsQuant's change symbol. A range is "=" whatever its trend ("from 240 to 273"), "~"
    when hedged ("about 2000 - 2500"); a direction outranks an approximation ("up nearly
    57%") but not when it is a noun after the figure ("a 3 percent drop": the size of the
    drop, "="); a signed percentage is a fall."""
    q = claim.quantity
    if q.qualifier == "range":
        return "~" if q.text.lower().startswith(_hedges()) else "="
    after = re.match(r"\s*(\w+)", text[q.end :])
    if q.trend and not (after and after.group(1).lower() in _change_nouns()):
        return q.trend
    if q.unit == "percent" and q.value is not None and q.value < 0:
        return "down"
    if q.qualifier in ("approximately", "nearly"):
        return "~"
    if q.qualifier in ("at_least", "more_than"):
        return ">"
    if q.qualifier in ("at_most", "less_than"):
        return "<"
    return "="


def predictions(text: str) -> list[dict[str, object]]:
    out = []
    for c in extract_document(Document(id="s", body=text)):
        q = c.quantity
        if q.value is not None:
            value: object = q.value
            mid = q.value
        elif q.low is not None and q.high is not None:
            value, mid = [q.low, q.high], (q.low + q.high) / 2
        else:
            continue
        if q.unit == "year" and "old" in (q.unit_text or "").lower():
            unit = "year of age"
        elif q.unit is not None:
            unit = UNIT_NAMES.get(q.unit, q.unit.replace("_", " ").replace(" / ", " per "))
        elif c.subject_text:
            # NewsQuant's unit for a count is the counted noun as written ("people", not "person")
            word = c.subject_text.split(" and ")[0].split()[-1].lower()
            unit = word if word == "people" else singular(word)
        else:
            unit = "-"
        out.append({"value": value, "mid": mid, "unit": unit, "change": change_of(c, text), "surface": q.text})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=SHARED / "data/newsquant/formatted_test_set/NewsQuant.json")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scorer = SHARED / "tools" / "newsquant.py"
    if not args.gold.exists() or not scorer.exists():
        print(f"needs {args.gold} and {scorer} (../shared beside the checkout)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    texts = [g["text"] for g in gold]
    predictions("warm up: 3 km and $5, in Ecuador.")
    times = []
    preds: list[list[dict[str, object]]] = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        preds = [predictions(x) for x in texts]
        times.append(time.perf_counter() - t)
    ours = args.out / "factcheck.jsonl"
    ours.write_text("".join(json.dumps({"text": x, "preds": p}) + "\n" for x, p in zip(texts, preds, strict=True)))
    chars = sum(len(x) for x in texts)
    best = sorted(times)[len(times) // 2]
    print(
        json.dumps(
            {
                "system": "factcheck",
                "sentences": len(texts),
                "chars": chars,
                "median_s": round(best, 3),
                "sent_per_s": round(len(texts) / best, 1),
                "chars_per_s": round(chars / best),
            }
        )
    )
    subprocess.run([sys.executable, str(scorer), "score", str(args.gold), str(ours)], check=True)
    theirs = args.out / "quantulum3.jsonl"
    try:
        import quantulum3  # noqa: F401
    except ImportError:
        print("quantulum3 is not installed (pip install -e '.[bench]'); skipping the baseline", file=sys.stderr)
        return 0
    subprocess.run(
        [
            sys.executable,
            str(scorer),
            "predict",
            "quantulum3",
            str(args.gold),
            str(theirs),
            "--repeat",
            str(args.repeat),
        ],
        check=True,
    )
    subprocess.run([sys.executable, str(scorer), "score", str(args.gold), str(theirs)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
