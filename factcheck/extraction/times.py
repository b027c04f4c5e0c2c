"""When a claim is scoped, where the text says so: years ("in 2021"), weekdays resolved
against the publication date ("on Tuesday"), and periods ("in recent years")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .. import vocabulary
from ..models import TimeRef
from .tokens import Token

_PERIODS = (
    ("in", "recent", "years"),
    ("in", "recent", "months"),
    ("over", "the", "years"),
    ("last", "year"),
    ("this", "year"),
    ("last", "month"),
    ("last", "week"),
    ("this", "week"),
)


_PERIOD_STARTS = frozenset(p[0] for p in _PERIODS)


def find_time(tokens: Sequence[Token], published: dt.date | None) -> TimeRef | None:
    """The first explicit time in a sentence.

    >>> from .tokens import tokenize
    >>> find_time(tokenize("119 inmates died in 2021."), None).year
    2021
    >>> find_time(tokenize("declared on Tuesday"), dt.date(2023, 7, 26)).date
    datetime.date(2023, 7, 25)
    """
    g = vocabulary.grammar()
    starts = _PERIOD_STARTS
    weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    year: int | None
    for i, tok in enumerate(tokens):
        if (
            tok.text.isdigit()
            and len(tok.text) == 4
            and i > 0
            and tokens[i - 1].lower in ("in", "since", "during", "of")
        ):
            year = int(tok.text)
            if 1900 <= year <= 2100:
                return TimeRef(text=tok.text, start=tok.start, end=tok.end, year=year)
        if tok.lower in g.weekdays:
            date = None
            if published is not None:
                back = (published.weekday() - weekdays.index(tok.lower)) % 7
                date = published - dt.timedelta(days=back)
            return TimeRef(text=tok.text, start=tok.start, end=tok.end, date=date, year=date.year if date else None)
        if tok.lower not in starts:
            continue
        for phrase in _PERIODS:
            n = len(phrase)
            if tuple(t.lower for t in tokens[i : i + n]) == phrase:
                year = None
                if published is not None and phrase[-1] == "year":
                    year = published.year - (1 if phrase[0] == "last" else 0)
                return TimeRef(
                    text=" ".join(t.text for t in tokens[i : i + n]),
                    start=tok.start,
                    end=tokens[i + n - 1].end,
                    year=year,
                    period=year is None,
                )
    return None
