"""Loads the data tables under ``factcheck/data`` into typed, validated records.

Language data lives in one folder per language (``data/en/``, ``data/es/``), each with the
same files and keys, in the manner of dateparser's per-language tables. What does not
depend on the language lives beside them in one neutral file each: the closed list of
event classes (``event_classes.yaml``), the taxonomy of what is counted
(``subject_classes.yaml``) and what each qualifier means (``qualifier_classes.yaml``). A
language's files map its words onto those English class names, so a Spanish and an English
claim about the same figure get the same key.

The rules of extraction and reconciliation read their words from here and nowhere else,
so a vocabulary can be read, tested and extended without touching code. Tables are loaded
once per process."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import VocabularyError

DEFAULT_LANGUAGE = "en"


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NumberRange(_Table):
    before: str = ""
    between: str
    not_after_change: bool = False
    """The pair is two figures, the old and the new, after a word of change ("subió de 350
    a 413"): a language whose range form is also how it writes a change."""


class NumberWords(_Table):
    units: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int] = Field(default_factory=dict)
    scales: dict[str, int]
    fixed: dict[str, float]
    approximate: list[str] = Field(default_factory=list)
    multipliers: dict[str, int]
    vague: dict[str, tuple[float, float]]
    indefinite: dict[str, tuple[float, float]]
    connectors: list[str] = Field(default_factory=list)
    decimal_separator: Literal[".", ","] = "."
    thousands_separator: Literal[",", ".", " "] = ","
    space_groups: bool = False
    """Whether digits grouped by a space ("3 600", with a no-break space in print) are one
    number, as French writes them."""
    ranges: list[NumberRange] = Field(default_factory=list)
    change_words: list[str] = Field(default_factory=list)
    changes_new_first: list[NumberRange] = Field(default_factory=list)
    range_articles: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    fractions: dict[str, int] = Field(default_factory=dict)
    negative: list[str] = Field(default_factory=list)
    negative_after: list[str] = Field(default_factory=list)
    fraction_joints: list[str] = Field(default_factory=list)
    fraction_alone: dict[str, list[str]] = Field(default_factory=dict)
    half_after: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _bounds_ordered(self) -> NumberWords:
        for word, (low, high) in {**self.vague, **self.indefinite}.items():
            if low >= high:
                raise ValueError(f"vague amount {word!r}: low {low} is not below high {high}")
        if self.decimal_separator == self.thousands_separator:
            raise ValueError("the decimal and thousands separators must differ")
        return self


class Identifiers(_Table):
    """Numbers that name a thing (``data/<lang>/identifiers.yaml``)."""

    before: frozenset[str]
    after: frozenset[str]
    streets: frozenset[str]
    score_words: frozenset[str]


class QualifierClass(_Table):
    tolerance: Literal["symmetric", "below"] | None = None
    low: float | None = 1
    high: float | None = 1
    open_low: bool = False
    open_high: bool = False
    change: Literal["=", "~", ">", "<"]


class QualifierClasses(_Table):
    qualifiers: dict[str, QualifierClass]


class QualifierWords(_Table):
    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)


class QualifierTable(_Table):
    qualifiers: dict[str, QualifierWords]


class Qualifier(QualifierClass):
    """A qualifier's words in one language with its meaning (the merged record)."""

    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)


class Qualifiers(_Table):
    qualifiers: dict[str, Qualifier]


class Currency(_Table):
    symbols_before: list[str] = Field(default_factory=list)
    symbols_after: list[str] = Field(default_factory=list)
    glued_before: list[str] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)
    scale_words: list[str] = Field(default_factory=list)
    subunit_of: str | None = None


class Rates(_Table):
    """Words that open a rate's denominator ("$58.24 a barrel", "por habitante")."""

    per: list[str] = Field(default_factory=list)
    weak: list[str] = Field(default_factory=list)
    nouns: dict[str, str] = Field(default_factory=dict)
    adverbs: dict[str, str] = Field(default_factory=dict)


class Scale(_Table):
    """How a reading on a scale with no pint unit is written: "magnitude 7.8", "7,8 grados
    en la escala de Richter"."""

    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    noun_before: list[str] = Field(default_factory=list)
    """The thing measured and its joining word, before a reading written with a decimal
    ("un terremoto de 7,8")."""
    noun_after: list[str] = Field(default_factory=list)
    """The thing measured right after a reading written with a decimal ("a 7.8 quake")."""
    below: float | None = None
    """Every reading of the scale is below this: a larger figure beside the noun is no
    reading ("a 7.8 quake", not "the 2017 quake" or "150 quakes")."""


