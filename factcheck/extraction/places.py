"""Where a claim is scoped: countries, provinces and cities from the gazetteer, with their
containers down to the first-level division (Acapulco: Guerrero, Mexico), named facilities
found by pattern ("Turi jail", "la cárcel de Turi", "el Centro de Reclusión
Femenino"), unnamed ones ("a prison in Cuenca", "una cárcel en Cuenca"), "nationwide" and
"the capital", in the words of each language (``data/<lang>/places.yaml``).

Cities and provinces count only in documents that mention their country (or, for cities
of a million people or more, anywhere): "Police" is a town in Poland, and "Orellana" a
province of Ecuador as well as a surname. Every place's ``text`` is ``body[start:end]``."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from itertools import islice

from .. import vocabulary
from ..gazetteer import Gazetteer, fold, gazetteer
from ..models import Place
from .changes import change_words
from .countries import document_countries
from .facilities import definite_facility, named_facility, opened_facility, unnamed_facility
from .placematch import (
    NAME_JOINERS,
    PlaceMention,
    capitalised_name,
    country_place,
    direction_words,
    entry_place,
    gazetteer_match,
    phrase_index,
    rebuilt,
    span_text,
)
from .placewords import name_giver_words, place_words
from .timewords import flat
from .tokens import PhraseIndex, Token, tokenize


def find_places(
    tokens: Sequence[Token],
    countries: Sequence[str],
    language: str | None = "en",
    body: str | None = None,
    known: Sequence[Place] = (),
    event_name: str | None = None,
) -> list[PlaceMention]:
    """Places mentioned in a sentence's tokens, given the document's countries, read with
    ``language``'s place words. Pass ``body`` (the text the token offsets point into) so
    each place's text is exactly the body's; without it the gaps between tokens are spaces.
    Pass ``known``, the facilities found in the article's earlier sentences (in order), so
    "the prison" or "el penal" is the prison named before, and ``event_name``, the folded
    name of the article's own storm ("milton"), which is no town wherever it stands.

    >>> body = "Murieron 12 reclusos en el penal de Chiclayo, en el departamento de Lambayeque."
    >>> for m in find_places(tokenize(body), ["PE"], "es", body):
    ...     print(m.place.kind, m.place.name, m.place.within)
    ...     print(m.place.text)
    facility penal de Chiclayo ('Chiclayo', 'Lambayeque', 'Peru')
    el penal de Chiclayo, en el departamento de Lambayeque
    """
    body = body if body is not None else rebuilt(tokens)
    lang = language or "en"
    gaz = gazetteer()
    g = vocabulary.grammar(lang)
    home = countries[0] if countries else None
    nationwide, capital = phrase_index(lang, "nationwide"), phrase_index(lang, "capital_words")
    regions = phrase_index(lang, "regions")
    before, after = phrase_index(lang, "kinds_before"), phrase_index(lang, "kinds_after")
    openers = phrase_index(lang, "facility_openers")
    firsts, lead_words = _lead_words(lang, bool(known))
    givers = name_giver_words(lang)
    # every facility rule but the opened one needs a facility noun in the sentence
    facilities = not phrase_index(lang, "facility_words").firsts.isdisjoint([t.lower for t in tokens])
    out: list[PlaceMention] = []
    n = len(tokens)
    after_last = 0  # the token after the last place found: places do not overlap
    # only a capitalised word or a lead word may begin a place: the rest are skipped at once
    leads = [
        k
        for k, t in enumerate(tokens)
        if t.is_capitalized or t.lower in lead_words or (not t.lower.isascii() and flat(t.lower) in firsts)
    ]
    for i in leads:
        if i < after_last:
            continue
        tok = tokens[i]
        low = tok.lower
        hit = nationwide.match_at(tokens, i) if low in nationwide else None
        if hit is not None and home:
            out.append(
                PlaceMention(i, i + hit[0] - 1, country_place(home, *span_text(body, tokens, i, i + hit[0] - 1)))
            )
            after_last = i + hit[0]
            continue
        hit = regions.match_at(tokens, i) if low in regions else None
        if hit is not None and (country := gazetteer_match(tokens, i, countries)) is not None and country[0] >= hit[0]:
            hit = None  # "Afrique du Sud", "South Africa": the country's name is the longer
        if hit is not None:
            # "across central and eastern Europe", "en Europe centrale": a region of countries
            text, start, end = span_text(body, tokens, i, i + hit[0] - 1)
            out.append(
                PlaceMention(i, i + hit[0] - 1, Place(name=str(hit[1]), kind="region", text=text, start=start, end=end))
            )
            after_last = i + hit[0]
            continue
        # each rule below is tried only where its first word stands
        m = _capital(body, tokens, i, countries, capital, lang) if low in capital or low in _ARTICLES else None
        if m is not None:
            out.append(m)
            after_last = m.last + 1
            continue
        m = opened_facility(body, tokens, i, countries, openers, lang) if low in openers else None
        if m is None and low in before:
            m = _kind_before(body, tokens, i, countries, before)
        name = tok.is_capitalized and tok.is_word
        if m is None and facilities:
            if name or (g.head_position == "first" and i + 1 < n and tokens[i + 1].is_capitalized):
                # a capitalised name ("Turi jail", "Penitenciaría del Litoral"), or in a
                # language that names after the noun, a facility noun before its name
                # ("la cárcel El Litoral de Guayaquil", "la prigione El Litoral")
                m = named_facility(body, tokens, i, countries, lang)
            if m is None and (low in _INDEFINITE or _demonym(gaz, tok)) and i + 1 < n:
                m = unnamed_facility(body, tokens, i + (low in _INDEFINITE), i, countries, lang)
            if m is None and low in ("at", "inside") and i + 1 < n and not tokens[i + 1].is_capitalized:
                # headlines drop the article: "Blaze at migrant center in Peru"
                m = unnamed_facility(body, tokens, i + 1, i + 1, countries, lang)
            if m is None and known:
                m = definite_facility(body, tokens, i, lang, known)
        if (
            m is None
            and name
            and not (i == 0 and flat(low) in change_words(lang))  # "Sale a 11 il bilancio": a verb, not Sale
            and not (i > 0 and tokens[i - 1].lower in givers)
            and not (event_name and flat(low) == event_name)
            and not _counting(tokens, i, lang)
        ):
            # "Hurricane Milton", "el huracán Otis": a storm's name, not a place
            m = _plain_place(body, tokens, i, countries, after, g.determiners, phrase_index(lang, "region_after"))
            if m is not None and _opens_another_name(gaz, tokens, m, countries):
                m = None
        if m is not None:
            out.append(m)
            after_last = m.last + 1
    if out and place_words(lang).landmark_words:
        out = _landmarks(out, tokens, body, countries, lang)
    return join_listed(out, tokens, body)


def _opens_another_name(gaz: Gazetteer, tokens: Sequence[Token], m: PlaceMention, countries: Sequence[str]) -> bool:
    """A town of a country the article is not about, written as the first word of a longer
    name ("the Mandalay Bay hotel", "Victoria Falls Bridge"): the word is the name's, not a
    place (a country's or a place's name, or a demonym, after it is a place again)."""
    if m.first == m.last and m.first >= 2 and tokens[m.first].lower in direction_words():
        # "la police de Nouvelle-Galles du Sud", "Soudan du Sud": a direction closing another
        # name is no division named by it (Haiti's Sud)
        prev = tokens[m.first - 1].lower
        if prev in _DIRECTION_GLUE and tokens[m.first - 2].is_capitalized:
            return True
    if m.place.kind != "city" or not countries or m.place.country in countries or m.last + 1 >= len(tokens):
        return False
    nxt = tokens[m.last + 1]
    if not (nxt.is_word and nxt.is_capitalized) or nxt.start != tokens[m.last].end + 1:
        return False
    return not gaz.lookup(nxt.text) and not _demonym(gaz, nxt)


def _counting(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the capitalised word at ``i`` is a number word of the language counting the
    lower-case noun after it ("Lima katao ang nasawi": five people, in Tagalog, not Lima)."""
    if not vocabulary.reads(lang) or tokens[i].lower not in vocabulary.numbers(lang).units:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and not nxt.is_capitalized


