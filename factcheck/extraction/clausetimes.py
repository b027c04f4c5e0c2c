"""Which times of a sentence are a figure's own, by relative clause: a day written inside a
relative clause ("de los 137 que fueron retenidos el martes", "clashes that on Sunday left
six dead") dates what that clause tells, so it is the own time of a figure inside the clause
or of the figure the clause follows ("los 137 que ..."), and no time of any other figure
("Un grupo de 17 guardias, de los 137 que fueron retenidos el martes, fueron liberados este
miércoles": 17 holds on Wednesday).

A clause runs from a relative word (``relative`` of ``data/<language>/grammar.yaml``) to the
next comma, semicolon, colon or dash, or the end of the sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from .timewords import TimeMention, flat

_WORD = re.compile(r"[^\W\d_]+")
_BOUNDARY = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_DAYS = frozenset({"date", "weekday", "relative_day"})


@cache
def _relatives(language: str) -> frozenset[str]:
    return frozenset(flat(w) for w in vocabulary.grammar(language).relative)


def _clause(text: str, at: int, language: str) -> tuple[int, int] | None:
    """The relative clause of ``text`` (a sentence) that offset ``at`` stands in: from the
    last relative word before ``at`` with no clause boundary between, to the next boundary."""
    folded = flat(text)
    lo = max((m.end() for m in _BOUNDARY.finditer(folded, 0, at)), default=0)
    words = [w for w in _WORD.finditer(folded, lo, at) if w.group() in _relatives(language)]
    if not words:
        return None
    end = _BOUNDARY.search(folded, at)
    return words[-1].start(), end.start() if end else len(text)


_NEAR = 3
"""At most this many words between a figure and the relative word of a clause that follows
its noun ("los 137 que", "six guards who")."""


def _follows(text: str, at: int, relative: int) -> bool:
    """Whether the relative clause opening at ``relative`` follows the figure at ``at``: a few
    words after it, no other number or clause boundary between."""
    if relative <= at:
        return False
    number = re.match(r"[\w.,]*", text[at:])
    between = text[at + (number.end() if number else 0) : relative]
    return (
        not any(c.isdigit() for c in between) and not _BOUNDARY.search(between) and len(_WORD.findall(between)) <= _NEAR
    )


_CHANGE_REACH = 4
"""Words before a figure a verb of change may stand at ("rose to 94", "subió ayer a 94")."""


def _changed(text: str, at: int, language: str, since: int = 0) -> bool:
    """A verb of change or revision stands among the few words before the figure at ``at``
    (and after offset ``since``): "rose to 94", "Subiu para 94", "elevó a 94", a count given
    as it is now."""
    words = [flat(w.group()) for w in _WORD.finditer(flat(text), since, at)][-_CHANGE_REACH:]
    return any(w in _change_words(language) for w in words)


@cache
def _change_words(language: str) -> frozenset[str]:
    """The one-word verbs of a count's change (events.yaml ``increased``, ``decreased``) and
    of its revision (attribution.yaml ``revisions``), folded."""
    events = vocabulary.events(language).events
    forms = [f for name in ("increased", "decreased") if name in events for f in events[name].forms]
    forms += list(vocabulary.attribution(language).revisions)
    return frozenset(flat(f) for f in forms if " " not in f and f.isalpha())


def clause_times(
    mentions: Sequence[TimeMention], text: str, offset: int, at: int, language: str
) -> tuple[list[TimeMention], list[TimeMention]]:
    """(the mentions that may date the figure at body offset ``at``, those of them written in
    the figure's own relative clause) for a sentence ``text`` starting at body offset
    ``offset``. A day inside a relative clause the figure is not in is dropped, unless no
    other day is left.

    >>> import datetime as dt
    >>> from .times import find_times
    >>> s = "Un grupo de 17 guardias, de los 137 que fueron retenidos el martes, fueron liberados este miércoles."
    >>> ms = find_times(s, 0, len(s), dt.date(2023, 7, 27), "day", "es")
    >>> kept, own = clause_times(ms, s, 0, s.index("17"), "es")
    >>> [m.text for m in kept], own
    (['este miércoles'], [])
    >>> kept, own = clause_times(ms, s, 0, s.index("137"), "es")
    >>> [m.text for m in own]
    ['el martes']
    >>> s = "SNAI reported on Monday that 90 guards are held after clashes that on Sunday left six dead."
    >>> ms = find_times(s, 0, len(s), dt.date(2023, 7, 25), "day", "en")
    >>> [m.text for m in clause_times(ms, s, 0, s.index("six"), "en")[1]]
    ['Sunday']
    >>> [m.text for m in clause_times(ms, s, 0, s.index("90"), "en")[0]]
    ['Monday']
    """
    days = [m for m in mentions if m.kind in _DAYS and m.date is not None]
    if not days:
        return list(mentions), []
    where = _clause(text, at - offset, language)
    outside: list[TimeMention] = []
    own: list[TimeMention] = []
    for m in days:
        clause = _clause(text, m.start - offset, language)
        if clause is None:
            continue
        inside = clause[0] <= at - offset < clause[1] and (where is None or where[0] <= clause[0])
        if inside and _changed(text, at - offset, language, since=m.end - offset):
            # "the storm that hit the city on Tuesday rose to 94": the clause ended before
            # the verb of change, which is the figure's own
            inside = False
        if inside or _follows(text, at - offset, clause[0]):
            own.append(m)
        else:
            outside.append(m)
    if outside and len(outside) == len(days) and not _changed(text, at - offset, language):
        # every day of the sentence is another clause's: keep them ("six died in clashes
        # that broke out on Sunday"), unless the figure is a count raised or lowered now
        # ("the toll from the storm that hit on Tuesday rose to 94": the report's)
        return list(mentions), own
    drop = {id(m) for m in outside}
    return [m for m in mentions if id(m) not in drop], own


__all__ = ["clause_times"]
