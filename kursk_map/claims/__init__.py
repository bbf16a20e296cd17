"""Stage 3, claims: Article + resolved places -> :class:`~kursk_map.model.ArticleClaims`.

Takes an article and its geoparse; gives every statement of territorial control in it:
claimant and source chain, side, action, places, figures (km², settlements, fractions),
the date it is about, and whether it is a claim, a forecast or context. Modules:
``lexicon`` (the verbs of control, sides, forecasts), ``dates``, ``figures``,
``attribution``, ``extraction`` (the rules that tie them together), ``merging`` (one claim per
statement) and ``corrections``
(the user's own claims and fixes, applied after extraction).
"""

from kursk_map.claims.corrections import CORRECTIONS_NAME, Correction, apply_corrections, read_corrections
from kursk_map.claims.extraction import extract_claims, report_date

__all__ = ["extract_claims", "report_date", "read_corrections", "apply_corrections", "Correction",
           "CORRECTIONS_NAME"]
