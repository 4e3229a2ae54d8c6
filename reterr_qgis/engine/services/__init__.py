"""Access to services: the BPE vocabulary (:mod:`.bpe`), floating catchment methods (:mod:`.fca`)
and access indicators (:mod:`.access`).

The access indicators are importable from here; their travel times come from a cost source of
:mod:`..routing` (:class:`~..routing.StraightLineCosts`, :class:`~..routing.NetworkCosts`).
"""

from .access import (
    COVER_TIE_TOLERANCE,
    BasketResult,
    CoverResult,
    CoverStep,
    NearestByType,
    NearestTypeResult,
    PopulationBeyond,
    WhatIfResult,
    basket_access,
    greedy_max_cover,
    nearest_by_type,
    population_beyond,
    what_if,
)

__all__ = [
    "COVER_TIE_TOLERANCE",
    "BasketResult",
    "CoverResult",
    "CoverStep",
    "NearestByType",
    "NearestTypeResult",
    "PopulationBeyond",
    "WhatIfResult",
    "basket_access",
    "greedy_max_cover",
    "nearest_by_type",
    "population_beyond",
    "what_if",
]
