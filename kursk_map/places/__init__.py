"""Stage 2, places: Article -> :class:`~kursk_map.model.GeoparseResult`.

Takes an article and the offline gazetteer; gives every place name it mentions resolved
to a gazetteer place (coordinates, and outlines for regions), with its role: ``location``,
or ``actor`` when the name stands for a government or army ("Kiev's forces"). Names it
cannot resolve are listed, never dropped. Modules, in the order they run: ``gazetteer``
and ``normalize`` (the data and its spelling-independent keys), ``recognition`` and
``names`` (finding names), ``candidates`` (looking them up), ``ranking``, ``regional`` and
``metonymy`` (choosing a place and a role: ``regional`` tells a regional capital's name from its
region's), ``geoparse`` (the three together), ``geocode`` (the
opt-in online fallback).
"""

from kursk_map.places.candidates import candidates
from kursk_map.places.gazetteer import DATA_DIR, Gazetteer, load_gazetteer
from kursk_map.places.geoparse import geoparse
from kursk_map.places.metonymy import CAPITALS, is_actor
from kursk_map.places.normalize import fold, name_key
from kursk_map.places.ranking import resolve
from kursk_map.places.recognition import Mention, recognise

__all__ = ["geoparse", "recognise", "candidates", "resolve", "Mention", "Gazetteer", "load_gazetteer", "DATA_DIR",
           "name_key", "fold", "is_actor", "CAPITALS"]
