"""The time words of each language (``data/<language>/times.yaml``) as typed records, and
the offset-keeping text folding that time and place matching run on."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from .. import vocabulary
from ..errors import VocabularyError
from ..models import Precision

Kind = Literal["date", "weekday", "relative_day", "year", "month", "clock", "period", "now"]
Relation = Literal["since", "as_of", "until"]


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression: ``body[start:end] == text``. ``date`` is the day it resolves to
    at ``precision`` (a year is held as 1 January at year precision); ``relation`` is the
    word before it that ties a figure to it ("since Thursday" is ``since``); ``event`` is
    set when it dates an event noun beside it."""

    start: int
    end: int
    text: str
    kind: Kind
    date: dt.date | None = None
    precision: Precision | None = None
    year: int | None = None
    period: bool = False
    relation: Relation | None = None
    event: bool = False
    """The time says when an event happened ("the 1985 quake", "el sismo del 19 de
    septiembre"), not when a figure was counted."""
    in_clause: bool = False
    """The event time stands inside a relative clause of its own ("la valanga che il 18
    gennaio ha travolto l'hotel"): however long ago, it dates that clause's event and never
    a figure of the sentence around it."""
    reported: bool = False
    """The time follows a reporting verb ("said Tuesday", "informó este lunes", "raised the
    toll on Sunday"): when a figure was given out, which is when it holds."""
    part: str | None = None
    """The part of the day written with a weekday or relative day, as written ("night" of
    "Monday night", "por la noche" of "ayer por la noche")."""


@lru_cache(maxsize=4096)
def _flat_char(c: str) -> str:
    if not c.isalpha():
        return c
    low = c.lower()
    if len(low) != 1:
        return c
    base = "".join(x for x in unicodedata.normalize("NFD", low) if not unicodedata.combining(x))
    return base if len(base) == 1 else low


def flat(text: str) -> str:
    """Lower case without accents, one character for one, so offsets into the folded text
    are offsets into the original.

    >>> flat("Miércoles 19 de SEPTIEMBRE"), len(flat("İ")) == len("İ")
    ('miercoles 19 de septiembre', True)
    """
    if text.isascii():
        return text.lower()
    return _flat_other(text)


@lru_cache(maxsize=1024)
def _flat_other(text: str) -> str:
    """A text with non-ASCII characters, folded: a sentence is folded by the time layer and
    again by the background test, and a look-up is cheaper than a translation."""
    return text.translate(_FLAT_TABLE)


class _FlatTable(dict[int, str]):
    """Code point -> folded character, filled on first sight, for ``str.translate``."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _flat_char(chr(code))
        return folded


_FLAT_TABLE = _FlatTable()


def _key(phrase: str) -> str:
    return re.sub(r"\s+", " ", flat(phrase).strip())


class PeriodSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    years: int | None = None
    now: bool = False
    recent: bool = False
    """A stretch the story itself spans ("last week"): when its events happened, not an
    era of other figures."""


class TimeWords(BaseModel):
    """One language's time words; every phrase key is folded (see :func:`flat`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_modifiers: dict[str, Literal["back", "last", "week", "next"]]
    relative_days: dict[str, int]
    day_parts: list[str]
    day_parts_before: list[str]
    relations: dict[str, Relation]
    periods: dict[str, PeriodSpec]
    month_prepositions: list[str]
    year_prepositions: frozenset[str]
    count_leads: list[str]
    clock_prefixes: list[str]
    clock_suffixes: list[str]
    weak_clock_suffixes: frozenset[str]
    clock_articles: list[str] = []
    dateline_months: dict[str, int] = {}
    capitalised_months: bool
    date_order: Literal["mdy", "dmy"]
    event_nouns: frozenset[str]
    event_verbs: frozenset[str]
    event_moments: list[str]
    same_year: list[str]
    when_words: list[str]
    earlier_auxiliaries: frozenset[str]
    days_after: dict[str, int]
    anaphoric_days: frozenset[str]
    continued_openers: frozenset[str] = frozenset()
    update_words: frozenset[str] = frozenset()
    last_week: list[str] = []
    moment_states: frozenset[str] = frozenset()
    complementisers: frozenset[str] = frozenset()
    when_clauses: frozenset[str] = frozenset()
    approximate_times: list[str] = []
    plan_words: list[str] = []
    relatives: frozenset[str] = frozenset()

    @field_validator(
        "months",
        "weekdays",
        "weekday_modifiers",
        "relative_days",
        "relations",
        "periods",
        "days_after",
        "dateline_months",
        mode="before",
    )
    @classmethod
    def _fold_keys(cls, table: Any) -> Any:
        if not isinstance(table, dict):
            return table
        out: dict[str, Any] = {}
        for k, v in table.items():
            key = _key(str(k))
            if key in out and out[key] != v:
                raise ValueError(f"{k!r} is given twice with different values")
            out[key] = v
        return out

    @field_validator(
        "day_parts",
        "day_parts_before",
        "month_prepositions",
        "year_prepositions",
        "count_leads",
        "clock_prefixes",
        "clock_suffixes",
        "weak_clock_suffixes",
        "clock_articles",
        "event_nouns",
        "event_verbs",
        "event_moments",
        "same_year",
        "when_words",
        "earlier_auxiliaries",
        "anaphoric_days",
        "continued_openers",
        "update_words",
        "last_week",
        "moment_states",
        "complementisers",
        "when_clauses",
        "approximate_times",
        "plan_words",
        "relatives",
        mode="before",
    )
    @classmethod
    def _fold_list(cls, words: Any) -> Any:
        return [_key(str(w)) for w in words] if isinstance(words, list) else words

    @model_validator(mode="after")
    def _consistent(self) -> TimeWords:
        if sorted(set(self.weekdays.values())) != list(range(7)):
            raise ValueError("weekdays must name each day 0 (Monday) .. 6 (Sunday)")
        if sorted(set(self.months.values())) != list(range(1, 13)):
            raise ValueError("months must name each month 1..12")
        if not self.weak_clock_suffixes <= set(self.clock_suffixes):
            raise ValueError("weak_clock_suffixes must be clock_suffixes too")
        if not self.anaphoric_days <= set(self.relative_days):
            extra = sorted(self.anaphoric_days - set(self.relative_days))
            raise ValueError(f"anaphoric_days must be relative_days: {extra}")
        calendar = set(self.months) | set(self.weekdays) | set(self.relative_days)
        for name, words in (("continued_openers", self.continued_openers), ("update_words", self.update_words)):
            if words & calendar:
                raise ValueError(f"{name} must be no time words: {sorted(words & calendar)}")
        clash = set(self.months) & set(self.weekdays)
        if clash:
            raise ValueError(f"both a month and a weekday: {sorted(clash)}")
        return self


