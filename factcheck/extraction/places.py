"""Where a claim is scoped: countries, provinces and cities from the gazetteer, with their
containers down to the first-level division (Acapulco: Guerrero, Mexico), named facilities
found by pattern ("Turi jail", "la cárcel de Turi", "el Centro Femenino de Adaptación
Social"), unnamed ones ("a prison in Cuenca", "una cárcel en Cuenca"), "nationwide" and
"the capital", in the words of each language (``data/<lang>/places.yaml``).

Cities and provinces count only in documents that mention their country (or, for cities
of a million people or more, anywhere): "Police" is a town in Poland, and "Orellana" a
province of Ecuador as well as a surname. Every place's ``text`` is ``body[start:end]``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import vocabulary
from ..gazetteer import Entry, fold, gazetteer
from ..models import Place
from .placewords import place_words
from .timewords import flat
from .tokens import PhraseIndex, Token, tokenize

BIG_CITY = 1_000_000
_NAME_JOINERS = frozenset({"de", "del", "la", "las", "los", "el", "y"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    first: int
    last: int
    place: Place


def _variants(phrase: str) -> set[str]:
    return {phrase.lower(), flat(phrase)}


@cache
def _index(language: str, field: str) -> PhraseIndex:
    """A phrase index over one field of a language's place words, accented and folded."""
    words = place_words(language)
    table = getattr(words, field)
    items = table.items() if isinstance(table, dict) else ((w, w) for w in table)
    return PhraseIndex((v, payload) for w, payload in items for v in _variants(w))


def _text(body: str, tokens: Sequence[Token], first: int, last: int) -> tuple[str, int, int]:
    start, end = tokens[first].start, tokens[last].end
    return body[start:end], start, end


def _rebuilt(tokens: Sequence[Token]) -> str:
    """The text under the tokens, with the gaps between them as spaces (when the caller
    has no body to give)."""
    chars = [" "] * (tokens[-1].end if tokens else 0)
    for t in tokens:
        chars[t.start : t.end] = t.text
    return "".join(chars)


def _name(span: Sequence[Token]) -> str:
    """The words of a span as a name, without a possessive ("Ecuador's" is Ecuador)."""
    text = " ".join(t.text for t in span)
    return text[:-2] if text.endswith(("'s", "’s")) else text


def document_countries(tokens: Sequence[Token]) -> list[str]:
    """ISO codes of the countries a document mentions, most mentioned first."""
    gaz = gazetteer()
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for i, tok in enumerate(tokens):
        if not tok.is_capitalized:
            continue
        code = gaz.country_of_demonym(tok.text)
        if code is None:
            for n in (3, 2, 1):
                entries = [e for e in gaz.lookup(_name(tokens[i : i + n])) if e.kind == "country"]
                if entries:
                    code = entries[0].country
                    break
        if code:
            counts[code] += 1
            first_seen.setdefault(code, i)
    return sorted(counts, key=lambda c: (-counts[c], first_seen[c]))


def _country_place(
    code: str, text: str | None = None, start: int | None = None, end: int | None = None, stated: bool = True
) -> Place:
    name = gazetteer().country_names.get(code, code)
    return Place(name=name, kind="country", country=code, text=text, start=start, end=end, stated=stated)


def _entry_place(entry: Entry, text: str | None, start: int | None, end: int | None) -> Place:
    gaz = gazetteer()
    kind = "province" if entry.kind == "province" else entry.kind
    return Place(
        name=entry.name, kind=kind, within=gaz.within(entry), country=entry.country, text=text, start=start, end=end
    )


def _gazetteer_match(
    tokens: Sequence[Token], i: int, countries: Sequence[str], prefer: str | None = None
) -> tuple[int, Entry] | None:
    gaz = gazetteer()
    local = tuple(countries)
    for n in range(min(gaz.max_words, len(tokens) - i), 0, -1):
        span = tokens[i : i + n]
        if not span[-1].is_word or not span[-1].is_capitalized and not span[-1].text.isupper():
            continue
        if not all(t.is_capitalized or t.lower in _NAME_JOINERS for t in span):
            continue
        entries = gaz.lookup(_name(span), local)
        ok = [
            e
            for e in entries
            if e.kind == "country" or e.country in countries or (e.kind == "city" and e.population >= BIG_CITY)
        ]
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


