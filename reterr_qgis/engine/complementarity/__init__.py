"""Inter-territorial complementarity (specialisation, complementarity, flows, functional areas): filled by the complementarity theme."""

# Specialisation, diversity and complementarity (issue 10, algorithms 1 and 2).
from .complementarity import (
    BestPartners,
    ComplementarityResult,
    TerritoryPairs,
    best_partners,
    krugman_dissimilarity,
    pair_complementarity,
    pair_distance,
    pairs_from_adjacency,
    pairs_within_distance,
    split_balance,
)
from .naf import NafMapping, NafTable, load_naf, map_naf
from .specialisation import (
    SectorCounts,
    SpecialisationResult,
    count_matrix,
    sector_balance,
    sector_counts,
    specialisation_indices,
)

# Public names; the other parts of the theme extend it (``__all__ += [...]``).
__all__ = [
    "BestPartners",
    "ComplementarityResult",
    "NafMapping",
    "NafTable",
    "SectorCounts",
    "SpecialisationResult",
    "TerritoryPairs",
    "best_partners",
    "count_matrix",
    "krugman_dissimilarity",
    "load_naf",
    "map_naf",
    "pair_complementarity",
    "pair_distance",
    "pairs_from_adjacency",
    "pairs_within_distance",
    "sector_balance",
    "sector_counts",
    "specialisation_indices",
    "split_balance",
]
