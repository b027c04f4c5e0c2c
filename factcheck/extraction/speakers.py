"""Attribution across sentences: who a pronoun or a bare title stands for, and when a
sentence with no cue of its own goes on with the report of the sentence before.

The text itself says when that is so: a pronoun ("He added ...", "Detalló que ..."), a
title that refers back ("the governor", "el mandatario"), a list of figures that goes on
after its attributed head ("X reported 64 dead. 30 died in the capital, 21 in
Jalisco ..."), a sentence that opens with a continuation ("Mientras que en Jalisco ...")
or a list after a colon ("según un boletín del ministerio: - Bolivia: 9"), and the
lengths that go on with a body's reading ("El SSN indicó que el sismo fue de 7,1. ¶ El
epicentro se localizó a 12 kilómetros ..."). A single figure
after an attributed sentence is as often the writer's own, so it is carried only as an
item of such a list.

Within a sentence, the distance that says where a place lies ("en Chorrillos, a unos 20
kilómetros de la capital, ...") is the writer's description, not a figure any cited
source gives."""

from __future__ import annotations

from dataclasses import replace
from functools import cache, lru_cache

from .. import vocabulary
from ..models import Source
from ..units import to_base
from . import memo
from .acronyms import expand
from .attribution import Attribution, source_for
from .bodies import body_name, is_body
from .organisations import canonical_name
from .placewords import place_words
from .quantities import Found
from .scales import is_scale
from .sentence import DocContext, Sentence
from .surnames import person_named_before

_BULLETS = frozenset("-•*–—·")


def annotate_speakers(sent: Sentence, ctx: DocContext, in_time: frozenset[int] = frozenset()) -> None:
    """Fill the sentence's attributions layer: its own cues with pronouns and titles resolved
    against the sources named before, else the source a list or continuation carries."""
    resolved: list[Attribution] = []
    for a in memo.attributions(sent.tokens, sent.body, sent.language, in_time):  # once per distinct sentence
        if a.lone or (a.first == a.last and _is_a_place(sent, a)):
            # "Villanueva ... y recordó que": the surname of a person the article named, even
            # where a place bears the same name; else no speaker
            person = person_named_before(
                a.source.name, ctx.named, ctx.named_index, ctx.doc.body, a.source.start, sent.language
            )
            if person is None:
                continue
            resolved.append(replace(a, source=person.model_copy(update={"cue": a.source.cue}), lone=False))
            continue
        if _is_a_place(sent, a):
            continue  # "Salta province, to the north of the city, recorded five deaths"
        if _first_person(a.source.name, sent.language):
            continue  # "We have counted 14 bodies," the mayor told reporters: the quote's speaker says so
        if _points_back(a.source.name, sent.language):
            continue  # "Así lo informó X", "Lo ha reso noto X": the words point back, X speaks (revisions.py)
        if not a.source.name and resolved and resolved[-1].source.name:
            # 'X said that it "will cost billions," adding that ...': the speaker left out
            # is the one this sentence named, not the last one before it
            src: Source | None = resolved[-1].source.model_copy(update={"cue": a.source.cue})
        else:
            src = resolve_pronoun(_known_body(a.source, ctx), ctx, sent.language)
        if src is not None:
            resolved.append(a if src is a.source else replace(a, source=src))
    sent.attributions = resolved or _carried(sent, ctx)
    ctx.carried = None
    names = {a.source.name for a in sent.attributions}
    if sent.quantities and len(names) == 1:
        # a sentence that cites two sources leaves the next one to neither
        ctx.carried = (sent.end, sent.attributions[-1].source)
        ctx.carried_measures = all(_measure(f) for f in sent.quantities)
    # a name, or a body described in lower case ("the national fire agency said ...; it
    # had said earlier"): what a later pronoun refers back to
    named = [
        a.source
        for a in resolved
        if any(w[:1].isupper() for w in a.source.name.split()) or _body_head(a.source, sent.language) is not None
    ]
    if named:
        ctx.last_named = named[-1]
        ctx.named.extend(named)