def find_places(
    tokens: Sequence[Token],
    countries: Sequence[str],
    language: str | None = "en",
    body: str | None = None,
) -> list[PlaceMention]:
    """Places mentioned in a sentence's tokens, given the document's countries, read with
    ``language``'s place words. Pass ``body`` (the text the token offsets point into) so
    each place's text is exactly the body's; without it the gaps between tokens are spaces.

    >>> body = "Murieron 46 reclusas en el penal de Támara, en el departamento de Francisco Morazán."
    >>> for m in find_places(tokenize(body), ["HN"], "es", body):
    ...     print(m.place.kind, m.place.name, m.place.within)
    facility penal de Támara ('Támara', 'Francisco Morazán', 'Honduras')
    province Francisco Morazán ('Honduras',)
    """
    body = body if body is not None else _rebuilt(tokens)
    lang = language or "en"
    gaz = gazetteer()
    g = vocabulary.grammar(lang)
    home = countries[0] if countries else None
    nationwide, capital = _index(lang, "nationwide"), _index(lang, "capital_words")
    before, after = _index(lang, "kinds_before"), _index(lang, "kinds_after")
    openers = _index(lang, "facility_openers")
    out: list[PlaceMention] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        low = tok.lower
        if (
            not tok.text[0].isupper()
            and not any(low in ix.firsts or flat(low) in ix.firsts for ix in (nationwide, capital, before, openers))
            and low not in ("a", "an", "the", "un", "una", "unos", "unas", "la", "el")
        ):
            i += 1
            continue
        hit = nationwide.match_at(tokens, i)
        if hit is not None and home:
            out.append(PlaceMention(i, i + hit[0] - 1, _country_place(home, *_text(body, tokens, i, i + hit[0] - 1))))
            i += hit[0]
            continue
        hit = capital.match_at(tokens, i)
        city = gaz.capital(home) if home else None
        if hit is not None and home and city:
            text, start, end = _text(body, tokens, i, i + hit[0] - 1)
            entries = [e for e in gaz.lookup(city) if e.kind == "city" and e.country == home]
            place = (
                _entry_place(entries[0], text, start, end)
                if entries
                else Place(
                    name=city,
                    kind="city",
                    within=(gaz.country_names[home],),
                    country=home,
                    text=text,
                    start=start,
                    end=end,
                )
            )
            out.append(PlaceMention(i, i + hit[0] - 1, place))
            i += hit[0]
            continue
        m = _opened_facility(body, tokens, i, countries, openers, lang)
        if m is None:
            m = _kind_before(body, tokens, i, countries, before)
        if m is None and tok.is_capitalized and tok.is_word:
            m = _named_facility(body, tokens, i, countries, lang)
        if m is None and (low in ("a", "an", "the", "un", "una") or gaz.country_of_demonym(tok.text)) and i + 1 < n:
            m = _unnamed_facility(body, tokens, i + (low in ("a", "an", "the", "un", "una")), i, countries, lang)
        if m is None and tok.is_capitalized and tok.is_word:
            m = _plain_place(body, tokens, i, countries, after, g.determiners)
        if m is not None:
            out.append(m)
            i = m.last + 1
            continue
        i += 1
    return join_listed(out, tokens, body)


def _plain_place(
    body: str,
    tokens: Sequence[Token],
    i: int,
    countries: Sequence[str],
    after: PhraseIndex,
    determiners: frozenset[str],
) -> PlaceMention | None:
    """A gazetteer name, confirmed by a kind word after it ("Azuay province") or not
    hidden inside a person's name ("Consuelo Orellana")."""
    match = _gazetteer_match(tokens, i, countries)
    if match is None:
        return None
    size, entry = match
    last = i + size - 1
    prev = tokens[i - 1] if i > 0 else None
    kind_after = after.match_at(tokens, last + 1)
    in_name = (
        prev is not None
        and prev.is_capitalized
        and prev.is_word
        and i - 1 > 0
        and prev.lower not in determiners
        and not gazetteer().lookup(prev.text)
        and tokens[i - 2].text not in ".:;!?"
    )
    if entry.kind != "country" and kind_after is None and in_name:
        return None
    text_last = last + (kind_after[0] if kind_after else 0)
    return PlaceMention(i, text_last, _entry_place(entry, *_text(body, tokens, i, text_last)))