def languages(name: str = "times") -> list[str]:
    """Languages that have their own ``data/<lang>/<name>.yaml`` (time words by default)."""
    root = resources.files("factcheck") / "data"
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / f"{name}.yaml").is_file())


def words_language(language: str | None, name: str = "times") -> str:
    """The language folder whose ``name``.yaml reads ``language``: its own, else its
    fallback's (data/languages.yaml: Portuguese is read with Spanish), else English."""
    known = vocabulary.languages()
    have = set(languages(name))
    code, seen = language or "en", set()
    while code not in have and code in known and code not in seen:
        seen.add(code)
        code = known[code].fallback or "en"
    return code if code in have else "en"


@cache
def time_words(language: str | None) -> TimeWords:
    """The time words of ``language`` (ISO 639-1), or of the language that reads it.

    >>> time_words("es").weekdays["miercoles"], time_words("xx").months["march"], time_words("gl").months["marzo"]
    (2, 3, 3)
    """
    lang = words_language(language)
    path = resources.files("factcheck") / "data" / lang / "times.yaml"
    try:
        table = vocabulary.parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise VocabularyError(f"data/{lang}/times.yaml: {err}") from err
    cal = calendars().get(language or "en")
    if cal is not None:
        table = _with_calendar(table, cal)
    try:
        return TimeWords.model_validate(table)
    except ValidationError as err:
        extra = f" with data/calendars.yaml {language}" if cal is not None else ""
        raise VocabularyError(f"data/{lang}/times.yaml{extra}: {err}") from err


@cache
def calendars() -> dict[str, dict[str, Any]]:
    """Calendar words (months, weekdays, relative days) of the languages read with another
    language's time grammar, from data/calendars.yaml (generated from dateparser's data).

    >>> calendars()["pt"]["weekdays"]["terça-feira"]
    1
    """
    path = resources.files("factcheck") / "data" / "calendars.yaml"
    try:
        table = vocabulary.parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise VocabularyError(f"data/calendars.yaml: {err}") from err
    if not isinstance(table, dict) or not isinstance(table.get("calendars"), dict):
        raise VocabularyError("data/calendars.yaml: must hold a 'calendars' table by language")
    return dict(table["calendars"])


def _with_calendar(table: dict[str, Any], cal: dict[str, Any]) -> dict[str, Any]:
    """A language's calendar words (data/<lang>/calendar.yaml, from dateparser's data) added
    to the time grammar that reads it: its month and weekday names and its relative days."""
    out = dict(table)
    for key in ("months", "weekdays", "relative_days"):
        out[key] = {**(table.get(key) or {}), **(cal.get(key) or {})}
    return out
