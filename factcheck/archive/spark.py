"""The archive's checks on Spark, over its Parquet export (``factcheck archive export``).

Spark does the blocking and the grouping; Python does the reconciling, with the same
functions as the embedded run: each draft's probe keys come from
:func:`~factcheck.archive.blocking.blocking_keys`, are joined with the documents'
stored keys, and each draft's block (its claims and the claims of every document it
reaches) is reconciled by :func:`~factcheck.archive.checking.findings_involving` in
``mapInPandas`` (one row per draft, its block gathered by ``collect_list``). The result
equals :meth:`Archive.check_each` on the same archive.

Run on a cluster with ``spark-submit`` (docs/archive.md)::

    spark-submit --master yarn -m factcheck.archive.spark EXPORT_DIR --out findings.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..findings import Finding

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import SparkSession


def _records(value: Any) -> list[str]:
    """The JSON records of a collected list of claims (Arrow gives a list or an array)."""
    return [str(r) for r in value]


def _text(value: Any) -> str | None:
    """A string cell as Spark gave it, None for a missing one: pandas 3 gives a null string
    as NaN, which is truthy and would be read as a country named "nan" (a document that
    names no country must probe every country)."""
    return value if isinstance(value, str) else None


def _probe_keys(settings: Settings) -> Any:
    """The pandas function giving the probe keys of (draft, document) rows, each with every
    record it probes with: every claim of a draft, the undated claims of a document it
    reached (see :meth:`Archive.candidates`). One row holds one pair's whole list, so no
    batching of Spark's can split what :func:`main_country` must see at once."""
    from .blocking import blocking_keys, key_hash, window_months
    from .records import claim_from_json, main_country

    months = window_months(settings.window_days)

    def probe(batches: Iterable[pd.DataFrame]) -> Iterable[pd.DataFrame]:
        import pandas as pd

        for pdf in batches:
            drafts: list[str] = []
            keys: list[int] = []
            for draft, member, records, country in zip(
                pdf["draft"], pdf["member"], pdf["records"], pdf["country"], strict=True
            ):
                claims = [claim_from_json(r) for r in _records(records)]
                where = main_country(claims) if draft == member else _text(country)
                found = sorted({key_hash(k) for c in claims for k in blocking_keys(c, where, months)})
                drafts.extend([draft] * len(found))
                keys.extend(found)
            yield pd.DataFrame({"draft": pd.Series(drafts, dtype=object), "key": pd.Series(keys, dtype="int64")})

    return probe


def _reconcile_block(settings: Settings) -> Any:
    """The pandas function reconciling drafts' blocks, one row a draft with every record of
    its block: its findings as JSON lines."""
    from .checking import findings_involving
    from .records import claim_from_json

    def run(batches: Iterable[pd.DataFrame]) -> Iterable[pd.DataFrame]:
        import pandas as pd

        for pdf in batches:
            drafts: list[str] = []
            out: list[str] = []
            for draft, own_records, other_records in zip(pdf["draft"], pdf["own"], pdf["others"], strict=True):
                own = [claim_from_json(r) for r in _records(own_records)]
                others = [claim_from_json(r) for r in _records(other_records)]
                found = findings_involving(own, others, settings)
                drafts.extend([draft] * len(found))
                out.extend(f.model_dump_json() for f in found)
            # object columns: pandas 3's Arrow-backed strings are not what Spark's Arrow writer takes
            yield pd.DataFrame({"draft": pd.Series(drafts, dtype=object), "finding": pd.Series(out, dtype=object)})

    return run


def spark_check_each(
    spark: SparkSession, folder: str, settings: Settings | None = None, drafts: Sequence[str] | None = None
) -> dict[str, list[Finding]]:
    """Each document of the export (all, or ``drafts``) checked against the others, as
    :meth:`Archive.check_each` does: findings by document id, in the reconciler's order."""
    from pyspark.sql import functions as F

    from .blocking import UNDATED

    settings = settings or Settings()
    claims = spark.read.parquet(f"{folder}/claims.parquet").select("doc_id", "claim_id", "month", "record")
    blocks = spark.read.parquet(f"{folder}/blocks.parquet")
    countries = spark.read.parquet(f"{folder}/documents.parquet").select("doc_id", "country")
    wanted = claims if drafts is None else claims.where(F.col("doc_id").isin(list(drafts)))
    probe_schema = "draft string, key long"
    # round 0: each draft's own claims; then the undated claims of the documents reached last
    frontier = (
        wanted.groupBy("doc_id")
        .agg(F.collect_list("record").alias("records"))
        .select(
            F.col("doc_id").alias("draft"),
            F.col("doc_id").alias("member"),
            "records",
            F.lit(None).cast("string").alias("country"),
        )
    )
    reached = wanted.select(F.col("doc_id").alias("draft"), F.col("doc_id").alias("member")).distinct().cache()
    while True:
        probes = frontier.mapInPandas(_probe_keys(settings), schema=probe_schema)
        hits = probes.join(blocks, "key").select("draft", F.col("doc_id").alias("member")).distinct()
        new = hits.join(reached, ["draft", "member"], "left_anti").cache()
        if new.count() == 0:
            break
        reached = reached.unionByName(new).cache()
        frontier = (
            new.join(claims.where(F.col("month") == UNDATED).withColumnRenamed("doc_id", "member"), "member")
            .groupBy("draft", "member")
            .agg(F.collect_list("record").alias("records"))
            .join(countries.withColumnRenamed("doc_id", "member"), "member")
            .select("draft", "member", "records", "country")
        )
    block = (
        reached.join(claims.withColumnRenamed("doc_id", "member"), "member")
        .groupBy("draft")
        .agg(
            F.collect_list(F.when(F.col("member") == F.col("draft"), F.col("record"))).alias("own"),
            F.collect_list(F.when(F.col("member") != F.col("draft"), F.col("record"))).alias("others"),
        )
    )
    found = block.mapInPandas(_reconcile_block(settings), schema="draft string, finding string")
    out: dict[str, list[Finding]] = {}
    for row in found.collect():
        out.setdefault(row["draft"], []).append(Finding.model_validate_json(row["finding"]))
    # every document, those with no claim too (they have no findings)
    ids = drafts if drafts is not None else [r["doc_id"] for r in countries.select("doc_id").collect()]
    return {d: _ordered(out.get(d, [])) for d in sorted(ids)}


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    """The reconciler's order (severity, strength, topic, kind, id), which collect() does not keep."""
    from .focus import finding_order

    return sorted(findings, key=finding_order)


def main(argv: Sequence[str] | None = None) -> None:
    """``spark-submit -m factcheck.archive.spark EXPORT_DIR --out FILE``: findings as JSON lines."""
    from pyspark.sql import SparkSession

    parser = argparse.ArgumentParser(prog="factcheck.archive.spark", description=main.__doc__)
    parser.add_argument("folder", help="a folder written by: factcheck archive export --parquet FOLDER")
    parser.add_argument("--out", required=True, help="file to write one finding a line to ({draft, finding})")
    parser.add_argument("--draft", action="append", help="check only this document id (repeatable)")
    args = parser.parse_args(argv)
    spark = SparkSession.builder.appName("factcheck-archive").getOrCreate()
    found = spark_check_each(spark, args.folder, drafts=args.draft)
    with open(args.out, "w", encoding="utf-8") as out:
        for draft, findings in found.items():
            for f in findings:
                out.write(json.dumps({"draft": draft, "finding": json.loads(f.model_dump_json())}, sort_keys=True))
                out.write("\n")
    spark.stop()


if __name__ == "__main__":  # pragma: no cover
    main()
