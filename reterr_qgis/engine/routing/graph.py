"""The road graph: :class:`RoadGraph` (nodes, directed arcs costed in minutes) and its report,
built from polylines by :func:`build_graph` / :func:`build_graph_from_arrays`.

The graph is built once from any line layer (one coordinate array per line part, a speed in km/h
and a one-way flag per line); :mod:`.search` searches it, :mod:`.cache` stores it.

Conventions
-----------
* Nodes are the line ends and the vertices shared by several lines (or met twice by one line).
  Two lines that cross **without** a shared vertex are not connected: a bridge over a road is not a
  junction. Vertices are merged when they round to the same cell of a ``tolerance`` grid:
  identical coordinates always merge; two vertices closer than the tolerance but on either side of
  a cell border do not (a dangling end in the report shows such a miss).
* Arc costs are **minutes** (length over the line's speed); node coordinates are in the lines'
  projected CRS, in metres.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError
from ..core.lazy import lazy_callable, lazy_module
from .callbacks import IsCanceled, Progress, check_canceled, tick
from .speeds import M_PER_MIN_PER_KMH

sparse = lazy_module("scipy.sparse")
connected_components = lazy_callable("scipy.sparse.csgraph", "connected_components")
cKDTree = lazy_callable("scipy.spatial", "cKDTree")  # noqa: N816 - scipy's name

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Version of the graph builder's rules (node numbering, snapping, lengths). Part of
#: :func:`~.cache.graph_cache_key`, so that a cached graph built by older rules is rebuilt.
BUILDER_VERSION = 1


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
        Speed of each line in km/h (see :func:`~.attributes.speeds_from_classes`).
    oneway
        Per line, ``0`` both ways, ``1`` digitising direction only, ``-1`` reverse only (see
        :func:`~.attributes.oneway_from_values`); None for all two-way.
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
    tick(progress, 0.05)
    check_canceled(is_canceled)

    # 1. Vertex keys: snap to the tolerance grid; one id per distinct key.
    vid_all, first_of_key = _snap_keys(xy_all, tolerance)
    tick(progress, 0.35)
    check_canceled(is_canceled)

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
    tick(progress, 0.5)
    check_canceled(is_canceled)

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
    tick(progress, 0.65)
    check_canceled(is_canceled)

    # 5. Directed arcs, fastest of parallel arcs, CSR.
    cost = length / (speed[line] * M_PER_MIN_PER_KMH)
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
    adj = csr_from_sorted(a_cost, dst, indptr, (n_nodes, n_nodes))
    tick(progress, 0.85)
    check_canceled(is_canceled)

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
    tick(progress, 1.0)
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


def csr_from_sorted(
    data: FloatArray, indices: ArrayLike, indptr: ArrayLike, shape: tuple[int, int]
) -> sparse.csr_matrix:
    """CSR matrix from arrays already sorted by row then column; explicit zeros are kept (a zero
    time is a real time). Indices are int32 below 2**31 entries, as scipy's own. The builder, the
    searches and the cache assemble their matrices with it."""
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
