"""Annotators: each adds one layer of typed mentions to a :class:`Sentence`, reading the
vocabulary of the sentence's language. They run in the order of :data:`PIPELINE`; a later
one may read the layers of an earlier one (subjects read quantities and places), never the
raw text again."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from .. import vocabulary
from ..gazetteer import gazetteer
from ..units import canonical
from .attribution import Attribution, find_attributions, resolve_pronoun
from .events import find_events
from .places import find_places
from .quantities import Found, find_quantities
from .sentence import DocContext, Sentence, SubjectMention, TimeSpan
from .subjects import (
    SubjectPhrase,
    ancestors,
    backward_class_noun,
    backward_head,
    classify,
    forward_phrase,
    normalize,
    singular,
)
from .timelayer import time_layer

_COUNTLESS_UNITS = frozenset({"percent"})


def annotate_quantities(sent: Sentence, ctx: DocContext) -> None:
    """Numbers with their qualifiers, ranges and units; indefinite amounts ("several")
    only when asked for."""
    found = find_quantities(sent.tokens, ctx.tolerance, sent.language)
    if not ctx.include_indefinite:
        found = [f for f in found if not f.indefinite]
    sent.quantities = found


def annotate_times(sent: Sentence, ctx: DocContext) -> None:
    """Dates, weekdays, relative days, years and clock times; a number inside one is part
    of a time ("el 19 de septiembre de 2017", "las 19:00"), so its quantity is dropped."""
    if not sent.quantities:
        return
    spans, mentions = time_layer(sent, ctx)
    sent.times, sent.time_mentions = spans, mentions
    if spans and sent.quantities:
        sent.quantities = [f for f in sent.quantities if not _inside_time(sent, f, spans)]


def _inside_time(sent: Sentence, f: Found, spans: list[TimeSpan]) -> bool:
    start, end = sent.tokens[f.num_first].start, sent.tokens[f.num_last].end
    return any(t.kind != "period" and t.start <= start and end <= t.end for t in spans)


def _tokens_in_times(sent: Sentence) -> frozenset[int]:
    """Tokens inside a time span of the sentence."""
    if not sent.times:
        return frozenset()
    return frozenset(i for i, t in enumerate(sent.tokens) if any(s.start <= t.start < s.end for s in sent.times))


def annotate_places(sent: Sentence, ctx: DocContext) -> None:
    """Countries, provinces, cities and facilities, once per sentence."""
    if sent.quantities:
        sent.places = find_places(sent.tokens, ctx.countries, sent.language, sent.body, ctx.facilities)
        ctx.facilities.extend(m.place for m in sent.places if m.place.kind == "facility" and m.place.stated)


def annotate_attributions(sent: Sentence, ctx: DocContext) -> None:
    """Who says so; a pronoun speaker ("He added ...") stands for the last named source."""
    resolved = []
    in_time = _tokens_in_times(sent)
    for a in find_attributions(sent.tokens, sent.body, sent.language, in_time):
        src = resolve_pronoun(a.source, ctx.last_named, sent.language)
        if src is not None:
            resolved.append(a if src is a.source else type(a)(src, a.first, a.last, a.scope_from, a.outer))
    sent.attributions = resolved or _carried(sent, ctx)
    ctx.carried = None
    if sent.quantities and sent.attributions:
        ctx.carried = (sent.end, sent.attributions[-1].source)
    named = [a.source for a in resolved if any(w[:1].isupper() for w in a.source.name.split())]
    if named:
        ctx.last_named = named[-1]


def _carried(sent: Sentence, ctx: DocContext) -> list[Attribution]:
    """The source of the sentence before, for a list of figures that goes on in the same
    paragraph ("X reported 324 dead. 186 died in the capital, 73 in Morelos ..."); a single
    figure after it is as often the writer's own."""
    if len(sent.quantities) < 2 or ctx.carried is None:
        return []
    end, source = ctx.carried
    if "\n" in sent.body[end : sent.start]:
        return []
    return [Attribution(source, -1, -1, 0, True)]


def annotate_events(sent: Sentence, ctx: DocContext) -> None:
    """Every event word of the sentence, by class."""
    if sent.quantities:
        sent.events = find_events(sent.tokens, sent.language)


@cache
def _measure_units() -> frozenset[str]:
    """Units that measure something (hours, km), as opposed to currencies and percentages."""
    return frozenset(canonical(u) for u in vocabulary.units().units)


@cache
def _is_measure(cls: str) -> bool:
    """A class of measures (depth, wind speed): one under a class with a base unit."""
    table = vocabulary.subject_classes()
    return any(table[a].base_unit for a in ancestors(cls) if a in table)


def _demonym_words(sent: Sentence) -> frozenset[str]:
    gaz = gazetteer()
    return frozenset(t.lower for t in sent.tokens if t.is_capitalized and gaz.country_of_demonym(t.text))