@cache
def _back_cue_words(lang: str) -> frozenset[str]:
    """The back cues of the language and their first words ("lo" of "lo ha")."""
    cues = vocabulary.attribution(lang).back_cues
    return frozenset(cues) | frozenset(c.split()[0] for c in cues)


def _points_back(name: str, lang: str) -> bool:
    """A speaker that is only the words pointing back at a report ("Así lo", "Lo" before
    "ha reso noto"), not a name."""
    return name.lower() in _back_cue_words(lang)


def _first_person(name: str, lang: str) -> bool:
    """ "we", "We first", "nosotros también": the quote's own speaker, never a source."""
    words = name.split()
    return (
        bool(words)
        and words[0].lower() in vocabulary.attribution(lang).first_person
        and len(words) <= 2
        and not any(w[:1].isupper() for w in words[1:])
    )


def claim_source(sent: Sentence, f: Found) -> Source | None:
    """The source of one figure of an annotated sentence: the attributions that cover it,
    unless it is a distance that says where a place lies."""
    if _locates_a_place(sent, f):
        return None
    return source_for(sent.attributions, f.first, f.last, sent.language)


_LEAD_WORDS = 3  # "a unos", "located approximately", "some"


def _locates_a_place(sent: Sentence, f: Found) -> bool:
    """ "Chorrillos, a unos 20 kilómetros al sur de Lima,", "the Callao prison, located
    some 12 miles (20 kilometers) west of the capital": a distance
    that opens an appositive right after a place or a facility."""
    if f.unit is None or to_base(1.0, f.unit)[1] != "meter":
        return False
    toks = sent.tokens
    j = f.first - 1
    k = 0
    while j >= 0 and k < _LEAD_WORDS and toks[j].is_word and not toks[j].is_capitalized:
        j -= 1
        k += 1
    if j < 1 or toks[j].text != ",":
        return _inside_parentheses_after_distance(sent, f)
    return any(p.last == j - 1 for p in sent.places) or toks[j - 1].lower in _facility_words(sent.language)


def _inside_parentheses_after_distance(sent: Sentence, f: Found) -> bool:
    """ "some 12 miles (20 kilometers) west": the conversion goes with the distance."""
    toks = sent.tokens
    if f.first < 2 or toks[f.first - 1].text != "(":
        return False
    before = next((g for g in sent.quantities if g.last == f.first - 2), None)
    return before is not None and _locates_a_place(sent, before)


@cache
def _facility_words(lang: str) -> frozenset[str]:
    """Single-word facility nouns ("prison", "cárcel") of the language."""
    return frozenset(w.lower() for w in place_words(lang).facility_kinds if " " not in w)


def _is_a_place(sent: Sentence, a: Attribution) -> bool:
    """A speaker that is nothing but a state or a city: where the figure happened, not who
    gave it. A country may speak for its government ("Mexico said ..."), but not when it
    is written in apposition after a place as its container ("en Sabinas, Coahuila,")."""
    kinds = place_words(sent.language).kinds_after
    after_comma = a.first > 0 and sent.tokens[a.first - 1].text == ","
    return any(
        (p.first == a.first or (after_comma and p.first < a.first))
        and p.last == a.last
        and (p.place.kind in ("province", "city") or sent.tokens[p.last].lower in kinds or p.first < a.first)
        for p in sent.places
    )


def _known_body(source: Source, ctx: DocContext) -> Source:
    """A listed public body under the one name it goes by in every language ("Peru's
    National Civil Defense Institute": Instituto Nacional de Defensa Civil (INDECI)); a
    short name the document defined under its full name ("la DTV")."""
    written = (expand(source.name, ctx.doc.body) or source.name) if source.name else ""
    name = _name_it_goes_by(written, tuple(ctx.countries)) if written else None
    name = None if name == source.name else name
    via = _known_body(source.via, ctx) if source.via is not None else None
    if name is None and via is source.via:
        return source
    update: dict[str, object] = {"name": name or source.name, "via": via}
    at = source.name.find(name) if name else -1
    if name and at >= 0:
        # "la Secretaría de Salud de Honduras" named "la Secretaría de Salud": the span
        # still slices back to the name
        update |= {"start": source.start + at, "end": source.start + at + len(name)}
    return source.model_copy(update=update)


