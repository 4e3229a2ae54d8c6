"""Road-network travel times: graph building, snapping and searches stopped at a cut-off.

The graph is built once from any line layer (one coordinate array per line part, a speed in km/h
and a one-way flag per line) and searched with Dijkstra, always with a cut-off so that a 30-minute
search settles only the nodes within 30 minutes instead of the whole graph (what QGIS's native
network tools and QNEAT3 do for each start point). Costs are **minutes** everywhere.

Two search paths give the same results (same dtypes, same sparse layout, to rounding):

* compiled kernels (:mod:`._kernels`) when numba is installed: they stop at the cut-off, cost the
  nodes they reach and not the size of the graph, release the GIL and run in several threads
  (:func:`search_workers`), several sources per thread between two progress/cancel checks;
* scipy's Dijkstra otherwise (or when the environment variable ``RETERR_NO_NUMBA=1`` is set): it
  holds the GIL and sets up arrays over the whole graph at each call.

:func:`accelerated` tells which one runs.

Conventions
-----------
* Nodes are the line ends and the vertices shared by several lines (or met twice by one line).
  Two lines that cross **without** a shared vertex are not connected: a bridge over a road is not a
  junction. Vertices are merged when they round to the same cell of a ``tolerance`` grid:
  identical coordinates always merge; two vertices closer than the tolerance but on either side of
  a cell border do not (a dangling end in the report shows such a miss).
* Every search measures **travel from an origin to a destination** along one-way streets. A
  "forward" search (``reverse=False``) gives the time from the given sources to each node; a
  reverse search runs on the transposed graph and gives the time from each node to the sources
  (e.g. from each home to the nearest GP).
* Results stay sparse: a stored entry is a reachable pair within the cut-off (possibly ``0.0``: a
  source's own node, two points snapped to the same node), a missing entry is "not reachable within
  the cut-off". Read the CSR arrays directly; never call ``eliminate_zeros`` on them.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Optional, TypeVar

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import sparse
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from .errors import QT_TRANSLATE_NOOP, Canceled, InputError

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
Progress = Optional[Callable[[float], None]]
IsCanceled = Optional[Callable[[], bool]]

#: Version of the on-disk graph format written by :func:`save_graph`; a file of another version is
#: treated as stale by :func:`load_graph` (the caller rebuilds it).
FORMAT_VERSION = 1

#: Version of the graph builder's rules (node numbering, snapping, lengths). Part of
#: :func:`graph_cache_key`, so that a cached graph built by older rules is rebuilt.
BUILDER_VERSION = 1

#: km/h → metres per minute.
_M_PER_MIN_PER_KMH = 1000.0 / 60.0

#: Dense distance block allowed per Dijkstra chunk (scipy returns one dense row per source).
_CHUNK_BYTES = 200e6

#: Environment variable: set to ``1`` to search with scipy even when numba is installed.
NO_NUMBA_ENV = "RETERR_NO_NUMBA"

#: Most threads of the compiled searches (each holds buffers over all the nodes: ~16 bytes/node).
MAX_SEARCH_WORKERS = 16

#: Most sources per chunk of the compiled searches (progress and cancellation are checked between
#: chunks: ~0.3 s of a 30-minute search on a million nodes).
_MAX_CHUNK = 32

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------
# Default speed tables
# ---------------------------------------------------------------------------------------------

#: Car speeds (km/h) for OSM ``highway`` values. See :data:`SPEED_SOURCES`.
OSM_CAR_SPEEDS: dict[str, float] = {
    "motorway": 110.0,
    "motorway_link": 60.0,
    "trunk": 90.0,
    "trunk_link": 50.0,
    "primary": 70.0,
    "primary_link": 40.0,
    "secondary": 60.0,
    "secondary_link": 40.0,
    "tertiary": 50.0,
    "tertiary_link": 30.0,
    "unclassified": 40.0,
    "road": 30.0,
    "residential": 30.0,
    "living_street": 20.0,
    "service": 20.0,
}

#: OSM ``highway`` values that are not driven by car: filter them out of a car network before
#: :func:`speeds_from_classes` (which would otherwise report them as unknown classes).
OSM_NON_CAR_HIGHWAYS: frozenset[str] = frozenset(
    {
        "footway",
        "path",
        "pedestrian",
        "steps",
        "cycleway",
        "bridleway",
        "track",
        "corridor",
        "elevator",
        "platform",
        "bus_stop",
        "busway",
        "bus_guideway",
        "construction",
        "proposed",
        "abandoned",
        "disused",
        "raceway",
        "escape",
        "via_ferrata",
        "rest_area",
        "services",
    }
)

#: Car speeds (km/h) for IGN BD TOPO ``troncon_de_route.nature``. See :data:`SPEED_SOURCES`.
BDTOPO_NATURE_SPEEDS: dict[str, float] = {
    "Type autoroutier": 110.0,
    "Route à 2 chaussées": 80.0,
    "Route à 1 chaussée": 50.0,
    "Bretelle": 50.0,
    "Rond-point": 30.0,
    "Place": 20.0,
    "Route empierrée": 20.0,
    "Chemin": 15.0,
}

#: BD TOPO natures that are not driven by car.
BDTOPO_NON_CAR_NATURES: frozenset[str] = frozenset(
    {"Sentier", "Escalier", "Piste cyclable", "Bac ou liaison maritime"}
)

#: Car speeds (km/h) for IGN BD TOPO ``troncon_de_route.importance`` (1 = main roads … 6 = local
#: tracks). See :data:`SPEED_SOURCES`.
BDTOPO_IMPORTANCE_SPEEDS: dict[str, float] = {
    "1": 100.0,
    "2": 80.0,
    "3": 65.0,
    "4": 50.0,
    "5": 35.0,
    "6": 20.0,
}

#: Where each default speed comes from. Shown in the algorithm help.
SPEED_SOURCES = """\
Default car speeds (km/h): realistic average running speeds, not speed limits.

Legal basis (French Code de la route, [K] not re-read): 130 km/h on motorways (110 in rain), 110 on
dual carriageways with a central reservation, 80 on other roads outside built-up areas since
1 July 2018 (decree 2018-487; since 2020 départements may restore 90 on their roads), 50 in
built-up areas, 30 in "zones 30", 20 in "zones de rencontre" (art. R110-2, R413-2, R413-3).

The defaults take the limit that applies to most of a class's length and lower it for junctions,
bends, crossings of villages and traffic (about 0.75-0.9 of the limit on main roads, lower on
local roads). Only the living_street value is a legal figure; every other value is [V]: to be
confirmed against measured speeds before a council document relies on it. For comparison, the
OSRM car profile [S: Project-OSRM car.lua speed_profile] uses motorway 90, trunk 85, primary 65,
secondary 55, tertiary 40, unclassified 25, residential 25, living_street 10, service 15.

OSM highway (OSM_CAR_SPEEDS):
  motorway 110 [V] limit 130 (110 in rain, often 110 near cities)
  trunk 90 [V] voies express 110, other trunk roads 80/90
  primary 70 [V] 80/90 outside built-up areas, 50 through towns
  secondary 60 [V] same limits, more bends and villages
  tertiary 50 [V]; unclassified 40 [V] narrow rural roads at 80
  residential 30 [V] limit 50, many zones 30; road (unknown type) 30 [V]
  living_street 20 [K] zone de rencontre limit; service 20 [V]
  links: motorway_link 60, trunk_link 50, primary_link 40, secondary_link 40, tertiary_link 30 [V]
  OSM implies oneway=yes on highway=motorway and junction=roundabout [S: OSM wiki Key:oneway].

