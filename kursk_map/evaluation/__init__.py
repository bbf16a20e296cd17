"""The scorers: predicted places and claims against the gold annotations in tests/data/.

Not a stage of the pipeline: :mod:`~kursk_map.evaluation.places` scores the geoparser,
:mod:`~kursk_map.evaluation.claims` the claim extractor; both add up a
:class:`~kursk_map.evaluation.tally.Tally`.
"""

from kursk_map.evaluation.claims import ClaimScore, load_claims_gold, score_claims
from kursk_map.evaluation.places import Score, load_gold, score_file, total
from kursk_map.evaluation.tally import Tally

__all__ = ["Score", "score_file", "total", "load_gold", "ClaimScore", "score_claims", "load_claims_gold", "Tally"]
