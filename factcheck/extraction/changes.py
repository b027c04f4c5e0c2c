"""Words of change ("rose", "subió", "pasó", "elevándola"): before two figures written the
way a language writes a range, they make the pair the old and the new figure of a change
rather than one interval ("la cifra subió de 350 a 413" is 350, then 413).

The words are the forms of the events with a ``trend`` (``data/<lang>/events.yaml``,
``increased`` and ``decreased``) and the language's ``change_words``
(``data/<lang>/numbers.yaml``): verbs that say a figure changed without saying which way
("pasó", "actualizó"). Which range forms they undo is said by ``not_after_change`` on the
form itself."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from ..gazetteer import fold

CHANGE_REACH = 4
"""Words before a range's opener searched for a word of change: "subió este martes de 40
a 57"."""

_CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")"})


@cache
def change_words(lang: str) -> frozenset[str]:
    """The folded words of change of a language; a form of several words counts by its last
    ("se elevó": "elevo").

    >>> {"subio", "paso", "elevandola"} <= change_words("es")
    True
    """
    events = vocabulary.events(lang).events
    forms = {f for ev in events.values() if ev.trend for f in ev.forms}
    forms.update(vocabulary.numbers(lang).change_words)
    return frozenset(fold(f.split()[-1]) for f in forms if f.strip())


def changed_before(words: Sequence[str], lang: str) -> bool:
    """Whether a word of change stands among the last :data:`CHANGE_REACH` of ``words``
    (the words before a range's opener, in text order) with no clause break after it.

    >>> changed_before(["la", "cifra", "subió"], "es"), changed_before(["murieron"], "es")
    (True, False)
    """
    known = change_words(lang)
    for word in reversed(words[-CHANGE_REACH:]):
        if word in _CLAUSE_ENDS:
            return False
        if fold(word) in known:
            return True
    return False
