"""Who the people of an incident are: in an article about a riot in a women's prison,
"17 muertas" and "17 women" count inmates; in one about a fire in a migrant detention
centre, "22 personas" count migrants. The population is read once per article, from the
sentence of its first toll, and then gives its class to the plain counts of persons the
article's later tolls make (``data/counted.yaml`` says how). A Spanish and an English
article about the same incident so put their tolls under the same key. This module also
loads the rest of ``counted.yaml`` and each language's ``counted.yaml`` for the subject
rules (group pronouns, money)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, model_validator

from .. import vocabulary
from ..gazetteer import fold
from ..models import Claim
from . import memo
from .sentence import DocContext, Sentence
from .taxonomy import class_at
from .tokens import Token, tokenize

__all__ = ["CountedWords", "Population", "counted_words", "population_of", "refine", "rules"]

BODY_NAME_WORDS = 8
"""Words read of a body's name after a place noun ("la sede del Instituto Nacional de
Estadística"): the longest official names of national bodies run to about this many."""
GENDER_WINDOW = 3
"""Tokens either side of a facility noun that may give it a sex ("cárcel de mujeres",
"women's prison", "Centro de Reclusión Femenino")."""


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    occupants: dict[str, str]
    populations: list[str]
    events: list[str]
    genders: list[str]
    demographic: list[str]
    money: list[str]

    @model_validator(mode="after")
    def _classes_known(self) -> _Rules:
        known = vocabulary.subject_classes()
        named = [*self.occupants, *self.occupants.values(), *self.populations, *self.genders, *self.demographic]
        named += self.money
        unknown = sorted({c for c in named if c not in known})
        if unknown:
            raise ValueError(f"unknown subject classes {unknown}")
        bad = sorted(set(self.events) - set(vocabulary.event_classes()))
        if bad:
            raise ValueError(f"unknown event classes {bad}")
        return self


class CountedWords(BaseModel):
    """A language's words for the rules of ``data/counted.yaml`` (``<lang>/counted.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    gender_words: dict[str, list[str]]
    group_pronouns: frozenset[str]
    money_prepositions: frozenset[str]
    tally_nouns: frozenset[str]
    nationality_nouns: frozenset[str]
    tally_adjectives: frozenset[str]


def _read(relative: str) -> object:
    return vocabulary.parse_yaml((resources.files("factcheck") / "data" / relative).read_text(encoding="utf-8"))


@cache
def rules() -> _Rules:
    """The neutral population rules (``data/counted.yaml``)."""
    return _Rules.model_validate(_read("counted.yaml"))


@cache
def counted_words(lang: str = "en") -> CountedWords:
    """A language's words for the rules on what a figure counts."""
    return CountedWords.model_validate(_read(f"{vocabulary.data_language(lang)}/counted.yaml"))


def qualifies_a_tally(tokens: Sequence[Token], i: int, lang: str = "en") -> bool:
    """Token ``i`` is a word that qualifies a tally written beside it ("the official toll",
    "el balance oficial", "le bilan officiel"): an adjective of the count, never the class
    of what it counts (an official, "un oficial")."""
    words = counted_words(lang)
    if tokens[i].lower not in words.tally_adjectives:
        return False
    from .subjects import singular  # late: subjects reaches this module through memo

    return any(0 <= k < len(tokens) and singular(tokens[k].lower, lang) in words.tally_nouns for k in (i - 1, i + 1))


@cache
def gender_words(lang: str = "en") -> dict[str, frozenset[str]]:
    """Folded words that give a facility a sex in ``lang``, by gender class."""
    return {cls: frozenset(fold(w) for w in words) for cls, words in counted_words(lang).gender_words.items()}


@dataclass(frozen=True, slots=True)
class Population:
    """The class of the people an incident's tolls count, and the sex the text gives them
    (a women's prison), if any."""

    cls: str
    gender: str | None = None


def _gender_near(tokens: Sequence[Token], first: int, last: int, lang: str) -> str | None:
    words = gender_words(lang)
    genders = rules().genders
    for j in range(max(0, first - GENDER_WINDOW), min(len(tokens), last + GENDER_WINDOW + 1)):
        if first <= j <= last and class_at(tokens, j, lang) is None:
            continue
        low = fold(tokens[j].lower)
        for cls, forms in words.items():
            if low in forms:
                return cls
        hit = class_at(tokens, j, lang)
        if hit is not None and hit[1] in genders:
            return hit[1]
    return None


