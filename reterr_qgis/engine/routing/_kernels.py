"""Compiled bounded Dijkstra searches (numba), the optional accelerator of :mod:`.search`.

Imported only when numba is installed (see :func:`.search.accelerated`, which first runs
:func:`self_check`); every caller keeps a scipy fallback. The kernels are compiled on first use (a
few seconds, then cached on disk by numba next to this file or in its user cache) and **release
the GIL**: the callers run them in several Python threads at once, one :class:`Workspace` per
thread. numba's own parallel layer is not used on purpose: its work-queue layer aborts the process
when two threads enter it at once, which QGIS does (Processing algorithms run in background
threads).

The search
----------
A 4-ary heap with lazy deletion over the CSR arrays of the graph (``indptr``, ``indices``,
``data`` in minutes): a node is pushed each time its time improves, stale heap entries are skipped
when popped. Only arcs that end within the cut-off are relaxed (inclusive, as scipy's ``limit``),
so the search settles nothing beyond it. The distance buffer of the workspace covers every node;
it is filled with ``inf`` once, and after each search only the nodes the search touched are reset:
a search costs the nodes it reaches, not the size of the graph.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
from numba import njit
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
#: Node ids: int32 below 2**31 nodes (as scipy's CSR indices), else int64.
IndexArray = NDArray[np.integer[Any]]

#: Radix sort digit width (bits): 2,048 counters stay in the L1 cache.
_RADIX_BITS = 11
#: Below this many nodes a comparison sort beats the radix passes.
_SMALL_SORT = 256
#: Initial heap capacity; the heap doubles when full and the larger one is kept.
_HEAP0 = 4096

#: numba's disk cache names its entries after this file and each function, but what it stores
#: refers to the module by name: the same file imported under another name (in a development
#: tree, the plugin as QGIS loads it, ``reterr_qgis.reterr_qgis.engine``, and the engine as the
#: tests import it, ``reterr_qgis.engine``) would load entries it cannot rebuild and fail. The
#: module's name goes into each function's qualified name, hence into its entries' file names.
_NAME_TAG = "m" + format(zlib.crc32(__name__.encode("utf-8")), "08x")

F = TypeVar("F", bound=Callable[..., Any])


def _kernel(fn: F) -> F:
    """``numba.njit(nogil=True, cache=True)``, cached apart for each name of this module."""
    fn.__qualname__ = f"{fn.__name__}_{_NAME_TAG}"
    return njit(nogil=True, cache=True)(fn)


# ---------------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------------


@_kernel
def _grow(
    heap_key: FloatArray, heap_node: IndexArray
) -> tuple[FloatArray, IndexArray]:  # pragma: no cover - compiled
    """Arrays of twice the capacity, holding the same entries."""
    cap = heap_key.shape[0]
    key2 = np.empty(2 * cap, dtype=heap_key.dtype)
    node2 = np.empty(2 * cap, dtype=heap_node.dtype)
    key2[:cap] = heap_key
    node2[:cap] = heap_node
    return key2, node2


@_kernel
def _abandon(
    dist: FloatArray, label: IndexArray, touched: IndexArray, m: int
) -> int:  # pragma: no cover - compiled
    """Undo a search that filled its heap: reset what it touched; -1."""
    for j in range(m):
        dist[touched[j]] = np.inf
        if label.shape[0] > 0:
            label[touched[j]] = -1
    return -1


@_kernel
def _search_fixed(
    indptr: IndexArray,
    indices: IndexArray,
    data: FloatArray,
    seed_nodes: IndexArray,
    seed_costs: FloatArray,
    seed_labels: IndexArray,
    limit: float,
    dist: FloatArray,
    label: IndexArray,
    touched: IndexArray,
    heap_key: FloatArray,
    heap_node: IndexArray,
) -> int:  # pragma: no cover - compiled
    """:func:`_search` with a heap of fixed capacity: -1 (and ``dist`` reset) when it is full.

    The heap is 4-ary (fewer levels than a binary heap: a search spends most of its time moving
    entries down after each pop) and written inline: the arrays never change inside the loop,
    which keeps their pointers in registers (growing them in the loop costs twice the time).
    """
    use_label = label.shape[0] > 0
    cap = heap_key.shape[0]
    m = 0
    size = 0
    for s_i in range(seed_nodes.shape[0]):
        s = seed_nodes[s_i]
        c = seed_costs[s_i]
        if c <= limit and c < dist[s]:
            if dist[s] == np.inf:
                touched[m] = s
                m += 1
            dist[s] = c
            if use_label:
                label[s] = seed_labels[s_i]
            if size == cap:
                return _abandon(dist, label, touched, m)
            i = size
            while i > 0:
                parent = (i - 1) >> 2
                if heap_key[parent] <= c:
                    break
                heap_key[i] = heap_key[parent]
                heap_node[i] = heap_node[parent]
                i = parent
            heap_key[i] = c
            heap_node[i] = s
            size += 1
    while size > 0:
        du = heap_key[0]
        u = heap_node[0]
        # Pop: move the last entry down from the root.
        size -= 1
        key = heap_key[size]
        node = heap_node[size]
        i = 0
        while True:
            child = 4 * i + 1
            if child >= size:
                break
            best = child
            best_key = heap_key[child]
            stop = min(child + 4, size)
            for q in range(child + 1, stop):
                kq = heap_key[q]
                if kq < best_key:
                    best_key = kq
                    best = q
            if best_key >= key:
                break
            heap_key[i] = best_key
            heap_node[i] = heap_node[best]
            i = best
        heap_key[i] = key
        heap_node[i] = node
        if du > dist[u]:
            continue  # stale entry: u was reached faster since
        lu = label[u] if use_label else 0
        for j in range(indptr[u], indptr[u + 1]):
            v = indices[j]
            nd = du + data[j]
            if nd <= limit and nd < dist[v]:
                if dist[v] == np.inf:
                    touched[m] = v
                    m += 1
                dist[v] = nd
                if use_label:
                    label[v] = lu
                if size == cap:
                    return _abandon(dist, label, touched, m)
                # Push: move up from the end.
                i = size
                while i > 0:
                    parent = (i - 1) >> 2
                    if heap_key[parent] <= nd:
                        break
                    heap_key[i] = heap_key[parent]
                    heap_node[i] = heap_node[parent]
                    i = parent
                heap_key[i] = nd
                heap_node[i] = v
                size += 1
    return m


@_kernel
def _search(
    indptr: IndexArray,
    indices: IndexArray,
    data: FloatArray,
    seed_nodes: IndexArray,
    seed_costs: FloatArray,
    seed_labels: IndexArray,
    limit: float,
    dist: FloatArray,
    label: IndexArray,
    touched: IndexArray,
    heap_key: FloatArray,
    heap_node: IndexArray,
) -> tuple[int, FloatArray, IndexArray]:  # pragma: no cover - compiled
    """Dijkstra from several seeds with initial costs, stopped at ``limit`` (inclusive).

    ``dist`` must be ``inf`` on every node the search may reach; on return it holds the time of
    every reached node, listed in ``touched[:m]`` (in the order first reached). When ``label`` is
    not empty, ``label[v]`` receives the label of the seed whose tree reaches ``v`` (labels must
    be given as -1). A search that fills the heap is run again with a heap twice as large.

    Returns ``(m, heap_key, heap_node)`` (the heap arrays may have grown: keep them).
    """
    while True:
        m = _search_fixed(
            indptr,
            indices,
            data,
            seed_nodes,
            seed_costs,
            seed_labels,
            limit,
            dist,
            label,
            touched,
            heap_key,
            heap_node,
        )
        if m >= 0:
            return m, heap_key, heap_node
        heap_key, heap_node = _grow(heap_key, heap_node)


@_kernel
def _sort_nodes(
    a: IndexArray, m: int, tmp: IndexArray, n_bits: int
) -> None:  # pragma: no cover - compiled
    """Sort ``a[:m]`` (node ids below ``2**n_bits``) in place; ``tmp`` is scratch of size >= m.

    LSD radix sort: linear in ``m``, whatever the number of nodes of the graph.
    """
    if m <= _SMALL_SORT:
        a[:m].sort()
        return
    n_digits = 1 << _RADIX_BITS
    mask = n_digits - 1
    counts = np.empty(n_digits, dtype=np.int64)
    src = a
    dst = tmp
    shift = 0
    swapped = False
    while shift < n_bits:
        counts[:] = 0
        for i in range(m):
            counts[(src[i] >> shift) & mask] += 1
        total = 0
        for d in range(n_digits):
            c = counts[d]
            counts[d] = total
            total += c
        for i in range(m):
            v = src[i]
            d = (v >> shift) & mask
            dst[counts[d]] = v
            counts[d] += 1
        src, dst = dst, src
        swapped = not swapped
        shift += _RADIX_BITS
    if swapped:
        a[:m] = tmp[:m]


# ---------------------------------------------------------------------------------------------
# Kernels called by search.py and isochrones.py
# ---------------------------------------------------------------------------------------------


@_kernel
def bounded_rows(
    indptr: IndexArray,
    indices: IndexArray,
    data: FloatArray,
    sources: IndexArray,
    limits: FloatArray,
    dist: FloatArray,
    touched: IndexArray,
    tmp: IndexArray,
    heap_key: FloatArray,
    heap_node: IndexArray,
    n_bits: int,
) -> tuple[IntArray, IndexArray, FloatArray, FloatArray, IndexArray]:  # pragma: no cover - compiled
    """One search per source, search ``i`` stopped at ``limits[i]``; reached nodes in CSR form.

    Returns ``(offsets, nodes, costs, heap_key, heap_node)``: the reached nodes of source ``i``
    (ascending) and their times are ``nodes[offsets[i]:offsets[i + 1]]`` and ``costs[...]``.
    ``dist`` is left as it was given (``inf`` everywhere).
    """
    k = sources.shape[0]
    offsets = np.zeros(k + 1, dtype=np.int64)
    out_nodes = np.empty(max(1024, 64 * k), dtype=touched.dtype)
    out_costs = np.empty(out_nodes.shape[0], dtype=np.float64)
    seed = np.empty(1, dtype=np.int64)
    zero = np.zeros(1, dtype=np.float64)
    no_label = np.empty(0, dtype=np.int64)
    pos = 0
    for i in range(k):
        seed[0] = sources[i]
        m, heap_key, heap_node = _search(
            indptr,
            indices,
            data,
            seed,
            zero,
            no_label,
            limits[i],
            dist,
            no_label,
            touched,
            heap_key,
            heap_node,
        )
        _sort_nodes(touched, m, tmp, n_bits)
        while pos + m > out_nodes.shape[0]:
            out_costs, out_nodes = _grow(out_costs, out_nodes)
        for j in range(m):
            v = touched[j]
            out_nodes[pos + j] = v
            out_costs[pos + j] = dist[v]
            dist[v] = np.inf
        pos += m
        offsets[i + 1] = pos
    return offsets, out_nodes[:pos].copy(), out_costs[:pos].copy(), heap_key, heap_node


@_kernel
def od_rows(
    indptr: IndexArray,
    indices: IndexArray,
    data: FloatArray,
    sources: IndexArray,
    limits: FloatArray,
    s_min: FloatArray,
    target_of: IndexArray,
    t_min: FloatArray,
    cutoff: float,
    dist: FloatArray,
    touched: IndexArray,
    heap_key: FloatArray,
    heap_node: IndexArray,
) -> tuple[IntArray, IntArray, FloatArray, FloatArray, IndexArray]:  # pragma: no cover - compiled
    """One search per source node, keeping the reached target nodes that may hold a pair.

    ``limits[i]`` stops search ``i`` (negative: no search); ``target_of[v]`` is the target group
    of node ``v`` or -1; a reached target ``g`` at time ``c`` is kept when
    ``c + s_min[i] + t_min[g] <= cutoff`` (the cheapest access at both ends).

    Returns ``(offsets, groups, costs, heap_key, heap_node)`` in CSR form over the sources
    (groups in the order reached). ``dist`` is left ``inf`` everywhere.
    """
    k = sources.shape[0]
    offsets = np.zeros(k + 1, dtype=np.int64)
    out_groups = np.empty(1024, dtype=np.int64)
    out_costs = np.empty(1024, dtype=np.float64)
    seed = np.empty(1, dtype=np.int64)
    zero = np.zeros(1, dtype=np.float64)
    no_label = np.empty(0, dtype=np.int64)
    pos = 0
    for i in range(k):
        if limits[i] >= 0:
            seed[0] = sources[i]
            m, heap_key, heap_node = _search(
                indptr,
                indices,
                data,
                seed,
                zero,
                no_label,
                limits[i],
                dist,
                no_label,
                touched,
                heap_key,
                heap_node,
            )
            for j in range(m):
                v = touched[j]
                g = target_of[v]
                if g >= 0:
                    c = dist[v]
                    if c + s_min[i] + t_min[g] <= cutoff:
                        if pos == out_groups.shape[0]:
                            out_costs, out_groups = _grow(out_costs, out_groups)
                        out_groups[pos] = g
                        out_costs[pos] = c
                        pos += 1
                dist[v] = np.inf
        offsets[i + 1] = pos
    return offsets, out_groups[:pos].copy(), out_costs[:pos].copy(), heap_key, heap_node


@_kernel
def multi_source(
    indptr: IndexArray,
    indices: IndexArray,
    data: FloatArray,
    seed_nodes: IndexArray,
    seed_costs: FloatArray,
    seed_labels: IndexArray,
    limit: float,
    dist: FloatArray,
    label: IndexArray,
    touched: IndexArray,
    heap_key: FloatArray,
    heap_node: IndexArray,
) -> tuple[int, FloatArray, IndexArray]:  # pragma: no cover - compiled
    """One search from all the seeds at once (initial costs, labels): fills ``dist`` and
    ``label`` (given as ``inf`` and -1).

    Returns ``(m, heap_key, heap_node)``: the number of reached nodes and the heap arrays.
    """
    return _search(
        indptr,
        indices,
        data,
        seed_nodes,
        seed_costs,
        seed_labels,
        limit,
        dist,
        label,
        touched,
        heap_key,
        heap_node,
    )


# ---------------------------------------------------------------------------------------------
# Service-area polygons (isochrones.py): index work only, no arithmetic on times or coordinates,
# so that both paths draw exactly the same polygons
# ---------------------------------------------------------------------------------------------


@_kernel
def reached_arcs(
    indptr: IndexArray,
    indices: IndexArray,
    d: FloatArray,
    reached: IntArray,
    top: float,
    second: NDArray[np.bool_],
) -> tuple[IntArray, IntArray, IntArray, FloatArray, FloatArray]:  # pragma: no cover - compiled
    """Arcs leaving the ``reached`` nodes: arc index, start, end, ``d`` at both ends.

    With ``second`` not empty, an arc flagged in it is left out when its end is within ``top``
    (see ``isochrones._ArcTable``).
    """
    use_second = second.shape[0] > 0
    total = 0
    for i in range(reached.shape[0]):
        total += indptr[reached[i] + 1] - indptr[reached[i]]
    arc = np.empty(total, dtype=np.int64)
    u = np.empty(total, dtype=np.int64)
    v = np.empty(total, dtype=np.int64)
    du = np.empty(total, dtype=np.float64)
    dv = np.empty(total, dtype=np.float64)
    k = 0
    for i in range(reached.shape[0]):
        r = reached[i]
        dr = d[r]
        for j in range(indptr[r], indptr[r + 1]):
            w = indices[j]
            dw = d[w]
            if use_second and second[j] and not dw > top:
                continue
            arc[k] = j
            u[k] = r
            v[k] = w
            du[k] = dr
            dv[k] = dw
            k += 1
    return arc[:k], u[:k], v[:k], du[:k], dv[:k]


@_kernel
def reverse_arcs(indptr: IndexArray, indices: IndexArray) -> IntArray:  # pragma: no cover
    """Index of the arc v -> u of each arc u -> v (-1 if none): a scan of v's few arcs."""
    n = indptr.shape[0] - 1
    rev = np.full(indices.shape[0], -1, dtype=np.int64)
    for u in range(n):
        for j in range(indptr[u], indptr[u + 1]):
            v = indices[j]
            for k in range(indptr[v], indptr[v + 1]):
                if indices[k] == u:
                    rev[j] = k
                    break
    return rev