def _landmarks(
    mentions: list[PlaceMention], tokens: Sequence[Token], body: str, countries: Sequence[str], lang: str
) -> list[PlaceMention]:
    """A facility written after a word of nearness ("near the airport in Juliaca", "cerca
    del aeropuerto de Juliaca", ``landmark_words``) is a landmark what happened stood beside:
    it gives way to the place it is said to be in, or to nothing."""
    near = phrase_index(lang, "landmark_words")
    determiners = vocabulary.grammar(lang).determiners
    out: list[PlaceMention] = []
    for m in mentions:
        j = m.first - 1
        if j >= 0 and tokens[j].lower in determiners:
            j -= 1  # "near the airport"
        if m.place.kind != "facility" or near.match_ending(tokens, j) is None:
            out.append(m)
            continue
        for k in range(m.first + 1, m.last + 1):
            hit = gazetteer_match(tokens, k, countries)
            if hit is not None:
                n, entry = hit
                out.append(PlaceMention(k, k + n - 1, entry_place(entry, *span_text(body, tokens, k, k + n - 1))))
                break
    return out


def _demonym(gaz: Gazetteer, tok: Token) -> bool:
    """Whether a token is an adjective of nationality (the gazetteer keys them by their
    fold, which is the lower case of an ASCII word)."""
    return tok.lower in gaz.demonyms if tok.text.isascii() else gaz.country_of_demonym(tok.text) is not None


