"""Searches of the road graph, always stopped at a cut-off, and the checks of their inputs.

A 30-minute search settles only the nodes within 30 minutes instead of the whole graph (what QGIS's
native network tools and QNEAT3 do for each start point). Costs are **minutes** everywhere.

* :func:`bounded_search`: one search per source (each with its own limit), the primitive under
  :func:`bounded_costs` and the service areas (:mod:`.isochrones`);
* :func:`bounded_costs`: times from distinct source nodes to every node within the cut-off;
* :func:`od_matrix`: origin → destination times, access times at both ends included;
* :func:`nearest`: time between every node and its nearest source, in one multi-source search;
* :func:`run_chunks`: the chunked thread runner of the compiled searches (progress and
  cancellation between chunks); :func:`check_cutoff`, :func:`check_nodes`,
  :func:`check_access`: the input checks every search and travel-cost source shares.

Two search paths give the same results (same dtypes, same sparse layout, to rounding):

* compiled kernels (:mod:`._kernels`) when numba is installed: they stop at the cut-off, cost the
  nodes they reach and not the size of the graph, release the GIL and run in several threads
  (:func:`search_workers`), several sources per thread between two progress/cancel checks;
* scipy's Dijkstra otherwise (or when the environment variable ``RETERR_NO_NUMBA=1`` is set): it
  holds the GIL and sets up arrays over the whole graph at each call.

:func:`accelerated` tells which one runs.

Conventions
-----------
* Every search measures **travel from an origin to a destination** along one-way streets. A
  "forward" search (``reverse=False``) gives the time from the given sources to each node; a
  reverse search runs on the transposed graph and gives the time from each node to the sources
  (e.g. from each home to the nearest GP).
* Results stay sparse: a stored entry is a reachable pair within the cut-off (possibly ``0.0``: a
  source's own node, two points snapped to the same node), a missing entry is "not reachable within
  the cut-off". Read the CSR arrays directly; never call ``eliminate_zeros`` on them.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Optional, TypeVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError
from ..core.lazy import lazy_callable, lazy_module
from .callbacks import IsCanceled, Progress, check_canceled, tick
from .graph import RoadGraph, csr_from_sorted

sparse = lazy_module("scipy.sparse")
dijkstra = lazy_callable("scipy.sparse.csgraph", "dijkstra")

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Dense distance block allowed per Dijkstra chunk (scipy returns one dense row per source).
_CHUNK_BYTES = 200e6

#: Environment variable: set to ``1`` to search with scipy even when numba is installed.
NO_NUMBA_ENV = "RETERR_NO_NUMBA"

#: Most threads of the compiled searches (each holds buffers over all the nodes: ~16 bytes/node).
MAX_SEARCH_WORKERS = 16

#: Most items per chunk of :func:`run_chunks`, e.g. sources of the compiled searches (progress and
#: cancellation are checked between chunks: ~0.3 s of 30-minute searches on a million nodes).
_MAX_CHUNK = 32

T = TypeVar("T")

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


def compiled_kernels() -> Optional[ModuleType]:
    """The compiled kernels module (:mod:`._kernels`) when the searches use it, else None.

    For code that runs compiled loops of its own beside the searches (the service areas gather
    the reached arcs and walk the polygon rings with them). None on the scipy path, whatever the
    reason (see :func:`accelerated`).
    """
    return _kernels() if accelerated() else None


def search_workers() -> int:
    """Threads of the compiled searches: the CPUs this process may use, at most
    :data:`MAX_SEARCH_WORKERS`."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        n = os.cpu_count() or 1
    return max(1, min(MAX_SEARCH_WORKERS, n))


@dataclass(eq=False)
class _Scratch:
    """The workspace of :func:`run_chunks` on the scipy path: a distance buffer only."""

    dist: FloatArray


