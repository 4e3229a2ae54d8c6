"""Travel on roads and in straight lines: speed tables, graph building, snapping, bounded searches
(compiled kernels or scipy), the graph cache, travel-cost sources and isochrones.

Modules, in the order a trip needs them:

* :mod:`.speeds` — default car speed tables and where each speed comes from;
* :mod:`.attributes` — line attributes to speeds and one-way codes, OSM tags;
* :mod:`.graph` — :class:`RoadGraph` and its builders;
* :mod:`.snap` — points to their nearest node, with an access time;
* :mod:`.search` — searches stopped at a cut-off (:func:`bounded_search`, :func:`bounded_costs`,
  :func:`od_matrix`, :func:`nearest`), the compiled kernels' switch and thread runner;
* :mod:`.cache` — graphs stored on disk under a stable key;
* :mod:`.costs` — straight-line pairs (:class:`CostPairs`, KD-tree joins);
* :mod:`.travel` — travel-cost sources for the indicators (:class:`StraightLineCosts`,
  :class:`NetworkCosts`);
* :mod:`.isochrones` — service-area polygons; it needs shapely, so it is not imported here:
  ``from reterr_qgis.engine.routing.isochrones import service_areas``.

Everything else below is importable from this package directly (``from ..engine import routing as
net``; ``net.build_graph_from_arrays(...)``).
"""

from .attributes import ONEWAY_VALUES, oneway_from_values, osm_tag_values, speeds_from_classes
from .cache import FORMAT_VERSION, graph_cache_key, load_graph, save_graph
from .costs import CostPairs, count_within, nearest_within, pairs_within, straight_line_minutes
from .graph import BUILDER_VERSION, GraphReport, RoadGraph, build_graph, build_graph_from_arrays
from .search import (
    MAX_SEARCH_WORKERS,
    NO_NUMBA_ENV,
    NearestResult,
    accelerated,
    bounded_costs,
    bounded_search,
    nearest,
    od_matrix,
    run_chunks,
    search_workers,
)
from .snap import SnapResult, snap_points
from .speeds import (
    BDTOPO_IMPORTANCE_SPEEDS,
    BDTOPO_NATURE_SPEEDS,
    BDTOPO_NON_CAR_NATURES,
    OSM_CAR_SPEEDS,
    OSM_NON_CAR_HIGHWAYS,
    SPEED_SOURCES,
)
from .travel import NetworkCosts, Places, PointsLike, StraightLineCosts, TravelCosts

__all__ = [
    "BDTOPO_IMPORTANCE_SPEEDS",
    "BDTOPO_NATURE_SPEEDS",
    "BDTOPO_NON_CAR_NATURES",
    "BUILDER_VERSION",
    "FORMAT_VERSION",
    "MAX_SEARCH_WORKERS",
    "NO_NUMBA_ENV",
    "ONEWAY_VALUES",
    "OSM_CAR_SPEEDS",
    "OSM_NON_CAR_HIGHWAYS",
    "SPEED_SOURCES",
    "CostPairs",
    "GraphReport",
    "NearestResult",
    "NetworkCosts",
    "Places",
    "PointsLike",
    "RoadGraph",
    "SnapResult",
    "StraightLineCosts",
    "TravelCosts",
    "accelerated",
    "bounded_costs",
    "bounded_search",
    "build_graph",
    "build_graph_from_arrays",
    "count_within",
    "graph_cache_key",
    "load_graph",
    "nearest",
    "nearest_within",
    "od_matrix",
    "oneway_from_values",
    "osm_tag_values",
    "pairs_within",
    "run_chunks",
    "save_graph",
    "search_workers",
    "snap_points",
    "speeds_from_classes",
    "straight_line_minutes",
]