IGN BD TOPO: prefer the field vitesse_moyenne_vl (IGN's average light-vehicle speed per road
section) as the speed field; the class tables are a fallback, all [V]:
  nature (BDTOPO_NATURE_SPEEDS): Type autoroutier 110, Route à 2 chaussées 80, Route à 1 chaussée
  50 (covers everything from departmental roads to streets: use importance or vitesse_moyenne_vl),
  Bretelle 50, Rond-point 30, Place 20, Route empierrée 20, Chemin 15.
  importance (BDTOPO_IMPORTANCE_SPEEDS): 1: 100, 2: 80, 3: 65, 4: 50, 5: 35, 6: 20.
  sens_de_circulation: Double sens / Sens direct / Sens inverse / Sans objet (no restriction).
"""

#: One-way values understood by :func:`oneway_from_values` (compared lower-cased and trimmed):
#: 1 = digitising direction only, -1 = reverse direction only, 0 = both ways.
ONEWAY_VALUES: dict[str, int] = {
    # OSM oneway=*
    "yes": 1,
    "true": 1,
    "1": 1,
    "1.0": 1,
    "-1": -1,
    "-1.0": -1,
    "reverse": -1,
    "no": 0,
    "false": 0,
    "0": 0,
    "0.0": 0,
    "": 0,
    # time-dependent directions: either way is possible at some time
    "alternating": 0,
    "reversible": 0,
    # IGN BD TOPO sens_de_circulation
    "double sens": 0,
    "sens direct": 1,
    "sens inverse": -1,
    "sans objet": 0,
}

# ---------------------------------------------------------------------------------------------
# Graph
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class GraphReport:
    """What :func:`build_graph` made of the lines, for the user.

    Attributes
    ----------
    n_nodes
        Junctions and line ends.
    n_edges
        Road segments between two nodes (a pair of nodes counted once, whatever the directions).
    n_arcs
        Directed arcs searched (a two-way segment gives two).
    n_components
        Weakly connected components (a one-way street still connects its two ends here).
    largest_component
        Nodes in the largest component.
    dangling_ends
        Nodes with a single neighbour (dead ends, or lines that miss a junction by more than the
        tolerance).
    total_length_km
        Length of the road segments used.
    n_lines
        Lines given.
    skipped_rows
        Lines with fewer than two distinct vertices (after snapping), left out.
    """

    n_nodes: int
    n_edges: int
    n_arcs: int
    n_components: int
    largest_component: int
    dangling_ends: int
    total_length_km: float
    n_lines: int
    skipped_rows: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (``skipped_rows`` as a list)."""
        out = asdict(self)
        out["skipped_rows"] = [int(r) for r in self.skipped_rows]
        return out


@dataclass(eq=False)
class RoadGraph:
    """A directed road graph with travel costs in minutes.

    Attributes
    ----------
    xy
        Node coordinates, ``(n_nodes, 2)`` float64, projected metres.
    adj
        Directed adjacency, ``(n_nodes, n_nodes)`` CSR; ``adj[i, j]`` is the time in minutes from
        node ``i`` to node ``j`` along one road segment (the fastest one if several join them).
    length_m
        Length in metres of each arc, aligned with ``adj.data``.
    arc_line
        Row of the input line each arc comes from, aligned with ``adj.data``.
    component
        Weakly connected component label of each node.
    report
        Summary for the user.
    """

    xy: FloatArray
    adj: sparse.csr_matrix
    length_m: FloatArray
    arc_line: IntArray
    component: NDArray[np.int32]
    report: GraphReport
    _reverse: Optional[sparse.csr_matrix] = field(default=None, init=False, repr=False)
    _trees: dict[bool, tuple[cKDTree, IntArray]] = field(
        default_factory=dict, init=False, repr=False
    )

    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return int(self.xy.shape[0])

    def reverse(self) -> sparse.csr_matrix:
        """The transposed adjacency (built once): searching it gives times *towards* the start."""
        if self._reverse is None:
            rev = self.adj.T.tocsr()
            rev.sort_indices()
            self._reverse = rev
        return self._reverse

    def adjacency(self, reverse: bool = False) -> sparse.csr_matrix:
        """``adj`` or its transpose."""
        return self.reverse() if reverse else self.adj

    def tree(self, largest_only: bool = False) -> tuple[cKDTree, IntArray]:
        """KD-tree of the nodes (or of the nodes of the largest component) and their node ids."""
        if largest_only not in self._trees:
            if largest_only:
                biggest = np.argmax(np.bincount(self.component)) if self.n_nodes else 0
                ids = np.flatnonzero(self.component == biggest).astype(np.int64)
            else:
                ids = np.arange(self.n_nodes, dtype=np.int64)
            self._trees[largest_only] = (cKDTree(self.xy[ids]), ids)
        return self._trees[largest_only]


def _tick(progress: Progress, value: float) -> None:
    if progress is not None:
        progress(float(min(max(value, 0.0), 1.0)))


def _check_canceled(is_canceled: IsCanceled) -> None:
    if is_canceled is not None and is_canceled():
        raise Canceled()


