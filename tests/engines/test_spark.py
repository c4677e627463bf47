"""PySpark in local mode: the core runs inside the executors (``mapPartitions``), the
records they write are loaded by one ``quotedb ingest``, and the database is the one a
single process makes. docs/scaling.md's Spark example is this test's code (test_docs.py)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import apart, clustered_across, dataset, dump, ingest, same_failures

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs java", allow_module_level=True)

from pyspark.sql import SparkSession
from pyspark.sql.functions import col, explode

from quotedb.api import extract_partition


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PYSPARK_PYTHON", sys.executable)  # the executors' Python: this one
        session = _local_session()
        yield session
        session.stop()


def _local_session() -> SparkSession:
    return (
        SparkSession.builder.master("local[2]")
        .appName("quotedb-test")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )


def test_spark_gives_the_single_process_database(spark: SparkSession, tmp_path: Path) -> None:
    articles = dataset(tmp_path)
    path, out = str(articles), str(tmp_path / "records")
    lines = spark.sparkContext.textFile(path, minPartitions=3)
    extracted = spark.createDataFrame(
        lines.mapPartitions(extract_partition), "record string, failure string"
    ).cache()
    failures = [r.failure for r in extracted.where(col("failure").isNotNull()).collect()]
    records = extracted.where(col("failure").isNull()).select("record")
    records.rdd.map(lambda row: row.record).saveAsTextFile(out)
    # a DataFrame of quotations, one row each, for whatever Spark does next
    quotations = spark.read.json(records.rdd.map(lambda row: row.record)).select(
        explode("quotations").alias("q")
    )

    assert apart(lines.glom().collect())
    sharded, single = str(tmp_path / "sharded.db"), str(tmp_path / "single.db")
    loaded, reference = ingest(sharded, f"{out}/part-*"), ingest(single, path)
    assert same_failures(failures, loaded, reference)
    assert dump(sharded) == dump(single) and clustered_across(dump(sharded))
    speakers = {r.speaker for r in quotations.select("q.speaker").collect()}
    assert quotations.count() == len(dump(single)["quotations"]) and "Ines Marlowe" in speakers
