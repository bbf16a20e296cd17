"""Deterministic element ids, so the same input gives byte-identical pages.

folium and branca name every element with a random id. branca 0.8 draws it from
``Element._generate_id`` (os.urandom) and DualMap copies the second map's children at
render time with ``folium.utilities.uuid.uuid4``: both are replaced by a counter while a
page is built *and* rendered.
"""

from __future__ import annotations

import itertools
import types
from contextlib import contextmanager
from unittest import mock

import folium.utilities
from branca.element import Element

__all__ = ["deterministic_ids"]


@contextmanager
def deterministic_ids():
    """Number element ids 1, 2, 3... (as 32 hex digits) inside the ``with`` block."""
    counter = itertools.count(1)

    def next_id() -> str:
        return f"{next(counter):032x}"

    fake_uuid = types.SimpleNamespace(uuid4=lambda: types.SimpleNamespace(hex=next_id()))
    with mock.patch.object(Element, "_generate_id", classmethod(lambda cls: next_id())), \
            mock.patch.object(folium.utilities, "uuid", fake_uuid):
        yield
