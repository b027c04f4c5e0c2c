"""Publication dates as news sites print them, read into a date and its precision: ``2023``
is a year, ``2023-09`` a month, ``2023-09-01``, an ISO datetime or "1 de septiembre de
2023" a day. A period is held as its first day, with the precision saying how much of it
is known. Anything else, trailing text or an impossible day included, is refused with
one line saying why: a wrong date would silently move every "on Sunday" in the article."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, ValidationError

from .models import Precision


class DateWords(BaseModel):
    """One language's words in written dates (see ``data/dates.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    months: dict[int, list[str]]
    weekdays: list[str] = []
    fillers: list[str] = []
    ordinals: list[str] = []


class DateTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    zones: list[str]
    languages: dict[str, DateWords]


class DateError(ValueError):
    """A value that is not a date factcheck reads; the message says why in one line."""


_NUMERIC = re.compile(r"(\d{4})(?:([-/])(\d{1,2})(?:\2(\d{1,2}))?)?")
_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?")
_TIME = re.compile(r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?")
HINT = "write YYYY-MM-DD, YYYY-MM, YYYY or a date such as '1 September 2023'"


def fold(word: str) -> str:
    """Lower case without accents, as the table's words are matched.

    >>> fold("Février"), fold("1º")
    ('fevrier', '1o')
    """
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def table() -> DateTable:
    """The date words of every language, loaded once from ``data/dates.yaml``."""
    from . import safeyaml

    text = (resources.files("factcheck") / "data" / "dates.yaml").read_text(encoding="utf-8")
    try:
        return DateTable.model_validate(safeyaml.load(text))
    except (safeyaml.YamlProblem, ValidationError) as err:  # pragma: no cover - shipped data
        from .errors import VocabularyError

        raise VocabularyError(f"data/dates.yaml: {err}") from err


@cache
def _words() -> tuple[dict[str, int], frozenset[str], frozenset[str], re.Pattern[str]]:
    months: dict[str, int] = {}
    skip: set[str] = set()
    ordinals: set[str] = set()
    for lang in table().languages.values():
        for number, names in lang.months.items():
            months.update((fold(n), number) for n in names)
        skip.update(fold(w) for w in (*lang.weekdays, *lang.fillers))
        ordinals.update(fold(o) for o in lang.ordinals)
    suffix = "|".join(sorted(map(re.escape, ordinals), key=len, reverse=True))
    ordinal = re.compile(rf"(?<=\d)\.?(?:{suffix})(?![^\W\d_])")
    return months, frozenset(skip), frozenset(fold(z) for z in table().zones), ordinal


def _day(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise DateError(f"{text!r} is not a real date ({err})") from err


def _written(text: str) -> tuple[dt.date, Precision]:
    months, skip, zones, ordinal = _words()
    folded = ordinal.sub("", fold(text))
    folded = _TIME.sub(" @ ", folded)  # a time of day after the date says nothing about the day
    tokens = [t for t in re.split(r"[\s,.]+", folded) if t]
    parts: list[tuple[str, int]] = []
    after_time = False
    for tok in tokens:
        if tok == "@" and parts and not after_time:
            after_time = True
        elif after_time and (tok in zones or re.fullmatch(r"(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?", tok)):
            continue
        elif after_time:
            raise DateError(f"{text!r} has {tok!r} after the time; {HINT}")
        elif tok in months:
            parts.append(("m", months[tok]))
        elif tok.isdigit() and len(tok) == 4:
            parts.append(("y", int(tok)))
        elif tok.isdigit() and len(tok) <= 2:
            parts.append(("d", int(tok)))
        elif tok in skip:
            continue
        elif len(tokens) == 1:
            raise DateError(f"{text!r} is not a date; {HINT}")
        else:
            raise DateError(f"{text!r} is not a date: {tok!r} is neither a day, a month nor a year; {HINT}")
    shape = "".join(kind for kind, _ in parts)
    values = [v for _, v in parts]
    if shape == "dmy":
        return _day(values[2], values[1], values[0], text), "day"
    if shape == "mdy":
        return _day(values[2], values[0], values[1], text), "day"
    if shape == "ymd":
        return _day(values[0], values[1], values[2], text), "day"
    if shape in ("my", "ym"):
        year, month = (values[1], values[0]) if shape == "my" else (values[0], values[1])
        return _day(year, month, 1, text), "month"
    raise DateError(f"{text!r} is not a complete date; {HINT}")


def parse_date(value: object) -> tuple[dt.date | None, Precision | None]:
    """A published date and its precision from a front matter value; ``None`` is unknown.

    >>> parse_date("2023-09")
    (datetime.date(2023, 9, 1), 'month')
    >>> parse_date("1 de septiembre de 2023")
    (datetime.date(2023, 9, 1), 'day')
    >>> parse_date("September 1, 2023")
    (datetime.date(2023, 9, 1), 'day')
    >>> parse_date("2023-09-01garbage")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    factcheck.dates.DateError: '2023-09-01garbage' is not a date; write YYYY-MM-DD, ...
    """
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DateError(f"{value!r} is not a date; {HINT}")
    text = str(value).strip()
    if not text or fold(text) in ("null", "none", "unknown", "~"):
        return None, None
    if len(text) > 100:
        raise DateError(f"a date of {len(text)} characters is not a date; {HINT}")
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        year, _, month, day = numeric.groups()
        if month is None:
            return _day(int(year), 1, 1, text), "year"
        if day is None:
            return _day(int(year), int(month), 1, text), "month"
        return _day(int(year), int(month), int(day), text), "day"
    if _ISO_TIME.fullmatch(text):
        try:
            return dt.datetime.fromisoformat(text.replace(",", ".")).date(), "day"
        except ValueError as err:
            raise DateError(f"{text!r} is not a real date and time ({err})") from err
    return _written(text)


def truncate(day: dt.date, precision: Precision) -> dt.date:
    """The first day of the period ``day`` falls in, at ``precision``.

    >>> truncate(dt.date(2023, 9, 14), "month")
    datetime.date(2023, 9, 1)
    """
    if precision == "year":
        return day.replace(month=1, day=1)
    if precision == "month":
        return day.replace(day=1)
    return day
