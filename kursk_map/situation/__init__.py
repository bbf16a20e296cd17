"""Stage 4, situation: claims -> what each claimant says each side holds, at each date, and why.

Takes every report's claims; gives a :class:`~kursk_map.situation.state.Situation`: the
settlement :class:`~kursk_map.situation.ledger.Ledger` (every named settlement's claimed
status over time), the :class:`~kursk_map.situation.holdings.Holding` of each side per voice
and for all claims at every date one changes (areas built from settlement cells, each listing
the claims it rests on), and the claims no area rests on, with why. ``geometry`` is the one
module that handles the metric CRS and the (lat, lon) / (lon, lat) swap; ``cells`` the ground
of each settlement.
"""

from kursk_map.situation.cells import Cell, Cells, theatre_cells
from kursk_map.situation.holdings import ALL, KM2_PER_SETTLEMENT, Basis, Figure, Holding
from kursk_map.situation.ledger import Ledger, LedgerEntry, build_ledger, claim_date, claimant_group
from kursk_map.situation.state import NotDrawn, Situation, map_date, situation_of

__all__ = ["situation_of", "map_date", "build_ledger", "claim_date", "claimant_group", "theatre_cells", "Situation",
           "NotDrawn", "Holding", "Basis", "Figure", "Ledger", "LedgerEntry", "Cell", "Cells", "ALL",
           "KM2_PER_SETTLEMENT"]
