"""Stage 4, situation: claims -> the areas each side is claimed to hold, each saying how it was derived.

Takes every report's claims; gives :class:`~kursk_map.situation.areas.Situation`: drawn
areas (sourced, around named settlements, or matched to a claimed size) and the claims
that could not be drawn, with why. ``geometry`` is the one module that handles the
metric CRS and the (lat, lon) / (lon, lat) swap.
"""

from kursk_map.situation.areas import (
                                       KM2_PER_SETTLEMENT,
                                       DerivedArea,
                                       NotDrawn,
                                       Situation,
                                       derive_areas,
                                       held_at,
                                       map_date,
)

__all__ = ["derive_areas", "held_at", "map_date", "DerivedArea", "NotDrawn", "Situation", "KM2_PER_SETTLEMENT"]
