"""The incident as constraints: a finding's claims cannot all hold, and its core is a
smallest set of them that cannot (remove any one and the rest can).

Provenance: the three named cases are patterns from dev2 (ecuador-hostages-2023-08 and
tulua-fire-2022-06), written anew here with other names and numbers; the properties run
on generated articles."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Document, Settings, check
from factcheck.extraction import extract_text
from factcheck.reconciliation.constraints import Linear, System, core, holds, irreducible, system_of


def doc(id_: str, body: str, day: int = 1, outlet: str = "AP") -> Document:
    return Document(id=id_, outlet=outlet, published=dt.date(2023, 9, day), body=body)


def claim(text: str, number: str):
    """The claim of ``number`` in ``text``, with an id of its own (every text is "text")."""
    found = [c for c in extract_text(text) if c.quantity.text == number]
    assert found, (text, number)
    return found[0].model_copy(update={"id": f"{text}:{number}"})


def test_one_quantity_with_disjoint_claims_cannot_hold() -> None:
    s = System()
    q = s.number("q")
    s.bound(claim("The governor said 53 hostages were held.", "53"), q, 0.1)
    s.bound(claim("The governor said 44 hostages were held.", "44"), q, 0.1)
    assert not holds(s)
    assert len(core(s)) == 2


def test_open_bounds_of_counts_are_whole_numbers() -> None:
    # "nearly 30" is 30 at most; "more than 30" is 30 at least, as reporters write it of a
    # source's 30 (data/qualifier_classes.yaml); "nearly 30" against "more than 31" is a
    # conflict of whole numbers; "at least 48" allows 48
    s = System()
    q = s.number("q")
    s.bound(claim("Nearly 30 guards were held.", "Nearly 30"), q, 0.1)
    s.bound(claim("More than 30 guards were held.", "More than 30"), q, 0.1)
    assert holds(s)
    s = System()
    q = s.number("q")
    s.bound(claim("Nearly 30 guards were held.", "Nearly 30"), q, 0.1)
    s.bound(claim("More than 31 guards were held.", "More than 31"), q, 0.1)
    assert not holds(s)
    s = System()
    q = s.number("q")
    s.bound(claim("At least 48 people were killed.", "At least 48"), q, 0.1)
    s.bound(claim("So far 48 people were killed.", "48"), q, 0.1)
    assert holds(s)


def test_a_sum_and_its_parts() -> None:
    s = System()
    a, b, t = s.number("a"), s.number("b"), s.number("t")
    s.bound(claim("Inmates held 50 guards.", "50"), a, 0.1)
    s.bound(claim("Inmates held 7 police officers.", "7"), b, 0.1)
    s.bound(claim("Inmates held 60 people.", "60"), t, 0.1)
    s.relations.append(Linear(((a, 1.0), (b, 1.0), (t, -1.0)), low=0.0, high=0.0))
    assert not holds(s)
    found = core(s)
    assert len(found) == 3 and irreducible(s, found)
    # without the total, or without a part (free to be anything from zero), it holds
    assert holds(s, without=[found[-1]])


def test_a_part_at_most_its_whole_and_a_measure_may_be_negative() -> None:
    s = System()
    part, whole = s.number("part"), s.number("whole")
    s.bound(claim("10 police officers were held at the prison.", "10"), part, 0.1)
    s.bound(claim("7 police officers were held nationwide.", "7"), whole, 0.1)
    s.relations.append(Linear(((part, 1.0), (whole, -1.0)), high=0.0))
    assert not holds(s)
    s = System()
    t = s.number("t", whole=False)
    s.bound(claim("It was -5 degrees Celsius in the city.", "-5 degrees Celsius"), t, 0.1)
    assert holds(s)


# --- dev2 patterns ------------------------------------------------------------------


def test_inside_one_article_lead_and_minister_disagree() -> None:
    # pattern from dev2: tulua-fire-2022-06 (the lead's "at least 50 died and 20 were
    # injured" against the minister's "52 died and 23 were injured", one article)
    r = check(
        [
            doc(
                "a",
                "At least 50 inmates died and 20 were injured in the fire at the Northgate prison in Tuluá, "
                "authorities said on Tuesday. Justice Minister Ana Ruiz said 52 inmates died and 23 were "
                "injured at the prison.",
            )
        ]
    )
    found = [f for f in r.conflicts if f.kind == "value_conflict"]
    # the two versions of the report's figures side by side (``versions``), each sentence
    # with all its figures; the two injured counts alone are the same disagreement again
    assert [(f.severity, sorted(p.label for p in f.positions)) for f in found] == [
        ("warning", ["52 (killed); 23 (injured)", "At least 50 (killed); 20 (injured)"]),
        ("info", ["20", "23"]),
    ]
    f = found[0]
    assert {c.quantity.text for p in f.positions for c in p.claims} == {"At least 50", "20", "52", "23"}
    assert {cid.split(":")[0] for cid in f.core} == {"a"} and len(f.core) == 2
    assert set(f.core) == set(found[1].core)  # the injured counts: the deaths can all hold
    system = system_of(f, Settings().tolerance)
    assert system is not None and irreducible(system, f.core)


def agency_report(police: int | str = "Seven", guards: int = 50, prisons: int | str = "six") -> Document:
    """The prisons agency's count of the hostages, spread over several prisons."""
    return doc(
        "b",
        f"{police} police officers and {guards} guards were held hostage in {prisons} prisons in Ecuador on "
        "Thursday, the prisons agency said.",
        outlet="EFE",
    )


