"""Pairs of claims judged once per key (``pairkeys``, issue 22) give the findings that
judging every pair gives: with k copies of a story on each side the classifier meets k²
pairs, and a key holds exactly what judging a pair reads.

The plain judgement is the same code with a key of its own for every pair. Developed on:
short articles written here, copied with hypothesis-drawn dates, outlets and figures.
Regressions: two clusters of the dev corpora with copies dated later (evaluation material
read from ../shared at run time)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Document, load_documents
from factcheck.config import Settings
from factcheck.extraction import extract_document
from factcheck.findings import Finding
from factcheck.intervals import Interval
from factcheck.models import AsOf, Place, Quantity, Source
from factcheck.reconciliation import classify, reconcile
from factcheck.reconciliation.clocks import Clock
from factcheck.reconciliation.keys import Facet, facet
from factcheck.reconciliation.pairkeys import PairKeys, Row, pair_key, pair_keys
from factcheck.reconciliation.phrase_totals import names_phrase_total
from factcheck.reconciliation.positions import claim_interval
from factcheck.reconciliation.representatives import Classes
from factcheck.reconciliation.timeline import Moment

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

BODIES = [
    "Police said 12 people were killed in the flood in Quito on Monday. Officials said 15 were missing.",
    "Officials said 40 people were killed in the flood in Quito on Monday, up from 12 reported previously.",
    "The death toll rose to 44 on Tuesday, the mayor of Quito said. At least 15 people are missing.",
    "Rescue workers said 25 people were killed in the flood in Quito. Ecuador's government said 41 died.",
    "About 30 people died in the Quito flood, according to the Red Cross, which said 9 were missing.",
]


_BASE = next(
    f
    for c in extract_document(Document(id="a", published="2024-03-04", body="Police said 12 people died in Quito."))
    if (f := facet(c, "a")) is not None
)


def _every_pair(a: Row, highs: Sequence[Row]) -> list[Hashable]:
    """A key of its own for each pair: every pair judged, as before the keys."""
    return [(id(a), id(b)) for b in highs]


def _one_each(rows: Sequence[Row]) -> Classes:
    """Every claim a class of its own: no representative stands for another claim."""
    out = Classes([], [], [], [], {})
    for i, row in enumerate(rows):
        out.rows.append(row)
        out.firsts.append(i)
        out.members.append([i])
        out.groups.append({row[2]})
        out.by_group.setdefault(row[2], set()).add(i)
    return out


def _plainly(m: pytest.MonkeyPatch) -> None:
    """Every pair of claims judged on its own: no keys, no representatives."""
    m.setattr(classify, "pair_keys", _every_pair)
    m.setattr(classify, "representatives", _one_each)


def _both_ways(claims: Sequence[object], monkeypatch: pytest.MonkeyPatch) -> tuple[list[Finding], list[Finding]]:
    keyed = reconcile(claims)  # type: ignore[arg-type]
    with monkeypatch.context() as m:
        _plainly(m)
        plain = reconcile(claims)  # type: ignore[arg-type]
    return keyed, plain


@st.composite
def copies(draw: st.DrawFn) -> list[Document]:
    """A few of the articles above, each with copies under other ids: dated the same day
    or days later (to the day or the month), by the same outlet or another, some with a
    figure changed."""
    docs: list[Document] = []
    day = dt.date(2024, 3, 4)
    for k in draw(st.lists(st.integers(0, len(BODIES) - 1), min_size=2, max_size=4, unique=True)):
        body = BODIES[k]
        for c in range(draw(st.integers(1, 4))):
            shift = draw(st.sampled_from([0, 0, 1, 2, 5, 31]))
            text = body if not draw(st.booleans()) else body.replace("40", str(draw(st.sampled_from([39, 41, 60]))))
            docs.append(
                Document(
                    id=f"d{k}-{c}",
                    outlet=draw(st.sampled_from(["Wire", f"Outlet {k}", f"Outlet {k}-{c}"])),
                    published=day + dt.timedelta(days=shift),
                    published_precision=draw(st.sampled_from(["day", "day", "month"])),
                    body=text,
                )
            )
    return docs


@given(docs=copies())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_keyed_judgement_gives_the_plain_findings(docs: list[Document], monkeypatch: pytest.MonkeyPatch) -> None:
    claims = [c for d in docs for c in extract_document(d)]
    keyed, plain = _both_ways(claims, monkeypatch)
    assert [f.model_dump() for f in keyed] == [f.model_dump() for f in plain]


def test_copies_of_a_story_share_their_keys() -> None:
    """The point of the keys: the pairs of copies of a story read the same, whatever the
    copies' documents, and copies dated later read the same but for the days between."""
    for shift in (0, 1):
        docs = [
            Document(id=f"c{k}", outlet=f"Wire-{k}", published=dt.date(2024, 3, 4 + shift * k), body=BODIES[j])
            for k in range(4)
            for j in (0, 1)
        ]
        facets = [f for d in docs for c in extract_document(d) if (f := _facet(c)) is not None]
        rows = PairKeys().rows(facets, 0.1)
        signatures = len({r[0] for r in rows})
        assert signatures * 4 == len(rows)  # one signature for a claim's four copies
        keys = {k for a in rows for k in classify.pair_keys(a, rows)}
        # a pair of signatures, in one document or two, and (dated later) 7 days apart at most
        assert len(keys) <= signatures**2 * (2 if shift == 0 else 7)


