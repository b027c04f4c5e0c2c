"""What happened to what is counted: the event class of a claim ("held", "released",
"killed"), one of the closed list in ``data/event_classes.yaml``, from the words of the
language's ``events.yaml``. :func:`find_events` makes a sentence's event layer once;
:func:`choose_event` picks a quantity's event from it by where the words stand.

Order of preference, and why:
1. the counted noun itself names the event ("31 deaths");
2. a word governing the number from just before it ("released 57", "the release of 50");
3. the verb after the noun phrase, skipping a relative clause ("44 of the hostages, who
   had been held ..., were released") and preferring a finite verb ("had been freed")
   to a bare participle ("57 hostages held nationwide");
4. the nearest event word before the number."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import vocabulary
from .placematch import OF_JOINERS
from .timewords import time_words
from .tokens import PhraseIndex, Token


@dataclass(frozen=True, slots=True)
class EventMention:
    """An event word at tokens ``first``..``last`` and the class it expresses."""

    first: int
    last: int
    event: str


@cache
def _index(lang: str) -> PhraseIndex:
    return PhraseIndex(
        (form, name) for name, ev in vocabulary.events(lang).events.items() if ev.trend is None for form in ev.forms
    )


def find_events(tokens: Sequence[Token], lang: str = "en") -> list[EventMention]:
    """Every event word of a sentence, left to right, longest phrase first.

    >>> from .tokens import tokenize
    >>> [e.event for e in find_events(tokenize("57 hostages were released; 3 died"))]
    ['released', 'killed']
    """
    index = _index(lang)
    firsts = index.firsts
    g = vocabulary.grammar(lang)
    causes = g.cause_markers
    out = []
    i = 0
    n = len(tokens)
    while i < n:
        if tokens[i].lower not in firsts:
            i += 1
            continue
        hit = index.match_at(tokens, i)
        if hit is not None:
            # "dadas por desaparecidas": declared missing, not missing as a cause
            if i == 0 or tokens[i - 1].lower not in causes or (i > 1 and tokens[i - 2].lower in g.declaring):
                event = str(hit[1])
                if tokens[i].lower in _room_words(lang) and _after_facility(tokens, i, lang):
                    event = CAPACITY  # "the stadium holds 38,000", "the prison can hold 1,500"
                out.append(EventMention(i, i + hit[0] - 1, event))
            # else "siete por heridas de bala", "muertos por quemaduras": the cause of what
            # happened, not what happened
            i += hit[0]
        else:
            i += 1
    return out


CAPACITY = "capacity"


@cache
def _room_words(lang: str) -> frozenset[str]:
    return frozenset(vocabulary.load("events", lang).room_words)


def _after_facility(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """The word before token ``i`` (over auxiliaries: "can", "could") is a facility noun of
    the language's places.yaml: what a building holds is how many it has room for."""
    g = vocabulary.grammar(lang)
    j = i - 1
    while j >= 0 and tokens[j].lower in g.auxiliaries:
        j -= 1
    if j < 0 or tokens[j].lower not in _facility_nouns(lang):
        return False
    # the facility is the verb's subject, not the place of another ("inmates at the prison
    # hold 57 guards"): no preposition before its determiner
    k = j - 1
    while k >= 0 and (tokens[k].lower in g.determiners or tokens[k].is_capitalized):
        k -= 1
    return k < 0 or (tokens[k].lower not in g.phrase_breaks and tokens[k].lower not in OF_JOINERS)


@cache
def _facility_nouns(lang: str) -> frozenset[str]:
    """The last word of each facility noun of the language ("stadium", "prison", "jail")."""
    from .placewords import place_words  # placewords reads the gazetteer: loaded on first use

    words = place_words(lang).facility_words
    return frozenset(w.split()[-1].lower() for ws in words.values() for w in ws)


def _within(events: Sequence[EventMention], lo: int, hi: int) -> list[EventMention]:
    """The events that start in ``lo``..``hi`` - 1; the events are in text order
    (:func:`find_events`), so two binary searches find them in a sentence of any length."""
    a = bisect_left(events, lo, key=_first)
    return list(events[a : bisect_left(events, hi, lo=a, key=_first)])


def _first(e: EventMention) -> int:
    return e.first