def build_graph(
    lines: Sequence[ArrayLike],
    speed_kmh: ArrayLike,
    oneway: ArrayLike | None = None,
    *,
    tolerance: float = 0.5,
    max_edge_m: float | None = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> RoadGraph:
    """Build the road graph of a set of polylines.

    Parameters
    ----------
    lines
        One ``(k_i, 2)`` coordinate array per line (multi-part features already split by the
        caller), in a projected CRS in metres. Z values, if any, must be dropped.
    speed_kmh
        Speed of each line in km/h (see :func:`speeds_from_classes`).
    oneway
        Per line, ``0`` both ways, ``1`` digitising direction only, ``-1`` reverse only (see
        :func:`oneway_from_values`); None for all two-way.
    tolerance
        Vertices that round to the same cell of a grid of this size (metres) are the same node.
    max_edge_m
        If given, the first vertex past every multiple of this length along a line also becomes a
        node, so that snapping finds entry points along long roads without junctions.
    progress, is_canceled
        Optional callbacks.

    Returns
    -------
    RoadGraph

    Notes
    -----
    Lengths are summed from the original vertices between two nodes; parallel segments between
    the same two nodes keep the fastest; zero-length segments and loops are dropped. Nodes are
    numbered along a Hilbert curve (close nodes get close numbers, which makes the searches'
    memory accesses local). Same as :func:`build_graph_from_arrays` after concatenating the lines.
    """
    n_lines = len(lines)
    arrays = [np.asarray(a, dtype=np.float64) for a in lines]
    bad = [i for i, a in enumerate(arrays) if a.size and (a.ndim != 2 or a.shape[1] != 2)]
    if bad:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{n} lines are not arrays of (x, y) vertices."),
            bad,
            n=len(bad),
        )
    counts = np.fromiter((a.shape[0] if a.size else 0 for a in arrays), np.int64, n_lines)
    coords = np.concatenate([a.reshape(-1, 2) for a in arrays]) if n_lines else np.zeros((0, 2))
    offsets = np.zeros(n_lines + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return build_graph_from_arrays(
        coords,
        offsets,
        speed_kmh,
        oneway,
        tolerance=tolerance,
        max_edge_m=max_edge_m,
        progress=progress,
        is_canceled=is_canceled,
    )


def build_graph_from_arrays(
    coords: ArrayLike,
    offsets: ArrayLike,
    speed_kmh: ArrayLike,
    oneway: ArrayLike | None = None,
    *,
    tolerance: float = 0.5,
    max_edge_m: float | None = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> RoadGraph:
    """Build the road graph from concatenated vertices (see :func:`build_graph`).

    Parameters
    ----------
    coords
        ``(n_vertices, 2)`` vertices of all lines, line after line.
    offsets
        ``(n_lines + 1,)`` start of each line in ``coords`` (and the total at the end), as from
        ``shapely.get_coordinates(geoms, return_index=True)`` turned into offsets.
    speed_kmh, oneway, tolerance, max_edge_m, progress, is_canceled
        As in :func:`build_graph`.

    Returns
    -------
    RoadGraph
    """
    xy_all = np.asarray(coords, dtype=np.float64).reshape(-1, 2)
    offsets = np.asarray(offsets, dtype=np.int64).ravel()
    n_lines = offsets.shape[0] - 1
    if (
        n_lines < 0
        or offsets[0] != 0
        or offsets[-1] != xy_all.shape[0]
        or np.any(np.diff(offsets) < 0)
    ):
        raise ValueError("offsets must start at 0, not decrease and end at len(coords)")
    if not (tolerance > 0 and np.isfinite(tolerance)):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The snapping tolerance must be a positive distance.")
        )
    if max_edge_m is not None and not (max_edge_m > 0):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The maximum edge length must be positive.")
        )
    speed = _per_line_float("speed", speed_kmh, n_lines)
    bad = np.flatnonzero(~(np.isfinite(speed) & (speed > 0)))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "{n} lines have a missing, zero or negative speed (km/h)."
            ),
            bad,
            n=bad.size,
        )
    if oneway is None:
        ow = np.zeros(n_lines, dtype=np.int8)
    else:
        ow_raw = _per_line_float("one-way", oneway, n_lines)
        bad = np.flatnonzero(~np.isin(ow_raw, (-1.0, 0.0, 1.0)))
        if bad.size:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "{n} lines have a one-way value other than 0, 1 or -1."
                ),
                bad,
                n=bad.size,
            )
        ow = ow_raw.astype(np.int8)
    lid_all = np.repeat(np.arange(n_lines, dtype=np.int64), np.diff(offsets))
    bad_xy = ~np.isfinite(xy_all).all(axis=1)
    if bad_xy.any():
        rows = np.unique(lid_all[bad_xy])
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{n} lines have missing or infinite coordinates."),
            rows,
            n=rows.size,
        )
    _tick(progress, 0.05)
    _check_canceled(is_canceled)

    # 1. Vertex keys: snap to the tolerance grid; one id per distinct key.
    vid_all, first_of_key = _snap_keys(xy_all, tolerance)
    _tick(progress, 0.35)
    _check_canceled(is_canceled)

    # 2. Drop consecutive repeats of a key within a line, then lines left with < 2 vertices.
    keep = np.ones(xy_all.shape[0], dtype=bool)
    keep[1:] = ~((lid_all[1:] == lid_all[:-1]) & (vid_all[1:] == vid_all[:-1]))
    per_line = np.bincount(lid_all[keep], minlength=n_lines)
    skipped = np.flatnonzero(per_line < 2)
    keep &= per_line[lid_all] >= 2
    xy, lid, vid = xy_all[keep], lid_all[keep], vid_all[keep]
    n_v = xy.shape[0]

    # 3. Nodes: line ends, vertices met more than once (by several lines or twice by one).
    first = np.ones(n_v, dtype=bool)
    first[1:] = lid[1:] != lid[:-1]
    last = np.ones(n_v, dtype=bool)
    last[:-1] = first[1:]
    occurrences = np.bincount(vid, minlength=first_of_key.shape[0])
    is_node = first | last | (occurrences[vid] >= 2)
    seg = np.zeros(n_v, dtype=np.float64)  # seg[i] = length from vertex i to i + 1 (same line)
    if n_v > 1:
        seg[:-1] = np.hypot(xy[1:, 0] - xy[:-1, 0], xy[1:, 1] - xy[:-1, 1])
        seg[:-1][last[:-1]] = 0.0
    if max_edge_m is not None and n_v:
        cum = np.concatenate(([0.0], np.cumsum(seg)[:-1]))  # distance from the array start
        along = cum - cum[np.flatnonzero(first)][np.cumsum(first) - 1]
        bucket = np.floor(along / max_edge_m)
        is_node[1:] |= ~first[1:] & (bucket[1:] != bucket[:-1])
    _tick(progress, 0.5)
    _check_canceled(is_canceled)

    # 4. Edges between consecutive node-vertices of a line; length summed over the segments.
    node_key = np.zeros(first_of_key.shape[0], dtype=bool)
    node_key[vid[is_node]] = True
    node_keys = np.flatnonzero(node_key)
    node_of_key = np.full(first_of_key.shape[0], -1, dtype=np.int64)
    node_xy = xy_all[first_of_key[node_keys]]
    # Number the nodes along a Hilbert curve: neighbours get close numbers, which keeps the
    # search's memory accesses local (a full search runs ~1.7x faster than in x order).
    order = np.argsort(_hilbert_index(node_xy), kind="stable")
    node_xy = node_xy[order]
    node_of_key[node_keys[order]] = np.arange(node_keys.shape[0])
    n_nodes = node_keys.shape[0]
    pos = np.flatnonzero(is_node)
    if pos.shape[0] >= 2:
        sums = np.add.reduceat(seg, pos)[:-1]
        same = lid[pos[:-1]] == lid[pos[1:]]
        u = node_of_key[vid[pos[:-1]][same]]
        v = node_of_key[vid[pos[1:]][same]]
        length = sums[same]
        line = lid[pos[:-1]][same]
    else:
        u = v = line = np.zeros(0, dtype=np.int64)
        length = np.zeros(0)
    ok = (u != v) & (length > 0)
    u, v, length, line = u[ok], v[ok], length[ok], line[ok]
    if u.shape[0] == 0:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The network has no road segment of non-zero length.")
        )
    total_km = float(length.sum() / 1000.0)
    _tick(progress, 0.65)
    _check_canceled(is_canceled)

    # 5. Directed arcs, fastest of parallel arcs, CSR.
    cost = length / (speed[line] * _M_PER_MIN_PER_KMH)
    fwd = ow[line] >= 0
    bwd = ow[line] <= 0
    src = np.concatenate((u[fwd], v[bwd]))
    dst = np.concatenate((v[fwd], u[bwd]))
    a_cost = np.concatenate((cost[fwd], cost[bwd]))
    a_len = np.concatenate((length[fwd], length[bwd]))
    a_line = np.concatenate((line[fwd], line[bwd]))
    key = src * n_nodes + dst
    order = np.lexsort((a_cost, key))
    key = key[order]
    best = np.ones(key.shape[0], dtype=bool)
    best[1:] = key[1:] != key[:-1]
    sel = order[best]
    src, dst, a_cost, a_len, a_line = src[sel], dst[sel], a_cost[sel], a_len[sel], a_line[sel]
    indptr = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n_nodes), out=indptr[1:])
    adj = _csr(a_cost, dst, indptr, (n_nodes, n_nodes))
    _tick(progress, 0.85)
    _check_canceled(is_canceled)

    # 6. Report.
    n_comp, labels = connected_components(adj, directed=True, connection="weak")
    lo, hi = np.minimum(src, dst), np.maximum(src, dst)
    pair = np.unique(lo * n_nodes + hi)
    degree = np.bincount(pair // n_nodes, minlength=n_nodes) + np.bincount(
        pair % n_nodes, minlength=n_nodes
    )
    report = GraphReport(
        n_nodes=int(n_nodes),
        n_edges=int(pair.shape[0]),
        n_arcs=int(adj.nnz),
        n_components=int(n_comp),
        largest_component=int(np.bincount(labels).max()),
        dangling_ends=int(np.count_nonzero(degree == 1)),
        total_length_km=total_km,
        n_lines=int(n_lines),
        skipped_rows=skipped.astype(np.int64),
    )
    _tick(progress, 1.0)
    return RoadGraph(
        xy=node_xy,
        adj=adj,
        length_m=a_len,
        arc_line=a_line.astype(np.int64),
        component=labels.astype(np.int32),
        report=report,
    )