class Units(_Table):
    currencies: dict[str, Currency]
    units: dict[str, list[str]]
    symbols: dict[str, list[str]] = Field(default_factory=dict)
    codes_not_currency: frozenset[str] = frozenset()
    rates: Rates = Field(default_factory=Rates)
    scales: dict[str, Scale] = Field(default_factory=dict)


class EventKind(_Table):
    frame: str
    cumulative: bool = False
    fixed: bool = False
    trend: Literal["up", "down"] | None = None
    subject: str | None = None


class EventClasses(_Table):
    classes: dict[str, EventKind]

    @model_validator(mode="after")
    def _subjects_known(self) -> EventClasses:
        known = set(load("subject_classes").classes)
        for name, kind in self.classes.items():
            if kind.subject is not None and kind.subject not in known:
                raise ValueError(f"event class {name!r}: subject class {kind.subject!r} is not defined")
        return self


class EventTable(_Table):
    events: dict[str, list[str]]
    room_words: list[str] = Field(default_factory=list)
    """Words of another class that, right after a facility noun, say how many it has room
    for ("the stadium holds 38,000"): the capacity, not what happened."""


class EventClass(EventKind):
    """An event class with its words in one language (the merged record)."""

    forms: list[str]


class Events(_Table):
    events: dict[str, EventClass]


class SubjectKind(_Table):
    broader: list[str] = Field(default_factory=list)
    role: bool = False
    breakdown: bool = False
    agent: bool = False
    """Those who do what a role says was done to people (suspects, attackers): never a part
    of a count of hostages."""
    base_unit: str | None = None
    staff: str | None = None
    """For a facility: the class of those who work there, which a generic staff noun
    ("150 funcionarios secuestrados en las cárceles") counts where the sentence names one."""


class SubjectClasses(_Table):
    classes: dict[str, SubjectKind]

    @model_validator(mode="after")
    def _broader_known(self) -> SubjectClasses:
        for name, cls in self.classes.items():
            for parent in cls.broader:
                if parent not in self.classes:
                    raise ValueError(f"class {name!r}: broader class {parent!r} is not defined")
            if cls.staff is not None and cls.staff not in self.classes:
                raise ValueError(f"class {name!r}: staff class {cls.staff!r} is not defined")
        return self


class EventNoun(_Table):
    subject: str
    event: str
    persons: bool = False
    """The word names whom it happened to, an adjective or participle used as a noun ("40
    fallecidos", "27 injured"), rather than the events ("31 deaths"): the subject is then
    the class's own word."""


class SubjectTable(_Table):
    subjects: dict[str, list[str]]
    event_nouns: dict[str, EventNoun] = Field(default_factory=dict)
    staff_nouns: list[str] = Field(default_factory=list)


class SubjectClass(SubjectKind):
    """A subject class with its words in one language (the merged record)."""

    names: list[str]


class Subjects(_Table):
    classes: dict[str, SubjectClass]
    event_nouns: dict[str, EventNoun] = Field(default_factory=dict)
    staff_nouns: list[str] = Field(default_factory=list)
    """Nouns for those who work somewhere, whatever the work ("workers", "funcionarios"):
    at a facility whose class has ``staff``, they count that class."""


class Attribution(_Table):
    prefix: list[str]
    verbs: list[str]
    generic_sources: list[str]
    trailing_cues: list[str]
    pronouns: list[str]
    name_breaks: frozenset[str] = frozenset()
    audiences: list[str] = Field(default_factory=list)
    clause_openers: frozenset[str] = frozenset()
    time_openers: frozenset[str] = frozenset()
    short_tail_verbs: frozenset[str] = frozenset()
    audience_verbs: frozenset[str] = frozenset()
    participles: frozenset[str] = frozenset()
    tail_openers: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    carriers: frozenset[str] = frozenset()
    non_speakers: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    generic_heads: frozenset[str] = frozenset()
    place_adverbs: frozenset[str] = frozenset()
    expletives: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    continuations: list[str] = Field(default_factory=list)
    quoting: list[str] = Field(default_factory=list)
    revisions: frozenset[str] = frozenset()
    keeping: frozenset[str] = frozenset()
    official: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    generic_titles: frozenset[str] = frozenset()
    organisation_heads: frozenset[str] = frozenset()
    actions: list[str] = Field(default_factory=list)
    agent_markers: frozenset[str] = frozenset()
    citing: frozenset[str] = frozenset()
    gerunds: frozenset[str] = frozenset()
    back_cues: frozenset[str] = frozenset()
    back_nouns: frozenset[str] = frozenset()
    outlets: list[str] = Field(default_factory=list)