def test_scope_one_prison_against_six() -> None:
    # pattern from dev2: ecuador-hostages-2023-08 (50 guards and 7 police officers held in
    # one prison by one report, the same 57 in six prisons by the prisons agency)
    r = check(
        [
            doc(
                "a",
                "Inmates at Northgate prison in Cuenca, Ecuador, held 50 guards and seven police officers "
                "hostage on Thursday, the governor said.",
            ),
            agency_report(),
        ]
    )
    found = [f for f in r.conflicts if f.kind == "scope_conflict"]
    assert len(found) == 1 and found[0].severity == "warning"
    f = found[0]
    texts = sorted(c.quantity.text for p in f.positions for c in p.claims if c.id in f.core)
    # both reports' parts, and the count of prisons: without "six" the 57 may all be in one
    assert texts == ["50", "50", "Seven", "seven", "six"]
    system = system_of(f, Settings().tolerance)
    assert system is not None and irreducible(system, f.core)


def test_part_at_one_place_over_the_national_figure() -> None:
    # pattern from dev2: ecuador-hostages-2023-08 (10 police officers held at one prison
    # against 7 police officers held nationwide)
    r = check(
        [
            doc(
                "a",
                "A group of 34 guards and 10 police officers were held hostage at Northgate prison in "
                "Cuenca, Ecuador on Thursday, the governor said.",
            ),
            agency_report(),
        ]
    )
    found = [f for f in r.conflicts if f.kind == "part_exceeds_whole"]
    assert [(f.severity, [p.label for p in f.positions]) for f in found] == [("warning", ["10", "Seven"])]
    system = system_of(found[0], Settings().tolerance)
    assert system is not None and irreducible(system, found[0].core) and len(found[0].core) == 2


# --- properties ---------------------------------------------------------------------

TEMPLATES = [
    "In Ecuador, officials said {a} people were killed on {day}.",
    "Authorities said {a} inmates died and {b} were injured at Northgate prison in Cuenca on {day}.",
    "Minister Ana Ruiz said {b} inmates were injured at Northgate prison in Cuenca on {day}.",
    "The governor said {a} guards and {b} police officers were held at Northgate prison in Cuenca, Ecuador, on {day}.",
    "The agency said {b} police officers were held hostage in {n} prisons in Ecuador on {day}.",
    "The agency said {a} guards were released from Northgate prison in Cuenca on {day}.",
    "Nearly {b} guards were held hostage at Northgate prison in Cuenca on {day}.",
    "Police said at least {a} people were killed in Ecuador, and {b} people were injured, on {day}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday"]


