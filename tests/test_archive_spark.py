"""The Spark run gives the embedded run's findings (evaluated on the dev corpora from
../shared, the seeds where absent), in Spark's local mode. Skipped, saying why, where Java
or pyspark is missing (``make test`` installs both: scripts/install-java.sh)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from factcheck import Archive, Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'factcheck-numbers[spark]'")
pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install 'factcheck-numbers[spark]'")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Java is missing: run scripts/install-java.sh (make test does)", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("factcheck-archive-test")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    yield session
    session.stop()


def _corpora() -> list[Path]:
    found = [SHARED / name / "articles" for name in ("dev", "dev2") if (SHARED / name / "articles").is_dir()]
    return found or [ROOT / "seeds"]


@pytest.mark.slow  # a local Spark session over both corpora: minutes; make test and CI run it
def test_spark_findings_equal_embedded_findings(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from factcheck.archive.spark import spark_check_each

    archive = Archive(tmp_path / "news.db")
    archive.add(_corpora())
    archive.export_parquet(tmp_path / "export")
    embedded = archive.check_each(settings=Settings())
    distributed = spark_check_each(spark, str(tmp_path / "export"), Settings())
    assert sum(map(len, embedded.values())) > 0
    assert sorted(distributed) == sorted(embedded)
    for doc, findings in embedded.items():
        assert [f.model_dump_json() for f in distributed[doc]] == [f.model_dump_json() for f in findings], doc