def choose_event(
    events: Sequence[EventMention],
    tokens: Sequence[Token],
    first: int,
    last: int,
    subject_first: int | None,
    subject_last: int | None,
    stop: int | None,
    lang: str = "en",
    bound: int | None = None,
    floor: int = -1,
) -> EventMention | None:
    """The event of the quantity at tokens ``first``..``last``, from the sentence's event layer.

    ``bound`` is the first token of the sentence's next figure, when it is not a part of
    the same phrase: an event word after it is that figure's ("at least 12 people died
    and 8 were injured"). ``floor`` is the last token of a speaker who opens the figure's
    own statement after an earlier figure: an event word before it was said of that
    figure ("put the number of missing at 37, while the owner said 45 workers were on
    site"), unless the figure has no noun of its own and so elides that event ("42 were
    killed, while the department reported eleven")."""
    g = vocabulary.grammar(lang)
    if subject_first is not None and subject_last is not None:
        own = _within(events, subject_first, subject_last + 1)
        if own and own[-1].last < subject_last:
            # "two wounded people died", "five injured miners were rescued": a participle
            # before the noun says who they were; the verb right after says what happened
            verb = _verb_after(events, tokens, subject_last + 1, g)
            if verb is not None:
                return verb
        if own:
            return own[-1]
    # a governing word just before the number, skipping "the", "of", adjectives
    for e in reversed(_within(events, max(0, first - 4), first)):
        if all(t.lower in g.determiners or t.lower in g.event_gap for t in tokens[e.last + 1 : first]):
            return e
    start = stop if stop is not None else last + 1
    end = min(len(tokens), start + 14, bound if bound is not None and bound > start else len(tokens))
    # "vivían unos 800 menores, aunque su capacidad era para 500": a clause set against the
    # figure's own after a comma tells of something else
    end = next((k for k in range(start, end - 1) if tokens[k].text == "," and tokens[k + 1].lower in g.contrasts), end)
    ahead = _within(events, start, end)
    if ahead:
        ahead = _before_when_clause(ahead, tokens, start, lang)
    if ahead and subject_first is None and _elided_in_list(events, ahead[0], tokens, first, last, g):
        # "Nine died at the stadium and three in hospital": the place after a bare figure of
        # a list says where; the verb the list leaves out is the one before
        return _elided_in_list(events, ahead[0], tokens, first, last, g)
    if ahead:
        relative = start < len(tokens) and (
            tokens[start].lower in g.relative
            or (tokens[start].text == "," and start + 1 < len(tokens) and tokens[start + 1].lower in g.relative)
            or tokens[start].lower in g.pronoun_subjects
        )
        if relative and len(ahead) > 1:
            ahead = ahead[1:]
        elif relative and subject_first is not None:
            # "liberaron el jueves a 70 estudiantes que habían sido secuestrados": the
            # relative clause tells the noun's past; the main verb before the figure, if
            # any, says what happened to it
            before = [
                e
                for e in _within(events, max(0, first - 12, floor + 1), first)
                if not any(t.is_digit for t in tokens[max(0, e.first - 1) : first])
            ]  # not another figure's noun ("a las 46 víctimas mortales hay que sumar una decena")
            if before:
                return before[-1]
        finite = [e for e in ahead if e.first > 0 and tokens[e.first - 1].lower in g.auxiliaries]
        return (finite or ahead)[0]
    if first > 0 and tokens[first - 1].lower in g.presence:
        # "The shelter, designed to hold 500 children, housed more than 700": presence, read
        # by the figure's own clause, past a comma from any event word before it ("Entre los
        # muertos hay seis hondureños" keeps the dead)
        prior = _within(events, 0, first)
        if prior and any(t.text == "," for t in tokens[prior[-1].last + 1 : first - 1]):
            return None
    # a bare figure ("Haití (entre 200.000 y 250.000)") has no noun of its own to say what
    # happened: the sentence's last event word before it does, however far back. A number
    # joined to a word as a modifier ("a five-storey block") takes none from before
    if last + 1 < len(tokens) and tokens[last + 1].text in ("-", "‑"):
        return None
    reach = first if subject_first is None else 12
    # a figure with a noun of its own, in a statement of its own, takes no event said of an
    # earlier figure; a bare one does ("42 were killed, while the department reported eleven")
    behind = _within(events, max(0, first - reach, floor + 1 if subject_first is not None else 0), first)
    if behind and subject_first is not None:
        # "murieron durante el maratón, en el que participaron unas 50.000 personas": a
        # relative clause between the event and the figure is the figure's own clause
        behind = [e for e in behind if not _relative_opened(tokens, e.last + 1, first, g)]
    if behind and _own_subject(tokens, last, subject_last, g):
        # "could hold about 125 people at a time, but around 500 were on it": a figure that
        # is the subject of a clause set against the one before takes no event from it
        behind = [e for e in behind if not any(t.lower in g.contrasts for t in tokens[e.last + 1 : first])]
    if behind:
        return behind[-1]
    return None