@st.composite
def articles(draw: st.DrawFn) -> list[Document]:
    n = draw(st.integers(min_value=2, max_value=5))
    out = []
    for i in range(n):
        sentences = draw(st.lists(st.sampled_from(TEMPLATES), min_size=1, max_size=3))
        body = " ".join(
            t.format(
                a=draw(st.integers(min_value=2, max_value=80)),
                b=draw(st.integers(min_value=2, max_value=80)),
                n=draw(st.integers(min_value=2, max_value=7)),
                day=draw(st.sampled_from(DAYS)),
            )
            for t in sentences
        )
        out.append(doc(f"d{i}", body, day=4, outlet=f"Outlet {i}"))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_every_finding_core_cannot_hold_and_is_smallest(docs: list[Document]) -> None:
    """A finding's core cannot all hold, and removing any one of its claims makes the rest
    consistent; a warning or error always has one (its claims really cannot all hold),
    but for "perhaps two events", which asks whether the figures are of one event at all."""
    tolerance = Settings().tolerance
    for f in check(docs).conflicts:
        ids = {c.id for p in f.positions for c in p.claims}
        assert set(f.core) <= ids
        if f.severity != "info" and f.classification != "possibly_different_event":
            assert f.core, f.title
        if f.core:
            system = system_of(f, tolerance)
            assert system is not None and irreducible(system, f.core), f.title


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=5, max_value=400), st.integers(min_value=1, max_value=40))
def test_inside_one_article_any_disagreement_has_a_two_claim_core(a: int, extra: int) -> None:
    b = a + max(1, min(extra, a // 4 or 1))
    r = check(
        [
            doc(
                "a",
                f"Authorities said {a} inmates were injured at Northgate prison in Tuluá on Tuesday. "
                f"Justice Minister Ana Ruiz said {b} inmates were injured at the prison on Tuesday.",
            )
        ]
    )
    found = [f for f in r.conflicts if f.kind == "value_conflict"]
    assert len(found) == 1
    system = system_of(found[0], Settings().tolerance)
    assert system is not None and len(found[0].core) == 2 and irreducible(system, found[0].core)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=2, max_value=90), st.integers(min_value=2, max_value=90), st.integers(2, 9))
def test_scope_any_group_in_one_prison_against_several(a: int, b: int, n: int) -> None:
    # the dev2 scope pattern with any numbers: the same group at one prison and across n
    r = check(
        [
            doc(
                "a",
                f"Inmates at Northgate prison in Cuenca, Ecuador, held {b} guards and {a} police officers "
                "hostage on Thursday, the governor said.",
            ),
            agency_report(a, b, n),
        ]
    )
    found = [f for f in r.conflicts if f.kind == "scope_conflict"]
    assert len(found) == 1
    system = system_of(found[0], Settings().tolerance)
    assert system is not None and irreducible(system, found[0].core)
    assert any(c.quantity.value == n for p in found[0].positions for c in p.claims if c.id in found[0].core)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=2, max_value=60), st.integers(min_value=2, max_value=60))
def test_part_at_one_prison_against_the_national_figure(part: int, whole: int) -> None:
    # the dev2 part-over-whole pattern with any numbers: flagged exactly when the part at
    # one prison is larger than the national figure, with the two claims as its core
    r = check(
        [
            doc(
                "a",
                f"A group of 40 guards and {part} police officers were held hostage at Northgate prison in "
                "Cuenca, Ecuador on Thursday, the governor said.",
            ),
            agency_report(whole, 70, 6),
        ]
    )
    found = [f for f in r.conflicts if f.kind == "part_exceeds_whole" and f.severity != "info"]
    if part > whole:
        assert len(found) == 1 and len(found[0].core) == 2
        system = system_of(found[0], Settings().tolerance)
        assert system is not None and irreducible(system, found[0].core)
    else:
        assert found == []


def test_the_core_prefers_one_reports_own_two_figures() -> None:
    # a side holding the same figure from two reports: the core keeps the report that
    # gives both figures, which proves the conflict by its own text
    r = check(
        [
            doc(
                "b",
                "Officials in Peru said 40 people were killed on Monday. The governor said 44 people were "
                "killed in Peru on Monday.",
                day=2,
            ),
            doc("a", "In Peru, 44 people were killed on Monday, police said.", outlet="BBC"),
        ]
    )
    found = [f for f in r.conflicts if f.kind == "value_conflict" and f.core]
    assert found and all({cid.split(":")[0] for cid in f.core} == {"b"} for f in found)