class Grammar(_Table):
    phrase_breaks: frozenset[str]
    determiners: frozenset[str]
    auxiliaries: frozenset[str]
    relative: frozenset[str]
    label_words: frozenset[str]
    number_labels: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    time_words: frozenset[str]
    abbreviations: frozenset[str]
    adverbial_openers: frozenset[str]
    elided_heads: frozenset[str]
    conjunctions: frozenset[str]
    subject_modifiers: frozenset[str]
    irregular_verbs: frozenset[str]
    partitive: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    year_context: frozenset[str] = frozenset()
    count_leads: frozenset[str] = frozenset()
    impersonal: frozenset[str] = frozenset()
    additive_places: frozenset[str] = frozenset()
    verb_endings: tuple[str, ...] = ()
    adverb_endings: tuple[str, ...] = ()
    agent_endings: tuple[str, ...] = ()
    event_gap: frozenset[str] = frozenset()
    pronoun_subjects: frozenset[str] = frozenset()
    plurals: tuple[tuple[str, str], ...] = ()
    head_position: Literal["first", "last"] = "last"
    presence: frozenset[str] = frozenset()
    place_references: frozenset[str] = frozenset()
    cause_markers: frozenset[str] = frozenset()
    declaring: frozenset[str] = frozenset()
    demonstratives: frozenset[str] = frozenset()
    superlatives: frozenset[str] = frozenset()
    superlative_endings: tuple[str, ...] = ()
    age_before: frozenset[str] = frozenset()
    age_after: tuple[str, ...] = ()
    object_markers: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    own_locatives: frozenset[str] = frozenset()
    sequence_adverbs: frozenset[str] = frozenset()
    size_nouns: frozenset[str] = frozenset()
    benefactives: frozenset[str] = frozenset()
    inclusions: frozenset[str] = frozenset()
    contrasts: frozenset[str] = frozenset()
    increments: frozenset[str] = frozenset()
    change_causes: frozenset[str] = frozenset()
    multiples: frozenset[str] = frozenset()
    comparisons: frozenset[str] = frozenset()
    exclusions: list[str] = Field(default_factory=list)


class Places(_Table):
    facility_words: list[str]
    nationwide: list[str]
    capital_words: list[str]
    country_aliases: dict[str, str]
    place_kinds: frozenset[str]
    irregular_demonyms: dict[str, str]


class Organisation(_Table):
    name: str
    acronym: str | None = None
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)


class Organisations(_Table):
    organisations: list[Organisation]

    @model_validator(mode="after")
    def _no_shared_names(self) -> Organisations:
        seen: dict[str, str] = {}
        for org in self.organisations:
            for written in (org.name, org.acronym, *org.aliases):
                if written is None:
                    continue
                key = written.lower()
                if key in seen and seen[key] != org.name:
                    raise ValueError(f"{written!r} names both {seen[key]!r} and {org.name!r}")
                seen[key] = org.name
        return self


class Language(_Table):
    name: str
    fallback: str | None = None
    months: frozenset[str] = frozenset()
    fields: bool = True
    """False for a language whose words are not read: its figures get numbers only."""


class Languages(_Table):
    languages: dict[str, Language]
    """Languages with a data folder of their own, and languages read with another's data
    (Portuguese with Spanish: its dates and number words are close enough to drop them)."""


LANGUAGE_TABLES: dict[str, type[_Table]] = {
    "numbers": NumberWords,
    "qualifiers": QualifierTable,
    "units": Units,
    "events": EventTable,
    "subjects": SubjectTable,
    "attribution": Attribution,
    "grammar": Grammar,
    "identifiers": Identifiers,
}
"""Files every language folder holds (``data/<lang>/<name>.yaml``), with their records.
``times.yaml`` is also in every folder; factcheck/extraction/times.py reads it."""

