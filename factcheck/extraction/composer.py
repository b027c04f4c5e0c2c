"""The composer: one way, for every language, to turn a sentence's layers into claims.

Each quantity takes what it counts from the subjects layer, what happened from the events
layer, where from the places layer, who says so from the attributions layer and when from
the time layer. Words stay as written beside the language-neutral classes
(``subject_class``, ``event_class``) that let a Spanish and an English claim share a key."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from ..gazetteer import gazetteer
from ..models import Claim, Place, Quantity, Source, TimeRef
from ..units import to_base
from .demonyms import demonym_class, is_nationality
from .events import EventMention, choose_event, is_cumulative
from .named_events import named_in, other_named_event
from .ownclause import counted_one, money_or_scaled, present_where
from .placematch import country_place
from .placewords import place_words
from .population import counted_words, refine
from .quantities import Found
from .scales import is_scale
from .scope import phrase_place, place_count, place_of
from .sentence import DocContext, Sentence, SubjectMention
from .speakers import claim_source
from .subjectlayer import cause_of_change
from .subjects import ancestors, is_verbish, singular
from .taxonomy import classify
from .timelayer import claim_as_of, claim_background, claim_time, may_hold_background
from .tokens import PhraseIndex, Token


def compose(sent: Sentence, ctx: DocContext) -> list[Claim]:
    """The claims of one annotated sentence, in text order."""
    claims: list[Claim] = []
    group_events: dict[str, EventMention | None] = {}
    held_groups: set[str] = set()  # parts groups whose people are held where they are
    # what happened to the last figure with a noun of its own, for a part of its group
    group_of_last: tuple[EventMention | None, str | None] | None = None
    time = claim_time(sent) if sent.quantities else None
    background = may_hold_background(sent)
    named = named_in(sent) if ctx.event_name else []  # other storms the sentence names
    # the figures that are not a count of places, worked out once per sentence rather than
    # once per figure (a run-on sentence of 2,000 figures)
    counts = {j for j, _ in sent.place_counts}
    counted = [(k, q) for k, q in enumerate(sent.quantities) if q.num_first not in counts]
    spans = [(q.first, q.last) for _, q in counted]
    frame = _partitive_frame(sent)
    depths = _bracket_depths(sent) if any(t.text in "([" for t in sent.tokens) else None
    pairs = _event_pairs(sent) if len(sent.events) > 1 else frozenset()
    # what happened to the sentence's last count, for a part after it
    whole_event: tuple[EventMention | None, str] | None = None
    previous_class: str | None = None  # the event class of the figure before, for a change of it
    for pos, f in enumerate(sent.quantities):
        mention = sent.subjects[pos] if pos < len(sent.subjects) else SubjectMention()
        group = sent.groups.get(pos)
        event_class: str | None
        event = choose_event(
            sent.events,
            sent.tokens,
            f.first,
            f.last,
            mention.first,
            mention.last,
            mention.stop,
            sent.language,
            _next_figure(sent, pos, group),
            _own_speaker(sent, pos),
        )
        if event is None and not mention.event and mention.last is not None:
            # "57 estudiantes de una secundaria en Ocosingo, en el estado de Chiapas, fueron
            # hospitalizados": the predicate after the subject's complements, or after a
            # relative clause too long for the events ahead ("Las 67 personas que viajaban
            # en el avión ... cerca de Washington murieron")
            event = _after_relative_clause(sent, mention.last) or _after_relative_clause(
                sent, mention.last, complements=True
            )
        if event is not None and not mention.event and id(event) in pairs:
            # "the list of dead and injured included ... 12 Venezuelans": a figure of a group
            # named by two events is no count of either
            event = None
        if frame is not None and f.last < frame and event is not None and event.first > frame:
            # "Of the 28 guests and 12 staff in the hotel, 11 were rescued": what happened is
            # the part's, told after the frame; the whole in the frame is only its reference
            event = None
        whole = _whole_after_part(sent, pos)
        if whole:
            # "eight of the 110 people working at the factory died": the verb tells what
            # happened to the eight; the 110 are only the group they belong to
            event = None
        if group is not None:
            # the parts of "the release of 12 nurses and three doctors" share one event
            event = group_events.setdefault(group, event)
        verb = (
            (_verb_after_noun(sent, mention) or _verb_before_number(sent, f, mention))
            if mention.event and not whole
            else None
        )
        if verb is None and _whole_after_part(sent, pos + 1):
            # "Three of the 12 injured later died": the verb after the group's noun is the part's
            whole_mention = sent.subjects[pos + 1] if pos + 1 < len(sent.subjects) else None
            if whole_mention is not None and whole_mention.event:
                verb = _verb_after_noun(sent, whole_mention)
            elif whole_mention is not None and whole_mention.last is not None:
                # "Vingt-cinq des 30 employés pris en otage vendredi ... ont été libérés":
                # the main verb after the group's noun and its complements
                verb = _after_relative_clause(sent, whole_mention.last) or _after_relative_clause(
                    sent, whole_mention.last, complements=True
                )
        if verb is not None:
            # "tres heridos murieron", "5 heridos fueron hospitalizados": what happened to the
            # counted group is the verb's, not the noun's
            event, event_class = verb, verb.event
        elif mention.of_group and mention.event and event is not None and _own_clause_verb(sent, f, event):
            # "12 survivors, one of whom later died": the part's own verb says what happened
            # to it
            event_class = event.event
        elif (
            mention.of_group
            and group_of_last is not None
            and (mention.event or event is None or not _in_own_segment_of(sent, f, event))
        ):
            # "Five victims remain hospitalized, two of them in critical condition": the part
            # of a group takes what happened to the group, as its verb said
            event, event_class = group_of_last
        elif mention.event and _union_of_events(sent, mention, pairs):
            # "el número de personas muertas o dadas por desaparecidas": the counted noun
            # names a group by two events, and counts neither alone
            event, event_class = None, None
        elif mention.event:
            # the counted noun says what happened ("fallecidos", "deaths"); an event word
            # elsewhere in the sentence belongs to another figure
            first, last = mention.first, mention.last
            if event is None or first is None or last is None or not first <= event.first <= last:
                event = None
            event_class = mention.event
        else:
            event_class = event.event if event else None
        if (
            whole_event is not None
            and not mention.event
            and f.unit is None
            and _included(sent, f)
            and not (event is not None and _in_own_segment_of(sent, f, event))
        ):
            # "rose to 51 on Saturday, including 15 children, officials said, as rescuers
            # searched for 27 girls missing": what happened to the whole happened to the part;
            # an event past the part's own segment is another clause's
            event, event_class = whole_event
        if f.kind == "article_count" and not counted_one(sent, f, mention, event, event_class):
            continue  # "a hotel night porter said": an article, no count
        if money_or_scaled(sent, f, mention):
            # "liberó 300 millones (de dólares)": money, or a bare sum in millions, is never
            # a count of people released or killed
            event, event_class = None, None
        present = present_where(sent, ctx, f, mention) if event_class is None and f.unit is None else None
        if present is not None:
            # "se encontraban 300 reclusos" in the prison, "25 men were sleeping in that wing" of
            # a detention centre: people present there are people held; "nell'albergo si
            # trovavano 40 persone": people at a hotel, a school or a mine when it happened
            event_class = present
        elif event_class is None and group is not None and group in held_groups:
            event_class = "held"  # "había en el lugar 83 migrantes, 15 mujeres y 68 hombres"
        if event_class == "held" and group is not None:
            held_groups.add(group)
        if event_class is None and f.unit is None and _tally_of_last_count(sent, ctx, f):
            # "un portavoz ha elevado la cifra hasta 46", "se nos había dado el número de 25
            # personas": a tally with no event of its own counts what the last count counted
            event_class = ctx.last_event
        measured = _measured(f)
        if measured is not None or is_scale(f.unit):
            # "30 miles from the capital" measures, "magnitude 7.8" reads a scale: nothing happened to it
            event, event_class = None, None
        subject_class = _measure_class(measured, mention.subject_class)
        if (
            event_class == "rescued"
            and subject_class in _RESPONDERS
            and not mention.event
            and event is not None
            and _names_an_operation(sent, event)
        ):
            # "más de 200 elementos del Ejército participan en las labores de rescate", "200
            # soldiers joined the rescue operation": those who rescue are deployed
            event_class = "deployed"
        if (
            event_class is not None
            and subject_class is not None
            and not mention.event
            and _happens_to_people_only(event_class, subject_class)
        ):
            # "l'effondrement de deux immeubles a fait huit morts": buildings are not killed
            event, event_class = None, None
        if subject_class is None and mention.subject is None and event_class is not None:
            subject_class = _default_subject(event_class)
        # a figure with no noun of its own, even where the head's is carried to it ("58 people
        # died in the capital, ... and one in the south")
        bare = (mention.first is None or mention.first < f.first) and f.unit is None
        if (
            bare
            and ctx.last_counted is not None
            and event_class in (None, ctx.last_counted[1])
            and _in_list(sent, f)
            and not _counts_the_opening_noun(sent, f)
        ):
            # "64 fallecidos: 30 en la capital, 21 en Jalisco"; "son 30; Colima, 12":
            # a bare figure in a list by place counts what the list's head counts, unless
            # something else happened to it ("40 reos se fugaron ... los fallecidos superaban 60")
            head_class, head_event = ctx.last_counted
            subject_class = head_class if subject_class in (None, "person") else subject_class
            if event_class is None or event_class == head_event:
                event_class, event = head_event, None
        aside = depths is not None and depths[f.first] > 0  # "Hoduras: 13 (... serían cinco los fallecidos)"
        if subject_class is not None and f.unit is None and mention.subject is not None and not aside:
            ctx.last_counted = (subject_class, event_class)
            if not mention.of_group:
                group_of_last = (event, event_class)
        if event_class is not None and f.unit is None and not aside:
            ctx.last_event = event_class
        if f.unit is None:
            whole_event = (event, event_class) if event_class is not None else None
        if subject_class == "person" and f.unit is None and _leaves_out_attackers(sent, f):
            subject_class = "victim"  # "58, not including the gunman": the attackers' victims
        # "has risen to 14 after two of the wounded died": the figure after is the change
        change = (
            f.unit is None
            and event_class is not None
            and event_class == previous_class
            and cause_of_change(sent.tokens, sent.quantities[pos - 1], f, vocabulary.grammar(sent.language))
        )
        previous_class = event_class
        claim = _claim(
            sent,
            ctx,
            f,
            mention,
            event,
            event_class,
            subject_class,
            group,
            pos in sent.comparative or change,
            background,
            time,
            named,
            (counted, spans),
            sent.tokens[frame].start if frame is not None and f.first > frame else None,
        )
        claims.append(refine(claim, sent, ctx))  # "46 muertas" in a women's prison count inmates
    return claims


def _next_site(
    sent: Sentence, f: Found, figures: list[tuple[int, int]], speakers: list[tuple[int, int]]
) -> Place | None:
    """The site of a bare figure that goes on a list by site ("Ninety people were killed at
    the Bataclan concert hall, 39 on the terraces of bars and restaurants and one near the
    Stade de France"): when the figure before it in the sentence has a place of its own
    below the country, the figure's own phrase of nearness is its site, as written."""
    if phrase_place(sent.tokens, f.last, figures, sent.body, sent.language) is None:
        return None  # the cheap test first: no locative right after the figure
    before = [(a, b) for a, b in figures if b < f.first]
    if not before:
        return None
    a, b = max(before)
    prev = place_of(sent.places, sent.tokens, a, b, figures, speakers, sent.body, sent.language)
    if prev is None or prev.kind == "country":
        return None
    return phrase_place(sent.tokens, f.last, figures, sent.body, sent.language)


def _union_of_events(sent: Sentence, mention: SubjectMention, pairs: frozenset[int]) -> bool:
    """Whether the counted noun's phrase holds an event word coordinated with one of another
    class (:func:`_event_pairs`): "personas muertas o dadas por desaparecidas"."""
    if not pairs:
        return False
    if mention.first is None or mention.last is None:
        # a noun named before the figure ("elevó a 79 el número de personas muertas o ..."):
        # the event it takes is one of the pair
        return any(id(e) in pairs and e.event == mention.event for e in sent.events)
    return any(id(e) in pairs and mention.first <= e.first <= mention.last for e in sent.events)


def _event_pairs(sent: Sentence) -> frozenset[int]:
    """Ids of the event words coordinated with another of another class, neither with a
    figure of its own ("the list of dead and injured", "la lista de muertos y heridos"; not
    "38 dead and 30 injured", where each figure has its own): a figure of such a group is no
    count of either. Once per sentence."""
    toks = sent.tokens
    g = vocabulary.grammar(sent.language)
    conjunctions = g.conjunctions
    # "dead or missing", "muertas o dadas por desaparecidas", "muertos y los heridos": an
    # article or the words of a declaration may come between the conjunction and the second
    # event, not a verb ("sobrevivieron y están identificados", "killed and another was
    # injured")
    glue = g.determiners | g.declaring | g.cause_markers
    numbers = {k for q in sent.quantities for k in range(q.first, q.last + 1)}
    starting = {e.first: e for e in sent.events}
    paired: set[int] = set()
    for first in sent.events:
        k = first.last + 1
        second = None
        for j in range(k + 1, min(k + 4, len(toks))):
            if j in starting:
                second = starting[j]
                break
            if toks[j].lower not in glue:
                break
        if second is None or second.event == first.event or k >= len(toks) or toks[k].lower not in conjunctions:
            continue
        after = second.last + 1
        if after + 1 < len(toks) and toks[after].lower in g.partitive and after + 1 in numbers:
            continue  # "car bombings and the hostage-taking of more than 50": its own figure
        if first.first - 1 not in numbers and second.first - 1 not in numbers and k not in numbers:
            paired.update((id(first), id(second)))
    return frozenset(paired)


def _bracket_depths(sent: Sentence) -> list[int]:
    """For each token, how many brackets opened before it in its sentence are still open: a
    figure inside them is an aside, which sets nothing the figures after it read (what a
    list's bare items count)."""
    depths, depth = [], 0
    for t in sent.tokens:
        depths.append(depth)
        if t.text in "([":
            depth += 1
        elif t.text in ")]" and depth:
            depth -= 1
    return depths


@cache
def _inclusions(lang: str) -> PhraseIndex:
    return PhraseIndex((w, True) for w in vocabulary.grammar(lang).inclusions)


def _included(sent: Sentence, f: Found) -> bool:
    """Whether a word of inclusion stands right before the figure ("including 15 children",
    "dont six pompiers", "tra cui 12 bambini"): a part of the count before it."""
    return f.first > 0 and _inclusions(sent.language).match_ending(sent.tokens, f.first - 1) is not None


def _apposed_part(sent: Sentence, f: Found) -> int | None:
    """The first token of a part set in apposition right after figure ``f`` and its noun, or
    None: a comma and a word of inclusion open it and a comma closes it ("43 people,
    including 15 children, have died in Kerr County"). Reads a few tokens after the figure."""
    tokens = sent.tokens
    index = _inclusions(sent.language)
    for k in range(f.last + 1, min(len(tokens), f.last + _APPOSITION_REACH)):
        t = tokens[k]
        if t.is_digit or t.text in ";:()":
            return None
        if t.text != ",":
            continue
        hit = index.match_at(tokens, k + 1) if k + 1 < len(tokens) else None
        if hit is None:
            return None  # the figure's phrase ended without an apposition
        first = k + 1 + hit[0]
        if first >= len(tokens) or not tokens[first].is_digit and not tokens[first].is_word:
            return None
        # the apposition closes with a comma a few words on: what follows is the whole's again
        return first if any(t.text == "," for t in tokens[first + 1 : first + 6]) else None
    return None


_APPOSITION_REACH = 6
"""Tokens after a figure searched for the comma that opens an apposition (its noun between)."""


def _source_country(source: Source | None) -> Place | None:
    """The country a source is, when its name is a country's alone ("Mozambique reported"):
    where its figure holds, though no place phrase of the figure states it."""
    if source is None or source.start is None or source.end is None:
        return None
    entries = [e for e in gazetteer().lookup(source.name) if e.kind == "country"]
    if len(entries) != 1 or entries[0].country is None:
        return None
    return country_place(entries[0].country, stated=False)  # where it holds, not a place the figure's words name


def _in_own_segment_of(sent: Sentence, f: Found, event: EventMention) -> bool:
    """Whether the event word stands after the figure in its own segment, no mark of
    punctuation between ("two of them died", "including 15 children who drowned"), not
    before it ("injured in Tuesday's blast, three of them seriously")."""
    return event.first > f.last and not any(t.text in ",;:()" for t in sent.tokens[f.last + 1 : event.first])


def _partitive_frame(sent: Sentence) -> int | None:
    """The token of the comma that closes a sentence's opening partitive frame ("Of the 72
    aboard, 68 died", "De los 28 huéspedes y 12 empleados que había, 11 fueron rescatados",
    "Dei 40 presenti, 11"), when a figure stands in it and another after it; else None."""
    toks = sent.tokens
    if not toks or not sent.quantities or toks[0].lower not in vocabulary.grammar(sent.language).partitive:
        return None
    comma = next((k for k, t in enumerate(toks) if t.text in _LIST_MARKS), None)
    if comma is None or toks[comma].text != ",":
        return None
    inside = any(q.last < comma for q in sent.quantities)
    after = any(q.first > comma for q in sent.quantities)
    return comma if inside and after else None


_LIST_MARKS = frozenset({",", ";", ":", "."})


def _whole_after_part(sent: Sentence, pos: int) -> bool:
    """Whether the figure at ``pos`` is the whole of a partitive right before it: "eight
    of the 110 workers", "ocho de los 110 trabajadores", "cinque dei 40 passeggeri"."""
    if pos == 0 or pos >= len(sent.quantities):
        return False
    before, f = sent.quantities[pos - 1], sent.quantities[pos]
    between = sent.tokens[before.last + 1 : f.first]
    if not between:
        return False
    g = vocabulary.grammar(sent.language)
    # the partitive may come after the part's own noun and a comma ("17 guardias
    # carcelarios, de los 137 que fueron retenidos")
    noun = sent.subjects[pos - 1] if pos - 1 < len(sent.subjects) else None
    noun_end = noun.last if noun is not None and noun.last is not None else before.last
    start = next((k for k, t in enumerate(between) if before.last + 1 + k > noun_end and t.text != ","), None)
    if start is None:
        return False
    lead, rest = between[start].lower, between[start + 1 :]
    contracted = any(lead.startswith(p) and lead != p and len(lead) <= len(p) + 3 for p in g.partitive)
    return (
        (lead in g.partitive or contracted)
        and len(rest) <= 1
        and all(t.lower in g.articles or t.lower in g.determiners for t in rest)
    )


def _own_clause_verb(sent: Sentence, f: Found, event: EventMention) -> bool:
    """The event word stands after the figure in its own clause, with no mark or other
    figure between ("one of whom later died"; not "228 of them in the capital, and 3,000
    buildings damaged")."""
    if event.first <= f.last:
        return False
    between = sent.tokens[f.last + 1 : event.first]
    return not any(t.text in _LIST_MARKS or t.is_digit for t in between) and not any(
        f.last < q.first < event.first for q in sent.quantities
    )


_TALLY_WINDOW = 4
"""Words between a tally noun and its figure: "ha elevado la cifra hasta 46"."""


def _tally_of_last_count(sent: Sentence, ctx: DocContext, f: Found) -> bool:
    """A tally noun that refers back ("la cifra", "el número de", "the figure") among the
    few words before the figure, after a count that said what happened; "un total de 16"
    only stresses the figure and refers to nothing."""
    if ctx.last_event is None:
        return False
    nouns = counted_words(sent.language).tally_nouns
    articles = vocabulary.grammar(sent.language).articles
    toks = sent.tokens
    return any(
        toks[j].lower in nouns and (j == 0 or toks[j - 1].lower not in articles)
        for j in range(max(0, f.first - _TALLY_WINDOW), f.first)
    )


def _counts_the_opening_noun(sent: Sentence, f: Found) -> bool:
    """A figure after a copula in a sentence that opens with a plain class noun, one that
    says nothing of what happened ("Gli operai, dipendenti di una ditta privata, erano
    sette"): the figure counts that group, not the last count's list ("Los muertos son 30;
    Colima, 12" opens with the dead)."""
    toks = sent.tokens
    g = vocabulary.grammar(sent.language)
    if f.first == 0 or toks[f.first - 1].lower not in g.auxiliaries:
        return False
    k = 0
    while k < f.first and (toks[k].lower in g.determiners or toks[k].lower in g.articles):
        k += 1
    if k >= f.first or not toks[k].is_word:
        return False
    cls, event = classify([toks[k].text], sent.language)
    return cls is not None and event is None


def _in_list(sent: Sentence, f: Found) -> bool:
    """A bare figure that is an item of a list by place: "30 en la capital",
    "Colima, 12", "son 30;", "Nayarit tres y en Sinaloa, uno", "21 in Jalisco,"."""
    g = vocabulary.grammar(sent.language)
    toks = sent.tokens
    before = toks[f.first - 1] if f.first > 0 else None
    after = toks[f.last + 1].lower if f.last + 1 < len(toks) else "."
    nxt = toks[f.last + 2] if f.last + 2 < len(toks) else None
    if after in g.phrase_breaks and nxt is not None and nxt.is_capitalized and after not in g.auxiliaries:
        return True
    listed = before is not None and (before.text in _LIST_MARKS or before.lower in g.conjunctions)
    if listed and after in g.phrase_breaks and any(f.last + 2 <= p.first <= f.last + 5 for p in sent.places):
        return True  # ", nueve en la provincia de Salta", "and 9 in Salta province": a place follows
    if before is not None and before.text == "(" and after == ")":
        return True  # "Chile en 2010 (525), Perú en 2007 (600)"
    closes = after in _LIST_MARKS or after in g.conjunctions
    if before is None or not closes:
        return False
    if before.text == ",":
        # "Colima, 12,": an item beside its place; "Agentes de la Policía Federal, unos
        # 150, rodearon" is an appositive that counts the noun before it, no list
        return any(p.last == f.first - 2 or f.last < p.first <= f.last + 4 for p in sent.places)
    return before.text in _LIST_MARKS or before.lower in g.auxiliaries or (before.is_capitalized and f.first > 1)


@cache
def _measure_classes() -> dict[str, str]:
    return {k.base_unit: name for name, k in vocabulary.subject_classes().items() if k.base_unit}


def _measured(f: Found) -> str | None:
    """ "30 miles", "48 hours": a measure counts a distance or a time, whatever the noun."""
    if f.unit is None:
        return None
    return _measure_classes().get(to_base(1.0, f.unit)[1])


def _measure_class(measured: str | None, named: str | None) -> str | None:
    """A measure's class by its unit, unless the text names a narrower one ("20 km de
    profundidad" is a depth, "165 mph winds" a wind speed)."""
    if measured is None:
        return named
    if named is not None and measured in ancestors(named):
        return named
    return measured


_VERB_GAP = 3  # "fueron", "murieron luego", "se han"


def _verb_after_noun(sent: Sentence, mention: SubjectMention) -> EventMention | None:
    """An event verb of another class right after a counted noun that names an event,
    with only auxiliaries and adverbs between ("tres heridos murieron", "5 heridos fueron
    hospitalizados"): the group the noun names is what the verb happened to."""
    if mention.last is None:
        return None
    g = vocabulary.grammar(sent.language)
    toks = sent.tokens
    main = _after_relative_clause(sent, mention.last) or _after_relative_clause(sent, mention.last, complements=True)
    if main is not None and main.event != mention.event:
        return main
    for e in sent.events:
        if e.first <= mention.last or e.first > mention.last + _VERB_GAP or e.event == mention.event:
            continue
        gap = toks[mention.last + 1 : e.first]
        joined = all(
            t.lower in g.auxiliaries
            or t.lower in g.impersonal
            or t.lower in g.sequence_adverbs  # "Two of the injured later died"
            or t.lower.endswith(g.adverb_endings)
            for t in gap
        )
        if joined and (
            is_verbish(toks[e.first], sent.language)
            or toks[e.first].lower.endswith(g.verb_endings)  # "Two of the injured died": short forms too
            or any(t.lower in g.auxiliaries or t.lower in g.sequence_adverbs for t in gap)
        ):
            return e
    return None


_RELATIVE_SPAN = 24  # "que permanecían retenidos desde la mañana del martes en una sucursal ..."


def _after_relative_clause(sent: Sentence, last: int, complements: bool = False) -> EventMention | None:
    """The main verb after a relative clause that follows the counted noun: "Los 14
    rehenes que permanecían retenidos desde el martes fueron liberados", "the 14 hostages
    who had been held since Tuesday were freed". The clause ends where an auxiliary and an
    event word follow a word of the clause's own (not its own first verb); a mark of
    punctuation ends the search. With ``complements``, the noun's prepositional
    complements instead, and the commas of an apposition among them ("57 estudiantes de
    una secundaria en Ocosingo, en el estado de Chiapas, fueron hospitalizados"); another
    figure or a relative pronoun ends the search."""
    g = vocabulary.grammar(sent.language)
    toks = sent.tokens
    if last + 2 >= len(toks):
        return None
    opener = toks[last + 1].lower
    if complements:
        if opener not in g.phrase_breaks | g.partitive or opener in g.relative or opener in g.auxiliaries:
            return None
    elif opener not in g.relative:
        return None
    starts = {e.first: e for e in sent.events}
    end = min(len(toks), last + _RELATIVE_SPAN)
    k = last + 2
    while not complements and k < end and (toks[k].lower in g.auxiliaries or k in starts):
        k += 1  # the clause's own verb ("que permanecían retenidos", "who had been held")
    while k < end and (toks[k].is_word or (complements and toks[k].text == ",")):
        if not complements and k in starts and _ends_clause(toks, k, g):
            # "Las 67 personas que viajaban en el avión ... cerca de Washington murieron,": a
            # verb between the clause's last noun and a stop is the main verb
            return starts[k]
        if complements and (toks[k].lower in g.relative or (k in starts and toks[k - 1].lower not in g.auxiliaries)):
            return None  # a clause or an event of the complement's own ("de los heridos en ...")
        if complements and toks[k].text == "," and not (k + 1 < end and toks[k + 1].is_word):
            return None
        if toks[k].lower in g.auxiliaries and toks[k - 1].lower not in g.auxiliaries:
            j = k
            # "ont été formellement identifiées", "have been formally identified"
            while j < end and (
                toks[j].lower in g.auxiliaries
                or (j > k and len(toks[j].lower) > 5 and toks[j].lower.endswith(g.adverb_endings))
            ):
                j += 1
            if j in starts:
                return starts[j]
        k += 1
    return None


def _ends_clause(toks: Sequence[Token], k: int, g: vocabulary.Grammar) -> bool:
    """Whether the event word at ``k`` stands between a clause's last word and a stop: a
    word that is no function word, nor a partitive with its article written in ("del",
    "dei"), before it (an event noun after one is a noun of the clause: "que estaban en la
    zona del secuestro"), and a comma, a full stop or the end after it (a verb of a clause
    inside, "que se estrelló este jueves", goes on)."""
    if k + 1 < len(toks) and toks[k + 1].text not in ",.;:":
        return False
    word = toks[k - 1]
    low = word.lower
    return word.is_word and not (
        low in g.determiners
        or low in g.partitive
        or low in g.phrase_breaks
        or low in g.relative
        or low in g.articles
        or low in g.auxiliaries
        or any(low.startswith(p) and len(low) <= len(p) + 1 for p in g.partitive if " " not in p)
    )


_BEFORE_GAP = 3  # "liberaron a 50 rehenes", "fueron liberados 12 rehenes", "la liberación de 12 rehenes"


def _verb_before_number(sent: Sentence, f: Found, mention: SubjectMention) -> EventMention | None:
    """An event word of another class that governs the figure from right before it, with
    only articles, auxiliaries and the language's linking words between ("liberaron a 50
    rehenes", "fueron liberados 12 rehenes", "la liberación de 55 rehenes"): the group the
    noun names ("rehenes", held) is what the event happened to, as with a verb after the
    noun. The word must be a verb (by its ending, or after an auxiliary) or a noun with its
    article and a partitive: "para encontrar con vida a cientos de desaparecidos" hopes, and
    the figure stays the missing."""
    g = vocabulary.grammar(sent.language)
    toks = sent.tokens
    for e in reversed(sent.events):
        if e.last >= f.first or e.last < f.first - _BEFORE_GAP or e.event == mention.event:
            continue
        gap = toks[e.last + 1 : f.first]
        if not all(t.lower in g.determiners or t.lower in g.event_gap or t.lower in g.auxiliaries for t in gap):
            continue
        before = toks[e.first - 1].lower if e.first > 0 else ""
        # "Liberan a los 14 rehenes": the marker of a person object follows only a verb (a
        # one-word one: "encontrar con vida a cientos de desaparecidos" hopes to find them)
        verb = (
            is_verbish(toks[e.first], sent.language)
            or before in g.auxiliaries
            or (bool(gap) and gap[0].lower in g.object_markers and e.first == e.last)
        )
        nominal = before in g.determiners and all(t.lower in g.partitive for t in gap)
        if verb or nominal:
            return e
    return None


def _default_place(ctx: DocContext, places_stated: int | None) -> Place | None:
    """The article's own place for a figure that names none, unless the article's place is
    one facility and the figure's sentence spreads it over several ("50 guards were held in
    six prisons" in a story about a riot at one): then the facility's country."""
    home = ctx.default_place
    if home is None or home.kind != "facility" or not places_stated or places_stated < 2 or not home.country:
        return home
    return country_place(home.country, stated=False)


def _counts_buildings(subject_class: str | None) -> bool:
    """Whether a figure counts buildings or facilities (prisons, homes, schools)."""
    return subject_class is not None and "building" in ancestors(subject_class)


_FACILITY_REACH = 6  # "Han sido 150 funcionarios secuestrados en las cárceles"


def _plural_facilities(sent: Sentence, f: Found) -> int | None:
    """2 when the figure's own clause puts it in facilities in the plural after a locative
    ("150 funcionarios secuestrados en las cárceles", "guards held in prisons across the
    country"): several facilities, though the text does not count them."""
    g = vocabulary.grammar(sent.language)
    words = _facility_nouns(sent.language)
    toks = sent.tokens
    for k in range(f.last + 1, min(len(toks), f.last + 1 + _FACILITY_REACH)):
        t = toks[k]
        if t.text in ",;:." or t.lower in g.relative:
            return None
        low = t.lower
        if low in words or singular(low, sent.language) == low:
            continue
        if singular(low, sent.language) in words and toks[k - 1].lower in (g.determiners | g.additive_places):
            return 2
    return None


@cache
def _facility_nouns(lang: str) -> frozenset[str]:
    return frozenset(w for w in place_words(lang).facility_kinds if " " not in w)


def _nationals(sent: Sentence, ctx: DocContext, f: Found, place: Place | None) -> str | None:
    """The nationality a figure counts when a foreign country labels it as an item of a
    list ("- Venezuela: 13") in a report of an incident elsewhere: the figure counts that
    country's nationals, where the incident happened. Only a label that opens its line
    counts: "Perú en 2007 (600)" in a list of earlier quakes is where they struck."""
    home = ctx.default_place
    if place is None or place.kind != "country" or home is None or home.country in (None, place.country):
        return None
    toks = sent.tokens
    if f.first < 2 or toks[f.first - 1].text != ":":
        return None
    label = next((m for m in sent.places if m.last == f.first - 2 and m.place == place), None)
    if label is None or not all(t.text in "-•*–—·" for t in toks[: label.first]):
        return None
    return demonym_class(place.country) if place.country else None


def _own_speaker(sent: Sentence, pos: int) -> int:
    """The last token of a speaker who stands between an earlier figure of the sentence and
    quantity ``pos`` ("37, while the mine's owner said roughly 45"), else -1: the figure
    is said in a statement of its own."""
    if pos == 0:
        return -1
    f = sent.quantities[pos]
    earlier = sent.quantities[0].last
    return max((a.last for a in sent.attributions if earlier < a.first and a.last < f.first), default=-1)


def _next_figure(sent: Sentence, pos: int, group: str | None) -> int | None:
    """The first token of the figure after quantity ``pos`` when that figure opens a
    clause of its own ("12 people died and 8 were injured": after "and" or a comma), not
    when both are parts of one phrase ("12 nurses and three doctors were
    released") or the next figure sits inside the first one's phrase ("120 officers held
    in six jails were freed")."""
    nxt = pos + 1
    while group is not None and nxt < len(sent.quantities) and sent.groups.get(nxt) == group:
        # "Seis mujeres y seis hombres perdieron la vida, y tres personas más resultaron
        # heridas": the parts share one phrase; the figure after the last of them may
        # open a clause of its own
        nxt += 1
    if nxt >= len(sent.quantities):
        return None
    first = sent.quantities[nxt].first
    if first == 0:
        return None
    g = vocabulary.grammar(sent.language)
    k = first - 1
    while k > 0 and (sent.tokens[k].lower in g.elided_heads or sent.tokens[k].lower in g.determiners):
        k -= 1  # "y otras 30 personas", "and another 30"
    before = sent.tokens[k].lower
    openers = vocabulary.attribution(sent.language).clause_openers
    # "3,845 died, while 200 are missing": a contrasting clause opens the next figure's own
    return first if before in g.conjunctions or before in (",", ";") or before in openers else None


_RESPONDERS = frozenset({"soldier", "rescuer"})
"""Classes of those who carry out a rescue: counted beside one, they were sent to it."""


def _names_an_operation(sent: Sentence, event: EventMention) -> bool:
    """The event word is a noun, after an article or a preposition ("the rescue operation",
    "las labores de rescate"), not a verb ("were rescued", "fueron rescatados")."""
    if event.first == 0:
        return False
    g = vocabulary.grammar(sent.language)
    before = sent.tokens[event.first - 1].lower
    return (
        before in g.determiners or before in g.partitive or (before in g.phrase_breaks and before not in g.auxiliaries)
    )


_TO_BODIES = frozenset({"casualties", "injuries", "hospital", "missing", "survival", "infections"})
"""Frames of events that happen to bodies only: a place may hold hostages or be evacuated
("held in six prisons", "200 immeubles évacués"), never die or be injured."""


@cache
def _happens_to_people_only(event: str, cls: str) -> bool:
    """The event happens to people's bodies (killed, injured, missing ...: its class counts
    persons in data/event_classes.yaml) and the class counted is no people: a building, a
    vehicle, an explosive."""
    kind = vocabulary.event_classes().get(event)
    if kind is None or kind.subject != "person" or kind.frame not in _TO_BODIES:
        return False
    if cls == "family" or is_nationality(cls):
        return False
    known = vocabulary.subject_classes()
    if cls not in known:
        return False
    lineage = {cls, *ancestors(cls)}
    return not any(c == "person" or (c in known and known[c].role) for c in lineage)


_EXCLUDED_REACH = 8
"""Tokens after a figure within which a phrase may leave someone out of it."""


@cache
def _exclusions(lang: str) -> PhraseIndex:
    return PhraseIndex((w, w) for w in vocabulary.grammar(lang).exclusions)


def _leaves_out_attackers(sent: Sentence, f: Found) -> bool:
    """A phrase right after the figure leaves the attackers out of it ("The death toll of 58,
    not including the gunman", "31 morts, sans compter les trois kamikazes", "sin contar al
    atacante"): the figure counts those the attackers killed."""
    toks = sent.tokens
    index = _exclusions(sent.language)
    end = min(len(toks), f.last + 1 + _EXCLUDED_REACH)
    for k in range(f.last + 1, end):
        if toks[k].text in ".;":
            return False
        hit = index.match_at(toks, k)
        if hit is None:
            continue
        for j in range(k + hit[0], min(len(toks), k + hit[0] + 4)):
            word = re.split(r"['’]", toks[j].text)[-1]  # "l'attentatore", "l'assaillant"
            found = classify([word], sent.language)[0] if word else None
            if found is not None and _is_agent(found):
                return True
        return False
    return False


@cache
def _is_agent(cls: str) -> bool:
    table = vocabulary.subject_classes()
    return any(c in table and table[c].agent for c in (cls, *ancestors(cls)))


def _default_subject(event: str) -> str | None:
    """ "Al menos 46 murieron": a toll with no noun counts persons."""
    kind = vocabulary.event_classes().get(event)
    return kind.subject if kind else None


def _quantity(sent: Sentence, f: Found) -> Quantity:
    start, end = sent.tokens[f.first].start, sent.tokens[f.last].end
    base_unit = base_value = base_low = base_high = None
    if f.unit is not None:
        unit = f.unit

        def conv(x: float | None) -> float | None:
            return None if x is None else to_base(x, unit)[0]

        base_unit = to_base(1.0, unit)[1]
        base_value, base_low, base_high = conv(f.value), conv(f.low), conv(f.high)
    return Quantity.built(
        text=sent.body[start:end],
        start=start,
        end=end,
        value=f.value,
        low=f.low,
        high=f.high,
        low_open=f.low_open,
        high_open=f.high_open,
        qualifier=f.qualifier,
        unit=f.unit,
        unit_text=f.unit_text,
        base_unit=base_unit,
        base_value=base_value,
        base_low=base_low,
        base_high=base_high,
        trend=f.trend,
        per=f.per,
    )


def _claim(
    sent: Sentence,
    ctx: DocContext,
    f: Found,
    mention: SubjectMention,
    event: EventMention | None,
    event_class: str | None,
    subject_class: str | None,
    group: str | None,
    comparative: bool,
    background: bool = True,
    time: TimeRef | None = None,
    named: Sequence[re.Match[str]] = (),
    figures_of: tuple[Sequence[tuple[int, Found]], list[tuple[int, int]]] | None = None,
    frame_end: int | None = None,
) -> Claim:
    doc, tokens, body = ctx.doc, sent.tokens, sent.body
    quantity = _quantity(sent, f)
    start, end = quantity.start, quantity.end
    # the other figures a place must not be reached across: not a count of places ("in four
    # prisons across Peru") nor another part of the same phrase ("40 guards and 6 staff")
    if figures_of is None:
        counts = {j for j, _ in sent.place_counts}
        mine = [(k, q) for k, q in enumerate(sent.quantities) if q.num_first not in counts]
        figures_of = mine, [(q.first, q.last) for _, q in mine]
    counted, figures = figures_of
    if group is not None:
        figures = [(q.first, q.last) for k, q in counted if q is f or sent.groups.get(k) != group]
    speakers = [(a.first, a.last) for a in sent.attributions]
    # "At least 43 people, including 15 children, have died in Kerr County": the part in
    # the apposition right after the figure does not cut the figure off from its place
    apposed = _apposed_part(sent, f)
    if apposed is not None:
        figures = [span for span in figures if span[0] != apposed]
    own = place_of(sent.places, sent.tokens, f.first, f.last, figures, speakers, body, sent.language)
    if own is None or own.kind == "country":
        own = _next_site(sent, f, figures, speakers) or own
    places_stated = (
        place_count(tokens, f.first, f.last, sent.language, sent.place_counts) if len(sent.quantities) > 1 else None
    )
    source = claim_source(sent, f)
    place = own or _default_place(ctx, places_stated or _plural_facilities(sent, f))
    reporter = _source_country(source) if own is None else None
    if reporter is not None and (place is None or place.country != reporter.country):
        # "while Mozambique reported 53 deaths" in a story placed in Malawi: a country that
        # gives the figure is where it holds; where the story's own place is in that country,
        # that place stands
        place = reporter
    if (
        own is None
        and place is not None
        and place.kind == "facility"
        and place.country
        and _counts_buildings(subject_class)
    ):
        # "siete cárceles ecuatorianas" in a story about a riot at one prison: buildings
        # are not inside the one facility the article is about
        place = country_place(place.country, stated=False)
    nationals = _nationals(sent, ctx, f, place)
    if nationals is not None:
        # "- Venezuela: 13", "Guatemala (78)" in a report of a fire in Mexico: 13 Venezuelans
        subject_class, place = nationals, ctx.default_place
    line, column = ctx.position(start)  # in the file, for CI annotations
    return Claim.built(
        id=f"{doc.id}:{start}-{end}",
        document=doc.id,
        outlet=doc.outlet,
        published=doc.published,
        quantity=quantity,
        subject=mention.subject,
        subject_text=mention.text,
        subject_start=tokens[mention.first].start if mention.first is not None else None,
        subject_end=tokens[mention.last].end if mention.last is not None else None,
        subject_class=subject_class,
        event=event_class,
        event_text=body[tokens[event.first].start : tokens[event.last].end] if event else None,
        event_class=event_class,
        cumulative=bool(event_class and is_cumulative(event_class)),
        place=place,
        # a count of places ("in six prisons") is itself a figure of the sentence, so a
        # sentence with one figure states none for it
        place_count=places_stated,
        as_of=claim_as_of(sent, ctx, start, end, bool(event_class and is_cumulative(event_class)), frame_end),
        background=(claim_background(sent, ctx, start, end) if background else None)
        or (other_named_event(sent, ctx.event_name, start, named) if named else None),
        language=sent.language,
        source=source,
        sentence=body[sent.start : sent.end],
        sentence_start=sent.start,
        sentence_end=sent.end,
        sentence_index=sent.index,
        parts_group=group,
        comparative=comparative,
        time=time,
        line=line,
        column=column,
    )