def run_chunks(
    n_items: int,
    work: Callable[[int, int, Any], T],
    *,
    n_nodes: int,
    workers: Optional[int] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> list[T]:
    """``work(start, stop, workspace)`` over chunks of ``range(n_items)``, in worker threads.

    The runner of the searches, public for work that needs a node-sized buffer per thread (the
    service areas draw each search's polygons over a dense row of times).

    Parameters
    ----------
    n_items
        Items to process; chunks of at most 32 items, about four per thread.
    work
        Called once per chunk with a workspace that no other thread uses meanwhile. Its ``dist``
        is a float64 array of ``n_nodes`` values, ``inf`` everywhere on entry: ``work`` must leave
        it so (reset what it wrote). With the compiled kernels it is a kernels'
        ``Workspace`` (kept between calls; its other buffers feed the kernels), on the scipy
        path a fresh array.
    n_nodes
        Size of the workspace buffers (the graph's nodes).
    workers
        Threads (default :func:`search_workers`); one runs the chunks in the calling thread.
    progress, is_canceled
        Checked between chunks: cancellation before each chunk is waited for (the chunks already
        running finish, the others are dropped), progress ticked as chunks complete, from the
        calling thread only.

    Returns
    -------
    list
        The results of ``work``, in chunk order.
    """
    return _run_chunks(n_items, n_nodes, work, compiled_kernels(), workers, progress, is_canceled)


def _run_chunks(
    n_items: int,
    n_nodes: int,
    work: Callable[[int, int, Any], T],
    kernels: Optional[ModuleType],
    workers: Optional[int],
    progress: Progress,
    is_canceled: IsCanceled,
) -> list[T]:
    """:func:`run_chunks` with the workspaces of ``kernels`` (None: scratch buffers)."""
    n_threads = search_workers() if workers is None else max(1, int(workers))
    size = max(1, min(_MAX_CHUNK, math.ceil(n_items / (4 * n_threads))))
    bounds = [(a, min(n_items, a + size)) for a in range(0, n_items, size)]

    def job(start: int, stop: int) -> T:
        if kernels is None:
            return work(start, stop, _Scratch(np.full(n_nodes, np.inf)))
        ws = kernels.POOL.acquire(n_nodes)
        result = work(start, stop, ws)
        kernels.POOL.release(ws)  # not after an error: its buffers may be dirty
        return result

    results: list[T] = []
    if n_threads == 1 or len(bounds) <= 1:
        for start, stop in bounds:
            check_canceled(is_canceled)
            results.append(job(start, stop))
            tick(progress, stop / n_items)
        return results
    pool = ThreadPoolExecutor(max_workers=min(n_threads, len(bounds)))
    try:
        futures = [pool.submit(job, start, stop) for start, stop in bounds]
        for fut, (_, stop) in zip(futures, bounds):
            check_canceled(is_canceled)
            results.append(fut.result())
            tick(progress, stop / n_items)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return results


def check_cutoff(cutoff: float, *, finite: bool = False) -> float:
    """The cut-off (or threshold) in minutes as a float: ``>= 0``; ``inf`` means none.

    Raises
    ------
    InputError
        A negative or NaN cut-off; an infinite one when ``finite`` (pair lists must stay sparse).
    """
    c = float(cutoff)
    if not (c >= 0):  # also refuses NaN; inf is allowed (no cut-off)
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "The cut-off must be a positive time."))
    if finite and not np.isfinite(c):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine",
                "Listing every pair needs a finite cut-off (minutes): results must stay sparse.",
            )
        )
    return c


def check_nodes(graph: RoadGraph, nodes: ArrayLike, name: str) -> IntArray:
    """Node indices as int64, each -1 (not snapped) or a node of ``graph``.

    Raises
    ------
    ValueError
        An index out of range (a programming error: snapped nodes come from this graph).
    """
    arr = np.asarray(nodes, dtype=np.int64).ravel()
    if arr.size and (arr.min() < -1 or arr.max() >= graph.n_nodes):
        raise ValueError(f"{name}: node indices must be -1 or in [0, {graph.n_nodes})")
    return arr


def check_access(access: ArrayLike | None, nodes: IntArray, name: str) -> FloatArray:
    """Access times (minutes) aligned with ``nodes`` as float64; zeros when None.

    Raises
    ------
    ValueError
        Not one value per node, or a snapped node's access missing, infinite or negative (the
        values of unsnapped nodes, -1, are not looked at).
    """
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
    return csr_from_sorted(m.data[pos], m.indices[pos], indptr, (n_rows_out, m.shape[1]))


