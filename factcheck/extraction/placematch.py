"""Shared ground of place finding: the record of a mention, phrase indexes over a
language's place words, gazetteer matching with containment, and exact spans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..gazetteer import Entry, fold, gazetteer
from ..models import Place
from .placewords import place_words
from .timewords import flat
from .tokens import PhraseIndex, Token

BIG_CITY = 1_000_000
NAME_JOINERS = frozenset(
    {"de", "del", "la", "las", "los", "el", "y", "do", "da", "dos", "das", "di", "della", "d'", "d’", "dell'", "dell’"}
    | {"du", "des", "dei", "degli", "delle", "dello", "of", "the"}
)
"""Lower-case words inside place names in the languages read ("Estado de México", "Rio
Grande do Sul", "Reggio di Calabria", "Valle d'Aosta"): a name's run of capitalised words
goes on past them."""
OF_JOINERS = frozenset({"de", "del", "do", "da", "dos", "das", "di", "della"})
"""The joiners that mean "of": a town after one may be where the name before it lies
("cárcel El Litoral de Guayaquil", "prigione El Litoral di Guayaquil")."""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    first: int
    last: int
    place: Place


def variants(phrase: str) -> set[str]:
    return {phrase.lower(), flat(phrase)}


@cache
def phrase_index(language: str, field: str) -> PhraseIndex:
    """A phrase index over one field of a language's place words, accented and folded."""
    words = place_words(language)
    table = words.facility_kinds if field == "facility_words" else getattr(words, field)
    items = table.items() if isinstance(table, dict) else ((w, w) for w in table)
    return PhraseIndex((v, payload) for w, payload in items for v in variants(w))


def span_text(body: str, tokens: Sequence[Token], first: int, last: int) -> tuple[str, int, int]:
    start, end = tokens[first].start, tokens[last].end
    return body[start:end], start, end


def rebuilt(tokens: Sequence[Token]) -> str:
    """The text under the tokens, with the gaps between them as spaces (when the caller
    has no body to give)."""
    chars = [" "] * (tokens[-1].end if tokens else 0)
    for t in tokens:
        chars[t.start : t.end] = t.text
    return "".join(chars)


def name_of(span: Sequence[Token]) -> str:
    """The words of a span as a name, without a possessive ("Ecuador's" is Ecuador)."""
    # words written against each other stay so ("Valle d'Aosta", "Emilia-Romagna")
    text = "".join(
        t.text if k + 1 < len(span) and span[k + 1].start == t.end else f"{t.text} " for k, t in enumerate(span)
    ).rstrip()
    text = text[:-2] if text.endswith(("'s", "’s")) else text
    return text.replace("’", "'")  # the gazetteer writes the straight apostrophe


def country_place(
    code: str, text: str | None = None, start: int | None = None, end: int | None = None, stated: bool = True
) -> Place:
    name = gazetteer().country_names.get(code, code)
    return Place(name=name, kind="country", country=code, text=text, start=start, end=end, stated=stated)


def entry_place(entry: Entry, text: str | None, start: int | None, end: int | None) -> Place:
    gaz = gazetteer()
    kind = "province" if entry.kind == "province" else entry.kind
    return Place(
        name=entry.name, kind=kind, within=gaz.within(entry), country=entry.country, text=text, start=start, end=end
    )


FOREIGN_TOWN = 100_000


def gazetteer_match(
    tokens: Sequence[Token], i: int, countries: Sequence[str], prefer: str | None = None
) -> tuple[int, Entry] | None:
    """The longest gazetteer name at token ``i`` (up to four words) and its best entry.

    A town counts in the document's main country (its first); in another country of the
    document only from 100,000 people ("Central, Louisiana" is not what "Central America"
    names), anywhere from a million, and any of them when the text says its kind
    (``prefer``: "the town of Tamara")."""
    gaz = gazetteer()
    local = tuple(countries[:1])
    if _hyphen_joined(tokens, i, before=True):
        return None  # "Stanton" in "Lerdo-Stanton" is part of a name
    known, firsts = _names(local[0] if local else None)
    if i < len(tokens) and not begins_name(tokens[i], firsts):
        return None  # most capitalised words begin no place's name
    # the longest run of capitalised words and name joiners a name can span
    end = min(len(tokens), i + gaz.max_words)
    k = i
    while k < end:
        t = tokens[k]
        if not (t.text[0].isupper() or t.lower in NAME_JOINERS):
            if k > i and _inside_hyphens(tokens, k):
                end = min(len(tokens), end + 1)  # "au" in "Port-au-Prince", "en" in "Aix-en-Provence"
                k += 1
                continue
            # "Emilia-Romagna": a hyphen written against two capitalised words joins them
            if not (k > i and k + 1 < len(tokens) and t.text in "-‐" and tokens[k - 1].end == t.start):
                break
            nxt = tokens[k + 1]
            if not (nxt.start == t.end and (nxt.text[0].isupper() or _inside_hyphens(tokens, k + 1))):
                break
            end = min(len(tokens), end + 2)
        k += 1
    size = k - i
    # "République tchèque", "Arabie saoudite", "Émirats arabes unis": a country's name may end
    # in words written in lower case, tried only where the whole is a name the gazetteer holds
    lowered = (
        [
            n
            for n in (size + 2, size + 1)
            if i + n <= len(tokens)
            and all(t.is_word and t.text.islower() for t in tokens[i + size : i + n])
            and fold(name_of(tokens[i : i + n])) in known
        ]
        if size and i + size < len(tokens) and fold(tokens[i + size].lower) in _country_name_words()
        else []
    )
    for n in (*lowered, *range(size, 0, -1)):
        span = tokens[i : i + n]
        if _hyphen_joined(tokens, i + n - 1, before=False):
            continue  # "Santa" in "puente Santa-Rosalía" is part of a bridge's name
        if n not in lowered and (not span[-1].is_word or not span[-1].is_capitalized and not span[-1].text.isupper()):
            continue
        if n == 1 and len(span[0].text) < 3:
            continue  # "Y", "El": a town of one or two letters is a word first
        name = name_of(span)
        if fold(name) not in known:
            continue  # lookup would find nothing
        entries = gaz.lookup(name, local)
        ok = [
            e
            for e in entries
            if e.kind != "city"
            and (e.kind == "country" or e.country in countries)
            or e.kind == "city"
            and (
                e.population >= BIG_CITY
                or e.country in local
                or (e.country in countries and (e.population >= FOREIGN_TOWN or prefer == "city"))
            )
        ]
        if ok and n == 1 and n < size and all(e.kind != "country" for e in ok) and _prefix(tokens, i):
            return None  # "East" in "East Java", "North" in "North Kivu": a longer name's first word
        if ok and all(e.kind != "country" for e in ok) and _surname(tokens, i):
            return None  # "o governador Cláudio Castro": a person's name, not Castro (Paraná)
        if ok:
            # a country of the document beats a namesake elsewhere; a city beats a province,
            # unless the text said which kind it means ("el estado de Puebla")
            ok.sort(
                key=lambda e: (
                    e.kind != prefer,
                    e.kind != "country",
                    e.country not in countries,
                    e.kind != "city",
                    -e.population,
                )
            )
            return n, ok[0]
    return None


@cache
def _country_name_words() -> frozenset[str]:
    """The words after the first of countries' names ("tchèque", "arabes", "unis"), folded:
    only after one of them may a name go on in lower case."""
    return frozenset(
        w
        for key, entries in gazetteer().by_name.items()
        if any(e.kind == "country" for e in entries)
        for w in key.split()[1:]
    )


def _prefix(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` is followed by a capitalised word that is no kind of place or facility
    ("Java" after "East", not "State" after "Puebla" nor "Prison" after "Turi"), in a
    sentence not set in title case (where every word is capitalised)."""
    if tokens[i].lower not in direction_words():
        return False  # "the Mississippi Delta": a place's name before a word of its own
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.is_word or not nxt.is_capitalized or nxt.lower in kind_words():
        return False
    if len(nxt.text) <= 3 and i + 2 < len(tokens) and tokens[i + 2].text == ".":
        return False  # "Cotopaxi No. 1": an abbreviation after the name, not more of it
    words = [t for t in tokens if t.is_word and len(t.text) > 3]
    return sum(t.is_capitalized for t in words) < TITLE_CASE * len(words)


def _surname(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` follows a given name that follows a title ("Governor Claudio Castro", "el
    presidente Gabriel Boric"): the last word of a person's name."""
    if i < 2 or not tokens[i - 1].is_capitalized or not tokens[i - 1].is_word:
        return False
    return tokens[i - 2].lower in title_words()


@cache
def title_words() -> frozenset[str]:
    """The one-word titles before a person's name, in every language (attribution.yaml)."""
    from .. import vocabulary

    return frozenset(
        t.lower() for lang in vocabulary.languages() for t in vocabulary.attribution(lang).titles if " " not in t
    )


TITLE_CASE = 0.6
"""The share of capitalised words (of four letters or more) from which a sentence is a
headline in title case, whose capitals name nothing."""


@cache
def direction_words() -> frozenset[str]:
    """The words of direction of every language (places.yaml ``direction_words``)."""
    from .placewords import all_place_words

    return frozenset(w.lower() for pw in all_place_words() for w in pw.direction_words)


@cache
def kind_words() -> frozenset[str]:
    """Words after a name that say what kind of place it is, in every language: the kinds
    after names and the facility nouns of places.yaml."""
    from .placewords import all_place_words

    out: set[str] = set()
    for pw in all_place_words():
        out.update(w.split()[0].lower() for w in pw.kinds_after)
        out.update(w.split()[0].lower() for ws in pw.facility_words.values() for w in ws)
    return frozenset(out)


def begins_name(token: Token, firsts: frozenset[str]) -> bool:
    """Whether a name beginning with ``token`` may be among names whose first words (as
    :func:`~factcheck.gazetteer.fold` writes them) are ``firsts``: the fold of a name of
    several words is the folds of its words joined by spaces, and a name of one word may
    drop a possessive ("Ecuador's")."""
    text = token.text
    if text.isascii():
        low = token.lower
        return low in firsts or low[:-2] in firsts
    head = fold(text).split(" ", 1)[0]
    return head in firsts or fold(text[:-2]).split(" ", 1)[0] in firsts


@cache
def _names(country: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """Every name :meth:`Gazetteer.lookup` finds (folded), with the towns of ``country``,
    and their first words: a word none begins with begins no place's name."""
    gaz = gazetteer()
    if country is None:
        names = frozenset(gaz.by_name)
        # "emilia-romagna" begins with the word "Emilia" as the text is tokenised
        return names, _first_words(names)
    # the country's towns, as lookup(name, [country]) reads them, added to the index's names
    # (built once, not once per country)
    known, firsts = _names(None)
    towns = frozenset(gaz._local(country))
    return known | towns, firsts | _first_words(towns)


def _first_words(names: frozenset[str]) -> frozenset[str]:
    """The first words of folded names; a hyphenated name's too, as the text is tokenised
    ("emilia-romagna" begins with "Emilia")."""
    return frozenset({k.split(" ", 1)[0] for k in names} | {k.split("-", 1)[0] for k in names if "-" in k})


def _inside_hyphens(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` is a lower-case word glued between two hyphens, a capitalised word glued
    after the second ("au" in "Port-au-Prince", "sur" in "Boulogne-sur-Mer")."""
    if not (k >= 2 and k + 2 < len(tokens)) or not tokens[k].is_word or tokens[k].is_capitalized:
        return False
    before, after, last = tokens[k - 1], tokens[k + 1], tokens[k + 2]
    return (
        before.text in "-‐"
        and after.text in "-‐"
        and tokens[k - 2].end == before.start
        and before.end == tokens[k].start
        and tokens[k].end == after.start
        and after.end == last.start
        and last.is_capitalized
    )


def _hyphen_joined(tokens: Sequence[Token], k: int, before: bool) -> bool:
    """Token ``k`` is glued by a hyphen to a capitalised word on that side: a compound name
    ("Lerdo-Stanton", "Austro-Hungarian"), not a place of its own."""
    j, h = (k - 2, k - 1) if before else (k + 2, k + 1)
    if not (0 <= j < len(tokens) and 0 <= h < len(tokens)) or tokens[h].text not in ("-", "‐", "–"):
        return False
    a, b = (tokens[j], tokens[k]) if before else (tokens[k], tokens[j])
    glued = a.end == tokens[h].start and tokens[h].end == b.start
    # "Turkey-Syria earthquake", "US-Mexico border": two countries, each a place
    return glued and tokens[j].is_capitalized and not (_a_country(a.text) and _a_country(b.text))


@lru_cache(maxsize=4096)
def _a_country(word: str) -> bool:
    return any(e.kind == "country" for e in gazetteer().by_name.get(fold(word), ()))


def capitalised_name(tokens: Sequence[Token], k: int) -> int | None:
    """The last token of a capitalised name starting at ``k`` ("Turi", "San Pedro Sula")."""
    last = None
    j = k
    while j < len(tokens) and j - k < 6:
        t = tokens[j]
        if t.is_word and (t.is_capitalized or t.text.isupper()):
            last = j
        elif (
            t.text == "."
            and last == j - 1
            and tokens[last].lower in _NAME_ABBREVIATIONS
            and j + 1 < len(tokens)
            and tokens[j + 1].is_capitalized
        ):
            pass  # "St. Lucie County", "Mt. Vernon": an abbreviation's stop inside the name
        elif not (t.lower in NAME_JOINERS and last is not None):
            break
        j += 1
    return last


_NAME_ABBREVIATIONS = frozenset({"st", "ste", "ft", "mt", "pt"})
"""Abbreviations that open a place's name ("St. Lucie", "Ft. Myers", "Mt. Vernon")."""


def within_after(
    tokens: Sequence[Token], k: int, countries: Sequence[str], lang: str | None = None
) -> tuple[int, Place] | None:
    """A place written right after a facility: "Turi jail in Cuenca", "una cárcel en Cuenca",
    and with ``lang``, its kind between ("a prison in the city of Cuenca", "una cárcel en la
    ciudad de Cuenca": the language's ``kinds_before`` words)."""
    if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")" and tokens[k + 1].text.isupper():
        k += 3  # "el Centro de Reclusión Femenino (CRF), en Chorrillos": skip the acronym
    if k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].lower in ("in", "en"):
        k += 1  # "la cárcel de Turi, en Cuenca"
    if k < len(tokens) and tokens[k].lower in ("in", "at", "near", "outside", "en", "de", "di", "cerca"):
        j = k + 1 + (k + 1 < len(tokens) and tokens[k].lower == "cerca" and tokens[k + 1].lower == "de")
        kind = phrase_index(lang, "kinds_before").match_at(tokens, j) if lang is not None else None
        if kind is not None:
            j += kind[0]
        match = gazetteer_match(tokens, j, countries)
        if match is not None:
            size, entry = match
            return j + size - 1, entry_place(entry, None, None, None)
    return None


def chain(container: Place | None, countries: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
    if container is not None:
        return ((container.name or "",) + container.within), container.country
    if countries:
        return (gazetteer().country_names[countries[0]],), countries[0]
    return (), None


def facility(
    body: str,
    tokens: Sequence[Token],
    i: int,
    last: int,
    name: str | None,
    container: Place | None,
    countries: Sequence[str],
) -> PlaceMention:
    """A facility written at tokens ``i``..``last``, inside ``container`` (or the document's country)."""
    within, country = chain(container, countries)
    text, start, end = span_text(body, tokens, i, last)
    return PlaceMention(
        i, last, Place(name=name, kind="facility", within=within, country=country, text=text, start=start, end=end)
    )
