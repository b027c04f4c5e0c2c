"""Where a claim is scoped: countries, provinces and cities from the gazetteer, named
facilities found by pattern ("Turi jail", tied to the city named beside it), unnamed ones
("a prison in Cuenca"), "nationwide" and "the capital".

Cities and provinces count only in documents that mention their country (or, for cities
of a million people or more, anywhere): "Police" is a town in Poland, and "Orellana" a
province of Ecuador as well as a surname."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import vocabulary
from ..gazetteer import Entry, fold, gazetteer
from ..models import Place
from .tokens import PhraseIndex, Token, tokenize

BIG_CITY = 1_000_000


@dataclass(frozen=True, slots=True)
class PlaceMention:
    first: int
    last: int
    place: Place


@cache
def _facility_index() -> PhraseIndex:
    return PhraseIndex((w, w) for w in vocabulary.places().facility_words)


@cache
def _phrase_index(kind: str) -> PhraseIndex:
    words = vocabulary.places()
    return PhraseIndex((w, kind) for w in (words.nationwide if kind == "nationwide" else words.capital_words))


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
    code: str, tok_text: str | None = None, start: int | None = None, end: int | None = None, stated: bool = True
) -> Place:
    name = gazetteer().country_names.get(code, code)
    return Place(name=name, kind="country", country=code, text=tok_text, start=start, end=end, stated=stated)


def _entry_place(entry: Entry, text: str, start: int, end: int) -> Place:
    gaz = gazetteer()
    kind = "province" if entry.kind == "province" else entry.kind
    within = () if kind == "country" else (gaz.country_names.get(entry.country, entry.country),)
    return Place(
        name=entry.name,
        kind=kind,
        within=within,
        country=entry.country,
        text=text,
        start=start,
        end=end,
    )


def _gazetteer_match(tokens: Sequence[Token], i: int, countries: Sequence[str]) -> tuple[int, Entry] | None:
    gaz = gazetteer()
    for n in range(min(gaz.max_words, len(tokens) - i), 0, -1):
        span = tokens[i : i + n]
        if not span[-1].is_word or not all(
            t.is_capitalized or t.lower in ("de", "del", "la", "los", "el") for t in span
        ):
            continue
        entries = gaz.lookup(_name(span))
        ok = [
            e
            for e in entries
            if e.kind == "country" or e.country in countries or (e.kind == "city" and e.population >= BIG_CITY)
        ]
        if ok:
            # a country of the document beats a namesake elsewhere; a city beats a province
            ok.sort(key=lambda e: (e.kind != "country", e.country not in countries, e.kind != "city", -e.population))
            return n, ok[0]
    return None


def find_places(tokens: Sequence[Token], countries: Sequence[str]) -> list[PlaceMention]:
    """Places mentioned in a sentence's tokens, given the document's countries."""
    gaz = gazetteer()
    words = vocabulary.places()
    g = vocabulary.grammar()
    facilities = _facility_index()
    home = countries[0] if countries else None
    out: list[PlaceMention] = []
    i = 0
    n = len(tokens)
    nationwide, capital = _phrase_index("nationwide"), _phrase_index("capital")
    while i < n:
        tok = tokens[i]
        if (
            tok.lower not in nationwide.firsts
            and tok.lower not in capital.firsts
            and not tok.text[0].isupper()
            and tok.lower not in ("a", "an", "the")
        ):
            i += 1
            continue
        hit = nationwide.match_at(tokens, i)
        if hit is not None and home:
            out.append(PlaceMention(i, i + hit[0] - 1, _country_place(home, tok.text, tok.start, tok.end)))
            i += hit[0]
            continue
        hit = capital.match_at(tokens, i)
        if hit is not None and home and gaz.capital(home):
            end_tok = tokens[i + hit[0] - 1]
            city = Place(
                name=gaz.capital(home),
                kind="city",
                within=(gaz.country_names[home],),
                country=home,
                text=" ".join(t.text for t in tokens[i : i + hit[0]]),
                start=tok.start,
                end=end_tok.end,
            )
            out.append(PlaceMention(i, i + hit[0] - 1, city))
            i += hit[0]
            continue
        if not tok.is_capitalized or not tok.is_word:
            # an unnamed facility: "a prison in Cuenca", "an Ecuadorian prison"
            if tok.lower in ("a", "an", "the") and i + 1 < n:
                m = _unnamed_facility(tokens, i + 1, countries, facilities)
                if m is not None:
                    out.append(m)
                    i = m.last + 1
                    continue
            i += 1
            continue
        named = _named_facility(tokens, i, countries, facilities)
        if named is not None:
            out.append(named)
            i = named.last + 1
            continue
        code = gaz.country_of_demonym(tok.text)
        if code is not None:
            fac = _unnamed_facility(tokens, i, countries, facilities)
            if fac is not None:
                out.append(fac)
                i = fac.last + 1
                continue
        match = _gazetteer_match(tokens, i, countries)
        if match is not None:
            size, entry = match
            last = i + size - 1
            prev = tokens[i - 1] if i > 0 else None
            nxt = tokens[last + 1] if last + 1 < n else None
            confirmed = nxt is not None and nxt.lower in words.place_kinds
            # "Consuelo Orellana": a capitalised word before the name makes it part of another name
            in_name = (
                prev is not None
                and prev.is_capitalized
                and prev.is_word
                and i - 1 > 0
                and prev.lower not in g.determiners
                and not gazetteer().lookup(prev.text)
                and tokens[i - 2].text not in ".:;!?"
            )
            if entry.kind == "country" or confirmed or not in_name:
                text_last = last + 1 if confirmed else last
                assert nxt is not None or not confirmed
                place = _entry_place(
                    entry, " ".join(t.text for t in tokens[i : text_last + 1]), tok.start, tokens[text_last].end
                )
                out.append(PlaceMention(i, text_last, place))
                i = text_last + 1
                continue
        i += 1
    return join_listed(out, tokens)


def join_listed(mentions: list[PlaceMention], tokens: Sequence[Token]) -> list[PlaceMention]:
    """ "Turkey and Syria", "Quito, Guayaquil and Cuenca": places listed together scope a
    figure to all of them, so they become one region made of those parts."""
    out: list[PlaceMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        between = [t.lower for t in tokens[prev.last + 1 : m.first]] if prev else []
        if (
            prev is not None
            and between in (["and"], [","], ["or"], [",", "and"])
            and m.place.kind in ("country", "province", "city")
            and prev.place.kind in ("country", "province", "city", "region")
            and m.place.name
            and m.place.name not in (prev.place.parts or (prev.place.name,))
        ):
            parts = (prev.place.parts or (prev.place.name or "",)) + (m.place.name,)
            region = Place(
                name=" and ".join(parts),
                kind="region",
                parts=parts,
                country=prev.place.country,
                text=" ".join(t.text for t in tokens[prev.first : m.last + 1]),
                start=tokens[prev.first].start,
                end=tokens[m.last].end,
            )
            out[-1] = PlaceMention(prev.first, m.last, region)
        elif prev is not None and between == [","] and m.place.name == prev.place.name:
            # "the capital, Nairobi": an apposition names the same place twice
            out[-1] = PlaceMention(prev.first, m.last, prev.place)
        else:
            out.append(m)
    return out


def _within_after(tokens: Sequence[Token], k: int, countries: Sequence[str]) -> tuple[int, Place] | None:
    """A place written right after a facility: "Turi jail in Cuenca"."""
    if k < len(tokens) and tokens[k].lower in ("in", "at", "near", "outside"):
        match = _gazetteer_match(tokens, k + 1, countries)
        if match is not None:
            size, entry = match
            last = k + size
            return last, _entry_place(entry, "", 0, 0)
    return None


def _chain(container: Place | None, countries: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
    if container is not None:
        return ((container.name or "",) + container.within), container.country
    if countries:
        return (gazetteer().country_names[countries[0]],), countries[0]
    return (), None


def _named_facility(
    tokens: Sequence[Token], i: int, countries: Sequence[str], facilities: PhraseIndex
) -> PlaceMention | None:
    g = vocabulary.grammar()
    for width in (1, 2, 3):
        k = i + width
        name_toks = tokens[i:k]
        if k >= len(tokens) or not all(t.is_capitalized and t.is_word for t in name_toks):
            return None
        hit = facilities.match_at(tokens, k)
        if hit is None:
            continue
        end = k + hit[0] - 1
        after = tokens[end + 1] if end + 1 < len(tokens) else None
        # "prison service", "prisons": a facility word followed by a noun, or plural, names no facility
        if (
            after is not None
            and after.is_word
            and after.lower not in g.phrase_breaks
            and after.lower not in g.conjunctions
            and not after.is_capitalized
        ):
            return None
        name = " ".join(t.text for t in tokens[i : end + 1])
        own = _gazetteer_match(tokens, i, countries)
        container: Place | None = None
        last = end
        nearby = _within_after(tokens, end + 1, countries)
        if nearby is not None:
            last, container = nearby
        elif own is not None and own[0] == width:
            container = _entry_place(own[1], "", 0, 0)
            if container.kind == "country":
                return None  # "Ecuador prison" is an unnamed prison in Ecuador, handled elsewhere
        return _facility(tokens, i, last, name, container, countries)
    return None


def _unnamed_facility(
    tokens: Sequence[Token], i: int, countries: Sequence[str], facilities: PhraseIndex
) -> PlaceMention | None:
    gaz = gazetteer()
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
    last = end
    nearby = _within_after(tokens, end + 1, countries)
    if nearby is not None:
        last, container = nearby
    elif container is None:
        return None  # "a prison" with no place says nothing about scope
    return _facility(tokens, i, last, None, container, countries)


def _facility(
    tokens: Sequence[Token], i: int, last: int, name: str | None, container: Place | None, countries: Sequence[str]
) -> PlaceMention:
    """A facility written at tokens ``i``..``last``, inside ``container`` (or the document's country)."""
    within, country = _chain(container, countries)
    text = " ".join(t.text for t in tokens[i : last + 1])
    place = Place(
        name=name,
        kind="facility",
        within=within,
        country=country,
        text=text,
        start=tokens[i].start,
        end=tokens[last].end,
    )
    return PlaceMention(i, last, place)


def doc_country_place(countries: Sequence[str]) -> Place | None:
    """The default scope of a claim with no place of its own: the document's main country."""
    if not countries:
        return None
    return _country_place(countries[0], stated=False)


__all__ = ["PlaceMention", "doc_country_place", "document_countries", "find_places", "fold", "tokenize"]
