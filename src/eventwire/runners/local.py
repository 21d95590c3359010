"""The local runner: read sources, skip what is stored, process, write in batches, record failures.

Each batch of records is committed in one transaction and articles already in the store are
skipped before any work, so an interrupted run (Ctrl-C, kill -9) rerun with the same inputs ends
with exactly the rows a clean run would have stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from eventwire.errors import EventwireError
from eventwire.model import RawDoc, Record
from eventwire.pipeline import Failure, Pipeline
from eventwire.store import Store


@dataclass
class RunReport:
    run_id: str
    seen: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    status: str = "running"
    failures: list[Failure] = field(default_factory=list)
    stories: dict[str, int] = field(default_factory=dict)

    @property
    def docs_per_second(self) -> float:
        return (self.stored + self.failed) / self.seconds if self.seconds else 0.0


def ingest(
    store: Store,
    raws: Iterable[RawDoc | EventwireError],
    pipeline: Pipeline,
    inputs: list[str],
    write_every: int = 64,
    group_stories: bool = True,
    on_progress: Callable[[RunReport], None] | None = None,
    process: Callable[[Iterable[RawDoc | EventwireError]], Iterable[Record | Failure]] | None = None,
) -> RunReport:
    """Store what `process` (default: the pipeline in this process) makes of the new documents."""
    report = RunReport(run_id=store.start_run(inputs))
    known = store.article_ids()
    origins: dict[str, str] = {}
    started = time.perf_counter()

    def fresh() -> Iterator[RawDoc | EventwireError]:
        for raw in raws:
            report.seen += 1
            if isinstance(raw, RawDoc):
                if raw.id in known:
                    report.skipped += 1
                    continue
                known.add(raw.id)  # the same document twice in one run is stored once
                origins[raw.id] = raw.origin
            yield raw

    pending: list[Record] = []

    def flush() -> None:
        store.write(pending, report.run_id, origins)
        for rec in pending:
            store.clear_errors(rec.id)
        report.stored += len(pending)
        pending.clear()

    try:
        for item in (process or pipeline.process_many)(fresh()):
            if isinstance(item, Failure):
                report.failed += 1
                report.failures.append(item)
                store.record_error(
                    item.doc_id, item.origin, item.stage, item.kind, item.message, report.run_id
                )
            else:
                pending.append(item)
                if len(pending) >= write_every:
                    flush()
            report.seconds = time.perf_counter() - started
            if on_progress:
                on_progress(report)
        flush()
        if group_stories:
            from eventwire.stories import update_stories

            t = time.perf_counter()
            report.stories = update_stories(store)
            pipeline.stats["stories"].docs += report.stories["articles"]
            pipeline.stats["stories"].seconds += time.perf_counter() - t
        report.status = "done"
    except KeyboardInterrupt:
        report.status = "interrupted"
        raise
    finally:
        report.seconds = time.perf_counter() - started
        stats = {k: vars(v) for k, v in pipeline.stats.items()}
        store.finish_run(
            report.run_id,
            seen=report.seen,
            stored=report.stored,
            skipped=report.skipped,
            errors=report.failed,
            status=report.status,
            stats=stats,
        )
    return report
