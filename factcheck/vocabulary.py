"""Loads the data tables under ``factcheck/data`` into typed, validated records.

The rules of extraction and reconciliation read their words from here and nowhere else,
so a vocabulary can be read, tested and extended without touching code. Tables are loaded
once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import VocabularyError


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NumberWords(_Table):
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    fixed: dict[str, float]
    multipliers: dict[str, int]
    vague: dict[str, tuple[float, float]]
    indefinite: dict[str, tuple[float, float]]

    @model_validator(mode="after")
    def _bounds_ordered(self) -> NumberWords:
        for word, (low, high) in {**self.vague, **self.indefinite}.items():
            if low >= high:
                raise ValueError(f"vague amount {word!r}: low {low} is not below high {high}")
        return self


class Qualifier(_Table):
    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    tolerance: Literal["symmetric", "below"] | None = None
    low: float | None = 1
    high: float | None = 1
    open_low: bool = False
    open_high: bool = False
    change: Literal["=", "~", ">", "<"]


class Qualifiers(_Table):
    qualifiers: dict[str, Qualifier]


class Currency(_Table):
    symbols_before: list[str] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)


class Units(_Table):
    currencies: dict[str, Currency]
    units: dict[str, list[str]]


class EventClass(_Table):
    frame: str
    cumulative: bool = False
    trend: Literal["up", "down"] | None = None
    forms: list[str]


class Events(_Table):
    events: dict[str, EventClass]


class SubjectClass(_Table):
    names: list[str]
    broader: list[str] = Field(default_factory=list)
    role: bool = False


class Subjects(_Table):
    classes: dict[str, SubjectClass]

    @model_validator(mode="after")
    def _broader_known(self) -> Subjects:
        for name, cls in self.classes.items():
            for parent in cls.broader:
                if parent not in self.classes:
                    raise ValueError(f"class {name!r}: broader class {parent!r} is not defined")
        return self


class Attribution(_Table):
    prefix: list[str]
    verbs: list[str]
    generic_sources: list[str]
    trailing_cues: list[str]
    pronouns: list[str]


class Grammar(_Table):
    phrase_breaks: frozenset[str]
    determiners: frozenset[str]
    auxiliaries: frozenset[str]
    relative: frozenset[str]
    label_words: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    time_words: frozenset[str]
    abbreviations: frozenset[str]
    adverbial_openers: frozenset[str]
    elided_heads: frozenset[str]
    conjunctions: frozenset[str]
    subject_modifiers: frozenset[str]
    irregular_verbs: frozenset[str]


class Places(_Table):
    facility_words: list[str]
    nationwide: list[str]
    capital_words: list[str]
    country_aliases: dict[str, str]
    place_kinds: frozenset[str]
    irregular_demonyms: dict[str, str]


TABLES: dict[str, type[_Table]] = {
    "numbers": NumberWords,
    "qualifiers": Qualifiers,
    "units": Units,
    "events": Events,
    "subjects": Subjects,
    "attribution": Attribution,
    "grammar": Grammar,
    "places": Places,
}


def _read(name: str) -> Any:
    path = resources.files("factcheck") / "data" / f"{name}.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise VocabularyError(f"data/{name}.yaml: {err}") from err


@cache
def load(name: str) -> Any:
    """The table ``name`` (one of :data:`TABLES`) as its typed record.

    >>> load("qualifiers").qualifiers["at_least"].change
    '>'
    """
    if name not in TABLES:
        raise VocabularyError(f"no data table named {name!r}")
    try:
        return TABLES[name].model_validate(_read(name))
    except ValidationError as err:
        raise VocabularyError(f"data/{name}.yaml: {err}") from err


def numbers() -> NumberWords:
    return load("numbers")  # type: ignore[no-any-return]


def qualifiers() -> Qualifiers:
    return load("qualifiers")  # type: ignore[no-any-return]


def units() -> Units:
    return load("units")  # type: ignore[no-any-return]


def events() -> Events:
    return load("events")  # type: ignore[no-any-return]


def subjects() -> Subjects:
    return load("subjects")  # type: ignore[no-any-return]


def attribution() -> Attribution:
    return load("attribution")  # type: ignore[no-any-return]


def grammar() -> Grammar:
    return load("grammar")  # type: ignore[no-any-return]


def places() -> Places:
    return load("places")  # type: ignore[no-any-return]
