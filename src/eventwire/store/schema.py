"""The DuckDB schema: one table per record type, every row keyed by stable ids.

Rows of a stage table are keyed by (article_id, id), so rewriting an article replaces exactly its own
rows. Spans are stored as start/end columns (char offsets into articles.body) so the API and the
UI can highlight without parsing JSON; a few denormalised columns (names, sentence text, place
coordinates) keep the common event queries join-free.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

TABLES: dict[str, str] = {
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    "articles": """
        CREATE TABLE IF NOT EXISTS articles (
            id VARCHAR PRIMARY KEY,
            url VARCHAR, outlet VARCHAR, title VARCHAR, published DATE,
            dateline VARCHAR, byline VARCHAR, language VARCHAR,
            body VARCHAR, removed JSON,
            origin VARCHAR, run_id VARCHAR, ingested_at TIMESTAMP,
            n_actors INTEGER, n_events INTEGER, n_quotes INTEGER, n_places INTEGER,
            record JSON)""",
    "actors": """
        CREATE TABLE IF NOT EXISTS actors (
            article_id VARCHAR, id VARCHAR,
            name VARCHAR, code VARCHAR, country VARCHAR, role VARCHAR, kind VARCHAR,
            aliases VARCHAR[], mentions JSON, n_mentions INTEGER, evidence VARCHAR,
            PRIMARY KEY (article_id, id))""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            article_id VARCHAR, id VARCHAR,
            source VARCHAR, target VARCHAR, source_code VARCHAR, target_code VARCHAR,
            source_name VARCHAR, target_name VARCHAR,
            source_country VARCHAR, target_country VARCHAR,
            code VARCHAR, root VARCHAR, quad_class INTEGER, goldstein DOUBLE,
            plover_type VARCHAR, plover_mode VARCHAR,
            date DATE, date_basis VARCHAR,
            place VARCHAR, place_name VARCHAR, lat DOUBLE, lon DOUBLE, place_country VARCHAR,
            modality VARCHAR, claimed_by VARCHAR, claimed_by_name VARCHAR,
            sentence_start INTEGER, sentence_end INTEGER, sentence VARCHAR,
            trigger_start INTEGER, trigger_end INTEGER, trigger VARCHAR,
            rule VARCHAR, confidence DOUBLE, mentions JSON,
            PRIMARY KEY (article_id, id))""",
    "quotes": """
        CREATE TABLE IF NOT EXISTS quotes (
            article_id VARCHAR, id VARCHAR,
            text VARCHAR, span_start INTEGER, span_end INTEGER, kind VARCHAR,
            speaker VARCHAR, speaker_name VARCHAR, speaker_code VARCHAR,
            cue VARCHAR, cue_start INTEGER, cue_end INTEGER, published DATE,
            PRIMARY KEY (article_id, id))""",
    "places": """
        CREATE TABLE IF NOT EXISTS places (
            article_id VARCHAR, id VARCHAR,
            name VARCHAR, spans JSON, n_mentions INTEGER, geonameid BIGINT, lat DOUBLE, lon DOUBLE,
            country VARCHAR, feature VARCHAR, confidence DOUBLE,
            PRIMARY KEY (article_id, id))""",
    "stories": """
        CREATE TABLE IF NOT EXISTS stories (
            article_id VARCHAR PRIMARY KEY, story_id VARCHAR, duplicate_of VARCHAR,
            dup_similarity DOUBLE, story_size INTEGER)""",
    "errors": """
        CREATE TABLE IF NOT EXISTS errors (
            id VARCHAR PRIMARY KEY,
            input_id VARCHAR, origin VARCHAR, stage VARCHAR, error_type VARCHAR, message VARCHAR,
            occurred_at TIMESTAMP, run_id VARCHAR)""",
    "runs": """
        CREATE TABLE IF NOT EXISTS runs (
            id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP, finished_at TIMESTAMP, inputs VARCHAR[],
            docs_seen INTEGER, docs_stored INTEGER, docs_skipped INTEGER, errors INTEGER,
            status VARCHAR, stats JSON)""",
}

INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_date ON events (date)",
    "CREATE INDEX IF NOT EXISTS events_root ON events (root)",
    "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_name)",
)

ARTICLE_TABLES = ("actors", "events", "quotes", "places")


def create(con) -> None:
    """All tables or none: a run killed while it creates the schema leaves no half-made store."""
    con.execute("BEGIN TRANSACTION")
    try:
        for ddl in TABLES.values():
            con.execute(ddl)
        for ddl in INDEXES:
            con.execute(ddl)
        con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
            [str(SCHEMA_VERSION)],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
