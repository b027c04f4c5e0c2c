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
# factcheck's pint names onto it (a name not listed is written with its underscores as
# spaces, so "mile_per_hour" reads "mile per hour"). Counts are scored with the counted
# noun phrase as unit.
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
    "NZD": "new zealand dollar",
    "SGD": "singaporean dollar",
    "CHF": "swiss franc",
    "HKD": "hong kong dollar",
    "MYR": "malaysian ringgit",
    "ILS": "shekel",
    "DKK": "danish krone",
    "NOK": "norwegian krone",
    "SEK": "swedish krona",
    "ZAR": "south african rand",
    "KRW": "south korean won",
    "MXN": "mexican peso",
    "BRL": "brazilian real",
    "RUB": "russian ruble",
    "cent": "cent",
    # NewsQuant writes a price in pence ("118.5p") as points
    "penny": "point",
    "sen": "sen",
    "kilometer": "kilometre",
    "meter": "metre",
    "centimeter": "centimetre",
    "millimeter": "millimetre",
    "liter": "litre",
    "milliliter": "millilitre",
    "metric_ton": "metric ton",
    "pound": "pound-mass",
    "degree_Celsius": "celsius",
    "degree_Fahrenheit": "fahrenheit",
    "kilometer ** 2": "square kilometre",
    "mile ** 2": "square mile",
    "meter ** 2": "square metre",
    "foot ** 2": "square foot",
    "foot ** 3": "cubic foot",
    "meter ** 3": "cubic metre",
    "meter * newton": "newton metre",
    "metric_horsepower": "horsepower",
    "kilowatt_hour": "kilowatt hour",
    "kip_per_square_inch": "kilopound per square inch",
    "gigametric_ton": "gigaton",
    "milliampere_hour": "milliampere-hour",
    "foot_pound": "foot pound-force",
    "revolutions_per_minute": "revolution per minute",
    "ppm": "parts per million",
    "ppb": "parts-per-billion",
    "basis_point": "basis point",
    # denominators that are no unit
    "mmbtu": "mega british thermal unit",
}

# NewsQuant names some units by how they are written, not by what they measure
UNIT_TEXT_NAMES = {"bhp": "brake horsepower", "pound-feet": "pound-foot", "pound-foot": "pound-foot"}

# NewsQuant's names for counted nouns and abbreviations that factcheck keeps as written
COUNT_NAMES = {
    "time": "count",
    "times": "count",
    "ppg": "point per game",
    "rpg": "rebound per game",
    "apg": "assist per game",
    "war": "win above replacement",
    "td": "touch down",
    "tds": "touch down",
}

# NewsQuant's counted noun phrase leaves out function words ("one of the best wireless
# speakers around" counts "good wireless speaker") and runs to the end of the clause
# after "one of"
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "ever",
        "most",
        "more",
        "very",
        "his",
        "her",
        "their",
        "its",
        "my",
        "our",
        "your",
        "this",
        "these",
        "those",
        "around",
        "about",
        "some",
    ]
)
_CLAUSE_END = frozenset(
    [
        "but",
        "with",
        "who",
        "that",
        "which",
        "while",
        "so",
        "when",
        "where",
        "because",
        "as",
        "after",
        "since",
        "if",
        "than",
    ]
)
_SUPERLATIVES = {"best": "good", "worst": "bad"}


def _lemma(word: str) -> str:
    """ "proudest" -> "proud", "hottest" -> "hot", "largest" -> "large", "earliest" -> "early"."""
    w = word.lower()
    if w in _SUPERLATIVES:
        return _SUPERLATIVES[w]
    if len(w) < 6 or not w.endswith("est"):
        return word
    stem = w[:-3]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        return stem[:-1]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if stem.endswith(("rg", "at", "os", "in", "id", "ar", "ur", "ag")):
        return stem + "e"
    return stem


def counted_phrase(words: list[str]) -> str:
    """The counted noun phrase as NewsQuant writes it, from the words after the number: up
    to the head noun ("600 people worldwide" counts people), less past participles and
    adverbs ("approximately 300 recorded songs" counts songs); after "one of the" and a superlative,
    the whole clause ("one of the proudest moments in his life")."""
    partitive = bool(words) and words[0].lower() == "of"
    superlative = partitive and any(_lemma(w) != w or w.lower() == "most" for w in words)
    out = []
    for k, w in enumerate(words):
        low = w.lower()
        if low in _CLAUSE_END and k:
            break
        if low in _STOP:
            continue
        w = re.sub(r"['’]s$", "", w)
        low = w.lower()
        if superlative:
            out.append(_lemma(w))
            continue
        head = low == "people" or (singular(low) != low and not low.endswith("ss"))
        if not head and len(low) > 4 and "-" not in low and low.endswith(("ed", "ly")) and not low.endswith("eed"):
            continue  # "recorded songs", "decently sized plants": not part of what is counted
        out.append(w)
        if head:
            break
    return " ".join(out)


_WORD = re.compile(r"[\w'’-]+|[^\w\s]")


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


def unit_name(unit: str) -> str:
    return UNIT_NAMES.get(unit, unit.replace("_", " ").replace(" / ", " per "))


def count_unit(c, text: str) -> str:  # type: ignore[no-untyped-def]
    """A count's unit: the counted noun phrase, or "-"."""
    q = c.quantity
    compound = re.match(r"-([A-Za-z]+)\b", text[q.end :])
    if compound:
        # "a four-cylinder engine", "a 12-page document": the noun joined to the number
        return singular(compound.group(1).lower())
    if c.subject_text and c.subject_start is not None and c.subject_start >= q.end:
        words = _WORD.findall(text[q.end : c.subject_end])
    else:
        words = _WORD.findall(text[q.end :])
        if not words or words[0].lower() != "of":
            words = []
        else:
            stop = next((k for k, w in enumerate(words) if not (w[0].isalnum() or w[0] in "'’")), len(words))
            words = words[:stop]
    if q.per is not None:
        # "times a minute": the rate's words are the denominator, not the counted noun
        cut = next((k for k, w in enumerate(words) if w.lower() in ("a", "an", "per", "every", "each")), len(words))
        words = words[:cut]
    if c.subject_text and c.subject_start is not None and c.subject_start >= q.end and words and words[0] == "of":
        # "one of the best wireless speakers around": the clause after "one of"
        rest = _WORD.findall(text[q.end :])
        stop = next((k for k, w in enumerate(rest) if not (w[0].isalnum() or w[0] in "'’")), len(rest))
        words = rest[:stop]
    phrase = counted_phrase([w for w in words if w[0].isalnum() or w[0] in "'’"])
    if not phrase:
        return "-"
    low = phrase.lower()
    if low in COUNT_NAMES:
        return COUNT_NAMES[low]
    if low == "people":
        return low
    return " ".join(w if w == "people" else singular(w) for w in low.split())


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
            written = (q.unit_text or "").lower().replace(" - ", "-")  # tokens joined by spaces
            unit = UNIT_TEXT_NAMES.get(written, unit_name(q.unit))
        else:
            unit = count_unit(c, text)
        if q.per is not None and unit != "-":
            unit = f"{unit} per {unit_name(q.per)}"
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