def _kind_before(
    body: str, tokens: Sequence[Token], i: int, countries: Sequence[str], before: PhraseIndex
) -> PlaceMention | None:
    """ "el estado de Guerrero", "the province of Manabí": the kind is said before the name."""
    hit = before.match_at(tokens, i)
    if hit is None:
        return None
    match = _gazetteer_match(tokens, i + hit[0], countries, prefer=str(hit[1]))
    if match is None:
        return None
    last = i + hit[0] + match[0] - 1
    return PlaceMention(i, last, _entry_place(match[1], *_text(body, tokens, i, last)))


def _capitalised_name(tokens: Sequence[Token], k: int) -> int | None:
    """The last token of a capitalised name starting at ``k`` ("Turi", "San Pedro Sula")."""
    last = None
    j = k
    while j < len(tokens) and j - k < 6:
        t = tokens[j]
        if t.is_word and (t.is_capitalized or t.text.isupper()):
            last = j
        elif not (t.lower in _NAME_JOINERS and last is not None):
            break
        j += 1
    return last


def _opened_facility(
    body: str, tokens: Sequence[Token], i: int, countries: Sequence[str], openers: PhraseIndex, lang: str
) -> PlaceMention | None:
    """ "la cárcel de Turi", "el penal de Támara": the facility noun first, then its name."""
    hit = openers.match_at(tokens, i)
    if hit is None:
        return None
    k = i + hit[0]
    last = _capitalised_name(tokens, k)
    if last is None:
        return None
    own = _gazetteer_match(tokens, k, countries)
    container = _entry_place(own[1], None, None, None) if own and own[0] == last - k + 1 else None
    noun = i + 1 if tokens[i].lower in vocabulary.grammar(lang).determiners or tokens[i].lower in ("el", "la") else i
    name = _text(body, tokens, noun, last)[0]
    nearby = _within_after(tokens, last + 1, countries)
    end = last
    if nearby is not None and container is None:
        end, container = nearby
    return _facility(body, tokens, i, end, name, container, countries)


def _within_after(tokens: Sequence[Token], k: int, countries: Sequence[str]) -> tuple[int, Place] | None:
    """A place written right after a facility: "Turi jail in Cuenca", "una cárcel en Cuenca"."""
    if k < len(tokens) and tokens[k].lower in ("in", "at", "near", "outside", "en", "de", "cerca"):
        j = k + 1 + (k + 1 < len(tokens) and tokens[k].lower == "cerca" and tokens[k + 1].lower == "de")
        match = _gazetteer_match(tokens, j, countries)
        if match is not None:
            size, entry = match
            return j + size - 1, _entry_place(entry, None, None, None)
    return None


