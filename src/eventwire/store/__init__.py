"""Store: the DuckDB schema, the idempotent writer, queries and exports."""

from eventwire.store.db import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