_PLACES = [
    None,
    Place(name="Quito", kind="city", within=("Ecuador",), country="EC"),
    Place(name="Quito", kind="city", within=("Ecuador",), country="EC", stated=False),
    Place(name="Cuenca", kind="city", within=("Ecuador",), country="EC"),
]
_DAYS = [None, dt.date(2024, 3, 4), dt.date(2024, 3, 5), dt.date(2024, 3, 9), dt.date(2024, 4, 20)]
FIELDS: dict[str, st.SearchStrategy[object]] = {
    "value": st.sampled_from([10, 12, 13, 40, 44, 100]),
    "bounded": st.booleans(),
    "place": st.sampled_from(_PLACES),
    "name": st.sampled_from([None, "Police", "Mayor Juan Perez", "Juan Perez", "the Red Cross"]),
    "so_far": st.booleans(),
    "document": st.sampled_from(["a", "b", "c"]),
    "sentence_start": st.sampled_from([0, 60]),
    "day": st.sampled_from(_DAYS),
    "precision": st.sampled_from(["day", "month", None]),
    "basis": st.sampled_from(["stated", "relative", "published", "unknown"]),
    "clock": st.sampled_from([None, ("k1", 30), ("k1", 31), ("k1", 60), ("k2", 30)]),
    "event": st.sampled_from(["killed", "missing", "held"]),
    "anchor": st.sampled_from([None, "depth"]),
    "cumulative": st.booleans(),
    "order": st.sampled_from([None, "earlier", "later", "correction"]),
    "source": st.sampled_from(["a", "b", "g"]),
    "remaining": st.booleans(),
    "phrase_total": st.sampled_from([None, 40, 57, 110]),
}
"""Every field judging a pair reads, and values of it that matter to the judgement."""


def _built(v: dict[str, object]) -> Facet:
    n = v["value"]
    assert isinstance(n, int)
    quantity = Quantity(
        text=str(n),
        start=20,
        end=22,
        value=n,
        low=n,
        high=n if v["bounded"] else None,
        qualifier="exact" if v["bounded"] else "at_least",
    )
    name = v["name"]
    claim = _BASE.claim.model_copy(
        update={
            "document": v["document"],
            "quantity": quantity,
            "place": v["place"],
            "source": None if not isinstance(name, str) else Source(name=name, cue="said", start=0, end=len(name)),
            "as_of": AsOf(derived_from="so_far", basis="relative") if v["so_far"] else None,
            "sentence_start": v["sentence_start"],
        }
    )
    clock = v["clock"]
    total = v["phrase_total"]
    return replace(
        _BASE,
        claim=claim,
        event=v["event"],
        anchor=v["anchor"],
        cumulative=v["cumulative"],
        moment=Moment(v["day"], v["precision"], v["basis"]),  # type: ignore[arg-type]
        order=v["order"],
        source=v["source"],
        clock=None if not isinstance(clock, tuple) else Clock(clock[0], Interval(clock[1], clock[1]), str(clock[1])),
        remaining=bool(v["remaining"]),
        phrase_total=None if not isinstance(total, int) else Interval.point(total),
    )


@st.composite
def sides(draw: st.DrawFn) -> tuple[list[Facet], list[Facet]]:
    """Two sides of facets that differ from one another in a field or two, one side in
    one field only: pairs that read the same but for that field, which a key that left it
    out would mix up."""
    template = {name: draw(values) for name, values in FIELDS.items()}

    def one(fields: list[str]) -> Facet:
        v = dict(template)
        for name in fields:
            v[name] = draw(FIELDS[name])
        return _built(v)

    # the lower side below the higher, as the classifier is given them (most pairs disagree)
    focus = draw(st.sampled_from(sorted(FIELDS)))
    others = st.lists(st.sampled_from(sorted(FIELDS)), max_size=2)
    sides = [
        [one([focus]) for _ in range(draw(st.integers(2, 4)))],
        [one(["document", "source", "name", *draw(others)]) for _ in range(draw(st.integers(1, 4)))],
    ]
    if draw(st.booleans()):
        sides.reverse()
    low, high = sides
    low = [f if f.claim.quantity.value != 100 else _scaled(f, 0.1) for f in low]
    high = [f if f.claim.quantity.value == 100 else _scaled(f, 10) for f in high]
    return low, high


