"""The Dask runner: the same pipeline over a Dask cluster when one machine is not enough.

Documents are read on the client, split into partitions and processed on the workers, each of
which builds its own `Pipeline` once (a module-level cache, so the spaCy model is loaded once per
worker process, never per task). Workers hand back plain record dicts; the client writes them to
the DuckDB store with the same idempotent writer as the local runner and, when asked, also writes
one Parquet file of records per partition, the hand-off to other engines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from eventwire.config import Config
from eventwire.errors import EventwireError
from eventwire.model import RawDoc, Record
from eventwire.pipeline import Failure, Pipeline

_WORKER_PIPELINE: dict[str, Pipeline] = {}


def _process_partition(raws: list[RawDoc | EventwireError], config: Config) -> list[dict]:
    key = repr(config)
    pipeline = _WORKER_PIPELINE.get(key)
    if pipeline is None:
        pipeline = _WORKER_PIPELINE[key] = Pipeline(config).prepare()
    out = []
    for item in pipeline.process_many(raws):
        if isinstance(item, Failure):
            out.append({"failure": vars(item)})
        else:
            out.append({"record": item.to_json()})
    return out


def _write_parquet(items: list[dict], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    recs = [json.loads(i["record"]) for i in items if "record" in i]
    table = pa.table(
        {
            "id": [r["id"] for r in recs],
            "published": [r["article"].get("published") for r in recs],
            "title": [r["article"].get("title") for r in recs],
            "n_events": [len(r["events"]) for r in recs],
            "record": [json.dumps(r, ensure_ascii=False) for r in recs],
        }
    )
    pq.write_table(table, path)


def run(
    raws: Iterable[RawDoc | EventwireError],
    config: Config,
    scheduler: str | None = None,
    partition_size: int = 64,
    wave_size: int = 8,
    parquet_dir: Path | None = None,
):
    """Yield Records and Failures computed on Dask, partition by partition, in input order.

    Partitions are submitted in waves of `wave_size`, so memory stays bounded on a large input.

    `scheduler` is a distributed scheduler address ("tcp://host:8786"), "processes" for a local
    process pool, or None for Dask's synchronous scheduler (debugging).
    """
    import dask
    from dask import delayed

    client = None
    if scheduler and scheduler not in ("processes", "threads", "sync"):
        from distributed import Client

        client = Client(scheduler)
    dask_scheduler = "sync" if scheduler in (None, "sync") else scheduler
    try:
        n = 0
        for wave in _waves(_partitions(raws, partition_size), wave_size):
            tasks = [delayed(_process_partition)(part, config) for part in wave]
            results = dask.compute(*tasks, **({} if client else {"scheduler": dask_scheduler}))
            for items in results:
                if parquet_dir is not None:
                    parquet_dir.mkdir(parents=True, exist_ok=True)
                    _write_parquet(items, parquet_dir / f"part-{n:05d}.parquet")
                n += 1
                for item in items:
                    if "record" in item:
                        yield Record.from_json(item["record"])
                    else:
                        yield Failure(**item["failure"])
    finally:
        if client is not None:
            client.close()


def _partitions(items: Iterable, size: int) -> Iterable[list]:
    current: list = []
    for item in items:
        current.append(item)
        if len(current) >= size:
            yield current
            current = []
    if current:
        yield current


def _waves(parts: Iterable[list], size: int) -> Iterable[list[list]]:
    yield from _partitions(parts, size)
