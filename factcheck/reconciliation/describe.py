"""Findings in words: what each side counts, where, when and who says so, and a title an
editor can read without opening the claims ("Ecuador, killed: 480 (Vice Minister Fuentes,
Tue 19 Apr 2016) vs 443 (Minister Patiño, Tue 19 Apr 2016): a death toll cannot fall")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from ..findings import Position
from ..models import Claim, Place
from .keys import Facet
from .timeline import Moment, moment


def where(place: Place | None, anchor: str | None = None) -> str:
    """A place in words, with what contains it: "Turi jail (Cuenca, Azuay, Ecuador)"."""
    if anchor is not None:
        return f"from {anchor.title()}" if anchor != "depth" else "depth"
    if place is None:
        return "place unknown"
    name = place.name or (_indefinite(place.text) if place.text else "an unnamed facility")
    within = place.within
    if not place.name and place.text:
        # "a women's prison in Honduras" says its country already
        within = tuple(w for w in within if w not in place.text)
    if place.kind != "country" and within:
        name += " (" + ", ".join(within) + ")"
    return name


def _indefinite(text: str) -> str:
    """ "a women's prison" as written, "women's prison" with an article before it."""
    first = text.split(maxsplit=1)[0].lower() if text.split() else ""
    return text if first in _articles() else f"a {text}"


@cache
def _articles() -> frozenset[str]:
    """The articles and determiners of every language factcheck reads."""
    words: set[str] = set()
    for lang in vocabulary.languages():
        g = vocabulary.grammar(lang)
        words.update(g.articles, g.determiners)
    return frozenset(words)


def what(f: Facet) -> str:
    """What is counted and what happened: "person killed", "guard released"."""
    classes = " and ".join(sorted(c.removeprefix("raw:") for c in f.classes))
    if f.anchor is not None:
        return classes
    text = f"{classes} {f.event}"
    if f.background is not None:
        text += f" (earlier event{', ' + str(f.background) if f.background else ''})"
    return text


def who(claims: Sequence[Claim]) -> list[str]:
    """Who each figure is attributed to, as written; unattributed figures by outlet."""
    # each name once, in order (a dictionary as an ordered set: a side of copies holds
    # hundreds of outlets' unattributed figures, and a list's ``in`` read them all each time)
    return list(
        dict.fromkeys(c.source.name if c.source else f"{c.outlet or c.document} (unattributed)" for c in claims)
    )


def when(claims: Sequence[Claim]) -> str:
    """When the side's figures hold, as distinct moments in words."""
    # each distinct moment put in words once, and each text placed where it first comes
    # in the claims sorted by date and id (a side of copies holds a few moments for
    # hundreds of claims: sorting them all and describing each was 5% of a reconciliation)
    first: dict[str, tuple[str, str]] = {}
    for c in claims:
        kept = _WHEN.get(id(c))
        if kept is None or kept[0] is not c:
            kept = _when(c)
        _, text, at = kept
        known = first.get(text)
        if known is None or at < known:
            first[text] = at
    seen = sorted(first, key=first.__getitem__)
    return "; ".join(seen[:3]) + (" …" if len(seen) > 3 else "")


def _when(c: Claim) -> tuple[Claim, str, tuple[str, str]]:
    """A claim's moment in words and its place in a side's order, kept by the claim's
    identity (held with it, so that its id names no other record meanwhile): a claim is
    on the sides of many findings."""
    m = moment(c)
    text = _TEXTS.get(m)
    if text is None:
        if len(_TEXTS) >= _KEPT:
            _TEXTS.clear()
        text = _TEXTS[m] = m.describe()
    if len(_WHEN) >= _KEPT:
        _WHEN.clear()
    kept = _WHEN[id(c)] = (c, text, (str(m.date), c.id))
    return kept


_KEPT = 1 << 17
"""Claims (and moments) kept at most; past it a table starts again."""
_WHEN: dict[int, tuple[Claim, str, tuple[str, str]]] = {}
_TEXTS: dict[Moment, str] = {}


def described(p: Position, f: Facet, **fields: object) -> Position:
    """The position with its sides in words (and ``fields`` set too, in the same copy)."""
    return p.model_copy(
        update={
            **fields,
            "what": what(f),
            "where": where(f.place, f.anchor),
            "when": when(p.claims),
            "who": who(p.claims),
        }
    )


def side_text(p: Position) -> str:
    who_ = ", ".join(p.who[:2]) + (" …" if len(p.who) > 2 else "")
    return f"{p.label} ({who_}; {p.when})"


def title(topic: str, a: Position, b: Position, rule: str) -> str:
    return f"{topic}: {side_text(a)} vs {side_text(b)}: {rule}"