def _scaled(f: Facet, by: float) -> Facet:
    q = f.claim.quantity
    n = float(round(q.value * by))  # type: ignore[operator]
    update = {"value": n, "low": n, "high": None if q.high is None else n}
    return replace(f, claim=f.claim.model_copy(update={"quantity": q.model_copy(update=update)}))


@given(pair=sides())
@settings(max_examples=1000, deadline=None)
def test_pairs_with_one_key_get_one_judgement(pair: tuple[list[Facet], list[Facet]]) -> None:
    """What the keys rest on: two pairs with one key get the same timing and verdict."""
    low, high = pair
    keys = PairKeys()
    settings = Settings()
    seen: dict[Hashable, object] = {}
    for a, ra in zip(low, keys.rows(low, settings.tolerance), strict=True):
        for b, rb in zip(high, keys.rows(high, settings.tolerance), strict=True):
            a_iv, b_iv = claim_interval(a.claim, settings.tolerance), claim_interval(b.claim, settings.tolerance)
            agree = a_iv.overlaps(b_iv) or names_phrase_total(a, b_iv) or names_phrase_total(b, a_iv)
            got = (agree, classify._pair_timing(a, b), None if agree else classify._verdict(a, b, settings))
            assert seen.setdefault(pair_key(ra, rb), got) == got


@given(pair=sides())
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_keyed_pairs_are_judged_as_every_pair(
    pair: tuple[list[Facet], list[Facet]], monkeypatch: pytest.MonkeyPatch
) -> None:
    low, high = pair
    keyed = classify.classify_pair(low, high, Settings()), classify.timing(low, high)
    with monkeypatch.context() as m:
        _plainly(m)
        plain = classify.classify_pair(low, high, Settings()), classify.timing(low, high)
    assert _seen(keyed[0]) == _seen(plain[0]) and keyed[1] == plain[1]


_GROUP_OF = {"a": "g", "b": "g", "c": "c", "d": "h", "e": "h"}
"""Documents a and b copies of one story, d and e of another, c a story of its own."""


def _in_copy_groups(side: list[Facet]) -> list[Facet]:
    """The side with each facet's copy group that of its document, as ``facets_of`` gives them."""
    return [replace(f, source=_GROUP_OF[f.claim.document]) for f in side]


