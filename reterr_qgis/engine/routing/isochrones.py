"""Service areas (isochrones): polygons of the area within reach of each facility, per time band.

One search per facility, stopped at the largest band, gives the travel time of every node within
reach; the polygon of a band ``t`` is then **the area within a short walk (``buffer_m``) of a road
reachable within ``t``**:

* every arc whose start node is reached within ``t`` is reachable: the whole arc if its end node is
  reached within ``t`` too, else its first ``(t - time_start) / time_arc`` fraction;
* arcs are **straight between their two nodes**: the graph keeps node coordinates only, not the
  lines' real shapes (a winding road between two junctions counts as its chord; build the graph
  with ``max_edge_m`` to keep more nodes along long roads);
* the polygon is the set of points within ``buffer_m`` of those reachable pieces of road.

Direction: by default (``reverse=True``) the polygons are the areas **from which the facility is
reached** within ``t`` (home → facility, what access planning needs), searched on the transposed
graph; ``reverse=False`` gives the areas reached **from** the facility within ``t``. They differ
only through one-way streets. A facility's access time (point → network node) is counted in the
band: a facility with a 2-minute access has its 10-minute band drawn from the nodes within 8
minutes.

Two ways of drawing the same set:

* ``method="grid"`` (default, fast): points are laid along the reachable pieces of road (every
  node, every cut at a band limit, and between them at most ``sqrt(3 * buffer_m * cell_m)``
  apart), a grid of ``cell_m`` cells keeps in each cell the first band reaching it, a cell belongs
  to a band when a cell of that band lies within ``buffer_m`` (centre to centre), and the outline
  of the cells is traced by marching squares over the cell centres; holes of one or two cells are
  filled. The outline is within about one cell of the exact buffer (tested against the exact
  method; 50 m by default); bands are exactly nested (``band[k]`` covers ``band[k-1]``: same
  vertex lattice, monotone cases); polygons are valid.
* ``method="exact"``: GEOS buffers of the reachable segments, unioned. Exact, but GEOS takes
  about 30 µs per segment: seconds per polygon on a département where the grid method takes
  milliseconds. For small networks and checks.

Work and threads: facilities are taken in batches; progress and cancellation are checked between
batches and between the chunks of each batch. A batch first searches
(:func:`.search.bounded_search`, one search per facility stopped at its top band): with the
compiled kernels (numba, see :func:`.search.accelerated`) on all the threads, the GIL released,
each search keeping only the nodes it reaches; without numba in one scipy call in the calling
thread (scipy's Dijkstra holds the GIL; one call for several sources spares its set-up over all
the nodes). Then it draws the polygons on worker threads (:func:`.search.run_chunks`; numpy and
shapely release the GIL in their heavy loops), each task spreading a search's times over a dense
row of its thread's buffer. Keeping the two phases apart matters: a thread coming back from a
search would otherwise wait for the GIL behind a thread drawing. Memory is that of one batch,
whatever the number of facilities.
"""

from __future__ import annotations

import math
import os
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Optional

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError
from ..core.lazy import lazy_module
from .callbacks import IsCanceled, Progress, check_canceled, tick
from .graph import RoadGraph
from .search import bounded_search, check_access, check_nodes, compiled_kernels, run_chunks

shapely = lazy_module("shapely")
sparse = lazy_module("scipy.sparse")

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Default width of the walk around reachable roads (metres): about two minutes on foot.
DEFAULT_BUFFER_M = 150.0

#: Largest grid (cells) drawn for one facility; beyond it the cell size grows for that facility.
MAX_GRID_CELLS = 40_000_000

#: Searches per scipy call and per drawing thread (each call allocates and initialises arrays over
#: all the nodes: batching spares that; each search holds a dense row of ``n_nodes`` floats).
_SEARCH_BATCH = 4

#: Facilities per thread and per batch with the compiled searches (sparse rows: no dense row per
#: search; larger batches even out the threads' shares between the search and drawing phases).
_COMPILED_BATCH = 16

#: Holes smaller than this (twice the area, in half-cells squared: 8 = one cell) are filled.
_MIN_HOLE_AREA2 = 16

#: "No band" in the grid of band indices.
_NONE = np.uint8(255)

