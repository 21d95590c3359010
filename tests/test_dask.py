"""The Dask runner gives the same store as the local runner, on a real local Dask cluster."""

from __future__ import annotations

import pytest

from eventwire.config import Config
from eventwire.pipeline import Pipeline
from eventwire.runners import dask as dask_runner
from eventwire.runners.local import ingest
from eventwire.sources import read
from eventwire.store import Store

distributed = pytest.importorskip("distributed")


def _corpus(folder):
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(
            f"Foreign Minister Ana Ruiz of Chile met Argentine officials in Santiago on Monday, round {i}.\n\n"
            f'"We will keep talking," Ruiz said.\n',
            encoding="utf-8",
        )
    (folder / "bad.txt").write_bytes(b"")


def _store_rows(db):
    with Store(db, read_only=True) as s:
        counts = s.counts()
        counts.pop("runs")
        ids = sorted(r.id for r in s.records())
    return counts, ids


def test_dask_cluster_matches_local_run(tmp_path):
    corpus = tmp_path / "docs"
    _corpus(corpus)
    pipeline = Pipeline(Config()).prepare()
    with Store(tmp_path / "local.duckdb") as store:
        ingest(store, read([corpus]), pipeline, [str(corpus)])
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cl:
        with Store(tmp_path / "dask.duckdb") as store:
            report = ingest(
                store,
                read([corpus]),
                pipeline,
                [str(corpus)],
                process=lambda raws: dask_runner.run(
                    raws,
                    Config(),
                    scheduler=cl.scheduler_address,
                    partition_size=2,
                    parquet_dir=tmp_path / "pq",
                ),
            )
    assert report.stored == 6 and report.failed == 1
    assert _store_rows(tmp_path / "dask.duckdb") == _store_rows(tmp_path / "local.duckdb")
    assert len(list((tmp_path / "pq").glob("part-*.parquet"))) == 4