@given(pair=sides())
@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_representatives_are_judged_as_every_pair(
    pair: tuple[list[Facet], list[Facet]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One representative per class of claims that read the same but for their documents
    (``representatives``) gives the verdict, the claims behind it and their order that
    judging every pair gives, wherever a document is in one copy group."""
    low, high = _in_copy_groups(pair[0]), _in_copy_groups(pair[1])
    keyed = classify.classify_pair(low, high, Settings()), classify.timing(low, high)
    with monkeypatch.context() as m:
        _plainly(m)
        plain = classify.classify_pair(low, high, Settings()), classify.timing(low, high)
    assert _seen(keyed[0]) == _seen(plain[0]) and keyed[1] == plain[1]


@st.composite
def copied_sides(draw: st.DrawFn) -> tuple[list[Facet], list[Facet]]:
    """Two larger sides of claims from five documents in three copy groups, each claim
    the template with a few fields drawn again: many claims that read the same but for
    their documents, and pairs of them judged in several ways."""
    template = {name: draw(values) for name, values in FIELDS.items()}
    varied = ["document", "day", "order", "name", "basis", "sentence_start", "bounded", "clock"]

    def one(value: int) -> Facet:
        v = dict(template, value=value)
        for name in draw(st.lists(st.sampled_from(varied), max_size=3)):
            v[name] = draw(FIELDS[name]) if name != "document" else draw(st.sampled_from(sorted(_GROUP_OF)))
        v["source"] = _GROUP_OF[str(v["document"])] if v["document"] in _GROUP_OF else "c"
        return _built(v)

    low = [one(draw(st.sampled_from([10, 12, 13]))) for _ in range(draw(st.integers(2, 9)))]
    high = [one(draw(st.sampled_from([40, 44, 100]))) for _ in range(draw(st.integers(2, 9)))]
    return low, high


@pytest.mark.slow  # seconds: run by make test and CI (issue 22 keeps a bare pytest under 120 s)
@given(pair=copied_sides())
@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_representatives_of_many_copies_are_judged_as_every_pair(
    pair: tuple[list[Facet], list[Facet]], monkeypatch: pytest.MonkeyPatch
) -> None:
    low, high = pair
    keyed = classify.classify_pair(low, high, Settings()), classify.timing(low, high)
    with monkeypatch.context() as m:
        _plainly(m)
        plain = classify.classify_pair(low, high, Settings()), classify.timing(low, high)
    assert _seen(keyed[0]) == _seen(plain[0]) and keyed[1] == plain[1]


@given(pair=sides(), document=st.sampled_from(["a", "b", "c"]), start=st.sampled_from([0, 60, 90]))
@settings(max_examples=500, deadline=None)
def test_pairs_of_two_copy_groups_read_neither_document_nor_sentence(
    pair: tuple[list[Facet], list[Facet]], document: str, start: int
) -> None:
    """What the representatives rest on: a claim judged against a claim of another copy
    group gets the same timing and verdict from any document of its group and any sentence."""
    settings = Settings()
    for a in _in_copy_groups(pair[0]):
        moved = a.claim.model_copy(update={"document": document, "sentence_start": start})
        b_side = _in_copy_groups(pair[1])
        for b in b_side:
            if b.source == a.source or _GROUP_OF[document] != a.source:
                continue
            other = replace(a, claim=moved)
            assert classify._pair_timing(a, b) == classify._pair_timing(other, b)
            assert classify._verdict(a, b, settings) == classify._verdict(other, b, settings)


def _seen(judged: tuple[classify.Verdict, list[Facet], list[Facet]] | None) -> object:
    if judged is None:
        return None
    verdict, lows, highs = judged
    return verdict, [id(f) for f in lows], [id(f) for f in highs]


def _facet(claim: object) -> Facet | None:
    return facet(claim, "s")  # type: ignore[arg-type]


@pytest.mark.skipif(not (SHARED / "dev").is_dir(), reason="the dev corpora are read from ../shared at run time")
@pytest.mark.parametrize("cluster", ["dev/articles/honduras-prison-2023", "dev2/articles/ecuador-hostages-2023-08"])
def test_dev_clusters_with_later_copies_give_the_plain_findings(cluster: str, monkeypatch: pytest.MonkeyPatch) -> None:
    originals, _ = load_documents(SHARED / cluster)
    docs = list(originals)
    for k in (1, 2):
        for d in originals:
            later = d.published + dt.timedelta(days=k) if d.published else None
            docs.append(d.model_copy(update={"id": f"{d.id}-c{k}", "outlet": f"{d.outlet}-{k}", "published": later}))
    claims = [c for d in docs for c in extract_document(d)]
    keyed, plain = _both_ways(claims, monkeypatch)
    assert keyed and [f.model_dump() for f in keyed] == [f.model_dump() for f in plain]


@given(values=st.fixed_dictionaries(FIELDS))
@settings(max_examples=50, deadline=None)
def test_the_reconciler_s_own_readings_are_in_the_signature(values: dict[str, object]) -> None:
    # the judgement reads whether a figure counts those still held and the total of its
    # phrase: two claims that differ only there must not share a verdict
    from factcheck.reconciliation.pairkeys import signature

    base = _built(values)
    for field, value in (("remaining", not base.remaining), ("phrase_total", Interval.point(1234))):
        assert signature(base) != signature(replace(base, **{field: value})), field


def test_one_run_numbers_each_claim_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Developed on: the articles above with copies. A reconciliation computes each
    facet's signature at most once per tolerance (the keys without and with one), however
    many pairs of sides the facet is judged in; outside a run, each call has keys of its
    own, and the run's keys are dropped when it ends."""
    from factcheck.reconciliation import pairkeys

    docs = [
        Document(id=f"c{k}-{j}", outlet=f"Wire-{k}", published=dt.date(2024, 3, 4 + k), body=BODIES[j])
        for k in range(3)
        for j in range(len(BODIES))
    ]
    claims = [c for d in docs for c in extract_document(d)]
    seen: list[int] = []
    original = pairkeys.signature

    def counted(f: Facet) -> Hashable:
        seen.append(id(f))
        return original(f)

    monkeypatch.setattr(pairkeys, "signature", counted)
    findings = reconcile(claims)
    assert findings and seen
    assert max(seen.count(i) for i in set(seen)) <= 2
    assert pairkeys.current() is not pairkeys.current()  # no run open: fresh keys each call
    with pairkeys.one_run() as keys:
        assert pairkeys.current() is keys
    assert pairkeys.current() is not keys


_ROW = st.tuples(
    st.integers(0, 3),
    st.sampled_from(["d1", "d2"]),
    st.sampled_from(["g1", "g2"]),
    st.integers(0, 2),
    st.one_of(st.none(), st.integers(738000, 738010)),
    st.integers(0, 3),
    st.none(),
)


@given(st.lists(_ROW, min_size=1, max_size=6))
def test_a_claims_keys_against_a_side_are_its_pair_keys(rows: list[Row]) -> None:
    """Regression (issue 22, speed): ``pair_keys`` keys a claim against a whole side in
    one call; each key is the one ``pair_key`` gives the pair, days or moments alike."""
    for a in rows:
        assert pair_keys(a, rows) == [pair_key(a, b) for b in rows]