_ARTICLES = ("the", "la", "el")
_INDEFINITE = ("a", "an", "the", "un", "una")


@cache
def _lead_words(language: str, known: bool) -> tuple[frozenset[str], frozenset[str]]:
    """Lower-case words that may begin a place other than a capitalised name, so
    :func:`find_places` skips every other word at once: the first words of the nationwide,
    capital, kind and opener phrases (a word counts when its fold is one of them), and
    those with the articles and, with facilities already ``known``, the definite words."""
    fields = ["nationwide", "capital_words", "kinds_before", "facility_openers", "regions"]
    if vocabulary.grammar(language).head_position == "first":
        fields.append("facility_words")  # "la cárcel El Litoral": the noun, then the name
    firsts = frozenset().union(*(phrase_index(language, f).firsts for f in fields))
    definite = frozenset(place_words(language).definite_words) if known else frozenset()
    return firsts, firsts | definite | {"a", "an", "the", "un", "una", "unos", "unas", "la", "el", "at", "inside"}


def _capital(
    body: str, tokens: Sequence[Token], i: int, countries: Sequence[str], capital: PhraseIndex, lang: str = "en"
) -> PlaceMention | None:
    """ "the capital", "la capital del país": the capital of the document's country; with a
    demonym, of that country ("the Honduran capital", "la capital hondureña")."""
    gaz = gazetteer()
    hit = capital.match_at(tokens, i)
    code = countries[0] if countries else None
    last = i + hit[0] - 1 if hit is not None else -1
    if hit is None and i + 2 < len(tokens) and tokens[i].lower in _ARTICLES:
        # "the Honduran capital": a demonym between the article and the noun
        demonym = gaz.country_of_demonym(tokens[i + 1].text)
        inner = capital.match_at([tokens[i], *tokens[i + 2 :]], 0) if demonym is not None else None
        if demonym is not None and inner is not None:
            code, last = demonym, i + inner[0]
    elif hit is not None and last + 1 < len(tokens) and gaz.country_of_demonym(tokens[last + 1].text):
        code, last = gaz.country_of_demonym(tokens[last + 1].text), last + 1
    if last < i or code is None or not gaz.capital(code):
        return None
    if any(t.lower in _division_nouns(lang) for t in tokens[last + 1 : last + 1 + _DIVISION_REACH]):
        return None  # "la capital del estado", "the capital of the province": not the country's
    city = gaz.capital(code) or ""
    text, start, end = span_text(body, tokens, i, last)
    entries = [e for e in gaz.lookup(city) if e.kind == "city" and e.country == code]
    if entries:
        return PlaceMention(i, last, entry_place(entries[0], text, start, end))
    place = Place(
        name=city, kind="city", within=(gaz.country_names[code],), country=code, text=text, start=start, end=end
    )
    return PlaceMention(i, last, place)


_DIVISION_REACH = 3  # "la capital del estado", "the capital of the province"


