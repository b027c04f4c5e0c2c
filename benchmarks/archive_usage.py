"""How much of a retrieved block a draft's findings use, and what reconciling less of it
would cost and change: for dated real articles of ../shared/dev and dev2 checked against an
archive built by ``archive_scale.py``.

    .venv/bin/python benchmarks/archive_usage.py /tmp/fca/large.db --cache-claims 100000

For each draft: how many archived claims were retrieved, how many share a pairing block
(unit and country, ``pairing.block``) with a draft's claim, how many end up under a
quantity key that holds a draft's claim, and how many appear in a finding about the draft
(and from how many documents). Then a what-if, for deciding what to build and never a
check: the draft reconciled with every retrieved claim (as a check does), the same with
its block's archived facets kept (``Archive.blocks``: prepared by an untimed check first,
as a draft checked again finds them), with only the claims of its pairing blocks, and with
only the documents that appear in its findings, timed in CPU ms, each compared with the
full check's findings
(``Finding.model_dump_json()``). Prints the median and 95th percentile of each. Reads
../shared at run time."""

from __future__ import annotations

import json
import time
from collections import defaultdict

from archive_drafts import drafts, quantiles


def main() -> None:
    from factcheck.archive.checking import findings_involving
    from factcheck.cycles import cycles_paused
    from factcheck.extraction import extract_document
    from factcheck.reconciliation import facets_of
    from factcheck.reconciliation.pairing import block

    docs, archive, settings = drafts(__doc__)
    prior = settings.model_copy(update={"pairing": "prior"})
    sizes: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    identical: dict[str, int] = defaultdict(int)
    for d in docs:
        with cycles_paused():
            own = extract_document(d, tolerance=settings.tolerance)
            found, known, copies = archive.block(own, settings)
            start = time.process_time()
            full = findings_involving(own, found, settings, known, copies)
            cpu["every retrieved claim"].append(1000 * (time.process_time() - start))
            want = [f.model_dump_json() for f in full]
            if archive.blocks is not None:
                findings_involving(own, found, settings, known, copies, None, archive.blocks)
                start = time.process_time()
                kept = findings_involving(own, found, settings, known, copies, None, archive.blocks)
                cpu["every retrieved claim, its block kept"].append(1000 * (time.process_time() - start))
                identical["every retrieved claim, its block kept"] += [f.model_dump_json() for f in kept] == want
            ids = {c.id for c in own}
            _, facets = facets_of(sorted([*own, *found], key=lambda c: c.id), prior, known)
            keys = {facets[i].key for i in ids if i in facets}
            blocks = {block(facets[i])[:2] for i in ids if i in facets}
            in_blocks = {f.claim.id for f in facets.values() if block(f)[:2] in blocks} - ids
            in_findings = {c.id for f in full for p in f.positions for c in p.claims} - ids
            finding_docs = {c.document for f in full for p in f.positions for c in p.claims} - {d.id}
            sizes["retrieved claims"].append(len(found))
            sizes["retrieved documents"].append(len({c.document for c in found}))
            sizes["claims in the draft's pairing blocks"].append(len(in_blocks))
            sizes["claims under a draft's quantity key"].append(
                sum(1 for f in facets.values() if f.key in keys and f.claim.id not in ids)
            )
            sizes["claims in a finding about the draft"].append(len(in_findings))
            sizes["documents in a finding about the draft"].append(len(finding_docs))
            for name, subset in (
                ("only the draft's pairing blocks", [c for c in found if c.id in in_blocks]),
                ("only the documents of its findings", [c for c in found if c.document in finding_docs]),
            ):
                start = time.process_time()
                got = findings_involving(own, subset, settings, known, copies)
                cpu[name].append(1000 * (time.process_time() - start))
                identical[name] += [f.model_dump_json() for f in got] == want
    print(
        json.dumps(
            {
                "drafts": len(docs),
                "sizes": {k: quantiles(v) for k, v in sizes.items()},
                "reconciliation_cpu_ms": {k: quantiles(v) for k, v in cpu.items()},
                "findings_identical_to_the_check": {k: f"{v} of {len(docs)}" for k, v in identical.items()},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
