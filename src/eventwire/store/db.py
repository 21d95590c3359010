"""The DuckDB store: open, write records idempotently, record errors and runs.

A batch of records is written in one transaction, and each article replaces its own rows, so a run
that is killed half-way and rerun ends with exactly the rows a clean run stores: none lost, none twice.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from pathlib import Path

import duckdb

from eventwire.model import Record, content_id
from eventwire.store import schema
from eventwire.store.rows import record_rows

DEFAULT_DB = "eventwire.duckdb"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Store:
    """A DuckDB file holding articles and everything found in them."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(f"no eventwire store at {self.path}")
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            schema.create(self.con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------
    def write(
        self, records: Iterable[Record], run_id: str | None = None, origins: dict[str, str] | None = None
    ) -> int:
        """Write records in one transaction; an article already stored is replaced, not duplicated."""
        records = list(records)
        if not records:
            return 0
        rows: dict[str, list[tuple]] = {name: [] for name in ("articles", *schema.ARTICLE_TABLES)}
        for rec in records:
            origin = (origins or {}).get(rec.id)
            for table, table_rows in record_rows(rec, run_id, origin, _now()).items():
                rows[table].extend(table_rows)
        ids = [[r.id] for r in records]
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in ("articles", *schema.ARTICLE_TABLES):
                key = "id" if table == "articles" else "article_id"
                self.con.executemany(f"DELETE FROM {table} WHERE {key} = ?", ids)
            for table, table_rows in rows.items():
                if table_rows:
                    marks = ", ".join("?" * len(table_rows[0]))
                    self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(records)

    def record_error(
        self,
        input_id: str | None,
        origin: str | None,
        stage: str,
        error_type: str,
        message: str,
        run_id: str | None,
    ) -> None:
        """One row per (input, stage, message): a rerun that fails the same way adds nothing."""
        key = content_id(f"{input_id}|{origin}|{stage}|{message}", "err_")
        self.con.execute(
            "INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET occurred_at = excluded.occurred_at, "
            "run_id = excluded.run_id",
            [key, input_id, origin, stage, error_type, message, _now(), run_id],
        )

    def clear_errors(self, input_id: str) -> None:
        """An input that now succeeds no longer counts as failed."""
        self.con.execute("DELETE FROM errors WHERE input_id = ?", [input_id])

    # -- runs ----------------------------------------------------------------------------------
    def start_run(self, inputs: list[str]) -> str:
        run_id = f"run_{_now():%Y%m%dT%H%M%S}_{uuid.uuid4().hex[:6]}"
        self.con.execute(
            "INSERT INTO runs (id, started_at, inputs, status) VALUES (?, ?, ?, 'running')",
            [run_id, _now(), [str(i) for i in inputs]],
        )
        return run_id

    def finish_run(
        self, run_id: str, *, seen: int, stored: int, skipped: int, errors: int, status: str, stats: dict
    ) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, docs_seen = ?, docs_stored = ?, docs_skipped = ?, errors = ?, "
            "status = ?, stats = ? WHERE id = ?",
            [_now(), seen, stored, skipped, errors, status, json.dumps(stats), run_id],
        )

    # -- reading -------------------------------------------------------------------------------
    def article_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def counts(self) -> dict[str, int]:
        tables = ("articles", *schema.ARTICLE_TABLES, "stories", "errors", "runs")
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in tables}

    def records(self, where: str = "", params: list | None = None) -> Iterable[Record]:
        """The stored records, as they were written (the JSON contract)."""
        cur = self.con.cursor().execute(f"SELECT record FROM articles {where} ORDER BY id", params or [])
        while batch := cur.fetchmany(500):
            for (text,) in batch:
                yield Record.from_json(text)