def population_of(
    tokens: Sequence[Token],
    counted: str | None,
    lang: str = "en",
    figure: int | None = None,
    parts: frozenset[str] = frozenset(),
) -> Population | None:
    """The population a sentence with a toll names: the class the toll counts, the
    occupants of a facility it names, or a noun of a population class before the toll's
    figure (token ``figure``) that sets the scene ("una pelea entre reclusas que terminó
    con 12 muertas"). A class that another figure of the sentence counts (``parts``: "30
    muertos, entre ellos 5 reos de la cárcel") is a part of the toll, not its population.

    >>> from factcheck.extraction.tokens import tokenize
    >>> population_of(tokenize("A riot at a women's prison killed 41 women."), "woman")
    Population(cls='inmate', gender='woman')
    >>> population_of(tokenize("Murieron 149 personas tras el sismo."), "person", "es") is None
    True
    """
    r = rules()
    gender = counted if counted in r.genders else None
    if counted in r.populations:
        return Population(counted, gender)
    facilities: list[tuple[int, int, str]] = []
    members: list[str] = []
    i = 0
    while i < len(tokens):
        hit = class_at(tokens, i, lang) or _body_facility(tokens, i, lang)
        if hit is None:
            i += 1
            continue
        width, cls = hit
        if cls in r.occupants and r.occupants[cls] not in parts:
            facilities.append((i, i + width - 1, r.occupants[cls]))
        elif cls in r.populations and cls not in parts and (figure is None or i < figure):
            members.append(cls)
        i += width
    if facilities:
        first, last, cls = facilities[0]
        return Population(cls, gender or _gender_near(tokens, first, last, lang))
    if members:
        return Population(members[0], gender)
    return None


def _body_facility(tokens: Sequence[Token], i: int, lang: str) -> tuple[int, str] | None:
    """(width, class) of a place noun followed by the name of the body that runs it: "la
    oficina del Servicio Nacional de Refugiados" is a refugee office, "the centre of the
    Federal Immigration Office" an immigration centre. Each capitalised word of the name is
    tried with the noun as the language's class names write them ("oficina de refugiados",
    "immigration centre"), so no body needs to be listed.

    >>> _body_facility(tokenize("la estación del Servicio Federal de Migración de X"), 1, "es")
    (6, 'migrant detention center')
    """
    if i + 2 >= len(tokens) or not tokens[i].is_word or tokens[i].is_capitalized:
        return None
    k = i + 1
    if tokens[k].lower not in ("de", "del", "of"):
        return None
    k += 1
    if tokens[k].lower in vocabulary.grammar(lang).determiners:
        k += 1
    names: list[int] = []
    while k < len(tokens) and len(names) < BODY_NAME_WORDS and tokens[k].is_word:
        if tokens[k].is_capitalized:
            names.append(k)
        elif not names or tokens[k].lower not in ("de", "del", "y", "of", "and", "for"):
            break
        k += 1
    noun = tokens[i].text
    for j in names:
        for phrase in (f"{noun} de {tokens[j].lower}", f"{tokens[j].lower} {noun}"):
            hit = class_at(tokenize(phrase), 0, lang)
            if hit is not None and hit[0] == len(tokenize(phrase)):
                return j - i + 1, hit[1]
    return None


def _toll_context(claim: Claim, sent: Sentence) -> tuple[int | None, frozenset[str]]:
    """The token where the claim's figure starts, and the classes the sentence's other
    figures count."""
    figure = None
    parts = set()
    for pos, f in enumerate(sent.quantities):
        if sent.tokens[f.first].start == claim.quantity.start:
            figure = f.first
        elif pos < len(sent.subjects) and sent.subjects[pos].subject_class:
            parts.add(sent.subjects[pos].subject_class or "")
    return figure, frozenset(parts)


def refine(claim: Claim, sent: Sentence, ctx: DocContext) -> Claim:
    """The claim with its plain count of persons read as a count of the article's
    population ("46 muertas" in a women's prison: inmates). The article's first toll
    decides the population."""
    r = rules()
    if claim.background is not None or (claim.event_class is not None and claim.event_class not in r.events):
        return claim
    if not ctx.population_read and claim.event_class is not None:
        figure, parts = _toll_context(claim, sent)
        # once per distinct sentence and figure (copies of a story repeat their tolls)
        found = memo.population(sent.tokens, claim.subject_class, sent.language, figure, parts)
        # a toll with no noun of its own ("25 de ellas murieron") may name a population by
        # its facility, but cannot decide that there is none
        ctx.population_read = found is not None or claim.subject is not None
        ctx.population = found
    pop = ctx.population
    if pop is None or claim.subject_class is None:
        return claim
    if pop.gender is None and claim.subject_class in r.genders and claim.event_class is not None:
        # "Scores of inmates die in blaze" first; "a fire at a women's prison has killed at
        # least 17 women" later gives the population its sex
        here = population_of(sent.tokens, None, sent.language)
        if here is not None and here.cls == pop.cls and here.gender == claim.subject_class:
            pop = ctx.population = Population(pop.cls, claim.subject_class)
    if claim.subject_class == "person" or claim.subject_class == pop.gender:
        return claim.model_copy(update={"subject_class": pop.cls})
    return claim