def _per_line_float(name: str, values: ArrayLike, n: int) -> FloatArray:
    try:
        arr = np.asarray(values, dtype=np.float64).ravel()
    except (TypeError, ValueError):
        arr = np.array([_to_float(v) for v in np.asarray(values, dtype=object).ravel()])
    if arr.shape[0] != n:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "'{field}' has {got} values, expected {expected}."),
            field=name,
            got=arr.shape[0],
            expected=n,
        )
    return arr


def _to_float(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _snap_keys(xy: FloatArray, tolerance: float) -> tuple[IntArray, IntArray]:
    """Id of the grid cell of each vertex (0..k-1) and the first vertex of each id."""
    if xy.shape[0] == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    q = np.floor((xy - xy.min(axis=0)) / tolerance + 0.5).astype(np.int64)
    span = q.max(axis=0) + 1
    if float(span[0]) * float(span[1]) < 2.0**62:
        key = q[:, 0] * span[1] + q[:, 1]
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    else:  # huge extent for the tolerance: sort the pairs of cell numbers
        _, first, inverse = np.unique(q, axis=0, return_index=True, return_inverse=True)
    return inverse.astype(np.int64).ravel(), first.astype(np.int64)


def _hilbert_index(xy: FloatArray, bits: int = 16) -> IntArray:
    """Position of each point along a Hilbert curve over its bounding square (2**bits cells)."""
    if xy.shape[0] == 0:
        return np.zeros(0, dtype=np.int64)
    side = 1 << bits
    lo = xy.min(axis=0)
    extent = float(np.max(xy.max(axis=0) - lo)) or 1.0
    cells = np.minimum(((xy - lo) / extent * side).astype(np.int64), side - 1)
    x, y = cells[:, 0].copy(), cells[:, 1].copy()
    d = np.zeros(xy.shape[0], dtype=np.int64)
    s = side >> 1
    while s > 0:
        rx = (x & s) > 0
        ry = (y & s) > 0
        d += s * s * ((3 * rx.astype(np.int64)) ^ ry.astype(np.int64))
        flip = ~ry & rx
        x[flip] = side - 1 - x[flip]
        y[flip] = side - 1 - y[flip]
        swap = ~ry
        x[swap], y[swap] = y[swap], x[swap].copy()
        s >>= 1
    return d


def _csr(
    data: FloatArray, indices: ArrayLike, indptr: ArrayLike, shape: tuple[int, int]
) -> sparse.csr_matrix:
    """CSR from arrays already sorted by row then column; explicit zeros are kept."""
    idx = np.asarray(indices)
    ptr = np.asarray(indptr)
    small = max(shape) < 2**31 - 1 and data.shape[0] < 2**31 - 1
    itype = np.int32 if small else np.int64
    m = sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), idx.astype(itype), ptr.astype(itype)),
        shape=shape,
        copy=False,
    )
    m.has_sorted_indices = True
    return m


# ---------------------------------------------------------------------------------------------
# Attributes → speeds and directions
# ---------------------------------------------------------------------------------------------


def _normalise(values: ArrayLike) -> tuple[NDArray[np.str_], NDArray[np.bool_]]:
    """Lower-cased, trimmed strings of ``values`` and the mask of nulls (None, NaN)."""
    arr = np.asarray(values, dtype=object).ravel()
    null = np.equal(arr, None) | np.not_equal(arr, arr)
    text = np.where(null, "", arr).astype(str)
    return np.char.lower(np.char.strip(text)), null


def speeds_from_classes(
    classes: ArrayLike,
    table: Mapping[str, float],
    default: float | None = None,
) -> FloatArray:
    """Speed in km/h of each line from its road class.

    Parameters
    ----------
    classes
        Road class of each line (e.g. OSM ``highway``, BD TOPO ``nature`` or ``importance``);
        compared with the table keys trimmed and case-insensitively. None/NaN is a null class.
    table
        Class → km/h, e.g. :data:`OSM_CAR_SPEEDS`, :data:`BDTOPO_NATURE_SPEEDS`.
    default
        Speed for classes missing from the table (and nulls); None to report them as an error.

    Returns
    -------
    numpy.ndarray
        float64 km/h per line.

    Raises
    ------
    InputError
        Classes absent from the table when no default is given (rows and values named).
    """
    lookup: dict[str, float] = {}
    for k, v in table.items():
        speed = float(v)
        if not (np.isfinite(speed) and speed > 0):
            raise InputError(
                QT_TRANSLATE_NOOP("ReterrEngine", "Speed table: '{cls}' has no positive speed."),
                cls=k,
            )
        lookup[str(k).strip().lower()] = speed
    if default is not None and not (np.isfinite(default) and default > 0):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The default speed must be positive (km/h).")
        )
    text, null = _normalise(classes)
    uniq, inverse = np.unique(text, return_inverse=True)
    u_speed = np.array([lookup.get(u, np.nan) for u in uniq], dtype=np.float64)
    out = u_speed[inverse]
    out[null] = np.nan
    missing = np.isnan(out)
    if missing.any():
        if default is None:
            rows = np.flatnonzero(missing)
            raw = np.asarray(classes, dtype=object).ravel()[rows]
            names = sorted({"NULL" if n else str(r) for r, n in zip(raw, null[rows])})
            shown = ", ".join(names[:20]) + (", …" if len(names) > 20 else "")
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "{n} lines have a road class with no speed: {values}."
                ),
                rows,
                n=rows.size,
                values=shown,
            )
        out[missing] = float(default)
    return out


