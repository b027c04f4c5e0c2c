"""Archive findings equal folder findings (evaluated on the dev corpora from ../shared, the
seeds where absent): over random splits of a corpus into archived and new articles, checking
the new ones against an archive of the others gives exactly the findings a check of the
whole folder gives that involve a new article's claims."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck.archive.kept_pairs as kept_pairs
from factcheck import Archive, Settings, load_documents
from factcheck.archive.checking import findings_involving
from factcheck.extraction import extract_document
from factcheck.models import Claim, Document
from factcheck.reconciliation import all_findings, reconcile
from factcheck.reconciliation.ranking import ranked

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _corpus(name: str) -> tuple[list[Document], dict[str, list[Claim]], list[str]]:
    folder = SHARED / name / "articles"
    if not folder.is_dir():
        pytest.skip(f"../shared/{name} is not beside this checkout")
    docs, _ = load_documents([folder])
    docs.sort(key=lambda d: d.id)
    claims = {d.id: extract_document(d) for d in docs}
    every = [c for d in docs for c in claims[d.id]]
    return docs, claims, [f.model_dump_json() for f in reconcile(every, Settings(pairing="prior"))]


@pytest.fixture(scope="module", params=["dev", "dev2"])
def corpus(request: pytest.FixtureRequest) -> tuple[list[Document], dict[str, list[Claim]], list[str]]:
    return _corpus(request.param)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), least=st.sampled_from([kept_pairs.MIN_PAIRS, 1]))
def test_archive_findings_equal_folder_findings(
    corpus: tuple[list[Document], dict[str, list[Claim]], list[str]],
    data: st.DataObject,
    least: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # least=1: every pair of sides of a kept block is judged from its archived pairs' kept
    # judgements and the drafts' pairs (``kept_pairs``), not only the large ones
    monkeypatch.setattr(kept_pairs, "MIN_PAIRS", least)
    docs, claims, _ = corpus
    new = data.draw(st.sets(st.sampled_from([d.id for d in docs]), min_size=1, max_size=len(docs) // 3))
    new_claims = [c for d in docs if d.id in new for c in claims[d.id]]
    own = {c.id for c in new_claims}
    prior = Settings(pairing="prior")
    # what a folder holding both finds about the new documents, ranked among themselves as
    # an archive check ranks them (which warnings are loud depends on what is shown)
    about_new = [
        f
        for f in all_findings([c for d in docs for c in claims[d.id]], prior)
        if any(c.id in own for p in f.positions for c in p.claims)
    ]
    folder = ranked(about_new, prior)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp) / "news.db")
        for d in docs:
            if d.id not in new:
                archive.store(d, claims[d.id])
        found = findings_involving(new_claims, archive.candidates(new_claims), Settings())
        # the same through the archive's cache: claims' own facets kept, and read back warm;
        # the block's archived facets prepared the second time (``kept_block``), kept the third
        served = []
        for _ in range(3):
            archived, known, copies = archive.block(new_claims)
            served.append(
                findings_involving(new_claims, archived, Settings(), known, copies, archive.judged, archive.blocks)
            )
        archive.close()
    assert [f.model_dump_json() for f in found] == [f.model_dump_json() for f in folder]
    for again in served:
        assert [f.model_dump_json() for f in again] == [f.model_dump_json() for f in folder]