@lru_cache(maxsize=4096)
def _name_it_goes_by(written: str, countries: tuple[str, ...]) -> str:
    """The name a body written so goes by in an article about ``countries``, once per
    distinct name and countries (every figure a speaker gives asks, copy after copy)."""
    return canonical_name(written, countries) or body_name(written, countries) or written


@cache
def _pronoun_titles(lang: str) -> dict[str, str | None]:
    """Each pronoun of the language and the title it names, if any ("el alcalde": alcalde)."""
    table = vocabulary.attribution(lang)
    return {p: next((w for w in p.split() if w in table.titles), None) for p in table.pronouns}


def resolve_pronoun(source: Source, ctx: DocContext, lang: str = "en") -> Source | None:
    """The source a pronoun or a title stands for. "He", "ella" and a speaker left out stand
    for the last named source; "the governor" for the last source named with that role,
    and is kept as written where none was ("El alcalde dijo ..." after the president
    spoke); "el mandatario" for the last named source whatever its role."""
    titles = _pronoun_titles(lang)
    key = source.name.lower()
    if source.name and key not in titles:
        return _described_body(source, ctx, lang) or source
    title = titles.get(key)
    if title is None and _body_head(source, lang) is not None:
        # "the agency", "the ministry": the body named before with that word, else the last
        # body named, else as written; never the last person named
        return _described_body(source, ctx, lang, any_body=True) or source
    if title is None and any(w[:1].isupper() for w in source.name.split()[1:]):
        # "confirmó el Ministerio": a body written with its capital is the body named before
        # with that word, else as written; never the last person named
        lowered = source.model_copy(update={"name": source.name.lower()})
        return _described_body(lowered, ctx, lang) or source
    previous = ctx.last_named
    if title is not None and title not in vocabulary.attribution(lang).generic_titles:
        at = ctx.named_index.latest_with_title(ctx.named, ctx.doc.body, title)
        previous = ctx.named[at] if at is not None else None
        if previous is None:
            return source
    if previous is None:
        # "La funcionaria indicó ..." with no one named before (an excerpt): the title as
        # written says more than nothing; a bare "he" or "ella" says nothing
        return source if title is not None else None
    return previous.model_copy(update={"cue": source.cue})


def _described_body(source: Source, ctx: DocContext, lang: str, any_body: bool = False) -> Source | None:
    """ "according to the government-run institute" after "Peru's National Statistics
    Institute said": a definite description in lower case whose head noun is in the name
    of a body named before is that body; with ``any_body`` (a bare "the agency"), else the
    last body named."""
    head = _body_head(source, lang)
    if head is None:
        return None
    index, body = ctx.named_index, ctx.doc.body
    at = index.latest_with_word(ctx.named, body, head)
    if at is not None and _another_description(source.name, ctx.named[at].name, lang):
        return None  # "the interior ministry" after "the health ministry": another ministry
    if at is not None:
        return ctx.named[at].model_copy(update={"cue": source.cue})
    if not any_body:
        return None
    # "the agency" after "Peru's National Statistics Institute reported": the last body named,
    # for the bare pronouns only ("the fire service" says which body it is)
    at = index.latest_body_of(ctx.named, body, vocabulary.attribution(lang).organisation_heads)
    return ctx.named[at].model_copy(update={"cue": source.cue}) if at is not None else None


def _another_description(description: str, earlier: str, lang: str) -> bool:
    """Two descriptions in lower case of one kind of body that name it by different words
    ("the interior ministry", "the health ministry"; "el ministerio del Interior" is a name
    and may be paraphrased): they describe two bodies."""
    if any(w[:1].isupper() for w in earlier.split()[1:]):
        return False
    g = vocabulary.grammar(lang)
    skip = g.determiners | g.phrase_breaks | g.locatives

    def modifiers(name: str) -> frozenset[str]:
        words = [w for w in name.lower().replace("-", " ").split() if w not in skip]
        return frozenset(words[:-1] if g.head_position == "last" else words[1:])

    mine, theirs = modifiers(description), modifiers(earlier)
    return bool(mine) and bool(theirs) and mine != theirs