def oneway_from_values(
    values: ArrayLike | None,
    *,
    highway: ArrayLike | None = None,
    junction: ArrayLike | None = None,
    n: int | None = None,
) -> NDArray[np.int8]:
    """Direction code of each line from a one-way attribute.

    Parameters
    ----------
    values
        OSM ``oneway`` (``yes``, ``true``, ``1``, ``-1``, ``reverse``, ``no``, ``false``, ``0``,
        ``alternating`` and ``reversible`` as two-way, null) or BD TOPO ``sens_de_circulation``
        (``Double sens``, ``Sens direct``, ``Sens inverse``, ``Sans objet``); numbers -1/0/1 too.
        None when the layer has no such field (then ``n`` gives the number of lines).
    highway, junction
        Optional OSM tags: a null ``oneway`` is one-way (digitising direction) on
        ``highway=motorway`` and ``junction=roundabout``/``circular``, as OSM implies.
    n
        Number of lines when ``values`` is None.

    Returns
    -------
    numpy.ndarray
        int8 per line: 0 both ways, 1 digitising direction only, -1 reverse only.

    Raises
    ------
    InputError
        Values that are none of the above (rows and values named).
    """
    if values is None:
        if n is None:
            if highway is None and junction is None:
                raise ValueError("give the values, the OSM tags or n")
            n = np.asarray(highway if highway is not None else junction, dtype=object).size
        text = np.full(int(n), "", dtype=str)
        null = np.ones(int(n), dtype=bool)
    else:
        text, null = _normalise(values)
    uniq, inverse = np.unique(text, return_inverse=True)
    u_code = np.array([ONEWAY_VALUES.get(u, 99) for u in uniq], dtype=np.int16)
    code = u_code[inverse]
    bad = np.flatnonzero(code == 99)
    if bad.size:
        raw = np.asarray(values, dtype=object).ravel()[bad]
        names = sorted({str(r) for r in raw})
        shown = ", ".join(names[:20]) + (", …" if len(names) > 20 else "")
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{n} lines have an unknown one-way value: {values}."),
            bad,
            n=bad.size,
            values=shown,
        )
    unset = null | (text == "")
    implied = np.zeros(code.shape[0], dtype=bool)
    for tags, names in ((highway, ("motorway",)), (junction, ("roundabout", "circular"))):
        if tags is not None:
            t, _ = _normalise(tags)
            if t.shape[0] != code.shape[0]:
                raise ValueError("OSM tags must have one value per line")
            implied |= np.isin(t, names)
    code[unset & implied] = 1
    return code.astype(np.int8)


_TAG = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')


def osm_tag_values(other_tags: ArrayLike, key: str) -> NDArray[np.object_]:
    """Value of one OSM tag from GDAL's ``other_tags`` (hstore text ``"k"=>"v","k2"=>"v2"``).

    Parameters
    ----------
    other_tags
        The ``other_tags`` field of GDAL's OSM driver, one string (or null) per feature.
    key
        Tag name, e.g. ``"oneway"``, ``"junction"``, ``"maxspeed"``.

    Returns
    -------
    numpy.ndarray
        Object array: the tag's value, or None where absent.
    """
    arr = np.asarray(other_tags, dtype=object).ravel()
    out = np.full(arr.shape[0], None, dtype=object)
    needle = f'"{key}"=>'
    for i, text in enumerate(arr):
        if isinstance(text, str) and needle in text:
            for k, v in _TAG.findall(text):
                if k == key:
                    out[i] = v.replace('\\"', '"').replace("\\\\", "\\")
                    break
    return out


# ---------------------------------------------------------------------------------------------
# Snapping
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class SnapResult:
    """Network entry of each point.

    Attributes
    ----------
    node
        Node index, -1 where the nearest node is farther than ``max_distance_m``.
    distance_m
        Straight-line distance to that node (inf where not snapped).
    access_min
        Time to walk/drive that distance at the access speed, minutes (inf where not snapped).
    """

    node: IntArray
    distance_m: FloatArray
    access_min: FloatArray

    @property
    def unsnapped(self) -> IntArray:
        """Rows of the points too far from the network."""
        return np.flatnonzero(self.node < 0)


def snap_points(
    graph: RoadGraph,
    xy: ArrayLike,
    *,
    max_distance_m: float,
    access_speed_kmh: float = 15.0,
    largest_component_only: bool = False,
) -> SnapResult:
    """Snap points to their nearest network node.

    Parameters
    ----------
    graph
        The network.
    xy
        ``(n, 2)`` point coordinates in the graph's CRS.
    max_distance_m
        Points whose nearest node is farther are not snapped (node -1): the caller reports them.
    access_speed_kmh
        Speed over the straight line between a point and its node (15 km/h by default: slow
        driving on a driveway or a car park, a fast walk being 5).
    largest_component_only
        Snap only to nodes of the largest connected component, so that a point is never attached
        to a small island of the network (an unconnected car park, a mis-digitised street).

    Returns
    -------
    SnapResult
    """
    pts = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    bad = np.flatnonzero(~np.isfinite(pts).all(axis=1))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{n} points have missing coordinates."),
            bad,
            n=bad.size,
        )
    if not (max_distance_m > 0):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The maximum snapping distance must be positive.")
        )
    if not (np.isfinite(access_speed_kmh) and access_speed_kmh > 0):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The access speed must be positive (km/h).")
        )
    tree, ids = graph.tree(largest_component_only)
    dist, idx = tree.query(pts, k=1, distance_upper_bound=float(max_distance_m), workers=-1)
    dist = np.asarray(dist, dtype=np.float64).ravel()
    idx = np.asarray(idx, dtype=np.int64).ravel()
    found = np.isfinite(dist)
    node = np.full(pts.shape[0], -1, dtype=np.int64)
    node[found] = ids[idx[found]]
    access = np.where(found, dist / (access_speed_kmh * _M_PER_MIN_PER_KMH), np.inf)
    return SnapResult(node=node, distance_m=np.where(found, dist, np.inf), access_min=access)


# ---------------------------------------------------------------------------------------------
# Searches
# ---------------------------------------------------------------------------------------------

_KERNELS: Optional[ModuleType] = None
_KERNELS_TRIED = False
_KERNELS_LOCK = threading.Lock()


def _kernels() -> Optional[ModuleType]:
    """The compiled kernels module, imported once; None when numba is missing or unusable."""
    global _KERNELS, _KERNELS_TRIED
    if not _KERNELS_TRIED:
        with _KERNELS_LOCK:
            if not _KERNELS_TRIED:
                try:
                    from . import _kernels as kernels

                    kernels.self_check()
                except Exception:  # numba missing, or unusable here (broken LLVM, no cache dir)
                    kernels = None
                _KERNELS = kernels
                _KERNELS_TRIED = True
    return _KERNELS


def accelerated() -> bool:
    """True when the searches run on the compiled kernels (numba), False for scipy's Dijkstra.

    False when numba cannot be imported or its kernels fail a first check, or when the environment
    variable ``RETERR_NO_NUMBA`` is set to anything but ``""`` or ``"0"`` (read at each call). The
    first call of a process loads the kernels from numba's disk cache, or compiles them (a few
    seconds, once per machine and numba version).
    """
    if os.environ.get(NO_NUMBA_ENV, "").strip() not in ("", "0"):
        return False
    return _kernels() is not None