NEUTRAL_TABLES: dict[str, type[_Table]] = {
    "event_classes": EventClasses,
    "subject_classes": SubjectClasses,
    "qualifier_classes": QualifierClasses,
    "places": Places,
    "languages": Languages,
    "organisations": Organisations,
}
"""Files under ``data/`` that hold the same for every language."""

TABLES: dict[str, type[_Table]] = {**LANGUAGE_TABLES, **NEUTRAL_TABLES}


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML's safe loader, refusing a key written twice in one mapping: the second would
    silently replace the first, and a vocabulary would lose words no test asked about.
    libyaml's parser where PyYAML has it: the data files load in 0.04 s instead of 0.34 s."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} written twice", key_node.start_mark)
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def parse_yaml(text: str) -> Any:
    """YAML's safe loader over a data file's text, libyaml's C parser where PyYAML has it
    (ten times faster than the pure-Python one, and the same objects for every data file).

    >>> parse_yaml("words: [a, b]")
    {'words': ['a', 'b']}
    """
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(relative: str) -> Any:
    path = resources.files("factcheck") / "data" / relative
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as err:
        raise VocabularyError(f"data/{relative}: {err}") from err


@cache
def _neutral(name: str) -> Any:
    try:
        return NEUTRAL_TABLES[name].model_validate(_read(f"{name}.yaml"))
    except ValidationError as err:
        raise VocabularyError(f"data/{name}.yaml: {err}") from err


@cache
def languages() -> dict[str, Language]:
    """Every language factcheck reads, by ISO 639-1 code.

    >>> languages()["es"].name
    'Spanish'
    """
    return dict(_neutral("languages").languages)


@cache
def data_language(lang: str | None) -> str:
    """The language folder whose data reads ``lang``: its own, its fallback's, else English.

    >>> data_language("en"), data_language("xx"), data_language(None)
    ('en', 'en', 'en')
    """
    known = languages()
    seen: set[str] = set()
    code = lang or DEFAULT_LANGUAGE
    while code in known and code not in seen:
        seen.add(code)
        if _has_folder(code):
            return code
        code = known[code].fallback or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


@cache
def reads(lang: str | None) -> bool:
    """Whether factcheck reads ``lang``'s words (a data folder of its own, or a fallback
    close enough to give its fields); a language it does not read gets its figures'
    numbers only, never fields guessed from another language's words.

    >>> reads("es"), reads("it"), reads("ca"), reads("ar"), reads("de")
    (True, True, False, False, False)
    """
    code = lang or DEFAULT_LANGUAGE
    known = languages()
    if code in known and not known[code].fields:
        return False
    return _has_folder(code) or (code in known and known[code].fallback is not None)


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{1,8}){0,3}", re.IGNORECASE)
"""A language code as front matter writes it ("es", "pt-BR"): anything else (a path, a
sentence, a 300-letter word) names no data folder and is never looked up as one."""


@cache
def _has_folder(lang: str) -> bool:
    if not _LANGUAGE_TAG.fullmatch(lang):
        return False
    return (resources.files("factcheck") / "data" / lang / "numbers.yaml").is_file()


@cache
def load(name: str, lang: str | None = DEFAULT_LANGUAGE) -> Any:
    """The table ``name`` (one of :data:`TABLES`) as its typed record; language tables are
    read from ``data/<lang>/`` (or the folder :func:`data_language` chooses).

    >>> load("numbers", "en").decimal_separator
    '.'
    """
    if name in NEUTRAL_TABLES:
        return _neutral(name)
    if name not in LANGUAGE_TABLES:
        raise VocabularyError(f"no data table named {name!r}")
    folder = data_language(lang)
    if not (resources.files("factcheck") / "data" / folder / f"{name}.yaml").is_file():
        # a folder still being filled in reads the missing table in English; the
        # consistency test in tests/test_vocabulary.py fails until it is complete
        folder = DEFAULT_LANGUAGE
    try:
        return LANGUAGE_TABLES[name].model_validate(_read(f"{folder}/{name}.yaml"))
    except ValidationError as err:
        raise VocabularyError(f"data/{folder}/{name}.yaml: {err}") from err


