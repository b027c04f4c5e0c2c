"""The focused reconciliation of an archive check (``factcheck.archive.focus``) gives exactly
the findings of the full reconciliation that involve a draft's claims (developed on the dev
corpora from ../shared, the seeds where absent): over random choices of drafts, the rest
archived. It calls the reconciler's steps, so this test fails when they change under it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Settings, load_documents
from factcheck.archive.focus import focused_findings
from factcheck.extraction import extract_document
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
