"""Writes ``factcheck/data/calendars.yaml``: for each language read with another's time
grammar (a ``fallback`` in data/languages.yaml, no times.yaml of its own), its month names,
weekday names and relative days ("ontem", "ahir"), taken from dateparser's language data
(CLDR-derived, maintained for some 200 languages). Run by hand when a language is added;
dateparser is needed only here (``pip install dateparser``), never at run time.

    .venv/bin/python scripts/calendar_from_dateparser.py

What is kept of dateparser's entries, and why:
- full forms only (four letters or more): its abbreviations ("mar", "lun", "Lu", "mo") are
  ordinary words in running text ("el mar", "tu") and match far more than dates;
- relative days in the past or today only ("1 day ago", "0 day ago"): a figure does not hold
  on a future day, and "mañana" is also "morning";
- words that are both a month and a weekday in the language are dropped from both.
"""

from __future__ import annotations

import importlib
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_AGO = re.compile(r"^(\d+) day ago$")


def _fold(word: str) -> str:
    low = word.lower()
    return "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))


_WORDS = re.compile(r"[^\W\d_]+(?:[- '’][^\W\d_]+)*")
_PREPOSITION = re.compile(r"^(?:de |d['’])")


def _full(words: list[str]) -> list[str]:
    """Full forms, as dateparser writes them, each folded form once, in its order. The
    longest form is always kept ("may", "mai" are whole month names); a form with a
    preposition glued on ("de gener", "d'abril") is left to the time grammar; a form that
    begins a longer one of the same entry is dropped ("segunda" of "segunda-feira": alone
    it is the ordinal)."""
    forms = [w.strip().rstrip(".").lower() for w in words]
    forms = [w for w in forms if _WORDS.fullmatch(w) and not _PREPOSITION.match(w)]
    longest = max(forms, key=len, default="")
    seen: set[str] = set()
    out = []
    for w in forms:
        if len(w) < 4 and w != longest:
            continue
        if any(o != w and re.match(re.escape(w) + r"[- ]", o) for o in forms):
            continue
        if _fold(w) not in seen:
            seen.add(_fold(w))
            out.append(w)
    return out


def calendar(lang: str) -> dict[str, dict[str, int]]:
    """The month, weekday and relative-day tables of ``lang`` from dateparser's data."""
    info = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
    months = {w: i + 1 for i, m in enumerate(MONTHS) for w in _full(info.get(m, []))}
    weekdays = {w: i for i, d in enumerate(WEEKDAYS) for w in _full(info.get(d, []))}
    clash = {_fold(w) for w in months} & {_fold(w) for w in weekdays}
    relative: dict[str, int] = {}
    for key, words in info.get("relative-type", {}).items():
        m = _AGO.match(key)
        if m:
            for w in _full(words):
                relative.setdefault(w, -int(m[1]))
    return {
        "months": {w: n for w, n in months.items() if _fold(w) not in clash},
        "weekdays": {w: n for w, n in weekdays.items() if _fold(w) not in clash},
        "relative_days": relative,
    }


def _table(name: str, table: dict[str, int]) -> str:
    items = ", ".join(f'"{w}": {n}' for w, n in table.items())
    return f"    {name}: {{{items}}}\n"


def render(langs: list[str]) -> str:
    """The calendars file for ``langs``, with the comment that opens every data file."""
    import dateparser

    head = (
        "# Calendar words of the languages read with another language's time grammar (a fallback\n"
        "# in languages.yaml and no <lang>/times.yaml), by ISO 639-1 code:\n"
        "#   months: month names -> 1..12; weekdays: weekday names -> 0 (Monday) .. 6 (Sunday);\n"
        "#   relative_days: words naming a day counted from the published date -> offset in days.\n"
        "# Read by factcheck/extraction/timewords.py, added to the fallback's time words, so that\n"
        '# "na manhã desta quinta-feira" or "ahir" is a day. Generated from dateparser\'s language\n'
        f"# data (dateparser {dateparser.__version__}) by scripts/calendar_from_dateparser.py: full forms\n"
        "# only, past and present days only. Do not edit by hand: edit or rerun the script.\n"
        "calendars:\n"
    )
    return head + "".join(f"  {lang}:\n" + "".join(_table(k, v) for k, v in calendar(lang).items()) for lang in langs)


def _read_with_fallback() -> list[str]:
    """The languages of data/languages.yaml with a fallback and no times.yaml of their own."""
    import yaml

    data = ROOT / "factcheck" / "data"
    langs = yaml.safe_load((data / "languages.yaml").read_text(encoding="utf-8"))["languages"]
    return sorted(k for k, v in langs.items() if v.get("fallback") and not (data / k / "times.yaml").is_file())


def main(argv: list[str]) -> int:
    langs = argv or _read_with_fallback()
    path = ROOT / "factcheck" / "data" / "calendars.yaml"
    path.write_text(render(langs), encoding="utf-8")
    print(path.relative_to(ROOT), " ".join(langs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