@_kernel
def cycle_label_rank(succ: IntArray) -> tuple[IntArray, IntArray, bool]:  # pragma: no cover
    """Label (smallest member) and rank (members after it before the cycle closes, counted from
    the end: ``length - 1 - position``) of each element of a permutation made of cycles.

    Returns ``(label, rank, ok)``; ``ok`` is False when ``succ`` is not a permutation.
    """
    m = succ.shape[0]
    label = np.full(m, -1, dtype=np.int64)
    rank = np.zeros(m, dtype=np.int64)
    members = np.empty(m, dtype=np.int64)
    for i in range(m):
        if label[i] >= 0:
            continue
        length = 0
        lowest = i
        j = i
        while True:
            if length == m or label[j] >= 0 or j < 0 or j >= m:
                return label, rank, False
            members[length] = j
            length += 1
            lowest = min(lowest, j)
            label[j] = i  # provisional: marks the cycle being walked
            j = succ[j]
            if j == i:
                break
        start = 0
        while members[start] != lowest:
            start += 1
        for q in range(length):
            node = members[q]
            label[node] = lowest
            rank[node] = length - 1 - (q - start + length) % length
    return label, rank, True


# ---------------------------------------------------------------------------------------------
# Per-thread buffers
# ---------------------------------------------------------------------------------------------


