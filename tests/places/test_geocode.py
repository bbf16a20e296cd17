"""The opt-in geocoder, stubbed at geopy's adapter boundary: no test reaches the network."""

import json

import pytest
from geopy.adapters import BaseSyncAdapter

from kursk_map.articles.reading import article_from_text
from kursk_map.errors import GeocoderError
from kursk_map.places.geocode import NominatimFallback
from kursk_map.places.geoparse import geoparse


class FakeNominatim(BaseSyncAdapter):
    calls: list = []

    def get_json(self, url, *, timeout, headers):
        FakeNominatim.calls.append((url, headers))
        if "Zzyzxovka" in url:
            return [{"lat": "51.25", "lon": "35.10", "display_name": "Zzyzxovka, Kursk Oblast, Russia",
                     "name": "Zzyzxovka", "osm_type": "node", "osm_id": 42}]
        return []

    def get_text(self, url, *, timeout, headers):
        raise AssertionError("not used")


@pytest.fixture
def fallback(tmp_path):
    FakeNominatim.calls = []
    return NominatimFallback(cache_dir=tmp_path, user_agent="kursk-map-tests/1.0",
                             adapter_factory=FakeNominatim, min_delay_seconds=0)


def test_unresolved_names_are_geocoded_and_cached(fallback, tmp_path, gazetteer):
    article = article_from_text("Russia said it retook the village of Zzyzxovka and the village of Nowhereovo.")
    res = geoparse(article, gazetteer, geocoder=fallback)
    found = [m for m in res.places if m.span.surface == "Zzyzxovka"][0]
    assert (found.place.id, found.place.lat, found.place.lon) == ("nominatim:node/42", 51.25, 35.1)
    assert [s.surface for s in res.unresolved] == ["Nowhereovo"]
    url, headers = FakeNominatim.calls[0]
    assert headers["User-Agent"] == "kursk-map-tests/1.0"
    assert "countrycodes=ru%2Cua%2Cby" in url
    cache = json.loads((tmp_path / "nominatim.json").read_text())
    assert cache["Nowhereovo"] is None and cache["Zzyzxovka"]["id"] == "nominatim:node/42"

    again = geoparse(article, gazetteer, geocoder=fallback)
    assert len(FakeNominatim.calls) == 2  # the second run was answered from the cache
    assert fallback.cached == 2
    assert "from the cache" in fallback.report()[0]
    assert again.places == res.places


def test_geocoder_is_off_by_default(gazetteer):
    res = geoparse(article_from_text("The village of Zzyzxovka was shelled."), gazetteer)
    assert [s.surface for s in res.unresolved] == ["Zzyzxovka"]


def test_a_real_user_agent_is_required(tmp_path):
    with pytest.raises(GeocoderError):
        NominatimFallback(cache_dir=tmp_path, user_agent="geopy/2.5", adapter_factory=FakeNominatim)