def bounded_search(
    graph: RoadGraph,
    sources: ArrayLike,
    cutoff: float,
    *,
    access: ArrayLike | None = None,
    reverse: bool = False,
    workers: Optional[int] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> sparse.csr_matrix:
    """One search per source, stopped at the cut-off: the time to every node it reaches.

    The bounded search under :func:`bounded_costs` and the service areas. With the compiled
    kernels, chunks of sources run on ``workers`` threads and each search costs the nodes it
    reaches; with scipy, chunks of sources go to one Dijkstra call each, in the calling thread.

    Parameters
    ----------
    graph
        The network.
    sources
        Source node of each search (-1: an empty row). A repeated source is searched again
        (:func:`bounded_costs` searches each distinct node once).
    cutoff
        Maximum time in minutes (inclusive); ``inf`` for no cut-off.
    access
        Access time of each source to its node, minutes (None for zeros): search ``i`` stops at
        ``cutoff - access[i]``, so that access plus network time stays within the cut-off (a
        source whose access exceeds the cut-off gets an empty row). The times returned are
        network times from the node: add ``access[i]`` for the time from the point itself.
    reverse
        False: time from the source to each node. True: time from each node to the source
        (search on the transposed graph).
    workers
        Threads of the compiled searches (default :func:`search_workers`).
    progress, is_canceled
        Optional callbacks, checked between chunks of sources.

    Returns
    -------
    scipy.sparse.csr_matrix
        ``(n_sources, n_nodes)``, each row's nodes in ascending order; stored entries are the
        nodes reached within the row's limit (the source's own node at ``0.0``, stored
        explicitly), absent entries are beyond it or unreachable.
    """
    cutoff = check_cutoff(cutoff)
    src = check_nodes(graph, sources, "sources")
    acc = check_access(access, src, "access")
    with np.errstate(invalid="ignore"):  # inf - inf of unsnapped sources: not searched
        limits = cutoff - acc
    run = np.flatnonzero((src >= 0) & (limits >= 0))
    adj = graph.adjacency(reverse)
    kernels = compiled_kernels()
    if run.shape[0] == src.shape[0]:
        return _bounded(adj, src, limits, kernels, workers, progress, is_canceled)
    rows = _bounded(adj, src[run], limits[run], kernels, workers, progress, is_canceled)
    row_of = np.full(src.shape[0], -1, dtype=np.int64)
    row_of[run] = np.arange(run.shape[0])
    return _gather_rows(rows, row_of, src.shape[0])


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

    :func:`bounded_search` of the distinct source nodes, rows repeated for repeated sources.

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
    cutoff = check_cutoff(cutoff)
    src = check_nodes(graph, sources, "sources")
    uniq, inverse = np.unique(src[src >= 0], return_inverse=True)
    row_of = np.full(src.shape[0], -1, dtype=np.int64)
    row_of[src >= 0] = inverse
    per_unique = bounded_search(
        graph, uniq, cutoff, reverse=reverse, progress=progress, is_canceled=is_canceled
    )
    if uniq.shape[0] == src.shape[0] and np.array_equal(uniq, src):
        return per_unique
    return _gather_rows(per_unique, row_of, src.shape[0])


def _bounded(
    adj: sparse.csr_matrix,
    sources: IntArray,
    limits: FloatArray,
    kernels: Optional[ModuleType],
    workers: Optional[int],
    progress: Progress,
    is_canceled: IsCanceled,
) -> sparse.csr_matrix:
    """:func:`bounded_search` of valid sources (nodes, limits ``>= 0``), compiled or scipy."""
    if kernels is not None:
        return _bounded_compiled(adj, sources, limits, kernels, workers, progress, is_canceled)
    return _bounded_scipy(adj, sources, limits, progress, is_canceled)


def _bounded_compiled(
    adj: sparse.csr_matrix,
    sources: IntArray,
    limits: FloatArray,
    kernels: ModuleType,
    workers: Optional[int],
    progress: Progress,
    is_canceled: IsCanceled,
) -> sparse.csr_matrix:
    """:func:`_bounded` with the compiled kernels, chunks of sources on worker threads."""
    n = adj.shape[0]
    k = sources.shape[0]
    sources = sources.astype(np.int64)

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

    parts = _run_chunks(k, n, work, kernels, workers, progress, is_canceled) if k else []
    indptr = np.zeros(k + 1, dtype=np.int64)
    if parts:
        np.cumsum(np.concatenate([np.diff(p[0]) for p in parts]), out=indptr[1:])
        cols = np.concatenate([p[1] for p in parts])
        vals = np.concatenate([p[2] for p in parts])
    else:
        cols, vals = np.zeros(0, np.int32), np.zeros(0)
    return csr_from_sorted(vals, cols, indptr, (k, n))


def _bounded_scipy(
    adj: sparse.csr_matrix,
    sources: IntArray,
    limits: FloatArray,
    progress: Progress,
    is_canceled: IsCanceled,
) -> sparse.csr_matrix:
    """:func:`_bounded` with scipy's Dijkstra: chunks of sources, one call each, stopped at the
    chunk's largest limit; each row keeps its own limit."""
    n = adj.shape[0]
    k = sources.shape[0]
    step = _chunk_size(n)
    rows_l: list[IntArray] = []
    cols_l: list[NDArray[np.int32]] = []
    vals_l: list[FloatArray] = []
    for start in range(0, k, step):
        check_canceled(is_canceled)
        lim = limits[start : start + step]
        top = float(lim.max())
        block = dijkstra(adj, directed=True, indices=sources[start : start + step], limit=top)
        flat = block.ravel()
        if lim.min() == top:
            hit = np.flatnonzero(flat != np.inf)  # one pass; faster than nonzero(isfinite(...))
        else:  # finite limits here: an infinite cut-off gives every search an infinite limit
            hit = np.flatnonzero((block <= lim[:, None]).ravel())
        vals_l.append(flat[hit])
        r = hit // n
        rows_l.append(r + start)
        cols_l.append((hit - r * n).astype(np.int32))
        del block, flat
        tick(progress, (start + step) / max(1, k))
    if rows_l:
        rows = np.concatenate(rows_l)
        cols = np.concatenate(cols_l)
        vals = np.concatenate(vals_l)
    else:
        rows, cols, vals = np.zeros(0, np.int64), np.zeros(0, np.int32), np.zeros(0)
    indptr = np.zeros(k + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=k), out=indptr[1:])
    return csr_from_sorted(vals, cols, indptr, (k, n))


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
    cutoff = check_cutoff(cutoff)
    o_nodes = check_nodes(graph, origin_nodes, "origin_nodes")
    d_nodes = check_nodes(graph, dest_nodes, "dest_nodes")
    o_acc = check_access(origin_access, o_nodes, "origin_access")
    d_acc = check_access(dest_access, d_nodes, "dest_access")
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
            check_canceled(is_canceled)
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
            tick(progress, stop / max(1, n_s))
    if pairs_s:
        ps, pt, pv = np.concatenate(pairs_s), np.concatenate(pairs_t), np.concatenate(pairs_v)
    else:
        ps, pt, pv = np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    rows, cols = (ps, pt) if forward else (pt, ps)
    order = np.lexsort((cols, rows))
    indptr = np.zeros(shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
    tick(progress, 1.0)
    return csr_from_sorted(pv[order], cols[order], indptr, shape)


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

    return _run_chunks(s_nodes.shape[0], n, work, kernels, None, progress, is_canceled)


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
    cutoff = check_cutoff(cutoff)
    nodes = check_nodes(graph, source_nodes, "source_nodes")
    acc = check_access(source_access, nodes, "source_access")
    n = graph.n_nodes
    cost = np.full(n, np.inf)
    which = np.full(n, -1, dtype=np.int64)
    valid = np.flatnonzero(nodes >= 0)
    if valid.size == 0:
        return NearestResult(cost=cost, source=which)
    check_canceled(is_canceled)
    # The cheapest source at each node (ties: the first given).
    order = valid[np.lexsort((valid, acc[valid], nodes[valid]))]
    first = np.ones(order.shape[0], dtype=bool)
    first[1:] = nodes[order[1:]] != nodes[order[:-1]]
    best = order[first]
    adj = graph.adjacency(reverse)
    if accelerated():
        kernels = _kernels()
        assert kernels is not None
        tick(progress, 0.1)
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
        check_canceled(is_canceled)
        tick(progress, 1.0)
        return NearestResult(cost=cost, source=which)
    k = best.shape[0]
    indptr = np.concatenate((adj.indptr.astype(np.int64), [adj.nnz + k]))
    indices = np.concatenate((adj.indices, nodes[best].astype(adj.indices.dtype)))
    data = np.concatenate((adj.data, acc[best]))
    aug = csr_from_sorted(data, indices, indptr, (n + 1, n + 1))
    aug.has_sorted_indices = False
    tick(progress, 0.1)
    dist, pred = dijkstra(aug, directed=True, indices=n, limit=cutoff, return_predecessors=True)
    check_canceled(is_canceled)
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
    tick(progress, 1.0)
    return NearestResult(cost=cost, source=which)