@cache
def _division_nouns(lang: str) -> frozenset[str]:
    """The nouns a language names a country's divisions by ("state", "provincia", "estado"),
    from its place words' kinds."""
    words = place_words(lang)
    skip = vocabulary.grammar(lang).determiners | NAME_JOINERS | {"of", "the"}
    nouns = {w.lower() for w, kind in words.kinds_after.items() if kind == "province"}
    for phrase, kind in words.kinds_before.items():
        if kind == "province":
            nouns.update(w for w in phrase.lower().split() if w not in skip)
    return frozenset(nouns)


def _plain_place(
    body: str,
    tokens: Sequence[Token],
    i: int,
    countries: Sequence[str],
    after: PhraseIndex,
    determiners: frozenset[str],
    regions: PhraseIndex | None = None,
) -> PlaceMention | None:
    """A gazetteer name, confirmed by a kind word after it ("Azuay province") or not
    hidden inside a person's name ("Consuelo Orellana") or a region's ("América Central",
    "América do Sul": ``regions``, the language's ``region_after`` words)."""
    match = gazetteer_match(tokens, i, countries)
    if match is None:
        return None
    size, entry = match
    last = i + size - 1
    if regions is not None and entry.kind == "country" and regions.match_at(tokens, last + 1) is not None:
        return None
    prev = tokens[i - 1] if i > 0 else None
    kind_after = after.match_at(tokens, last + 1)
    in_name = (
        prev is not None
        and prev.is_capitalized
        and prev.is_word
        and i - 1 > 0
        and prev.lower not in determiners
        and (entry.kind == "country" or not gazetteer().lookup(prev.text))
        and tokens[i - 2].text not in ".:;!?"
    )
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    # "Hurricane Otis", "Central America": a town's name followed by a capitalised word that
    # is no province or country is part of another name ("the Francis Scott Key Bridge":
    # Scott is a town too, but two towns are not written side by side)
    followed = (
        entry.kind == "city"
        and nxt is not None
        and nxt.is_word
        and nxt.is_capitalized
        and all(e.kind == "city" for e in gazetteer().lookup(nxt.text, countries[:1]))
    )
    # "el Centro de Rehabilitación de Turi": a town's name before "de" and a capitalised word
    # that is no place begins another name
    joined = last + 2 < len(tokens) and tokens[last + 1].lower in ("de", "del", "of")
    after_joiner = tokens[last + 2] if joined else None
    followed = followed or (
        entry.kind == "city"
        and after_joiner is not None
        and after_joiner.is_word
        and after_joiner.is_capitalized
        and not gazetteer().lookup(after_joiner.text, countries[:1])
    )
    # "Seoul's Itaewon district": a possessive ends the name it is written on
    followed = followed and not tokens[last].text.endswith(("'s", "’s"))
    # "South America", "Latin America": a country's short name inside a longer name
    if kind_after is None and (in_name or followed):
        return None
    text_last = last + (kind_after[0] if kind_after else 0)
    if kind_after is not None and entry.kind not in ("country", kind_after[1]):
        # "Malatya province": the kind after the name says which of its namesakes it is
        again = gazetteer_match(tokens, i, countries, prefer=str(kind_after[1]))
        if again is not None and again[0] == size and again[1].kind == kind_after[1]:
            entry = again[1]
    if kind_after is not None and entry.kind == "country" and kind_after[1] != "country":
        # "Mexico state recorded eight deaths": the state named after its country
        named = " ".join(t.text for t in tokens[i : text_last + 1])
        inner = [e for e in gazetteer().lookup(named) if e.kind == kind_after[1] and e.country == entry.country]
        if inner:
            entry = inner[0]
    return PlaceMention(i, text_last, entry_place(entry, *span_text(body, tokens, i, text_last)))