def search_workers() -> int:
    """Threads of the compiled searches: the CPUs this process may use, at most
    :data:`MAX_SEARCH_WORKERS`."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        n = os.cpu_count() or 1
    return max(1, min(MAX_SEARCH_WORKERS, n))


def _run_chunks(
    n_items: int,
    n_nodes: int,
    work: Callable[[int, int, Any], T],
    progress: Progress,
    is_canceled: IsCanceled,
) -> list[T]:
    """``work(start, stop, workspace)`` over chunks of ``range(n_items)``, in worker threads.

    Each call gets a workspace of the kernels (buffers over ``n_nodes`` nodes) that no other
    thread uses meanwhile. Results come back in chunk order. Cancellation is checked before each
    chunk is waited for (the chunks already running finish, the others are dropped); progress is
    ticked as chunks complete, from the calling thread only.
    """
    kernels = _kernels()
    assert kernels is not None
    workers = search_workers()
    size = max(1, min(_MAX_CHUNK, math.ceil(n_items / (4 * workers))))
    bounds = [(a, min(n_items, a + size)) for a in range(0, n_items, size)]

    def job(start: int, stop: int) -> T:
        ws = kernels.POOL.acquire(n_nodes)
        result = work(start, stop, ws)
        kernels.POOL.release(ws)  # not after an error: its buffers may be dirty
        return result

    results: list[T] = []
    if workers == 1 or len(bounds) <= 1:
        for start, stop in bounds:
            _check_canceled(is_canceled)
            results.append(job(start, stop))
            _tick(progress, stop / n_items)
        return results
    pool = ThreadPoolExecutor(max_workers=min(workers, len(bounds)))
    try:
        futures = [pool.submit(job, start, stop) for start, stop in bounds]
        for fut, (_, stop) in zip(futures, bounds):
            _check_canceled(is_canceled)
            results.append(fut.result())
            _tick(progress, stop / n_items)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return results


def _check_cutoff(cutoff: float) -> float:
    c = float(cutoff)
    if not (c >= 0):  # also refuses NaN; inf is allowed (no cut-off)
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "The cut-off must be a positive time."))
    return c


def _check_nodes(graph: RoadGraph, nodes: ArrayLike, name: str) -> IntArray:
    arr = np.asarray(nodes, dtype=np.int64).ravel()
    if arr.size and (arr.min() < -1 or arr.max() >= graph.n_nodes):
        raise ValueError(f"{name}: node indices must be -1 or in [0, {graph.n_nodes})")
    return arr


def _check_access(access: ArrayLike | None, nodes: IntArray, name: str) -> FloatArray:
    if access is None:
        return np.zeros(nodes.shape[0], dtype=np.float64)
    acc = np.asarray(access, dtype=np.float64).ravel()
    if acc.shape[0] != nodes.shape[0]:
        raise ValueError(f"{name}: one access cost per node expected")
    bad = (nodes >= 0) & ~(np.isfinite(acc) & (acc >= 0))
    if bad.any():
        raise ValueError(f"{name}: access costs of snapped points must be finite and >= 0")
    return acc


def _chunk_size(n_nodes: int, extra_cols: int = 0) -> int:
    return max(1, int(_CHUNK_BYTES // (8 * max(1, n_nodes + extra_cols))))


def _gather_rows(m: sparse.csr_matrix, rows: IntArray, n_rows_out: int) -> sparse.csr_matrix:
    """Rows ``rows`` of ``m`` (-1 → empty row), keeping explicit zeros."""
    valid = rows >= 0
    counts = np.zeros(n_rows_out, dtype=np.int64)
    starts = m.indptr[:-1].astype(np.int64)
    counts[valid] = np.diff(m.indptr)[rows[valid]]
    indptr = np.zeros(n_rows_out + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    total = int(indptr[-1])
    src_start = np.zeros(n_rows_out, dtype=np.int64)
    src_start[valid] = starts[rows[valid]]
    pos = np.arange(total, dtype=np.int64) - np.repeat(indptr[:-1] - src_start, counts)
    return _csr(m.data[pos], m.indices[pos], indptr, (n_rows_out, m.shape[1]))


def bounded_costs(
    graph: RoadGraph,
    sources: ArrayLike,
    cutoff: float,
    *,
    reverse: bool = False,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> sparse.csr_matrix:
    """Travel times from each source node to every node reachable within the cut-off.

    Parameters
    ----------
    graph
        The network.
    sources
        Source node indices (-1 gives an empty row; repeated sources are searched once).
    cutoff
        Maximum time in minutes (inclusive); ``inf`` for no cut-off.
    reverse
        False: time from the source to each node. True: time from each node to the source
        (search on the transposed graph).
    progress, is_canceled
        Optional callbacks, checked between chunks of sources.

    Returns
    -------
    scipy.sparse.csr_matrix
        ``(n_sources, n_nodes)``; stored entries are the reachable nodes (the source's own node at
        ``0.0``, stored explicitly), absent entries are beyond the cut-off or unreachable.
    """
    cutoff = _check_cutoff(cutoff)
    src = _check_nodes(graph, sources, "sources")
    uniq, inverse = np.unique(src[src >= 0], return_inverse=True)
    row_of = np.full(src.shape[0], -1, dtype=np.int64)
    row_of[src >= 0] = inverse
    adj = graph.adjacency(reverse)
    if accelerated():
        per_unique = _bounded_compiled(adj, uniq, cutoff, progress, is_canceled)
    else:
        per_unique = _bounded_scipy(adj, uniq, cutoff, progress, is_canceled)
    if uniq.shape[0] == src.shape[0] and np.array_equal(uniq, src):
        return per_unique
    return _gather_rows(per_unique, row_of, src.shape[0])


def _bounded_compiled(
    adj: sparse.csr_matrix,
    uniq: IntArray,
    cutoff: float,
    progress: Progress,
    is_canceled: IsCanceled,
) -> sparse.csr_matrix:
    """:func:`bounded_costs` of distinct sources with the compiled kernels."""
    kernels = _kernels()
    assert kernels is not None
    n = adj.shape[0]
    k = uniq.shape[0]
    sources = uniq.astype(np.int64)
    limits = np.full(k, cutoff)

    def work(start: int, stop: int, ws: Any) -> tuple[IntArray, NDArray[Any], FloatArray]:
        offsets, nodes, costs, ws.heap_key, ws.heap_node = kernels.bounded_rows(
            adj.indptr,
            adj.indices,
            adj.data,
            sources[start:stop],
            limits[start:stop],
            ws.dist,
            ws.touched,
            ws.tmp,
            ws.heap_key,
            ws.heap_node,
            ws.n_bits,
        )
        return offsets, nodes, costs

    parts = _run_chunks(k, n, work, progress, is_canceled) if k else []
    indptr = np.zeros(k + 1, dtype=np.int64)
    if parts:
        np.cumsum(np.concatenate([np.diff(p[0]) for p in parts]), out=indptr[1:])
        cols = np.concatenate([p[1] for p in parts])
        vals = np.concatenate([p[2] for p in parts])
    else:
        cols, vals = np.zeros(0, np.int32), np.zeros(0)
    return _csr(vals, cols, indptr, (k, n))


def _bounded_scipy(
    adj: sparse.csr_matrix,
    uniq: IntArray,
    cutoff: float,
    progress: Progress,
    is_canceled: IsCanceled,
) -> sparse.csr_matrix:
    """:func:`bounded_costs` of distinct sources with scipy's Dijkstra."""
    n = adj.shape[0]
    step = _chunk_size(n)
    rows_l: list[IntArray] = []
    cols_l: list[NDArray[np.int32]] = []
    vals_l: list[FloatArray] = []
    for start in range(0, uniq.shape[0], step):
        _check_canceled(is_canceled)
        block = dijkstra(adj, directed=True, indices=uniq[start : start + step], limit=cutoff)
        flat = block.ravel()
        hit = np.flatnonzero(flat != np.inf)  # one pass; faster than nonzero(isfinite(...))
        vals_l.append(flat[hit])
        r = hit // n
        rows_l.append(r + start)
        cols_l.append((hit - r * n).astype(np.int32))
        del block, flat
        _tick(progress, (start + step) / max(1, uniq.shape[0]))
    if rows_l:
        rows = np.concatenate(rows_l)
        cols = np.concatenate(cols_l)
        vals = np.concatenate(vals_l)
    else:
        rows, cols, vals = np.zeros(0, np.int64), np.zeros(0, np.int32), np.zeros(0)
    indptr = np.zeros(uniq.shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=uniq.shape[0]), out=indptr[1:])
    return _csr(vals, cols, indptr, (uniq.shape[0], n))


