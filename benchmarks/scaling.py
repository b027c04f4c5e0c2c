"""How reconciliation time grows with the number of claims: synthetic claims (10k, 100k,
1M by default) spread over countries, cities, event frames, subjects and a year of
publication dates, with a few per cent of disagreeing figures, each record built as the
extractor builds its own (``built``: no validation again, the field names shared by every
record of a kind). Run on demand; results go in docs/accuracy.md.

    .venv/bin/python benchmarks/scaling.py [--sizes 10000 100000 1000000]"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sys
import time

from factcheck.config import Settings
from factcheck.models import Claim, Place, Quantity, Source
from factcheck.reconciliation import reconcile

EVENTS = ["killed", "injured", "arrested", "held", "released", "deployed", "displaced"]
SUBJECTS = ["person", "guard", "police officer", "soldier", "inmate", "journalist", "migrant", "worker", "hostage"]


def synthetic(n: int, seed: int = 7) -> list[Claim]:
    rnd = random.Random(seed)
    # more claims means more events, not more claims per event: places grow with n
    countries = [f"C{i:04d}" for i in range(max(20, n // 200))]
    start = dt.date(2023, 1, 1)
    claims = []
    truth: dict[tuple[str, str, str], int] = {}
    for i in range(n):
        country = rnd.choice(countries)
        city = rnd.randrange(6)
        place = (
            Place.built(name=country, kind="country", within=(), country=country, stated=True)
            if city == 0
            else Place.built(name=f"{country}-city{city}", kind="city", within=(country,), country=country, stated=True)
        )
        event, subject = rnd.choice(EVENTS), rnd.choice(SUBJECTS)
        # one true figure per event; 3% of reports get it wrong, as real corpora do
        key = (place.name, event, subject)
        true = truth.setdefault(key, rnd.randrange(500, 1000) if city == 0 else rnd.randrange(1, 100))
        value = float(true if rnd.random() > 0.03 else true * rnd.choice([2, 3]))
        q = Quantity.built(
            text=str(int(value)),
            start=0,
            end=len(str(int(value))),
            value=value,
            low=value,
            high=value,
            low_open=False,
            high_open=False,
            qualifier="exact",
            unit=None,
            unit_text=None,
            base_unit=None,
            base_value=value,
            base_low=value,
            base_high=value,
            trend=None,
        )
        doc = f"doc{i // 20}"
        claims.append(
            Claim.built(
                id=f"{doc}:{i}",
                document=doc,
                outlet=f"outlet{i % 50}",
                published=start + dt.timedelta(days=rnd.randrange(365)),
                quantity=q,
                subject=subject,
                subject_text=None,
                subject_start=0,
                subject_end=1,
                event=event,
                event_text=None,
                place=place,
                time=None,
                source=Source.built(name=f"source{i % 97}", cue="said", start=0, end=1, via=None),
                sentence="",
                sentence_start=0,
                sentence_end=0,
                sentence_index=0,
                line=1,
                column=1,
                comparative=False,
                parts_group=None,
            )
        )
    return claims


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    previous = None
    for n in args.sizes:
        claims = synthetic(n)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t, cpu = time.perf_counter(), time.process_time()
        findings = reconcile(claims, Settings())
        took, cpu = time.perf_counter() - t, time.process_time() - cpu
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        row = {
            "claims": n,
            "seconds": round(took, 2),
            "cpu_seconds": round(cpu, 2),
            "findings": len(findings),
            "max_rss_mb": round(rss),
            # the peak before reconciling: the input claims (and earlier sizes' peaks)
            "rss_before_mb": round(before),
        }
        if previous is not None:
            row["growth_vs_previous"] = round(took / previous[1], 1)
            row["size_ratio"] = round(n / previous[0], 1)
        print(json.dumps(row), flush=True)
        previous = (n, took)
    return 0


if __name__ == "__main__":
    sys.exit(main())