def _core_by_holds(system: System, prefer: set[str]) -> list[str]:
    """``core`` as first written: every claim, less each whose removal leaves the rest
    impossible, asking ``holds`` each time."""
    kept = system.claims()
    if holds(system):
        return []
    tries = [c for c in reversed(kept) if c not in prefer] + [c for c in reversed(kept) if c in prefer]
    for cid in tries:
        trial = [c for c in kept if c != cid]
        if not holds(system, without=set(system.claims()) - set(trial)):
            kept = trial
    return kept


_BOUND = st.tuples(
    st.integers(0, 2),  # which number
    st.one_of(st.none(), st.integers(-5, 60)),
    st.one_of(st.none(), st.integers(-5, 60)),
    st.booleans(),
    st.integers(0, 9),  # which claim (a claim may bound several numbers)
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_BOUND, min_size=1, max_size=14),
    st.lists(st.booleans(), min_size=3, max_size=3),
    st.sampled_from(["none", "part", "sum"]),
    st.sets(st.integers(0, 9)),
)
def test_core_is_the_one_found_asking_holds_for_each_claim(
    bounds: list[tuple[int, int | None, int | None, bool, int]], whole: list[bool], relation: str, preferred: set[int]
) -> None:
    """Regression (issue 22, speed): ``core`` reads each try's ranges off bounds sorted
    once instead of asking ``holds`` over every bound; on generated systems (one number,
    a part and its whole, parts and their sum; claims bounding one number or several) it
    finds the core the first loop found."""
    s = System()
    names = [s.number(f"n{i}", whole[i]) for i in range(3)]
    for number, low, high, open_, cid in bounds:
        lo, hi = (low, high) if low is None or high is None or low <= high else (high, low)
        low_f = float("-inf") if lo is None else lo + (0.5 if open_ else 0)
        s.bounds.append((f"c{cid}", names[number], low_f, float("inf") if hi is None else hi))
    if relation == "part":
        s.relations.append(Linear(((names[0], 1.0), (names[1], -1.0)), high=0.0))
    elif relation == "sum":
        s.relations.append(Linear(((names[0], 1.0), (names[1], 1.0), (names[2], -1.0)), low=0.0, high=0.0))
    prefer = {f"c{i}" for i in preferred}
    assert core(s, prefer) == _core_by_holds(s, prefer)


_PART = st.tuples(st.sampled_from([None, 3, 7, 50]), st.sampled_from([None, 7, 50, 57]))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_PART, _PART), min_size=8, max_size=14),
    st.lists(st.tuples(st.sampled_from(["total", "one", "many", "places"]), st.integers(0, 80)), max_size=4),
    st.sets(st.integers(0, 40)),
)
def test_copies_of_a_relation_give_the_core_asking_holds_for_each_claim(
    lists: list[tuple[tuple[int | None, int | None], tuple[int | None, int | None]]],
    others: list[tuple[str, int]],
    preferred: set[int],
) -> None:
    """Developed on: a scope conflict over copies of one story (issue 22, speed) has a
    relation per copy of a list of parts ("50 guards and seven police") adding up to one
    group's total; relations that copy one another are propagated once (``_distinct``).
    On generated systems of eight to fourteen such lists, most of them copies, and bounds
    of the totals, ``core`` finds the core asking ``holds`` (every relation) for each claim
    finds."""
    s = System()
    total, one, many, places = (s.number(n) for n in ("total", "one", "many", "places"))
    k = 0
    for i, parts in enumerate(lists):
        terms = []
        for j, (low, high) in enumerate(parts):
            part = s.number(f"total:{i}:{j}")
            lo, hi = (low, high) if low is None or high is None or low <= high else (high, low)
            s.bounds.append((f"c{k}", part, float("-inf") if lo is None else lo, float("inf") if hi is None else hi))
            k += 1
            terms.append((part, 1.0))
        s.relations.append(Linear((*terms, (one, -1.0)), low=0.0, high=0.0))
    for name, value in others:
        s.bounds.append((f"c{k}", name, value, value))
        k += 1
    s.relations.append(Linear(((places, 1.0),), low=1.0))
    s.relations.append(Linear(((one, 1.0), (places, 1.0), (many, -1.0)), high=1.0))
    prefer = {f"c{i}" for i in preferred}
    assert core(s, prefer) == _core_by_holds(s, prefer)
