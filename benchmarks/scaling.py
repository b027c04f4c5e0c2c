"""How reconciliation time grows with the number of claims: synthetic claims (10k, 100k,
1M by default) spread over countries, cities, event frames, subjects and a year of
publication dates, with a few per cent of disagreeing figures, each record built as the
extractor builds its own (``built``: no validation again, the field names shared by every
record of a kind) and their equal parts shared as extraction shares them
(``factcheck.sharing.share``). Run on demand; results go in docs/accuracy.md.

    .venv/bin/python benchmarks/scaling.py [--sizes 10000 100000 1000000] [--profile 40]

Each row carries ``findings_sha256``, the sha256 of the findings' JSON records (the first
16 hex digits), so that a speed change can be shown to leave them as they were.
``--profile N`` reconciles under cProfile instead and prints its N costliest functions by
cumulative time, then by own time (read the proportions, not the seconds)."""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import json
import pstats
import random
import resource
import sys
import time

from factcheck.config import Settings
from factcheck.models import Claim, Place, Quantity, Source
from factcheck.reconciliation import reconcile
from factcheck.sharing import share

EVENTS = ["killed", "injured", "arrested", "held", "released", "deployed", "displaced"]
SUBJECTS = ["person", "guard", "police officer", "soldier", "inmate", "journalist", "migrant", "worker", "hostage"]


GENERATORS = ("consistent", "independent")
"""``independent`` (the generator of every figure before the tenth pass): each (place,
event, subject) draws its own true figure, so "released" exceeds "held" and "guards"
exceed "people" at one place about half the time, and the claims give one finding per
2.2 claims, mostly chains and parts larger than wholes (dev: one per 12 claims, mostly
value conflicts). ``consistent`` (the default since the tenth pass): the true figures
agree with one another (see ``_true_figure``) and the reports of one country's incident
are published within four days of one another, so that findings come from the 3%
of wrong figures, as in real coverage."""


def _true_figure(
    truth: dict[tuple[str, str, str], int], key: tuple[str, str, str], city: bool, rnd: random.Random
) -> int:
    """The true figure of ``key`` (place, event, subject), drawn with every subject's figure
    at its place and event so that they agree: hostages at most all the people, each other
    group at most a sixteenth of them, and those released fewer than any group held."""
    found = truth.get(key)
    if found is not None:
        return found
    place, event, _ = key
    if event in CHAINS_OF:
        held = [_true_figure(truth, (place, CHAINS_OF[event], s), city, rnd) for s in SUBJECTS]
        total = rnd.randrange(1, max(2, min(held)))
    else:
        total = rnd.randrange(1, 100) if city else rnd.randrange(500, 1000)
    for subject in SUBJECTS:
        if subject == "person":
            value = total
        elif subject in ("hostage", "worker"):  # groups that hold the others (a guard is a worker)
            value = rnd.randrange(max(1, total // 4), total + 1)
        else:
            value = rnd.randrange(max(1, total // 32), max(2, total // 16 + 1))
        truth[(place, event, subject)] = value
    return truth[key]


CHAINS_OF = {"released": "held"}
"""Events that happen to some of the people another event counts (as ``keys.CHAINS``)."""


def synthetic(n: int, seed: int = 7, generator: str = "consistent") -> list[Claim]:
    """``n`` synthetic claims (see ``GENERATORS``)."""
    rnd = random.Random(seed)
    # more claims means more events, not more claims per event: places grow with n
    countries = [f"C{i:04d}" for i in range(max(20, n // 200))]
    start = dt.date(2023, 1, 1)
    claims = []
    truth: dict[tuple[str, str, str], int] = {}
    incident: dict[str, int] = {}
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
        key = (place.name or country, event, subject)
        if generator == "independent":
            true = truth.setdefault(key, rnd.randrange(500, 1000) if city == 0 else rnd.randrange(1, 100))
        else:
            true = _true_figure(truth, key, city != 0, rnd)
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
        if generator == "independent":
            day = rnd.randrange(365)
        else:  # the reports of one country's incident are days apart, not months
            day = incident.setdefault(country, rnd.randrange(365)) + rnd.randrange(4)
        doc = f"doc{i // 20}"
        claims.append(
            Claim.built(
                id=f"{doc}:{i}",
                document=doc,
                outlet=f"outlet{i % 50}",
                published=start + dt.timedelta(days=day),
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
        if (i + 1) % 20 == 0 or i + 1 == n:
            share(claims[i // 20 * 20 :])  # as extraction shares each document's claims
    return claims


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--generator", choices=GENERATORS, default="consistent", help="How true figures are drawn (see GENERATORS)."
    )
    parser.add_argument("--profile", type=int, default=0, help="Print the N costliest functions under cProfile.")
    args = parser.parse_args()
    previous = None
    for n in args.sizes:
        claims = synthetic(n, generator=args.generator)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(reconcile, claims, Settings())
            for order in ("cumulative", "tottime"):  # where the time goes, then who spends it
                pstats.Stats(profiler).sort_stats(order).print_stats(args.profile)
            continue
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t, cpu = time.perf_counter(), time.process_time()
        findings = reconcile(claims, Settings())
        took, cpu = time.perf_counter() - t, time.process_time() - cpu
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        digest = hashlib.sha256()
        for f in findings:
            digest.update(f.model_dump_json().encode())
        row = {
            "claims": n,
            "generator": args.generator,
            "seconds": round(took, 2),
            "cpu_seconds": round(cpu, 2),
            "findings": len(findings),
            "max_rss_mb": round(rss),
            # the peak before reconciling: the input claims (and earlier sizes' peaks)
            "rss_before_mb": round(before),
            "findings_sha256": digest.hexdigest()[:16],
        }
        if previous is not None:
            row["growth_vs_previous"] = round(took / previous[1], 1)
            row["size_ratio"] = round(n / previous[0], 1)
        print(json.dumps(row), flush=True)
        previous = (n, took)
    return 0


if __name__ == "__main__":
    sys.exit(main())