class Workspace:
    """Buffers of the searches of one thread over graphs of ``n`` nodes.

    ``dist`` is ``inf`` everywhere between two searches (each kernel resets what it touched).
    """

    def __init__(self, n: int, heap: int = _HEAP0) -> None:
        self.n = n
        node_type = np.int32 if n < 2**31 else np.int64
        self.n_bits = max(1, int(n - 1).bit_length())
        self.dist: FloatArray = np.full(n, np.inf)
        self.touched = np.empty(max(n, 1), dtype=node_type)
        self.tmp = np.empty(max(n, 1), dtype=node_type)
        self.heap_key: FloatArray = np.empty(max(1, heap), dtype=np.float64)
        self.heap_node = np.empty(max(1, heap), dtype=node_type)


class WorkspacePool:
    """Workspaces kept between calls for the last graph size (allocating and filling a distance
    array of a million nodes costs milliseconds, as much as a short search)."""

    def __init__(self, keep: int = 16) -> None:
        self._lock = threading.Lock()
        self._free: list[Workspace] = []
        self._n = -1
        self._keep = keep

    def acquire(self, n: int) -> Workspace:
        """A workspace for ``n`` nodes (a kept one or a new one)."""
        with self._lock:
            if self._n == n and self._free:
                return self._free.pop()
        return Workspace(n)

    def release(self, ws: Workspace) -> None:
        """Give back a workspace whose ``dist`` is ``inf`` everywhere again."""
        with self._lock:
            if ws.n != self._n:
                self._free = []
                self._n = ws.n
            if len(self._free) < self._keep:
                self._free.append(ws)

    def clear(self) -> None:
        """Drop the kept workspaces."""
        with self._lock:
            self._free = []
            self._n = -1