# Marching squares over 4 cell centres a (i, j), b (i, j+1), c (i+1, j+1), d (i+1, j), counter-
# clockwise (rows go up: y = row). Bit k of the case code is set when corner k is inside. The
# contour crosses the side between two corners that differ, at its midpoint; edge k joins corner k
# and corner k+1. Each segment goes from a side where the boundary leaves the inside (walking
# counter-clockwise around the square) to the next side where it enters again: the inside is on
# the segment's left, and the two inside corners of a saddle are joined (like the 3-corner cases,
# so that a larger set of cells gives a larger region: nested bands stay nested).
_SEG_FROM = np.full((16, 2), -1, dtype=np.int64)
_SEG_TO = np.full((16, 2), -1, dtype=np.int64)
for _code in range(16):
    _inside = [(_code >> _k) & 1 for _k in range(4)]
    _exits = [_k for _k in range(4) if _inside[_k] and not _inside[(_k + 1) % 4]]
    _entries = [_k for _k in range(4) if not _inside[_k] and _inside[(_k + 1) % 4]]
    for _n, _e in enumerate(_exits):
        _SEG_FROM[_code, _n] = _e
        _SEG_TO[_code, _n] = next((_e + _s) % 4 for _s in range(1, 5) if (_e + _s) % 4 in _entries)
_N_SEG = (_SEG_FROM >= 0).sum(axis=1)
# Midpoint of side k of the square of cell (i, j), in half-cell units: (2j + dx, 2i + dy).
_SIDE_DX = np.array([2, 3, 2, 1], dtype=np.int64)
_SIDE_DY = np.array([1, 2, 3, 2], dtype=np.int64)


def _empty() -> shapely.Geometry:
    return shapely.Polygon()


def _check_bands(bands: Sequence[float]) -> FloatArray:
    arr = np.asarray(bands, dtype=np.float64).ravel()
    if (
        arr.size == 0
        or arr.size > 254
        or not np.all(np.isfinite(arr))
        or np.any(arr <= 0)
        or np.any(np.diff(arr) <= 0)
    ):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine",
                "Time bands must be positive minutes in increasing order (at most 254), got {bands}.",
            ),
            bands=", ".join(f"{b:g}" for b in arr),
        )
    return arr


def service_areas(
    graph: RoadGraph,
    source_nodes: ArrayLike,
    source_access: Optional[ArrayLike],
    bands: Sequence[float],
    *,
    reverse: bool = True,
    buffer_m: float = DEFAULT_BUFFER_M,
    cell_m: Optional[float] = None,
    method: str = "grid",
    workers: Optional[int] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> list[list[shapely.Geometry]]:
    """Service-area polygons of each facility for each time band.

    Parameters
    ----------
    graph
        The network (costs in minutes, projected metres).
    source_nodes
        Snapped node of each facility (-1: not snapped, empty polygons).
    source_access
        Access time of each facility to its node, minutes (None for zeros); counted in the bands.
    bands
        Time bands in minutes, increasing, e.g. ``[10, 20, 30]``. One search per facility, stopped
        at the largest band, gives all of them.
    reverse
        True (default): areas from which the facility is reached within each band (home →
        facility, searched on the transposed graph). False: areas reached from the facility.
    buffer_m
        Width of the walk around reachable roads, metres: the polygons are the area within this
        distance of a reachable road (default 150 m, about two minutes on foot).
    cell_m
        Grid cell of ``method="grid"``, metres (default ``buffer_m / 3``): the outline is within
        about one cell of the exact buffer; larger cells are faster and coarser. For a facility
        whose grid would exceed :data:`MAX_GRID_CELLS` cells, the cell grows to fit.
    method
        ``"grid"`` (fast, within about a cell) or ``"exact"`` (GEOS buffer and union, slow).
    workers
        Threads drawing polygons (default: the number of CPUs).
    progress, is_canceled
        Optional callbacks, called between groups of facilities.

    Returns
    -------
    list of list of shapely.Geometry
        ``result[i][k]``: the Polygon or MultiPolygon of facility ``i`` for band ``k``; an empty
        Polygon where nothing is within reach (unsnapped facility, access time longer than the
        band). Facilities on the same node with the same access share the same geometry objects.

    Raises
    ------
    InputError
        Bad bands, walk width or cell size.
    Canceled
        When ``is_canceled`` returned True.
    """
    band_arr = _check_bands(bands)
    buffer_m = float(buffer_m)
    if not (np.isfinite(buffer_m) and buffer_m > 0):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "The walk around the roads must be a positive distance (metres)."
            )
        )
    cell = buffer_m / 3.0 if cell_m is None else float(cell_m)
    if not (np.isfinite(cell) and cell > 0):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The grid cell must be a positive distance (metres).")
        )
    if method not in ("grid", "exact"):
        raise ValueError("method must be 'grid' or 'exact'")
    nodes = check_nodes(graph, source_nodes, "source_nodes")
    acc = check_access(source_access, nodes, "source_access")
    n_src, n_bands = nodes.shape[0], band_arr.shape[0]
    out: list[list[shapely.Geometry]] = [[_empty()] * n_bands for _ in range(n_src)]
    valid = np.flatnonzero((nodes >= 0) & (acc <= band_arr[-1]))
    if valid.size == 0:
        tick(progress, 1.0)
        return out
    # One job per distinct (node, access).
    pair = np.stack((nodes[valid].astype(np.float64), acc[valid]), axis=1)
    jobs, job_of = np.unique(pair, axis=0, return_inverse=True)
    job_of = np.asarray(job_of).ravel()
    n_jobs = jobs.shape[0]
    job_nodes = jobs[:, 0].astype(np.int64)
    job_access = jobs[:, 1]
    kernels = compiled_kernels()
    ctx = _context(graph, graph.adjacency(reverse), reverse, buffer_m, cell, method, kernels)
    n_workers = max(1, int(workers if workers is not None else (os.cpu_count() or 1)))
    step = (_COMPILED_BATCH if kernels is not None else _SEARCH_BATCH) * n_workers
    results: list[list[shapely.Geometry]] = []
    for start in range(0, n_jobs, step):
        stop = min(n_jobs, start + step)
        check_canceled(is_canceled)
        # Each search stops at its facility's top band (the band minus its access time).
        reached = bounded_search(
            graph,
            job_nodes[start:stop],
            float(band_arr[-1]),
            access=job_access[start:stop],
            reverse=reverse,
            workers=n_workers,
            is_canceled=is_canceled,
        )
        thresholds = band_arr[None, :] - job_access[start:stop, None]
        results.extend(
            _draw_rows(ctx, reached, job_nodes[start:stop], thresholds, n_workers, is_canceled)
        )
        del reached
        tick(progress, stop / n_jobs)
    for row, j in zip(valid, job_of):
        out[int(row)] = list(results[int(j)])
    tick(progress, 1.0)
    return out


