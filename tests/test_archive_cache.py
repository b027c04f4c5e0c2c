"""The archive's in-memory cache of archived documents (``factcheck/archive/cache.py``) and
the claims' own facets it keeps: a check served from the cache finds exactly what a check
that reads everything finds (developed on synthetic articles and the seeds; the dev corpora
from ../shared where present)."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest

from factcheck import Archive, Document, Settings, load_documents
from factcheck.archive.cache import BlockCache
from factcheck.extraction import extract_document
from factcheck.models import Claim
from factcheck.reconciliation import all_findings
from factcheck.reconciliation.copies import KeptCopies, copy_groups
from factcheck.reconciliation.keys import Facet, facet, main_places, placed
from factcheck.reconciliation.pairkeys import KeptJudgements, keeping

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def _doc(i: int, killed: int, country: str = "Chile") -> Document:
    return Document(
        id=f"doc{i:03d}",
        outlet=f"Outlet {i}",
        published="2024-03-04",
        body=f"Officials said {killed} people were killed in {country} on Monday.",
    )


def _same(a: Facet | None, b: Facet | None) -> bool:
    if a is None or b is None:
        return a is b
    return all(getattr(a, f.name) == getattr(b, f.name) for f in fields(Facet))


_CORPORA = pytest.mark.skipif(
    not (SHARED / "dev" / "articles").is_dir(), reason="the dev corpora are not beside this checkout (../shared)"
)


def _corpus_claims() -> list[Claim]:
    folders = [SHARED / name / "articles" for name in ("dev", "dev2")]
    folders = [f for f in folders if f.is_dir()] or [SEEDS]
    docs, _ = load_documents(folders)
    return sorted((c for d in docs for c in extract_document(d)), key=lambda c: c.id)


# developed on: the dev corpora (the seeds where ../shared is absent) ------------------


@_CORPORA
def test_a_claims_own_facet_placed_is_its_facet_in_a_block() -> None:
    claims = _corpus_claims()
    groups, defaults = copy_groups(claims), main_places(claims)
    places = list(defaults.values())
    rng = random.Random(17)
    compared = 0
    for c in claims:
        own = facet(c)
        # the block's own copy group and main country, and others drawn at random: placing
        # must give what facet() computes with them, whatever they are
        for source, place in [
            (groups.get(c.document), defaults.get(c.document)),
            (rng.choice([None, "other-doc"]), rng.choice([None, *places[:20]])),
        ]:
            got = None if own is None else placed(own, source, place)
            assert _same(got, facet(c, source, place)), c.id
            compared += got is not None
    assert compared > 100


@_CORPORA
def test_checks_served_from_the_cache_equal_checks_read_from_the_file(tmp_path: Path) -> None:
    folders = [SHARED / name / "articles" for name in ("dev", "dev2")]
    folders = [f for f in folders if f.is_dir()] or [SEEDS]
    docs, _ = load_documents(folders)
    docs.sort(key=lambda d: d.id)
    drafts = random.Random(5).sample(docs, min(6, len(docs) // 4))
    path = tmp_path / "news.db"
    Archive(path).add([d for d in docs if d not in drafts])
    settings = Settings()
    plain, cached = Archive(path, cache_claims=0), Archive(path)
    want = [plain.check([d], settings).model_dump_json() for d in drafts]
    # twice: the first pass fills the cache (the drafts' blocks overlap), the second reads it
    for _ in range(2):
        assert [cached.check([d], settings).model_dump_json() for d in drafts] == want
    assert len(cached._cache) > 0 and len(plain._cache) == 0


@_CORPORA
def test_copy_groups_with_kept_work_equal_copy_groups_computed_afresh() -> None:
    # copy detection's work kept from runs over other, overlapping sets of documents (an
    # archive's earlier blocks) gives the groups a fresh run gives; a document left out of
    # the digests (a draft) is judged afresh, and one whose id stands for other content
    # (another digest) is not served what was kept of the first
    claims = _corpus_claims()
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.document, []).append(c)
    ids = sorted(by_doc)
    kept = KeptCopies({}, {}, {}, {})
    rng = random.Random(11)
    copied = 0
    for _ in range(8):
        chosen = sorted(rng.sample(ids, len(ids) // 2))
        draft = rng.choice(chosen)
        digests = {d: f"h:{d}" for d in chosen if d != draft}
        run = KeptCopies(digests, kept.documents, kept.pairs, kept.sequences)
        block = sorted((c for d in chosen for c in by_doc[d]), key=lambda c: c.id)
        fresh = copy_groups(block)
        assert copy_groups(block, run) == fresh
        assert copy_groups(block, run) == fresh  # everything now served from what was kept
        copied += sum(1 for d, g in fresh.items() if d != g)
    assert kept.pairs and kept.documents and copied > 0
    # other digests for the same ids (every document replaced by another version): nothing
    # kept of the old versions is used
    swapped = {d: f"other:{d}" for d in ids}
    assert copy_groups(claims, KeptCopies(swapped, kept.documents, kept.pairs, kept.sequences)) == copy_groups(claims)


# developed on: synthetic articles ------------------------------------------------------


@pytest.mark.slow  # seconds: run by make test and CI (issue 22 keeps a bare pytest under 120 s)
@_CORPORA
def test_verdicts_kept_between_runs_give_the_findings_of_fresh_runs() -> None:
    # reconciliations of overlapping random halves of the corpus, one after another, each
    # looking up and adding to the verdicts the earlier ones kept (as an archive's checks
    # do), find what each finds alone; a small limit makes the table start again between
    # runs, a window of 30 days keeps its verdicts apart from those of the default settings
    claims = _corpus_claims()
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.document, []).append(c)
    ids = sorted(by_doc)
    rng = random.Random(13)
    for limit in (1_000_000, 500):
        kept = KeptJudgements(limit)
        grew = False
        for run in range(6):
            chosen = sorted(rng.sample(ids, len(ids) // 2))
            block = [c for d in chosen for c in by_doc[d]]
            settings = Settings(window_days=30) if run % 3 == 2 else Settings()
            fresh = [f.model_dump_json() for f in all_findings(block, settings)]
            before = len(kept)
            with keeping(kept):
                served = [f.model_dump_json() for f in all_findings(block, settings)]
                again = [f.model_dump_json() for f in all_findings(block, settings)]
            assert served == fresh and again == fresh
            grew |= len(kept) > before
        assert grew and len(kept) > 0


def test_a_document_replaced_by_another_process_is_not_served_from_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Archive(path).add([_doc(1, 12)])
    service = Archive(path)
    draft = _doc(2, 40)
    assert [p.label for p in service.check([draft]).conflicts[0].positions] == ["12", "40"]
    # another process corrects the archived article: same id, and (the only document, so the
    # largest row) the same row id once the old row is deleted
    Archive(path).add([_doc(1, 14)])
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id FROM documents").fetchall() == [(1,)]
    assert [p.label for p in service.check([draft]).conflicts[0].positions] == ["14", "40"]


def test_the_cache_keeps_the_most_recently_read_documents_up_to_its_limit() -> None:
    from factcheck.extraction import extract_text

    cache = BlockCache(limit=3)
    two = extract_text("Police said 40 people were killed and 12 injured on Monday.", "a")
    assert len(two) == 2
    cache.put("a", two)
    cache.put("b", extract_text("Officials said 12 people were killed.", "b"))
    assert len(cache) == 3
    assert cache.get("a") is not None  # now the most recent
    cache.put("c", extract_text("Officials said 13 people were killed.", "c"))
    assert (cache.get("a") is not None, cache.get("b"), len(cache)) == (True, None, 3)
    # a document larger than the whole cache is prepared but not kept
    assert len(BlockCache(limit=1).put("a", two).facets) == 2
    assert len(BlockCache(limit=0).put("a", two).facets) == 0


def test_a_negative_cache_size_is_refused() -> None:
    with pytest.raises(ValueError, match="-1 claims"):
        BlockCache(limit=-1)


def test_a_kept_blocks_documents_pushed_out_of_the_cache_are_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.archive.store as store

    path = tmp_path / "news.db"
    countries = ["Chile", "Peru", "Bolivia"]
    Archive(path).add([_doc(10 * k + i, 12 + i, c) for k, c in enumerate(countries) for i in range(2)])
    drafts = {c: _doc(100 + k, 40, c) for k, c in enumerate(countries)}
    service = Archive(path, cache_claims=4)  # two blocks' documents; kept blocks of two claims
    for c in countries:
        for _ in range(2):  # the second check of a block prepares and keeps it
            service.check([drafts[c]])
    assert service.blocks is not None and len(service.blocks._blocks) == 3
    assert len(service._cache) == 4  # Chile's documents were pushed out of the cache...
    plain = Archive(path, cache_claims=0).check([drafts["Chile"]]).model_dump_json()
    read: list[str] = []
    parse = store.claim_from_json
    monkeypatch.setattr(store, "claim_from_json", lambda r: read.append(r) or parse(r))
    found = service.check([drafts["Chile"]])
    assert read == []  # ...but its kept block holds them: found in memory, not read again
    assert found.model_dump_json() == plain
    service.blocks.clear()  # no block holds them any more: read again once pushed out
    service.check([drafts["Peru"]])
    service.check([drafts["Bolivia"]])
    read.clear()
    assert service.check([drafts["Chile"]]).model_dump_json() == plain
    assert len(read) == 2


def test_a_blocks_claims_are_in_id_order_whether_or_not_documents_interleave() -> None:
    from factcheck.archive.store import _by_id
    from factcheck.extraction import extract_text

    cache = BlockCache(limit=100)
    text = "Police said 40 people were killed and 12 injured on Monday; 3 were missing. Officials said 13 died."
    docs = {d: extract_text(text, d) for d in ["abc-p1", "abc", "b", "ab"]}
    entries = [cache.put(d, claims) for d, claims in docs.items()]
    every = sorted((c for claims in docs.values() for c in claims), key=lambda c: c.id)
    assert len(every) > 8 and [c.id for c in _by_id(entries)] == [c.id for c in every]
    # claims whose ids do not start with their document's interleave: sorted all the same
    odd = [c.model_copy(update={"id": f"b:{k}"}) for k, c in enumerate(docs["abc"])]
    mixed = [*entries, cache.put("odd", odd)]
    assert [c.id for c in _by_id(mixed)] == sorted(c.id for e in mixed for c in e.claims)
