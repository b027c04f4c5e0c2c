"""Blocking: which archived claims can pair with a new article's claims.

The archive never reconciles a draft with everything it holds: it retrieves the
documents whose claims share a blocking key with the draft's. A key is the claim's
country (or ``any`` when neither the claim nor its article is placed), its event family
(what happened, an event of a chain under the event it follows: ``released`` under
``held``; ``?`` when the event was not read), its unit's dimension (``count`` for a
count) and the month its figure holds (``undated`` when no date is known).
:func:`blocking_keys` is the one place that decides it; the reconciler's own blocking
can replace it without touching the store.

It must be generous: every pair the reconciler could judge is retrieved. Claims further
apart than ``window_days`` are never compared (``classify``), so a draft probes every
month within that window and one more each side (month precision rounds dates down).
Wildcard keys (``*`` for every country, family or month) let a draft that is not
placed, whose event is not read, or not dated, reach every archived claim of its
dimension. The reconciler compares claims of one event (a value, a part and its whole),
of one chain (released against held) or of an event not read (which may join any
quantity of its block), so the family narrows the block without losing a pair."""

from __future__ import annotations

import hashlib

from ..models import Claim
from ..reconciliation.keys import CHAINS, UNKNOWN_EVENT, facet
from ..reconciliation.timeline import moment

ANY = "any"
"""The country of a claim neither it nor its article places: it may pair with any country."""

UNDATED = "undated"
"""The month of a claim with no date at all: it may pair with any month."""

WILD = "*"
"""Stands for every country or every month in a stored key (see :func:`blocking_keys`)."""


def country_of(claim: Claim, default: str | None = None) -> str:
    """The country a claim is about: its place's country, else its article's main country
    (``default``), else :data:`ANY`.

    >>> from factcheck.extraction import extract_text
    >>> [country_of(c) for c in extract_text("At least 31 people were killed in Chile.")]
    ['Chile']
    """
    p = claim.place
    if p is not None:
        # by name, as the reconciler's keys and its main country are (a code only where no name is)
        name = (p.name if p.kind == "country" else None) or (p.within[-1] if p.within else None) or p.country
        if name:
            return name
    return default or ANY


def dimension(claim: Claim) -> str:
    """The unit's dimension in base units, ``count`` for a number of things.

    >>> from factcheck.extraction import extract_text
    >>> [dimension(c) for c in extract_text("The quake struck 27 km from Muisne.")]
    ['meter']
    """
    return claim.quantity.base_unit or "count"


def month_of(claim: Claim) -> str:
    """The month the figure holds (its as-of date, a stated date, else the published date),
    as ``YYYY-MM``, or :data:`UNDATED`."""
    d = moment(claim).date
    return f"{d.year:04d}-{d.month:02d}" if d is not None else UNDATED


_FAMILY = {later: held for held, laters in CHAINS.items() for later in laters}


def family(event: str) -> str:
    """The event family a facet's event is blocked under: the event itself, an event of a
    chain under the event it follows, ``?`` (:data:`UNKNOWN_EVENT`) for an event not read.

    >>> family("released"), family("killed")
    ('held', 'killed')
    """
    return _FAMILY.get(event, event)


def _months_around(month: str, span: int) -> list[str]:
    year, mon = int(month[:4]), int(month[5:7])
    index = year * 12 + mon - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - span, index + span + 1) if i >= 0]


def window_months(window_days: int) -> int:
    """How many months each side of its own a draft's claim probes so that no pair
    within ``window_days`` is missed (a month-precision date may stand a month early).

    >>> window_months(180)
    8
    """
    return -(-window_days // 28) + 1


BLOCKING_VERSION = 3
"""Bumped whenever :func:`blocking_keys` changes: an archive keyed by another version is
re-keyed from its stored claims when opened (``schema``). 1: every claim, measures under
any country; 2: only claims the reconciler can compare, measures under their anchor;
3: the event family in the key."""


def blocking_keys(claim: Claim, default_country: str | None = None, probe: int | None = None) -> set[str]:
    """The blocking keys of ``claim``: ``country|family|dimension|month``; none for a
    claim the reconciler never compares (a rate, a share, a count of nothing: no facet).

    Stored (``probe`` None), a claim gets its own key and the wildcard forms a draft that
    is not placed, whose event is not read, or not dated looks for. Probing (``probe`` the
    months each side, see :func:`window_months`), a draft's claim gets every key an
    archived claim it could pair with was stored under. A measure (a distance, a depth) is
    keyed by what it is measured from (``from:tegucigalpa``), as the reconciler keys it,
    not by a country.

    >>> import datetime as dt
    >>> from factcheck.extraction import extract_text
    >>> c = extract_text("At least 31 people were killed in Chile.")[0]
    >>> c = c.model_copy(update={"published": dt.date(2024, 3, 5)})
    >>> sorted(k for k in blocking_keys(c) if k.startswith("Chile"))
    ['Chile|*|count|*', 'Chile|*|count|2024-03', 'Chile|killed|count|*', 'Chile|killed|count|2024-03']
    >>> len(blocking_keys(c)), len(blocking_keys(c, probe=1))
    (8, 16)
    >>> blocking_keys(extract_text("Prices rose 3% last year.")[0])
    set()
    """
    f = facet(claim)
    if f is None:
        return set()
    dim, month, fam = f.unit or "count", month_of(claim), family(f.event)
    country = "from:" + f.anchor if f.anchor is not None else country_of(claim, default_country)
    if probe is None:
        return {f"{c}|{e}|{dim}|{m}" for c in (country, WILD) for e in (fam, WILD) for m in (month, WILD)}
    # an archived claim placed nowhere, of an event not read, or dated never, pairs with anything
    countries = [WILD] if country == ANY else [country, ANY]
    families = [WILD] if fam == UNKNOWN_EVENT else [fam, UNKNOWN_EVENT]
    months = [WILD] if month == UNDATED else [*_months_around(month, probe), UNDATED]
    return {f"{c}|{e}|{dim}|{m}" for c in countries for e in families for m in months}


def key_hash(key: str) -> int:
    """A key as a signed 64-bit integer, for a compact index (collisions only widen a block).

    >>> key_hash("Chile|count|2024-03") == key_hash("Chile|count|2024-03")
    True
    """
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