def _draw_rows(
    ctx: _Context,
    reached: sparse.csr_matrix,
    nodes: IntArray,
    thresholds: FloatArray,
    workers: int,
    is_canceled: IsCanceled,
) -> list[list[shapely.Geometry]]:
    """Polygons of each search of a batch (row ``i`` of ``reached``, from node ``nodes[i]``, bands
    ``thresholds[i]``), drawn on worker threads.

    Each task scatters a search's times into the dense ``dist`` row of its thread's workspace,
    draws, and resets what it wrote (also after an error: the workspace stays clean).
    """
    indptr, indices, data = reached.indptr, reached.indices, reached.data

    def work(start: int, stop: int, ws: Any) -> list[list[shapely.Geometry]]:
        polys = []
        for i in range(start, stop):
            a, b = indptr[i], indptr[i + 1]
            row = indices[a:b].astype(np.int64)
            ws.dist[row] = data[a:b]
            try:
                # The search stopped at the top band: the nodes it reached are those within it.
                polys.append(_draw(ctx, ws.dist, int(nodes[i]), thresholds[i], row))
            finally:
                ws.dist[row] = np.inf
        return polys

    parts = run_chunks(
        reached.shape[0], work, n_nodes=reached.shape[1], workers=workers, is_canceled=is_canceled
    )
    return [polys for part in parts for polys in part]


# ---------------------------------------------------------------------------------------------
# Shared arrays of one call
# ---------------------------------------------------------------------------------------------

#: Per graph and direction, arrays about its arcs computed once (see :class:`_ArcTable`).
_ARC_TABLES: weakref.WeakKeyDictionary[RoadGraph, dict[bool, _ArcTable]] = (
    weakref.WeakKeyDictionary()
)
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True)
class _ArcTable:
    """Arrays aligned with ``adj.data`` of one direction of a graph.

    Attributes
    ----------
    rev
        Index of the arc v → u of each arc u → v, -1 for a one-way arc.
    second
        The arc leaves the larger node of a two-way road: left out when both ends are reached
        (its road is drawn once, from the other arc).
    chord_m
        Straight-line length of the arc.
    """

    rev: IntArray
    second: NDArray[np.bool_]
    chord_m: FloatArray


@dataclass(frozen=True)
class _Context:
    """What every polygon of one call needs."""

    adj: sparse.csr_matrix
    arcs: Optional[_ArcTable]
    xy: FloatArray
    x_cells: NDArray[np.float32]
    y_cells: NDArray[np.float32]
    x0: float
    y0: float
    cell: float
    buffer_m: float
    method: str
    kernels: Optional[ModuleType] = None  # the compiled kernels, when the searches use them


