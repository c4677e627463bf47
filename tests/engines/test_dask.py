"""Dask on a ``distributed`` LocalCluster: the core runs inside the workers
(``map_partitions`` of a bag), one ``quotedb ingest`` loads what they wrote, and the
database is the one a single process makes. docs/scaling.md's Dask example is this test's
code (test_docs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import apart, clustered_across, dataset, dump, ingest, same_failures

pytest.importorskip("dask.bag")
pytest.importorskip("dask.distributed")

import dask
import dask.bag
from dask.distributed import Client, LocalCluster

from quotedb.api import extract_partition


def test_dask_gives_the_single_process_database(tmp_path: Path) -> None:
    articles = dataset(tmp_path)
    path, out = str(articles), str(tmp_path / "records")
    blocksize = articles.stat().st_size // 3 + 1  # a small file in 2+ partitions
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with cluster, Client(cluster):
        lines = dask.bag.read_text(path, blocksize=blocksize)
        # a list, not the generator: a persisted partition is read more than once
        extracted = lines.map_partitions(lambda part: list(extract_partition(part))).persist()
        failures = extracted.pluck("failure").filter(bool).compute()
        records = extracted.filter(lambda row: row["failure"] is None).pluck("record")
        records.to_textfiles(f"{out}/*.jsonl", name_function="{:05d}".format)

        assert apart([list(part) for part in dask.compute(*lines.to_delayed())])
    sharded, single = str(tmp_path / "sharded.db"), str(tmp_path / "single.db")
    loaded, reference = ingest(sharded, out), ingest(single, path)
    assert same_failures(failures, loaded, reference)
    assert dump(sharded) == dump(single) and clustered_across(dump(sharded))
