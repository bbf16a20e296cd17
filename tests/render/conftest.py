"""The builds the browser tests look at: the seeds once per module, and the seeds plus hostile articles."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from kursk_map.build import build
from tests.conftest import SEEDS
from tests.render.pagetools import group_label

XSS_PUBLISHER = "Evil <b>News</b>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"
SCRIPT_PAYLOAD = "</script><script>alert(2)</script>"
XSS_ARTICLE = f"""Publisher: {XSS_PUBLISHER}
Date: 2024-09-01
URL: javascript:alert('km-url-1')//https://example.org/

Ukrainian forces control 500 square kilometres of the Kursk region {IMG_PAYLOAD} {SCRIPT_PAYLOAD} according to the General Staff.
"""
# folium puts popup HTML inside a JavaScript template literal: ${...} and \\` are code there.
TEMPLATE_PAYLOADS = ("${alert(3)}", "\\\\`+alert(4));//")
TEMPLATE_ARTICLE = f"""Publisher: Template News
Date: 2024-09-02
URL:  JaVaScRiPt:alert('km-url-2')

Ukrainian forces control 400 square kilometres of the Kursk region {' '.join(TEMPLATE_PAYLOADS)} according to the General Staff.
"""


def copy_seeds(target: Path) -> Path:
    shutil.copytree(SEEDS, target)
    assert (target / "corrections.geojson").is_file() and list(target.glob("*.meta"))
    return target



# -- builds, once per module ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("maps") / "out"
    result = build(SEEDS, out, self_contained=True)
    assert result.failures == ()
    return out


@pytest.fixture(scope="module")
def areas(built) -> list[dict]:
    return json.loads((built / "areas.geojson").read_text(encoding="utf-8"))["features"]


@pytest.fixture(scope="module")
def busiest(areas) -> str:
    """The report date with the most layers (side and claimant) to toggle."""
    groups = Counter(when for when, _ in {(f["properties"]["map_date"], group_label(f["properties"]))
                                          for f in areas})
    when, count = groups.most_common(1)[0]
    assert count >= 2, "the seeds should give a date with at least two claimants"
    return when


@pytest.fixture(scope="module")
def xss_built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    seeds = copy_seeds(root / "seeds")
    (seeds / "999_payload.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    (seeds / "998_template.txt").write_text(TEMPLATE_ARTICLE, encoding="utf-8")
    result = build(seeds, root / "out", self_contained=True)
    assert result.failures == ()
    return root / "out"