def _chain(container: Place | None, countries: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
    if container is not None:
        return ((container.name or "",) + container.within), container.country
    if countries:
        return (gazetteer().country_names[countries[0]],), countries[0]
    return (), None


def _named_facility(
    body: str, tokens: Sequence[Token], i: int, countries: Sequence[str], lang: str
) -> PlaceMention | None:
    """ "Turi jail", "Litoral Penitentiary", and a capitalised facility noun as a name of its
    own ("Centro Femenino de Adaptación Social", "Penitenciaría Nacional")."""
    g = vocabulary.grammar(lang)
    facilities = _index(lang, "facility_words")
    own_hit = facilities.match_at(tokens, i)
    if own_hit is not None:
        last = i + own_hit[0] - 1
        tail = _capitalised_name(tokens, last + 1)
        if tail is not None:
            last = tail
        elif last + 1 < len(tokens) and tokens[last + 1].lower in ("de", "del", "of"):
            tail = _capitalised_name(tokens, last + 2)
            last = tail if tail is not None else last
        if own_hit[0] == 1 and last == i:
            return None  # "Prison" opening a sentence names nothing
        name = _text(body, tokens, i, last)[0]
        nearby = _within_after(tokens, last + 1, countries)
        if nearby is not None:
            return _facility(body, tokens, i, nearby[0], name, nearby[1], countries)
        return _facility(body, tokens, i, last, name, None, countries)
    for width in (1, 2, 3):
        k = i + width
        if k >= len(tokens) or not all(t.is_capitalized and t.is_word for t in tokens[i:k]):
            return None
        hit = facilities.match_at(tokens, k)
        if hit is None:
            continue
        end = k + hit[0] - 1
        nxt = tokens[end + 1] if end + 1 < len(tokens) else None
        # "prison service", "prisons": a facility word followed by a noun, or plural, names no facility
        if (
            nxt is not None
            and nxt.is_word
            and nxt.lower not in g.phrase_breaks
            and nxt.lower not in g.conjunctions
            and not nxt.is_capitalized
            and nxt.lower not in ("in", "at", "near", "outside", "en", "de")
        ):
            return None
        name = _text(body, tokens, i, end)[0]
        own = _gazetteer_match(tokens, i, countries)
        container: Place | None = None
        last = end
        nearby = _within_after(tokens, end + 1, countries)
        if nearby is not None:
            last, container = nearby
        elif own is not None and own[0] == width:
            container = _entry_place(own[1], None, None, None)
            if container.kind == "country":
                return None  # "Ecuador prison" is an unnamed prison in Ecuador, handled elsewhere
        return _facility(body, tokens, i, last, name, container, countries)
    return None


def _unnamed_facility(
    body: str, tokens: Sequence[Token], i: int, first: int, countries: Sequence[str], lang: str
) -> PlaceMention | None:
    """ "a prison in Cuenca", "an Ecuadorian prison", "una cárcel ecuatoriana": a facility
    tied to a place but not named; without a place it says nothing about scope."""
    gaz = gazetteer()
    facilities = _index(lang, "facility_words")
    k = i
    container: Place | None = None
    code = gaz.country_of_demonym(tokens[k].text) if k < len(tokens) else None
    if code is None and k < len(tokens) and tokens[k].is_capitalized:
        match = _gazetteer_match(tokens, k, countries)
        if match is not None and match[1].kind == "country":
            code = match[1].country
            k += match[0] - 1
    if code is not None:
        container = _country_place(code)
        k += 1
    hit = facilities.match_at(tokens, k)
    if hit is None:
        return None
    end = k + hit[0] - 1
    if container is None and end + 1 < len(tokens) and gaz.country_of_demonym(tokens[end + 1].text):
        end += 1  # Spanish puts the demonym after the noun
        container = _country_place(gaz.country_of_demonym(tokens[end].text) or "")
    nearby = _within_after(tokens, end + 1, countries)
    if nearby is not None:
        end, container = nearby
    elif container is None:
        return None
    return _facility(body, tokens, first, end, None, container, countries)


def _facility(
    body: str,
    tokens: Sequence[Token],
    i: int,
    last: int,
    name: str | None,
    container: Place | None,
    countries: Sequence[str],
) -> PlaceMention:
    """A facility written at tokens ``i``..``last``, inside ``container`` (or the document's country)."""
    within, country = _chain(container, countries)
    text, start, end = _text(body, tokens, i, last)
    return PlaceMention(
        i, last, Place(name=name, kind="facility", within=within, country=country, text=text, start=start, end=end)
    )


def join_listed(mentions: list[PlaceMention], tokens: Sequence[Token], body: str | None = None) -> list[PlaceMention]:
    """ "Turkey and Syria", "Quito, Guayaquil y Cuenca": places listed together scope a
    figure to all of them, so they become one region made of those parts."""
    body = body if body is not None else _rebuilt(tokens)
    out: list[PlaceMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        between = [t.lower for t in tokens[prev.last + 1 : m.first]] if prev else []
        if (
            prev is not None
            and between in (["and"], [","], ["or"], [",", "and"], ["y"], ["o"], ["e"])
            and m.place.kind in ("country", "province", "city")
            and prev.place.kind in ("country", "province", "city", "region")
            and m.place.name
            and m.place.name not in (prev.place.parts or (prev.place.name,))
        ):
            parts = (prev.place.parts or (prev.place.name or "",)) + (m.place.name,)
            text, start, end = _text(body, tokens, prev.first, m.last)
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
            text, start, end = _text(body, tokens, prev.first, m.last)
            out[-1] = PlaceMention(
                prev.first, m.last, prev.place.model_copy(update={"text": text, "start": start, "end": end})
            )
        else:
            out.append(m)
    return out


def doc_country_place(countries: Sequence[str]) -> Place | None:
    """The default scope of a claim with no place of its own: the document's main country."""
    if not countries:
        return None
    return _country_place(countries[0], stated=False)


from .placecount import place_count  # noqa: E402 - re-exported: the count of places is part of scope

__all__ = ["PlaceMention", "doc_country_place", "document_countries", "find_places", "fold", "place_count", "tokenize"]
