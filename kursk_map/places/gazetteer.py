"""The committed gazetteer: places by spelling-independent key, and outlines.

The data files in ``gazetteer/`` are built by ``gazetteer/build.py`` from
registry packages and curated tables (see ``gazetteer/PROVENANCE.md``); this
module only reads them.

>>> gaz = load_gazetteer()
>>> sorted({p.name for p in gaz.lookup("Sudja")})
['Sudzha']
>>> gaz.by_id("ne:RU-KRS").name
'Kursk Oblast'
"""

from __future__ import annotations

import csv
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from kursk_map.errors import GazetteerError
from kursk_map.model import Place
from kursk_map.places.normalize import name_key

__all__ = ["Gazetteer", "load_gazetteer", "memo", "DATA_DIR"]

DATA_DIR = Path(__file__).resolve().parents[2] / "gazetteer"


@dataclass(frozen=True)
class Gazetteer:
    places: tuple[Place, ...]
    _by_key: dict[str, tuple[int, ...]]
    _by_id: dict[str, int]
    max_words: int
    data_dir: Path
    first_words: frozenset[str]  # first word of every key: most capitalised words fail here
    prefixes: frozenset[str]     # every proper word-prefix of a multi-word key
    # What the geoparser has worked out about this gazetteer's names (spelling -> keys...).
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place one of whose names has the same key as ``name``."""
        return self.lookup_key(name_key(name))

    def lookup_key(self, key: str) -> tuple[Place, ...]:
        return tuple(self.places[i] for i in self._by_key.get(key, ()))

    def has_key(self, key: str) -> bool:
        return key in self._by_key

    def by_id(self, place_id: str) -> Place:
        """The place with this id, or whose merged sources include it (``geonames:486816`` is Sudzha)."""
        return self.places[self._by_id[place_id]]

    def outlines(self) -> dict:
        """The committed outlines (regions, countries, composites) as a GeoJSON dict."""
        return self._geojson("boundaries.geojson")

    def rivers(self) -> dict:
        """The theatre's rivers (GSHHG/WDBII) for the offline base map, as a GeoJSON dict."""
        return self._geojson("rivers.geojson")

    def _geojson(self, name: str) -> dict:
        path = self.data_dir / name
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise GazetteerError(f"cannot read {path}: {exc}") from None


def memo(gazetteer: Gazetteer, kind: type[dict]) -> dict:
    """The gazetteer's cache of this kind (``kind(gazetteer)``), made on first use.

    The geoparser remembers what it has worked out about each spelling; the
    gazetteer itself never changes, so the answers hold for its lifetime.
    """
    found = gazetteer.memo.get(kind)
    if found is None:
        found = gazetteer.memo[kind] = kind(gazetteer)
    return found


@functools.lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Read ``places.tsv`` and index every name by its key (cached per folder)."""
    path = data_dir / "places.tsv"
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise GazetteerError(f"cannot read {path}: {exc.strerror or exc} "
                             "(rebuild it with `python gazetteer/build.py`)") from None
    places = []
    by_key: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        names = tuple(n for n in row["names"].split("|") if n)
        place = Place(id=row["id"], name=row["name"], kind=row["kind"], precision=row["precision"],
                      lat=float(row["lat"]), lon=float(row["lon"]), country=row["country"],
                      admin1=row["admin1"], district=row["district"], population=int(row["population"]),
                      names=names, source=row["source"],
                      also_ids=tuple(i for i in row.get("also_ids", "").split("|") if i))
        places.append(place)
        # The build stores each place's keys; a file without them gets them computed (slower).
        keys = row["keys"].split("|") if "keys" in row else {name_key(n) for n in (place.name, *names)}
        for key in keys:
            if key:
                by_key.setdefault(key, []).append(i)
    max_words = max(k.count(" ") + 1 for k in by_key)
    words = [k.split(" ") for k in by_key]
    prefixes = frozenset(" ".join(w[:n]) for w in words for n in range(1, len(w)))
    by_id = {other: i for i, p in enumerate(places) for other in p.also_ids}
    by_id.update((p.id, i) for i, p in enumerate(places))
    return Gazetteer(places=tuple(places), _by_key={k: tuple(v) for k, v in by_key.items()},
                     _by_id=by_id, max_words=max_words,
                     data_dir=data_dir, first_words=frozenset(w[0] for w in words), prefixes=prefixes)
