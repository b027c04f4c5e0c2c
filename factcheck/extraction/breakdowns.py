"""Figures with no cue of their own whose report the article gives further on, by their
numbers rather than by words.

A headline or a lede states the news in the outlet's words, and the body gives the parts
with their source: "Al menos 149 personas han muerto ..." and then "De acuerdo con el
último balance de Protección Civil, 49 personas han muerto en la capital, 55 en Morelos,
32 en Puebla, diez en el estado de México y tres en Guerrero". Parts that add up to the
lede's total are the report the total comes from, so the total takes their source.

A list of figures that a later attributed sentence gives again in the same order is that
report too: a story's deck repeating the breakdown its body quotes ("86 fallecidos en
Ciudad de México, 71 en Morelos, 43 en Puebla ..." before «Hasta el momento se reportan 217
fallecidos: 86 en Ciudad de México, 71 en Morelos, 43 ...», ha indicado Puente).

A single figure equal to a later attributed one was measured and not kept
(docs/accuracy.md): a round toll recurs across reports of different sources, and giving it
lowered must_flag."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Claim

MIN_ITEMS = 3
"""The fewest parts a breakdown must have to identify a report: two figures add up to a
third by chance often enough ("3 dead, 12 injured" and a toll of 15), three seldom do."""

REACH = 10
"""How many sentences on the breakdown may stand: a story's body gives it in its first
paragraphs (two and four sentences after the lede in dev), and the bound keeps the pass
linear in a long document."""


def sources_from_breakdowns(claims: list[Claim]) -> list[Claim]:
    """``claims`` (one document, in order) with a total of a sentence that has no source
    given the source of a later sentence whose figures break it down.

    >>> from factcheck.extraction import extract_text
    >>> text = ("Al menos 20 personas murieron por el sismo. 12 murieron en la capital, "
    ...         "5 en Morelos y 3 en Puebla, informó Protección Civil.")
    >>> [(c.quantity.value, c.source.name if c.source else None) for c in extract_text(text, language="es")]
    [(20.0, 'Protección Civil'), (12.0, 'Protección Civil'), (5.0, 'Protección Civil'), (3.0, 'Protección Civil')]

    A list the later sentence restates in the same order takes its source too:

    >>> text = ("12 muertos en la capital, 5 en Morelos y 3 en Puebla. "
    ...         "Hay 20 muertos: 12 en la capital, 5 en Morelos y 3 en Puebla, informó Protección Civil.")
    >>> [c.source.name if c.source else None for c in extract_text(text, language="es")][:3]
    ['Protección Civil', 'Protección Civil', 'Protección Civil']
    """
    by_sentence: dict[int, list[int]] = {}
    for k, c in enumerate(claims):
        by_sentence.setdefault(c.sentence_index, []).append(k)
    # each sentence with one source: the values of its counts, by event
    parts: dict[int, dict[str | None, list[float]]] = {}
    for i, ks in by_sentence.items():
        if _one_source(claims, ks):
            values: dict[str | None, list[float]] = {}
            for k in _counts(claims, ks):
                values.setdefault(claims[k].event_class, []).append(claims[k].quantity.value or 0.0)
            if any(len(v) >= MIN_ITEMS for v in values.values()):
                parts[i] = values
    if not parts:
        return claims
    out = list(claims)
    for i, ks in sorted(by_sentence.items()):
        if any(claims[k].source is not None for k in ks):
            continue
        for j in range(i + 1, i + 1 + REACH):
            if j not in parts:
                continue
            totals = [k for k in _counts(claims, ks) if _adds_up(claims[k], parts[j].get(claims[k].event_class, []))]
            if not totals:
                totals = _restated(claims, ks, parts[j])
            source = claims[by_sentence[j][0]].source
            for k in totals:
                out[k] = claims[k].model_copy(update={"source": source})
            if totals:
                break
    return out


def _one_source(claims: Sequence[Claim], ks: Sequence[int]) -> bool:
    names = {source.name if (source := claims[k].source) is not None else None for k in ks}
    return len(names) == 1 and None not in names


def _counts(claims: Sequence[Claim], ks: Sequence[int]) -> list[int]:
    """Those of ``ks`` that count something that happened, with a value and no unit."""
    return [k for k in ks if _is_count(claims[k])]


def _is_count(c: Claim) -> bool:
    return c.quantity.unit is None and c.quantity.value is not None and c.event_class is not None


def _adds_up(total: Claim, values: Sequence[float]) -> bool:
    """``total`` is the sum of at least :data:`MIN_ITEMS` of ``values`` (the counts of its
    event in one sentence): all of them but the total itself restated ("217 fallecidos: 86
    en ..., 71 en ...")."""
    value = total.quantity.value
    run = [v for v in values if v != value]
    return value is not None and len(run) >= MIN_ITEMS and abs(sum(run) - value) < 1e-9


def _restated(claims: Sequence[Claim], ks: Sequence[int], later: dict[str | None, list[float]]) -> list[int]:
    """Those of ``ks`` (a sentence with no source) whose counts of one event, at least
    :data:`MIN_ITEMS`, stand one after another in the same order among ``later`` (a later
    sentence's counts of that event): the same list, given again with its source."""
    by_event: dict[str | None, list[int]] = {}
    for k in _counts(claims, ks):
        by_event.setdefault(claims[k].event_class, []).append(k)
    found: list[int] = []
    for event, run in by_event.items():
        values = [claims[k].quantity.value or 0.0 for k in run]
        if len(values) >= MIN_ITEMS and _in_order(values, later.get(event, [])):
            found.extend(run)
    return sorted(found)


def _in_order(values: Sequence[float], later: Sequence[float]) -> bool:
    """``values`` stand one after another, in this order, among ``later``."""
    n = len(values)
    return any(list(later[i : i + n]) == list(values) for i in range(len(later) - n + 1))