def _kind_before(
    body: str, tokens: Sequence[Token], i: int, countries: Sequence[str], before: PhraseIndex
) -> PlaceMention | None:
    """ "el estado de Guerrero", "the province of Manabí": the kind is said before the name."""
    hit = before.match_at(tokens, i)
    if hit is None:
        return None
    # "la Ciudad de México", "el Estado de México": the kind word may begin the name itself
    for k in (i, i + 1):
        whole = gazetteer_match(tokens, k, countries)
        if whole is not None and k + whole[0] > i + hit[0]:
            last = k + whole[0] - 1
            return PlaceMention(i, last, entry_place(whole[1], *span_text(body, tokens, i, last)))
    match = gazetteer_match(tokens, i + hit[0], countries, prefer=str(hit[1]))
    if str(hit[1]) == "province" and countries and (match is None or match[1].kind != "province"):
        # "the state of Morales": the text says it is a state; a misspelt state of the
        # document's country beats a town of that name
        j = i + hit[0]
        end = capitalised_name(tokens, j) if j < len(tokens) else None
        if end is not None:
            near = gazetteer().province_like(" ".join(t.text for t in tokens[j : end + 1]), countries[0])
            if near is not None:
                match = (end - j + 1, near)
    if match is None:
        return None
    last = i + hit[0] + match[0] - 1
    return PlaceMention(i, last, entry_place(match[1], *span_text(body, tokens, i, last)))


_DIRECTION_GLUE = frozenset(
    {"the", "el", "la", "le", "il", "o", "a", "of", "de", "del", "du", "do", "da", "di", "l'", "l’", "dell'", "dell’"}
)
"""The articles and prepositions around a word of direction before a listed place."""


_LIST_JOINERS = frozenset({"and", "or", "y", "o", "e", "et", "ou", "u"})


def _located_by(between: Sequence[str]) -> bool:
    """The words between two places say the second is where the first is measured from: a
    word of direction and its "of"/"de" ("north of", "al norte de"), with no word that
    joins a list."""
    if any(w in _LIST_JOINERS for w in between):
        return False
    return any(
        w in direction_words() and k + 1 < len(between) and between[k + 1] in _DIRECTION_GLUE
        for k, w in enumerate(between)
    )


def join_listed(mentions: list[PlaceMention], tokens: Sequence[Token], body: str | None = None) -> list[PlaceMention]:
    """ "Turkey and Syria", "Quito, Guayaquil y Cuenca": places listed together scope a
    figure to all of them, so they become one region made of those parts."""
    body = body if body is not None else rebuilt(tokens)
    out: list[PlaceMention] = []
    for n, m in enumerate(mentions):
        prev = out[-1] if out else None
        between = [t.lower for t in tokens[prev.last + 1 : m.first]] if prev else []
        # "Tultepec, north of Mexico City": a direction from a place locates the place before
        # by it, lists nothing (a list joins its items: "el sur de Turquía y el norte de Siria")
        located = _located_by(between)
        if len(between) > 1 and any(w in direction_words() for w in between):
            # "southern Turkey and northern Syria", "el sur de Turquía y el norte de Siria"
            between = [w for w in between if w not in direction_words() and w not in _DIRECTION_GLUE]
        # "in Bucharest, Romania's health ministry said": a possessive opens another phrase
        possessive = tokens[m.last].text.endswith(("'s", "’s"))
        inner = (
            _apposed(prev.place, m.place)
            if prev is not None and (between == [","] or _inside(between)) and not possessive
            else None
        )
        if inner is None and prev is not None and between == [","] and not possessive:
            listed_on = n + 1 < len(mentions) and _listed_after(tokens, m.last, mentions[n + 1].first)
            inner = None if listed_on else _neighbourhood(prev.place, m.place)
        if inner is None and prev is not None and not between and tokens[prev.last].text.endswith(("'s", "’s")):
            # "Manila's Binondo district", "Ecuador's Guayas province": the place owned is in
            # the owner
            inner = _owned(prev.place, m.place)
        if prev is not None and inner is None and _namesake_town(prev.place, m.place, between):
            # "Argelia, en el departamento del Cauca": a town named like a country, in a
            # province of another one
            inner = Place(
                name=prev.place.text or prev.place.name,
                kind="city",
                within=(m.place.name or "", *m.place.within),
                country=m.place.country,
                stated=True,
            )
        if prev is not None and inner is not None:
            # "Cuenca, Ecuador", "Acapulco, Guerrero": a place and its container name one place
            text, start, end = span_text(body, tokens, prev.first, m.last)
            out[-1] = PlaceMention(
                prev.first, m.last, inner.model_copy(update={"text": text, "start": start, "end": end})
            )
        elif (
            prev is not None
            and not possessive
            and not located
            and (
                between in (["and"], [","], ["or"], [",", "and"], ["y"], ["o"], ["e"])
                # "Turkey-Syria earthquake": two countries hyphened together
                or (between in (["-"], ["–"], ["/"]) and prev.place.kind == m.place.kind == "country")
            )
            and m.place.kind in ("country", "province", "city")
            and prev.place.kind in ("country", "province", "city", "region")
            and m.place.name
            and m.place.name not in (prev.place.parts or (prev.place.name,))
        ):
            parts = (prev.place.parts or (prev.place.name or "",)) + (m.place.name,)
            text, start, end = span_text(body, tokens, prev.first, m.last)
            region = Place(
                name=" and ".join(parts),
                kind="region",
                parts=parts,
                country=prev.place.country,
                text=text,
                start=start,
                end=end,
            )
            out[-1] = PlaceMention(prev.first, m.last, region)
        elif prev is not None and between == [","] and m.place.name == prev.place.name:
            # "the capital, Nairobi": an apposition names the same place twice
            text, start, end = span_text(body, tokens, prev.first, m.last)
            out[-1] = PlaceMention(
                prev.first, m.last, prev.place.model_copy(update={"text": text, "start": start, "end": end})
            )
        else:
            out.append(m)
    return out