def _arc_table(
    graph: RoadGraph,
    adj: sparse.csr_matrix,
    reverse: bool,
    kernels: Optional[ModuleType] = None,
) -> _ArcTable:
    """The :class:`_ArcTable` of ``adj`` (one direction of ``graph``), built once per graph
    (``kernels``: the compiled kernels find the reverse arcs, else a sort does)."""
    with _CACHE_LOCK:
        cached = _ARC_TABLES.setdefault(graph, {})
        if reverse not in cached:
            n = adj.shape[0]
            row = np.repeat(np.arange(n, dtype=np.int64), np.diff(adj.indptr))
            col = adj.indices.astype(np.int64)
            if kernels is not None:
                rev = kernels.reverse_arcs(adj.indptr, adj.indices)
                found = rev >= 0
            else:
                key = row * n + col
                order = None if np.all(key[1:] > key[:-1]) else np.argsort(key, kind="stable")
                skey = key if order is None else key[order]
                want = col * n + row
                pos = np.minimum(np.searchsorted(skey, want), max(key.shape[0] - 1, 0))
                found = skey[pos] == want if key.shape[0] else np.zeros(0, dtype=bool)
                idx = pos if order is None else order[pos]
                rev = np.where(found, idx, -1).astype(np.int64)
            vec = graph.xy[col] - graph.xy[row]
            cached[reverse] = _ArcTable(
                rev=rev,
                second=found & (row > col),
                chord_m=np.sqrt(vec[:, 0] ** 2 + vec[:, 1] ** 2),
            )
        return cached[reverse]


def _context(
    graph: RoadGraph,
    adj: sparse.csr_matrix,
    reverse: bool,
    buffer_m: float,
    cell: float,
    method: str,
    kernels: Optional[ModuleType] = None,
) -> _Context:
    lo = graph.xy.min(axis=0) - 2.0 * buffer_m
    grid = method == "grid"
    # Node coordinates in cells from the grid origin (float32: within a thousandth of a cell
    # over 16,000 cells).
    cells = ((graph.xy - lo) / cell).astype(np.float32) if grid else np.zeros((0, 2), np.float32)
    return _Context(
        adj=adj,
        arcs=_arc_table(graph, adj, reverse, kernels) if grid else None,
        xy=graph.xy,
        x_cells=np.ascontiguousarray(cells[:, 0]),
        y_cells=np.ascontiguousarray(cells[:, 1]),
        x0=float(lo[0]),
        y0=float(lo[1]),
        cell=cell,
        buffer_m=buffer_m,
        method=method,
        kernels=kernels,
    )


def _draw(
    ctx: _Context,
    d: FloatArray,
    node: int,
    thresholds: FloatArray,
    reached: Optional[IntArray] = None,
) -> list[shapely.Geometry]:
    """Polygons of one search: ``d`` its times (dense), ``reached`` the nodes within the top band
    (ascending) when known."""
    if ctx.method == "exact":
        return _exact_bands(ctx, d, node, thresholds, reached)
    return _grid_bands(ctx, d, thresholds, reached)


def _reached_arcs(
    adj: sparse.csr_matrix,
    d: FloatArray,
    top: float,
    second: Optional[NDArray[np.bool_]] = None,
    reached: Optional[IntArray] = None,
    kernels: Optional[ModuleType] = None,
) -> tuple[IntArray, IntArray, IntArray, IntArray, FloatArray, FloatArray]:
    """Arcs leaving the nodes reached within ``top``: reached, arc index, start, end, d_u, d_v.

    With ``second`` (see :class:`_ArcTable`), a two-way road whose ends are both reached keeps
    one arc. ``reached`` (the nodes with ``d <= top``, ascending) spares a pass over all nodes;
    ``kernels`` (the compiled kernels) gather the same arrays in one pass.
    """
    if reached is None:
        reached = np.flatnonzero(d <= top)
    if kernels is not None:
        flags = second if second is not None else np.zeros(0, dtype=bool)
        arc, u, v, du, dv = kernels.reached_arcs(adj.indptr, adj.indices, d, reached, top, flags)
        return reached, arc, u, v, du, dv
    indptr = adj.indptr
    starts = indptr[reached].astype(np.int64)
    counts = indptr[reached + 1].astype(np.int64) - starts
    total = int(counts.sum())
    arc = np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(total)
    u = np.repeat(reached, counts)
    v = adj.indices[arc]
    dv = d[v]
    if second is not None:
        keep = np.flatnonzero(~second[arc] | (dv > top))
        arc, u, v, dv = arc[keep], u[keep], v[keep], dv[keep]
        return reached, arc, u, v.astype(np.int64), d[u], dv
    return reached, arc, u, v.astype(np.int64), np.repeat(d[reached], counts), dv