def annotate_subjects(sent: Sentence, ctx: DocContext) -> None:
    """What each quantity counts, with the parts groups of coordinated figures ("50 guards
    and seven police officers") and the differences that count nothing ("3,000 more")."""
    if not sent.quantities:
        return
    lang = sent.language
    g = vocabulary.grammar(lang)
    tokens = sent.tokens
    found = sent.quantities
    place_tokens = sent.place_tokens()
    place_words = frozenset(t.lower for i, t in enumerate(tokens) if i in place_tokens) | _demonym_words(sent)
    is_number = {i for f in found for i in range(f.num_first, f.num_last + 1)}
    in_time = set(_tokens_in_times(sent))
    phrases: list[SubjectPhrase | None] = []
    taken: set[int] = set()
    for f in found:
        phrase = forward_phrase(tokens, f.last + 1, is_number, in_time, lang) if f.unit is None else None
        if phrase is not None:
            taken.update(range(phrase.first, phrase.last + 1))
        phrases.append(phrase)
        taken.update(range(f.first, f.last + 1))
    # "Three adults and a minor": the article of the last conjunct counts one
    for k in range(len(found)):
        phrase = phrases[k]
        if (
            phrase is not None
            and phrase.coordinated_number
            and phrase.stop + 1 < len(tokens)
            and tokens[phrase.stop + 1].lower in g.articles
            and phrase.stop + 1 not in is_number
        ):
            j = phrase.stop + 1
            found.append(Found(j, j, j, j, 1.0, 1.0, 1.0, False, False, "exact", kind="article"))
            is_number.add(j)
            extra = forward_phrase(tokens, j + 1, is_number, in_time, lang)
            phrases.append(extra)
            if extra is not None:
                taken.update(range(extra.first, extra.last + 1))
    order = sorted(range(len(found)), key=lambda k: found[k].first)
    sent.quantities = [found[k] for k in order]
    phrases = [phrases[k] for k in order]
    for pos in range(len(order) - 1):
        phrase = phrases[pos]
        if phrase is not None and phrase.coordinated_number:
            gid = sent.groups.setdefault(pos, f"{ctx.doc.id}:{tokens[sent.quantities[pos].first].start}")
            sent.groups[pos + 1] = gid
    previous: SubjectMention | None = None
    elided = g.elided_heads
    mentions: list[SubjectMention] = []
    for pos, f in enumerate(sent.quantities):
        phrase = phrases[pos]
        mention = SubjectMention(stop=phrase.stop if phrase else None)
        after_elided = f.last + 1 < len(tokens) and tokens[f.last + 1].lower in elided
        continues = after_elided or (f.first > 0 and tokens[f.first - 1].lower in g.conjunctions | {"while", "with"})
        if phrase is not None and not (len(phrase.words) == 1 and phrase.words[0].lower() in elided):
            cls, implied = classify(phrase.words, lang)
            lone = len(phrase.words) == 1 and singular(phrase.words[0], lang) == phrase.words[0].lower()
            if implied is not None and cls == "person" and lone and previous and continues:
                # "23 people were killed and more than 300 injured": the noun is the earlier one's
                mention = SubjectMention(previous.subject, previous.text, None, None, previous.subject_class)
                mention.event, mention.stop = implied, phrase.stop
            else:
                mention.subject = normalize(phrase.words, place_words, lang)
                mention.text = sent.body[tokens[phrase.first].start : tokens[phrase.last].end]
                mention.first, mention.last = phrase.first, phrase.last
                mention.subject_class, mention.event = cls, implied
        elif f.unit is not None and f.unit not in _COUNTLESS_UNITS and f.unit in _measure_units():
            ahead = forward_phrase(tokens, f.last + 1, is_number, in_time, lang)
            named = classify(ahead.words, lang)[0] if ahead is not None else None
            head = backward_head(tokens, f.first, taken, place_tokens, lang)
            if ahead is not None and named is not None and _is_measure(named):
                # "165 mph winds", "20 kilómetros de profundidad": the measure is named after it
                mention.subject = normalize(ahead.words, place_words, lang)
                mention.text = sent.body[tokens[ahead.first].start : tokens[ahead.last].end]
                mention.subject_class = named
            elif head is not None:
                mention.subject, mention.text = head[1], tokens[head[0]].text
                mention.subject_class = classify([head[1]], lang)[0]
        elif previous is not None and f.unit is None and continues:
            # "9,500 inmates ... around 3,000 more": the elided noun is the earlier one
            mention = SubjectMention(
                previous.subject, previous.text, previous.first, previous.last, previous.subject_class, previous.event
            )
        elif f.unit is None and f.first > 0 and tokens[f.first - 1].lower in g.count_leads:
            # "the death toll rose to 11,000": what is counted was named before the figure
            head = backward_class_noun(tokens, f.first, taken, lang)
            if head is not None:
                mention.subject, mention.text = head[1], tokens[head[0]].text
                mention.subject_class, mention.event = classify([tokens[head[0]].text], lang)
        if f.unit is None and mention.subject is not None:
            previous = mention
        if phrase is None and after_elided:
            sent.comparative.add(pos)
        mentions.append(mention)
    sent.subjects = mentions


Annotator = Callable[[Sentence, DocContext], None]

PIPELINE: tuple[Annotator, ...] = (
    annotate_quantities,
    annotate_times,
    annotate_places,
    annotate_attributions,
    annotate_events,
    annotate_subjects,
)
"""The annotators, in the order they run: times drop numbers that are dates, and subjects
read the places layer to leave place names out of what is counted."""