_INSIDE = frozenset({"in", "en", "em", "dans", "sa", "nel", "nella", "no", "na"})
"""Locatives that may stand between a place and its container read as one place ("the town
of Kocani in North Macedonia", "Turi, en Azuay", "Solingen, dans l'ouest de l'Allemagne",
the words of direction aside); the gazetteer must say the one holds the other."""


def _inside(between: Sequence[str]) -> bool:
    """A locative alone, maybe after a comma, maybe before "the"."""
    words = [w for w in between if w != ","][:2]
    if between[:1] == [","] and between.count(",") > 1:
        return False
    return bool(words) and words[0] in _INSIDE and (len(words) == 1 or words[1] in ("the",)) and len(between) <= 3


_LIST_GLUE = frozenset({",", "and", "or", "y", "o", "e", "et", "ou", "at", "dan"})
"""What joins the next item of a list of places ("Quito, Guayaquil y Cuenca")."""


def _listed_after(tokens: Sequence[Token], last: int, first: int) -> bool:
    """Whether the next place mention, at ``first``, continues a list that ends at ``last``."""
    between = [t.lower for t in tokens[last + 1 : first]]
    return 0 < len(between) <= 2 and all(w in _LIST_GLUE for w in between)


def _neighbourhood(a: Place, b: Place) -> Place | None:
    """ "Binondo, Manila", "Brooklyn, New York": two towns of one province written "a, b",
    the second the more populous, and no third listed after them, are a part of a city and
    the city, one place (a list of two towns is written with a conjunction)."""
    if a.kind != "city" or b.kind != "city" or a.parts or b.parts or not a.name or not b.name:
        return None
    if a.country is None or a.country != b.country or tuple(a.within) != tuple(b.within) or a.name == b.name:
        return None
    if _population(a.name, a.country) >= _population(b.name, b.country):
        return None
    return Place(name=a.name, kind="city", within=(b.name, *b.within), country=a.country, stated=True)


def _owned(owner: Place, owned: Place) -> Place | None:
    """The place written after a place's possessive, as inside it; None when the two cannot
    nest (a town owned by a town of another country)."""
    if owner.parts or owned.parts or not owner.name or not owned.name or owner.name == owned.name:
        return None
    if owner.name in owned.within:
        return owned
    if owner.kind == owned.kind == "city" and owner.country is not None and owner.country == owned.country:
        return Place(
            name=owned.name, kind="city", within=(owner.name, *owner.within), country=owned.country, stated=True
        )
    return None


def _population(name: str, country: str) -> int:
    """The most populous town of that name in that country, by the gazetteer (0 if none)."""
    return max((e.population for e in gazetteer().lookup(name, [country]) if e.kind == "city"), default=0)