# ---------------------------------------------------------------------------------------------
# Exact method: GEOS buffer of the reachable segments
# ---------------------------------------------------------------------------------------------


def _exact_bands(
    ctx: _Context,
    d: FloatArray,
    node: int,
    thresholds: FloatArray,
    reached: Optional[IntArray] = None,
) -> list[shapely.Geometry]:
    """Union of the buffers of the reachable (pieces of) arcs, per band."""
    _, arc, u, v, du, dv = _reached_arcs(
        ctx.adj, d, float(thresholds[-1]), reached=reached, kernels=ctx.kernels
    )
    cost = ctx.adj.data[arc]
    xy = ctx.xy
    out: list[shapely.Geometry] = []
    for t in thresholds:
        if t < 0:
            out.append(_empty())
            continue
        sel = np.flatnonzero(du <= t)
        frac = np.where(dv[sel] <= t, 1.0, (t - du[sel]) / cost[sel])
        sel, frac = sel[frac > 0], frac[frac > 0]
        p = xy[u[sel]]
        coords = np.empty((2 * sel.shape[0], 2))
        coords[0::2] = p
        coords[1::2] = p + (xy[v[sel]] - p) * frac[:, None]
        lines = shapely.linestrings(coords, indices=np.repeat(np.arange(sel.shape[0]), 2))
        # The facility's own node too (alone when no arc leaves it).
        parts = np.append(lines, shapely.points(xy[node]))
        geom = shapely.union_all(shapely.buffer(parts, ctx.buffer_m, quad_segs=8))
        out.append(_as_polygonal(geom))
    return out