def _groups(nodes: IntArray, access: FloatArray) -> tuple[IntArray, IntArray, IntArray, FloatArray]:
    """Points grouped by node: unique nodes, group starts, members (point rows), min access."""
    rows = np.flatnonzero(nodes >= 0)
    order = rows[np.argsort(nodes[rows], kind="stable")]
    sorted_nodes = nodes[order]
    uniq, starts = np.unique(sorted_nodes, return_index=True)
    min_acc = (
        np.minimum.reduceat(access[order], starts) if uniq.size else np.zeros(0, dtype=np.float64)
    )
    return uniq, starts.astype(np.int64), order.astype(np.int64), min_acc


def _expand(group: IntArray, starts: IntArray, counts: IntArray, members: IntArray):
    """For entries in ``group``, (entry index, member row) of every member of the group."""
    k = counts[group]
    entry = np.repeat(np.arange(group.shape[0], dtype=np.int64), k)
    offset = np.arange(entry.shape[0], dtype=np.int64) - np.repeat(np.cumsum(k) - k, k)
    return entry, members[starts[group][entry] + offset]


def od_matrix(
    graph: RoadGraph,
    origin_nodes: ArrayLike,
    origin_access: ArrayLike | None,
    dest_nodes: ArrayLike,
    dest_access: ArrayLike | None,
    cutoff: float,
    *,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> sparse.csr_matrix:
    """Origin → destination travel times within a cut-off.

    ``t_ij = access_i + network(node_i → node_j) + access_j`` for every pair with ``t_ij <=
    cutoff``. The searches start from whichever side has fewer distinct nodes (from the
    destinations on the transposed graph if they are fewer): the times are the same.

    Parameters
    ----------
    graph
        The network.
    origin_nodes, dest_nodes
        Snapped node of each origin/destination (-1: not snapped, no pair).
    origin_access, dest_access
        Access time of each point to its node in minutes (None for zeros).
    cutoff
        Maximum total time in minutes (inclusive); ``inf`` for no cut-off.
    progress, is_canceled
        Optional callbacks, checked between chunks of searches.

    Returns
    -------
    scipy.sparse.csr_matrix
        ``(n_origins, n_destinations)`` minutes; absent pairs are unreachable within the cut-off
        (the caller reports them); explicit zeros are real zero times.
    """
    cutoff = _check_cutoff(cutoff)
    o_nodes = _check_nodes(graph, origin_nodes, "origin_nodes")
    d_nodes = _check_nodes(graph, dest_nodes, "dest_nodes")
    o_acc = _check_access(origin_access, o_nodes, "origin_access")
    d_acc = _check_access(dest_access, d_nodes, "dest_access")
    shape = (o_nodes.shape[0], d_nodes.shape[0])
    go = _groups(o_nodes, o_acc)
    gd = _groups(d_nodes, d_acc)
    forward = go[0].shape[0] <= gd[0].shape[0]
    (s_nodes, s_starts, s_members, s_min), s_acc = (go, o_acc) if forward else (gd, d_acc)
    (t_nodes, t_starts, t_members, t_min), t_acc = (gd, d_acc) if forward else (go, o_acc)
    s_counts = np.diff(np.append(s_starts, s_members.shape[0]))
    t_counts = np.diff(np.append(t_starts, t_members.shape[0]))
    adj = graph.adjacency(reverse=not forward)
    pairs_s: list[IntArray] = []
    pairs_t: list[IntArray] = []
    pairs_v: list[FloatArray] = []
    n_s = s_nodes.shape[0]

    def point_pairs(
        gs: IntArray, c: IntArray, node_cost: FloatArray
    ) -> tuple[IntArray, IntArray, FloatArray]:
        """Pairs of points (source side, target side, total time) of reached node pairs
        (source group, target group, network time), within the cut-off."""
        e1, s_pt = _expand(gs, s_starts, s_counts, s_members)
        e2, t_pt = _expand(c[e1], t_starts, t_counts, t_members)
        s_pt = s_pt[e2]
        total = node_cost[e1][e2] + s_acc[s_pt] + t_acc[t_pt]
        keep = total <= cutoff
        return s_pt[keep], t_pt[keep], total[keep]

    if t_nodes.shape[0] and accelerated():
        for ps, pt, pv in _od_compiled(
            adj, s_nodes, s_min, t_nodes, t_min, cutoff, point_pairs, progress, is_canceled
        ):
            pairs_s.append(ps)
            pairs_t.append(pt)
            pairs_v.append(pv)
    elif t_nodes.shape[0]:
        t_floor = float(t_min.min())
        step = _chunk_size(graph.n_nodes, t_nodes.shape[0])
        for start in range(0, n_s, step):
            _check_canceled(is_canceled)
            stop = min(n_s, start + step)
            limit = cutoff - float(s_min[start:stop].min()) - t_floor
            if limit >= 0:
                block = dijkstra(adj, directed=True, indices=s_nodes[start:stop], limit=limit)
                sub = block[:, t_nodes]
                del block
                # Reached node pairs that can hold a pair of points within the cut-off (the
                # isfinite test matters for an infinite cut-off: inf <= inf).
                lower = sub + s_min[start:stop, None] + t_min[None, :]
                r, c = np.nonzero((lower <= cutoff) & np.isfinite(sub))
                del lower
                node_cost = sub[r, c]
                del sub
                ps, pt, pv = point_pairs(r + start, c, node_cost)
                pairs_s.append(ps)
                pairs_t.append(pt)
                pairs_v.append(pv)
            _tick(progress, stop / max(1, n_s))
    if pairs_s:
        ps, pt, pv = np.concatenate(pairs_s), np.concatenate(pairs_t), np.concatenate(pairs_v)
    else:
        ps, pt, pv = np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    rows, cols = (ps, pt) if forward else (pt, ps)
    order = np.lexsort((cols, rows))
    indptr = np.zeros(shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
    _tick(progress, 1.0)
    return _csr(pv[order], cols[order], indptr, shape)


def _od_compiled(
    adj: sparse.csr_matrix,
    s_nodes: IntArray,
    s_min: FloatArray,
    t_nodes: IntArray,
    t_min: FloatArray,
    cutoff: float,
    point_pairs: Callable[[IntArray, IntArray, FloatArray], tuple[IntArray, IntArray, FloatArray]],
    progress: Progress,
    is_canceled: IsCanceled,
) -> list[tuple[IntArray, IntArray, FloatArray]]:
    """The searches of :func:`od_matrix` with the compiled kernels, per chunk of source groups.

    Each search stops at ``cutoff - s_min[i] - min(t_min)`` (plus a rounding margin: a pair is
    kept or not by its total time only) and keeps only the target nodes it reaches.
    """
    kernels = _kernels()
    assert kernels is not None
    n = adj.shape[0]
    target_of = np.full(n, -1, dtype=np.int64)
    target_of[t_nodes] = np.arange(t_nodes.shape[0])
    raw = cutoff - s_min - float(t_min.min())
    limits = np.where(raw >= 0, raw + 1e-9 * (1.0 + np.abs(raw)), -1.0)
    sources = s_nodes.astype(np.int64)

    def work(start: int, stop: int, ws: Any) -> tuple[IntArray, IntArray, FloatArray]:
        offsets, groups, costs, ws.heap_key, ws.heap_node = kernels.od_rows(
            adj.indptr,
            adj.indices,
            adj.data,
            sources[start:stop],
            limits[start:stop],
            s_min[start:stop],
            target_of,
            t_min,
            cutoff,
            ws.dist,
            ws.touched,
            ws.heap_key,
            ws.heap_node,
        )
        gs = np.repeat(np.arange(start, stop, dtype=np.int64), np.diff(offsets))
        return point_pairs(gs, groups, costs)

    return _run_chunks(s_nodes.shape[0], n, work, progress, is_canceled)


@dataclass(eq=False)
class NearestResult:
    """Nearest source of each node.

    Attributes
    ----------
    cost
        Minutes to (or from) the nearest source, access included; inf beyond the cut-off.
    source
        Index, in the given sources, of that nearest source; -1 beyond the cut-off.
    """

    cost: FloatArray
    source: IntArray


def nearest(
    graph: RoadGraph,
    source_nodes: ArrayLike,
    source_access: ArrayLike | None = None,
    cutoff: float = np.inf,
    *,
    reverse: bool = False,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> NearestResult:
    """Time between every node and its nearest source, in one multi-source search.

    One search starts from all the source nodes at once, each at its access time (with scipy: a
    virtual node joined to each source node by an arc costing that access time), and settles
    every node within the cut-off: the cost of a search from one point, whatever the number of
    sources.

    Parameters
    ----------
    graph
        The network.
    source_nodes
        Snapped node of each source (e.g. facilities of one type); -1 sources are ignored.
    source_access
        Access time of each source to its node, minutes (None for zeros).
    cutoff
        Maximum time in minutes (inclusive); ``inf`` for no cut-off.
    reverse
        False: time from the nearest source to each node. True: time from each node to its
        nearest source (e.g. from home to the nearest GP), on the transposed graph.
    progress, is_canceled
        Optional callbacks.

    Returns
    -------
    NearestResult
        Per node. For demand points, add their own access time to ``cost[node]`` (and compare with
        the cut-off again).
    """
    cutoff = _check_cutoff(cutoff)
    nodes = _check_nodes(graph, source_nodes, "source_nodes")
    acc = _check_access(source_access, nodes, "source_access")
    n = graph.n_nodes
    cost = np.full(n, np.inf)
    which = np.full(n, -1, dtype=np.int64)
    valid = np.flatnonzero(nodes >= 0)
    if valid.size == 0:
        return NearestResult(cost=cost, source=which)
    _check_canceled(is_canceled)
    # The cheapest source at each node (ties: the first given).
    order = valid[np.lexsort((valid, acc[valid], nodes[valid]))]
    first = np.ones(order.shape[0], dtype=bool)
    first[1:] = nodes[order[1:]] != nodes[order[:-1]]
    best = order[first]
    adj = graph.adjacency(reverse)
    if accelerated():
        kernels = _kernels()
        assert kernels is not None
        _tick(progress, 0.1)
        ws = kernels.POOL.acquire(n)  # its buffers but dist: cost is the distance array
        _, ws.heap_key, ws.heap_node = kernels.multi_source(
            adj.indptr,
            adj.indices,
            adj.data,
            nodes[best],
            acc[best],
            best.astype(np.int64),
            cutoff,
            cost,
            which,
            ws.touched,
            ws.heap_key,
            ws.heap_node,
        )
        kernels.POOL.release(ws)
        _check_canceled(is_canceled)
        _tick(progress, 1.0)
        return NearestResult(cost=cost, source=which)
    k = best.shape[0]
    indptr = np.concatenate((adj.indptr.astype(np.int64), [adj.nnz + k]))
    indices = np.concatenate((adj.indices, nodes[best].astype(adj.indices.dtype)))
    data = np.concatenate((adj.data, acc[best]))
    aug = _csr(data, indices, indptr, (n + 1, n + 1))
    aug.has_sorted_indices = False
    _tick(progress, 0.1)
    dist, pred = dijkstra(aug, directed=True, indices=n, limit=cutoff, return_predecessors=True)
    _check_canceled(is_canceled)
    dist = dist[:n]
    pred = pred[:n].astype(np.int64)
    # Root of each shortest-path tree: follow predecessors by pointer doubling until the node
    # whose predecessor is the virtual source.
    parent = np.where((pred < 0) | (pred == n), np.arange(n), pred)
    while True:
        nxt = parent[parent]
        if np.array_equal(nxt, parent):
            break
        parent = nxt
    source_at = np.full(n, -1, dtype=np.int64)
    source_at[nodes[best]] = best
    reached = np.isfinite(dist)
    cost[reached] = dist[reached]
    which[reached] = source_at[parent[reached]]
    _tick(progress, 1.0)
    return NearestResult(cost=cost, source=which)


# ---------------------------------------------------------------------------------------------
# Cache
# ---------------------------------------------------------------------------------------------


def graph_cache_key(source_id: str, params: Mapping[str, Any]) -> str:
    """Stable key of a graph built from ``source_id`` (layer URI + modification stamp) and params.

    Parameters
    ----------
    source_id
        Identifies the input lines and their version.
    params
        Build parameters (field names, speed table, tolerance...), JSON-serialisable; numpy
        scalars and arrays are accepted.

    Returns
    -------
    str
        sha256 hex digest of the canonical JSON (sorted keys, no spaces) including the file format
        and builder versions.
    """

    def plain(o: Any) -> Any:
        if isinstance(o, np.generic):
            return o.item()
        if isinstance(o, np.ndarray):
            return o.tolist()
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, Path):
            return str(o)
        raise TypeError(f"not JSON-serialisable in a cache key: {type(o).__name__}")

    text = json.dumps(
        {
            "format": FORMAT_VERSION,
            "builder": BUILDER_VERSION,
            "source": source_id,
            "params": params,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=True,
        default=plain,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_graph(graph: RoadGraph, path: str | os.PathLike[str]) -> None:
    """Write ``graph`` to an ``.npz`` file (atomically: a temporary file then a rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    report = graph.report.as_dict()
    skipped = np.asarray(report.pop("skipped_rows"), dtype=np.int64)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        np.savez(
            fh,
            format_version=np.int64(FORMAT_VERSION),
            xy=graph.xy,
            indptr=graph.adj.indptr,
            indices=graph.adj.indices,
            data=graph.adj.data,
            length_m=graph.length_m,
            arc_line=graph.arc_line,
            component=graph.component,
            skipped_rows=skipped,
            report=np.array(json.dumps(report)),
        )
    os.replace(tmp, path)


def load_graph(path: str | os.PathLike[str]) -> RoadGraph | None:
    """Read a graph written by :func:`save_graph`.

    Returns
    -------
    RoadGraph or None
        None if the file is missing, unreadable or of another format version: rebuild it.
    """
    try:
        with np.load(path, allow_pickle=False) as z:
            if int(z["format_version"]) != FORMAT_VERSION:
                return None
            xy = z["xy"]
            n = xy.shape[0]
            adj = _csr(z["data"], z["indices"], z["indptr"], (n, n))
            report = GraphReport(**json.loads(str(z["report"])), skipped_rows=z["skipped_rows"])
            return RoadGraph(
                xy=xy,
                adj=adj,
                length_m=z["length_m"],
                arc_line=z["arc_line"],
                component=z["component"],
                report=report,
            )
    except (OSError, KeyError, ValueError, TypeError):
        return None