def _namesake_town(a: Place, b: Place, between: Sequence[str]) -> bool:
    """A country's name followed by a comma and a province of another country, maybe
    introduced by a locative and the kind of division ("Argelia, en el departamento del
    Cauca", "Colombia, Huila"): the name is a town's there."""
    if a.kind != "country" or b.kind != "province" or not b.country or a.country == b.country:
        return False
    if not between or between[0] != ",":
        return False
    glue = _apposition_glue()
    return all(w in glue for w in between[1:])


@cache
def _apposition_glue() -> frozenset[str]:
    """Words between a town and its province in an apposition: locatives, articles,
    particles and the nouns of divisions, in every language read."""
    words: set[str] = {"of", "the", "de", "del", "do", "da", "di", "della", "du", "des"}
    for lang in vocabulary.languages():
        if vocabulary.reads(lang):
            g = vocabulary.grammar(lang)
            words |= set(g.locatives) | set(g.determiners) | _division_nouns(lang)
    return frozenset(words)


def _apposed(a: Place, b: Place) -> Place | None:
    """The inner of two places written "inner, container" ("Cuenca, Ecuador"), else None."""
    if b.name is not None and b.name in a.within:
        return a
    return None


def incident_place(body: str, countries: Sequence[str], language: str | None = "en", lead: int = 3) -> Place | None:
    """The facility an article's lead (its first ``lead`` sentences) names, as the default
    scope of its figures: a riot, a fire or a collapse happens at one site, and later
    sentences say "17 inmates died" without naming it again. A facility that receives
    people afterwards (a hospital, a shelter) is no incident's site. None when the lead
    names no facility; then the country is the default (:func:`doc_country_place`).

    >>> body = "Riot at Chiclayo women's prison. 17 inmates died, officials said."
    >>> print(incident_place(body, ["PE"], "en").name)
    Chiclayo women's prison
    """
    from . import memo  # which imports this module
    from .tokens import iter_sentences

    lang = language or "en"
    spans = list(islice(iter_sentences(body), lead))
    # once per distinct lead: it reads the lead's sentences only (each as its own tokens),
    # and the place it gives has no offsets; copies of a story mostly share their lead
    key = (tuple(body[a:b] for a, b in spans), tuple(countries), lang)
    if key in _LEAD_PLACES:
        _LEAD_PLACES.move_to_end(key)
        found = _LEAD_PLACES[key]
        return found.model_copy() if found is not None else None  # a record of its own, as when read
    found = _lead_facility(body, spans, countries, lang)
    memo._remember(_LEAD_PLACES, key, found)
    return found


_LEAD_PLACES: OrderedDict[tuple[tuple[str, ...], tuple[str, ...], str], Place | None] = OrderedDict()


def _lead_facility(body: str, spans: Sequence[tuple[int, int]], countries: Sequence[str], lang: str) -> Place | None:
    """:func:`incident_place` of the lead's sentences at ``spans``."""
    from . import memo  # which imports this module
    from .facilities import facility_kind

    receiving = set(place_words(lang).receiving_kinds)
    # a facility is found only where a facility noun or an opener ("la cárcel de") stands
    nouns, openers = phrase_index(lang, "facility_words").firsts, phrase_index(lang, "facility_openers")
    opener_firsts = openers.firsts  # a set: ``in openers`` is a Python call per word
    for a, b in spans:
        tokens = memo.tokens(body, a, b)  # once per distinct sentence
        words = [t.lower for t in tokens]
        opened = any(w in opener_firsts and openers.match_at(tokens, k) for k, w in enumerate(words))
        if nouns.isdisjoint(words) and not opened:
            continue
        for m in memo.places(tokens, countries, lang, body):  # copies of a story share their lead
            if m.place.kind == "facility" and facility_kind(m.place, lang) not in receiving:
                return m.place.model_copy(update={"stated": False, "text": None, "start": None, "end": None})
    return None


def doc_country_place(countries: Sequence[str]) -> Place | None:
    """The default scope of a claim with no place of its own: the document's main country."""
    if not countries:
        return None
    return country_place(countries[0], stated=False)


from .scope import place_count, place_of  # noqa: E402 - re-exported: the count of places is part of scope

__all__ = [
    "PlaceMention",
    "doc_country_place",
    "document_countries",
    "find_places",
    "fold",
    "incident_place",
    "place_count",
    "place_of",
    "tokenize",
]
