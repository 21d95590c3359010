"""Exports: JSONL records (the public contract), CSV and Parquet tables, and a GDELT 2.0 event table."""

from __future__ import annotations

from pathlib import Path

from eventwire.store.db import Store

TABLES = ("articles", "actors", "events", "quotes", "places", "errors")

# GDELT 2.0 event table, in its column order; eventwire fills what it knows and leaves the rest empty.
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)


def _actor_parts(prefix: str, side: str) -> str:
    """GDELT splits an actor code into country and up to three 3-letter type codes."""
    code = f"coalesce(e.{side}_code, '')"
    country = f"CASE WHEN {code} = '---' OR starts_with({code}, '---') THEN NULL ELSE e.{side}_country END"
    return ", ".join(
        [
            f"nullif({code}, '') AS {prefix}Code",
            f"e.{side}_name AS {prefix}Name",
            f"CASE WHEN e.{side}_country IN ('IGO', 'NGO', 'IMG', 'MNC') THEN NULL ELSE {country} END "
            f"AS {prefix}CountryCode",
            f"NULL AS {prefix}KnownGroupCode, NULL AS {prefix}EthnicCode",
            f"NULL AS {prefix}Religion1Code, NULL AS {prefix}Religion2Code",
            f"nullif(substr({code}, 4, 3), '') AS {prefix}Type1Code",
            f"nullif(substr({code}, 7, 3), '') AS {prefix}Type2Code",
            f"nullif(substr({code}, 10, 3), '') AS {prefix}Type3Code",
        ]
    )


def _empty_geo(prefix: str) -> str:
    cols = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    return ", ".join(f"NULL AS {prefix}Geo_{c}" for c in cols)


GDELT_QUERY = f"""
SELECT
  row_number() OVER (ORDER BY e.article_id, e.id) AS GLOBALEVENTID,
  strftime(coalesce(e.date, a.published), '%Y%m%d') AS SQLDATE,
  strftime(coalesce(e.date, a.published), '%Y%m') AS MonthYear,
  strftime(coalesce(e.date, a.published), '%Y') AS Year,
  round(year(coalesce(e.date, a.published)) + (dayofyear(coalesce(e.date, a.published)) - 1) / 365.0, 4)
    AS FractionDate,
  {_actor_parts("Actor1", "source")},
  {_actor_parts("Actor2", "target")},
  1 AS IsRootEvent, e.code AS EventCode, substr(e.code, 1, 3) AS EventBaseCode, e.root AS EventRootCode,
  e.quad_class AS QuadClass, e.goldstein AS GoldsteinScale,
  1 + coalesce(json_array_length(e.mentions), 0) AS NumMentions, 1 AS NumSources, 1 AS NumArticles,
  NULL AS AvgTone,
  {_empty_geo("Actor1")},
  {_empty_geo("Actor2")},
  CASE WHEN p.feature LIKE 'PCL%' THEN 1 WHEN p.id IS NOT NULL THEN 4 ELSE NULL END AS ActionGeo_Type,
  coalesce(p.name, e.place_name) AS ActionGeo_FullName, p.country AS ActionGeo_CountryCode,
  NULL AS ActionGeo_ADM1Code, NULL AS ActionGeo_ADM2Code, p.lat AS ActionGeo_Lat, p.lon AS ActionGeo_Long,
  CAST(p.geonameid AS VARCHAR) AS ActionGeo_FeatureID,
  strftime(a.ingested_at, '%Y%m%d%H%M%S') AS DATEADDED, a.url AS SOURCEURL
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
WHERE e.modality NOT IN ('hypothetical', 'negated')
ORDER BY e.article_id, e.id
"""


def export(store: Store, fmt: str, out: str | Path) -> dict[str, int]:
    """Write the store to `out`; returns rows written per table (or records, for JSONL)."""
    out = Path(out)
    con = store.con
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        n = 0
        with open(out, "w", encoding="utf-8") as f:
            for rec in store.records():
                f.write(rec.to_json() + "\n")
                n += 1
        return {"records": n}
    if fmt == "gdelt":
        out.parent.mkdir(parents=True, exist_ok=True)
        con.sql(GDELT_QUERY).write_csv(str(out), sep="\t", header=False)
        return {"events": con.execute(f"SELECT count(*) FROM ({GDELT_QUERY})").fetchall()[0][0]}
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown export format {fmt!r}: use jsonl, csv, parquet or gdelt")
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        columns = "* EXCLUDE (record)" if table == "articles" else "*"
        query = f"SELECT {columns} FROM {table} ORDER BY ALL"
        if fmt == "csv":
            con.sql(query).write_csv(str(out / f"{table}.csv"))
        elif table == "events":
            # Partitioned by event month: the hand-off to any engine that prunes by date.
            con.execute(
                f"COPY (SELECT *, coalesce(strftime(date, '%Y-%m'), 'undated') AS month FROM events) "
                f"TO '{_sql_path(out / 'events')}' (FORMAT parquet, PARTITION_BY (month), OVERWRITE_OR_IGNORE)"
            ).fetchall()
        else:
            con.sql(query).write_parquet(str(out / f"{table}.parquet"))
        counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    return counts


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