@cache
def months(lang: str | None = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Month names a date in ``lang`` may use: its data folder's and its own.

    >>> "setembro" in months("pt"), "september" in months("en")
    (True, True)
    """
    own = languages()[lang].months if lang in languages() else frozenset()
    return grammar(lang).months | own


@cache
def numbers(lang: str | None = DEFAULT_LANGUAGE) -> NumberWords:
    return load("numbers", lang)  # type: ignore[no-any-return]


@cache
def qualifiers(lang: str | None = DEFAULT_LANGUAGE) -> Qualifiers:
    """A language's qualifier words, each with the interval it means.

    >>> qualifiers().qualifiers["at_least"].change
    '>'
    """
    meaning = _neutral("qualifier_classes").qualifiers
    words: QualifierTable = load("qualifiers", lang)
    unknown = set(words.qualifiers) - set(meaning)
    if unknown:
        raise VocabularyError(f"data/{data_language(lang)}/qualifiers.yaml: unknown qualifiers {sorted(unknown)}")
    empty = QualifierWords()
    return Qualifiers(
        qualifiers={
            name: Qualifier(**q.model_dump(), **words.qualifiers.get(name, empty).model_dump())
            for name, q in meaning.items()
        }
    )


@cache
def units(lang: str | None = DEFAULT_LANGUAGE) -> Units:
    return load("units", lang)  # type: ignore[no-any-return]


def event_classes() -> dict[str, EventKind]:
    """The closed list of event classes, the same in every language."""
    return dict(_neutral("event_classes").classes)


def subject_classes() -> dict[str, SubjectKind]:
    """The taxonomy of what is counted, the same in every language."""
    return dict(_neutral("subject_classes").classes)


@cache
def events(lang: str | None = DEFAULT_LANGUAGE) -> Events:
    """A language's event words, each class with its frame and whether it is cumulative.

    >>> ev = events("en").events["killed"]
    >>> ev.frame, ev.cumulative, "died" in ev.forms
    ('casualties', True, True)
    """
    kinds = event_classes()
    words: EventTable = load("events", lang)
    unknown = set(words.events) - set(kinds)
    if unknown:
        raise VocabularyError(f"data/{data_language(lang)}/events.yaml: unknown event classes {sorted(unknown)}")
    return Events(
        events={name: EventClass(**k.model_dump(), forms=words.events.get(name, [])) for name, k in kinds.items()}
    )


@cache
def subjects(lang: str | None = DEFAULT_LANGUAGE) -> Subjects:
    """A language's words for what is counted, each class with its place in the taxonomy.

    >>> subjects("en").classes["guard"].broader
    ['law enforcement officer', 'prison staff']
    """
    kinds = subject_classes()
    words: SubjectTable = load("subjects", lang)
    where = f"data/{data_language(lang)}/subjects.yaml"
    unknown = set(words.subjects) - set(kinds)
    unknown |= {n.subject for n in words.event_nouns.values()} - set(kinds)
    if unknown:
        raise VocabularyError(f"{where}: unknown subject classes {sorted(unknown)}")
    bad_events = {n.event for n in words.event_nouns.values()} - set(event_classes())
    if bad_events:
        raise VocabularyError(f"{where}: unknown event classes {sorted(bad_events)}")
    return Subjects(
        classes={name: SubjectClass(**k.model_dump(), names=words.subjects.get(name, [])) for name, k in kinds.items()},
        event_nouns=words.event_nouns,
        staff_nouns=words.staff_nouns,
    )


def organisations() -> list[Organisation]:
    """Public bodies with their names in news of more than one language (data/organisations.yaml)."""
    return list(_neutral("organisations").organisations)


@cache
def attribution(lang: str | None = DEFAULT_LANGUAGE) -> Attribution:
    return load("attribution", lang)  # type: ignore[no-any-return]


@cache
def grammar(lang: str | None = DEFAULT_LANGUAGE) -> Grammar:
    return load("grammar", lang)  # type: ignore[no-any-return]


@cache
def identifiers(lang: str | None = DEFAULT_LANGUAGE) -> Identifiers:
    """Words around a number that make it a name, not a figure.

    >>> "iphone" in identifiers().before
    True
    """
    return load("identifiers", lang)  # type: ignore[no-any-return]


def places() -> Places:
    return load("places")  # type: ignore[no-any-return]
