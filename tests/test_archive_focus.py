"""The focused reconciliation of an archive check (``factcheck.archive.focus``) gives exactly
the findings of the full reconciliation that involve a draft's claims (developed on the dev
corpora from ../shared, the seeds where absent): over random choices of drafts, the rest
archived. The focus is the reconciler's own argument (``all_findings(..., focus=ids)``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Settings, load_documents
from factcheck.archive.focus import focused_findings
from factcheck.extraction import extract_document
from factcheck.findings import Finding
from factcheck.models import Claim
from factcheck.reconciliation import all_findings
from factcheck.reconciliation.ranking import ranked

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PRIOR = Settings(pairing="prior")


def _claims(name: str) -> dict[str, list[Claim]]:
    folder = SHARED / name / "articles"
    docs, _ = load_documents([folder] if folder.is_dir() else [ROOT / "seeds"])
    return {d.id: extract_document(d) for d in sorted(docs, key=lambda d: d.id)}


@pytest.fixture(scope="module", params=["dev", "dev2"])
def corpus(request: pytest.FixtureRequest) -> dict[str, list[Claim]]:
    return _claims(request.param)


def _filtered(own: list[Claim], archived: list[Claim]) -> list[str]:
    ids = {c.id for c in own}
    kept = [
        f for f in all_findings([*own, *archived], PRIOR) if any(c.id in ids for p in f.positions for c in p.claims)
    ]
    return [f.model_dump_json() for f in ranked(kept, PRIOR)]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_focused_findings_equal_the_full_reconciliation_about_the_drafts(
    corpus: dict[str, list[Claim]], data: st.DataObject
) -> None:
    drafts = data.draw(st.sets(st.sampled_from(sorted(corpus)), min_size=1, max_size=3))
    own = [c for d in sorted(drafts) for c in corpus[d]]
    archived = [c for d in sorted(corpus) if d not in drafts for c in corpus[d]]
    ids = {c.id for c in own}
    full = [
        f.model_dump_json()
        for f in ranked(
            [
                f
                for f in all_findings([*own, *archived], PRIOR)
                if any(c.id in ids for p in f.positions for c in p.claims)
            ],
            PRIOR,
        )
    ]
    assert [f.model_dump_json() for f in focused_findings(own, archived, PRIOR)] == full


def test_focused_findings_refuse_a_learnt_model() -> None:
    with pytest.raises(ValueError, match="prior"):
        focused_findings([], [], Settings(pairing="learnt"))


def test_focus_in_the_reconciler_refuses_a_learnt_model() -> None:
    with pytest.raises(ValueError, match="prior"):
        all_findings([], Settings(pairing="learnt"), focus=set())


@pytest.mark.skipif(not (SHARED / "dev2" / "articles").is_dir(), reason="needs ../shared/dev2")
def test_an_archived_pair_with_a_drafts_figures_takes_its_id_first() -> None:
    """Regression (dev2, the Tuluá cluster held out, draft pulzo-tulua-52-muertos-relato-
    familiares): pairing only the sides that hold a draft's claim reported "11 vs 30"
    injured between two keys, which the full run does not: there an archived pair of the
    same two keys, with the same figures and so the same fingerprint, is found first."""
    docs, _ = load_documents([SHARED / "dev2" / "articles"])
    held = {d.id for d in docs if Path(d.path or d.id).parent.name == "tulua-fire-2022-06"}
    draft = "pulzo-tulua-52-muertos-relato-familiares"
    assert draft in held
    own = extract_document(next(d for d in docs if d.id == draft))
    archived = [c for d in sorted(docs, key=lambda d: d.id) if d.id not in held for c in extract_document(d)]
    assert [f.model_dump_json() for f in focused_findings(own, archived, PRIOR)] == _filtered(own, archived)


def test_focused_scope_conflicts_are_the_full_ones_about_the_draft(corpus: dict[str, list[Claim]]) -> None:
    """Developed on dev and dev2 (each article in turn the draft, every other archived):
    scope conflicts searched only among the totals of the countries and places a draft's
    totals are in (``scope._around``) are the full search's findings that hold a draft's
    claim (a focused finding may gather fewer archived sides, never other ones)."""
    from factcheck.reconciliation import facets_of
    from factcheck.reconciliation.scope import scope_conflicts

    claims = sorted((c for cs in corpus.values() for c in cs), key=lambda c: c.id)
    _, facets = facets_of(claims, PRIOR)
    full = [f.model_dump_json() for f in scope_conflicts(claims, facets, PRIOR)]
    assert full, "the corpus gives scope conflicts to compare"
    met = 0
    for draft in sorted(corpus):
        ids = {c.id for c in corpus[draft]}
        about = [
            f.model_dump_json()
            for f in scope_conflicts(claims, facets, PRIOR)
            if any(c.id in ids for p in f.positions for c in p.claims)
        ]
        assert [f.model_dump_json() for f in scope_conflicts(claims, facets, PRIOR, ids)] == about
        met += bool(about)
    assert met, "some draft takes part in a scope conflict"


_FIGURES = st.sets(st.sampled_from("abcdef"), max_size=3)


@given(
    sides=st.lists(st.tuples(_FIGURES, _FIGURES), min_size=1, max_size=6),
    shown=st.lists(st.tuples(_FIGURES, _FIGURES), max_size=5),
)
def test_a_collision_looked_up_by_halves_is_the_plain_test(
    sides: list[tuple[set[str], set[str]]], shown: list[tuple[set[str], set[str]]]
) -> None:
    from factcheck.reconciliation.checks import _may_collide

    # each side of the first key met with every side of the second, the halves kept by side
    halves: dict[tuple[str, int], list[set[str]]] = {}
    for i, (x, _) in enumerate(sides):
        for _, y in sides:
            plain = any((p <= x and q <= y) or (p <= y and q <= x) for p, q in shown)
            assert _may_collide(x, y, shown, halves, ("b", i)) == plain


def test_focused_versions_keep_the_first_finding_of_every_id_a_drafts_finding_has() -> None:
    import datetime as dt

    from factcheck import Document
    from factcheck.reconciliation import facets_of, quantities
    from factcheck.reconciliation.pairing import joins
    from factcheck.reconciliation.scoring import prior
    from factcheck.reconciliation.versions import versions

    lead = "Twelve people died and 40 were injured in the floods in Valencia, Spain, authorities said. "
    other = "Interior Minister Ana Ruiz said 14 people died and 40 were injured in Valencia."
    bodies = {
        "a-copy": lead + other,  # a copy of the draft: the same finding (id) found first
        "b-other-figures": lead + other.replace("14", "15"),  # the same quantities, another id
        "c-elsewhere": "Nine people died in Lima, Peru, police said. Officials said 11 were injured in Lima.",
        "d-draft": lead + other,
        "e-later": lead + other.replace("14", "16"),
    }
    docs = {
        d: extract_document(Document(id=d, outlet=d, published=dt.date(2024, 3, 5), body=b, language="en"))
        for d, b in bodies.items()
    }
    claims = sorted((c for cs in docs.values() for c in cs if not c.moment), key=lambda c: c.id)
    by_key = quantities(facets_of(claims, PRIOR)[1], None, joins, prior(), PRIOR.same_event_days)
    full = list(versions(by_key, PRIOR))
    assert len(full) == 4  # every report but the one in Lima gives two versions

    def first(found: list[Finding]) -> dict[str, Finding]:
        return {f.id: f for f in reversed(found)}

    for doc in docs:
        focus = {c.id for c in docs[doc]}
        wanted = {f.id for f in full if any(c.id in focus for p in f.positions for c in p.claims)}
        focused = list(versions(by_key, PRIOR, focus))
        assert {i: f for i, f in first(focused).items() if i in wanted} == {
            i: f for i, f in first(full).items() if i in wanted
        }
        assert len(focused) <= len(full) - (doc == "c-elsewhere") * 4
    # the draft's finding has the id of its copy's, found first: the full run keeps the copy's
    own = [c for c in docs["d-draft"]]
    archived = [c for d, cs in docs.items() if d != "d-draft" for c in cs]
    assert [f.model_dump_json() for f in focused_findings(own, archived, PRIOR)] == _filtered(own, archived)
