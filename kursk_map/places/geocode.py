"""Opt-in online geocoding for names the gazetteer lacks (``--geocoder nominatim``).

Never used unless asked for. Wraps geopy's Nominatim in geopy's
RateLimiter (one request a second, as Nominatim's usage policy asks), sends
a real user agent, restricts answers to Russia, Ukraine and Belarus, and
caches every answer (hits and misses) in a JSON file on disk so that a
name is asked once. Results keep their provenance in their id
(``nominatim:<osm_type>/<osm_id>``), and :meth:`NominatimFallback.report`
says how many answers came from the network and how many from the cache.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from kursk_map.errors import GeocoderError
from kursk_map.model import Article, Place, PlaceMention, Span

__all__ = ["NominatimFallback"]

COUNTRY_CODES = ["ru", "ua", "by"]


class NominatimFallback:
    """Resolve unresolved spans with Nominatim, through a disk cache.

    ``adapter_factory`` is passed to geopy (tests give a fake adapter; nothing
    else in the tool talks to the network).
    """

    def __init__(self, *, cache_dir: Path, user_agent: str, adapter_factory=None,
                 min_delay_seconds: float = 1.0) -> None:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        if not user_agent.strip() or user_agent.startswith("geopy"):
            raise GeocoderError("Nominatim needs a real user agent naming the application (--user-agent)")
        kwargs = {"adapter_factory": adapter_factory} if adapter_factory is not None else {}
        self._nominatim = Nominatim(user_agent=user_agent, timeout=10, **kwargs)
        self._geocode = RateLimiter(self._nominatim.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=1, swallow_exceptions=False)
        self.cache_path = Path(cache_dir) / "nominatim.json"
        self._cache: dict[str, dict | None] = self._load_cache()
        self.online = 0
        self.cached = 0

    def _load_cache(self) -> dict:
        try:
            return json.loads(self.cache_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise GeocoderError(f"geocoder cache {self.cache_path} is unreadable: {exc}") from None

    def _save_cache(self) -> None:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.cache_path.parent, prefix=".nominatim-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(self._cache, f, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(tmp, self.cache_path)

    def lookup(self, name: str) -> dict | None:
        """One name -> {lat, lon, name, id} or None, from the cache or the network."""
        if name in self._cache:
            self.cached += 1
            return self._cache[name]
        from geopy.exc import GeopyError

        try:
            location = self._geocode(name, exactly_one=True, country_codes=COUNTRY_CODES, language="en")
        except GeopyError as exc:
            raise GeocoderError(f"Nominatim lookup of {name!r} failed: {exc}") from None
        self.online += 1
        answer = None
        if location is not None:
            raw = location.raw
            answer = {"lat": round(location.latitude, 6), "lon": round(location.longitude, 6),
                      "name": raw.get("name") or location.address.split(",")[0],
                      "id": f"nominatim:{raw.get('osm_type', '?')}/{raw.get('osm_id', '?')}"}
        self._cache[name] = answer
        self._save_cache()
        return answer

    def resolve_spans(self, article: Article, spans: list[Span]) -> tuple[list[PlaceMention], list[Span]]:
        found, still = [], []
        for span in spans:
            answer = self.lookup(span.surface)
            if answer is None:
                still.append(span)
                continue
            place = Place(id=answer["id"], name=answer["name"], kind="settlement", precision="settlement",
                          lat=answer["lat"], lon=answer["lon"], source="Nominatim (OpenStreetMap), online opt-in")
            found.append(PlaceMention(span=span, place=place, role="location", precision="settlement",
                                      name=answer["name"], kind="settlement"))
        return found, still

    def report(self) -> list[str]:
        return [f"geocoder nominatim: {self.online} names looked up online, {self.cached} answered "
                f"from the cache {self.cache_path} (OpenStreetMap data, ODbL)"]