#: Shared by the searches and the chunk runner of search.py (isochrones.py draws over its buffers).
POOL = WorkspacePool()


def self_check() -> None:
    """Compile (or load) the kernels and run each on a 3-node cycle; raise if anything fails.

    :func:`.search.accelerated` calls it once before using the kernels: a numba that cannot
    compile or load them here (broken LLVM, unusable cache) leaves the searches to scipy.
    """
    # 0 -> 1 (1.5), 1 -> 2 (2.0), 2 -> 0 (0.5)
    indptr = np.array([0, 1, 2, 3], dtype=np.int32)
    indices = np.array([1, 2, 0], dtype=np.int32)
    data = np.array([1.5, 2.0, 0.5])
    ws = Workspace(3, heap=1)
    offsets, nodes, costs, _, _ = bounded_rows(
        indptr,
        indices,
        data,
        np.array([0, 2], dtype=np.int64),
        np.array([3.5, 1.0]),
        ws.dist,
        ws.touched,
        ws.tmp,
        ws.heap_key,
        ws.heap_node,
        ws.n_bits,
    )
    ok = (
        offsets.tolist() == [0, 3, 5]
        and nodes.tolist() == [0, 1, 2, 0, 2]
        and costs.tolist() == [0.0, 1.5, 3.5, 0.5, 0.0]
    )
    offsets, groups, costs, _, _ = od_rows(
        indptr,
        indices,
        data,
        np.array([1], dtype=np.int64),
        np.array([2.0]),
        np.zeros(1),
        np.array([-1, -1, 0], dtype=np.int64),
        np.zeros(1),
        2.0,
        ws.dist,
        ws.touched,
        ws.heap_key,
        ws.heap_node,
    )
    ok &= offsets.tolist() == [0, 1] and groups.tolist() == [0] and costs.tolist() == [2.0]
    dist = np.full(3, np.inf)
    label = np.full(3, -1, dtype=np.int64)
    m, _, _ = multi_source(
        indptr,
        indices,
        data,
        np.array([0, 2], dtype=np.int64),
        np.array([0.0, 1.0]),
        np.array([7, 8], dtype=np.int64),
        np.inf,
        dist,
        label,
        ws.touched,
        ws.heap_key,
        ws.heap_node,
    )
    ok &= m == 3 and dist.tolist() == [0.0, 1.5, 1.0] and label.tolist() == [7, 7, 8]
    ok &= reverse_arcs(indptr, indices).tolist() == [-1, -1, -1]
    # Arc 0 -> 1 flagged but ending beyond 1.0: kept; arc 2 -> 0 flagged, ending within: left out.
    arc, u, v, du, dv = reached_arcs(
        indptr, indices, dist, np.array([0, 2]), 1.0, np.array([True, False, True])
    )
    ok &= arc.tolist() == [0] and u.tolist() == [0] and v.tolist() == [1]
    ok &= du.tolist() == [0.0] and dv.tolist() == [1.5]
    ring, rank, walked = cycle_label_rank(np.array([1, 2, 0, 3]))
    ok &= walked and ring.tolist() == [0, 0, 0, 3] and rank.tolist() == [2, 1, 0, 0]
    if not (ok and np.isinf(ws.dist).all()):
        raise RuntimeError("the compiled searches gave wrong results on a 3-node graph")