def _elided_in_list(
    events: Sequence[EventMention],
    ahead: EventMention,
    tokens: Sequence[Token],
    first: int,
    last: int,
    g: vocabulary.Grammar,
) -> EventMention | None:
    """The event of the figure before, for a bare figure after a conjunction whose only
    event word after it is a place ("and three in hospital", "y tres en el hospital"): None
    where the figure is no such item or no event word before it is a verb."""
    if ahead.first != last + 1 or tokens[ahead.first].lower not in g.locatives:
        return None
    if first == 0 or (tokens[first - 1].lower not in g.conjunctions and tokens[first - 1].text != ","):
        return None
    behind = [e for e in _within(events, 0, first) if tokens[e.first].lower not in g.locatives]
    return behind[-1] if behind else None


_VERB_GAP = 3
"""Auxiliaries and adverbs between a subject and its verb ("were later rescued")."""


def _verb_after(
    events: Sequence[EventMention], tokens: Sequence[Token], start: int, g: vocabulary.Grammar
) -> EventMention | None:
    """The event word right after token ``start`` - 1 past auxiliaries and adverbs, if any."""
    k = start
    while (
        k < len(tokens)
        and k - start < _VERB_GAP
        and (tokens[k].lower in g.auxiliaries or tokens[k].lower.endswith("ly"))
    ):
        k += 1
    return next((e for e in events if e.first == k), None)


def _relative_opened(tokens: Sequence[Token], lo: int, hi: int, g: vocabulary.Grammar) -> bool:
    """Whether a relative clause opens between tokens ``lo`` and ``hi``: a comma, maybe a
    preposition and an article, then a relative word (", en el que", ", in which", ",
    where"); not "ya que" or a complementiser ("dijo que seis")."""
    for k in range(lo, hi):
        if tokens[k].text != ",":
            continue
        j = k + 1
        if j < hi and (tokens[j].lower in g.locatives or tokens[j].lower in g.partitive):
            j += 1
            while j < hi and tokens[j].lower in g.determiners:
                j += 1
        # not "78 morts, dont 34 enfants": a relative alone between the comma and the figure
        # is a partitive
        if j < hi and tokens[j].lower in g.relative and not (j == k + 1 == hi - 1):
            return True
    return False


def _own_subject(tokens: Sequence[Token], last: int, subject_last: int | None, g: vocabulary.Grammar) -> bool:
    """Whether an auxiliary follows the figure (or its noun): the figure is its clause's
    subject ("500 were on it"), not an object or a bare tally ("but police said 40")."""
    k = (subject_last if subject_last is not None and subject_last > last else last) + 1
    return k < len(tokens) and tokens[k].lower in g.auxiliaries


def _before_when_clause(
    ahead: list[EventMention], tokens: Sequence[Token], start: int, lang: str
) -> list[EventMention]:
    """The events after a figure that its own clause holds: where the figure's clause has
    a verb of its own and a clause telling when follows it ("Eight workers were on the
    bridge when it collapsed", "estaban sobre el puente cuando se derrumbó"), what the
    when-clause tells happened to something else (the bridge), not to what is counted."""
    g = vocabulary.grammar(lang)
    whens = time_words(lang).when_clauses
    for k in range(start, ahead[-1].first):
        if tokens[k].lower in whens:
            if any(t.lower in g.auxiliaries for t in tokens[start:k]):
                return [e for e in ahead if e.first < k]
            break
    return ahead


@cache
def frame_of(event: str) -> str | None:
    """The frame an event class belongs to (``held`` and ``released``: captivity).

    >>> frame_of("released"), frame_of("freed"), frame_of("killed"), frame_of("rescued")
    ('captivity', None, 'casualties', 'rescue')
    """
    ev = vocabulary.event_classes().get(event)
    return ev.frame if ev else None


@cache
def is_cumulative(event: str) -> bool:
    """Whether counts of this event only grow as reports come in (a death toll)."""
    ev = vocabulary.event_classes().get(event)
    return bool(ev and ev.cumulative)