def _as_polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Polygon or MultiPolygon (GEOS may wrap a union result in a collection)."""
    if geom.is_empty:
        return _empty()
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = shapely.get_parts(geom)
    return shapely.union_all(parts[np.isin(shapely.get_type_id(parts), (3, 6))])


# ---------------------------------------------------------------------------------------------
# Grid method
# ---------------------------------------------------------------------------------------------


def _samples(
    ctx: _Context,
    d: FloatArray,
    thresholds: FloatArray,
    spacing: float,
    reached_nodes: Optional[IntArray] = None,
) -> tuple[NDArray[np.float32], NDArray[np.float32], NDArray[np.uint8]]:
    """Points along the reachable roads, in cells from the grid origin, and their first band.

    The time at fraction ``f`` of arc u → v is ``min(d_u + f * cost, max(d_u, d_v))``: it grows
    from the start node, and the whole arc counts once its end node is reached. A two-way road
    whose ends are both reached is sampled once, with the smaller time of its two arcs.
    """
    adj = ctx.adj
    table = ctx.arcs
    assert table is not None
    top = float(thresholds[-1])
    limits = thresholds[:-1]  # the top band needs no test: every point here is within it
    reached, arc, u, v, du, dv = _reached_arcs(
        adj, d, top, table.second, reached_nodes, ctx.kernels
    )
    cost = adj.data[arc]
    cap = np.maximum(du, dv)  # inf when v is beyond the top band
    whole = dv <= top
    f_top = np.where(whole, 1.0, np.minimum((top - du) / cost, 1.0))
    b_u = _band_of(du, limits)
    # Interior points f_top * j / k, j = 1..k, k = ceil(reachable length / spacing); the last one
    # is node v itself when the whole arc is reachable: left to v's own point.
    k = np.ceil(table.chord_m[arc] * f_top / (spacing * ctx.cell))
    n_pts = np.maximum(k - whole, 0).astype(np.int64)
    # Arcs whose ends are reached in the same band: their points are in that band too (the time
    # along them lies between d_u and max(d_u, d_v)). Others need the time of each point.
    simple = whole & (b_u == _band_of(dv, limits))
    # Two-way roads whose ends are both reached (one arc kept): the time from the other end.
    both = np.flatnonzero(whole & ~simple & (table.rev[arc] >= 0))
    d_back = np.full(arc.shape[0], np.inf)
    d_back[both] = dv[both]
    cost_back = np.zeros(arc.shape[0])
    cost_back[both] = adj.data[table.rev[arc[both]]]
    has = np.flatnonzero(n_pts)
    counts = n_pts[has]
    owner = np.repeat(np.arange(has.shape[0], dtype=np.int64), counts)
    j = np.arange(1, owner.shape[0] + 1, dtype=np.float64) - (np.cumsum(counts) - counts)[owner]
    arc_of = has[owner]
    frac = j * (f_top[has] / k[has])[owner]
    band = b_u[arc_of]
    hard = np.flatnonzero(~simple[arc_of])
    ah, fh = arc_of[hard], frac[hard]
    time = np.minimum(
        np.minimum(du[ah] + fh * cost[ah], d_back[ah] + (1.0 - fh) * cost_back[ah]), cap[ah]
    )
    band[hard] = _band_of(time, limits)
    # Points exactly where band b ends along an arc, from either end of a two-way road (their
    # band is b by construction: not recomputed from a rounded time).
    arc_l, frac_l, band_l = [arc_of], [frac], [band]
    for b, t in enumerate(limits):
        if t >= 0:
            hit = np.flatnonzero((du <= t) & (t < cap))
            back = both[(dv[both] <= t) & (t < cap[both])]
            arc_l += [hit, back]
            frac_l += [(t - du[hit]) / cost[hit], 1.0 - (t - dv[back]) / cost_back[back]]
            band_l.append(np.full(hit.shape[0] + back.shape[0], b, dtype=np.uint8))
    arc_of = np.concatenate(arc_l)
    frac = np.concatenate(frac_l)
    band = np.concatenate(band_l)
    xs, ys = ctx.x_cells, ctx.y_cells
    us, vs = u[arc_of], v[arc_of]
    f32 = frac.astype(np.float32)
    x0 = xs[us]
    x = np.concatenate((xs[reached], x0 + f32 * (xs[vs] - x0)))
    y0 = ys[us]
    y = np.concatenate((ys[reached], y0 + f32 * (ys[vs] - y0)))
    return x, y, np.concatenate((_band_of(d[reached], limits), band))


def _band_of(times: FloatArray, limits: FloatArray) -> NDArray[np.uint8]:
    """Index of the first band holding each time (``limits``: all band limits but the last)."""
    out = np.zeros(times.shape[0], dtype=np.uint8)
    for t in limits:
        out += times > t
    return out


def _disk_min(grid: NDArray[np.uint8], radius: float) -> NDArray[np.uint8]:
    """Minimum over the cells whose centre lies within ``radius`` cells (centre to centre)."""
    reach = math.floor(radius + 1e-9)
    half = [
        math.floor(math.sqrt(max(radius * radius - dy * dy, 0.0)) + 1e-9) for dy in range(reach + 1)
    ]
    rows: dict[int, NDArray[np.uint8]] = {0: grid}
    cur = grid
    for w in range(1, max(half) + 1):
        nxt = cur.copy()
        np.minimum(nxt[:, w:], grid[:, :-w], out=nxt[:, w:])
        np.minimum(nxt[:, :-w], grid[:, w:], out=nxt[:, :-w])
        rows[w] = nxt
        cur = nxt
    out = rows[half[0]].copy()
    for dy in range(1, reach + 1):
        h = rows[half[dy]]
        np.minimum(out[dy:], h[:-dy], out=out[dy:])
        np.minimum(out[:-dy], h[dy:], out=out[:-dy])
    return out


def _grid_bands(
    ctx: _Context, d: FloatArray, thresholds: FloatArray, reached: Optional[IntArray] = None
) -> list[shapely.Geometry]:
    """Polygons of every band of one search, traced on a grid (see the module notes)."""
    n_bands = thresholds.shape[0]
    radius = ctx.buffer_m / ctx.cell
    x, y, band = _samples(ctx, d, thresholds, math.sqrt(3.0 * radius), reached)
    if x.shape[0] == 0:  # pragma: no cover - the facility's node is always reached
        return [_empty()] * n_bands
    # Coarser cells for a facility whose grid would be huge.
    span = max(float(x.max() - x.min()), float(y.max() - y.min())) + 2.0 * radius + 4.0
    scale = max(1, math.ceil(span / math.sqrt(MAX_GRID_CELLS)))
    if scale > 1:
        x = x / scale
        y = y / scale
        radius /= scale
    cell = ctx.cell * scale
    pad = math.floor(radius) + 2
    ix = x.astype(np.int64)  # cell units are >= 0: truncation is floor
    iy = y.astype(np.int64)
    ox, oy = int(ix.min()) - pad, int(iy.min()) - pad
    nx = int(ix.max()) - ox + pad + 1
    ny = int(iy.max()) - oy + pad + 1
    flat = (iy - oy) * nx + (ix - ox)
    cells = np.full(ny * nx, _NONE, dtype=np.uint8)
    # First band reaching each cell: write the bands from the last to the first (one value per
    # write, so cells met several times need no ordering).
    for b in range(n_bands - 1, -1, -1):
        cells[flat[band == b]] = b
    first = _disk_min(cells.reshape(ny, nx), radius)
    del cells, flat
    # Squares between 4 cell centres where some band changes; corners a, b, c, d (see _SEG_FROM).
    horiz = first[:, 1:] != first[:, :-1]
    vert = first[1:, :] != first[:-1, :]
    mixed = horiz[1:, :] | horiz[:-1, :] | vert[:, 1:] | vert[:, :-1]
    sq = np.flatnonzero(mixed)
    si, sj = np.divmod(sq, nx - 1)
    corner_a = si * nx + sj
    flat_first = first.ravel()
    corners = np.stack(
        (
            flat_first[corner_a],
            flat_first[corner_a + 1],
            flat_first[corner_a + nx + 1],
            flat_first[corner_a + nx],
        )
    )
    lo = corners.min(axis=0)
    hi = np.minimum(corners.max(axis=0), n_bands)
    # One (square, band) pair per band whose boundary crosses the square, band after band: their
    # keys band * n_squares + square increase.
    n_sq = (ny - 1) * (nx - 1)
    pick = [np.flatnonzero((lo <= k) & (hi > k)) for k in range(n_bands)]
    on = np.concatenate(pick)
    pair_band = np.repeat(np.arange(n_bands, dtype=np.int64), [p.shape[0] for p in pick])
    inside = (corners[:, on] <= pair_band).astype(np.int64)
    code = inside[0] | (inside[1] << 1) | (inside[2] << 2) | (inside[3] << 3)
    rings = _trace(sq[on], pair_band, code, nx - 1, n_sq, ctx.kernels)
    half = cell / 2.0
    out: list[shapely.Geometry] = []
    for k in range(n_bands):
        sel = rings[k]
        if sel is None:
            out.append(_empty())
            continue
        px, py, ring, area2 = sel
        coords = np.column_stack((ctx.x0 + (px + 2 * ox) * half, ctx.y0 + (py + 2 * oy) * half))
        out.append(_polygons(coords, ring, area2))
    return out


def _trace(
    sq: IntArray,
    band: IntArray,
    code: IntArray,
    width: int,
    n_sq: int,
    kernels: Optional[ModuleType] = None,
) -> list[Optional[tuple[IntArray, IntArray, IntArray, IntArray]]]:
    """Rings of the marching-squares segments of every band.

    Parameters
    ----------
    sq, band, code
        Boundary squares (flat index row * width + column), their band and case; sorted by
        ``band * n_sq + sq``.
    width, n_sq
        Squares per row, squares in the grid.
    kernels
        The compiled kernels (they walk the rings), or None.

    Returns
    -------
    list
        Per band, None or ``(x, y, ring, area2)``: vertices in half-cells (where the boundary
        turns), ring number of each vertex (0, 1, ... in order) and twice the signed area of each
        ring (exact integers; > 0 counter-clockwise: outer rings, inside on the left).
    """
    n_bands = int(band.max()) + 1 if band.size else 0
    # Segment i < n is the first segment of square i; saddles have a second one, numbered after.
    n = sq.shape[0]
    saddle = np.flatnonzero(_N_SEG[code] == 2)
    owner = np.concatenate((np.arange(n), saddle))
    slot = np.concatenate((np.zeros(n, dtype=np.int64), np.ones(saddle.shape[0], dtype=np.int64)))
    second = np.full(n, -1, dtype=np.int64)
    second[saddle] = n + np.arange(saddle.shape[0])
    m = owner.shape[0]
    s_side = _SEG_FROM[code[owner], slot]
    e_side = _SEG_TO[code[owner], slot]
    # Next segment: in the square across the end side (same band), the one starting on the
    # opposite side.
    step = np.array([-width, 1, width, -1], dtype=np.int64)
    key = band * n_sq + sq
    nxt_sq = np.searchsorted(key, key[owner] + step[e_side])
    succ = np.where(_SEG_FROM[code[nxt_sq], 0] == (e_side + 2) % 4, nxt_sq, second[nxt_sq])
    # Ring label (smallest segment of its cycle) and rank along it (segments left before the
    # ring closes on its label segment): walked by the kernel, else by pointer doubling.
    label, rank, walked = (
        kernels.cycle_label_rank(succ) if kernels is not None else (succ, succ, False)
    )
    if not walked:
        label = np.arange(m, dtype=np.int64)
        jump = succ
        n_steps = max(1, math.ceil(math.log2(max(m, 2))))
        for _ in range(n_steps):
            label = np.minimum(label, label[jump])
            jump = jump[jump]
        last = succ == label
        nxt = np.where(last, np.arange(m), succ)
        rank = (~last).astype(np.int64)
        for _ in range(n_steps):
            rank = rank + rank[nxt]
            nxt = nxt[nxt]
    # One head per ring; rings are laid out band after band.
    heads = np.flatnonzero(label == np.arange(m))
    heads = heads[np.argsort(band[owner[heads]], kind="stable")]
    ring_len = rank[heads] + 1
    where = np.empty(m, dtype=np.int64)
    where[heads] = np.cumsum(ring_len) - ring_len
    order = np.empty(m, dtype=np.int64)
    order[where[label] + rank[label] - rank] = np.arange(m)
    # Vertices: the start of each segment, kept where the boundary turns.
    row, col = np.divmod(sq[owner], width)
    vx = 2 * col + _SIDE_DX[s_side]
    vy = 2 * row + _SIDE_DY[s_side]
    dx = 2 * col + _SIDE_DX[e_side] - vx
    dy = 2 * row + _SIDE_DY[e_side] - vy
    pred = np.empty(m, dtype=np.int64)
    pred[succ] = np.arange(m)
    turn = (dx[pred] != dx) | (dy[pred] != dy)
    order = order[turn[order]]
    ring_no = np.empty(m, dtype=np.int64)
    ring_no[heads] = np.arange(heads.shape[0])
    ring_of = ring_no[label[order]]
    px, py = vx[order], vy[order]
    new_ring = np.ones(order.shape[0], dtype=bool)
    new_ring[1:] = ring_of[1:] != ring_of[:-1]
    starts = np.flatnonzero(new_ring)
    nxt_v = np.arange(1, order.shape[0] + 1)
    nxt_v[np.append(starts[1:], order.shape[0]) - 1] = starts
    area2 = np.add.reduceat(px * py[nxt_v] - px[nxt_v] * py, starts)
    # Split by band.
    v_band = band[owner[order]]
    v_cut = np.searchsorted(v_band, np.arange(n_bands + 1))
    r_cut = np.searchsorted(v_band[starts], np.arange(n_bands + 1))
    out: list[Optional[tuple[IntArray, IntArray, IntArray, IntArray]]] = []
    for k in range(n_bands):
        a, b = v_cut[k], v_cut[k + 1]
        if a == b:
            out.append(None)
        else:
            out.append(
                (px[a:b], py[a:b], ring_of[a:b] - ring_of[a], area2[r_cut[k] : r_cut[k + 1]])
            )
    return out


def _polygons(coords: FloatArray, ring: IntArray, area2: IntArray) -> shapely.Geometry:
    """(Multi)Polygon from rings (vertices, ring number of each, signed area of each ring).

    Holes of less than :data:`_MIN_HOLE_AREA2` (specks of a cell or two, where the exact buffer
    is within a cell anyway) are filled.
    """
    rings = shapely.linearrings(coords, indices=ring)
    n_rings = rings.shape[0]
    starts = np.searchsorted(ring, np.arange(n_rings))
    shell = area2 > 0
    shells = np.flatnonzero(shell)
    holes = np.flatnonzero(area2 < -_MIN_HOLE_AREA2)
    poly_of = np.full(n_rings, -1, dtype=np.int64)
    poly_of[shells] = np.arange(shells.shape[0])
    if holes.size and shells.shape[0] == 1:
        poly_of[holes] = 0
    elif holes.size:
        outer = shapely.polygons(rings[shells])
        probe = shapely.points(coords[starts[holes]])
        hit_hole, hit_shell = shapely.STRtree(outer).query(probe, predicate="within")
        # The innermost outer ring around the hole: the smallest one.
        key = np.lexsort((area2[shells][hit_shell], hit_hole))
        hit_hole, hit_shell = hit_hole[key], hit_shell[key]
        first = np.ones(hit_hole.shape[0], dtype=bool)
        first[1:] = hit_hole[1:] != hit_hole[:-1]
        poly_of[holes[hit_hole[first]]] = hit_shell[first]
    used = np.flatnonzero(poly_of >= 0)  # outer rings and the holes kept
    arrange = used[np.lexsort((~shell[used], poly_of[used]))]
    polys = shapely.polygons(rings[arrange], indices=poly_of[arrange])
    if polys.shape[0] == 1:
        return polys[0]
    return shapely.multipolygons(polys)
