"""The place words of each language (``data/<language>/places.yaml``) as typed records:
facility nouns and openers, kind words, counted place nouns, name aliases, demonyms."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from .. import vocabulary
from ..errors import VocabularyError
from .timewords import flat, languages, words_language

PlaceKind = Literal["country", "province", "city", "facility"]


class PlaceWords(BaseModel):
    """One language's place words (see the header of ``data/en/places.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    facility_words: dict[str, list[str]]
    facility_openers: list[str]
    nationwide: list[str]
    capital_words: list[str]
    kinds_after: dict[str, PlaceKind]
    kinds_before: dict[str, PlaceKind]
    place_nouns: dict[str, PlaceKind]
    count_leads: list[str]
    aliases: dict[str, str]
    demonyms: dict[str, str]
    reference_words: list[str]
    definite_words: list[str]
    name_givers: list[str] = []
    """Words after which a capitalised name names a storm or the like, not a place
    ("Hurricane Milton", "el huracán Otis")."""
    receiving_kinds: list[str]
    back_references: list[str] = []
    """Words after a figure that point back to the last place named before it ("there",
    "por lá", "allí", "lì")."""
    near_words: list[str] = []
    """Words between a locative and a name that say it lies near the place before ("in
    nearby X", "en la vecina X"): the figure is scoped to that name as written."""
    landmark_words: list[str] = []
    """Words before a facility that make it a landmark what happened stood beside, not in
    ("near the airport in Juliaca", "cerca del aeropuerto de Juliaca"): a figure there is
    scoped to the place the landmark is in, and the landmark is no incident's site."""
    destinations: list[str] = []
    """Words before a place that people or things are taken to ("taken to the capital",
    "trasladadas a la capital"): never the scope of the figure counted."""
    origins: list[str] = []
    """Words after a counted noun that say where the counted come from ("68 men from Central
    America", "68 hombres de Centroamérica"): an origin, not where the figure happened."""
    border_words: list[str] = []
    """Phrases before a country that say a place borders it ("on the border with Turkey",
    "al confine con la Turchia"): a neighbour, not a country the article is about."""
    toward_words: list[str] = []
    """Words before a country that people fled or were sent toward ("fled to neighbouring
    Rwanda", "ont fui vers le Rwanda voisin"): not a country the article is about."""
    regions: dict[str, str] = {}
    """Names of regions larger than a country ("central Europe", "el Caribe") -> the region's
    English name: a figure there is scoped to the region, not to one of its countries the
    article happens to name first."""
    nationality_cues: list[str] = []
    """Phrases after which the countries named, and those listed with them, are people's
    nationality ("nationals of Iran, China and Russia", "originarios de México y
    Guatemala"): not where a figure happened nor what the article is about."""
    place_adjectives: list[str] = []
    """Words that may describe a place between a locative and its kind or name ("in the
    smaller town of X", "en la provincia costera de X")."""
    region_after: list[str] = []
    """Words after a country's name that make it part of a region's ("América Central",
    "América do Sul"): the region is no country."""
    direction_words: list[str] = []
    """Words of direction that open the name of a part of a place ("East Java", "North
    Kivu"): a gazetteer entry of that one word (Cameroon's East, North) is no match there."""
    facility_complements: list[str] = []
    """Prepositions that open a lower-case complement of a facility noun before the place
    it is in ("una mina de carbón en Sabinas", "un hospital de niños en Lima"): the
    complement says what kind, the place after it still says where."""

    @property
    def facility_kinds(self) -> dict[str, str]:
        """Each facility noun -> its kind ("penal" -> prison)."""
        return {word: kind for kind, words in self.facility_words.items() for word in words}

    @model_validator(mode="after")
    def _no_duplicates(self) -> PlaceWords:
        unknown = set(self.receiving_kinds) - set(self.facility_words)
        if unknown:
            raise ValueError(f"receiving_kinds: not kinds of facility_words: {sorted(unknown)}")
        nouns = [w.lower() for words in self.facility_words.values() for w in words]
        if len(nouns) != len(set(nouns)):
            raise ValueError(
                f"facility_words: a noun under two kinds: {sorted({w for w in nouns if nouns.count(w) > 1})}"
            )
        lists = ("facility_openers", "nationwide", "capital_words", "count_leads", "back_references", "near_words")
        for field in (*lists, "place_adjectives", "destinations", "origins", "nationality_cues", "toward_words"):
            words = [w.lower() for w in getattr(self, field)]
            dupes = sorted({w for w in words if words.count(w) > 1})
            if dupes:
                raise ValueError(f"{field}: given twice: {dupes}")
        for code in self.demonyms.values():
            if len(code) != 2 or not code.isupper():
                raise ValueError(f"demonyms: {code!r} is not an ISO 3166-1 alpha-2 code")
        return self


@cache
def place_words(language: str | None) -> PlaceWords:
    """The place words of ``language`` (ISO 639-1), or of the language that reads it.

    >>> place_words("es").kinds_before["la provincia de"], place_words("gl").place_nouns["cárceles"]
    ('province', 'facility')
    """
    lang = words_language(language, "places")
    path = resources.files("factcheck") / "data" / lang / "places.yaml"
    try:
        return PlaceWords.model_validate(vocabulary.parse_yaml(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as err:
        raise VocabularyError(f"data/{lang}/places.yaml: {err}") from err


@cache
def name_giver_words(language: str) -> frozenset[str]:
    """The last words of ``language``'s name givers ("hurricane", "storm"), lower case as
    written and folded: after one, a capitalised name is a storm's, not a place's.

    >>> {"hurricane", "huracan", "huracán"} <= name_giver_words("en") | name_giver_words("es")
    True
    """
    words = [w.split()[-1].lower() for w in place_words(language).name_givers if w.strip()]
    return frozenset(words) | frozenset(flat(w) for w in words)


def all_place_words() -> list[PlaceWords]:
    """Every language's place words (aliases and demonyms are indexed for all of them)."""
    return [place_words(lang) for lang in languages("places")]
