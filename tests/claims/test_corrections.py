"""The user's corrections file: hand-made claims, drops, fixes, report dates."""

import json

import pytest

from kursk_map.claims.corrections import read_corrections
from kursk_map.errors import InputError
from kursk_map.pipeline import claims_for
from tests.conftest import SEEDS

SQUARE = {"type": "Polygon", "coordinates": [[[35.2, 51.2], [35.3, 51.2], [35.3, 51.3], [35.2, 51.3], [35.2, 51.2]]]}


def _write(tmp_path, *features):
    path = tmp_path / "corrections.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": g, "properties": p} for g, p in features]}), encoding="utf-8")
    return path


def _batch(tmp_path, *features):
    return claims_for([str(SEEDS / "003_5521c82fc0953d07.txt"), str(SEEDS / "002_f3b83dfb5465be27.txt")],
                      corrections=[_write(tmp_path, *features)])


def test_add_a_claim_with_its_own_geometry_and_report(tmp_path):
    batch = _batch(tmp_path, (SQUARE, {"op": "add", "side": "UA", "action": "controls", "claimant": "ISW",
                                       "as_of": "2024-08-20", "report_date": "2024-08-21", "publisher": "ISW",
                                       "provenance": "drawn from ISW's map of 2024-08-20"}))
    (report,) = [r for r in batch.results if r.publisher == "ISW"]
    (claim,) = report.claims
    assert claim.geometry == SQUARE and claim.origin.startswith("hand-made") and "ISW's map" in claim.origin
    assert str(report.report_date) == "2024-08-21" and not batch.failures


def test_drop_and_fix_extracted_claims(tmp_path):
    batch = _batch(tmp_path,
                   (None, {"op": "drop", "match": {"file": "003_5521c82fc0953d07.txt", "quote": "retaken about a dozen"},
                           "provenance": "test"}),
                   (None, {"op": "fix", "match": {"file": "003_5521c82fc0953d07.txt", "quote": "100 settlements",
                                                   "action": "controls"},
                           "set": {"as_of": "2024-08-27"}, "provenance": "Syrskyi, 2024-08-27"}))
    (mt,) = [r for r in batch.results if r.path.endswith("003_5521c82fc0953d07.txt")]
    assert not any("retaken about a dozen" in c.quote for c in mt.claims)
    (fixed,) = [c for c in mt.claims if c.action == "controls" and c.settlement_count == 100]
    assert str(fixed.as_of) == "2024-08-27" and "Syrskyi" in fixed.as_of_basis and "corrected by" in fixed.origin


def test_a_report_date_given_by_hand_dates_the_relative_expressions(tmp_path):
    batch = _batch(tmp_path, (None, {"op": "report_date", "file": "002_f3b83dfb5465be27.txt",
                                     "report_date": "2024-08-14", "provenance": "SOURCES.md"}))
    (rt,) = [r for r in batch.results if r.path.endswith("002_f3b83dfb5465be27.txt")]
    assert str(rt.report_date) == "2024-08-14" and not rt.report_date_inferred
    invaded = [c for c in rt.claims if "invaded" in c.quote]
    assert invaded and all(str(c.as_of) == "2024-08-06" for c in invaded)


@pytest.mark.parametrize("props, reason", [
    ({"op": "rewrite", "provenance": "x"}, "op must be one of"),
    ({"op": "drop", "match": {"file": "a.txt"}}, "needs a provenance"),
    ({"op": "fix", "match": {"file": "a.txt"}, "set": {"colour": "red"}, "provenance": "x"}, "set must hold"),
    ({"op": "add", "side": "XX", "action": "controls", "claimant": "x", "as_of": "2024-08-01", "file": "a.txt",
      "provenance": "x"}, "side must be one of"),
    ({"op": "add", "side": "UA", "action": "controls", "claimant": "x", "as_of": "August", "file": "a.txt",
      "provenance": "x"}, "is not a date"),
    ({"op": "add", "side": "UA", "action": "controls", "claimant": "x", "as_of": "2024-08-01", "report_date": "2024-08-02",
      "publisher": "p", "url": "javascript:alert(1)", "provenance": "x"}, "not an http or https address"),
    ({"op": "add", "side": "UA", "action": "controls", "claimant": "x", "as_of": "2024-08-01", "report_date": "2024-08-02",
      "publisher": "p", "url": " https://example.org", "provenance": "x"}, "not an http or https address"),
])
def test_bad_corrections_say_which_entry_and_why(tmp_path, props, reason):
    with pytest.raises(InputError, match=reason) as info:
        read_corrections(_write(tmp_path, (None, props)))
    assert "feature #0" in str(info.value) and "\n" not in str(info.value)


def test_a_corrections_file_that_is_not_geojson(tmp_path):
    path = tmp_path / "corrections.geojson"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        read_corrections(path)


def test_the_seeds_own_corrections_apply():
    batch = claims_for([str(SEEDS)], corrections=[SEEDS / "corrections.geojson"])
    assert not batch.failures
    (mt,) = [r for r in batch.results if r.path.endswith("003_5521c82fc0953d07.txt")]
    assert any(str(c.as_of) == "2024-08-27" and c.area_km2 == 1300.0 for c in mt.claims)
