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

# Commuting flows, flow indicators and functional areas (issue 10, algorithms 3, 4 and 5).
from .flow_indicators import (
    FlowIndicators,
    FlowLines,
    select_flow_lines,
    territory_flow_indicators,
    zone_flow_indicators,
)
from .flows import (
    CommuneFlows,
    FlowReport,
    ZoneFlows,
    aggregate_flows,
    aggregate_matrix,
    flows_from_pairs,
    read_flow_file,
    reliability,
)
from .functional_areas import (
    ContiguityResult,
    LmaParameters,
    Partition,
    RegroupResult,
    ZoneCuts,
    area_statistics,
    compare_partitions,
    detect_communities,
    enforce_contiguity,
    lma_regroup,
    lma_validity,
    zone_cuts,
)

__all__ += [
    "CommuneFlows",
    "ContiguityResult",
    "FlowIndicators",
    "FlowLines",
    "FlowReport",
    "LmaParameters",
    "Partition",
    "RegroupResult",
    "ZoneCuts",
    "ZoneFlows",
    "aggregate_flows",
    "aggregate_matrix",
    "area_statistics",
    "compare_partitions",
    "detect_communities",
    "enforce_contiguity",
    "flows_from_pairs",
    "lma_regroup",
    "lma_validity",
    "read_flow_file",
    "reliability",
    "select_flow_lines",
    "territory_flow_indicators",
    "zone_cuts",
    "zone_flow_indicators",
]