def _body_head(source: Source, lang: str) -> str | None:
    """The head noun of a definite description in lower case that names a public body
    ("the agency", "the government-run institute", "la secretaría"), else None."""
    g = vocabulary.grammar(lang)
    words = source.name.replace("-", " ").split()
    if len(words) < 2 or len(words) > 5 or words[0].lower() not in g.determiners:
        return None
    if any(w[:1].isupper() for w in words):
        return None
    head = words[-1] if g.head_position == "last" else words[1]
    return head if head in vocabulary.attribution(lang).organisation_heads else None


def _carried(sent: Sentence, ctx: DocContext) -> list[Attribution]:
    """The source of the sentence before, where this one goes on with its report: a list
    of figures in the same paragraph, or after a paragraph break a sentence that opens
    with a continuation or a figure list, or the items of a list after a colon."""
    if ctx.carried is None or not sent.quantities:
        return []
    end, source = ctx.carried
    between = sent.body[end : sent.start]
    items = _list_items(sent)
    carried = [Attribution(source, -1, -1, 0, True)]
    if _after_colon(sent.body, end) or (_bulleted(sent) and items >= 1):
        return carried
    if ctx.carried_measures and _measures_only(sent) and is_body(source.name):
        # "El SSN indicó que el sismo fue de 7,1. ¶ El epicentro se localizó a 12 km ..., a
        # una profundidad de 57 km": what a measuring body measured, read on; "Ciudad de
        # México se encuentra a 120 km del epicentro" is where a place lies, the writer's
        return [] if any(p.first == 0 for p in sent.places) else carried
    if items < 2:
        return []
    if "\n" not in between:
        return carried
    if _continues(sent) or (_opens_with_figure(sent) and _semicolon_list(sent)):
        return carried  # "Mientras que en Jalisco ...", "Tres en Colima (...); 6 en ..."
    return []


def _measures_only(sent: Sentence) -> bool:
    """Every figure of the sentence is a length ("a 12 kilómetros", "a una profundidad de 57
    kilómetros"), none a count of people or things."""
    return bool(sent.quantities) and all(
        f.unit is not None and to_base(1.0, f.unit)[1] == "meter" for f in sent.quantities
    )


def _measure(f: Found) -> bool:
    """A reading rather than a count: a figure with a unit, or a fraction ("de 7,1")."""
    return f.unit is not None or (f.value is not None and not float(f.value).is_integer())


def _list_items(sent: Sentence) -> int:
    """Figures that may be items of a list: "21 in Jalisco", not "6.4-magnitude", nor an
    article read as one ("three adults and a minor")."""
    toks = sent.tokens
    return sum(
        1
        for f in sent.quantities
        if not is_scale(f.unit)
        and f.kind != "article_count"
        and not (f.last + 1 < len(toks) and toks[f.last + 1].text == "-")
    )


def _after_colon(body: str, end: int) -> bool:
    return body[:end].rstrip().endswith(":")


def _bulleted(sent: Sentence) -> bool:
    return bool(sent.tokens) and sent.tokens[0].text in _BULLETS


def _semicolon_list(sent: Sentence) -> bool:
    """Items set apart by semicolons, as a list paragraph is written ("Tres en X; 6 en Y; ...");
    a sentence of its own ("Twelve died in Colima, 21 in Jalisco") starts no such list."""
    return sum(1 for t in sent.tokens if t.text == ";") >= 2


def _opens_with_figure(sent: Sentence) -> bool:
    return bool(sent.quantities) and sent.quantities[0].first == 0


def _continues(sent: Sentence) -> bool:
    """A sentence that opens with a continuation phrase ("Mientras que", "Meanwhile")."""
    words = [t.lower for t in sent.tokens[:4] if t.is_word]
    opening = " ".join(words)
    return any(opening == c or opening.startswith(c + " ") for c in vocabulary.attribution(sent.language).continuations)
